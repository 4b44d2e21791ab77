//! The command line: argument parsing, running the pipeline over files in parallel, and all
//! output. Exit codes: 0 nothing to report, 1 findings or changes, 2 usage or file errors.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use rayon::prelude::*;

use crate::checker::Settings;
use crate::config::{ConfigResolver, Target};
use crate::edit::{Applicability, Finding};
use crate::files::{self, SourceText};
use crate::fix::{self, Outcome};
use crate::project::{FileFacts, Project};
use crate::registry::{self, Transform};
use crate::report::{self, Summary};
use crate::version::PyVersion;
use crate::{diff, discover};
use ruff_text_size::{TextRange, TextSize};

#[derive(Parser, Debug)]
#[command(
    name = "asyncup",
    version,
    about = "Migrate Python asyncio code to structured-concurrency patterns"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Report findings: `path:line:col: id [fix] message`. Exit 1 when anything is found.
    Check(CommonArgs),
    /// Print the unified diff of what `fix` would write. Exit 1 when there is a change.
    Diff(CommonArgs),
    /// Rewrite files in place. Exit 1 when findings remain.
    Fix {
        #[command(flatten)]
        common: CommonArgs,
        /// Exit 1 when any fix was applied (for pre-commit).
        #[arg(long)]
        exit_non_zero_on_fix: bool,
    },
    /// List every transform: id, minimum Python, fix safety, summary.
    List,
    /// Show a transform's documentation.
    Explain {
        /// The transform id, e.g. wait-for-to-timeout.
        id: String,
    },
}

#[derive(Args, Debug)]
struct CommonArgs {
    /// Files or folders; `-` reads standard input. Default: the current folder.
    paths: Vec<PathBuf>,
    /// Only these transforms (comma-separated ids, or ALL).
    #[arg(long, value_delimiter = ',')]
    select: Vec<String>,
    /// Skip these transforms (comma-separated ids).
    #[arg(long, value_delimiter = ',')]
    ignore: Vec<String>,
    /// Also apply fixes that change behaviour (each names what changes).
    #[arg(long)]
    unsafe_fixes: bool,
    /// The oldest Python the code must run on (py37..py314). Default: what the nearest folder
    /// declares (`[tool.asyncup] target-version`, `requires-python`, Poetry's `python`,
    /// `python_requires`, ruff's `target-version`), else py311 with a warning.
    #[arg(long, value_parser = parse_version)]
    target_version: Option<PyVersion>,
    /// How findings are printed.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    output_format: OutputFormat,
    /// Exclude files or folders matching this glob (repeatable).
    #[arg(long)]
    exclude: Vec<String>,
    /// Read standard input (whatever paths are given) and report it under this name; nothing
    /// on disk is written (`fix` prints the fixed source).
    #[arg(long)]
    stdin_filename: Option<String>,
    /// Print findings and diffs, but no summary.
    #[arg(long, short)]
    quiet: bool,
    /// Print nothing but errors (the exit code still tells); `fix` of stdin still prints the
    /// fixed source.
    #[arg(long, short)]
    silent: bool,
    /// ruff's `check --fix`: refused with a pointer to `asyncup fix`.
    #[arg(long = "fix", hide = true)]
    ruff_fix: bool,
    /// ruff's `check --diff`: refused with a pointer to `asyncup diff`.
    #[arg(long = "diff", hide = true)]
    ruff_diff: bool,
    /// `check` only: write `# asyncup: ignore[id]` for every finding left (a baseline).
    #[arg(long)]
    add_ignore: bool,
    /// Exit 0 even when findings or changes are left (exit 2 still reports errors).
    #[arg(long)]
    exit_zero: bool,
    /// Instead of the findings, print per transform id: how many, and how many have a safe
    /// fix, an unsafe fix, no fix.
    #[arg(long)]
    statistics: bool,
}

