//! `requests-to-httpx`: `requests` calls, sessions and exceptions → their `httpx` equivalents;
//! in `async def`, `httpx.AsyncClient` with `await`.

use ruff_python_ast::visitor::source_order::{self, SourceOrderVisitor};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::checker::Checker;
use crate::edit::{Edit, Finding, Fix};
use crate::registry::{FixSafety, Transform, TransformInfo};
use crate::{importer, rewrite};

mod table;
use table::Kind;

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
    /// - Imports: httpx is imported where requests was, never more widely. A requests import
    ///   the migration leaves unused becomes `import httpx` in place (same line, its comment
    ///   kept; moved within its block only where isort's order demands); one still used stays
    ///   and `import httpx` joins its block, sorted. An import local to a function or under
    ///   `if __name__ == "__main__":` never yields a module-level `import httpx`.
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
    /// Always unsafe, for differences no rewrite can keep (named in every note): httpx's
    /// `ConnectError` is narrower than requests' `ConnectionError` and httpx errors are not
    /// `OSError`s; `r.text` decodes a body without a charset as UTF-8 (requests: ISO-8859-1 for
    /// `text/*`); JSON bodies are sent compact; a `timeout=n` also bounds writing the body;
    /// booleans in `params`/`data` known only at run time are sent as `true`/`false` (requests:
    /// `True`/`False`); `None` values in `params` are sent as `key=` and in `headers` raise;
    /// header names are iterated lower-cased; a response or session passed to other code
    /// reaches code that was not migrated (named in the note where it happens).
    ///
    /// ## When no fix is made
    /// The migration is an allowlist: the mapping table below lists every argument, session
    /// use, response use, exception and use of a caught exception that is migrated. Any other
    /// use of a session, response or caught exception refuses the migration of that object,
    /// naming the use (`no fix: `r.request.url.startswith()` has no mapping to httpx`); uses are
    /// collected over the whole function, including earlier in an enclosing loop. Also refused:
    /// a name bound again on some paths to something other than a migrated response; a call in
    /// `async def` inside a sync `with` block (a `threading.Lock` held across `await`
    /// deadlocks); a call inside `try` whose handler catches `OSError`; `raise_for_status()`
    /// used as a value; `**kwargs`, `*args`; a body on `get`/`head`/`options`/`delete`;
    /// `files=` with a text-mode `open()`; a session created in `async def` outside `with`,
    /// stored in an attribute or used after `close()`; anything from `requests.adapters` or
    /// `requests.packages`; a requests exception with no httpx counterpart. When a file catches
    /// requests exceptions, one refusal in it refuses the whole file: half-migrated handlers
    /// would stop catching. A local name `requests` that is not the module is never touched.
    /// Imports: `requests` imported in `try` / `except ImportError` (an optional dependency:
    /// the module would need httpx, or the name it tests would change) is reported and nothing
    /// through it is migrated; nor is code using a `requests` imported only under
    /// `if TYPE_CHECKING:` (unbound at run time), imported on several conditional paths, or
    /// imported locally on a line shared with other code.
    pub struct RequestsToHttpx {
        id: "requests-to-httpx",
        summary: "`requests` calls, sessions and exceptions -> `httpx` (`httpx.AsyncClient` + `await` in `async def`)",
        min_version: None,
        safety: FixSafety::Unsafe,
        extra_doc: table::render,
    }
}

const MESSAGE: &str = "Use `httpx` instead of `requests`";
const ASYNC_MESSAGE: &str = "Blocking `requests` call in `async def`: use `httpx.AsyncClient`";

const METHODS: &[&str] = &["get", "post", "put", "patch", "delete", "head", "options", "request"];

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
    "InvalidJSONError",
];

/// What the file holds, decided on at the end of the traversal.
#[derive(Default)]
struct FileState {
    /// Call sites and sessions, migrated or refused.
    calls: Vec<Entry>,
    exceptions: Vec<ExceptionRef>,
    /// Why the file's exception references cannot be migrated, if one cannot.
    exception_blocker: Option<String>,
    /// Names of requests exceptions whose handlers would stop matching.
    unmapped: Vec<String>,
    /// Every `x.ok`, `x.reason`, `x.url`, ... in the file: values that may be responses.
    response_attribute_uses: Vec<(TextRange, String)>,
    /// Every name that resolves to a requests import: the scope of its binding (the function
    /// holding the import, `None` for the module), the name, where it is used.
    name_uses: Vec<(Option<TextRange>, String, TextRange)>,
    /// Where each entry of `calls` resolves its `requests` name (same order).
    call_vias: Vec<Option<Via>>,
}

/// The requests import a migrated name resolves through: where `import httpx` goes.
#[derive(Clone, Debug)]
struct Via {
    /// The scope of the binding: the function holding the import, `None` for the module.
    scope: Option<TextRange>,
    /// The import statement (the one that always runs, when the scope has several).
    stmt: TextRange,
    /// The name the fix rewrites away (`requests` in `requests.get`).
    root: TextRange,
    /// The statement is at module level and always runs: a module-level `import httpx` needs
    /// httpx no more widely than it needed requests.
    module_level: bool,
}

/// One call site or session.
struct Entry {
    finding: Finding,
    migrated: bool,
    /// Attribute uses of its response the fix rewrites.
    tracked: Vec<TextRange>,
    /// How its response (or session) reaches code the fix cannot see.
    escapes: Option<String>,
    /// The calls it migrates (the session's calls, or the call itself).
    covers: Vec<TextRange>,
    /// Calls whose migration this fix needs (see [`ResponseEdits::needs_migrated`]).
    needs_migrated: Vec<(TextRange, TextRange)>,
}

/// An exception reference's edits, the import binding it drops and the response attribute
/// uses (`exc.response.reason`) it rewrites.
type ExceptionFix = (Vec<Edit>, Option<String>, Vec<TextRange>);

struct ExceptionRef {
    range: TextRange,
    shown: String,
    via: Option<Via>,
    /// The fix's edits, the import binding it drops and the attribute uses it rewrites.
    fix: Result<ExceptionFix, String>,
}

/// The fix of a migrated call or session, with what the file-level decision needs.
struct Migration {
    fix: Fix,
    tracked: Vec<TextRange>,
    escapes: Option<String>,
    covers: Vec<TextRange>,
    needs_migrated: Vec<(TextRange, TextRange)>,
}

/// Attributes asyncup rewrites or refuses on a response: seen on a value it cannot follow,
/// they may belong to a response that escaped a migrated call.
const RESPONSE_WATCHED: &[&str] = &["ok", "reason", "url", "iter_content", "raw", "iter_lines", "apparent_encoding"];

