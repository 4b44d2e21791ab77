//! Project configuration.
//!
//! asyncup's own settings ([`Options`]) come from the nearest configuration file to each file:
//! in each folder (the file's own, then its parents) the first of `.asyncup.toml`,
//! `asyncup.toml` (top-level keys) and a `pyproject.toml` with a `[tool.asyncup]` table
//! (`--config PATH` names one file for every file; `--isolated` reads none). An error in
//! asyncup's own table (an unknown key, a wrong type, an unknown id) stops the run.
//!
//! The target Python version of each folder comes from the nearest folder that declares one.
//! Within a folder, the first of:
//!
//! 1. `target-version` in that folder's asyncup configuration file (under `--config`, that
//!    file's, for every folder; under `--config` and `--isolated`, no other file's);
//! 2. `pyproject.toml` `project.requires-python` (PEP 440, its lowest allowed 3.x);
//! 3. `pyproject.toml` `[tool.poetry.dependencies] python` (Poetry's `^`, `~`, `||`);
//! 4. `setup.cfg` `[options] python_requires`;
//! 5. `setup.py`: a `python_requires="..."` string keyword (read with the Python parser);
//! 6. ruff's `target-version`: `pyproject.toml` `[tool.ruff]`, `ruff.toml`, `.ruff.toml`.
//!
//! Every resolved target carries where it came from, for the run's summary.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use ignore::gitignore::{Gitignore, GitignoreBuilder};
use ruff_python_ast::visitor::source_order::{self, SourceOrderVisitor};
use ruff_python_ast::{Expr, Stmt};

use serde::{Deserialize, Serialize};

use crate::registry;
use crate::version::PyVersion;

/// A target version and where it was declared (`pyproject.toml: project.requires-python =
/// ">=3.9"`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Target {
    pub version: PyVersion,
    pub origin: Arc<str>,
}

/// The target that `pyproject.toml`'s text declares in `project.requires-python` or Poetry's
/// `python`, with the origin's key part; `Err` for a file that does not parse or a value that
/// cannot be read. (`[tool.asyncup] target-version` is read with the rest of asyncup's own
/// table, by [`ConfigFile::load`].)
pub fn pyproject_target(text: &str) -> Result<Option<(PyVersion, String)>, String> {
    let value: toml::Table = text
        .parse()
        .map_err(|e: toml::de::Error| e.message().to_string())?;
    let tool = value.get("tool");
    if let Some(requires) = value.get("project").and_then(|p| p.get("requires-python")) {
        let requires = requires
            .as_str()
            .ok_or("`project.requires-python` must be a string")?;
        let version = PyVersion::floor_of_specifiers(requires)
            .map_err(|e| format!("project.requires-python: {e}"))?;
        return Ok(Some((
            version,
            format!("project.requires-python = \"{requires}\""),
        )));
    }
    if let Some(python) = tool
        .and_then(|t| t.get("poetry"))
        .and_then(|p| p.get("dependencies"))
        .and_then(|d| d.get("python"))
    {
        let python = python
            .as_str()
            .ok_or("`tool.poetry.dependencies.python` must be a string")?;
        let version = PyVersion::floor_of_poetry(python)
            .map_err(|e| format!("tool.poetry.dependencies.python: {e}"))?;
        return Ok(Some((
            version,
            format!("[tool.poetry.dependencies] python = \"{python}\""),
        )));
    }
    Ok(None)
}

/// ruff's `target-version` in a `pyproject.toml` (`[tool.ruff]`) or a `ruff.toml` (top level).
pub fn ruff_target(text: &str, in_pyproject: bool) -> Result<Option<(PyVersion, String)>, String> {
    let value: toml::Table = text
        .parse()
        .map_err(|e: toml::de::Error| e.message().to_string())?;
    let table = if in_pyproject {
        match value.get("tool").and_then(|t| t.get("ruff")) {
            Some(toml::Value::Table(table)) => table,
            _ => return Ok(None),
        }
    } else {
        &value
    };
    let Some(target) = table.get("target-version") else {
        return Ok(None);
    };
    let target = target
        .as_str()
        .ok_or("ruff's `target-version` must be a string")?;
    let key = if in_pyproject {
        format!("[tool.ruff] target-version = \"{target}\"")
    } else {
        format!("target-version = \"{target}\"")
    };
    Ok(Some((target.parse()?, key)))
}

