//! Evaluation on LocalgovFAQ-shaped files (corpus / queries / qrels JSON).
//!
//! Metrics count an entry of grade ≥ 1 as a hit: SR@k is the share of
//! queries with a hit in the top k, MRR@10 the mean reciprocal rank of the
//! first hit within the top 10 (0 when none). The `_g2` variants count only
//! grade-2 entries and average over the queries that have one.

use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

use machi_common::{Lang, LocalizedText};
use serde::{Deserialize, Serialize};

use crate::error::FaqError;
use crate::index::{Hit, IndexDoc, RetrievalConfig, Retriever};
use crate::synonyms::SynonymTable;

/// One corpus entry: its id and the text to index.
#[derive(Debug, Clone, PartialEq)]
pub struct CorpusEntry {
    /// The corpus id (e.g. `"17"`).
    pub id: String,
    /// Question and answer text.
    pub doc: IndexDoc,
}

/// The three evaluation inputs, loaded.
#[derive(Debug, Clone, Default)]
pub struct EvalSet {
    /// FAQ entries, in id order.
    pub corpus: Vec<CorpusEntry>,
    /// (query id, text), in id order; only queries with judgments.
    pub queries: Vec<(String, String)>,
    /// query id → entry id → grade (1 somewhat, 2 highly relevant).
    pub qrels: HashMap<String, HashMap<String, u8>>,
}

impl EvalSet {
    /// The corpus as chatbot entries: each entry's question and answer as
    /// Japanese text (what LocalgovFAQ holds), nothing else.
    pub fn faq_entries(&self) -> Vec<crate::FaqEntry> {
        self.corpus
            .iter()
            .map(|e| crate::FaqEntry {
                id: e.id.clone(),
                question: LocalizedText::single(Lang::Ja, e.doc.question.clone()),
                answer: LocalizedText::single(Lang::Ja, e.doc.answer.clone()),
                ..crate::FaqEntry::default()
            })
            .collect()
    }
}

/// The ranking of one query, kept beside the summary so figures can be re-checked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QueryRun {
    /// Query id.
    pub id: String,
    /// Entry ids of the top 10, best first.
    pub top10: Vec<String>,
    /// Their scores (same order; empty when the ranker gives none).
    pub top10_scores: Vec<f64>,
    /// Rank (1-based) of the first grade ≥ 1 entry in the top 10, if any.
    pub first_hit: Option<usize>,
    /// Latency of this query in milliseconds.
    pub ms: f64,
    /// Confidence features of the top entry (flattened into the run's JSON).
    #[serde(flatten)]
    pub top: TopFeatures,
}

/// What the chatbot's confidence is computed from, for the top entry of one
/// ranking (all 0 when nothing was found or the ranker does not say).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct TopFeatures {
    /// Share of the query's IDF mass the top entry covers.
    pub top_coverage: f64,
    /// Relative score margin of the top entry over the second.
    pub margin: f64,
    /// Question-side coverage of the top entry.
    pub top_question_coverage: f64,
    /// Wording match of the top entry (see `Hit::wording_match`).
    #[serde(default)]
    pub top_wording_match: f64,
    /// Encoder cosine of the top entry (0 without an encoder).
    #[serde(default)]
    pub top_similarity: f64,
    /// The top entry's cosine minus the best cosine among the other hits
    /// (0 without an encoder).
    #[serde(default)]
    pub similarity_lead: f64,
    /// The chatbot's confidence in the top entry.
    #[serde(default)]
    pub confidence: f64,
}

impl TopFeatures {
    /// The features of the first of `hits`.
    pub fn of(hits: &[Hit]) -> Self {
        let top = |f: fn(&Hit) -> f32| hits.first().map_or(0.0, |h| f64::from(f(h)));
        TopFeatures {
            top_coverage: top(|h| h.coverage),
            margin: crate::confidence::margin(hits).into(),
            top_question_coverage: top(|h| h.question_coverage),
            top_wording_match: top(|h| h.wording_match),
            top_similarity: top(|h| h.similarity),
            similarity_lead: crate::confidence::similarity_lead(hits).into(),
            confidence: crate::confidence::confidence(hits).into(),
        }
    }
}

/// Summary and raw results of one evaluation run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvalReport {
    /// Success rate at 1 (grade ≥ 1).
    pub sr1: f64,
    /// Success rate at 5 (grade ≥ 1).
    pub sr5: f64,
    /// Success rate at 10 (grade ≥ 1).
    pub sr10: f64,
    /// Mean reciprocal rank within the top 10 (grade ≥ 1).
    pub mrr10: f64,
    /// Success rate at 1, grade 2 only.
    pub sr1_g2: f64,
    /// Success rate at 5, grade 2 only.
    pub sr5_g2: f64,
    /// MRR@10, grade 2 only.
    pub mrr10_g2: f64,
    /// Number of queries evaluated.
    pub queries: usize,
    /// Number of queries with at least one grade-2 entry (the `_g2` denominator).
    pub queries_g2: usize,
    /// Median query latency (ms).
    pub p50_ms: f64,
    /// 95th-percentile query latency (ms).
    pub p95_ms: f64,
    /// Per-query rankings.
    pub runs: Vec<QueryRun>,
}

