//! Readers for the public benchmark formats (see `shared/data/toptw/SOURCE.md`).
//!
//! * KU Leuven TOPTW (`c101.txt`, `pr01.txt`, …): vertex lines
//!   `i x y d S f a list O C`; `O`/`C` bound the **start** of service; the
//!   depot's `C` is the tour deadline; the header may be split over lines
//!   (`c204`), so it is read as tokens and vertex lines are found by shape.
//! * Gavalas TTDP (`t101.txt`): per-weekday windows, `M` tours starting on
//!   weekday `SD`; a `0 0` window means closed that day. The closing value
//!   is read as the latest start of service, like the KU Leuven format (and
//!   the feasibility mask of the `optw_rl` code these files come with).
//! * Chao TOP (`p4.2.a.txt`): `n`, `m`, `tmax` lines, then `x y S`; first point
//!   is the start, last the end; no time windows; exact Euclidean distances.
//!
//! Lines may end in CRLF; blank lines are ignored.

use crate::error::{CourseError, Result};
use crate::model::{Instance, Node, TimeWindow, TourSpec, TravelMatrix};

/// How Euclidean distances are rounded into travel times.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rounding {
    /// Floor to one decimal (Solomon-based sets).
    Floor1,
    /// Floor to two decimals (Cordeau-based sets, Gavalas TTDP).
    Floor2,
    /// No rounding (Chao TOP).
    Exact,
}

impl Rounding {
    /// Applies the rounding to a distance.
    pub fn apply(self, d: f64) -> f64 {
        match self {
            Rounding::Floor1 => (d * 10.0).floor() / 10.0,
            Rounding::Floor2 => (d * 100.0).floor() / 100.0,
            Rounding::Exact => d,
        }
    }
}

/// Which file format a text is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// KU Leuven TOPTW (Solomon / Cordeau based).
    Toptw,
    /// Gavalas tourist-trip (weekday opening hours).
    Ttdp,
    /// Chao, Golden & Wasil TOP (no time windows).
    ChaoTop,
}

fn perr(line: usize, reason: impl Into<String>) -> CourseError {
    CourseError::Parse {
        line,
        reason: reason.into(),
    }
}

/// Non-blank lines with their 1-based numbers, CR stripped.
fn lines(text: &str) -> Vec<(usize, Vec<&str>)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| {
            (
                i + 1,
                l.trim_end_matches('\r')
                    .split_whitespace()
                    .collect::<Vec<_>>(),
            )
        })
        .filter(|(_, t)| !t.is_empty())
        .collect()
}

fn num(tok: &str, line: usize) -> Result<f64> {
    let v: f64 = tok
        .parse()
        .map_err(|_| perr(line, format!("not a number: {tok:?}")))?;
    if v.is_finite() {
        Ok(v)
    } else {
        Err(perr(line, format!("not a finite number: {tok:?}")))
    }
}

/// Guesses the format from the text's shape (and, for TOPTW, nothing else).
pub fn detect_format(text: &str) -> Result<Format> {
    let ls = lines(text);
    let Some((_, first)) = ls.first() else {
        return Err(perr(0, "empty file"));
    };
    if first.first() == Some(&"n") {
        return Ok(Format::ChaoTop);
    }
    if first.len() >= 10 && ls.get(1).is_some_and(|(_, t)| t.len() == 7) {
        return Ok(Format::Ttdp);
    }
    Ok(Format::Toptw)
}

/// Default rounding for a TOPTW instance name: Cordeau (`pr…`) floors to two
/// decimals, Solomon-based sets to one.
pub fn toptw_rounding_for(name: &str) -> Rounding {
    if name.starts_with("pr") {
        Rounding::Floor2
    } else {
        Rounding::Floor1
    }
}

/// Parses any supported format. `tours` overrides m for TOPTW (default 1) and
/// TTDP (default: the file's M); Chao files carry m and ignore it unless given.
pub fn parse_instance(name: &str, text: &str, tours: Option<usize>) -> Result<Instance> {
    match detect_format(text)? {
        Format::Toptw => parse_toptw(name, text, toptw_rounding_for(name), tours.unwrap_or(1)),
        Format::Ttdp => parse_ttdp(name, text, tours),
        Format::ChaoTop => parse_chao(name, text, tours),
    }
}

