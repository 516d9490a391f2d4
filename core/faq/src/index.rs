//! The retrieval index: BM25 over question, answer and keyword fields, with
//! synonym expansion, fused into one score per entry.

use std::collections::HashMap;
#[cfg(feature = "encoder")]
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::dense::{fuse, DenseIndex, Fusion};
use crate::error::FaqError;
use crate::normalize::normalize;
use crate::synonyms::{match_form, Expanded, SynonymTable};
use crate::tokenize::{tokenize_into, TokenizerConfig};
#[cfg(feature = "encoder")]
use crate::{dense::EmbeddingCache, encoder::Encoder};

/// Queries longer than this (in characters) are rejected: nobody types that
/// much into a FAQ box, and scoring cost grows with length.
pub const MAX_QUERY_CHARS: usize = 1_000;

/// The text of one entry to index, every language joined per field.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IndexDoc {
    /// The FAQ question (all languages present).
    pub question: String,
    /// The FAQ answer (all languages present).
    pub answer: String,
    /// Search keywords the publisher attached (any language).
    pub keywords: String,
    /// The question once per language (translations of one another), for
    /// the confidence estimate: a query is compared with each wording on
    /// its own, so a six-language entry is not six times harder to match
    /// than a Japanese-only one. Empty means `question` is the only wording.
    pub questions: Vec<String>,
    /// Questions people asked that this entry answered, in their own
    /// words (any language): matched like nearest neighbours, never shown.
    pub examples: Vec<ExampleQuestion>,
}

/// A question someone asked that an entry answered: from the pack (the
/// publisher's record of real questions) or from a "this helped" vote on
/// this phone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExampleQuestion {
    /// The question as it was asked.
    pub text: String,
    /// How sure it is that the entry answers it (0..=1): 1 for a question
    /// the entry fully answers, less for one it only partly answers.
    pub weight: f32,
}

impl ExampleQuestion {
    /// An example the entry fully answers (weight 1).
    pub fn new(text: impl Into<String>) -> Self {
        ExampleQuestion {
            text: text.into(),
            weight: 1.0,
        }
    }

    /// Whether the example is indexed at all: not blank, and no longer
    /// than a question may be ([`MAX_QUERY_CHARS`]; a pack or a vote
    /// cannot make the index embed pages of text).
    pub(crate) fn is_usable(&self) -> bool {
        !self.text.trim().is_empty() && self.text.chars().count() <= MAX_QUERY_CHARS
    }

    /// The weight within 0..=1 (a non-finite weight counts as 0).
    pub(crate) fn clamped_weight(&self) -> f32 {
        if self.weight.is_finite() {
            self.weight.clamp(0.0, 1.0)
        } else {
            0.0
        }
    }
}

/// Tuning of the ranker. The defaults were chosen on the shared half of
/// LocalgovFAQ (see docs/benchmarks/machi-faq.md); they are a handful of
/// global weights, nothing per query.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RetrievalConfig {
    /// How text becomes terms.
    pub tokenizer: TokenizerConfig,
    /// BM25 term-frequency saturation.
    pub k1: f32,
    /// BM25 length normalization for the question field.
    pub b_question: f32,
    /// BM25 length normalization for the answer field.
    pub b_answer: f32,
    /// Weight of the question field's BM25 score.
    pub w_question: f32,
    /// Weight of the answer field's BM25 score.
    pub w_answer: f32,
    /// Weight of the keyword field's BM25 score.
    pub w_keywords: f32,
    /// Query weight of a term brought in by a synonym group, relative to a
    /// term the user typed.
    pub synonym_weight: f32,
    /// Pseudo-relevance feedback: how many top entries lend terms (0 = off).
    pub prf_docs: usize,
    /// Pseudo-relevance feedback: how many terms are added.
    pub prf_terms: usize,
    /// Pseudo-relevance feedback: query weight of an added term.
    pub prf_weight: f32,
    /// The fused score is multiplied by `coverage ^ coverage_power`, favouring
    /// entries that contain most of the query's rare terms (0 = off).
    pub coverage_power: f32,
    /// Drop generic question phrasing (〜したいのですが, どうすればいいですか,
    /// 教えてください, …) from queries before tokenizing.
    pub strip_phrasing: bool,
    /// The fused score is multiplied by `1 + wording_weight · lift`, where
    /// `lift` grows from 0 at `wording_floor` to 1 at a perfect
    /// [`Hit::wording_match`]: the entry whose question reads like the query
    /// moves up (0 = off).
    pub wording_weight: f32,
    /// Wording matches at or below this lift nothing; above it the lift
    /// grows linearly to `wording_weight` at a perfect match.
    pub wording_floor: f32,
    /// With a sentence encoder attached: share (0..=1) of the fused score
    /// that comes from the encoder's cosine (see [`Fusion`]).
    pub dense_weight: f32,
    /// With a sentence encoder attached: how the two rankings combine.
    pub fusion: Fusion,
    /// With a sentence encoder attached: an entry with a single question
    /// wording is also embedded as that question followed by this many
    /// characters of its answer, and scores the better of the two vectors
    /// (0 = the question alone).
    pub dense_answer_chars: usize,
    /// Weight of the best example question's BM25 score (see
    /// [`IndexDoc::examples`]), added to the entry's BM25 score.
    pub w_examples: f32,
    /// With a sentence encoder attached: added to the fused score, times
    /// the best example's lift (its weight times how far its cosine with
    /// the query rises above `example_floor`, scaled to 0..=1).
    pub example_dense_weight: f32,
    /// Example cosines at or below this lift nothing: unrelated questions
    /// still share some cosine.
    pub example_floor: f32,
}

