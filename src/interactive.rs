//! `asyncup fix --interactive`: every fix is shown as its own hunk, with its id, safety and
//! note, and the user answers with one key press. The fix loop of [`crate::fix::run`], with
//! a person choosing which fixes of each pass apply:
//!
//! - fixes are offered in file order, pass after pass: after a pass's accepted fixes apply,
//!   the file is re-checked and the fixes that became possible are offered too;
//! - a fix that overlaps one accepted in the same pass waits for the next pass (as in
//!   [`crate::fix::apply_fixes`]);
//! - a declined fix is never offered again. A fix is known by its finding: the transform id
//!   and the finding's range, carried through the edits applied since (a declined fix never
//!   overlaps them), so neither shifted offsets nor a fix whose edits changed with its
//!   context (an import another fix added) bring it back;
//! - `s` declines and writes `# asyncup: ignore[id]` for the finding, once the file is done.
//!
//! No file I/O here: the caller writes each file's result (see `cli.rs`). Keys come through
//! [`Keys`]: [`Terminal`] reads them from the terminal in raw mode; tests script them.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use ruff_python_parser::parse_module;
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::checker::Settings;
use crate::edit::{Applicability, Edit, Finding, Fix};
use crate::fix::{self, SyntaxError};
use crate::report::Locator;

/// One key press, as the review needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Char(char),
    /// Ctrl-C or Ctrl-D: quit, as `q`.
    Interrupt,
    /// Enter, arrows, and other keys without a meaning here.
    Other,
}

/// Where the answers come from: the terminal, or a script in tests.
pub trait Keys {
    /// Print `prompt` (no newline) and wait for one key.
    fn ask(&mut self, out: &mut dyn Write, prompt: &str) -> io::Result<Key>;
}

/// Keys read from the terminal in raw mode (one key, no Enter), with `crossterm`. Raw mode is
/// on only while a key is awaited, and is turned off again however the wait ends (an error,
/// a panic): everything else prints in the terminal's normal mode.
pub struct Terminal;

impl Keys for Terminal {
    fn ask(&mut self, out: &mut dyn Write, prompt: &str) -> io::Result<Key> {
        use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
        struct RawMode;
        impl Drop for RawMode {
            fn drop(&mut self) {
                let _ = crossterm::terminal::disable_raw_mode();
            }
        }
        crossterm::terminal::enable_raw_mode()?;
        let _raw = RawMode;
        // The prompt shows once raw mode is on: a key pressed on seeing it is read at once,
        // never echoed or held for a line.
        out.write_all(prompt.as_bytes())?;
        out.flush()?;
        loop {
            let Event::Key(key) = event::read()? else {
                continue;
            };
            if key.kind != KeyEventKind::Press {
                continue;
            }
            return Ok(match key.code {
                KeyCode::Char('c' | 'd') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                    Key::Interrupt
                }
                KeyCode::Char(c) => Key::Char(c.to_ascii_lowercase()),
                _ => Key::Other,
            });
        }
    }
}

/// Colours for the review, or none (`--color`, `NO_COLOR`, not a terminal: `style::enabled`).
#[derive(Clone, Copy, Debug, Default)]
pub struct Styles {
    pub enabled: bool,
}

impl Styles {
    /// Colour when standard output is a terminal and `NO_COLOR` is unset or empty.
    pub fn detect() -> Self {
        use std::io::IsTerminal;
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Self {
            enabled: io::stdout().is_terminal() && !no_color,
        }
    }

    fn paint(&self, style: Style, text: &str) -> String {
        if self.enabled {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_string()
        }
    }
}

const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();
const RED: Style = AnsiColor::Red.on_default();
const GREEN: Style = AnsiColor::Green.on_default();
const CYAN: Style = AnsiColor::Cyan.on_default();
const YELLOW: Style = AnsiColor::Yellow.on_default().bold();

/// One file to review: its decoded text and settings.
pub struct File<'a> {
    pub display: &'a str,
    pub text: &'a str,
    pub settings: &'a Settings,
    /// Unsafe fixes are offered only when this is [`Applicability::Unsafe`].
    pub allowed: Applicability,
}

