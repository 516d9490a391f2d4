//! Format detection: bytes → [`Notice`] or a typed [`RejectReason`].

use crate::error::RejectReason;
use crate::model::Notice;
use crate::{cap, jma, xml};

/// Parses one document (CAP or JMA XML). Never panics; every failure is a
/// specific [`RejectReason`].
pub fn parse_notice(bytes: &[u8]) -> Result<Notice, RejectReason> {
    let text = xml::decode(bytes)?;
    let doc = xml::parse(&text)?;
    let root = doc.root_element();
    if cap::is_cap(root) {
        return cap::parse_alert(root);
    }
    if jma::is_jma(root) {
        return jma::parse_report(root);
    }
    let name = root.tag_name().name();
    let namespace = root.tag_name().namespace().unwrap_or("");
    if matches!(name, "feed" | "rss" | "RDF") {
        return Err(RejectReason::FeedNotNotice);
    }
    Err(RejectReason::UnknownDocument {
        name: RejectReason::clip(name),
        namespace: RejectReason::clip(namespace),
    })
}