/// `[options] python_requires` in a `setup.cfg`.
pub fn setup_cfg_target(text: &str) -> Result<Option<(PyVersion, String)>, String> {
    let mut in_options = false;
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_options = line == "[options]";
            continue;
        }
        if !in_options || line.starts_with(['#', ';']) {
            continue;
        }
        if let Some((key, value)) = line.split_once(['=', ':'])
            && key.trim() == "python_requires"
        {
            let value = value.trim();
            let version = PyVersion::floor_of_specifiers(value)
                .map_err(|e| format!("[options] python_requires: {e}"))?;
            return Ok(Some((
                version,
                format!("[options] python_requires = {value}"),
            )));
        }
    }
    Ok(None)
}

/// A `python_requires="..."` keyword with a string literal anywhere in a `setup.py`.
pub fn setup_py_target(text: &str) -> Result<Option<(PyVersion, String)>, String> {
    let Ok(parsed) = ruff_python_parser::parse_module(text) else {
        return Err("does not parse; python_requires not read".into());
    };
    struct Find(Option<String>);
    impl<'a> SourceOrderVisitor<'a> for Find {
        fn visit_expr(&mut self, expr: &'a Expr) {
            if self.0.is_none()
                && let Expr::Call(call) = expr
                && let Some(keyword) = call.arguments.find_keyword("python_requires")
                && let Expr::StringLiteral(value) = &keyword.value
            {
                self.0 = Some(value.value.to_str().to_string());
            }
            source_order::walk_expr(self, expr);
        }
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            source_order::walk_stmt(self, stmt);
        }
    }
    let mut find = Find(None);
    find.visit_body(parsed.suite());
    let Some(spec) = find.0 else { return Ok(None) };
    let version =
        PyVersion::floor_of_specifiers(&spec).map_err(|e| format!("python_requires: {e}"))?;
    Ok(Some((version, format!("python_requires=\"{spec}\""))))
}

/// asyncup's own settings: `[tool.asyncup]` in `pyproject.toml`, or the top level of
/// `asyncup.toml` / `.asyncup.toml`. An unknown key is an error (with a did-you-mean).
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    pub target_version: Option<String>,
    pub select: Option<Vec<String>>,
    pub extend_select: Option<Vec<String>>,
    pub ignore: Option<Vec<String>>,
    pub exclude: Option<Vec<String>>,
    pub extend_exclude: Option<Vec<String>>,
    pub force_exclude: Option<bool>,
    pub per_file_ignores: Option<BTreeMap<String, Vec<String>>>,
    pub unsafe_fixes: Option<bool>,
    pub extend_safe_fixes: Option<Vec<String>>,
    pub extend_unsafe_fixes: Option<Vec<String>>,
}

impl Options {
    /// Every key the table accepts, from the struct itself (so the list cannot drift).
    pub fn keys() -> Vec<String> {
        match serde_json::to_value(Options::default()) {
            Ok(serde_json::Value::Object(map)) => map.keys().cloned().collect(),
            _ => Vec::new(),
        }
    }
}

/// `pyproject.toml` as far as asyncup reads it: every other table is left alone.
#[derive(Deserialize)]
struct Pyproject {
    tool: Option<Tools>,
}

#[derive(Deserialize)]
struct Tools {
    asyncup: Option<Options>,
}

/// One `per-file-ignores` entry: a gitignore-style glob (anchored at the config file's folder)
/// and the ids it turns off.
#[derive(Debug)]
pub struct PerFileIgnore {
    pub pattern: String,
    pub ids: Vec<String>,
    matcher: Gitignore,
}

impl PerFileIgnore {
    pub fn matches(&self, path: &Path) -> bool {
        matches_glob(&self.matcher, path, false)
    }
}

/// A configuration file asyncup read its own settings from.
#[derive(Debug)]
pub struct ConfigFile {
    /// Absolute path of the file.
    pub path: PathBuf,
    /// The folder relative globs are anchored at.
    pub folder: PathBuf,
    /// How messages name it: `[tool.asyncup] of pyproject.toml`, `asyncup.toml`.
    pub location: String,
    pub options: Options,
    /// `target-version`, read.
    pub target: Option<Target>,
    /// `exclude` (or, without it, the default folders) plus `extend-exclude`.
    pub excludes: Gitignore,
    pub per_file_ignores: Vec<PerFileIgnore>,
}

/// The folders never walked into when no configuration says otherwise (ruff's defaults),
/// as gitignore lines.
pub fn default_excludes() -> Gitignore {
    let mut builder = GitignoreBuilder::new("/");
    for name in DEFAULT_EXCLUDES {
        let _ = builder.add_line(None, &format!("{name}/"));
    }
    builder.build().unwrap_or_else(|_| Gitignore::empty())
}

