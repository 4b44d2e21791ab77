//! Import editing: spell a name a rewrite needs with the file's own binding (adding an import
//! when there is none), and remove imports a rewrite left unused.

use std::collections::HashSet;

use ruff_python_ast::token::{TokenKind, Tokens};
use ruff_python_ast::visitor::source_order::{self, SourceOrderVisitor};
use ruff_python_ast::{Expr, Stmt};
use ruff_source_file::LineRanges;
use ruff_text_size::{Ranged, TextRange};

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
        && let Some(last) = import.names.last()
    {
        return Ok(Spelled {
            name: member.to_string(),
            edit: Some(Edit::insertion(format!(", {member}"), last.end())),
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

/// Insert the import statement `line` after the last top-level import, or after the module
/// docstring, or before the first statement.
pub fn add_import(cx: &Checker, line: &str) -> Edit {
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
                    matches!(t.kind(), TokenKind::String | TokenKind::FStringMiddle)
                        && source[t.range()].contains(name)
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
    for stmt in suite {
        let (range, aliases) = match stmt {
            Stmt::Import(import) => (import.range, &import.names),
            Stmt::ImportFrom(import) => (import.range, &import.names),
            _ => continue,
        };
        let bound = |alias: &ruff_python_ast::Alias| -> String {
            match (&alias.asname, stmt) {
                (Some(asname), _) => asname.to_string(),
                (None, Stmt::Import(_)) => {
                    alias.name.split('.').next().unwrap_or_default().to_string()
                }
                (None, _) => alias.name.to_string(),
            }
        };
        let remove: Vec<usize> = (0..aliases.len())
            .filter(|&i| unused(&bound(&aliases[i])))
            .collect();
        if remove.is_empty() || comments.iter().any(|c| range.contains_range(*c)) {
            continue;
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
            continue;
        }
        // Delete each run of removed aliases with the comma that joins it to a kept neighbour.
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
