//! Atom feeds of CAP messages, as CAP publishers publish them (one `<entry>`
//! per message, its `<link>` naming the CAP document). An Atom feed carries no
//! signature: the notices it brings are stored as unverified unless each
//! document is itself a signed envelope, so it can never change a verified
//! notice.

use url::Url;

use crate::error::{Error, Result};
use crate::feed::FeedEntry;

/// The Atom namespace.
const ATOM_NS: &str = "http://www.w3.org/2005/Atom";

/// The first child element of `n` called `name` in the Atom namespace.
fn child<'a, 'i>(n: roxmltree::Node<'a, 'i>, name: &str) -> Option<roxmltree::Node<'a, 'i>> {
    n.children()
        .find(|c| c.tag_name().name() == name && c.tag_name().namespace() == Some(ATOM_NS))
}

/// Whether `bytes` look like an XML document (an Atom feed) rather than the
/// JSON index: the first non-blank character is `<` (after a BOM).
pub fn looks_like_xml(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    bytes
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|b| *b == b'<')
}

/// The entries of an Atom feed at `feed_url`, newest first as the feed lists
/// them. Each entry's document is its `<link>` with a CAP type (or
/// `rel="enclosure"`, or the only link), which must lie in the feed's folder
/// on the same server; `length` becomes the entry's size when given. An
/// entry without an id or such a link is an error naming it.
pub fn parse_atom(bytes: &[u8], feed_url: &Url) -> Result<Vec<FeedEntry>> {
    let bad = |reason: String| Error::BadFeed(format!("Atom feed: {reason}"));
    let text = std::str::from_utf8(bytes).map_err(|e| bad(e.to_string()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let doc = roxmltree::Document::parse(text).map_err(|e| bad(e.to_string()))?;
    let root = doc.root_element();
    if root.tag_name().name() != "feed" || root.tag_name().namespace() != Some(ATOM_NS) {
        return Err(bad("the root element is not an Atom <feed>".into()));
    }
    let dir = feed_url
        .join("./")
        .map_err(|e| bad(format!("feed URL {feed_url}: {e}")))?;
    let mut entries = Vec::new();
    for (i, entry) in root
        .children()
        .filter(|c| c.tag_name().name() == "entry" && c.tag_name().namespace() == Some(ATOM_NS))
        .enumerate()
    {
        let id = child(entry, "id")
            .and_then(|n| n.text())
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .ok_or_else(|| bad(format!("entry {} has no <id>", i + 1)))?;
        let updated = child(entry, "updated")
            .and_then(|n| n.text())
            .map(|s| s.trim().to_owned())
            .unwrap_or_default();
        let links: Vec<_> = entry
            .children()
            .filter(|c| c.tag_name().name() == "link" && c.tag_name().namespace() == Some(ATOM_NS))
            .collect();
        let is_cap = |l: &roxmltree::Node<'_, '_>| {
            l.attribute("type")
                .is_some_and(|t| t.contains("cap+xml") || t == "application/xml" || t == "text/xml")
        };
        let link = links
            .iter()
            .find(|l| is_cap(l))
            .or_else(|| {
                links
                    .iter()
                    .find(|l| l.attribute("rel") == Some("enclosure"))
            })
            .or(if links.len() == 1 {
                links.first()
            } else {
                None
            })
            .ok_or_else(|| bad(format!("entry {id:?} has no link to its CAP document")))?;
        let href = link
            .attribute("href")
            .ok_or_else(|| bad(format!("entry {id:?}: link without href")))?;
        let target = dir
            .join(href)
            .map_err(|e| bad(format!("entry {id:?}: link {href:?}: {e}")))?;
        // Only documents beside the feed, on the same server: a feed must not
        // make the app fetch from anywhere it names.
        let file = target
            .as_str()
            .strip_prefix(dir.as_str())
            .filter(|f| !f.is_empty() && target.query().is_none())
            .ok_or_else(|| {
                bad(format!(
                    "entry {id:?}: {href:?} is not in the feed's folder"
                ))
            })?;
        let size = link.attribute("length").and_then(|l| l.parse::<u64>().ok());
        entries.push(FeedEntry {
            id: id.to_owned(),
            file: file.to_owned(),
            updated,
            size,
            sha256: None,
        });
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url() -> Url {
        Url::parse("https://bousai.example.jp/cap/feed.atom").unwrap_or_else(|e| panic!("{e}"))
    }

    const FEED: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Takahagi CAP</title><id>urn:feed</id><updated>2026-11-21T01:00:00Z</updated>
  <entry><id>urn:oid:2.49.0.1.392.0.2026.1</id><updated>2026-11-21T01:00:00Z</updated>
    <link rel="alternate" type="text/html" href="https://bousai.example.jp/news/1.html"/>
    <link rel="enclosure" type="application/cap+xml" href="evac-1.xml" length="2345"/></entry>
  <entry><id>urn:oid:2.49.0.1.392.0.2026.0</id><updated>2026-11-20T01:00:00Z</updated>
    <link href="https://bousai.example.jp/cap/older.xml"/></entry>
</feed>"#;

    #[test]
    fn entries_name_their_cap_documents_beside_the_feed() {
        let e = parse_atom(FEED.as_bytes(), &url()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].file, "evac-1.xml");
        assert_eq!(e[0].size, Some(2345));
        assert_eq!(e[0].id, "urn:oid:2.49.0.1.392.0.2026.1");
        assert_eq!(e[1].file, "older.xml");
        assert_eq!(e[1].size, None);
        assert!(looks_like_xml(FEED.as_bytes()) && !looks_like_xml(b" {\"format\":1}"));
    }

    #[test]
    fn links_elsewhere_and_broken_feeds_are_refused() {
        for bad in [
            FEED.replace("evac-1.xml", "https://evil.example/x.xml"),
            FEED.replace("evac-1.xml", "../private.xml"),
            FEED.replace("<id>urn:oid:2.49.0.1.392.0.2026.1</id>", ""),
            FEED.replace("http://www.w3.org/2005/Atom", "urn:other"),
            "<feed".to_owned(),
        ] {
            assert!(parse_atom(bad.as_bytes(), &url()).is_err(), "{bad}");
        }
    }
}
