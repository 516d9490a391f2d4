//! The files of a pack source, read from a folder or given in memory.

use std::collections::BTreeMap;
use std::path::Path;

use crate::error::SourceError;

/// A pack source's files: path relative to the source root (with `/`) → bytes.
///
/// In memory so the same loader serves a folder on disk and a source tree
/// compiled into the binary (the embedded sample town).
#[derive(Debug, Clone, Default)]
pub struct SourceFiles {
    files: BTreeMap<String, Vec<u8>>,
}

impl SourceFiles {
    /// An empty set.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds (or replaces) one file.
    pub fn insert(&mut self, path: impl Into<String>, bytes: Vec<u8>) {
        self.files.insert(path.into().replace('\\', "/"), bytes);
    }

    /// Reads every file under `dir` (recursively; hidden entries skipped).
    pub fn read_dir(dir: &Path) -> Result<SourceFiles, SourceError> {
        let mut out = SourceFiles::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            let rd = std::fs::read_dir(&d).map_err(|source| SourceError::Io {
                path: d.clone(),
                source,
            })?;
            for e in rd {
                let e = e.map_err(|source| SourceError::Io {
                    path: d.clone(),
                    source,
                })?;
                let path = e.path();
                if e.file_name().to_string_lossy().starts_with('.') {
                    continue;
                }
                if path.is_dir() {
                    stack.push(path);
                } else {
                    let bytes = std::fs::read(&path).map_err(|source| SourceError::Io {
                        path: path.clone(),
                        source,
                    })?;
                    let rel = path
                        .strip_prefix(dir)
                        .unwrap_or(&path)
                        .to_string_lossy()
                        .into_owned();
                    out.insert(rel, bytes);
                }
            }
        }
        Ok(out)
    }

    /// The bytes of one file.
    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(Vec::as_slice)
    }

    /// Files directly inside `folder` whose name ends with one of `exts`
    /// (case-insensitive), sorted by path.
    pub fn in_folder<'a>(
        &'a self,
        folder: &'a str,
        exts: &'a [&'a str],
    ) -> impl Iterator<Item = (&'a str, &'a [u8])> + 'a {
        self.files.iter().filter_map(move |(p, b)| {
            let rest = p.strip_prefix(folder)?.strip_prefix('/')?;
            let lower = rest.to_ascii_lowercase();
            (!rest.contains('/') && exts.iter().any(|e| lower.ends_with(e)))
                .then_some((p.as_str(), b.as_slice()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_folder_lists_direct_children_with_matching_extensions() {
        let mut f = SourceFiles::new();
        f.insert("tourism/a.CSV", vec![1]);
        f.insert("tourism/b.txt", vec![2]);
        f.insert("tourism/sub/c.csv", vec![3]);
        f.insert("events\\d.csv", vec![4]);
        let names: Vec<&str> = f.in_folder("tourism", &[".csv"]).map(|(p, _)| p).collect();
        assert_eq!(names, ["tourism/a.CSV"]);
        assert_eq!(f.get("events/d.csv"), Some(&[4u8][..]));
    }
}
