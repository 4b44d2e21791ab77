//! `missing-timeout`: network waits in `async def` without a timeout.

use ruff_python_ast::visitor::source_order::{self, SourceOrderVisitor};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use crate::checker::Checker;
use crate::edit::Finding;
use crate::registry::{FixSafety, Transform, TransformInfo};
use crate::version::PyVersion;

crate::declare_transform! {
    /// ## What it does
    /// Finds network waits in `async def` that have no timeout:
    /// - `asyncio.open_connection(...)` / `asyncio.open_unix_connection(...)`;
    /// - `reader.read(...)`, `readline()`, `readexactly()`, `readuntil()` (any `read*` method)
    ///   on a name bound by `reader, writer = await asyncio.open_connection(...)` in the same
    ///   function;
    /// - aiohttp requests whose timeout bounds nothing: requests (`get`, `post`, `put`,
    ///   `patch`, `delete`, `head`, `options`, `request`, `ws_connect`) on a name bound to
    ///   `aiohttp.ClientSession(...)` (by assignment or `async with ... as session`, in the
    ///   function or at module level) with `timeout=None` or a `ClientTimeout(...)` that sets
    ///   neither `total` nor `sock_read`, or without `timeout=` on a session created with such a
    ///   `ClientTimeout`; `aiohttp.request(..., timeout=ClientTimeout(...))` of that kind;
    /// - requests on an `httpx.AsyncClient(timeout=None)` (what `requests-to-httpx` writes to
    ///   keep requests' behaviour) without a `timeout=` of their own (`timeout=None` counts as
    ///   none).
    ///
    /// aiohttp without a timeout is not reported: its default (`ClientSession`, `request()`, in
    /// 3.8 and 3.10) is `ClientTimeout(total=300)` (3.10 adds `sock_connect=30`), so a silent
    /// server costs five minutes, not forever. `ClientSession(timeout=None)` is that default too
    /// in 3.10 (3.8 fails on the first request instead). On a request, `timeout=None` means
    /// `ClientTimeout(total=None)`: nothing bounded. `ws_connect(timeout=...)` is the close
    /// timeout in 3.8 and 3.10, not the handshake's: the handshake has the session's timeout.
    ///
    /// A wait is covered when it sits inside an
    /// `async with asyncio.timeout(...)` / `asyncio.timeout_at(...)` (or
    /// `async_timeout.timeout(...)`) block of the same function, after such an item in the same
    /// `async with` header, or inside the arguments of `asyncio.wait_for(...)`; a deadline of
    /// `None` (`asyncio.timeout(None)`, `wait_for(aw, None)`) waits forever and covers nothing.
    ///
    /// ## Why is this bad?
    /// A peer that stops answering without closing the connection (a dead host behind a
    /// firewall, a half-open TCP connection, a stuck server) makes the wait last forever: the
    /// task hangs, holds its resources, and nothing reports an error. (asyncio streams have no
    /// default timeout; aiohttp has a 5-minute one unless it is switched off, which is when this
    /// rule reports it.) Hang-forever bugs are
    /// unrecoverable from the inside; a deadline turns them into a `TimeoutError` that can be
    /// handled and retried.
    ///
    /// ## Example
    /// ```python
    /// reader, writer = await asyncio.open_connection(host, port)
    /// line = await reader.readline()
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// async with asyncio.timeout(10):
    ///     reader, writer = await asyncio.open_connection(host, port)
    ///     line = await reader.readline()
    /// ```
    ///
    /// ## Fix safety
    /// There is no fix: the right deadline depends on the protocol and the peer.
    ///
    /// ## When no fix is made
    /// Always. Not reported: waits in sync code (a nested `def` or `lambda`), readers that come
    /// from elsewhere (a parameter, a `start_server` callback), sessions the function cannot see
    /// being created, aiohttp requests under aiohttp's default timeout or with a timeout the rule
    /// cannot read (`timeout=t`, `ClientTimeout(**kw)`), and `httpx.AsyncClient` without
    /// `timeout=None` (httpx has a 5 second default). A timeout block in a caller cannot be seen and does not count.
    pub struct MissingTimeout {
        id: "missing-timeout",
        summary: "network waits in `async def` without a timeout",
        min_version: None,
        safety: FixSafety::None,
    }
}