impl Default for RetrievalConfig {
    fn default() -> Self {
        RetrievalConfig {
            tokenizer: TokenizerConfig::default(),
            k1: 2.0,
            b_question: 0.75,
            b_answer: 0.9,
            w_question: 1.0,
            w_answer: 1.5,
            w_keywords: 1.0,
            synonym_weight: 0.5,
            prf_docs: 0,
            prf_terms: 0,
            prf_weight: 0.0,
            coverage_power: 0.0,
            strip_phrasing: true,
            wording_weight: 1.0,
            wording_floor: 0.5,
            // Fitted on the shared half of LocalgovFAQ only (grid: weights
            // 0–1, answer prefixes 0–300 characters, both fusions; see
            // docs/benchmarks/machi-faq-encoder.md).
            dense_weight: 0.75,
            fusion: Fusion::Score,
            dense_answer_chars: 50,
            // Fitted by 5-fold cross-validation on the shared half of
            // LocalgovFAQ (see docs/benchmarks.md, "example questions").
            w_examples: 2.0,
            example_dense_weight: 0.4,
            example_floor: 0.4,
        }
    }
}

/// One ranked entry.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    /// Position of the entry in the slice the index was built from.
    pub doc: usize,
    /// Fused score (higher is better; only comparable within one query).
    pub score: f32,
    /// Share (0..=1) of the query's IDF mass whose terms occur in this entry:
    /// a length-independent signal used for the confidence estimate.
    pub coverage: f32,
    /// Share (0..=1) of the entry question's IDF mass that the query
    /// matches: low when only a side word of the question was hit.
    pub question_coverage: f32,
    /// Share (0..=1) of the query's concepts the entry contains in any
    /// field: a typed word, or a synonym group any of whose members (in any
    /// language) appears. Unlike `coverage`, synonyms the user did not type
    /// do not count against it.
    pub concept_coverage: f32,
    /// How closely the query and the entry's closest question wording match
    /// each other (0..=1): the harmonic mean of the share of the query's
    /// concepts that wording contains and the share of the wording's IDF
    /// mass the query (with its synonym groups) accounts for. Both are
    /// ratios, so the value does not grow or shrink with corpus size.
    pub wording_match: f32,
    /// Cosine (-1..=1) between the query's and the entry's closest
    /// wording's sentence vectors; 0 when no encoder is attached.
    pub similarity: f32,
}

#[derive(Debug, Clone, Default)]
struct Field {
    /// term id → (doc, term frequency)
    postings: Vec<Vec<(u32, f32)>>,
    doc_len: Vec<f32>,
    avgdl: f32,
    n_docs: f32,
}

impl Field {
    fn idf(&self, term: usize) -> f32 {
        let df = self.postings.get(term).map_or(0, Vec::len) as f32;
        ((self.n_docs - df + 0.5) / (df + 0.5) + 1.0).ln()
    }
}

/// The example questions of every entry, each scored on its own (BM25
/// with the corpus-wide IDF) so that one close example counts, however
/// many others the entry has.
#[derive(Debug, Clone, Default)]
struct ExampleField {
    /// term id → (example, term frequency)
    postings: Vec<Vec<(u32, f32)>>,
    len: Vec<f32>,
    avglen: f32,
    /// Entry of every example.
    owner: Vec<u32>,
    /// [`ExampleQuestion::weight`] of every example.
    weight: Vec<f32>,
    /// Sorted distinct terms of every example.
    terms: Vec<Vec<u32>>,
    /// Per entry, its examples.
    by_doc: Vec<Vec<u32>>,
}

struct QueryTerms {
    terms: Vec<(u32, f32)>,
    unknown_mass: f32,
    concepts: Vec<Concept>,
    /// Sorted term ids the query accounts for: typed terms and every
    /// token of every member of a synonym group the query mentions.
    accounted: Vec<u32>,
}

/// One thing the query asks about: a typed term, or a synonym group.
#[derive(Debug)]
struct Concept {
    /// Importance (an IDF).
    weight: f32,
    /// Satisfied when a text holds every term of any one of these
    /// alternatives (empty: a word the index has never seen).
    any_of: Vec<Vec<u32>>,
}

impl Concept {
    fn satisfied_by(&self, sorted_terms: &[u32]) -> bool {
        self.any_of
            .iter()
            .any(|alt| alt.iter().all(|t| sorted_terms.binary_search(t).is_ok()))
    }
}

/// An immutable search index over a list of entries.
#[derive(Debug, Clone)]
pub struct Retriever {
    cfg: RetrievalConfig,
    vocab: HashMap<String, u32>,
    question: Field,
    answer: Field,
    keywords: Field,
    /// Per document, the sorted distinct term ids in any field.
    doc_terms: Vec<Vec<u32>>,
    /// Per document, the sorted distinct term ids of the question field.
    question_terms: Vec<Vec<u32>>,
    /// Per document, per wording of the question, its sorted distinct terms.
    wordings: Vec<Vec<Vec<u32>>>,
    /// Per document, the sorted distinct terms of the keyword field.
    keyword_terms: Vec<Vec<u32>>,
    /// Document frequency over all fields, for coverage weights.
    df_any: Vec<u32>,
    examples: ExampleField,
    synonyms: SynonymTable,
    /// Entry vectors when a sentence encoder is attached.
    dense: Option<DenseIndex>,
}

