//! Ruby (furigana) markup: `{漢字|かんじ}`.
//!
//! Easy-Japanese strings carry readings for kanji in this markup so a shell
//! can draw them as ruby (`<ruby>` on the web, `RubySpan`/attributed strings
//! on phones) and the read-aloud path can drop the readings.
//!
//! In a `.ftl` file `{` and `}` are Fluent syntax, so [`escape_ftl_ruby`]
//! rewrites authored `{漢字|かんじ}` into Fluent string literals before the
//! file is parsed. That is unambiguous: a real Fluent placeable never holds a
//! bare `|` outside a string literal.

use std::borrow::Cow;

/// One run of text: plain (`ruby == None`) or a base with its reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RubySegment<'a> {
    /// The text to show (the kanji for a ruby segment).
    pub base: &'a str,
    /// The reading to show above `base`, if any.
    pub ruby: Option<&'a str>,
}

/// If `s` starts with a well-formed ruby group `{base|reading}`, returns
/// (base, reading, length of the group in bytes).
fn ruby_at(s: &str) -> Option<(&str, &str, usize)> {
    let rest = s.strip_prefix('{')?;
    let close = rest.find(['{', '}', '\n'])?;
    if !rest[close..].starts_with('}') {
        return None;
    }
    let inner = &rest[..close];
    let (base, reading) = inner.split_once('|')?;
    let ok = |t: &str| !t.is_empty() && !t.contains(['|', '"']) && !t.trim().is_empty();
    if ok(base) && ok(reading) {
        Some((base, reading, close + 2))
    } else {
        None
    }
}

/// Splits display text into plain and ruby segments, in order. Text that is
/// not well-formed markup (a lone `{`, `{a}`, `{|b}`) stays plain, so any
/// string is accepted. Adjacent plain text is returned as one segment.
pub fn parse_ruby(text: &str) -> Vec<RubySegment<'_>> {
    let mut out = Vec::new();
    let mut plain_start = 0;
    let mut i = 0;
    while let Some(off) = text[i..].find('{') {
        let at = i + off;
        if let Some((base, reading, len)) = ruby_at(&text[at..]) {
            if plain_start < at {
                out.push(RubySegment {
                    base: &text[plain_start..at],
                    ruby: None,
                });
            }
            out.push(RubySegment {
                base,
                ruby: Some(reading),
            });
            i = at + len;
            plain_start = i;
        } else {
            i = at + 1;
        }
    }
    if plain_start < text.len() {
        out.push(RubySegment {
            base: &text[plain_start..],
            ruby: None,
        });
    }
    out
}

/// The text with every `{base|reading}` replaced by `base`: what a reader
/// sees without ruby support, and what text-to-speech should read (the
/// engine reads kanji correctly in context; reading both would say it twice).
pub fn strip_ruby(text: &str) -> Cow<'_, str> {
    if !text.contains('{') {
        return Cow::Borrowed(text);
    }
    let segments = parse_ruby(text);
    if segments.iter().all(|s| s.ruby.is_none()) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(segments.iter().map(|s| s.base).collect())
}

/// The text with every `{base|reading}` replaced by `reading`: all-kana text
/// for readers who cannot read kanji at all.
pub fn ruby_to_kana(text: &str) -> String {
    parse_ruby(text)
        .iter()
        .map(|s| s.ruby.unwrap_or(s.base))
        .collect()
}

/// Rewrites authored ruby markup in Fluent source so the Fluent parser sees
/// string literals (`{"{"}漢字|かんじ{"}"}`) and the formatted output
/// contains the markup unchanged. Everything else is left alone.
pub fn escape_ftl_ruby(source: &str) -> Cow<'_, str> {
    if !source.contains('|') {
        return Cow::Borrowed(source);
    }
    let mut out = String::new();
    let mut copied = 0;
    let mut i = 0;
    while let Some(off) = source[i..].find('{') {
        let at = i + off;
        if let Some((base, reading, len)) = ruby_at(&source[at..]) {
            out.push_str(&source[copied..at]);
            out.push_str("{\"{\"}");
            out.push_str(base);
            out.push('|');
            out.push_str(reading);
            out.push_str("{\"}\"}");
            i = at + len;
            copied = i;
        } else {
            i = at + 1;
        }
    }
    if copied == 0 {
        return Cow::Borrowed(source);
    }
    out.push_str(&source[copied..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_segments_in_order() {
        let s = parse_ruby("{避難所|ひなんじょ}に{行|い}きます");
        assert_eq!(
            s,
            vec![
                RubySegment {
                    base: "避難所",
                    ruby: Some("ひなんじょ")
                },
                RubySegment {
                    base: "に",
                    ruby: None
                },
                RubySegment {
                    base: "行",
                    ruby: Some("い")
                },
                RubySegment {
                    base: "きます",
                    ruby: None
                },
            ]
        );
    }

    #[test]
    fn malformed_markup_stays_plain() {
        for t in [
            "{", "a{b", "{a}", "{|b}", "{a|}", "{a|b", "{a|b|c}", "x}{y|z",
        ] {
            assert_eq!(strip_ruby(t), t, "{t}");
        }
        assert_eq!(strip_ruby("{a{漢|かん}"), "{a漢");
    }

    #[test]
    fn strip_and_kana() {
        let t = "{今日|きょう}は{晴|は}れ";
        assert_eq!(strip_ruby(t), "今日は晴れ");
        assert_eq!(ruby_to_kana(t), "きょうははれ");
        assert!(matches!(strip_ruby("no markup"), Cow::Borrowed(_)));
    }

    #[test]
    fn escape_leaves_fluent_placeables() {
        let src = "a = {$n}{漢字|かんじ}{ -term }{ \"x|y\" }\n";
        assert_eq!(
            escape_ftl_ruby(src),
            "a = {$n}{\"{\"}漢字|かんじ{\"}\"}{ -term }{ \"x|y\" }\n"
        );
    }
}
