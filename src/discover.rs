//! File discovery: walk the given paths with `ignore` (respecting `.gitignore`/`.ignore`,
//! skipping hidden folders), keep `.py`/`.pyi`, apply `--exclude` globs and the configured
//! excludes (the caller's [`Excluded`] filter); sorted output.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::{Glob, GlobSet, GlobSetBuilder};

/// The configured excludes: `(path, is_dir, explicit)` → excluded? `explicit` is a path named on
/// the command line (excluded only under `force-exclude`).
pub type Excluded = Arc<dyn Fn(&Path, bool, bool) -> bool + Send + Sync>;

/// The files to process and the paths that could not be walked.
#[derive(Debug, Default)]
pub struct Discovered {
    pub files: Vec<PathBuf>,
    pub errors: Vec<(PathBuf, String)>,
}

pub fn build_excludes(globs: &[String]) -> Result<GlobSet, String> {
    let mut builder = GlobSetBuilder::new();
    for glob in globs {
        builder.add(Glob::new(glob).map_err(|e| format!("invalid --exclude glob `{glob}`: {e}"))?);
    }
    builder.build().map_err(|e| e.to_string())
}

fn excluded(path: &Path, root: &Path, excludes: &GlobSet) -> bool {
    let relative = path.strip_prefix(root).unwrap_or(path);
    excludes.is_match(relative) || path.file_name().is_some_and(|name| excludes.is_match(name))
}

fn is_python(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("py" | "pyi")
    )
}

/// Walk `paths`. A file named explicitly is taken as given (unless `force_exclude` is on for it
/// and an exclude matches it); folders are walked.
pub fn discover(
    paths: &[PathBuf],
    excludes: &GlobSet,
    configured: Excluded,
    force_exclude: &dyn Fn(&Path) -> bool,
) -> Discovered {
    let mut found = Discovered::default();
    for root in paths {
        let metadata = match std::fs::metadata(root) {
            Ok(metadata) => metadata,
            Err(err) => {
                found.errors.push((root.clone(), err.to_string()));
                continue;
            }
        };
        if force_exclude(root)
            && (configured(root, metadata.is_dir(), true)
                || excluded(root, Path::new(""), excludes))
        {
            continue;
        }
        if !metadata.is_dir() {
            found.files.push(root.clone());
            continue;
        }
        let filter_root = root.clone();
        let filter_excludes = excludes.clone();
        let configured = configured.clone();
        let walker = ignore::WalkBuilder::new(root)
            .hidden(true)
            .require_git(false)
            .filter_entry(move |entry| {
                let path = entry.path();
                if path == filter_root {
                    return true;
                }
                let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
                !configured(path, is_dir, false) && !excluded(path, &filter_root, &filter_excludes)
            })
            .build();
        for entry in walker {
            match entry {
                Ok(entry) => {
                    if entry.file_type().is_some_and(|t| t.is_file()) && is_python(entry.path()) {
                        found.files.push(entry.into_path());
                    }
                }
                Err(err) => found.errors.push((root.clone(), err.to_string())),
            }
        }
    }
    found.files.sort();
    // The same file named twice (`a.py ./a.py`, a folder and a file in it, or through a link)
    // is processed once. One walk never yields a path twice (links are not followed), so with
    // one path given there is nothing to compare: no path resolved, no set of them kept.
    if paths.len() > 1 {
        let mut seen = std::collections::HashSet::new();
        found.files.retain(|path| {
            seen.insert(std::fs::canonicalize(path).unwrap_or_else(|_| path.clone()))
        });
    }
    found
}

/// For each file, a number for the project it belongs to: the nearest folder above it that
/// holds `pyproject.toml`, `setup.py`, `setup.cfg`, `.git`, `PKG-INFO` (an sdist) or a
/// `*.dist-info` folder (an unpacked wheel); files with no such folder above share project 0.
/// The project view keeps the facts of different projects apart.
pub fn project_roots<'p>(files: impl Iterator<Item = &'p Path>) -> Vec<usize> {
    use std::collections::HashMap;
    let mut by_dir: HashMap<std::path::PathBuf, Option<std::path::PathBuf>> = HashMap::new();
    let mut ids: HashMap<std::path::PathBuf, usize> = HashMap::new();
    // The files come sorted: most share the folder of the one before, and its answer.
    let mut last: Option<(&Path, usize)> = None;
    files
        .map(|file| {
            if let Some((folder, id)) = last
                && file.parent() == Some(folder)
            {
                return id;
            }
            let id = root_id(file, &mut by_dir, &mut ids);
            last = file.parent().map(|folder| (folder, id));
            id
        })
        .collect()
}

/// [`project_roots`]' answer for one file, with its caches.
fn root_id(
    file: &Path,
    by_dir: &mut std::collections::HashMap<std::path::PathBuf, Option<std::path::PathBuf>>,
    ids: &mut std::collections::HashMap<std::path::PathBuf, usize>,
) -> usize {
    fn is_root(dir: &Path) -> bool {
        [
            "pyproject.toml",
            "setup.py",
            "setup.cfg",
            ".git",
            "PKG-INFO",
        ]
        .iter()
        .any(|marker| dir.join(marker).exists())
            || std::fs::read_dir(dir).is_ok_and(|entries| {
                entries.flatten().any(|e| {
                    e.file_name().to_string_lossy().ends_with(".dist-info") && e.path().is_dir()
                })
            })
    }
    let start = std::path::absolute(file)
        .ok()
        .and_then(|p| p.parent().map(Path::to_path_buf));
    let mut root = None;
    let mut visited = Vec::new();
    let mut dir = start;
    while let Some(current) = dir {
        if let Some(known) = by_dir.get(&current) {
            root = known.clone();
            break;
        }
        visited.push(current.clone());
        if is_root(&current) {
            root = Some(current);
            break;
        }
        dir = current.parent().map(Path::to_path_buf);
    }
    for seen in visited {
        by_dir.insert(seen, root.clone());
    }
    match root {
        Some(root) => {
            let next = ids.len() + 1;
            *ids.entry(root).or_insert(next)
        }
        None => 0,
    }
}
