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
/// path until its end (the project view needs them all), so each costs its file name's bytes
/// and a few numbers, not an allocation of its own: a folder's path is in the text once,
/// however many files it holds (see [`crate::project::Project::of_run`], which keeps this
/// text). A path that is not UTF-8 is kept as a path of its own, and its text is its lossy
/// spelling.
#[derive(Debug, Default)]
pub struct PathList {
    /// Each folder's path (with its last separator) once, and each file's name.
    text: String,
    /// Where each folder is in `text`.
    dirs: Vec<(u32, u32)>,
    /// Per path: its folder (a place in `dirs`) and where its name is in `text`.
    entries: Vec<PathEntry>,
    /// The paths that are not UTF-8, by index (ascending).
    foreign: Vec<(u32, PathBuf)>,
}

/// [`PathList::into_parts`]: the text, the folders, the entries, the paths that are not UTF-8.
pub type PathListParts = (String, Vec<(u32, u32)>, Vec<PathEntry>, Vec<(u32, PathBuf)>);

/// One path of a [`PathList`]: `text[dirs[dir]]` followed by `text[name.0..name.1]`.
#[derive(Clone, Copy, Debug, Default)]
pub struct PathEntry {
    pub dir: u32,
    pub name: (u32, u32),
}

/// How many of the latest folders a new path's folder is compared with (a walk goes back to
/// a folder after each of its subfolders; a folder that is not found is kept again).
const RECENT_DIRS: usize = 16;

impl PathList {
    pub fn push(&mut self, path: PathBuf) {
        let index = u32::try_from(self.entries.len()).expect("fewer than 4 billion files");
        let text = match path.into_os_string().into_string() {
            Ok(text) => text,
            Err(raw) => {
                let path = PathBuf::from(raw);
                let text = path.to_string_lossy().into_owned();
                self.foreign.push((index, path));
                text
            }
        };
        // The folder is everything before the file name (`Path::file_name`), when the path
        // ends with it; else the whole path is the "name".
        let name_len = Path::new(&*text)
            .file_name()
            .and_then(|name| name.to_str())
            .filter(|name| text.ends_with(name))
            .map_or(text.len(), str::len);
        let (folder, name) = text.split_at(text.len() - name_len);
        let dir = self.dir(folder);
        let start = self.offset();
        self.text.push_str(name);
        let name = (start, self.offset());
        self.entries.push(PathEntry { dir, name });
    }

    fn offset(&self) -> u32 {
        u32::try_from(self.text.len()).expect("paths shorter than 4 GiB in all")
    }

    /// The place of `folder` in `dirs`, added when it is not among the latest.
    fn dir(&mut self, folder: &str) -> u32 {
        let recent = self.dirs.len().saturating_sub(RECENT_DIRS);
        if let Some(at) = (recent..self.dirs.len())
            .rev()
            .find(|at| self.slice(self.dirs[*at]) == folder)
        {
            return at as u32;
        }
        let start = self.offset();
        self.text.push_str(folder);
        self.dirs.push((start, self.offset()));
        u32::try_from(self.dirs.len() - 1).expect("fewer than 4 billion folders")
    }

    fn slice(&self, (start, end): (u32, u32)) -> &str {
        &self.text[start as usize..end as usize]
    }

    /// Give back the room the list grew into (it is kept until the end of the run).
    pub fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.dirs.shrink_to_fit();
        self.entries.shrink_to_fit();
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The `index`-th path as its folder's text and its name's.
    pub fn parts(&self, index: usize) -> (&str, &str) {
        let entry = self.entries[index];
        (
            self.slice(self.dirs[entry.dir as usize]),
            self.slice(entry.name),
        )
    }

    /// The `index`-th path as text (its lossy spelling if it is not UTF-8).
    pub fn text(&self, index: usize) -> String {
        let (folder, name) = self.parts(index);
        [folder, name].concat()
    }

