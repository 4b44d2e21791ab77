//! Unified diffs of proposed changes, in the form `git apply` and `patch` take: each file's
//! diff is headed by one `# asyncup:` comment line per applied fix (both tools skip lines
//! before a file's headers), and coloured on request.

use similar::TextDiff;

use crate::fix::AppliedFix;
use crate::style::{self, Paint};

/// The unified diff turning `old` into `new`, headed `a/<path>` and `b/<path>`; empty when
/// they are equal.
pub fn unified(old: &str, new: &str, path: &str) -> String {
    file_diff(old, new, path, &[], false, Paint::OFF)
}

/// `# asyncup: <path>:<line> <id> (safe|unsafe): <note>`: what one applied fix is, where it
/// starts (in the text of the pass where it applied) and its note on one line.
pub fn fix_comment(path: &str, fix: &AppliedFix) -> String {
    let mut line = format!(
        "# asyncup: {path}:{} {} ({})",
        fix.line,
        fix.id,
        fix.applicability.as_str()
    );
    if let Some(note) = &fix.note {
        line.push_str(": ");
        // One line whatever the note holds: a line break would end the comment.
        line.push_str(&note.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    line
}

/// The diff of one file: a comment line per applied fix (see [`fix_comment`]), then the
/// unified diff; empty when the texts are equal. `git_header`: `path` is relative to the root
/// of a git repository, and a `diff --git a/<path> b/<path>` line says so: `git apply` takes
/// the paths of such a patch from the root, wherever in the repository it runs (the paths of
/// a plain `---`/`+++` patch it takes from the current folder). With `paint` on, comments,
/// file headers, hunk headers, removed and added lines are coloured.
pub fn file_diff(
    old: &str,
    new: &str,
    path: &str,
    fixes: &[AppliedFix],
    git_header: bool,
    paint: Paint,
) -> String {
    if old == new {
        return String::new();
    }
    let path = path.trim_start_matches('/');
    let mut out = String::new();
    for fix in fixes {
        out.push_str(&paint.paint(style::NOTE, &fix_comment(path, fix)));
        out.push('\n');
    }
    let diff = TextDiff::configure()
        .newline_terminated(true)
        .diff_lines(old, new);
    let git = git_header.then(|| format!("diff --git a/{path} b/{path}"));
    for header in git
        .into_iter()
        .chain([format!("--- a/{path}"), format!("+++ b/{path}")])
    {
        out.push_str(&paint.paint(style::PATH, &header));
        out.push('\n');
    }
    for hunk in diff
        .unified_diff()
        .context_radius(3)
        .missing_newline_hint(true)
        .iter_hunks()
    {
        let text = hunk.to_string();
        if !paint.on {
            out.push_str(&text);
            continue;
        }
        // Inside a hunk the first character of a line says what it is: the header is the
        // first line, then ` `, `-`, `+` or `\` (no newline at end of file).
        for (i, line) in text.split_inclusive('\n').enumerate() {
            let (body, end) = match line.strip_suffix('\n') {
                Some(body) => (body, "\n"),
                None => (line, ""),
            };
            let styled = match body.as_bytes().first() {
                _ if i == 0 => paint.paint(style::HUNK, body),
                Some(b'-') => paint.paint(style::REMOVED, body),
                Some(b'+') => paint.paint(style::ADDED, body),
                _ => body.to_string(),
            };
            out.push_str(&styled);
            out.push_str(end);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Applicability;

    #[test]
    fn equal_texts_have_no_diff() {
        assert_eq!(super::unified("a\n", "a\n", "x.py"), "");
    }

    #[test]
    fn missing_final_newline_is_marked() {
        let diff = super::unified("a\nb", "a\nc", "x.py");
        assert_eq!(
            diff,
            "--- a/x.py\n+++ b/x.py\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n"
        );
    }

    #[test]
    fn headers_and_hunks() {
        let diff = super::unified("a\nb\n", "a\nc\n", "x.py");
        assert_eq!(
            diff,
            "--- a/x.py\n+++ b/x.py\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n"
        );
    }

    fn applied(note: Option<&str>) -> AppliedFix {
        AppliedFix {
            id: "wait-for-to-timeout",
            applicability: Applicability::Unsafe,
            note: note.map(str::to_string),
            line: 2,
            pass: 1,
        }
    }

    #[test]
    fn fixes_are_listed_before_the_file_headers_on_one_line_each() {
        let fixes = [applied(Some("moves\n  under the timeout")), applied(None)];
        let diff = file_diff("a\nb\n", "a\nc\n", "x.py", &fixes, false, Paint::OFF);
        assert_eq!(
            diff,
            "# asyncup: x.py:2 wait-for-to-timeout (unsafe): moves under the timeout\n\
             # asyncup: x.py:2 wait-for-to-timeout (unsafe)\n\
             --- a/x.py\n+++ b/x.py\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n"
        );
    }

    #[test]
    fn colour_marks_each_kind_of_line_and_strips_back_to_the_plain_diff() {
        let fixes = [applied(Some("note"))];
        let plain = file_diff("a\nb", "a\nc", "x.py", &fixes, true, Paint::OFF);
        let coloured = file_diff("a\nb", "a\nc", "x.py", &fixes, true, Paint::ON);
        assert!(coloured.contains("\u{1b}[31m-b\u{1b}[0m\n"), "{coloured:?}");
        assert!(coloured.contains("\u{1b}[32m+c\u{1b}[0m\n"), "{coloured:?}");
        assert!(coloured.contains("\u{1b}[36m@@ -1,2 +1,2 @@\u{1b}[0m\n"));
        assert!(coloured.contains("\u{1b}[33m# asyncup: x.py:2"));
        assert!(coloured.contains("\u{1b}[1mdiff --git a/x.py b/x.py\u{1b}[0m\n"));
        let stripped = anstream::adapter::strip_str(&coloured).to_string();
        assert_eq!(stripped, plain);
    }
}
