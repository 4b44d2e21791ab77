//! `timeout-error-alias`: `asyncio.TimeoutError` → the builtin `TimeoutError` (3.11+).

use ruff_python_ast::name::UnqualifiedName;
use ruff_python_ast::{self as ast, Expr, ExprContext, Stmt};
use ruff_text_size::{Ranged, TextRange};

use crate::checker::Checker;
use crate::edit::{Edit, Finding, Fix};
use crate::registry::{FixSafety, Transform, TransformInfo};
use crate::version::PyVersion;

crate::declare_transform! {
    /// ## What it does
    /// Finds `asyncio.TimeoutError` and `asyncio.exceptions.TimeoutError` (also through
    /// `import asyncio as aio`, `from asyncio import TimeoutError as AsyncTimeout`,
    /// `from asyncio import exceptions`) and spells them as the builtin `TimeoutError`. In an
    /// `except (asyncio.TimeoutError, TimeoutError):` tuple, the duplicate goes away:
    /// `except TimeoutError:`.
    ///
    /// ## Why is this bad?
    /// Since Python 3.11, `asyncio.TimeoutError` is a deprecated alias of the builtin
    /// `TimeoutError`. Spelling it the builtin way makes clear that one handler catches timeouts
    /// from `asyncio.timeout`, `wait_for`, sockets and `concurrent.futures` alike.
    ///
    /// ## Example
    /// ```python
    /// try:
    ///     await asyncio.wait_for(fetch(), 5)
    /// except (asyncio.TimeoutError, TimeoutError):
    ///     ...
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// try:
    ///     await asyncio.wait_for(fetch(), 5)
    /// except TimeoutError:
    ///     ...
    /// ```
    ///
    /// ## Fix safety
    /// Safe: on 3.11 and later the two names are the same object. An import the rewrite leaves
    /// unused (`from asyncio import TimeoutError as AsyncTimeout`) is removed.
    ///
    /// ## When no fix is made
    /// Targets below Python 3.11 and code under `if sys.version_info < (3, 11):` are left alone
    /// (there the names are different classes). A finding without a fix is reported where the
    /// module (or an enclosing function) binds its own `TimeoutError` (a class, an assignment,
    /// an import from elsewhere, a parameter), since the bare name would then mean that. A plain
    /// `from asyncio import TimeoutError` already spells the builtin's name and is left alone.
    /// A duplicate in an `except` tuple that holds comments is left in place (the tuple is not
    /// rebuilt); only the alias is renamed.
    pub struct TimeoutErrorAlias {
        id: "timeout-error-alias",
        summary: "`asyncio.TimeoutError` -> `TimeoutError`",
        min_version: Some(PyVersion::PY311),
        safety: FixSafety::Safe,
    }
}

const MESSAGE: &str =
    "`asyncio.TimeoutError` is an alias of the builtin `TimeoutError` since Python 3.11";

const ALIASES: &[&[&str]] = &[
    &["asyncio", "TimeoutError"],
    &["asyncio", "exceptions", "TimeoutError"],
];

/// `except` tuples rebuilt by a deduplicating fix: their elements are not rewritten one by one.
#[derive(Default)]
struct Rebuilt(Vec<TextRange>);

impl Transform for TimeoutErrorAlias {
    fn info(&self) -> &'static TransformInfo {
        &Self::INFO
    }

    fn hooks(&self) -> crate::registry::Hooks {
        crate::registry::Hooks::stmt_and_expr(crate::registry::ExprKinds::NAME.or(crate::registry::ExprKinds::ATTRIBUTE))
    }

    fn on_stmt<'a>(&self, cx: &mut Checker<'a>, stmt: &'a Stmt) {
        // Every finding is about a name that spells `TimeoutError` (the alias or the builtin).
        let Stmt::Try(stmt_try) = stmt else { return };
        if !cx.mentions("TimeoutError") {
            return;
        }
        for handler in &stmt_try.handlers {
            let ast::ExceptHandler::ExceptHandler(handler) = handler;
            let Some(Expr::Tuple(tuple)) = handler.type_.as_deref() else {
                continue;
            };
            dedup_tuple(cx, tuple);
        }
    }

    fn on_expr<'a>(&self, cx: &mut Checker<'a>, expr: &'a Expr) {
        if !matches!(expr, Expr::Name(_) | Expr::Attribute(_))
            || !cx.mentions("TimeoutError")
            || !is_alias(cx, expr)
        {
            return;
        }
        let ctx = match expr {
            Expr::Name(name) => name.ctx,
            Expr::Attribute(attr) => attr.ctx,
            _ => return,
        };
        if ctx != ExprContext::Load {
            return;
        }
        // Already the builtin's name (`from asyncio import TimeoutError`): nothing to spell.
        if matches!(expr, Expr::Name(name) if name.id.as_str() == "TimeoutError") {
            return;
        }
        if cx
            .state::<Rebuilt>()
            .0
            .iter()
            .any(|r| r.contains_range(expr.range()))
        {
            return;
        }
        if let Err(reason) = builtin_available(cx) {
            cx.report(Finding::new(
                Self::INFO.id,
                expr.range(),
                format!("{MESSAGE}; no fix: {reason}"),
            ));
            return;
        }
        let fix = with_dropped(
            cx,
            Fix::safe(vec![Edit::replacement("TimeoutError", expr.range())]),
            &[expr],
        );
        cx.report(Finding::new(Self::INFO.id, expr.range(), MESSAGE).with_fix(fix));
    }
}

