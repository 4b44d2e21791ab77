//! The project view: facts about every file of the run that a transform needs when one module
//! is not enough. Which imported helpers are `async def`s, plain `def`s or classes; whether a
//! test patches `asyncio.wait_for`; which pytest plugin runs the async tests; which files use
//! the current event loop from sync code.
//!
//! The CLI gathers [`FileFacts`] for every file of the run in a first parallel pass
//! ([`FileFacts::gather`]: a byte search first, a parse only where it can find something), builds
//! one [`Project`], and hands it to every check through
//! [`Settings`](crate::checker::Settings). The only I/O is reading a module again when another
//! file first asks about its definitions; paths are the run's display paths, and modules are found by matching their dotted names against those paths (absolute
//! imports by path suffix, relative imports from the importing file's folder), so the tree's
//! layout (`src/`, flat, several roots) does not matter.

use std::collections::BTreeSet;
use std::sync::Arc;

use rustc_hash::FxHashMap as HashMap;

use ruff_python_ast::name::UnqualifiedName;
use ruff_python_ast::visitor::source_order::{self, SourceOrderVisitor};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_source_file::LineIndex;
use ruff_text_size::Ranged;

use crate::analysis::{body_yields, is_fixture_decorator, plain_loop_fixture};
use crate::discover::PathList;
use crate::imports::Imports;

/// What a module-level name of a project file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DefKind {
    /// An undecorated `async def` (or with `staticmethod`/`classmethod`) without `yield`: a call
    /// returns a coroutine.
    Coroutine,
    /// An `async def` that is decorated or is an async generator: the call may return anything.
    AsyncOther,
    /// A plain `def`: it may return a task, a future, or anything.
    Sync,
    /// A class: a call makes an instance.
    Class,
}

/// One module-level definition of a project file.
#[derive(Clone, Debug)]
pub struct Def {
    pub kind: DefKind,
    /// The body runs an event loop itself (`asyncio.run`, `run_until_complete`, `run_forever`,
    /// `anyio.run`, `trio.run`): calling it from a running loop fails.
    pub runs_loop: bool,
    /// A plain undecorated `def` that returns a task it created and keeps no other reference
    /// to it (see [`returns_created_task`]): a caller that drops the result drops the task.
    pub returns_task: bool,
}

/// Which pytest plugins a file shows signs of.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Plugins {
    /// `pytest.mark.asyncio`, `import pytest_asyncio`, `pytest_plugins = [... "pytest_asyncio"]`.
    pub asyncio: bool,
    /// `pytest.mark.anyio`, an `anyio_backend` fixture.
    pub anyio: bool,
    /// An `anyio_backend` fixture that names trio: anyio runs each test under trio too.
    pub anyio_trio: bool,
    /// `pytest.mark.trio`, `import pytest_trio`, `trio_mode`.
    pub trio: bool,
    /// A fixture named `event_loop` or `loop` that does more than make and close a loop
    /// ([`crate::analysis::plain_loop_fixture`]: a policy, uvloop, a wider scope), or an
    /// `event_loop_policy` fixture (pytest-asyncio's way to choose the loop kind).
    pub custom_loop_fixture: bool,
    /// A `conftest.py` defines a plain `loop` fixture (one that only makes and closes a loop).
    pub conftest_loop_fixture: bool,
    /// An `autouse` fixture takes `event_loop` or `loop`: it shares that loop with every test.
    pub autouse_loop_fixture: bool,
    /// A `pytest_pyfunc_call` hook: the project calls test functions itself (a home-made async
    /// test runner, often one that hands coroutine tests the `event_loop` fixture).
    pub pyfunc_call_hook: bool,
}

impl Plugins {
    fn merge(&mut self, other: Plugins) {
        self.asyncio |= other.asyncio;
        self.anyio |= other.anyio;
        self.anyio_trio |= other.anyio_trio;
        self.trio |= other.trio;
        self.custom_loop_fixture |= other.custom_loop_fixture;
        self.conftest_loop_fixture |= other.conftest_loop_fixture;
        self.autouse_loop_fixture |= other.autouse_loop_fixture;
        self.pyfunc_call_hook |= other.pyfunc_call_hook;
    }
}

/// A module-level `from X import Y [as Z]` of a project file (to follow re-exports).
#[derive(Clone, Debug)]
struct FromImport {
    level: u32,
    module: String,
    name: String,
}

/// What the first pass learns about one file: the facts every check may need (wait_for
/// patches, plugins, sync loop use), found by a byte search and a parse only where the search
/// hits; its definitions are gathered lazily, the first time another file asks (see
/// [`Project::resolve_absolute`]), from its text: read again from disk for a file of the run
/// (the run keeps no file's text once it is reported, so memory stays flat as the tree grows;
/// see [`Project::pin_definitions`] for files the run rewrites), or held for standard input.
/// The project view keeps them for every file of the run until its end, with where the file's
/// paths are in [`Project::text`]: 32 bytes for most files (and its name's bytes; its
/// folder's are kept once per folder).
#[derive(Debug, Default)]
pub struct FileFacts {
    /// Which project of the run the file belongs to (see [`FileFacts::in_project`]).
    root: u32,
    /// [`FileFacts::MENTIONS_TASK`], [`FileFacts::LOOP_UNREAD`].
    flags: u8,
    /// Where the file's disk path, display path and key are (see [`Place`]).
    place: Place,
    /// [`Place::Disk`] and [`Place::DiskNamed`]: the disk path is the folder
    /// `Project::dirs[dir]` followed by the name `text[start..start + name_len]`.
    name_len: u16,
    start: u32,
    dir: u32,
    defs: once_cell::race::OnceBox<Definitions>,
    /// The facts few files have (none for most): kept out of line, so that the project view
    /// costs a few dozen bytes per file of the run and memory stays flat as the tree grows.
    rare: Option<Box<RareFacts>>,
}

/// Where a file's paths are in [`Project::text`]. For every file the CLI finds, the display
/// path is a suffix of the disk path (the part after the current folder, the same for every
/// file of a folder: [`Folder::skip`]) and the key (the display path without `.py`/`.pyi`,
/// `/`-separated) the display path without its extension: the three are the folder's text (in
/// the text once per folder) followed by the file's name or its stem ([`Joined`]). Either is
/// appended to the text when it is not, and its place kept in [`RareFacts::names`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Place {
    /// The three are the folder's text and the file's name ([`FileFacts::start`]).
    Disk,
    /// The disk path is in the text; the display path and key are at [`RareFacts::names`].
    DiskNamed,
    /// No disk path in the text (standard input, a test's file, a path that is not UTF-8:
    /// [`RareFacts::source`]); the display path and key are at [`RareFacts::names`].
    #[default]
    Named,
}

/// The facts of [`FileFacts`] that only a parse finds, where the definitions of a file
/// that is not read from the project's own path are, and where its paths are when they are
/// not slices of its disk path.
#[derive(Debug, Default, PartialEq, Eq)]
struct RareFacts {
    /// The display path's and the key's place in [`Project::text`] (see [`Place`]).
    names: Option<(Span, Span)>,
    /// 1-based line of the first place that patches `asyncio.wait_for`.
    patches_wait_for: Option<usize>,
    plugins: Plugins,
    /// 1-based line of the first `asyncio.get_event_loop()` (or `get_event_loop_policy()`)
    /// called outside any `async def`.
    sync_current_loop: Option<usize>,
    source: DefSource,
}

/// Where a file's definitions are read from when another file first asks about them (when the
/// project does not keep its disk path: [`Place::Named`]).
#[derive(Debug, Default, PartialEq, Eq)]
enum DefSource {
    #[default]
    None,
    Text(Arc<str>),
    /// A disk path that is not UTF-8.
    Disk(Box<std::path::Path>),
}

/// A module's own definitions and re-exports, as the project view keeps them until the end of
/// the run (once another file has asked): every name in one string, the entries sorted by
/// name, a few bytes each.
#[derive(Debug, Default)]
struct Definitions {
    text: Box<str>,
    /// (name, definition), sorted by name.
    defs: Box<[((u32, u32), Def)]>,
    /// Sorted by bound name.
    from_imports: Box<[ImportEntry]>,
    /// `RareFacts::sync_current_loop`, for a file whose first pass did not parse it
    /// ([`FileFacts::LOOP_UNREAD`]).
    sync_current_loop: Option<u32>,
}

/// A range of [`Definitions::text`].
type Span = (u32, u32);

/// A module-level `from X import Y [as Z]` in [`Definitions`]: the name bound (`Z`), the
/// level, the module (`X`) and the name imported (`Y`).
#[derive(Clone, Copy, Debug)]
struct ImportEntry(Span, u32, Span, Span);

/// [`Definitions`] while they are gathered.
#[derive(Default)]
struct Gathered {
    defs: HashMap<String, Def>,
    from_imports: HashMap<String, FromImport>,
}

impl Gathered {
    fn freeze(self) -> Definitions {
        // Each distinct string once: `from m import a, b` names `m` twice, and most imports
        // bind the name they import.
        fn intern<'s>(text: &mut String, seen: &mut HashMap<&'s str, Span>, s: &'s str) -> Span {
            if let Some(span) = seen.get(s) {
                return *span;
            }
            let start = text.len();
            text.push_str(s);
            let small = |n: usize| u32::try_from(n).expect("a module shorter than 4 GiB");
            let span = (small(start), small(text.len()));
            seen.insert(s, span);
            span
        }
        let mut text = String::new();
        let mut seen: HashMap<&str, Span> = HashMap::default();
        let mut add = |s| intern(&mut text, &mut seen, s);
        let mut defs: Vec<_> = self
            .defs
            .iter()
            .map(|(name, def)| (add(name), def.clone()))
            .collect();
        let mut from_imports: Vec<_> = self
            .from_imports
            .iter()
            .map(|(bound, import)| {
                ImportEntry(
                    add(bound),
                    import.level,
                    add(&import.module),
                    add(&import.name),
                )
            })
            .collect();
        let at = |span: (u32, u32)| &text[span.0 as usize..span.1 as usize];
        defs.sort_unstable_by(|a, b| at(a.0).cmp(at(b.0)));
        from_imports.sort_unstable_by(|a, b| at(a.0).cmp(at(b.0)));
        Definitions {
            text: text.into_boxed_str(),
            defs: defs.into_boxed_slice(),
            from_imports: from_imports.into_boxed_slice(),
            sync_current_loop: None,
        }
    }
}

