//! `sqlite-to-aiosqlite`: a `sqlite3` connection made and used in `async def` → `aiosqlite`,
//! with every query awaited (an allowlist of uses, like requests-to-httpx).

use ruff_python_ast::visitor::source_order::{self, SourceOrderVisitor};
use ruff_python_ast::{self as ast, Expr, ExprContext, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::checker::Checker;
use crate::edit::{Edit, Finding, Fix};
use crate::registry::{FixSafety, Transform, TransformInfo};
use crate::version::PyVersion;
use crate::{analysis, importer, rewrite};

mod table;
use table::{Action, Kind};

crate::declare_transform! {
    /// ## What it does
    /// Migrates a `sqlite3` connection made in `async def` to `aiosqlite`. The statement
    /// `conn = sqlite3.connect(...)` becomes `async with aiosqlite.connect(...) as conn:` and the
    /// rest of its block moves into it; every query on the connection and on the cursors it
    /// makes is awaited (`await conn.execute(...)`, `await cur.fetchone()`, `await
    /// conn.commit()`), and `for row in cur:` becomes `async for row in cur:`. `import
    /// aiosqlite` is added in isort's place; `import sqlite3` goes only when nothing uses it any
    /// more (`sqlite3.Row`, `sqlite3.IntegrityError` keep it: aiosqlite uses the same classes
    /// and raises sqlite3's exceptions). Sync code is left alone.
    ///
    /// ## Why is this bad?
    /// Every sqlite3 call blocks the event loop's thread until the database answers (a locked
    /// database waits up to `timeout`, 5 s by default): no other task runs meanwhile.
    /// aiosqlite runs the same sqlite3 calls on a worker thread and lets the loop run.
    ///
    /// ## Example
    /// ```python
    /// async def names(path):
    ///     conn = sqlite3.connect(path)
    ///     rows = conn.execute("select name from users").fetchall()
    ///     conn.close()
    ///     return rows
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// async def names(path):
    ///     async with aiosqlite.connect(path) as conn:
    ///         rows = await (await conn.execute("select name from users")).fetchall()
    ///         await conn.close()
    ///         return rows
    /// ```
    ///
    /// Needs Python 3.9: the aiosqlite the migration is proven against (0.22.1) requires it. Below
    /// that target the transform does nothing (and `blocking-call-in-async` reports the call).
    ///
    /// ## Fix safety
    /// Always unsafe. The queries run on aiosqlite's worker thread: other tasks of the loop run
    /// while a query runs, and cancelling the task does not stop a query already sent. The
    /// connection is closed when its block ends, also when an exception leaves it (sqlite3's
    /// stays open until garbage-collected, with an uncommitted transaction and its locks).
    /// While open, the connection keeps aiosqlite's worker thread (not a daemon) alive: a task or
    /// async generator left suspended inside the block when the program ends outside
    /// `asyncio.run` (which closes them) makes the interpreter wait at exit. The connection and
    /// cursors are aiosqlite's objects, which is why every other use is refused.
    ///
    /// ## When no fix is made
    /// The migration is an allowlist: the table below lists every use that is migrated. Any
    /// other use of the connection or of one of its cursors refuses, naming it: passed to a
    /// function, returned, stored, yielded, aliased, used in a nested function, lambda or
    /// comprehension, `with conn:` (sqlite3's transaction), `conn.isolation_level = ...`
    /// (aiosqlite sets it from the wrong thread and sqlite3 raises), `create_function`,
    /// `iterdump`, `backup`, ... Also refused: `with sqlite3.connect(...) as conn:` (sqlite3's
    /// `with` commits or rolls back and does not close; aiosqlite's closes and does not commit);
    /// a `connect` that is not a whole `name = sqlite3.connect(...)` statement on its own line;
    /// a second positional argument, `factory=`, `*args` or `**kwargs`; the name bound again,
    /// deleted or declared `global`/`nonlocal`; a use outside the statements that follow the
    /// connect in its block; a use after `close()` or a `close()` inside a loop; a use inside a
    /// sync `with` block (a lock held across `await`); a cursor name iterated by `for` and used
    /// after the loop, or a `for` over a cursor whose body runs anything but a literal `SELECT`
    /// (or `commit()`) on the connection (aiosqlite reads 64 rows ahead: a change to rows the loop
    /// has not reached would be missed); the rest of the block empty.
    pub struct SqliteToAiosqlite {
        id: "sqlite-to-aiosqlite",
        summary: "`sqlite3` connections in `async def` -> `async with aiosqlite.connect(...)` with awaited queries",
        min_version: Some(PyVersion::PY39),
        safety: FixSafety::Unsafe,
        extra_doc: table::render,
    }
}

const MESSAGE: &str = "Blocking `sqlite3` connection in `async def`: use `aiosqlite`";
const NOTE: &str = "the queries now run on aiosqlite's worker thread: other tasks of the loop run while a query runs, \
                    and cancelling the task does not stop a query already sent; the connection is closed when its \
                    block ends, also when an exception leaves it (sqlite3's stays open until garbage-collected, \
                    with an uncommitted transaction and its locks); while open, it keeps aiosqlite's worker thread \
                    (not a daemon) alive: the interpreter waits for it at exit (a task or async generator left \
                    suspended in the block outside `asyncio.run`)";

impl Transform for SqliteToAiosqlite {
    fn info(&self) -> &'static TransformInfo {
        &Self::INFO
    }

    fn hooks(&self) -> crate::registry::Hooks {
        crate::registry::Hooks::expr(crate::registry::ExprKinds::CALL)
    }

    fn on_expr<'a>(&self, cx: &mut Checker<'a>, expr: &'a Expr) {
        let Expr::Call(call) = expr else { return };
        if !cx.in_async() || !cx.imports().matches(&call.func, &["sqlite3", "connect"]) {
            return;
        }
        let finding = Finding::new(Self::INFO.id, call.range(), MESSAGE);
        let finding = match migrate(cx, call) {
            Ok(fix) => finding.with_fix(fix),
            Err(reason) => Finding::new(Self::INFO.id, call.range(), format!("{MESSAGE}; no fix: {reason}")),
        };
        cx.report(finding);
    }
}

