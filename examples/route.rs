//! Prints the fallback chain of providers for a model in the built-in catalog.
//!
//! ```text
//! cargo run --example route -- MODEL [--prefer ID]... [--allow ID]... [--deny ID]...
//!     [--key ID]... [--capability NAME]... [--surface SURFACE] [--param SURFACE:NAME]...
//!     [--max-input-price USD] [--max-output-price USD]
//!     [--sort price|latency|errors] [--price-weights IN:OUT]
//!     [--latency ID=MS]... [--error-rate ID=RATE]... [--max N] [--json]
//! ```
//!
//! Builds a [`model_catalog::RoutePolicy`] from the flags and prints the chain
//! [`model_catalog::route`] returns: a table, or with `--json` one JSON object per route
//! per line. When the policy rejects every candidate, it prints each candidate provider with
//! the rule that removed it (a table, or JSON lines) and exits with status 1; a model string
//! that does not resolve also exits 1, with the error on standard error. Usage errors exit 2.

use model_catalog::{route, Route, RouteError, RoutePolicy, RouteSort};
use model_catalog::{Capability, Catalog, Price, Surface};
use serde::Serialize;
use std::collections::HashMap;
use std::io::{ErrorKind, Write};
use std::process::ExitCode;

mod cli;
use cli::{one_line, or_dash, shown};

const USAGE: &str =
    "usage: route MODEL [--prefer ID]... [--allow ID]... [--deny ID]... [--key ID]...
             [--capability NAME]... [--surface SURFACE] [--param SURFACE:NAME]...
             [--max-input-price USD] [--max-output-price USD]
             [--sort price|latency|errors] [--price-weights IN:OUT]
             [--latency ID=MS]... [--error-rate ID=RATE]... [--max N] [--json]
Prints the ordered fallback chain of providers for MODEL (a model string such as
gpt-oss-120b, groqcloud:llama-3.3-70b or openrouter:vendor/any-model) in the built-in
catalog. Providers are named by id or alias.
  --prefer ID            try ID first (repeatable, in order); the rest keep catalog order
  --allow ID             only these providers (repeatable)
  --deny ID              never this provider (repeatable)
  --key ID               the caller holds a key for ID (repeatable); once given, providers
                         that need the caller's key are skipped without one. Without any
                         --key, keys are not considered
  --capability NAME      the model must be known to support NAME: tools, parallel_tools,
                         vision, reasoning, structured_output, pdf, audio_input,
                         audio_output (repeatable)
  --surface SURFACE      the provider must have API surface SURFACE: chat-completions,
                         responses or messages
  --param SURFACE:NAME   the provider's SURFACE must be known to accept top-level request
                         parameter NAME (repeatable), e.g. chat-completions:tools
  --max-input-price USD  known input price of at most USD per million tokens (e.g. 0.5)
  --max-output-price USD known output price of at most USD per million tokens
  --sort KEY             price (cheapest first), latency or errors (lowest first, by the
                         figures of --latency or --error-rate; providers without one last)
  --price-weights IN:OUT blend input and output prices IN:OUT for --sort price (default 1:1)
  --latency ID=MS        a latency figure for provider ID (repeatable; with --sort latency)
  --error-rate ID=RATE   an error rate for provider ID (repeatable; with --sort errors)
  --max N                at most N routes (N >= 1)
  --json                 one JSON object per line instead of a table
  -h, --help             print this help
Exit status: 0 with a chain, 1 when no provider passes or MODEL does not resolve (or output
fails), 2 on a usage error.";

/// What the command line asks for.
struct Args {
    model: String,
    policy: RoutePolicy,
    json: bool,
}

/// Why the command line was refused: a usage error, or a request for help.
enum ArgsError {
    Help,
    Usage(String),
}

fn usage<T>(msg: String) -> Result<T, ArgsError> {
    Err(ArgsError::Usage(msg))
}

/// Parses a flag's value with `parse`, naming the flag in the error.
fn value<T, E: std::fmt::Display>(
    flag: &str,
    raw: Option<String>,
    parse: impl FnOnce(&str) -> Result<T, E>,
) -> Result<T, ArgsError> {
    // A value is the next argument, unless that is itself a long option (`--max --json`):
    // then the value is missing.
    let raw = match raw {
        Some(r) if !r.starts_with("--") => r,
        _ => return usage(format!("missing value for `{flag}`")),
    };
    parse(&raw).map_err(|e| ArgsError::Usage(format!("{flag}: {e}")))
}