impl Retriever {
    /// Indexes `docs` (the order gives [`Hit::doc`]).
    pub fn build(docs: &[IndexDoc], synonyms: SynonymTable, cfg: RetrievalConfig) -> Self {
        let mut vocab: HashMap<String, u32> = HashMap::new();
        let mut fields = [Field::default(), Field::default(), Field::default()];
        let mut doc_terms = Vec::with_capacity(docs.len());
        let mut question_terms = Vec::with_capacity(docs.len());
        let mut wordings = Vec::with_capacity(docs.len());
        let mut keyword_terms = Vec::with_capacity(docs.len());
        let mut buf = Vec::new();
        for (d, doc) in docs.iter().enumerate() {
            let mut all: Vec<u32> = Vec::new();
            for (f, text) in [&doc.question, &doc.answer, &doc.keywords]
                .into_iter()
                .enumerate()
            {
                let counts = count_terms(text, &cfg.tokenizer, &mut vocab, &mut buf);
                let field = &mut fields[f];
                field.doc_len.push(counts.iter().map(|c| c.1).sum());
                add_postings(&mut field.postings, d as u32, &counts);
                let n_kw = counts.len();
                all.extend(counts.iter().map(|c| c.0));
                if f == 0 {
                    // Postings were pushed in ascending id order.
                    question_terms.push(all.clone());
                }
                if f == 2 {
                    // `counts` was sorted by id, so these are in order.
                    keyword_terms.push(all[all.len() - n_kw..].to_vec());
                }
            }
            all.sort_unstable();
            all.dedup();
            doc_terms.push(all);
            let texts: Vec<&String> = if doc.questions.is_empty() {
                vec![&doc.question]
            } else {
                doc.questions.iter().collect()
            };
            let mut ws = Vec::with_capacity(texts.len());
            for text in texts {
                buf.clear();
                tokenize_into(&normalize(text), &cfg.tokenizer, &mut buf);
                let mut ids: Vec<u32> = buf
                    .drain(..)
                    .filter_map(|t| vocab.get(&t).copied())
                    .collect();
                ids.sort_unstable();
                ids.dedup();
                // Kept even when empty, so positions match `questions`.
                ws.push(ids);
            }
            wordings.push(ws);
        }
        let mut examples = ExampleField {
            by_doc: vec![Vec::new(); docs.len()],
            ..ExampleField::default()
        };
        for (d, doc) in docs.iter().enumerate() {
            for ex in doc.examples.iter().filter(|ex| ex.is_usable()) {
                let counts = count_terms(&ex.text, &cfg.tokenizer, &mut vocab, &mut buf);
                if counts.is_empty() {
                    continue;
                }
                let x = examples.owner.len() as u32;
                examples.owner.push(d as u32);
                examples.weight.push(ex.clamped_weight());
                examples.len.push(counts.iter().map(|c| c.1).sum());
                examples.terms.push(counts.iter().map(|c| c.0).collect());
                examples.by_doc[d].push(x);
                add_postings(&mut examples.postings, x, &counts);
                // The entry now "knows" the words people used for it, so
                // coverage does not count them as missing.
                let terms = &mut doc_terms[d];
                terms.extend(counts.iter().map(|c| c.0));
                terms.sort_unstable();
                terms.dedup();
            }
        }
        if !examples.len.is_empty() {
            examples.avglen =
                (examples.len.iter().sum::<f32>() / examples.len.len() as f32).max(1.0);
        }
        let n = docs.len() as f32;
        for field in &mut fields {
            field.n_docs = n;
            let total: f32 = field.doc_len.iter().sum();
            field.avgdl = if n > 0.0 { (total / n).max(1.0) } else { 1.0 };
        }
        let mut df_any = vec![0u32; vocab.len()];
        for terms in &doc_terms {
            for &t in terms {
                df_any[t as usize] += 1;
            }
        }
        let [question, answer, keywords] = fields;
        Retriever {
            cfg,
            vocab,
            question,
            answer,
            keywords,
            doc_terms,
            question_terms,
            wordings,
            keyword_terms,
            df_any,
            examples,
            synonyms,
            dense: None,
        }
    }

    /// Like [`Retriever::build`], and embeds every entry's question
    /// wordings with `encoder` (once, here) so that searches fuse BM25 with
    /// the encoder's cross-lingual similarity (see [`RetrievalConfig::dense_weight`]).
    #[cfg(feature = "encoder")]
    pub fn build_with_encoder(
        docs: &[IndexDoc],
        synonyms: SynonymTable,
        cfg: RetrievalConfig,
        encoder: Arc<Encoder>,
    ) -> Self {
        Self::build_with_encoder_cached(docs, synonyms, cfg, encoder, None)
    }

    /// [`Retriever::build_with_encoder`], taking entry vectors from `cache`
    /// where it has them and keeping the ones it had to make there.
    #[cfg(feature = "encoder")]
    pub fn build_with_encoder_cached(
        docs: &[IndexDoc],
        synonyms: SynonymTable,
        cfg: RetrievalConfig,
        encoder: Arc<Encoder>,
        cache: Option<&dyn EmbeddingCache>,
    ) -> Self {
        let mut r = Self::build(docs, synonyms, cfg);
        r.dense = Some(DenseIndex::build(
            encoder,
            docs,
            cfg.dense_answer_chars,
            cache,
        ));
        r
    }

    /// Changes how BM25 and the encoder are fused (for tuning: the entry
    /// vectors do not depend on it).
    pub fn set_fusion(&mut self, fusion: Fusion, dense_weight: f32) {
        self.cfg.fusion = fusion;
        self.cfg.dense_weight = dense_weight;
    }