fn migrate(cx: &Checker, call: &ast::ExprCall) -> Result<Fix, String> {
    let stmt = cx.current_statement().ok_or("not in a statement")?;
    let conn = match stmt {
        Stmt::Assign(assign)
            if assign.value.range() == call.range()
                && assign.targets.len() == 1
                && matches!(&assign.targets[0], Expr::Name(_)) =>
        {
            let Expr::Name(name) = &assign.targets[0] else { unreachable!() };
            name.id.as_str()
        }
        Stmt::With(with) if with.items.iter().any(|i| i.context_expr.range() == call.range()) => {
            return Err("sqlite3's `with conn:` is a transaction (it commits, or rolls back on an exception, and \
                        does not close); aiosqlite's `async with` closes the connection and does not commit"
                .into());
        }
        Stmt::AnnAssign(_) => {
            return Err("the connection's name is annotated: the annotation would name the wrong type".into());
        }
        _ => return Err("the connection is not assigned to a name by a statement of its own".into()),
    };
    check_arguments(&call.arguments)?;
    rewrite::check_hoistable(cx, stmt)?;
    if analysis::in_sync_with(cx, call.range()) {
        return Err("it is inside a sync `with` block: other tasks would run while it is held".into());
    }
    let func = cx.current_function().ok_or("not in a function")?;
    // The statements after the connect in its block: they move into the `async with`.
    let parent_bodies: Vec<&[Stmt]> = match cx.statements().iter().rev().nth(1) {
        Some(parent) => analysis::bodies_of(parent),
        None => vec![&func.body[..]],
    };
    let body = parent_bodies
        .into_iter()
        .find(|b| b.iter().any(|s| s.range() == stmt.range()))
        .ok_or("the statement's block was not found")?;
    let index = body.iter().position(|s| s.range() == stmt.range()).expect("found");
    let rest = &body[index + 1..];
    let (Some(first), Some(last)) = (rest.first(), rest.last()) else {
        return Err("nothing follows the connect in its block".into());
    };
    let block = TextRange::new(first.start(), last.end());
    let assign_target = match stmt {
        Stmt::Assign(a) => a.targets[0].range(),
        _ => unreachable!(),
    };

    // Other connects bound to the same name in the function, each with the region it owns
    // (its statement and the rest of its block): uses there are theirs, when the regions are
    // disjoint (`try: conn = connect(a) ...` then `try: conn = connect(b) ...`).
    let ours = TextRange::new(stmt.start(), block.end());
    let mut foreign = Vec::new();
    for (other, region) in connect_regions(cx, &func.body, conn) {
        if other == assign_target {
            continue;
        }
        if region.intersect(ours).is_some() {
            return Err(format!("`{conn}` is bound again (line {})", line_of(cx.source(), other.start())));
        }
        foreign.push(region);
    }
    let mut uses = Uses::new(conn, assign_target, block);
    uses.foreign = foreign;
    let params: Vec<String> = func.parameters.iter().map(|p| p.name().to_string()).collect();
    uses.analyse(cx.source(), &func.body, &params)?;

    // Edits.
    let spelled = spell_connect(cx, func, &call.func)?;
    let mut edits = vec![
        Edit::replacement(format!("async with {}", spelled.name), TextRange::new(stmt.start(), call.func.end())),
        Edit::insertion(format!(" as {conn}:"), call.end()),
    ];
    let unit = rewrite::block_unit(cx, stmt);
    let mut insertions: Vec<(TextSize, usize, String)> = Vec::new();
    for start in rewrite::reindentable_line_starts(cx, TextRange::new(stmt.end(), block.end())) {
        insertions.push((start, 0, unit.clone()));
    }
    for (range, parens) in &uses.awaits {
        // Outer calls first at one offset: order by the length of the range, longest first.
        let rank = usize::MAX / 2 - usize::from(range.len());
        insertions.push((range.start(), rank, if *parens { "(await ".into() } else { "await ".into() }));
        if *parens {
            insertions.push((range.end(), usize::from(range.len()), ")".into()));
        }
    }
    for at in &uses.async_fors {
        insertions.push((*at, 1, "async ".into()));
    }
    insertions.sort_by_key(|a| (a.0, a.1));
    let mut merged: Vec<(TextSize, String)> = Vec::new();
    for (at, _, text) in insertions {
        match merged.last_mut() {
            Some((last, content)) if *last == at => content.push_str(&text),
            _ => merged.push((at, text)),
        }
    }
    edits.extend(merged.into_iter().map(|(at, text)| Edit::insertion(text, at)));
    edits.extend(spelled.edit);
    let mut fix = Fix::unsafe_(edits).with_note(NOTE);
    if let Some(root) = root_name(&call.func) {
        fix = fix.dropping(root);
    }
    Ok(fix)
}