impl Definitions {
    fn at(&self, span: Span) -> &str {
        &self.text[span.0 as usize..span.1 as usize]
    }

    /// The module-level definition of `name`.
    fn def(&self, name: &str) -> Option<&Def> {
        let at = self
            .defs
            .binary_search_by(|(span, _)| self.at(*span).cmp(name))
            .ok()?;
        Some(&self.defs[at].1)
    }

    /// The module-level `from` import that binds `name`: (level, module, imported name).
    fn imported(&self, name: &str) -> Option<(u32, &str, &str)> {
        let at = self
            .from_imports
            .binary_search_by(|entry| self.at(entry.0).cmp(name))
            .ok()?;
        let ImportEntry(_, level, module, imported) = self.from_imports[at];
        Some((level, self.at(module), self.at(imported)))
    }

    fn gather(source: &str) -> Definitions {
        let Ok(parsed) = ruff_python_parser::parse_module(source) else {
            return Definitions::default();
        };
        let suite = parsed.suite();
        let mut out = Gathered::default();
        let mut imports = Imports::new(suite);
        for stmt in suite {
            match stmt {
                Stmt::FunctionDef(func) => {
                    let plain = func.decorator_list.iter().all(|d| {
                        matches!(&d.expression, Expr::Name(n) if matches!(n.id.as_str(), "staticmethod" | "classmethod"))
                    });
                    let kind = match (func.is_async, plain && !body_yields(&func.body)) {
                        (true, true) => DefKind::Coroutine,
                        (true, false) => DefKind::AsyncOther,
                        (false, _) => DefKind::Sync,
                    };
                    let runs_loop = calls_loop_runner(&imports, &func.body);
                    let returns_task = returns_created_task(&mut imports, func);
                    out.defs.insert(
                        func.name.to_string(),
                        Def {
                            kind,
                            runs_loop,
                            returns_task,
                        },
                    );
                }
                Stmt::ClassDef(class) => {
                    out.defs.insert(
                        class.name.to_string(),
                        Def {
                            kind: DefKind::Class,
                            runs_loop: false,
                            returns_task: false,
                        },
                    );
                }
                Stmt::ImportFrom(import) => {
                    let module = import.module.as_ref().map_or("", |m| m.as_str());
                    for alias in &import.names {
                        let bound = alias.asname.as_ref().unwrap_or(&alias.name);
                        out.from_imports.insert(
                            bound.to_string(),
                            FromImport {
                                level: import.level,
                                module: module.to_string(),
                                name: alias.name.to_string(),
                            },
                        );
                    }
                }
                _ => {}
            }
        }
        // A name bound twice at module level may be either: not a fact.
        for stmt in suite {
            if let Stmt::Assign(assign) = stmt {
                for target in &assign.targets {
                    if let Expr::Name(name) = target {
                        out.defs.remove(name.id.as_str());
                    }
                }
            }
        }
        let mut definitions = out.freeze();
        if source.contains("get_event_loop") {
            let index = LineIndex::from_source_text(source);
            let mut walker = Walker {
                source,
                index: &index,
                imports: Imports::new(suite),
                functions: Vec::new(),
                conftest: false,
                facts: RareFacts::default(),
            };
            walker.visit_body(suite);
            definitions.sync_current_loop = walker
                .facts
                .sync_current_loop
                .map(|line| u32::try_from(line).unwrap_or(u32::MAX));
        }
        definitions
    }
}

/// Every name a `from X import ...` statement of `text` could bind, by a byte scan and no
/// parse: the alias list after each word `import` is read (`a`, `b as c`, parenthesized,
/// continued, with comments), wherever the word is (in a string, a comment, an `import X`
/// statement, inside a function). A superset of the names [`Definitions`] records as
/// re-exports (module-level `from` imports only), so a name missing here is not one. None
/// when a bound name is not ASCII (the parser normalizes such names: NFKC).
fn from_import_names(text: &str) -> Option<Vec<&str>> {
    let bytes = text.as_bytes();
    let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || !b.is_ascii();
    // Past spaces, tabs, form feeds and backslash continuations; inside parentheses also past
    // newlines and comments.
    let skip = |mut i: usize, paren: bool| loop {
        match bytes.get(i) {
            Some(b' ' | b'\t' | b'\x0c') => i += 1,
            Some(b'\\') => match (bytes.get(i + 1), bytes.get(i + 2)) {
                (Some(b'\r'), Some(b'\n')) => i += 3,
                (Some(b'\n' | b'\r'), _) => i += 2,
                _ => return i,
            },
            Some(b'\n' | b'\r') if paren => i += 1,
            Some(b'#') if paren => {
                while bytes.get(i).is_some_and(|b| !matches!(b, b'\n' | b'\r')) {
                    i += 1;
                }
            }
            _ => return i,
        }
    };
    let ident = |i: usize| {
        let end = i + bytes[i.min(bytes.len())..]
            .iter()
            .take_while(|b| is_ident(**b))
            .count();
        (&text[i..end], end)
    };
    let mut names = Vec::new();
    for at in memchr::memmem::find_iter(bytes, b"import") {
        let end = at + "import".len();
        if at > 0 && is_ident(bytes[at - 1]) || bytes.get(end).is_some_and(|b| is_ident(*b)) {
            continue;
        }
        let mut i = skip(end, false);
        let paren = bytes.get(i) == Some(&b'(');
        if paren {
            i += 1;
        }
        loop {
            let (name, after) = ident(skip(i, paren));
            if name.is_empty() {
                break;
            }
            let mut bound = name;
            i = after;
            let (word, after_as) = ident(skip(i, paren));
            if word == "as" {
                let (alias, after_alias) = ident(skip(after_as, paren));
                if alias.is_empty() {
                    break;
                }
                bound = alias;
                i = after_alias;
            }
            if !bound.is_ascii() {
                return None;
            }
            names.push(bound);
            i = skip(i, paren);
            if bytes.get(i) != Some(&b',') {
                break;
            }
            i += 1;
        }
    }
    names.sort_unstable();
    names.dedup();
    Some(names)
}

/// Does a function body call something that runs an event loop (not counting nested
/// functions)?
fn calls_loop_runner(imports: &Imports, body: &[Stmt]) -> bool {
    struct Finder<'i> {
        imports: &'i Imports,
        found: bool,
    }
    impl<'a> SourceOrderVisitor<'a> for Finder<'_> {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            if !matches!(stmt, Stmt::FunctionDef(_) | Stmt::ClassDef(_)) {
                source_order::walk_stmt(self, stmt);
            }
        }
        fn visit_expr(&mut self, expr: &'a Expr) {
            if let Expr::Call(call) = expr
                && runs_loop(self.imports, call)
            {
                self.found = true;
            }
            source_order::walk_expr(self, expr);
        }
    }
    let mut finder = Finder {
        imports,
        found: false,
    };
    finder.visit_body(body);
    finder.found
}

/// Is `func` `asyncio.create_task`, `asyncio.ensure_future` or an event loop's `create_task`
/// (`asyncio.get_event_loop()` / `get_running_loop()` / `new_event_loop()`, or a name or
/// attribute with `loop` in it, as receiver; a `TaskGroup`'s `tg.create_task` keeps its tasks)?
pub fn creates_task(imports: &Imports, func: &Expr) -> bool {
    if imports
        .matches_any(
            func,
            &[&["asyncio", "create_task"], &["asyncio", "ensure_future"]],
        )
        .is_some()
    {
        return true;
    }
    let Expr::Attribute(attr) = func else {
        return false;
    };
    if attr.attr.as_str() != "create_task" {
        return false;
    }
    match &*attr.value {
        Expr::Call(getter) => imports
            .matches_any(
                &getter.func,
                &[
                    &["asyncio", "get_event_loop"],
                    &["asyncio", "get_running_loop"],
                    &["asyncio", "new_event_loop"],
                ],
            )
            .is_some(),
        Expr::Name(name) => name.id.to_ascii_lowercase().contains("loop"),
        Expr::Attribute(owner) => owner.attr.to_ascii_lowercase().contains("loop"),
        _ => false,
    }
}

/// Does the plain module-level `def` return a task it created, and do nothing else with it?
/// Undecorated, not `async`, its last statement a `return`, and every `return` of its own body
/// (nested functions aside) gives either a task-creating call (`return asyncio.create_task(c)`)
/// or a local name bound only by `name = <task-creating call>` and read only by those
/// `return`s (no set, callback or attribute keeps the task). `imports` is the module's; the
/// function's own scope is pushed while its body is read.
pub fn returns_created_task(imports: &mut Imports, func: &ast::StmtFunctionDef) -> bool {
    if !may_return_created_task(func) {
        return false;
    }
    imports.push_function(func);
    let answer = returns_created_task_in(imports, func);
    imports.pop_function();
    answer
}

/// The cheap half of [`returns_created_task`], before any import is resolved: a plain,
/// undecorated `def` that ends with a `return`.
pub fn may_return_created_task(func: &ast::StmtFunctionDef) -> bool {
    !func.is_async
        && func.decorator_list.is_empty()
        && matches!(func.body.last(), Some(Stmt::Return(_)))
}

