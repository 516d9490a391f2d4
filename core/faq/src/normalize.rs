//! Text normalization shared by indexing and querying.
//!
//! Both sides go through the same function, so any variant folded here
//! (width, case, kana script, long vowels, small kana, kanji numerals before
//! counters, ごみ/ゴミ/塵) matches regardless of how a resident typed it.

use unicode_normalization::UnicodeNormalization;

/// Normalizes `text` for matching: NFKC (full/half width), lower case,
/// katakana folded to hiragana, variant kana (ヴ, ヵ, ヶ, small vowels) and
/// the long-vowel mark folded, kanji numerals before a counter turned into
/// digits, 塵/芥 folded to ごみ, and every run of punctuation or white space
/// collapsed to one space. The result never contains control characters.
pub fn normalize(text: &str) -> String {
    let nfkc: String = text.nfkc().collect();
    let mut chars: Vec<char> = Vec::with_capacity(nfkc.len());
    for c in nfkc.chars() {
        for l in c.to_lowercase() {
            chars.push(l);
        }
    }
    let chars = kanji_numerals_to_digits(&chars);
    let mut out = String::with_capacity(chars.len() * 3);
    let mut last_space = true;
    for (i, &c) in chars.iter().enumerate() {
        let folded = fold_char(c, i.checked_sub(1).map(|p| chars[p]));
        match folded {
            Fold::Drop => {}
            Fold::Space => {
                if !last_space {
                    out.push(' ');
                    last_space = true;
                }
            }
            Fold::Str(s) => {
                out.push_str(s);
                last_space = false;
            }
            Fold::Char(c) => {
                out.push(c);
                last_space = false;
            }
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

enum Fold {
    Drop,
    Space,
    Char(char),
    Str(&'static str),
}

fn fold_char(c: char, prev: Option<char>) -> Fold {
    match c {
        // The long-vowel mark is written or left out at will
        // (コンピューター / コンピュータ); after kana it carries no meaning
        // for matching, elsewhere (〜ー as a dash) it is punctuation.
        'ー' | '～' | '〜' => match prev {
            Some(p) if is_kana(p) => Fold::Drop,
            _ => Fold::Space,
        },
        '塵' | '芥' => Fold::Str("ごみ"),
        'ヴ' => Fold::Str("ぶ"),
        // ヶ/ヵ are read か in counters (3ヶ月 = 3か月 = 3ヵ月), and so is a
        // full-size ケ right after a digit (3ケ月).
        'ヵ' | 'ゕ' | 'ヶ' | 'ゖ' => Fold::Char('か'),
        'ケ' if prev.is_some_and(|p| p.is_ascii_digit()) => Fold::Char('か'),
        // Small vowels (ファイル / フアイル) fold to their full size.
        'ァ' | 'ぁ' => Fold::Char('あ'),
        'ィ' | 'ぃ' => Fold::Char('い'),
        'ゥ' | 'ぅ' => Fold::Char('う'),
        'ェ' | 'ぇ' => Fold::Char('え'),
        'ォ' | 'ぉ' => Fold::Char('お'),
        'ヮ' | 'ゎ' => Fold::Char('わ'),
        // Katakana block (ァ..ヶ) maps onto hiragana by a fixed offset.
        '\u{30A1}'..='\u{30F6}' => {
            char::from_u32(c as u32 - 0x60).map_or(Fold::Char(c), Fold::Char)
        }
        '・' => Fold::Space,
        c if c.is_alphanumeric() => Fold::Char(c),
        c if is_cjk(c) || is_kana(c) => Fold::Char(c),
        // Everything else (punctuation, symbols, controls, spaces) separates.
        _ => Fold::Space,
    }
}

/// True for hiragana or katakana letters (including the iteration marks).
pub(crate) fn is_kana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{309F}' | '\u{30A0}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}')
}

/// True for CJK ideographs (kanji / hanzi / hanja).
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '々' | '〆')
}

