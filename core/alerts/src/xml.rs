//! Safe XML loading: size limit, BOM, declared encoding, no DTD, node limit,
//! and small helpers for namespace-agnostic element lookup.

use std::borrow::Cow;

use roxmltree::{Document, Node, ParsingOptions};

use crate::error::RejectReason;

/// Largest document accepted (the biggest real JMA warning seen is ~120 KB).
pub const MAX_DOCUMENT_BYTES: usize = 2 * 1024 * 1024;
/// Largest number of XML nodes accepted.
pub const MAX_NODES: u32 = 200_000;
/// Deepest element nesting accepted (CAP needs 5, JMA about 12). Checked
/// before parsing, because very deep documents exhaust the stack of the
/// XML parser (found by the fuzz tests) — phones have small thread stacks.
pub const MAX_DEPTH: usize = 64;

/// Element nesting depth of `text`, stopping early once over `limit`.
/// Comments, CDATA, processing instructions and declarations are skipped,
/// so a `<` inside them does not count.
fn nesting_exceeds(text: &str, limit: usize) -> bool {
    let b = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(off) = b[i..].iter().position(|&c| c == b'<') {
        i += off;
        let rest = &text[i..];
        let skip_to = |end: &str| rest.find(end).map(|e| i + e + end.len());
        let next = if rest.starts_with("<!--") {
            skip_to("-->")
        } else if rest.starts_with("<![CDATA[") {
            skip_to("]]>")
        } else if rest.starts_with("<?") || rest.starts_with("<!") {
            skip_to(">")
        } else if rest.starts_with("</") {
            depth = depth.saturating_sub(1);
            skip_to(">")
        } else {
            let end = skip_to(">");
            let self_closing = end.is_some_and(|e| e >= 2 && &b[e - 2..e] == b"/>");
            if !self_closing {
                depth += 1;
                if depth > limit {
                    return true;
                }
            }
            end
        };
        match next {
            Some(n) => i = n,
            None => return false,
        }
    }
    false
}

/// Decodes raw bytes into text: strips a UTF-8/UTF-16 BOM, honours the
/// encoding declared in the XML declaration (ISO-8859-1, Shift_JIS, …),
/// rejects undecodable bytes rather than guessing.
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, RejectReason> {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(RejectReason::TooLarge {
            size: bytes.len(),
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(RejectReason::Empty);
    }
    // A BOM decides the encoding whatever the declaration says.
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            return Err(RejectReason::InvalidEncoding(enc.name().to_string()));
        }
        return Ok(text);
    }
    let encoding = match declared_encoding(bytes) {
        None => encoding_rs::UTF_8,
        Some(label) => encoding_rs::Encoding::for_label(label.as_bytes())
            .ok_or_else(|| RejectReason::UnsupportedEncoding(RejectReason::clip(&label)))?,
    };
    if encoding == encoding_rs::UTF_8 {
        return std::str::from_utf8(bytes)
            .map(Cow::Borrowed)
            .map_err(|_| RejectReason::InvalidEncoding("UTF-8".into()));
    }
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(RejectReason::InvalidEncoding(encoding.name().to_string()));
    }
    Ok(text)
}

/// The `encoding="…"` label of a leading XML declaration, if any. Only
/// ASCII-compatible encodings can be declared this way, so scanning the
/// bytes as ASCII is sound.
fn declared_encoding(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(200)];
    let head = String::from_utf8_lossy(head);
    let head = head.trim_start();
    if !head.starts_with("<?xml") {
        return None;
    }
    let decl = &head[..head.find("?>")?];
    let at = decl.find("encoding")?;
    let rest = decl[at + "encoding".len()..]
        .trim_start()
        .strip_prefix('=')?;
    let rest = rest.trim_start();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &rest[1..];
    let end = value.find(quote)?;
    Some(value[..end].trim().to_string())
}

