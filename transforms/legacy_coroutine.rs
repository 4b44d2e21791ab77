//! `legacy-coroutine`: `@asyncio.coroutine` generator functions → `async def` with `await`.

use ruff_python_ast::name::UnqualifiedName;
use ruff_python_ast::token::{TokenKind, parenthesized_range};
use ruff_python_ast::visitor::source_order::{self, SourceOrderVisitor};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_source_file::LineRanges;
use ruff_text_size::{Ranged, TextRange};

use crate::checker::Checker;
use crate::edit::{Edit, Finding, Fix};
use crate::registry::{FixSafety, Transform, TransformInfo};
use crate::rewrite;

crate::declare_transform! {
    /// ## What it does
    /// Finds generator-based coroutines, `def` functions decorated with `@asyncio.coroutine`
    /// (also `@aio.coroutine`, `from asyncio import coroutine`), and turns each into an
    /// `async def`: the decorator is removed, every `yield from x` of the function's own body
    /// becomes `await x`, and the legacy lock idiom `with (yield from lock):` becomes
    /// `async with lock:` (`as x` kept).
    ///
    /// ## Why is this bad?
    /// `@asyncio.coroutine` was deprecated in 3.8 and removed in Python 3.11: the module no
    /// longer imports. Native coroutines are faster, cannot be iterated by mistake, and are what
    /// every current API expects.
    ///
    /// ## Example
    /// ```python
    /// @asyncio.coroutine
    /// def fetch(n):
    ///     yield from asyncio.sleep(1)
    ///     total = yield from compute(n) + offset()
    ///     return total
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// async def fetch(n):
    ///     await asyncio.sleep(1)
    ///     total = await (compute(n) + offset())
    ///     return total
    /// ```
    ///
    /// `yield from` takes any expression, `await` only a primary: the operand is parenthesised
    /// where the precedence differs (`yield from a() + b()` → `await (a() + b())`). Nested
    /// functions keep their own `yield from`. An import the rewrite leaves unused (`from
    /// asyncio import coroutine`) is removed.
    ///
    /// ## Fix safety
    /// Safe. Known differences: the function is no longer a generator, so code that drives it by
    /// hand (`next()`, `.send()`, iterating it, `yield from` in an undecorated generator of
    /// another module) or tests `inspect.isgeneratorfunction` sees a coroutine instead.
    ///
    /// ## When no fix is made
    /// A finding without a fix is reported when the body has a plain `yield` (the function would
    /// become an async generator); when the function has no `yield from` and returns a value
    /// that might be awaitable, i.e. anything but a constant, an f-string, a list, tuple, set or
    /// dict display or comprehension, `not`, an `is`/`in` test, or arithmetic, a comparison, a
    /// conditional expression or `and`/`or` whose operands are all such values (`a + 1` with a
    /// parameter `a` may call an `__add__` that returns a future; the decorator awaited a
    /// returned future or generator, `async def` returns it as it is); when a plain generator
    /// of the module delegates to it with `yield from` (which cannot take a native coroutine
    /// there; a `@types.coroutine` generator can); when it delegates with `yield from` to a plain generator function
    /// of this module (`await` needs an awaitable, a generator is not one); and when the `def`
    /// keyword cannot be found (decorators sharing a line), for `asyncio.coroutine` used otherwise
    /// than as a function decorator (`wrapped = asyncio.coroutine(f)`), and for `with (yield from a), b:` and
    /// other `with` headers whose `yield from` is not the one parenthesised item.
    pub struct LegacyCoroutine {
        id: "legacy-coroutine",
        summary: "`@asyncio.coroutine` generator -> `async def` with `await`",
        min_version: None,
        safety: FixSafety::Safe,
    }
}

const MESSAGE: &str =
    "`@asyncio.coroutine` was removed in Python 3.11; use `async def` and `await`";

const DECORATORS: &[&[&str]] = &[
    &["asyncio", "coroutine"],
    &["asyncio", "coroutines", "coroutine"],
];

