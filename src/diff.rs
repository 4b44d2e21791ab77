//! Unified diffs of proposed changes, in the form `git apply` takes.

use similar::TextDiff;

/// The unified diff turning `old` into `new`, headed `a/<path>` and `b/<path>`; empty when
/// they are equal.
pub fn unified(old: &str, new: &str, path: &str) -> String {
    if old == new {
        return String::new();
    }
    let diff = TextDiff::configure()
        .newline_terminated(true)
        .diff_lines(old, new);
    let mut out = String::new();
    let path = path.trim_start_matches('/');
    out.push_str(&format!("--- a/{path}\n+++ b/{path}\n"));
    for hunk in diff
        .unified_diff()
        .context_radius(3)
        .missing_newline_hint(true)
        .iter_hunks()
    {
        out.push_str(&hunk.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
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
}
