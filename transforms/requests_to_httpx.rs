//! `requests-to-httpx`: `requests` calls, sessions and exceptions → their `httpx` equivalents;
//! in `async def`, `httpx.AsyncClient` with `await`.

use ruff_python_ast::visitor::source_order::{self, SourceOrderVisitor};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::checker::Checker;
use crate::edit::{Edit, Finding, Fix};
use crate::registry::{FixSafety, Transform, TransformInfo};
use crate::{importer, rewrite};

crate::declare_transform! {
    /// ## What it does
    /// Migrates `requests` to `httpx`, faithfully: the migrated code does what it did before,
    /// and every difference that cannot be kept is named in the fix note or refused.
    ///
    /// - Sync code: `requests.get/post/put/patch/delete/head/options/request(...)` becomes
    ///   `httpx.<same>(...)`; `requests.Session()` becomes
    ///   `httpx.Client(follow_redirects=True, timeout=None)` (also in `with`), and every call on
    ///   the session is migrated with it.
    /// - `async def`: a blocking call becomes `async with httpx.AsyncClient(follow_redirects=True,
    ///   timeout=None) as client:` around the statement, with `await client.<method>(...)`;
    ///   `with requests.Session() as s:` becomes `async with httpx.AsyncClient(...) as s:` with
    ///   every call on `s` awaited.
    /// - Keywords: `allow_redirects=` becomes `follow_redirects=`; where it is absent (and the
    ///   method is not `head`) `follow_redirects=True` is added, since requests follows
    ///   redirects and httpx does not. Without `timeout=`, `timeout=None` is added (requests
    ///   has no timeout, httpx 5 s). `data=` with a `str`/`bytes` value becomes `content=`;
    ///   `stream=False` is dropped; a `(connect, read)` timeout tuple becomes
    ///   `httpx.Timeout(None, connect=..., read=...)`. Positional `params`/`data`/`json` become
    ///   keywords (httpx takes them by keyword only).
    /// - Responses assigned to a name (or used directly): `.ok` becomes `not r.is_error` (`ok`
    ///   is status < 400, so a 3xx is ok; `is_success` is 2xx only), `.iter_content(n)` becomes
    ///   `.iter_bytes(n)` and `.iter_content()` `.iter_bytes(1)` (requests' default chunk is one
    ///   byte), `.reason` becomes `.reason_phrase`, `.url` becomes `str(r.url)` (requests' is a
    ///   `str`, httpx's a `URL`). Where redirects are not followed, a `r.raise_for_status()`
    ///   statement becomes `r.is_error and r.raise_for_status()` (httpx also raises on 3xx).
    /// - Exceptions, spelled `requests.X`, `requests.exceptions.X` or imported by name:
    ///   `RequestException` → `httpx.HTTPError`, `HTTPError` → `httpx.HTTPStatusError`,
    ///   `ConnectionError` → `httpx.ConnectError`, `Timeout` → `httpx.TimeoutException`,
    ///   `ConnectTimeout`, `ReadTimeout`, `TooManyRedirects` → the same names in httpx. They are
    ///   migrated only in a file whose requests calls are all migrated, together with them.
    /// - Imports: `import httpx` is added; `import requests` goes when nothing of it remains.
    ///
    /// ## Why is this bad?
    /// `requests` blocks: in `async def` every call stops the event loop for the whole request.
    /// httpx has the same API for sync code and an `AsyncClient` for async code, so library
    /// code can serve both.
    ///
    /// ## Example
    /// ```python
    /// async def fetch(url):
    ///     r = requests.get(url, params={"q": 1})
    ///     return r.json() if r.ok else None
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// async def fetch(url):
    ///     async with httpx.AsyncClient(follow_redirects=True, timeout=None) as client:
    ///         r = await client.get(url, params={"q": 1})
    ///     return r.json() if not r.is_error else None
    /// ```
    ///
    /// ## Fix safety
    /// Always unsafe, for differences no rewrite can keep: httpx's `ConnectError` is narrower
    /// than requests' `ConnectionError` (a connect timeout is not one); `r.text` decodes a body
    /// without a charset as UTF-8 where requests guesses; a `timeout=n` also bounds writing
    /// the request body; `params` and `headers` entries whose value is `None` are sent (empty)
    /// where requests drops them; a response or session passed to other code reaches code
    /// that was not migrated (named in the note where it happens).
    ///
    /// ## When no fix is made
    /// `stream=True`, `proxies=`, `hooks=`, `cert=`, `**kwargs`, unknown keywords, `cookies=` on a
    /// session call, a body (`data`/`json`/`files`) on `get`/`head`/`options`/`delete` (httpx
    /// needs `request(...)`), `files=` with a text-mode `open()`, a session that is mounted,
    /// given proxies or hooks, passed on or stored in an attribute, a session created in
    /// `async def` outside `with`, a response whose `.raw`, `.iter_lines()` (bytes in requests,
    /// text in httpx), `.apparent_encoding`, `.next` or `.connection` is used, and anything from
    /// `requests.adapters` or `requests.packages`. When a file catches requests exceptions,
    /// one refusal in it refuses the whole file: half-migrated handlers would stop catching.
    /// A local name `requests` that is not the module is never touched.
    pub struct RequestsToHttpx {
        id: "requests-to-httpx",
        summary: "`requests` calls, sessions and exceptions -> `httpx` (`httpx.AsyncClient` + `await` in `async def`)",
        min_version: None,
        safety: FixSafety::Unsafe,
    }
}

