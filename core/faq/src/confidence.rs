//! Turning a ranking into a calibrated confidence for its top entry.
//!
//! Three estimates; the confidence is the largest:
//!
//! 1. **Ranking evidence**, fitted on LocalgovFAQ:
//!    `sigmoid(c0 + c1·coverage·margin + c2·question_coverage)
//!     · min(1, coverage / FLOOR) · min(1, question_coverage / QFLOOR)`
//!    - coverage: share of the query's IDF mass found in the top entry,
//!      words the index has never seen counting against it;
//!    - question coverage: share of the top entry's question IDF mass (all
//!      languages together) that the query matches;
//!    - margin: relative score lead of the top entry over the runner-up.
//!
//!    `c0..c2` were fitted once by logistic regression on the shared half of
//!    LocalgovFAQ (label: top entry judged relevant) with
//!    `tools/fit_confidence.py`. The margin depends on how many entries
//!    share the query's words, i.e. on the corpus: in a fifty-entry town
//!    FAQ where ten entries say ごみ, even a verbatim question has a small
//!    lead, so this estimate alone leaves most of a small pack "not sure".
//!
//! 2. **Wording evidence**, independent of corpus size and language: the
//!    top entry's [`Hit::wording_match`] (how well the query and the entry's
//!    closest question wording, in any language, cover each other, synonym
//!    groups counted as matches), scaled by its lead over the best wording
//!    match of any other hit (two entries that both read like the query are
//!    ambiguous). Both are ratios of IDF masses, so the IDF scale cancels
//!    out. On LocalgovFAQ's shared half every query whose top wording match
//!    was ≥ 0.5 (13 of 375) had a correct top entry, and no off-topic
//!    question in the tests gets above 0.15.
//!
//! 3. **Meaning evidence**, with a sentence encoder only: the top entry's
//!    cosine ([`Hit::similarity`]) and its lead over every other hit's
//!    cosine: `sigmoid(SLOPE · (cos − MID)) · min(1, lead / LEAD)`. It is
//!    what lets a question in another language, or in other words, be
//!    answered outright. On the shared half with the encoder, MID .6 and
//!    LEAD .1 (chosen there) raise the confident answers from 65 to 106 of
//!    375 queries while their top-1 precision goes from .815 to .79; a
//!    cosine lead of .1 or more above .6 was right in 40 of 45 queries.
//!
//! That data has no off-topic questions, so it cannot teach rejection: the
//! floors and the wording midpoint are fixed design choices, checked by the
//! off-topic tests on the fixtures, on the sample town and on the full
//! LocalgovFAQ corpus.

use crate::index::Hit;

/// Relative margin `(s1 - s2) / s1` of the first hit over the second
/// (1 when there is only one hit, 0 when there are none).
pub fn margin(hits: &[Hit]) -> f32 {
    match hits {
        [] => 0.0,
        [_] => 1.0,
        [a, b, ..] if a.score > 0.0 => ((a.score - b.score) / a.score).clamp(0.0, 1.0),
        _ => 0.0,
    }
}

/// The first hit's encoder cosine minus the best cosine among the other hits
/// (0 without an encoder or with fewer than two hits' worth of evidence).
pub fn similarity_lead(hits: &[Hit]) -> f32 {
    let Some((top, rest)) = hits.split_first() else {
        return 0.0;
    };
    let rival = rest.iter().map(|h| h.similarity).fold(0.0, f32::max);
    (top.similarity - rival).max(0.0)
}

/// Logistic coefficients: intercept, coverage × margin, question coverage.
const COEF: [f32; 3] = [-1.95, 11.66, 5.19];

/// Below this coverage, confidence is scaled down linearly.
const COVERAGE_FLOOR: f32 = 0.4;

/// Below this question coverage, confidence is scaled down linearly.
const QUESTION_COVERAGE_FLOOR: f32 = 0.35;

/// Confidence at or above which the chatbot answers outright.
pub const CONFIDENT: f32 = 0.5;

/// Wording match at which the wording estimate is one half.
const WORDING_MID: f32 = 0.55;

/// Steepness of the wording estimate around [`WORDING_MID`].
const WORDING_SLOPE: f32 = 12.0;

/// Lead in wording match over every other hit that counts as unambiguous.
const WORDING_LEAD: f32 = 0.2;

/// Encoder cosine at which the meaning estimate is one half (with a full lead).
const MEANING_MID: f32 = 0.6;
/// Steepness of the meaning estimate around [`MEANING_MID`].
const MEANING_SLOPE: f32 = 15.0;
/// Cosine lead over every other hit that counts as unambiguous.
const MEANING_LEAD: f32 = 0.1;

/// Estimated probability (0..=1) that the first of `hits` answers the query.
pub fn confidence(hits: &[Hit]) -> f32 {
    ranking_confidence(hits)
        .max(wording_confidence(hits))
        .max(meaning_confidence(hits))
}