/// Folders never walked into by default (as ruff's), unless a configuration's `exclude`
/// replaces them or they are named explicitly.
pub const DEFAULT_EXCLUDES: &[&str] = &[
    "__pypackages__",
    "_build",
    "buck-out",
    "dist",
    "node_modules",
    "site-packages",
    "venv",
];

/// Does `matcher` (anchored at its folder) match `path` or, when `with_parents`, one of its
/// folders? Paths outside the anchor folder can only match unanchored patterns.
pub fn matches_glob(matcher: &Gitignore, path: &Path, is_dir: bool) -> bool {
    if matcher.is_empty() {
        return false;
    }
    if path.starts_with(matcher.path()) && path != matcher.path() {
        return matcher
            .matched_path_or_any_parents(path, is_dir)
            .is_ignore();
    }
    let mut current = Some(path);
    let mut dir = is_dir;
    while let Some(p) = current {
        if p.file_name().is_none() {
            break;
        }
        if matcher.matched(p, dir).is_ignore() {
            return true;
        }
        current = p.parent();
        dir = true;
    }
    false
}

impl ConfigFile {
    /// Read asyncup's settings from `path`: `Ok(None)` for a `pyproject.toml` without a
    /// `[tool.asyncup]` table (or, unless `explicit`, one that is not valid TOML: the target
    /// version's reader reports that one, as before).
    pub fn load(path: &Path, explicit: bool) -> Result<Option<ConfigFile>, String> {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let shown_path = shown(&path);
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("{shown_path}: cannot read the configuration: {e}"))?;
        let is_pyproject = path.file_name().is_some_and(|n| n == "pyproject.toml");
        let location = if is_pyproject {
            format!("[tool.asyncup] of {shown_path}")
        } else {
            shown_path.clone()
        };
        let table: toml::Table = match text.parse() {
            Ok(table) => table,
            // Not asyncup's to report: the target version's reader says it does not parse.
            Err(_) if is_pyproject && !explicit => return Ok(None),
            Err(e) => return Err(toml_error(&shown_path, &text, &e)),
        };
        let own = if is_pyproject {
            match table.get("tool").and_then(|t| t.get("asyncup")) {
                Some(toml::Value::Table(own)) => Some(own),
                Some(_) => return Err(format!("{location} must be a table")),
                None if explicit => None,
                None => return Ok(None),
            }
        } else {
            Some(&table)
        };
        if let Some(own) = own {
            let keys = Options::keys();
            let mut unknown: Vec<&String> = own.keys().filter(|k| !keys.contains(k)).collect();
            unknown.sort();
            if let Some(key) = unknown.first() {
                let hint = match registry::did_you_mean(key, keys.iter().map(String::as_str)) {
                    Some(near) => format!("; did you mean {near}?"),
                    None => format!("; the keys are {}", keys.join(", ")),
                };
                return Err(format!("unknown key {key} in {location}{hint}"));
            }
        }
        let options = if is_pyproject {
            toml::from_str::<Pyproject>(&text)
                .map(|p| p.tool.and_then(|t| t.asyncup).unwrap_or_default())
        } else {
            toml::from_str::<Options>(&text)
        }
        .map_err(|e| toml_error(&shown_path, &text, &e))?;
        let folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
        Self::from_options(path, folder, location, options).map(Some)
    }

    fn from_options(
        path: PathBuf,
        folder: PathBuf,
        location: String,
        options: Options,
    ) -> Result<ConfigFile, String> {
        let target = match &options.target_version {
            Some(value) => {
                let version: PyVersion = value
                    .parse()
                    .map_err(|e| format!("target-version in {location}: {e}"))?;
                let key = if location.starts_with("[tool.asyncup]") {
                    format!("[tool.asyncup] target-version = \"{value}\"")
                } else {
                    format!("target-version = \"{value}\"")
                };
                Some(Target {
                    version,
                    origin: format!("{}: {key}", shown(&path)).into(),
                })
            }
            None => None,
        };
        for (key, ids) in [
            ("select", &options.select),
            ("extend-select", &options.extend_select),
            ("ignore", &options.ignore),
            ("extend-safe-fixes", &options.extend_safe_fixes),
            ("extend-unsafe-fixes", &options.extend_unsafe_fixes),
        ] {
            for id in ids.iter().flatten() {
                registry::check_id(id, &format!(" in {key} of {location}"))?;
            }
        }
        let glob_error = |key: &str, glob: &str, e: ignore::Error| {
            format!("invalid glob `{glob}` in {key} of {location}: {e}")
        };
        let mut builder = GitignoreBuilder::new(&folder);
        let defaults: Vec<String> = DEFAULT_EXCLUDES.iter().map(|n| format!("{n}/")).collect();
        for (key, globs) in [
            ("exclude", options.exclude.as_ref().unwrap_or(&defaults)),
            (
                "extend-exclude",
                options.extend_exclude.as_ref().unwrap_or(&Vec::new()),
            ),
        ] {
            for glob in globs {
                if let Err(e) = builder.add_line(None, glob) {
                    return Err(glob_error(key, glob, e));
                }
            }
        }
        let excludes = builder
            .build()
            .map_err(|e| format!("exclude of {location}: {e}"))?;
        let mut per_file_ignores = Vec::new();
        for (pattern, ids) in options.per_file_ignores.iter().flatten() {
            for id in ids {
                registry::check_id(
                    id,
                    &format!(" in per-file-ignores `{pattern}` of {location}"),
                )?;
            }
            let mut builder = GitignoreBuilder::new(&folder);
            if let Err(e) = builder.add_line(None, pattern) {
                return Err(glob_error("per-file-ignores", pattern, e));
            }
            let matcher = builder
                .build()
                .map_err(|e| glob_error("per-file-ignores", pattern, e))?;
            per_file_ignores.push(PerFileIgnore {
                pattern: pattern.clone(),
                ids: ids.iter().map(|id| id.trim().to_string()).collect(),
                matcher,
            });
        }
        Ok(ConfigFile {
            path,
            folder,
            location,
            options,
            target,
            excludes,
            per_file_ignores,
        })
    }
}