const MESSAGE: &str = "Use `httpx` instead of `requests`";
const ASYNC_MESSAGE: &str = "Blocking `requests` call in `async def`: use `httpx.AsyncClient`";

const METHODS: &[&str] = &["get", "post", "put", "patch", "delete", "head", "options", "request"];

/// requests exceptions with an httpx counterpart.
const EXCEPTIONS: &[(&str, &str)] = &[
    ("RequestException", "HTTPError"),
    ("HTTPError", "HTTPStatusError"),
    ("ConnectionError", "ConnectError"),
    ("Timeout", "TimeoutException"),
    ("ConnectTimeout", "ConnectTimeout"),
    ("ReadTimeout", "ReadTimeout"),
    ("TooManyRedirects", "TooManyRedirects"),
];

/// requests exceptions without a faithful httpx counterpart.
const UNMAPPED_EXCEPTIONS: &[&str] = &[
    "ProxyError",
    "SSLError",
    "URLRequired",
    "MissingSchema",
    "InvalidSchema",
    "InvalidURL",
    "InvalidHeader",
    "InvalidProxyURL",
    "ChunkedEncodingError",
    "ContentDecodingError",
    "StreamConsumedError",
    "RetryError",
    "UnrewindableBodyError",
    "JSONDecodeError",
    "InvalidJSONError",
];

/// Session attributes httpx's `Client` has with the same meaning.
const SESSION_ATTRIBUTES: &[&str] = &["headers", "cookies", "auth", "params", "close", "max_redirects", "trust_env"];

/// Response attributes that exist in httpx with the same meaning.
const RESPONSE_SAME: &[&str] = &[
    "status_code",
    "text",
    "content",
    "json",
    "headers",
    "cookies",
    "history",
    "elapsed",
    "encoding",
    "request",
    "links",
    "is_redirect",
    "close",
    "raise_for_status",
];

const RESPONSE_REFUSED: &[&str] =
    &["raw", "iter_lines", "apparent_encoding", "next", "connection", "is_permanent_redirect"];

/// What the file holds, decided on at the end of the traversal.
#[derive(Default)]
struct FileState {
    /// Findings for call sites and sessions (fixes included), reported at the end.
    calls: Vec<Finding>,
    /// A call or session that could not be migrated.
    refused: usize,
    /// A migrated call or session.
    migrated: usize,
    exceptions: Vec<ExceptionRef>,
    /// Why the file's exception references cannot be migrated, if one cannot.
    exception_blocker: Option<String>,
    /// Names of requests exceptions whose handlers would stop matching.
    unmapped: Vec<String>,
}

struct ExceptionRef {
    range: TextRange,
    shown: String,
    /// The replacement text, the import edit it needs and the import binding it drops.
    fix: Option<(String, Option<Edit>, Option<String>)>,
}

impl Transform for RequestsToHttpx {
    fn info(&self) -> &'static TransformInfo {
        &Self::INFO
    }

    fn on_expr<'a>(&self, cx: &mut Checker<'a>, expr: &'a Expr) {
        match expr {
            Expr::Call(call) => on_call(cx, call),
            Expr::Name(_) | Expr::Attribute(_) => on_reference(cx, expr),
            _ => {}
        }
    }

    fn on_end(&self, cx: &mut Checker<'_>) {
        let state = std::mem::take(cx.state::<FileState>());
        let has_exceptions = !state.exceptions.is_empty();
        let blocker = state.exception_blocker.clone().or_else(|| {
            (state.refused > 0).then(|| "a requests call in this file cannot be migrated (see its finding)".to_string())
        });
        let whole_file_blocked = has_exceptions && blocker.is_some();
        for mut finding in state.calls {
            if whole_file_blocked && finding.fix.is_some() {
                finding.fix = None;
                finding.message = format!(
                    "{}; no fix: this file catches requests exceptions and {}: migrate it as a whole",
                    finding.message,
                    blocker.as_deref().unwrap_or_default()
                );
            } else if let Some(fix) = finding.fix.take() {
                let mut note = fix.note().unwrap_or_default().to_string();
                if !state.unmapped.is_empty() {
                    note.push_str(&format!(
                        "; handlers of `{}` in this file no longer match (httpx has no such exception)",
                        state.unmapped.join("`, `")
                    ));
                }
                finding.fix = Some(fix.with_note(note));
            }
            cx.report(finding);
        }
        for reference in state.exceptions {
            let mut finding = Finding::new(
                RequestsToHttpx::INFO.id,
                reference.range,
                format!("Use the httpx exception instead of `{}`", reference.shown),
            );
            let reason = if let Some(blocker) = &blocker {
                Some(blocker.clone())
            } else if state.migrated == 0 {
                Some("no requests call in this file is migrated with it (the error may come from another module)".into())
            } else if reference.fix.is_none() {
                Some("httpx has no matching exception".into())
            } else {
                None
            };
            match (reason, reference.fix) {
                (None, Some((replacement, import, dropped))) => {
                    let mut edits = vec![Edit::replacement(replacement, reference.range)];
                    edits.extend(import);
                    let mut fix = Fix::unsafe_(edits).with_note(
                        "migrated with the file's requests calls; httpx's exception tree differs \
                         (`ConnectError` does not cover connect timeouts)",
                    );
                    if let Some(dropped) = dropped {
                        fix = fix.dropping(dropped);
                    }
                    finding = finding.with_fix(fix);
                }
                (reason, _) => {
                    finding.message = format!("{}; no fix: {}", finding.message, reason.unwrap_or_default());
                }
            }
            cx.report(finding);
        }
    }
}

