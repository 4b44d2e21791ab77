//! `executor-to-thread`: `await loop.run_in_executor(None, f, *args)` →
//! `await asyncio.to_thread(f, *args)`.

use std::collections::HashMap;

use ruff_python_ast::name::UnqualifiedName;
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::checker::Checker;
use crate::edit::{Applicability, Edit, Finding, Fix};
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
    /// Both run the function in the loop's default executor and return its result or raise its
    /// exception, when the call is awaited where it stands. The difference: `to_thread` copies
    /// the caller's context into the worker, `run_in_executor` ran the function in an empty
    /// context. Whatever the function reads from context state — a `contextvars.ContextVar`
    /// the caller set, `decimal`'s precision and rounding (`decimal.localcontext()`,
    /// `setcontext`), any library that keeps state in context — it now sees the caller's value
    /// instead of the default. No module can be shown free of such state (it may live in
    /// another module, or in the standard library itself), so the rule is by callee:
    ///
    /// - **Safe** only when the function (or the `partial`'s function) resolves through the
    ///   imports to a standard-library function known to read no context state and to run no
    ///   code of the caller's: `time.sleep`, `os.*` and `os.path.*` (but not `os.walk`,
    ///   `os.fwalk`, `os.fork`, `os.register_at_fork`), `shutil.*` (but not `copytree`,
    ///   `rmtree`, `move`, `make_archive`, `unpack_archive`, the `register_*` functions, which
    ///   take callbacks), `subprocess.run` / `call` / `check_call` / `check_output` /
    ///   `getoutput` / `getstatusoutput`, `glob.glob`, `socket.getaddrinfo` /
    ///   `gethostbyname`; and no argument hands it code: no `lambda`, no function of this
    ///   module, no `**kwargs` and no callback keyword (`preexec_fn=`, `onerror=`, `onexc=`,
    ///   `ignore=`, `copy_function=`, `filter=`, `logger=`). Objects with a user-defined
    ///   `__fspath__` passed to these functions are not considered.
    /// - **Unsafe** everywhere else, with the note "the worker now sees a copy of the caller's
    ///   context variables: contextvars, decimal's context, libraries that keep state in
    ///   context" and the reason the callee is not on the list.
    ///
    /// When the loop is a name bound by `loop = asyncio.get_running_loop()` (or
    /// `get_event_loop()`: in a coroutine both return the running loop) earlier in a block that
    /// holds the call, and the function's rewritten calls are its only uses, the fixes delete
    /// that statement, so no unused variable is left behind (ruff F841). The name may be bound
    /// more than once (`loop = ...` in each branch of an `if`, each before its own call): each
    /// call's nearest such binding goes, when every binding of the name is one of those. They
    /// all stay when the name is used elsewhere (or a call keeps `run_in_executor`), bound
    /// another way (`for`, `with ... as`, `:=`, `+=`, `global`, a `def`) or in a branch the
    /// call does not sit in, bound on a line it shares with a statement before it, bound to
    /// another call (`new_event_loop()` creates a loop), or when the function calls
    /// `locals()`, `vars()`, `eval` or `exec`.
    ///
    /// The rewrite splices the call: `loop.run_in_executor` becomes `asyncio.to_thread`,
    /// `None,` and `functools.partial(` / its `)` are deleted, everything else (comments
    /// included) stays where it was. When a `partial` has keywords and extra arguments follow
    /// it, the extra arguments move in front of the first keyword (a positional argument cannot
    /// follow a keyword).
    ///
    /// ## When no fix is made
    /// Targets below Python 3.9 are left alone (`to_thread` is new in 3.9). A finding without a
    /// fix is reported in `async def` when the call is not awaited at once (stored in a
    /// variable, passed to `gather`): `run_in_executor` submits the function immediately, while
    /// `to_thread` only starts when awaited. Also when the executor is not `None` (a custom
    /// executor: `to_thread` always uses the default one), when the arguments are not
    /// `(None, f, *args)`, when the loop expression calls something other than
    /// `asyncio.get_running_loop()` / `get_event_loop()` (the call would be dropped), when a
    /// `partial` has no function or passes positional arguments after its keywords, or when
    /// its keyword values and the extra arguments both call something (their order of
    /// evaluation would change), when comments sit where text must move or be deleted (inside
    /// the loop expression, between `None` and its comma, inside the `partial` name, among
    /// extra arguments that must move in front of the `partial`'s keywords), and when the name
    /// `asyncio` is taken for something else.
    pub struct ExecutorToThread {
        id: "executor-to-thread",
        summary: "`await loop.run_in_executor(None, f, *args)` -> `await asyncio.to_thread(f, *args)`",
        min_version: Some(PyVersion::PY39),
        safety: FixSafety::Sometimes,
    }
}