/// What a ranking function hands to [`evaluate_with`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ranked {
    /// Corpus positions, best first.
    pub docs: Vec<usize>,
    /// Their scores, same order (may be empty).
    pub scores: Vec<f64>,
    /// Confidence features of the top entry.
    pub top: TopFeatures,
}

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, FaqError> {
    let p = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| FaqError::Io {
        path: p.clone(),
        source,
    })?;
    serde_json::from_slice(&bytes).map_err(|source| FaqError::Json { path: p, source })
}

fn numeric_order(a: &str, b: &str) -> std::cmp::Ordering {
    match (a.parse::<u64>(), b.parse::<u64>()) {
        (Ok(x), Ok(y)) => x.cmp(&y),
        _ => a.cmp(b),
    }
}

/// Splits a LocalgovFAQ corpus text (`Question: …\nAnswer: …`) into fields and
/// turns the source's `<改>` line-break marks into real breaks.
pub fn split_localgov_entry(id: &str, text: &str) -> Result<IndexDoc, FaqError> {
    let rest = text
        .trim_start()
        .strip_prefix("Question:")
        .ok_or_else(|| FaqError::BadCorpusEntry { id: id.to_string() })?;
    let (q, a) = rest
        .split_once("\nAnswer:")
        .ok_or_else(|| FaqError::BadCorpusEntry { id: id.to_string() })?;
    let clean = |s: &str| {
        s.replace("<改>", "\n")
            .replace("＜改＞", "\n")
            .trim()
            .to_string()
    };
    Ok(IndexDoc {
        question: clean(q),
        answer: clean(a),
        keywords: String::new(),
        questions: Vec::new(),
    })
}