/// Refuses a single-valued flag given twice rather than silently keeping one value.
fn once<T>(slot: &mut Option<T>, flag: &str, v: T) -> Result<(), ArgsError> {
    if slot.replace(v).is_some() {
        return usage(format!("`{flag}` given more than once"));
    }
    Ok(())
}

/// `SURFACE:NAME`.
fn parse_param(s: &str) -> Result<(Surface, String), String> {
    let (surface, name) = s
        .split_once(':')
        .ok_or_else(|| format!("expected SURFACE:NAME, got `{}`", shown(s)))?;
    let surface = surface.parse::<Surface>().map_err(|e| e.to_string())?;
    if name.is_empty() {
        return Err(format!("empty parameter name in `{}`", shown(s)));
    }
    Ok((surface, name.to_owned()))
}

/// `IN:OUT`, two non-negative integers.
fn parse_weights(s: &str) -> Result<(u32, u32), String> {
    let bad = || format!("expected IN:OUT weights such as 3:1, got `{}`", shown(s));
    let (a, b) = s.split_once(':').ok_or_else(bad)?;
    Ok((a.parse().map_err(|_| bad())?, b.parse().map_err(|_| bad())?))
}

/// `ID=NUMBER`, a finite non-negative number.
fn parse_figure(s: &str) -> Result<(String, f64), String> {
    let (id, n) = s
        .split_once('=')
        .ok_or_else(|| format!("expected ID=NUMBER, got `{}`", shown(s)))?;
    let v: f64 = n
        .parse()
        .ok()
        .filter(|v: &f64| v.is_finite() && *v >= 0.0)
        .ok_or_else(|| {
            format!(
                "invalid figure `{}` (expected a non-negative number)",
                shown(n)
            )
        })?;
    Ok((id.to_owned(), v))
}

/// Adds a figure, refusing a provider given twice (by the same spelling, case ignored).
fn add_figure(
    map: &mut HashMap<String, f64>,
    flag: &str,
    (id, v): (String, f64),
) -> Result<(), ArgsError> {
    if map.keys().any(|k| k.eq_ignore_ascii_case(&id)) {
        return usage(format!("{flag}: `{}` given more than once", shown(&id)));
    }
    map.insert(id, v);
    Ok(())
}