/// Every `name = sqlite3.connect(...)` statement in `body` (nested blocks included, nested
/// functions not): its target and the region it owns (the statement to the end of its block).
fn connect_regions(cx: &Checker, body: &[Stmt], name: &str) -> Vec<(TextRange, TextRange)> {
    let mut regions = Vec::new();
    for stmt in body {
        if let Stmt::Assign(assign) = stmt
            && let [Expr::Name(target)] = &assign.targets[..]
            && target.id.as_str() == name
            && let Expr::Call(call) = &*assign.value
            && cx.imports().matches(&call.func, &["sqlite3", "connect"])
        {
            let end = body.last().map_or(stmt.end(), Ranged::end);
            regions.push((target.range(), TextRange::new(stmt.start(), end)));
        }
        if !matches!(stmt, Stmt::FunctionDef(_) | Stmt::ClassDef(_)) {
            for inner in analysis::bodies_of(stmt) {
                regions.extend(connect_regions(cx, inner, name));
            }
        }
    }
    regions
}

/// How to spell `aiosqlite.connect`: through the file's binding, else with a new `import
/// aiosqlite` where sqlite3 was imported: at module level in isort's place, or next to an import
/// local to the function (a local import stays local: the module does not need aiosqlite more
/// widely than it needed sqlite3).
fn spell_connect(cx: &Checker, func: &ast::StmtFunctionDef, callee: &Expr) -> Result<importer::Spelled, String> {
    let local = root_name(callee)
        .and_then(|root| cx.imports().binding(&root).cloned())
        .filter(|binding| func.range().contains_range(binding.stmt));
    let Some(binding) = local else {
        return importer::spell(cx, "aiosqlite", "connect");
    };
    if let Some(alias) = cx.imports().module_alias("aiosqlite") {
        return Ok(importer::Spelled { name: format!("{alias}.connect"), edit: None });
    }
    if cx.name_in_file("aiosqlite") {
        return Err("the name `aiosqlite` is used for something else in this file".into());
    }
    let anchor = func
        .body
        .iter()
        .find(|s| s.range() == binding.stmt)
        .ok_or("sqlite3 is imported in a nested block of the function: where `import aiosqlite` goes is unclear")?;
    let index = func.body.iter().position(|s| s.range() == anchor.range()).expect("found");
    let is_import = |s: Option<&Stmt>| matches!(s, Some(Stmt::Import(_) | Stmt::ImportFrom(_)));
    let alone = !is_import(index.checked_sub(1).and_then(|i| func.body.get(i))) && !is_import(func.body.get(index + 1));
    let edit = if alone && rewrite::check_hoistable(cx, anchor).is_ok() {
        // A section of its own (third party after the standard library), after a blank line.
        let source = cx.source();
        let nl = cx.line_ending_at(anchor.start());
        let indent = rewrite::indentation(cx, anchor);
        Edit::insertion(format!("{nl}{nl}{indent}import aiosqlite"), ruff_source_file::LineRanges::line_end(source, anchor.end()))
    } else {
        importer::add_import_in_block(cx, &func.body, anchor, "import aiosqlite", None)
            .ok_or("the function's sqlite3 import shares its line with other code")?
    };
    Ok(importer::Spelled { name: "aiosqlite.connect".into(), edit: Some(edit) })
}

