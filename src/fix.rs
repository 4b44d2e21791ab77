//! Applying fixes: one pass splices the non-overlapping fixes into the text; the loop re-parses
//! and re-checks until nothing more applies. Pure: no I/O.

use std::collections::BTreeMap;

use rustc_hash::FxHashSet as HashSet;

use ruff_python_ast::ModModule;
use ruff_python_parser::{ParseError, Parsed, parse_module};
use ruff_source_file::{LineIndex, SourceCode};
use ruff_text_size::{Ranged, TextSize};

use crate::checker::{self, Settings};
use crate::edit::{Applicability, Edit, Finding};
use crate::importer;

/// `extend-safe-fixes` / `extend-unsafe-fixes`: the transforms whose unsafe fixes count as
/// safe, and those whose safe fixes count as unsafe (this one wins when a transform is in
/// both). Applied to every check's findings, in [`check`], and nowhere else.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FixOverrides {
    pub safe: Vec<&'static str>,
    pub unsafe_: Vec<&'static str>,
}

impl FixOverrides {
    pub fn is_empty(&self) -> bool {
        self.safe.is_empty() && self.unsafe_.is_empty()
    }

    fn apply(&self, findings: &mut [Finding]) {
        if self.is_empty() {
            return;
        }
        for finding in findings {
            let Some(fix) = finding.fix.as_mut() else {
                continue;
            };
            match fix.applicability() {
                Applicability::Safe if self.unsafe_.contains(&finding.id) => {
                    fix.set_applicability(Applicability::Unsafe);
                }
                Applicability::Unsafe
                    if self.safe.contains(&finding.id) && !self.unsafe_.contains(&finding.id) =>
                {
                    fix.set_applicability(Applicability::Safe);
                }
                _ => {}
            }
        }
    }
}

/// The checker's findings, with the configured fix safety overrides applied.
pub fn check(code: &str, parsed: &Parsed<ModModule>, settings: &Settings) -> Vec<Finding> {
    let mut findings = checker::check(code, parsed, settings);
    settings.fix_overrides.apply(&mut findings);
    findings
}

/// At most this many fix passes per file.
pub const MAX_PASSES: usize = 20;

/// The result of one pass of [`apply_fixes`].
#[derive(Debug, Default)]
pub struct Applied {
    pub output: String,
    /// Fixes applied per transform id.
    pub counts: BTreeMap<&'static str, usize>,
    /// Names whose use an applied fix removed.
    pub dropped_names: Vec<String>,
    /// The fixes applied, in the order they were applied, with the offset (in this pass's
    /// source) where the first edit of each starts.
    pub fixes: Vec<(&'static str, Applicability, Option<String>, TextSize)>,
}

impl Applied {
    pub fn total(&self) -> usize {
        self.counts.values().sum()
    }
}

/// Fixes that apply together: one fix, or the fixes of one transform that share a group.
pub struct FixUnit<'f> {
    pub members: Vec<&'f Finding>,
    /// Sorted (new imports first among insertions at one offset, in isort order), each
    /// identical edit once.
    pub edits: Vec<&'f Edit>,
}