fn parse_args(args: impl IntoIterator<Item = std::ffi::OsString>) -> Result<Args, ArgsError> {
    let mut args = args.into_iter().map(|a| {
        a.into_string()
            .map_err(|a| ArgsError::Usage(format!("argument {a:?} is not valid UTF-8")))
    });
    let mut policy = RoutePolicy::new();
    let mut model: Option<String> = None;
    let mut json = false;
    let mut surface = None;
    let mut max_input = None;
    let mut max_output = None;
    let mut sort: Option<&'static str> = None;
    let mut weights = None;
    let mut latency: HashMap<String, f64> = HashMap::new();
    let mut errors: HashMap<String, f64> = HashMap::new();
    let mut max = None;
    let mut positional_only = false;
    while let Some(arg) = args.next() {
        let arg = arg?;
        let flag = arg.as_str();
        let mut next = || args.next().transpose();
        if positional_only || !flag.starts_with('-') || flag == "-" {
            if model.replace(arg.clone()).is_some() {
                return usage(format!(
                    "unexpected argument `{}`: give one MODEL",
                    shown(&arg)
                ));
            }
            continue;
        }
        match flag {
            "-h" | "--help" => return Err(ArgsError::Help),
            "--" => positional_only = true,
            "--json" => json = true,
            "--prefer" => policy = policy.prefer(&value(flag, next()?, ok)?),
            "--allow" => policy = policy.allow(&value(flag, next()?, ok)?),
            "--deny" => policy = policy.deny(&value(flag, next()?, ok)?),
            "--key" => policy = policy.key(&value(flag, next()?, ok)?),
            "--capability" => {
                policy = policy.capability(value(flag, next()?, str::parse::<Capability>)?);
            }
            "--surface" => once(
                &mut surface,
                flag,
                value(flag, next()?, str::parse::<Surface>)?,
            )?,
            "--param" => {
                let (s, name) = value(flag, next()?, parse_param)?;
                policy = policy.param(s, &name);
            }
            "--max-input-price" => once(
                &mut max_input,
                flag,
                value(flag, next()?, str::parse::<Price>)?,
            )?,
            "--max-output-price" => once(
                &mut max_output,
                flag,
                value(flag, next()?, str::parse::<Price>)?,
            )?,
            "--sort" => {
                let key = value(flag, next()?, |s| match s {
                    "price" => Ok("price"),
                    "latency" => Ok("latency"),
                    "errors" => Ok("errors"),
                    _ => Err(format!(
                        "unknown sort `{}` (expected one of price, latency, errors)",
                        shown(s)
                    )),
                })?;
                once(&mut sort, flag, key)?;
            }
            "--price-weights" => once(&mut weights, flag, value(flag, next()?, parse_weights)?)?,
            "--latency" => add_figure(&mut latency, flag, value(flag, next()?, parse_figure)?)?,
            "--error-rate" => add_figure(&mut errors, flag, value(flag, next()?, parse_figure)?)?,
            "--max" => {
                let n = value(flag, next()?, |s| match s.parse::<usize>() {
                    Ok(0) => Err("the chain holds at least one route: give N >= 1".to_owned()),
                    Ok(n) => Ok(n),
                    Err(e) => Err(format!("invalid count `{}`: {e}", shown(s))),
                })?;
                once(&mut max, flag, n)?;
            }
            a => {
                let hint = match a.split_once('=') {
                    Some((f, v)) if f.starts_with("--") => {
                        format!(" (write `{} {}` instead)", shown(f), shown(v))
                    }
                    _ => String::new(),
                };
                return usage(format!("unknown option `{}`{hint}", shown(a)));
            }
        }
    }
    let Some(model) = model else {
        return usage("missing MODEL".to_owned());
    };
    if let Some(s) = surface {
        policy = policy.surface(s);
    }
    if let Some(p) = max_input {
        policy = policy.max_input_price(p);
    }
    if let Some(p) = max_output {
        policy = policy.max_output_price(p);
    }
    if weights.is_some() && sort != Some("price") {
        return usage("`--price-weights` needs `--sort price`".to_owned());
    }
    if !latency.is_empty() && sort != Some("latency") {
        return usage("`--latency` figures need `--sort latency`".to_owned());
    }
    if !errors.is_empty() && sort != Some("errors") {
        return usage("`--error-rate` figures need `--sort errors`".to_owned());
    }
    policy = policy.sort(match sort {
        Some("price") => {
            let (input, output) = weights.unwrap_or((1, 1));
            RouteSort::Price { input, output }
        }
        Some("latency") => RouteSort::Latency(latency),
        Some("errors") => RouteSort::ErrorRate(errors),
        _ => RouteSort::Preference,
    });
    if let Some(n) = max {
        policy = policy.max_routes(n);
    }
    let unknown = Catalog::builtin().unknown_providers(&policy);
    if let Some(name) = unknown.first() {
        return usage(format!(
            "unknown provider `{}` (expected a provider id or alias)",
            shown(name)
        ));
    }
    Ok(Args {
        model,
        policy,
        json,
    })
}

fn ok(s: &str) -> Result<String, std::convert::Infallible> {
    Ok(s.to_owned())
}

/// One route as printed by `--json`.
#[derive(Serialize)]
struct RouteJson<'a> {
    rank: usize,
    provider: &'a str,
    model: Option<&'a str>,
    upstream_id: &'a str,
    offer: bool,
    base_url: Option<&'a str>,
    format: Option<&'static str>,
    surface: Option<&'static str>,
    caller_key_required: bool,
    input_price_per_mtok: Option<f64>,
    output_price_per_mtok: Option<f64>,
}

fn route_json<'a>(rank: usize, r: &'a Route<'_>) -> RouteJson<'a> {
    RouteJson {
        rank,
        provider: r.provider.id(),
        model: r.model.map(|m| m.id()),
        upstream_id: &r.upstream_id,
        offer: r.offer.is_some(),
        base_url: r.base_url,
        format: r.surface.map(|s| s.format().as_str()),
        surface: r.surface.and_then(|s| s.surface()).map(Surface::as_str),
        caller_key_required: r.caller_key_required,
        input_price_per_mtok: r.pricing.input.map(Price::usd_per_mtok),
        output_price_per_mtok: r.pricing.output.map(Price::usd_per_mtok),
    }
}

/// One rejected candidate as printed by `--json`.
#[derive(Serialize)]
struct RejectionJson<'a> {
    provider: &'a str,
    reason: &'static str,
    message: String,
}

const HEADER: [&str; 8] = [
    "#",
    "PROVIDER",
    "UPSTREAM ID",
    "SURFACE",
    "CALLER KEY",
    "IN $/MTOK",
    "OUT $/MTOK",
    "BASE URL",
];

