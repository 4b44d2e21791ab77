//! `--output-format`: how findings are written. `text` and `full` are human-readable
//! (`report.rs` renders them); `json` and `json-lines` are asyncup's own JSON; `github`,
//! `gitlab`, `sarif` and `junit` are the formats CI systems read. Pure: strings in, strings out.
//!
//! An [`Emitter`] takes one file's findings at a time, in path order: the line-oriented
//! formats are returned at once (written as they come), the documents (`json`, `gitlab`,
//! `sarif`, `junit`) when it [`finish`](Emitter::finish)es.

use std::collections::HashMap;

use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};
use ruff_text_size::Ranged;
use serde_json::json;
use sha2::{Digest, Sha256};

use crate::edit::{Applicability, Finding};
use crate::registry;
use crate::report::{self, Locator, TextOptions};

/// `--output-format`.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// `path:line:col: id [fix] message`, one line per finding.
    #[default]
    Text,
    /// Text, with the source line and a caret under each finding, and its fix's note.
    Full,
    /// One JSON array of findings.
    Json,
    /// One JSON object per finding, one per line.
    JsonLines,
    /// GitHub Actions workflow commands (`::warning file=...::message`): annotations on the
    /// pull request.
    Github,
    /// GitLab Code Quality report (a JSON array).
    Gitlab,
    /// SARIF 2.1.0 (code scanning), with rules and fixes.
    Sarif,
    /// JUnit XML: a test suite per file, a failed test case per finding.
    Junit,
}

/// The two findings asyncup reports for a file it cannot read as Python: errors, not advice.
fn is_error(finding: &Finding) -> bool {
    matches!(finding.id, "syntax-error" | "invalid-encoding")
}

/// One file's findings kept for a document written at the end.
struct FileFindings {
    path: String,
    source: String,
    findings: Vec<Finding>,
}

/// Collects findings file by file and renders them in one format.
pub struct Emitter {
    format: OutputFormat,
    text: TextOptions,
    files: Vec<FileFindings>,
}

impl Emitter {
    /// `text` only matters for `text` and `full` (colour, `--show-fixes`).
    pub fn new(format: OutputFormat, text: TextOptions) -> Self {
        Self {
            format,
            text: TextOptions {
                full: format == OutputFormat::Full,
                ..text
            },
            files: Vec::new(),
        }
    }

    /// The findings of one file (`source` is the text their offsets are in). Returns what to
    /// write now: the lines of the line-oriented formats, nothing for the documents.
    pub fn file(&mut self, path: &str, source: &str, findings: &[Finding]) -> String {
        match self.format {
            OutputFormat::Text | OutputFormat::Full => {
                report::findings_text(path, source, findings, self.text)
            }
            OutputFormat::JsonLines => report::json_findings(path, source, findings)
                .iter()
                .map(|finding| serde_json::to_string(finding).expect("findings serialize") + "\n")
                .collect(),
            OutputFormat::Github => github(path, source, findings),
            OutputFormat::Json
            | OutputFormat::Gitlab
            | OutputFormat::Sarif
            | OutputFormat::Junit => {
                // A file without findings adds nothing to any of these documents.
                if !findings.is_empty() {
                    self.files.push(FileFindings {
                        path: path.to_string(),
                        source: source.to_string(),
                        findings: findings.to_vec(),
                    });
                }
                String::new()
            }
        }
    }

    /// What is left to write: the whole document of `json`, `gitlab`, `sarif` and `junit`
    /// (also when there were no findings), nothing for the others.
    pub fn finish(self) -> String {
        match self.format {
            OutputFormat::Text
            | OutputFormat::Full
            | OutputFormat::JsonLines
            | OutputFormat::Github => String::new(),
            OutputFormat::Json => {
                let all: Vec<report::JsonFinding> = self
                    .files
                    .iter()
                    .flat_map(|f| report::json_findings(&f.path, &f.source, &f.findings))
                    .collect();
                serde_json::to_string_pretty(&all).expect("findings serialize") + "\n"
            }
            OutputFormat::Gitlab => gitlab(&self.files),
            OutputFormat::Sarif => sarif(&self.files),
            OutputFormat::Junit => junit(&self.files),
        }
    }
}

/// GitHub's escaping of a workflow command's message (`%`, CR, LF).
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// GitHub's escaping of a workflow command's property value: the message's, and `:` and `,`.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// `::warning file=a.py,line=5,col=20,endLine=5,endColumn=58,title=<id>::<message>` per finding
/// (`::error` for a file that cannot be parsed or decoded).
fn github(path: &str, source: &str, findings: &[Finding]) -> String {
    let locator = Locator::new(source);
    let mut out = String::new();
    for finding in findings {
        let start = locator.position(finding.start());
        let end = locator.position(finding.end());
        out.push_str(&format!(
            "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            if is_error(finding) {
                "error"
            } else {
                "warning"
            },
            escape_property(path),
            start.line,
            start.column,
            end.line,
            end.column,
            escape_property(finding.id),
            escape_data(&finding.message)
        ));
    }
    out
}

