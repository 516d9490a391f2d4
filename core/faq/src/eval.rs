//! Evaluation on LocalgovFAQ-shaped files (corpus / queries / qrels JSON).
//!
//! Metrics count an entry of grade ≥ 1 as a hit: SR@k is the share of
//! queries with a hit in the top k, MRR@10 the mean reciprocal rank of the
//! first hit within the top 10 (0 when none). The `_g2` variants count only
//! grade-2 entries and average over the queries that have one.

use std::collections::HashMap;
use std::path::Path;

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
    /// With cross-validated examples: the fold this query was held out in
    /// (its ranking used only the other folds' queries as examples).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fold: Option<usize>,
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
    /// Where the entries' example questions came from.
    #[serde(default)]
    pub examples: ExamplesUsed,
    /// Per-query rankings.
    pub runs: Vec<QueryRun>,
}

/// Where an evaluation took example questions from (see
/// [`crate::IndexDoc::examples`]): judged queries become examples of the
/// entries they were judged relevant to, never of the query itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExamplesUsed {
    /// `"none"`; `"folds"`: k-fold cross-validation over the evaluated
    /// queries; `"train"`: a separate judged query set.
    pub mode: String,
    /// Number of folds (mode `"folds"`; query at position i of the id-sorted
    /// list is in fold i mod k).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub folds: Option<usize>,
    /// Judged queries that lent examples (mode `"train"`).
    #[serde(default)]
    pub train_queries: usize,
    /// Training queries left out because their text equals an evaluated
    /// query's (after normalization): they would leak the answer.
    #[serde(default)]
    pub dropped_overlap: usize,
}

/// Weight of an example learned from a grade-1 ("somewhat relevant")
/// judgment; grade 2 gives weight 1. Chosen with the other example settings
/// by cross-validation on the shared half.
pub const GRADE1_EXAMPLE_WEIGHT: f32 = 0.5;

/// Adds every query of `train` (ids into `train_qrels`) as an example
/// question of each corpus entry it was judged relevant to; `docs` are the
/// corpus of `set` in order ([`corpus_docs`]). Grade 2 gives weight 1,
/// grade 1 [`GRADE1_EXAMPLE_WEIGHT`]. Returns how many queries lent one.
pub fn attach_examples(
    set: &EvalSet,
    docs: &mut [IndexDoc],
    train: &[(String, String)],
    train_qrels: &HashMap<String, HashMap<String, u8>>,
) -> usize {
    let pos: HashMap<&str, usize> = set
        .corpus
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    let mut lent = 0;
    for (qid, text) in train {
        let Some(judged) = train_qrels.get(qid) else {
            continue;
        };
        let mut any = false;
        let mut judged: Vec<(&String, &u8)> = judged.iter().collect();
        judged.sort();
        for (entry, &grade) in judged {
            let weight = match grade {
                2.. => 1.0,
                1 => GRADE1_EXAMPLE_WEIGHT,
                0 => continue,
            };
            if let Some(doc) = pos.get(entry.as_str()).and_then(|&i| docs.get_mut(i)) {
                doc.examples.push(crate::ExampleQuestion {
                    text: text.clone(),
                    weight,
                });
                any = true;
            }
        }
        lent += usize::from(any);
    }
    lent
}

/// Evaluates with k-fold cross-validation of example questions: query i
/// (id order) is in fold i mod `folds`; each fold's queries are ranked by
/// a retriever `build` makes over the corpus with the other folds' queries
/// as examples. Runs come back in query order, each with its fold.
pub fn evaluate_folds(
    set: &EvalSet,
    folds: usize,
    build: impl FnMut(&[IndexDoc]) -> Retriever,
) -> EvalReport {
    let mut reports = evaluate_folds_variants(set, folds, build, &[None]);
    reports.pop().unwrap_or_else(|| summarize(set, Vec::new()))
}