    /// The `index`-th path.
    pub fn get(&self, index: usize) -> std::borrow::Cow<'_, Path> {
        match self.foreign(index) {
            Some(path) => std::borrow::Cow::Borrowed(path),
            None => std::borrow::Cow::Owned(PathBuf::from(self.text(index))),
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

    pub fn iter(&self) -> impl ExactSizeIterator<Item = std::borrow::Cow<'_, Path>> {
        (0..self.len()).map(|index| self.get(index))
    }

    /// The text, the folders' places in it, each path's entry, and the list's paths that are
    /// not UTF-8 (see [`PathList::parts`] and [`PathList::foreign`]).
    pub fn into_parts(self) -> PathListParts {
        (self.text, self.dirs, self.entries, self.foreign)
    }

    /// The paths at `order`, in that order.
    fn select(&self, order: impl Iterator<Item = usize>) -> PathList {
        let mut out = PathList::default();
        for index in order {
            out.push(self.get(index).into_owned());
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
        order.sort_by(|a, b| files.get(*a).cmp(&files.get(*b)));
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
            seen.insert(std::fs::canonicalize(&path).unwrap_or_else(|_| path.into_owned()))
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
pub fn project_roots<P: AsRef<Path>>(files: impl Iterator<Item = P>) -> Vec<u32> {
    use std::collections::HashMap;
    let mut by_dir: HashMap<std::path::PathBuf, Option<std::path::PathBuf>> = HashMap::new();
    let mut ids: HashMap<std::path::PathBuf, usize> = HashMap::new();
    // The files come sorted: most share the folder of the one before, and its answer.
    let mut last: Option<(PathBuf, u32)> = None;
    files
        .map(|file| {
            let file = file.as_ref();
            if let Some((folder, id)) = &last
                && file.parent() == Some(folder.as_path())
            {
                return *id;
            }
            let id = u32::try_from(root_id(file, &mut by_dir, &mut ids)).unwrap_or(u32::MAX);
            last = file.parent().map(|folder| (folder.to_path_buf(), id));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_list_keeps_each_folder_once_and_gives_every_path_back() {
        let given = [
            "pkg/a.py",
            "pkg/sub/b.py",
            "pkg/c.py",
            "pkg/sub/d.pyi",
            "top.py",
            "./x/y.py",
            "/abs/olute/z.py",
            "pkg/a.py/",
            "..",
        ];
        let list: PathList = given.iter().map(PathBuf::from).collect();
        assert_eq!(list.len(), given.len());
        for (index, path) in given.iter().enumerate() {
            assert_eq!(list.text(index), *path);
            assert_eq!(list.get(index), Path::new(path));
            let (folder, name) = list.parts(index);
            assert_eq!([folder, name].concat(), *path);
        }
        assert_eq!(list.parts(1), ("pkg/sub/", "b.py"));
        assert_eq!(list.parts(4), ("", "top.py"));
        // No file name that ends the path: the whole path is the name.
        assert_eq!(list.parts(7), ("", "pkg/a.py/"));
        assert_eq!(list.parts(8), ("", ".."));
        // `pkg/` and `pkg/sub/` are kept once each, though the walk came back to them.
        let (text, dirs, entries, _) = list.into_parts();
        let folders: Vec<&str> = dirs
            .iter()
            .map(|(start, end)| &text[*start as usize..*end as usize])
            .collect();
        assert_eq!(folders, ["pkg/", "pkg/sub/", "", "./x/", "/abs/olute/"]);
        assert_eq!(entries[0].dir, entries[2].dir);
        assert_eq!(entries[1].dir, entries[3].dir);
    }

    #[cfg(unix)]
    #[test]
    fn a_path_that_is_not_utf8_is_kept_as_a_path() {
        use std::os::unix::ffi::OsStrExt;
        let raw = Path::new(std::ffi::OsStr::from_bytes(b"dir/\xff.py")).to_path_buf();
        let list: PathList = [PathBuf::from("dir/a.py"), raw.clone()]
            .into_iter()
            .collect();
        assert_eq!(list.get(1), raw.as_path());
        assert_eq!(list.text(1), "dir/\u{fffd}.py");
        assert_eq!(list.parts(1), ("dir/", "\u{fffd}.py"));
        assert!(list.foreign(0).is_none());
    }
}
