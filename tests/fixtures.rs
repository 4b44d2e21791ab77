//! Fixture tests: every `tests/fixtures/<transform-id>/*.py` runs through the engine with that
//! transform alone (unsafe fixes allowed), and the findings plus the diff are snapshotted in
//! `snapshots/<transform-id>__<case>.snap`.
//!
//! Each fixture is also checked for:
//! - markers: a line ending in `# ERROR` has a finding, a line ending in `# OK` has none, and
//!   every finding starts on a line marked `# ERROR`;
//! - the fixed code parses, no internal error, and the fix loop converged;
//! - idempotence: running again over the fixed code changes nothing;
//! - fix availability: a transform declared safe never emits an unsafe fix, and so on.
//!
//! A first line `# asyncup-test: target-version=py310` sets the target (default py311).
//!
//! A folder `tests/fixtures/<transform-id>/<case>/` is a multi-file fixture: its `.py` files
//! (at any depth) are one run's project view, and each is checked as above with it; paths are
//! relative to the folder (so `tests/test_x.py` is a test file).

use std::path::{Path, PathBuf};

use std::sync::Arc;

use asyncup::checker::Settings;
use asyncup::edit::Applicability;
use asyncup::project::{FileFacts, Project};
use asyncup::registry::{self, FixSafety};
use asyncup::version::PyVersion;
use asyncup::{diff, fix, report};
use ruff_text_size::Ranged;

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn target_of(source: &str) -> PyVersion {
    source
        .lines()
        .next()
        .and_then(|line| line.strip_prefix("# asyncup-test: target-version="))
        .map(|v| v.trim().parse().expect("valid target in fixture directive"))
        .unwrap_or(PyVersion::DEFAULT)
}

/// 1-based line numbers whose line ends with the marker comment.
fn marked_lines(source: &str, marker: &str) -> Vec<usize> {
    source
        .lines()
        .enumerate()
        .filter(|(_, line)| line.trim_end_matches('\r').ends_with(marker))
        .map(|(i, _)| i + 1)
        .collect()
}

/// Run one fixture; returns the snapshot text.
fn check_fixture(id: &str, path: &Path) -> String {
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    let source = std::fs::read_to_string(path).unwrap();
    check_source(id, &name, &source, Default::default())
}

/// Every `.py` file under `dir`, as (path relative to `dir` with `/`, text), sorted.
fn project_files(dir: &Path) -> Vec<(String, String)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "py") {
                let relative = path
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                files.push((relative, std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    files.sort();
    files
}

/// A multi-file fixture (a folder): every file is checked with the project view of all of
/// them, as one run of the CLI over the folder would; the snapshot holds each file's report.
fn check_project_fixture(id: &str, dir: &Path) -> String {
    let files = project_files(dir);
    assert!(
        !files.is_empty(),
        "{}: empty project fixture",
        dir.display()
    );
    let project = Arc::new(Project::new(files.iter().map(|(path, text)| {
        (
            path.clone(),
            FileFacts::gather(path, Arc::from(text.as_str())),
        )
    })));
    files
        .iter()
        .map(|(path, text)| {
            format!(
                "=== {path}\n{}",
                check_source(id, path, text, project.clone())
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn check_source(id: &str, name: &str, source: &str, project: Arc<Project>) -> String {
    let name = name.to_string();
    let source = source.to_string();
    let transform = registry::find(id).unwrap_or_else(|| panic!("no transform `{id}`"));
    let settings = Settings {
        target: target_of(&source),
        transforms: vec![transform],
        file_name: name.clone(),
        project,
        fix_overrides: Default::default(),
    };

    let outcome = fix::run(&source, &settings, Some(Applicability::Unsafe)).unwrap_or_else(|e| {
        panic!(
            "{name}: fixture does not parse: {}:{} {}",
            e.line, e.column, e.message
        )
    });
    assert!(
        outcome.internal_error.is_none(),
        "{name}: {:?}",
        outcome.internal_error
    );
    assert!(!outcome.not_converged, "{name}: fixes did not converge");
    ruff_python_parser::parse_module(&outcome.output)
        .unwrap_or_else(|e| panic!("{name}: fixed code does not parse: {e}\n{}", outcome.output));

    // Idempotence: a second run over the fixed code changes nothing.
    let again = fix::run(&outcome.output, &settings, Some(Applicability::Unsafe)).unwrap();
    assert_eq!(
        again.output, outcome.output,
        "{name}: a second run changed the fixed code"
    );

    // Markers.
    let locator = report::Locator::new(&source);
    let finding_lines: Vec<usize> = outcome
        .initial
        .iter()
        .map(|f| locator.position(f.start()).line)
        .collect();
    for line in marked_lines(&source, "# ERROR") {
        assert!(
            finding_lines.contains(&line),
            "{name}:{line}: marked `# ERROR` but nothing was found"
        );
    }
    for line in marked_lines(&source, "# OK") {
        assert!(
            !finding_lines.contains(&line),
            "{name}:{line}: marked `# OK` but a finding was reported"
        );
    }
    let errors = marked_lines(&source, "# ERROR");
    for line in &finding_lines {
        assert!(
            errors.contains(line),
            "{name}:{line}: finding on a line not marked `# ERROR`"
        );
    }

    // Fix availability matches the transform's declaration.
    for finding in &outcome.initial {
        let applicability = finding.fix.as_ref().map(|f| f.applicability());
        let ok = match transform.info().safety {
            FixSafety::Safe => applicability != Some(Applicability::Unsafe),
            FixSafety::Unsafe => applicability != Some(Applicability::Safe),
            FixSafety::None => applicability.is_none(),
            FixSafety::Sometimes => true,
        };
        assert!(
            ok,
            "{name}: fix {applicability:?} contradicts declared safety {:?}",
            transform.info().safety
        );
    }

    let mut snapshot = String::new();
    for finding in &outcome.initial {
        snapshot.push_str(&report::text_lines(
            &name,
            &source,
            std::slice::from_ref(finding),
        ));
        if let Some(note) = finding.fix.as_ref().and_then(|f| f.note()) {
            snapshot.push_str(&format!("    note: {note}\n"));
        }
    }
    snapshot.push('\n');
    snapshot.push_str(&diff::unified(&source, &outcome.output, &name));
    // Make carriage returns visible and stable in the snapshot.
    snapshot.replace('\r', "␍")
}

fn run_transform_fixtures(id: &str) {
    let dir = fixtures_dir().join(id);
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "py") || path.is_dir())
        .collect();
    cases.sort();
    assert!(!cases.is_empty(), "no fixtures for {id}");
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| {
        for case in &cases {
            let report = if case.is_dir() {
                check_project_fixture(id, case)
            } else {
                check_fixture(id, case)
            };
            let stem = case.file_stem().unwrap().to_string_lossy();
            insta::assert_snapshot!(format!("{id}__{stem}"), report);
        }
    });
}

/// One test over every registered transform, so that adding a transform needs no edit here;
/// each transform's failure is collected and all are reported together.
#[test]
fn fixtures() {
    let mut failures = Vec::new();
    for transform in registry::all() {
        let id = transform.info().id;
        if let Err(panic) = std::panic::catch_unwind(|| run_transform_fixtures(id)) {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            failures.push(format!("{id}: {message}"));
        }
    }
    assert!(
        failures.is_empty(),
        "fixture failures:\n{}",
        failures.join("\n")
    );
}