impl Transform for RequestsToHttpx {
    fn info(&self) -> &'static TransformInfo {
        &Self::INFO
    }

    fn hooks(&self) -> crate::registry::Hooks {
        crate::registry::Hooks::stmt_and_expr(crate::registry::ExprKinds::CALL.or(crate::registry::ExprKinds::NAME).or(crate::registry::ExprKinds::ATTRIBUTE))
    }

    fn on_stmt<'a>(&self, cx: &mut Checker<'a>, stmt: &'a Stmt) {
        if imports_requests(stmt)
            && let Some(reason) = optional_import(cx.statements(), stmt.range())
        {
            push_entry(cx, stmt.range(), MESSAGE, Err(reason), None);
        }
    }

    fn on_expr<'a>(&self, cx: &mut Checker<'a>, expr: &'a Expr) {
        // Everything below starts from a name bound by an import of `requests`.
        if !cx.imports_name("requests") {
            return;
        }
        match expr {
            Expr::Call(call) => on_call(cx, call),
            Expr::Name(_) | Expr::Attribute(_) => on_reference(cx, expr),
            _ => {}
        }
    }

    fn on_end(&self, cx: &mut Checker<'_>) {
        let mut state = std::mem::take(cx.state::<FileState>());
        if state.calls.is_empty() && state.exceptions.is_empty() {
            return;
        }
        let source = cx.source();
        let line_of = |offset: TextSize| source[..usize::from(offset)].matches('\n').count() + 1;

        // A migrated response that escapes, in a file that reads response attributes on values
        // asyncup cannot follow, may reach one of them unmigrated.
        let tracked: Vec<TextRange> = state
            .calls
            .iter()
            .flat_map(|e| e.tracked.iter().copied())
            .chain(state.exceptions.iter().filter_map(|r| r.fix.as_ref().ok()).flat_map(|f| f.2.iter().copied()))
            .collect();
        let untracked = state.response_attribute_uses.iter().find(|(range, _)| !tracked.contains(range));
        if let Some((range, attr)) = untracked {
            for entry in state.calls.iter_mut().filter(|e| e.migrated) {
                if let Some(escape) = &entry.escapes {
                    entry.migrated = false;
                    entry.finding.fix = None;
                    entry.finding.message = format!(
                        "{}; no fix: its response or session is passed on ({escape}), and this file reads `.{attr}` \
                         (line {}) on a value asyncup cannot follow",
                        entry.finding.message,
                        line_of(range.start())
                    );
                }
            }
        }
        // A name that holds the response of a refused call on some paths and of a migrated one
        // on others (`r = requests.get(a, stream=True)` ... `if x: r = requests.get(b)`): a
        // use both reach cannot be rewritten for one of them.
        let refused_uses: Vec<TextRange> =
            state.calls.iter().filter(|e| !e.migrated).flat_map(|e| e.tracked.iter().copied()).collect();
        for entry in state.calls.iter_mut().filter(|e| e.migrated) {
            if let Some(shared) = entry.tracked.iter().find(|r| refused_uses.contains(r)) {
                entry.migrated = false;
                entry.finding.fix = None;
                entry.finding.message = format!(
                    "{}; no fix: `{}` (line {}) may also read the response of a requests call that is not migrated",
                    entry.finding.message,
                    truncate(&source[*shared]),
                    line_of(shared.start())
                );
            }
        }
        // A name bound again on some paths must hold a migrated response on all of them.
        loop {
            let covered: Vec<TextRange> =
                state.calls.iter().filter(|e| e.migrated).flat_map(|e| e.covers.iter().copied()).collect();
            let Some(entry) = state.calls.iter_mut().find(|e| {
                e.migrated && e.needs_migrated.iter().any(|(_, call)| !covered.contains(call))
            }) else {
                break;
            };
            let (rebind, _) = *entry.needs_migrated.iter().find(|(_, call)| !covered.contains(call)).expect("found");
            entry.migrated = false;
            entry.finding.fix = None;
            entry.finding.message = format!("{}; no fix: {}", entry.finding.message, rebind_reason(source, rebind));
        }
        let refused = state.calls.iter().filter(|e| !e.migrated).count();
        let migrated = state.calls.len() - refused;
        let blocker = state.exception_blocker.clone().or_else(|| {
            (refused > 0).then(|| "a requests call in this file cannot be migrated (see its finding)".to_string())
        });
        let whole_file_blocked = !state.exceptions.is_empty() && blocker.is_some();
        // A file that already uses httpx (an earlier pass migrated its calls) migrates the
        // exception references that are left.
        let already_httpx = cx.imports().module_alias("httpx").is_some();

        let mut findings = Vec::new();
        let mut vias = Vec::new();
        for (entry, via) in state.calls.into_iter().zip(state.call_vias) {
            vias.push(via);
            let mut finding = entry.finding;
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
            findings.push(finding);
        }
        for reference in state.exceptions {
            vias.push(reference.via);
            let mut finding = Finding::new(
                RequestsToHttpx::INFO.id,
                reference.range,
                format!("Use the httpx exception instead of `{}`", reference.shown),
            );
            let fix = match (&blocker, migrated, reference.fix) {
                (_, _, Err(reason)) => Err(reason),
                (Some(blocker), _, _) => Err(blocker.clone()),
                (None, 0, _) if !already_httpx => Err(
                    "no requests call in this file is migrated with it (the error may come from another module)".into(),
                ),
                (None, _, Ok(fix)) => Ok(fix),
            };
            match fix {
                Ok((edits, dropped, _)) => {
                    let mut fix = Fix::unsafe_(edits).with_note(
                        "migrated with the file's requests calls; httpx's exception tree differs: `ConnectError` \
                         does not cover connect timeouts or dropped connections, and httpx errors are not `OSError`s",
                    );
                    if let Some(dropped) = dropped {
                        fix = fix.dropping(dropped);
                    }
                    finding = finding.with_fix(fix);
                }
                Err(reason) => finding.message = format!("{}; no fix: {reason}", finding.message),
            }
            findings.push(finding);
        }
        group_fixes(&mut findings);
        place_imports(cx, &mut findings, &vias, &state.name_uses);
        for finding in findings {
            cx.report(finding);
        }
    }
}

/// The file's migration only works whole (handlers and calls change together; a response's
/// attributes change with its call): put the fixes in one all-or-nothing group. A fix that
/// overlaps another stays out of the group and waits for the next pass on its own.
fn group_fixes(findings: &mut [Finding]) {
    let mut order: Vec<usize> = (0..findings.len()).filter(|&i| findings[i].fix.is_some()).collect();
    order.sort_by_key(|&i| findings[i].fix.as_ref().and_then(Fix::min_start));
    let mut accepted: Vec<Edit> = Vec::new();
    for i in order {
        let Some(fix) = findings[i].fix.take() else { continue };
        // Insertions at one offset from different call sites (`import httpx`, `import json`)
        // may go in any order; only a real overlap conflicts.
        let conflicts = fix.edits().iter().any(|edit| {
            accepted.iter().any(|other| {
                other != edit
                    && (edit.start() < other.end() && other.start() < edit.end()
                        || edit.is_insertion() && other.start() < edit.start() && edit.start() < other.end()
                        || other.is_insertion() && edit.start() < other.start() && other.start() < edit.end())
            })
        });
        findings[i].fix = Some(if conflicts {
            fix
        } else {
            accepted.extend(fix.edits().iter().cloned());
            fix.in_group(0)
        });
    }
}

/// `requests.<method>(...)` and `requests.Session()`.
fn on_call<'a>(cx: &mut Checker<'a>, call: &'a ast::ExprCall) {
    if !rooted_in_requests(cx, &call.func) {
        return;
    }
    let Some(qualified) = cx.imports().resolve(&call.func) else { return };
    let q: Vec<&str> = qualified.iter().map(String::as_str).collect();
    let method = match q.as_slice() {
        ["requests", m] | ["requests", "api", m]
            if METHODS.contains(m) && table::find(Kind::Module, &format!("{m}()")).is_some() =>
        {
            *m
        }
        ["requests", "Session" | "session"] | ["requests", "sessions", "Session"] => {
            return on_session(cx, call);
        }
        _ => return,
    };
    let in_async = cx.in_async();
    let message = if in_async { ASYNC_MESSAGE } else { MESSAGE };
    let (result, via) = match resolve_import(cx, &call.func) {
        Ok(via) if in_async => (migrate_async_call(cx, call, method), via),
        Ok(via) => (migrate_sync_call(cx, call, method), via),
        Err(reason) => (Err(reason), None),
    };
    let refused_uses = if result.is_err() { response_attribute_ranges(cx, call) } else { Vec::new() };
    push_entry(cx, call.range(), message, result, via);
    // Attributes read on a response that stays a requests response are followed too.
    if let Some(entry) = cx.state::<FileState>().calls.last_mut() {
        entry.tracked.extend(refused_uses);
    }
}