impl Transform for LegacyCoroutine {
    fn info(&self) -> &'static TransformInfo {
        &Self::INFO
    }

    fn hooks(&self) -> crate::registry::Hooks {
        crate::registry::Hooks::stmt_and_expr(crate::registry::ExprKinds::NAME.or(crate::registry::ExprKinds::ATTRIBUTE))
    }

    /// `asyncio.coroutine` used otherwise than as a decorator (`wrapped = asyncio.coroutine(f)`):
    /// removed in 3.11 as well, reported without a fix.
    fn on_expr<'a>(&self, cx: &mut Checker<'a>, expr: &'a Expr) {
        // Every finding is about a name bound to `asyncio.coroutine`: the file spells it.
        if !matches!(expr, Expr::Name(_) | Expr::Attribute(_))
            || !cx.mentions("coroutine")
            || cx.imports().matches_any(expr, DECORATORS).is_none()
        {
            return;
        }
        let is_decorator = match cx.current_statement() {
            Some(Stmt::FunctionDef(func)) => func
                .decorator_list
                .iter()
                .any(|d| d.expression.range() == expr.range()),
            _ => false,
        };
        if !is_decorator {
            cx.report(Finding::new(
                Self::INFO.id,
                expr.range(),
                format!(
                    "{MESSAGE}; no fix: `asyncio.coroutine` is not used as a decorator of a `def`"
                ),
            ));
        }
    }

    fn on_stmt<'a>(&self, cx: &mut Checker<'a>, stmt: &'a Stmt) {
        let Stmt::FunctionDef(func) = stmt else {
            return;
        };
        if func.decorator_list.is_empty() || !cx.mentions("coroutine") {
            return;
        }
        let Some(decorator) = func.decorator_list.iter().find(|d| {
            cx.imports()
                .matches_any(&d.expression, DECORATORS)
                .is_some()
        }) else {
            return;
        };
        match build(cx, func, decorator) {
            Ok(fix) => {
                cx.report(Finding::new(Self::INFO.id, decorator.range(), MESSAGE).with_fix(fix))
            }
            Err(reason) => cx.report(Finding::new(
                Self::INFO.id,
                decorator.range(),
                format!("{MESSAGE}; no fix: {reason}"),
            )),
        }
    }
}

fn build(
    cx: &Checker,
    func: &ast::StmtFunctionDef,
    decorator: &ast::Decorator,
) -> Result<Fix, String> {
    let body = OwnBody::scan(&func.body);
    if body.plain_yield {
        return Err("the body has a plain `yield`: it would become an async generator".into());
    }
    if body.yield_froms.is_empty() && body.returns.iter().any(|value| !never_awaitable(value)) {
        return Err(
            "the function has no `yield from` and returns a value: the decorator awaited a \
                    returned future or generator, `async def` would return it as it is"
                .into(),
        );
    }
    if let Some(caller) = plain_generator_caller(cx, func.name.as_str()) {
        return Err(format!(
            "`{caller}`, a plain generator, delegates to it with `yield from` (which cannot take a native coroutine there)"
        ));
    }
    for yf in &body.yield_froms {
        if let Some(name) = plain_generator_callee(cx, func, &yf.value) {
            return Err(format!(
                "it delegates with `yield from` to `{name}`, a plain generator function (`await` needs an awaitable)"
            ));
        }
    }
    let source = cx.source();
    let tokens = cx.tokens();
    let mut edits = Vec::new();
    // The decorator's own line(s).
    let line = source.full_lines_range(decorator.range());
    let line_text = &source[line];
    if line_text.trim_start().starts_with('@')
        && source[TextRange::new(decorator.end(), source.line_end(decorator.end()))]
            .trim_start()
            .chars()
            .next()
            .is_none_or(|c| c == '#')
    {
        edits.push(Edit::deletion(line));
    } else {
        return Err("the decorator shares its line with other code".into());
    }
    if !func.is_async {
        let after_decorators = func.decorator_list.last().map_or(func.start(), Ranged::end);
        let first = tokens.partition_point(|t| t.start() < after_decorators);
        let def = tokens[first..]
            .iter()
            .find(|t| t.kind() == TokenKind::Def)
            .filter(|t| t.start() < func.name.start())
            .ok_or("the `def` keyword was not found")?;
        edits.push(Edit::insertion("async ", def.start()));
    }
    // `with (yield from lock):` → `async with lock:`.
    let mut handled: Vec<TextRange> = Vec::new();
    for with in &body.withs {
        if with.is_async
            || !with
                .items
                .iter()
                .any(|item| matches!(item.context_expr, Expr::YieldFrom(_)))
        {
            continue;
        }
        let refusal =
            "a `with` header holds a `yield from` other than the idiom `with (yield from lock):`";
        let [item] = &*with.items else {
            return Err(refusal.into());
        };
        let Expr::YieldFrom(yf) = &item.context_expr else {
            continue;
        };
        let head = &source[TextRange::new(with.start(), yf.start())];
        let close = source[yf.end().into()..]
            .find(|c: char| !c.is_whitespace())
            .map(|i| yf.end() + ruff_text_size::TextSize::try_from(i).expect("small"));
        let compact: String = head.chars().filter(|c| !c.is_whitespace()).collect();
        let Some(close) = close.filter(|at| source[(*at).into()..].starts_with(')')) else {
            return Err(refusal.into());
        };
        if compact != "with(" {
            return Err(refusal.into());
        }
        let operand = cx.slice(&*yf.value);
        edits.push(Edit::replacement(
            format!("async with {operand}"),
            TextRange::new(with.start(), close + ruff_text_size::TextSize::from(1)),
        ));
        handled.push(yf.range());
    }
    for yf in &body.yield_froms {
        if handled.contains(&yf.range()) {
            continue;
        }
        let value = &*yf.value;
        let value_range =
            parenthesized_range(value.into(), (*yf).into(), tokens).unwrap_or(value.range());
        if value_range == value.range() && rewrite::needs_parens_after_await(value) {
            edits.push(Edit::replacement(
                "await (",
                TextRange::new(yf.start(), value.start()),
            ));
            edits.push(Edit::insertion(")", value.end()));
        } else {
            edits.push(Edit::replacement(
                "await ",
                TextRange::new(yf.start(), value_range.start()),
            ));
        }
    }
    let mut fix = Fix::safe(edits);
    if let Some(root) = UnqualifiedName::from_expr(&decorator.expression)
        .and_then(|name| name.segments().first().map(|s| s.to_string()))
    {
        fix = fix.dropping(root);
    }
    Ok(fix)
}

