//! Tokenization of normalized text into index terms.
//!
//! Japanese and Chinese are written without spaces, so runs of kanji/hanzi
//! and kana become overlapping character n-grams (no dictionary needed, and
//! unknown words such as place names still match). Korean hangul gets the
//! same treatment. Latin-script words (English) become lower-case words with
//! a light suffix stemmer and a small stop list. Digits stay whole numbers.

use serde::{Deserialize, Serialize};

use crate::normalize::{is_cjk, is_hangul, is_kana};

/// Which n-grams the tokenizer emits for CJK and hangul runs.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TokenizerConfig {
    /// Single kanji / katakana-derived characters (and hangul syllables).
    pub unigrams: bool,
    /// Single hiragana characters: mostly particles (の, を, は), so usually off.
    pub hiragana_unigrams: bool,
    /// Overlapping character pairs.
    pub bigrams: bool,
    /// Overlapping character triples.
    pub trigrams: bool,
    /// Pairs that mix a kanji with a hiragana (okurigana, particles after a
    /// noun such as 票の); when false only same-script pairs are kept.
    pub mixed_bigrams: bool,
}

impl Default for TokenizerConfig {
    fn default() -> Self {
        TokenizerConfig {
            unigrams: true,
            hiragana_unigrams: false,
            bigrams: true,
            trigrams: false,
            mixed_bigrams: true,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    Cjk,
    Hangul,
    Latin,
    Digit,
}

fn class(c: char) -> Option<Class> {
    if is_cjk(c) || is_kana(c) {
        Some(Class::Cjk)
    } else if is_hangul(c) {
        Some(Class::Hangul)
    } else if c.is_ascii_digit() {
        Some(Class::Digit)
    } else if c.is_alphabetic() {
        Some(Class::Latin)
    } else if c.is_numeric() {
        Some(Class::Digit)
    } else {
        None
    }
}

/// Splits already-normalized text (see [`crate::normalize()`]) into terms,
/// appending them to `out`. Terms are never empty.
pub fn tokenize_into(normalized: &str, cfg: &TokenizerConfig, out: &mut Vec<String>) {
    let chars: Vec<char> = normalized.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let Some(cls) = class(chars[i]) else {
            i += 1;
            continue;
        };
        let start = i;
        while i < chars.len() && class(chars[i]) == Some(cls) {
            i += 1;
        }
        let run = &chars[start..i];
        match cls {
            Class::Cjk | Class::Hangul => ngrams(run, cfg, out),
            Class::Digit => out.push(run.iter().collect()),
            Class::Latin => {
                let word: String = run.iter().collect();
                if !is_stop_word(&word) {
                    out.push(stem(&word));
                }
            }
        }
    }
}

/// Convenience form of [`tokenize_into`] returning a fresh vector.
pub fn tokenize(normalized: &str, cfg: &TokenizerConfig) -> Vec<String> {
    let mut out = Vec::new();
    tokenize_into(normalized, cfg, &mut out);
    out
}

fn ngrams(run: &[char], cfg: &TokenizerConfig, out: &mut Vec<String>) {
    for (j, &c) in run.iter().enumerate() {
        if cfg.unigrams {
            let hira = matches!(c, '\u{3041}'..='\u{309F}');
            if !hira || cfg.hiragana_unigrams {
                out.push(c.to_string());
            }
        }
        if cfg.bigrams && j + 1 < run.len() && (cfg.mixed_bigrams || same_script(c, run[j + 1])) {
            out.push(run[j..j + 2].iter().collect());
        }
        if cfg.trigrams && j + 2 < run.len() {
            out.push(run[j..j + 3].iter().collect());
        }
    }
    // A run of one character still needs a term when unigrams are off.
    if run.len() == 1 && !cfg.unigrams {
        out.push(run[0].to_string());
    }
}

fn same_script(a: char, b: char) -> bool {
    let hira = |c: char| matches!(c, '\u{3041}'..='\u{309F}');
    hira(a) == hira(b)
}

/// English function words that carry no topic.
fn is_stop_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "i"
            | "me"
            | "my"
            | "we"
            | "you"
            | "your"
            | "it"
            | "is"
            | "are"
            | "am"
            | "be"
            | "do"
            | "does"
            | "did"
            | "can"
            | "could"
            | "should"
            | "would"
            | "will"
            | "to"
            | "of"
            | "in"
            | "on"
            | "at"
            | "for"
            | "from"
            | "with"
            | "and"
            | "or"
            | "how"
            | "what"
            | "where"
            | "when"
            | "which"
            | "who"
            | "why"
            | "there"
            | "this"
            | "that"
            | "please"
            | "get"
            | "want"
            | "need"
            | "about"
            | "if"
            | "by"
            | "any"
            | "some"
    )
}

/// A light English suffix stemmer (plural, -ing, -ed), enough to match
/// "certificates" with "certificate" and "recycling" with "recycle".
pub fn stem(word: &str) -> String {
    let w = word;
    let n = w.chars().count();
    if !w.is_ascii() || n <= 3 {
        return w.to_string();
    }
    if let Some(s) = w.strip_suffix("ies") {
        return format!("{s}y");
    }
    if let Some(s) = w.strip_suffix("sses") {
        return format!("{s}ss");
    }
    if let Some(s) = w.strip_suffix("ing") {
        if s.len() >= 3 {
            return restore_e(s);
        }
    }
    if let Some(s) = w.strip_suffix("ed") {
        if s.len() >= 3 {
            return restore_e(s);
        }
    }
    if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        return w[..w.len() - 1].to_string();
    }
    w.to_string()
}

/// After cutting -ing/-ed, "recycl" → "recycle", "stopp" → "stop", so the
/// stem agrees with the bare form's stem.
fn restore_e(s: &str) -> String {
    let b = s.as_bytes();
    let n = b.len();
    if n >= 2 && b[n - 1] == b[n - 2] && !matches!(b[n - 1], b'l' | b's' | b'z') {
        return s[..n - 1].to_string();
    }
    if s.ends_with("cl") || s.ends_with("bl") || s.ends_with("iz") || s.ends_with("at") {
        return format!("{s}e");
    }
    s.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn toks(s: &str) -> Vec<String> {
        tokenize(&normalize(s), &TokenizerConfig::default())
    }

    #[test]
    fn japanese_gets_unigrams_and_bigrams_without_particles() {
        let t = toks("粗大ごみの出し方");
        assert!(t.contains(&"粗大".to_string()));
        assert!(t.contains(&"ごみ".to_string()));
        assert!(t.contains(&"粗".to_string()));
        assert!(!t.contains(&"の".to_string()));
    }

    #[test]
    fn english_words_are_stemmed_and_filtered() {
        assert_eq!(
            toks("How do I get Residence Certificates?"),
            vec!["residence", "certificate"]
        );
        assert_eq!(stem("recycling"), stem("recycle"));
        assert_eq!(stem("stopped"), "stop");
    }

    #[test]
    fn korean_and_digits() {
        let t = toks("주민등록 2026");
        assert!(t.contains(&"주민".to_string()));
        assert!(t.contains(&"2026".to_string()));
    }

    #[test]
    fn empty_and_symbol_only_input_gives_no_terms() {
        assert!(toks("").is_empty());
        assert!(toks("!!! ??? ・・・").is_empty());
    }
}