/// The attribute uses of the response of a call: on the call itself, or on the name its
/// statement assigns it to.
fn response_attribute_ranges(cx: &Checker, call: &ast::ExprCall) -> Vec<TextRange> {
    if let Some(Expr::Attribute(attr)) = cx.expression_parents().last()
        && attr.value.range() == call.range()
    {
        return vec![attr.range()];
    }
    match cx.current_statement() {
        Some(Stmt::Assign(assign)) if assign.value.range() == call.range() => match &assign.targets[..] {
            [Expr::Name(target)] => {
                find_uses(cx, target.id.as_str(), assign.end()).attributes.iter().map(|u| u.attr.range()).collect()
            }
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

fn push_entry(cx: &mut Checker, range: TextRange, message: &str, result: Result<Migration, String>, via: Option<Via>) {
    let finding = Finding::new(RequestsToHttpx::INFO.id, range, message);
    let entry = match result {
        Ok(migration) => Entry {
            finding: finding.with_fix(migration.fix),
            migrated: true,
            tracked: migration.tracked,
            escapes: migration.escapes,
            covers: if migration.covers.is_empty() { vec![range] } else { migration.covers },
            needs_migrated: migration.needs_migrated,
        },
        Err(reason) => Entry {
            finding: Finding { message: format!("{message}; no fix: {reason}"), ..finding },
            migrated: false,
            tracked: Vec::new(),
            escapes: None,
            covers: Vec::new(),
            needs_migrated: Vec::new(),
        },
    };
    let state = cx.state::<FileState>();
    state.calls.push(entry);
    state.call_vias.push(via);
}

/// Cheap guard before resolving: is the dotted name's first part an import of `requests`?
fn rooted_in_requests(cx: &Checker, expr: &Expr) -> bool {
    root_name(expr)
        .and_then(|root| cx.imports().binding(root))
        .is_some_and(|binding| binding.qualified.first().is_some_and(|m| m == "requests"))
}

/// A reference to a requests exception, `requests.adapters` or `requests.packages`; and any
/// `x.ok`-like attribute (a possible response).
fn on_reference<'a>(cx: &mut Checker<'a>, expr: &'a Expr) {
    if let Expr::Name(name) = expr
        && let Some(binding) = cx.imports().binding(name.id.as_str())
        && binding.qualified.first().is_some_and(|m| m == "requests")
    {
        let scope = binding_scope(cx, binding.stmt);
        cx.state::<FileState>().name_uses.push((scope, name.id.to_string(), name.range()));
    }
    if let Expr::Attribute(attr) = expr
        && RESPONSE_WATCHED.contains(&attr.attr.as_str())
    {
        cx.state::<FileState>().response_attribute_uses.push((attr.range(), attr.attr.to_string()));
    }
    // Only the outermost part of a dotted name (`requests.exceptions.HTTPError`, not the
    // `requests.exceptions` inside it).
    if let Some(Expr::Attribute(parent)) = cx.expression_parents().last()
        && parent.value.range() == expr.range()
    {
        return;
    }
    if !rooted_in_requests(cx, expr) {
        return;
    }
    let Some(qualified) = cx.imports().resolve(expr) else { return };
    let q: Vec<&str> = qualified.iter().map(String::as_str).collect();
    let name = match q.as_slice() {
        ["requests", name] | ["requests", "exceptions", name] => *name,
        ["requests", "adapters" | "packages", ..] => {
            let reason = format!("`{}` has no httpx equivalent: migrate by hand", cx.slice(expr));
            push_entry(cx, expr.range(), MESSAGE, Err(reason), None);
            return;
        }
        _ => return,
    };
    let mapped = table::exception(name);
    if mapped.is_none() && !UNMAPPED_EXCEPTIONS.contains(&name) {
        return;
    }
    let shown = cx.slice(expr).to_string();
    let constructed =
        matches!(cx.expression_parents().last(), Some(Expr::Call(call)) if call.func.range() == expr.range());
    let via = match resolve_import(cx, expr) {
        Ok(via) => via,
        Err(reason) => {
            cx.state::<FileState>().exception_blocker = Some(reason.clone());
            cx.state::<FileState>().exceptions.push(ExceptionRef { range: expr.range(), shown, via: None, fix: Err(reason) });
            return;
        }
    };
    let fix = if constructed {
        let reason = format!("it constructs `{shown}(...)`, and httpx's exceptions take other arguments");
        cx.state::<FileState>().exception_blocker = Some(reason.clone());
        Err(reason)
    } else {
        match mapped {
            Some(target) => exception_fix(cx, expr, target),
            None => {
                cx.state::<FileState>().unmapped.push(shown.clone());
                let reason = format!("`{shown}` has no mapping to httpx (its handlers would stop matching)");
                cx.state::<FileState>().exception_blocker = Some(reason.clone());
                Err(reason)
            }
        }
    };
    if let Err(reason) = &fix
        && !constructed
        && mapped.is_some()
    {
        cx.state::<FileState>().exception_blocker = Some(format!("`{shown}` cannot be migrated: {reason}"));
    }
    cx.state::<FileState>().exceptions.push(ExceptionRef { range: expr.range(), shown, via, fix });
}

/// The edits migrating one exception reference: the name, and in an `except ... as exc:`
/// handler, the uses of `exc.response` (a response like any other).
fn exception_fix(
    cx: &Checker,
    expr: &Expr,
    target: &str,
) -> Result<ExceptionFix, String> {
    let handler = match cx.current_statement() {
        Some(Stmt::Try(stmt_try)) => stmt_try.handlers.iter().find_map(|h| {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            h.type_.as_ref().is_some_and(|t| t.range().contains_range(expr.range())).then_some(h)
        }),
        _ => None,
    };
    let mut edits = Vec::new();
    let replacement = match (target, handler) {
        // `except requests.RequestException` also caught `.json()` decode errors.
        ("HTTPError", Some(_)) => {
            let http_error = importer::spell(cx, "httpx", "HTTPError")?;
            let json_error = importer::spell(cx, "json", "JSONDecodeError")?;
            edits.extend(http_error.edit);
            edits.extend(json_error.edit);
            format!("({}, {})", http_error.name, json_error.name)
        }
        ("json.JSONDecodeError", _) => {
            let json_error = importer::spell(cx, "json", "JSONDecodeError")?;
            edits.extend(json_error.edit);
            json_error.name
        }
        _ => {
            let spelled = importer::spell(cx, "httpx", target)?;
            edits.extend(spelled.edit);
            spelled.name
        }
    };
    edits.push(Edit::replacement(replacement, expr.range()));
    let mut tracked = Vec::new();
    if let Some(handler) = handler
        && let Some(name) = &handler.name
    {
        let uses = find_uses_in(cx.source(), &handler.body, name.as_str(), handler.start());
        let mut notes = Vec::new();
        for use_ in &uses.attributes {
            let mapped = target == "json.JSONDecodeError" && table::find(Kind::ExceptionObject, &use_.chain).is_some()
                || target == "HTTPStatusError"
                    && use_.chain.strip_prefix("response.").is_some_and(|rest| table::find(Kind::Response, rest).is_some());
            if !mapped {
                return Err(format!("{} has no mapping to httpx", shown_use(name.as_str(), &use_.chain)));
            }
        }
        if let Some(escape) = &uses.escapes {
            return Err(format!(
                "the caught exception is used as a value ({escape}): httpx's has another message and attributes"
            ));
        }
        if let Some((range, _)) = uses.conditional_rebind {
            return Err(rebind_reason(cx.source(), range));
        }
        for use_ in uses.attributes.iter().filter(|u| u.attr.attr.as_str() == "response") {
            if let Some(Expr::Attribute(outer)) = use_.parent
                && outer.value.range() == use_.attr.range()
            {
                let chain = use_.chain.strip_prefix("response.").unwrap_or_default().to_string();
                let inner = Use {
                    attr: outer,
                    parent: use_.grandparent,
                    grandparent: None,
                    statement_value: use_.statement_value,
                    chain,
                    statement: use_.statement,
                };
                edits.extend(use_edits(cx.source(), &inner, true, &mut notes)?);
                tracked.push(outer.range());
            }
        }
    }
    Ok((edits, root_name(expr).map(str::to_string), tracked))
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

fn migrate_sync_call(cx: &Checker, call: &ast::ExprCall, method: &str) -> Result<Migration, String> {
    caught_as_os_error(cx, call.range())?;
    if in_with_header(cx, call) {
        return Err("the response is used as a context manager: use `httpx.stream(...)` by hand".into());
    }
    let spelled = importer::spell(cx, "httpx", method)?;
    let mut edits = vec![Edit::replacement(spelled.name, call.func.range())];
    edits.extend(spelled.edit);
    let mapped = map_arguments(cx, call, method, Target::Function, false)?;
    edits.extend(mapped.edits);
    let mut notes = mapped.notes;
    let response = response_edits(cx, call, mapped.follows, &mut notes)?;
    edits.extend(response.edits);
    Ok(Migration {
        fix: finish(edits, notes, &call.func),
        tracked: response.tracked,
        escapes: response.escapes,
        covers: Vec::new(),
        needs_migrated: response.needs_migrated,
    })
}

fn migrate_async_call(cx: &Checker, call: &ast::ExprCall, method: &str) -> Result<Migration, String> {
    caught_as_os_error(cx, call.range())?;
    if crate::analysis::in_sync_with(cx, call.range()) {
        return Err(SYNC_WITH.into());
    }
    if in_with_header(cx, call) {
        return Err("the response is used as a context manager: use `client.stream(...)` by hand".into());
    }
    let stmt = cx.current_statement().ok_or("no enclosing statement")?;
    rewrite::check_hoistable(cx, stmt)?;
    if rewrite::in_conditional_or_deferred_context(cx, call.range()) {
        return Err(
            "the call runs only on some paths or lazily: a client block around the statement would change that".into(),
        );
    }
    let spelled = importer::spell(cx, "httpx", "AsyncClient")?;
    let client = cx.fresh_name("client", &[]);
    let mapped = map_arguments(cx, call, method, Target::Client, false)?;
    let mut notes = mapped.notes;
    // The response's own edits wrap the awaited call: they go first.
    let response = response_edits(cx, call, mapped.follows, &mut notes)?;
    let parens = needs_parens_for_await(cx, call);
    let (inside, outside): (Vec<Edit>, Vec<Edit>) =
        response.edits.into_iter().partition(|e| stmt.range().contains_range(e.range()));
    let mut inner = inside;
    inner.push(Edit::replacement(
        format!("{}await {client}.{method}", if parens { "(" } else { "" }),
        call.func.range(),
    ));
    inner.extend(mapped.edits);
    if parens {
        inner.push(Edit::insertion(")", call.end()));
    }
    let header = format!("async with {}(follow_redirects=True, timeout=None) as {client}", spelled.name);
    let mut edits = rewrite::wrap_in_block(cx, stmt, &header, &[], inner);
    edits.extend(spelled.edit);
    edits.extend(outside);
    notes.push("the statement now runs inside an `httpx.AsyncClient` block".into());
    Ok(Migration {
        fix: finish(edits, notes, &call.func),
        tracked: response.tracked,
        escapes: response.escapes,
        covers: Vec::new(),
        needs_migrated: response.needs_migrated,
    })
}

/// The fix of a migrated call or session: unsafe, with its notes, dropping the `requests`
/// binding it no longer uses.
fn finish(edits: Vec<Edit>, notes: Vec<String>, callee: &Expr) -> Fix {
    let fix = Fix::unsafe_(edits).with_note(note(notes));
    match dropped_binding(callee) {
        Some(binding) => fix.dropping(binding),
        None => fix,
    }
}

fn note(mut notes: Vec<String>) -> String {
    notes.insert(0, GENERAL_NOTE.to_string());
    notes.dedup();
    notes.join("; ")
}

/// Differences between requests and httpx that no rewrite can keep; every fix names them.
const GENERAL_NOTE: &str = "httpx differs where no rewrite keeps requests' behaviour: `ConnectError` is narrower \
     than `ConnectionError` (a connect timeout or dropped connection raises another error) and httpx errors are \
     not `OSError`s; a body without a charset decodes as UTF-8 (requests: ISO-8859-1 for `text/*`, else a guess); \
     JSON bodies are sent compact; redirects stop after 20 (requests: 30); `str(r.url)` is normalised differently; \
     booleans in `params`/`data` known only at run time are sent as `true`/`false` (requests: `True`/`False`); \
     `None` values in `params` are sent as `key=` (requests drops them) and in `headers` raise `TypeError`; \
     header names are iterated lower-cased where a response is passed on";

const SYNC_WITH: &str = "the call is inside a sync `with` block (a lock?): awaiting there lets other tasks run while \
     it is held, and a task that takes a `threading.Lock` held across an `await` deadlocks the loop";

/// requests' errors are `OSError`s, httpx's are not: a call inside `try` whose handler catches
/// `OSError` (or `IOError`, `EnvironmentError`, `socket.error`) in this function would stop
/// being caught.
fn caught_as_os_error(cx: &Checker, range: TextRange) -> Result<(), String> {
    fn names_os_error(expr: &Expr) -> bool {
        match expr {
            Expr::Name(n) => matches!(n.id.as_str(), "OSError" | "IOError" | "EnvironmentError"),
            Expr::Attribute(a) => a.attr.as_str() == "error" && matches!(&*a.value, Expr::Name(n) if n.id.as_str() == "socket"),
            Expr::Tuple(t) => t.elts.iter().any(names_os_error),
            _ => false,
        }
    }
    for stmt in cx.statements().iter().rev() {
        match stmt {
            Stmt::FunctionDef(_) | Stmt::ClassDef(_) => break,
            Stmt::Try(t) if t.body.iter().any(|s| s.range().contains_range(range)) => {
                for handler in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = handler;
                    if h.type_.as_deref().is_some_and(names_os_error) {
                        return Err(format!(
                            "the call is inside `try` with `except {}`: requests' errors are `OSError`s, httpx's are not",
                            cx.slice(h.type_.as_deref().expect("checked"))
                        ));
                    }
                }
            }
            _ => {}
        }
    }
    Ok(())
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
        check_value(name, arg)?;
        let name = if name == "data" && is_text_or_bytes(arg) { "content" } else { name };
        edits.push(Edit::insertion(format!("{name}="), arg.start()));
    }
    let params_given = arguments.find_keyword("params").is_some() || positional_names.get(1) == Some(&"params") && arguments.args.len() > 1;
    let url_index = positional_names.iter().position(|n| *n == "url").unwrap_or(0);
    if params_given && let Some(url) = arguments.find_argument_value("url", url_index) {
        // `?` only appears in Python source inside a string (or a comment).
        let literal_query = cx.slice(url).contains('?');
        match url {
            _ if literal_query => {
                return Err("the URL already has a query string and `params=` is given: httpx replaces the query, requests adds to it".into());
            }
            Expr::StringLiteral(_) | Expr::FString(_) => {}
            _ => notes.push("where the URL already has a query string, httpx's `params=` replaces it (requests adds to it)".into()),
        }
    }
    let mut follows = method != "head";
    let mut has_timeout = false;
    let mut has_redirects = false;
    for keyword in &arguments.keywords {
        let Some(arg) = &keyword.arg else {
            return Err("`**kwargs` of unknown content".into());
        };
        let is_false = matches!(keyword.value, Expr::BooleanLiteral(ast::ExprBooleanLiteral { value: false, .. }));
        let key = if arg.as_str() == "stream" && is_false { "stream=False".to_string() } else { format!("{arg}=") };
        let kind = if session_call || target == Target::Client { Kind::ClientArgument } else { Kind::Argument };
        if table::find(kind, &key).is_none() {
            let hint = match arg.as_str() {
                "proxies" => ": httpx configures proxies on the client (`proxy=` / `mounts=`)",
                "hooks" => ": httpx's event hooks are set on the client",
                "cert" => ": httpx takes a client certificate on the client, through an SSL context",
                "verify" | "cookies" => ": httpx takes it on the client only",
                "stream" => ": use `httpx.stream(...)` / `client.stream(...)` by hand",
                _ => "",
            };
            let call_kind = if kind == Kind::ClientArgument { "a client call" } else { "a call" };
            return Err(format!("`{key}` on {call_kind} has no mapping to httpx{hint}"));
        }
        match arg.as_str() {
            "params" | "headers" => check_value(arg.as_str(), &keyword.value)?,
            "auth" if !keyword.value.is_tuple_expr() => {
                return Err(
                    "`auth=` that is not a `(user, password)` tuple (a `requests.auth` object) has no mapping to httpx"
                        .into(),
                );
            }
            "json" | "auth" | "verify" | "cookies" => {}
            "allow_redirects" => {
                has_redirects = true;
                // Only a literal `True` is known to follow.
                follows = matches!(keyword.value, Expr::BooleanLiteral(ast::ExprBooleanLiteral { value: true, .. }));
                edits.push(Edit::replacement("follow_redirects", arg.range()));
            }
            "data" => {
                check_value("data", &keyword.value)?;
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
                let index = arguments.iter_source_order().position(|a| a.range() == keyword.range());
                edits.extend(index.and_then(|i| rewrite::remove_argument(arguments, i)));
            }
            "files" if opens_in_text_mode(&keyword.value) => {
                return Err("`files=` with a text-mode `open()`: httpx needs binary files".into());
            }
            _ => {}
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
    let nl = cx.line_ending_at(last.end());
    let mut edits = Vec::new();
    if !between.trim_start().starts_with(',') {
        edits.push(Edit::insertion(",", last.end()));
    }
    let lines: String = added.iter().map(|k| format!("{indent}{k},{nl}")).collect();
    edits.push(Edit::insertion(lines, line_start));
    Ok(edits)
}

/// Values httpx encodes differently from requests, where the source shows them: `None` and
/// booleans in `params`/`data` (requests drops `None` and sends `True`; httpx sends `key=` and
/// `true`), `None` headers (httpx raises), `data` as a list of pairs (httpx needs a mapping).
fn check_value(name: &str, value: &Expr) -> Result<(), String> {
    let special = |e: &Expr| matches!(e, Expr::NoneLiteral(_) | Expr::BooleanLiteral(_));
    match (name, value) {
        ("params" | "data", Expr::Dict(dict)) if dict.items.iter().any(|item| special(&item.value)) => Err(format!(
            "`{name}=` has `None` or boolean values: requests drops `None` and sends `True`, httpx sends `key=` and `true`"
        )),
        ("headers", Expr::Dict(dict)) if dict.items.iter().any(|item| matches!(item.value, Expr::NoneLiteral(_))) => {
            Err("`headers=` with a `None` value: requests drops the header, httpx raises".into())
        }
        ("data", Expr::List(_) | Expr::Tuple(_)) => Err("`data=` as a list of pairs: httpx needs a mapping".into()),
        _ => Ok(()),
    }
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

#[derive(Default)]
struct ResponseEdits {
    edits: Vec<Edit>,
    /// (a statement binding the response's name again on some paths, the call it binds):
    /// the fix holds only if that call is migrated too.
    needs_migrated: Vec<(TextRange, TextRange)>,
    tracked: Vec<TextRange>,
    escapes: Option<String>,
}

/// Edits for the uses of the response a call produces (see [`call_response_edits`]), for a
/// call the checker is visiting.
fn response_edits(
    cx: &Checker,
    call: &ast::ExprCall,
    follows: bool,
    notes: &mut Vec<String>,
) -> Result<ResponseEdits, String> {
    let parents = cx.expression_parents();
    let nth = |n: usize| parents.len().checked_sub(n).map(|i| parents[i]);
    let Some(stmt) = cx.current_statement() else { return Ok(ResponseEdits::default()) };
    let site = CallSite {
        call,
        parent: nth(1),
        grandparent: nth(2),
        chain: use_chain(parents, call.range(), Some(stmt)),
        truth: truth_use(parents, call.range(), Some(stmt)),
        stmt,
    };
    call_response_edits(cx.source(), &site, scope_body(cx), follows, notes)
}

/// A call and where it stands (also a call made on a session name, `s.get(...)`).
struct CallSite<'a> {
    call: &'a ast::ExprCall,
    parent: Option<&'a Expr>,
    grandparent: Option<&'a Expr>,
    /// The use of its response right on the call (see [`use_chain`]).
    chain: String,
    /// How the call's truth value is used.
    truth: Truth,
    stmt: &'a Stmt,
}

/// Edits for the uses of the response a call produces: the attribute right on the call
/// (`requests.get(u).ok`) and, when the statement assigns it to a name, that name's uses in
/// `body` (attributes, and its truth value). Refused when a use has no httpx equivalent;
/// `escapes` says where the response goes otherwise.
fn call_response_edits(
    source: &str,
    site: &CallSite,
    body: &[Stmt],
    follows: bool,
    notes: &mut Vec<String>,
) -> Result<ResponseEdits, String> {
    let mut out = ResponseEdits::default();
    let call = site.call;
    if let Some(Expr::Attribute(attr)) = site.parent
        && attr.value.range() == call.range()
    {
        let use_ = Use {
            attr,
            parent: site.grandparent,
            grandparent: None,
            statement_value: expression_statement_value(site.stmt),
            chain: site.chain.clone(),
            statement: Some(site.stmt),
        };
        out.edits.extend(use_edits(source, &use_, follows, notes)?);
        out.tracked.push(attr.range());
        if attr.attr.as_str() == "history" {
            out.escapes = Some(format!("`{}`", truncate(&source[attr.range()])));
        }
        return Ok(out);
    }
    if site.truth != Truth::Unused {
        return Err(
            "the response's truth value is used: a requests response is false on 4xx/5xx, an httpx response never"
                .into(),
        );
    }
    match site.stmt {
        Stmt::Assign(assign) if assign.value.range() == call.range() => {
            let [Expr::Name(target)] = &assign.targets[..] else {
                out.escapes = Some(format!("`{}`", truncate(&source[assign.targets[0].range()])));
                return Ok(out);
            };
            let name = target.id.as_str();
            let uses = find_uses_in(source, body, name, assign.end());
            if let Some((range, value)) = uses.conditional_rebind {
                // Fine when the other value is the response of a migrated call too.
                out.needs_migrated.push((range, value.ok_or_else(|| rebind_reason(source, range))?));
            }
            for use_ in &uses.attributes {
                out.edits.extend(use_edits(source, use_, follows, notes)?);
                out.tracked.push(use_.attr.range());
            }
            if let Some(range) = uses.truth_as_value {
                return Err(format!(
                    "the response's truth decides an `and`/`or` (line {}): a requests response is false on 4xx/5xx, \
                     an httpx response never",
                    source[..usize::from(range.start())].matches('\n').count() + 1
                ));
            }
            for range in &uses.truthy {
                out.edits.push(Edit::replacement(format!("(not {name}.is_error)"), *range));
            }
            out.escapes = uses.escapes;
        }
        Stmt::Expr(expr) if expr.value.range() == call.range() => {}
        stmt => {
            let context = site.parent.map_or_else(|| &source[stmt.range()], |p| &source[p.range()]);
            out.escapes = Some(format!("`{}`", truncate(context)));
        }
    }
    if let Some(escape) = &out.escapes {
        notes.push(format!(
            "the response is passed on ({escape}): code elsewhere that reads `.ok`, `.reason`, `.url`, \
             `.iter_content` or its truth value must be migrated too"
        ));
    }
    Ok(out)
}

/// How an expression's truth value is used.
#[derive(Copy, Clone, PartialEq, Eq)]
enum Truth {
    /// Not at all (or not visibly).
    Unused,
    /// Only its truth: an `if`/`while`/`assert` test, `not x`, `bool(x)`, the test of
    /// `a if x else b`, possibly through `and`/`or` that are themselves in such a place.
    Test,
    /// Its truth decides the value of an `and`/`or` (`r or default`).
    Value,
}

fn truth_use(parents: &[&Expr], range: TextRange, stmt: Option<&Stmt>) -> Truth {
    let mut child = range;
    let mut through_bool_op = false;
    let verdict = |test: bool, through: bool| match (test, through) {
        (true, _) => Truth::Test,
        (false, true) => Truth::Value,
        (false, false) => Truth::Unused,
    };
    for parent in parents.iter().rev() {
        match parent {
            Expr::BoolOp(_) => {
                through_bool_op = true;
                child = parent.range();
            }
            Expr::UnaryOp(op) => return verdict(matches!(op.op, ast::UnaryOp::Not), through_bool_op),
            Expr::If(if_exp) => return verdict(if_exp.test.range() == child, through_bool_op),
            Expr::Call(call) => {
                let is_bool = matches!(&*call.func, Expr::Name(n) if n.id.as_str() == "bool")
                    && call.arguments.len() == 1
                    && call.arguments.args.first().is_some_and(|a| a.range() == child);
                return verdict(is_bool, through_bool_op);
            }
            _ => return verdict(false, through_bool_op),
        }
    }
    let test = match stmt {
        Some(Stmt::If(s)) => {
            s.test.range() == child
                || s.elif_else_clauses.iter().any(|c| c.test.as_ref().is_some_and(|t| t.range() == child))
        }
        Some(Stmt::While(s)) => s.test.range() == child,
        Some(Stmt::Assert(s)) => s.test.range() == child,
        _ => false,
    };
    verdict(test, through_bool_op)
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
    grandparent: Option<&'a Expr>,
    statement_value: Option<TextRange>,
    /// The use as the mapping table keys it (`headers.get()`, `request.method`, `auth =`).
    chain: String,
    statement: Option<&'a Stmt>,
}

/// The use of the object at `child` as the mapping table keys it: the attribute chain read
/// on it, ending in `()` (called), `[]` (subscripted), ` =` (assigned); `in x` for a
/// membership test. Empty when the object itself is used.
fn use_chain(parents: &[&Expr], child: TextRange, stmt: Option<&Stmt>) -> String {
    let mut out = String::new();
    let mut child = child;
    for parent in parents.iter().rev() {
        match parent {
            Expr::Attribute(a) if a.value.range() == child => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(a.attr.as_str());
                if !matches!(a.ctx, ast::ExprContext::Load) {
                    out.push_str(" =");
                    return out;
                }
                child = a.range();
            }
            Expr::Call(c) if c.func.range() == child => {
                out.push_str("()");
                return out;
            }
            Expr::Subscript(sub) if sub.value.range() == child => {
                out.push_str("[]");
                if !matches!(sub.ctx, ast::ExprContext::Load) {
                    out.push_str(" =");
                }
                return out;
            }
            Expr::Compare(cmp)
                if !out.is_empty()
                    && cmp.comparators.iter().any(|c| c.range() == child)
                    && cmp.ops.len() == 1
                    && matches!(cmp.ops[0], ast::CmpOp::In | ast::CmpOp::NotIn) =>
            {
                return format!("in {out}");
            }
            _ => return out,
        }
    }
    if let Some(Stmt::AugAssign(aug)) = stmt
        && aug.target.range() == child
        && !out.is_empty()
    {
        out.push_str(" =");
    }
    out
}

/// `r.chain` as the user wrote it, for a message.
fn shown_use(value: &str, chain: &str) -> String {
    match chain.strip_prefix("in ") {
        Some(rest) => format!("`... in {value}.{rest}`"),
        None => format!("`{value}.{chain}`"),
    }
}

fn use_edits(source: &str, use_: &Use, follows: bool, notes: &mut Vec<String>) -> Result<Vec<Edit>, String> {
    let attr = use_.attr;
    let value = &source[attr.value.range()];
    let name = attr.attr.as_str();
    let called = matches!(use_.parent, Some(Expr::Call(call)) if call.func.range() == attr.range());
    if table::find(Kind::Response, &use_.chain).is_none() {
        return Err(format!("{} has no mapping to httpx", shown_use(value, &use_.chain)));
    }
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
            if use_.statement_value != Some(call.range()) {
                Err("`raise_for_status()` used as a value: httpx returns the response, requests `None`".into())
            } else if follows {
                notes.push("`raise_for_status()` in httpx also raises for a final 3xx response (such as a 304)".into());
                Ok(Vec::new())
            } else if matches!(&*attr.value, Expr::Name(_)) {
                Ok(vec![Edit::insertion(format!("{value}.is_error and "), call.start())])
            } else {
                Err("`raise_for_status()` on a value that is not a name where redirects may not be followed (httpx raises on 3xx)".into())
            }
        }
        _ => Ok(Vec::new()),
    }
}


