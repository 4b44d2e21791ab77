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
    /// Called for every statement, before its children (when [`Transform::hooks`] has `stmt`).
    fn on_stmt<'a>(&self, _cx: &mut Checker<'a>, _stmt: &'a Stmt) {}
    /// Called for every expression of the kinds [`Transform::hooks`] names, before its
    /// children.
    fn on_expr<'a>(&self, _cx: &mut Checker<'a>, _expr: &'a Expr) {}
    /// Which hooks the checker calls: a transform that overrides `on_stmt` or `on_expr` says
    /// so here, and for `on_expr` which expressions it can act on (most look at calls only),
    /// so that the traversal makes no call that returns at once. The default calls every hook
    /// for every node. `tests/hooks.rs` holds every transform to what its code overrides.
    fn hooks(&self) -> Hooks {
        Hooks::ALL
    }
    /// Called once after the traversal, for transforms that decide per file (see
    /// [`Checker::state`]).
    fn on_end(&self, _cx: &mut Checker<'_>) {}
}

/// Which of a transform's hooks the traversal calls (see [`Transform::hooks`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hooks {
    /// `on_stmt`, for every statement.
    pub stmt: bool,
    /// `on_expr`, for the expression kinds in this set (see [`ExprKinds`]).
    pub expr: ExprKinds,
}

impl Hooks {
    pub const ALL: Hooks = Hooks {
        stmt: true,
        expr: ExprKinds::ALL,
    };
    /// `on_stmt` only.
    pub const STMT: Hooks = Hooks {
        stmt: true,
        expr: ExprKinds::NONE,
    };
    /// `on_expr` for `kinds` only.
    pub const fn expr(kinds: ExprKinds) -> Hooks {
        Hooks {
            stmt: false,
            expr: kinds,
        }
    }
    /// `on_stmt`, and `on_expr` for `kinds`.
    pub const fn stmt_and_expr(kinds: ExprKinds) -> Hooks {
        Hooks {
            stmt: true,
            expr: kinds,
        }
    }
}

/// A set of expression kinds, as the traversal sorts them: calls, awaits, names, attributes,
/// everything else.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExprKinds(u8);

impl ExprKinds {
    pub const NONE: ExprKinds = ExprKinds(0);
    pub const CALL: ExprKinds = ExprKinds(1);
    pub const AWAIT: ExprKinds = ExprKinds(1 << 1);
    pub const NAME: ExprKinds = ExprKinds(1 << 2);
    pub const ATTRIBUTE: ExprKinds = ExprKinds(1 << 3);
    pub const OTHER: ExprKinds = ExprKinds(1 << 4);
    pub const ALL: ExprKinds = ExprKinds(0b1_1111);
    /// How many kinds there are (the traversal keeps a list of transforms per kind).
    pub const COUNT: usize = 5;

    pub const fn or(self, other: ExprKinds) -> ExprKinds {
        ExprKinds(self.0 | other.0)
    }
    /// Is kind number `index` (see [`ExprKinds::index_of`]) in the set?
    pub const fn has(self, index: usize) -> bool {
        self.0 & (1 << index) != 0
    }
    /// The kind number of `expr`.
    pub fn index_of(expr: &Expr) -> usize {
        match expr {
            Expr::Call(_) => 0,
            Expr::Await(_) => 1,
            Expr::Name(_) => 2,
            Expr::Attribute(_) => 3,
            _ => 4,
        }
    }
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

/// The candidate nearest to `word`, when one is near enough to be what was meant.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|candidate| (strsim::jaro_winkler(word, candidate), candidate))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

/// `Ok` for a known id (or `ALL`); else "unknown transform id `x`{place}; did you mean `y`?".
pub fn check_id(id: &str, place: &str) -> Result<(), String> {
    let id = id.trim();
    if id == "ALL" || find(id).is_some() {
        return Ok(());
    }
    let hint = match did_you_mean(id, all().iter().map(|t| t.info().id)) {
        Some(near) => format!("; did you mean `{near}`?"),
        None => " (see `asyncup list`)".to_string(),
    };
    Err(format!("unknown transform id `{id}`{place}{hint}"))
}

/// One layer of selection: a configuration file's keys, then the command line's flags.
#[derive(Clone, Copy, Debug, Default)]
pub struct Selection<'a> {
    /// Replaces what the layers before selected (and their ignores).
    pub select: Option<&'a [String]>,
    pub extend_select: &'a [String],
    pub ignore: &'a [String],
}

