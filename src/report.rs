//! Rendering findings (text, full and JSON; the other formats are in `formats.rs`), the
//! `--show-fixes` listing and the run summary.

use std::collections::BTreeMap;

use ruff_source_file::{LineIndex, SourceCode};
use ruff_text_size::{Ranged, TextSize};
use serde::Serialize;

use crate::edit::{Applicability, Finding};
use crate::fix::AppliedFix;
use crate::style::{self, Paint};

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

/// How `text` and `full` findings look.
#[derive(Clone, Copy, Debug, Default)]
pub struct TextOptions {
    pub paint: Paint,
    /// `--show-fixes`: under each finding with a fix, its safety and note.
    pub show_fixes: bool,
    /// `--output-format full`: the source line under each finding, a caret under the range,
    /// and the fix's safety and note.
    pub full: bool,
}

/// `path:line:col: id [fix] message`, one line per finding.
pub fn text_lines(path: &str, source: &str, findings: &[Finding]) -> String {
    findings_text(path, source, findings, TextOptions::default())
}

/// A note on one line (a line break would break the layout).
pub fn one_line(note: &str) -> String {
    note.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `(safe): note`, `(unsafe)` without a note.
fn safety_and_note(applicability: Applicability, note: Option<&str>) -> String {
    match note {
        Some(note) => format!("({}): {}", applicability.as_str(), one_line(note)),
        None => format!("({})", applicability.as_str()),
    }
}

/// Findings as text: `path:line:col: id [fix] message`, and with `options` the fix line
/// (`  = fix (unsafe): note`) and, for `full`, the source line with carets under the range.
pub fn findings_text(
    path: &str,
    source: &str,
    findings: &[Finding],
    options: TextOptions,
) -> String {
    let paint = options.paint;
    let locator = Locator::new(source);
    let code = SourceCode::new(source, &locator.index);
    let mut out = String::new();
    for finding in findings {
        let at = locator.position(finding.start());
        let marker = fix_marker(finding);
        let marker_style = match finding.fix.as_ref().map(|f| f.applicability()) {
            Some(Applicability::Unsafe) => style::UNSAFE_FIX,
            _ => style::SAFE_FIX,
        };
        let marker = match marker.strip_prefix(' ') {
            Some(marker) => format!(" {}", paint.paint(marker_style, marker)),
            None => String::new(),
        };
        out.push_str(&format!(
            "{}{} {}{marker} {}\n",
            paint.paint(style::PATH, path),
            paint.paint(style::POSITION, &format!(":{}:{}:", at.line, at.column)),
            paint.paint(style::ID, finding.id),
            finding.message
        ));
        if options.full && at.line <= code.line_count().max(1) && !source.is_empty() {
            let line_no = at.line.to_string();
            let pad = " ".repeat(line_no.len());
            let index = ruff_source_file::OneIndexed::new(at.line).unwrap_or_default();
            let text = code.line_text(index).trim_end_matches(['\n', '\r']);
            // Carets from the start column to the end of the range on this line (one at least);
            // what comes before is copied as blanks (tabs kept) so the caret lines up.
            let start = at.column.saturating_sub(1);
            let end = locator.position(finding.end());
            let width = text.chars().count();
            let stop = if end.line == at.line {
                end.column.saturating_sub(1)
            } else {
                width
            };
            let carets = stop.min(width).saturating_sub(start).max(1);
            let lead: String = text
                .chars()
                .take(start)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            let bar = paint.paint(style::GUTTER, "|");
            out.push_str(&format!("{pad} {bar}\n"));
            out.push_str(&format!(
                "{} {bar} {text}\n",
                paint.paint(style::GUTTER, &line_no)
            ));
            out.push_str(&format!(
                "{pad} {bar} {lead}{}\n",
                paint.paint(style::CARET, &"^".repeat(carets))
            ));
        }
        if (options.full || options.show_fixes)
            && let Some(fix) = &finding.fix
            && fix.applicability() != Applicability::DisplayOnly
        {
            let line = format!(
                "  = fix {}",
                safety_and_note(fix.applicability(), fix.note())
            );
            out.push_str(&paint.paint(style::NOTE, &line));
            out.push('\n');
        }
        if options.full {
            out.push('\n');
        }
    }
    out
}

/// `fix --show-fixes`: the fixes applied, per file, with their notes.
/// ```text
/// Applied 2 fixes:
/// - a.py:
///     5 wait-for-to-timeout (safe): <note>
/// ```
/// The line is where the fix started in the text of the pass where it applied.
pub fn applied_fixes_text<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a [AppliedFix])>,
    paint: Paint,
) -> String {
    let files: Vec<(&str, &[AppliedFix])> = files
        .into_iter()
        .filter(|(_, fixes)| !fixes.is_empty())
        .collect();
    let total: usize = files.iter().map(|(_, fixes)| fixes.len()).sum();
    if total == 0 {
        return String::new();
    }
    let mut out = format!(
        "Applied {total} fix{}:\n",
        if total == 1 { "" } else { "es" }
    );
    for (path, fixes) in files {
        out.push_str(&format!("- {}:\n", paint.paint(style::PATH, path)));
        for fix in fixes {
            out.push_str(&format!(
                "    {} {} {}\n",
                paint.paint(style::POSITION, &fix.line.to_string()),
                paint.paint(style::ID, fix.id),
                safety_and_note(fix.applicability, fix.note.as_deref())
            ));
        }
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
