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
    pub files: PathList,
    pub errors: Vec<(PathBuf, String)>,
}

/// Many paths in one string: the run's files, in order. A run over a large tree keeps every
/// path until its end (the project view needs them all), so each costs its bytes and an
/// offset, not an allocation of its own (see [`crate::project::Project::of_run`], which keeps
/// this text). A path that is not UTF-8 is kept as a path of its own, and its text is its
/// lossy spelling.
#[derive(Debug, Default)]
pub struct PathList {
    text: String,
    /// `text[ends[i - 1]..ends[i]]` is the `i`-th path.
    ends: Vec<u32>,
    /// The paths that are not UTF-8, by index (ascending).
    foreign: Vec<(u32, PathBuf)>,
}

impl PathList {
    pub fn push(&mut self, path: PathBuf) {
        let index = u32::try_from(self.ends.len()).expect("fewer than 4 billion files");
        match path.into_os_string().into_string() {
            Ok(text) => self.text.push_str(&text),
            Err(raw) => {
                let path = PathBuf::from(raw);
                self.text.push_str(&path.to_string_lossy());
                self.foreign.push((index, path));
            }
        }
        self.ends
            .push(u32::try_from(self.text.len()).expect("paths shorter than 4 GiB in all"));
    }

    /// Give back the room the list grew into (it is kept until the end of the run).
    pub fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Where the `index`-th path is in [`PathList::text`].
    pub fn range(&self, index: usize) -> std::ops::Range<usize> {
        let start = if index == 0 {
            0
        } else {
            self.ends[index - 1] as usize
        };
        start..self.ends[index] as usize
    }

    /// The `index`-th path as text (its lossy spelling if it is not UTF-8).
    pub fn text(&self, index: usize) -> &str {
        &self.text[self.range(index)]
    }

    /// The `index`-th path.
    pub fn get(&self, index: usize) -> &Path {
        match self.foreign(index) {
            Some(path) => path,
            None => Path::new(&self.text[self.range(index)]),
        }
    }

    /// The `index`-th path if it is not UTF-8.
    pub fn foreign(&self, index: usize) -> Option<&Path> {
        let index = u32::try_from(index).ok()?;
        let at = self
            .foreign
            .binary_search_by_key(&index, |(i, _)| *i)
            .ok()?;
        Some(&self.foreign[at].1)
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = &Path> {
        (0..self.len()).map(|index| self.get(index))
    }

    /// Every path in one string, and the list's paths that are not UTF-8 (see
    /// [`PathList::range`] and [`PathList::foreign`]).
    pub fn into_parts(self) -> (String, Vec<u32>, Vec<(u32, PathBuf)>) {
        (self.text, self.ends, self.foreign)
    }

    /// The paths at `order`, in that order.
    fn select(&self, order: impl Iterator<Item = usize>) -> PathList {
        let mut out = PathList {
            text: String::with_capacity(self.text.len()),
            ..PathList::default()
        };
        for index in order {
            out.push(self.get(index).to_path_buf());
        }
        out
    }
}

impl<P: Into<PathBuf>> FromIterator<P> for PathList {
    fn from_iter<I: IntoIterator<Item = P>>(paths: I) -> PathList {
        let mut list = PathList::default();
        for path in paths {
            list.push(path.into());
        }
        list
    }
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
    let cwd = std::env::current_dir().ok();
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
        let root = &under_cwd(root, cwd.as_deref());
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
            // Each folder's entries in name order: the walk yields the files in path order,
            // so the list needs no sort (`Path`'s order is by component).
            .sort_by_file_name(|a, b| a.cmp(b))
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
    let files = &found.files;
    if !(1..files.len()).all(|i| files.get(i - 1) <= files.get(i)) {
        let mut order: Vec<usize> = (0..files.len()).collect();
        order.sort_by(|a, b| files.get(*a).cmp(files.get(*b)));
        found.files = files.select(order.into_iter());
    }
    // The same file named twice (`a.py ./a.py`, a folder and a file in it, or through a link)
    // is processed once. One walk never yields a path twice (links are not followed), so with
    // one path given there is nothing to compare: no path resolved, no set of them kept.
    if paths.len() > 1 {
        let files = &found.files;
        let mut seen = std::collections::HashSet::new();
        let kept = (0..files.len()).filter(|index| {
            let path = files.get(*index);
            seen.insert(std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()))
        });
        found.files = files.select(kept);
    }
    found.files.shrink_to_fit();
    found
}

/// `root` as the walk spells it: an absolute path inside the current folder `cwd` becomes
/// `./` and the rest, which names the same place, so that the folders above it are not kept
/// in the path of every file found (the run shows paths relative to the current folder).
fn under_cwd(root: &Path, cwd: Option<&Path>) -> PathBuf {
    match cwd.and_then(|cwd| root.strip_prefix(cwd).ok()) {
        Some(rest) if root.is_absolute() => Path::new(".").join(rest),
        _ => root.to_path_buf(),
    }
}

/// For each file, a number for the project it belongs to: the nearest folder above it that
/// holds `pyproject.toml`, `setup.py`, `setup.cfg`, `.git`, `PKG-INFO` (an sdist) or a
/// `*.dist-info` folder (an unpacked wheel); files with no such folder above share project 0.
/// The project view keeps the facts of different projects apart.
pub fn project_roots<'p>(files: impl Iterator<Item = &'p Path>) -> Vec<u32> {
    use std::collections::HashMap;
    let mut by_dir: HashMap<std::path::PathBuf, Option<std::path::PathBuf>> = HashMap::new();
    let mut ids: HashMap<std::path::PathBuf, usize> = HashMap::new();
    // The files come sorted: most share the folder of the one before, and its answer.
    let mut last: Option<(&Path, u32)> = None;
    files
        .map(|file| {
            if let Some((folder, id)) = last
                && file.parent() == Some(folder)
            {
                return id;
            }
            let id = u32::try_from(root_id(file, &mut by_dir, &mut ids)).unwrap_or(u32::MAX);
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
    const MARKERS: [&str; 5] = [
        "pyproject.toml",
        "setup.py",
        "setup.cfg",
        ".git",
        "PKG-INFO",
    ];
    // One listing of the folder, not a lookup per marker: a name that matches (in any case,
    // as a case-insensitive file system would) is then looked up as before, so a broken
    // link is no marker. A folder that cannot be listed is asked marker by marker.
    fn is_root(dir: &Path) -> bool {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return MARKERS.iter().any(|marker| dir.join(marker).exists());
        };
        entries.flatten().any(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            MARKERS
                .iter()
                .any(|marker| marker.eq_ignore_ascii_case(&name) && dir.join(marker).exists())
                || (name.ends_with(".dist-info") && e.path().is_dir())
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