/// A TOML error as `file:line: message`.
fn toml_error(shown_path: &str, text: &str, error: &toml::de::Error) -> String {
    match error.span() {
        Some(span) => {
            let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
            format!("{shown_path}:{line}: {}", error.message().trim_end())
        }
        None => format!("{shown_path}: {}", error.message().trim_end()),
    }
}

/// Which configuration files are read (`--config`, `--isolated`, or the nearest).
#[derive(Clone, Debug, Default)]
pub enum Discovery {
    /// The nearest `.asyncup.toml`, `asyncup.toml` or `pyproject.toml` with `[tool.asyncup]`
    /// to each file.
    #[default]
    Nearest,
    /// `--config PATH`: that file for every file.
    Fixed(PathBuf),
    /// `--isolated`: none of asyncup's configuration files (the Python version a project
    /// declares, `requires-python` and the like, is still read).
    Isolated,
}

/// Finds and caches the target declared for each directory, and asyncup's configuration file
/// for each directory.
#[derive(Default)]
pub struct ConfigResolver {
    discovery: Discovery,
    fixed: Option<Arc<ConfigFile>>,
    by_dir: HashMap<PathBuf, Option<Target>>,
    config_by_dir: HashMap<PathBuf, Option<Arc<ConfigFile>>>,
    own_by_dir: HashMap<PathBuf, Option<Arc<ConfigFile>>>,
    /// Problems met while reading other tools' declarations (path: message): reported, and
    /// that declaration ignored.
    pub errors: Vec<String>,
    /// Errors in asyncup's own configuration: the run stops with exit 2.
    pub fatal: Vec<String>,
}

impl ConfigResolver {
    /// A resolver for `discovery`; `--config PATH` is read now (an error stops the run).
    pub fn new(discovery: Discovery) -> Result<Self, String> {
        let fixed = match &discovery {
            Discovery::Fixed(path) => Some(Arc::new(
                ConfigFile::load(path, true)?
                    .ok_or_else(|| format!("{}: no configuration in it", shown(path)))?,
            )),
            _ => None,
        };
        Ok(Self {
            discovery,
            fixed,
            ..Self::default()
        })
    }

    pub fn discovery(&self) -> &Discovery {
        &self.discovery
    }

    /// The target declared for files in `dir` (nearest folder that declares one), if any;
    /// `--config`'s `target-version` first.
    pub fn target_for(&mut self, dir: &Path) -> Option<Target> {
        if let Some(target) = self.fixed.as_ref().and_then(|c| c.target.clone()) {
            return Some(target);
        }
        self.declared_target(dir)
    }

