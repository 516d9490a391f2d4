//! The completeness check: every message in every locale, with the same
//! variables, and no syntax errors.
//!
//! It works on any set of sources — the embedded resources, a folder laid
//! out like `locales/`, or strings in memory — so it can be tested on
//! deliberately broken fixtures. Each problem names the locale, the file,
//! the message id and the variable, so the owner of the file can fix it.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

use fluent_syntax::ast::{self, Entry, Expression, InlineExpression, Pattern, PatternElement};
use fluent_syntax::parser;
use machi_common::Lang;

use crate::ruby::escape_ftl_ruby;
use crate::I18nError;

/// One `.ftl` file to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FtlSource {
    /// Locale tag, e.g. `zh-Hant`.
    pub locale: String,
    /// File name within the locale folder, e.g. `common.ftl`.
    pub file: String,
    /// The file's text (ruby markup allowed).
    pub text: String,
}

/// One thing wrong with a set of Fluent files.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Problem {
    /// The file does not parse; `line` (1-based) is where the broken entry
    /// starts.
    Syntax {
        /// Locale tag.
        locale: String,
        /// File name.
        file: String,
        /// Line of the error.
        line: usize,
        /// The parser's description.
        reason: String,
    },
    /// A message (or `message.attribute`) some locale has is absent here.
    MissingMessage {
        /// Locale lacking it.
        locale: String,
        /// File where the other locales define it.
        file: String,
        /// The message id.
        id: String,
        /// Locales that do have it.
        present_in: Vec<String>,
    },
    /// This locale's text for `id` lacks a variable other locales use.
    MissingVariable {
        /// Locale tag.
        locale: String,
        /// File name.
        file: String,
        /// The message id.
        id: String,
        /// The variable name, without `$`.
        variable: String,
        /// Locales that do use it.
        used_in: Vec<String>,
    },
    /// The same message id is defined twice within one locale.
    Duplicate {
        /// Locale tag.
        locale: String,
        /// The message id.
        id: String,
        /// The files defining it (the same file twice if so).
        files: Vec<String>,
    },
    /// A message refers to a message or term (`-term`) this locale lacks.
    BrokenReference {
        /// Locale tag.
        locale: String,
        /// File name.
        file: String,
        /// The referring message id.
        id: String,
        /// The missing message or term id.
        target: String,
    },
    /// A supported locale has no `.ftl` files at all.
    MissingLocale {
        /// Locale tag.
        locale: String,
    },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Syntax {
                locale,
                file,
                line,
                reason,
            } => write!(
                f,
                "{locale}/{file}:{line}: syntax error in the entry starting here: {reason}"
            ),
            Problem::MissingMessage {
                locale,
                file,
                id,
                present_in,
            } => write!(
                f,
                "{locale}/{file}: missing message `{id}` (present in {})",
                present_in.join(", ")
            ),
            Problem::MissingVariable {
                locale,
                file,
                id,
                variable,
                used_in,
            } => write!(
                f,
                "{locale}/{file}: message `{id}` does not use variable `${variable}` (used in {})",
                used_in.join(", ")
            ),
            Problem::Duplicate { locale, id, files } => write!(
                f,
                "{locale}: message `{id}` defined more than once (in {})",
                files.join(", ")
            ),
            Problem::BrokenReference {
                locale,
                file,
                id,
                target,
            } => write!(
                f,
                "{locale}/{file}: message `{id}` refers to `{target}`, which {locale} does not define"
            ),
            Problem::MissingLocale { locale } => {
                write!(f, "{locale}: no .ftl files at all")
            }
        }
    }
}

/// All problems found, sorted; empty when the resources are complete.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Every problem, in a stable order.
    pub problems: Vec<Problem>,
    /// How many distinct message ids (with attributes) were seen.
    pub messages: usize,
}

impl Report {
    /// True when nothing is wrong.
    pub fn is_ok(&self) -> bool {
        self.problems.is_empty()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_ok() {
            return write!(f, "{} messages complete in every locale", self.messages);
        }
        writeln!(f, "{} Fluent problem(s):", self.problems.len())?;
        for p in &self.problems {
            writeln!(f, "  {p}")?;
        }
        Ok(())
    }
}