const OPEN_CONNECTION: &[&[&str]] = &[
    &["asyncio", "open_connection"],
    &["asyncio", "open_unix_connection"],
    &["asyncio", "streams", "open_connection"],
];

const TIMEOUT_BLOCKS: &[&[&str]] = &[
    &["asyncio", "timeout"],
    &["asyncio", "timeout_at"],
    &["async_timeout", "timeout"],
    &["async_timeout", "timeout_at"],
];

const REQUEST_METHODS: &[&str] = &[
    "get",
    "post",
    "put",
    "patch",
    "delete",
    "head",
    "options",
    "request",
    "ws_connect",
];

/// How to add a deadline, for the target: `asyncio.timeout` is new in 3.11.
fn wrap(cx: &Checker) -> &'static str {
    if cx.version_range().allows(cx.target(), PyVersion::PY311) {
        "wrap it in `async with asyncio.timeout(...)` or `asyncio.wait_for(...)`"
    } else {
        "wrap it in `asyncio.wait_for(...)`"
    }
}

impl Transform for MissingTimeout {
    fn info(&self) -> &'static TransformInfo {
        &Self::INFO
    }

    fn hooks(&self) -> crate::registry::Hooks {
        crate::registry::Hooks::expr(crate::registry::ExprKinds::CALL)
    }

    fn on_expr<'a>(&self, cx: &mut Checker<'a>, expr: &'a Expr) {
        let Expr::Call(call) = expr else { return };
        if !cx.in_async() {
            return;
        }
        let Some(message) = uncovered_wait(cx, call) else {
            return;
        };
        if covered(cx, call.range()) {
            return;
        }
        cx.report(Finding::new(Self::INFO.id, call.range(), message));
    }
}

/// The message for a network wait without its own timeout, if `call` is one.
fn uncovered_wait(cx: &Checker, call: &ast::ExprCall) -> Option<String> {
    if let Some(api) = cx.imports().matches_any(&call.func, OPEN_CONNECTION) {
        let shown = api.join(".");
        return Some(format!(
            "`{shown}()` without a timeout: an unreachable host can keep it waiting forever \
             (hang-forever bugs are unrecoverable); {}",
            wrap(cx)
        ));
    }
    if cx.imports().matches(&call.func, &["aiohttp", "request"]) {
        // `aiohttp.request(timeout=None)` builds `ClientSession(timeout=None)`: the default.
        let timeout = call.arguments.find_keyword("timeout")?;
        return unbounded_client_timeout(cx, &timeout.value).then(|| {
            format!(
                "`aiohttp.request()` with a `ClientTimeout` that sets neither `total` nor \
                 `sock_read`: a silent server keeps it waiting forever (hang-forever bugs are \
                 unrecoverable); set `total=`, or {}",
                wrap(cx)
            )
        });
    }
    let Expr::Attribute(attr) = &*call.func else {
        return None;
    };
    let Expr::Name(owner) = &*attr.value else {
        return None;
    };
    let method = attr.attr.as_str();
    let is_read = method.starts_with("read");
    if !is_read && !REQUEST_METHODS.contains(&method) {
        return None;
    }
    let owner = owner.id.as_str();
    let bindings = bindings_of(cx, owner);
    if is_read && bindings.iter().any(|b| matches!(b, Binding::Reader)) {
        return Some(format!(
            "`{owner}.{method}()` without a timeout: a peer that stops sending keeps it waiting \
             forever (hang-forever bugs are unrecoverable); {}",
            wrap(cx)
        ));
    }
    if !REQUEST_METHODS.contains(&method) {
        return None;
    }
    let clients: Vec<&Binding> = bindings
        .iter()
        .filter(|b| !matches!(b, Binding::Reader))
        .collect();
    if clients.is_empty() {
        return None;
    }
    // `ws_connect(timeout=)` is the close timeout (aiohttp 3.8, 3.10): the handshake is a
    // request under the session's timeout.
    let own = call
        .arguments
        .find_keyword("timeout")
        .filter(|_| method != "ws_connect");
    let why = clients.iter().find_map(|b| match (b, own) {
        (Binding::Aiohttp { .. }, Some(keyword)) if keyword.value.is_none_literal_expr() => {
            Some("with `timeout=None` (aiohttp then bounds neither the whole request nor a read)")
        }
        (Binding::Aiohttp { .. }, Some(keyword))
            if unbounded_client_timeout(cx, &keyword.value) =>
        {
            Some("with a `ClientTimeout` that sets neither `total` nor `sock_read`")
        }
        (Binding::Aiohttp { unbounded: true }, None) => Some(
            "on a session whose `ClientTimeout` sets neither `total` nor `sock_read` (aiohttp's \
             5-minute default is switched off)",
        ),
        (Binding::HttpxNoTimeout, Some(keyword)) if keyword.value.is_none_literal_expr() => {
            Some("with `timeout=None` on an `httpx.AsyncClient(timeout=None)`")
        }
        (Binding::HttpxNoTimeout, None) => {
            Some("without `timeout=` on an `httpx.AsyncClient(timeout=None)`")
        }
        _ => None,
    })?;
    Some(format!(
        "`{owner}.{method}()` {why}: a silent server keeps it waiting forever (hang-forever bugs \
         are unrecoverable); pass a timeout, or {}",
        wrap(cx)
    ))
}

