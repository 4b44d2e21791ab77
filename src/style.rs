//! Colour: when output is coloured (`--color`, `NO_COLOR`, `FORCE_COLOR`, `CLICOLOR_FORCE`, a
//! terminal) and the styles of findings and diffs. Renderers take a [`Paint`] and add escapes
//! only when it is on, so uncoloured output is exactly the plain text (never stripped after the
//! fact: a diff may show escape bytes that are in the user's file).

use anstyle::{AnsiColor, Style};

/// `--color`.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour when the output is a terminal (and the environment allows it).
    #[default]
    Auto,
    /// Always colour, also into a file or a pipe.
    Always,
    /// Never colour.
    Never,
}

/// Is an environment variable set to something (`NO_COLOR=` counts as unset)?
fn set(value: Option<String>) -> bool {
    value.is_some_and(|v| !v.is_empty())
}

/// Whether to colour output going to `stream` (or to a file, `to_file`).
///
/// `always` and `never` decide alone. `auto`: `NO_COLOR` (non-empty) turns colour off; a file
/// (`-o`) is never coloured; `FORCE_COLOR` (non-empty, not `0`) turns it on; otherwise
/// anstream decides: `CLICOLOR_FORCE` on, `CLICOLOR=0` off, else colour on a terminal whose
/// `TERM` is not `dumb`.
pub fn enabled<S: anstream::stream::RawStream>(
    choice: ColorChoice,
    stream: &S,
    to_file: bool,
) -> bool {
    decide(
        choice,
        |name| std::env::var(name).ok(),
        to_file,
        || anstream::AutoStream::choice(stream) == anstream::ColorChoice::Always,
    )
}

fn decide(
    choice: ColorChoice,
    env: impl Fn(&str) -> Option<String>,
    to_file: bool,
    stream_wants_colour: impl FnOnce() -> bool,
) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            if set(env("NO_COLOR")) || to_file {
                false
            } else if set(env("FORCE_COLOR")) && env("FORCE_COLOR").as_deref() != Some("0") {
                true
            } else {
                stream_wants_colour()
            }
        }
    }
}

/// Adds ANSI styles to text, or nothing when off.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Paint {
    pub on: bool,
}

impl Paint {
    pub const OFF: Paint = Paint { on: false };
    pub const ON: Paint = Paint { on: true };

    /// `text` in `style` (and the reset after it), or `text` alone when off.
    pub fn paint(self, style: Style, text: &str) -> String {
        if self.on && !text.is_empty() {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_string()
        }
    }
}

/// The path of a finding or a diff's file headers.
pub const PATH: Style = Style::new().bold();
/// `:line:col:` of a finding.
pub const POSITION: Style = AnsiColor::Cyan.on_default();
/// A transform id.
pub const ID: Style = AnsiColor::Red.on_default().bold();
/// `[fix]`.
pub const SAFE_FIX: Style = AnsiColor::Green.on_default();
/// `[unsafe fix]`.
pub const UNSAFE_FIX: Style = AnsiColor::Yellow.on_default();
/// A diff's removed lines.
pub const REMOVED: Style = AnsiColor::Red.on_default();
/// A diff's added lines.
pub const ADDED: Style = AnsiColor::Green.on_default();
/// A diff's hunk headers (`@@ -1,2 +1,3 @@`).
pub const HUNK: Style = AnsiColor::Cyan.on_default();
/// The `# asyncup:` comments before a file's diff, and notes under findings.
pub const NOTE: Style = AnsiColor::Yellow.on_default();
/// The caret line and gutter of `--output-format full`.
pub const GUTTER: Style = AnsiColor::Blue.on_default().bold();
/// Carets under the finding in `--output-format full`.
pub const CARET: Style = AnsiColor::Red.on_default().bold();

#[cfg(test)]
mod tests {
    use super::*;

    fn with(vars: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn choice_and_environment() {
        use ColorChoice::*;
        let tty = || true;
        let pipe = || false;
        assert!(decide(Always, with(&[("NO_COLOR", "1")]), true, pipe));
        assert!(!decide(Never, with(&[("FORCE_COLOR", "1")]), false, tty));
        assert!(decide(Auto, with(&[]), false, tty));
        assert!(!decide(Auto, with(&[]), false, pipe));
        assert!(!decide(Auto, with(&[("NO_COLOR", "1")]), false, tty));
        // An empty NO_COLOR is unset.
        assert!(decide(Auto, with(&[("NO_COLOR", "")]), false, tty));
        assert!(decide(Auto, with(&[("FORCE_COLOR", "1")]), false, pipe));
        assert!(!decide(Auto, with(&[("FORCE_COLOR", "0")]), false, pipe));
        // NO_COLOR wins over FORCE_COLOR; a file is coloured only with `always`.
        assert!(!decide(
            Auto,
            with(&[("NO_COLOR", "1"), ("FORCE_COLOR", "1")]),
            false,
            tty
        ));
        assert!(!decide(Auto, with(&[("FORCE_COLOR", "1")]), true, tty));
    }

    #[test]
    fn paint_off_is_plain() {
        assert_eq!(Paint::OFF.paint(ID, "x"), "x");
        assert_eq!(Paint::ON.paint(ID, "x"), "\u{1b}[1m\u{1b}[31mx\u{1b}[0m");
    }
}
