//! Reading a CSV file into header + records with their physical line numbers.

use std::collections::HashMap;

use super::error::{Issues, OpenDataError, Problem};
use super::text::{decode_file, nfkc};

/// One data record: where it starts and its (trimmed) cells.
#[derive(Debug)]
pub(crate) struct Record {
    /// 1-based physical line of the record's first character.
    pub line: u64,
    /// Cells, each trimmed of surrounding whitespace.
    pub cells: Vec<String>,
}

/// A decoded CSV file: normalized header names and the non-blank records that
/// had the right shape. Problems found while reading are in `issues`.
#[derive(Debug)]
pub(crate) struct Table {
    pub file: String,
    pub header_line: u64,
    /// NFKC-normalized header names, in file order.
    pub columns: Vec<String>,
    index: HashMap<String, usize>,
    pub records: Vec<Record>,
    pub issues: Issues,
}

impl Table {
    /// The column index of the first alias present (aliases are in normalized form).
    pub fn find(&self, aliases: &[&str]) -> Option<usize> {
        aliases.iter().find_map(|a| self.index.get(*a).copied())
    }

    /// Like [`Table::find`], but records [`Problem::MissingColumn`] (naming the
    /// first alias) when none is present.
    pub fn require(&mut self, aliases: &[&str]) -> Option<usize> {
        let found = self.find(aliases);
        if found.is_none() {
            let name = aliases.first().copied().unwrap_or("?");
            self.issues.push(
                &self.file,
                self.header_line,
                Some(name),
                Problem::MissingColumn,
            );
        }
        found
    }

    /// The header name of column `col`.
    pub fn name(&self, col: usize) -> &str {
        self.columns.get(col).map(String::as_str).unwrap_or("?")
    }
}

/// The value of an optional column in a record ("" when the column is absent).
pub(crate) fn cell(rec: &Record, col: Option<usize>) -> &str {
    col.and_then(|c| rec.cells.get(c))
        .map(String::as_str)
        .unwrap_or("")
}

/// Decodes and reads a CSV file. Fails outright only when the file cannot be
/// decoded or has no header; everything else becomes an issue in the table so
/// the importer can add its own and report them all together.
pub(crate) fn read_csv(bytes: &[u8], file: &str) -> Result<Table, OpenDataError> {
    read_csv_with(bytes, file, false)
}

/// [`read_csv`], optionally padding rows that stop short with blank cells
/// (5374 data omits trailing optional columns such as `caution`).
pub(crate) fn read_csv_with(
    bytes: &[u8],
    file: &str,
    pad_short_rows: bool,
) -> Result<Table, OpenDataError> {
    let text = decode_file(bytes, file)?;
    let mut issues = Issues::default();
    // The csv crate reads an unterminated quote to the end of the file as one
    // field; find it first so it is reported where it starts and the rows
    // before it are still checked.
    let open = find_unterminated_quote(&text);
    let body = match &open {
        Some(o) => &text[..o.record_offset],
        None => text.as_str(),
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(body.as_bytes());
    let mut raw = reader.records();
    let (header_line, columns) = loop {
        match raw.next() {
            None => {
                let line = open.as_ref().map(|o| o.line).unwrap_or(1);
                let problem = if open.is_some() {
                    Problem::UnterminatedQuote
                } else {
                    Problem::NoHeader
                };
                return Err(OpenDataError::one(file, line, None, problem));
            }
            Some(Err(e)) => {
                let line = e.position().map(|p| p.line()).unwrap_or(1);
                return Err(OpenDataError::one(
                    file,
                    line,
                    None,
                    Problem::Invalid(e.to_string()),
                ));
            }
            Some(Ok(rec)) => {
                if rec.iter().all(|c| c.trim().is_empty()) {
                    continue;
                }
                let line = rec.position().map(|p| p.line()).unwrap_or(1);
                break (line, rec.iter().map(nfkc).collect::<Vec<_>>());
            }
        }
    };
    let mut index = HashMap::new();
    for (i, name) in columns.iter().enumerate() {
        if name.is_empty() {
            continue;
        }
        if let Some(first) = index.get(name) {
            issues.push(
                file,
                header_line,
                Some(name),
                Problem::DuplicateColumn { first: first + 1 },
            );
        } else {
            index.insert(name.clone(), i);
        }
    }
    let mut records = Vec::new();
    for rec in raw {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(header_line);
                issues.push(file, line, None, Problem::Invalid(e.to_string()));
                continue;
            }
        };
        let line = rec.position().map(|p| p.line()).unwrap_or(0);
        // Line breaks inside quoted fields become plain `\n` whatever the file uses.
        let mut cells: Vec<String> = rec.iter().map(|c| c.trim().replace("\r\n", "\n")).collect();
        if pad_short_rows && cells.len() < columns.len() {
            cells.resize(columns.len(), String::new());
        }
        if cells.iter().all(String::is_empty) {
            continue;
        }
        // Extra trailing cells are tolerated only when blank (spreadsheet exports).
        let extra_blank =
            cells.len() > columns.len() && cells[columns.len()..].iter().all(String::is_empty);
        if cells.len() != columns.len() && !extra_blank {
            issues.push(
                file,
                line,
                None,
                Problem::FieldCount {
                    expected: columns.len(),
                    found: cells.len(),
                },
            );
            continue;
        }
        records.push(Record { line, cells });
    }
    if let Some(o) = open {
        let column = columns.get(o.field).cloned();
        issues.push(file, o.line, column.as_deref(), Problem::UnterminatedQuote);
    }
    Ok(Table {
        file: file.to_string(),
        header_line,
        columns,
        index,
        records,
        issues,
    })
}