/// A timeout value for aiohttp that bounds nothing a silent server can stall: an
/// `aiohttp.ClientTimeout(...)` whose `total` and `sock_read` are both unset or `None`
/// (`connect` / `sock_connect` alone do not bound reading the response). `None` itself is not
/// one here: its meaning depends on where it is passed.
fn unbounded_client_timeout(cx: &Checker, value: &Expr) -> bool {
    let Expr::Call(call) = value else {
        return false;
    };
    if !cx.imports().matches(&call.func, &["aiohttp", "ClientTimeout"]) {
        return false;
    }
    let arguments = &call.arguments;
    if !arguments.args.is_empty() || arguments.keywords.iter().any(|k| k.arg.is_none()) {
        // Positional fields or `**kw`: cannot tell.
        return false;
    }
    ["total", "sock_read"].iter().all(|field| {
        arguments
            .find_keyword(field)
            .is_none_or(|k| k.value.is_none_literal_expr())
    })
}

/// Is the wait at `range` under a deadline: inside `asyncio.wait_for(...)`, or in an
/// `async with asyncio.timeout(...)` block of the current function?
fn covered(cx: &Checker, range: TextRange) -> bool {
    let in_wait_for = cx.expression_parents().iter().any(|parent| match parent {
        Expr::Call(c) if cx.imports().matches(&c.func, &["asyncio", "wait_for"]) => {
            c.arguments.range().contains_range(range)
                && is_deadline(c.arguments.find_argument_value("timeout", 1))
        }
        _ => false,
    });
    if in_wait_for {
        return true;
    }
    for stmt in cx.statements().iter().rev() {
        match stmt {
            Stmt::FunctionDef(_) | Stmt::ClassDef(_) => return false,
            Stmt::With(with) if with.is_async => {
                let deadline = with.items.iter().position(|item| match &item.context_expr {
                    Expr::Call(c) => {
                        cx.imports().matches_any(&c.func, TIMEOUT_BLOCKS).is_some()
                            && is_deadline(c.arguments.args.first().or_else(|| {
                                ["delay", "when", "timeout", "deadline"]
                                    .iter()
                                    .find_map(|k| c.arguments.find_keyword(k))
                                    .map(|k| &k.value)
                            }))
                    }
                    _ => false,
                });
                let Some(deadline) = deadline else { continue };
                let in_body = with.body.iter().any(|s| s.range().contains_range(range));
                let in_later_item = with.items[deadline + 1..]
                    .iter()
                    .any(|item| item.range().contains_range(range));
                if in_body || in_later_item {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

/// A timeout argument that sets a deadline: present and not `None` (`asyncio.timeout(None)`,
/// `wait_for(x, None)` wait forever).
fn is_deadline(argument: Option<&Expr>) -> bool {
    argument.is_some_and(|value| !value.is_none_literal_expr())
}

/// What a name may be bound to, as far as this rule cares.
enum Binding {
    /// The reader of `reader, writer = await asyncio.open_connection(...)`.
    Reader,
    /// `aiohttp.ClientSession(...)`; `unbounded`: its `timeout=` is a `ClientTimeout` that
    /// bounds nothing (no keyword and `timeout=None` are aiohttp's 5-minute default).
    Aiohttp { unbounded: bool },
    /// `httpx.AsyncClient(timeout=None)`.
    HttpxNoTimeout,
}

/// The bindings of `name` in the current function; at module level too when the function does
/// not bind the name itself.
fn bindings_of(cx: &Checker, name: &str) -> Vec<Binding> {
    let mut collector = BindingCollector {
        cx,
        name,
        found: Vec::new(),
    };
    if let Some(func) = cx.current_function() {
        for stmt in &func.body {
            collector.visit_stmt(stmt);
        }
    }
    if collector.found.is_empty() && !cx.imports().shadowed_locally(name) {
        for stmt in cx.suite() {
            if matches!(stmt, Stmt::Assign(_) | Stmt::AnnAssign(_)) {
                collector.visit_stmt(stmt);
            }
        }
    }
    collector.found
}

struct BindingCollector<'c, 'a, 'n> {
    cx: &'c Checker<'a>,
    name: &'n str,
    found: Vec<Binding>,
}

impl BindingCollector<'_, '_, '_> {
    fn client(&self, value: &Expr) -> Option<Binding> {
        let Expr::Call(call) = value else { return None };
        let imports = self.cx.imports();
        if imports.matches(&call.func, &["aiohttp", "ClientSession"]) {
            let unbounded = call
                .arguments
                .find_keyword("timeout")
                .is_some_and(|k| unbounded_client_timeout(self.cx, &k.value));
            return Some(Binding::Aiohttp { unbounded });
        }
        if imports.matches(&call.func, &["httpx", "AsyncClient"])
            && call
                .arguments
                .find_keyword("timeout")
                .is_some_and(|k| k.value.is_none_literal_expr())
        {
            return Some(Binding::HttpxNoTimeout);
        }
        None
    }

    fn is_name(&self, expr: &Expr) -> bool {
        matches!(expr, Expr::Name(n) if n.id.as_str() == self.name)
    }

    fn opens_connection(&self, value: &Expr) -> bool {
        struct Finder<'c, 'a> {
            cx: &'c Checker<'a>,
            found: bool,
        }
        impl<'x> SourceOrderVisitor<'x> for Finder<'_, '_> {
            fn visit_expr(&mut self, expr: &'x Expr) {
                if let Expr::Call(call) = expr
                    && self
                        .cx
                        .imports()
                        .matches_any(&call.func, OPEN_CONNECTION)
                        .is_some()
                {
                    self.found = true;
                }
                source_order::walk_expr(self, expr);
            }
        }
        let mut finder = Finder {
            cx: self.cx,
            found: false,
        };
        finder.visit_expr(value);
        finder.found
    }

    fn assigned(&mut self, target: &Expr, value: &Expr) {
        if self.is_name(target) {
            if let Some(binding) = self.client(value) {
                self.found.push(binding);
            }
            return;
        }
        let first = match target {
            Expr::Tuple(tuple) => tuple.elts.first(),
            Expr::List(list) => list.elts.first(),
            _ => None,
        };
        if first.is_some_and(|f| self.is_name(f)) && self.opens_connection(value) {
            self.found.push(Binding::Reader);
        }
    }
}

impl<'x> SourceOrderVisitor<'x> for BindingCollector<'_, '_, '_> {
    fn visit_stmt(&mut self, stmt: &'x Stmt) {
        match stmt {
            Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {}
            Stmt::Assign(assign) => {
                for target in &assign.targets {
                    self.assigned(target, &assign.value);
                }
            }
            Stmt::AnnAssign(assign) => {
                if let Some(value) = &assign.value {
                    self.assigned(&assign.target, value);
                }
            }
            Stmt::With(with) => {
                for item in &with.items {
                    if let Some(vars) = &item.optional_vars
                        && self.is_name(vars)
                        && let Some(binding) = self.client(&item.context_expr)
                    {
                        self.found.push(binding);
                    }
                }
                source_order::walk_stmt(self, stmt);
            }
            _ => source_order::walk_stmt(self, stmt),
        }
    }

    fn visit_expr(&mut self, _expr: &'x Expr) {}
}