/// The table's cells for one route.
fn row(rank: usize, r: &Route<'_>) -> [String; 8] {
    let surface = r.surface.map_or_else(
        || "-".to_owned(),
        |s| match s.surface() {
            Some(x) => format!("{}:{x}", s.format()),
            None => s.format().to_string(),
        },
    );
    [
        rank.to_string(),
        r.provider.id().to_owned(),
        r.upstream_id.to_string(),
        surface,
        if r.caller_key_required { "yes" } else { "no" }.to_owned(),
        or_dash(r.pricing.input),
        or_dash(r.pricing.output),
        or_dash(r.base_url),
    ]
}

/// The cells of a row, padded to `widths`: the columns in `numeric` right-aligned, the
/// others left-aligned, the last not padded.
fn format_row(cells: &[impl AsRef<str>], widths: &[usize], numeric: &[usize]) -> String {
    let mut line = String::new();
    let last = cells.len().saturating_sub(1);
    for (i, (cell, &w)) in cells.iter().zip(widths).enumerate() {
        let cell = one_line(cell.as_ref());
        if i > 0 {
            line.push_str("  ");
        }
        match i {
            _ if i == last => line.push_str(&cell),
            _ if numeric.contains(&i) => line.push_str(&format!("{cell:>w$}")),
            _ => line.push_str(&format!("{cell:<w$}")),
        }
    }
    line
}

/// A table: the header, then the rows, columns as wide as their widest cell.
fn table<const N: usize>(
    header: [&str; N],
    rows: &[[String; N]],
    numeric: &[usize],
) -> Vec<String> {
    let mut widths = header.map(str::len);
    for r in rows {
        for (w, cell) in widths.iter_mut().zip(r) {
            *w = (*w).max(one_line(cell).chars().count());
        }
    }
    std::iter::once(format_row(&header, &widths, numeric))
        .chain(rows.iter().map(|r| format_row(r, &widths, numeric)))
        .collect()
}

/// Writes `lines` to standard output. A closed pipe (e.g. output piped into `head`) stops
/// the output quietly; any other write error is reported. Returns whether writing worked.
fn print_lines(lines: impl IntoIterator<Item = String>) -> bool {
    let mut out = std::io::stdout().lock();
    let written = lines
        .into_iter()
        .try_for_each(|line| writeln!(out, "{line}"))
        .and_then(|()| out.flush());
    match written {
        Ok(()) => true,
        Err(e) if e.kind() == ErrorKind::BrokenPipe => true,
        Err(e) => {
            // `eprintln!` would panic if standard error failed too.
            let _ = writeln!(std::io::stderr(), "error: writing standard output: {e}");
            false
        }
    }
}

fn status(written: bool, code: u8) -> ExitCode {
    ExitCode::from(if written { code } else { 1 })
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args_os().skip(1)) {
        Ok(a) => a,
        Err(ArgsError::Help) => return status(print_lines([USAGE.to_owned()]), 0),
        Err(ArgsError::Usage(msg)) => {
            let _ = writeln!(std::io::stderr(), "error: {}\n{USAGE}", one_line(&msg));
            return ExitCode::from(2);
        }
    };
    match route(&args.model, &args.policy) {
        Ok(chain) => {
            let written = if args.json {
                print_lines(chain.iter().enumerate().map(|(i, r)| {
                    serde_json::to_string(&route_json(i + 1, r))
                        .expect("these values always serialize")
                }))
            } else {
                let rows: Vec<[String; 8]> = chain
                    .iter()
                    .enumerate()
                    .map(|(i, r)| row(i + 1, r))
                    .collect();
                print_lines(table(HEADER, &rows, &[0, 5, 6]))
            };
            status(written, 0)
        }
        Err(RouteError::Resolve(e)) => {
            let _ = writeln!(std::io::stderr(), "error: {e}");
            ExitCode::from(1)
        }
        Err(e) => {
            let rejected = e.rejected();
            let _ = writeln!(
                std::io::stderr(),
                "error: no route for `{}`: every candidate provider was rejected",
                one_line(args.model.trim_ascii())
            );
            let written = if args.json {
                print_lines(rejected.iter().map(|r| {
                    let j = RejectionJson {
                        provider: &r.provider,
                        reason: r.reason.kind(),
                        message: r.reason.to_string(),
                    };
                    serde_json::to_string(&j).expect("these values always serialize")
                }))
            } else {
                let rows: Vec<[String; 3]> = rejected
                    .iter()
                    .map(|r| {
                        [
                            r.provider.clone(),
                            r.reason.kind().to_owned(),
                            r.reason.to_string(),
                        ]
                    })
                    .collect();
                print_lines(table(["PROVIDER", "RULE", "WHY"], &rows, &[]))
            };
            status(written, 1)
        }
    }
}
