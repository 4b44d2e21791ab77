//! Import editing: spell a name a rewrite needs with the file's own binding (adding an import
//! when there is none), and remove imports a rewrite left unused.

use std::collections::HashSet;

use ruff_python_ast::token::{TokenKind, Tokens};
use ruff_python_ast::visitor::source_order::{self, SourceOrderVisitor};
use ruff_python_ast::{Expr, Stmt};
use ruff_source_file::LineRanges;
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::checker::Checker;
use crate::edit::Edit;

/// How a rewrite spells `module.member`, and the import edit that makes the spelling valid.
#[derive(Clone, Debug)]
pub struct Spelled {
    pub name: String,
    pub edit: Option<Edit>,
}

/// Spell `module.member` where the checker stands: through an existing `import module [as m]`
/// (`m.member`), an existing `from module import member [as x]` (`x`), else by adding `member`
/// to a top-level `from module import ...`, else by adding `import module` after the last
/// top-level import. Refused when the needed name is already used for something else.
pub fn spell(cx: &Checker, module: &str, member: &str) -> Result<Spelled, String> {
    let imports = cx.imports();
    if let Some(alias) = imports.module_alias(module) {
        return Ok(Spelled {
            name: format!("{alias}.{member}"),
            edit: None,
        });
    }
    if let Some(local) = imports.member_alias(module, member) {
        return Ok(Spelled {
            name: local,
            edit: None,
        });
    }
    let suite = cx.suite();
    let from_import = suite.iter().rev().find_map(|stmt| match stmt {
        Stmt::ImportFrom(import)
            if import.level == 0
                && import.module.as_ref().is_some_and(|m| m.as_str() == module)
                && import.names.iter().all(|a| a.name.as_str() != "*") =>
        {
            Some(import)
        }
        _ => None,
    });
    if let Some(import) = from_import
        && !cx.name_in_file(member)
        && !import.names.is_empty()
    {
        return Ok(Spelled {
            name: member.to_string(),
            edit: Some(add_member(cx, import, member)),
        });
    }
    if bound_anywhere(cx, module) {
        return Err(format!(
            "the name `{module}` is used for something else in this file"
        ));
    }
    Ok(Spelled {
        name: format!("{module}.{member}"),
        edit: Some(add_import(cx, &format!("import {module}"))),
    })
}

/// Add `member` to `from module import ...`: in sorted position when the names are sorted the
/// way isort sorts them (constants, then classes, then the rest), else at the end; one per line
/// when the statement already has one per line.
fn add_member(cx: &Checker, import: &ruff_python_ast::StmtImportFrom, member: &str) -> Edit {
    let key = |name: &str| {
        let rank = if name.len() > 1 && name.chars().all(|c| !c.is_lowercase()) {
            0
        } else if name.starts_with(char::is_uppercase) {
            1
        } else {
            2
        };
        (rank, name.to_ascii_lowercase())
    };
    let names = &import.names;
    let sorted = names
        .windows(2)
        .all(|w| key(w[0].name.as_str()) <= key(w[1].name.as_str()));
    let source = cx.source();
    let multiline = source[import.range()].contains(['\n', '\r']);
    let before = names
        .iter()
        .find(|alias| sorted && key(alias.name.as_str()) > key(member));
    match (before, multiline) {
        (Some(next), false) => Edit::insertion(format!("{member}, "), next.start()),
        (Some(next), true) => {
            let indent = &source[TextRange::new(source.line_start(next.start()), next.start())];
            let nl = cx.line_ending_at(next.start());
            Edit::insertion(format!("{member},{nl}{indent}"), next.start())
        }
        (None, false) => Edit::insertion(format!(", {member}"), names.last().expect("names").end()),
        (None, true) => {
            let last = names.last().expect("names");
            let indent = &source[TextRange::new(source.line_start(last.start()), last.start())];
            let nl = cx.line_ending_at(last.start());
            Edit::insertion(format!(",{nl}{indent}{member}"), last.end())
        }
    }
}

/// Is `name` spelled by a token outside the module part of import statements?
fn bound_anywhere(cx: &Checker, name: &str) -> bool {
    // `from asyncio import gather` spells `asyncio` without binding it.
    cx.name_in_file(name) && names_outside_import_modules(cx.tokens(), cx.source()).contains(name)
}