/// `requests.<method>(...)` and `requests.Session()`.
fn on_call<'a>(cx: &mut Checker<'a>, call: &'a ast::ExprCall) {
    let Some(qualified) = cx.imports().resolve(&call.func) else { return };
    let q: Vec<&str> = qualified.iter().map(String::as_str).collect();
    let method = match q.as_slice() {
        ["requests", m] | ["requests", "api", m] if METHODS.contains(m) => *m,
        ["requests", "Session" | "session"] | ["requests", "sessions", "Session"] => {
            return on_session(cx, call);
        }
        _ => return,
    };
    let in_async = cx.in_async();
    let message = if in_async { ASYNC_MESSAGE } else { MESSAGE };
    let result = if in_async { migrate_async_call(cx, call, method) } else { migrate_sync_call(cx, call, method) };
    let finding = Finding::new(RequestsToHttpx::INFO.id, call.range(), message);
    let state = cx.state::<FileState>();
    match result {
        Ok(fix) => {
            state.migrated += 1;
            state.calls.push(finding.with_fix(fix));
        }
        Err(reason) => {
            state.refused += 1;
            state.calls.push(Finding { message: format!("{message}; no fix: {reason}"), ..finding });
        }
    }
}

/// A reference to a requests exception, `requests.adapters` or `requests.packages`.
fn on_reference<'a>(cx: &mut Checker<'a>, expr: &'a Expr) {
    // Only the outermost part of a dotted name (`requests.exceptions.HTTPError`, not the
    // `requests.exceptions` inside it).
    if let Some(Expr::Attribute(parent)) = cx.expression_parents().last()
        && parent.value.range() == expr.range()
    {
        return;
    }
    let Some(qualified) = cx.imports().resolve(expr) else { return };
    let q: Vec<&str> = qualified.iter().map(String::as_str).collect();
    let name = match q.as_slice() {
        ["requests", name] | ["requests", "exceptions", name] => *name,
        ["requests", "adapters" | "packages", ..] => {
            let finding = Finding::new(
                RequestsToHttpx::INFO.id,
                expr.range(),
                format!("{MESSAGE}; no fix: `{}` has no httpx equivalent: migrate by hand", cx.slice(expr)),
            );
            let state = cx.state::<FileState>();
            state.refused += 1;
            state.calls.push(finding);
            return;
        }
        _ => return,
    };
    let mapped = EXCEPTIONS.iter().find(|(from, _)| *from == name).map(|(_, to)| *to);
    if mapped.is_none() && !UNMAPPED_EXCEPTIONS.contains(&name) {
        return;
    }
    let shown = cx.slice(expr).to_string();
    let constructed = matches!(cx.expression_parents().last(), Some(Expr::Call(call)) if call.func.range() == expr.range());
    let fix = match mapped {
        Some(target) if !constructed => match importer::spell(cx, "httpx", target) {
            Ok(spelled) => {
                let dropped = match expr {
                    Expr::Name(name) => Some(name.id.to_string()),
                    Expr::Attribute(_) => root_name(expr).map(str::to_string),
                    _ => None,
                };
                Some((spelled.name, spelled.edit, dropped))
            }
            Err(_) => None,
        },
        _ => None,
    };
    let state = cx.state::<FileState>();
    if constructed {
        state.exception_blocker =
            Some(format!("it constructs `{shown}(...)`, and httpx's exceptions take other arguments"));
    } else if mapped.is_none() {
        state.unmapped.push(shown.clone());
    }
    state.exceptions.push(ExceptionRef { range: expr.range(), shown, fix });
}

fn root_name(expr: &Expr) -> Option<&str> {
    match expr {
        Expr::Name(name) => Some(name.id.as_str()),
        Expr::Attribute(attr) => root_name(&attr.value),
        _ => None,
    }
}

/// The binding a `requests...` callee uses, for import clean-up.
fn dropped_binding(callee: &Expr) -> Option<String> {
    root_name(callee).map(str::to_string)
}

// ---------------------------------------------------------------------------------------------
// Calls

/// How a call is made after the migration.
#[derive(Copy, Clone, PartialEq, Eq)]
enum Target {
    /// `httpx.get(...)`: add `follow_redirects=True` and `timeout=None`.
    Function,
    /// `client.get(...)` on a client made with `follow_redirects=True, timeout=None`.
    Client,
}

fn migrate_sync_call(cx: &Checker, call: &ast::ExprCall, method: &str) -> Result<Fix, String> {
    if in_with_header(cx, call) {
        return Err("the response is used as a context manager: use `httpx.stream(...)` by hand".into());
    }
    let spelled = importer::spell(cx, "httpx", method)?;
    let mut edits = vec![Edit::replacement(spelled.name, call.func.range())];
    edits.extend(spelled.edit);
    let mapped = map_arguments(cx, call, method, Target::Function, false)?;
    edits.extend(mapped.edits);
    let mut notes = mapped.notes;
    let uses = response_edits(cx, call, mapped.follows, &mut notes)?;
    edits.extend(uses);
    let mut fix = Fix::unsafe_(edits).with_note(note(notes));
    if let Some(binding) = dropped_binding(&call.func) {
        fix = fix.dropping(binding);
    }
    Ok(fix)
}

