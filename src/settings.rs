//! The settings of each file: asyncup's configuration file for it (see [`crate::config`]) with
//! the command line's flags on top. Flags win: `--select` replaces the file's `select`,
//! `extend-select` and `ignore`; `--extend-select` and `--ignore` add to them;
//! `--unsafe-fixes` / `--no-unsafe-fixes`, `--force-exclude` / `--no-force-exclude` and
//! `--target-version` replace the file's value. `per-file-ignores` apply last.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::{self, ConfigFile, ConfigResolver, Discovery, Target};
use crate::fix::FixOverrides;
use crate::registry::{self, Selection, Transform};
use crate::version::PyVersion;

/// What the command line says, for [`Resolver`]. Ids are trimmed and checked by [`Cli::new`].
#[derive(Clone, Debug, Default)]
pub struct Cli {
    pub select: Option<Vec<String>>,
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
    pub unsafe_fixes: Option<bool>,
    pub force_exclude: Option<bool>,
    pub target_version: Option<PyVersion>,
    pub discovery: Discovery,
}

/// Where an assumed target comes from: nothing declared one.
pub const ASSUMED: &str = "assumed";

impl Cli {
    /// Trim `"a, b"`-style items, drop empty ones, and check every id (did-you-mean on a typo).
    pub fn trimmed(items: &[String], flag: &str) -> Result<Vec<String>, String> {
        let mut out = Vec::new();
        for item in items {
            for id in item.split(',').map(str::trim).filter(|id| !id.is_empty()) {
                registry::check_id(id, &format!(" in {flag}"))?;
                out.push(id.to_string());
            }
        }
        Ok(out)
    }
}

/// The resolved settings of one file.
#[derive(Clone)]
pub struct FileSettings {
    pub target: Target,
    pub transforms: Vec<&'static dyn Transform>,
    /// Enabled transforms that were selected by name (for the target-version warning).
    pub by_name: Vec<&'static str>,
    pub unsafe_fixes: bool,
    pub fix_overrides: FixOverrides,
    pub config: Option<Arc<ConfigFile>>,
    /// The `per-file-ignores` entries that match the file: (glob, ids).
    pub per_file_ignores: Vec<(String, Vec<String>)>,
    pub force_exclude: bool,
}

/// What a configuration file (or none) contributes before per-file-ignores, cached per file.
#[derive(Clone)]
struct Base {
    transforms: Vec<&'static dyn Transform>,
    by_name: Vec<&'static str>,
    fix_overrides: FixOverrides,
}

/// Resolves [`FileSettings`] per file, caching configuration files per folder.
pub struct Resolver {
    configs: ConfigResolver,
    cli: Cli,
    bases: HashMap<Option<PathBuf>, Base>,
    defaults: ignore::gitignore::Gitignore,
}

impl Resolver {
    /// Read `--config` now; an error is a configuration error (exit 2).
    pub fn new(cli: Cli) -> Result<Self, String> {
        let configs = ConfigResolver::new(cli.discovery.clone())?;
        let resolver = Self {
            configs,
            cli,
            bases: HashMap::new(),
            defaults: config::default_excludes(),
        };
        Ok(resolver)
    }

    /// Errors in asyncup's own configuration files met so far (each stops the run).
    pub fn fatal(&self) -> &[String] {
        &self.configs.fatal
    }

    /// Errors in other tools' declarations met so far (reported; the declaration is ignored).
    pub fn tolerated(&self) -> &[String] {
        &self.configs.errors
    }

    /// The settings for `path` (absolute, or relative to the current folder).
    pub fn for_file(&mut self, path: &Path) -> Result<FileSettings, String> {
        let path = absolute(path);
        let dir = path.parent().unwrap_or(Path::new("/")).to_path_buf();
        let config = self.configs.config_for(&dir);
        if let Some(error) = self.configs.fatal.first() {
            return Err(error.clone());
        }
        let target = match self.cli.target_version {
            Some(version) => Target {
                version,
                origin: "--target-version".into(),
            },
            None => self.configs.target_for(&dir).unwrap_or_else(|| Target {
                version: PyVersion::DEFAULT,
                origin: ASSUMED.into(),
            }),
        };
        if let Some(error) = self.configs.fatal.first() {
            return Err(error.clone());
        }
        let base = self.base(config.as_deref())?;
        let mut per_file_ignores = Vec::new();
        let mut transforms = base.transforms;
        let mut by_name = base.by_name;
        if let Some(config) = &config {
            for entry in &config.per_file_ignores {
                if entry.matches(&path) {
                    let ignore = |id: &str| entry.ids.iter().any(|i| i == "ALL" || i == id);
                    transforms.retain(|t| !ignore(t.info().id));
                    by_name.retain(|id| !ignore(id));
                    per_file_ignores.push((entry.pattern.clone(), entry.ids.clone()));
                }
            }
        }
        let option = |f: fn(&ConfigFile) -> Option<bool>| config.as_deref().and_then(f);
        Ok(FileSettings {
            target,
            transforms,
            by_name,
            unsafe_fixes: self
                .cli
                .unsafe_fixes
                .or_else(|| option(|c| c.options.unsafe_fixes))
                .unwrap_or(false),
            fix_overrides: base.fix_overrides,
            force_exclude: self
                .cli
                .force_exclude
                .or_else(|| option(|c| c.options.force_exclude))
                .unwrap_or(false),
            config,
            per_file_ignores,
        })
    }

