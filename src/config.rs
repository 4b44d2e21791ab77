//! Project configuration: the nearest `pyproject.toml` above a file gives the target version
//! (`[tool.asyncup] target-version`, else the lower bound of `project.requires-python`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::version::PyVersion;

/// What one `pyproject.toml` says that asyncup reads.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProjectConfig {
    pub target: Option<PyVersion>,
}

/// Parse the asyncup-relevant parts of a `pyproject.toml`.
pub fn parse_pyproject(text: &str) -> Result<ProjectConfig, String> {
    let value: toml::Table = text
        .parse()
        .map_err(|e: toml::de::Error| e.message().to_string())?;
    let tool = value.get("tool").and_then(|t| t.get("asyncup"));
    if let Some(target) = tool.and_then(|t| t.get("target-version")) {
        let target = target
            .as_str()
            .ok_or("`tool.asyncup.target-version` must be a string like \"py311\"")?;
        return Ok(ProjectConfig {
            target: Some(target.parse()?),
        });
    }
    let requires = value
        .get("project")
        .and_then(|p| p.get("requires-python"))
        .and_then(|r| r.as_str());
    Ok(ProjectConfig {
        target: requires.and_then(PyVersion::from_requires_python),
    })
}

/// Finds and caches the configuration that applies to each directory.
#[derive(Default)]
pub struct ConfigResolver {
    by_dir: HashMap<PathBuf, Option<PyVersion>>,
    /// Problems met while reading configuration files (path: message).
    pub errors: Vec<String>,
}

impl ConfigResolver {
    /// The target version configured for files in `dir` (nearest `pyproject.toml` that says
    /// anything), if any.
    pub fn target_for(&mut self, dir: &Path) -> Option<PyVersion> {
        if let Some(cached) = self.by_dir.get(dir) {
            return *cached;
        }
        let candidate = dir.join("pyproject.toml");
        let here = match std::fs::read_to_string(&candidate) {
            Ok(text) => match parse_pyproject(&text) {
                Ok(config) => config.target,
                Err(message) => {
                    self.errors
                        .push(format!("{}: {message}", candidate.display()));
                    None
                }
            },
            Err(_) => None,
        };
        let resolved = match here {
            Some(target) => Some(target),
            None => match dir.parent() {
                Some(parent) if !dir.as_os_str().is_empty() => self.target_for(parent),
                _ => None,
            },
        };
        self.by_dir.insert(dir.to_path_buf(), resolved);
        resolved
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tool_section_wins_over_requires_python() {
        let text =
            "[project]\nrequires-python = \">=3.8\"\n[tool.asyncup]\ntarget-version = \"py312\"\n";
        assert_eq!(
            parse_pyproject(text).unwrap().target,
            Some(PyVersion::new(3, 12))
        );
    }

    #[test]
    fn requires_python_lower_bound() {
        let text = "[project]\nname = \"x\"\nrequires-python = \">=3.9,<4\"\n";
        assert_eq!(parse_pyproject(text).unwrap().target, Some(PyVersion::PY39));
    }

    #[test]
    fn invalid_toml_is_an_error() {
        assert!(parse_pyproject("[project\n").is_err());
        assert!(parse_pyproject("[tool.asyncup]\ntarget-version = \"py2\"\n").is_err());
    }
}