fn parse_version(s: &str) -> Result<PyVersion, String> {
    s.parse()
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    Text,
    Json,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Mode {
    Check,
    Diff,
    Fix { exit_non_zero_on_fix: bool },
}

impl Mode {
    fn summary(self) -> report::SummaryMode {
        match self {
            Mode::Check => report::SummaryMode::Check,
            Mode::Diff => report::SummaryMode::Diff,
            Mode::Fix { .. } => report::SummaryMode::Fix,
        }
    }
}

impl CommonArgs {
    /// The target lines and the summary go to stderr unless `-q` or `-s`.
    fn show_summary(&self) -> bool {
        !self.quiet && !self.silent
    }
}

/// Stack size of the threads that parse and check files: the parser and the traversal recurse
/// once per nesting level, and a pathological file must not overflow the stack (which would
/// abort the whole run). Reserved lazily: it costs address space, not memory.
const STACK_SIZE: usize = 1 << 30;

/// Entry point of the binary: the work runs on a thread (and a rayon pool) with large stacks.
pub fn run(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let args: Vec<OsString> = args.into_iter().collect();
    let _ = rayon::ThreadPoolBuilder::new()
        .stack_size(STACK_SIZE)
        .build_global();
    std::thread::Builder::new()
        .name("asyncup".into())
        .stack_size(STACK_SIZE)
        .spawn(move || run_on_this_thread(args))
        .map_err(|err| eprintln!("asyncup: cannot start: {err}"))
        .and_then(|handle| {
            handle
                .join()
                .map_err(|_| eprintln!("asyncup: internal error: the run panicked"))
        })
        .unwrap_or(ExitCode::from(2))
}

fn run_on_this_thread(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() { 2 } else { 0 });
        }
    };
    match cli.command {
        Command::List => {
            print!("{}", list());
            ExitCode::SUCCESS
        }
        Command::Explain { id } => match registry::find(&id) {
            Some(transform) => {
                let info = transform.info();
                println!("# {}\n\n{}\n", info.id, info.summary);
                print!("{}", info.documentation());
                println!(
                    "\n## Suppressing it\nAdd `# asyncup: ignore[{id}]` at the end of the finding's line (or of the last \
                     line of its statement), or `# asyncup: ignore-file[{id}]` in the file's leading comments; \
                     `asyncup check --add-ignore` writes them for every finding left.",
                    id = info.id
                );
                ExitCode::SUCCESS
            }
            None => {
                eprintln!("asyncup: unknown transform id `{id}` (see `asyncup list`)");
                ExitCode::from(2)
            }
        },
        Command::Check(common) => run_files(common, Mode::Check),
        Command::Diff(common) => run_files(common, Mode::Diff),
        Command::Fix {
            common,
            exit_non_zero_on_fix,
        } => run_files(
            common,
            Mode::Fix {
                exit_non_zero_on_fix,
            },
        ),
    }
}

/// `asyncup list`: one line per transform.
pub fn list() -> String {
    let mut out = String::new();
    for transform in registry::all() {
        let info = transform.info();
        let min = info
            .min_version
            .map_or("any".to_string(), |v| v.to_string());
        out.push_str(&format!(
            "{:<32} {:<5} {:<12} {}\n",
            info.id,
            min,
            info.safety.as_str(),
            info.summary
        ));
    }
    out
}

/// What processing one file produced.
struct FileResult {
    path: PathBuf,
    display: String,
    result: Result<Processed, String>,
}

struct Processed {
    original: Vec<u8>,
    source: SourceText,
    outcome: Outcome,
    /// `check --add-ignore`: the text with suppressions, how many, unplaced lines.
    baseline: Option<(String, usize, Vec<usize>)>,
}

/// A file read and decoded in the first pass, with what the project view learnt from it.
type Loaded = Result<(Vec<u8>, SourceText), Unreadable>;

/// Why a file's text is not available.
enum Unreadable {
    /// It could not be read: an error (exit 2).
    Io(String),
    /// It is not text in its declared encoding: a finding (exit 1).
    Encoding(Vec<u8>, String),
}