/// Name tokens, leaving out module paths of `from X import`, `import X.Y` (keeps the bound
/// first segment of a plain `import a.b`) and the renamed module of `import X as Y`.
fn names_outside_import_modules<'s>(tokens: &Tokens, source: &'s str) -> HashSet<&'s str> {
    let mut names = HashSet::new();
    let mut at_line_start = true;
    let mut in_from_module = false;
    let mut in_import = false;
    let mut prev = TokenKind::Newline;
    for (i, token) in tokens.iter().enumerate() {
        let kind = token.kind();
        // In `import asyncio as aio` only `aio` is bound.
        let renamed = in_import
            && tokens
                .get(i + 1)
                .is_some_and(|next| next.kind() == TokenKind::As);
        match kind {
            TokenKind::From if at_line_start => in_from_module = true,
            TokenKind::Import => {
                in_from_module = false;
                in_import = true;
            }
            TokenKind::Name if !in_from_module && prev != TokenKind::Dot && !renamed => {
                names.insert(&source[token.range()]);
            }
            _ => {}
        }
        if !matches!(kind, TokenKind::Comment | TokenKind::NonLogicalNewline) {
            at_line_start = matches!(
                kind,
                TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent | TokenKind::Semi
            );
            prev = kind;
        }
        if kind == TokenKind::Newline {
            in_from_module = false;
            in_import = false;
        }
    }
    names
}

/// Insert the module-level statement `line`. An import (`import m`, `from m import x`) goes
/// where isort (and ruff's `I001`) would put it: into the leading import block's group of its
/// kind (`__future__`, standard library, third party, relative), in sorted position (plain
/// imports before from-imports, each by module name); a kind the file has no group for gets a
/// new group in the kinds' order. Any other line (or an import in a file without a leading
/// import block) goes after the last top-level import, or after the module docstring, or
/// before the first statement.
pub fn add_import(cx: &Checker, line: &str) -> Edit {
    if let Some(new) = ImportLine::parse(line)
        && let Some(edit) = insert_into_groups(cx, line, &new)
    {
        return edit;
    }
    after_last_import(cx, line)
}

fn after_last_import(cx: &Checker, line: &str) -> Edit {
    let source = cx.source();
    let suite = cx.suite();
    let last_import = suite
        .iter()
        .rev()
        .find(|s| matches!(s, Stmt::Import(_) | Stmt::ImportFrom(_)));
    let docstring = suite
        .first()
        .filter(|s| matches!(s, Stmt::Expr(e) if matches!(&*e.value, Expr::StringLiteral(_))));
    match last_import.or(docstring) {
        Some(anchor) => {
            let nl = cx.line_ending_at(anchor.end());
            Edit::insertion(format!("{nl}{line}"), source.line_end(anchor.end()))
        }
        None => {
            let at = suite
                .first()
                .map_or(source.text_len_as_size(), |s| source.line_start(s.start()));
            Edit::insertion(format!("{line}{}", cx.line_ending_at(at)), at)
        }
    }
}

/// How insertions at one offset are ordered (after their offset): new import lines in isort
/// order (section, then plain before from, then module), then anything else in the order
/// given. Two imports added by one fix at one spot (`import json` in a new group before the
/// third-party group that `import httpx` joins) then come out in the order isort wants.
pub fn insertion_order(edit: &Edit) -> (bool, Option<(Section, ImportKey)>) {
    if !edit.is_insertion() {
        return (true, None);
    }
    match ImportLine::parse(edit.content().trim()) {
        Some(line) => (false, Some((line.section, line.key))),
        None => (true, None),
    }
}

/// isort's sections, in their order.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Section {
    Future,
    StandardLibrary,
    ThirdParty,
    Relative,
}

fn section_of(module: &str, relative: bool) -> Section {
    let top = module.split('.').next().unwrap_or_default();
    if relative {
        Section::Relative
    } else if top == "__future__" {
        Section::Future
    } else if STDLIB.binary_search(&top).is_ok() {
        Section::StandardLibrary
    } else {
        Section::ThirdParty
    }
}

