//! `fix --summary-markdown FILE`: what a run of `fix` did, as a message that is both a commit
//! message (a title line, a blank line, a body; no line starts with `#` or is `---`, which git
//! and `git am` would eat) and a pull-request body in markdown, for any fan-out tool (all-repos,
//! multi-gitter, turbolift). Pure: the caller writes the file.

use std::collections::BTreeMap;
use std::fmt::Write;

use ruff_text_size::Ranged;

use crate::edit::Applicability;
use crate::fix::Outcome;
use crate::report::Locator;

/// How many locations are listed per transform among the findings left.
const LOCATIONS: usize = 5;

/// The message for the files of one run of `fix`, in path order: `(shown path, outcome)` for
/// every file whose changes were written (or that needed none). `command` is how asyncup was
/// invoked (for the last line), `errors` how many errors the run reported.
pub fn fix_summary(files: &[(&str, &Outcome)], command: &str, errors: usize) -> String {
    // Per transform: [all, safe, unsafe] applied fixes.
    let mut applied: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
    // Distinct notes, per safety, per transform, with how many fixes carry each.
    let mut notes: BTreeMap<(Applicability, &str, String), usize> = BTreeMap::new();
    // Findings left, per transform: (no fix, fix not applied, first locations).
    let mut left: BTreeMap<&str, (usize, usize, Vec<String>)> = BTreeMap::new();
    let mut changed_files = 0;
    for (path, outcome) in files {
        if !outcome.applied.is_empty() {
            changed_files += 1;
        }
        for fix in &outcome.applied {
            let entry = applied.entry(fix.id).or_default();
            entry[0] += 1;
            entry[if fix.applicability == Applicability::Safe {
                1
            } else {
                2
            }] += 1;
            if let Some(note) = &fix.note {
                *notes
                    .entry((fix.applicability, fix.id, one_line(note)))
                    .or_default() += 1;
            }
        }
        let locator = Locator::new(&outcome.output);
        for finding in &outcome.remaining {
            let entry = left.entry(finding.id).or_default();
            if finding.fix.is_some() {
                entry.1 += 1;
            } else {
                entry.0 += 1;
            }
            if entry.2.len() < LOCATIONS {
                let at = locator.position(finding.start());
                entry.2.push(format!("`{path}:{}:{}`", at.line, at.column));
            }
        }
    }
    let total: usize = applied.values().map(|n| n[0]).sum();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let fixes = |n: usize| format!("{n} {}", if n == 1 { "fix" } else { "fixes" });

    let mut out = String::new();
    if total == 0 {
        out.push_str("asyncup: no asyncio code to migrate\n");
    } else {
        let _ = writeln!(
            out,
            "asyncup: migrate asyncio code ({} in {})",
            fixes(total),
            plural(changed_files, "file")
        );
    }
    if total > 0 {
        out.push_str("\nFixes applied, per transform (`asyncup explain ID` documents each):\n\n");
        for (id, [all, safe, unsafe_]) in &applied {
            let kinds = match (*safe, *unsafe_) {
                (_, 0) => "safe".to_string(),
                (0, _) => "unsafe".to_string(),
                (safe, unsafe_) => format!("{safe} safe, {unsafe_} unsafe"),
            };
            let _ = writeln!(out, "- `{id}`: {} ({kinds})", fixes(*all));
        }
    }
    for (safety, heading) in [
        (
            Applicability::Unsafe,
            "What the unsafe fixes change (review these hunks):",
        ),
        (Applicability::Safe, "Notes of the safe fixes:"),
    ] {
        let rows: Vec<_> = notes.iter().filter(|((s, _, _), _)| *s == safety).collect();
        if rows.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{heading}\n");
        for ((_, id, note), n) in rows {
            let _ = writeln!(out, "- `{id}` ({}): {note}", fixes(*n));
        }
    }
    if !left.is_empty() {
        let count: usize = left.values().map(|(a, b, _)| a + b).sum();
        let _ = writeln!(
            out,
            "\n{} left for a person (`asyncup check` lists them):\n",
            plural(count, "finding")
        );
        for (id, (no_fix, not_applied, locations)) in &left {
            let mut kinds = Vec::new();
            if *no_fix > 0 {
                kinds.push(format!("{no_fix} without a fix"));
            }
            if *not_applied > 0 {
                kinds.push(format!("{not_applied} with a fix not applied"));
            }
            let more = if no_fix + not_applied > locations.len() {
                ", ..."
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "- `{id}`: {} ({}): {}{more}",
                no_fix + not_applied,
                kinds.join(", "),
                locations.join(", ")
            );
        }
    }
    if errors > 0 {
        let _ = writeln!(
            out,
            "\nThe run reported {} (on its standard error); the files concerned were not changed.",
            plural(errors, "error")
        );
    }
    let _ = writeln!(
        out,
        "\nGenerated by `{command}` (asyncup {}).",
        crate::cli::VERSION
    );
    out
}

/// A note on one line (notes are single sentences; a stray newline would break the list).
fn one_line(note: &str) -> String {
    note.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{Edit, Finding, Fix};
    use crate::fix::AppliedFix;
    use ruff_text_size::TextRange;

    fn applied(id: &'static str, applicability: Applicability, note: Option<&str>) -> AppliedFix {
        AppliedFix {
            id,
            applicability,
            note: note.map(str::to_string),
            line: 1,
            pass: 1,
        }
    }

    #[test]
    fn counts_notes_and_findings_left() {
        let a = Outcome {
            applied: vec![
                applied("wait-for-to-timeout", Applicability::Safe, None),
                applied(
                    "gather-to-taskgroup",
                    Applicability::Unsafe,
                    Some("order\n differs"),
                ),
                applied(
                    "gather-to-taskgroup",
                    Applicability::Unsafe,
                    Some("order differs"),
                ),
            ],
            output: "x = 1\ny = 2\n".into(),
            remaining: vec![
                Finding::new("missing-timeout", TextRange::empty(6.into()), "m"),
                Finding::new("dangling-task", TextRange::empty(0.into()), "d")
                    .with_fix(Fix::unsafe_(vec![Edit::insertion("z", 0.into())])),
            ],
            ..Outcome::default()
        };
        let clean = Outcome::default();
        let md = fix_summary(&[("a.py", &a), ("b.py", &clean)], "asyncup fix", 0);
        assert!(
            md.starts_with("asyncup: migrate asyncio code (3 fixes in 1 file)\n\n"),
            "{md}"
        );
        assert!(
            md.contains("- `gather-to-taskgroup`: 2 fixes (unsafe)\n"),
            "{md}"
        );
        assert!(
            md.contains("- `wait-for-to-timeout`: 1 fix (safe)\n"),
            "{md}"
        );
        assert!(
            md.contains("- `gather-to-taskgroup` (2 fixes): order differs\n"),
            "{md}"
        );
        assert!(md.contains("2 findings left"), "{md}");
        assert!(
            md.contains("- `missing-timeout`: 1 (1 without a fix): `a.py:2:1`\n"),
            "{md}"
        );
        assert!(
            md.contains("- `dangling-task`: 1 (1 with a fix not applied): `a.py:1:1`\n"),
            "{md}"
        );
        assert!(
            md.lines().all(|l| !l.starts_with('#') && l != "---"),
            "{md}"
        );
    }

    #[test]
    fn nothing_to_do() {
        let md = fix_summary(&[("a.py", &Outcome::default())], "asyncup fix", 0);
        assert!(
            md.starts_with("asyncup: no asyncio code to migrate\n"),
            "{md}"
        );
        assert!(!md.contains("Fixes applied"), "{md}");
    }
}