/// `sqlite3.connect` takes only the database positionally in aiosqlite; a custom `factory=`
/// class may override what the migration maps.
fn check_arguments(arguments: &ast::Arguments) -> Result<(), String> {
    if arguments.args.iter().any(|a| matches!(a, Expr::Starred(_))) || arguments.keywords.iter().any(|k| k.arg.is_none()) {
        return Err("`*args` / `**kwargs` may hold anything `aiosqlite.connect` does not take".into());
    }
    if arguments.args.len() > 1 {
        return Err("`aiosqlite.connect` takes only the database positionally".into());
    }
    if arguments.keywords.iter().any(|k| k.arg.as_ref().is_some_and(|a| a.as_str() == "factory")) {
        return Err("`factory=`: a custom connection class may change what the mapped methods do".into());
    }
    Ok(())
}

fn root_name(expr: &Expr) -> Option<String> {
    match expr {
        Expr::Name(name) => Some(name.id.to_string()),
        Expr::Attribute(attr) => root_name(&attr.value),
        _ => None,
    }
}

/// One occurrence of a tracked name: the expression parents (outermost first), the innermost
/// statement, and the context it sits in.
struct Occurrence<'a> {
    name: &'a ast::ExprName,
    parents: Vec<&'a Expr>,
    stmt: &'a Stmt,
    /// In a nested function, class, lambda or generator expression.
    deferred: bool,
    /// In the body of a sync `with`.
    sync_with: bool,
    /// Ranges of the loops around it.
    loops: Vec<TextRange>,
}

struct Collector<'a> {
    names: Vec<String>,
    found: Vec<Occurrence<'a>>,
    declared: Vec<String>,
    stmts: Vec<&'a Stmt>,
    exprs: Vec<&'a Expr>,
    deferred: usize,
    sync_withs: Vec<TextRange>,
    loops: Vec<TextRange>,
}

