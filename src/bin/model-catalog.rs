//! The `model-catalog` command-line tool (`cargo install model-catalog --features cli`):
//! see `model-catalog --help` and the module `model_catalog::cli`.

#![forbid(unsafe_code)]

fn main() -> std::process::ExitCode {
    model_catalog::cli::main()
}
