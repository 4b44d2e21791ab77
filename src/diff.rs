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
    // The lines both texts start and end with, beyond the context a hunk shows, are cut
    // before diffing (the diff itself would match them up first, and they are most of a
    // file that a few fixes changed); the hunk headers count the lines cut.
    let (cut, old, new) = trim_common_lines(old, new, CONTEXT);
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
        .context_radius(CONTEXT)
        .missing_newline_hint(true)
        .iter_hunks()
    {
        let text = hunk.to_string();
        let text = match (text.split_once('\n'), hunk.ops()) {
            (Some((_, body)), [first, .., last]) | (Some((_, body)), [first @ last]) => {
                let range = |start: usize, end: usize| {
                    let (start, end) = (start + cut, end + cut);
                    match end - start {
                        0 => format!("{start},0"),
                        1 => format!("{}", start + 1),
                        len => format!("{},{len}", start + 1),
                    }
                };
                format!(
                    "@@ -{} +{} @@\n{body}",
                    range(first.old_range().start, last.old_range().end),
                    range(first.new_range().start, last.new_range().end)
                )
            }
            _ => text,
        };
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

/// Lines of context around each change, as `diff -u` shows.
const CONTEXT: usize = 3;

/// `old` and `new` without the whole lines they both start with and both end with, except the
/// `keep` nearest the first and last difference: (the lines cut at the start, the rest of
/// `old`, the rest of `new`).
fn trim_common_lines<'t>(old: &'t str, new: &'t str, keep: usize) -> (usize, &'t str, &'t str) {
    // The common start, in whole lines (a line is equal with its newline).
    let mut starts = Vec::new();
    let mut at = 0;
    for (a, b) in old.split_inclusive('\n').zip(new.split_inclusive('\n')) {
        if a != b {
            break;
        }
        starts.push(at);
        at += a.len();
    }
    let head_lines = starts.len().saturating_sub(keep);
    let head = starts.get(head_lines).copied().unwrap_or(at);
    // The common end, in whole lines, in what is left after the common start.
    let (old_rest, new_rest) = (&old[at..], &new[at..]);
    let last_line = |s: &str| -> usize {
        let body = s.strip_suffix('\n').unwrap_or(s);
        s.len() - body.rfind('\n').map_or(0, |i| i + 1)
    };
    let (mut old_end, mut new_end) = (old_rest.len(), new_rest.len());
    let mut ends = Vec::new();
    while old_end > 0 && new_end > 0 {
        let (a, b) = (
            last_line(&old_rest[..old_end]),
            last_line(&new_rest[..new_end]),
        );
        if old_rest[old_end - a..old_end] != new_rest[new_end - b..new_end] {
            break;
        }
        ends.push((old_end, new_end));
        old_end -= a;
        new_end -= b;
    }
    // `ends[j]` is where the common end's line `ends.len() - j` (counted from the change)
    // ends: the `keep`-th ends at `ends[ends.len() - keep]`.
    let tail_lines = ends.len().saturating_sub(keep);
    let (old_tail, new_tail) = ends.get(tail_lines).copied().unwrap_or((old_end, new_end));
    // `head` is a line start of both texts: the lines before it are equal.
    let cut = head_lines;
    (cut, &old[head..at + old_tail], &new[head..at + new_tail])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Applicability;

    /// The diff of the whole texts, as `similar` makes it (no lines cut first).
    fn whole(old: &str, new: &str) -> String {
        let diff = TextDiff::configure()
            .newline_terminated(true)
            .diff_lines(old, new);
        diff.unified_diff()
            .context_radius(CONTEXT)
            .missing_newline_hint(true)
            .iter_hunks()
            .map(|hunk| hunk.to_string())
            .collect()
    }

    #[test]
    fn cutting_the_common_lines_first_changes_no_hunk() {
        let lines: Vec<String> = (0..40).map(|i| format!("line {i}\n")).collect();
        let text = |edit: &dyn Fn(&mut Vec<String>)| {
            let mut l = lines.clone();
            edit(&mut l);
            l.concat()
        };
        let old = text(&|_| {});
        let cases: Vec<String> = vec![
            text(&|l| l[0] = "first\n".into()),
            text(&|l| l[39] = "last".into()),
            text(&|l| l[20] = "middle\n".into()),
            text(&|l| {
                l[5] = "a\n".into();
                l[30] = "b\n".into();
            }),
            text(&|l| {
                l.insert(10, "new\n".into());
                l.remove(25);
            }),
            text(&|l| l.truncate(37)),
            text(&|l| l.push("tail".into())),
            text(&|l| l[2] = "line 1\n".into()),
            text(&|l| l.retain(|x| x != "line 3\n" && x != "line 36\n")),
            text(&|l| l.iter_mut().for_each(|x| *x = x.replace("line", "l"))),
            String::new(),
            "line 0\nline 1".into(),
        ];
        for new in &cases {
            for (a, b) in [(old.as_str(), new.as_str()), (new.as_str(), old.as_str())] {
                let expected = whole(a, b);
                let got = super::unified(a, b, "x.py");
                let got = got.strip_prefix("--- a/x.py\n+++ b/x.py\n").unwrap_or(&got);
                assert_eq!(got, expected, "{a:?} -> {b:?}");
            }
        }
        // The lines cut are counted in the hunk header.
        assert!(super::unified(&old, &cases[2], "x.py").contains("@@ -18,7 +18,7 @@"));
    }

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