impl<'a> SourceOrderVisitor<'a> for Collector<'a> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::Global(ast::StmtGlobal { names, .. }) | Stmt::Nonlocal(ast::StmtNonlocal { names, .. }) => {
                self.declared.extend(names.iter().map(|n| n.to_string()));
            }
            _ => {}
        }
        let nested = matches!(stmt, Stmt::FunctionDef(_) | Stmt::ClassDef(_));
        self.deferred += usize::from(nested);
        self.stmts.push(stmt);
        match stmt {
            Stmt::With(with) if !with.is_async => {
                for item in &with.items {
                    self.visit_with_item(item);
                }
                self.sync_withs.push(with.range());
                self.visit_body(&with.body);
                self.sync_withs.pop();
            }
            Stmt::For(for_) => {
                self.visit_expr(&for_.target);
                self.visit_expr(&for_.iter);
                self.loops.push(for_.range());
                self.visit_body(&for_.body);
                self.loops.pop();
                self.visit_body(&for_.orelse);
            }
            Stmt::While(while_) => {
                self.loops.push(while_.range());
                self.visit_expr(&while_.test);
                self.visit_body(&while_.body);
                self.loops.pop();
                self.visit_body(&while_.orelse);
            }
            _ => source_order::walk_stmt(self, stmt),
        }
        self.stmts.pop();
        self.deferred -= usize::from(nested);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        if let Expr::Name(name) = expr
            && self.names.iter().any(|n| n == name.id.as_str())
        {
            self.found.push(Occurrence {
                name,
                parents: self.exprs.clone(),
                stmt: self.stmts.last().copied().expect("in a statement"),
                deferred: self.deferred > 0,
                sync_with: !self.sync_withs.is_empty(),
                loops: self.loops.clone(),
            });
        }
        // An `await` is fine in a list, set or dict comprehension of an `async def`; a lambda is
        // a sync function and a generator expression would become an async generator.
        let deferred = matches!(expr, Expr::Lambda(_) | Expr::Generator(_));
        self.deferred += usize::from(deferred);
        self.exprs.push(expr);
        source_order::walk_expr(self, expr);
        self.exprs.pop();
        self.deferred -= usize::from(deferred);
    }
}

/// The uses of one connection and its cursors in the function, and the edits they need.
struct Uses<'n> {
    conn: &'n str,
    assign_target: TextRange,
    block: TextRange,
    /// Calls to await, and whether they need parentheses.
    awaits: Vec<(TextRange, bool)>,
    /// Starts of `for` statements that become `async for`.
    async_fors: Vec<TextSize>,
    /// Cursor names and the targets that bind them.
    cursors: Vec<(String, TextRange)>,
    /// `conn.close()` calls.
    closes: Vec<TextRange>,
    /// `for _ in cur:` over a cursor name: the name and the statement.
    iterated: Vec<(String, TextRange)>,
    /// Bodies of the `for` loops over a cursor.
    loop_bodies: Vec<TextRange>,
    /// Calls that run SQL on the connection (or roll back), with whether the SQL is a string
    /// literal that starts with `SELECT` (a read).
    statements: Vec<(TextRange, String, bool)>,
    /// Regions owned by other connects bound to the same name.
    foreign: Vec<TextRange>,
}

impl<'n> Uses<'n> {
    fn new(conn: &'n str, assign_target: TextRange, block: TextRange) -> Self {
        Self {
            conn,
            assign_target,
            block,
            awaits: Vec::new(),
            async_fors: Vec::new(),
            cursors: Vec::new(),
            closes: Vec::new(),
            iterated: Vec::new(),
            loop_bodies: Vec::new(),
            statements: Vec::new(),
            foreign: Vec::new(),
        }
    }

