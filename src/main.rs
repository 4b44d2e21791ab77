fn main() -> std::process::ExitCode {
    asyncup::cli::run(std::env::args_os())
}