/// The uses of `name` in the current scope after `after`, up to where it is bound again.
struct Uses<'a> {
    attributes: Vec<Use<'a>>,
    /// Calls made on the name (`name.get(...)`).
    calls: Vec<CallSite<'a>>,
    /// How the name escapes, if it is used other than through an attribute or for its truth.
    escapes: Option<String>,
    /// Uses of the bare name for its truth value (`if r:`).
    truthy: Vec<TextRange>,
    /// A use whose truth decides the value of an `and`/`or` (`r or default`).
    truth_as_value: Option<TextRange>,
    /// Attribute names used.
    attribute_names: Vec<String>,
    /// Used inside a nested function or lambda.
    in_nested_scope: bool,
    /// A statement that binds the name again on some paths only (in a nested block, or in
    /// the loop the uses were collected over): the uses after it may see either value.
    conditional_rebind: Option<(TextRange, Option<TextRange>)>,
}

fn rebind_reason(source: &str, range: TextRange) -> String {
    format!(
        "the name is bound again on some paths only (line {}): its later uses may see either value",
        source[..usize::from(range.start())].matches('\n').count() + 1
    )
}

/// The outermost `for`/`while` of `body` (not of nested functions) holding `offset`.
fn enclosing_loop(body: &[Stmt], offset: TextSize) -> Option<&Stmt> {
    for stmt in body {
        if !stmt.range().contains(offset) {
            continue;
        }
        return match stmt {
            Stmt::For(_) | Stmt::While(_) => Some(stmt),
            Stmt::FunctionDef(_) | Stmt::ClassDef(_) => None,
            _ => crate::analysis::bodies_of(stmt).into_iter().find_map(|b| enclosing_loop(b, offset)),
        };
    }
    None
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
    find_uses_with(source, body, name, after, true)
}