fn load(path: &Path) -> Loaded {
    let original = std::fs::read(path).map_err(|e| Unreadable::Io(format!("cannot read: {e}")))?;
    match files::decode(&original) {
        Ok(source) => Ok((original, source)),
        Err(message) => Err(Unreadable::Encoding(original, message)),
    }
}

/// A file that cannot be decoded or parsed is a finding of its own (as in ruff), never fixed:
/// `invalid-encoding` at 1:1, `syntax-error` where the parser stopped.
fn unreadable_outcome(text: &str, id: &'static str, at: TextSize, message: String) -> Outcome {
    let finding = Finding::new(id, TextRange::empty(at), message);
    Outcome {
        initial: vec![finding.clone()],
        remaining: vec![finding],
        output: text.to_string(),
        ..Outcome::default()
    }
}

fn process(
    loaded: Loaded,
    settings: Settings,
    allowed: Option<Applicability>,
    add_ignore: bool,
) -> Result<Processed, String> {
    let (original, source) = match loaded {
        Ok(loaded) => loaded,
        Err(Unreadable::Io(message)) => return Err(message),
        Err(Unreadable::Encoding(original, message)) => {
            let source = files::decode(b"").expect("empty input decodes");
            let outcome = unreadable_outcome("", "invalid-encoding", TextSize::default(), message);
            return Ok(Processed {
                original,
                source,
                outcome,
                baseline: None,
            });
        }
    };
    let outcome = match fix::run(&source.text, &settings, allowed) {
        Ok(outcome) => outcome,
        Err(error) => unreadable_outcome(
            &source.text,
            "syntax-error",
            error.offset,
            format!("SyntaxError: {}; the file is not rewritten", error.message),
        ),
    };
    let baseline =
        add_ignore.then(|| crate::suppress::baseline(&source.text, &outcome.initial, &settings));
    Ok(Processed {
        original,
        source,
        outcome,
        baseline,
    })
}

/// Where an assumed target comes from: nothing declared one.
const ASSUMED: &str = "assumed";

/// The target for files in `dir`: `--target-version`, else what the nearest folder declares
/// (see [`crate::config`]), else py311, assumed.
fn resolve_target(args: &CommonArgs, configs: &mut ConfigResolver, dir: &Path) -> Target {
    if let Some(version) = args.target_version {
        return Target {
            version,
            origin: "--target-version".into(),
        };
    }
    configs.target_for(dir).unwrap_or_else(|| Target {
        version: PyVersion::DEFAULT,
        origin: ASSUMED.into(),
    })
}

/// Say which target versions the run used and where each came from; loudly when one was
/// assumed, since that target allows 3.11-only rewrites.
fn report_targets(targets: &BTreeMap<Target, usize>) {
    let plural = |n: usize| if n == 1 { "file" } else { "files" };
    for (target, files) in targets {
        let version = format!("py{}{}", target.version.major, target.version.minor);
        if &*target.origin == ASSUMED {
            eprintln!(
                "asyncup: warning: no Python version is declared for {files} {} (no \
                 requires-python, Poetry python, python_requires or ruff target-version was \
                 found in their folders or above); assumed {version}, so 3.11-only rewrites \
                 (asyncio.timeout, TaskGroup, the builtin TimeoutError) are offered. Set \
                 `--target-version` or `[tool.asyncup] target-version` in pyproject.toml.",
                plural(*files)
            );
        } else {
            eprintln!(
                "asyncup: target {version} for {files} {} (from {})",
                plural(*files),
                target.origin
            );
        }
    }
}

/// The path as shown to the user: relative, without a leading `./`.
fn display_path(path: &Path) -> String {
    let cwd = std::env::current_dir().ok();
    let shown = cwd
        .as_deref()
        .and_then(|cwd| path.strip_prefix(cwd).ok())
        .unwrap_or(path);
    let shown = shown.strip_prefix(".").unwrap_or(shown);
    shown.to_string_lossy().replace('\\', "/")
}

