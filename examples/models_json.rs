//! Prints the built-in catalog's models as a `/models` JSON document: `model-catalog
//! models` (`model_catalog::cli`) as a program of its own.
//!
//! ```text
//! cargo run --features cli --example models_json -- --format openai|openai-detailed|inference-api [--markup 1.4]
//! ```
//!
//! `openai` is the OpenAI-compatible `/v1/models` list, `openai-detailed` its detailed
//! variant (seed 003), `inference-api` the inference platform's `/models` (seed 002) with
//! per-1k credit prices including `--markup` (default 1.4; only for that format). The output
//! is compact JSON followed by a newline, byte-identical from run to run. Exit status: 0 on
//! success, 2 on a usage error, 1 if the export fails.

fn main() -> std::process::ExitCode {
    model_catalog::cli::main_of::<model_catalog::cli::ModelsArgs>()
}
