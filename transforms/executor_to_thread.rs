//! `executor-to-thread`: `await loop.run_in_executor(None, f, *args)` →
//! `await asyncio.to_thread(f, *args)`.

use ruff_python_ast::name::UnqualifiedName;
use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::{Ranged, TextRange};

use crate::checker::Checker;
use crate::edit::{Edit, Finding, Fix};
use crate::registry::{FixSafety, Transform, TransformInfo};
use crate::version::PyVersion;
use crate::{importer, rewrite};

crate::declare_transform! {
    /// ## What it does
    /// Finds `await <loop>.run_in_executor(None, f, *args)` in `async def` (the default
    /// executor) and replaces it with `await asyncio.to_thread(f, *args)`. A
    /// `functools.partial(f, *a, **kw)` passed as the function is unpacked:
    /// `await asyncio.to_thread(f, *a, *args, **kw)`.
    ///
    /// ## Why is this bad?
    /// `asyncio.to_thread` (Python 3.9+) says what the code means: run this blocking call in a
    /// worker thread. It needs no loop object, takes keyword arguments without `partial`, and is
    /// the API the asyncio documentation recommends.
    ///
    /// ## Example
    /// ```python
    /// loop = asyncio.get_running_loop()
    /// data = await loop.run_in_executor(None, functools.partial(read, path, mode="rb"))
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// loop = asyncio.get_running_loop()
    /// data = await asyncio.to_thread(read, path, mode="rb")
    /// ```
    ///
    /// ## Fix safety
    /// Safe when the call is awaited where it stands: both run the function in the loop's
    /// default executor and return its result or raise its exception. Known difference:
    /// `to_thread` copies the caller's context variables into the worker, `run_in_executor` ran
    /// the function in the worker's own (empty) context. The fix is therefore unsafe in a module
    /// that imports `contextvars` (a function it runs may read one); elsewhere it is safe, with
    /// a note (a context variable defined in another module and read by the function is not
    /// detected: review the note).
    ///
    /// ## When no fix is made
    /// Targets below Python 3.9 are left alone (`to_thread` is new in 3.9). A finding without a
    /// fix is reported in `async def` when the call is not awaited at once (stored in a
    /// variable, passed to `gather`): `run_in_executor` submits the function immediately, while
    /// `to_thread` only starts when awaited. Also when the executor is not `None` (a custom
    /// executor: `to_thread` always uses the default one), when the arguments are not
    /// `(None, f, *args)`, when the loop expression calls something other than
    /// `asyncio.get_running_loop()` / `get_event_loop()` (the call would be dropped), when a
    /// `partial` has no function, or when its keyword values and the extra arguments both call
    /// something (their order of evaluation would change), when comments sit in the text the
    /// fix replaces, and when the name `asyncio` is taken for something else.
    pub struct ExecutorToThread {
        id: "executor-to-thread",
        summary: "`await loop.run_in_executor(None, f, *args)` -> `await asyncio.to_thread(f, *args)`",
        min_version: Some(PyVersion::PY39),
        safety: FixSafety::Sometimes,
    }
}

const MESSAGE: &str = "Use `asyncio.to_thread()` instead of `run_in_executor(None, ...)`";
const CONTEXT_NOTE: &str = "`to_thread` copies the caller's context variables into the worker thread; `run_in_executor` did not";

impl Transform for ExecutorToThread {
    fn info(&self) -> &'static TransformInfo {
        &Self::INFO
    }

    fn on_expr<'a>(&self, cx: &mut Checker<'a>, expr: &'a Expr) {
        let Expr::Call(call) = expr else { return };
        let Expr::Attribute(attr) = &*call.func else {
            return;
        };
        if attr.attr.as_str() != "run_in_executor" || !cx.in_async() {
            return;
        }
        match build(cx, call, &attr.value) {
            Ok(fix) => cx.report(Finding::new(Self::INFO.id, call.range(), MESSAGE).with_fix(fix)),
            Err(reason) => cx.report(Finding::new(
                Self::INFO.id,
                call.range(),
                format!("{MESSAGE}; no fix: {reason}"),
            )),
        }
    }
}