/// [`evaluate_folds`] once per entry of `variants`, building each fold's
/// index once: `Some(cfg)` re-ranks with `cfg`'s query-time settings (see
/// [`Retriever::set_query_config`]), `None` with the settings `build` chose.
/// For tuning the example weights without embedding anything twice.
pub fn evaluate_folds_variants(
    set: &EvalSet,
    folds: usize,
    mut build: impl FnMut(&[IndexDoc]) -> Retriever,
    variants: &[Option<RetrievalConfig>],
) -> Vec<EvalReport> {
    let folds = folds.max(2);
    let mut runs: Vec<Vec<(usize, QueryRun)>> = vec![Vec::new(); variants.len()];
    for f in 0..folds {
        let (test, train): (Vec<_>, Vec<_>) = set
            .queries
            .iter()
            .cloned()
            .enumerate()
            .partition(|(i, _)| i % folds == f);
        let train: Vec<(String, String)> = train.into_iter().map(|(_, q)| q).collect();
        let mut docs = corpus_docs(set);
        attach_examples(set, &mut docs, &train, &set.qrels);
        let mut retriever = build(&docs);
        let built = *retriever.config();
        for (variant, out) in variants.iter().zip(&mut runs) {
            retriever.set_query_config(variant.unwrap_or(built));
            for (i, q) in &test {
                let mut run = run_query(set, q, std_clock, |text| rank_with(&retriever, text));
                run.fold = Some(f);
                out.push((*i, run));
            }
        }
    }
    runs.into_iter()
        .map(|mut runs| {
            runs.sort_by_key(|r| r.0);
            let mut report = summarize(set, runs.into_iter().map(|r| r.1).collect());
            report.examples = ExamplesUsed {
                mode: "folds".into(),
                folds: Some(folds),
                ..ExamplesUsed::default()
            };
            report
        })
        .collect()
}

/// Evaluates `set` with the queries of `train` (judged in `train_qrels`)
/// as example questions. A training query whose normalized text equals an
/// evaluated query's is left out (and counted), so no query finds itself.
pub fn evaluate_with_training(
    set: &EvalSet,
    train: &[(String, String)],
    train_qrels: &HashMap<String, HashMap<String, u8>>,
    build: impl FnOnce(&[IndexDoc]) -> Retriever,
) -> EvalReport {
    let asked: std::collections::HashSet<String> = set
        .queries
        .iter()
        .map(|(_, t)| crate::normalize(t))
        .collect();
    let (kept, dropped): (Vec<_>, Vec<_>) = train
        .iter()
        .cloned()
        .partition(|(_, t)| !asked.contains(&crate::normalize(t)));
    let mut docs = corpus_docs(set);
    let lent = attach_examples(set, &mut docs, &kept, train_qrels);
    let retriever = build(&docs);
    let mut report = evaluate_retriever(set, &retriever);
    report.examples = ExamplesUsed {
        mode: "train".into(),
        folds: None,
        train_queries: lent,
        dropped_overlap: dropped.len(),
    };
    report
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
    parse_json(&bytes, &p)
}

/// Parses one evaluation file's bytes; `name` names it in errors.
fn parse_json<T: serde::de::DeserializeOwned>(bytes: &[u8], name: &str) -> Result<T, FaqError> {
    serde_json::from_slice(bytes).map_err(|source| FaqError::Json {
        path: name.to_string(),
        source,
    })
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
        examples: Vec::new(),
    })
}

/// Loads the three LocalgovFAQ JSON files.
pub fn load_localgov(corpus: &Path, queries: &Path, qrels: &Path) -> Result<EvalSet, FaqError> {
    let c: HashMap<String, String> = read_json(corpus)?;
    let (queries, qrels) = load_judged(queries, qrels)?;
    localgov_set(c, queries, qrels)
}

/// [`load_localgov`] from the three files' bytes (the browser build, which
/// fetches them): errors name the files `corpus.json`, `queries.json` and
/// `qrels.json`.
pub fn parse_localgov(corpus: &[u8], queries: &[u8], qrels: &[u8]) -> Result<EvalSet, FaqError> {
    let c: HashMap<String, String> = parse_json(corpus, "corpus.json")?;
    let (queries, qrels) = judged(
        parse_json(queries, "queries.json")?,
        parse_json(qrels, "qrels.json")?,
    );
    localgov_set(c, queries, qrels)
}

fn localgov_set(
    c: HashMap<String, String>,
    queries: Vec<(String, String)>,
    qrels: HashMap<String, HashMap<String, u8>>,
) -> Result<EvalSet, FaqError> {
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
    Ok(EvalSet {
        corpus,
        queries,
        qrels,
    })
}

/// Judged queries without a corpus: (id, text) in id order, only those
/// with a judgment, and the judgments (LocalgovFAQ's queries and qrels
/// files). Used for training sets of example questions.
pub type Judged = (Vec<(String, String)>, HashMap<String, HashMap<String, u8>>);

/// Loads a queries file and its qrels file (see [`Judged`]).
pub fn load_judged(queries: &Path, qrels: &Path) -> Result<Judged, FaqError> {
    Ok(judged(read_json(queries)?, read_json(qrels)?))
}

fn judged(q: HashMap<String, String>, r: HashMap<String, HashMap<String, u8>>) -> Judged {
    let mut queries: Vec<(String, String)> = q
        .into_iter()
        .filter(|(id, _)| r.get(id).is_some_and(|m| !m.is_empty()))
        .collect();
    queries.sort_by(|a, b| numeric_order(&a.0, &b.0));
    (queries, r)
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
    evaluate_with(set, |q| rank_with(retriever, q))
}