    fn analyse(&mut self, source: &str, body: &[Stmt], params: &[String]) -> Result<(), String> {
        let mut names = vec![self.conn.to_string()];
        names.extend(assigned_names(body));
        let mut collector = Collector {
            names,
            found: Vec::new(),
            declared: Vec::new(),
            stmts: Vec::new(),
            exprs: Vec::new(),
            deferred: 0,
            sync_withs: Vec::new(),
            loops: Vec::new(),
        };
        collector.visit_body(body);
        let mut found = collector.found;
        // Only the connection's name: a cursor of this connection read in another connect's
        // region is still this connection's (and refused there, outside the block).
        found.retain(|o| o.name.id.as_str() != self.conn || !self.foreign.iter().any(|r| r.contains_range(o.name.range())));
        let mut tracked: Vec<String> = vec![self.conn.to_string()];
        let mut done = 0;
        while done < tracked.len() {
            let name = tracked[done].clone();
            done += 1;
            if collector.declared.contains(&name) {
                return Err(format!("`{name}` is declared `global` or `nonlocal`"));
            }
            for occ in found.iter().filter(|o| o.name.id.as_str() == name) {
                let before = self.cursors.len();
                self.occurrence(source, occ, name == self.conn)?;
                for (cursor, _) in &self.cursors[before..] {
                    if !tracked.contains(cursor) {
                        tracked.push(cursor.clone());
                    }
                }
            }
        }
        // Bindings of cursor names: all of them cursor assignments.
        for occ in found.iter().filter(|o| tracked[1..].iter().any(|t| t == o.name.id.as_str())) {
            if occ.name.ctx != ExprContext::Load && !self.cursors.iter().any(|(_, r)| *r == occ.name.range()) {
                return Err(format!(
                    "the cursor name `{}` is also bound to something else (line {})",
                    occ.name.id,
                    line_of(source, occ.name.start())
                ));
            }
        }
        // A cursor name must hold one of this connection's cursors wherever it is read: not a
        // parameter, not read before it is first assigned.
        for cursor in &tracked[1..] {
            if params.iter().any(|p| p == cursor) {
                return Err(format!("the cursor name `{cursor}` is also a parameter of the function"));
            }
            let first = self.cursors.iter().filter(|(n, _)| n == cursor).map(|(_, r)| r.start()).min();
            if let Some(early) = found
                .iter()
                .find(|o| o.name.id.as_str() == cursor && first.is_some_and(|f| o.name.start() < f))
            {
                return Err(format!(
                    "`{cursor}` is read (line {}) before it is assigned a cursor",
                    line_of(source, early.name.start())
                ));
            }
        }
        let all: Vec<&Occurrence> = found.iter().filter(|o| tracked.iter().any(|t| t == o.name.id.as_str())).collect();
        for close in &self.closes {
            if let Some(after) = all.iter().find(|o| o.name.start() > close.end()) {
                return Err(format!(
                    "`{}` (line {}) is used after `{}.close()`",
                    after.name.id,
                    line_of(source, after.name.start()),
                    self.conn
                ));
            }
            let occ = all.iter().find(|o| o.name.range().start() == close.start()).expect("the close call's name");
            if occ.loops.iter().any(|l| self.block.contains_range(*l)) {
                return Err(format!("`{}.close()` is inside a loop of the block", self.conn));
            }
        }
        // aiosqlite reads a cursor 64 rows ahead: a change the loop body makes to rows the loop
        // has not reached would be seen by sqlite3 and missed by aiosqlite.
        for body in &self.loop_bodies {
            if let Some((call, method, _)) = self.statements.iter().find(|(r, _, select)| body.contains_range(*r) && !select) {
                return Err(format!(
                    "the body of a `for` over a cursor runs `{method}` (line {}), which may change rows the loop \
                     has not reached: aiosqlite reads 64 rows ahead and would not see the change (only a literal \
                     `SELECT` is allowed there)",
                    line_of(source, call.start())
                ));
            }
        }
        for (cursor, for_range) in &self.iterated {
            let occ = all
                .iter()
                .find(|o| o.name.id.as_str() == cursor && for_range.contains_range(o.name.range()))
                .expect("the iterated name");
            if occ.loops.iter().any(|l| self.block.contains_range(*l) && *l != *for_range) {
                return Err(format!(
                    "`for _ in {cursor}` is inside another loop: aiosqlite reads 64 rows ahead, which a later pass would miss"
                ));
            }
            if let Some(other) = all.iter().find(|o| {
                o.name.id.as_str() == cursor
                    && o.name.ctx == ExprContext::Load
                    && o.name.range() != occ.name.range()
                    && o.name.start() > for_range.start()
            }) {
                return Err(format!(
                    "`{cursor}` is used (line {}) after `for _ in {cursor}` started: aiosqlite reads 64 rows ahead, \
                     so rows the loop did not reach would be skipped",
                    line_of(source, other.name.start())
                ));
            }
        }
        Ok(())
    }

