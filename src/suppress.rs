//! Suppression comments, as ruff's `# noqa`:
//!
//! - `# asyncup: ignore[id, id]` on a finding's first line, or on the last line of the simple
//!   statement that holds it, suppresses those ids there; `# asyncup: ignore` suppresses every
//!   id on that line;
//! - `# asyncup: skip-file` and `# asyncup: ignore-file[id, ...]` in the file's leading
//!   comment block (before any code) skip the file, or those ids in it.
//!
//! The directive may follow another comment on the line (`# noqa: E501  # asyncup: ignore`).
//! Suppressed findings are neither reported nor fixed. A directive (or one id of it) that
//! suppresses nothing, or names an id that does not exist, is itself a finding,
//! `unused-suppression`, whose safe fix removes it (like ruff's RUF100). `add_ignores`
//! writes directives for findings that remain (`check --add-ignore`).

use std::collections::{BTreeMap, BTreeSet};

use ruff_python_ast::token::{TokenKind, Tokens};
use ruff_python_ast::{ModModule, Stmt};
use ruff_python_parser::Parsed;
use ruff_source_file::LineRanges;
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::checker::Settings;
use crate::edit::{Edit, Finding, Fix};
use crate::registry;

/// The id of the engine's own finding for directives that suppress nothing.
pub const UNUSED_ID: &str = "unused-suppression";

#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    /// `ignore` (ids: None = every id) on one line.
    Line,
    /// `ignore-file[...]`.
    File,
    /// `skip-file`.
    Skip,
}

/// One `asyncup: ...` directive in a comment.
#[derive(Debug, Clone)]
struct Directive {
    kind: Kind,
    /// The ids listed, with their ranges; None for a bare `ignore`.
    ids: Option<Vec<(String, TextRange)>>,
    /// From the `#` that starts the directive to its end.
    range: TextRange,
    /// The whole comment token.
    comment: TextRange,
}

/// Parse the directive in a comment's text (the whole `# ...` token starting at `start`).
fn parse_comment(text: &str, start: TextSize) -> Option<Directive> {
    // The directive starts at a `#` (the comment's own, or a later one).
    let mut search = 0;
    while let Some(hash) = text[search..].find('#').map(|i| i + search) {
        search = hash + 1;
        let rest = text[hash + 1..].trim_start();
        let Some(body) = rest.strip_prefix("asyncup:") else {
            continue;
        };
        let body_offset = text.len() - body.len();
        let trimmed = body.trim_start();
        let word_offset = body_offset + (body.len() - trimmed.len());
        let (kind, word) = if trimmed.starts_with("skip-file") {
            (Kind::Skip, "skip-file")
        } else if trimmed.starts_with("ignore-file") {
            (Kind::File, "ignore-file")
        } else if trimmed.starts_with("ignore") {
            (Kind::Line, "ignore")
        } else {
            continue;
        };
        let after = word_offset + word.len();
        let at = |i: usize| start + TextSize::try_from(i).expect("small");
        let (ids, end) = if text[after..].starts_with('[') {
            let close = text[after..].find(']')? + after;
            let mut ids = Vec::new();
            let mut offset = after + 1;
            for part in text[after + 1..close].split(',') {
                let lead = part.len() - part.trim_start().len();
                let id = part.trim();
                if !id.is_empty() {
                    ids.push((
                        id.to_string(),
                        TextRange::new(at(offset + lead), at(offset + lead + id.len())),
                    ));
                }
                offset += part.len() + 1;
            }
            (Some(ids), close + 1)
        } else {
            // A bare word: the next character must end it (`ignored` is not a directive).
            if text[after..]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '_')
            {
                continue;
            }
            (None, after)
        };
        if kind == Kind::File && ids.is_none() {
            continue;
        }
        return Some(Directive {
            kind,
            ids,
            range: TextRange::new(at(hash), at(end)),
            comment: TextRange::at(start, TextSize::of(text)),
        });
    }
    None
}

/// Every directive of a file, from its comment tokens.
struct Directives {
    /// Line directives by the 0-based line they are on.
    lines: BTreeMap<usize, Directive>,
    file: Vec<Directive>,
    skip: bool,
}