/// The fixes of `findings` that `allowed` permits, grouped into units and ordered by their
/// first edit, then id. A unit whose own edits overlap can never apply and is left out.
/// [`apply_fixes`] and `fix --interactive` both go through this.
pub fn fix_units(findings: &[Finding], allowed: Applicability) -> Vec<FixUnit<'_>> {
    let mut units: Vec<FixUnit> = Vec::new();
    let mut groups: Vec<((&'static str, u32), usize)> = Vec::new();
    for finding in findings {
        let Some(fix) = finding.fix.as_ref().filter(|fix| fix.applies(allowed)) else {
            continue;
        };
        if fix.edits().is_empty() {
            continue;
        }
        let grouped = fix
            .group()
            .and_then(|group| groups.iter().find(|(key, _)| *key == (finding.id, group)));
        let index = match (grouped, fix.group()) {
            (Some((_, index)), _) => *index,
            (None, group) => {
                if let Some(group) = group {
                    groups.push(((finding.id, group), units.len()));
                }
                units.push(FixUnit {
                    members: Vec::new(),
                    edits: Vec::new(),
                });
                units.len() - 1
            }
        };
        units[index].members.push(finding);
        units[index].edits.extend(fix.edits());
    }
    for unit in &mut units {
        // Stable: insertions at one offset keep the given order, but new imports go first, in
        // isort order (see `importer::insertion_order`).
        unit.edits
            .sort_by_cached_key(|edit| (edit.start(), edit.end(), importer::insertion_order(edit)));
        let mut seen = HashSet::default();
        unit.edits.retain(|edit| seen.insert(*edit));
    }
    units.retain(|unit| unit.edits.windows(2).all(|w| w[0].end() <= w[1].start()));
    units.sort_by_key(|unit| (unit.edits.first().map(|e| e.start()), unit.members[0].id));
    units
}

/// Apply the fixes of `findings` that `allowed` permits, in order of their first edit. A fix
/// that overlaps one already applied waits for the next pass; an edit identical to one already
/// applied (the same import added by two fixes) is applied once. Fixes of one transform that
/// share a group form one unit: all of them apply in this pass, or none.
pub fn apply_fixes(source: &str, findings: &[Finding], allowed: Applicability) -> Applied {
    let units = fix_units(findings, allowed);
    let mut applied = Applied::default();
    let mut output = String::with_capacity(source.len());
    let mut last_pos: Option<TextSize> = None;
    let mut done: HashSet<&Edit> = HashSet::default();
    for unit in units {
        let edits: Vec<&Edit> = unit
            .edits
            .iter()
            .copied()
            .filter(|e| !done.contains(e))
            .collect();
        if let (Some(first), Some(last)) = (edits.first(), last_pos)
            && first.start() < last
        {
            continue;
        }
        for edit in edits {
            let from = last_pos.unwrap_or_default();
            output.push_str(&source[usize::from(from)..usize::from(edit.start())]);
            output.push_str(edit.content());
            last_pos = Some(edit.end());
            done.insert(edit);
        }
        for (id, fix) in unit
            .members
            .iter()
            .filter_map(|f| f.fix.as_ref().map(|fix| (f.id, fix)))
        {
            *applied.counts.entry(id).or_default() += 1;
            applied.fixes.push((
                id,
                fix.applicability(),
                fix.note().map(str::to_string),
                fix.min_start().unwrap_or_default(),
            ));
            applied
                .dropped_names
                .extend(fix.dropped_names().iter().cloned());
        }
    }
    output.push_str(&source[usize::from(last_pos.unwrap_or_default())..]);
    applied.output = output;
    applied
}

/// A syntax error in a file, with its 1-based position.
#[derive(Debug, Clone)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// Where the error is, in the source.
    pub offset: ruff_text_size::TextSize,
}

impl SyntaxError {
    pub fn new(source: &str, error: &ParseError) -> Self {
        let index = LineIndex::from_source_text(source);
        let location = SourceCode::new(source, &index).line_column(error.location.start());
        Self {
            line: location.line.get(),
            column: location.column.get(),
            message: error.error.to_string(),
            offset: error.location.start(),
        }
    }
}

/// One fix that [`run`] applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppliedFix {
    pub id: &'static str,
    pub applicability: Applicability,
    pub note: Option<String>,
    /// The 1-based line where the fix's first edit starts, in the text of the pass where it
    /// applied: the original text for fixes of the first pass, the text the earlier passes
    /// left for later ones (a fix that only became possible after another one applied).
    pub line: usize,
    /// The pass it applied in, from 1.
    pub pass: usize,
}

/// Everything that happened to one file's text.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Findings on the original text.
    pub initial: Vec<Finding>,
    /// Findings on the final text: what `fix` leaves behind.
    pub remaining: Vec<Finding>,
    /// The final text (equal to the input when nothing was applied).
    pub output: String,
    pub counts: BTreeMap<&'static str, usize>,
    /// The fixes applied, pass by pass, each pass in order of position (`counts` counts them).
    pub applied: Vec<AppliedFix>,
    /// A pass produced code that does not parse: the transforms whose fixes did it. The output
    /// is the last text that parsed.
    pub internal_error: Option<String>,
    /// The loop stopped at [`MAX_PASSES`] with fixes still applying.
    pub not_converged: bool,
}