/// The uses after `after` in source order only (not those earlier in an enclosing loop).
fn find_uses_in_order<'a>(cx: &Checker<'a>, name: &str, after: TextSize) -> Uses<'a> {
    find_uses_with(cx.source(), scope_body(cx), name, after, false)
}

fn find_uses_with<'a>(source: &str, body: &'a [Stmt], name: &str, after: TextSize, loops: bool) -> Uses<'a> {
    // A use at the top of a loop that binds the name sees the previous iteration's value:
    // collect the uses over the whole loop.
    let origin = after;
    let outer_loop = if loops && after > TextSize::from(0) { enclosing_loop(body, after - TextSize::from(1)) } else { None };
    let in_loop = outer_loop.is_some();
    let after = outer_loop.map_or(after, |l| l.start().min(after));
    let mut finder = UseFinder {
        source,
        name,
        after,
        origin,
        in_loop,
        blocks: Vec::new(),
        origin_blocks: None,
        rebound: false,
        depth: 0,
        parents: Vec::new(),
        statement: None,
        uses: Uses {
            attributes: Vec::new(),
            calls: Vec::new(),
            escapes: None,
            truthy: Vec::new(),
            truth_as_value: None,
            attribute_names: Vec::new(),
            in_nested_scope: false,
            conditional_rebind: None,
        },
    };
    finder.visit_body(body);
    finder.uses
}

