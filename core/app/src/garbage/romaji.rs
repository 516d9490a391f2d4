//! Kana → romaji for searching readings typed in Latin letters, and the
//! folding that makes Hepburn, Kunrei and casual spellings meet.
//!
//! Readings are turned into a Kunrei-like form (`si`, `ti`, `tu`, `hu`,
//! `zi`, `sya`); [`fold`] maps what people type (`shi`, `chi`, `tsu`, `fu`,
//! `ji`, `sha`, `shimbun`) onto that same form, and is applied to every
//! Latin-letter key and query alike, so English names stay comparable.

/// The romaji of one hiragana (already normalized: katakana folded to
/// hiragana, small vowels to full size), or `None` for anything else.
fn syllable(c: char) -> Option<&'static str> {
    Some(match c {
        'あ' => "a",
        'い' => "i",
        'う' => "u",
        'え' => "e",
        'お' => "o",
        'か' => "ka",
        'き' => "ki",
        'く' => "ku",
        'け' => "ke",
        'こ' => "ko",
        'が' => "ga",
        'ぎ' => "gi",
        'ぐ' => "gu",
        'げ' => "ge",
        'ご' => "go",
        'さ' => "sa",
        'し' => "si",
        'す' => "su",
        'せ' => "se",
        'そ' => "so",
        'ざ' => "za",
        'じ' | 'ぢ' => "zi",
        'ず' | 'づ' => "zu",
        'ぜ' => "ze",
        'ぞ' => "zo",
        'た' => "ta",
        'ち' => "ti",
        'つ' => "tu",
        'て' => "te",
        'と' => "to",
        'だ' => "da",
        'で' => "de",
        'ど' => "do",
        'な' => "na",
        'に' => "ni",
        'ぬ' => "nu",
        'ね' => "ne",
        'の' => "no",
        'は' => "ha",
        'ひ' => "hi",
        'ふ' => "hu",
        'へ' => "he",
        'ほ' => "ho",
        'ば' => "ba",
        'び' => "bi",
        'ぶ' => "bu",
        'べ' => "be",
        'ぼ' => "bo",
        'ぱ' => "pa",
        'ぴ' => "pi",
        'ぷ' => "pu",
        'ぺ' => "pe",
        'ぽ' => "po",
        'ま' => "ma",
        'み' => "mi",
        'む' => "mu",
        'め' => "me",
        'も' => "mo",
        'や' => "ya",
        'ゆ' => "yu",
        'よ' => "yo",
        'ら' => "ra",
        'り' => "ri",
        'る' => "ru",
        'れ' => "re",
        'ろ' => "ro",
        'わ' => "wa",
        'を' => "o",
        'ん' => "n",
        _ => return None,
    })
}

/// The romaji of a normalized kana reading, in the folded form; `None` when
/// it holds anything but hiragana and spaces (then there is no romaji key).
pub(crate) fn from_kana(reading: &str) -> Option<String> {
    let mut out = String::with_capacity(reading.len());
    let mut double_next = false;
    for c in reading.chars() {
        match c {
            ' ' => continue,
            'っ' => {
                double_next = true;
                continue;
            }
            'ゃ' | 'ゅ' | 'ょ' => {
                // きゃ = ki + ゃ → kya: the i of the syllable before gives way.
                if out.ends_with('i') {
                    out.pop();
                }
                out.push_str(match c {
                    'ゃ' => "ya",
                    'ゅ' => "yu",
                    _ => "yo",
                });
                continue;
            }
            _ => {}
        }
        let s = syllable(c)?;
        if double_next {
            if let Some(first) = s.chars().next().filter(|f| !"aiueon".contains(*f)) {
                out.push(first);
            }
            double_next = false;
        }
        out.push_str(s);
    }
    (!out.is_empty()).then_some(out)
}

/// Folds a lower-case Latin-letter text onto the form [`from_kana`] writes:
/// `shi`→`si`, `chi`→`ti`, `tsu`→`tu`, `fu`→`hu`, `ji`→`zi`, `sh`/`ch`/`j`
/// before a vowel → `sy`/`ty`/`zy`, `m` before `b`/`p` → `n`, and drops
/// apostrophes and hyphens (`shin'ya`).
pub(crate) fn fold(text: &str) -> String {
    let mut s: String = text.chars().filter(|c| *c != '\'' && *c != '-').collect();
    // Longest patterns first, so `shi` is not read as `sh` + `i`.
    for (from, to) in [
        ("shi", "si"),
        ("chi", "ti"),
        ("tsu", "tu"),
        ("ji", "zi"),
        ("fu", "hu"),
        ("sh", "sy"),
        ("ch", "ty"),
        ("j", "zy"),
        ("mb", "nb"),
        ("mp", "np"),
    ] {
        if s.contains(from) {
            s = s.replace(from, to);
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readings_and_typed_spellings_meet() {
        assert_eq!(from_kana("かさ").as_deref(), Some("kasa"));
        let cases = [
            ("しんぶん", "shimbun"),
            ("しんぶん", "shinbun"),
            ("ちゃわん", "chawan"),
            ("じてんしゃ", "jitensha"),
            ("ふとん", "futon"),
            ("きって", "kitte"),
            ("でんち", "denchi"),
            ("きゅうす", "kyuusu"),
            ("つめ", "tsume"),
        ];
        for (kana, typed) in cases {
            assert_eq!(from_kana(kana), Some(fold(typed)), "{kana} / {typed}");
        }
        assert_eq!(from_kana("傘"), None);
        assert_eq!(from_kana(""), None);
    }
}