/// The sort key of an import statement inside its section: plain imports first, then by
/// module name, case-insensitively (isort's default `force_sort_within_sections = false`).
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ImportKey {
    is_from: bool,
    module: String,
}

struct ImportLine {
    key: ImportKey,
    section: Section,
}

impl ImportLine {
    fn parse(line: &str) -> Option<Self> {
        let (is_from, module) = if let Some(rest) = line.strip_prefix("import ") {
            (false, rest.split([' ', ',']).next()?)
        } else if let Some(rest) = line.strip_prefix("from ") {
            (true, rest.split(' ').next()?)
        } else {
            return None;
        };
        let relative = module.starts_with('.');
        Some(Self {
            section: section_of(module, relative),
            key: ImportKey {
                is_from,
                module: module.to_ascii_lowercase(),
            },
        })
    }

    fn of_stmt(stmt: &Stmt) -> Option<Self> {
        match stmt {
            Stmt::Import(import) => {
                let module = import.names.first()?.name.as_str();
                Some(Self {
                    section: section_of(module, false),
                    key: ImportKey {
                        is_from: false,
                        module: module.to_ascii_lowercase(),
                    },
                })
            }
            Stmt::ImportFrom(import) => {
                let module = import.module.as_ref().map_or("", |m| m.as_str());
                Some(Self {
                    section: section_of(module, import.level > 0),
                    key: ImportKey {
                        is_from: true,
                        module: module.to_ascii_lowercase(),
                    },
                })
            }
            _ => None,
        }
    }
}

/// Place `line` in the file's leading import block (after the docstring): the top-level
/// imports up to the first other statement, split into groups by blank lines. `None` when the
/// file has no such block.
fn insert_into_groups(cx: &Checker, line: &str, new: &ImportLine) -> Option<Edit> {
    let source = cx.source();
    let suite = cx.suite();
    let skip_docstring = usize::from(suite.first().is_some_and(
        |s| matches!(s, Stmt::Expr(e) if matches!(&*e.value, Expr::StringLiteral(_))),
    ));
    let block: Vec<(&Stmt, ImportLine)> = suite[skip_docstring..]
        .iter()
        .map_while(|stmt| ImportLine::of_stmt(stmt).map(|import| (stmt, import)))
        .collect();
    if block.is_empty() {
        return None;
    }
    // Groups: runs of imports with no blank line (or comment line) between them.
    let mut groups: Vec<Vec<&(&Stmt, ImportLine)>> = vec![vec![&block[0]]];
    for pair in block.windows(2) {
        let between = &source[TextRange::new(pair[0].0.end(), pair[1].0.start())];
        let separated = between.lines().skip(1).any(|l| l.trim().is_empty());
        if separated {
            groups.push(Vec::new());
        }
        groups.last_mut().expect("a group").push(&pair[1]);
    }
    let nl = cx.line_ending_at(block[0].0.end());
    let section_of_group = |group: &Vec<&(&Stmt, ImportLine)>| {
        // A group's section: that of most of its imports' (the first on a tie).
        group.iter().map(|(_, i)| i.section).min_by_key(|section| {
            std::cmp::Reverse(group.iter().filter(|(_, i)| i.section == *section).count())
        })
    };
    if let Some(group) = groups
        .iter()
        .find(|g| section_of_group(g) == Some(new.section))
    {
        // Before the first import that sorts after the new one, else after the group; never
        // before a `from __future__` import (one in an unsorted group, discord.py's
        // `from __future__ import annotations` then `import logging`), which must come first.
        let after_future = group
            .iter()
            .rposition(|(_, i)| i.section == Section::Future)
            .map_or(0, |p| p + 1);
        return Some(
            match group[after_future..].iter().find(|(_, i)| i.key > new.key) {
                Some((stmt, _)) => {
                    Edit::insertion(format!("{line}{nl}"), source.line_start(stmt.start()))
                }
                None => {
                    let last = group.last().expect("non-empty group").0;
                    Edit::insertion(format!("{nl}{line}"), source.line_end(last.end()))
                }
            },
        );
    }
    // A new group: before the first group of a later section, else after the last group.
    match groups
        .iter()
        .find(|g| section_of_group(g).is_some_and(|s| s > new.section))
    {
        Some(group) => {
            let first = group[0].0;
            Some(Edit::insertion(
                format!("{line}{nl}{nl}"),
                source.line_start(first.start()),
            ))
        }
        None => {
            let last = groups.last()?.last()?.0;
            Some(Edit::insertion(
                format!("{nl}{nl}{line}"),
                source.line_end(last.end()),
            ))
        }
    }
}