fn run_files(args: CommonArgs, mode: Mode) -> ExitCode {
    let transforms = match registry::select(&args.select, &args.ignore) {
        Ok(transforms) => transforms,
        Err(message) => {
            eprintln!("asyncup: {message}");
            return ExitCode::from(2);
        }
    };
    let allowed = match mode {
        Mode::Check => None,
        _ if args.unsafe_fixes => Some(Applicability::Unsafe),
        _ => Some(Applicability::Safe),
    };
    if args.ruff_fix || args.ruff_diff {
        let (flag, command) = if args.ruff_fix {
            ("--fix", "asyncup fix")
        } else {
            ("--diff", "asyncup diff")
        };
        eprintln!(
            "asyncup: `{flag}` is ruff's spelling; asyncup has a command for it: `{command}` (`asyncup diff` previews, `asyncup fix` writes)"
        );
        return ExitCode::from(2);
    }
    if args.add_ignore && mode != Mode::Check {
        eprintln!("asyncup: --add-ignore is an option of `asyncup check`");
        return ExitCode::from(2);
    }
    // As ruff: `--stdin-filename` always means standard input; other paths are ignored.
    let dash = args.paths.iter().any(|p| p == Path::new("-"));
    if dash || args.stdin_filename.is_some() {
        let others: Vec<String> = args
            .paths
            .iter()
            .filter(|p| *p != Path::new("-"))
            .map(|p| p.display().to_string())
            .collect();
        if !others.is_empty() {
            eprintln!(
                "asyncup: warning: reading standard input; ignoring the paths given with it: {}",
                others.join(", ")
            );
        }
        if args.add_ignore {
            eprintln!("asyncup: --add-ignore needs files, not standard input");
            return ExitCode::from(2);
        }
        return run_stdin(&args, mode, transforms, allowed);
    }
    let excludes = match discover::build_excludes(&args.exclude) {
        Ok(excludes) => excludes,
        Err(message) => {
            eprintln!("asyncup: {message}");
            return ExitCode::from(2);
        }
    };
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let found = discover::discover(&paths, &excludes);
    if found.files.is_empty() && found.errors.is_empty() && !args.silent {
        eprintln!(
            "asyncup: warning: no Python files found under {}",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    // Where `fix` may write: inside the given folders, or the given files themselves.
    let roots: Vec<PathBuf> = paths
        .iter()
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .collect();

    let mut configs = ConfigResolver::default();
    let mut targets: BTreeMap<Target, usize> = BTreeMap::new();
    let jobs: Vec<(PathBuf, String, PyVersion)> = found
        .files
        .iter()
        .map(|path| {
            let dir = path.parent().unwrap_or(Path::new("."));
            let dir = if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            };
            let absolute = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
            let target = resolve_target(&args, &mut configs, &absolute);
            *targets.entry(target.clone()).or_default() += 1;
            let target = target.version;
            let display = display_path(path);
            (path.clone(), display, target)
        })
        .collect();
    // First pass: read every file and gather what the project view needs from it.
    let loaded: Vec<(Loaded, FileFacts)> = jobs
        .par_iter()
        .map(|(path, display, _)| {
            let loaded = load(path);
            let facts = match &loaded {
                Ok((_, source)) => FileFacts::gather(display, &source.text),
                Err(_) => FileFacts::default(),
            };
            (loaded, facts)
        })
        .collect();
    let mut sources = Vec::with_capacity(loaded.len());
    let mut facts = Vec::with_capacity(loaded.len());
    for ((_, display, _), (source, file_facts)) in jobs.iter().zip(loaded) {
        sources.push(source);
        facts.push((display.clone(), file_facts));
    }
    let project = std::sync::Arc::new(Project::new(facts));
    let results: Vec<FileResult> = jobs
        .into_par_iter()
        .zip(sources)
        .map(|((path, display, target), loaded)| {
            let settings = Settings {
                target,
                transforms: transforms.clone(),
                file_name: display.clone(),
                project: project.clone(),
            };
            let result = process(loaded, settings, allowed, args.add_ignore);
            FileResult {
                path,
                display,
                result,
            }
        })
        .collect();

    let mut summary = Summary {
        files_scanned: results.len(),
        ..Summary::default()
    };
    let mut errors: Vec<String> = Vec::new();
    for (path, message) in &found.errors {
        errors.push(format!("{}: {message}", display_path(path)));
    }
    errors.extend(
        configs
            .errors
            .iter()
            .map(|e| format!("{e} (configuration ignored)")),
    );

    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut json = Vec::new();
    let mut changed_any = false;
    let mut added = 0;
    let mut unplaced = 0;
    let mut unreadable_any = false;
    let mut statistics: BTreeMap<&'static str, [usize; 4]> = BTreeMap::new();
    for file in &results {
        let processed = match &file.result {
            Ok(processed) => processed,
            Err(message) => {
                errors.push(if message.starts_with(&file.display) {
                    message.clone()
                } else {
                    format!("{}: {message}", file.display)
                });
                continue;
            }
        };
        let outcome = &processed.outcome;
        let text = &processed.source.text;
        if let Some(internal) = &outcome.internal_error {
            errors.push(format!(
                "{}: internal error: {internal}; kept the last valid text",
                file.display
            ));
        }
        if outcome.not_converged {
            eprintln!(
                "asyncup: {}: fixes did not converge after {} passes",
                file.display,
                fix::MAX_PASSES
            );
        }
        if let Some((new_text, count, skipped)) = &processed.baseline {
            for line in skipped {
                eprintln!(
                    "asyncup: warning: {}:{line}: no place for a suppression comment (the line ends inside a string or with a backslash); the finding remains",
                    file.display
                );
            }
            unplaced += skipped.len();
            if new_text != text {
                if let Some(message) = outside_given_paths(&file.path, &roots) {
                    errors.push(format!("{}: {message}", file.display));
                    continue;
                }
                let new = processed.source.encode(new_text);
                if let Err(message) = files::write_atomic(&file.path, &processed.original, &new) {
                    errors.push(format!("{}: {message:#}", file.display));
                    continue;
                }
                added += count;
                summary.files_changed += 1;
            }
            continue;
        }
        let changed = outcome.output != *text;
        if mode == Mode::Diff && !args.silent {
            // A diff cannot show them, and nothing else would: say so on stderr.
            let unreadable: Vec<Finding> = outcome
                .initial
                .iter()
                .filter(|f| is_unreadable(f))
                .cloned()
                .collect();
            if !unreadable.is_empty() {
                unreadable_any = true;
                eprint!("{}", report::text_lines(&file.display, text, &unreadable));
            }
        }
        let (shown_source, shown) = match mode {
            Mode::Check => (text.as_str(), &outcome.initial),
            _ => (outcome.output.as_str(), &outcome.remaining),
        };
        summary.count_findings(shown, args.unsafe_fixes);
        match mode {
            Mode::Check => {}
            Mode::Diff => {
                if changed && !args.silent {
                    let _ = out.write_all(
                        file_diff(&processed.source, &outcome.output, &file.display).as_bytes(),
                    );
                }
            }
            Mode::Fix { .. } => {
                if changed {
                    if let Some(message) = outside_given_paths(&file.path, &roots) {
                        errors.push(format!("{}: {message}", file.display));
                        continue;
                    }
                    let new = processed.source.encode(&outcome.output);
                    if let Err(message) = files::write_atomic(&file.path, &processed.original, &new)
                    {
                        errors.push(format!("{}: {message:#}", file.display));
                        continue;
                    }
                }
            }
        }
        if changed {
            changed_any = true;
            summary.files_changed += 1;
            for (id, n) in &outcome.counts {
                *summary.applied.entry(id).or_default() += n;
            }
        }
        if args.statistics {
            for finding in shown {
                let entry = statistics.entry(finding.id).or_insert([0; 4]);
                entry[0] += 1;
                entry[match finding.fix.as_ref().map(|f| f.applicability()) {
                    Some(Applicability::Safe) => 1,
                    Some(Applicability::Unsafe) => 2,
                    _ => 3,
                }] += 1;
            }
        } else if !args.silent && mode != Mode::Diff {
            match args.output_format {
                OutputFormat::Text => {
                    let _ = out.write_all(
                        report::text_lines(&file.display, shown_source, shown).as_bytes(),
                    );
                }
                OutputFormat::Json => {
                    json.extend(report::json_findings(&file.display, shown_source, shown))
                }
            }
        }
    }
    if args.statistics {
        let mut rows: Vec<(&&str, &[usize; 4])> = statistics.iter().collect();
        rows.sort_by(|a, b| b.1[0].cmp(&a.1[0]).then(a.0.cmp(b.0)));
        if args.output_format == OutputFormat::Json {
            let json: Vec<serde_json::Value> = rows
                .iter()
                .map(|(id, n)| {
                    serde_json::json!({"id": id, "count": n[0], "safe_fix": n[1], "unsafe_fix": n[2], "no_fix": n[3]})
                })
                .collect();
            let _ = writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&json).expect("serialize")
            );
        } else {
            for (id, n) in rows {
                let _ = writeln!(
                    out,
                    "{:>6}  {id:<30} {} safe fix, {} unsafe fix, {} no fix",
                    n[0], n[1], n[2], n[3]
                );
            }
        }
    } else if args.output_format == OutputFormat::Json && !args.silent && mode != Mode::Diff {
        let _ = writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&json).expect("findings serialize")
        );
    }
    let _ = out.flush();
    if args.add_ignore {
        for error in &errors {
            eprintln!("asyncup: {error}");
        }
        if args.show_summary() {
            eprintln!(
                "asyncup: added {added} suppression{} in {} file{}",
                if added == 1 { "" } else { "s" },
                summary.files_changed,
                if summary.files_changed == 1 { "" } else { "s" }
            );
        }
        return exit_code(&args, mode, !errors.is_empty(), unplaced > 0, false);
    }
    summary.errors = errors.len();
    for error in &errors {
        eprintln!("asyncup: {error}");
    }
    if args.show_summary() {
        report_targets(&targets);
        eprintln!("{}", summary.render(mode.summary(), args.unsafe_fixes));
    }
    exit_code(
        &args,
        mode,
        !errors.is_empty(),
        summary.findings > 0,
        changed_any || unreadable_any,
    )
}