fn migrate_async_call(cx: &Checker, call: &ast::ExprCall, method: &str) -> Result<Fix, String> {
    if in_with_header(cx, call) {
        return Err("the response is used as a context manager: use `client.stream(...)` by hand".into());
    }
    let stmt = cx.current_statement().ok_or("no enclosing statement")?;
    rewrite::check_hoistable(cx, stmt)?;
    if rewrite::in_conditional_or_deferred_context(cx, call.range()) {
        return Err("the call runs only on some paths or lazily: a client block around the statement would change that".into());
    }
    let spelled = importer::spell(cx, "httpx", "AsyncClient")?;
    let client = cx.fresh_name("client", &[]);
    let mapped = map_arguments(cx, call, method, Target::Client, false)?;
    let parens = needs_parens_for_await(cx, call);
    let mut inner = vec![Edit::replacement(
        format!("{}await {client}.{method}", if parens { "(" } else { "" }),
        call.func.range(),
    )];
    inner.extend(mapped.edits);
    if parens {
        inner.push(Edit::insertion(")", call.end()));
    }
    let header = format!("async with {}(follow_redirects=True, timeout=None) as {client}", spelled.name);
    let mut edits = rewrite::wrap_in_block(cx, stmt, &header, &[], inner);
    edits.extend(spelled.edit);
    let mut notes = mapped.notes;
    notes.push("the statement now runs inside an `httpx.AsyncClient` block".into());
    edits.extend(response_edits(cx, call, mapped.follows, &mut notes)?);
    let mut fix = Fix::unsafe_(edits).with_note(note(notes));
    if let Some(binding) = dropped_binding(&call.func) {
        fix = fix.dropping(binding);
    }
    Ok(fix)
}

fn note(mut notes: Vec<String>) -> String {
    notes.insert(
        0,
        "httpx differs where no rewrite can keep requests' behaviour: `ConnectError` is narrower than \
         `ConnectionError`, a body without a charset decodes as UTF-8, `None` params and headers are sent"
            .to_string(),
    );
    notes.join("; ")
}

/// Is the call the context expression of a `with` item?
fn in_with_header(cx: &Checker, call: &ast::ExprCall) -> bool {
    matches!(cx.current_statement(), Some(Stmt::With(with)) if with.items.iter().any(|i| i.context_expr.range() == call.range()))
}

/// `await client.get(u).json()` would await the `.json()`: parenthesize when the call is the
/// value of an attribute or subscript, or is itself called.
fn needs_parens_for_await(cx: &Checker, call: &ast::ExprCall) -> bool {
    match cx.expression_parents().last() {
        Some(Expr::Attribute(attr)) => attr.value.range() == call.range(),
        Some(Expr::Subscript(sub)) => sub.value.range() == call.range(),
        Some(Expr::Call(outer)) => outer.func.range() == call.range(),
        _ => false,
    }
}

struct Mapped {
    edits: Vec<Edit>,
    notes: Vec<String>,
    /// Does the migrated call follow redirects?
    follows: bool,
}

