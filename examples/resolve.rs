//! Resolves model strings against the built-in catalog: `model-catalog resolve`
//! (`model_catalog::cli`) as a program of its own.
//!
//! ```text
//! cargo run --features cli --example resolve -- [--json] [MODEL...]
//! ```
//!
//! With no MODEL arguments, reads one model string per line from standard input. Prints a
//! table, or with `--json` one JSON object per input per line: the resolution (the shape of
//! `model_catalog::ResolutionRecord`) with an `"input"` key, or `{"input", "error"}`. Exit
//! status: 0 when every input resolved, 1 when any failed, 2 on a usage error. `--help`
//! says how fresh the data is.

fn main() -> std::process::ExitCode {
    model_catalog::cli::main_of::<model_catalog::cli::ResolveArgs>()
}