fn returns_created_task_in(imports: &Imports, func: &ast::StmtFunctionDef) -> bool {
    /// The function's own `return`s, and every read or binding of each name.
    #[derive(Default)]
    struct Scan<'a> {
        returns: Vec<Option<&'a Expr>>,
        /// (name, value) of single-target `name = value` assignments.
        assigns: Vec<(&'a str, &'a Expr)>,
        /// Every `Name` node (loads and stores, nested functions included), by range.
        names: Vec<&'a ast::ExprName>,
        other_bindings: bool,
        depth: usize,
    }
    impl<'a> SourceOrderVisitor<'a> for Scan<'a> {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            match stmt {
                Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {
                    self.depth += 1;
                    source_order::walk_stmt(self, stmt);
                    self.depth -= 1;
                    return;
                }
                Stmt::Return(ret) if self.depth == 0 => self.returns.push(ret.value.as_deref()),
                Stmt::Assign(assign) if self.depth == 0 => {
                    if let [Expr::Name(target)] = &*assign.targets {
                        self.assigns.push((target.id.as_str(), &assign.value));
                    }
                }
                Stmt::Global(_) | Stmt::Nonlocal(_) => self.other_bindings = true,
                _ => {}
            }
            source_order::walk_stmt(self, stmt);
        }
        fn visit_expr(&mut self, expr: &'a Expr) {
            if let Expr::Name(name) = expr {
                self.names.push(name);
            }
            source_order::walk_expr(self, expr);
        }
    }
    let mut scan = Scan::default();
    scan.visit_body(&func.body);
    if scan.other_bindings || scan.returns.is_empty() {
        return false;
    }
    let is_task_call =
        |value: &Expr| matches!(value, Expr::Call(call) if creates_task(imports, &call.func));
    scan.returns.iter().all(|value| match value {
        Some(Expr::Call(call)) => creates_task(imports, &call.func),
        Some(Expr::Name(name)) => {
            let id = name.id.as_str();
            let assigns: Vec<&Expr> = scan
                .assigns
                .iter()
                .filter(|(target, _)| *target == id)
                .map(|(_, value)| *value)
                .collect();
            let occurrences = scan.names.iter().filter(|n| n.id.as_str() == id).count();
            let returned = scan
                .returns
                .iter()
                .filter(|v| matches!(v, Some(Expr::Name(n)) if n.id.as_str() == id))
                .count();
            // Only the assignments bind it and only the returns read it; not a parameter.
            !assigns.is_empty()
                && assigns.iter().all(|value| is_task_call(value))
                && occurrences == assigns.len() + returned
                && func.parameters.iter().all(|p| p.name().as_str() != id)
        }
        _ => false,
    })
}

impl FileFacts {
    /// Facts about the file at `path`. The text is parsed only when a byte search finds what a
    /// fact needs (`wait_for` with `patch`/`setattr`/`=`, a pytest plugin's name); a file that
    /// does not parse has no facts. Its sync `get_event_loop()` calls are found by that parse,
    /// else later, if asked, from its definitions ([`FileFacts::LOOP_UNREAD`]).
    pub fn gather(path: &str, source: Arc<str>) -> FileFacts {
        let mut facts = FileFacts::gather_from_disk(path, &source);
        facts.rare.get_or_insert_default().source = DefSource::Text(source);
        facts
    }

    /// [`FileFacts::gather`] for a file of the run whose text is `text`: its definitions, if
    /// another file asks, are read from its disk path again (see [`Project::of_run`]), so the
    /// text need not be kept. (A file that could not be read has the default facts.)
    pub fn gather_from_disk(path: &str, text: &str) -> FileFacts {
        // One SIMD (Teddy) pass for the words below, restarting one byte after each match so
        // no occurrence is hidden by another (no word is a prefix of another); `patch`,
        // `setattr` and `wait_for =` only matter, and are only searched, where `wait_for` is.
        const WORDS: [&str; 16] = [
            "create_task",
            "ensure_future",
            "wait_for",
            "get_event_loop",
            "pytest_asyncio",
            "pytest_trio",
            "anyio_backend",
            "trio_mode",
            "pytest_plugins",
            "mark.asyncio",
            "mark.anyio",
            "mark.trio",
            "def event_loop",
            "def loop",
            "autouse",
            "pytest_pyfunc_call",
        ];
        static SEARCH: std::sync::LazyLock<Option<aho_corasick::packed::Searcher>> =
            std::sync::LazyLock::new(|| aho_corasick::packed::Searcher::new(WORDS.iter()));
        let contains =
            |word: &str| memchr::memmem::find(text.as_bytes(), word.as_bytes()).is_some();
        let mut seen = 0u32;
        match &*SEARCH {
            Some(searcher) => {
                let mut at = 0;
                while at < text.len()
                    && let Some(found) =
                        searcher.find_in(text, aho_corasick::Span::from(at..text.len()))
                {
                    seen |= 1 << found.pattern().as_u32();
                    at = found.start() + 1;
                }
            }
            None => {
                for (i, word) in WORDS.iter().enumerate() {
                    if contains(word) {
                        seen |= 1 << i;
                    }
                }
            }
        }
        let has = |i: u32| seen & (1 << i) != 0;
        let patch = has(2) && (contains("patch") || contains("setattr") || contains("wait_for ="));
        // `def loop` only matters for a function named `loop` (not `loopback`, `loop_forever`).
        let defines_loop = || {
            memchr::memmem::find_iter(text.as_bytes(), b"def loop").any(|at| {
                !text.as_bytes().get(at + 8).is_some_and(|next| {
                    next.is_ascii_alphanumeric() || *next == b'_' || !next.is_ascii()
                })
            })
        };
        let plugin = (4..16).any(|i| has(i) && (i != 13 || defines_loop()));
        let loop_use = has(3);
        let mut facts = FileFacts {
            flags: if has(0) || has(1) {
                Self::MENTIONS_TASK
            } else {
                0
            },
            ..FileFacts::default()
        };
        if !(patch || plugin) {
            // Where it calls `get_event_loop()` from sync code is asked for rarely (see
            // `Project::sync_loop_users`): it is read from the definitions then, not parsed here.
            if loop_use {
                facts.flags |= Self::LOOP_UNREAD;
            }
            return facts;
        }
        let Ok(parsed) = ruff_python_parser::parse_module(text) else {
            return facts;
        };
        let suite = parsed.suite();
        let index = LineIndex::from_source_text(text);
        let mut walker = Walker {
            source: text,
            index: &index,
            imports: Imports::new(suite),
            functions: Vec::new(),
            conftest: path.ends_with("conftest.py"),
            facts: RareFacts::default(),
        };
        walker.visit_body(suite);
        if walker.facts != RareFacts::default() {
            facts.rare = Some(Box::new(walker.facts));
        }
        facts
    }

    /// The text spells `create_task` or `ensure_future`: only such a file can define a function
    /// that returns a task it created (`Def::returns_task`).
    const MENTIONS_TASK: u8 = 1;
    /// The text spells `get_event_loop` and the first pass did not parse it: whether it calls
    /// it from sync code is in its definitions ([`Definitions::sync_current_loop`]).
    const LOOP_UNREAD: u8 = 2;

    fn mentions_task(&self) -> bool {
        self.flags & Self::MENTIONS_TASK != 0
    }

    /// The file belongs to project `root` of the run (the CLI numbers the folders that hold a
    /// `pyproject.toml`, `setup.py`, `setup.cfg`, `.git`, `PKG-INFO` or a `*.dist-info`):
    /// facts of one project never inform another (a run over several repositories, or over
    /// unpacked packages, is several projects).
    pub fn in_project(mut self, root: u32) -> Self {
        self.root = root;
        self
    }

    /// The definitions, gathered the first time they are asked for; `disk` is where they are
    /// read from, when the project keeps the file's disk path.
    fn definitions(&self, disk: Option<Joined<'_>>) -> &Definitions {
        self.defs.get_or_init(|| {
            Box::new(
                self.with_text(disk, Definitions::gather)
                    .unwrap_or_default(),
            )
        })
    }

    /// `f` of the file's text, read as [`FileFacts::definitions`] reads it; None when there is
    /// no text to read (or it cannot be read or decoded).
    fn with_text<R>(&self, disk: Option<Joined<'_>>, f: impl FnOnce(&str) -> R) -> Option<R> {
        let read = |path: &std::path::Path| {
            std::fs::read(path)
                .ok()
                .and_then(|bytes| crate::files::decode_vec(bytes).ok())
        };
        let source = match self.rare.as_deref().map(|rare| &rare.source) {
            _ if disk.is_some() => {
                disk.and_then(|disk| read(std::path::Path::new(&*disk.to_cow())))
            }
            Some(DefSource::Text(text)) => return Some(f(text)),
            Some(DefSource::Disk(path)) => read(path),
            Some(DefSource::None) | None => None,
        };
        source.map(|source| f(&source.text))
    }
}

struct Walker<'f> {
    source: &'f str,
    index: &'f LineIndex,
    imports: Imports,
    /// Is each enclosing function an `async def`?
    functions: Vec<bool>,
    conftest: bool,
    facts: RareFacts,
}

impl Walker<'_> {
    fn line(&self, node: &impl Ranged) -> usize {
        self.index.line_index(node.start()).get()
    }
}

