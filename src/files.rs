//! Reading and writing source files. The only module (with `discover` and `cli`) that touches
//! the filesystem.

use std::io::Write;
use std::path::Path;

/// A decoded source: UTF-8 text without its byte-order mark, and whether it had one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceText {
    pub text: String,
    pub bom: bool,
}

impl SourceText {
    /// The bytes to write for `text`, with the BOM put back if the original had one.
    pub fn encode(&self, text: &str) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(text.len() + 3);
        if self.bom {
            bytes.extend_from_slice("\u{feff}".as_bytes());
        }
        bytes.extend_from_slice(text.as_bytes());
        bytes
    }
}

/// `path` relative to the root of the git repository that holds it (the nearest folder at or
/// above the file's folder with a `.git` entry, a folder or a worktree's file), with `/`
/// separators; `None` outside a repository. Relative paths are taken from the current folder;
/// symbolic links are not resolved (the repository is the one the path is written in).
pub fn repo_relative(path: &Path) -> Option<String> {
    // `..` taken lexically, as the shell does for `cd`.
    let mut absolute = std::path::PathBuf::new();
    for part in std::path::absolute(path).ok()?.components() {
        match part {
            std::path::Component::ParentDir => {
                absolute.pop();
            }
            std::path::Component::CurDir => {}
            part => absolute.push(part),
        }
    }
    let mut folder = absolute.parent();
    while let Some(dir) = folder {
        if dir.join(".git").exists() {
            let relative = absolute.strip_prefix(dir).ok()?;
            return Some(relative.to_string_lossy().replace('\\', "/"));
        }
        folder = dir.parent();
    }
    None
}

/// Decode file contents. Binary content (a NUL byte) and invalid UTF-8 are errors naming where.
pub fn decode(bytes: &[u8]) -> Result<SourceText, String> {
    decode_vec(bytes.to_vec())
}

/// [`decode`], taking the bytes read (no copy of the text unless it starts with a BOM).
pub fn decode_vec(bytes: Vec<u8>) -> Result<SourceText, String> {
    if let Some(at) = memchr::memchr(0, &bytes) {
        return Err(format!("binary content (NUL byte at offset {at}); skipped"));
    }
    let mut text = String::from_utf8(bytes).map_err(|err| {
        let bytes = err.as_bytes();
        let valid = &bytes[..err.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = valid.len() - valid.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1) + 1;
        match declared_encoding(bytes) {
            Some(encoding) => format!(
                "declares `coding: {encoding}` and is not valid UTF-8 (line {line}, column {column}); \
                 asyncup rewrites UTF-8 files only; skipped"
            ),
            None => format!("not valid UTF-8 (invalid byte at line {line}, column {column}); skipped"),
        }
    })?;
    let bom = text.starts_with('\u{feff}');
    if bom {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(SourceText { text, bom })
}

/// The encoding a PEP 263 declaration on the first two lines names (`# -*- coding: latin-1 -*-`).
pub fn declared_encoding(bytes: &[u8]) -> Option<String> {
    for line in bytes.split(|&b| b == b'\n').take(2) {
        let line = String::from_utf8_lossy(line);
        let trimmed = line
            .trim_start_matches([' ', '\t', '\x0c'])
            .trim_end_matches('\r');
        if trimmed.is_empty() {
            continue;
        }
        // Only a comment line can declare; code on line 1 ends the search (as CPython does).
        if !trimmed.starts_with('#') {
            return None;
        }
        let Some(at) = trimmed.find("coding").map(|i| i + "coding".len()) else {
            continue;
        };
        let rest = &trimmed[at..];
        let Some(rest) = rest.strip_prefix(':').or_else(|| rest.strip_prefix('=')) else {
            continue;
        };
        let name: String = rest
            .trim_start_matches([' ', '\t'])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
            .collect();
        if !name.is_empty() {
            return Some(name);
        }
    }
    None
}

/// Replace `path`'s contents with `new` atomically: a temporary file in the same folder, the
/// original's permissions, then a rename. Refuses when the file no longer holds `original`
/// (it changed on disk after it was read). A symbolic link is followed: its target is rewritten.
pub fn write_atomic(path: &Path, original: &[u8], new: &[u8]) -> anyhow::Result<()> {
    use anyhow::{Context, bail};
    // Write through a symbolic link: renaming onto the link itself would replace it with a
    // regular file and leave its target unchanged.
    let resolved = std::fs::canonicalize(path).context("cannot resolve")?;
    let path = resolved.as_path();
    let current = std::fs::read(path).context("cannot re-read before writing")?;
    if current != original {
        bail!("changed on disk since it was read; not overwritten");
    }
    let permissions = std::fs::metadata(path)
        .context("cannot read its permissions")?
        .permissions();
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(".asyncup-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .context("cannot create a temporary file next to it")?;
    temp.write_all(new).context("cannot write")?;
    temp.as_file().sync_all().context("cannot write")?;
    std::fs::set_permissions(temp.path(), permissions).context("cannot set permissions")?;
    temp.persist(path)
        .map_err(|e| e.error)
        .context("cannot replace the file")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_kept() {
        let source = decode("\u{feff}x = 1\n".as_bytes()).unwrap();
        assert!(source.bom);
        assert_eq!(&*source.text, "x = 1\n");
        assert_eq!(source.encode("y = 2\n"), "\u{feff}y = 2\n".as_bytes());
    }

    #[test]
    fn declared_encodings() {
        assert_eq!(
            declared_encoding(b"# -*- coding: latin-1 -*-\nx = 1\n").as_deref(),
            Some("latin-1")
        );
        assert_eq!(
            declared_encoding(b"#!/usr/bin/python\n# vim: set fileencoding=cp1252 :\n").as_deref(),
            Some("cp1252")
        );
        assert_eq!(declared_encoding(b"x = 1\n# coding: latin-1\n"), None);
        let err = decode(b"# -*- coding: latin-1 -*-\nname = '\xe9'\n").unwrap_err();
        assert!(
            err.contains("coding: latin-1") && err.contains("skipped"),
            "{err}"
        );
    }

    #[test]
    fn a_file_that_vanished_or_changed_is_not_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.py");
        std::fs::write(&path, "x = 1\n").unwrap();
        std::fs::remove_file(&path).unwrap();
        assert!(write_atomic(&path, b"x = 1\n", b"x = 2\n").is_err());
        assert!(!path.exists(), "a vanished file must not be recreated");
        std::fs::write(&path, "x = 3\n").unwrap();
        let err = write_atomic(&path, b"x = 1\n", b"x = 2\n").unwrap_err();
        assert!(err.to_string().contains("changed on disk"), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "x = 3\n");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left behind"
        );
    }

    #[test]
    fn bad_bytes_are_errors() {
        assert!(decode(b"x = 1\n\x00").unwrap_err().contains("binary"));
        let err = decode(b"x = 1\ny = '\xe9'\n").unwrap_err();
        assert!(err.contains("line 2, column 6"), "{err}");
    }
}
