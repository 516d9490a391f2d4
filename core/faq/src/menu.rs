//! Menu answers: FAQ answers that are really a question back to the user
//! (「以下のいずれについて知りたいですか。１．…２．…」), turned into a prompt and
//! choices a user can tap.

use serde::{Deserialize, Serialize};

/// A parsed menu answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Menu {
    /// Text before the first item (context and the question), trimmed.
    pub prompt: String,
    /// The items in order, each trimmed of its number and trailing stops.
    pub items: Vec<String>,
}

fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

fn is_item_dot(c: char) -> bool {
    matches!(c, '.' | '．' | '、' | ')' | '）')
}

/// Finds the item marker `n.` starting at `i`: returns the index just past it.
fn marker_at(chars: &[char], i: usize, n: u32) -> Option<usize> {
    if i > 0 && digit_value(chars[i - 1]).is_some() {
        return None;
    }
    let mut j = i;
    let mut v = 0u32;
    while j < chars.len() {
        match digit_value(chars[j]) {
            Some(d) => v = v.checked_mul(10)?.checked_add(d)?,
            None => break,
        }
        j += 1;
    }
    if j == i || v != n || j >= chars.len() || !is_item_dot(chars[j]) {
        return None;
    }
    // "1.5" is a decimal, not an item.
    if chars.get(j + 1).and_then(|&c| digit_value(c)).is_some() {
        return None;
    }
    Some(j + 1)
}

/// Where a menu's last item ends: a line break or the related-FAQ block.
fn item_end(chars: &[char], from: usize) -> usize {
    (from..chars.len())
        .find(|&k| matches!(chars[k], '\n' | '【' | '<' | '＜'))
        .unwrap_or(chars.len())
}

fn clean_item(s: &str) -> String {
    s.trim()
        .trim_end_matches(['。', '.', '、', ' ', '　'])
        .trim()
        .to_string()
}

/// Parses `answer` as a menu when it holds at least two consecutively
/// numbered items (１．…２．…) and the text just before the first item asks
/// a question (ends in か / ？ / ? / ：, possibly followed by a stop).
/// Returns `None` for ordinary answers, including numbered step lists that
/// are not introduced by a question.
pub fn parse_menu(answer: &str) -> Option<Menu> {
    let chars: Vec<char> = answer.chars().collect();
    // First item marker "1." preceded by a question.
    let mut i = 0;
    let (first_at, mut body_start) = loop {
        if i >= chars.len() {
            return None;
        }
        if let Some(after) = marker_at(&chars, i, 1) {
            let before: String = chars[..i].iter().collect();
            let tail = before.trim_end().trim_end_matches(['。', '.', ' ', '　']);
            if tail.ends_with(['か', '？', '?', ':', '：']) {
                break (i, after);
            }
        }
        i += 1;
    };
    let mut items = Vec::new();
    let mut n = 2;
    let mut k = body_start;
    while k < chars.len() {
        if let Some(after) = marker_at(&chars, k, n) {
            items.push(clean_item(&chars[body_start..k].iter().collect::<String>()));
            body_start = after;
            n += 1;
            k = after;
            continue;
        }
        // A line break or related-FAQ block before the next number ends the menu.
        if matches!(chars[k], '\n' | '【') {
            break;
        }
        k += 1;
    }
    let end = item_end(&chars, body_start);
    items.push(clean_item(
        &chars[body_start..end].iter().collect::<String>(),
    ));
    items.retain(|s| !s.is_empty());
    if items.len() < 2 {
        return None;
    }
    let prompt = clean_prompt(&chars[..first_at].iter().collect::<String>());
    Some(Menu { prompt, items })
}

fn clean_prompt(s: &str) -> String {
    s.trim()
        .trim_start_matches(['■', '●', '◆', ' ', '　'])
        .trim_end_matches(['。', ' ', '　'])
        .to_string()
}