/// The run of consecutive import statements of `body` that holds `anchor`: what ruff's
/// `I001` (and isort) sort as one block, also inside a function or an `if`.
fn import_block<'s>(body: &'s [Stmt], anchor: &Stmt) -> &'s [Stmt] {
    let Some(at) = body.iter().position(|s| s.range() == anchor.range()) else {
        return &[];
    };
    let is_import = |s: &Stmt| matches!(s, Stmt::Import(_) | Stmt::ImportFrom(_));
    let start = body[..at]
        .iter()
        .rposition(|s| !is_import(s))
        .map_or(0, |i| i + 1);
    let end = body[at..]
        .iter()
        .position(|s| !is_import(s))
        .map_or(body.len(), |i| at + i);
    &body[start..end]
}

/// Insert the import `line` among the imports of the block (see [`import_block`]) that holds
/// `anchor` in `body`, where isort puts it: before the first import of its section that sorts
/// after it, else after the last one of its section (`skip` is left out: a statement the same
/// fix deletes), else next to `anchor`. At `anchor`'s indentation: imports local to a function
/// or a block stay there. `None` when `anchor` does not start its line (`if x: import y`).
pub fn add_import_in_block(
    cx: &Checker,
    body: &[Stmt],
    anchor: &Stmt,
    line: &str,
    skip: Option<&Stmt>,
) -> Option<Edit> {
    let source = cx.source();
    let new = ImportLine::parse(line)?;
    let indent = ruff_python_trivia::indentation_at_offset(anchor.start(), source)?;
    let nl = cx.line_ending_at(anchor.start());
    let same_section: Vec<(&Stmt, ImportLine)> = import_block(body, anchor)
        .iter()
        .filter(|s| skip.is_none_or(|skip| skip.range() != s.range()))
        .filter_map(|s| ImportLine::of_stmt(s).map(|i| (s, i)))
        .filter(|(_, i)| i.section == new.section)
        .collect();
    let starts_line =
        |stmt: &Stmt| ruff_python_trivia::indentation_at_offset(stmt.start(), source).is_some();
    let before = |stmt: &Stmt| {
        Edit::insertion(
            format!("{indent}{line}{nl}"),
            source.line_start(stmt.start()),
        )
    };
    let after =
        |stmt: &Stmt| Edit::insertion(format!("{nl}{indent}{line}"), source.line_end(stmt.end()));
    if let Some((next, _)) = same_section.iter().find(|(_, i)| i.key > new.key) {
        return starts_line(next).then(|| before(next));
    }
    // After a statement only when nothing follows it on its line (`import a; f()`).
    let ends_line = |stmt: &Stmt| {
        source[TextRange::new(stmt.end(), source.line_end(stmt.end()))]
            .trim()
            .chars()
            .next()
            .is_none_or(|c| c == '#')
    };
    match same_section.last() {
        Some((last, _)) if ends_line(last) => Some(after(last)),
        None if skip.is_none() && ends_line(anchor) => Some(after(anchor)),
        _ => Some(before(anchor)),
    }
}