/// What reviewing one file produced.
#[derive(Debug, Default)]
pub struct Reviewed {
    /// The text to write (equal to the input when nothing was accepted).
    pub output: String,
    /// Fixes applied per transform id.
    pub counts: BTreeMap<&'static str, usize>,
    /// Findings on the output.
    pub remaining: Vec<Finding>,
    /// Fixes declined (`n`, `d`, `s`), and of those, how many got a suppression comment.
    pub declined: usize,
    pub suppressed: usize,
    /// 1-based lines of suppressions that had no place (the line ends inside a string).
    pub unplaced: Vec<usize>,
    /// Accepted fixes produced code that does not parse: the output is the last valid text.
    pub internal_error: Option<String>,
}

/// The user's answer to one fix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Answer {
    Apply,
    Skip,
    ApplyAll,
    SkipAll,
    Suppress,
    Quit,
}

/// The review of a whole run: the answers that outlive one fix (`a`, `d`, `q`).
pub struct Session<'k> {
    keys: &'k mut dyn Keys,
    out: &'k mut dyn Write,
    styles: Styles,
    apply_all: BTreeSet<&'static str>,
    skip_all: BTreeSet<&'static str>,
    quit: bool,
}

/// Fixes that apply together (see [`crate::fix::fix_units`]).
type Unit<'f> = crate::fix::FixUnit<'f>;

impl crate::fix::FixUnit<'_> {
    fn id(&self) -> &'static str {
        self.members[0].id
    }
    fn fixes(&self) -> impl Iterator<Item = &Fix> {
        self.members.iter().filter_map(|f| f.fix.as_ref())
    }
    fn applicability(&self) -> Applicability {
        self.fixes()
            .map(Fix::applicability)
            .max()
            .unwrap_or(Applicability::Safe)
    }
}

/// Splice `edits` (sorted, not overlapping) into `code`.
fn splice(code: &str, edits: &[Edit]) -> String {
    let mut out = String::with_capacity(code.len());
    let mut last = 0;
    for edit in edits {
        out.push_str(&code[last..usize::from(edit.start())]);
        out.push_str(edit.content());
        last = usize::from(edit.end());
    }
    out.push_str(&code[last..]);
    out
}

/// Where `offset` of a text is after `edits` (sorted, not overlapping) are spliced into it.
/// An insertion at the start of a range goes before it, one at its end after it; an offset
/// inside a replaced range goes to the start (or, for an end, the end) of the replacement.
fn shift(offset: TextSize, edits: &[Edit], is_end: bool) -> TextSize {
    let mut delta: i64 = 0;
    for edit in edits {
        let (start, end) = (edit.start(), edit.end());
        let before = if is_end {
            end <= offset && start < offset
        } else {
            end <= offset
        };
        if before {
            delta += edit.content().len() as i64 - i64::from(u32::from(edit.range().len()));
        } else if start < offset && offset < end {
            let at = i64::from(u32::from(start)) + delta;
            let at = if is_end {
                at + edit.content().len() as i64
            } else {
                at
            };
            return TextSize::try_from(at.max(0) as usize).unwrap_or_default();
        } else {
            break;
        }
    }
    let at = i64::from(u32::from(offset)) + delta;
    TextSize::try_from(at.max(0) as usize).unwrap_or_default()
}

fn shift_range(range: TextRange, edits: &[Edit]) -> TextRange {
    let start = shift(range.start(), edits, false);
    let end = shift(range.end(), edits, true).max(start);
    TextRange::new(start, end)
}

