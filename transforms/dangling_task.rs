//! `dangling-task`: a task whose result is discarded → kept in a module-level set.

use ruff_python_ast::{Expr, Stmt};
use ruff_source_file::LineRanges;
use ruff_text_size::{Ranged, TextRange};

use crate::checker::Checker;
use crate::edit::{Edit, Finding, Fix};
use crate::registry::{FixSafety, Transform, TransformInfo};
use crate::version::PyVersion;
use crate::{importer, project, rewrite};

crate::declare_transform! {
    /// ## What it does
    /// Finds `asyncio.create_task(...)`, `loop.create_task(...)` and `asyncio.ensure_future(...)`
    /// used as a bare statement, whose task is thrown away, and keeps the task in a module-level
    /// set until it is done: the pattern the asyncio documentation gives.
    ///
    /// Also found: a call of a fire-and-forget wrapper of the project used as a bare statement, a
    /// plain undecorated `def` (of this module, or of another file of the run imported by name)
    /// that returns a task it created and keeps no other reference to it (`return
    /// asyncio.create_task(c)`, or `t = asyncio.ensure_future(c)` ... `return t`, every `return`
    /// of it so, the last statement a `return`); a conditional expression as a statement whose
    /// branches both create a task (the same fix, for the whole expression); and tasks created
    /// inside a list, tuple or set display or comprehension that the statement throws away, in
    /// one branch of a conditional expression whose other branch is not a task, or in a
    /// generator expression that is never consumed (no task is ever created there): findings
    /// without a fix.
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
    /// background_tasks: set[asyncio.Task[object]] = set()
    ///
    /// async def handle(event):
    ///     task = asyncio.create_task(notify(event))
    ///     background_tasks.add(task)
    ///     task.add_done_callback(background_tasks.discard)
    /// ```
    ///
    /// ## Shapes
    /// The set is defined once per module as `background_tasks: set[asyncio.Task[object]] =
    /// set()` (`background_tasks_1`, ... when the name is taken). The annotation is for mypy
    /// (an empty set needs one, and `--strict` wants its type argument): `object` because
    /// `Task` is covariant, so a task of any result fits, and no `typing` import is needed.
    /// Below Python 3.9 `set[...]` cannot be evaluated at run time, so the annotation is a
    /// string there, unless the module has `from __future__ import annotations`. `asyncio.Task`
    /// is spelled with the file's binding (`Task` is added to a `from asyncio import ...`);
    /// where `asyncio` is taken, the annotation is a plain `set`.
    ///
    /// It goes where a person would put it: after the module docstring, `from __future__` and
    /// the last import block (a `try`/`if` holding an import counts) that comes before the
    /// first top-level `def`/`class` (or statement holding one): no top-level code can run a
    /// function of the module before that, so no import after it can come too late. Code
    /// between import groups (`log = logging.getLogger()`) stays above it. A blank line
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
    /// - The task is created inside a display or comprehension the statement throws away (the fix
    ///   keeps one task per statement), in a generator expression that is never consumed, or in
    ///   one branch of a conditional expression whose other branch is not a task (the value may
    ///   be `None`: `add_done_callback` would fail).
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

    fn hooks(&self) -> crate::registry::Hooks {
        crate::registry::Hooks::STMT
    }

    fn on_stmt<'a>(&self, cx: &mut Checker<'a>, stmt: &'a Stmt) {
        let Stmt::Expr(expr_stmt) = stmt else { return };
        let value = &*expr_stmt.value;
        match value {
            Expr::Call(call) => {
                let Some(kind) = task_call(cx, value) else {
                    return;
                };
                let message = match kind {
                    Creator::Direct => MESSAGE.to_string(),
                    Creator::Wrapper(origin) => {
                        format!("{MESSAGE} ({origin} returns the task it creates)")
                    }
                };
                report_with_fix(cx, stmt, call.range(), message);
            }
            Expr::If(cond) => {
                let body = task_call(cx, &cond.body).is_some();
                let orelse = task_call(cx, &cond.orelse).is_some();
                if body && orelse {
                    report_with_fix(cx, stmt, value.range(), MESSAGE.to_string());
                } else if body || orelse {
                    let call = if body { &*cond.body } else { &*cond.orelse };
                    cx.report(Finding::new(
                        Self::INFO.id,
                        call.range(),
                        format!(
                            "{MESSAGE}; no fix: the other branch of the conditional expression \
                             is not a task (the statement's value may not be one to keep)"
                        ),
                    ));
                }
            }
            Expr::Generator(generator) => {
                let mut calls = Vec::new();
                discarded_calls(cx, &generator.elt, &mut calls);
                for call in calls {
                    cx.report(Finding::new(
                        Self::INFO.id,
                        call.range(),
                        "The generator expression is never consumed: this call never runs and no \
                         task is created (nor its coroutine); no fix: iterate it, or create the \
                         tasks in a list or an `asyncio.TaskGroup`",
                    ));
                }
            }
            Expr::List(_) | Expr::Tuple(_) | Expr::Set(_) | Expr::ListComp(_) | Expr::SetComp(_) => {
                let what = match value {
                    Expr::List(_) => "list display",
                    Expr::Tuple(_) => "tuple display",
                    Expr::Set(_) => "set display",
                    Expr::ListComp(_) => "list comprehension",
                    _ => "set comprehension",
                };
                let mut calls = Vec::new();
                discarded_calls(cx, value, &mut calls);
                for call in calls {
                    cx.report(Finding::new(
                        Self::INFO.id,
                        call.range(),
                        format!(
                            "{MESSAGE}; no fix: the task is created inside a {what} that the \
                             statement throws away (the fix keeps one task per statement)"
                        ),
                    ));
                }
            }
            _ => {}
        }
    }
}