/// Links menu items to entries: `scores[i]` lists `(entry, match)` for item
/// `i` (higher is better). Each item gets the entry it matches best with a
/// match of at least `min`, taken greedily from the strongest pair down so
/// that no two items lead to the same entry — unless the two items read the
/// same (`same_item(i, j)`), which then share it. Items left without an
/// unambiguous entry get `None` (the app asks their text instead).
pub fn link_items(
    scores: &[Vec<(usize, f32)>],
    min: f32,
    same_item: impl Fn(usize, usize) -> bool,
) -> Vec<Option<usize>> {
    let mut pairs: Vec<(f32, usize, usize)> = scores
        .iter()
        .enumerate()
        .flat_map(|(i, s)| s.iter().map(move |&(e, m)| (m, i, e)))
        .filter(|p| p.0 >= min)
        .collect();
    // Strongest first; ties go to the earlier item, then the earlier entry.
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut out: Vec<Option<usize>> = vec![None; scores.len()];
    for (_, i, e) in pairs {
        if out[i].is_some() {
            continue;
        }
        let taken_by_other = out
            .iter()
            .enumerate()
            .any(|(j, o)| *o == Some(e) && !same_item(i, j));
        if !taken_by_other {
            out[i] = Some(e);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn localgov_style_menu() {
        let a = "■市には次のような取組をしています。以下のいずれについて知りたいですか。１．つどいの広場事業。２．保育所子育て支援事業。３．健康教室。\n【関連するＦＡＱ】ほか";
        let m = parse_menu(a).unwrap();
        assert_eq!(
            m.items,
            vec!["つどいの広場事業", "保育所子育て支援事業", "健康教室"]
        );
        assert!(m.prompt.ends_with("知りたいですか"), "{}", m.prompt);
        assert!(!m.prompt.starts_with('■'));
    }

    #[test]
    fn question_mark_prompt_and_half_width_numbers() {
        let a = "どちらの駅からいらっしゃいますか？。1.JR立花駅から（徒歩約10分です。）。2.阪急塚口駅から。";
        let m = parse_menu(a).unwrap();
        assert_eq!(m.items.len(), 2);
        assert_eq!(m.items[0], "JR立花駅から（徒歩約10分です。）");
        let en = "Which of the following do you want to know about? 1. Bulky waste. 2. Recycling.";
        assert_eq!(
            parse_menu(en).unwrap().items,
            vec!["Bulky waste", "Recycling"]
        );
    }

    #[test]
    fn ordinary_answers_and_step_lists_are_not_menus() {
        assert!(parse_menu("市民課の窓口で取得できます。手数料は300円です。").is_none());
        assert!(parse_menu("手順は次のとおりです。１．申請書を書く。２．窓口に出す。").is_none());
        assert!(parse_menu("料金は1.5倍です。").is_none());
        assert!(parse_menu("知りたいですか。１．ひとつだけ。").is_none());
        assert!(parse_menu("").is_none());
    }

    #[test]
    fn items_link_to_distinct_best_entries() {
        // Item 0 matches entries 5 (0.9) and 6 (0.7); item 1 matches only 5
        // (0.8) and 6 (0.75): the greedy pass gives 5 to item 0, 6 to item 1.
        let scores = vec![vec![(5, 0.9), (6, 0.7)], vec![(5, 0.8), (6, 0.75)]];
        assert_eq!(
            link_items(&scores, 0.4, |_, _| false),
            vec![Some(5), Some(6)]
        );
        // With nothing else above the floor, the weaker item gets nothing
        // rather than a second link to the same entry.
        let scores = vec![vec![(5, 0.9)], vec![(5, 0.8), (6, 0.3)]];
        assert_eq!(link_items(&scores, 0.4, |_, _| false), vec![Some(5), None]);
        // Identical items may share an entry.
        assert_eq!(
            link_items(&scores, 0.4, |_, _| true),
            vec![Some(5), Some(5)]
        );
        assert_eq!(
            link_items(&[], 0.4, |_, _| false),
            Vec::<Option<usize>>::new()
        );
    }
}