    /// Check one occurrence of the connection (`is_conn`) or of a cursor name.
    fn occurrence<'a>(&mut self, source: &str, occ: &Occurrence<'a>, is_conn: bool) -> Result<(), String> {
        let name = occ.name.id.as_str();
        let line = line_of(source, occ.name.start());
        if is_conn && occ.name.range() == self.assign_target {
            return Ok(());
        }
        if !is_conn && occ.name.ctx == ExprContext::Store {
            // Checked against the cursor bindings once all are known.
            return Ok(());
        }
        if occ.name.ctx != ExprContext::Load {
            return Err(format!("`{name}` is bound again or deleted (line {line})"));
        }
        if occ.deferred {
            return Err(format!(
                "`{name}` is used in a nested function, lambda or generator expression (line {line})"
            ));
        }
        if !self.block.contains_range(occ.name.range()) {
            return Err(format!(
                "`{name}` is used (line {line}) outside the statements that follow the connect in its block"
            ));
        }
        if occ.sync_with {
            return Err(format!(
                "`{name}` is used inside a sync `with` block (line {line}): other tasks would run while it is held"
            ));
        }
        let mut chain: Vec<&'a Expr> = occ.parents.clone();
        let kind = if is_conn { Kind::Connection } else { Kind::Cursor };
        self.value(source, occ, &mut chain, kind, occ.name.range())
    }

    /// The use of the value at `range` (the last parent of `chain` is its parent), an object of
    /// `kind`.
    fn value<'a>(&mut self, source: &str, occ: &Occurrence<'a>, chain: &mut Vec<&'a Expr>, kind: Kind, range: TextRange) -> Result<(), String> {
        let line = line_of(source, range.start());
        let shown = |r: TextRange| truncate(&source[r]);
        let Some(parent) = chain.pop() else {
            // Directly in the statement.
            return match occ.stmt {
                Stmt::Expr(s) if s.value.range() == range && kind == Kind::Cursor && !is_name(source, range) => Ok(()),
                Stmt::Assign(a)
                    if a.value.range() == range
                        && kind == Kind::Cursor
                        && !is_name(source, range)
                        && a.targets.len() == 1
                        && matches!(&a.targets[0], Expr::Name(_)) =>
                {
                    let Expr::Name(target) = &a.targets[0] else { unreachable!() };
                    if target.id.as_str() == self.conn {
                        return Err(format!("`{}` is bound again (line {line})", self.conn));
                    }
                    self.cursors.push((target.id.to_string(), target.range()));
                    Ok(())
                }
                Stmt::For(f) if f.iter.range() == range && kind == Kind::Cursor && !f.is_async => {
                    self.async_fors.push(f.start());
                    if let (Some(first), Some(last)) = (f.body.first(), f.body.last()) {
                        self.loop_bodies.push(TextRange::new(first.start(), last.end()));
                    }
                    if is_name(source, range) {
                        self.iterated.push((source[range].to_string(), f.range()));
                    }
                    Ok(())
                }
                Stmt::With(w) if w.items.iter().any(|i| i.context_expr.range() == range) => Err(format!(
                    "`with {}:` (line {line}) has no mapping to aiosqlite (sqlite3's `with` on a connection is a \
                     transaction; a cursor is no context manager)",
                    shown(range)
                )),
                _ => Err(format!(
                    "{} `{}` is passed on or used as a value (line {line}): code there would get an aiosqlite object",
                    if kind == Kind::Connection { "the connection" } else { "the cursor" },
                    shown(range)
                )),
            };
        };
        let Expr::Attribute(attr) = parent else {
            return Err(format!(
                "`{}` is passed on or used as a value (line {line}): code there would get an aiosqlite object",
                shown(parent.range())
            ));
        };
        let method = attr.attr.as_str();
        let call: Option<&ast::ExprCall> = match chain.last().copied() {
            Some(Expr::Call(call)) if call.func.range() == attr.range() => Some(call),
            _ => None,
        };
        let key = match (call, attr.ctx) {
            (Some(_), _) => format!("{method}()"),
            (None, ExprContext::Store) => format!("{method} ="),
            (None, _) => method.to_string(),
        };
        let row = table::find(kind, &key).ok_or_else(|| {
            let use_ = match (call, attr.ctx) {
                (Some(call), _) => shown(call.range()),
                (None, ExprContext::Store) => format!("{} = ...", shown(attr.range())),
                (None, _) => shown(attr.range()),
            };
            format!("`{use_}` (line {line}) has no mapping to aiosqlite")
        })?;
        if row.action == Action::Write && !matches!(occ.stmt, Stmt::Assign(_)) {
            return Err(format!("`{}` (line {line}) has no mapping to aiosqlite", shown(occ.stmt.range())));
        }
        match row.action {
            Action::Read | Action::Write => Ok(()),
            Action::AwaitCursor | Action::AwaitValue | Action::AwaitClose => {
                let call = call.expect("a call row");
                chain.pop();
                let parens = match chain.last() {
                    Some(Expr::Attribute(a)) => a.value.range() == call.range(),
                    Some(Expr::Subscript(s)) => s.value.range() == call.range(),
                    Some(Expr::Call(c)) => c.func.range() == call.range(),
                    Some(Expr::Await(_)) => {
                        return Err(format!("`{}` (line {line}) is already awaited", shown(call.range())));
                    }
                    _ => false,
                };
                self.awaits.push((call.range(), parens));
                if matches!(method, "execute" | "executemany" | "executescript" | "rollback") {
                    let select = method == "execute"
                        && matches!(call.arguments.args.first(), Some(Expr::StringLiteral(sql))
                            if sql.value.to_str().trim_start().get(..6).is_some_and(|w| w.eq_ignore_ascii_case("select")));
                    self.statements.push((call.range(), method.to_string(), select));
                }
                if row.action == Action::AwaitClose {
                    self.closes.push(call.range());
                }
                if row.action == Action::AwaitCursor {
                    self.value(source, occ, chain, Kind::Cursor, call.range())
                } else {
                    Ok(())
                }
            }
            Action::Iterate | Action::Open => unreachable!("not an attribute row"),
        }
    }
}

fn is_name(source: &str, range: TextRange) -> bool {
    source[range].chars().all(|c| c == '_' || c.is_alphanumeric())
}

/// Names bound by a single-name assignment anywhere in `body` (candidate cursor names).
fn assigned_names(body: &[Stmt]) -> Vec<String> {
    struct Finder(Vec<String>);
    impl<'a> SourceOrderVisitor<'a> for Finder {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            if let Stmt::Assign(a) = stmt
                && let [Expr::Name(n)] = &a.targets[..]
            {
                self.0.push(n.id.to_string());
            }
            source_order::walk_stmt(self, stmt);
        }
    }
    let mut finder = Finder(Vec::new());
    finder.visit_body(body);
    finder.0.sort();
    finder.0.dedup();
    finder.0
}

fn line_of(source: &str, offset: TextSize) -> usize {
    source[..usize::from(offset)].matches('\n').count() + 1
}

fn truncate(text: &str) -> String {
    let line = text.lines().next().unwrap_or_default();
    if line.len() > 60 || line.len() < text.len() {
        format!("{}...", line.chars().take(57).collect::<String>())
    } else {
        line.to_string()
    }
}