/// The findings for files that cannot be decoded or parsed.
fn is_unreadable(finding: &Finding) -> bool {
    matches!(finding.id, "syntax-error" | "invalid-encoding")
}

/// The diff of the file's bytes: a byte-order mark is part of the first line on disk, so it
/// must be in the diff's first line too, or `git apply` finds no match for a hunk at line 1.
fn file_diff(source: &SourceText, new: &str, display: &str) -> String {
    let bom = if source.bom { "\u{feff}" } else { "" };
    diff::unified(
        &format!("{bom}{}", source.text),
        &format!("{bom}{new}"),
        display,
    )
}

/// A file reached through a symbolic link that leads outside every given path is not written:
/// a run never changes files it was not pointed at.
fn outside_given_paths(path: &Path, roots: &[PathBuf]) -> Option<String> {
    let real = std::fs::canonicalize(path).ok()?;
    if roots.iter().any(|root| real.starts_with(root)) {
        return None;
    }
    Some(format!(
        "is a link to `{}`, outside the paths given; not written",
        real.display()
    ))
}

/// 2 for errors; else 0 under `--exit-zero`; else 1 when something is left to do.
fn exit_code(
    args: &CommonArgs,
    mode: Mode,
    errors: bool,
    findings_left: bool,
    changed: bool,
) -> ExitCode {
    if errors {
        return ExitCode::from(2);
    }
    if args.exit_zero {
        return ExitCode::SUCCESS;
    }
    let failing = match mode {
        Mode::Check => findings_left,
        Mode::Diff => changed,
        Mode::Fix {
            exit_non_zero_on_fix,
        } => findings_left || (exit_non_zero_on_fix && changed),
    };
    ExitCode::from(u8::from(failing))
}