/// When `value` calls a plain generator function of this module (`def` with a `yield`, not
/// decorated as a coroutine), its name.
fn plain_generator_callee(
    cx: &Checker,
    func: &ast::StmtFunctionDef,
    value: &Expr,
) -> Option<String> {
    let Expr::Call(call) = value else { return None };
    let (name, body): (&str, &[Stmt]) = match &*call.func {
        Expr::Name(name) if cx.imports().binding(&name.id).is_none() => {
            (name.id.as_str(), cx.suite())
        }
        Expr::Attribute(attr) => match &*attr.value {
            Expr::Name(owner) if matches!(owner.id.as_str(), "self" | "cls") => {
                let class = cx.suite().iter().find_map(|s| match s {
                    Stmt::ClassDef(class) if class.range().contains_range(func.range()) => {
                        Some(class)
                    }
                    _ => None,
                })?;
                (attr.attr.as_str(), &class.body)
            }
            _ => return None,
        },
        _ => return None,
    };
    let target = body.iter().rev().find_map(|s| match s {
        Stmt::FunctionDef(f) if f.name.as_str() == name => Some(f),
        _ => None,
    })?;
    if target.is_async
        || target.decorator_list.iter().any(|d| {
            cx.imports()
                .matches_any(&d.expression, DECORATORS)
                .is_some()
        })
    {
        return None;
    }
    let scanned = OwnBody::scan(&target.body);
    (scanned.plain_yield || !scanned.yield_froms.is_empty()).then(|| name.to_string())
}

/// What a function's own body holds (not counting nested functions, classes and lambdas).
#[derive(Default)]
struct OwnBody<'a> {
    plain_yield: bool,
    yield_froms: Vec<&'a ast::ExprYieldFrom>,
    returns: Vec<&'a Expr>,
    withs: Vec<&'a ast::StmtWith>,
}

impl<'a> OwnBody<'a> {
    fn scan(body: &'a [Stmt]) -> Self {
        let mut scan = OwnBody::default();
        scan.visit_body(body);
        scan
    }
}