struct UseFinder<'a, 'n> {
    source: &'n str,
    name: &'n str,
    after: TextSize,
    /// Where the binding whose uses are collected ends.
    origin: TextSize,
    /// The binding is inside a loop of the body.
    in_loop: bool,
    /// The compound statements the visitor is in.
    blocks: Vec<TextRange>,
    /// The compound statements the binding is in, once seen.
    origin_blocks: Option<Vec<TextRange>>,
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
        let compound = !crate::analysis::bodies_of(stmt).is_empty();
        if compound {
            self.blocks.push(stmt.range());
        }
        source_order::walk_stmt(self, stmt);
        if compound {
            self.blocks.pop();
        }
        self.statement = outer;
        if stmt.end() == self.origin && stmt.start() < self.origin {
            self.origin_blocks = Some(self.blocks.clone());
        } else if stmt.start() >= self.after && binds(stmt, self.name) {
            let same_block = self.origin_blocks.as_ref().map_or(self.blocks.is_empty(), |b| *b == self.blocks);
            if same_block && !self.in_loop {
                self.rebound = true;
            } else {
                let value = match stmt {
                    Stmt::Assign(assign) if matches!(&*assign.value, Expr::Call(_)) => Some(assign.value.range()),
                    _ => None,
                };
                self.uses.conditional_rebind.get_or_insert((stmt.range(), value));
            }
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
                        let call_parents = &self.parents[..self.parents.len().saturating_sub(2)];
                        let truth = truth_use(call_parents, call.range(), Some(stmt));
                        let chain = use_chain(call_parents, call.range(), Some(stmt));
                        self.uses.calls.push(CallSite { call, parent: nth(3), grandparent: nth(4), chain, truth, stmt });
                    }
                    if attr.attr.as_str() == "history" && self.uses.escapes.is_none() {
                        self.uses.escapes = Some(format!("`{}`", truncate(&self.source[attr.range()])));
                    }
                    self.uses.attributes.push(Use {
                        attr,
                        parent,
                        grandparent: self.parents.len().checked_sub(3).map(|i| self.parents[i]),
                        statement_value: self.statement.and_then(expression_statement_value),
                        chain: use_chain(&self.parents, expr.range(), self.statement),
                        statement: self.statement,
                    });
                }
                _ if matches!(name.ctx, ast::ExprContext::Load)
                    && truth_use(&self.parents, expr.range(), self.statement) == Truth::Test =>
                {
                    self.uses.truthy.push(expr.range());
                }
                _ if matches!(name.ctx, ast::ExprContext::Load)
                    && truth_use(&self.parents, expr.range(), self.statement) == Truth::Value =>
                {
                    self.uses.truth_as_value.get_or_insert(expr.range());
                }
                None if matches!(self.statement, Some(Stmt::Raise(_))) => {}
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
    let (result, via) = match resolve_import(cx, &call.func) {
        Ok(via) => (migrate_session(cx, call, in_async), via),
        Err(reason) => (Err(reason), None),
    };
    push_entry(cx, call.range(), MESSAGE, result, via);
}

fn migrate_session(cx: &Checker, call: &ast::ExprCall, in_async: bool) -> Result<Migration, String> {
    if !call.arguments.is_empty() {
        return Err("`Session()` with arguments".into());
    }
    let stmt = cx.current_statement().ok_or("no enclosing statement")?;
    let (name, uses, body) = match stmt {
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
            let after = find_uses_in_order(cx, name.id.as_str(), with.end());
            if !after.attributes.is_empty() || after.escapes.is_some() || !after.truthy.is_empty() {
                return Err("the session is used after its `with` block: a closed httpx client cannot be used again".into());
            }
            (name.id.to_string(), find_uses_in(cx.source(), &with.body, name.id.as_str(), with.start()), &with.body[..])
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
                    "a session created in `async def` outside `with`: use `async with httpx.AsyncClient()` by hand"
                        .into(),
                );
            }
            (name.id.to_string(), find_uses(cx, name.id.as_str(), stmt.end()), scope_body(cx))
        }
        _ => return Err("the session is not assigned to a name or used in `with ... as name`".into()),
    };
    let async_session = in_async && matches!(stmt, Stmt::With(_));
    if async_session
        && (crate::analysis::in_sync_with(cx, stmt.range())
            || uses.calls.iter().any(|site| in_nested_sync_with(body, site.call.range())))
    {
        return Err(SYNC_WITH.into());
    }
    for use_ in &uses.attributes {
        if table::find(Kind::Session, &use_.chain).is_none() {
            return Err(format!("{} has no mapping to httpx", shown_use(&name, &use_.chain)));
        }
        if use_.chain == "auth =" && !matches!(use_.statement, Some(Stmt::Assign(a)) if a.value.is_tuple_expr()) {
            return Err(format!("`{name}.auth = ...` that is not a `(user, password)` tuple has no mapping to httpx"));
        }
    }
    if let Some((range, _)) = uses.conditional_rebind {
        return Err(rebind_reason(cx.source(), range));
    }
    if uses.attribute_names.iter().any(|a| a == "close") && uses.calls.iter().any(|c| c.call.start() > uses_close_start(&uses)) {
        return Err("the session is used after `close()`: a closed httpx client cannot be used again".into());
    }
    let mut notes = Vec::new();
    let mut escapes = None;
    if let Some(escape) = &uses.escapes {
        if async_session {
            return Err(format!("the session is passed on ({escape}): its calls there would not be awaited"));
        }
        notes.push(format!("the session `{name}` is passed on ({escape}): calls made on it elsewhere are not migrated"));
        escapes = Some(escape.clone());
    }
    if async_session && uses.in_nested_scope {
        return Err("the session is used in a nested function or lambda, where its calls cannot be awaited".into());
    }
    let class = if async_session { "AsyncClient" } else { "Client" };
    let spelled = importer::spell(cx, "httpx", class)?;
    let mut edits =
        vec![Edit::replacement(format!("{}(follow_redirects=True, timeout=None)", spelled.name), call.range())];
    edits.extend(spelled.edit);
    if async_session {
        edits.push(Edit::insertion("async ", stmt.start()));
    }
    let mut tracked = Vec::new();
    let mut covers = Vec::new();
    let mut needs_migrated = Vec::new();
    for site in &uses.calls {
        let Expr::Attribute(attr) = &*site.call.func else { continue };
        let method = attr.attr.as_str();
        if !METHODS.contains(&method) {
            continue;
        }
        let mapped = map_arguments(cx, site.call, method, Target::Client, true)?;
        notes.extend(mapped.notes);
        // The response's own edits wrap the awaited call: they go first.
        let response = call_response_edits(cx.source(), site, body, mapped.follows, &mut notes)?;
        edits.extend(response.edits);
        tracked.extend(response.tracked);
        covers.push(site.call.range());
        needs_migrated.extend(response.needs_migrated);
        if escapes.is_none() {
            escapes = response.escapes;
        }
        edits.extend(mapped.edits);
        if async_session {
            let parens = match site.parent {
                Some(Expr::Attribute(a)) => a.value.range() == site.call.range(),
                Some(Expr::Subscript(s)) => s.value.range() == site.call.range(),
                Some(Expr::Call(c)) => c.func.range() == site.call.range(),
                _ => false,
            };
            edits.push(Edit::insertion(if parens { "(await " } else { "await " }, site.call.start()));
            if parens {
                edits.push(Edit::insertion(")", site.call.end()));
            }
        }
    }
    Ok(Migration { fix: finish(edits, notes, &call.func), tracked, escapes, covers, needs_migrated })
}

