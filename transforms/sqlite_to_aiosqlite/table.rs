//! The sqlite3 → aiosqlite mapping table: every use of a connection made by `sqlite3.connect`
//! in `async def`, and of the cursors it makes, that the migration rewrites. Anything not
//! listed refuses the migration of that connection, naming the use. Each row names the
//! behaviour programs (in `tests/behaviour/sqlite-to-aiosqlite/`) that prove it against
//! CPython's sqlite3 and aiosqlite 0.22.1.

/// What a row is about.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    /// `sqlite3.connect(...)` itself.
    Connect,
    /// A use of the connection `conn`.
    Connection,
    /// A use of a cursor (`cur = conn.execute(...)`, `conn.cursor()`, ...).
    Cursor,
}

/// What the rewrite does with a use.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Action {
    /// A method call that becomes `await x.m(...)` and yields a cursor.
    AwaitCursor,
    /// A method call that becomes `await x.m(...)` and yields a plain value.
    AwaitValue,
    /// `x.close()`: awaited; nothing may use the connection after it.
    AwaitClose,
    /// An attribute read, unchanged.
    Read,
    /// An attribute assignment (`x.a = v`), unchanged.
    Write,
    /// Iterated by `for`: becomes `async for`.
    Iterate,
    /// The connect statement.
    Open,
}

pub struct Row {
    pub kind: Kind,
    /// The use in sqlite3: `execute()` a call, `total_changes` a read, `row_factory =` an
    /// assignment, `for _ in` iteration.
    pub sqlite3: &'static str,
    pub aiosqlite: &'static str,
    pub action: Action,
    pub note: &'static str,
    pub proof: &'static str,
}

const fn row(
    kind: Kind,
    sqlite3: &'static str,
    aiosqlite: &'static str,
    action: Action,
    note: &'static str,
    proof: &'static str,
) -> Row {
    Row { kind, sqlite3, aiosqlite, action, note, proof }
}

use Action::*;
use Kind::*;