fn line_of(source: &str, offset: TextSize) -> usize {
    source[..usize::from(offset)]
        .bytes()
        .filter(|&b| b == b'\n')
        .count()
}

fn collect(source: &str, tokens: &Tokens) -> Directives {
    let mut directives = Directives {
        lines: BTreeMap::new(),
        file: Vec::new(),
        skip: false,
    };
    let mut leading = true;
    for token in tokens.iter() {
        match token.kind() {
            TokenKind::Comment => {}
            TokenKind::NonLogicalNewline | TokenKind::Newline => continue,
            _ => {
                leading = false;
                continue;
            }
        }
        let Some(directive) = parse_comment(&source[token.range()], token.start()) else {
            continue;
        };
        match directive.kind {
            Kind::Skip if leading => directives.skip = true,
            Kind::File if leading => directives.file.push(directive),
            Kind::Line => {
                directives
                    .lines
                    .insert(line_of(source, token.start()), directive);
            }
            _ => {}
        }
    }
    directives
}

/// The innermost statement holding `offset`, and whether it is a simple statement.
fn innermost(suite: &[Stmt], offset: TextSize) -> Option<(&Stmt, bool)> {
    let stmt = suite.iter().find(|s| s.range().contains(offset))?;
    for body in crate::analysis::bodies_of(stmt) {
        if let Some(inner) = innermost(body, offset) {
            return Some(inner);
        }
    }
    let compound = !crate::analysis::bodies_of(stmt).is_empty();
    Some((stmt, !compound))
}

/// The 0-based lines where a directive suppresses `finding`: its first line, and the last line
/// of the simple statement that holds it.
fn finding_lines(source: &str, suite: &[Stmt], finding: &Finding) -> [usize; 2] {
    let first = line_of(source, finding.start());
    let last = match innermost(suite, finding.start()) {
        Some((stmt, true)) => line_of(source, stmt.end()),
        _ => first,
    };
    [first, last]
}

/// Remove suppressed findings; add `unused-suppression` findings when that id is enabled.
pub fn apply(
    findings: &mut Vec<Finding>,
    source: &str,
    parsed: &Parsed<ModModule>,
    settings: &Settings,
) {
    if !source.contains("asyncup:") {
        return;
    }
    let directives = collect(source, parsed.tokens());
    if directives.skip {
        findings.clear();
        return;
    }
    let suite = parsed.suite();
    // (line, id) pairs that suppressed something; id "" for a bare `ignore`.
    let mut used: BTreeSet<(usize, String)> = BTreeSet::new();
    let mut file_used: BTreeSet<String> = BTreeSet::new();
    findings.retain(|finding| {
        for directive in &directives.file {
            if directive
                .ids
                .iter()
                .flatten()
                .any(|(id, _)| id == finding.id)
            {
                file_used.insert(finding.id.to_string());
                return false;
            }
        }
        for line in finding_lines(source, suite, finding) {
            let Some(directive) = directives.lines.get(&line) else {
                continue;
            };
            match &directive.ids {
                None => {
                    used.insert((line, String::new()));
                    return false;
                }
                Some(ids) if ids.iter().any(|(id, _)| id == finding.id) => {
                    used.insert((line, finding.id.to_string()));
                    return false;
                }
                _ => {}
            }
        }
        true
    });
    if !settings.transforms.iter().any(|t| t.info().id == UNUSED_ID) {
        return;
    }
    // An id is only called unused when its transform ran on this file.
    let checked = |id: &str| {
        settings.transforms.iter().any(|t| {
            let info = t.info();
            info.id == id && info.min_version.is_none_or(|min| settings.target >= min)
        })
    };
    let known = |id: &str| registry::find(id).is_some();
    for (line, directive) in &directives.lines {
        match &directive.ids {
            None => {
                if !used.contains(&(*line, String::new())) {
                    findings.push(unused(source, directive, &[], "suppresses nothing"));
                }
            }
            Some(ids) => {
                let bad: Vec<&(String, TextRange)> = ids
                    .iter()
                    .filter(|(id, _)| {
                        !known(id) || (checked(id) && !used.contains(&(*line, id.clone())))
                    })
                    .collect();
                if !bad.is_empty() {
                    let why = describe(&bad, &known);
                    findings.push(unused(source, directive, &bad, &why));
                }
            }
        }
    }
    for directive in &directives.file {
        let ids = directive.ids.as_deref().unwrap_or_default();
        let bad: Vec<&(String, TextRange)> = ids
            .iter()
            .filter(|(id, _)| !known(id) || (checked(id) && !file_used.contains(id)))
            .collect();
        if !bad.is_empty() {
            let why = describe(&bad, &known);
            findings.push(unused(source, directive, &bad, &why));
        }
    }
    findings.sort_by_key(|f| (f.range.start(), f.id));
}