/// Replace the import statement `old` (in `body`) with the import `line`: in place (same line,
/// its comment kept) when that keeps its block in isort order, else `old`'s line goes and
/// `line` (with `old`'s trailing comment) is inserted where isort puts it. `None` when `old`
/// does not start its line and cannot be replaced in place.
pub fn replace_import_in_block(
    cx: &Checker,
    body: &[Stmt],
    old: &Stmt,
    line: &str,
) -> Option<Vec<Edit>> {
    let source = cx.source();
    let new = ImportLine::parse(line)?;
    let block = import_block(body, old);
    let at = block.iter().position(|s| s.range() == old.range())?;
    let keys = |stmts: &[Stmt]| -> Vec<ImportKey> {
        stmts
            .iter()
            .filter_map(ImportLine::of_stmt)
            .filter(|i| i.section == new.section)
            .map(|i| i.key)
            .collect()
    };
    let in_order = keys(&block[..at]).iter().all(|k| *k <= new.key)
        && keys(&block[at + 1..]).iter().all(|k| *k >= new.key);
    let full = source.full_lines_range(old.range());
    let alone = source[TextRange::new(full.start(), old.start())]
        .trim()
        .is_empty()
        && source[TextRange::new(old.end(), source.line_end(old.end()))]
            .trim()
            .chars()
            .next()
            .is_none_or(|c| c == '#');
    if in_order || !alone {
        return Some(vec![Edit::replacement(line, old.range())]);
    }
    // Move, with the comment that follows it on its line.
    let trailing = &source[TextRange::new(old.end(), source.line_end(old.end()))];
    let moved = format!("{line}{}", trailing.trim_end());
    let insertion = add_import_in_block(cx, body, old, &moved, Some(old))?;
    Some(vec![Edit::deletion(full), insertion])
}

/// The names an import statement binds, one per alias (`rq` for `import requests as rq`, `a`
/// for `import a.b`, `get` for `from requests import get`); empty for other statements.
pub fn bound_names(stmt: &Stmt) -> Vec<String> {
    match stmt {
        Stmt::Import(import) => import
            .names
            .iter()
            .map(|alias| match &alias.asname {
                Some(asname) => asname.to_string(),
                None => alias.name.split('.').next().unwrap_or_default().to_string(),
            })
            .collect(),
        Stmt::ImportFrom(import) => import
            .names
            .iter()
            .map(|alias| alias.asname.as_ref().unwrap_or(&alias.name).to_string())
            .collect(),
        _ => Vec::new(),
    }
}

/// Edits removing the aliases at `remove` (indices into its names) from the import statement
/// `stmt`: the whole statement with its line when all go (only when it is alone on its line and
/// holds no comment, else nothing), else each run of aliases with the comma that joins it to a
/// kept neighbour.
pub fn remove_aliases(
    source: &str,
    stmt: &Stmt,
    remove: &[usize],
    comments: &[TextRange],
) -> Vec<Edit> {
    let (range, aliases) = match stmt {
        Stmt::Import(import) => (import.range, &import.names),
        Stmt::ImportFrom(import) => (import.range, &import.names),
        _ => return Vec::new(),
    };
    let mut edits = Vec::new();
    if remove.is_empty() || comments.iter().any(|c| range.contains_range(*c)) {
        return edits;
    }
    if remove.len() == aliases.len() {
        let line = source.full_lines_range(range);
        let alone = source[TextRange::new(line.start(), range.start())]
            .trim()
            .is_empty()
            && source[TextRange::new(range.end(), line.end())]
                .trim()
                .is_empty();
        if alone {
            edits.push(Edit::deletion(line));
        }
        return edits;
    }
    let mut i = 0;
    while i < aliases.len() {
        if !remove.contains(&i) {
            i += 1;
            continue;
        }
        let mut j = i;
        while remove.contains(&(j + 1)) {
            j += 1;
        }
        let range = match aliases.get(j + 1) {
            Some(next) => TextRange::new(aliases[i].start(), next.start()),
            None => TextRange::new(aliases[i - 1].end(), aliases[j].end()),
        };
        edits.push(Edit::deletion(range));
        i = j + 1;
    }
    edits
}

trait TextLen {
    fn text_len_as_size(&self) -> ruff_text_size::TextSize;
}
impl TextLen for str {
    fn text_len_as_size(&self) -> ruff_text_size::TextSize {
        ruff_text_size::TextSize::of(self)
    }
}