    /// The selection and fix overrides of a configuration file (or of none) with the command
    /// line on top; selecting nothing is an error.
    fn base(&mut self, config: Option<&ConfigFile>) -> Result<Base, String> {
        let key = config.map(|c| c.path.clone());
        if let Some(base) = self.bases.get(&key) {
            return Ok(base.clone());
        }
        let empty = Vec::new();
        let mut layers = Vec::new();
        if let Some(config) = config {
            let options = &config.options;
            layers.push(Selection {
                select: options.select.as_deref(),
                extend_select: options.extend_select.as_deref().unwrap_or(&empty),
                ignore: options.ignore.as_deref().unwrap_or(&empty),
            });
        }
        layers.push(Selection {
            select: self.cli.select.as_deref(),
            extend_select: &self.cli.extend_select,
            ignore: &self.cli.ignore,
        });
        let (transforms, by_name) = registry::resolve(&layers);
        if transforms.is_empty() {
            let place = match config {
                Some(config) => {
                    format!("select/ignore in {} and the command line", config.location)
                }
                None => "--select/--ignore".to_string(),
            };
            return Err(format!(
                "no transform is selected ({place}); see `asyncup list`"
            ));
        }
        let ids = |items: Option<&Vec<String>>| -> Vec<&'static str> {
            let items = items.map(Vec::as_slice).unwrap_or_default();
            registry::all()
                .iter()
                .map(|t| t.info().id)
                .filter(|id| items.iter().any(|i| i.trim() == "ALL" || i.trim() == *id))
                .collect()
        };
        let fix_overrides = FixOverrides {
            safe: ids(config.and_then(|c| c.options.extend_safe_fixes.as_ref())),
            unsafe_: ids(config.and_then(|c| c.options.extend_unsafe_fixes.as_ref())),
        };
        let base = Base {
            transforms,
            by_name,
            fix_overrides,
        };
        self.bases.insert(key, base.clone());
        Ok(base)
    }

    /// Is `path` excluded by the `exclude` / `extend-exclude` of the configuration that applies
    /// to its folder (or by the default excludes)? `explicit`: a path named on the command
    /// line, excluded only under `force-exclude`, when it or one of its folders matches.
    pub fn is_excluded(&mut self, path: &Path, is_dir: bool, explicit: bool) -> bool {
        if explicit {
            return self.force_exclude(path) && self.excluded_with_folders(path, is_dir);
        }
        let path = absolute(path);
        let dir = path.parent().unwrap_or(Path::new("/")).to_path_buf();
        let config = self.configs.config_for(&dir);
        let matcher = config.as_ref().map_or(&self.defaults, |c| &c.excludes);
        matcher.matched(&path, is_dir).is_ignore()
    }

    /// Do the excludes that apply to `path` match it or one of its folders?
    pub fn excluded_with_folders(&mut self, path: &Path, is_dir: bool) -> bool {
        let path = absolute(path);
        let dir = path.parent().unwrap_or(Path::new("/")).to_path_buf();
        let config = self.configs.config_for(&dir);
        let matcher = config.as_ref().map_or(&self.defaults, |c| &c.excludes);
        config::matches_glob(matcher, &path, is_dir)
    }

    /// Is `force-exclude` on for `path`?
    pub fn force_exclude(&mut self, path: &Path) -> bool {
        if let Some(force) = self.cli.force_exclude {
            return force;
        }
        let path = absolute(path);
        let dir = path.parent().unwrap_or(Path::new("/")).to_path_buf();
        self.configs
            .config_for(&dir)
            .and_then(|c| c.options.force_exclude)
            .unwrap_or(false)
    }

    pub fn discovery(&self) -> &Discovery {
        self.configs.discovery()
    }
}

