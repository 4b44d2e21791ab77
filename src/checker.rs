//! The one traversal: walks a parsed file in source order, keeps the context transforms ask
//! about (enclosing function, statement and expression parents, imports, version guards) and
//! dispatches every enabled transform's hooks.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::any::{Any, TypeId};
use std::cell::OnceCell;
use std::sync::Arc;

use ruff_python_ast::token::{TokenKind, Tokens};
use ruff_python_ast::visitor::source_order::{self, SourceOrderVisitor};
use ruff_python_ast::{self as ast, Expr, ModModule, Stmt};
use ruff_python_codegen::Stylist;
use ruff_python_parser::Parsed;
use ruff_python_trivia::CommentRanges;
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::edit::Finding;
use crate::facts::ModuleFacts;
use crate::imports::Imports;
use crate::project::{Project, ProjectDef, Want};
use crate::registry::{ExprKinds, Transform};
use crate::version::{PyVersion, VersionRange, version_guard};

/// What a check run needs besides the source.
#[derive(Clone)]
pub struct Settings {
    pub target: PyVersion,
    pub transforms: Vec<&'static dyn Transform>,
    /// The file name as reported; some transforms look at it (test files).
    pub file_name: String,
    /// Facts about every file of the run (empty for one file on its own).
    pub project: Arc<Project>,
    /// Transforms whose fixes are promoted to safe or demoted to unsafe (configuration).
    pub fix_overrides: crate::fix::FixOverrides,
}