const MESSAGE: &str = "Use `asyncio.to_thread()` instead of `run_in_executor(None, ...)`";
const CONTEXT_NOTE: &str = "the worker now sees a copy of the caller's context variables: contextvars, decimal's context, libraries that keep state in context (`run_in_executor` ran it in an empty context)";

impl Transform for ExecutorToThread {
    fn info(&self) -> &'static TransformInfo {
        &Self::INFO
    }

    fn hooks(&self) -> crate::registry::Hooks {
        crate::registry::Hooks::expr(crate::registry::ExprKinds::CALL)
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
            Ok(fix) => {
                let finding = Finding::new(Self::INFO.id, call.range(), MESSAGE).with_fix(fix);
                // A fix on `loop.run_in_executor(...)` waits for the end of the file: if the
                // fixes rewrite every use of `loop = asyncio.get_running_loop()` (each binding
                // of it), those statements go too (see `on_end`).
                let key = match (&*attr.value, cx.current_function()) {
                    (Expr::Name(name), Some(func)) => Some((func.range(), name.id.to_string())),
                    _ => None,
                };
                let mut binding = None;
                if let Some(key) = &key {
                    if !cx.state::<DeadLoops>().mentions.contains_key(key) {
                        let mentions = loop_mentions(cx, key.0, &key.1);
                        cx.state::<DeadLoops>().mentions.insert(key.clone(), mentions);
                    }
                    if let Some(Some(_)) = cx.state::<DeadLoops>().mentions.get(key) {
                        binding = dead_loop_assignment(cx, call, &key.1);
                    }
                }
                cx.state::<DeadLoops>().pending.push(Pending {
                    key,
                    binding,
                    finding,
                });
            }
            Err(reason) => cx.report(Finding::new(
                Self::INFO.id,
                call.range(),
                format!("{MESSAGE}; no fix: {reason}"),
            )),
        }
    }

    /// Fixes whose calls are every use of a loop name form one group when each call's nearest
    /// binding is a `loop = asyncio.get_running_loop()` that may go and the function mentions
    /// the name nowhere else. The least applicable of them also deletes those statements:
    /// whenever it applies, all of the group do, so no binding is deleted while a use is left
    /// (ruff F841 otherwise).
    fn on_end(&self, cx: &mut Checker<'_>) {
        let DeadLoops { mentions, pending } = std::mem::take(cx.state::<DeadLoops>());
        let mut groups: HashMap<&LoopKey, Vec<usize>> = HashMap::new();
        for (index, entry) in pending.iter().enumerate() {
            if let Some(key) = &entry.key {
                groups.entry(key).or_default().push(index);
            }
        }
        let mut findings: Vec<Option<Finding>> =
            pending.iter().map(|entry| Some(entry.finding.clone())).collect();
        for (key, members) in groups {
            let Some(Some(mentions)) = mentions.get(key) else {
                continue;
            };
            // The assignments that bind the name for the group's calls, each once (two calls
            // may share one). A call without one leaves every assignment in place.
            let mut bindings: Vec<&DeadLoop> = Vec::new();
            let mut every_call_bound = true;
            for index in &members {
                match &pending[*index].binding {
                    Some(binding) => {
                        if !bindings.iter().any(|b| b.assignment == binding.assignment) {
                            bindings.push(binding);
                        }
                    }
                    None => every_call_bound = false,
                }
            }
            // Every mention of the name is one of those assignments' targets or a rewritten
            // call's receiver: nothing reads (or binds) it once they are gone.
            if !every_call_bound || *mentions != bindings.len() + members.len() {
                continue;
            }
            let group = u32::from(key.0.start());
            let carrier = *members
                .iter()
                .min_by_key(|i| {
                    let fix = findings[**i].as_ref().and_then(|f| f.fix.as_ref());
                    (fix.map(|f| f.applicability() == Applicability::Safe), **i)
                })
                .expect("a group has members");
            for index in members {
                let finding = findings[index].take().expect("each finding once");
                let fix = finding.fix.clone().expect("pending findings have a fix");
                let mut edits = fix.edits().to_vec();
                let mut dropped = fix.dropped_names().to_vec();
                if index == carrier {
                    for binding in &bindings {
                        edits.push(binding.deletion.clone());
                        dropped.extend(binding.getter.clone());
                    }
                }
                let mut rebuilt = Fix::new(edits, fix.applicability()).in_group(group);
                if let Some(note) = fix.note() {
                    rebuilt = rebuilt.with_note(note);
                }
                for name in dropped {
                    rebuilt = rebuilt.dropping(name);
                }
                findings[index] = Some(
                    Finding::new(ExecutorToThread::INFO.id, finding.range, finding.message.clone())
                        .with_fix(rebuilt),
                );
            }
        }
        for finding in findings.into_iter().flatten() {
            cx.report(finding);
        }
    }
}

