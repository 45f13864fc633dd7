//! Filters and sorts the built-in catalog's models.
//!
//! ```text
//! cargo run --example query -- [--capability NAME]... [--input-modality NAME]...
//!     [--min-context N] [--max-input-price USD] [--provider ID] [--active-on YYYY-MM-DD]
//!     [--sort input-price|output-price|context] [--json]
//! ```
//!
//! Builds a [`model_catalog::Query`] from the flags and prints the models it keeps: a table,
//! or with `--json` one JSON object per model per line. Every filter keeps only models where
//! the fact is known and passes (a capability known to be supported, a known price at or
//! under the cap). Exit status: 0 on success (an empty result included, and when standard
//! output is closed early, as by `head`), 1 when writing the output fails otherwise, 2 on a
//! usage error.

use model_catalog::{
    lookup_provider, Capability, Date, Modalities, Modality, Model, Price, Query, Sort,
};
use serde::{Serialize, Serializer};
use std::io::{ErrorKind, Write};
use std::process::ExitCode;

mod cli;
use cli::{one_line, or_dash, shown};

const USAGE: &str = "usage: query [--capability NAME]... [--input-modality NAME]...
             [--min-context N] [--max-input-price USD] [--provider ID]
             [--active-on YYYY-MM-DD] [--sort input-price|output-price|context] [--json]
Lists the built-in catalog's models that pass every filter.
  --capability NAME      known to support NAME: tools, parallel_tools, vision, reasoning,
                         structured_output, pdf, audio_input, audio_output (repeatable)
  --input-modality NAME  known to take NAME as input: text, image, audio, video, file
                         (repeatable)
  --min-context N        context window of at least N tokens
  --max-input-price USD  known input price of at most USD per million tokens (e.g. 2.5)
  --provider ID          whose home provider is ID (an id or alias, e.g. groqcloud);
                         models ID only offers on behalf of others are not listed
  --active-on DATE       neither deprecated nor retired on DATE (YYYY-MM-DD); also the
                         day the `lifecycle` JSON field is computed for (default: today, UTC)
  --sort KEY             input-price or output-price (cheapest first), or context
                         (largest first); models lacking the value come last
  --json                 one JSON object per model per line instead of a table
  -h, --help             print this help";

/// One model as printed by `--json`.
#[derive(Serialize)]
struct ModelJson<'a> {
    id: &'a str,
    name: &'a str,
    provider: &'a str,
    vendor: Option<&'a str>,
    category: Option<&'a str>,
    context_window: Option<u32>,
    max_output_tokens: Option<u32>,
    input_price_per_mtok: Option<f64>,
    output_price_per_mtok: Option<f64>,
    input_modalities: Option<Modalities>,
    capabilities: CapabilitiesJson<'a>,
    lifecycle: &'static str,
}

/// Every capability, by name in [`Capability::ALL`] order, mapped to `true`, `false` or
/// `null` (unknown).
struct CapabilitiesJson<'a>(&'a Model);

impl Serialize for CapabilitiesJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.capabilities().map(|(c, v)| (c.as_str(), v.known())))
    }
}

fn model_json(m: &Model, day: Date) -> ModelJson<'_> {
    ModelJson {
        id: m.id(),
        name: m.name(),
        provider: m.provider_id(),
        vendor: m.vendor(),
        category: m.category(),
        context_window: m.context_window(),
        max_output_tokens: m.max_output_tokens(),
        input_price_per_mtok: m.pricing().input.map(Price::usd_per_mtok),
        output_price_per_mtok: m.pricing().output.map(Price::usd_per_mtok),
        input_modalities: m.input_modalities(),
        capabilities: CapabilitiesJson(m),
        lifecycle: m.lifecycle_on(day).as_str(),
    }
}

/// What the command line asks for.
struct Args {
    query: Query,
    active_on: Option<Date>,
    json: bool,
}

/// Why the command line was refused: a usage error, or a request for help.
enum ArgsError {
    Help,
    Usage(String),
}

/// Parses a flag's value with `parse`, naming the flag in the error.
fn value<T, E: std::fmt::Display>(
    flag: &str,
    raw: Option<String>,
    parse: impl FnOnce(&str) -> Result<T, E>,
) -> Result<T, ArgsError> {
    // A value is the next argument, unless that is itself a long option (`--min-context
    // --json`): then the value is missing. `-1` is taken as a value, so that it can be
    // refused as a number rather than as an option.
    let raw = match raw {
        Some(r) if !r.starts_with("--") => r,
        _ => return Err(ArgsError::Usage(format!("missing value for `{flag}`"))),
    };
    parse(&raw).map_err(|e| ArgsError::Usage(format!("{flag}: {e}")))
}

/// Refuses a single-valued flag given twice rather than silently keeping one value.
fn once<T>(slot: &mut Option<T>, flag: &str, v: T) -> Result<(), ArgsError> {
    if slot.replace(v).is_some() {
        return Err(ArgsError::Usage(format!("`{flag}` given more than once")));
    }
    Ok(())
}

