//! The command line: argument parsing, running the pipeline over files in parallel, and all
//! output. Exit codes: 0 nothing to report, 1 findings or changes, 2 usage or file errors.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use rayon::prelude::*;

use crate::checker::Settings;
use crate::config::{Discovery, Target};
use crate::edit::{Applicability, Finding};
use crate::files::{self, SourceText};
use crate::fix::{self, AppliedFix, Outcome};
use crate::formats::{Emitter, OutputFormat};
use crate::project::{FileFacts, Project};
use crate::registry;
use crate::report::{self, Summary};
use crate::settings::{self, FileSettings, Resolver};
use crate::style::{self, ColorChoice, Paint};
use crate::version::PyVersion;
use crate::{diff, discover};
use ruff_text_size::{TextRange, TextSize};

/// The version and the git commit the binary was built from (see `build.rs`).
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (",
    env!("ASYNCUP_GIT_COMMIT"),
    ")"
);

#[derive(Parser, Debug)]
#[command(
    name = "asyncup",
    version = VERSION,
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
        /// Write what was done as markdown to FILE: a title line, fixes per transform, what
        /// the unsafe fixes change, the findings left; a commit message or a PR body.
        #[arg(long, value_name = "FILE")]
        summary_markdown: Option<PathBuf>,
        /// Review each fix and answer with one key: y apply, n skip, a / d apply / skip every
        /// later fix of its transform, s skip and suppress, q quit, ? help. Needs a terminal.
        #[arg(long, short)]
        interactive: bool,
    },
    /// List every transform: id, minimum Python, fix safety, summary.
    List,
    /// Show a transform's documentation.
    Explain {
        /// The transform id, e.g. wait-for-to-timeout.
        id: String,
    },
    /// Print a shell completion script, e.g. `asyncup completions bash > ~/.local/share/bash-completion/completions/asyncup`.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

#[derive(Args, Debug)]
struct CommonArgs {
    /// Files or folders; `-` reads standard input. Default: the current folder.
    paths: Vec<PathBuf>,
    /// Only these transforms (comma-separated ids, or ALL); replaces the configuration's
    /// `select`, `extend-select` and `ignore`.
    #[arg(long, value_delimiter = ',')]
    select: Vec<String>,
    /// Also these transforms (comma-separated ids), on top of the selection.
    #[arg(long, value_delimiter = ',')]
    extend_select: Vec<String>,
    /// Skip these transforms (comma-separated ids, or ALL).
    #[arg(long, value_delimiter = ',')]
    ignore: Vec<String>,
    /// Also apply fixes that change behaviour (each names what changes).
    #[arg(long, overrides_with = "no_unsafe_fixes")]
    unsafe_fixes: bool,
    /// Do not apply unsafe fixes, whatever the configuration says.
    #[arg(long, overrides_with = "unsafe_fixes")]
    no_unsafe_fixes: bool,
    /// Use this configuration file (`pyproject.toml` with `[tool.asyncup]`, or
    /// `asyncup.toml`) for every file; its relative globs are anchored at its folder.
    #[arg(long, value_name = "PATH", conflicts_with = "isolated")]
    config: Option<PathBuf>,
    /// Read no asyncup configuration file (the Python version a project declares is still
    /// read).
    #[arg(long)]
    isolated: bool,
    /// Apply excludes to files named on the command line too (for pre-commit).
    #[arg(long, overrides_with = "no_force_exclude")]
    force_exclude: bool,
    #[arg(long, overrides_with = "force_exclude", hide = true)]
    no_force_exclude: bool,
    /// Print the resolved settings of the file given as PATH, and exit.
    #[arg(long)]
    show_settings: bool,
    /// The oldest Python the code must run on (py37..py314). Default: what the nearest folder
    /// declares (`[tool.asyncup] target-version`, `requires-python`, Poetry's `python`,
    /// `python_requires`, ruff's `target-version`), else py311 with a warning.
    #[arg(long, value_parser = parse_version)]
    target_version: Option<PyVersion>,
    /// How findings are printed: text, full (with the source line and the fix note), json,
    /// json-lines, github (workflow annotations), gitlab (Code Quality), sarif, junit.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    output_format: OutputFormat,
    /// Write findings (the diff of `diff`) to this file instead of standard output; the
    /// summary still goes to standard error.
    #[arg(long, short = 'o', value_name = "PATH")]
    output_file: Option<PathBuf>,
    /// Colour findings and diffs: auto (on a terminal; NO_COLOR, FORCE_COLOR, CLICOLOR_FORCE
    /// are honoured), always, never. Output to a file (`-o`) is coloured only with `always`.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// List the fixes with their notes: under each finding the fix it has (`check`), or the
    /// fixes applied per file (`fix`). `diff` always lists them, as comments.
    #[arg(long)]
    show_fixes: bool,
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
    /// Walk every file, even one without any word a transform needs (for the test that shows
    /// the pre-filter changes no finding).
    #[arg(long, hide = true)]
    no_prefilter: bool,
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
    /// Benchmark probe (scripts/bench.sh): discover, read and parse the files, nothing else.
    #[arg(long, hide = true)]
    parse_only: bool,
}