    fn declared_target(&mut self, dir: &Path) -> Option<Target> {
        if let Some(cached) = self.by_dir.get(dir) {
            return cached.clone();
        }
        let resolved = match self.declared_in(dir) {
            Some(target) => Some(target),
            None => match dir.parent() {
                Some(parent) if !dir.as_os_str().is_empty() => self.declared_target(parent),
                _ => None,
            },
        };
        self.by_dir.insert(dir.to_path_buf(), resolved.clone());
        resolved
    }

    /// asyncup's configuration file for files in `dir`: `--config`'s, else (unless
    /// `--isolated`) the nearest one in `dir` or its parents.
    pub fn config_for(&mut self, dir: &Path) -> Option<Arc<ConfigFile>> {
        match self.discovery {
            Discovery::Fixed(_) => return self.fixed.clone(),
            Discovery::Isolated => return None,
            Discovery::Nearest => {}
        }
        if let Some(cached) = self.config_by_dir.get(dir) {
            return cached.clone();
        }
        let resolved = match self.own_config_in(dir) {
            Some(config) => Some(config),
            None => match dir.parent() {
                Some(parent) if !dir.as_os_str().is_empty() => self.config_for(parent),
                _ => None,
            },
        };
        self.config_by_dir
            .insert(dir.to_path_buf(), resolved.clone());
        resolved
    }

    /// The configuration file in `dir` itself: `.asyncup.toml`, then `asyncup.toml`, then a
    /// `pyproject.toml` with a `[tool.asyncup]` table (ruff's order).
    fn own_config_in(&mut self, dir: &Path) -> Option<Arc<ConfigFile>> {
        if let Some(cached) = self.own_by_dir.get(dir) {
            return cached.clone();
        }
        let mut found = None;
        for name in [".asyncup.toml", "asyncup.toml", "pyproject.toml"] {
            let path = dir.join(name);
            if !path.is_file() {
                continue;
            }
            match ConfigFile::load(&path, false) {
                Ok(Some(config)) => {
                    found = Some(Arc::new(config));
                    break;
                }
                Ok(None) => {}
                Err(message) => {
                    if !self.fatal.contains(&message) {
                        self.fatal.push(message);
                    }
                    break;
                }
            }
        }
        self.own_by_dir.insert(dir.to_path_buf(), found.clone());
        found
    }

    /// What the files of `dir` itself declare, in the order of the module documentation.
    fn declared_in(&mut self, dir: &Path) -> Option<Target> {
        if matches!(self.discovery, Discovery::Nearest)
            && let Some(target) = self.own_config_in(dir).and_then(|c| c.target.clone())
        {
            return Some(target);
        }
        type Reader = fn(&str) -> Result<Option<(PyVersion, String)>, String>;
        let sources: [(&str, Reader); 6] = [
            ("pyproject.toml", pyproject_target),
            ("setup.cfg", setup_cfg_target),
            ("setup.py", setup_py_target),
            ("pyproject.toml", |text| ruff_target(text, true)),
            ("ruff.toml", |text| ruff_target(text, false)),
            (".ruff.toml", |text| ruff_target(text, false)),
        ];
        for (file, read) in sources {
            let path = dir.join(file);
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            match read(&text) {
                Ok(Some((version, key))) => {
                    return Some(Target {
                        version,
                        origin: format!("{}: {key}", shown(&path)).into(),
                    });
                }
                Ok(None) => {}
                Err(message) => {
                    let error = format!("{}: {message}", shown(&path));
                    if !self.errors.contains(&error) {
                        self.errors.push(error);
                    }
                }
            }
        }
        None
    }
}

