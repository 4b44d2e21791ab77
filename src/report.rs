//! Rendering findings (text and JSON) and the run summary.

use std::collections::BTreeMap;

use ruff_source_file::{LineIndex, SourceCode};
use ruff_text_size::{Ranged, TextSize};
use serde::Serialize;

use crate::edit::{Applicability, Finding};

#[derive(Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

#[derive(Serialize)]
struct JsonEdit<'a> {
    start: Position,
    end: Position,
    content: &'a str,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    applicability: Applicability,
    note: Option<&'a str>,
    edits: Vec<JsonEdit<'a>>,
}

#[derive(Serialize)]
pub struct JsonFinding<'a> {
    path: &'a str,
    id: &'a str,
    start: Position,
    end: Position,
    message: &'a str,
    fix: Option<JsonFix<'a>>,
}

/// Converts offsets of one source into 1-based line and column.
pub struct Locator<'a> {
    source: &'a str,
    index: LineIndex,
}

impl<'a> Locator<'a> {
    pub fn new(source: &'a str) -> Self {
        Self {
            source,
            index: LineIndex::from_source_text(source),
        }
    }
    pub fn position(&self, offset: TextSize) -> Position {
        let location = SourceCode::new(self.source, &self.index).line_column(offset);
        Position {
            line: location.line.get(),
            column: location.column.get(),
        }
    }
}

/// The marker after the id: whether a fix exists and how safe it is.
fn fix_marker(finding: &Finding) -> &'static str {
    match finding.fix.as_ref().map(|f| f.applicability()) {
        Some(Applicability::Safe) => " [fix]",
        Some(Applicability::Unsafe) => " [unsafe fix]",
        Some(Applicability::DisplayOnly) | None => "",
    }
}

/// `path:line:col: id [fix] message`, one line per finding.
pub fn text_lines(path: &str, source: &str, findings: &[Finding]) -> String {
    let locator = Locator::new(source);
    let mut out = String::new();
    for finding in findings {
        let at = locator.position(finding.start());
        out.push_str(&format!(
            "{path}:{}:{}: {}{} {}\n",
            at.line,
            at.column,
            finding.id,
            fix_marker(finding),
            finding.message
        ));
    }
    out
}

/// Findings of one file as JSON objects.
pub fn json_findings<'a>(
    path: &'a str,
    source: &'a str,
    findings: &'a [Finding],
) -> Vec<JsonFinding<'a>> {
    let locator = Locator::new(source);
    findings
        .iter()
        .map(|finding| JsonFinding {
            path,
            id: finding.id,
            start: locator.position(finding.start()),
            end: locator.position(finding.end()),
            message: &finding.message,
            fix: finding.fix.as_ref().map(|fix| JsonFix {
                applicability: fix.applicability(),
                note: fix.note(),
                edits: fix
                    .edits()
                    .iter()
                    .map(|edit| JsonEdit {
                        start: locator.position(edit.start()),
                        end: locator.position(edit.end()),
                        content: edit.content(),
                    })
                    .collect(),
            }),
        })
        .collect()
}

/// Counts for the summary line on stderr.
#[derive(Debug, Default)]
pub struct Summary {
    pub files_scanned: usize,
    pub files_changed: usize,
    pub applied: BTreeMap<&'static str, usize>,
    pub findings: usize,
    pub without_fix: usize,
    pub held_back_unsafe: usize,
    pub errors: usize,
}

impl Summary {
    /// Count the findings left in a file: those without a fix, and unsafe ones not allowed.
    pub fn count_findings(&mut self, findings: &[Finding], unsafe_allowed: bool) {
        self.findings += findings.len();
        for finding in findings {
            match finding.fix.as_ref().map(|f| f.applicability()) {
                None | Some(Applicability::DisplayOnly) => self.without_fix += 1,
                Some(Applicability::Unsafe) if !unsafe_allowed => self.held_back_unsafe += 1,
                _ => {}
            }
        }
    }

    pub fn render(&self, changed_label: &str) -> String {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let mut parts = vec![plural(self.files_scanned, "file") + " scanned"];
        if !changed_label.is_empty() {
            parts.push(format!(
                "{} {changed_label}",
                plural(self.files_changed, "file")
            ));
        }
        let total: usize = self.applied.values().sum();
        if total > 0 {
            let per: Vec<String> = self
                .applied
                .iter()
                .map(|(id, n)| format!("{id} {n}"))
                .collect();
            parts.push(format!(
                "{} ({})",
                format!("{total} {}", if total == 1 { "fix" } else { "fixes" }) + " applied",
                per.join(", ")
            ));
        }
        parts.push(plural(self.findings, "finding"));
        parts.push(format!("{} without a fix", self.without_fix));
        parts.push(format!(
            "{} held back for --unsafe-fixes",
            self.held_back_unsafe
        ));
        parts.push(plural(self.errors, "error"));
        format!("asyncup: {}", parts.join(", "))
    }
}