fn run_stdin(
    args: &CommonArgs,
    mode: Mode,
    transforms: Vec<&'static dyn Transform>,
    allowed: Option<Applicability>,
) -> ExitCode {
    let display = args
        .stdin_filename
        .clone()
        .unwrap_or_else(|| "-".to_string());
    let mut bytes = Vec::new();
    if let Err(err) = std::io::stdin().read_to_end(&mut bytes) {
        eprintln!("asyncup: {display}: cannot read standard input: {err}");
        return ExitCode::from(2);
    }
    let mut configs = ConfigResolver::default();
    let dir = args
        .stdin_filename
        .as_ref()
        .and_then(|name| std::path::absolute(Path::new(name)).ok())
        .and_then(|p| p.parent().map(Path::to_path_buf))
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_default();
    let target = resolve_target(args, &mut configs, &dir);
    let targets = BTreeMap::from([(target.clone(), 1)]);
    let project_of = |text: &str| {
        std::sync::Arc::new(Project::new([(
            display.clone(),
            FileFacts::gather(&display, text),
        )]))
    };
    // Undecodable input is a finding; in `fix` the bytes go through unchanged.
    let (source, outcome, passthrough) = match files::decode(&bytes) {
        Ok(source) => {
            let settings = Settings {
                target: target.version,
                transforms,
                file_name: display.clone(),
                project: project_of(&source.text),
            };
            let outcome = match fix::run(&source.text, &settings, allowed) {
                Ok(outcome) => outcome,
                Err(error) => unreadable_outcome(
                    &source.text,
                    "syntax-error",
                    error.offset,
                    format!("SyntaxError: {}; the file is not rewritten", error.message),
                ),
            };
            (source, outcome, false)
        }
        Err(message) => (
            files::decode(b"").expect("empty input decodes"),
            unreadable_outcome("", "invalid-encoding", TextSize::default(), message),
            true,
        ),
    };
    let mut summary = Summary {
        files_scanned: 1,
        ..Summary::default()
    };
    let changed = outcome.output != source.text;
    let (shown_source, shown) = match mode {
        Mode::Check => (source.text.as_str(), &outcome.initial),
        _ => (outcome.output.as_str(), &outcome.remaining),
    };
    summary.count_findings(shown, args.unsafe_fixes);
    if changed {
        summary.files_changed = 1;
        summary.applied = outcome.counts.clone();
    }
    let findings_text = match args.output_format {
        OutputFormat::Text => report::text_lines(&display, shown_source, shown),
        OutputFormat::Json => {
            serde_json::to_string_pretty(&report::json_findings(&display, shown_source, shown))
                .expect("serialize")
                + "\n"
        }
    };
    let mut out = std::io::stdout().lock();
    match mode {
        Mode::Check => {
            if !args.silent {
                let _ = out.write_all(findings_text.as_bytes());
            }
        }
        Mode::Diff => {
            if !args.silent {
                let _ = out.write_all(file_diff(&source, &outcome.output, &display).as_bytes());
            }
        }
        Mode::Fix { .. } => {
            if passthrough {
                let _ = out.write_all(&bytes);
            } else {
                let _ = out.write_all(&source.encode(&outcome.output));
            }
            if !args.silent {
                eprint!("{findings_text}");
            }
        }
    }
    let _ = out.flush();
    let mut had_error = false;
    if let Some(internal) = &outcome.internal_error {
        eprintln!("asyncup: {display}: internal error: {internal}; kept the last valid text");
        had_error = true;
    }
    if args.show_summary() {
        summary.errors = usize::from(had_error);
        report_targets(&targets);
        eprintln!("{}", summary.render(mode.summary(), args.unsafe_fixes));
    }
    exit_code(args, mode, had_error, summary.findings > 0, changed)
}