fn build(cx: &Checker, call: &ast::ExprCall, receiver: &Expr) -> Result<Fix, String> {
    let arguments = &call.arguments;
    if !arguments.keywords.is_empty() || arguments.args.len() < 2 {
        return Err("the arguments are not `(None, f, *args)`".into());
    }
    if !arguments.args[0].is_none_literal_expr() {
        return Err(
            "a custom executor is used (`to_thread` always runs in the default executor)".into(),
        );
    }
    if arguments.args[1].is_starred_expr() {
        return Err("the arguments are not `(None, f, *args)`".into());
    }
    let awaited = matches!(
        cx.expression_parents().last(),
        Some(Expr::Await(await_expr)) if await_expr.value.range() == call.range()
    );
    if !awaited {
        return Err(
            "the call is not awaited at once: `run_in_executor` starts the work \
                    immediately, `to_thread` only when awaited"
                .into(),
        );
    }
    if !receiver_is_plain(cx, receiver) {
        return Err("the loop expression calls something, which would no longer run".into());
    }
    let spelled = importer::spell(cx, "asyncio", "to_thread")?;
    let func = &arguments.args[1];
    let extra = &arguments.args[2..];
    let mut dropped: Vec<String> = root_name(&call.func).into_iter().collect();
    let mut edits = Vec::new();
    match as_partial(cx, func) {
        Some(partial) => {
            let pargs = &partial.arguments;
            let Some((target, positional)) = pargs.args.split_first() else {
                return Err("the `partial` has no positional function".into());
            };
            if target.is_starred_expr() {
                return Err("the `partial` has no positional function".into());
            }
            if !cx.comments_in(call.range()).is_empty() {
                return Err("the call holds comments (its arguments are rebuilt)".into());
            }
            let keyword_calls = pargs
                .keywords
                .iter()
                .any(|k| rewrite::contains_call_outside(&k.value, &[]));
            let extra_calls = extra.iter().any(|e| rewrite::contains_call_outside(e, &[]));
            if keyword_calls && extra_calls {
                return Err(
                    "the `partial`'s keyword values and the extra arguments both call \
                            something; their order of evaluation would change"
                        .into(),
                );
            }
            let mut parts: Vec<&str> = vec![cx.slice(target)];
            parts.extend(positional.iter().map(|a| cx.slice(a)));
            parts.extend(extra.iter().map(|a| cx.slice(a)));
            parts.extend(pargs.keywords.iter().map(|k| cx.slice(k)));
            let text = format!("{}({})", spelled.name, parts.join(", "));
            edits.push(Edit::replacement(text, call.range()));
            dropped.extend(root_name(&partial.func));
        }
        None => {
            // `loop.run_in_executor(None, ` → `asyncio.to_thread(`; the rest stays as written.
            if !cx
                .comments_in(TextRange::new(call.start(), func.start()))
                .is_empty()
            {
                return Err("comments sit before the function argument".into());
            }
            edits.push(Edit::replacement(
                format!("{}(", spelled.name),
                TextRange::new(call.start(), func.start()),
            ));
        }
    }
    edits.extend(spelled.edit);
    let uses_contextvars = cx.imports().module_alias("contextvars").is_some()
        || cx
            .imports()
            .module_scope()
            .imports
            .values()
            .any(|b| b.qualified.first().is_some_and(|m| m == "contextvars"));
    let mut fix = if uses_contextvars {
        Fix::unsafe_(edits).with_note(format!(
            "{CONTEXT_NOTE}: this module uses context variables"
        ))
    } else {
        Fix::safe(edits).with_note(CONTEXT_NOTE)
    };
    for name in dropped {
        fix = fix.dropping(name);
    }
    Ok(fix)
}

/// `functools.partial(...)` (through imports), else `None`.
fn as_partial<'a>(cx: &Checker, func: &'a Expr) -> Option<&'a ast::ExprCall> {
    match func {
        Expr::Call(call) if cx.imports().matches(&call.func, &["functools", "partial"]) => {
            Some(call)
        }
        _ => None,
    }
}

/// A receiver whose evaluation can be dropped: names and attributes, and calls of
/// `asyncio.get_running_loop()` / `asyncio.get_event_loop()` with no arguments.
fn receiver_is_plain(cx: &Checker, receiver: &Expr) -> bool {
    match receiver {
        Expr::Name(_) => true,
        Expr::Attribute(attr) => receiver_is_plain(cx, &attr.value),
        Expr::Call(call) => {
            call.arguments.is_empty()
                && cx
                    .imports()
                    .matches_any(
                        &call.func,
                        &[
                            &["asyncio", "get_running_loop"],
                            &["asyncio", "get_event_loop"],
                            &["asyncio", "events", "get_running_loop"],
                            &["asyncio", "events", "get_event_loop"],
                        ],
                    )
                    .is_some()
        }
        _ => false,
    }
}

fn root_name(expr: &Expr) -> Option<String> {
    let name = UnqualifiedName::from_expr(expr)?;
    name.segments().first().map(|s| s.to_string())
}
