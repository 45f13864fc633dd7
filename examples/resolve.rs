//! Resolves model strings against the built-in catalog.
//!
//! ```text
//! cargo run --example resolve -- [--json] [MODEL...]
//! ```
//!
//! With no MODEL arguments, reads one model string per line from standard input (any bytes;
//! invalid UTF-8 is replaced and so never matches). Prints a table, or with `--json` one JSON
//! object per input per line: the resolution with the serving provider's prices
//! (`input_price_per_mtok`, `output_price_per_mtok`: USD per million tokens, or null), the
//! name that matched (`matched_name`), and the limits and retirement of what is served (a
//! served name's own where it has them). Exit status: 0 when every input resolved, 1 when any
//! failed, 2 on a usage error.

use model_catalog::{Resolution, ResolveError, Resolver};
use serde::Serialize;
use std::io::{BufRead, Write};
use std::process::ExitCode;

mod cli;
use cli::or_dash;

const USAGE: &str = "usage: resolve [--json] [MODEL...]
Resolves each MODEL (or each line of standard input when none is given) against the
built-in catalog. Use `--` before a MODEL that starts with `-`.";

#[derive(Serialize)]
struct Resolved<'a> {
    input: &'a str,
    provider: &'a str,
    model: Option<&'a str>,
    upstream_model: &'a str,
    matched: &'static str,
    matched_name: &'a str,
    served_name: Option<&'a str>,
    fine_tune: bool,
    near_miss: Option<&'a str>,
    base_url: Option<&'a str>,
    gateway_credentials: bool,
    caller_key_required: bool,
    api_key_env: Option<&'a str>,
    endpoint: Option<String>,
    input_price_per_mtok: Option<f64>,
    output_price_per_mtok: Option<f64>,
    context_window: Option<u32>,
    max_output_tokens: Option<u32>,
    modalities: Vec<&'static str>,
    deprecated: bool,
    retires: Option<String>,
}

#[derive(Serialize)]
struct Failed<'a> {
    input: &'a str,
    error: ErrorJson<'a>,
}

#[derive(Serialize)]
struct ErrorJson<'a> {
    kind: &'static str,
    message: String,
    suggestions: &'a [String],
}

fn resolved<'a>(input: &'a str, r: &'a Resolution<'a, 'a>) -> Resolved<'a> {
    let pricing = r.pricing();
    let served = r.served_name();
    let surface = r.provider.api_surfaces().first().and_then(|s| s.surface());
    Resolved {
        input,
        provider: r.provider.id(),
        model: r.model.map(|m| m.id()),
        upstream_model: &r.upstream_id,
        matched: r.matched.as_str(),
        matched_name: r.matched_name(),
        served_name: served.map(|s| s.id()),
        fine_tune: r.is_fine_tune(),
        near_miss: r.near_miss,
        base_url: r.provider.base_url(),
        gateway_credentials: r.provider.gateway_credentials(),
        caller_key_required: r.caller_key_required(),
        api_key_env: r.provider.api_key_env(),
        endpoint: surface.and_then(|s| r.provider.endpoint(s)),
        input_price_per_mtok: pricing.input.map(|p| p.usd_per_mtok()),
        output_price_per_mtok: pricing.output.map(|p| p.usd_per_mtok()),
        context_window: r.context_window(),
        max_output_tokens: r.max_output_tokens(),
        modalities: r
            .model
            .and_then(|m| m.input_modalities())
            .map(|ms| ms.iter().map(|x| x.as_str()).collect())
            .unwrap_or_default(),
        deprecated: r.model.is_some_and(|m| m.is_deprecated())
            || served.is_some_and(|s| s.is_deprecated()),
        retires: r.retires().map(|d| d.to_string()),
    }
}

/// Where the compiled data comes from, for `--help`.
fn data_line() -> String {
    let info = model_catalog::catalog_info();
    let snapshot = |s: Option<(&str, model_catalog::Date)>| {
        s.map_or_else(
            || "-".to_owned(),
            |(label, day)| format!("{label} of {day}"),
        )
    };
    format!(
        "Catalog data as of {}: {} providers, {} models, {} offers, {} served names \
         (models.dev {}, LiteLLM {}).",
        info.as_of
            .map_or_else(|| "an unknown date".to_owned(), |d| d.to_string()),
        info.providers,
        info.models,
        info.offers,
        info.served_names,
        snapshot(info.models_dev),
        snapshot(info.litellm),
    )
}

fn failed<'a>(input: &'a str, e: &'a ResolveError) -> Failed<'a> {
    Failed {
        input,
        error: ErrorJson {
            kind: e.kind(),
            message: e.to_string(),
            suggestions: e.suggestions().unwrap_or(&[]),
        },
    }
}

fn main() -> ExitCode {
    let mut json = false;
    let mut inputs: Vec<String> = Vec::new();
    let mut options_done = false;
    for arg in std::env::args_os().skip(1) {
        let Some(arg) = arg.to_str().map(str::to_owned) else {
            eprintln!("error: argument is not valid UTF-8\n{USAGE}");
            return ExitCode::from(2);
        };
        match arg.as_str() {
            "--" if !options_done => options_done = true,
            "--json" if !options_done => json = true,
            "-h" | "--help" if !options_done => {
                println!("{USAGE}\n\n{}", data_line());
                return ExitCode::SUCCESS;
            }
            a if !options_done && a.starts_with('-') && a.len() > 1 => {
                eprintln!("error: unknown option `{a}`\n{USAGE}");
                return ExitCode::from(2);
            }
            _ => inputs.push(arg),
        }
    }
    if inputs.is_empty() {
        let stdin = std::io::stdin();
        for line in stdin.lock().split(b'\n') {
            match line {
                Ok(mut bytes) => {
                    if bytes.last() == Some(&b'\r') {
                        bytes.pop();
                    }
                    inputs.push(String::from_utf8_lossy(&bytes).into_owned());
                }
                Err(e) => {
                    eprintln!("error: reading standard input: {e}");
                    return ExitCode::from(2);
                }
            }
        }
    }

    let mut out = std::io::stdout().lock();
    let mut all_ok = true;
    if !json {
        let _ = writeln!(
            out,
            "{:<40} {:<14} {:<30} {:<40} {:<12} {:>9} {:>7}  RETIRES",
            "INPUT", "PROVIDER", "MODEL", "UPSTREAM", "MATCH", "CONTEXT", "OUTPUT"
        );
    }
    // The default policies, which also report near misses of pass-throughs.
    let resolver = Resolver::new();
    for input in &inputs {
        let result = resolver.resolve(input);
        all_ok &= result.is_ok();
        let line = match (&result, json) {
            (Ok(r), true) => serde_json::to_string(&resolved(input, r)),
            (Err(e), true) => serde_json::to_string(&failed(input, e)),
            (Ok(r), false) => {
                let m = r.model;
                Ok(format!(
                    "{:<40} {:<14} {:<30} {:<40} {:<12} {:>9} {:>7}  {}",
                    input.escape_debug().to_string(),
                    r.provider.id(),
                    or_dash(m.map(|m| m.id())),
                    r.upstream_id,
                    r.matched.as_str(),
                    or_dash(r.context_window()),
                    or_dash(r.max_output_tokens()),
                    or_dash(r.retires()),
                ))
            }
            (Err(e), false) => Ok(format!(
                "{:<40} error ({}): {e}",
                input.escape_debug().to_string(),
                e.kind()
            )),
        };
        let line = line.expect("these values always serialize");
        if writeln!(out, "{line}").is_err() {
            // Standard output closed (e.g. piped into `head`): stop quietly.
            break;
        }
    }
    if all_ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