/// The encoder's estimate from the top cosine and its lead (0 without an
/// encoder: every similarity is then 0).
fn meaning_confidence(hits: &[Hit]) -> f32 {
    let Some(top) = hits.first() else {
        return 0.0;
    };
    if top.similarity <= 0.0 {
        return 0.0;
    }
    let lead = (similarity_lead(hits) / MEANING_LEAD).clamp(0.0, 1.0);
    let p = 1.0 / (1.0 + (-MEANING_SLOPE * (top.similarity - MEANING_MID)).exp());
    (p * lead).clamp(0.0, 1.0)
}

/// The LocalgovFAQ-fitted estimate from coverage, question coverage and margin.
fn ranking_confidence(hits: &[Hit]) -> f32 {
    let Some(top) = hits.first() else {
        return 0.0;
    };
    let z = COEF[0] + COEF[1] * top.coverage * margin(hits) + COEF[2] * top.question_coverage;
    let gate = (top.coverage / COVERAGE_FLOOR).clamp(0.0, 1.0)
        * (top.question_coverage / QUESTION_COVERAGE_FLOOR).clamp(0.0, 1.0);
    (gate / (1.0 + (-z).exp())).clamp(0.0, 1.0)
}

/// The corpus-size-independent estimate from the wording match.
fn wording_confidence(hits: &[Hit]) -> f32 {
    let Some((top, rest)) = hits.split_first() else {
        return 0.0;
    };
    let rival = rest.iter().map(|h| h.wording_match).fold(0.0, f32::max);
    let lead = ((top.wording_match - rival) / WORDING_LEAD).clamp(0.0, 1.0);
    let p = 1.0 / (1.0 + (-WORDING_SLOPE * (top.wording_match - WORDING_MID)).exp());
    (p * lead).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(score: f32, coverage: f32) -> Hit {
        Hit {
            doc: 0,
            score,
            coverage,
            question_coverage: coverage,
            concept_coverage: coverage,
            wording_match: 0.0,
            similarity: 0.0,
        }
    }

    #[test]
    fn low_coverage_is_never_confident() {
        assert!(confidence(&[hit(10.0, 0.05)]) < CONFIDENT);
        assert!(confidence(&[hit(10.0, 0.1), hit(1.0, 0.1)]) < CONFIDENT);
        assert_eq!(confidence(&[]), 0.0);
    }

    #[test]
    fn full_coverage_and_clear_lead_is_confident() {
        assert!(confidence(&[hit(10.0, 0.9), hit(4.0, 0.5)]) > 0.9);
        // A tie on a partly matched question: unsure.
        let mut a = hit(10.0, 0.9);
        a.question_coverage = 0.3;
        assert!(confidence(&[a, a]) < CONFIDENT);
        // The same lead, but only a side word of the entry's question matched.
        let mut b = hit(10.0, 0.9);
        b.question_coverage = 0.1;
        assert!(confidence(&[b, hit(2.0, 0.2)]) < CONFIDENT);
    }

    fn worded(score: f32, wording_match: f32) -> Hit {
        Hit {
            doc: 0,
            score,
            coverage: 0.3,
            question_coverage: 0.05,
            concept_coverage: 1.0,
            wording_match,
            similarity: 0.0,
        }
    }

    #[test]
    fn a_query_reading_like_one_question_is_confident_without_a_score_lead() {
        // Small pack: ten entries share the query's words, so the score lead
        // is small and the ranking estimate alone stays low...
        let hits = [worded(10.0, 0.95), worded(9.5, 0.3), worded(9.0, 0.2)];
        assert!(ranking_confidence(&hits) < CONFIDENT);
        // ...but the wording match is near-verbatim and unrivalled.
        assert!(confidence(&hits) > 0.9, "{}", confidence(&hits));
    }

    #[test]
    fn a_rivalled_or_partial_wording_match_is_not_confident() {
        // Two entries read just as much like the query: ambiguous.
        let tie = [worded(10.0, 0.9), worded(9.0, 0.85)];
        assert!(confidence(&tie) < CONFIDENT);
        // Half the query matches the best wording: not enough.
        let partial = [worded(10.0, 0.45), worded(2.0, 0.0)];
        assert!(confidence(&partial) < CONFIDENT);
        assert_eq!(wording_confidence(&[]), 0.0);
    }

    fn meant(similarity: f32) -> Hit {
        Hit {
            similarity,
            ..hit(1.0, 0.1)
        }
    }

    #[test]
    fn a_clear_lead_in_meaning_is_confident_and_a_close_race_is_not() {
        assert!(confidence(&[meant(0.75), meant(0.5)]) > CONFIDENT);
        // Close in meaning to two entries: ambiguous.
        assert!(confidence(&[meant(0.75), meant(0.72)]) < CONFIDENT);
        // Clear lead, but not close enough to anything.
        assert!(confidence(&[meant(0.45), meant(0.2)]) < CONFIDENT);
        // Without an encoder the estimate stays out of the way.
        assert_eq!(meaning_confidence(&[meant(0.0), meant(0.0)]), 0.0);
    }
}