pub static ROWS: &[Row] = &[
    row(Connect, "conn = sqlite3.connect(db, **kw)", "async with aiosqlite.connect(db, **kw) as conn:", Open, "an assignment statement of its own; the rest of its block moves into the `async with` (closed when the block ends; sqlite3's closes when its last reference goes, which drops an uncommitted transaction the same way); keywords passed on (`timeout=`, `detect_types=`, `isolation_level=`, `check_same_thread=`, `uri=`, ...); a second positional argument, `factory=`, `*args`, `**kwargs` refuse; a database that cannot be opened raises sqlite3's `OperationalError` in both", "execute_fetchall, no_close, aliases, attack_implicit_transaction, attack_nested_blocks, attack_positional_arguments, attack_connect_fails"),
    row(Connection, "execute()", "await conn.execute()", AwaitCursor, "yields a cursor", "execute_fetchall, attack_chained"),
    row(Connection, "executemany()", "await conn.executemany()", AwaitCursor, "yields a cursor", "executemany_script, fetchmany"),
    row(Connection, "executescript()", "await conn.executescript()", AwaitCursor, "yields a cursor", "executemany_script"),
    row(Connection, "cursor()", "await conn.cursor()", AwaitCursor, "yields a cursor", "cursor_methods, attack_row_factory_after_cursor"),
    row(Connection, "commit()", "await conn.commit()", AwaitValue, "", "commit_rollback, attack_implicit_transaction"),
    row(Connection, "rollback()", "await conn.rollback()", AwaitValue, "", "commit_rollback"),
    row(Connection, "close()", "await conn.close()", AwaitClose, "not inside a loop of the block; no use of the connection or its cursors after it (sqlite3 raises `ProgrammingError`, aiosqlite `ValueError`)", "execute_fetchall, commit_rollback, attack_use_after_close"),
    row(Connection, "total_changes", "conn.total_changes", Read, "", "executemany_script, no_close"),
    row(Connection, "in_transaction", "conn.in_transaction", Read, "sqlite3's implicit `BEGIN` before DML is kept (the same sqlite3 connection underneath)", "executemany_script, attack_implicit_transaction"),
    row(Connection, "isolation_level", "conn.isolation_level", Read, "read only: assigning it raises `ProgrammingError` in aiosqlite (set from the loop's thread)", "attack_implicit_transaction, attack_isolation_level"),
    row(Connection, "row_factory", "conn.row_factory", Read, "", "row_factory"),
    row(Connection, "row_factory =", "conn.row_factory = ...", Write, "`sqlite3.Row` kept (aiosqlite's `Row` is the same class); a cursor made before keeps its factory, as in sqlite3", "row_factory, attack_row_factory_after_cursor"),
    row(Connection, "text_factory", "conn.text_factory", Read, "", "attack_row_factory_after_cursor"),
    row(Connection, "text_factory =", "conn.text_factory = ...", Write, "", "attack_row_factory_after_cursor"),
    row(Cursor, "execute()", "await cur.execute()", AwaitCursor, "yields the cursor", "cursor_methods"),
    row(Cursor, "executemany()", "await cur.executemany()", AwaitCursor, "yields the cursor", "cursor_methods"),
    row(Cursor, "executescript()", "await cur.executescript()", AwaitCursor, "yields the cursor", "cursor_methods"),
    row(Cursor, "fetchone()", "await cur.fetchone()", AwaitValue, "", "cursor_methods, attack_chained"),
    row(Cursor, "fetchall()", "await cur.fetchall()", AwaitValue, "", "execute_fetchall, fetchmany"),
    row(Cursor, "fetchmany()", "await cur.fetchmany()", AwaitValue, "with a size (positional or `size=`) or without (the cursor's `arraysize`)", "fetchmany"),
    row(Cursor, "close()", "await cur.close()", AwaitValue, "", "cursor_methods"),
    row(Cursor, "lastrowid", "cur.lastrowid", Read, "", "cursor_methods"),
    row(Cursor, "rowcount", "cur.rowcount", Read, "", "cursor_methods, executemany_script"),
    row(Cursor, "description", "cur.description", Read, "", "cursor_methods"),
    row(Cursor, "arraysize", "cur.arraysize", Read, "", "fetchmany"),
    row(Cursor, "arraysize =", "cur.arraysize = ...", Write, "", "fetchmany"),
    row(Cursor, "row_factory", "cur.row_factory", Read, "", "attack_row_factory_after_cursor"),
    row(Cursor, "row_factory =", "cur.row_factory = ...", Write, "", "attack_row_factory_after_cursor"),
    row(Cursor, "for _ in", "async for _ in cur", Iterate, "a cursor made in the `for` header (`for r in conn.execute(q):`), or a cursor name used nowhere after the loop and not iterated inside an outer loop of the block (aiosqlite fetches 64 rows at a time: after a `break`, the next `fetchone()` would skip rows); the loop body may run only literal `SELECT`s and `commit()` on the connection (a change to rows ahead would be missed)", "iterate_cursor, attack_async_generator, attack_iterate_then_fetch, nested_select_loop, attack_iterate_while_writing"),
];

/// The row for `use_` of an object of `kind`.
pub fn find(kind: Kind, use_: &str) -> Option<&'static Row> {
    ROWS.iter().find(|r| r.kind == kind && r.sqlite3 == use_)
}

/// The table as Markdown, for `asyncup explain sqlite-to-aiosqlite`.
pub fn render() -> String {
    let mut out = String::from(
        "\n## Mapping table\n\
         Every use below is migrated as shown; any other use of the connection or of a cursor it\n\
         made refuses the migration of that connection, naming the use. Each row is proven by the\n\
         behaviour programs named.\n\n\
         | object | sqlite3 | aiosqlite | note | proven by |\n|---|---|---|---|---|\n",
    );
    for row in ROWS {
        let object = match row.kind {
            Kind::Connect => "`sqlite3`",
            Connection => "connection `conn`",
            Cursor => "cursor `cur`",
        };
        out.push_str(&format!(
            "| {object} | `{}` | `{}` | {} | {} |\n",
            row.sqlite3, row.aiosqlite, row.note, row.proof
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_found() {
        assert_eq!(find(Connection, "execute()").map(|r| r.action), Some(AwaitCursor));
        assert_eq!(find(Cursor, "arraysize =").map(|r| r.action), Some(Write));
        assert!(find(Connection, "isolation_level =").is_none());
        assert!(find(Connection, "iterdump()").is_none());
        assert!(find(Cursor, "connection").is_none());
    }

    #[test]
    fn every_proof_is_a_behaviour_program() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/behaviour/sqlite-to-aiosqlite");
        for row in ROWS {
            for program in row.proof.split(", ") {
                assert!(dir.join(format!("{program}.py")).is_file(), "{}: no program {program}", row.sqlite3);
            }
        }
    }
}