    /// Changes the settings that act at query time only (fusion, weights,
    /// floors; for tuning): `cfg`'s tokenizer and the settings that shape
    /// what was indexed (`dense_answer_chars`) are ignored.
    pub fn set_query_config(&mut self, cfg: RetrievalConfig) {
        self.cfg = RetrievalConfig {
            tokenizer: self.cfg.tokenizer,
            dense_answer_chars: self.cfg.dense_answer_chars,
            ..cfg
        };
    }

    /// True when a sentence encoder is attached.
    pub fn has_encoder(&self) -> bool {
        self.dense.is_some()
    }

    /// Number of indexed entries.
    pub fn len(&self) -> usize {
        self.doc_terms.len()
    }

    /// True when nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.doc_terms.is_empty()
    }

    /// The configuration the index was built with.
    pub fn config(&self) -> &RetrievalConfig {
        &self.cfg
    }

    /// The query's terms with their weights (typed terms 1.0 per occurrence,
    /// synonym-group terms `synonym_weight` spread over the member's terms),
    /// and the IDF mass of typed terms the index has never seen (they count
    /// against coverage: a question about something absent is not covered).
    fn query_terms(&self, query: &str) -> QueryTerms {
        let norm = normalize(query);
        let norm = if self.cfg.strip_phrasing {
            strip_phrasing(&norm)
        } else {
            norm
        };
        let expanded = if self.cfg.synonym_weight > 0.0 {
            self.synonyms.expand(&match_form(query))
        } else {
            Expanded::default()
        };
        let mut buf = Vec::new();
        // Typed words that are part of a recognised synonym member are
        // explained by that member's expansion, so they are not "unknown".
        let mut explained: Vec<String> = Vec::new();
        for m in &expanded.found {
            tokenize_into(m, &self.cfg.tokenizer, &mut explained);
        }
        let mut weights: HashMap<u32, f32> = HashMap::new();
        let mut unknown_mass = 0.0;
        let max_idf = self.idf_any(u32::MAX);
        let mut concepts: Vec<Concept> = Vec::new();
        let mut accounted: Vec<u32> = Vec::new();
        tokenize_into(&norm, &self.cfg.tokenizer, &mut buf);
        for t in buf.drain(..) {
            let known = self.vocab.get(&t).copied();
            if let Some(id) = known {
                *weights.entry(id).or_insert(0.0) += 1.0;
                accounted.push(id);
            } else if !explained.contains(&t) {
                unknown_mass += max_idf;
            }
            if !explained.contains(&t) {
                let any_of = known.map(|id| vec![vec![id]]).unwrap_or_default();
                let weight = known.map_or(max_idf, |id| self.idf_any(id));
                if !concepts
                    .iter()
                    .any(|c| c.any_of == any_of && !any_of.is_empty())
                {
                    concepts.push(Concept { weight, any_of });
                }
            }
        }
        for (found, members) in &expanded.groups {
            let mut any_of = Vec::new();
            for m in members {
                tokenize_into(m, &self.cfg.tokenizer, &mut buf);
                let ids: Option<Vec<u32>> =
                    buf.drain(..).map(|t| self.vocab.get(&t).copied()).collect();
                if let Some(ids) = ids.filter(|ids| !ids.is_empty()) {
                    accounted.extend(&ids);
                    any_of.push(ids);
                }
            }
            // A group weighs what its rarest typed token weighs.
            let mut weight: f32 = 0.0;
            for m in found {
                tokenize_into(m, &self.cfg.tokenizer, &mut buf);
                for t in buf.drain(..) {
                    weight = weight.max(self.vocab.get(&t).map_or(max_idf, |&id| self.idf_any(id)));
                }
            }
            concepts.push(Concept { weight, any_of });
        }
        accounted.sort_unstable();
        accounted.dedup();
        for member in &expanded.added {
            tokenize_into(member, &self.cfg.tokenizer, &mut buf);
            let n = buf.len().max(1) as f32;
            // Spread a member's weight over its terms so long phrases do not
            // dominate; never lower a term the user typed.
            let w = self.cfg.synonym_weight * (4.0 / n).min(1.0);
            for t in buf.drain(..) {
                if let Some(&id) = self.vocab.get(&t) {
                    let e = weights.entry(id).or_insert(0.0);
                    if *e < 1.0 {
                        *e = (*e + w).min(1.0);
                    }
                }
            }
        }
        let mut terms: Vec<(u32, f32)> = weights.into_iter().collect();
        terms.sort_unstable_by_key(|x| x.0);
        QueryTerms {
            terms,
            unknown_mass,
            concepts,
            accounted,
        }
    }

    /// Share of the concepts' weight that `sorted_terms` satisfies.
    fn concept_share(concepts: &[Concept], sorted_terms: &[u32]) -> f32 {
        let total: f32 = concepts.iter().map(|c| c.weight).sum();
        if total <= 0.0 {
            return 0.0;
        }
        let hit: f32 = concepts
            .iter()
            .filter(|c| c.satisfied_by(sorted_terms))
            .map(|c| c.weight)
            .sum();
        (hit / total).clamp(0.0, 1.0)
    }

    /// See [`Hit::wording_match`].
    fn wording_match(&self, d: usize, q: &QueryTerms) -> f32 {
        let own = self.wordings.get(d).map_or(0.0, |ws| {
            ws.iter()
                .map(|w| self.wording_score(w, q))
                .fold(0.0, f32::max)
        });
        // A question worded like one the entry answered reads like the
        // entry's own, as far as that example is sure.
        let ex = &self.examples;
        ex.by_doc.get(d).map_or(own, |xs| {
            xs.iter()
                .filter_map(|&x| {
                    let w = *ex.weight.get(x as usize)?;
                    Some(w * self.wording_score(ex.terms.get(x as usize)?, q))
                })
                .fold(own, f32::max)
        })
    }

    /// Harmonic mean of the share of the query's concepts `wording` holds
    /// and the share of `wording`'s IDF mass the query accounts for.
    fn wording_score(&self, wording: &[u32], q: &QueryTerms) -> f32 {
        let a = Self::concept_share(&q.concepts, wording);
        let b = self.accounted_share(wording, q);
        if a + b > 0.0 {
            (2.0 * a * b / (a + b)).clamp(0.0, 1.0)
        } else {
            0.0
        }
    }

    /// Share of `wording`'s IDF mass that the query accounts for.
    fn accounted_share(&self, wording: &[u32], q: &QueryTerms) -> f32 {
        let (mut hit, mut all) = (0.0, 0.0);
        for &t in wording {
            let idf = self.idf_any(t);
            all += idf;
            if q.accounted.binary_search(&t).is_ok() {
                hit += idf;
            }
        }
        if all > 0.0 {
            (hit / all).clamp(0.0, 1.0)
        } else {
            0.0
        }
    }

    /// For every entry where `pick(entry)` names one of its question
    /// wordings (a position in [`IndexDoc::questions`], or 0 for the plain
    /// question), how well `text` names that entry (0..=1): mostly the share
    /// of `text`'s concepts found in that wording or the entry's keywords,
    /// a quarter the share of the wording `text` accounts for. Entries with
    /// a positive value only, in entry order. Used to link menu items
    /// ("Collection days") to entries in the menu's own language.
    pub fn item_matches(
        &self,
        text: &str,
        pick: impl Fn(usize) -> Option<usize>,
    ) -> Result<Vec<(usize, f32)>, FaqError> {
        let chars = text.chars().count();
        if chars > MAX_QUERY_CHARS {
            return Err(FaqError::QueryTooLong {
                chars,
                max: MAX_QUERY_CHARS,
            });
        }
        let q = self.query_terms(text);
        let mut out = Vec::new();
        for (d, ws) in self.wordings.iter().enumerate() {
            let Some(w) = pick(d).and_then(|i| ws.get(i)) else {
                continue;
            };
            let mut with_keywords = w.clone();
            if let Some(k) = self.keyword_terms.get(d) {
                with_keywords.extend(k);
                with_keywords.sort_unstable();
                with_keywords.dedup();
            }
            let named = Self::concept_share(&q.concepts, &with_keywords);
            let m = 0.75 * named + 0.25 * self.accounted_share(w, &q);
            if m > 0.0 {
                out.push((d, m));
            }
        }
        Ok(out)
    }

    fn add_field(&self, field: &Field, b: f32, w: f32, terms: &[(u32, f32)], acc: &mut [f32]) {
        if w == 0.0 {
            return;
        }
        let k1 = self.cfg.k1;
        for &(t, qw) in terms {
            let Some(post) = field.postings.get(t as usize) else {
                continue;
            };
            if post.is_empty() {
                continue;
            }
            let idf = field.idf(t as usize) * qw * w;
            for &(d, tf) in post {
                let dl = field.doc_len[d as usize];
                let norm = k1 * (1.0 - b + b * dl / field.avgdl);
                acc[d as usize] += idf * tf * (k1 + 1.0) / (tf + norm);
            }
        }
    }

    /// Scores every entry for `query` and returns the best `k`, best first.
    /// A query with no usable terms (empty, only punctuation or control
    /// characters, or — without an encoder — words the index has never
    /// seen) gives an empty list. With an encoder every entry is a
    /// candidate: BM25 and cosine are fused (see [`Fusion`]).
    pub fn search(&self, query: &str, k: usize) -> Result<Vec<Hit>, FaqError> {
        self.search_with(query, k, true)
    }

    /// [`Retriever::search`] with BM25 alone even when an encoder is
    /// attached: for typing suggestions, which must stay within a few
    /// milliseconds per keystroke.
    pub fn search_lexical(&self, query: &str, k: usize) -> Result<Vec<Hit>, FaqError> {
        self.search_with(query, k, false)
    }

    fn search_with(&self, query: &str, k: usize, use_dense: bool) -> Result<Vec<Hit>, FaqError> {
        let chars = query.chars().count();
        if chars > MAX_QUERY_CHARS {
            return Err(FaqError::QueryTooLong {
                chars,
                max: MAX_QUERY_CHARS,
            });
        }
        let q = self.query_terms(query);
        let (terms, unknown_mass) = (q.terms.clone(), q.unknown_mass);
        // The encoder embeds anything; only text with letters or digits
        // is worth embedding.
        let dense = self
            .dense
            .as_ref()
            .filter(|_| use_dense && normalize(query).chars().any(char::is_alphanumeric));
        if (terms.is_empty() && dense.is_none()) || k == 0 || self.is_empty() {
            return Ok(Vec::new());
        }
        let c = &self.cfg;
        let mut acc = self.score_all(&terms);
        if c.prf_docs > 0 && c.prf_terms > 0 && c.prf_weight > 0.0 {
            let expanded = self.feedback_terms(&terms, &acc);
            if expanded.len() > terms.len() {
                acc = self.score_all(&expanded);
            }
        }
        let mut ranked: Vec<(usize, f32)> = acc
            .iter()
            .enumerate()
            .filter(|(_, s)| **s > 0.0)
            .map(|(d, s)| (d, *s))
            .collect();
        ranked.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        // Coverage reranks a generous head of the BM25 list; further down
        // nothing can climb into the top k.
        ranked.truncate(k.max(RERANK_DEPTH));
        let total: f32 =
            terms.iter().map(|&(t, w)| self.idf_any(t) * w).sum::<f32>() + unknown_mass;
        let mut hits: Vec<Hit> = ranked
            .into_iter()
            .map(|(d, score)| {
                let mut hit = self.describe(d, &q, total);
                let mut score = if c.coverage_power > 0.0 {
                    score * hit.coverage.max(1e-3).powf(c.coverage_power)
                } else {
                    score
                };
                // Only a wording that reads like the query lifts an entry:
                // weak partial matches are already in the BM25 score.
                score *= 1.0
                    + c.wording_weight
                        * ((hit.wording_match - c.wording_floor)
                            / (1.0 - c.wording_floor).max(1e-3))
                        .max(0.0);
                hit.score = score;
                hit
            })
            .collect();
        hits.sort_unstable_by(|a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
        if let Some(dense) = dense {
            hits = self.fuse_dense(dense, query, &q, total, hits, k);
        }
        hits.truncate(k);
        Ok(hits)
    }

    /// The query-dependent features of entry `d` (score and similarity 0).
    fn describe(&self, d: usize, q: &QueryTerms, total: f32) -> Hit {
        Hit {
            doc: d,
            score: 0.0,
            coverage: self.coverage(d, &q.terms, total),
            question_coverage: self.question_coverage(d, &q.terms),
            concept_coverage: Self::concept_share(&q.concepts, &self.doc_terms[d]),
            wording_match: self.wording_match(d, q),
            similarity: 0.0,
        }
    }

    /// Re-ranks every entry by fusing the BM25 `hits` (final BM25 scores)
    /// with the encoder's cosine, and returns the best `k`.
    fn fuse_dense(
        &self,
        dense: &DenseIndex,
        query: &str,
        q: &QueryTerms,
        total: f32,
        hits: Vec<Hit>,
        k: usize,
    ) -> Vec<Hit> {
        let sims = dense.similarities(query, self.cfg.example_floor);
        let mut bm25 = vec![0f32; self.len()];
        for h in &hits {
            bm25[h.doc] = h.score;
        }
        let mut fused = fuse(&bm25, &sims.wording, self.cfg.fusion, self.cfg.dense_weight);
        if self.cfg.example_dense_weight > 0.0 {
            for (f, l) in fused.iter_mut().zip(&sims.example_lift) {
                *f += self.cfg.example_dense_weight * l;
            }
        }
        let mut order: Vec<usize> = (0..self.len()).collect();
        let by = |a: &usize, b: &usize| fused[*b].total_cmp(&fused[*a]).then(a.cmp(b));
        if k < order.len() {
            order.select_nth_unstable_by(k, by);
            order.truncate(k);
        }
        order.sort_unstable_by(by);
        let by_doc: HashMap<usize, Hit> = hits.into_iter().map(|h| (h.doc, h)).collect();
        order
            .into_iter()
            .map(|d| {
                let mut h = by_doc
                    .get(&d)
                    .copied()
                    .unwrap_or_else(|| self.describe(d, q, total));
                h.score = fused[d];
                // A question worded like one this entry answered is as
                // good a sign as one worded like the entry's own.
                h.similarity = sims.wording[d].max(sims.example[d]);
                h
            })
            .collect()
    }

    /// Inverse document frequency over all fields together (never negative).
    fn idf_any(&self, t: u32) -> f32 {
        let n = self.len() as f32;
        let df = self.df_any.get(t as usize).copied().unwrap_or(0) as f32;
        ((n - df + 0.5) / (df + 0.5) + 1.0).ln()
    }

    fn coverage(&self, d: usize, terms: &[(u32, f32)], total: f32) -> f32 {
        if total <= 0.0 {
            return 0.0;
        }
        let present: f32 = terms
            .iter()
            .filter(|(t, _)| self.doc_terms[d].binary_search(t).is_ok())
            .map(|&(t, w)| self.idf_any(t) * w)
            .sum();
        (present / total).clamp(0.0, 1.0)
    }

    fn question_coverage(&self, d: usize, terms: &[(u32, f32)]) -> f32 {
        let Some(qt) = self.question_terms.get(d) else {
            return 0.0;
        };
        let (mut hit, mut all) = (0.0, 0.0);
        for &t in qt {
            let idf = self.question.idf(t as usize);
            all += idf;
            if let Ok(i) = terms.binary_search_by_key(&t, |x| x.0) {
                hit += idf * terms[i].1.min(1.0);
            }
        }
        if all > 0.0 {
            (hit / all).clamp(0.0, 1.0)
        } else {
            0.0
        }
    }

    /// Fused BM25 of every entry.
    fn score_all(&self, terms: &[(u32, f32)]) -> Vec<f32> {
        let mut acc = vec![0f32; self.len()];
        let c = &self.cfg;
        self.add_field(&self.question, c.b_question, c.w_question, terms, &mut acc);
        self.add_field(&self.answer, c.b_answer, c.w_answer, terms, &mut acc);
        self.add_field(&self.keywords, c.b_question, c.w_keywords, terms, &mut acc);
        self.add_examples(terms, &mut acc);
        acc
    }

    /// Adds `w_examples` times the best weighted BM25 score among each
    /// entry's example questions.
    fn add_examples(&self, terms: &[(u32, f32)], acc: &mut [f32]) {
        let ex = &self.examples;
        if self.cfg.w_examples == 0.0 || ex.owner.is_empty() {
            return;
        }
        let (k1, b) = (self.cfg.k1, self.cfg.b_question);
        let mut per_example = vec![0f32; ex.owner.len()];
        for &(t, qw) in terms {
            let Some(post) = ex.postings.get(t as usize) else {
                continue;
            };
            let idf = self.idf_any(t) * qw;
            for &(x, tf) in post {
                let len = ex.len[x as usize];
                let norm = k1 * (1.0 - b + b * len / ex.avglen);
                per_example[x as usize] += idf * tf * (k1 + 1.0) / (tf + norm);
            }
        }
        let mut best = vec![0f32; acc.len()];
        for ((s, &d), &w) in per_example.iter().zip(&ex.owner).zip(&ex.weight) {
            if let Some(b) = best.get_mut(d as usize) {
                *b = b.max(s * w);
            }
        }
        for (a, b) in acc.iter_mut().zip(best) {
            *a += self.cfg.w_examples * b;
        }
    }

    /// The query terms plus the `prf_terms` rarest-but-shared terms of the
    /// `prf_docs` best entries (pseudo-relevance feedback).
    fn feedback_terms(&self, terms: &[(u32, f32)], acc: &[f32]) -> Vec<(u32, f32)> {
        let c = &self.cfg;
        let mut top: Vec<(usize, f32)> = acc
            .iter()
            .enumerate()
            .filter(|(_, s)| **s > 0.0)
            .map(|(d, s)| (d, *s))
            .collect();
        top.sort_unstable_by(|a, b| b.1.total_cmp(&a.1));
        top.truncate(c.prf_docs);
        let Some(best) = top.first().map(|t| t.1) else {
            return terms.to_vec();
        };
        let mut cand: HashMap<u32, f32> = HashMap::new();
        for &(d, s) in &top {
            for &t in &self.doc_terms[d] {
                *cand.entry(t).or_insert(0.0) += s / best;
            }
        }
        let mut cand: Vec<(u32, f32)> = cand
            .into_iter()
            .filter(|(t, _)| terms.binary_search_by_key(t, |x| x.0).is_err())
            .map(|(t, w)| (t, w * self.idf_any(t)))
            .collect();
        cand.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut out = terms.to_vec();
        out.extend(
            cand.into_iter()
                .take(c.prf_terms)
                .map(|(t, _)| (t, c.prf_weight)),
        );
        out.sort_unstable_by_key(|x| x.0);
        out
    }
}