impl<'a> SourceOrderVisitor<'a> for Walker<'_> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::FunctionDef(func) => {
                if func.name.as_str() == "anyio_backend" {
                    self.facts.plugins.anyio = true;
                    if self.source[func.range()].contains("trio") {
                        self.facts.plugins.anyio_trio = true;
                    }
                }
                let fixture = func
                    .decorator_list
                    .iter()
                    .find(|d| is_fixture_decorator(&self.imports, &d.expression));
                if let Some(Expr::Call(call)) = fixture.map(|d| &d.expression)
                    && call.arguments.find_keyword("autouse").is_some_and(|k| {
                        !matches!(
                            k.value,
                            Expr::BooleanLiteral(ast::ExprBooleanLiteral { value: false, .. })
                        )
                    })
                    && func
                        .parameters
                        .iter()
                        .any(|p| matches!(p.name().as_str(), "event_loop" | "loop"))
                {
                    self.facts.plugins.autouse_loop_fixture = true;
                }
                if func.name.as_str() == "pytest_pyfunc_call" {
                    self.facts.plugins.pyfunc_call_hook = true;
                }
                // pytest-asyncio's `event_loop_policy` fixture (0.23+): the plugin's loops,
                // which the rewritten tests run in, follow it; the project's own fixture may not.
                if func.name.as_str() == "event_loop_policy" && fixture.is_some() {
                    self.facts.plugins.custom_loop_fixture = true;
                }
                // A decorator spelled otherwise (`fixture = pytest.fixture`) counts too: the
                // shape check then calls it custom.
                if matches!(func.name.as_str(), "event_loop" | "loop")
                    && (fixture.is_some()
                        || func
                            .decorator_list
                            .iter()
                            .any(|d| self.source[d.range()].contains("fixture")))
                {
                    match plain_loop_fixture(&self.imports, self.source, func) {
                        Ok(()) if func.name.as_str() == "loop" && self.conftest => {
                            self.facts.plugins.conftest_loop_fixture = true;
                        }
                        Ok(()) => {}
                        Err(_) => self.facts.plugins.custom_loop_fixture = true,
                    }
                }
                for decorator in &func.decorator_list {
                    self.visit_decorator(decorator);
                }
                self.functions.push(func.is_async);
                self.imports.push_function(func);
                self.visit_body(&func.body);
                self.imports.pop_function();
                self.functions.pop();
            }
            Stmt::Import(import) => {
                for alias in &import.names {
                    self.plugin_module(alias.name.as_str());
                }
            }
            Stmt::ImportFrom(import) => {
                if let Some(module) = &import.module {
                    self.plugin_module(module.as_str());
                }
            }
            Stmt::Assign(assign) => {
                for target in &assign.targets {
                    match target {
                        // `asyncio.wait_for = fake`
                        Expr::Attribute(attr)
                            if attr.attr.as_str() == "wait_for"
                                && self.imports.matches(&attr.value, &["asyncio"]) =>
                        {
                            self.facts.patches_wait_for.get_or_insert(self.line(stmt));
                        }
                        Expr::Name(name) if name.id.as_str() == "pytest_plugins" => {
                            let text = &self.source[assign.value.range()];
                            self.plugin_module_text(text);
                        }
                        _ => {}
                    }
                }
                source_order::walk_stmt(self, stmt);
            }
            _ => source_order::walk_stmt(self, stmt),
        }
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Attribute(attr) => {
                if let Expr::Attribute(inner) = &*attr.value
                    && inner.attr.as_str() == "mark"
                {
                    match attr.attr.as_str() {
                        "asyncio" => self.facts.plugins.asyncio = true,
                        "anyio" => self.facts.plugins.anyio = true,
                        "trio" => self.facts.plugins.trio = true,
                        _ => {}
                    }
                }
            }
            Expr::Name(name) if name.id.as_str() == "trio_mode" => {
                self.facts.plugins.trio = true;
            }
            Expr::Call(call) => {
                if patches_wait_for(call) {
                    self.facts.patches_wait_for.get_or_insert(self.line(call));
                }
                let in_async = self.functions.last().copied().unwrap_or(false);
                if !in_async
                    && (self
                        .imports
                        .matches(&call.func, &["asyncio", "get_event_loop"])
                        || self
                            .imports
                            .matches(&call.func, &["asyncio", "get_event_loop_policy"]))
                {
                    self.facts.sync_current_loop.get_or_insert(self.line(call));
                }
            }
            _ => {}
        }
        source_order::walk_expr(self, expr);
    }
}

impl Walker<'_> {
    fn plugin_module(&mut self, module: &str) {
        match module.split('.').next().unwrap_or_default() {
            "pytest_asyncio" => self.facts.plugins.asyncio = true,
            "pytest_trio" => self.facts.plugins.trio = true,
            _ => {}
        }
    }

    fn plugin_module_text(&mut self, text: &str) {
        if text.contains("pytest_asyncio") {
            self.facts.plugins.asyncio = true;
        }
        if text.contains("pytest_trio") {
            self.facts.plugins.trio = true;
        }
        if text.contains("anyio") {
            self.facts.plugins.anyio = true;
        }
    }
}

/// `patch("asyncio.wait_for", ...)`, `patch.object(asyncio, "wait_for", ...)`,
/// `monkeypatch.setattr(asyncio, "wait_for", ...)`, `setattr(asyncio, "wait_for", ...)`,
/// `mocker.patch("pkg.mod.asyncio.wait_for")`: any call whose callee mentions `patch` or
/// `setattr` with a string argument naming `wait_for`.
fn patches_wait_for(call: &ast::ExprCall) -> bool {
    let callee = match &*call.func {
        Expr::Name(name) => name.id.as_str(),
        Expr::Attribute(attr) => attr.attr.as_str(),
        _ => return false,
    };
    if !(callee.contains("patch") || callee.contains("setattr")) {
        return false;
    }
    call.arguments.args.iter().any(|arg| {
        matches!(arg, Expr::StringLiteral(s) if {
            let value = s.value.to_str();
            value == "wait_for" || value.ends_with(".wait_for")
        })
    })
}

/// Does the call run an event loop (and so fail inside a running one)?
fn runs_loop(imports: &Imports, call: &ast::ExprCall) -> bool {
    if let Expr::Attribute(attr) = &*call.func
        && matches!(attr.attr.as_str(), "run_until_complete" | "run_forever")
    {
        return true;
    }
    imports.matches(&call.func, &["asyncio", "run"])
        || imports.matches(&call.func, &["anyio", "run"])
        || imports.matches(&call.func, &["trio", "run"])
}

/// A definition found in another file of the run.
#[derive(Clone, Debug)]
pub struct ProjectDef<'p> {
    /// The file's path as the run shows it.
    pub path: Joined<'p>,
    pub name: String,
    pub kind: DefKind,
    pub runs_loop: bool,
    pub returns_task: bool,
}

/// Facts about every file of the run.
#[derive(Debug, Default)]
pub struct Project {
    /// Every file's paths (see [`Place`]): for a run over a tree, the text of the
    /// [`PathList`] discovery made, so that each file costs its name's bytes and no
    /// allocation, and each folder its path's bytes once.
    text: String,
    /// The run's folders (see [`FileFacts::dir`]).
    dirs: Vec<Folder>,
    /// The run's files, in the order given (the CLI's order: index `i` is its `i`-th file).
    files: Vec<FileFacts>,
    /// Indices of `files` sorted by key, one per key (the last file given with that key, as
    /// `foo.py` and `foo.pyi` share one).
    by_key: Vec<u32>,
    /// Indices of `files` sorted by the key's last component (the module's own name, or its
    /// package's for `__init__`), for suffix lookup. Every file, duplicates included.
    by_name: Vec<u32>,
    /// Per project root.
    plugins: HashMap<u32, Plugins>,
    /// (root, path, line).
    patches_wait_for: BTreeSet<(u32, String, usize)>,
    sync_current_loop: BTreeSet<(u32, String, usize)>,
    /// The project roots with a file that spells `create_task` or `ensure_future`.
    task_wrappers: rustc_hash::FxHashSet<u32>,
    /// [`from_import_names`] of the files a [`Want::TaskWrapper`] lookup read without
    /// gathering their definitions, by the file's place in `files`.
    import_names: std::sync::Mutex<HashMap<usize, ImportNames>>,
}

/// [`from_import_names`] of a file, kept: sorted, None when it cannot tell.
type ImportNames = Option<Box<[Box<str>]>>;

/// What a lookup ([`Project::resolve_absolute`]) is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Want {
    /// The definition, whatever it is.
    Any,
    /// Only a definition with `returns_task` (dangling-task's wrappers); None for any other.
    /// A file that does not spell `create_task` or `ensure_future` cannot define one, so such
    /// a file is only parsed when it may re-export the name ([`from_import_names`]).
    TaskWrapper,
}

/// A folder of the run: where its path is in [`Project::text`] (with its last separator), and
/// how many of its first bytes the display paths of its files leave out (`u32::MAX` until a
/// file of the folder says).
#[derive(Clone, Copy, Debug)]
struct Folder {
    start: u32,
    end: u32,
    skip: u32,
}

/// A string kept as two pieces of [`Project::text`], a folder's text and a file's name (or its
/// stem): compared and shown as the two side by side, with no allocation.
#[derive(Clone, Copy, Debug)]
pub struct Joined<'a> {
    head: &'a str,
    tail: &'a str,
}

impl<'a> Joined<'a> {
    pub fn len(&self) -> usize {
        self.head.len() + self.tail.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// As one string: borrowed when one piece is empty.
    pub fn to_cow(self) -> std::borrow::Cow<'a, str> {
        match (self.head, self.tail) {
            (head, "") => std::borrow::Cow::Borrowed(head),
            ("", tail) => std::borrow::Cow::Borrowed(tail),
            (head, tail) => std::borrow::Cow::Owned([head, tail].concat()),
        }
    }

    /// The module's own name (its package's for `__init__`) of this key: [`module_name`].
    fn module_name(self) -> std::borrow::Cow<'a, str> {
        match (self.head, self.tail) {
            (head, "") => std::borrow::Cow::Borrowed(module_name(head)),
            ("", tail) => std::borrow::Cow::Borrowed(module_name(tail)),
            // A folder and a file's stem.
            (head, "__init__") if head.ends_with('/') => {
                std::borrow::Cow::Borrowed(module_name(&head[..head.len() - 1]))
            }
            (head, tail) if head.ends_with('/') && !tail.contains('/') => {
                std::borrow::Cow::Borrowed(tail)
            }
            _ => std::borrow::Cow::Owned(module_name(&self.to_cow()).to_string()),
        }
    }
}

impl<'a> From<&'a str> for Joined<'a> {
    fn from(text: &'a str) -> Joined<'a> {
        Joined {
            head: text,
            tail: "",
        }
    }
}

impl std::fmt::Display for Joined<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.head)?;
        f.write_str(self.tail)
    }
}