/// Is `range` inside a sync `with` block within `body` (not in nested functions)?
fn in_nested_sync_with(body: &[Stmt], range: TextRange) -> bool {
    body.iter().any(|stmt| {
        stmt.range().contains_range(range)
            && match stmt {
                Stmt::FunctionDef(_) | Stmt::ClassDef(_) => false,
                Stmt::With(with) if !with.is_async => true,
                _ => crate::analysis::bodies_of(stmt).into_iter().any(|b| in_nested_sync_with(b, range)),
            }
    })
}

/// Where the session's first `close()` call starts (or the end of the file).
fn uses_close_start(uses: &Uses) -> TextSize {
    uses.calls
        .iter()
        .filter(|c| matches!(&*c.call.func, Expr::Attribute(a) if a.attr.as_str() == "close"))
        .map(|c| c.call.start())
        .min()
        .unwrap_or(TextSize::from(u32::MAX))
}

// ---------------------------------------------------------------------------------------------
// Imports: httpx is imported where requests was

/// Does `stmt` import `requests` (or a submodule or member of it)?
fn imports_requests(stmt: &Stmt) -> bool {
    match stmt {
        Stmt::Import(import) => import.names.iter().any(|a| a.name.split('.').next() == Some("requests")),
        Stmt::ImportFrom(import) => {
            import.level == 0 && import.module.as_ref().is_some_and(|m| m.split('.').next() == Some("requests"))
        }
        _ => false,
    }
}

/// Why an import inside these enclosing statements (outermost first; those of its own scope
/// are read, from the innermost out) cannot be migrated: an optional dependency
/// (`try: import requests` / `except ImportError:`).
fn optional_import(enclosing: &[&Stmt], import: TextRange) -> Option<String> {
    for stmt in enclosing.iter().rev() {
        match stmt {
            Stmt::FunctionDef(_) | Stmt::ClassDef(_) => return None,
            Stmt::Try(t) if t.range().contains_range(import) && catches_import_error(t) => {
                return Some(
                    "`requests` is an optional dependency here (imported in `try` / `except ImportError`): \
                     migrating would make the module need httpx where it did not, or change the name it \
                     tests; migrate the import and its fallback by hand"
                        .into(),
                );
            }
            _ => {}
        }
    }
    None
}

fn catches_import_error(stmt_try: &ast::StmtTry) -> bool {
    fn names(expr: &Expr) -> bool {
        match expr {
            Expr::Name(n) => {
                matches!(n.id.as_str(), "ImportError" | "ModuleNotFoundError" | "Exception" | "BaseException")
            }
            Expr::Tuple(t) => t.elts.iter().any(names),
            _ => false,
        }
    }
    stmt_try.handlers.iter().any(|h| {
        let ast::ExceptHandler::ExceptHandler(h) = h;
        h.type_.as_deref().is_none_or(names)
    })
}

fn is_type_checking(test: &Expr) -> bool {
    match test {
        Expr::Name(n) => n.id.as_str() == "TYPE_CHECKING",
        Expr::Attribute(a) => a.attr.as_str() == "TYPE_CHECKING",
        _ => false,
    }
}

/// The scope of an import binding visible here: the enclosing function whose body holds it,
/// `None` for the module.
fn binding_scope(cx: &Checker, import: TextRange) -> Option<TextRange> {
    cx.statements().iter().rev().find_map(|stmt| match stmt {
        Stmt::FunctionDef(func) if func.body.iter().any(|s| s.range().contains_range(import)) => Some(func.range),
        _ => None,
    })
}

/// One import statement binding a name, with the compound statements around it in its scope
/// (outermost first).
struct ImportSite<'a> {
    stmt: &'a Stmt,
    path: Vec<&'a Stmt>,
}

/// The statements of `body` (not in nested functions or classes) that bind `name` by
/// importing requests.
fn import_sites<'a>(body: &'a [Stmt], name: &str, path: &mut Vec<&'a Stmt>, out: &mut Vec<ImportSite<'a>>) {
    for stmt in body {
        match stmt {
            Stmt::Import(_) | Stmt::ImportFrom(_) => {
                if imports_requests(stmt) && importer::bound_names(stmt).iter().any(|n| n == name) {
                    out.push(ImportSite { stmt, path: path.clone() });
                }
            }
            Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {}
            _ => {
                path.push(stmt);
                for inner in crate::analysis::bodies_of(stmt) {
                    import_sites(inner, name, path, out);
                }
                path.pop();
            }
        }
    }
}

/// The requests import `expr` (`requests.get`, `rq.Session`, `get`) resolves through, and
/// whether httpx can be imported where it stands. Refused: an import only under
/// `if TYPE_CHECKING:` (nothing is bound at run time), an optional dependency (`try` /
/// `except ImportError`), a name imported on several conditional paths, and a conditional or
/// local import sharing its line (`import httpx` could not be put next to it).
fn resolve_import(cx: &Checker, expr: &Expr) -> Result<Option<Via>, String> {
    let Some(root) = root_expr(expr) else { return Ok(None) };
    let name = root.id.as_str();
    let Some(binding) = cx.imports().binding(name) else { return Ok(None) };
    let scope = binding_scope(cx, binding.stmt);
    let body: &[Stmt] = match scope {
        Some(range) => match cx.statements().iter().find(|s| s.range() == range) {
            Some(Stmt::FunctionDef(func)) => &func.body,
            _ => return Ok(None),
        },
        None => cx.suite(),
    };
    let mut sites = Vec::new();
    import_sites(body, name, &mut Vec::new(), &mut sites);
    let site = match sites.iter().find(|s| s.path.is_empty()) {
        Some(site) => site,
        None => {
            for site in &sites {
                for (i, stmt) in site.path.iter().enumerate() {
                    let inner = site.path.get(i + 1).map_or(site.stmt.range(), |s| s.range());
                    match stmt {
                        Stmt::If(stmt_if)
                            if is_type_checking(&stmt_if.test)
                                && stmt_if.body.iter().any(|s| s.range().contains_range(inner)) =>
                        {
                            return Err(format!(
                                "`{name}` is imported only under `if TYPE_CHECKING:`: it is not bound when the code runs"
                            ));
                        }
                        Stmt::Try(t) if catches_import_error(t) => {
                            return Err(optional_import(&[stmt], site.stmt.range()).unwrap_or_default());
                        }
                        _ => {}
                    }
                }
            }
            match &sites[..] {
                [site] => site,
                [] => return Ok(None),
                _ => {
                    return Err(format!(
                        "`{name}` is imported on several paths here: httpx would have to be imported on each"
                    ));
                }
            }
        }
    };
    let module_level = scope.is_none() && site.path.is_empty();
    if !module_level && ruff_python_trivia::indentation_at_offset(site.stmt.start(), cx.source()).is_none() {
        return Err(format!("the import of `{name}` shares its line with other code: `import httpx` cannot go next to it"));
    }
    Ok(Some(Via { scope, stmt: site.stmt.range(), root: root.range(), module_level }))
}