/// What a file's review has settled so far, in the text of the current pass.
#[derive(Default)]
struct Declined {
    /// (id, finding range) of every declined fix; `true` when it is to be suppressed.
    findings: Vec<(&'static str, TextRange, bool)>,
}

impl Declined {
    fn contains(&self, unit: &Unit) -> bool {
        unit.members.iter().any(|member| {
            self.findings
                .iter()
                .any(|(id, range, _)| *id == member.id && *range == member.range)
        })
    }
    fn add(&mut self, unit: &Unit, suppress: bool) {
        for member in &unit.members {
            self.findings.push((member.id, member.range, suppress));
        }
    }
    /// Carry the ranges through the edits a pass applied.
    fn shift(&mut self, edits: &[Edit]) {
        for (_, range, _) in &mut self.findings {
            *range = shift_range(*range, edits);
        }
    }
}

const PROMPT_KEYS: &str = "[y,n,a,d,s,q,?]";

impl<'k> Session<'k> {
    pub fn new(keys: &'k mut dyn Keys, out: &'k mut dyn Write, styles: Styles) -> Self {
        Self {
            keys,
            out,
            styles,
            apply_all: BTreeSet::new(),
            skip_all: BTreeSet::new(),
            quit: false,
        }
    }

    /// The user quit (`q`, Ctrl-C, or the terminal went away): review no more files.
    pub fn quit(&self) -> bool {
        self.quit
    }

    /// Review one file: offer its fixes, pass after pass, and return the text with the
    /// accepted ones (and the suppressions asked for). A file that does not parse is an
    /// error, never offered anything.
    pub fn review(&mut self, file: &File) -> Result<Reviewed, SyntaxError> {
        let settings = file.settings;
        let parsed = parse_module(file.text).map_err(|e| SyntaxError::new(file.text, &e))?;
        let mut code = file.text.to_string();
        let mut findings = fix::check(&code, &parsed, settings);
        let mut reviewed = Reviewed::default();
        let mut declined = Declined::default();
        let mut dropped: Vec<String> = Vec::new();
        for _ in 0..fix::MAX_PASSES {
            if self.quit {
                break;
            }
            // The edits accepted in this pass, in order; mirrors `fix::apply_fixes`.
            let mut accepted: Vec<Edit> = Vec::new();
            let mut accepted_units: Vec<&Unit> = Vec::new();
            let mut last_end: Option<TextSize> = None;
            let units = crate::fix::fix_units(&findings, file.allowed);
            for unit in &units {
                let edits: Vec<&Edit> = unit
                    .edits
                    .iter()
                    .copied()
                    .filter(|e| !accepted.contains(e))
                    .collect();
                if let (Some(first), Some(last)) = (edits.first(), last_end)
                    && first.start() < last
                {
                    continue; // overlaps an accepted fix: the next pass offers it again
                }
                if declined.contains(unit) {
                    continue;
                }
                let answer = if self.skip_all.contains(unit.id()) {
                    self.note(file, &code, unit, "skipped (d)");
                    Answer::Skip
                } else if self.apply_all.contains(unit.id()) {
                    self.note(file, &code, unit, "applied (a)");
                    Answer::Apply
                } else {
                    // Output that cannot be written, or a terminal gone: as `q`.
                    self.ask(file, &code, unit).unwrap_or(Answer::Quit)
                };
                match answer {
                    Answer::Apply | Answer::ApplyAll => {
                        if answer == Answer::ApplyAll {
                            self.apply_all.insert(unit.id());
                        }
                        for edit in edits {
                            last_end = Some(edit.end());
                            accepted.push(edit.clone());
                        }
                        accepted_units.push(unit);
                    }
                    Answer::Skip | Answer::SkipAll | Answer::Suppress => {
                        if answer == Answer::SkipAll {
                            self.skip_all.insert(unit.id());
                        }
                        reviewed.declined += 1;
                        declined.add(unit, answer == Answer::Suppress);
                    }
                    Answer::Quit => {
                        self.quit = true;
                        break;
                    }
                }
            }
            if accepted.is_empty() {
                break;
            }
            let output = splice(&code, &accepted);
            let Ok(new_parsed) = parse_module(&output) else {
                let ids: BTreeSet<&str> = accepted_units.iter().map(|u| u.id()).collect();
                reviewed.internal_error = Some(format!(
                    "the accepted fixes of {} produced invalid code; they were not applied",
                    ids.into_iter().collect::<Vec<_>>().join(", ")
                ));
                break;
            };
            for unit in &accepted_units {
                for member in &unit.members {
                    *reviewed.counts.entry(member.id).or_default() += 1;
                    if let Some(fix) = &member.fix {
                        dropped.extend(fix.dropped_names().iter().cloned());
                    }
                }
            }
            declined.shift(&accepted);
            findings = fix::check(&output, &new_parsed, settings);
            code = output;
        }
        // Suppressions asked for with `s`, then imports the accepted fixes left unused.
        let suppress: Vec<Finding> = declined
            .findings
            .iter()
            .filter(|(_, _, suppress)| *suppress)
            .map(|(id, range, _)| Finding::new(id, *range, ""))
            .collect();
        if !suppress.is_empty() {
            let (with, unplaced) = crate::suppress::add_ignores(&code, &suppress);
            reviewed.suppressed = suppress.len() - unplaced.len();
            reviewed.unplaced = unplaced;
            if parse_module(&with).is_ok() {
                code = with;
            }
        }
        let mut parsed = parse_module(&code).map_err(|e| SyntaxError::new(&code, &e))?;
        if !dropped.is_empty()
            && let Some((new_code, new_parsed)) =
                fix::clean_imports(&code, &parsed, &dropped, settings)
        {
            code = new_code;
            parsed = new_parsed;
        }
        reviewed.remaining = fix::check(&code, &parsed, settings);
        reviewed.output = code;
        Ok(reviewed)
    }

