//! The requests → httpx mapping table: every use of `requests` (and of the sessions,
//! responses and exceptions it makes) that the migration rewrites. Anything not listed here
//! refuses the migration of the object it is used on, naming the use.
//!
//! A row's `requests` key is the use as the transform sees it, relative to the object:
//! `get()` a call, `headers[]` a subscript, `in headers` a membership test, `auth =` an
//! assignment, `verify=` a keyword argument. A row marked `value` also covers every further
//! use of what it yields (`status_code` covers `r.status_code + 1`).
//! Each row names the behaviour program (in `tests/behaviour/requests-to-httpx/`) that proves
//! it against requests 2.34.2 and httpx 0.28.1.

/// What a row is about.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    /// `requests.<name>`: a function or class of the module.
    Module,
    /// A keyword argument of a module-level call (`requests.get(url, params=...)`).
    Argument,
    /// A keyword argument of a call on a client (a session's, or the `AsyncClient` an
    /// `async def` call is hoisted into).
    ClientArgument,
    /// A use of a session (`s.get(...)`, `s.headers.update(...)`).
    Session,
    /// A use of a response (`r.status_code`).
    Response,
    /// A requests exception class.
    Exception,
    /// A use of a caught exception (`except requests.HTTPError as e:` ... `e.response`).
    ExceptionObject,
}

impl Kind {
    fn title(self) -> &'static str {
        match self {
            Kind::Module => "Module (`requests.X`)",
            Kind::Argument => "Arguments of `requests.<method>(...)`",
            Kind::ClientArgument => "Arguments of a session's (client's) `s.<method>(...)`",
            Kind::Session => "Session `s` (`s = requests.Session()`)",
            Kind::Response => "Response `r`",
            Kind::Exception => "Exceptions",
            Kind::ExceptionObject => "Caught exception `e` (`except requests.X as e:`)",
        }
    }
}

pub struct Row {
    pub kind: Kind,
    /// The use in requests (see the module comment).
    pub requests: &'static str,
    /// What it becomes in httpx.
    pub httpx: &'static str,
    /// Also covers every further use of the value it yields.
    pub value: bool,
    /// What differs, or the condition under which the row applies.
    pub note: &'static str,
    /// The behaviour program(s) proving the row.
    pub proof: &'static str,
}

const fn row(kind: Kind, requests: &'static str, httpx: &'static str, note: &'static str, proof: &'static str) -> Row {
    Row { kind, requests, httpx, value: false, note, proof }
}

const fn value(kind: Kind, requests: &'static str, httpx: &'static str, note: &'static str, proof: &'static str) -> Row {
    Row { kind, requests, httpx, value: true, note, proof }
}

use Kind::*;