fn euclid(xy: &[(f64, f64)], rounding: Rounding) -> Result<TravelMatrix> {
    TravelMatrix::from_fn(xy.len(), |i, j| {
        let (dx, dy) = (xy[i].0 - xy[j].0, xy[i].1 - xy[j].1);
        rounding.apply((dx * dx + dy * dy).sqrt())
    })
}

/// Parses a KU Leuven TOPTW file with `m` identical tours.
pub fn parse_toptw(name: &str, text: &str, rounding: Rounding, m: usize) -> Result<Instance> {
    let ls = lines(text);
    // The first vertex line is the depot: id 0 and at least `i x y d S f a O C`.
    let depot_at = ls
        .iter()
        .position(|(_, t)| t.len() >= 9 && t[0] == "0")
        .ok_or_else(|| perr(0, "no depot line (`0 x y d S f a O C`) found"))?;
    let header: Vec<&str> = ls[..depot_at]
        .iter()
        .flat_map(|(_, t)| t.iter().copied())
        .collect();
    let declared_n = match header.get(2) {
        Some(tok) => Some(num(tok, ls[0].0)? as usize),
        None => None,
    };
    let mut nodes = Vec::new();
    let mut xy = Vec::new();
    for (line, t) in &ls[depot_at..] {
        if t.len() < 9 {
            return Err(perr(
                *line,
                format!("vertex line has {} fields, need >= 9", t.len()),
            ));
        }
        let id = num(t[0], *line)?;
        if id != nodes.len() as f64 {
            return Err(perr(*line, format!("vertex id {id} out of sequence")));
        }
        xy.push((num(t[1], *line)?, num(t[2], *line)?));
        let (open, close) = (num(t[t.len() - 2], *line)?, num(t[t.len() - 1], *line)?);
        if open > close {
            return Err(perr(
                *line,
                format!("window opens at {open} after it closes at {close}"),
            ));
        }
        nodes.push(Node {
            id: id as u32,
            score: num(t[4], *line)?,
            service: num(t[3], *line)?,
            windows: vec![vec![TimeWindow::new(open, close)]],
        });
    }
    if let Some(n) = declared_n {
        if n + 1 != nodes.len() {
            return Err(perr(
                ls[0].0,
                format!("header says {n} vertices, file has {}", nodes.len() - 1),
            ));
        }
    }
    let depot = &nodes[0];
    let w = depot.windows[0][0];
    let tour = TourSpec {
        start_node: 0,
        end_node: 0,
        start_time: w.open,
        end_time: w.close,
    };
    let inst = Instance {
        name: name.to_string(),
        travel: vec![euclid(&xy, rounding)?],
        nodes,
        tours: vec![tour; m.max(1)],
    };
    inst.validate()?;
    Ok(inst)
}