/// Edits removing the module-level import bindings of `names` that nothing in the file uses
/// any more. An alias is removed from its statement; a statement left empty goes with its line.
/// Nothing is removed from `__init__.py` (imports there are re-exports), from a statement that
/// shares its line or has comments, or when the file has `__all__` and a string mentions the name.
pub fn remove_unused_imports(
    source: &str,
    suite: &[Stmt],
    tokens: &Tokens,
    names: &[String],
    file_name: &str,
) -> Vec<Edit> {
    if file_name.ends_with("__init__.py") || names.is_empty() {
        return Vec::new();
    }
    let wanted: HashSet<&str> = names.iter().map(String::as_str).collect();
    let mut counter = NameUses {
        wanted: &wanted,
        used: HashSet::new(),
    };
    counter.visit_body(suite);
    // A name listed in `__all__` is a re-export: keep it.
    let has_all = tokens
        .iter()
        .any(|t| t.kind() == TokenKind::Name && &source[t.range()] == "__all__");
    let in_strings: HashSet<&str> = wanted
        .iter()
        .copied()
        .filter(|name| {
            has_all
                && tokens.iter().any(|t| {
                    // A string that is the name (`"sys"` in `__all__`), not one that holds it
                    // ("file system" in a docstring).
                    t.kind() == TokenKind::String
                        && source[t.range()]
                            .trim_start_matches(|c: char| c.is_ascii_alphabetic())
                            .trim_matches(|c| c == '"' || c == '\'')
                            == *name
                })
        })
        .collect();
    let unused = |name: &str| {
        wanted.contains(name) && !counter.used.contains(name) && !in_strings.contains(name)
    };

    let comments: Vec<TextRange> = tokens
        .iter()
        .filter(|t| t.kind() == TokenKind::Comment)
        .map(Ranged::range)
        .collect();
    let mut edits = Vec::new();
    let mut whole_lines: Vec<TextRange> = Vec::new();
    for stmt in suite {
        let remove: Vec<usize> = bound_names(stmt)
            .iter()
            .enumerate()
            .filter(|(_, name)| unused(name))
            .map(|(i, _)| i)
            .collect();
        let all = !remove.is_empty() && remove.len() == bound_names(stmt).len();
        let stmt_edits = remove_aliases(source, stmt, &remove, &comments);
        if all {
            // A whole line: removed with the blank separator of a group it empties.
            whole_lines.extend(
                stmt_edits
                    .iter()
                    .map(|e| TextRange::new(e.start(), e.end())),
            );
        } else {
            edits.extend(stmt_edits);
        }
    }
    edits.extend(blank_separated_lines(source, whole_lines));
    edits
}

/// Deletions for whole import lines; where the lines removed were a whole group (a blank line
/// or the file's start before them, a blank line after), the blank line after goes too, so no
/// group leaves an empty group's separator behind (or a file that starts with a blank line).
fn blank_separated_lines(source: &str, mut lines: Vec<TextRange>) -> Vec<Edit> {
    lines.sort_by_key(|r| r.start());
    let is_blank = |range: TextRange| source[range].trim().is_empty();
    let mut edits = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let mut j = i;
        while j + 1 < lines.len() && lines[j + 1].start() == lines[j].end() {
            j += 1;
        }
        let run = TextRange::new(lines[i].start(), lines[j].end());
        let before_blank = run.start() == 0.into()
            || is_blank(source.full_line_range(run.start() - TextSize::from(1)));
        let after = source.full_line_range(run.end());
        let after_blank = run.end() < TextSize::of(source) && !after.is_empty() && is_blank(after);
        let mut end = run.end();
        if before_blank && after_blank {
            end = after.end();
            // At the file's start, every blank line after goes: no file starts with one.
            while run.start() == 0.into() && end < TextSize::of(source) {
                let next = source.full_line_range(end);
                if next.is_empty() || !is_blank(next) {
                    break;
                }
                end = next.end();
            }
        }
        edits.push(Edit::deletion(TextRange::new(run.start(), end)));
        i = j + 1;
    }
    edits
}

struct NameUses<'w> {
    wanted: &'w HashSet<&'w str>,
    used: HashSet<String>,
}

impl<'a> SourceOrderVisitor<'a> for NameUses<'_> {
    fn visit_expr(&mut self, expr: &'a Expr) {
        if let Expr::Name(name) = expr
            && self.wanted.contains(name.id.as_str())
        {
            self.used.insert(name.id.to_string());
        }
        source_order::walk_expr(self, expr);
    }
}