/// True for Hangul syllables and jamo.
pub(crate) fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7AF}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}')
}

fn kanji_digit(c: char) -> Option<u64> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn kanji_unit(c: char) -> Option<u64> {
    Some(match c {
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        _ => return None,
    })
}

/// Counters after which a kanji numeral is a number (二十歳 → 20歳), not part
/// of a word (一般, 一時金 keep their kanji because 般/時金 are not listed).
fn is_counter(c: char) -> bool {
    matches!(
        c,
        '歳' | '才'
            | '月'
            | '日'
            | '年'
            | '回'
            | '円'
            | '件'
            | '人'
            | '枚'
            | '通'
            | '階'
            | '号'
            | '丁'
            | '台'
            | '週'
            | '万'
            | 'か'
            | 'ヶ'
            | 'ヵ'
    )
}

/// Replaces each maximal run of kanji numerals that is directly followed by
/// a counter with its Arabic value, so 二十歳 and 20歳 match.
fn kanji_numerals_to_digits(chars: &[char]) -> Vec<char> {
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        while i < chars.len() && (kanji_digit(chars[i]).is_some() || kanji_unit(chars[i]).is_some())
        {
            i += 1;
        }
        if i > start && i < chars.len() && is_counter(chars[i]) && i - start <= 6 {
            if let Some(v) = kanji_value(&chars[start..i]) {
                out.extend(v.to_string().chars());
                continue;
            }
        }
        if i == start {
            out.push(chars[i]);
            i += 1;
        } else {
            out.extend_from_slice(&chars[start..i]);
        }
    }
    out
}

/// Value of a kanji numeral below 10,000 (二千二十 = 2020, 十五 = 15, 一二 = 12).
fn kanji_value(run: &[char]) -> Option<u64> {
    if run.iter().all(|&c| kanji_digit(c).is_some()) {
        // Positional form, e.g. 二〇二六.
        return run
            .iter()
            .try_fold(0u64, |acc, &c| Some(acc * 10 + kanji_digit(c)?));
    }
    let mut total = 0u64;
    let mut pending: Option<u64> = None;
    for &c in run {
        if let Some(d) = kanji_digit(c) {
            if pending.is_some() {
                return None;
            }
            pending = Some(d);
        } else if let Some(u) = kanji_unit(c) {
            total += pending.take().unwrap_or(1) * u;
        }
    }
    Some(total + pending.unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn width_case_and_kana_fold() {
        assert_eq!(normalize("ＡＢＣ１２３"), "abc123");
        assert_eq!(normalize("ｺﾞﾐ"), normalize("ごみ"));
        assert_eq!(normalize("ゴミ"), "ごみ");
        assert_eq!(normalize("粗大塵"), "粗大ごみ");
    }

    #[test]
    fn long_vowel_and_small_kana_variants() {
        assert_eq!(normalize("コンピューター"), normalize("コンピュータ"));
        assert_eq!(normalize("ファイル"), normalize("フアイル"));
        assert_eq!(normalize("ヴァイオリン"), normalize("ブアイオリン"));
        assert_eq!(normalize("3ヶ月"), normalize("3か月"));
        assert_eq!(normalize("3ヵ月"), normalize("3ケ月"));
    }

    #[test]
    fn numerals_before_counters() {
        assert_eq!(normalize("二十歳"), "20歳");
        assert_eq!(normalize("三か月"), "3か月");
        assert_eq!(normalize("二〇二六年"), "2026年");
        assert_eq!(normalize("百二十円"), "120円");
        // Not before a counter: a word, left alone.
        assert_eq!(normalize("一般"), "一般");
        assert_eq!(normalize("統一"), "統一");
    }

    #[test]
    fn punctuation_collapses_to_single_spaces() {
        assert_eq!(normalize("  住民票、 印鑑証明。\n\t"), "住民票 印鑑証明");
        assert_eq!(normalize("\u{0}\u{7}"), "");
    }
}