pub static ROWS: &[Row] = &[
    // Module
    row(Module, "get()", "httpx.get(..., follow_redirects=True, timeout=None)", "in `async def`: `await client.get(...)` in an `async with httpx.AsyncClient(follow_redirects=True, timeout=None) as client:` block", "get_json, async_get_json"),
    row(Module, "post()", "httpx.post(..., follow_redirects=True, timeout=None)", "as `get()`", "json_body, form_body"),
    row(Module, "put()", "httpx.put(..., follow_redirects=True, timeout=None)", "as `get()`", "raw_body"),
    row(Module, "patch()", "httpx.patch(..., follow_redirects=True, timeout=None)", "as `get()`", "async_bodies"),
    row(Module, "delete()", "httpx.delete(..., follow_redirects=True, timeout=None)", "as `get()`; a body refuses (httpx needs `request(\"DELETE\", ...)`)", "request_and_head, refuse_body_on_get"),
    row(Module, "head()", "httpx.head(..., timeout=None)", "requests' `head` does not follow redirects either", "request_and_head, session_head"),
    row(Module, "options()", "httpx.options(..., follow_redirects=True, timeout=None)", "as `get()`", "request_and_head"),
    row(Module, "request()", "httpx.request(..., follow_redirects=True, timeout=None)", "as `get()`", "request_and_head, attack_request_kwargs_all"),
    row(Module, "Session()", "httpx.Client(follow_redirects=True, timeout=None)", "without arguments; in `async def` only as `with requests.Session() as s:` (becomes `async with httpx.AsyncClient(...) as s:`)", "session_with, async_session"),
    row(Module, "session()", "httpx.Client(follow_redirects=True, timeout=None)", "as `Session()`", "session_with"),
    // Arguments
    row(Argument, "url", "url", "positional or keyword", "get_json"),
    row(Argument, "method", "method", "`request()` only", "request_and_head"),
    row(Argument, "params=", "params=", "positional `params` becomes a keyword; a URL that already has a query refuses (httpx replaces it); `None` and boolean values the source shows refuse; values only known at run time: `None` is sent as `key=` (requests drops the key) and booleans as `true`/`false` (requests: `True`/`False`)", "query_params, attack_params_lists, probe_params_none_bool, probe_url_query_plus_params"),
    row(Argument, "data=", "data= (a mapping) / content= (a str or bytes literal)", "a list of pairs, `None` or boolean values shown in the source refuse; JSON-like encoding notes as `params=`", "form_body, raw_body, attack_data_generator"),
    row(Argument, "json=", "json=", "httpx sends compact JSON (`{\"a\":1}`; requests `{\"a\": 1}`)", "json_body"),
    row(Argument, "headers=", "headers=", "a `None` value shown in the source refuses; a `None` only known at run time raises `TypeError` in httpx (requests drops the header)", "custom_headers, attack_request_kwargs_all"),
    row(Argument, "cookies=", "cookies=", "module-level calls only", "attack_cookies_argument"),
    row(Argument, "files=", "files=", "a text-mode `open()` refuses", "async_bodies"),
    row(Argument, "auth=", "auth=", "a `(user, password)` tuple literal only (a `requests.auth` object refuses)", "attack_auth_tuple, attack_auth_object"),
    row(Argument, "timeout=", "timeout= / httpx.Timeout(None, connect=..., read=...) for a `(connect, read)` tuple literal", "a number also bounds sending the body (requests: connect and read only)", "timeout_slow, attack_timeout_tuple_variable"),
    row(Argument, "allow_redirects=", "follow_redirects=", "absent: `follow_redirects=True` added (not on `head`)", "redirects, attack_allow_redirects_variable"),
    row(Argument, "verify=", "verify=", "module-level calls only (httpx takes it on the client)", "attack_request_kwargs_all"),
    row(Argument, "stream=False", "(dropped)", "`stream=True` refuses", "partial_refusal, refuse_stream"),
    row(ClientArgument, "url", "url", "", "session_with"),
    row(ClientArgument, "method", "method", "`request()` only", "request_and_head"),
    row(ClientArgument, "params=", "params=", "as for module-level calls", "async_session"),
    row(ClientArgument, "data=", "data= / content=", "as for module-level calls", "async_session"),
    row(ClientArgument, "json=", "json=", "as for module-level calls", "async_bodies"),
    row(ClientArgument, "headers=", "headers=", "as for module-level calls", "async_session"),
    row(ClientArgument, "files=", "files=", "as for module-level calls", "async_bodies"),
    row(ClientArgument, "auth=", "auth=", "a `(user, password)` tuple literal only", "attack_auth_tuple, attack_async_session_verify"),
    row(ClientArgument, "timeout=", "timeout=", "as for module-level calls", "async_shapes"),
    row(ClientArgument, "allow_redirects=", "follow_redirects=", "absent on `head`: `follow_redirects=False` added (the client follows)", "session_head"),
    row(ClientArgument, "stream=False", "(dropped)", "", "partial_refusal"),
    // Session
    row(Session, "get()", "s.get()", "and `post()`, `put()`, `patch()`, `delete()`, `head()`, `options()`, `request()`: arguments as in the client-argument rows; awaited on an `AsyncClient`", "session_with, async_session"),
    row(Session, "post()", "s.post()", "", "async_session"),
    row(Session, "put()", "s.put()", "", "async_shapes"),
    row(Session, "patch()", "s.patch()", "", "async_shapes"),
    row(Session, "delete()", "s.delete()", "", "async_shapes"),
    row(Session, "head()", "s.head(..., follow_redirects=False)", "", "session_head"),
    row(Session, "options()", "s.options()", "", "async_shapes"),
    row(Session, "request()", "s.request()", "", "async_shapes"),
    row(Session, "close()", "s.close()", "no call on the session after it", "probe_session_after_with"),
    row(Session, "headers.update()", "s.headers.update()", "", "session_headers, async_session, attack_session_headers_default"),
    row(Session, "headers[] =", "s.headers[...] = ...", "", "session_headers"),
    row(Session, "max_redirects =", "s.max_redirects = ...", "", "attack_session_max_redirects"),
    row(Session, "cookies.get()", "s.cookies.get()", "", "session_with"),
    // Response
    value(Response, "status_code", "r.status_code", "", "status_codes, attack_response_basics"),
    value(Response, "text", "r.text", "a body whose `Content-Type` has no charset decodes as UTF-8 (requests: ISO-8859-1 for `text/*`, else a guess)", "get_json, attack_response_basics"),
    value(Response, "content", "r.content", "", "attack_response_basics"),
    value(Response, "json()", "r.json()", "keywords go to `json.loads` in both; a body that is not JSON raises `json.JSONDecodeError` (see Exceptions)", "get_json, attack_json_kwargs, probe_json_decode_error"),
    value(Response, "url", "str(r.url)", "httpx's `URL` is normalised differently in rare cases", "url_as_string, url_passed_on, attack_response_basics"),
    value(Response, "reason", "r.reason_phrase", "", "reason, attack_response_basics"),
    row(Response, "ok", "not r.is_error", "`ok` is status < 400: a 3xx is ok (`is_success` is 2xx only)", "response_ok, async_redirects_ok"),
    value(Response, "iter_content()", "r.iter_bytes(n)", "no argument: `iter_bytes(1)` (requests' default chunk is one byte); `decode_unicode=` refuses", "iter_content"),
    row(Response, "raise_for_status()", "r.raise_for_status() / r.is_error and r.raise_for_status()", "as a statement only (httpx returns the response, requests `None`); where redirects may not be followed, guarded (httpx also raises on 3xx); where they are, a final 3xx (a 304) now raises", "raise_for_status, probe_raise_for_status_3xx, attack_raise_for_status_value"),
    row(Response, "headers[]", "r.headers[...]", "case-insensitive in both", "custom_headers, attack_headers_iteration"),
    row(Response, "in headers", "... in r.headers", "", "attack_headers_iteration"),
    row(Response, "cookies[]", "r.cookies[...]", "", "attack_response_cookies"),
    row(Response, "cookies.get()", "r.cookies.get()", "", "attack_response_cookies"),
    row(Response, "in cookies", "... in r.cookies", "", "attack_response_cookies"),
    value(Response, "request.method", "r.request.method", "", "attack_response_request"),
    row(Response, "request.headers[]", "r.request.headers[...]", "", "attack_response_request"),
    value(Response, "elapsed", "r.elapsed", "a `timedelta` in both", "attack_response_links_elapsed"),
    value(Response, "links", "r.links", "", "attack_response_links_elapsed"),
    value(Response, "is_redirect", "r.is_redirect", "", "attack_response_links_elapsed"),
    row(Response, "history", "r.history", "its responses are httpx responses: treated as passing the response on", "response_escapes, attack_response_history"),
    row(Response, "close()", "r.close()", "", "refuse_stream"),
    // Exceptions
    row(Exception, "RequestException", "httpx.HTTPError", "in an `except`: `(httpx.HTTPError, json.JSONDecodeError)` (requests' also covers `.json()` errors); httpx errors are not `OSError`s", "request_exception_base, probe_json_decode_error"),
    row(Exception, "HTTPError", "httpx.HTTPStatusError", "not `httpx.HTTPError` (the base class)", "raise_for_status, http_error_from_import"),
    row(Exception, "ConnectionError", "httpx.ConnectError", "narrower: a connect timeout or dropped connection raises another error", "connection_refused"),
    row(Exception, "Timeout", "httpx.TimeoutException", "", "timeout_slow, attack_timeout_tuple_variable"),
    row(Exception, "ConnectTimeout", "httpx.ConnectTimeout", "", "async_errors"),
    row(Exception, "ReadTimeout", "httpx.ReadTimeout", "", "async_errors"),
    row(Exception, "TooManyRedirects", "httpx.TooManyRedirects", "", "attack_session_max_redirects"),
    row(Exception, "JSONDecodeError", "json.JSONDecodeError", "httpx's `.json()` raises the standard library's error (`msg`, `pos` kept)", "probe_json_decode_error, attack_json_decode_value_error"),
    value(ExceptionObject, "msg", "e.msg", "`except requests.JSONDecodeError as e:` only (httpx raises `json.JSONDecodeError`, which requests' subclasses); also `pos`, `lineno`, `colno`, `doc`", "attack_json_decode_value_error"),
    value(ExceptionObject, "pos", "e.pos", "as `msg`", "attack_json_decode_value_error"),
    value(ExceptionObject, "lineno", "e.lineno", "as `msg`", "attack_json_decode_value_error"),
    value(ExceptionObject, "colno", "e.colno", "as `msg`", "attack_json_decode_value_error"),
    value(ExceptionObject, "doc", "e.doc", "as `msg`", "attack_json_decode_value_error"),
    row(ExceptionObject, "response.<response use>", "e.response.<response use>", "`except requests.HTTPError as e:` only; then as a response (`e.response.status_code`, ...)", "raise_for_status, attack_exception_str"),
];

