//! The "machi-encoder v1" model file: layout, writer and validating reader.
//!
//! One file holds everything the sentence encoder needs (tokenizer and
//! network), laid out so that it can be memory-mapped and used in place:
//!
//! ```text
//! offset  size  field
//! 0       8     magic  b"MACHIENC"
//! 8       4     version            u32 = 1
//! 12      4     section count      u32 = SECTIONS.len() (37 in v1)
//! 16      4     n_pieces           u32  SentencePiece vocabulary size
//! 20      4     n_rows             u32  embedding-table rows (≥ n_pieces)
//! 24      4     n_chunks           u32  quantization chunks (row r is in chunk r % n_chunks)
//! 28      4     reserved           u32 = 0
//! 32      16·S  section table: per section (in the order of SECTIONS)
//!               offset u64, byte length u64
//! …             section data, each section starting on a 64-byte boundary
//! ```
//!
//! All integers and floats are little-endian. Sections, in order:
//! - `pieces` (u8): the vocabulary's UTF-8 pieces, concatenated;
//! - `piece_offsets` (u32 × n_pieces+1): piece *i* is `pieces[off[i]..off[i+1]]`;
//! - `scores` (f32 × n_pieces): unigram log-probabilities;
//! - `types` (u8 × n_pieces): SentencePiece piece types (1 normal, 2 unknown,
//!   3 control, 4 user-defined, …; kept for completeness: the reference
//!   tokenizer we match treats every piece alike);
//! - `sorted` (u32 × n_pieces): piece ids ordered by piece bytes (ties by
//!   id), for prefix search without building a trie at load time;
//! - `norm_units` (u32) and `norm_strings` (u8): the `nmt_nfkc` precompiled
//!   charsmap of the SentencePiece model, split into its darts-clone
//!   double-array units and its NUL-terminated replacement strings;
//! - `table` (u8 × n_rows·512): the embedding table, row r dequantized as
//!   `table[r] · scale[r % n_chunks] + lo[r % n_chunks]`;
//! - `scale`, `lo` (f32 × n_chunks);
//! - the dense network, all f32, matrices row-major `[in, out]`:
//!   `proj_w [512, 768]` (the three n-gram branches' projections side by
//!   side), `proj_b`, `ln_g3`, `ln_b3` (768), then for n = 2, 3, 5:
//!   `w1_n [n·256, 256]`, `b1_n`, `w2_n [n·256, 256]`, `b2_n` (256), then
//!   `ln_g`, `ln_b` (1280), `cnn_w [1280, 512]`, `cnn_b` (512),
//!   `d0 [512, 320]`, `d1 [320, 320]`, `p1 [512, 320]`, `d2 [320, 512]`,
//!   `p3 [320, 512]`, `d3 [512, 512]`, and `eps` (1 value).
//!
//! There is no checksum on purpose: verifying one would read the whole
//! table at open, which is what the memory map avoids. Every size and
//! offset is checked instead, and the tokenizer sections are validated in
//! full (they are small).

use std::ops::Range;

/// The first 8 bytes of every model file.
pub const MAGIC: &[u8; 8] = b"MACHIENC";
/// The format version this code reads and writes.
pub const VERSION: u32 = 1;
/// Width of an embedding row and of the output vector.
pub const EMB_DIM: usize = 512;
/// Width of one n-gram branch.
pub const CNN_DIM: usize = 256;
/// Width of the hidden layers of the output network.
pub const HIDDEN: usize = 320;
/// (n-gram order, left context) of the three convolution branches.
pub const ORDERS: [(usize, usize); 3] = [(2, 0), (3, 1), (5, 2)];
/// Width of the token features: raw embedding plus the three branches.
pub const FEAT_DIM: usize = EMB_DIM + 3 * CNN_DIM;

const HEADER: usize = 32;
const ALIGN: usize = 64;

/// What a section holds, for size checks and typed views.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Bytes.
    U8,
    /// Little-endian u32.
    U32,
    /// Little-endian f32.
    F32,
}

