//! FAQ coverage: every procedure should be answerable by the chatbot, and
//! every FAQ entry about a procedure should say which one.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::model::ProceduresData;

/// Which procedures lack an FAQ entry and which FAQ entries name no procedure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coverage {
    /// Procedures in the catalogue.
    pub procedures: usize,
    /// Procedure ids with no related FAQ entry that exists.
    pub procedures_without_faq: Vec<String>,
    /// FAQ entries counted (all but the information-only ones).
    pub faq_entries: usize,
    /// FAQ entry ids no procedure names, excluding the pack's information-only list.
    pub faq_without_procedure: Vec<String>,
    /// FAQ entries the pack marks as general information, not a procedure.
    pub information_only: Vec<String>,
    /// `(procedure, faq id)` pairs naming an FAQ entry that does not exist.
    pub dangling: Vec<(String, String)>,
}

impl Coverage {
    /// Share of procedures with an FAQ entry, in percent (100 when there are none).
    pub fn procedure_percent(&self) -> f64 {
        percent(
            self.procedures - self.procedures_without_faq.len(),
            self.procedures,
        )
    }

    /// Share of counted FAQ entries naming a procedure, in percent.
    pub fn faq_percent(&self) -> f64 {
        percent(
            self.faq_entries - self.faq_without_procedure.len(),
            self.faq_entries,
        )
    }

    /// True when both directions are complete and nothing dangles.
    pub fn is_complete(&self) -> bool {
        self.procedures_without_faq.is_empty()
            && self.faq_without_procedure.is_empty()
            && self.dangling.is_empty()
    }
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        100.0
    } else {
        part as f64 * 100.0 / whole as f64
    }
}

/// Coverage of `data` against the FAQ entry ids the pack has.
pub fn coverage<'a>(data: &ProceduresData, faq_ids: impl IntoIterator<Item = &'a str>) -> Coverage {
    let faq: BTreeSet<&str> = faq_ids.into_iter().collect();
    let info: BTreeSet<&str> = data
        .information_only_faq
        .iter()
        .map(String::as_str)
        .collect();
    let named: BTreeSet<&str> = data
        .procedures
        .iter()
        .flat_map(|p| p.faq_ids.iter().map(String::as_str))
        .collect();
    let mut dangling = Vec::new();
    let mut without = Vec::new();
    for p in &data.procedures {
        let mut any = false;
        for f in &p.faq_ids {
            if faq.contains(f.as_str()) {
                any = true;
            } else {
                dangling.push((p.id.clone(), f.clone()));
            }
        }
        if !any {
            without.push(p.id.clone());
        }
    }
    let counted: Vec<&str> = faq.iter().copied().filter(|f| !info.contains(f)).collect();
    Coverage {
        procedures: data.procedures.len(),
        procedures_without_faq: without,
        faq_entries: counted.len(),
        faq_without_procedure: counted
            .iter()
            .filter(|f| !named.contains(*f))
            .map(|f| f.to_string())
            .collect(),
        information_only: info.iter().map(|s| s.to_string()).collect(),
        dangling,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Deadline, Procedure};
    use machi_common::{Lang, LocalizedText};

    fn proc(id: &str, faq: &[&str]) -> Procedure {
        Procedure {
            id: id.into(),
            name: LocalizedText::single(Lang::Ja, id),
            summary: LocalizedText::new(),
            department_id: "shimin".into(),
            who: LocalizedText::new(),
            deadline: Deadline::None,
            bring: vec![],
            bring_note: LocalizedText::new(),
            fee_yen: None,
            fee_note: LocalizedText::new(),
            counter_id: "c".into(),
            online: None,
            convenience_store: false,
            faq_ids: faq.iter().map(|s| s.to_string()).collect(),
            sample: false,
        }
    }

    #[test]
    fn lists_both_directions_and_dangling_links() {
        let data = ProceduresData {
            procedures: vec![proc("a", &["fa"]), proc("b", &["gone"]), proc("c", &[])],
            information_only_faq: vec!["tourism".into()],
            ..Default::default()
        };
        let c = coverage(&data, ["fa", "fb", "tourism"]);
        assert_eq!(c.procedures_without_faq, ["b", "c"]);
        assert_eq!(c.faq_without_procedure, ["fb"]);
        assert_eq!(c.dangling, [("b".to_string(), "gone".to_string())]);
        assert_eq!(c.faq_entries, 2);
        assert!((c.procedure_percent() - 100.0 / 3.0).abs() < 1e-9);
        assert!((c.faq_percent() - 50.0).abs() < 1e-9);
        assert!(!c.is_complete());
        let full = coverage(
            &ProceduresData {
                procedures: vec![proc("a", &["fa"])],
                ..Default::default()
            },
            ["fa"],
        );
        assert!(full.is_complete());
        assert_eq!(full.procedure_percent(), 100.0);
    }
}