/// What one locale says about one message id.
struct Entry1 {
    file: String,
    vars: BTreeSet<String>,
    refs: BTreeSet<String>,
}

/// Per locale: id → definition; and the set of defined terms.
#[derive(Default)]
struct LocaleIndex {
    messages: BTreeMap<String, Entry1>,
    terms: BTreeSet<String>,
    files: usize,
}

/// Checks the resources compiled into this library.
pub fn check_embedded() -> Report {
    let sources: Vec<FtlSource> = crate::bundle::embedded_resources()
        .iter()
        .map(|(locale, file, text)| FtlSource {
            locale: (*locale).to_string(),
            file: (*file).to_string(),
            text: (*text).to_string(),
        })
        .collect();
    check_sources(&sources)
}

/// Checks a folder laid out like `core/i18n/locales` (`<dir>/<tag>/*.ftl`
/// for each of the six tags).
pub fn check_dir(dir: &Path) -> Result<Report, I18nError> {
    let io = |path: &Path, e: std::io::Error| I18nError::Io {
        path: path.display().to_string(),
        reason: e.to_string(),
    };
    let mut sources = Vec::new();
    for lang in Lang::ALL {
        let sub = dir.join(lang.tag());
        if !sub.is_dir() {
            continue;
        }
        let mut paths = Vec::new();
        for entry in std::fs::read_dir(&sub).map_err(|e| io(&sub, e))? {
            let path = entry.map_err(|e| io(&sub, e))?.path();
            if path.extension().is_some_and(|x| x == "ftl") {
                paths.push(path);
            }
        }
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path).map_err(|e| io(&path, e))?;
            let file = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            sources.push(FtlSource {
                locale: lang.tag().to_string(),
                file,
                text,
            });
        }
    }
    Ok(check_sources(&sources))
}