/// Check `source`, then (when `allowed` is given) fix it until stable. A source that does not
/// parse is returned as an error and never fixed; one that holds none of the pre-filter's
/// words is returned as it is, unparsed.
pub fn run(
    source: &str,
    settings: &Settings,
    allowed: Option<Applicability>,
) -> Result<Outcome, SyntaxError> {
    if !checker::may_hold_findings(source) {
        // Nothing here for any transform (see `checker::NEEDLES`): not even parsed.
        return Ok(Outcome {
            output: source.to_string(),
            ..Outcome::default()
        });
    }
    let mut parsed = parse_module(source).map_err(|e| SyntaxError::new(source, &e))?;
    let mut code = source.to_string();
    let mut outcome = Outcome::default();
    let mut dropped: Vec<String> = Vec::new();
    let mut findings = check(&code, &parsed, settings);
    outcome.initial = findings.clone();
    if let Some(allowed) = allowed {
        let mut converged = false;
        for pass in 1..=MAX_PASSES {
            let applied = apply_fixes(&code, &findings, allowed);
            if applied.total() == 0 {
                converged = true;
                break;
            }
            match parse_module(&applied.output) {
                Ok(new_parsed) => {
                    for (id, n) in &applied.counts {
                        *outcome.counts.entry(id).or_default() += n;
                    }
                    let lines = LineIndex::from_source_text(&code);
                    let source = SourceCode::new(&code, &lines);
                    outcome.applied.extend(applied.fixes.into_iter().map(
                        |(id, applicability, note, start)| AppliedFix {
                            id,
                            applicability,
                            note,
                            line: source.line_column(start).line.get(),
                            pass,
                        },
                    ));
                    dropped.extend(applied.dropped_names);
                    code = applied.output;
                    parsed = new_parsed;
                    // Imports the fixes left unused are removed once nothing more applies; try
                    // that now, and when the cleaned text's check has nothing to apply either,
                    // it is the result (a fixed point, as a second run would find): one check
                    // of the uncleaned text fewer. Otherwise go on as before, from the text
                    // the fixes made.
                    if pass < MAX_PASSES
                        && !dropped.is_empty()
                        && let Some((clean_code, clean_parsed)) =
                            clean_imports(&code, &parsed, &dropped, settings)
                    {
                        let clean_findings = check(&clean_code, &clean_parsed, settings);
                        if apply_fixes(&clean_code, &clean_findings, allowed).total() == 0 {
                            code = clean_code;
                            parsed = clean_parsed;
                            findings = clean_findings;
                            dropped.clear();
                            converged = true;
                            break;
                        }
                    }
                    findings = check(&code, &parsed, settings);
                }
                Err(_) => {
                    outcome.internal_error = Some(culprits(&code, &findings, allowed));
                    converged = true;
                    break;
                }
            }
        }
        outcome.not_converged = !converged;
        if !dropped.is_empty()
            && let Some((new_code, new_parsed)) = clean_imports(&code, &parsed, &dropped, settings)
        {
            code = new_code;
            parsed = new_parsed;
            findings = check(&code, &parsed, settings);
        }
    }
    let _ = parsed;
    outcome.remaining = findings;
    outcome.output = code;
    Ok(outcome)
}

/// Remove imports the applied fixes left unused; `None` when nothing changes (or the result
/// would not parse, which keeps the imports).
pub fn clean_imports(
    code: &str,
    parsed: &Parsed<ModModule>,
    names: &[String],
    settings: &Settings,
) -> Option<(String, Parsed<ModModule>)> {
    let edits = importer::remove_unused_imports(
        code,
        parsed.suite(),
        parsed.tokens(),
        names,
        &settings.file_name,
    );
    let (first, _) = edits.split_first()?;
    let range = first.range();
    let finding = Finding::new("unused-import", range, "").with_fix(crate::edit::Fix::safe(edits));
    let applied = apply_fixes(code, &[finding], Applicability::Safe);
    let new_parsed = parse_module(&applied.output).ok()?;
    Some((applied.output, new_parsed))
}