/// [`evaluate_retriever`] timing each query with `clock` (milliseconds
/// from any origin): for targets whose std has no clock, such as the
/// browser build, which passes `performance.now`.
pub fn evaluate_retriever_with_clock(
    set: &EvalSet,
    retriever: &Retriever,
    clock: Clock,
) -> EvalReport {
    evaluate_with_clock(set, clock, |q| rank_with(retriever, q))
}

fn rank_with(retriever: &Retriever, query: &str) -> Ranked {
    let hits = retriever.search(query, 10).unwrap_or_default();
    Ranked {
        top: TopFeatures::of(&hits),
        scores: hits.iter().map(|h| f64::from(h.score)).collect(),
        docs: hits.into_iter().map(|h| h.doc).collect(),
    }
}

/// Scores any ranking function over `set`: `rank(query)` returns corpus
/// positions (indices into `set.corpus`), best first.
pub fn evaluate_with(set: &EvalSet, rank: impl FnMut(&str) -> Ranked) -> EvalReport {
    evaluate_with_clock(set, std_clock, rank)
}

/// A monotonic clock in milliseconds from an arbitrary origin.
pub type Clock = fn() -> f64;

/// The std clock. wasm32-unknown-unknown has none (`Instant::now`
/// panics there): latencies read 0 unless a [`Clock`] is passed.
#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
fn std_clock() -> f64 {
    static ORIGIN: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    ORIGIN
        .get_or_init(std::time::Instant::now)
        .elapsed()
        .as_secs_f64()
        * 1000.0
}

#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
fn std_clock() -> f64 {
    0.0
}

/// [`evaluate_with`] timing each query with `clock`.
pub fn evaluate_with_clock(
    set: &EvalSet,
    clock: Clock,
    mut rank: impl FnMut(&str) -> Ranked,
) -> EvalReport {
    let runs = set
        .queries
        .iter()
        .map(|q| run_query(set, q, clock, &mut rank))
        .collect();
    summarize(set, runs)
}

/// Ranks one (id, text) query and records its top 10 and first hit.
fn run_query(
    set: &EvalSet,
    (qid, text): &(String, String),
    clock: Clock,
    mut rank: impl FnMut(&str) -> Ranked,
) -> QueryRun {
    let t0 = clock();
    let Ranked {
        docs: ranked,
        scores,
        top,
    } = rank(text);
    let ms = clock() - t0;
    let top10: Vec<String> = ranked
        .iter()
        .take(10)
        .filter_map(|&d| set.corpus.get(d).map(|e| e.id.clone()))
        .collect();
    let first_hit = first_hit(set, qid, &top10, 1);
    QueryRun {
        id: qid.clone(),
        top10,
        top10_scores: scores.into_iter().take(10).collect(),
        first_hit,
        ms,
        fold: None,
        top,
    }
}

/// Rank (1-based) of the first entry of grade ≥ `min` for query `qid`.
fn first_hit(set: &EvalSet, qid: &str, top10: &[String], min: u8) -> Option<usize> {
    let judged = set.qrels.get(qid)?;
    top10
        .iter()
        .position(|id| judged.get(id).is_some_and(|&g| g >= min))
        .map(|p| p + 1)
}

