//! `unused-suppression`: a `# asyncup: ignore[...]` directive that suppresses nothing. The
//! engine (`src/suppress.rs`) reports it after every transform has run; this file gives it an
//! id, documentation and a place in `--select` / `--ignore`.

use crate::registry::{FixSafety, Transform, TransformInfo};

crate::declare_transform! {
    /// ## What it does
    /// Reports a suppression comment (`# asyncup: ignore`, `# asyncup: ignore[id, ...]`,
    /// `# asyncup: ignore-file[id, ...]`) that suppresses nothing in this run, or names an id
    /// that is not a transform, like ruff's `RUF100` for `# noqa`.
    ///
    /// ## Why is this bad?
    /// A stale suppression hides the next real finding on its line, and a misspelt id
    /// suppresses nothing at all while looking as if it did.
    ///
    /// ## Example
    /// ```python
    /// await asyncio.sleep(1)  # asyncup: ignore[blocking-sleep]
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// await asyncio.sleep(1)
    /// ```
    ///
    /// ## How to suppress a finding
    /// - `# asyncup: ignore[id, id]` at the end of the finding's first line, or of the last
    ///   line of the statement that holds it, suppresses those ids there; `# asyncup: ignore`
    ///   suppresses every id on that line. The directive may follow another comment
    ///   (`# noqa: E501  # asyncup: ignore[blocking-sleep]`).
    /// - `# asyncup: skip-file` in the file's leading comment block skips the whole file;
    ///   `# asyncup: ignore-file[id, ...]` there suppresses those ids in the whole file.
    /// - `asyncup check --add-ignore [PATH...]` writes `# asyncup: ignore[id]` for every
    ///   finding left (a baseline), merging into a directive already on the line.
    /// Suppressed findings are neither reported nor fixed.
    ///
    /// ## Fix safety
    /// Safe: the fix removes the unused ids (or the whole directive, or the comment line it
    /// is alone on); comments are not code (a program that reads its own source, with
    /// `inspect.getsource` or in a traceback, sees the comment gone). An id is only called unused when its transform
    /// ran on the file (selected, and the target version allows it); an unknown id always is.
    pub struct UnusedSuppression {
        id: "unused-suppression",
        summary: "`# asyncup: ignore[...]` that suppresses nothing -> removed",
        min_version: None,
        safety: FixSafety::Safe,
    }
}

impl Transform for UnusedSuppression {
    fn info(&self) -> &'static TransformInfo {
        &Self::INFO
    }

    fn hooks(&self) -> crate::registry::Hooks {
        crate::registry::Hooks::expr(crate::registry::ExprKinds::NONE)
    }
}