impl Ord for Joined<'_> {
    /// As the two strings side by side compare (byte order, as `str`'s).
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        let pieces = |j: &Self| [j.head.as_bytes(), j.tail.as_bytes()];
        let (a, b) = (pieces(self), pieces(other));
        let (mut i, mut at, mut j, mut bt) = (0, 0, 0, 0);
        loop {
            while i < 2 && at == a[i].len() {
                (i, at) = (i + 1, 0);
            }
            while j < 2 && bt == b[j].len() {
                (j, bt) = (j + 1, 0);
            }
            let (x, y) = match (a.get(i), b.get(j)) {
                (None, None) => return std::cmp::Ordering::Equal,
                (None, Some(_)) => return std::cmp::Ordering::Less,
                (Some(_), None) => return std::cmp::Ordering::Greater,
                (Some(x), Some(y)) => (&x[at..], &y[bt..]),
            };
            let n = x.len().min(y.len());
            match x[..n].cmp(&y[..n]) {
                std::cmp::Ordering::Equal => (at, bt) = (at + n, bt + n),
                unequal => return unequal,
            }
        }
    }
}

impl PartialOrd for Joined<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Joined<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.cmp(other).is_eq()
    }
}

impl Eq for Joined<'_> {}

impl PartialEq<&str> for Joined<'_> {
    fn eq(&self, other: &&str) -> bool {
        *self == Joined::from(*other)
    }
}

/// How many bytes of a file's name its key leaves out (`.pyi`, `.py`, as [`module_key`]).
fn extension_len(name: &str) -> usize {
    if name.ends_with(".pyi") {
        4
    } else if name.ends_with(".py") {
        3
    } else {
        0
    }
}

/// A range of [`Project::text`].
fn span(range: std::ops::Range<usize>) -> (u32, u32) {
    let small = |n: usize| u32::try_from(n).expect("paths shorter than 4 GiB in all");
    (small(range.start), small(range.end))
}

fn module_key(path: &str) -> String {
    let path = path.replace('\\', "/");
    let path = path.strip_prefix("./").unwrap_or(&path);
    path.strip_suffix(".pyi")
        .or_else(|| path.strip_suffix(".py"))
        .unwrap_or(path)
        .to_string()
}

fn module_name(key: &str) -> &str {
    key.strip_suffix("/__init__")
        .unwrap_or(key)
        .rsplit('/')
        .next()
        .unwrap_or_default()
}

fn parent(key: &str) -> &str {
    key.rsplit_once('/').map_or("", |(dir, _)| dir)
}

impl Project {
    /// The project of `files`: (display path, facts), in the run's order. Their definitions
    /// are gathered from the facts' own text ([`FileFacts::gather`]), never from disk.
    pub fn new(files: impl IntoIterator<Item = (String, FileFacts)>) -> Project {
        let mut text = String::new();
        let files = files
            .into_iter()
            .map(|(path, mut facts)| {
                facts.place = Place::Named;
                facts.rare.get_or_insert_default().names = Some(Project::append(&mut text, &path));
                facts
            })
            .collect();
        Project::of_files(text, Vec::new(), files)
    }

    /// The project of the run's files: `paths` as discovery found them (the project keeps
    /// their text), each file's facts in the same order, and `display`, which makes a disk
    /// path the path the run shows. A file's definitions are read from its disk path again
    /// when another file first asks about them.
    pub fn of_run(
        paths: PathList,
        facts: Vec<FileFacts>,
        display: impl Fn(&std::path::Path) -> String,
    ) -> Project {
        assert_eq!(paths.len(), facts.len(), "one set of facts per path");
        let (mut text, dirs, entries, foreign) = paths.into_parts();
        let mut folders: Vec<Folder> = dirs
            .into_iter()
            .map(|(start, end)| Folder {
                start,
                end,
                skip: u32::MAX,
            })
            .collect();
        let mut foreign = foreign.into_iter().peekable();
        let mut facts = facts;
        for (index, (file, entry)) in facts.iter_mut().zip(&entries).enumerate() {
            let folder = folders[entry.dir as usize];
            let folder_text = &text[folder.start as usize..folder.end as usize];
            let name = &text[entry.name.0 as usize..entry.name.1 as usize];
            let (name_len, stem_len) = (name.len(), name.len() - extension_len(name));
            let disk = [folder_text, name].concat();
            let not_utf8 = foreign
                .next_if(|(i, _)| *i as usize == index)
                .map(|(_, path)| path);
            let shown = match &not_utf8 {
                Some(path) => display(path),
                None => display(std::path::Path::new(&disk)),
            };
            if let Some(path) = not_utf8 {
                file.place = Place::Named;
                let rare = file.rare.get_or_insert_default();
                rare.source = DefSource::Disk(path.into_boxed_path());
                rare.names = Some(Project::append(&mut text, &shown));
                continue;
            }
            let Ok(name_len) = u16::try_from(name_len) else {
                // A file name of 64 KiB or more: its disk path is kept as a path of its own.
                file.place = Place::Named;
                let rare = file.rare.get_or_insert_default();
                rare.source = DefSource::Disk(std::path::PathBuf::from(disk).into_boxed_path());
                rare.names = Some(Project::append(&mut text, &shown));
                continue;
            };
            (file.dir, file.start, file.name_len) = (entry.dir, entry.name.0, name_len);
            // The display path is the disk path after its first `skip` bytes, all of them in
            // the folder, the same number for every file of the folder; the key is the display
            // path without its extension.
            let skip = disk.len().wrapping_sub(shown.len());
            let key = module_key(&shown);
            let sliced = disk.ends_with(shown.as_str())
                && skip <= folder_text.len()
                && key.len() == shown.len() - (name_len as usize - stem_len)
                && shown.starts_with(key.as_str())
                && (folder.skip == u32::MAX || folder.skip as usize == skip);
            if sliced {
                file.place = Place::Disk;
                folders[entry.dir as usize].skip = skip as u32;
            } else {
                file.place = Place::DiskNamed;
                file.rare.get_or_insert_default().names = Some(Project::append(&mut text, &shown));
            }
        }
        Project::of_files(text, folders, facts)
    }

    /// Append the display path `path` and its key to `text`: their places.
    fn append(text: &mut String, path: &str) -> (Span, Span) {
        let start = text.len();
        text.push_str(path);
        let path_span = span(start..text.len());
        let key = module_key(path);
        let key_span = if path.starts_with(key.as_str()) {
            span(start..start + key.len())
        } else {
            let start = text.len();
            text.push_str(&key);
            span(start..text.len())
        };
        (path_span, key_span)
    }

    fn of_files(mut text: String, dirs: Vec<Folder>, files: Vec<FileFacts>) -> Project {
        text.shrink_to_fit();
        let mut project = Project {
            text,
            dirs,
            ..Project::default()
        };
        for entry in &files {
            let Some(rare) = &entry.rare else {
                continue;
            };
            let root = entry.root;
            project.plugins.entry(root).or_default().merge(rare.plugins);
            if let Some(line) = rare.patches_wait_for {
                project
                    .patches_wait_for
                    .insert((root, project.path_of(entry).to_string(), line));
            }
            if let Some(line) = rare.sync_current_loop {
                project
                    .sync_current_loop
                    .insert((root, project.path_of(entry).to_string(), line));
            }
        }
        let count = u32::try_from(files.len()).expect("fewer than 4 billion files");
        let key = |index: &u32| project.key(&files[*index as usize]);
        let mut by_key: Vec<u32> = (0..count).collect();
        // Stable: among files with one key, the last given ends last and is kept.
        by_key.sort_by(|a, b| key(a).cmp(&key(b)));
        let mut kept: Vec<u32> = Vec::with_capacity(by_key.len());
        for index in by_key {
            match kept.last_mut() {
                Some(last) if key(last) == key(&index) => *last = index,
                _ => kept.push(index),
            }
        }
        let task_wrappers = kept
            .iter()
            .map(|index| &files[*index as usize])
            .filter(|file| file.mentions_task())
            .map(|file| file.root)
            .collect();
        // By name, then by the root of the file its key finds (see `Project::named`).
        let kept_root = |index: &u32| {
            let at = kept.binary_search_by(|k| key(k).cmp(&key(index))).ok();
            at.map(|at| files[kept[at] as usize].root)
        };
        let mut by_name: Vec<(std::borrow::Cow<str>, Option<u32>, u32)> = (0..count)
            .map(|index| (key(&index).module_name(), kept_root(&index), index))
            .collect();
        by_name.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
        let by_name = by_name.into_iter().map(|(_, _, index)| index).collect();
        project.task_wrappers = task_wrappers;
        project.files = files;
        project.by_key = kept;
        project.by_name = by_name;
        project
    }

    fn slice(&self, range: (u32, u32)) -> &str {
        &self.text[range.0 as usize..range.1 as usize]
    }

    /// `file`'s display path and key.
    fn names(&self, file: &FileFacts) -> (Joined<'_>, Joined<'_>) {
        match (file.place, file.rare.as_deref().and_then(|rare| rare.names)) {
            (Place::Disk, _) => {
                let folder = self.dirs[file.dir as usize];
                let head = self.slice((folder.start + folder.skip, folder.end));
                let name = self.slice((file.start, file.start + u32::from(file.name_len)));
                let stem = &name[..name.len() - extension_len(name)];
                (Joined { head, tail: name }, Joined { head, tail: stem })
            }
            (_, Some((path, key))) => (self.slice(path).into(), self.slice(key).into()),
            (_, None) => ("".into(), "".into()),
        }
    }

