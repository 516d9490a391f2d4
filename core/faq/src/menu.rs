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
}
