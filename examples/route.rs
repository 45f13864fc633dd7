//! Prints the fallback chain of providers for a model in the built-in catalog:
//! `model-catalog route` (`model_catalog::cli`) as a program of its own.
//!
//! ```text
//! cargo run --features cli --example route -- MODEL [--prefer ID]... [--allow ID]...
//!     [--deny ID]... [--key ID]... [--capability NAME]... [--surface SURFACE]
//!     [--param SURFACE:NAME]... [--max-input-price USD] [--max-output-price USD]
//!     [--sort price|latency|errors] [--price-weights IN:OUT]
//!     [--latency ID=MS]... [--error-rate ID=RATE]... [--max N] [--json]
//! ```
//!
//! Builds a [`model_catalog::RoutePolicy`] from the flags and prints the chain
//! [`model_catalog::route`] returns: a table, or with `--json` one JSON object per route per
//! line (the shape of `model_catalog::RouteRecord`). When the policy rejects every
//! candidate, it prints each candidate provider with the rule that removed it and exits
//! with status 1; a model string that does not resolve also exits 1, with the error on
//! standard error. Usage errors exit 2.

fn main() -> std::process::ExitCode {
    model_catalog::cli::main_of::<model_catalog::cli::RouteArgs>()
}