/// A path as the user would write it: relative to the current folder when inside it.
pub fn shown(path: &Path) -> String {
    let cwd = std::env::current_dir().ok();
    cwd.as_deref()
        .and_then(|cwd| path.strip_prefix(cwd).ok())
        .unwrap_or(path)
        .display()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version(result: Result<Option<(PyVersion, String)>, String>) -> Option<PyVersion> {
        result.unwrap().map(|(version, _)| version)
    }

    fn load(name: &str, text: &str) -> Result<Option<ConfigFile>, String> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        ConfigFile::load(&path, false)
    }

    #[test]
    fn tool_section_wins_over_requires_python() {
        let dir = tempfile::tempdir().unwrap();
        let text =
            "[project]\nrequires-python = \">=3.8\"\n[tool.asyncup]\ntarget-version = \"py312\"\n";
        std::fs::write(dir.path().join("pyproject.toml"), text).unwrap();
        let mut resolver = ConfigResolver::default();
        let target = resolver.target_for(dir.path()).unwrap();
        assert_eq!(target.version, PyVersion::new(3, 12));
        assert!(
            target
                .origin
                .ends_with("pyproject.toml: [tool.asyncup] target-version = \"py312\""),
            "{}",
            target.origin
        );
        // Without the key, requires-python is read as before.
        assert_eq!(version(pyproject_target(text)), Some(PyVersion::new(3, 8)));
    }

    #[test]
    fn unknown_keys_are_named_with_a_suggestion() {
        let error = load(
            "pyproject.toml",
            "[tool.asyncup]\ntagret-version = \"py39\"\n",
        )
        .unwrap_err();
        assert!(
            error.starts_with("unknown key tagret-version in [tool.asyncup] of ")
                && error.ends_with("pyproject.toml; did you mean target-version?"),
            "{error}"
        );
        let error = load("asyncup.toml", "selct = []\n").unwrap_err();
        assert!(
            error.ends_with("asyncup.toml; did you mean select?"),
            "{error}"
        );
        // Other tools' tables are not asyncup's business.
        assert!(
            load("pyproject.toml", "[tool.other]\nanything = 1\n")
                .unwrap()
                .is_none()
        );
        assert!(load("pyproject.toml", "[tool\n").unwrap().is_none());
        let error = load("asyncup.toml", "select = \"x\"\n").unwrap_err();
        assert!(error.contains("asyncup.toml:1: invalid type"), "{error}");
    }

    /// The README's example configuration is valid and uses every key.
    #[test]
    fn readme_example_loads() {
        let readme = include_str!("../README.md");
        let section = &readme[readme.find("### Configuration").unwrap()..];
        let start = section.find("```toml\n").unwrap() + "```toml\n".len();
        let example = &section[start..start + section[start..].find("```").unwrap()];
        let config = load("pyproject.toml", example).unwrap().unwrap();
        assert_eq!(config.per_file_ignores.len(), 2);
        for key in Options::keys() {
            assert!(example.contains(&key), "the README's example lacks {key}");
        }
    }

    #[test]
    fn the_keys_are_the_struct_fields() {
        let keys = Options::keys();
        assert_eq!(keys.len(), 11);
        assert!(keys.contains(&"per-file-ignores".to_string()));
    }

    #[test]
    fn requires_python_lower_bound() {
        let text = "[project]\nname = \"x\"\nrequires-python = \">=3.9,<4\"\n";
        assert_eq!(version(pyproject_target(text)), Some(PyVersion::PY39));
        let text = "[project]\nrequires-python = \">3.9, !=3.10.*\"\n";
        assert_eq!(version(pyproject_target(text)), Some(PyVersion::PY39));
    }

    #[test]
    fn poetry_python() {
        let text = "[tool.poetry.dependencies]\npython = \"^3.9\"\nhttpx = \"*\"\n";
        let (found, origin) = pyproject_target(text).unwrap().unwrap();
        assert_eq!(found, PyVersion::PY39);
        assert_eq!(origin, "[tool.poetry.dependencies] python = \"^3.9\"");
    }

    #[test]
    fn ruff_target_version() {
        let text = "[tool.ruff]\ntarget-version = \"py310\"\n";
        assert_eq!(version(pyproject_target(text)), None);
        assert_eq!(version(ruff_target(text, true)), Some(PyVersion::PY310));
        assert_eq!(
            version(ruff_target("target-version = \"py38\"\n", false)),
            Some(PyVersion::PY38)
        );
    }

    #[test]
    fn setup_cfg_and_setup_py() {
        let cfg = "[metadata]\nname = x\n\n[options]\npackages = find:\npython_requires = >=3.9\n";
        assert_eq!(version(setup_cfg_target(cfg)), Some(PyVersion::PY39));
        assert_eq!(
            version(setup_cfg_target("[metadata]\npython_requires = >=3.9\n")),
            None
        );
        let py = "from setuptools import setup\n\nsetup(\n    name='x',\n    python_requires='>=3.10',\n)\n";
        assert_eq!(version(setup_py_target(py)), Some(PyVersion::PY310));
        assert_eq!(version(setup_py_target("setup(name='x')\n")), None);
    }

    #[test]
    fn unreadable_values_are_errors() {
        assert!(pyproject_target("[project\n").is_err());
        assert!(
            load(
                "pyproject.toml",
                "[tool.asyncup]\ntarget-version = \"py2\"\n"
            )
            .is_err()
        );
        assert!(pyproject_target("[project]\nrequires-python = \"<3\"\n").is_err());
    }
}
