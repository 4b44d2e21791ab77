//! `dangling-task`: a task whose result is discarded → kept in a module-level set.

use ruff_python_ast::{Expr, Stmt};
use ruff_source_file::LineRanges;
use ruff_text_size::Ranged;

use crate::checker::Checker;
use crate::edit::{Edit, Finding, Fix};
use crate::registry::{FixSafety, Transform, TransformInfo};
use crate::rewrite;

crate::declare_transform! {
    /// ## What it does
    /// Finds `asyncio.create_task(...)`, `loop.create_task(...)` and `asyncio.ensure_future(...)`
    /// used as a bare statement, whose task is thrown away, and keeps the task in a module-level
    /// set until it is done: the pattern the asyncio documentation gives.
    ///
    /// ## Why is this bad?
    /// The event loop keeps only weak references to tasks. A task nobody references can be
    /// garbage-collected before it finishes ("Task was destroyed but it is pending!"), and its
    /// exception is never seen. Prefer structured concurrency: an `asyncio.TaskGroup` (3.11+)
    /// owns its tasks and waits for them.
    ///
    /// ## Example
    /// ```python
    /// async def handle(event):
    ///     asyncio.create_task(notify(event))
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// background_tasks: set = set()
    ///
    /// async def handle(event):
    ///     task = asyncio.create_task(notify(event))
    ///     background_tasks.add(task)
    ///     task.add_done_callback(background_tasks.discard)
    /// ```
    ///
    /// ## Shapes
    /// The set is defined once per module as `background_tasks: set = set()`
    /// (`background_tasks_1`, ... when the name is taken; annotated because mypy needs a type
    /// for an empty set), before any top-level code can run a function that creates a task:
    /// right after the module docstring and the leading block of imports (`from __future__`
    /// imports, and `try`/`if` blocks that only import, count as imports), before the first
    /// other top-level statement; never after a later import, which may follow code that
    /// already runs the function (`asyncio.run(main())` between two imports). A blank line
    /// separates it from the imports, two from a `def`/`class` that follows directly. A
    /// module-level `background_tasks = set()` (annotated or not) that already exists is
    /// reused. The task gets a
    /// fresh local name (`task`, `task_1`, ...). `loop.create_task(...)` counts when the receiver
    /// is `asyncio.get_event_loop()` / `get_running_loop()` / `new_event_loop()` or a name or
    /// attribute with `loop` in it (a `TaskGroup`'s `tg.create_task` keeps its tasks and is not a
    /// finding).
    ///
    /// ## Fix safety
    /// Unsafe: the task now lives until it is done, so a task that used to be collected early
    /// now runs to completion, and the set holds tasks still pending when the loop stops.
    ///
    /// ## When no fix is made
    /// - The statement shares its line with other code (`if x: asyncio.create_task(f())`,
    ///   `a = 1; asyncio.create_task(f())`).
    /// - A module-level statement that runs before the place where the set is defined (it
    ///   would not exist yet).
    pub struct DanglingTask {
        id: "dangling-task",
        summary: "a task whose result is discarded -> kept in a module-level set",
        min_version: None,
        safety: FixSafety::Unsafe,
    }
}

const MESSAGE: &str = "The task is not referenced: it may be garbage-collected before it finishes; keep a reference or use `asyncio.TaskGroup`";
const NOTE: &str = "the task is now kept alive until it is done (it can no longer be garbage-collected mid-flight); consider `asyncio.TaskGroup` to own and await it";
const SET_NAME: &str = "background_tasks";

impl Transform for DanglingTask {
    fn info(&self) -> &'static TransformInfo {
        &Self::INFO
    }

    fn on_stmt<'a>(&self, cx: &mut Checker<'a>, stmt: &'a Stmt) {
        let Stmt::Expr(expr_stmt) = stmt else { return };
        let Expr::Call(call) = &*expr_stmt.value else {
            return;
        };
        if !creates_task(cx, &call.func) {
            return;
        }
        let refuse = |cx: &mut Checker<'a>, reason: &str| {
            cx.report(Finding::new(
                Self::INFO.id,
                call.range(),
                format!("{MESSAGE}; no fix: {reason}"),
            ));
        };
        if let Err(reason) = rewrite::check_hoistable(cx, stmt) {
            return refuse(cx, &reason);
        }
        let (set_name, set_edit) = background_set(cx);
        if let Some(edit) = &set_edit
            && cx.current_function().is_none()
            && stmt.start() < edit.start()
        {
            return refuse(
                cx,
                "the statement runs before the place where the task set would be defined",
            );
        }
        let task = cx.fresh_name("task", std::slice::from_ref(&set_name));
        let indent = rewrite::indentation(cx, stmt);
        let nl = cx.line_ending();
        let source = cx.source();
        let mut edits = vec![
            Edit::insertion(format!("{task} = "), stmt.start()),
            Edit::insertion(
                format!(
                    "{nl}{indent}{set_name}.add({task}){nl}{indent}{task}.add_done_callback({set_name}.discard)"
                ),
                source.line_end(stmt.end()),
            ),
        ];
        edits.extend(set_edit);
        let fix = Fix::unsafe_(edits).with_note(NOTE);
        cx.report(Finding::new(Self::INFO.id, call.range(), MESSAGE).with_fix(fix));
    }
}