/// A function scope on the traversal stack.
#[derive(Copy, Clone)]
pub enum Frame<'a> {
    Function(&'a ast::StmtFunctionDef),
    Lambda(&'a ast::ExprLambda),
    /// A class body: not async code, even inside an `async def`.
    Class(&'a ast::StmtClassDef),
}

pub struct Checker<'a> {
    source: &'a str,
    tokens: &'a Tokens,
    suite: &'a [Stmt],
    comments: CommentRanges,
    indent_unit: String,
    line_ending: &'static str,
    settings: &'a Settings,
    imports: Imports,
    frames: Vec<Frame<'a>>,
    statements: Vec<&'a Stmt>,
    expressions: Vec<&'a Expr>,
    guard: VersionRange,
    /// The transforms enabled under `guard` (recomputed when it changes, not per node), by
    /// the hooks they want called.
    active: Active,
    names: OnceCell<HashSet<&'a str>>,
    facts: OnceCell<ModuleFacts>,
    bindings: OnceCell<crate::analysis::ModuleBindings<'a>>,
    lines: OnceCell<ruff_source_file::LineIndex>,
    /// The module's relative from-imports, by bound name (see `project::relative_imports`).
    relative_imports: OnceCell<HashMap<&'a str, (u32, &'a str, &'a str)>>,
    /// [`Checker::imported`]'s answers: one file asks about the same callee many times.
    resolved: std::cell::RefCell<HashMap<(Want, Callee), Option<ProjectDef<'a>>>>,
    /// [`Checker::mentions`]' answers, per word (a few words per file: a list, not a map,
    /// since the question is asked for every node).
    mentioned: std::cell::RefCell<Vec<(&'static str, bool)>>,
    /// [`Checker::imports_name`]' answers, per word.
    spelled: std::cell::RefCell<Vec<(&'static str, bool)>>,
    /// [`Checker::may_have_task_wrappers`]' answer.
    task_wrappers: OnceCell<bool>,
    /// Per-file state of transforms that decide at the end of the traversal (by type).
    state: HashMap<TypeId, Box<dyn Any>>,
    /// Replacement fields whose source text the program prints or keeps: `{expr=}` in an
    /// f-string, every interpolation of a t-string. No edit may touch them.
    self_printing: Vec<TextRange>,
    findings: Vec<Finding>,
}

/// Words of which a file must hold one for any transform to find something in it: each
/// transform matches names resolved through an import of `asyncio`, `aiohttp` or `httpx`,
/// code inside `async def`, a `# asyncup:` directive ("async"), or a method whose name is its
/// own (`loop.run_until_complete`, `loop.create_task`). `requests` counts only where an import
/// statement can spell it ([`REQUESTS`]). A file without any of them is neither parsed nor
/// walked, and the CLI does not even read it a second time (so a syntax error in such a file
/// is not reported: nothing in it could be rewritten). Kept honest by the round trip and the
/// fuzz test, which compare the findings with the filter off (`--no-prefilter`).
pub const NEEDLES: &[&str] = &[
    "async",
    "await",
    "aiohttp",
    "httpx",
    "coroutine",
    "run_until_complete",
    "create_task",
    "ensure_future",
];

/// The one transform that needs `requests` (requests-to-httpx) starts from a name that an
/// import of the `requests` module binds, and such an import spells `requests` on a logical
/// line with `import` or `from` before it (`import requests`, `import os, requests`,
/// `from requests.adapters import X`, `if x: import requests`, a backslash continuation). The
/// word in a docstring or as a variable (common in HTTP libraries) is not enough.
pub const REQUESTS: &str = "requests";

/// The pre-filter above is on unless the (hidden) `--no-prefilter` flag turns it off, which a
/// test uses to show that it changes no finding.
pub static PREFILTER: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(true);

/// Can the file hold a finding at all (see [`NEEDLES`] and [`REQUESTS`])?
pub fn may_hold_findings(source: &str) -> bool {
    // Teddy (SIMD) where the CPU has it: five times faster here than the default automaton.
    enum Search {
        Packed(aho_corasick::packed::Searcher),
        Plain(Vec<memchr::memmem::Finder<'static>>),
    }
    static SEARCH: std::sync::LazyLock<Search> = std::sync::LazyLock::new(|| {
        aho_corasick::packed::Searcher::new(NEEDLES.iter()).map_or_else(
            || Search::Plain(NEEDLES.iter().map(memchr::memmem::Finder::new).collect()),
            Search::Packed,
        )
    });
    !PREFILTER.load(std::sync::atomic::Ordering::Relaxed)
        || match &*SEARCH {
            Search::Packed(searcher) => searcher.find(source).is_some(),
            Search::Plain(finders) => finders.iter().any(|f| f.find(source.as_bytes()).is_some()),
        }
        || may_import_requests(source)
}

/// Is some `requests` in `source` on a logical line that holds `import` or `from` before it
/// (see [`REQUESTS`])? Conservative: a docstring that says "import requests" counts too.
pub fn may_import_requests(source: &str) -> bool {
    let bytes = source.as_bytes();
    memchr::memmem::find_iter(bytes, REQUESTS.as_bytes()).any(|at| {
        // The logical line before `at`: back to a newline not preceded by a backslash.
        let mut start = at;
        loop {
            match memchr::memrchr(b'\n', &bytes[..start]) {
                None => {
                    start = 0;
                    break;
                }
                Some(newline) => {
                    let before = &bytes[..newline];
                    let before = before.strip_suffix(b"\r").unwrap_or(before);
                    if before.ends_with(b"\\") {
                        start = newline;
                        continue;
                    }
                    start = newline + 1;
                    break;
                }
            }
        }
        let line = &bytes[start..at];
        memchr::memmem::find(line, b"import").is_some()
            || memchr::memmem::find(line, b"from").is_some()
    })
}

/// Run every enabled transform over one parsed file (nothing to do for a file the pre-filter
/// rules out).
pub fn check(source: &str, parsed: &Parsed<ModModule>, settings: &Settings) -> Vec<Finding> {
    if !may_hold_findings(source) {
        return Vec::new();
    }
    check_all(source, parsed, settings)
}

/// [`check`] without the pre-filter.
pub fn check_all(source: &str, parsed: &Parsed<ModModule>, settings: &Settings) -> Vec<Finding> {
    let stylist = Stylist::from_tokens(parsed.tokens(), source);
    let mut checker = Checker {
        source,
        tokens: parsed.tokens(),
        suite: parsed.suite(),
        comments: CommentRanges::from(parsed.tokens()),
        indent_unit: stylist.indentation().as_str().to_string(),
        line_ending: stylist.line_ending().as_str(),
        settings,
        imports: Imports::new(parsed.suite()),
        frames: Vec::new(),
        statements: Vec::new(),
        expressions: Vec::new(),
        guard: VersionRange::default(),
        active: Active::default(),
        names: OnceCell::new(),
        facts: OnceCell::new(),
        bindings: OnceCell::new(),
        lines: OnceCell::new(),
        relative_imports: OnceCell::new(),
        resolved: Default::default(),
        mentioned: Default::default(),
        spelled: Default::default(),
        task_wrappers: OnceCell::new(),
        state: HashMap::default(),
        self_printing: Vec::new(),
        findings: Vec::new(),
    };
    checker.active = checker.enabled_transforms();
    checker.visit_body(parsed.suite());
    for transform in settings.transforms.iter().copied() {
        if checker.enabled_here(transform) {
            transform.on_end(&mut checker);
        }
    }
    let mut findings = checker.findings;
    refuse_unsafe_contexts(
        &mut findings,
        &checker.self_printing,
        checker.imports.unknown_star(),
    );
    findings.sort_by_key(|f| (f.range.start(), f.id));
    crate::suppress::apply(&mut findings, source, parsed, settings);
    findings
}

impl<'a> Checker<'a> {
    pub fn source(&self) -> &'a str {
        self.source
    }
    /// The source text of `node`.
    pub fn slice<T: Ranged>(&self, node: &T) -> &'a str {
        &self.source[node.range()]
    }
    pub fn tokens(&self) -> &'a Tokens {
        self.tokens
    }
    pub fn suite(&self) -> &'a [Stmt] {
        self.suite
    }
    pub fn comments(&self) -> &CommentRanges {
        &self.comments
    }
    /// The file's indentation unit (four spaces, a tab, ...).
    pub fn indent_unit(&self) -> &str {
        &self.indent_unit
    }
    /// The file's line ending (the first one it uses).
    /// Does the file's text contain `word` anywhere? A byte search, once per word and file:
    /// a transform whose every match needs a name (an import of `requests`) can skip a file
    /// that never spells it.
    pub fn mentions(&self, word: &'static str) -> bool {
        cached(&self.mentioned, word, || {
            memchr::memmem::find(self.source.as_bytes(), word.as_bytes()).is_some()
        })
    }

    /// Does an import statement of the file spell `word` as a name (`import requests`,
    /// `import os, requests`, `from requests.adapters import X`, `if x: import requests`)? A
    /// byte search first, then a scan of the tokens that stops at the first hit; once per word
    /// and file. False means no import binds a name rooted in `word`.
    pub fn imports_name(&self, word: &'static str) -> bool {
        if !self.mentions(word) {
            return false;
        }
        cached(&self.spelled, word, || {
            let mut in_import = false;
            self.tokens.iter().any(|t| match t.kind() {
                TokenKind::Newline => {
                    in_import = false;
                    false
                }
                TokenKind::Import | TokenKind::From => {
                    in_import = true;
                    false
                }
                TokenKind::Name => in_import && &self.source[t.range()] == word,
                _ => false,
            })
        })
    }

    /// The 1-based line number of `offset` (the line index is built once per file).
    pub fn line_number(&self, offset: TextSize) -> usize {
        self.lines
            .get_or_init(|| ruff_source_file::LineIndex::from_source_text(self.source))
            .line_index(offset)
            .get()
    }

    pub fn line_ending(&self) -> &'static str {
        self.line_ending
    }
    /// The line ending of the line holding `offset` (a file may mix them: new lines follow
    /// their neighbours), else the file's.
    pub fn line_ending_at(&self, offset: TextSize) -> &'static str {
        let rest = &self.source[usize::from(offset)..];
        match rest.find(['\r', '\n']) {
            Some(i) if rest[i..].starts_with("\r\n") => "\r\n",
            Some(i) if rest[i..].starts_with('\r') => "\r",
            Some(_) => "\n",
            None => self.line_ending,
        }
    }
    pub fn imports(&self) -> &Imports {
        &self.imports
    }
    pub fn target(&self) -> PyVersion {
        self.settings.target
    }
    pub fn file_name(&self) -> &str {
        &self.settings.file_name
    }
    /// The versions the current code runs on, from `sys.version_info` guards around it.
    pub fn version_range(&self) -> VersionRange {
        self.guard
    }

    /// Is the innermost enclosing function an `async def`? (A `lambda` or nested `def` is not.)
    pub fn in_async(&self) -> bool {
        matches!(self.frames.last(), Some(Frame::Function(func)) if func.is_async)
    }
    /// The innermost enclosing `def`/`async def`, if it is the innermost frame.
    pub fn current_function(&self) -> Option<&'a ast::StmtFunctionDef> {
        match self.frames.last() {
            Some(Frame::Function(func)) => Some(func),
            _ => None,
        }
    }
    /// The class whose body directly holds the current function (for `self.m()` / `cls.m()`).
    pub fn enclosing_class(&self) -> Option<&'a ast::StmtClassDef> {
        match self.frames.as_slice() {
            [.., Frame::Class(class), Frame::Function(_)] => Some(class),
            _ => None,
        }
    }

    /// The function or class a call's callee names, when it is defined in this file: `f()` for
    /// a module-level `def f`/`class f` (not shadowed by an import), `self.m()` / `cls.m()` for
    /// a method of the enclosing class.
    pub fn local_definition(&self, callee: &Expr) -> Option<&'a Stmt> {
        let (name, body): (&str, &'a [Stmt]) = match callee {
            Expr::Name(name) if self.imports.binding(&name.id).is_none() => {
                (name.id.as_str(), self.suite)
            }
            Expr::Attribute(attr) => match &*attr.value {
                Expr::Name(owner) if matches!(owner.id.as_str(), "self" | "cls") => {
                    (attr.attr.as_str(), &self.enclosing_class()?.body)
                }
                _ => return None,
            },
            _ => return None,
        };
        body.iter().rev().find(|stmt| match stmt {
            Stmt::FunctionDef(func) => func.name.as_str() == name,
            Stmt::ClassDef(class) => class.name.as_str() == name,
            _ => false,
        })
    }

    /// The innermost statement around the node being visited. For an expression this is the
    /// statement it belongs to: a compound statement here means the expression is in its header.
    pub fn current_statement(&self) -> Option<&'a Stmt> {
        self.statements.last().copied()
    }
    /// Enclosing statements, outermost first (the current one last).
    pub fn statements(&self) -> &[&'a Stmt] {
        &self.statements
    }
    /// Enclosing expressions of the expression being visited, outermost first (not itself).
    pub fn expression_parents(&self) -> &[&'a Expr] {
        &self.expressions
    }

    /// Does any token in the file spell `name`? Conservative test for a fresh or unused name.
    pub fn name_in_file(&self, name: &str) -> bool {
        self.names
            .get_or_init(|| {
                self.tokens
                    .iter()
                    .filter(|token| token.kind() == TokenKind::Name)
                    .map(|token| &self.source[token.range()])
                    .collect()
            })
            .contains(name)
    }

    /// Does a name token inside `range` spell `name`?
    pub fn name_in_range(&self, name: &str, range: TextRange) -> bool {
        let first = self.tokens.partition_point(|t| t.end() <= range.start());
        self.tokens[first..]
            .iter()
            .take_while(|t| t.start() < range.end())
            .any(|t| t.kind() == TokenKind::Name && &self.source[t.range()] == name)
    }

    /// A name for a new local binding that nothing in scope spells: `base`, else `base_1`,
    /// `base_2`, ... Inside a function, only the function's own text matters (a name bound
    /// only in another function cannot collide); at module level, the whole file.
    pub fn fresh_name(&self, base: &str, taken: &[String]) -> String {
        let used = |candidate: &str| match self.current_function() {
            Some(func) => self.name_in_range(candidate, func.range()),
            None => self.name_in_file(candidate),
        };
        let free = |candidate: &str| !used(candidate) && !taken.iter().any(|t| t == candidate);
        if free(base) {
            return base.to_string();
        }
        (1..)
            .map(|i| format!("{base}_{i}"))
            .find(|c| free(c))
            .expect("infinite candidates")
    }

    /// Comment ranges inside `range`.
    pub fn comments_in(&self, range: TextRange) -> &[TextRange] {
        self.comments.comments_in_range(range)
    }

    /// Facts about the whole module, gathered once on first use (see [`ModuleFacts`]).
    /// Is module-level `name` bound more than once in this module (see
    /// [`crate::analysis::module_name_rebound`])? The bindings are counted once per file.
    pub fn module_name_rebound(&self, name: &str) -> bool {
        self.bindings
            .get_or_init(|| crate::analysis::ModuleBindings::gather(self.suite))
            .rebound(name)
    }

    pub fn facts(&self) -> &ModuleFacts {
        self.facts
            .get_or_init(|| ModuleFacts::gather_in(self.suite, self.source))
    }

    /// Can a function of this file's project return a task it created (see
    /// [`Project::may_have_task_wrappers`])? Asked once per file.
    pub fn may_have_task_wrappers(&self) -> bool {
        *self.task_wrappers.get_or_init(|| {
            self.settings
                .project
                .may_have_task_wrappers(&self.settings.file_name)
        })
    }

    /// Facts about every file of the run.
    pub fn project(&self) -> &'a Project {
        &self.settings.project
    }

    /// The definition another file of the run gives the callee `expr` names through an import:
    /// `f` bound by `from pkg.mod import f` or `from .mod import f`, `mod.f` with `mod` bound
    /// by `import pkg.mod as mod` or `from . import mod`. None when the name is shadowed, bound
    /// otherwise, or not defined by a file of the run.
    pub fn imported_definition(&self, expr: &Expr) -> Option<ProjectDef<'a>> {
        self.imported(expr, Want::Any)
    }

    /// [`Checker::imported_definition`] when it is a function that returns a task it created
    /// (`ProjectDef::returns_task`); None for any other definition. Cheaper: a module that
    /// cannot define one is not parsed (see [`Want::TaskWrapper`]).
    pub fn imported_task_wrapper(&self, expr: &Expr) -> Option<ProjectDef<'a>> {
        self.imported(expr, Want::TaskWrapper)
    }

    fn imported(&self, expr: &Expr, want: Want) -> Option<ProjectDef<'a>> {
        let name = ruff_python_ast::name::UnqualifiedName::from_expr(expr)?;
        let (first, rest) = name.segments().split_first()?;
        if self.imports.shadowed_locally(first) || self.bound_in_inner_scope(first) {
            return None;
        }
        let callee = if let Some(binding) = self.imports.binding(first) {
            let mut qualified = binding.qualified.clone();
            qualified.extend(rest.iter().map(|s| s.to_string()));
            Callee::Absolute(qualified)
        } else {
            if self.imports.module_scope().rebound.contains(*first) {
                return None;
            }
            let (level, module, imported) = *self
                .relative_imports
                .get_or_init(|| crate::project::relative_imports(self.suite))
                .get(first)?;
            match rest {
                [] => Callee::Relative(level, module.to_string(), imported.to_string()),
                [member] => Callee::Relative(
                    level,
                    if module.is_empty() {
                        imported.to_string()
                    } else {
                        format!("{module}.{imported}")
                    },
                    member.to_string(),
                ),
                _ => return None,
            }
        };
        let key = (want, callee);
        if let Some(answer) = self.resolved.borrow().get(&key) {
            return answer.clone();
        }
        let project: &'a Project = &self.settings.project;
        let from = self.settings.file_name.as_str();
        let answer = match &key.1 {
            Callee::Absolute(qualified) => project.resolve_absolute(from, qualified, want),
            Callee::Relative(level, module, name) => {
                project.resolve_relative(from, *level, module, name, want)
            }
        };
        self.resolved.borrow_mut().insert(key, answer.clone());
        answer
    }

    /// The builtin `expr` names (`open`, `input`, `TimeoutError`): a bare name that no import,
    /// module-level binding or enclosing function binds.
    pub fn builtin(&self, expr: &Expr) -> Option<&'a str> {
        let Expr::Name(name) = expr else { return None };
        let id = name.id.as_str();
        if self.imports.binding(id).is_some()
            || self.imports.shadowed_locally(id)
            || self.bound_in_inner_scope(id)
            || self.imports.unknown_star().is_some()
            || self.imports.module_scope().rebound.contains(id)
            || self.facts().module_bindings.contains(id)
        {
            return None;
        }
        // `name` lives in the AST, which outlives the checker's borrow of it.
        Some(&self.source[name.range()])
    }

    /// Is `name` bound by a scope the import table does not model, around the node being
    /// visited: the class body that directly holds it (class bodies are a scope of their own),
    /// an enclosing comprehension's targets, or an enclosing lambda's parameters?
    pub fn bound_in_inner_scope(&self, name: &str) -> bool {
        if let Some(Frame::Class(class)) = self.frames.last()
            && crate::imports::binds(&class.body, name)
        {
            return true;
        }
        if let Some(Frame::Lambda(lambda)) = self.frames.last()
            && lambda
                .parameters
                .as_ref()
                .is_some_and(|params| params.iter().any(|p| p.name().as_str() == name))
        {
            return true;
        }
        self.expressions.iter().any(|expr| {
            let generators = match expr {
                Expr::ListComp(comp) => &comp.generators,
                Expr::SetComp(comp) => &comp.generators,
                Expr::DictComp(comp) => &comp.generators,
                Expr::Generator(comp) => &comp.generators,
                _ => return false,
            };
            generators.iter().any(|generator| {
                crate::rewrite::names_in(&generator.target)
                    .iter()
                    .any(|n| n == name)
            })
        })
    }

    /// A transform's per-file state, created on first use. Transforms that need to see the whole
    /// file before deciding (a refusal anywhere blocks a rewrite elsewhere) collect here during
    /// the traversal and report from [`Transform::on_end`](crate::registry::Transform::on_end).
    pub fn state<T: Default + 'static>(&mut self) -> &mut T {
        self.state
            .entry(TypeId::of::<T>())
            .or_insert_with(|| Box::new(T::default()))
            .downcast_mut::<T>()
            .expect("state is keyed by its type")
    }

    /// The range of the current scope: the innermost function, else the whole file.
    pub fn scope_range(&self) -> TextRange {
        self.current_function().map_or_else(
            || TextRange::up_to(ruff_text_size::TextSize::of(self.source)),
            Ranged::range,
        )
    }

    pub fn report(&mut self, finding: Finding) {
        self.findings.push(finding);
    }

    fn dispatch_stmt(&mut self, stmt: &'a Stmt) {
        // Taken out for the loop (a transform's hook never dispatches), then put back.
        let active = std::mem::take(&mut self.active.stmt);
        for transform in &active {
            transform.on_stmt(self, stmt);
        }
        self.active.stmt = active;
    }

    fn dispatch_expr(&mut self, expr: &'a Expr) {
        let kind = ExprKinds::index_of(expr);
        if self.active.expr[kind].is_empty() {
            return;
        }
        let active = std::mem::take(&mut self.active.expr[kind]);
        for transform in &active {
            transform.on_expr(self, expr);
        }
        self.active.expr[kind] = active;
    }

    fn enabled_transforms(&self) -> Active {
        let mut active = Active::default();
        for transform in self.settings.transforms.iter().copied() {
            if !self.enabled_here(transform) {
                continue;
            }
            let hooks = transform.hooks();
            if hooks.stmt {
                active.stmt.push(transform);
            }
            for (kind, list) in active.expr.iter_mut().enumerate() {
                if hooks.expr.has(kind) {
                    list.push(transform);
                }
            }
        }
        active
    }

    /// Is the transform `id` selected and enabled here (its version gate)? For a transform that
    /// defers to another.
    pub fn runs(&self, id: &str) -> bool {
        self.settings
            .transforms
            .iter()
            .any(|t| t.info().id == id && self.enabled_here(*t))
    }

    /// Version gating, done once for every transform: a rewrite that needs a newer Python than
    /// the code here may run on is never offered.
    fn enabled_here(&self, transform: &dyn Transform) -> bool {
        transform
            .info()
            .min_version
            .is_none_or(|min| self.guard.allows(self.settings.target, min))
    }

    fn visit_guarded_body(&mut self, body: &'a [Stmt], range: VersionRange) {
        let outer = self.guard;
        self.guard = outer.intersect(range);
        if self.guard == outer {
            self.visit_body(body);
            return;
        }
        let inner_active = self.enabled_transforms();
        let outer_active = std::mem::replace(&mut self.active, inner_active);
        self.visit_body(body);
        self.guard = outer;
        self.active = outer_active;
    }
}