/// Loads the three LocalgovFAQ JSON files.
pub fn load_localgov(corpus: &Path, queries: &Path, qrels: &Path) -> Result<EvalSet, FaqError> {
    let c: HashMap<String, String> = read_json(corpus)?;
    let q: HashMap<String, String> = read_json(queries)?;
    let r: HashMap<String, HashMap<String, u8>> = read_json(qrels)?;
    let mut ids: Vec<&String> = c.keys().collect();
    ids.sort_by(|a, b| numeric_order(a, b));
    let corpus = ids
        .into_iter()
        .map(|id| {
            Ok(CorpusEntry {
                id: id.clone(),
                doc: split_localgov_entry(id, &c[id])?,
            })
        })
        .collect::<Result<Vec<_>, FaqError>>()?;
    let mut queries: Vec<(String, String)> = q
        .into_iter()
        .filter(|(id, _)| r.get(id).is_some_and(|m| !m.is_empty()))
        .collect();
    queries.sort_by(|a, b| numeric_order(&a.0, &b.0));
    Ok(EvalSet {
        corpus,
        queries,
        qrels: r,
    })
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// Builds the index for `set` with `synonyms` and `cfg`, runs every query and
/// scores the rankings. Query errors (e.g. too long) count as empty rankings.
pub fn evaluate(set: &EvalSet, synonyms: SynonymTable, cfg: RetrievalConfig) -> EvalReport {
    let retriever = Retriever::build(&corpus_docs(set), synonyms, cfg);
    evaluate_retriever(set, &retriever)
}

/// The corpus of `set` as index documents, in corpus order.
pub fn corpus_docs(set: &EvalSet) -> Vec<IndexDoc> {
    set.corpus.iter().map(|e| e.doc.clone()).collect()
}

/// Runs every query of `set` through `retriever` (built over
/// [`corpus_docs`] of the same set) and scores the rankings.
pub fn evaluate_retriever(set: &EvalSet, retriever: &Retriever) -> EvalReport {
    evaluate_with(set, |q| {
        let hits = retriever.search(q, 10).unwrap_or_default();
        Ranked {
            top: TopFeatures::of(&hits),
            scores: hits.iter().map(|h| f64::from(h.score)).collect(),
            docs: hits.into_iter().map(|h| h.doc).collect(),
        }
    })
}

/// Scores any ranking function over `set`: `rank(query)` returns corpus
/// positions (indices into `set.corpus`), best first.
pub fn evaluate_with(set: &EvalSet, mut rank: impl FnMut(&str) -> Ranked) -> EvalReport {
    let empty = HashMap::new();
    let mut runs = Vec::with_capacity(set.queries.len());
    let (mut s1, mut s5, mut s10, mut mrr) = (0.0, 0.0, 0.0, 0.0);
    let (mut g1, mut g5, mut gmrr, mut ng2) = (0.0, 0.0, 0.0, 0usize);
    let mut lat = Vec::with_capacity(set.queries.len());
    for (qid, text) in &set.queries {
        let t0 = Instant::now();
        let Ranked {
            docs: ranked,
            scores,
            top,
        } = rank(text);
        let ms = t0.elapsed().as_secs_f64() * 1000.0;
        lat.push(ms);
        let top10: Vec<String> = ranked
            .iter()
            .take(10)
            .filter_map(|&d| set.corpus.get(d).map(|e| e.id.clone()))
            .collect();
        let judged = set.qrels.get(qid).unwrap_or(&empty);
        let first = |min: u8| {
            top10
                .iter()
                .position(|id| judged.get(id).is_some_and(|&g| g >= min))
                .map(|p| p + 1)
        };
        let hit = first(1);
        if let Some(r) = hit {
            s1 += f64::from(u8::from(r <= 1));
            s5 += f64::from(u8::from(r <= 5));
            s10 += 1.0;
            mrr += 1.0 / r as f64;
        }
        if judged.values().any(|&g| g >= 2) {
            ng2 += 1;
            if let Some(r) = first(2) {
                g1 += f64::from(u8::from(r <= 1));
                g5 += f64::from(u8::from(r <= 5));
                gmrr += 1.0 / r as f64;
            }
        }
        runs.push(QueryRun {
            id: qid.clone(),
            top10,
            top10_scores: scores.into_iter().take(10).collect(),
            first_hit: hit,
            ms,
            top,
        });
    }
    let n = set.queries.len().max(1) as f64;
    let n2 = ng2.max(1) as f64;
    lat.sort_by(f64::total_cmp);
    EvalReport {
        sr1: s1 / n,
        sr5: s5 / n,
        sr10: s10 / n,
        mrr10: mrr / n,
        sr1_g2: g1 / n2,
        sr5_g2: g5 / n2,
        mrr10_g2: gmrr / n2,
        queries: set.queries.len(),
        queries_g2: ng2,
        p50_ms: percentile(&lat, 50.0),
        p95_ms: percentile(&lat, 95.0),
        runs,
    }
}

impl EvalReport {
    /// A plain-text table of the summary (developer output, not localized).
    pub fn table(&self) -> String {
        let confident: Vec<&QueryRun> = self
            .runs
            .iter()
            .filter(|r| r.top.confidence >= f64::from(crate::confidence::CONFIDENT))
            .collect();
        let right = confident.iter().filter(|r| r.first_hit == Some(1)).count();
        let precision = right as f64 / confident.len().max(1) as f64;
        format!(
            "queries {q} (grade-2: {q2})\n\
             metric      all    grade-2\n\
             SR@1      {:.3}    {:.3}\n\
             SR@5      {:.3}    {:.3}\n\
             SR@10     {:.3}\n\
             MRR@10    {:.3}    {:.3}\n\
             latency p50 {:.3} ms, p95 {:.3} ms\n\
             confident (>= {:.2}): {} queries, top-1 right {:.3}\n",
            self.sr1,
            self.sr1_g2,
            self.sr5,
            self.sr5_g2,
            self.sr10,
            self.mrr10,
            self.mrr10_g2,
            self.p50_ms,
            self.p95_ms,
            crate::confidence::CONFIDENT,
            confident.len(),
            precision,
            q = self.queries,
            q2 = self.queries_g2,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metrics_on_a_hand_made_set() {
        let doc = |q: &str| IndexDoc {
            question: q.into(),
            answer: String::new(),
            keywords: String::new(),
            questions: Vec::new(),
        };
        let set = EvalSet {
            corpus: vec![
                CorpusEntry {
                    id: "0".into(),
                    doc: doc("a"),
                },
                CorpusEntry {
                    id: "1".into(),
                    doc: doc("b"),
                },
            ],
            queries: vec![("q1".into(), "x".into()), ("q2".into(), "y".into())],
            qrels: HashMap::from([
                ("q1".to_string(), HashMap::from([("1".to_string(), 2u8)])),
                ("q2".to_string(), HashMap::from([("0".to_string(), 1u8)])),
            ]),
        };
        // Both queries rank entry 0 first, entry 1 second.
        let r = evaluate_with(&set, |_| Ranked {
            docs: vec![0, 1],
            ..Ranked::default()
        });
        assert_eq!(r.queries, 2);
        assert!((r.sr1 - 0.5).abs() < 1e-9);
        assert!((r.sr5 - 1.0).abs() < 1e-9);
        assert!((r.mrr10 - 0.75).abs() < 1e-9);
        assert_eq!(r.queries_g2, 1);
        assert!((r.sr1_g2 - 0.0).abs() < 1e-9);
        assert!((r.mrr10_g2 - 0.5).abs() < 1e-9);
        assert_eq!(r.runs[0].top10, vec!["0", "1"]);
        let json = serde_json::to_value(&r).unwrap();
        for k in [
            "sr1", "sr5", "sr10", "mrr10", "sr1_g2", "sr5_g2", "mrr10_g2", "queries", "p50_ms",
            "p95_ms",
        ] {
            assert!(json.get(k).is_some(), "{k}");
        }
    }

    #[test]
    fn localgov_entries_split_and_reject_bad_layout() {
        let d = split_localgov_entry("1", "Question: 住民票は？\nAnswer: 窓口です。＜改＞以上")
            .unwrap();
        assert_eq!(d.question, "住民票は？");
        assert_eq!(d.answer, "窓口です。\n以上");
        assert!(split_localgov_entry("2", "no layout").is_err());
    }
}