/// Keyword and argument mapping of one call. `session_call` is true for calls on a session
/// (`cookies=` refused, nothing added: the client carries the defaults).
fn map_arguments(
    cx: &Checker,
    call: &ast::ExprCall,
    method: &str,
    target: Target,
    session_call: bool,
) -> Result<Mapped, String> {
    let source = cx.source();
    let arguments = &call.arguments;
    let mut edits = Vec::new();
    let mut notes = Vec::new();
    let positional_names: &[&str] = match method {
        "get" => &["url", "params"],
        "post" => &["url", "data", "json"],
        "put" | "patch" => &["url", "data"],
        "request" => &["method", "url"],
        _ => &["url"],
    };
    if arguments.args.iter().any(Expr::is_starred_expr) {
        return Err("`*args` of unknown content".into());
    }
    if arguments.args.len() > positional_names.len() {
        return Err(format!("too many positional arguments for `{method}`"));
    }
    let positional_body = arguments.args.iter().zip(positional_names).any(|(_, n)| matches!(*n, "data" | "json"));
    let body_given =
        positional_body || ["data", "json", "files", "content"].iter().any(|n| arguments.find_keyword(n).is_some());
    if matches!(method, "get" | "head" | "options" | "delete") && body_given {
        return Err(format!("a body on `{method}`: httpx needs `request(\"{}\", ...)`", method.to_uppercase()));
    }
    for (i, arg) in arguments.args.iter().enumerate().skip(1) {
        let name = positional_names[i];
        if name == "url" {
            continue;
        }
        let name = if name == "data" && is_text_or_bytes(arg) { "content" } else { name };
        edits.push(Edit::insertion(format!("{name}="), arg.start()));
    }
    let mut follows = method != "head";
    let mut has_timeout = false;
    let mut has_redirects = false;
    for keyword in &arguments.keywords {
        let Some(arg) = &keyword.arg else {
            return Err("`**kwargs` of unknown content".into());
        };
        match arg.as_str() {
            "params" | "headers" | "json" | "auth" | "verify" => {}
            "allow_redirects" => {
                has_redirects = true;
                follows = !matches!(keyword.value, Expr::BooleanLiteral(ast::ExprBooleanLiteral { value: false, .. }));
                edits.push(Edit::replacement("follow_redirects", arg.range()));
            }
            "data" => {
                if is_text_or_bytes(&keyword.value) {
                    edits.push(Edit::replacement("content", arg.range()));
                }
            }
            "timeout" => {
                has_timeout = true;
                if let Expr::Tuple(tuple) = &keyword.value {
                    let [connect, read] = &tuple.elts[..] else {
                        return Err("a timeout tuple that is not `(connect, read)`".into());
                    };
                    let timeout = importer::spell(cx, "httpx", "Timeout")?;
                    edits.push(Edit::replacement(
                        format!(
                            "{}(None, connect={}, read={})",
                            timeout.name,
                            &source[connect.range()],
                            &source[read.range()]
                        ),
                        keyword.value.range(),
                    ));
                    edits.extend(timeout.edit);
                } else {
                    notes.push("the timeout now also bounds sending the request body".into());
                }
            }
            "stream" => {
                if !matches!(keyword.value, Expr::BooleanLiteral(ast::ExprBooleanLiteral { value: false, .. })) {
                    return Err("`stream=True`: use `httpx.stream(...)` / `client.stream(...)` by hand".into());
                }
                let index = arguments.iter_source_order().position(|a| a.range() == keyword.range());
                edits.extend(index.and_then(|i| rewrite::remove_argument(arguments, i)));
            }
            "cookies" if session_call || target == Target::Client => {
                return Err("`cookies=` on a client call: httpx sets cookies on the client".into());
            }
            "cookies" => {}
            "files" => {
                if opens_in_text_mode(&keyword.value) {
                    return Err("`files=` with a text-mode `open()`: httpx needs binary files".into());
                }
            }
            "proxies" => return Err("`proxies=`: httpx configures proxies on the client (`proxy=` / `mounts=`)".into()),
            "hooks" => return Err("`hooks=`: httpx's event hooks are set on the client".into()),
            "cert" => return Err("`cert=`: httpx takes a client certificate through an SSL context".into()),
            other => return Err(format!("unknown keyword `{other}=`")),
        }
    }
    // What requests did by default and httpx does not.
    let mut added = Vec::new();
    match target {
        Target::Function if !session_call => {
            if !has_redirects && method != "head" {
                added.push("follow_redirects=True");
            }
            if !has_timeout {
                added.push("timeout=None");
            }
        }
        _ => {
            if !has_redirects && method == "head" {
                // The client follows redirects; requests' `head` does not.
                added.push("follow_redirects=False");
            }
        }
    }
    if !added.is_empty() {
        edits.extend(append_keywords(cx, arguments, &added)?);
    }
    Ok(Mapped { edits, notes, follows })
}

/// Insert `added` keywords after the last argument: inline (`f(a, b=1)`), or, when the call
/// closes on a line of its own, one per line before the closing parenthesis at the last
/// argument's indentation (adding the comma the last argument may lack).
fn append_keywords(cx: &Checker, arguments: &ast::Arguments, added: &[&str]) -> Result<Vec<Edit>, String> {
    let source = cx.source();
    let last = arguments.iter_source_order().last().map(|a| a.range()).ok_or("a call without arguments")?;
    let closing = arguments.end() - TextSize::from(1);
    let between = &source[TextRange::new(last.end(), closing)];
    if !between.contains(['\n', '\r']) {
        return Ok(vec![Edit::insertion(format!(", {}", added.join(", ")), last.end())]);
    }
    let indent = rewrite::indentation(cx, &last);
    let line_start = ruff_source_file::LineRanges::line_start(source, closing);
    let nl = cx.line_ending();
    let mut edits = Vec::new();
    if !between.trim_start().starts_with(',') {
        edits.push(Edit::insertion(",", last.end()));
    }
    let lines: String = added.iter().map(|k| format!("{indent}{k},{nl}")).collect();
    edits.push(Edit::insertion(lines, line_start));
    Ok(edits)
}

fn is_text_or_bytes(expr: &Expr) -> bool {
    matches!(expr, Expr::StringLiteral(_) | Expr::BytesLiteral(_) | Expr::FString(_))
}

/// Does `expr` contain `open(...)` without a binary mode?
fn opens_in_text_mode(expr: &Expr) -> bool {
    struct Finder(bool);
    impl<'a> SourceOrderVisitor<'a> for Finder {
        fn visit_expr(&mut self, expr: &'a Expr) {
            if let Expr::Call(call) = expr
                && matches!(&*call.func, Expr::Name(name) if name.id.as_str() == "open")
            {
                let mode = call.arguments.find_argument_value("mode", 1);
                let binary = matches!(mode, Some(Expr::StringLiteral(s)) if s.value.to_str().contains('b'));
                if !binary {
                    self.0 = true;
                }
            }
            source_order::walk_expr(self, expr);
        }
    }
    let mut finder = Finder(false);
    finder.visit_expr(expr);
    finder.0
}

// ---------------------------------------------------------------------------------------------
// Responses