/// What creates the task of a call.
enum Creator {
    /// `asyncio.create_task`, `ensure_future`, a loop's `create_task`.
    Direct,
    /// A plain `def` of the project (this module or another file of the run) that returns a
    /// task it created: how to name it in the message.
    Wrapper(String),
}

/// Does `expr` call something that creates a task and returns it?
fn task_call(cx: &Checker, expr: &Expr) -> Option<Creator> {
    let Expr::Call(call) = expr else { return None };
    if project::creates_task(cx.imports(), &call.func) {
        return Some(Creator::Direct);
    }
    // Only a wrapper matters here: when no file of the project can define one, no other module
    // needs to be parsed to know the answer is no. A callee that another module defines is
    // never also a function of this one (an imported name has a binding, which the local
    // lookup below rules out; a relative import plus a `def` is a rebound name), so the
    // local lookup can follow whatever the import names when it is not a wrapper.
    if cx.may_have_task_wrappers()
        && let Some(def) = cx.imported_task_wrapper(&call.func)
        && def.kind == project::DefKind::Sync
    {
        return Some(Creator::Wrapper(format!("`{}` of `{}`", def.name, def.path)));
    }
    let Expr::Name(name) = &*call.func else {
        return None;
    };
    if cx.imports().shadowed_locally(&name.id)
        || cx.bound_in_inner_scope(&name.id)
        || cx.module_name_rebound(&name.id)
    {
        return None;
    }
    let Some(Stmt::FunctionDef(func)) = cx.local_definition(&call.func) else {
        return None;
    };
    if !project::may_return_created_task(func) {
        return None;
    }
    let mut imports = crate::imports::Imports::new(cx.suite());
    project::returns_created_task(&mut imports, func)
        .then(|| Creator::Wrapper(format!("`{}`", func.name)))
}

/// The task-creating calls whose value `expr` throws away when `expr` itself is discarded: the
/// elements of displays, the element of comprehensions, both branches of a conditional
/// expression (not its test, not a comprehension's iterable), nested.
fn discarded_calls<'a>(cx: &Checker, expr: &'a Expr, out: &mut Vec<&'a Expr>) {
    match expr {
        Expr::Call(_) if task_call(cx, expr).is_some() => out.push(expr),
        Expr::List(list) => list.elts.iter().for_each(|e| discarded_calls(cx, e, out)),
        Expr::Tuple(tuple) => tuple.elts.iter().for_each(|e| discarded_calls(cx, e, out)),
        Expr::Set(set) => set.elts.iter().for_each(|e| discarded_calls(cx, e, out)),
        Expr::ListComp(comp) => discarded_calls(cx, &comp.elt, out),
        Expr::SetComp(comp) => discarded_calls(cx, &comp.elt, out),
        Expr::Generator(comp) => discarded_calls(cx, &comp.elt, out),
        Expr::If(cond) => {
            discarded_calls(cx, &cond.body, out);
            discarded_calls(cx, &cond.orelse, out);
        }
        _ => {}
    }
}