/// Top-level modules of the standard library (CPython 3.11 `sys.stdlib_module_names`, public ones):
/// a new import of one of them goes into the file's standard-library group.
pub const STDLIB: &[&str] = &[
    "abc",
    "aifc",
    "antigravity",
    "argparse",
    "array",
    "ast",
    "asynchat",
    "asyncio",
    "asyncore",
    "atexit",
    "audioop",
    "base64",
    "bdb",
    "binascii",
    "bisect",
    "builtins",
    "bz2",
    "cProfile",
    "calendar",
    "cgi",
    "cgitb",
    "chunk",
    "cmath",
    "cmd",
    "code",
    "codecs",
    "codeop",
    "collections",
    "colorsys",
    "compileall",
    "concurrent",
    "configparser",
    "contextlib",
    "contextvars",
    "copy",
    "copyreg",
    "crypt",
    "csv",
    "ctypes",
    "curses",
    "dataclasses",
    "datetime",
    "dbm",
    "decimal",
    "difflib",
    "dis",
    "distutils",
    "doctest",
    "email",
    "encodings",
    "ensurepip",
    "enum",
    "errno",
    "faulthandler",
    "fcntl",
    "filecmp",
    "fileinput",
    "fnmatch",
    "fractions",
    "ftplib",
    "functools",
    "gc",
    "genericpath",
    "getopt",
    "getpass",
    "gettext",
    "glob",
    "graphlib",
    "grp",
    "gzip",
    "hashlib",
    "heapq",
    "hmac",
    "html",
    "http",
    "idlelib",
    "imaplib",
    "imghdr",
    "imp",
    "importlib",
    "inspect",
    "io",
    "ipaddress",
    "itertools",
    "json",
    "keyword",
    "lib2to3",
    "linecache",
    "locale",
    "logging",
    "lzma",
    "mailbox",
    "mailcap",
    "marshal",
    "math",
    "mimetypes",
    "mmap",
    "modulefinder",
    "msilib",
    "msvcrt",
    "multiprocessing",
    "netrc",
    "nis",
    "nntplib",
    "nt",
    "ntpath",
    "nturl2path",
    "numbers",
    "opcode",
    "operator",
    "optparse",
    "os",
    "ossaudiodev",
    "pathlib",
    "pdb",
    "pickle",
    "pickletools",
    "pipes",
    "pkgutil",
    "platform",
    "plistlib",
    "poplib",
    "posix",
    "posixpath",
    "pprint",
    "profile",
    "pstats",
    "pty",
    "pwd",
    "py_compile",
    "pyclbr",
    "pydoc",
    "pydoc_data",
    "pyexpat",
    "queue",
    "quopri",
    "random",
    "re",
    "readline",
    "reprlib",
    "resource",
    "rlcompleter",
    "runpy",
    "sched",
    "secrets",
    "select",
    "selectors",
    "shelve",
    "shlex",
    "shutil",
    "signal",
    "site",
    "smtpd",
    "smtplib",
    "sndhdr",
    "socket",
    "socketserver",
    "spwd",
    "sqlite3",
    "sre_compile",
    "sre_constants",
    "sre_parse",
    "ssl",
    "stat",
    "statistics",
    "string",
    "stringprep",
    "struct",
    "subprocess",
    "sunau",
    "symtable",
    "sys",
    "sysconfig",
    "syslog",
    "tabnanny",
    "tarfile",
    "telnetlib",
    "tempfile",
    "termios",
    "textwrap",
    "this",
    "threading",
    "time",
    "timeit",
    "tkinter",
    "token",
    "tokenize",
    "tomllib",
    "trace",
    "traceback",
    "tracemalloc",
    "tty",
    "turtle",
    "turtledemo",
    "types",
    "typing",
    "unicodedata",
    "unittest",
    "urllib",
    "uu",
    "uuid",
    "venv",
    "warnings",
    "wave",
    "weakref",
    "webbrowser",
    "winreg",
    "winsound",
    "wsgiref",
    "xdrlib",
    "xml",
    "xmlrpc",
    "zipapp",
    "zipfile",
    "zipimport",
    "zlib",
    "zoneinfo",
];