    fn key(&self, file: &FileFacts) -> Joined<'_> {
        self.names(file).1
    }

    fn path_of(&self, file: &FileFacts) -> Joined<'_> {
        self.names(file).0
    }

    /// The module's own name (its package's for `__init__`).
    fn name(&self, file: &FileFacts) -> std::borrow::Cow<'_, str> {
        self.key(file).module_name()
    }

    /// The disk path, when the text holds it.
    fn disk_in_text(&self, file: &FileFacts) -> Option<Joined<'_>> {
        (file.place != Place::Named).then(|| {
            let folder = self.dirs[file.dir as usize];
            Joined {
                head: self.slice((folder.start, folder.end)),
                tail: self.slice((file.start, file.start + u32::from(file.name_len))),
            }
        })
    }

    fn disk_path_of<'p>(
        &'p self,
        file: &'p FileFacts,
    ) -> Option<std::borrow::Cow<'p, std::path::Path>> {
        if let Some(disk) = self.disk_in_text(file) {
            return Some(std::borrow::Cow::Owned(disk.to_string().into()));
        }
        match file.rare.as_deref().map(|rare| &rare.source) {
            Some(DefSource::Disk(path)) => Some(std::borrow::Cow::Borrowed(&**path)),
            _ => None,
        }
    }

    fn definitions<'p>(&'p self, file: &'p FileFacts) -> &'p Definitions {
        file.definitions(self.disk_in_text(file))
    }

    /// The display path of the run's `index`-th file.
    pub fn path(&self, index: usize) -> std::borrow::Cow<'_, str> {
        self.path_of(&self.files[index]).to_cow()
    }

    /// Where the run's `index`-th file is read from (see [`Project::of_run`]).
    pub fn disk_path(&self, index: usize) -> Option<std::borrow::Cow<'_, std::path::Path>> {
        self.disk_path_of(&self.files[index])
    }

    /// The file whose key is `key`.
    fn find<'k>(&self, key: impl Into<Joined<'k>>) -> Option<&FileFacts> {
        let key = key.into();
        let at = self
            .by_key
            .binary_search_by(|index| self.key(&self.files[*index as usize]).cmp(&key))
            .ok()?;
        Some(&self.files[self.by_key[at] as usize])
    }

    /// The files whose module's own name is `name` and whose key finds a file of project
    /// `root` (a tree that holds a package several times has as many files of one name).
    fn named(&self, name: &str, root: u32) -> impl Iterator<Item = &FileFacts> {
        let kept_root = |entry: &FileFacts| self.find(self.key(entry)).map(|found| found.root);
        let start = self.by_name.partition_point(|index| {
            let entry = &self.files[*index as usize];
            (&*self.name(entry), kept_root(entry)) < (name, Some(root))
        });
        self.by_name[start..]
            .iter()
            .map(|index| &self.files[*index as usize])
            .take_while(move |entry| *self.name(entry) == *name && kept_root(entry) == Some(root))
    }

    /// Fix the definitions of the file shown as `path` to those of `text`, its text as the run
    /// read it, unless another file already asked for them. The run calls this before it
    /// writes the file: a file checked later reads the definitions the file had when the run
    /// started, whatever order the files are processed and written in.
    pub fn pin_definitions(&self, path: &str, text: &str) {
        if let Some(entry) = self.find(module_key(path).as_str()) {
            entry
                .defs
                .get_or_init(|| Box::new(Definitions::gather(text)));
        }
    }

    /// Can a function of `path`'s project return a task it created (`ProjectDef::returns_task`)?
    /// Only if a file of the project spells `create_task` or `ensure_future` (a byte search of
    /// the first pass, no parse): otherwise no lookup needs to parse any module to say no.
    pub fn may_have_task_wrappers(&self, path: &str) -> bool {
        self.task_wrappers.contains(&self.root_of(path))
    }

    /// The project root of the file shown as `path` (0 for a file the run does not hold).
    fn root_of(&self, path: &str) -> u32 {
        self.find(module_key(path).as_str())
            .map_or(0, |entry| entry.root)
    }

    /// The pytest plugins the files of `path`'s project show signs of.
    pub fn plugins(&self, path: &str) -> Plugins {
        self.plugins
            .get(&self.root_of(path))
            .copied()
            .unwrap_or_default()
    }

    /// The first place (path, line) in `path`'s project that patches `asyncio.wait_for`.
    pub fn wait_for_patched(&self, path: &str) -> Option<(&str, usize)> {
        let root = self.root_of(path);
        self.patches_wait_for
            .iter()
            .find(|(r, _, _)| *r == root)
            .map(|(_, path, line)| (path.as_str(), *line))
    }

    /// Places (path, line) of other files of `path`'s project that call
    /// `asyncio.get_event_loop()` (or the policy's) from sync code.
    /// Files the first pass did not parse ([`FileFacts::LOOP_UNREAD`]) are parsed now, once.
    pub fn sync_loop_users<'p>(
        &'p self,
        path: &'p str,
    ) -> impl Iterator<Item = (std::borrow::Cow<'p, str>, usize)> {
        let own = module_key(path);
        let root = self.root_of(path);
        let unread = self
            .files
            .iter()
            .filter(|file| file.root == root && file.flags & FileFacts::LOOP_UNREAD != 0)
            .filter_map(|file| {
                let line = self.definitions(file).sync_current_loop?;
                Some((self.path_of(file).to_cow(), line as usize))
            });
        let mut users: Vec<(std::borrow::Cow<str>, usize)> = self
            .sync_current_loop
            .iter()
            .filter(|(r, _, _)| *r == root)
            .map(|(_, p, line)| (std::borrow::Cow::Borrowed(p.as_str()), *line))
            .chain(unread)
            .filter(|(p, _)| module_key(p) != own)
            .collect();
        // As one set ordered by path, then line.
        users.sort_unstable();
        users.dedup();
        users.into_iter()
    }

    /// The file of module `dotted` imported from the file `from` with `level` leading dots.
    fn module_file(&self, from: &str, level: u32, dotted: &str) -> Option<&FileFacts> {
        let relative = dotted.replace('.', "/");
        if level > 0 {
            let mut dir = parent(&module_key(from)).to_string();
            for _ in 1..level {
                dir = parent(&dir).to_string();
            }
            let join = |tail: &str| {
                [dir.as_str(), tail]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join("/")
            };
            let base = join(&relative);
            let candidates = [base.clone(), format!("{base}/__init__")];
            return candidates.into_iter().find_map(|c| self.find(c.as_str()));
        }
        let last = dotted.rsplit('.').next()?;
        let root = self.root_of(from);
        let suffix = format!("/{relative}");
        let matching: Vec<&FileFacts> = self
            .named(last, root)
            .filter(|entry| {
                let key = self.key(entry).to_cow();
                let stem = key.strip_suffix("/__init__").unwrap_or(&key);
                stem == relative || stem.ends_with(&suffix)
            })
            .collect();
        // Two files could be that module (vendored copies, several roots): not a fact.
        match matching.as_slice() {
            [one] => Some(one),
            _ => None,
        }
    }

    /// Module-level name `name` of the file `key`, following re-exports (`from .impl import f`
    /// in a package's `__init__`) a few steps.
    fn lookup<'p>(
        &'p self,
        entry: &'p FileFacts,
        name: &str,
        depth: u8,
        want: Want,
    ) -> Option<ProjectDef<'p>> {
        if want == Want::TaskWrapper && !entry.mentions_task() && !self.may_import(entry, name) {
            // Its own definition of `name`, if any, returns no task it created; it has no
            // import of `name` to follow.
            return None;
        }
        let definitions = self.definitions(entry);
        if let Some(def) = definitions.def(name) {
            if want == Want::TaskWrapper && !def.returns_task {
                return None;
            }
            return Some(ProjectDef {
                path: self.path_of(entry),
                name: name.to_string(),
                kind: def.kind,
                runs_loop: def.runs_loop,
                returns_task: def.returns_task,
            });
        }
        let (level, module, imported) = definitions.imported(name)?;
        if depth == 0 {
            return None;
        }
        // `from . import name` names a submodule, not a function: nothing to follow.
        let next = self.module_file(&self.path_of(entry).to_cow(), level, module)?;
        self.lookup(next, imported, depth - 1, want)
    }

    /// May a module-level `from` import of the file bind `name`? Its definitions say, once
    /// gathered; else [`from_import_names`] of its text, read once per file.
    fn may_import(&self, entry: &FileFacts, name: &str) -> bool {
        let may = |names: &ImportNames| {
            names
                .as_ref()
                .is_none_or(|names| names.binary_search_by(|n| (**n).cmp(name)).is_ok())
        };
        if let Some(definitions) = entry.defs.get() {
            return definitions.imported(name).is_some();
        }
        let at = (std::ptr::from_ref(entry) as usize - self.files.as_ptr() as usize)
            / std::mem::size_of::<FileFacts>();
        let lock = || self.import_names.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(names) = lock().get(&at) {
            return may(names);
        }
        let names: ImportNames = entry
            .with_text(self.disk_in_text(entry), |text| {
                from_import_names(text).map(|names| names.into_iter().map(Box::from).collect())
            })
            .unwrap_or(Some(Box::default()));
        // Pinned meanwhile (`Project::pin_definitions`, before the run rewrites the file): the
        // text just read may be the new one, the definitions are of the one the run started with.
        if let Some(definitions) = entry.defs.get() {
            return definitions.imported(name).is_some();
        }
        let answer = may(&names);
        lock().insert(at, names);
        answer
    }

    /// What `qualified` (`["pkg", "helpers", "make_task"]`, from an absolute import) names in
    /// the project, if a file of the run defines it.
    pub fn resolve_absolute(
        &self,
        from: &str,
        qualified: &[String],
        want: Want,
    ) -> Option<ProjectDef<'_>> {
        let (name, module) = qualified.split_last()?;
        if module.is_empty() {
            return None;
        }
        let key = self.module_file(from, 0, &module.join("."))?;
        self.lookup(key, name, 3, want)
    }

    /// What `name` from `from ... import` with `level` dots and `module` names.
    pub fn resolve_relative(
        &self,
        from: &str,
        level: u32,
        module: &str,
        name: &str,
        want: Want,
    ) -> Option<ProjectDef<'_>> {
        let key = self.module_file(from, level, module)?;
        self.lookup(key, name, 3, want)
    }
}

/// The relative from-import at module level (also inside top-level `if`/`try`) that binds
/// `name`, if any: (level, module, imported name).
pub fn relative_import<'s>(suite: &'s [Stmt], name: &str) -> Option<(u32, &'s str, &'s str)> {
    let mut found = None;
    for stmt in suite {
        match stmt {
            Stmt::ImportFrom(import) if import.level > 0 => {
                for alias in &import.names {
                    if alias.asname.as_ref().unwrap_or(&alias.name).as_str() == name {
                        found = Some((
                            import.level,
                            import.module.as_ref().map_or("", |m| m.as_str()),
                            alias.name.as_str(),
                        ));
                    }
                }
            }
            Stmt::If(_) | Stmt::Try(_) => {
                for body in crate::analysis::bodies_of(stmt) {
                    if let Some(hit) = relative_import(body, name) {
                        found = Some(hit);
                    }
                }
            }
            _ => {}
        }
    }
    found
}