/// The summary figures of `runs` (queries of `set`).
fn summarize(set: &EvalSet, runs: Vec<QueryRun>) -> EvalReport {
    let (mut s1, mut s5, mut s10, mut mrr) = (0.0, 0.0, 0.0, 0.0);
    let (mut g1, mut g5, mut gmrr, mut ng2) = (0.0, 0.0, 0.0, 0usize);
    let mut lat = Vec::with_capacity(runs.len());
    for run in &runs {
        lat.push(run.ms);
        if let Some(r) = run.first_hit {
            s1 += f64::from(u8::from(r <= 1));
            s5 += f64::from(u8::from(r <= 5));
            s10 += 1.0;
            mrr += 1.0 / r as f64;
        }
        let has_g2 = set
            .qrels
            .get(&run.id)
            .is_some_and(|j| j.values().any(|&g| g >= 2));
        if has_g2 {
            ng2 += 1;
            if let Some(r) = first_hit(set, &run.id, &run.top10, 2) {
                g1 += f64::from(u8::from(r <= 1));
                g5 += f64::from(u8::from(r <= 5));
                gmrr += 1.0 / r as f64;
            }
        }
    }
    let n = runs.len().max(1) as f64;
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
        queries: runs.len(),
        queries_g2: ng2,
        p50_ms: percentile(&lat, 50.0),
        p95_ms: percentile(&lat, 95.0),
        examples: ExamplesUsed {
            mode: "none".into(),
            ..ExamplesUsed::default()
        },
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
        let examples = match (self.examples.mode.as_str(), self.examples.folds) {
            ("folds", Some(k)) => {
                format!("example questions: {k}-fold cross-validation over these queries\n")
            }
            ("train", _) => format!(
                "example questions: {} training queries ({} equal to a test query left out)\n",
                self.examples.train_queries, self.examples.dropped_overlap
            ),
            _ => String::new(),
        };
        format!(
            "{examples}queries {q} (grade-2: {q2})\n\
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
            examples: Vec::new(),
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

    /// Three entries; each of four queries is worded unlike every entry
    /// but exactly like one other query about the same entry.
    fn paired_set() -> EvalSet {
        let doc = |q: &str, a: &str| IndexDoc {
            question: q.into(),
            answer: a.into(),
            ..IndexDoc::default()
        };
        let corpus = [
            doc("粗大ごみの出し方", "申込制です。"),
            doc("住民票の写しの請求", "市民課の窓口で請求できます。"),
            doc("犬の登録", "保健所で登録します。"),
        ]
        .into_iter()
        .enumerate()
        .map(|(i, doc)| CorpusEntry {
            id: i.to_string(),
            doc,
        })
        .collect();
        let q = |id: &str, text: &str| (id.to_string(), text.to_string());
        let rel = |q: &str, e: &str, g: u8| (q.to_string(), HashMap::from([(e.to_string(), g)]));
        EvalSet {
            corpus,
            // Fold 0 of 2 holds q0 and q2, fold 1 holds q1 and q3.
            queries: vec![
                q("0", "ソファを処分したい"),
                q("1", "ソファを処分したい"),
                q("2", "引っ越し先で必要な紙"),
                q("3", "引っ越し先で必要な紙"),
            ],
            qrels: HashMap::from([
                rel("0", "0", 2),
                rel("1", "0", 2),
                rel("2", "1", 1),
                rel("3", "1", 2),
            ]),
        }
    }

    fn build(docs: &[IndexDoc]) -> Retriever {
        Retriever::build(docs, SynonymTable::new(), RetrievalConfig::default())
    }

    #[test]
    fn examples_attach_by_grade_and_skip_unknown_entries() {
        let set = paired_set();
        let mut docs = corpus_docs(&set);
        let mut qrels = set.qrels.clone();
        qrels.insert("x".into(), HashMap::from([("404".to_string(), 2u8)]));
        let train = vec![
            set.queries[0].clone(),
            set.queries[2].clone(),
            ("x".to_string(), "unknown".to_string()),
        ];
        assert_eq!(attach_examples(&set, &mut docs, &train, &qrels), 2);
        assert_eq!(
            docs[0].examples,
            vec![crate::ExampleQuestion::new("ソファを処分したい")]
        );
        assert_eq!(docs[1].examples[0].weight, GRADE1_EXAMPLE_WEIGHT);
        assert!(docs[2].examples.is_empty());
    }

    #[test]
    fn folds_answer_each_query_with_the_other_folds_only() {
        let set = paired_set();
        let none = evaluate_retriever(&set, &build(&corpus_docs(&set)));
        assert!(none.sr1 < 0.5, "no entry is worded like the queries");
        let r = evaluate_folds(&set, 2, build);
        assert_eq!(r.examples.mode, "folds");
        assert_eq!(r.examples.folds, Some(2));
        let folds: Vec<_> = r
            .runs
            .iter()
            .map(|run| (run.id.as_str(), run.fold))
            .collect();
        assert_eq!(
            folds,
            [
                ("0", Some(0)),
                ("1", Some(1)),
                ("2", Some(0)),
                ("3", Some(1))
            ]
        );
        // Each query's twin sits in the other fold and lends its words.
        assert!((r.sr1 - 1.0).abs() < 1e-9, "{:?}", r.runs);
        // One fold is no cross-validation: it is raised to two.
        assert_eq!(evaluate_folds(&set, 1, build).examples.folds, Some(2));
    }

    #[test]
    fn training_queries_equal_to_a_test_query_are_left_out() {
        let set = paired_set();
        let mut train: Vec<(String, String)> = set.queries.clone();
        train.push(("9".into(), "粗大ごみの料金".into()));
        let mut qrels = set.qrels.clone();
        qrels.insert("9".into(), HashMap::from([("0".to_string(), 2u8)]));
        let r = evaluate_with_training(&set, &train, &qrels, build);
        assert_eq!(r.examples.mode, "train");
        assert_eq!(r.examples.dropped_overlap, 4);
        assert_eq!(r.examples.train_queries, 1);
        // With their twins left out, the queries are on their own again.
        assert!(r.sr1 < 0.5, "{:?}", r.runs);
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["examples"]["dropped_overlap"], 4);
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