    /// `path:line:col id (safe fix)`, the finding's message and the fix's note.
    fn header(&self, file: &File, code: &str, unit: &Unit) -> String {
        let first = unit.members[0];
        let at = Locator::new(code).position(first.start());
        let safety = match unit.applicability() {
            Applicability::Unsafe => self.styles.paint(YELLOW, "unsafe fix"),
            other => format!("{} fix", other.as_str()),
        };
        format!(
            "{}  {}  ({safety})",
            self.styles
                .paint(BOLD, &format!("{}:{}:{}", file.display, at.line, at.column)),
            self.styles.paint(BOLD, unit.id()),
        )
    }

    /// A fix settled by an earlier `a` or `d`: one line.
    fn note(&mut self, file: &File, code: &str, unit: &Unit, what: &str) {
        let header = self.header(file, code, unit);
        let _ = writeln!(self.out, "{header}: {}", self.styles.paint(DIM, what));
    }

    /// Show the fix and ask until a key with a meaning is pressed.
    fn ask(&mut self, file: &File, code: &str, unit: &Unit) -> io::Result<Answer> {
        let mut text = String::new();
        text.push('\n');
        text.push_str(&self.header(file, code, unit));
        text.push('\n');
        let mut messages = BTreeSet::new();
        let mut notes = BTreeSet::new();
        for member in &unit.members {
            messages.insert(member.message.as_str());
            if let Some(note) = member.fix.as_ref().and_then(Fix::note) {
                notes.insert(note);
            }
        }
        for message in messages {
            text.push_str(&format!("  {message}\n"));
        }
        for note in notes {
            text.push_str(&format!("  {} {note}\n", self.styles.paint(BOLD, "note:")));
        }
        let edits: Vec<Edit> = unit.edits.iter().map(|e| (*e).clone()).collect();
        text.push_str(&self.hunk(code, &splice(code, &edits)));
        self.out.write_all(text.as_bytes())?;
        let prompt = format!("Apply this fix? {PROMPT_KEYS} ");
        loop {
            let key = match self.keys.ask(self.out, &prompt) {
                Ok(key) => key,
                // The terminal went away: keep what was accepted, as `q`.
                Err(_) => Key::Interrupt,
            };
            let (answer, word) = match key {
                Key::Char('y') => (Answer::Apply, "y: apply".to_string()),
                Key::Char('n') => (Answer::Skip, "n: skip".to_string()),
                Key::Char('a') => (
                    Answer::ApplyAll,
                    format!("a: apply, and every later {} fix", unit.id()),
                ),
                Key::Char('d') => (
                    Answer::SkipAll,
                    format!("d: skip, and every later {} fix", unit.id()),
                ),
                Key::Char('s') => (
                    Answer::Suppress,
                    format!("s: skip, and add `# asyncup: ignore[{}]`", unit.id()),
                ),
                Key::Char('q') | Key::Interrupt => {
                    (Answer::Quit, "q: quit, keeping the fixes accepted".into())
                }
                Key::Char('?') => {
                    writeln!(self.out, "?")?;
                    self.out.write_all(help(unit.id()).as_bytes())?;
                    continue;
                }
                _ => {
                    writeln!(self.out)?;
                    writeln!(self.out, "  press one of y, n, a, d, s, q (? for help)")?;
                    continue;
                }
            };
            writeln!(self.out, "{word}")?;
            return Ok(answer);
        }
    }