/// The transforms the layers enable, in registry order, and the ids selected by name (not by
/// `ALL`, not by default) that stay enabled. Ids must have been checked ([`check_id`]).
pub fn resolve(layers: &[Selection]) -> (Vec<&'static dyn Transform>, Vec<&'static str>) {
    let mut enabled: Vec<&'static str> = all().iter().map(|t| t.info().id).collect();
    let mut by_name: Vec<&'static str> = Vec::new();
    let matching = |items: &[String]| -> Vec<&'static str> {
        all()
            .iter()
            .map(|t| t.info().id)
            .filter(|id| items.iter().any(|s| s.trim() == "ALL" || s.trim() == *id))
            .collect()
    };
    let named = |items: &[String]| -> Vec<&'static str> {
        all()
            .iter()
            .map(|t| t.info().id)
            .filter(|id| items.iter().any(|s| s.trim() == *id))
            .collect()
    };
    for layer in layers {
        if let Some(select) = layer.select {
            enabled = matching(select);
            by_name = named(select);
        }
        for id in matching(layer.extend_select) {
            if !enabled.contains(&id) {
                enabled.push(id);
            }
        }
        by_name.extend(named(layer.extend_select));
        let ignored = matching(layer.ignore);
        enabled.retain(|id| !ignored.contains(id));
    }
    by_name.retain(|id| enabled.contains(id));
    by_name.sort_unstable();
    by_name.dedup();
    let transforms = all()
        .iter()
        .copied()
        .filter(|t| enabled.contains(&t.info().id))
        .collect();
    (transforms, by_name)
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

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn later_layers_win() {
        use super::{Selection, resolve};
        let file_select = strings(&["wait-for-to-timeout", "blocking-sleep"]);
        let file_ignore = strings(&["blocking-sleep"]);
        let file = Selection {
            select: Some(&file_select),
            ignore: &file_ignore,
            ..Selection::default()
        };
        let ids = |layers: &[Selection]| -> Vec<&str> {
            resolve(layers).0.iter().map(|t| t.info().id).collect()
        };
        assert_eq!(ids(&[file]), ["wait-for-to-timeout"]);
        let extend = strings(&[" gather-to-taskgroup "]);
        let cli = Selection {
            extend_select: &extend,
            ..Selection::default()
        };
        assert_eq!(
            ids(&[file, cli]),
            ["wait-for-to-timeout", "gather-to-taskgroup"]
        );
        assert_eq!(
            resolve(&[file, cli]).1,
            ["gather-to-taskgroup", "wait-for-to-timeout"]
        );
        // A later `select` replaces everything before it.
        let all = strings(&["ALL"]);
        let cli = Selection {
            select: Some(&all),
            ..Selection::default()
        };
        assert_eq!(ids(&[file, cli]).len(), super::all().len());
        assert!(resolve(&[file, cli]).1.is_empty());
    }

    #[test]
    fn suggestions() {
        assert_eq!(
            super::check_id("gather-to-taskgrup", " in --select").unwrap_err(),
            "unknown transform id `gather-to-taskgrup` in --select; did you mean `gather-to-taskgroup`?"
        );
        assert!(super::check_id(" ALL ", "").is_ok());
        assert!(
            super::check_id("zzz", "")
                .unwrap_err()
                .ends_with("(see `asyncup list`)")
        );
    }
}