/// Checks sources held in memory against the six supported locales.
pub fn check_sources(sources: &[FtlSource]) -> Report {
    let mut problems = BTreeSet::new();
    let mut index: BTreeMap<String, LocaleIndex> = Lang::ALL
        .iter()
        .map(|l| (l.tag().to_string(), LocaleIndex::default()))
        .collect();
    let mut defined_in: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();

    for src in sources {
        let Some(loc) = index.get_mut(&src.locale) else {
            continue;
        };
        loc.files += 1;
        let escaped = escape_ftl_ruby(&src.text);
        let resource = match parser::parse(escaped.as_ref()) {
            Ok(r) => r,
            Err((r, errors)) => {
                for e in errors {
                    problems.insert(Problem::Syntax {
                        locale: src.locale.clone(),
                        file: src.file.clone(),
                        // The start of the broken entry: an unclosed `{` lets
                        // the parser run on into the next lines, so the raw
                        // error position can be a line late.
                        line: line_of(&escaped, e.slice.map_or(e.pos.start, |s| s.start)),
                        reason: e.kind.to_string(),
                    });
                }
                r
            }
        };
        for entry in resource.body {
            match entry {
                Entry::Message(m) => {
                    let mut keys = Vec::new();
                    if let Some(value) = &m.value {
                        keys.push((m.id.name.to_string(), value));
                    }
                    for a in &m.attributes {
                        keys.push((format!("{}.{}", m.id.name, a.id.name), &a.value));
                    }
                    for (key, pattern) in keys {
                        let mut e = Entry1 {
                            file: src.file.clone(),
                            vars: BTreeSet::new(),
                            refs: BTreeSet::new(),
                        };
                        walk_pattern(pattern, &mut e);
                        defined_in
                            .entry((src.locale.clone(), key.clone()))
                            .or_default()
                            .push(src.file.clone());
                        loc.messages.entry(key).or_insert(e);
                    }
                }
                Entry::Term(t) => {
                    loc.terms.insert(format!("-{}", t.id.name));
                }
                Entry::Junk { .. } => {
                    // Reported through the parser errors above.
                }
                _ => {}
            }
        }
    }

    for ((locale, id), files) in defined_in {
        if files.len() > 1 {
            problems.insert(Problem::Duplicate { locale, id, files });
        }
    }

    let all_ids: BTreeSet<&String> = index.values().flat_map(|l| l.messages.keys()).collect();
    for (locale, loc) in &index {
        if loc.files == 0 {
            problems.insert(Problem::MissingLocale {
                locale: locale.clone(),
            });
        }
    }
    for id in &all_ids {
        let have: Vec<(&String, &Entry1)> = index
            .iter()
            .filter_map(|(l, loc)| loc.messages.get(*id).map(|e| (l, e)))
            .collect();
        let present_in: Vec<String> = have.iter().map(|(l, _)| (*l).clone()).collect();
        let file = have
            .first()
            .map(|(_, e)| e.file.clone())
            .unwrap_or_default();
        let mut users: BTreeMap<&String, Vec<String>> = BTreeMap::new();
        for (l, e) in &have {
            for v in &e.vars {
                users.entry(v).or_default().push((*l).clone());
            }
        }
        for (locale, loc) in &index {
            match loc.messages.get(*id) {
                None => {
                    problems.insert(Problem::MissingMessage {
                        locale: locale.clone(),
                        file: file.clone(),
                        id: (*id).clone(),
                        present_in: present_in.clone(),
                    });
                }
                Some(e) => {
                    for (v, used_in) in &users {
                        if !e.vars.contains(*v) {
                            problems.insert(Problem::MissingVariable {
                                locale: locale.clone(),
                                file: e.file.clone(),
                                id: (*id).clone(),
                                variable: (*v).clone(),
                                used_in: used_in.clone(),
                            });
                        }
                    }
                    for target in &e.refs {
                        let ok = if target.starts_with('-') {
                            loc.terms.contains(target)
                        } else {
                            loc.messages.contains_key(target)
                        };
                        if !ok {
                            problems.insert(Problem::BrokenReference {
                                locale: locale.clone(),
                                file: e.file.clone(),
                                id: (*id).clone(),
                                target: target.clone(),
                            });
                        }
                    }
                }
            }
        }
    }
    Report {
        problems: problems.into_iter().collect(),
        messages: all_ids.len(),
    }
}

/// 1-based line number of byte offset `pos`.
fn line_of(text: &str, pos: usize) -> usize {
    let end = pos.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

fn walk_pattern(p: &Pattern<&str>, out: &mut Entry1) {
    for el in &p.elements {
        if let PatternElement::Placeable { expression } = el {
            walk_expression(expression, out);
        }
    }
}

fn walk_expression(e: &Expression<&str>, out: &mut Entry1) {
    match e {
        Expression::Select { selector, variants } => {
            walk_inline(selector, out);
            for v in variants {
                walk_pattern(&v.value, out);
            }
        }
        Expression::Inline(i) => walk_inline(i, out),
    }
}

fn walk_inline(i: &InlineExpression<&str>, out: &mut Entry1) {
    match i {
        InlineExpression::VariableReference { id } => {
            out.vars.insert(id.name.to_string());
        }
        InlineExpression::FunctionReference { arguments, .. } => walk_args(arguments, out),
        InlineExpression::MessageReference { id, attribute } => {
            let target = match attribute {
                Some(a) => format!("{}.{}", id.name, a.name),
                None => id.name.to_string(),
            };
            out.refs.insert(target);
        }
        InlineExpression::TermReference { id, arguments, .. } => {
            out.refs.insert(format!("-{}", id.name));
            if let Some(a) = arguments {
                walk_args(a, out);
            }
        }
        InlineExpression::Placeable { expression } => walk_expression(expression, out),
        InlineExpression::StringLiteral { .. } | InlineExpression::NumberLiteral { .. } => {}
    }
}

fn walk_args(a: &ast::CallArguments<&str>, out: &mut Entry1) {
    for p in &a.positional {
        walk_inline(p, out);
    }
    for n in &a.named {
        walk_inline(&n.value, out);
    }
}