/// The terms of `text` as (term id, count), sorted by id; terms new to
/// `vocab` are added to it. `buf` is scratch space.
fn count_terms(
    text: &str,
    tokenizer: &TokenizerConfig,
    vocab: &mut HashMap<String, u32>,
    buf: &mut Vec<String>,
) -> Vec<(u32, f32)> {
    buf.clear();
    tokenize_into(&normalize(text), tokenizer, buf);
    let mut counts: HashMap<u32, f32> = HashMap::new();
    for t in buf.drain(..) {
        let next = vocab.len() as u32;
        let id = *vocab.entry(t).or_insert(next);
        *counts.entry(id).or_insert(0.0) += 1.0;
    }
    let mut counts: Vec<(u32, f32)> = counts.into_iter().collect();
    counts.sort_unstable_by_key(|c| c.0);
    counts
}

/// Appends `(owner, count)` to the postings of each of `counts`' terms.
fn add_postings(postings: &mut Vec<Vec<(u32, f32)>>, owner: u32, counts: &[(u32, f32)]) {
    for &(id, tf) in counts {
        let id = id as usize;
        if postings.len() <= id {
            postings.resize_with(id + 1, Vec::new);
        }
        postings[id].push((owner, tf));
    }
}

/// Generic request phrasing in normalized form (katakana already folded),
/// longest first so a long phrase is removed before its parts. These say
/// "I want to know / how do I" and nothing about the topic.
const PHRASING: &[&str] = &[
    "どうすればいいでしょうか",
    "どうすればよいでしょうか",
    "どうしたらいいですか",
    "どうすればいいですか",
    "どうすればよいですか",
    "教えてください",
    "教えて下さい",
    "教えて",
    "知りたいのですが",
    "したいのですが",
    "たいのですが",
    "いいのでしょうか",
    "ありますか",
    "できますか",
    "でしょうか",
    "ですか",
    "のですが",
    "ください",
    "知りたい",
    "について",
];