fn parse_version(s: &str) -> Result<PyVersion, String> {
    s.parse()
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Mode {
    Check,
    Diff,
    Fix {
        exit_non_zero_on_fix: bool,
        /// `fix --interactive`: each fix is asked for (see `interactive.rs`).
        interactive: bool,
    },
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
        Command::Completions { shell } => {
            use clap::CommandFactory;
            let mut command = Cli::command();
            clap_complete::generate(shell, &mut command, "asyncup", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
        Command::Check(common) => run_files(common, Mode::Check, None),
        Command::Diff(common) => run_files(common, Mode::Diff, None),
        Command::Fix {
            common,
            exit_non_zero_on_fix,
            summary_markdown,
            interactive,
        } => {
            if interactive && let Err(message) = interactive_usage(&common) {
                eprintln!("asyncup: {message}");
                return ExitCode::from(2);
            }
            run_files(
                common,
                Mode::Fix {
                    exit_non_zero_on_fix,
                    interactive,
                },
                summary_markdown.as_deref(),
            )
        }
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
    /// Unsafe fixes are applied to this file (`--unsafe-fixes` or its configuration).
    unsafe_fixes: bool,
    result: Result<Processed, String>,
}

struct Processed {
    source: SourceText,
    outcome: Outcome,
    /// `check --add-ignore`: the text with suppressions, how many, unplaced lines.
    baseline: Option<(String, usize, Vec<usize>)>,
}

/// A file read and decoded in the first pass, with what the project view learnt from it.
type Loaded = Result<SourceText, Unreadable>;

/// Why a file's text is not available.
enum Unreadable {
    /// It could not be read: an error (exit 2).
    Io(String),
    /// It is not text in its declared encoding: a finding (exit 1).
    Encoding(String),
}

fn load(path: &Path) -> Loaded {
    let original = std::fs::read(path).map_err(|e| Unreadable::Io(format!("cannot read: {e}")))?;
    // Only the decoded text is kept: decoding is lossless (a BOM is remembered), so the bytes
    // on disk are `source.encode(&source.text)` when the file is written back.
    match files::decode_vec(original) {
        Ok(source) => Ok(source),
        Err(message) => Err(Unreadable::Encoding(message)),
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
    let source = match loaded {
        Ok(loaded) => loaded,
        Err(Unreadable::Io(message)) => return Err(message),
        Err(Unreadable::Encoding(message)) => {
            let source = files::decode(b"").expect("empty input decodes");
            let outcome = unreadable_outcome("", "invalid-encoding", TextSize::default(), message);
            return Ok(Processed {
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
        source,
        outcome,
        baseline,
    })
}

/// The per-file settings resolver for `args`: ids trimmed and checked, `--config` read. An
/// error is a usage or configuration error (exit 2).
fn resolver(args: &CommonArgs) -> Result<Resolver, String> {
    let select = settings::Cli::trimmed(&args.select, "--select")?;
    let cli = settings::Cli {
        select: (!args.select.is_empty()).then_some(select),
        extend_select: settings::Cli::trimmed(&args.extend_select, "--extend-select")?,
        ignore: settings::Cli::trimmed(&args.ignore, "--ignore")?,
        unsafe_fixes: flag(args.unsafe_fixes, args.no_unsafe_fixes),
        force_exclude: flag(args.force_exclude, args.no_force_exclude),
        target_version: args.target_version,
        discovery: match (&args.config, args.isolated) {
            (Some(path), _) => Discovery::Fixed(path.clone()),
            (None, true) => Discovery::Isolated,
            (None, false) => Discovery::Nearest,
        },
    };
    Resolver::new(cli)
}

/// `--x` / `--no-x`: `Some` when either was given.
fn flag(on: bool, off: bool) -> Option<bool> {
    (on || off).then_some(on)
}

/// Which fixes a file may get: none in `check`, unsafe ones too when its settings allow.
/// What a check of the file shown as `display` needs from its resolved settings.
fn check_settings(
    file: &FileSettings,
    display: &str,
    project: &std::sync::Arc<Project>,
) -> Settings {
    Settings {
        target: file.target.version,
        transforms: file.transforms.clone(),
        file_name: display.to_string(),
        project: project.clone(),
        fix_overrides: file.fix_overrides.clone(),
    }
}

fn allowed_fixes(mode: Mode, file: &FileSettings) -> Option<Applicability> {
    match mode {
        Mode::Check => None,
        _ if file.unsafe_fixes => Some(Applicability::Unsafe),
        _ => Some(Applicability::Safe),
    }
}

/// `--show-settings PATH`: print the settings of the one path given, exit 0.
fn show_settings(args: &CommonArgs, mut resolver: Resolver) -> ExitCode {
    // The one path, or the name standard input is given (`--stdin-filename NAME [-]`).
    let name = match (args.paths.as_slice(), &args.stdin_filename) {
        ([], Some(name)) => PathBuf::from(name),
        ([path], Some(name)) if path == Path::new("-") => PathBuf::from(name),
        ([path], _) => path.clone(),
        _ => {
            eprintln!("asyncup: --show-settings takes exactly one path");
            return ExitCode::from(2);
        }
    };
    let settings = match resolver.for_file(&name) {
        Ok(settings) => settings,
        Err(message) => {
            eprintln!("asyncup: {message}");
            return ExitCode::from(2);
        }
    };
    let excluded = resolver.excluded_with_folders(&name, name.is_dir());
    print!(
        "{}",
        settings::show(
            &display_path(&name),
            &settings,
            excluded,
            resolver.discovery()
        )
    );
    ExitCode::SUCCESS
}

/// The settings of every file, or the first configuration error.
/// The settings of every file; files whose settings are the same share one copy (the same
/// configuration file, target and matching `per-file-ignores`), so a run over a large tree does
/// not hold a list of transforms per file.
fn resolve_all<P: AsRef<Path>>(
    resolver: &mut Resolver,
    files: impl ExactSizeIterator<Item = P>,
) -> Result<Vec<std::sync::Arc<FileSettings>>, String> {
    type Key = (
        Option<PathBuf>,
        crate::config::Target,
        Vec<(String, Vec<String>)>,
        bool,
        bool,
    );
    let mut shared: rustc_hash::FxHashMap<Key, std::sync::Arc<FileSettings>> = Default::default();
    // Kept until the end of the run: exactly one pointer per file.
    let mut out = Vec::with_capacity(files.len());
    for path in files {
        let file = resolver.for_file(path.as_ref())?;
        let key = (
            file.config.as_ref().map(|c| c.path.clone()),
            file.target.clone(),
            file.per_file_ignores.clone(),
            file.unsafe_fixes,
            file.force_exclude,
        );
        out.push(
            shared
                .entry(key)
                .or_insert_with(|| std::sync::Arc::new(file))
                .clone(),
        );
    }
    Ok(out)
}

/// Say (once each) which transforms selected by name the target version turns off.
fn report_version_warnings<'a>(files: impl IntoIterator<Item = &'a FileSettings>) {
    let mut seen = std::collections::BTreeSet::new();
    for file in files {
        for warning in settings::version_warnings(file) {
            if seen.insert(warning.clone()) {
                eprintln!("asyncup: warning: {warning}");
            }
        }
    }
}

/// Say which target versions the run used and where each came from; loudly when one was
/// assumed, since that target allows 3.11-only rewrites.
fn report_targets(targets: &BTreeMap<Target, usize>) {
    let plural = |n: usize| if n == 1 { "file" } else { "files" };
    for (target, files) in targets {
        let version = format!("py{}{}", target.version.major, target.version.minor);
        if &*target.origin == settings::ASSUMED {
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

/// The path to read and the display path of the run's `index`-th file (see [`Project::new`]).
fn run_file(project: &Project, index: usize) -> (PathBuf, String) {
    let display = project.path(index).into_owned();
    let path = project
        .disk_path(index)
        .map_or_else(|| PathBuf::from(&display), std::borrow::Cow::into_owned);
    (path, display)
}

/// The path as shown to the user: relative, without a leading `./`.
fn display_path(path: &Path) -> String {
    // Asked once per file: the folder is read once per run.
    static CWD: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();
    let shown = CWD
        .get_or_init(|| std::env::current_dir().ok())
        .as_deref()
        .and_then(|cwd| path.strip_prefix(cwd).ok())
        .unwrap_or(path);
    let shown = shown.strip_prefix(".").unwrap_or(shown);
    shown.to_string_lossy().replace('\\', "/")
}

/// Find the files of the run as `check` does (excludes, configured excludes, force-exclude)
/// and hand the settings resolver back: (the paths given, what was found, the resolver).
fn discover_files(
    args: &CommonArgs,
    resolver: Resolver,
) -> Result<(Vec<PathBuf>, discover::Discovered, Resolver), String> {
    let excludes = discover::build_excludes(&args.exclude)?;
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let shared = std::sync::Arc::new(std::sync::Mutex::new(resolver));
    let filter = {
        let shared = shared.clone();
        std::sync::Arc::new(move |path: &Path, is_dir: bool, explicit: bool| {
            shared
                .lock()
                .is_ok_and(|mut r| r.is_excluded(path, is_dir, explicit))
        })
    };
    let force = {
        let shared = shared.clone();
        move |path: &Path| shared.lock().is_ok_and(|mut r| r.force_exclude(path))
    };
    let found = discover::discover(&paths, &excludes, filter, &force);
    drop(force);
    let resolver = std::sync::Arc::try_unwrap(shared)
        .map_err(|_| ())
        .and_then(|m| m.into_inner().map_err(|_| ()))
        .map_err(|()| "internal error: the settings are still in use".to_string())?;
    Ok((paths, found, resolver))
}

/// `--parse-only` (hidden): the benchmark's "bare parallel parse" baseline. Discovers files as
/// `check` does, reads and decodes them, parses each in parallel and prints only the counts:
/// no settings, project view or transforms.
fn parse_only(args: &CommonArgs, resolver: Resolver) -> ExitCode {
    let found = match discover_files(args, resolver) {
        Ok((_, found, _)) => found,
        Err(message) => {
            eprintln!("asyncup: {message}");
            return ExitCode::from(2);
        }
    };
    let files = &found.files;
    let failed: usize = (0..files.len())
        .into_par_iter()
        .map(|index| match load(&files.get(index)) {
            Ok(source) => usize::from(ruff_python_parser::parse_module(&source.text).is_err()),
            Err(_) => 1,
        })
        .sum();
    eprintln!(
        "asyncup: parse-only: {} files, {failed} unreadable or not parsed",
        found.files.len()
    );
    ExitCode::SUCCESS
}

fn run_files(args: CommonArgs, mode: Mode, summary_markdown: Option<&Path>) -> ExitCode {
    if args.no_prefilter {
        crate::checker::PREFILTER.store(false, std::sync::atomic::Ordering::Relaxed);
    }
    let resolver = match resolver(&args) {
        Ok(resolver) => resolver,
        Err(message) => {
            eprintln!("asyncup: {message}");
            return ExitCode::from(2);
        }
    };
    if args.parse_only {
        return parse_only(&args, resolver);
    }
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
    if args.show_settings {
        return show_settings(&args, resolver);
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
        if args.add_ignore || summary_markdown.is_some() {
            let option = if args.add_ignore {
                "--add-ignore"
            } else {
                "--summary-markdown"
            };
            eprintln!("asyncup: {option} needs files, not standard input");
            return ExitCode::from(2);
        }
        return run_stdin(&args, mode, resolver);
    }
    let (paths, mut found, mut resolver) = match discover_files(&args, resolver) {
        Ok(discovered) => discovered,
        Err(message) => {
            eprintln!("asyncup: {message}");
            return ExitCode::from(2);
        }
    };
    let file_settings = resolve_all(&mut resolver, found.files.iter()).and_then(|s| match resolver
        .fatal()
        .first()
    {
        Some(error) => Err(error.clone()),
        None => Ok(s),
    });
    let file_settings = match file_settings {
        Ok(file_settings) => file_settings,
        Err(message) => {
            eprintln!("asyncup: {message}");
            return ExitCode::from(2);
        }
    };
    // The resolver's caches (a configuration per folder) are not needed again: only the
    // errors it tolerated are reported, at the end.
    let tolerated = resolver.tolerated().to_vec();
    drop(resolver);
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

    let mut targets: BTreeMap<Target, usize> = BTreeMap::new();
    for file in &file_settings {
        *targets.entry(file.target.clone()).or_default() += 1;
    }
    if !args.silent {
        report_version_warnings(file_settings.iter().map(|file| &**file));
    }
    // The summary's next step: did every file get unsafe fixes (flag or configuration)?
    let unsafe_everywhere =
        !file_settings.is_empty() && file_settings.iter().all(|f| f.unsafe_fixes);
    // First pass: read every file and gather what the project view needs from it. No text is
    // kept: the second pass reads each file again, so memory does not grow with the tree. The
    // paths move into the project, which holds each file's path and display path once.
    let files = std::mem::take(&mut found.files);
    let project_roots = discover::project_roots(files.iter());
    // A file without any word a transform needs is not read again (see `checker::NEEDLES`).
    // Files in order, a few dozen at a time per worker (see `stream::ordered_chunks`).
    let mut facts: Vec<FileFacts> = Vec::with_capacity(files.len());
    let mut needed: Vec<bool> = Vec::with_capacity(files.len());
    crate::stream::ordered_chunks(
        files.len(),
        32,
        |index| {
            let (facts, needed) = match load(&files.get(index)) {
                Ok(source) => (
                    FileFacts::gather_from_disk(&files.text(index), &source.text),
                    crate::checker::may_hold_findings(&source.text),
                ),
                Err(_) => (FileFacts::default(), true),
            };
            (facts.in_project(project_roots[index]), needed)
        },
        |(file, need)| {
            facts.push(file);
            needed.push(need);
        },
    );
    drop(project_roots);
    let project = std::sync::Arc::new(Project::of_run(files, facts, display_path));
    if let Mode::Fix {
        interactive: true, ..
    } = mode
    {
        let mut errors: Vec<String> = found
            .errors
            .iter()
            .map(|(path, message)| format!("{}: {message}", display_path(path)))
            .collect();
        errors.extend(
            tolerated
                .iter()
                .map(|e| format!("{e} (configuration ignored)")),
        );
        let review = Review {
            mode,
            roots: &roots,
            errors,
            unsafe_everywhere,
        };
        let jobs: Vec<(PathBuf, String, std::sync::Arc<FileSettings>)> = file_settings
            .into_iter()
            .enumerate()
            .map(|(index, file)| {
                let (path, display) = run_file(&project, index);
                (path, display, file)
            })
            .collect();
        let sources: Vec<Loaded> = jobs.par_iter().map(|(path, _, _)| load(path)).collect();
        return review_files(
            &args,
            review,
            jobs.into_iter().zip(sources),
            project,
            &targets,
        );
    }
    // Second pass, streamed: each file is read, checked (and fixed), then reported or written
    // in path order as soon as the files before it are, and dropped.
    let process_one = |index: usize| {
        let (file, needed) = (&file_settings[index], needed[index]);
        let (path, display) = run_file(&project, index);
        let unsafe_fixes = file.unsafe_fixes;
        if !needed {
            let source = files::decode(b"").expect("empty input decodes");
            return FileResult {
                path,
                display,
                unsafe_fixes,
                result: Ok(Processed {
                    source,
                    outcome: Outcome::default(),
                    baseline: None,
                }),
            };
        }
        let allowed = allowed_fixes(mode, file);
        let settings = check_settings(file, &display, &project);
        let result = process(load(&path), settings, allowed, args.add_ignore);
        FileResult {
            path,
            display,
            unsafe_fixes,
            result,
        }
    };

    let mut summary = Summary {
        files_scanned: file_settings.len(),
        ..Summary::default()
    };
    let mut errors: Vec<String> = Vec::new();
    for (path, message) in &found.errors {
        errors.push(format!("{}: {message}", display_path(path)));
    }
    errors.extend(
        tolerated
            .iter()
            .map(|e| format!("{e} (configuration ignored)")),
    );

    let (mut out, paint) = match output(&args) {
        Ok(output) => output,
        Err(message) => {
            eprintln!("asyncup: {message}");
            return ExitCode::from(2);
        }
    };
    let mut emitter = Emitter::new(args.output_format, text_options(&args, paint));
    let mut applied_lists: Vec<(String, Vec<AppliedFix>)> = Vec::new();
    let mut changed_any = false;
    let mut added = 0;
    let mut unplaced = 0;
    let mut unreadable_any = false;
    let mut statistics: BTreeMap<&'static str, [usize; 4]> = BTreeMap::new();
    // `--summary-markdown`: the files whose fixes were written (or that needed none).
    let mut summarized: Vec<(String, Outcome)> = Vec::new();
    let report_one = |file: FileResult| {
        let processed = match &file.result {
            Ok(processed) => processed,
            Err(message) => {
                errors.push(if message.starts_with(&file.display) {
                    message.clone()
                } else {
                    format!("{}: {message}", file.display)
                });
                return;
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
            if new_text.as_str() != &**text {
                if let Some(message) = outside_given_paths(&file.path, &roots) {
                    errors.push(format!("{}: {message}", file.display));
                    return;
                }
                project.pin_definitions(&file.display, text);
                let new = processed.source.encode(new_text);
                if let Err(message) = files::write_atomic(
                    &file.path,
                    &processed.source.encode(&processed.source.text),
                    &new,
                ) {
                    errors.push(format!("{}: {message:#}", file.display));
                    return;
                }
                added += count;
                summary.files_changed += 1;
            }
            return;
        }
        let changed = *outcome.output != **text;
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
            Mode::Check => (&**text, &outcome.initial),
            _ => (outcome.output.as_str(), &outcome.remaining),
        };
        summary.count_findings(shown, file.unsafe_fixes);
        match mode {
            Mode::Check => {}
            Mode::Diff => {
                if changed && !args.silent {
                    let in_repo = files::repo_relative(&file.path);
                    let diff = file_diff(&processed.source, outcome, &file.display, in_repo, paint);
                    let _ = out.write_all(diff.as_bytes());
                }
            }
            Mode::Fix { .. } => {
                if changed {
                    if let Some(message) = outside_given_paths(&file.path, &roots) {
                        errors.push(format!("{}: {message}", file.display));
                        return;
                    }
                    // Files checked after this one see its definitions as they were.
                    project.pin_definitions(&file.display, text);
                    let new = processed.source.encode(&outcome.output);
                    if let Err(message) = files::write_atomic(
                        &file.path,
                        &processed.source.encode(&processed.source.text),
                        &new,
                    ) {
                        errors.push(format!("{}: {message:#}", file.display));
                        return;
                    }
                    applied_lists.push((file.display.clone(), outcome.applied.clone()));
                }
            }
        }
        // Only for `--summary-markdown`: kept to the end of the run.
        if summary_markdown.is_some() {
            summarized.push((
                file.display.clone(),
                Outcome {
                    initial: outcome.initial.clone(),
                    remaining: outcome.remaining.clone(),
                    output: outcome.output.clone(),
                    counts: outcome.counts.clone(),
                    applied: outcome.applied.clone(),
                    internal_error: outcome.internal_error.clone(),
                    not_converged: outcome.not_converged,
                },
            ));
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
            let _ = out.write_all(emitter.file(&file.display, shown_source, shown).as_bytes());
        }
    };
    // A file without any word a transform needs is not read: it goes with the next file that
    // is, one message for both (see `stream::ordered_grouped`).
    crate::stream::ordered_grouped(
        file_settings.len(),
        |index| needed[index],
        32,
        process_one,
        report_one,
    );
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
    } else if !args.silent && mode != Mode::Diff {
        let _ = out.write_all(emitter.finish().as_bytes());
        if args.show_fixes && is_text(args.output_format) {
            let _ = out.write_all(
                report::applied_fixes_text(
                    applied_lists
                        .iter()
                        .map(|(path, fixes)| (path.as_str(), fixes.as_slice())),
                    paint,
                )
                .as_bytes(),
            );
        }
    }
    if let Err(err) = out.flush()
        && let Some(path) = &args.output_file
    {
        errors.push(format!("{}: cannot write: {err}", path.display()));
    }
    drop(out);
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
    if let Some(file) = summary_markdown {
        let command = if args.unsafe_fixes {
            "asyncup fix --unsafe-fixes"
        } else {
            "asyncup fix"
        };
        let markdown = crate::markdown::fix_summary(
            &summarized
                .iter()
                .map(|(path, outcome)| (path.as_str(), outcome))
                .collect::<Vec<_>>(),
            command,
            errors.len(),
        );
        if let Err(err) = std::fs::write(file, markdown) {
            errors.push(format!(
                "{}: cannot write the summary: {err}",
                file.display()
            ));
        }
    }
    summary.errors = errors.len();
    for error in &errors {
        eprintln!("asyncup: {error}");
    }
    if args.show_summary() {
        report_targets(&targets);
        eprintln!("{}", summary.render(mode.summary(), unsafe_everywhere));
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

/// The diff of the file's bytes, headed by its applied fixes: a byte-order mark is part of the
/// first line on disk, so it must be in the diff's first line too, or `git apply` finds no
/// match for a hunk at line 1.
///
/// Paths are relative to the repository root when the file is in a git repository
/// (`in_repo`, with a `diff --git` line so that `git apply` works from any folder of it),
/// else as `display` (relative to the current folder).
fn file_diff(
    source: &SourceText,
    outcome: &Outcome,
    display: &str,
    in_repo: Option<String>,
    paint: Paint,
) -> String {
    let bom = if source.bom { "\u{feff}" } else { "" };
    diff::file_diff(
        &format!("{bom}{}", source.text),
        &format!("{bom}{}", outcome.output),
        in_repo.as_deref().unwrap_or(display),
        &outcome.applied,
        in_repo.is_some(),
        paint,
    )
}

/// Where findings and diffs go (standard output, or the `-o` file, created or truncated), and
/// whether they are coloured.
fn output(args: &CommonArgs) -> Result<(Box<dyn Write>, Paint), String> {
    let stdout = std::io::stdout();
    match &args.output_file {
        Some(path) => {
            let file = std::fs::File::create(path)
                .map_err(|err| format!("{}: cannot write: {err}", path.display()))?;
            let on = style::enabled(args.color, &stdout, true);
            Ok((Box::new(std::io::BufWriter::new(file)), Paint { on }))
        }
        None => {
            let on = style::enabled(args.color, &stdout, false);
            Ok((Box::new(stdout.lock()), Paint { on }))
        }
    }
}

/// The human-readable formats, where `--show-fixes` and colour apply.
fn is_text(format: OutputFormat) -> bool {
    matches!(format, OutputFormat::Text | OutputFormat::Full)
}

/// How `text` and `full` findings look for these arguments.
fn text_options(args: &CommonArgs, paint: Paint) -> report::TextOptions {
    report::TextOptions {
        paint,
        show_fixes: args.show_fixes,
        full: args.output_format == OutputFormat::Full,
    }
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
            ..
        } => findings_left || (exit_non_zero_on_fix && changed),
    };
    ExitCode::from(u8::from(failing))
}

/// The settings for standard input, named by `--stdin-filename` (else as a file `-` in the
/// current folder), and whether `force-exclude` excludes it.
fn stdin_settings(
    args: &CommonArgs,
    resolver: &mut Resolver,
) -> Result<(FileSettings, bool), String> {
    let name = PathBuf::from(args.stdin_filename.as_deref().unwrap_or("-"));
    let file = resolver.for_file(&name)?;
    let excluded = resolver.is_excluded(&name, false, true);
    Ok((file, excluded))
}

fn run_stdin(args: &CommonArgs, mode: Mode, mut resolver: Resolver) -> ExitCode {
    let display = args
        .stdin_filename
        .clone()
        .unwrap_or_else(|| "-".to_string());
    let mut bytes = Vec::new();
    if let Err(err) = std::io::stdin().read_to_end(&mut bytes) {
        eprintln!("asyncup: {display}: cannot read standard input: {err}");
        return ExitCode::from(2);
    }
    let (file, excluded) = match stdin_settings(args, &mut resolver) {
        Ok(found) => found,
        Err(message) => {
            eprintln!("asyncup: {message}");
            return ExitCode::from(2);
        }
    };
    if excluded {
        // `force-exclude` and an excluded name: nothing to check, the input goes through.
        if matches!(mode, Mode::Fix { .. }) {
            let _ = std::io::stdout().write_all(&bytes);
        }
        return ExitCode::SUCCESS;
    }
    if !args.silent {
        report_version_warnings([&file]);
    }
    let allowed = allowed_fixes(mode, &file);
    let target = file.target.clone();
    let targets = BTreeMap::from([(target.clone(), 1)]);
    let project_of = |text: &str| {
        std::sync::Arc::new(Project::new([(
            display.clone(),
            FileFacts::gather(&display, std::sync::Arc::from(text)),
        )]))
    };
    // Undecodable input is a finding; in `fix` the bytes go through unchanged.
    let (source, outcome, passthrough) = match files::decode(&bytes) {
        Ok(source) => {
            let settings = Settings {
                target: target.version,
                transforms: file.transforms.clone(),
                file_name: display.clone(),
                project: project_of(&source.text),
                fix_overrides: file.fix_overrides.clone(),
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
    let changed = *outcome.output != *source.text;
    let (shown_source, shown) = match mode {
        Mode::Check => (&*source.text, &outcome.initial),
        _ => (outcome.output.as_str(), &outcome.remaining),
    };
    summary.count_findings(shown, file.unsafe_fixes);
    if changed {
        summary.files_changed = 1;
        summary.applied = outcome.counts.clone();
    }
    // `fix` writes the source to standard output: its findings go to standard error (or `-o`).
    let findings_to_stderr = matches!(mode, Mode::Fix { .. }) && args.output_file.is_none();
    let (mut report_out, paint) = if findings_to_stderr {
        let on = style::enabled(args.color, &std::io::stderr(), false);
        (Box::new(std::io::stderr()) as Box<dyn Write>, Paint { on })
    } else {
        match output(args) {
            Ok(output) => output,
            Err(message) => {
                eprintln!("asyncup: {message}");
                return ExitCode::from(2);
            }
        }
    };
    let mut emitter = Emitter::new(args.output_format, text_options(args, paint));
    let mut findings_text = emitter.file(&display, shown_source, shown);
    findings_text.push_str(&emitter.finish());
    if args.show_fixes && is_text(args.output_format) && matches!(mode, Mode::Fix { .. }) {
        findings_text.push_str(&report::applied_fixes_text(
            [(display.as_str(), outcome.applied.as_slice())],
            paint,
        ));
    }
    let mut write_error = None;
    match mode {
        Mode::Check => {
            if !args.silent {
                let _ = report_out.write_all(findings_text.as_bytes());
            }
        }
        Mode::Diff => {
            if !args.silent {
                let shown = args
                    .stdin_filename
                    .as_deref()
                    .and_then(|name| files::repo_relative(Path::new(name)));
                let diff = file_diff(&source, &outcome, &display, shown, paint);
                let _ = report_out.write_all(diff.as_bytes());
            }
        }
        Mode::Fix { .. } => {
            let mut out = std::io::stdout().lock();
            if passthrough {
                let _ = out.write_all(&bytes);
            } else {
                let _ = out.write_all(&source.encode(&outcome.output));
            }
            let _ = out.flush();
            if !args.silent {
                let _ = report_out.write_all(findings_text.as_bytes());
            }
        }
    }
    if let Err(err) = report_out.flush()
        && let Some(path) = &args.output_file
    {
        write_error = Some(format!("{}: cannot write: {err}", path.display()));
    }
    drop(report_out);
    let mut had_error = false;
    if let Some(internal) = &outcome.internal_error {
        eprintln!("asyncup: {display}: internal error: {internal}; kept the last valid text");
        had_error = true;
    }
    if let Some(message) = write_error {
        eprintln!("asyncup: {message}");
        had_error = true;
    }
    if args.show_summary() {
        summary.errors = usize::from(had_error);
        report_targets(&targets);
        eprintln!("{}", summary.render(mode.summary(), file.unsafe_fixes));
    }
    exit_code(args, mode, had_error, summary.findings > 0, changed)
}

/// `fix --interactive` asks one key per fix: it needs a terminal on standard input, and files
/// (standard input cannot be both the code and the keys).
fn interactive_usage(args: &CommonArgs) -> Result<(), String> {
    use std::io::IsTerminal;
    if args.stdin_filename.is_some() || args.paths.iter().any(|p| p == Path::new("-")) {
        return Err(
            "`fix --interactive` reviews files; it cannot read the code from standard input".into(),
        );
    }
    if args.statistics || args.output_format != OutputFormat::Text {
        return Err("`fix --interactive` prints the review itself; it takes no --statistics or --output-format".into());
    }
    if !std::io::stdin().is_terminal() {
        return Err("`fix --interactive` asks about each fix and needs a terminal on standard input; without one, review with `asyncup diff` and apply with `asyncup fix`".into());
    }
    Ok(())
}

/// What `review_files` needs of `run_files`.
struct Review<'a> {
    mode: Mode,
    roots: &'a [PathBuf],
    /// Errors found before the review (discovery, tolerated configuration).
    errors: Vec<String>,
    unsafe_everywhere: bool,
}

/// `fix --interactive`: review the files one after another, in path order, and write each
/// one's accepted fixes atomically when its review is done. After `q`, later files are left
/// untouched.
fn review_files(
    args: &CommonArgs,
    review: Review,
    files: impl Iterator<Item = ((PathBuf, String, std::sync::Arc<FileSettings>), Loaded)>,
    project: std::sync::Arc<Project>,
    targets: &BTreeMap<Target, usize>,
) -> ExitCode {
    use crate::interactive;
    let Review {
        mode,
        roots,
        mut errors,
        unsafe_everywhere,
    } = review;
    let mut summary = Summary::default();
    let mut keys = interactive::Terminal;
    let mut stdout = std::io::stdout();
    let mut session = interactive::Session::new(
        &mut keys,
        &mut stdout,
        interactive::Styles {
            enabled: style::enabled(args.color, &std::io::stdout(), false),
        },
    );
    let (mut declined, mut suppressed, mut not_reviewed) = (0, 0, 0);
    let mut changed_any = false;
    let mut problems = String::new();
    for ((path, display, file), loaded) in files {
        if session.quit() {
            not_reviewed += 1;
            continue;
        }
        summary.files_scanned += 1;
        let source = match loaded {
            Ok(loaded) => loaded,
            Err(Unreadable::Io(message)) => {
                errors.push(format!("{display}: {message}"));
                continue;
            }
            Err(Unreadable::Encoding(message)) => {
                let outcome =
                    unreadable_outcome("", "invalid-encoding", TextSize::default(), message);
                summary.count_findings(&outcome.remaining, file.unsafe_fixes);
                problems.push_str(&report::text_lines(&display, "", &outcome.remaining));
                continue;
            }
        };
        let allowed = allowed_fixes(mode, &file).unwrap_or(Applicability::Safe);
        let settings = check_settings(&file, &display, &project);
        let reviewing = interactive::File {
            display: &display,
            text: &source.text,
            settings: &settings,
            allowed,
        };
        let reviewed = match session.review(&reviewing) {
            Ok(reviewed) => reviewed,
            Err(error) => {
                let outcome = unreadable_outcome(
                    &source.text,
                    "syntax-error",
                    error.offset,
                    format!("SyntaxError: {}; the file is not rewritten", error.message),
                );
                summary.count_findings(&outcome.remaining, file.unsafe_fixes);
                problems.push_str(&report::text_lines(
                    &display,
                    &source.text,
                    &outcome.remaining,
                ));
                continue;
            }
        };
        declined += reviewed.declined;
        suppressed += reviewed.suppressed;
        if let Some(internal) = &reviewed.internal_error {
            errors.push(format!("{display}: internal error: {internal}"));
        }
        for line in &reviewed.unplaced {
            eprintln!(
                "asyncup: warning: {display}:{line}: no place for a suppression comment (the line ends inside a string or with a backslash); the finding remains"
            );
        }
        summary.count_findings(&reviewed.remaining, file.unsafe_fixes);
        if *reviewed.output == *source.text {
            continue;
        }
        if let Some(message) = outside_given_paths(&path, roots) {
            errors.push(format!("{display}: {message}"));
            continue;
        }
        project.pin_definitions(&display, &source.text);
        let new = source.encode(&reviewed.output);
        if let Err(message) = files::write_atomic(&path, &source.encode(&source.text), &new) {
            errors.push(format!("{display}: {message:#}"));
            continue;
        }
        changed_any = true;
        summary.files_changed += 1;
        for (id, n) in &reviewed.counts {
            *summary.applied.entry(id).or_default() += n;
        }
    }
    drop(session);
    let _ = std::io::stdout().write_all(problems.as_bytes());
    summary.errors = errors.len();
    for error in &errors {
        eprintln!("asyncup: {error}");
    }
    if args.show_summary() {
        let applied: usize = summary.applied.values().sum();
        let mut line = format!("asyncup: review: {applied} applied, {declined} skipped");
        if suppressed > 0 {
            line.push_str(&format!(" ({suppressed} with a suppression comment)"));
        }
        if not_reviewed > 0 {
            line.push_str(&format!(
                "; quit with {not_reviewed} file{} not reviewed",
                if not_reviewed == 1 { "" } else { "s" }
            ));
        }
        eprintln!("{line}");
        report_targets(targets);
        eprintln!("{}", summary.render(mode.summary(), unsafe_everywhere));
    }
    exit_code(
        args,
        mode,
        !errors.is_empty(),
        summary.findings > 0 || not_reviewed > 0,
        changed_any,
    )
}