fn parse_args(args: impl IntoIterator<Item = std::ffi::OsString>) -> Result<Args, ArgsError> {
    let mut args = args.into_iter().map(|a| {
        a.into_string()
            .map_err(|a| ArgsError::Usage(format!("argument {a:?} is not valid UTF-8")))
    });
    let mut query = Query::new();
    let mut json = false;
    let mut min_context = None;
    let mut max_input_price = None;
    let mut provider = None;
    let mut active_on = None;
    let mut sort = None;
    while let Some(arg) = args.next() {
        let arg = arg?;
        let flag = arg.as_str();
        // `--flag value` only: the value is the next argument, if any.
        let mut next = || args.next().transpose();
        match flag {
            "-h" | "--help" => return Err(ArgsError::Help),
            "--json" => json = true,
            "--capability" => {
                query = query.capability(value(flag, next()?, str::parse::<Capability>)?);
            }
            "--input-modality" => {
                query = query.input_modality(value(flag, next()?, str::parse::<Modality>)?);
            }
            "--min-context" => {
                let n = value(flag, next()?, |s| {
                    s.parse::<u32>()
                        .map_err(|e| format!("invalid token count `{}`: {e}", shown(s)))
                })?;
                once(&mut min_context, flag, n)?;
            }
            "--max-input-price" => {
                once(
                    &mut max_input_price,
                    flag,
                    value(flag, next()?, str::parse::<Price>)?,
                )?;
            }
            "--provider" => {
                let p = value(flag, next()?, |s| {
                    lookup_provider(s).ok_or_else(|| {
                        format!(
                            "unknown provider `{}` (expected a provider id or alias)",
                            shown(s)
                        )
                    })
                })?;
                once(&mut provider, flag, p)?;
            }
            "--active-on" => {
                once(
                    &mut active_on,
                    flag,
                    value(flag, next()?, str::parse::<Date>)?,
                )?;
            }
            "--sort" => {
                let s = value(flag, next()?, |s| match s {
                    "input-price" => Ok(Sort::InputPrice),
                    "output-price" => Ok(Sort::OutputPrice),
                    "context" => Ok(Sort::ContextWindow),
                    _ => Err(format!(
                        "unknown sort `{}` (expected one of input-price, output-price, context)",
                        shown(s)
                    )),
                })?;
                once(&mut sort, flag, s)?;
            }
            a if a.starts_with('-') => {
                let hint = match a.split_once('=') {
                    Some((f, v)) if f.starts_with("--") => {
                        format!(" (write `{} {}` instead)", shown(f), shown(v))
                    }
                    _ => String::new(),
                };
                return Err(ArgsError::Usage(format!(
                    "unknown option `{}`{hint}",
                    shown(a)
                )));
            }
            a => {
                return Err(ArgsError::Usage(format!(
                    "unexpected argument `{}`",
                    shown(a)
                )));
            }
        }
    }
    if let Some(n) = min_context {
        query = query.min_context(n);
    }
    if let Some(p) = max_input_price {
        query = query.max_input_price(p);
    }
    if let Some(p) = provider {
        query = query.provider(p.id());
    }
    if let Some(d) = active_on {
        query = query.active_on(d);
    }
    if let Some(s) = sort {
        query = query.sort(s);
    }
    Ok(Args {
        query,
        active_on,
        json,
    })
}

/// The table's cells for one model.
fn row(m: &Model) -> [String; 7] {
    let caps: Vec<&str> = m
        .capabilities()
        .filter(|(_, s)| s.known() == Some(true))
        .map(|(c, _)| c.as_str())
        .collect();
    [
        m.id().to_owned(),
        m.provider_id().to_owned(),
        or_dash(m.context_window()),
        or_dash(m.max_output_tokens()),
        or_dash(m.pricing().input),
        or_dash(m.pricing().output),
        if caps.is_empty() {
            "-".to_owned()
        } else {
            caps.join(",")
        },
    ]
}

const HEADER: [&str; 7] = [
    "ID",
    "PROVIDER",
    "CONTEXT",
    "OUTPUT",
    "IN $/MTOK",
    "OUT $/MTOK",
    "CAPABILITIES",
];

/// Columns 0, 1 and 6 are text (left-aligned), the others numbers (right-aligned).
fn format_row(cells: &[impl AsRef<str>], widths: &[usize]) -> String {
    let mut line = String::new();
    for (i, (cell, &w)) in cells.iter().zip(widths).enumerate() {
        let cell = cell.as_ref();
        if i > 0 {
            line.push_str("  ");
        }
        match i {
            0 | 1 => line.push_str(&format!("{cell:<w$}")),
            6 => line.push_str(cell),
            _ => line.push_str(&format!("{cell:>w$}")),
        }
    }
    line
}

/// Writes `lines` to standard output. A closed pipe (e.g. output piped into `head`) stops
/// the output quietly with status 0; any other write error is reported, with status 1.
fn print_lines(lines: impl IntoIterator<Item = String>) -> ExitCode {
    let mut out = std::io::stdout().lock();
    let written = lines
        .into_iter()
        .try_for_each(|line| writeln!(out, "{line}"))
        .and_then(|()| out.flush());
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            // `eprintln!` would panic if standard error failed too.
            let _ = writeln!(std::io::stderr(), "error: writing standard output: {e}");
            ExitCode::from(1)
        }
    }
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args_os().skip(1)) {
        Ok(a) => a,
        Err(ArgsError::Help) => return print_lines([USAGE.to_owned()]),
        Err(ArgsError::Usage(msg)) => {
            let _ = writeln!(std::io::stderr(), "error: {}\n{USAGE}", one_line(&msg));
            return ExitCode::from(2);
        }
    };
    let found = args.query.run();
    if args.json {
        let day = args.active_on.unwrap_or_else(Date::today);
        print_lines(found.into_iter().map(|m| {
            serde_json::to_string(&model_json(m, day)).expect("these values always serialize")
        }))
    } else {
        let rows: Vec<[String; 7]> = found.into_iter().map(row).collect();
        let mut widths = HEADER.map(str::len);
        for r in &rows {
            for (w, cell) in widths.iter_mut().zip(r) {
                *w = (*w).max(cell.chars().count());
            }
        }
        print_lines(
            std::iter::once(format_row(&HEADER, &widths))
                .chain(rows.iter().map(|r| format_row(r, &widths))),
        )
    }
}