    /// The hunks of one fix, coloured: removed lines red, added green, positions cyan.
    fn hunk(&self, old: &str, new: &str) -> String {
        let diff = crate::diff::unified(old, new, "x");
        let mut out = String::new();
        for line in diff.lines().skip(2) {
            let style = match line.as_bytes().first() {
                Some(b'-') => RED,
                Some(b'+') => GREEN,
                Some(b'@') => CYAN,
                Some(b'\\') => DIM,
                _ => Style::new(),
            };
            out.push_str(&self.styles.paint(style, line));
            out.push('\n');
        }
        out
    }
}

/// The keys, for `?`.
fn help(id: &str) -> String {
    format!(
        "  y  apply this fix\n\
         \x20 n  skip this fix\n\
         \x20 a  apply this fix and every later {id} fix\n\
         \x20 d  skip this fix and every later {id} fix\n\
         \x20 s  skip this fix and write `# asyncup: ignore[{id}]` on its line\n\
         \x20 q  quit: write the fixes accepted so far, leave the rest (Ctrl-C too)\n\
         \x20 ?  this help\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keys from a script; past its end, `q`.
    struct Script(std::collections::VecDeque<char>);

    impl Keys for Script {
        fn ask(&mut self, out: &mut dyn Write, prompt: &str) -> io::Result<Key> {
            out.write_all(prompt.as_bytes())?;
            Ok(self.0.pop_front().map_or(Key::Char('q'), Key::Char))
        }
    }

    fn settings() -> Settings {
        Settings {
            target: crate::version::PyVersion::DEFAULT,
            transforms: crate::registry::all().to_vec(),
            file_name: "x.py".into(),
            project: Default::default(),
            fix_overrides: Default::default(),
        }
    }

    fn review(text: &str, keys: &str, allowed: Applicability) -> (Reviewed, String) {
        let settings = settings();
        let mut script = Script(keys.chars().collect());
        let mut out = Vec::new();
        let mut session = Session::new(&mut script, &mut out, Styles::default());
        let file = File {
            display: "x.py",
            text,
            settings: &settings,
            allowed,
        };
        let reviewed = session.review(&file).unwrap();
        drop(session);
        (reviewed, String::from_utf8(out).unwrap())
    }

    const SLEEPS: &str = "import time\n\n\nasync def f():\n    time.sleep(1)\n    time.sleep(2)\n    time.sleep(3)\n";

    #[test]
    fn yes_and_no() {
        let (reviewed, out) = review(SLEEPS, "yny", Applicability::Safe);
        assert!(reviewed.output.contains("await asyncio.sleep(1)"), "{out}");
        assert!(reviewed.output.contains("    time.sleep(2)\n"), "{out}");
        assert!(reviewed.output.contains("await asyncio.sleep(3)"), "{out}");
        assert_eq!(reviewed.counts["blocking-sleep"], 2);
        assert_eq!(reviewed.declined, 1);
        // Asked three times, never again after the re-check.
        assert_eq!(out.matches("Apply this fix?").count(), 3, "{out}");
        assert!(
            out.contains("-    time.sleep(1)\n+    await asyncio.sleep(1)\n"),
            "{out}"
        );
    }

    #[test]
    fn all_and_none_of_a_transform() {
        let (reviewed, out) = review(SLEEPS, "a", Applicability::Safe);
        assert_eq!(reviewed.counts["blocking-sleep"], 3);
        assert_eq!(out.matches("Apply this fix?").count(), 1, "{out}");
        assert_eq!(out.matches("applied (a)").count(), 2, "{out}");
        assert!(
            !reviewed.output.contains("import time"),
            "unused import removed"
        );
        let (reviewed, out) = review(SLEEPS, "yd", Applicability::Safe);
        assert_eq!(reviewed.counts["blocking-sleep"], 1);
        assert_eq!(reviewed.declined, 2);
        assert_eq!(out.matches("Apply this fix?").count(), 2, "{out}");
    }

    #[test]
    fn suppress_writes_the_comment() {
        let (reviewed, _) = review(SLEEPS, "ysn", Applicability::Safe);
        assert!(
            reviewed
                .output
                .contains("    time.sleep(2)  # asyncup: ignore[blocking-sleep]\n"),
            "{}",
            reviewed.output
        );
        assert_eq!(reviewed.suppressed, 1);
        assert!(
            reviewed
                .remaining
                .iter()
                .all(|f| f.id != "blocking-sleep" || f.start() > 80.into())
        );
    }

    #[test]
    fn quit_keeps_what_was_accepted() {
        let (reviewed, out) = review(SLEEPS, "yq", Applicability::Safe);
        assert_eq!(reviewed.counts["blocking-sleep"], 1);
        assert!(reviewed.output.contains("await asyncio.sleep(1)"));
        assert!(reviewed.output.contains("    time.sleep(3)\n"));
        assert_eq!(out.matches("Apply this fix?").count(), 2, "{out}");
    }

    #[test]
    fn help_and_unknown_keys_ask_again() {
        let (reviewed, out) = review(SLEEPS, "?xynn", Applicability::Safe);
        assert_eq!(reviewed.counts["blocking-sleep"], 1);
        assert!(out.contains("a  apply this fix and every later blocking-sleep fix"));
        assert!(out.contains("press one of"));
    }

    const NESTED: &str = "import asyncio\n\n\nasync def f(a, b):\n    await asyncio.wait_for(asyncio.gather(a(), b()), 5)\n";

    #[test]
    fn a_recheck_offers_what_became_possible() {
        let (reviewed, out) = review(NESTED, "yy", Applicability::Unsafe);
        assert_eq!(reviewed.counts["wait-for-to-timeout"], 1, "{out}");
        assert_eq!(reviewed.counts["gather-to-taskgroup"], 1, "{out}");
        assert!(
            reviewed
                .output
                .contains("async with asyncio.TaskGroup() as tg:")
        );
        // Without unsafe fixes, nothing is offered.
        let (reviewed, out) = review(NESTED, "", Applicability::Safe);
        assert_eq!(reviewed.output, NESTED);
        assert!(!out.contains("Apply this fix?"), "{out}");
    }

    #[test]
    fn a_declined_fix_is_not_offered_again_after_other_fixes_move_it() {
        // Declining the first sleep, accepting the second: the third pass would see the first
        // again (at a shifted offset, the import now there); it must not be asked again.
        let text = "import time\n\n\nasync def f():\n    time.sleep(1)\n\n\nasync def g():\n    time.sleep(2)\n";
        let (reviewed, out) = review(text, "ny", Applicability::Safe);
        assert_eq!(out.matches("Apply this fix?").count(), 2, "{out}");
        assert!(reviewed.output.contains("    time.sleep(1)\n"));
        assert!(reviewed.output.contains("await asyncio.sleep(2)"));
        assert!(reviewed.output.starts_with("import asyncio\nimport time\n"));
    }

    #[test]
    fn shifting_offsets() {
        let edits = [
            Edit::insertion("ab", 2.into()),
            Edit::replacement("x", TextRange::new(5.into(), 8.into())),
        ];
        assert_eq!(shift(1.into(), &edits, false), TextSize::from(1));
        assert_eq!(shift(2.into(), &edits, false), TextSize::from(4));
        assert_eq!(shift(2.into(), &edits, true), TextSize::from(2));
        assert_eq!(shift(9.into(), &edits, false), TextSize::from(9));
        assert_eq!(shift(6.into(), &edits, false), TextSize::from(7));
        assert_eq!(shift(6.into(), &edits, true), TextSize::from(8));
    }
}