fn root_expr(expr: &Expr) -> Option<&ast::ExprName> {
    match expr {
        Expr::Name(name) => Some(name),
        Expr::Attribute(attr) => root_expr(&attr.value),
        _ => None,
    }
}

/// The statement at `range` and the body holding it.
fn find_stmt(body: &[Stmt], range: TextRange) -> Option<(&Stmt, &[Stmt])> {
    for stmt in body {
        if stmt.range() == range {
            return Some((stmt, body));
        }
        if stmt.range().contains_range(range) {
            return crate::analysis::bodies_of(stmt).into_iter().find_map(|b| find_stmt(b, range));
        }
    }
    None
}

/// Is this edit the module-level `import httpx` that `importer::spell` adds?
fn is_module_httpx_import(edit: &Edit) -> bool {
    edit.is_insertion() && edit.content().trim() == "import httpx"
}

/// `fix` with other edits (same applicability, note, dropped names and group).
fn with_edits(fix: &Fix, edits: Vec<Edit>) -> Fix {
    let mut new = Fix::new(edits, fix.applicability());
    if let Some(note) = fix.note() {
        new = new.with_note(note);
    }
    for name in fix.dropped_names() {
        new = new.dropping(name.clone());
    }
    match fix.group() {
        Some(group) => new.in_group(group),
        None => new,
    }
}

/// httpx goes where requests was imported, never wider: a requests import the migration
/// leaves unused is replaced by `import httpx` in place (same line, its comment kept; moved
/// within its block only when in place would break isort's order); one still used keeps its
/// place and `import httpx` joins it (its block, sorted), at module level through
/// `importer::add_import`. A local or conditional import (in a function, under
/// `if __name__ == "__main__":`) never yields a module-level `import httpx`.
///
/// Only the fixes of the file's all-or-nothing group count as removing uses: a fix left out of
/// the group (it overlaps another) may wait for the next pass, so the import it reads stays.
fn place_imports(
    cx: &Checker,
    findings: &mut [Finding],
    vias: &[Option<Via>],
    uses: &[(Option<TextRange>, String, TextRange)],
) {
    let source = cx.source();
    let in_group = |f: &Finding| f.fix.as_ref().is_some_and(|fix| fix.group() == Some(0));
    let covered: Vec<TextRange> = findings
        .iter()
        .zip(vias)
        .filter(|(f, _)| in_group(f))
        .filter_map(|(_, via)| via.as_ref().map(|v| v.root))
        .collect();
    let needs = |f: &Finding| f.fix.as_ref().is_some_and(|fix| fix.edits().iter().any(is_module_httpx_import));
    let has_all = cx.name_in_file("__all__");
    let comments: Vec<TextRange> = cx.comments().iter().copied().collect();
    // A name a string spells as `name.` (a string annotation) or, with `__all__`, at all.
    let in_strings = |name: &str| {
        let dotted = format!("{name}.");
        cx.tokens().iter().any(|t| {
            matches!(t.kind(), ruff_python_ast::token::TokenKind::String | ruff_python_ast::token::TokenKind::FStringMiddle)
                && (source[t.range()].contains(&dotted) || has_all && source[t.range()].contains(name))
        })
    };

    let mut stmts: Vec<TextRange> = vias
        .iter()
        .zip(findings.iter())
        .filter(|(_, f)| f.fix.is_some())
        .filter_map(|(via, _)| via.as_ref().map(|v| v.stmt))
        .collect();
    stmts.sort_by_key(|r| r.start());
    stmts.dedup();
    struct Plan<'s> {
        stmt: &'s Stmt,
        body: &'s [Stmt],
        members: Vec<usize>,
        via: Via,
        freed: Vec<usize>,
        all_freed: bool,
        group_needs: bool,
    }
    let mut plans = Vec::new();
    for range in stmts {
        let Some((stmt, body)) = find_stmt(cx.suite(), range) else { continue };
        let members: Vec<usize> = (0..findings.len())
            .filter(|&i| findings[i].fix.is_some() && vias[i].as_ref().is_some_and(|v| v.stmt == range))
            .collect();
        let via = vias[members[0]].clone().expect("members have a via");
        let requests_alias: Vec<bool> = match stmt {
            // `import os, requests`: only the requests aliases can be freed.
            Stmt::Import(import) => import.names.iter().map(|a| a.name.split('.').next() == Some("requests")).collect(),
            _ => vec![true; importer::bound_names(stmt).len()],
        };
        let freed: Vec<usize> = importer::bound_names(stmt)
            .iter()
            .enumerate()
            .filter(|(i, name)| {
                requests_alias[*i]
                    && !in_strings(name)
                    && uses
                        .iter()
                        .filter(|(scope, n, _)| *scope == via.scope && n == *name)
                        .all(|(_, _, r)| covered.contains(r))
            })
            .map(|(i, _)| i)
            .collect();
        let all_freed = freed.len() == requests_alias.len();
        let group_needs = members.iter().any(|&i| in_group(&findings[i]) && needs(&findings[i]));
        plans.push(Plan { stmt, body, members, via, freed, all_freed, group_needs });
    }
    // Per body, the statement replaced by `import httpx` in place: the first one freed whose
    // fixes need httpx.
    let providers: Vec<TextRange> = {
        let mut seen: Vec<*const Stmt> = Vec::new();
        let mut out = Vec::new();
        for plan in plans.iter().filter(|p| p.all_freed && p.group_needs) {
            if !seen.contains(&plan.body.as_ptr()) {
                seen.push(plan.body.as_ptr());
                out.push(plan.stmt.range());
            }
        }
        out
    };
    for plan in plans {
        let Plan { stmt, body, members, via, freed, all_freed, group_needs } = plan;
        let provided = plans_provided(&providers, body);
        // Module level, still used, nothing replaced in place: as before (`add_import`; the
        // engine's clean-up removes the aliases it freed).
        if via.module_level && !all_freed && !provided {
            continue;
        }
        let mut group_edits: Vec<Edit> = Vec::new();
        if providers.contains(&stmt.range()) {
            match importer::replace_import_in_block(cx, body, stmt, "import httpx") {
                Some(edits) => group_edits.extend(edits),
                None => {
                    refuse_members(findings, &members);
                    continue;
                }
            }
        } else {
            if !via.module_level || all_freed {
                group_edits.extend(importer::remove_aliases(source, stmt, &freed, &comments));
            }
            if group_needs && !provided {
                let Some(edit) = importer::add_import_in_block(cx, body, stmt, "import httpx", None) else {
                    refuse_members(findings, &members);
                    continue;
                };
                group_edits.push(edit);
            }
        }
        let other_edits: Vec<Edit> = match via.module_level {
            true => Vec::new(),
            false => match importer::add_import_in_block(cx, body, stmt, "import httpx", None) {
                Some(edit) => vec![edit],
                None => {
                    let waiting: Vec<usize> = members.iter().copied().filter(|&i| !in_group(&findings[i])).collect();
                    refuse_members(findings, &waiting);
                    Vec::new()
                }
            },
        };
        for i in members {
            let Some(fix) = findings[i].fix.as_ref() else { continue };
            let grouped = fix.group() == Some(0);
            if !grouped && via.module_level {
                continue;
            }
            let needed = needs(&findings[i]);
            let mut edits: Vec<Edit> = fix.edits().iter().filter(|e| !is_module_httpx_import(e)).cloned().collect();
            if grouped {
                edits.extend(group_edits.iter().cloned());
            } else if needed {
                edits.extend(other_edits.iter().cloned());
            }
            findings[i].fix = Some(with_edits(fix, edits));
        }
    }
}

/// Does a statement of `body` get replaced by `import httpx` (see [`place_imports`])?
fn plans_provided(providers: &[TextRange], body: &[Stmt]) -> bool {
    body.iter().any(|s| providers.contains(&s.range()))
}

/// `import httpx` cannot be put where these fixes need it: refuse them, and when one is part
/// of the file's all-or-nothing group, the whole group.
fn refuse_members(findings: &mut [Finding], members: &[usize]) {
    const REASON: &str = "`import httpx` cannot be put next to the requests import this code uses";
    let grouped = members.iter().any(|&i| findings[i].fix.as_ref().is_some_and(|f| f.group() == Some(0)));
    for &i in members {
        findings[i].refuse_fix(REASON);
    }
    if grouped {
        for finding in findings.iter_mut() {
            if finding.fix.as_ref().is_some_and(|f| f.group() == Some(0)) {
                finding.refuse_fix(&format!("another part of this migration cannot be rewritten ({REASON})"));
            }
        }
    }
}