impl<'a> SourceOrderVisitor<'a> for OwnBody<'a> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {}
            Stmt::Return(ret) => {
                if let Some(value) = &ret.value {
                    self.returns.push(value);
                }
                source_order::walk_stmt(self, stmt);
            }
            Stmt::With(with) => {
                self.withs.push(with);
                source_order::walk_stmt(self, stmt);
            }
            _ => source_order::walk_stmt(self, stmt),
        }
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Lambda(_) => {}
            Expr::Yield(_) => {
                self.plain_yield = true;
                source_order::walk_expr(self, expr);
            }
            Expr::YieldFrom(yf) => {
                self.yield_froms.push(yf);
                source_order::walk_expr(self, expr);
            }
            _ => source_order::walk_expr(self, expr),
        }
    }
}

/// A value that can never be awaitable: constants, f-strings, displays and comprehensions of
/// lists, tuples, sets and dicts, `not`, `is`/`in` tests; and arithmetic, conditional
/// expressions, `and`/`or` and comparisons whose operands are all such values (an operand that
/// may be anything can make `a + 1`, `x == 1`, `x or 5` call a method that returns a future).
fn never_awaitable(value: &Expr) -> bool {
    match value {
        Expr::NoneLiteral(_)
        | Expr::NumberLiteral(_)
        | Expr::StringLiteral(_)
        | Expr::BytesLiteral(_)
        | Expr::BooleanLiteral(_)
        | Expr::EllipsisLiteral(_)
        | Expr::FString(_)
        | Expr::List(_)
        | Expr::Tuple(_)
        | Expr::Set(_)
        | Expr::Dict(_)
        | Expr::ListComp(_)
        | Expr::SetComp(_)
        | Expr::DictComp(_) => true,
        Expr::UnaryOp(op) => op.op == ast::UnaryOp::Not || never_awaitable(&op.operand),
        Expr::BinOp(op) => never_awaitable(&op.left) && never_awaitable(&op.right),
        Expr::BoolOp(op) => op.values.iter().all(never_awaitable),
        Expr::If(op) => never_awaitable(&op.body) && never_awaitable(&op.orelse),
        // `is` and `in` always give a bool; rich comparisons call methods that may not.
        Expr::Compare(cmp) => {
            cmp.ops.iter().all(|op| {
                matches!(
                    op,
                    ast::CmpOp::Is | ast::CmpOp::IsNot | ast::CmpOp::In | ast::CmpOp::NotIn
                )
            }) || (never_awaitable(&cmp.left) && cmp.comparators.iter().all(never_awaitable))
        }
        _ => false,
    }
}

/// A plain generator of the module (neither `async def` nor a generator-based coroutine) that
/// delegates to the function `name` with `yield from name(...)` / `yield from self.name(...)`:
/// `yield from` cannot take a native coroutine there.
fn plain_generator_caller(cx: &Checker, name: &str) -> Option<String> {
    struct Finder<'c, 'a> {
        cx: &'c Checker<'a>,
        name: &'c str,
        found: Option<String>,
    }
    impl<'b> SourceOrderVisitor<'b> for Finder<'_, '_> {
        fn visit_stmt(&mut self, stmt: &'b Stmt) {
            if let Stmt::FunctionDef(func) = stmt
                && self.found.is_none()
                && !func.is_async
                && !func.decorator_list.iter().any(|d| {
                    self.cx
                        .imports()
                        .matches_any(
                            &d.expression,
                            &[
                                &["asyncio", "coroutine"],
                                &["asyncio", "coroutines", "coroutine"],
                                &["types", "coroutine"],
                            ],
                        )
                        .is_some()
                })
            {
                let calls = OwnBody::scan(&func.body).yield_froms.iter().any(|yf| {
                    let Expr::Call(call) = &*yf.value else {
                        return false;
                    };
                    match &*call.func {
                        Expr::Name(n) => n.id.as_str() == self.name,
                        Expr::Attribute(attr) => {
                            attr.attr.as_str() == self.name
                                && matches!(&*attr.value, Expr::Name(o) if matches!(o.id.as_str(), "self" | "cls"))
                        }
                        _ => false,
                    }
                });
                if calls {
                    self.found = Some(func.name.to_string());
                }
            }
            source_order::walk_stmt(self, stmt);
        }
    }
    let mut finder = Finder {
        cx,
        name,
        found: None,
    };
    finder.visit_body(cx.suite());
    finder.found
}