/// Edits for the uses of the response a call produces: the attribute right on the call
/// (`requests.get(u).ok`) and, when the statement assigns it to a name, that name's uses in
/// the rest of the scope. Refused when a use has no httpx equivalent.
fn response_edits(cx: &Checker, call: &ast::ExprCall, follows: bool, notes: &mut Vec<String>) -> Result<Vec<Edit>, String> {
    let mut edits = Vec::new();
    let parents = cx.expression_parents();
    if let Some(Expr::Attribute(attr)) = parents.last()
        && attr.value.range() == call.range()
    {
        let parent = parents.len().checked_sub(2).map(|i| parents[i]);
        let use_ = Use { attr, parent, statement_value: cx.current_statement().and_then(expression_statement_value) };
        edits.extend(use_edits(cx.source(), &use_, follows, notes)?);
    }
    let Some(stmt) = cx.current_statement() else { return Ok(edits) };
    let Stmt::Assign(assign) = stmt else { return Ok(edits) };
    let ([Expr::Name(target)], true) = (&assign.targets[..], assign.value.range() == call.range()) else {
        return Ok(edits);
    };
    let uses = find_uses(cx, target.id.as_str(), stmt.end());
    if let Some(escape) = uses.escapes {
        notes.push(format!(
            "the response `{}` is passed on ({escape}): code elsewhere that reads `.ok`, `.reason`, `.url` or `.iter_content` must be migrated too",
            target.id
        ));
    }
    for use_ in &uses.attributes {
        edits.extend(use_edits(cx.source(), use_, follows, notes)?);
    }
    Ok(edits)
}

fn expression_statement_value(stmt: &Stmt) -> Option<TextRange> {
    match stmt {
        Stmt::Expr(expr) => Some(expr.value.range()),
        _ => None,
    }
}

/// One `name.attr` use: the attribute, its parent expression, and the range of the value of
/// the expression statement it sits in (if any).
struct Use<'a> {
    attr: &'a ast::ExprAttribute,
    parent: Option<&'a Expr>,
    statement_value: Option<TextRange>,
}

fn use_edits(source: &str, use_: &Use, follows: bool, notes: &mut Vec<String>) -> Result<Vec<Edit>, String> {
    let attr = use_.attr;
    let value = &source[attr.value.range()];
    let name = attr.attr.as_str();
    let called = matches!(use_.parent, Some(Expr::Call(call)) if call.func.range() == attr.range());
    match name {
        "ok" => {
            let bare = match use_.parent {
                None => true,
                Some(Expr::BoolOp(_)) | Some(Expr::Call(_)) | Some(Expr::List(_)) | Some(Expr::Tuple(_)) => true,
                Some(Expr::UnaryOp(op)) => matches!(op.op, ast::UnaryOp::Not),
                Some(Expr::If(if_exp)) => if_exp.test.range() == attr.range(),
                Some(_) => false,
            };
            let mut edits = vec![
                Edit::insertion(if bare { "not " } else { "(not " }, attr.start()),
                Edit::replacement("is_error", attr.attr.range()),
            ];
            if !bare {
                edits.push(Edit::insertion(")", attr.end()));
            }
            Ok(edits)
        }
        "reason" => Ok(vec![Edit::replacement("reason_phrase", attr.attr.range())]),
        "url" => Ok(vec![Edit::insertion("str(", attr.start()), Edit::insertion(")", attr.end())]),
        "iter_content" if called => {
            let Some(Expr::Call(call)) = use_.parent else { unreachable!("called") };
            if call.arguments.find_keyword("decode_unicode").is_some() {
                return Err("`iter_content(decode_unicode=...)`: use `iter_text()` by hand".into());
            }
            let mut edits = vec![Edit::replacement("iter_bytes", attr.attr.range())];
            if call.arguments.is_empty() {
                edits.push(Edit::insertion("1", call.arguments.start() + TextSize::from(1)));
            }
            Ok(edits)
        }
        "raise_for_status" if called => {
            let Some(Expr::Call(call)) = use_.parent else { unreachable!("called") };
            if follows {
                notes.push("`raise_for_status()` in httpx also raises for a final 3xx response (such as a 304)".into());
                Ok(Vec::new())
            } else if use_.statement_value == Some(call.range()) && matches!(&*attr.value, Expr::Name(_)) {
                Ok(vec![Edit::insertion(format!("{value}.is_error and "), call.start())])
            } else {
                Err("`raise_for_status()` used as a value where redirects are not followed (httpx raises on 3xx)".into())
            }
        }
        _ if RESPONSE_REFUSED.contains(&name) => Err(format!("the response's `.{name}` has no httpx equivalent")),
        _ if RESPONSE_SAME.contains(&name) => Ok(Vec::new()),
        _ => Err(format!("the response's `.{name}` is not known to asyncup")),
    }
}

/// A call on a name (`s.get(...)`), with its parent and grandparent expressions and statement.
struct CallUse<'a> {
    call: &'a ast::ExprCall,
    parent: Option<&'a Expr>,
    grandparent: Option<&'a Expr>,
    stmt: &'a Stmt,
}