/// A function (its range) and a loop name in it.
type LoopKey = (TextRange, String);

/// Fixes held until the end of the file, keyed by (function, loop name) when the loop is a
/// name, and for each key how many times the function mentions the name.
#[derive(Default)]
struct DeadLoops {
    /// `None` when the function may read the name without mentioning it (`locals()`, ...).
    mentions: HashMap<LoopKey, Option<usize>>,
    pending: Vec<Pending>,
}

struct Pending {
    key: Option<LoopKey>,
    /// The call's nearest binding of the loop name, when it is a statement that may go.
    binding: Option<DeadLoop>,
    finding: Finding,
}

struct DeadLoop {
    /// The assignment statement (two calls may share it).
    assignment: TextRange,
    /// Deletes `loop = asyncio.get_running_loop()` (its whole line).
    deletion: Edit,
    /// The getter's root name (an import the deletion may leave unused).
    getter: Option<String>,
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
    if !cx.comments_in(call.func.range()).is_empty() {
        return Err("comments sit inside the loop expression".into());
    }
    let spelled = importer::spell(cx, "asyncio", "to_thread")?;
    let func = &arguments.args[1];
    let extra = &arguments.args[2..];
    let mut dropped: Vec<String> = root_name(&call.func).into_iter().collect();
    // Every edit splices around the user's text: comments inside the call stay where they are.
    // `loop.run_in_executor` → `asyncio.to_thread`.
    let mut edits = vec![Edit::replacement(spelled.name.clone(), call.func.range())];
    // `None, ` → nothing (up to the function, or up to a comment that follows the comma).
    let executor = &arguments.args[0];
    let comma = next_token(cx, executor.end(), func.start())
        .filter(|(_, c)| *c == ',')
        .map(|(at, _)| at)
        .ok_or("comments sit between the executor and its comma")?;
    let after_comma = comma + TextSize::from(1);
    let delete_to = cx
        .comments_in(TextRange::new(after_comma, func.start()))
        .first()
        .map_or(func.start(), |c| c.start());
    edits.push(Edit::deletion(TextRange::new(executor.start(), delete_to)));
    let callee: &Expr;
    let mut callee_arguments: Vec<&Expr> = extra.iter().collect();
    let mut callee_keywords: Vec<&ast::Keyword> = Vec::new();
    match as_partial(cx, func) {
        Some(partial) => {
            let pargs = &partial.arguments;
            let Some((target, positional)) = pargs.args.split_first() else {
                return Err("the `partial` has no positional function".into());
            };
            if target.is_starred_expr() {
                return Err("the `partial` has no positional function".into());
            }
            if let Some(first_keyword) = pargs.keywords.first()
                && positional.iter().any(|a| a.start() > first_keyword.start())
            {
                return Err("the `partial` passes positional arguments after keywords".into());
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
            let open = pargs.start() + TextSize::from(1);
            if !cx
                .comments_in(TextRange::new(partial.start(), open))
                .is_empty()
            {
                return Err("comments sit inside the `partial` name".into());
            }
            if cx.slice(partial).contains(['\n', '\r']) {
                // A `partial` spanning lines: splicing it out leaves stray commas and
                // brackets on badly indented lines, so the arguments are laid out again.
                let mut order: Vec<TextRange> = vec![target.range()];
                order.extend(positional.iter().map(Ranged::range));
                order.extend(extra.iter().map(Ranged::range));
                order.extend(pargs.keywords.iter().map(Ranged::range));
                edits.truncate(1);
                edits.push(relayout(cx, call, &order));
            } else {
            // `functools.partial(` → nothing; when the parenthesis ends its line, the
            // function moves up into its place (the layout stays tidy).
            let first_inner = pargs
                .iter_source_order()
                .next()
                .map_or(close_of(pargs), |a| a.start());
            let gap = &cx.source()[TextRange::new(open, first_inner)];
            let delete_to = if gap.trim().is_empty() { first_inner } else { open };
            edits.push(Edit::deletion(TextRange::new(partial.start(), delete_to)));
            // The `partial`'s closing parenthesis, and its trailing comma (the outer comma
            // after the `partial` takes its place).
            let close = close_of(pargs);
            let last_inner = pargs
                .iter_source_order()
                .last()
                .map_or(target.end(), |a| a.end());
            let trailing_comma = next_token(cx, last_inner, close)
                .filter(|(_, c)| *c == ',')
                .map(|(at, _)| at);
            let outer_comma = next_token(cx, partial.end(), call.arguments.end())
                .filter(|(_, c)| *c == ',')
                .is_some();
            if let Some(at) = trailing_comma
                && outer_comma
            {
                edits.push(Edit::deletion(TextRange::at(at, TextSize::from(1))));
            }
            match (pargs.keywords.first(), extra.last()) {
                (Some(first_keyword), Some(last_extra)) => {
                    // Keywords must follow the extra positional arguments: move the extras in
                    // front of the first keyword (nothing else moves).
                    let moved = TextRange::new(close, last_extra.end());
                    if !cx
                        .comments_in(TextRange::new(partial.end(), last_extra.end()))
                        .is_empty()
                    {
                        return Err(
                            "comments sit among the extra arguments, which must move in front of \
                             the `partial`'s keywords"
                                .into(),
                        );
                    }
                    let text: Vec<&str> = extra.iter().map(|e| cx.slice(e)).collect();
                    edits.push(Edit::insertion(
                        format!("{}, ", text.join(", ")),
                        first_keyword.start(),
                    ));
                    edits.push(Edit::deletion(moved));
                }
                _ => edits.push(Edit::deletion(TextRange::at(close, TextSize::from(1)))),
            }
            }
            dropped.extend(root_name(&partial.func));
            callee = target;
            callee_arguments.extend(positional.iter());
            callee_keywords.extend(pargs.keywords.iter());
        }
        None => callee = func,
    }
    edits.extend(spelled.edit);
    let mut fix = match context_free(cx, callee, &callee_arguments, &callee_keywords) {
        Ok(()) => Fix::safe(edits),
        Err(why) => Fix::unsafe_(edits).with_note(format!("{CONTEXT_NOTE}; {why}")),
    };
    for name in dropped {
        fix = fix.dropping(name);
    }
    Ok(fix)
}

/// The argument list of `to_thread` laid out again from the user's text: `items` (ranges of
/// arguments and keywords, in their new order), one per line with a trailing comma when the
/// call's arguments start on a new line (or comments must be kept), else on one line. Comments
/// travel with the argument they trail; a comment on a line of its own (or after `None,` /
/// `partial(`, which go) comes before the next argument. The text between `(` and the first
/// argument is kept when it breaks the line (a comment on the opening line stays there).
fn relayout(cx: &Checker, call: &ast::ExprCall, items: &[TextRange]) -> Edit {
    use ruff_source_file::LineRanges;

    let source = cx.source();
    let arguments = &call.arguments;
    let open = arguments.start() + TextSize::from(1);
    let close = close_of(arguments);
    let first = arguments
        .iter_source_order()
        .next()
        .map_or(close, |a| a.start());
    let prefix = &source[TextRange::new(open, first)];
    // Comments inside an argument travel with its text.
    let comments: Vec<TextRange> = cx
        .comments_in(TextRange::new(first, close))
        .iter()
        .copied()
        .filter(|c| !items.iter().any(|item| item.contains_range(*c)))
        .collect();
    let nl = cx.line_ending();
    let line_indent = |at: TextSize| {
        let start = source.line_start(at);
        let text = &source[TextRange::new(start, at)];
        text[..text.len() - text.trim_start().len()].to_string()
    };
    if !prefix.contains(['\n', '\r']) && comments.is_empty() {
        let texts: Vec<&str> = items.iter().map(|r| &source[*r]).collect();
        return Edit::replacement(
            format!("({})", texts.join(", ")),
            arguments.range(),
        );
    }
    let mut comments = comments;
    let (head, indent) = if prefix.contains(['\n', '\r']) {
        (format!("({prefix}"), line_indent(first))
    } else {
        let indent = format!("{}{}", line_indent(call.start()), cx.indent_unit());
        // A comment on the opening line, before any argument, stays on that line.
        let opening_line = source.line_end(open);
        let mut head = String::from("(");
        comments.retain(|c| {
            let keep_here = c.start() < opening_line
                && items.iter().all(|item| item.start() > c.start());
            if keep_here {
                head.push_str(&format!("  {}", &source[*c]));
            }
            !keep_here
        });
        (format!("{head}{nl}{indent}"), indent)
    };
    // Where each comment goes: after the item it trails on the same line, else before the
    // next item in source order (or at the end).
    let mut sorted: Vec<TextRange> = items.to_vec();
    sorted.sort_by_key(|r| r.start());
    let mut trailing: Vec<Vec<TextRange>> = vec![Vec::new(); items.len()];
    let mut leading: Vec<Vec<TextRange>> = vec![Vec::new(); items.len()];
    let mut at_end: Vec<TextRange> = Vec::new();
    for comment in comments {
        let before = sorted.iter().rev().find(|r| r.end() <= comment.start());
        let same_line = before.is_some_and(|r| {
            !source[TextRange::new(r.end(), comment.start())].contains(['\n', '\r'])
        });
        let owner = |r: &TextRange| items.iter().position(|i| i == r).expect("an item");
        if same_line {
            trailing[owner(before.expect("same line"))].push(comment);
        } else if let Some(next) = sorted.iter().find(|r| r.start() >= comment.end()) {
            leading[owner(next)].push(comment);
        } else {
            at_end.push(comment);
        }
    }
    let mut text = head;
    for (index, item) in items.iter().enumerate() {
        for comment in &leading[index] {
            text.push_str(&format!("{}{nl}{indent}", &source[*comment]));
        }
        text.push_str(&moved_text(cx, *item, &indent));
        text.push(',');
        for comment in &trailing[index] {
            text.push_str(&format!("  {}", &source[*comment]));
        }
        if index + 1 < items.len() {
            text.push_str(&format!("{nl}{indent}"));
        }
    }
    for comment in &at_end {
        text.push_str(&format!("{nl}{indent}{}", &source[*comment]));
    }
    let closing = if source[TextRange::new(source.line_start(close), close)]
        .trim()
        .is_empty()
    {
        line_indent(close)
    } else {
        line_indent(call.start())
    };
    text.push_str(&format!("{nl}{closing})"));
    Edit::replacement(text, arguments.range())
}

/// The text of an argument that now starts a line indented with `indent`: when it started its
/// line before, its continuation lines (not inside strings) that carried the old indentation
/// carry the new one (a closing bracket stays under the argument's start).
fn moved_text(cx: &Checker, item: TextRange, indent: &str) -> String {
    use ruff_source_file::LineRanges;

    let source = cx.source();
    let before = &source[TextRange::new(source.line_start(item.start()), item.start())];
    if !before.trim().is_empty() || before == indent {
        return source[item].to_string();
    }
    let mut text = String::new();
    let mut last = item.start();
    for start in rewrite::reindentable_line_starts(cx, item) {
        if source[usize::from(start)..].starts_with(before) {
            text.push_str(&source[TextRange::new(last, start)]);
            text.push_str(indent);
            last = start + TextSize::of(before);
        }
    }
    text.push_str(&source[TextRange::new(last, item.end())]);
    text
}

/// The offset of an argument list's closing parenthesis.
fn close_of(arguments: &ast::Arguments) -> TextSize {
    arguments.end() - TextSize::from(1)
}

/// The first character after `from` (before `to`) that is neither whitespace, a line
/// continuation nor inside a comment, with its offset.
fn next_token(cx: &Checker, from: TextSize, to: TextSize) -> Option<(TextSize, char)> {
    let text = &cx.source()[TextRange::new(from, to)];
    let mut in_comment = false;
    for (i, c) in text.char_indices() {
        match c {
            '\n' | '\r' => in_comment = false,
            _ if in_comment => {}
            '#' => in_comment = true,
            ' ' | '\t' | '\\' | '\x0c' => {}
            _ => return Some((from + TextSize::try_from(i).ok()?, c)),
        }
    }
    None
}

/// Standard-library callables that read no context state (no `ContextVar`, no `decimal`
/// context) and call no code of the caller's: with them, copying the caller's context into the
/// worker cannot change what they do. Matched on the resolved name; `*` is any member.
const CONTEXT_FREE: &[&[&str]] = &[
    &["time", "sleep"],
    &["os", "*"],
    &["os", "path", "*"],
    &["shutil", "*"],
    &["subprocess", "run"],
    &["subprocess", "call"],
    &["subprocess", "check_call"],
    &["subprocess", "check_output"],
    &["subprocess", "getoutput"],
    &["subprocess", "getstatusoutput"],
    &["glob", "glob"],
    &["socket", "getaddrinfo"],
    &["socket", "gethostbyname"],
];

/// Members of the allowlisted modules that call code handed to them.
const CALLING_BACK: &[&[&str]] = &[
    &["os", "walk"],
    &["os", "fwalk"],
    &["os", "register_at_fork"],
    &["os", "fork"],
    &["shutil", "copytree"],
    &["shutil", "rmtree"],
    &["shutil", "move"],
    &["shutil", "make_archive"],
    &["shutil", "unpack_archive"],
    &["shutil", "register_archive_format"],
    &["shutil", "register_unpack_format"],
];

/// Keyword arguments that hand the callee code of the caller's to run in the worker.
const CALLBACK_KEYWORDS: &[&str] = &[
    "preexec_fn",
    "onerror",
    "onexc",
    "ignore",
    "copy_function",
    "filter",
    "logger",
];

/// Can no context state reach the worker? Only when the callee is in [`CONTEXT_FREE`] (and
/// not in [`CALLING_BACK`]), and no argument hands it code of the caller's: a `lambda`, a
/// function of this module, or a callback keyword. Otherwise the reason, for the note.
fn context_free(
    cx: &Checker,
    callee: &Expr,
    arguments: &[&Expr],
    keywords: &[&ast::Keyword],
) -> Result<(), String> {
    let shown = cx.slice(callee);
    let not_listed = || {
        format!(
            "`{shown}` is not one of the standard-library functions known to read no context state"
        )
    };
    let qualified = cx.imports().resolve(callee).ok_or_else(not_listed)?;
    let parts: Vec<&str> = qualified.iter().map(String::as_str).collect();
    let listed = |table: &[&[&str]]| {
        table.iter().any(|row| {
            row.len() == parts.len()
                && row.iter().zip(&parts).all(|(want, got)| *want == "*" || want == got)
        })
    };
    if !listed(CONTEXT_FREE) || listed(CALLING_BACK) {
        return Err(not_listed());
    }
    let hands_code = |value: &Expr| match value {
        Expr::Lambda(_) => true,
        Expr::Name(_) => matches!(cx.local_definition(value), Some(Stmt::FunctionDef(_))),
        _ => false,
    };
    if arguments.iter().any(|a| hands_code(a))
        || keywords.iter().any(|k| {
            hands_code(&k.value)
                || k.arg
                    .as_ref()
                    .is_none_or(|name| CALLBACK_KEYWORDS.contains(&name.as_str()))
        })
    {
        return Err(format!(
            "`{shown}` is handed code that runs in the worker and may read context state"
        ));
    }
    Ok(())
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

const LOOP_GETTERS: &[&[&str]] = &[
    &["asyncio", "get_running_loop"],
    &["asyncio", "get_event_loop"],
    &["asyncio", "events", "get_running_loop"],
    &["asyncio", "events", "get_event_loop"],
];

/// How many times the function at `func` mentions `name`: every name token equal to it
/// (targets, loads, attributes, keywords, nested scopes, `global`, `nonlocal`). `None` when the
/// function calls `locals()`, `vars()`, `eval` or `exec`, which could read it by name.
fn loop_mentions(cx: &Checker, func: TextRange, name: &str) -> Option<usize> {
    use ruff_python_ast::token::TokenKind;

    let source = cx.source();
    let mut mentions = 0;
    for token in cx.tokens().in_range(func) {
        if token.kind() == TokenKind::Name {
            match &source[token.range()] {
                text if text == name => mentions += 1,
                "locals" | "vars" | "eval" | "exec" => return None,
                _ => {}
            }
        }
    }
    Some(mentions)
}

/// The statement `name = asyncio.get_running_loop()` (or `get_event_loop()`, which in a
/// running coroutine returns the running loop: no side effect worth keeping) that is the
/// nearest binding of `name` before `call` in a block that holds it (see
/// [`assignment_before`]), if it may be deleted: its deletion (its whole line, or up to the
/// next statement after `;`) and the getter's root name (an import it may leave unused).
/// `on_end` deletes it only when every mention of the name in the function is such an
/// assignment or a rewritten call's receiver.
fn dead_loop_assignment(cx: &Checker, call: &ast::ExprCall, name: &str) -> Option<DeadLoop> {
    use ruff_source_file::LineRanges;

    let func = cx.current_function()?;
    let source = cx.source();
    let assignment = assignment_before(&func.body, name, call.range())?;
    let getter = match assignment {
        Stmt::Assign(assign) => &*assign.value,
        Stmt::AnnAssign(assign) => assign.value.as_deref()?,
        _ => return None,
    };
    let Expr::Call(getter) = getter else {
        return None;
    };
    if !getter.arguments.is_empty()
        || cx.imports().matches_any(&getter.func, LOOP_GETTERS).is_none()
        || !cx.comments_in(assignment.range()).is_empty()
    {
        return None;
    }
    let line_start = source.line_start(assignment.start());
    if !source[TextRange::new(line_start, assignment.start())]
        .trim()
        .is_empty()
    {
        // After a `;` or on a header line (`if x: loop = ...`).
        return None;
    }
    let line_end = source.line_end(assignment.end());
    let rest = &source[TextRange::new(assignment.end(), line_end)];
    let trimmed = rest.trim_start_matches([' ', '\t']);
    let deletion = if trimmed.is_empty() || trimmed.starts_with('#') {
        TextRange::new(line_start, source.full_line_end(assignment.end()))
    } else if let Some(after) = trimmed.strip_prefix(';') {
        let spaces = after.len() - after.trim_start_matches([' ', '\t']).len();
        let end = line_end - TextSize::try_from(after.len() - spaces).ok()?;
        if after.trim().is_empty() {
            // `loop = ...;` alone on its line.
            TextRange::new(line_start, source.full_line_end(assignment.end()))
        } else {
            TextRange::new(assignment.start(), end)
        }
    } else {
        return None;
    };
    Some(DeadLoop {
        assignment: assignment.range(),
        deletion: Edit::deletion(deletion),
        getter: root_name(&getter.func),
    })
}

/// The nearest statement `name = ...` (one plain target) before `call` in a block on the path
/// from the function body to the call: it ran whenever the call runs, and no such statement on
/// that path comes between them. Bindings of other kinds (`for`, `with ... as`, `:=`, several
/// targets) and assignments off the path (in a branch before the call, later in a loop body)
/// are not looked at: they are mentions of the name that are not a rewritten call's receiver
/// nor a binding found here, so `on_end` deletes nothing.
fn assignment_before<'a>(body: &'a [Stmt], name: &str, call: TextRange) -> Option<&'a Stmt> {
    let binds = |stmt: &Stmt| match stmt {
        Stmt::Assign(assign) => {
            matches!(assign.targets.as_slice(), [Expr::Name(n)] if n.id.as_str() == name)
        }
        Stmt::AnnAssign(assign) => matches!(&*assign.target, Expr::Name(n) if n.id.as_str() == name),
        _ => false,
    };
    let holder = body.iter().position(|s| s.range().contains_range(call))?;
    let stmt = &body[holder];
    if matches!(stmt, Stmt::FunctionDef(_) | Stmt::ClassDef(_)) {
        return None;
    }
    // One inside the holder's block, before the call, is nearer than any before the holder.
    crate::analysis::bodies_of(stmt)
        .into_iter()
        .find_map(|inner| assignment_before(inner, name, call))
        .or_else(|| body[..holder].iter().rev().find(|s| binds(s)))
}

fn root_name(expr: &Expr) -> Option<String> {
    let name = UnqualifiedName::from_expr(expr)?;
    name.segments().first().map(|s| s.to_string())
}