/// Parses a Gavalas TTDP file; tour `t` runs on weekday `(SD + t) % 7`.
/// `tours` overrides the file's M.
pub fn parse_ttdp(name: &str, text: &str, tours: Option<usize>) -> Result<Instance> {
    let ls = lines(text);
    let (hl, head) = ls.first().ok_or_else(|| perr(0, "empty file"))?;
    if head.len() < 4 {
        return Err(perr(*hl, "header needs `k M SD N`"));
    }
    let file_m = num(head[1], *hl)? as usize;
    let sd = num(head[2], *hl)? as usize;
    let n = num(head[3], *hl)? as usize;
    if sd > 6 {
        return Err(perr(*hl, format!("start day {sd} not in 0..=6")));
    }
    let m = tours.unwrap_or(file_m).max(1);
    let (dl, dep) = ls.get(1).ok_or_else(|| perr(0, "missing depot line"))?;
    if dep.len() != 7 || dep[0] != "0" {
        return Err(perr(*dl, "depot line must be `0 x y 0 0 O C`"));
    }
    let (t0, t1) = (num(dep[5], *dl)?, num(dep[6], *dl)?);
    let mut xy = vec![(num(dep[1], *dl)?, num(dep[2], *dl)?)];
    let mut nodes = vec![Node {
        id: 0,
        score: 0.0,
        service: 0.0,
        windows: vec![vec![TimeWindow::new(t0, t1)]],
    }];
    for (line, t) in &ls[2..] {
        if t.len() != 21 {
            return Err(perr(
                *line,
                format!("POI line has {} fields, need 21", t.len()),
            ));
        }
        let id = num(t[0], *line)?;
        if id != nodes.len() as f64 {
            return Err(perr(*line, format!("vertex id {id} out of sequence")));
        }
        xy.push((num(t[1], *line)?, num(t[2], *line)?));
        let mut windows = Vec::with_capacity(m);
        for day in 0..m {
            let wd = (sd + day) % 7;
            let (o, c) = (num(t[6 + 2 * wd], *line)?, num(t[7 + 2 * wd], *line)?);
            // `0 0` marks a closed day in these files.
            if o == 0.0 && c == 0.0 {
                windows.push(Vec::new());
            } else if o > c {
                return Err(perr(
                    *line,
                    format!("weekday {wd}: opens {o} after closing {c}"),
                ));
            } else {
                windows.push(vec![TimeWindow::new(o, c)]);
            }
        }
        nodes.push(Node {
            id: id as u32,
            score: num(t[4], *line)?,
            service: num(t[3], *line)?,
            windows,
        });
    }
    if nodes.len() != n + 1 {
        return Err(perr(
            *hl,
            format!("header says {n} POIs, file has {}", nodes.len() - 1),
        ));
    }
    let tour = TourSpec {
        start_node: 0,
        end_node: 0,
        start_time: t0,
        end_time: t1,
    };
    let inst = Instance {
        name: name.to_string(),
        travel: vec![euclid(&xy, Rounding::Floor2)?],
        nodes,
        tours: vec![tour; m],
    };
    inst.validate()?;
    Ok(inst)
}

