//! Project configuration: the target Python version of each folder, from the nearest folder
//! (the file's own, then its parents) that declares one. Within a folder, the first of:
//!
//! 1. `pyproject.toml` `[tool.asyncup] target-version`;
//! 2. `pyproject.toml` `project.requires-python` (PEP 440, its lowest allowed 3.x);
//! 3. `pyproject.toml` `[tool.poetry.dependencies] python` (Poetry's `^`, `~`, `||`);
//! 4. `setup.cfg` `[options] python_requires`;
//! 5. `setup.py`: a `python_requires="..."` string keyword (read with the Python parser);
//! 6. ruff's `target-version`: `pyproject.toml` `[tool.ruff]`, `ruff.toml`, `.ruff.toml`.
//!
//! Every resolved target carries where it came from, for the run's summary.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use ruff_python_ast::visitor::source_order::{self, SourceOrderVisitor};
use ruff_python_ast::{Expr, Stmt};

use crate::version::PyVersion;

/// A target version and where it was declared (`pyproject.toml: project.requires-python =
/// ">=3.9"`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Target {
    pub version: PyVersion,
    pub origin: Arc<str>,
}

/// The target that `pyproject.toml`'s text declares, with the origin's key part; `Err` for a
/// file that does not parse or a value that cannot be read.
pub fn pyproject_target(text: &str) -> Result<Option<(PyVersion, String)>, String> {
    let value: toml::Table = text
        .parse()
        .map_err(|e: toml::de::Error| e.message().to_string())?;
    let tool = value.get("tool");
    if let Some(target) = tool
        .and_then(|t| t.get("asyncup"))
        .and_then(|t| t.get("target-version"))
    {
        let target = target
            .as_str()
            .ok_or("`tool.asyncup.target-version` must be a string like \"py311\"")?;
        let version = target.parse()?;
        return Ok(Some((
            version,
            format!("[tool.asyncup] target-version = \"{target}\""),
        )));
    }
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

/// Finds and caches the target declared for each directory.
#[derive(Default)]
pub struct ConfigResolver {
    by_dir: HashMap<PathBuf, Option<Target>>,
    /// Problems met while reading configuration files (path: message).
    pub errors: Vec<String>,
}

impl ConfigResolver {
    /// The target declared for files in `dir` (nearest folder that declares one), if any.
    pub fn target_for(&mut self, dir: &Path) -> Option<Target> {
        if let Some(cached) = self.by_dir.get(dir) {
            return cached.clone();
        }
        let resolved = match self.declared_in(dir) {
            Some(target) => Some(target),
            None => match dir.parent() {
                Some(parent) if !dir.as_os_str().is_empty() => self.target_for(parent),
                _ => None,
            },
        };
        self.by_dir.insert(dir.to_path_buf(), resolved.clone());
        resolved
    }

    /// What the files of `dir` itself declare, in the order of the module documentation.
    fn declared_in(&mut self, dir: &Path) -> Option<Target> {
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
fn shown(path: &Path) -> String {
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

    #[test]
    fn tool_section_wins_over_requires_python() {
        let text =
            "[project]\nrequires-python = \">=3.8\"\n[tool.asyncup]\ntarget-version = \"py312\"\n";
        assert_eq!(version(pyproject_target(text)), Some(PyVersion::new(3, 12)));
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
        assert!(pyproject_target("[tool.asyncup]\ntarget-version = \"py2\"\n").is_err());
        assert!(pyproject_target("[project]\nrequires-python = \"<3\"\n").is_err());
    }
}