/// What an imported callee names, as [`Checker::imported`] resolves it: the qualified name an
/// absolute import gives it, or (level, module, name) of a relative one.
#[derive(Debug, PartialEq, Eq, Hash)]
enum Callee {
    Absolute(Vec<String>),
    Relative(u32, String, String),
}

/// The enabled transforms whose `on_stmt` the traversal calls, and per expression kind
/// ([`ExprKinds::index_of`]) those whose `on_expr` it calls, in registry order.
#[derive(Default)]
struct Active {
    stmt: Vec<&'static dyn Transform>,
    expr: [Vec<&'static dyn Transform>; ExprKinds::COUNT],
}

/// The answer cached in `cache` for `word`, computed once.
fn cached(
    cache: &std::cell::RefCell<Vec<(&'static str, bool)>>,
    word: &'static str,
    compute: impl FnOnce() -> bool,
) -> bool {
    // The same literal is one address: compare that first (a call per node otherwise).
    let same =
        |w: &&str| std::ptr::eq(w.as_ptr(), word.as_ptr()) && w.len() == word.len() || *w == word;
    if let Some(&(_, answer)) = cache.borrow().iter().find(|(w, _)| same(w)) {
        return answer;
    }
    let answer = compute();
    cache.borrow_mut().push((word, answer));
    answer
}

/// Fixes no transform may make, whatever it checked itself:
/// - an edit inside a self-printing replacement field (`f"{expr=}"` prints the expression's
///   source text; a t-string keeps it in `Interpolation.expression`): any edit changes the text;
/// - any fix in a module with a star import from a module other than `asyncio`: that import may
///   bind any name the rewrite reads (`asyncio`, `time`) or emits (`TimeoutError`, new names).
///
/// The finding stays, without its fix, saying why. A refused fix that belongs to a group takes
/// the whole group with it (the group's parts only work together).
fn refuse_unsafe_contexts(
    findings: &mut [Finding],
    self_printing: &[TextRange],
    unknown_star: Option<&str>,
) {
    let touches_field = |edit: &crate::edit::Edit| {
        self_printing.iter().any(|field| {
            if edit.range().is_empty() {
                field.start() < edit.start() && edit.start() < field.end()
            } else {
                edit.start() < field.end() && field.start() < edit.end()
            }
        })
    };
    let mut refused_groups: HashSet<(&'static str, u32)> = HashSet::default();
    let mut refuse = |finding: &mut Finding, reason: &str| {
        if let Some(group) = finding.fix.as_ref().and_then(|fix| fix.group()) {
            refused_groups.insert((finding.id, group));
        }
        finding.refuse_fix(reason);
    };
    for finding in findings.iter_mut() {
        let Some(fix) = &finding.fix else { continue };
        if let Some(module) = unknown_star {
            let reason =
                format!("`from {module} import *` may bind names this rewrite reads or writes");
            refuse(finding, &reason);
        } else if fix.edits().iter().any(touches_field) {
            refuse(
                finding,
                "the rewrite would edit an f-string `{expr=}` field (or a t-string \
                 interpolation), whose source text the program prints",
            );
        }
    }
    if refused_groups.is_empty() {
        return;
    }
    for finding in findings.iter_mut() {
        let group = finding.fix.as_ref().and_then(|fix| fix.group());
        if let Some(group) = group
            && refused_groups.contains(&(finding.id, group))
        {
            finding.refuse_fix(
                "another part of this migration cannot be rewritten (it edits an f-string \
                 `{expr=}` field), and the parts only work together",
            );
        }
    }
}

impl<'a> SourceOrderVisitor<'a> for Checker<'a> {
    fn visit_interpolated_string_element(&mut self, element: &'a ast::InterpolatedStringElement) {
        if let ast::InterpolatedStringElement::Interpolation(field) = element
            && field.debug_text.is_some()
        {
            self.self_printing.push(field.range);
        }
        source_order::walk_interpolated_string_element(self, element);
    }

    fn visit_t_string(&mut self, t_string: &'a ast::TString) {
        for element in t_string.elements.iter() {
            if let ast::InterpolatedStringElement::Interpolation(field) = element {
                self.self_printing.push(field.range);
            }
        }
        source_order::walk_t_string(self, t_string);
    }

    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        self.statements.push(stmt);
        self.dispatch_stmt(stmt);
        match stmt {
            Stmt::FunctionDef(func) => {
                // Decorators, defaults and annotations run in the enclosing scope.
                for decorator in &func.decorator_list {
                    self.visit_decorator(decorator);
                }
                if let Some(type_params) = &func.type_params {
                    self.visit_type_params(type_params);
                }
                self.visit_parameters(&func.parameters);
                if let Some(returns) = &func.returns {
                    self.visit_annotation(returns);
                }
                self.frames.push(Frame::Function(func));
                self.imports.push_function(func);
                self.visit_body(&func.body);
                self.imports.pop_function();
                self.frames.pop();
            }
            Stmt::If(stmt_if) => {
                self.visit_expr(&stmt_if.test);
                let (body_range, mut else_range) =
                    version_guard(&stmt_if.test, &self.imports).unwrap_or_default();
                self.visit_guarded_body(&stmt_if.body, body_range);
                for clause in &stmt_if.elif_else_clauses {
                    let mut clause_range = else_range;
                    if let Some(test) = &clause.test {
                        self.visit_expr(test);
                        if let Some((body, orelse)) = version_guard(test, &self.imports) {
                            clause_range = else_range.intersect(body);
                            else_range = else_range.intersect(orelse);
                        }
                    }
                    self.visit_guarded_body(&clause.body, clause_range);
                }
            }
            Stmt::ClassDef(class) => {
                for decorator in &class.decorator_list {
                    self.visit_decorator(decorator);
                }
                if let Some(type_params) = &class.type_params {
                    self.visit_type_params(type_params);
                }
                if let Some(arguments) = &class.arguments {
                    self.visit_arguments(arguments);
                }
                self.frames.push(Frame::Class(class));
                self.visit_body(&class.body);
                self.frames.pop();
            }
            _ => source_order::walk_stmt(self, stmt),
        }
        self.statements.pop();
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        self.dispatch_expr(expr);
        self.expressions.push(expr);
        if let Expr::Lambda(lambda) = expr {
            if let Some(parameters) = &lambda.parameters {
                self.visit_parameters(parameters);
            }
            self.frames.push(Frame::Lambda(lambda));
            self.visit_expr(&lambda.body);
            self.frames.pop();
        } else {
            source_order::walk_expr(self, expr);
        }
        self.expressions.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::may_import_requests;

    #[test]
    fn requests_counts_only_where_an_import_can_spell_it() {
        for source in [
            "import requests\n",
            "import os, requests\n",
            "import os, \\\n    requests\n",
            "import os, \\\r\n    requests\r\n",
            "from requests.adapters import HTTPAdapter\n",
            "if x: import requests\n",
            "x = 1; import requests as r\n",
            "def f():\n    import requests\n",
        ] {
            assert!(may_import_requests(source), "{source:?}");
        }
        for source in [
            "requests = []\n",
            "def f(requests):\n    return len(requests)\n",
            "# sends requests\nx = 1\n",
            "from x import (\n    requests,\n)\n",
        ] {
            assert!(!may_import_requests(source), "{source:?}");
        }
    }
}