/// The uses of `name` in the current scope after `after`, up to where it is bound again.
struct Uses<'a> {
    attributes: Vec<Use<'a>>,
    /// Calls made on the name (`name.get(...)`).
    calls: Vec<CallUse<'a>>,
    /// How the name escapes, if it is used other than through an attribute.
    escapes: Option<String>,
    /// Attribute names used.
    attribute_names: Vec<String>,
    /// Used inside a nested function or lambda.
    in_nested_scope: bool,
}

fn scope_body<'a>(cx: &Checker<'a>) -> &'a [Stmt] {
    match cx.current_function() {
        Some(func) => &func.body,
        None => cx.suite(),
    }
}

fn find_uses<'a>(cx: &Checker<'a>, name: &str, after: TextSize) -> Uses<'a> {
    find_uses_in(cx.source(), scope_body(cx), name, after)
}

fn find_uses_in<'a>(source: &str, body: &'a [Stmt], name: &str, after: TextSize) -> Uses<'a> {
    let mut finder = UseFinder {
        source,
        name,
        after,
        rebound: false,
        depth: 0,
        parents: Vec::new(),
        statement: None,
        uses: Uses { attributes: Vec::new(), calls: Vec::new(), escapes: None, attribute_names: Vec::new(), in_nested_scope: false },
    };
    finder.visit_body(body);
    finder.uses
}

struct UseFinder<'a, 'n> {
    source: &'n str,
    name: &'n str,
    after: TextSize,
    rebound: bool,
    /// Nested function depth.
    depth: usize,
    parents: Vec<&'a Expr>,
    statement: Option<&'a Stmt>,
    uses: Uses<'a>,
}

impl<'a> SourceOrderVisitor<'a> for UseFinder<'a, '_> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if self.rebound {
            return;
        }
        if let Stmt::FunctionDef(func) = stmt {
            let scope = crate::imports::Scope::function(func);
            if scope.shadowed.contains(self.name) || scope.imports.contains_key(self.name) {
                return;
            }
            self.depth += 1;
            source_order::walk_stmt(self, stmt);
            self.depth -= 1;
            return;
        }
        if let Stmt::ClassDef(_) = stmt {
            return;
        }
        let outer = self.statement.replace(stmt);
        source_order::walk_stmt(self, stmt);
        self.statement = outer;
        if stmt.start() >= self.after && binds(stmt, self.name) {
            self.rebound = true;
        }
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        if self.rebound {
            return;
        }
        if let Expr::Lambda(_) = expr {
            self.depth += 1;
            self.parents.push(expr);
            source_order::walk_expr(self, expr);
            self.parents.pop();
            self.depth -= 1;
            return;
        }
        if let Expr::Name(name) = expr
            && name.id.as_str() == self.name
            && expr.start() >= self.after
        {
            if self.depth > 0 {
                self.uses.in_nested_scope = true;
            }
            match self.parents.last() {
                Some(Expr::Attribute(attr)) if attr.value.range() == expr.range() => {
                    let parent = self.parents.len().checked_sub(2).map(|i| self.parents[i]);
                    self.uses.attribute_names.push(attr.attr.to_string());
                    if let Some(Expr::Call(call)) = parent
                        && call.func.range() == attr.range()
                        && let Some(stmt) = self.statement
                    {
                        let nth = |n: usize| self.parents.len().checked_sub(n).map(|i| self.parents[i]);
                        self.uses.calls.push(CallUse { call, parent: nth(3), grandparent: nth(4), stmt });
                    }
                    self.uses.attributes.push(Use {
                        attr,
                        parent,
                        statement_value: self.statement.and_then(expression_statement_value),
                    });
                }
                _ if matches!(name.ctx, ast::ExprContext::Load) && self.uses.escapes.is_none() => {
                    let context = self.parents.last().map_or(name.id.as_str(), |p| &self.source[p.range()]);
                    self.uses.escapes = Some(format!("`{}`", truncate(context)));
                }
                _ => {}
            }
        }
        self.parents.push(expr);
        source_order::walk_expr(self, expr);
        self.parents.pop();
    }
}

fn truncate(text: &str) -> String {
    let first = text.lines().next().unwrap_or_default();
    if first.len() > 40 || first.len() < text.len() {
        let cut: String = first.chars().take(40).collect();
        format!("{cut}...")
    } else {
        first.to_string()
    }
}

/// Does `stmt` (not its nested blocks) bind `name`?
fn binds(stmt: &Stmt, name: &str) -> bool {
    let is = |target: &Expr| matches!(target, Expr::Name(n) if n.id.as_str() == name);
    match stmt {
        Stmt::Assign(assign) => assign.targets.iter().any(is),
        Stmt::AnnAssign(assign) => assign.value.is_some() && is(&assign.target),
        Stmt::For(stmt_for) => is(&stmt_for.target),
        Stmt::With(with) => with.items.iter().any(|i| i.optional_vars.as_deref().is_some_and(is)),
        _ => false,
    }
}

// ---------------------------------------------------------------------------------------------
// Sessions

fn on_session<'a>(cx: &mut Checker<'a>, call: &'a ast::ExprCall) {
    let in_async = cx.in_async();
    let result = migrate_session(cx, call, in_async);
    let finding = Finding::new(RequestsToHttpx::INFO.id, call.range(), MESSAGE);
    let state = cx.state::<FileState>();
    match result {
        Ok(fix) => {
            state.migrated += 1;
            state.calls.push(finding.with_fix(fix));
        }
        Err(reason) => {
            state.refused += 1;
            state.calls.push(Finding { message: format!("{MESSAGE}; no fix: {reason}"), ..finding });
        }
    }
}