/// Where a quoted field that never closes begins.
#[derive(Debug, PartialEq)]
struct OpenQuote {
    /// Byte offset of the start of the record containing it.
    record_offset: usize,
    /// 1-based line of that record's start.
    line: u64,
    /// 0-based field index within the record.
    field: usize,
}

/// Scans RFC 4180 quoting (as the csv crate reads it: a quote opens a quoted
/// field only at the start of a field, `""` inside one is a literal quote).
fn find_unterminated_quote(text: &str) -> Option<OpenQuote> {
    #[derive(Clone, Copy, PartialEq)]
    enum S {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let mut state = S::FieldStart;
    let mut line: u64 = 1;
    let mut record_offset = 0;
    let mut record_line = 1;
    let mut field = 0;
    let mut open: Option<OpenQuote> = None;
    for (i, c) in text.char_indices() {
        let newline = c == '\n';
        state = match (state, c) {
            (S::Quoted, '"') => S::QuoteInQuoted,
            (S::Quoted, _) => S::Quoted,
            (S::QuoteInQuoted, '"') => S::Quoted,
            (S::FieldStart, '"') => {
                open = Some(OpenQuote {
                    record_offset,
                    line: record_line,
                    field,
                });
                S::Quoted
            }
            (_, ',') => {
                field += 1;
                S::FieldStart
            }
            (_, '\n') => {
                record_offset = i + 1;
                record_line = line + 1;
                field = 0;
                S::FieldStart
            }
            (S::FieldStart, '\r') => S::FieldStart,
            _ => S::Unquoted,
        };
        if newline {
            line += 1;
        }
    }
    if state == S::Quoted {
        open
    } else {
        None
    }
}

/// Gives each record its id `<prefix>-<NO>` and reports repeated NOs.
///
/// Many published files leave NO blank (both samples in shared data do); such
/// a row is numbered by its position among the data rows (1-based), which is
/// also what a pack overlay's `no` refers to then.
#[derive(Debug)]
pub(crate) struct Ids {
    prefix: &'static str,
    seen: HashMap<String, u64>,
    ordinal: usize,
}

impl Ids {
    pub fn new(prefix: &'static str) -> Ids {
        Ids {
            prefix,
            seen: HashMap::new(),
            ordinal: 0,
        }
    }

    /// The id for the next record, whose NO cell is `no`, or the duplicate problem.
    pub fn next(&mut self, no: &str, line: u64) -> Result<String, Problem> {
        self.ordinal += 1;
        let no = nfkc(no);
        let no = if no.is_empty() {
            self.ordinal.to_string()
        } else {
            no
        };
        // Report the NO as written, not the derived id.
        self.claim(format!("{}-{no}", self.prefix), line)
            .map_err(|p| match p {
                Problem::Duplicate { first_line, .. } => Problem::Duplicate {
                    value: no.clone(),
                    first_line,
                },
                other => other,
            })
    }

    /// Claims an id given in full (e.g. a GSI 共通ID), or the duplicate problem.
    pub fn claim(&mut self, id: String, line: u64) -> Result<String, Problem> {
        if let Some(first) = self.seen.get(&id) {
            return Err(Problem::Duplicate {
                value: id,
                first_line: *first,
            });
        }
        self.seen.insert(id.clone(), line);
        Ok(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multi_line_records_keep_their_start_line() {
        let t = read_csv(b"NO,a\n1,\"x\ny\"\n2,z\n", "t.csv").unwrap();
        assert_eq!(t.records.len(), 2);
        assert_eq!(t.records[0].line, 2);
        assert_eq!(t.records[0].cells[1], "x\ny");
        assert_eq!(t.records[1].line, 4);
        assert!(t.issues.is_empty());
    }

    #[test]
    fn unterminated_quote_is_found_at_its_record() {
        let text = "NO,a\n1,\"ok \"\"q\"\"\"\n2,\"never closed\n3,x\n";
        let o = find_unterminated_quote(text).unwrap();
        assert_eq!((o.line, o.field), (3, 1));
        assert!(find_unterminated_quote("a,b\"c\n\"d\"\"\",e\n").is_none());
    }

    #[test]
    fn blank_rows_are_skipped_and_short_rows_reported() {
        let mut t = read_csv(b"\xEF\xBB\xBFNO,a,b\n,,\n1,2\n,,\n", "t.csv").unwrap();
        assert!(t.records.is_empty());
        assert_eq!(t.require(&["a"]), Some(1));
        assert_eq!(t.require(&["zzz"]), None);
        let err = t.issues.finish(()).unwrap_err();
        assert_eq!(err.issues.len(), 2);
        assert_eq!(err.issues[0].line, 1);
        assert_eq!(err.issues[1].line, 3);
    }
}