fn strip_phrasing(norm: &str) -> String {
    let mut s = norm.to_string();
    for p in PHRASING {
        s = s.replace(p, " ");
    }
    s
}

/// How many BM25 candidates the coverage factor may reorder.
const RERANK_DEPTH: usize = 200;

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(q: &str, a: &str) -> IndexDoc {
        IndexDoc {
            question: q.into(),
            answer: a.into(),
            keywords: String::new(),
            questions: Vec::new(),
            examples: Vec::new(),
        }
    }

    #[test]
    fn example_questions_find_their_entry_in_the_words_people_use() {
        let mut docs = vec![
            doc(
                "死亡届の提出について",
                "死亡の事実を知った日から7日以内に届け出てください。",
            ),
            doc("転出届の提出について", "転出の14日前から届け出できます。"),
            doc("犬の登録", "保健所で登録します。"),
        ];
        let asked = "うちの家族がなくなったらまず何をする";
        let plain = Retriever::build(&docs, SynonymTable::new(), RetrievalConfig::default());
        // Only stray characters ("ら", "の") match without examples.
        let before = plain.search(asked, 3).unwrap();
        let weak = |hits: &[Hit]| {
            hits.iter()
                .find(|h| h.doc == 0)
                .map_or(0.0, |h| h.wording_match)
        };
        assert!(weak(&before) < 0.1, "{before:?}");
        docs[0].examples = vec![
            ExampleQuestion::new("家族がなくなったときの手続き"),
            // A weight-0 example says nothing.
            ExampleQuestion {
                text: "犬が亡くなった".into(),
                weight: 0.0,
            },
        ];
        docs[2].examples = vec![
            ExampleQuestion::new("   "),
            ExampleQuestion::new("犬".repeat(MAX_QUERY_CHARS + 1)),
        ];
        let r = Retriever::build(&docs, SynonymTable::new(), RetrievalConfig::default());
        let hits = r.search(asked, 3).unwrap();
        assert_eq!(hits[0].doc, 0, "{hits:?}");
        assert!(weak(&hits) > 0.3, "{hits:?}");
        // Asked exactly as the example was, the entry reads as a match.
        let same = r.search("家族がなくなったときの手続き", 3).unwrap();
        assert_eq!(same[0].doc, 0);
        assert!(same[0].wording_match > 0.99, "{same:?}");
        // The weight-0 example lends nothing to its entry.
        let dog = r.search("犬が亡くなった", 3).unwrap();
        assert!(weak(&dog) < 0.5, "{dog:?}");
        // Without examples nothing changes.
        let none = r.search("犬の登録", 3).unwrap();
        assert_eq!(none[0].doc, 2);
        // Blank and overlong examples are not indexed.
        assert_eq!(r.examples.owner, [0, 0]);
    }

    #[test]
    fn question_match_ranks_first() {
        let docs = vec![
            doc("粗大ごみの出し方を知りたい", "電話で申し込んでください。"),
            doc("住民票の写しがほしい", "市民課の窓口で取れます。"),
            doc("犬の登録", "保健所で登録します。"),
        ];
        let r = Retriever::build(&docs, SynonymTable::new(), RetrievalConfig::default());
        let hits = r.search("ゴミ　そだい", 3).unwrap();
        assert!(hits.is_empty() || hits[0].doc == 0);
        let hits = r.search("住民票を取りたい", 3).unwrap();
        assert_eq!(hits[0].doc, 1);
        assert!(hits[0].coverage > 0.3 && hits[0].coverage <= 1.0);
    }

    #[test]
    fn unusable_queries_give_empty_or_typed_error() {
        let r = Retriever::build(
            &[doc("a", "b")],
            SynonymTable::new(),
            RetrievalConfig::default(),
        );
        assert!(r.search("", 5).unwrap().is_empty());
        assert!(r.search("\u{0}\u{1}\u{fffd}", 5).unwrap().is_empty());
        assert!(matches!(
            r.search(&"あ".repeat(MAX_QUERY_CHARS + 1), 5),
            Err(FaqError::QueryTooLong { .. })
        ));
        let empty = Retriever::build(&[], SynonymTable::new(), RetrievalConfig::default());
        assert!(empty.search("ごみ", 5).unwrap().is_empty());
    }

    fn worded(q: &[&str], keywords: &str) -> IndexDoc {
        IndexDoc {
            question: q.join("\n"),
            answer: String::new(),
            keywords: keywords.into(),
            questions: q.iter().map(|s| s.to_string()).collect(),
            examples: Vec::new(),
        }
    }

    #[test]
    fn wording_match_is_per_language_and_counts_synonyms() {
        let docs = vec![
            worded(
                &[
                    "住民票の写しはどこで取れますか",
                    "Where can I get a residence certificate?",
                ],
                "",
            ),
            worded(&["証明書がほしい", "I need a certificate."], ""),
            worded(&["犬の登録"], ""),
        ];
        let mut syn = SynonymTable::new();
        syn.add_group(&["住民票", "residence certificate"]);
        let r = Retriever::build(&docs, syn, RetrievalConfig::default());
        // The English wording alone matches fully, though the entry also
        // holds a Japanese wording the query does not touch.
        let hits = r
            .search("Where can I get a residence certificate?", 3)
            .unwrap();
        assert_eq!(hits[0].doc, 0);
        assert!(hits[0].wording_match > 0.9, "{hits:?}");
        // A Japanese-only wording is reached through the synonym group.
        let docs = vec![worded(&["住民票"], ""), worded(&["犬の登録"], "")];
        let mut syn = SynonymTable::new();
        syn.add_group(&["住民票", "residence certificate"]);
        let r = Retriever::build(&docs, syn, RetrievalConfig::default());
        let hits = r.search("residence certificate", 3).unwrap();
        assert_eq!(hits[0].doc, 0);
        assert!(hits[0].wording_match > 0.9, "{hits:?}");
        assert!(hits[0].concept_coverage > 0.9, "{hits:?}");
    }

    #[test]
    fn item_matches_look_at_one_wording_and_the_keywords() {
        let docs = vec![
            worded(
                &["ごみの収集日はいつですか", "When is garbage collected?"],
                "collection day",
            ),
            worded(&["ごみの分け方", "How do I sort garbage?"], ""),
        ];
        let r = Retriever::build(&docs, SynonymTable::new(), RetrievalConfig::default());
        // English wording (position 1) plus keywords: "Collection days".
        let m = r.item_matches("Collection days", |_| Some(1)).unwrap();
        assert_eq!(m.first().map(|x| x.0), Some(0), "{m:?}");
        assert!(m[0].1 >= 0.5, "{m:?}");
        // No wording picked: nothing.
        assert!(r
            .item_matches("Collection days", |_| None)
            .unwrap()
            .is_empty());
        assert!(matches!(
            r.item_matches(&"a".repeat(MAX_QUERY_CHARS + 1), |_| Some(0)),
            Err(FaqError::QueryTooLong { .. })
        ));
    }
}