/// Which transforms' fixes, applied alone, break the code.
fn culprits(code: &str, findings: &[Finding], allowed: Applicability) -> String {
    let mut ids: Vec<&str> = findings
        .iter()
        .filter(|f| f.fix.as_ref().is_some_and(|fix| fix.applies(allowed)))
        .filter(|f| {
            parse_module(&apply_fixes(code, std::slice::from_ref(*f), allowed).output).is_err()
        })
        .map(|f| f.id)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        "fixes applied together produced invalid code".to_string()
    } else {
        format!("the fix of {} produced invalid code", ids.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Fix;
    use ruff_text_size::TextRange;

    fn finding(start: u32, end: u32, content: &str) -> Finding {
        let range = TextRange::new(start.into(), end.into());
        Finding::new("test", range, "").with_fix(Fix::safe(vec![Edit::replacement(content, range)]))
    }

    #[test]
    fn overlapping_fix_waits() {
        let applied = apply_fixes(
            "abcdef",
            &[finding(0, 3, "X"), finding(2, 4, "Y"), finding(4, 6, "Z")],
            Applicability::Safe,
        );
        assert_eq!(applied.output, "XdZ");
        assert_eq!(applied.total(), 2);
    }

    #[test]
    fn identical_edits_apply_once() {
        let shared = Edit::insertion("import x\n", 0.into());
        let a = Finding::new("a", TextRange::empty(0.into()), "").with_fix(Fix::safe(vec![
            shared.clone(),
            Edit::replacement("1", TextRange::new(2.into(), 3.into())),
        ]));
        let b = Finding::new("b", TextRange::empty(0.into()), "").with_fix(Fix::safe(vec![
            shared,
            Edit::replacement("2", TextRange::new(4.into(), 5.into())),
        ]));
        let applied = apply_fixes("a b c", &[a, b], Applicability::Safe);
        assert_eq!(applied.output, "import x\na 1 2");
        assert_eq!(applied.total(), 2);
    }

    /// A deliberately wrong transform: it deletes the `:` of every `async def` header.
    struct Breaks;
    crate::declare_transform! {
        /// Test only.
        pub struct BreaksInfo {
            id: "breaks-code",
            summary: "test",
            min_version: None,
            safety: crate::registry::FixSafety::Safe,
        }
    }
    impl crate::registry::Transform for Breaks {
        fn info(&self) -> &'static crate::registry::TransformInfo {
            &BreaksInfo::INFO
        }
        fn on_stmt<'a>(
            &self,
            cx: &mut crate::checker::Checker<'a>,
            stmt: &'a ruff_python_ast::Stmt,
        ) {
            if let ruff_python_ast::Stmt::FunctionDef(func) = stmt {
                let colon = func.parameters.end();
                let range = TextRange::new(colon, colon + TextSize::from(1));
                cx.report(
                    Finding::new("breaks-code", range, "")
                        .with_fix(Fix::safe(vec![Edit::deletion(range)])),
                );
            }
        }
    }
    static BREAKS: Breaks = Breaks;

    #[test]
    fn fix_overrides_promote_and_demote() {
        let source = "async def f():\n    pass\n";
        let mut settings = Settings {
            target: crate::version::PyVersion::DEFAULT,
            transforms: vec![&BREAKS],
            file_name: "x.py".into(),
            project: Default::default(),
            fix_overrides: FixOverrides {
                safe: vec![],
                unsafe_: vec!["breaks-code"],
            },
        };
        let parsed = parse_module(source).unwrap();
        let found = check(source, &parsed, &settings);
        let applicability = |found: &[Finding]| found[0].fix.as_ref().unwrap().applicability();
        assert_eq!(applicability(&found), Applicability::Unsafe);
        settings.fix_overrides = FixOverrides {
            safe: vec!["breaks-code"],
            unsafe_: vec![],
        };
        assert_eq!(
            applicability(&check(source, &parsed, &settings)),
            Applicability::Safe
        );
    }

    #[test]
    fn a_pass_that_breaks_the_code_is_discarded() {
        let source = "async def f():\n    pass\n";
        let settings = Settings {
            target: crate::version::PyVersion::DEFAULT,
            transforms: vec![&BREAKS],
            file_name: "x.py".into(),
            project: Default::default(),
            fix_overrides: Default::default(),
        };
        let outcome = run(source, &settings, Some(Applicability::Safe)).unwrap();
        assert_eq!(outcome.output, source);
        let error = outcome.internal_error.expect("an internal error");
        assert!(error.contains("breaks-code"), "{error}");
    }

    #[test]
    fn syntax_errors_are_reported_with_position() {
        let settings = Settings {
            target: crate::version::PyVersion::DEFAULT,
            transforms: vec![],
            file_name: "x.py".into(),
            project: Default::default(),
            fix_overrides: Default::default(),
        };
        let error = run("x = 1  # async\ndef f(:\n", &settings, None).unwrap_err();
        assert_eq!((error.line, error.column), (2, 7));
    }

    #[test]
    fn a_file_without_the_prefilter_words_is_not_parsed() {
        let settings = Settings {
            target: crate::version::PyVersion::DEFAULT,
            transforms: crate::registry::all().to_vec(),
            file_name: "x.py".into(),
            project: Default::default(),
            fix_overrides: Default::default(),
        };
        // A syntax error where no transform could find anything is not asyncup's to report.
        let outcome = run("x = 1\ndef f(:\n", &settings, Some(Applicability::Unsafe)).unwrap();
        assert_eq!(outcome.output, "x = 1\ndef f(:\n");
        assert!(outcome.initial.is_empty() && outcome.applied.is_empty());
        assert!(run("x = 1\nasync def f(:\n", &settings, None).is_err());
    }

    #[test]
    fn a_group_applies_whole_or_waits() {
        let grouped = |start: u32, end: u32, content: &str| {
            let range = TextRange::new(start.into(), end.into());
            Finding::new("g", range, "")
                .with_fix(Fix::safe(vec![Edit::replacement(content, range)]).in_group(0))
        };
        // The group's second part overlaps another fix applied first: the whole group waits.
        let findings = [finding(0, 2, "X"), grouped(1, 2, "A"), grouped(4, 5, "B")];
        let applied = apply_fixes("abcdef", &findings, Applicability::Safe);
        assert_eq!(applied.output, "Xcdef");
        assert_eq!(applied.total(), 1);
        // Without the conflict both parts apply in the same pass.
        let applied = apply_fixes("abcdef", &findings[1..], Applicability::Safe);
        assert_eq!(applied.output, "aAcdBf");
        assert_eq!(applied.total(), 2);
    }

    #[test]
    fn applied_fixes_are_listed_with_their_line_and_note() {
        let source = "import asyncio\n\n\nasync def main(url):\n    r = await asyncio.wait_for(f(url), 5) + g()\n    await asyncio.wait_for(h(), 1)\n";
        let settings = Settings {
            target: crate::version::PyVersion::DEFAULT,
            transforms: vec![crate::registry::find("wait-for-to-timeout").unwrap()],
            file_name: "x.py".into(),
            project: Default::default(),
            fix_overrides: Default::default(),
        };
        let outcome = run(source, &settings, Some(Applicability::Unsafe)).unwrap();
        let applied: Vec<(&str, Applicability, usize, usize, bool)> = outcome
            .applied
            .iter()
            .map(|a| (a.id, a.applicability, a.line, a.pass, a.note.is_some()))
            .collect();
        assert_eq!(
            applied,
            [
                ("wait-for-to-timeout", Applicability::Unsafe, 5, 1, true),
                ("wait-for-to-timeout", Applicability::Safe, 6, 1, true),
            ]
        );
        assert_eq!(outcome.counts["wait-for-to-timeout"], 2);
        // Nothing is listed when nothing may be applied.
        assert!(run(source, &settings, None).unwrap().applied.is_empty());
    }

    #[test]
    fn unsafe_fixes_need_permission() {
        let range = TextRange::new(0.into(), 1.into());
        let f = Finding::new("u", range, "")
            .with_fix(Fix::unsafe_(vec![Edit::replacement("b", range)]));
        assert_eq!(
            apply_fixes("a", std::slice::from_ref(&f), Applicability::Safe).output,
            "a"
        );
        assert_eq!(apply_fixes("a", &[f], Applicability::Unsafe).output, "b");
    }

    #[test]
    fn applied_fixes_keep_their_notes() {
        let range = TextRange::new(0.into(), 1.into());
        let f = Finding::new("u", range, "").with_fix(
            Fix::unsafe_(vec![Edit::replacement("b", range)]).with_note("timing differs"),
        );
        let applied = apply_fixes("a b", &[f, finding(2, 3, "Z")], Applicability::Unsafe);
        assert_eq!(applied.output, "b Z");
        assert_eq!(
            applied.fixes,
            vec![
                (
                    "u",
                    Applicability::Unsafe,
                    Some("timing differs".to_string()),
                    TextSize::from(0)
                ),
                ("test", Applicability::Safe, None, TextSize::from(2)),
            ]
        );
    }
}