fn migrate_session(cx: &Checker, call: &ast::ExprCall, in_async: bool) -> Result<Fix, String> {
    if !call.arguments.is_empty() {
        return Err("`Session()` with arguments".into());
    }
    let stmt = cx.current_statement().ok_or("no enclosing statement")?;
    let (name, uses, is_with) = match stmt {
        Stmt::With(with) => {
            let item = with
                .items
                .iter()
                .find(|i| i.context_expr.range() == call.range())
                .ok_or("the session is created inside a `with` header")?;
            if with.items.len() != 1 {
                return Err("a `with` with several items".into());
            }
            let Some(Expr::Name(name)) = item.optional_vars.as_deref() else {
                return Err("`with requests.Session():` without `as name`".into());
            };
            let uses = find_uses_in(cx.source(), &with.body, name.id.as_str(), with.start());
            (name.id.to_string(), uses, true)
        }
        Stmt::Assign(assign) if assign.value.range() == call.range() => {
            let [Expr::Name(name)] = &assign.targets[..] else {
                return Err(format!(
                    "the session is stored in `{}`: its uses cannot be followed",
                    cx.slice(&assign.targets[0])
                ));
            };
            if in_async {
                return Err(
                    "a session created in `async def` outside `with`: use `async with httpx.AsyncClient()` by hand".into(),
                );
            }
            (name.id.to_string(), find_uses(cx, name.id.as_str(), stmt.end()), false)
        }
        _ => return Err("the session is not assigned to a name or used in `with ... as name`".into()),
    };
    let async_session = in_async && is_with;
    if let Some(attr) = uses.attribute_names.iter().find(|a| !SESSION_ATTRIBUTES.contains(&a.as_str()) && !METHODS.contains(&a.as_str())) {
        return Err(format!("the session's `.{attr}` has no httpx equivalent (mount adapters, proxies and hooks on an httpx client by hand)"));
    }
    let mut notes = Vec::new();
    if let Some(escape) = &uses.escapes {
        if async_session {
            return Err(format!("the session is passed on ({escape}): its calls there would not be awaited"));
        }
        notes.push(format!("the session `{name}` is passed on ({escape}): calls made on it elsewhere are not migrated"));
    }
    if async_session && uses.in_nested_scope {
        return Err("the session is used in a nested function or lambda, where its calls cannot be awaited".into());
    }
    let class = if async_session { "AsyncClient" } else { "Client" };
    let spelled = importer::spell(cx, "httpx", class)?;
    let mut edits = vec![Edit::replacement(format!("{}(follow_redirects=True, timeout=None)", spelled.name), call.range())];
    edits.extend(spelled.edit);
    if async_session {
        edits.push(Edit::insertion("async ", stmt.start()));
    }
    for CallUse { call: method_call, parent, grandparent, stmt: call_stmt } in &uses.calls {
        let Expr::Attribute(attr) = &*method_call.func else { continue };
        let method = attr.attr.as_str();
        if !METHODS.contains(&method) {
            continue;
        }
        let mapped = map_arguments(cx, method_call, method, Target::Client, true)?;
        edits.extend(mapped.edits);
        notes.extend(mapped.notes);
        // An attribute right on the call (`s.get(u).ok`): its text wraps the awaited call, so
        // its insertions go first.
        if let Some(Expr::Attribute(direct)) = parent
            && direct.value.range() == method_call.range()
        {
            let use_ = Use { attr: direct, parent: *grandparent, statement_value: expression_statement_value(call_stmt) };
            edits.extend(use_edits(cx.source(), &use_, mapped.follows, &mut notes)?);
        }
        if async_session {
            let parens = match parent {
                Some(Expr::Attribute(a)) => a.value.range() == method_call.range(),
                Some(Expr::Subscript(s)) => s.value.range() == method_call.range(),
                Some(Expr::Call(c)) => c.func.range() == method_call.range(),
                _ => false,
            };
            edits.push(Edit::insertion(if parens { "(await " } else { "await " }, method_call.start()));
            if parens {
                edits.push(Edit::insertion(")", method_call.end()));
            }
        }
        // The response this call produces, when its statement assigns it to a name.
        if let Stmt::Assign(assign) = call_stmt
            && let [Expr::Name(target)] = &assign.targets[..]
            && assign.value.range() == method_call.range()
        {
            let body: &[Stmt] = match stmt {
                Stmt::With(with) => &with.body,
                _ => scope_body(cx),
            };
            let response_uses = find_uses_in(cx.source(), body, target.id.as_str(), call_stmt.end());
            if let Some(escape) = response_uses.escapes {
                notes.push(format!(
                    "the response `{}` is passed on ({escape}): code elsewhere that reads `.ok`, `.reason` or `.url` must be migrated too",
                    target.id
                ));
            }
            for use_ in &response_uses.attributes {
                edits.extend(use_edits(cx.source(), use_, mapped.follows, &mut notes)?);
            }
        }
    }
    let mut fix = Fix::unsafe_(edits).with_note(note(notes));
    if let Some(binding) = dropped_binding(&call.func) {
        fix = fix.dropping(binding);
    }
    Ok(fix)
}
