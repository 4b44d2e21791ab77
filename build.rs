//! Build script: records the git commit the binary is built from, for `asyncup --version`.
//! Outside a git checkout (a crates.io or sdist tarball, a wheel build from an sdist), or
//! without `git`, the commit is "unknown": the build never fails for it.

use std::path::PathBuf;
use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let output = Command::new("git")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    let text = String::from_utf8(output.stdout).ok()?;
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// Is the crate the root of its git checkout? A copy vendored inside another repository (or an
/// unpacked tarball under one) must not report that repository's commit.
fn in_own_checkout() -> bool {
    let root = git(&["rev-parse", "--show-toplevel"]).and_then(|p| std::fs::canonicalize(p).ok());
    root.is_some() && root == std::fs::canonicalize(env!("CARGO_MANIFEST_DIR")).ok()
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=ASYNCUP_GIT_COMMIT");
    // A packager may set the commit (a build from a tarball of a known commit).
    let commit = std::env::var("ASYNCUP_GIT_COMMIT")
        .ok()
        .filter(|c| !c.is_empty())
        .or_else(|| {
            in_own_checkout()
                .then(|| git(&["rev-parse", "--short", "HEAD"]))
                .flatten()
        })
        .unwrap_or_else(|| "unknown".to_string());
    println!("cargo:rustc-env=ASYNCUP_GIT_COMMIT={commit}");

    // Rebuild when HEAD moves: HEAD itself (a checkout), the branch it names (a commit) and
    // packed-refs (`git gc`). Only paths that exist: a missing one would rerun every build.
    // `--git-path` resolves them in worktrees too (where `.git` is a file).
    if !in_own_checkout() {
        return;
    }
    let mut watched = vec!["HEAD".to_string(), "packed-refs".to_string()];
    if let Some(branch) = git(&["symbolic-ref", "-q", "HEAD"]) {
        watched.push(branch);
    }
    for name in watched {
        if let Some(path) = git(&["rev-parse", "--git-path", &name]) {
            let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path);
            if path.exists() {
                println!("cargo:rerun-if-changed={}", path.display());
            }
        }
    }
}