/// The row for `use_` of an object of `kind`: an exact row, or a `value` row it extends.
pub fn find(kind: Kind, use_: &str) -> Option<&'static Row> {
    let bare = use_.strip_prefix("in ").unwrap_or(use_);
    ROWS.iter().filter(|r| r.kind == kind).find(|r| {
        r.requests == use_
            || r.value
                && bare.strip_prefix(r.requests).is_some_and(|rest| {
                    rest.is_empty() || rest.starts_with(['.', '(', '[', ' ']) || r.requests.ends_with(')')
                })
    })
}

/// The httpx exception for a requests exception name.
pub fn exception(name: &str) -> Option<&'static str> {
    find(Kind::Exception, name).map(|r| r.httpx.strip_prefix("httpx.").unwrap_or(r.httpx))
}

/// The table as Markdown, for `asyncup explain requests-to-httpx`.
pub fn render() -> String {
    let mut out = String::from(
        "\n## Mapping table\n\
         Every use below is migrated as shown; any other use of a requests session, response or\n\
         caught exception refuses the migration of that object, naming the use. `value` rows also\n\
         cover any further use of what they yield. Each row is proven by the behaviour programs named.\n",
    );
    let mut kind = None;
    for row in ROWS {
        if kind != Some(row.kind) {
            kind = Some(row.kind);
            out.push_str(&format!("\n### {}\n\n| requests | httpx | note | proven by |\n|---|---|---|---|\n", row.kind.title()));
        }
        let note = match (row.value, row.note) {
            (true, "") => "value".to_string(),
            (true, note) => format!("value; {note}"),
            (false, note) => note.to_string(),
        };
        out.push_str(&format!("| `{}` | `{}` | {} | {} |\n", row.requests, row.httpx, note, row.proof));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_rows_cover_further_uses() {
        assert!(find(Kind::Response, "status_code").is_some());
        assert!(find(Kind::Response, "json()").is_some());
        assert!(find(Kind::Response, "in text").is_some());
        assert!(find(Kind::Response, "request.method").is_some());
        assert!(find(Kind::Response, "request.body").is_none());
        assert!(find(Kind::Response, "headers").is_none());
        assert!(find(Kind::Session, "trust_env =").is_none());
        assert!(find(Kind::ClientArgument, "verify=").is_none());
        assert_eq!(exception("HTTPError"), Some("HTTPStatusError"));
    }
}