/// Is `func` `asyncio.create_task`, `asyncio.ensure_future` or an event loop's `create_task`?
fn creates_task(cx: &Checker, func: &Expr) -> bool {
    if cx
        .imports()
        .matches_any(
            func,
            &[&["asyncio", "create_task"], &["asyncio", "ensure_future"]],
        )
        .is_some()
    {
        return true;
    }
    let Expr::Attribute(attr) = func else {
        return false;
    };
    if attr.attr.as_str() != "create_task" {
        return false;
    }
    match &*attr.value {
        Expr::Call(getter) => cx
            .imports()
            .matches_any(
                &getter.func,
                &[
                    &["asyncio", "get_event_loop"],
                    &["asyncio", "get_running_loop"],
                    &["asyncio", "new_event_loop"],
                ],
            )
            .is_some(),
        Expr::Name(name) => name.id.to_ascii_lowercase().contains("loop"),
        Expr::Attribute(owner) => owner.attr.to_ascii_lowercase().contains("loop"),
        _ => false,
    }
}

/// The module-level task set: an existing `background_tasks = set()` (reused), else a fresh
/// name with the edit that defines it. Every fix of a pass computes the same name and the same
/// edit, which the engine applies once.
fn background_set(cx: &Checker) -> (String, Option<Edit>) {
    let is_empty_set = |value: &Expr| {
        matches!(value, Expr::Call(c) if c.arguments.is_empty()
            && matches!(&*c.func, Expr::Name(f) if f.id.as_str() == "set"))
    };
    for i in 0.. {
        let candidate = if i == 0 {
            SET_NAME.to_string()
        } else {
            format!("{SET_NAME}_{i}")
        };
        let named = |target: &Expr| matches!(target, Expr::Name(n) if n.id.as_str() == candidate);
        let defined = cx.suite().iter().any(|stmt| match stmt {
            Stmt::Assign(assign) => {
                matches!(&assign.targets[..], [target] if named(target)) && is_empty_set(&assign.value)
            }
            Stmt::AnnAssign(assign) => {
                named(&assign.target) && assign.value.as_deref().is_some_and(is_empty_set)
            }
            _ => false,
        });
        if defined {
            return (candidate, None);
        }
        if !cx.name_in_file(&candidate) {
            return (candidate.clone(), Some(define_set(cx, &candidate)));
        }
    }
    unreachable!("infinite candidates")
}

/// `name: set = set()` placed before any top-level code can run: after the module docstring
/// and the leading block of imports (`from __future__` included, and `try`/`if` blocks that
/// only import), before the first other top-level statement; never after a later import.
/// Spelled for linters: annotated (mypy needs a type for an empty set), a blank line after the
/// imports, two before a `def`/`class` that follows directly.
fn define_set(cx: &Checker, name: &str) -> Edit {
    let source = cx.source();
    let suite = cx.suite();
    let mut leading = 0;
    if suite
        .first()
        .is_some_and(|s| matches!(s, Stmt::Expr(e) if e.value.is_string_literal_expr()))
    {
        leading = 1;
    }
    while suite.get(leading).is_some_and(only_imports) {
        leading += 1;
    }
    let next_is_definition = suite
        .get(leading)
        .is_some_and(|s| matches!(s, Stmt::FunctionDef(_) | Stmt::ClassDef(_)));
    match leading.checked_sub(1).map(|i| &suite[i]) {
        Some(anchor) => {
            let nl = cx.line_ending_at(anchor.end());
            let after = if next_is_definition && !has_blank_lines_after(source, anchor) {
                format!("{nl}{nl}")
            } else {
                String::new()
            };
            Edit::insertion(
                format!("{nl}{nl}{name}: set = set(){after}"),
                source.line_end(anchor.end()),
            )
        }
        None => {
            let at = suite
                .first()
                .map_or(source.text_len_as_size(), |s| source.line_start(s.start()));
            let nl = cx.line_ending_at(at);
            let gap = if next_is_definition {
                format!("{nl}{nl}{nl}")
            } else {
                format!("{nl}{nl}")
            };
            Edit::insertion(format!("{name}: set = set(){gap}"), at)
        }
    }
}

/// An import, or a `try`/`if` whose every body holds only imports (and `pass`).
fn only_imports(stmt: &Stmt) -> bool {
    match stmt {
        Stmt::Import(_) | Stmt::ImportFrom(_) => true,
        Stmt::Try(_) | Stmt::If(_) => crate::analysis::bodies_of(stmt).iter().all(|body| {
            body.iter()
                .all(|s| matches!(s, Stmt::Pass(_)) || only_imports(s))
        }),
        _ => false,
    }
}

/// Is the line after `stmt` blank?
fn has_blank_lines_after(source: &str, stmt: &Stmt) -> bool {
    let rest = &source[usize::from(source.line_end(stmt.end()))..];
    let mut lines = rest.lines();
    lines.next();
    lines.next().is_some_and(|l| l.trim().is_empty())
}

trait TextLen {
    fn text_len_as_size(&self) -> ruff_text_size::TextSize;
}
impl TextLen for str {
    fn text_len_as_size(&self) -> ruff_text_size::TextSize {
        ruff_text_size::TextSize::of(self)
    }
}