/// Parses a Chao TOP file (no windows); `tours` overrides the file's m.
pub fn parse_chao(name: &str, text: &str, tours: Option<usize>) -> Result<Instance> {
    let ls = lines(text);
    let field = |i: usize, key: &str| -> Result<f64> {
        let (line, t) = ls
            .get(i)
            .ok_or_else(|| perr(0, format!("missing `{key}` line")))?;
        if t.len() != 2 || t[0] != key {
            return Err(perr(*line, format!("expected `{key} <value>`")));
        }
        num(t[1], *line)
    };
    let n = field(0, "n")? as usize;
    let m = tours.unwrap_or(field(1, "m")? as usize).max(1);
    let tmax = field(2, "tmax")?;
    let mut xy = Vec::new();
    let mut nodes = Vec::new();
    for (line, t) in &ls[3..] {
        if t.len() != 3 {
            return Err(perr(
                *line,
                format!("point line has {} fields, need `x y S`", t.len()),
            ));
        }
        xy.push((num(t[0], *line)?, num(t[1], *line)?));
        nodes.push(Node {
            id: nodes.len() as u32,
            score: num(t[2], *line)?,
            service: 0.0,
            windows: vec![vec![TimeWindow::new(0.0, tmax)]],
        });
    }
    if nodes.len() != n || n < 2 {
        return Err(perr(
            0,
            format!("header says {n} points, file has {}", nodes.len()),
        ));
    }
    let tour = TourSpec {
        start_node: 0,
        end_node: n - 1,
        start_time: 0.0,
        end_time: tmax,
    };
    let inst = Instance {
        name: name.to_string(),
        travel: vec![euclid(&xy, Rounding::Exact)?],
        nodes,
        tours: vec![tour; m],
    };
    inst.validate()?;
    Ok(inst)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINI: &str = "4 10 3 1\r\n0 200\r\n  0 40.00 50.00 0.00 0.00 0 0 0 100\r\n  1 41.00 49.00 10.00 10.00 1 1 1 10 20\r\n  2 35.00 35.00 5.00 7.00 1 1 1 0 50\r\n  3 40.00 50.00 5.00 3.00 1 1 1 0 90\r\n";

    #[test]
    fn toptw_reads_crlf_and_last_two_tokens_as_window() {
        let inst = parse_toptw("mini", MINI, Rounding::Floor1, 2).unwrap();
        assert_eq!(inst.nodes.len(), 4);
        assert_eq!(inst.tours.len(), 2);
        assert_eq!(inst.tours[0].end_time, 100.0);
        assert_eq!(inst.nodes[1].windows[0][0], TimeWindow::new(10.0, 20.0));
        assert_eq!(inst.nodes[2].score, 7.0);
        assert_eq!(inst.nodes[2].service, 5.0);
    }

    #[test]
    fn toptw_floors_distances() {
        let inst = parse_toptw("mini", MINI, Rounding::Floor1, 1).unwrap();
        // sqrt(2) = 1.41421… floors to 1.4; sqrt(25+225) = 15.811… to 15.8.
        assert_eq!(inst.matrix(0).get(0, 1), 1.4);
        assert_eq!(inst.matrix(0).get(0, 2), 15.8);
        let inst2 = parse_toptw("mini", MINI, Rounding::Floor2, 1).unwrap();
        assert_eq!(inst2.matrix(0).get(0, 1), 1.41);
        assert_eq!(inst2.matrix(0).get(0, 2), 15.81);
    }

    #[test]
    fn toptw_split_header_like_c204() {
        let split = MINI.replacen("4 10 3 1\r\n0 200", "2 \r\n4 3 1 0 200", 1);
        let inst = parse_toptw("c204ish", &split, Rounding::Floor1, 1).unwrap();
        assert_eq!(inst.nodes.len(), 4);
    }

    #[test]
    fn toptw_rejects_wrong_vertex_count_and_bad_numbers() {
        let wrong = MINI.replacen("4 10 3 1", "4 10 5 1", 1);
        assert!(matches!(
            parse_toptw("x", &wrong, Rounding::Floor1, 1),
            Err(CourseError::Parse { .. })
        ));
        let bad = MINI.replacen("35.00 35.00", "35.00 abc", 1);
        assert!(matches!(
            parse_toptw("x", &bad, Rounding::Floor1, 1),
            Err(CourseError::Parse { line: 5, .. })
        ));
        assert!(parse_toptw("x", "", Rounding::Floor1, 1).is_err());
    }

    #[test]
    fn ttdp_uses_weekday_windows_and_closed_days() {
        let text = "20 2 5 2 9 250 10 10 10 10 10 10 10 10 10 10\n0 43 78 0 0 510 1210\n\
1 12.22 88.27 10 7 4 0 1439 0 1439 0 1439 0 1439 0 1439 0 1439 0 1439 0\n\
2 39.65 33.2 64 27 2 510 990 510 990 0 0 510 990 510 990 600 900 0 0 36\n";
        assert_eq!(detect_format(text).unwrap(), Format::Ttdp);
        let inst = parse_ttdp("t", text, None).unwrap();
        assert_eq!(inst.tours.len(), 2);
        // Day 0 = weekday 5 (600-900), day 1 = weekday 6 (closed).
        assert_eq!(
            inst.nodes[2].windows_for(0),
            &[TimeWindow::new(600.0, 900.0)]
        );
        assert!(inst.nodes[2].windows_for(1).is_empty());
        assert_eq!(inst.tours[0].start_time, 510.0);
        assert_eq!(inst.matrix(0).get(1, 2), 61.52);
    }

    #[test]
    fn chao_reads_header_and_end_point() {
        let text =
            "n 3\r\nm 2\r\ntmax 7.5\r\n0.000\t-7.000\t0\r\n-1.000\t-6.000\t6\r\n1.0\t1.0\t0\r\n";
        assert_eq!(detect_format(text).unwrap(), Format::ChaoTop);
        let inst = parse_chao("p", text, None).unwrap();
        assert_eq!(inst.tours.len(), 2);
        assert_eq!(inst.tours[0].end_node, 2);
        assert!((inst.matrix(0).get(0, 1) - 2f64.sqrt()).abs() < 1e-12);
    }
}