/// Parses text as XML without DTD processing (so no entity expansion, no
/// external fetches) and with a node limit.
pub fn parse(text: &str) -> Result<Document<'_>, RejectReason> {
    if nesting_exceeds(text, MAX_DEPTH) {
        return Err(RejectReason::TooDeep { limit: MAX_DEPTH });
    }
    let opts = ParsingOptions {
        allow_dtd: false,
        nodes_limit: MAX_NODES,
    };
    Document::parse_with_options(text, opts).map_err(|e| match e {
        roxmltree::Error::DtdDetected => RejectReason::DtdForbidden,
        roxmltree::Error::NodesLimitReached => RejectReason::TooManyNodes,
        other => RejectReason::MalformedXml(RejectReason::clip(&other.to_string())),
    })
}

/// First child element with local name `name` (any namespace: CAP arrives
/// with default, `cap:`-prefixed and versioned namespaces alike).
pub fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children()
        .find(|n| n.is_element() && n.tag_name().name() == name)
}

/// All child elements with local name `name`.
pub fn children<'a, 'i: 'a>(
    node: Node<'a, 'i>,
    name: &'a str,
) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
    node.children()
        .filter(move |n| n.is_element() && n.tag_name().name() == name)
}

/// Concatenated, trimmed text of an element (None when empty).
pub fn text_of(node: Node<'_, '_>) -> Option<String> {
    let mut s = String::new();
    for d in node.descendants().filter(|d| d.is_text()) {
        s.push_str(d.text().unwrap_or(""));
    }
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// Trimmed text of the first child `name` (None when missing or empty).
pub fn child_text(node: Node<'_, '_>, name: &str) -> Option<String> {
    child(node, name).and_then(text_of)
}

/// Follows a path of child names.
pub fn path<'a, 'i>(node: Node<'a, 'i>, names: &[&str]) -> Option<Node<'a, 'i>> {
    let mut cur = node;
    for n in names {
        cur = child(cur, n)?;
    }
    Some(cur)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_depth() {
        assert!(!nesting_exceeds("<a><b/><c>x</c><!-- <<<< --></a>", 2));
        assert!(nesting_exceeds("<a><b><c>", 2));
        assert!(!nesting_exceeds("<a><![CDATA[<b><c><d>]]></a>", 1));
        assert_eq!(
            parse(&"<a>".repeat(100_000)).err(),
            Some(RejectReason::TooDeep { limit: MAX_DEPTH })
        );
    }

    #[test]
    fn latin1_is_decoded() {
        let bytes = b"<?xml version='1.0' encoding='ISO-8859-1'?><a>caf\xe9</a>";
        let t = decode(bytes).unwrap();
        assert!(t.contains("café"));
        let doc = parse(&t).unwrap();
        assert_eq!(text_of(doc.root_element()).as_deref(), Some("café"));
    }

    #[test]
    fn bom_is_stripped() {
        let bytes = "\u{feff}<a>x</a>".as_bytes();
        assert_eq!(decode(bytes).unwrap(), "<a>x</a>");
    }

    #[test]
    fn rejections_are_specific() {
        assert_eq!(decode(b"  \n"), Err(RejectReason::Empty));
        assert_eq!(
            decode(b"<?xml version='1.0' encoding='klingon'?><a/>"),
            Err(RejectReason::UnsupportedEncoding("klingon".into()))
        );
        assert_eq!(
            decode(b"<a>\xff</a>"),
            Err(RejectReason::InvalidEncoding("UTF-8".into()))
        );
        let big = vec![b' '; MAX_DOCUMENT_BYTES + 1];
        assert!(matches!(decode(&big), Err(RejectReason::TooLarge { .. })));
        assert_eq!(
            parse("<!DOCTYPE a [<!ENTITY x 'y'>]><a>&x;</a>").err(),
            Some(RejectReason::DtdForbidden)
        );
        assert!(matches!(
            parse("<a><b></a>"),
            Err(RejectReason::MalformedXml(_))
        ));
    }
}