/// `except (asyncio.TimeoutError, TimeoutError, ...)`: one finding whose fix rebuilds the tuple
/// with a single `TimeoutError` where the first spelling stood.
fn dedup_tuple(cx: &mut Checker, tuple: &ast::ExprTuple) {
    let is_timeout =
        |cx: &Checker, e: &Expr| is_alias(cx, e) || cx.builtin(e) == Some("TimeoutError");
    let timeouts: Vec<&Expr> = tuple.iter().filter(|e| is_timeout(cx, e)).collect();
    let aliases: Vec<&Expr> = timeouts
        .iter()
        .copied()
        .filter(|e| {
            is_alias(cx, e) && !matches!(e, Expr::Name(n) if n.id.as_str() == "TimeoutError")
        })
        .collect();
    if timeouts.len() < 2 || aliases.is_empty() || builtin_available(cx).is_err() {
        return;
    }
    if !cx.comments_in(tuple.range()).is_empty() || tuple.iter().any(Expr::is_starred_expr) {
        return;
    }
    let mut kept: Vec<&str> = Vec::new();
    let mut placed = false;
    for element in tuple {
        if is_timeout(cx, element) {
            if !placed {
                kept.push("TimeoutError");
                placed = true;
            }
        } else {
            kept.push(cx.slice(element));
        }
    }
    // `except (A, B):` with one name left needs no parentheses (and `except A, B:` of 3.14
    // gains them, which is still valid).
    let text = if kept.len() == 1 {
        kept[0].to_string()
    } else {
        format!("({})", kept.join(", "))
    };
    let fix = with_dropped(
        cx,
        Fix::safe(vec![Edit::replacement(text, tuple.range())]),
        &aliases,
    );
    cx.state::<Rebuilt>().0.push(tuple.range());
    cx.report(
        Finding::new(
            TimeoutErrorAlias::INFO.id,
            aliases[0].range(),
            format!("{MESSAGE}; the handler names it twice"),
        )
        .with_fix(fix),
    );
}

fn is_alias(cx: &Checker, expr: &Expr) -> bool {
    cx.imports().matches_any(expr, ALIASES).is_some()
}

/// Does the bare name `TimeoutError` mean the builtin (or asyncio's alias of it) here?
fn builtin_available(cx: &Checker) -> Result<(), String> {
    let imports = cx.imports();
    let reason = "this module binds its own `TimeoutError`".to_string();
    if let Some(binding) = imports.binding("TimeoutError") {
        let qualified: Vec<&str> = binding.qualified.iter().map(String::as_str).collect();
        return if ALIASES.contains(&qualified.as_slice()) {
            Ok(())
        } else {
            Err(reason)
        };
    }
    if let Some(module) = imports.unknown_star() {
        return Err(format!("`from {module} import *` may bind `TimeoutError`"));
    }
    if imports.shadowed_locally("TimeoutError")
        || cx.bound_in_inner_scope("TimeoutError")
        || cx.facts().module_bindings.contains("TimeoutError")
        || imports.module_scope().rebound.contains("TimeoutError")
    {
        return Err(reason);
    }
    Ok(())
}

/// Record the root names whose uses the fix removed, for the engine to drop unused imports.
fn with_dropped(_cx: &Checker, mut fix: Fix, removed: &[&Expr]) -> Fix {
    for expr in removed {
        if let Some(root) = UnqualifiedName::from_expr(expr)
            .and_then(|name| name.segments().first().map(|s| s.to_string()))
            && root != "TimeoutError"
        {
            fix = fix.dropping(root);
        }
    }
    fix
}
