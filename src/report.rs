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
    /// Findings left with a safe fix / an unsafe fix (for the next-step hint).
    pub safe_fixable: usize,
    pub unsafe_fixable: usize,
    pub errors: usize,
}

/// Which command the summary is for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum SummaryMode {
    Check,
    Diff,
    Fix,
}

impl Summary {
    /// Count the findings left in a file: those without a fix, and unsafe ones not allowed.
    pub fn count_findings(&mut self, findings: &[Finding], unsafe_allowed: bool) {
        self.findings += findings.len();
        for finding in findings {
            match finding.fix.as_ref().map(|f| f.applicability()) {
                None | Some(Applicability::DisplayOnly) => self.without_fix += 1,
                Some(Applicability::Unsafe) => {
                    self.unsafe_fixable += 1;
                    if !unsafe_allowed {
                        self.held_back_unsafe += 1;
                    }
                }
                Some(Applicability::Safe) => self.safe_fixable += 1,
            }
        }
    }

    /// One line, ruff-style: zero counts left out, then the next step.
    /// `asyncup: 3 files scanned, 4 findings (1 without a fix); 2 fixable with `asyncup fix`,
    /// 1 more with `asyncup fix --unsafe-fixes``
    pub fn render(&self, mode: SummaryMode, unsafe_allowed: bool) -> String {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let mut parts = vec![plural(self.files_scanned, "file") + " scanned"];
        let total: usize = self.applied.values().sum();
        let per: Vec<String> = self
            .applied
            .iter()
            .map(|(id, n)| format!("{id} {n}"))
            .collect();
        let fixes = format!("{total} {}", if total == 1 { "fix" } else { "fixes" });
        match mode {
            SummaryMode::Check => {}
            SummaryMode::Diff if self.files_changed > 0 => {
                parts.push(plural(self.files_changed, "file") + " would change");
                parts.push(format!("would apply {fixes} ({})", per.join(", ")));
            }
            SummaryMode::Fix if self.files_changed > 0 => {
                parts.push(plural(self.files_changed, "file") + " changed");
                parts.push(format!("{fixes} applied ({})", per.join(", ")));
            }
            _ => {}
        }
        if mode == SummaryMode::Check || self.findings > 0 {
            let mut findings = plural(self.findings, "finding");
            if mode != SummaryMode::Check {
                findings.push_str(" left");
            }
            if self.without_fix > 0 {
                findings.push_str(&format!(" ({} without a fix)", self.without_fix));
            }
            parts.push(findings);
        }
        if self.errors > 0 {
            parts.push(plural(self.errors, "error"));
        }
        let mut line = format!("asyncup: {}", parts.join(", "));
        let mut next = Vec::new();
        match mode {
            SummaryMode::Check if unsafe_allowed => {
                let n = self.safe_fixable + self.unsafe_fixable;
                if n > 0 {
                    next.push(format!("{n} fixable with `asyncup fix --unsafe-fixes`"));
                }
            }
            SummaryMode::Check => {
                if self.safe_fixable > 0 {
                    next.push(format!("{} fixable with `asyncup fix`", self.safe_fixable));
                }
                if self.unsafe_fixable > 0 {
                    let more = if self.safe_fixable > 0 { " more" } else { "" };
                    next.push(format!(
                        "{}{more} with `asyncup fix --unsafe-fixes`",
                        self.unsafe_fixable
                    ));
                }
            }
            _ if self.held_back_unsafe > 0 => {
                next.push(format!(
                    "{} more with `--unsafe-fixes`",
                    self.held_back_unsafe
                ));
            }
            _ => {}
        }
        if !next.is_empty() {
            line.push_str("; ");
            line.push_str(&next.join(", "));
        }
        line
    }
}