fn describe(bad: &[&(String, TextRange)], known: &dyn Fn(&str) -> bool) -> String {
    bad.iter()
        .map(|(id, _)| {
            if known(id) {
                format!("`{id}` suppresses nothing here")
            } else {
                format!("`{id}` is not a transform id (see `asyncup list`)")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The `unused-suppression` finding for `directive`, with a safe fix that removes the `bad`
/// ids (or the whole directive when nothing else is left in it).
fn unused(source: &str, directive: &Directive, bad: &[&(String, TextRange)], why: &str) -> Finding {
    let text = &source[directive.range];
    let message = format!("Unused suppression `{text}`: {why}");
    let keep: Vec<&str> = directive
        .ids
        .iter()
        .flatten()
        .filter(|(id, _)| !bad.iter().any(|(b, _)| b == id))
        .map(|(id, _)| id.as_str())
        .collect();
    let edit = if directive.ids.is_some() && !keep.is_empty() {
        let open = text.find('[').expect("ids have brackets");
        let list = TextRange::new(
            directive.range.start() + TextSize::try_from(open + 1).expect("small"),
            directive.range.end() - TextSize::from(1),
        );
        Edit::replacement(keep.join(", "), list)
    } else {
        let at_start = directive.range.start() == directive.comment.start();
        let at_end = directive.range.end() == directive.comment.end();
        let line_start = source.line_start(directive.comment.start());
        let before = &source[TextRange::new(line_start, directive.range.start())];
        let spaces = TextSize::try_from(before.len() - before.trim_end().len()).expect("small");
        if at_start && at_end {
            if before.trim().is_empty() {
                // A comment line of its own: the line goes.
                Edit::deletion(source.full_line_range(directive.comment.start()))
            } else {
                Edit::deletion(TextRange::new(
                    directive.range.start() - spaces,
                    directive.range.end(),
                ))
            }
        } else if at_start {
            // `# asyncup: ignore  # other`: the other comment takes its place.
            let after = &source[TextRange::new(directive.range.end(), directive.comment.end())];
            let gap = TextSize::try_from(after.len() - after.trim_start().len()).expect("small");
            Edit::deletion(TextRange::new(
                directive.range.start(),
                directive.range.end() + gap,
            ))
        } else {
            Edit::deletion(TextRange::new(
                directive.range.start() - spaces,
                directive.range.end(),
            ))
        }
    };
    Finding::new(UNUSED_ID, directive.range, message).with_fix(Fix::safe(vec![edit]))
}

/// `check --add-ignore` for one file: first the `unused-suppression` fixes among `findings`
/// (a stale directive would keep `check` failing), then a directive for every finding left.
/// Returns the new text, how many findings got a directive, and the 1-based lines of those
/// that had no place for one.
pub fn baseline(
    source: &str,
    findings: &[Finding],
    settings: &Settings,
) -> (String, usize, Vec<usize>) {
    let unused: Vec<Finding> = findings
        .iter()
        .filter(|f| f.id == UNUSED_ID)
        .cloned()
        .collect();
    let (text, findings) = if unused.is_empty() {
        (source.to_string(), findings.to_vec())
    } else {
        let cleaned =
            crate::fix::apply_fixes(source, &unused, crate::edit::Applicability::Safe).output;
        match crate::fix::run(&cleaned, settings, None) {
            Ok(outcome) => (cleaned, outcome.initial),
            Err(_) => (source.to_string(), findings.to_vec()),
        }
    };
    let wanted: Vec<Finding> = findings.into_iter().filter(|f| f.id != UNUSED_ID).collect();
    let (out, skipped) = add_ignores(&text, &wanted);
    (out, wanted.len() - skipped.len(), skipped)
}

/// The source with `# asyncup: ignore[id]` written for every finding in `findings` (merged
/// into a directive already on the line), and the findings that had no place for one (their
/// line ends inside a string or with a backslash continuation).
pub fn add_ignores(source: &str, findings: &[Finding]) -> (String, Vec<usize>) {
    let Ok(parsed) = ruff_python_parser::parse_module(source) else {
        return (source.to_string(), Vec::new());
    };
    let tokens = parsed.tokens();
    let directives = collect(source, tokens);
    // 0-based line → ids to add.
    let mut wanted: BTreeMap<usize, BTreeSet<&str>> = BTreeMap::new();
    let mut skipped = Vec::new();
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(source.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let placeable = |line: usize| {
        let start = TextSize::try_from(line_starts[line]).expect("small");
        let end = source.line_end(start);
        if source[TextRange::new(start, end)]
            .trim_end()
            .ends_with('\\')
        {
            return false;
        }
        // The line's end must not be inside a string token.
        !tokens.iter().any(|t| {
            matches!(
                t.kind(),
                TokenKind::String | TokenKind::FStringMiddle | TokenKind::TStringMiddle
            ) && t.start() < end
                && end < t.end()
        })
    };
    for finding in findings {
        let [first, last] = finding_lines(source, parsed.suite(), finding);
        match [first, last].into_iter().find(|&l| placeable(l)) {
            Some(line) => {
                wanted.entry(line).or_default().insert(finding.id);
            }
            None => skipped.push(first + 1),
        }
    }
    let mut edits: Vec<Edit> = Vec::new();
    for (line, ids) in wanted {
        match directives.lines.get(&line) {
            Some(Directive { ids: None, .. }) => {}
            Some(directive) => {
                let mut all: BTreeSet<&str> = directive
                    .ids
                    .iter()
                    .flatten()
                    .map(|(id, _)| id.as_str())
                    .collect();
                all.extend(ids);
                let text = &source[directive.range];
                let open = text.find('[').expect("ids have brackets");
                let list = TextRange::new(
                    directive.range.start() + TextSize::try_from(open + 1).expect("small"),
                    directive.range.end() - TextSize::from(1),
                );
                let new = all.into_iter().collect::<Vec<_>>().join(", ");
                if source[list] != new {
                    edits.push(Edit::replacement(new, list));
                }
            }
            None => {
                let start = TextSize::try_from(line_starts[line]).expect("small");
                let end = source.line_end(start);
                let content = &source[TextRange::new(start, end)];
                let trimmed = content.trim_end().len();
                let at = start + TextSize::try_from(trimmed).expect("small");
                let list = ids.into_iter().collect::<Vec<_>>().join(", ");
                edits.push(Edit::insertion(format!("  # asyncup: ignore[{list}]"), at));
            }
        }
    }
    let mut out = source.to_string();
    for edit in edits.iter().rev() {
        out.replace_range(
            usize::from(edit.start())..usize::from(edit.end()),
            edit.content(),
        );
    }
    (out, skipped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_directives() {
        let d = parse_comment("# asyncup: ignore[a, b-c]", 0.into()).unwrap();
        assert_eq!(d.kind, Kind::Line);
        let ids: Vec<&str> = d.ids.iter().flatten().map(|(i, _)| i.as_str()).collect();
        assert_eq!(ids, ["a", "b-c"]);
        let d = parse_comment("# noqa: E501  # asyncup: ignore", 10.into()).unwrap();
        assert!(d.ids.is_none());
        assert_eq!(u32::from(d.range.start()), 24);
        assert!(parse_comment("# asyncup: ignored", 0.into()).is_none());
        assert!(parse_comment("# asyncup: ignore-file", 0.into()).is_none());
        assert_eq!(
            parse_comment("#asyncup:skip-file", 0.into()).unwrap().kind,
            Kind::Skip
        );
        assert!(parse_comment("# see asyncup: docs", 0.into()).is_none());
    }
}
