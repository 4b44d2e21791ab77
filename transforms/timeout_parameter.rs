//! `timeout-parameter`: an `async def` that takes a `timeout` parameter (flake8-async ASYNC109).

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::Ranged;

use crate::checker::Checker;
use crate::edit::Finding;
use crate::registry::{FixSafety, Transform, TransformInfo};

crate::declare_transform! {
    /// ## What it does
    /// Finds an `async def` with a parameter named `timeout` (positional, keyword-only,
    /// annotated or not), as flake8-async's ASYNC109 does.
    ///
    /// ## Why is this bad?
    /// A `timeout` parameter bounds only the code the function chose to bound, composes badly
    /// (a caller with its own deadline has to compute the remainder and pass it down), and
    /// every layer re-implements it. With `asyncio.timeout` (3.11+; `asyncio.wait_for` before)
    /// the caller bounds the whole call, nested deadlines compose, and the function stays
    /// simple.
    ///
    /// ## Example
    /// ```python
    /// async def fetch(url, timeout=10):
    ///     async with asyncio.timeout(timeout):
    ///         return await get(url)
    ///
    /// data = await fetch(url, timeout=5)
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// async def fetch(url):
    ///     return await get(url)
    ///
    /// async with asyncio.timeout(5):
    ///     data = await fetch(url)
    /// ```
    ///
    /// ## Fix safety
    /// There is no fix: the parameter is part of the function's interface; every caller (in
    /// this project and outside it) has to move its deadline to an `asyncio.timeout` block, and
    /// what the function does when the time runs out (a default value, a partial result, a
    /// specific exception) has to be kept by hand.
    ///
    /// ## When no fix is made
    /// Always. Not reported: a plain `def`, a `lambda`, a parameter of another name
    /// (`connect_timeout`, `read_timeout`), a function decorated with `@overload` or
    /// `@override` (its signature is dictated elsewhere), and `test*` functions (a pytest
    /// fixture may be named `timeout`).
    pub struct TimeoutParameter {
        id: "timeout-parameter",
        summary: "an `async def` with a `timeout` parameter: callers should use `asyncio.timeout`",
        min_version: None,
        safety: FixSafety::None,
    }
}

const MESSAGE: &str = "`async def` with a `timeout` parameter: let callers bound the call with \
                       `async with asyncio.timeout(...)` instead (it composes with their own \
                       deadlines); no fix: every caller and the time-out behaviour must move by hand";

impl Transform for TimeoutParameter {
    fn info(&self) -> &'static TransformInfo {
        &Self::INFO
    }

    fn hooks(&self) -> crate::registry::Hooks {
        crate::registry::Hooks::STMT
    }

    fn on_stmt<'a>(&self, cx: &mut Checker<'a>, stmt: &'a Stmt) {
        let Stmt::FunctionDef(func) = stmt else { return };
        if !func.is_async || func.name.as_str().starts_with("test") {
            return;
        }
        if func
            .decorator_list
            .iter()
            .any(|d| dictated_signature(&d.expression))
        {
            return;
        }
        let Some(param) = func
            .parameters
            .iter_non_variadic_params()
            .find(|p| p.parameter.name.as_str() == "timeout")
        else {
            return;
        };
        cx.report(Finding::new(
            Self::INFO.id,
            param.parameter.range(),
            MESSAGE,
        ));
    }
}

/// `@overload`, `@typing.overload`, `@override`, `@typing_extensions.override`: the signature
/// is dictated by something else.
fn dictated_signature(decorator: &Expr) -> bool {
    let name = match decorator {
        Expr::Name(name) => name.id.as_str(),
        Expr::Attribute(ast::ExprAttribute { attr, .. }) => attr.as_str(),
        _ => return false,
    };
    matches!(name, "overload" | "override")
}