fn absolute(path: &Path) -> PathBuf {
    let path = if path.as_os_str().is_empty() {
        Path::new(".")
    } else {
        path
    };
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// `asyncup check --show-settings PATH`: the resolved settings of one file, one per line.
pub fn show(path: &str, settings: &FileSettings, excluded: bool, discovery: &Discovery) -> String {
    let list = |items: &[&str]| {
        if items.is_empty() {
            "(none)".to_string()
        } else {
            items.join(", ")
        }
    };
    let strings = |items: Option<&Vec<String>>| match items {
        Some(items) if !items.is_empty() => items.join(", "),
        _ => "(none)".to_string(),
    };
    let version = format!(
        "py{}{}",
        settings.target.version.major, settings.target.version.minor
    );
    let origin = if &*settings.target.origin == ASSUMED {
        "assumed: nothing declares one".to_string()
    } else {
        format!("from {}", settings.target.origin)
    };
    let config = match (&settings.config, discovery) {
        (Some(config), Discovery::Fixed(_)) => format!("{} (--config)", config.location),
        (Some(config), _) => config.location.clone(),
        (None, Discovery::Isolated) => "(none: --isolated)".to_string(),
        (None, _) => "(none)".to_string(),
    };
    let options = settings.config.as_ref().map(|c| &c.options);
    let ids: Vec<&str> = settings.transforms.iter().map(|t| t.info().id).collect();
    let mut out = String::new();
    out.push_str(&format!("Settings for {path}\n"));
    out.push_str(&format!("config file: {config}\n"));
    if let Some(config) = &settings.config {
        let folder = config::shown(&config.folder);
        let folder = if folder.is_empty() { "." } else { &folder };
        out.push_str(&format!("globs anchored at: {folder}\n"));
    }
    out.push_str(&format!("target-version: {version} ({origin})\n"));
    out.push_str(&format!("selected: {}\n", list(&ids)));
    out.push_str(&format!(
        "select: {}\n",
        strings(options.and_then(|o| o.select.as_ref()))
    ));
    out.push_str(&format!(
        "extend-select: {}\n",
        strings(options.and_then(|o| o.extend_select.as_ref()))
    ));
    out.push_str(&format!(
        "ignore: {}\n",
        strings(options.and_then(|o| o.ignore.as_ref()))
    ));
    let exclude = match options.and_then(|o| o.exclude.as_ref()) {
        Some(globs) => strings(Some(globs)),
        None => format!("(default) {}", config::DEFAULT_EXCLUDES.join(", ")),
    };
    out.push_str(&format!("exclude: {exclude}\n"));
    out.push_str(&format!(
        "extend-exclude: {}\n",
        strings(options.and_then(|o| o.extend_exclude.as_ref()))
    ));
    out.push_str(&format!("force-exclude: {}\n", settings.force_exclude));
    out.push_str(&format!(
        "excluded: {}\n",
        if excluded { "yes" } else { "no" }
    ));
    if settings.per_file_ignores.is_empty() {
        out.push_str("per-file-ignores: (none match)\n");
    } else {
        out.push_str("per-file-ignores:\n");
        for (glob, ids) in &settings.per_file_ignores {
            out.push_str(&format!("  {glob} = {}\n", ids.join(", ")));
        }
    }
    out.push_str(&format!("unsafe-fixes: {}\n", settings.unsafe_fixes));
    out.push_str(&format!(
        "extend-safe-fixes: {}\n",
        list(&settings.fix_overrides.safe)
    ));
    out.push_str(&format!(
        "extend-unsafe-fixes: {}\n",
        list(&settings.fix_overrides.unsafe_)
    ));
    out
}

/// The warnings for transforms selected by name that the file's target turns off:
/// `gather-to-taskgroup is selected but needs Python 3.11; the target is py39 (from ...)`.
pub fn version_warnings(settings: &FileSettings) -> Vec<String> {
    let target = settings.target.version;
    settings
        .by_name
        .iter()
        .filter_map(|id| registry::find(id))
        .filter_map(|t| {
            let min = t.info().min_version?;
            (target < min).then(|| {
                let origin = if &*settings.target.origin == ASSUMED {
                    "assumed".to_string()
                } else {
                    format!("from {}", settings.target.origin)
                };
                format!(
                    "{} is selected but needs Python {min}; the target is py{}{} ({origin})",
                    t.info().id,
                    target.major,
                    target.minor
                )
            })
        })
        .collect()
}