/// Every relative from-import at module level (also inside top-level `if`/`try`), by the name
/// it binds: what [`relative_import`] answers for each name, from one scan (the last binding of
/// a name wins, as there).
pub fn relative_imports(suite: &[Stmt]) -> HashMap<&str, (u32, &str, &str)> {
    fn scan<'s>(suite: &'s [Stmt], out: &mut HashMap<&'s str, (u32, &'s str, &'s str)>) {
        for stmt in suite {
            match stmt {
                Stmt::ImportFrom(import) if import.level > 0 => {
                    for alias in &import.names {
                        out.insert(
                            alias.asname.as_ref().unwrap_or(&alias.name).as_str(),
                            (
                                import.level,
                                import.module.as_ref().map_or("", |m| m.as_str()),
                                alias.name.as_str(),
                            ),
                        );
                    }
                }
                Stmt::If(_) | Stmt::Try(_) => {
                    for body in crate::analysis::bodies_of(stmt) {
                        scan(body, out);
                    }
                }
                _ => {}
            }
        }
    }
    let mut out = HashMap::default();
    scan(suite, &mut out);
    out
}

/// Is `path` test code: `test_*.py`, `*_test.py`, `conftest.py`, or anything under a `test`,
/// `tests` or `testing` folder?
pub fn is_test_path(path: &str) -> bool {
    let key = module_key(path);
    let mut parts = key.split('/').rev();
    let stem = parts.next().unwrap_or_default();
    stem.starts_with("test_")
        || stem.ends_with("_test")
        || stem == "conftest"
        || parts.any(|dir| matches!(dir, "test" | "tests" | "testing"))
}

