//! Filters and sorts the built-in catalog's models: `model-catalog query`
//! (`model_catalog::cli`) as a program of its own.
//!
//! ```text
//! cargo run --features cli --example query -- [--capability NAME]... [--input-modality NAME]...
//!     [--min-context N] [--max-input-price USD] [--provider ID] [--active-on YYYY-MM-DD]
//!     [--sort input-price|output-price|context] [--json]
//! ```
//!
//! Builds a [`model_catalog::Query`] from the flags and prints the models it keeps: a table,
//! or with `--json` one JSON object per model per line (the shape of `model_catalog::Model`
//! with a `"lifecycle"` key). Exit status: 0 on success (an empty result included, and when
//! standard output is closed early, as by `head`), 1 when writing the output fails
//! otherwise, 2 on a usage error.

fn main() -> std::process::ExitCode {
    model_catalog::cli::main_of::<model_catalog::cli::QueryArgs>()
}