/// Declares [`Section`] and [`SECTIONS`] from one list, so the file order
/// cannot drift from the enum.
macro_rules! sections {
    ($($(#[doc = $doc:literal])* $name:ident,)*) => {
        /// The sections of a v1 file, in order.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Section {
            $($(#[doc = $doc])* $name,)*
        }

        /// Every section, in file order.
        pub const SECTIONS: [Section; [$(Section::$name),*].len()] = [$(Section::$name),*];
    };
}

sections! {
    /// Vocabulary pieces, UTF-8, concatenated.
    Pieces,
    /// Start of every piece in `Pieces`, plus the end.
    PieceOffsets,
    /// Unigram log-probability of every piece.
    Scores,
    /// SentencePiece type of every piece.
    Types,
    /// Piece ids in byte order of their pieces.
    Sorted,
    /// Double-array units of the normalization charsmap.
    NormUnits,
    /// NUL-terminated replacement strings of the charsmap.
    NormStrings,
    /// Quantized embedding table (u8, 512 per row).
    Table,
    /// Dequantization scale per chunk.
    Scale,
    /// Dequantization offset per chunk.
    Lo,
    /// Projection of embeddings into the three branches, `[512, 768]`.
    ProjW,
    /// Bias of `ProjW`.
    ProjB,
    /// Layernorm gain after the projection (768).
    LnG3,
    /// Layernorm bias after the projection (768).
    LnB3,
    /// Bigram branch, first convolution `[512, 256]`.
    W1_2,
    /// Bigram branch, first convolution bias.
    B1_2,
    /// Bigram branch, second convolution `[512, 256]`.
    W2_2,
    /// Bigram branch, second convolution bias.
    B2_2,
    /// Trigram branch, first convolution `[768, 256]`.
    W1_3,
    /// Trigram branch, first convolution bias.
    B1_3,
    /// Trigram branch, second convolution `[768, 256]`.
    W2_3,
    /// Trigram branch, second convolution bias.
    B2_3,
    /// 5-gram branch, first convolution `[1280, 256]`.
    W1_5,
    /// 5-gram branch, first convolution bias.
    B1_5,
    /// 5-gram branch, second convolution `[1280, 256]`.
    W2_5,
    /// 5-gram branch, second convolution bias.
    B2_5,
    /// Layernorm gain over the 1280 token features.
    LnG,
    /// Layernorm bias over the 1280 token features.
    LnB,
    /// Projection of the summed token features `[1280, 512]`.
    CnnW,
    /// Bias of `CnnW` (added once per token).
    CnnB,
    /// Output network, first layer `[512, 320]`.
    D0,
    /// Output network, second layer `[320, 320]`.
    D1,
    /// Output network, skip into the second layer `[512, 320]`.
    P1,
    /// Output network, third layer `[320, 512]`.
    D2,
    /// Output network, skip into the output `[320, 512]`.
    P3,
    /// Output network, output layer `[512, 512]`.
    D3,
    /// Layernorm and normalization epsilon (one value).
    Eps,
}

// Version 1 of the file format has exactly 37 sections.
const _: () = assert!(SECTIONS.len() == 37);

impl Section {
    /// Element type of the section.
    pub fn kind(self) -> Kind {
        use Section::*;
        match self {
            Pieces | Types | NormStrings | Table => Kind::U8,
            PieceOffsets | Sorted | NormUnits => Kind::U32,
            _ => Kind::F32,
        }
    }

    /// Number of elements the section must hold, or `None` when its size is
    /// free (checked by the tokenizer validation instead).
    pub fn elements(self, h: &Header) -> Option<usize> {
        use Section::*;
        let (n, rows, chunks) = (h.n_pieces, h.n_rows, h.n_chunks);
        Some(match self {
            Pieces | NormUnits | NormStrings => return None,
            PieceOffsets => n.checked_add(1)?,
            Scores | Types | Sorted => n,
            Table => rows.checked_mul(EMB_DIM)?,
            Scale | Lo => chunks,
            ProjW => EMB_DIM * 3 * CNN_DIM,
            ProjB | LnG3 | LnB3 => 3 * CNN_DIM,
            W1_2 | W2_2 => 2 * CNN_DIM * CNN_DIM,
            W1_3 | W2_3 => 3 * CNN_DIM * CNN_DIM,
            W1_5 | W2_5 => 5 * CNN_DIM * CNN_DIM,
            B1_2 | B2_2 | B1_3 | B2_3 | B1_5 | B2_5 => CNN_DIM,
            LnG | LnB => FEAT_DIM,
            CnnW => FEAT_DIM * EMB_DIM,
            CnnB => EMB_DIM,
            D0 | P1 => EMB_DIM * HIDDEN,
            D1 => HIDDEN * HIDDEN,
            D2 | P3 => HIDDEN * EMB_DIM,
            D3 => EMB_DIM * EMB_DIM,
            Eps => 1,
        })
    }

    fn elem_size(self) -> usize {
        match self.kind() {
            Kind::U8 => 1,
            Kind::U32 | Kind::F32 => 4,
        }
    }
}

/// Why a file is not a usable model file.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum FormatError {
    /// Shorter than the header, or the section table runs past the end.
    #[error("file too short: {len} bytes")]
    TooShort {
        /// File length.
        len: usize,
    },
    /// Does not start with [`MAGIC`].
    #[error("not a machi-encoder file (bad magic)")]
    BadMagic,
    /// A version this build cannot read.
    #[error("unsupported machi-encoder version {0} (this build reads {VERSION})")]
    Version(u32),
    /// The section count differs from the version's.
    #[error("expected {expected} sections, found {found}")]
    SectionCount {
        /// What v1 has.
        expected: usize,
        /// What the file says.
        found: usize,
    },
    /// Header counts that cannot describe a model.
    #[error("bad header: {0}")]
    BadHeader(&'static str),
    /// A section lies (partly) outside the file or is misaligned.
    #[error("section {section:?} at {offset}+{len} does not fit the {file_len}-byte file or is misaligned")]
    OutOfBounds {
        /// The section.
        section: Section,
        /// Its offset.
        offset: u64,
        /// Its byte length.
        len: u64,
        /// The file length.
        file_len: usize,
    },
    /// A section has the wrong size for the header's counts.
    #[error("section {section:?} has {found} bytes, expected {expected}")]
    SectionSize {
        /// The section.
        section: Section,
        /// Expected byte length.
        expected: usize,
        /// Actual byte length.
        found: usize,
    },
    /// The tokenizer sections are inconsistent.
    #[error("bad tokenizer data: {0}")]
    BadTokenizer(&'static str),
    /// The host is big-endian; the file is little-endian and used in place.
    #[error("big-endian hosts are not supported")]
    BigEndianHost,
}

/// The counts in the file header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    /// SentencePiece vocabulary size.
    pub n_pieces: usize,
    /// Embedding-table rows.
    pub n_rows: usize,
    /// Quantization chunks.
    pub n_chunks: usize,
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn u64_at(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(b.get(at..at + 8)?.try_into().ok()?))
}

/// Checks the header and section table of `bytes` and returns the header
/// and each section's byte range (indexed like [`SECTIONS`]). Sizes of
/// fixed sections are checked here; see [`super::tokenizer`] for the rest.
pub fn parse(bytes: &[u8]) -> Result<(Header, Vec<Range<usize>>), FormatError> {
    if cfg!(target_endian = "big") {
        return Err(FormatError::BigEndianHost);
    }
    let too_short = FormatError::TooShort { len: bytes.len() };
    if bytes.len() < HEADER {
        return Err(too_short);
    }
    if &bytes[..8] != MAGIC {
        return Err(FormatError::BadMagic);
    }
    let field = |at| u32_at(bytes, at).map(|v| v as usize);
    let version = u32_at(bytes, 8).ok_or(FormatError::TooShort { len: bytes.len() })?;
    if version != VERSION {
        return Err(FormatError::Version(version));
    }
    let count = field(12).unwrap_or(0);
    if count != SECTIONS.len() {
        return Err(FormatError::SectionCount {
            expected: SECTIONS.len(),
            found: count,
        });
    }
    let header = Header {
        n_pieces: field(16).unwrap_or(0),
        n_rows: field(20).unwrap_or(0),
        n_chunks: field(24).unwrap_or(0),
    };
    if header.n_pieces < 3 {
        return Err(FormatError::BadHeader("fewer than 3 pieces"));
    }
    if header.n_rows < header.n_pieces {
        return Err(FormatError::BadHeader("fewer table rows than pieces"));
    }
    if header.n_chunks == 0 {
        return Err(FormatError::BadHeader("zero quantization chunks"));
    }
    let mut ranges = Vec::with_capacity(SECTIONS.len());
    for (i, &section) in SECTIONS.iter().enumerate() {
        let at = HEADER + 16 * i;
        let (Some(offset), Some(len)) = (u64_at(bytes, at), u64_at(bytes, at + 8)) else {
            return Err(FormatError::TooShort { len: bytes.len() });
        };
        let oob = FormatError::OutOfBounds {
            section,
            offset,
            len,
            file_len: bytes.len(),
        };
        let start = usize::try_from(offset).map_err(|_| oob.clone())?;
        let n = usize::try_from(len).map_err(|_| oob.clone())?;
        let end = start.checked_add(n).ok_or(oob.clone())?;
        if end > bytes.len() || start % ALIGN != 0 {
            return Err(oob);
        }
        if let Some(elems) = section.elements(&header) {
            let expected = elems
                .checked_mul(section.elem_size())
                .ok_or(FormatError::BadHeader("sizes overflow"))?;
            if n != expected {
                return Err(FormatError::SectionSize {
                    section,
                    expected,
                    found: n,
                });
            }
        } else if n % section.elem_size() != 0 {
            return Err(FormatError::SectionSize {
                section,
                expected: n - n % section.elem_size(),
                found: n,
            });
        }
        ranges.push(start..end);
    }
    Ok((header, ranges))
}

/// One section's contents, handed to [`write`].
#[derive(Debug, Clone, PartialEq)]
pub enum SectionData {
    /// Bytes.
    U8(Vec<u8>),
    /// u32 values.
    U32(Vec<u32>),
    /// f32 values.
    F32(Vec<f32>),
}

impl SectionData {
    fn bytes(&self) -> Vec<u8> {
        match self {
            SectionData::U8(v) => v.clone(),
            SectionData::U32(v) => v.iter().flat_map(|x| x.to_le_bytes()).collect(),
            SectionData::F32(v) => v.iter().flat_map(|x| x.to_le_bytes()).collect(),
        }
    }
}

/// Serializes a model: `sections` must follow [`SECTIONS`] order. The
/// result is checked with [`parse`] before it is returned, so a writer bug
/// cannot produce a file the reader rejects.
pub fn write(header: Header, sections: &[SectionData]) -> Result<Vec<u8>, FormatError> {
    if sections.len() != SECTIONS.len() {
        return Err(FormatError::SectionCount {
            expected: SECTIONS.len(),
            found: sections.len(),
        });
    }
    let count = |v: usize| u32::try_from(v).map_err(|_| FormatError::BadHeader("count too large"));
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&count(SECTIONS.len())?.to_le_bytes());
    out.extend_from_slice(&count(header.n_pieces)?.to_le_bytes());
    out.extend_from_slice(&count(header.n_rows)?.to_le_bytes());
    out.extend_from_slice(&count(header.n_chunks)?.to_le_bytes());
    out.extend_from_slice(&0u32.to_le_bytes());
    let table_at = out.len();
    out.resize(table_at + 16 * SECTIONS.len(), 0);
    for (i, s) in sections.iter().enumerate() {
        out.resize(out.len().div_ceil(ALIGN) * ALIGN, 0);
        let start = out.len();
        let data = s.bytes();
        out.extend_from_slice(&data);
        let at = table_at + 16 * i;
        out[at..at + 8].copy_from_slice(&(start as u64).to_le_bytes());
        out[at + 8..at + 16].copy_from_slice(&(data.len() as u64).to_le_bytes());
    }
    parse(&out)?;
    Ok(out)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A structurally valid file with tiny tokenizer sections and zeroed
    /// weights (the writer and reader agree; numbers are irrelevant here).
    pub(crate) fn tiny() -> Vec<u8> {
        let h = Header {
            n_pieces: 3,
            n_rows: 3,
            n_chunks: 1,
        };
        let sections: Vec<SectionData> = SECTIONS
            .iter()
            .map(|s| match s.elements(&h) {
                None => match s {
                    Section::Pieces => SectionData::U8(b"abc".to_vec()),
                    Section::NormUnits => SectionData::U32(Vec::new()),
                    _ => SectionData::U8(Vec::new()),
                },
                Some(n) => match (s, s.kind()) {
                    (Section::PieceOffsets, _) => SectionData::U32(vec![0, 1, 2, 3]),
                    (Section::Sorted, _) => SectionData::U32(vec![0, 1, 2]),
                    (_, Kind::U8) => SectionData::U8(vec![1; n]),
                    (_, Kind::U32) => SectionData::U32(vec![0; n]),
                    (_, Kind::F32) => SectionData::F32(vec![0.5; n]),
                },
            })
            .collect();
        write(h, &sections).unwrap()
    }

    #[test]
    fn round_trip_and_every_truncation_is_an_error() {
        let file = tiny();
        let (h, ranges) = parse(&file).unwrap();
        assert_eq!(h.n_pieces, 3);
        assert_eq!(ranges.len(), SECTIONS.len());
        assert_eq!(&file[ranges[0].clone()], b"abc");
        // Cutting anywhere in the header, table or last section fails cleanly.
        for cut in (0..file.len()).step_by(97).chain([file.len() - 1]) {
            assert!(parse(&file[..cut]).is_err(), "cut at {cut}");
        }
    }

    #[test]
    fn bad_magic_version_and_sizes_are_typed_errors() {
        let mut f = tiny();
        f[0] = b'X';
        assert_eq!(parse(&f), Err(FormatError::BadMagic));
        let mut f = tiny();
        f[8] = 2;
        assert_eq!(parse(&f), Err(FormatError::Version(2)));
        let mut f = tiny();
        // Claim more pieces than the sections hold.
        f[16] = 4;
        f[20] = 4;
        assert!(matches!(parse(&f), Err(FormatError::SectionSize { .. })));
        let mut f = tiny();
        // Point the first section past the end.
        f[HEADER..HEADER + 8].copy_from_slice(&u64::MAX.to_le_bytes());
        assert!(matches!(parse(&f), Err(FormatError::OutOfBounds { .. })));
    }
}