/// The dotted name an expression spells (`a.b.c`), for callers that hold only text.
pub fn dotted(expr: &Expr) -> Option<String> {
    UnqualifiedName::from_expr(expr).map(|n| n.segments().join("."))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project(files: &[(&str, &str)]) -> Project {
        Project::new(files.iter().map(|(path, source)| {
            (
                path.to_string(),
                FileFacts::gather(path, Arc::from(*source)),
            )
        }))
    }

    #[test]
    fn joined_strings_compare_as_the_two_pieces_side_by_side() {
        let words = [
            "",
            "a",
            "a/",
            "a/b",
            "a/b/",
            "a/b/__init__",
            "a/bc",
            "a/b/c",
            "ab",
            "b",
            "a\u{e9}",
            "pkg/mod",
            "pkg/mo",
            "pkg/mod/x",
        ];
        // Every word split at each of its character boundaries.
        let splits: Vec<Joined> = words
            .iter()
            .flat_map(|w| {
                w.char_indices()
                    .map(|(at, _)| at)
                    .chain([w.len()])
                    .map(|at| Joined {
                        head: &w[..at],
                        tail: &w[at..],
                    })
            })
            .collect();
        for a in &splits {
            for b in &splits {
                let (x, y) = (a.to_string(), b.to_string());
                assert_eq!(a.cmp(b), x.cmp(&y), "{a:?} {b:?}");
                assert_eq!(a == b, x == y);
                assert_eq!(*a == y.as_str(), x == y);
            }
            assert_eq!(a.module_name(), module_name(&a.to_string()), "{a:?}");
            assert_eq!(a.to_cow(), a.to_string());
        }
    }

    #[test]
    fn files_of_one_folder_that_disagree_on_the_display_prefix_keep_their_own_names() {
        use std::path::{Path, PathBuf};
        // The second file of the folder is shown whole: not the first's prefix left out.
        let show = |disk: &Path| match disk.to_str() {
            Some("/work/pkg/odd.py") => "/work/pkg/odd.py".to_string(),
            Some(disk) => disk["/work/".len()..].to_string(),
            None => unreachable!(),
        };
        let disks = [
            "/work/pkg/mod.py",
            "/work/pkg/odd.py",
            "/work/pkg/sub/__init__.py",
        ];
        let paths: PathList = disks.iter().map(PathBuf::from).collect();
        let facts = disks.iter().map(|_| FileFacts::default()).collect();
        let p = Project::of_run(paths, facts, show);
        let places: Vec<Place> = p.files.iter().map(|f| f.place).collect();
        assert_eq!(places, [Place::Disk, Place::DiskNamed, Place::Disk]);
        let shown: Vec<(String, String, String)> = p
            .files
            .iter()
            .enumerate()
            .map(|(i, f)| {
                (
                    p.path(i).into_owned(),
                    p.key(f).to_string(),
                    p.name(f).into_owned(),
                )
            })
            .collect();
        assert_eq!(
            shown,
            [
                ("pkg/mod.py".into(), "pkg/mod".into(), "mod".into()),
                (
                    "/work/pkg/odd.py".into(),
                    "/work/pkg/odd".into(),
                    "odd".into()
                ),
                (
                    "pkg/sub/__init__.py".into(),
                    "pkg/sub/__init__".into(),
                    "sub".into()
                ),
            ]
        );
        for (i, disk) in disks.iter().enumerate() {
            assert_eq!(p.disk_path(i).as_deref(), Some(Path::new(disk)));
        }
        // Lookups by key find each file.
        assert!(p.find("pkg/mod").is_some() && p.find("/work/pkg/odd").is_some());
        assert!(std::ptr::eq(
            p.find("pkg/sub/__init__").unwrap(),
            &p.files[2]
        ));
    }

    #[test]
    fn a_file_keeps_its_three_paths_in_one_string_where_they_are_slices() {
        use std::path::{Path, PathBuf};
        let show = |disk: &Path| match disk.to_str() {
            // The CLI's case: the display path is the disk path after the current folder.
            Some(disk) if disk.starts_with("/work/") => disk["/work/".len()..].to_string(),
            // A display path that is not a suffix of the disk path, a key not a prefix of it.
            Some(_) => "./a\\b/__init__.pyi".to_string(),
            None => "\u{fffd}.py".to_string(),
        };
        let mut disks = vec![
            PathBuf::from("/work/pkg/mod.py"),
            PathBuf::from("/elsewhere/x.py"),
        ];
        // A disk path that is not UTF-8 stays a path.
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            disks.push(Path::new(std::ffi::OsStr::from_bytes(b"/w/\xff.py")).to_path_buf());
        }
        let paths: PathList = disks.iter().cloned().collect();
        let facts = disks.iter().map(|_| FileFacts::default()).collect();
        let p = Project::of_run(paths, facts, show);
        let file = |i: usize| {
            let f = &p.files[i];
            (
                p.path(i).into_owned(),
                p.key(f).to_string(),
                p.name(f).into_owned(),
                p.disk_path(i).map(std::borrow::Cow::into_owned),
            )
        };
        assert_eq!(
            file(0),
            (
                "pkg/mod.py".into(),
                "pkg/mod".into(),
                "mod".into(),
                Some(PathBuf::from("/work/pkg/mod.py"))
            )
        );
        assert_eq!(
            file(1),
            (
                "./a\\b/__init__.pyi".into(),
                "a/b/__init__".into(),
                "b".into(),
                Some(PathBuf::from("/elsewhere/x.py"))
            )
        );
        // The first file's three paths are one slice of the text: nothing was appended for it.
        assert!(p.text.starts_with("/work/pkg/mod.py/elsewhere/x.py"));
        assert_eq!(p.files[0].place, Place::Disk);
        assert_eq!(p.files[1].place, Place::DiskNamed);
        assert_eq!(std::mem::size_of::<FileFacts>(), 32);
        #[cfg(unix)]
        assert_eq!(
            file(2),
            (
                "\u{fffd}.py".into(),
                "\u{fffd}".into(),
                "\u{fffd}".into(),
                Some(disks[2].clone())
            )
        );
        // Standard input: the text is the source, no disk path.
        let p = Project::new([(
            "-".to_string(),
            FileFacts::gather("-", Arc::from("x = 1\n")),
        )]);
        assert_eq!(
            (p.path(0), p.key(&p.files[0]).to_string(), p.disk_path(0)),
            ("-".into(), "-".to_string(), None)
        );
    }

    #[test]
    fn resolves_absolute_relative_and_reexported_definitions() {
        let p = project(&[
            (
                "src/pkg/helpers.py",
                "import asyncio\ndef make_task(c):\n    return asyncio.ensure_future(c)\nasync def fetch():\n    pass\n@deco\nasync def work():\n    pass\nclass Box: pass\n",
            ),
            (
                "src/pkg/__init__.py",
                "from .helpers import make_task as mk\n",
            ),
            ("src/pkg/plain.py", "def f():\n    return 1\n"),
            ("tests/test_a.py", "from pkg.helpers import make_task\n"),
        ]);
        let abs = |q: &[&str]| {
            let q: Vec<String> = q.iter().map(|s| s.to_string()).collect();
            p.resolve_absolute("tests/test_a.py", &q, Want::Any)
                .map(|d| d.kind)
        };
        assert_eq!(abs(&["pkg", "helpers", "make_task"]), Some(DefKind::Sync));
        assert_eq!(abs(&["pkg", "helpers", "fetch"]), Some(DefKind::Coroutine));
        assert_eq!(abs(&["pkg", "helpers", "work"]), Some(DefKind::AsyncOther));
        assert_eq!(abs(&["pkg", "helpers", "Box"]), Some(DefKind::Class));
        assert_eq!(abs(&["pkg", "mk"]), Some(DefKind::Sync));
        assert_eq!(abs(&["pkg", "plain", "f"]), Some(DefKind::Sync));
        assert_eq!(abs(&["pkg", "helpers", "missing"]), None);
        assert_eq!(abs(&["other", "helpers", "fetch"]), None);
        assert_eq!(abs(&["asyncio", "sleep"]), None);
        let rel = p
            .resolve_relative("src/pkg/sub/mod.py", 2, "helpers", "fetch", Want::Any)
            .map(|d| d.kind);
        assert_eq!(rel, Some(DefKind::Coroutine));
        assert!(
            p.resolve_relative("src/pkg/mod.py", 1, "", "helpers", Want::Any)
                .is_none()
        );
    }

    #[test]
    fn gathers_patches_plugins_and_loop_users() {
        let p = project(&[
            (
                "tests/test_p.py",
                "import asyncio\nfrom unittest.mock import patch\n@patch('asyncio.wait_for')\ndef test_x(m): pass\n",
            ),
            (
                "tests/conftest.py",
                "import pytest\n@pytest.fixture(params=['asyncio', 'trio'])\ndef anyio_backend(request):\n    return request.param\n",
            ),
            (
                "tests/test_loop.py",
                "import asyncio\nclass T:\n    @classmethod\n    def setUpClass(cls):\n        cls.loop = asyncio.get_event_loop()\n    async def t(self):\n        asyncio.get_event_loop()\n",
            ),
            // Parsed by the first pass (a plugin's mark), unlike the file above.
            (
                "tests/test_a.py",
                "import asyncio, pytest\n\nLOOP = asyncio.get_event_loop()\n@pytest.mark.asyncio\nasync def test_a(): pass\n",
            ),
            (
                "tests/test_async_only.py",
                "import asyncio\nasync def f():\n    asyncio.get_event_loop()\n",
            ),
        ]);
        assert_eq!(
            p.wait_for_patched("tests/test_p.py"),
            Some(("tests/test_p.py", 3))
        );
        let plugins = p.plugins("tests/test_p.py");
        assert!(plugins.anyio && plugins.anyio_trio && plugins.asyncio);
        let users: Vec<_> = p
            .sync_loop_users("tests/test_other.py")
            .map(|(path, line)| (path.into_owned(), line))
            .collect();
        assert_eq!(
            users,
            vec![
                ("tests/test_a.py".into(), 3),
                ("tests/test_loop.py".into(), 5)
            ]
        );
        let users: Vec<_> = p
            .sync_loop_users("tests/test_loop.py")
            .map(|(path, line)| (path.into_owned(), line))
            .collect();
        assert_eq!(users, vec![("tests/test_a.py".to_string(), 3)]);
        let q = project(&[(
            "t.py",
            "import asyncio\ndef f():\n    monkeypatch.setattr(asyncio, 'wait_for', g)\n",
        )]);
        assert_eq!(q.wait_for_patched("t.py"), Some(("t.py", 3)));
        let r = project(&[(
            "t.py",
            "import asyncio\nasync def f():\n    await asyncio.wait_for(g(), 1)\n",
        )]);
        assert_eq!(r.wait_for_patched("t.py"), None);
    }

    #[test]
    fn a_loop_fixture_is_found_however_its_def_is_spaced_and_loopback_is_not_one() {
        let fixture = |source: &str| {
            let p = project(&[("tests/conftest.py", source)]);
            p.plugins("tests/conftest.py").conftest_loop_fixture
        };
        let plain = "import asyncio\nimport pytest\n@pytest.fixture\ndef loop{}():\n    loop = asyncio.new_event_loop()\n    yield loop\n    loop.close()\n";
        assert!(fixture(&plain.replace("{}", "")));
        assert!(fixture(&plain.replace("{}", " ")));
        assert!(fixture(&plain.replace("{}", "\\\n")));
        assert!(!fixture(&plain.replace("{}", "back")));
        assert!(!fixture(&plain.replace("{}", "_")));
        // The word at the very end of a file.
        assert!(!fixture("def loop"));
    }

    #[test]
    fn projects_of_one_run_do_not_mix() {
        let p = Project::new([
            (
                "a/tests/test_p.py".to_string(),
                FileFacts::gather(
                    "",
                    Arc::from("from unittest import mock\nmock.patch('asyncio.wait_for')\n"),
                )
                .in_project(1),
            ),
            (
                "a/pkg/helpers.py".to_string(),
                FileFacts::gather("", Arc::from("async def fetch(): pass\n")).in_project(1),
            ),
            (
                "b/pkg/helpers.py".to_string(),
                FileFacts::gather("", Arc::from("def fetch(): pass\n")).in_project(2),
            ),
            (
                "b/app.py".to_string(),
                FileFacts::gather("", Arc::from("x = 1\n")).in_project(2),
            ),
        ]);
        assert!(p.wait_for_patched("a/pkg/helpers.py").is_some());
        assert!(p.wait_for_patched("b/app.py").is_none());
        let q = |from: &str| {
            p.resolve_absolute(
                from,
                &["pkg".into(), "helpers".into(), "fetch".into()],
                Want::Any,
            )
            .map(|d| d.kind)
        };
        assert_eq!(q("b/app.py"), Some(DefKind::Sync));
        assert_eq!(q("a/tests/test_p.py"), Some(DefKind::Coroutine));
    }

    #[test]
    fn from_import_names_reads_every_alias_list() {
        let names = |text: &str| from_import_names(text).map(|n| n.join(" "));
        assert_eq!(
            names("from a import b, c as d\nfrom .x import(e)\nfrom . import f as g;h = 1\n"),
            Some("b d e g".into())
        );
        // Parenthesized with comments and newlines, backslash continuations (LF, CRLF, CR).
        assert_eq!(
            names("from a import (  # (x, y)\n    b,  # c\n\n    d as e,\n)\n"),
            Some("b e".into())
        );
        assert_eq!(
            names("from a import b, \\\n  c as \\\r\n d, \\\r e\n"),
            Some("b d e".into())
        );
        // Inside a function, a string or an `import X` statement: read all the same (the
        // dotted name stops the list: no `from` import binds one).
        assert_eq!(
            names("def f():\n    from a import b\ns = 'import c'\nimport d.e as f\n"),
            Some("b c d".into())
        );
        // Not the word `import`; a comment or the line's end stops the list.
        assert_eq!(
            names("reimport = x\nimports(y)\nfrom a import b # , c\nfrom a import d\n, e\n"),
            Some("b d".into())
        );
        assert_eq!(names("from a import *\n"), Some(String::new()));
        // A name that is not ASCII: the parser normalizes it, the scan cannot say.
        assert_eq!(names("from a import caf\u{e9}\n"), None);
    }

    #[test]
    fn task_wrapper_lookups_follow_re_exports_and_skip_other_modules() {
        let p = project(&[
            ("pkg/__init__.py", "from .spawn import start as begin\n"),
            (
                "pkg/spawn.py",
                "import asyncio\ndef start(c):\n    return asyncio.create_task(c)\n",
            ),
            ("pkg/plain.py", "def start(c):\n    return c\n"),
            (
                "pkg/again.py",
                "from pkg.spawn import (\n    start,  # re-export\n)\n",
            ),
        ]);
        let wrapper = |module: &str, name: &str| {
            let q = vec!["pkg".to_string(), module.to_string(), name.to_string()];
            let found = p.resolve_absolute("app.py", &q, Want::TaskWrapper);
            found.map(|d| (d.path.to_string(), d.name))
        };
        let spawn = Some(("pkg/spawn.py".to_string(), "start".to_string()));
        assert_eq!(wrapper("spawn", "start"), spawn);
        assert_eq!(wrapper("again", "start"), spawn);
        assert_eq!(wrapper("plain", "start"), None);
        // Not parsed: it spells no `create_task` and imports no `start`.
        assert!(p.find("pkg/plain").unwrap().defs.get().is_none());
        assert!(p.find("pkg/again").unwrap().defs.get().is_some());
        let q = vec!["pkg".to_string(), "begin".to_string()];
        assert_eq!(
            p.resolve_absolute("app.py", &q, Want::TaskWrapper)
                .map(|d| d.path.to_string()),
            Some("pkg/spawn.py".to_string())
        );
        // `Want::Any` still finds the plain function.
        let q = vec!["pkg".to_string(), "plain".to_string(), "start".to_string()];
        assert_eq!(
            p.resolve_absolute("app.py", &q, Want::Any)
                .map(|d| d.returns_task),
            Some(false)
        );
    }

    #[test]
    fn finds_functions_that_return_a_task_they_created() {
        let p = project(&[(
            "pkg/spawn.py",
            "import asyncio\n\
             def direct(c):\n    return asyncio.create_task(c)\n\
             def named(c):\n    t = asyncio.ensure_future(c)\n    return t\n\
             def loop_task(loop, c):\n    return loop.create_task(c)\n\
             def kept(c):\n    t = asyncio.create_task(c)\n    KEEP.add(t)\n    return t\n\
             def maybe(c, on):\n    if on:\n        return asyncio.create_task(c)\n\
             def none_too(c, on):\n    if on:\n        return asyncio.create_task(c)\n    return None\n\
             async def coro(c):\n    return asyncio.create_task(c)\n\
             @deco\ndef decorated(c):\n    return asyncio.create_task(c)\n\
             def param(t):\n    t = asyncio.create_task(t)\n    return t\n\
             def other(c):\n    return c\n",
        )]);
        let returns = |name: &str| {
            let q = vec!["pkg".to_string(), "spawn".to_string(), name.to_string()];
            p.resolve_absolute("app.py", &q, Want::Any)
                .map(|d| d.returns_task)
        };
        assert_eq!(returns("direct"), Some(true));
        assert_eq!(returns("named"), Some(true));
        assert_eq!(returns("loop_task"), Some(true));
        for name in [
            "kept",
            "maybe",
            "none_too",
            "coro",
            "decorated",
            "param",
            "other",
        ] {
            assert_eq!(returns(name), Some(false), "{name}");
        }
    }

    #[test]
    fn test_paths() {
        assert!(is_test_path("tests/helpers.py"));
        assert!(is_test_path("pkg/test_x.py"));
        assert!(is_test_path("conftest.py"));
        assert!(!is_test_path("pkg/contest.py"));
        assert!(!is_test_path("src/pkg/testament.py"));
    }
}