/// The GitLab fingerprint of a finding: the SHA-256 (hex) of its path, id, message and how
/// many findings of the same file, id and message came before it, separated by NUL bytes.
/// Line numbers are left out, so a finding keeps its fingerprint when code above it moves.
pub fn fingerprint(path: &str, id: &str, message: &str, occurrence: usize) -> String {
    let mut hasher = Sha256::new();
    for part in [path, id, message, &occurrence.to_string()] {
        hasher.update(part.as_bytes());
        hasher.update([0]);
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// GitLab Code Quality: `[{description, check_name, fingerprint, severity, location: {path,
/// lines: {begin, end}}}]`.
fn gitlab(files: &[FileFindings]) -> String {
    let mut issues = Vec::new();
    for file in files {
        let locator = Locator::new(&file.source);
        let mut seen: HashMap<(&str, &str), usize> = HashMap::new();
        for finding in &file.findings {
            let occurrence = seen.entry((finding.id, &finding.message)).or_default();
            let start = locator.position(finding.start());
            let end = locator.position(finding.end());
            issues.push(json!({
                "type": "issue",
                "description": finding.message,
                "check_name": finding.id,
                "fingerprint": fingerprint(&file.path, finding.id, &finding.message, *occurrence),
                "severity": if is_error(finding) { "critical" } else { "major" },
                "location": {
                    "path": file.path,
                    "lines": {"begin": start.line, "end": end.line},
                },
            }));
            *occurrence += 1;
        }
    }
    serde_json::to_string_pretty(&issues).expect("issues serialize") + "\n"
}

/// A relative path as a URI reference: bytes other than unreserved characters and `/`
/// percent-encoded.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The SARIF rules: every transform (its summary, and its documentation as help), then the
/// two findings for unreadable files.
fn sarif_rules() -> Vec<serde_sarif::sarif::ReportingDescriptor> {
    use serde_sarif::sarif::{MultiformatMessageString, PropertyBag, ReportingDescriptor};
    let text = |text: &str| MultiformatMessageString::builder().text(text).build();
    let mut rules: Vec<ReportingDescriptor> = registry::all()
        .iter()
        .map(|transform| {
            let info = transform.info();
            let documentation = info.documentation();
            ReportingDescriptor::builder()
                .id(info.id)
                .short_description(text(info.summary))
                .full_description(text(info.summary))
                .help(
                    MultiformatMessageString::builder()
                        .text(documentation.clone())
                        .markdown(documentation)
                        .build(),
                )
                .properties(
                    PropertyBag::builder()
                        .additional_properties(
                            [
                                ("fix".to_string(), json!(info.safety.as_str())),
                                (
                                    "minimumPython".to_string(),
                                    json!(info.min_version.map(|v| v.to_string())),
                                ),
                            ]
                            .into_iter()
                            .collect::<std::collections::BTreeMap<_, _>>(),
                        )
                        .build(),
                )
                .build()
        })
        .collect();
    for (id, summary) in [
        (
            "syntax-error",
            "The file is not valid Python; it is not rewritten.",
        ),
        (
            "invalid-encoding",
            "The file is not text in its declared encoding; it is skipped.",
        ),
    ] {
        rules.push(
            ReportingDescriptor::builder()
                .id(id)
                .short_description(text(summary))
                .full_description(text(summary))
                .help(text(summary))
                .build(),
        );
    }
    rules
}

/// The SARIF region of `range`: 1-based lines, columns in code points, the end exclusive (an
/// insertion is an empty region).
fn sarif_region(locator: &Locator, range: ruff_text_size::TextRange) -> serde_sarif::sarif::Region {
    let start = locator.position(range.start());
    let end = locator.position(range.end());
    serde_sarif::sarif::Region::builder()
        .start_line(start.line as i64)
        .start_column(start.column as i64)
        .end_line(end.line as i64)
        .end_column(end.column as i64)
        .build()
}

/// A finding's fix as a SARIF fix: its safety and note as the description, each edit a
/// replacement of a region by new text.
fn sarif_fix(
    locator: &Locator,
    artifact: &serde_sarif::sarif::ArtifactLocation,
    fix: &crate::edit::Fix,
) -> serde_sarif::sarif::Fix {
    use serde_sarif::sarif::{
        ArtifactChange, ArtifactContent, Fix, Message, PropertyBag, Replacement,
    };
    let safety = fix.applicability().as_str();
    let description = match fix.note() {
        Some(note) => format!("{safety} fix: {note}"),
        None => format!("{safety} fix"),
    };
    let replacements = fix
        .edits()
        .iter()
        .map(|edit| {
            let mut replacement = Replacement::builder()
                .deleted_region(sarif_region(locator, edit.range()))
                .build();
            // Without inserted content a replacement is a deletion.
            if !edit.content().is_empty() {
                replacement.inserted_content =
                    Some(ArtifactContent::builder().text(edit.content()).build());
            }
            replacement
        })
        .collect::<Vec<_>>();
    Fix::builder()
        .description(Message::builder().text(description).build())
        .artifact_changes(vec![
            ArtifactChange::builder()
                .artifact_location(artifact.clone())
                .replacements(replacements)
                .build(),
        ])
        .properties(
            PropertyBag::builder()
                .additional_properties(std::collections::BTreeMap::from([(
                    "applicability".to_string(),
                    json!(safety),
                )]))
                .build(),
        )
        .build()
}

/// SARIF 2.1.0: one run of asyncup, its rules, one result per finding with its region (columns
/// in Unicode code points) and its fix as replacements.
fn sarif(files: &[FileFindings]) -> String {
    use serde_sarif::sarif::{
        ArtifactLocation, Location, Message, PhysicalLocation, Result as SarifResult, ResultLevel,
        Run, Sarif, Tool, ToolComponent,
    };
    let rules = sarif_rules();
    let index: HashMap<String, i64> = rules
        .iter()
        .enumerate()
        .map(|(i, rule)| (rule.id.clone(), i as i64))
        .collect();
    let mut results = Vec::new();
    for file in files {
        let locator = Locator::new(&file.source);
        let artifact = ArtifactLocation::builder().uri(uri(&file.path)).build();
        for finding in &file.findings {
            let location = Location::builder()
                .physical_location(
                    PhysicalLocation::builder()
                        .artifact_location(artifact.clone())
                        .region(sarif_region(&locator, finding.range()))
                        .build(),
                )
                .build();
            let mut result = SarifResult::builder()
                .rule_id(finding.id)
                .level(if is_error(finding) {
                    ResultLevel::Error
                } else {
                    ResultLevel::Warning
                })
                .message(Message::builder().text(finding.message.as_str()).build())
                .locations(vec![location])
                .build();
            result.rule_index = index.get(finding.id).copied();
            result.fixes = finding
                .fix
                .as_ref()
                .filter(|fix| fix.applicability() != Applicability::DisplayOnly)
                .map(|fix| vec![sarif_fix(&locator, &artifact, fix)]);
            results.push(result);
        }
    }
    let driver = ToolComponent::builder()
        .name("asyncup")
        .version(env!("CARGO_PKG_VERSION"))
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .rules(rules)
        .build();
    let run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .column_kind(json!("unicodeCodePoints"))
        .results(results)
        .build();
    let sarif = Sarif::builder()
        .schema(
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
        )
        .version(json!("2.1.0"))
        .runs(vec![run])
        .build();
    serde_json::to_string_pretty(&sarif).expect("sarif serializes")
        + "
"
}

/// JUnit XML as ruff writes it: a `testsuite` per file (`package="org.asyncup"`), a failed
/// `testcase` per finding named `org.asyncup.<id>`, its class the path without the extension,
/// its line and column as attributes; one passing test case when nothing was found.
fn junit(files: &[FileFindings]) -> String {
    let mut report = Report::new("asyncup");
    if files.is_empty() {
        let mut suite = TestSuite::new("asyncup");
        suite.extra.insert("package".into(), "org.asyncup".into());
        let mut case = TestCase::new("No findings", TestCaseStatus::success());
        case.set_classname("asyncup");
        suite.add_test_case(case);
        report.add_test_suite(suite);
    }
    for file in files {
        let locator = Locator::new(&file.source);
        let mut suite = TestSuite::new(file.path.as_str());
        suite.extra.insert("package".into(), "org.asyncup".into());
        let classname = file
            .path
            .strip_suffix(".pyi")
            .or_else(|| file.path.strip_suffix(".py"))
            .unwrap_or(&file.path);
        for finding in &file.findings {
            let at = locator.position(finding.start());
            let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
            status.set_message(finding.message.as_str());
            status.set_description(format!(
                "line {}, col {}, {}",
                at.line, at.column, finding.message
            ));
            let mut case = TestCase::new(format!("org.asyncup.{}", finding.id), status);
            case.set_classname(classname);
            case.extra.insert("line".into(), at.line.to_string().into());
            case.extra
                .insert("column".into(), at.column.to_string().into());
            suite.add_test_case(case);
        }
        report.add_test_suite(suite);
    }
    let mut xml = report.to_string().expect("the report serializes");
    if !xml.ends_with('\n') {
        xml.push('\n');
    }
    xml
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_escapes_data_and_properties() {
        assert_eq!(escape_data("a%b\r\nc:d,e"), "a%25b%0D%0Ac:d,e");
        assert_eq!(escape_property("a%b\nc:d,e"), "a%25b%0Ac%3Ad%2Ce");
    }

    #[test]
    fn fingerprints_are_sha256_of_the_parts() {
        // python3 -c 'import hashlib; print(hashlib.sha256(b"a.py\0x\0m\x000\0").hexdigest())'
        assert_eq!(
            fingerprint("a.py", "x", "m", 0),
            "8209f4da0f446254a739c903e756f805ee49e65a6c91587bd61893cec5701a64"
        );
        assert_ne!(
            fingerprint("a.py", "x", "m", 0),
            fingerprint("a.py", "x", "m", 1)
        );
    }

    #[test]
    fn uris_percent_encode_what_is_not_a_path_character() {
        assert_eq!(uri("pkg/my file#1.py"), "pkg/my%20file%231.py");
        assert_eq!(uri("é.py"), "%C3%A9.py");
    }
}
