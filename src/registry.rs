//! What a transform is, to the engine: an id, its documentation, the Python version its rewrite
//! needs, and hooks the checker calls during its one traversal.

use ruff_python_ast::{Expr, Stmt};

use crate::checker::Checker;
use crate::version::PyVersion;

/// How a transform's fixes are classified (shown by `asyncup list`).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum FixSafety {
    /// Every fix keeps behaviour.
    Safe,
    /// Safe in the plain shapes, unsafe where the doc comment says.
    Sometimes,
    /// Every fix changes behaviour in a named way.
    Unsafe,
    /// Findings only.
    None,
}

impl FixSafety {
    pub fn as_str(self) -> &'static str {
        match self {
            FixSafety::Safe => "safe",
            FixSafety::Sometimes => "safe/unsafe",
            FixSafety::Unsafe => "unsafe",
            FixSafety::None => "no fix",
        }
    }
}

/// Static description of a transform; `docs` is its doc comment.
#[derive(Debug)]
pub struct TransformInfo {
    pub id: &'static str,
    pub summary: &'static str,
    pub docs: &'static str,
    /// The oldest target Python the rewrite may produce code for; `None` for any.
    pub min_version: Option<PyVersion>,
    pub safety: FixSafety,
    /// Documentation generated from the transform's data (a mapping table), printed by
    /// `explain` after the doc comment.
    pub extra_doc: Option<fn() -> String>,
}

impl TransformInfo {
    /// The doc comment without the single leading space rustdoc keeps on each line.
    pub fn documentation(&self) -> String {
        let mut out = String::new();
        for line in self.docs.lines() {
            out.push_str(line.strip_prefix(' ').unwrap_or(line));
            out.push('\n');
        }
        if let Some(extra) = self.extra_doc {
            out.push_str(&extra());
        }
        out
    }
}

/// A transform: pure code, no I/O. Hooks default to doing nothing.
pub trait Transform: Sync {
    fn info(&self) -> &'static TransformInfo;
    /// Called for every statement, before its children.
    fn on_stmt<'a>(&self, _cx: &mut Checker<'a>, _stmt: &'a Stmt) {}
    /// Called for every expression, before its children.
    fn on_expr<'a>(&self, _cx: &mut Checker<'a>, _expr: &'a Expr) {}
    /// Called once after the traversal, for transforms that decide per file (see
    /// [`Checker::state`]).
    fn on_end(&self, _cx: &mut Checker<'_>) {}
}

/// Declares a transform's unit struct and its `INFO`, taking the docs from the doc comment:
///
/// ```ignore
/// declare_transform! {
///     /// ## What it does
///     /// ...
///     pub struct WaitForToTimeout {
///         id: "wait-for-to-timeout",
///         summary: "...",
///         min_version: Some(PyVersion::PY311),
///         safety: FixSafety::Sometimes,
///     }
/// }
/// ```
#[macro_export]
macro_rules! declare_transform {
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident {
            id: $id:literal,
            summary: $summary:literal,
            min_version: $min:expr,
            safety: $safety:expr,
            extra_doc: $extra:expr $(,)?
        }
    ) => {
        $crate::declare_transform!(@info [$(#[doc = $doc])*] $name, $id, $summary, $min, $safety, Some($extra));
    };
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident {
            id: $id:literal,
            summary: $summary:literal,
            min_version: $min:expr,
            safety: $safety:expr $(,)?
        }
    ) => {
        $crate::declare_transform!(@info [$(#[doc = $doc])*] $name, $id, $summary, $min, $safety, None);
    };
    (@info [$(#[doc = $doc:literal])*] $name:ident, $id:literal, $summary:literal, $min:expr, $safety:expr, $extra:expr) => {
        $(#[doc = $doc])*
        pub struct $name;

        impl $name {
            pub const INFO: $crate::registry::TransformInfo = $crate::registry::TransformInfo {
                id: $id,
                summary: $summary,
                docs: concat!($($doc, "\n"),*),
                min_version: $min,
                safety: $safety,
                extra_doc: $extra,
            };
        }
    };
}

/// Builds the transform registry: one `module::Type` line per transform.
#[macro_export]
macro_rules! register_transforms {
    ($($module:ident :: $ty:ident),* $(,)?) => {
        $(mod $module;)*

        /// Every transform, in the order `asyncup list` shows them.
        pub static ALL: &[&dyn $crate::registry::Transform] = &[$(&$module::$ty),*];
    };
}

/// All transforms.
pub fn all() -> &'static [&'static dyn Transform] {
    crate::transforms::ALL
}

/// The transform with this id.
pub fn find(id: &str) -> Option<&'static dyn Transform> {
    all().iter().copied().find(|t| t.info().id == id)
}

/// Resolve `--select`/`--ignore` lists into the enabled transforms. Unknown ids are an error.
pub fn select(select: &[String], ignore: &[String]) -> Result<Vec<&'static dyn Transform>, String> {
    for id in select.iter().chain(ignore) {
        if id != "ALL" && find(id).is_none() {
            return Err(format!("unknown transform id `{id}` (see `asyncup list`)"));
        }
    }
    let selected = |id: &str| select.is_empty() || select.iter().any(|s| s == "ALL" || s == id);
    let ignored = |id: &str| ignore.iter().any(|s| s == "ALL" || s == id);
    Ok(all()
        .iter()
        .copied()
        .filter(|t| selected(t.info().id) && !ignored(t.info().id))
        .collect())
}

#[cfg(test)]
mod tests {
    #[test]
    fn readme_lists_every_transform() {
        let readme = include_str!("../README.md");
        for transform in super::all() {
            let id = transform.info().id;
            assert!(
                readme.contains(&format!("| `{id}` |")),
                "README's transform table lacks `{id}`"
            );
        }
    }

    #[test]
    fn ids_are_unique_kebab_case() {
        let mut ids: Vec<&str> = super::all().iter().map(|t| t.info().id).collect();
        for id in &ids {
            assert!(
                id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "`{id}` is not kebab-case"
            );
        }
        ids.sort_unstable();
        let before = ids.len();
        ids.dedup();
        assert_eq!(before, ids.len(), "duplicate transform ids");
    }
}
