//! Turning published bytes into text, and header names into a comparable form.

use encoding_rs::{Encoding, SHIFT_JIS, UTF_8};
use unicode_normalization::UnicodeNormalization;

use super::error::{OpenDataError, Problem};

/// Decodes the bytes of an open-data file; see [`decode_file`]. Errors name the file `(input)`.
pub fn decode_text(bytes: &[u8]) -> Result<String, OpenDataError> {
    decode_file(bytes, "(input)")
}

/// Decodes the bytes of an open-data file named `file` (used in errors).
///
/// A byte-order mark decides first (UTF-8, UTF-16LE/BE; the mark is removed);
/// otherwise valid UTF-8 is taken as UTF-8, and anything else as
/// Shift_JIS/CP932 (encoding_rs's `Shift_JIS` is the WHATWG decoder, which is
/// CP932 with its NEC/IBM extensions). Bytes that are valid in none of these
/// give [`Problem::Encoding`] at the line of the first bad byte; nothing is
/// ever silently replaced.
pub fn decode_file(bytes: &[u8], file: &str) -> Result<String, OpenDataError> {
    let (encoding, body) = match Encoding::for_bom(bytes) {
        Some((enc, bom_len)) => (enc, &bytes[bom_len..]),
        None if std::str::from_utf8(bytes).is_ok() => (UTF_8, bytes),
        None => (SHIFT_JIS, bytes),
    };
    match encoding.decode_without_bom_handling_and_without_replacement(body) {
        Some(text) => Ok(text.into_owned()),
        None => {
            // Decode again with replacement only to find where it breaks.
            let (lossy, _) = encoding.decode_without_bom_handling(body);
            let line = lossy
                .find('\u{FFFD}')
                .map(|at| 1 + lossy[..at].matches('\n').count() as u64)
                .unwrap_or(1);
            Err(OpenDataError::one(file, line, None, Problem::Encoding))
        }
    }
}

/// NFKC-normalizes and trims: full-width letters, digits, parentheses and
/// spaces become their ASCII forms, so header and value variants compare equal.
pub(crate) fn nfkc(text: &str) -> String {
    text.nfkc().collect::<String>().trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(
            decode_text(b"\xEF\xBB\xBFNO,\xE5\x90\x8D").unwrap(),
            "NO,名"
        );
        assert_eq!(decode_text("NO,名称".as_bytes()).unwrap(), "NO,名称");
    }

    #[test]
    fn cp932_and_utf16() {
        let (sjis, _, _) = SHIFT_JIS.encode("名称,①髙");
        assert_eq!(decode_text(&sjis).unwrap(), "名称,①髙");
        let mut utf16 = vec![0xFF, 0xFE];
        for u in "名称".encode_utf16() {
            utf16.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode_text(&utf16).unwrap(), "名称");
    }

    #[test]
    fn undecodable_bytes_name_their_line() {
        // 0x81 followed by 0x20 is not a CP932 sequence (nor UTF-8).
        let err = decode_file(b"NO\r\n1\r\n\x81\x20", "x.csv").unwrap_err();
        assert_eq!(err.issues[0].line, 3);
        assert_eq!(err.issues[0].problem, Problem::Encoding);
    }

    #[test]
    fn nfkc_folds_width_variants() {
        assert_eq!(nfkc("料金（基本）"), "料金(基本)");
        assert_eq!(nfkc(" ＮＯ "), "NO");
        assert_eq!(nfkc("１２：３０"), "12:30");
    }
}