/// The finding for a statement whose value is a task, with the fix that keeps it: `task = ...`,
/// then `background_tasks.add(task)` and `task.add_done_callback(background_tasks.discard)`.
fn report_with_fix<'a>(cx: &mut Checker<'a>, stmt: &'a Stmt, range: TextRange, message: String) {
    let id = DanglingTask::INFO.id;
    let refuse = |cx: &mut Checker<'a>, reason: &str| {
        cx.report(Finding::new(id, range, format!("{message}; no fix: {reason}")));
    };
    if let Err(reason) = rewrite::check_hoistable(cx, stmt) {
        return refuse(cx, &reason);
    }
    let (set_name, set_edit) = background_set(cx);
    let set_edit: Vec<Edit> = set_edit.into_iter().flatten().collect();
    if let Some(edit) = set_edit.first()
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
    cx.report(Finding::new(id, range, message).with_fix(fix));
}

/// The module-level task set: an existing `background_tasks = set()` (reused), else a fresh
/// name with the edit that defines it. Every fix of a pass computes the same name and the same
/// edit, which the engine applies once.
fn background_set(cx: &Checker) -> (String, Option<Vec<Edit>>) {
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

/// `name: set[asyncio.Task[object]] = set()` placed before any top-level code can run a
/// function of the module: after the module docstring and the last import block before the
/// first `def`/`class`. Spelled for linters: annotated (mypy needs a type for an empty set), a
/// blank line after the imports, two before a `def`/`class` that follows directly. The
/// declaration's insertion comes first in the returned edits.
fn define_set(cx: &Checker, name: &str) -> Vec<Edit> {
    let source = cx.source();
    let suite = cx.suite();
    // No top-level code can call a function of this module before its `def` runs.
    let header = suite
        .iter()
        .position(holds_definition)
        .unwrap_or(suite.len());
    let docstring = suite
        .first()
        .is_some_and(|s| matches!(s, Stmt::Expr(e) if e.value.is_string_literal_expr()));
    let leading = suite[..header]
        .iter()
        .rposition(holds_import)
        .map_or(usize::from(docstring), |last| last + 1);
    let (annotation, import) = annotation(cx);
    let declaration = format!("{name}: {annotation} = set()");
    let mut edits: Vec<Edit> = import.into_iter().collect();
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
            edits.push(Edit::insertion(
                format!("{nl}{nl}{declaration}{after}"),
                source.line_end(anchor.end()),
            ));
        }
        None => {
            let at = suite
                .first()
                .map_or(source.text_len_as_size(), |s| source.line_start(s.start()));
            let nl = cx.line_ending_at(at);
            // A new `import asyncio` (for the annotation) goes at the same offset, first.
            let lead = if edits.is_empty() { "" } else { nl };
            let gap = if next_is_definition {
                format!("{nl}{nl}{nl}")
            } else {
                format!("{nl}{nl}")
            };
            edits.push(Edit::insertion(format!("{lead}{declaration}{gap}"), at));
        }
    }
    // The declaration first: the caller checks it comes before a module-level statement.
    edits.sort_by_key(|e| std::cmp::Reverse(e.start()));
    edits
}

/// The set's annotation, and the import edit it needs (`Task` added to `from asyncio import`).
fn annotation(cx: &Checker) -> (String, Option<Edit>) {
    let Ok(task) = importer::spell(cx, "asyncio", "Task") else {
        return ("set".into(), None);
    };
    let text = format!("set[{}[object]]", task.name);
    let postponed = cx.suite().iter().any(|s| match s {
        Stmt::ImportFrom(import) => {
            import.module.as_ref().is_some_and(|m| m.as_str() == "__future__")
                && import.names.iter().any(|a| a.name.as_str() == "annotations")
        }
        _ => false,
    });
    if cx.target() >= PyVersion::PY39 || postponed {
        (text, task.edit)
    } else {
        (format!("\"{text}\""), task.edit)
    }
}

/// Does the statement define a function or class (itself, or inside an `if` / `try` / ...)?
fn holds_definition(stmt: &Stmt) -> bool {
    matches!(stmt, Stmt::FunctionDef(_) | Stmt::ClassDef(_))
        || crate::analysis::bodies_of(stmt)
            .iter()
            .any(|body| body.iter().any(holds_definition))
}

/// Is the statement an import, or a block holding one (`try: import x` / `if TYPE_CHECKING:`)?
fn holds_import(stmt: &Stmt) -> bool {
    matches!(stmt, Stmt::Import(_) | Stmt::ImportFrom(_))
        || crate::analysis::bodies_of(stmt)
            .iter()
            .any(|body| body.iter().any(holds_import))
}

/// An import, or a `try`/`if` whose every body holds only imports (and `pass`).
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
