//! `model-catalog route`: the fallback chain of providers for a model.

use super::{error_line, finish, json_line, one_line, or_dash, stdout, table, usage_error, Run};
use crate::{
    route, Capability, Catalog, Date, Price, Route, RouteError, RoutePolicy, RouteSort, Surface,
};
use std::collections::{HashMap, HashSet};
use std::io::{self, Write};
use std::process::ExitCode;

/// Prints the ordered fallback chain of providers for a model in the built-in catalog.
///
/// MODEL is a model string such as gpt-oss-120b, groqcloud:llama-3.3-70b or
/// openrouter:vendor/any-model; providers are named by id or alias. Prints a table, or
/// with --json one JSON object per route per line, in chain order: the shape of
/// `RouteRecord` ({"provider", "model", "offer", "upstream_id", "base_url", "surface":
/// {"format", "surface", "supported_params"} or null, "caller_key_required", "pricing"}).
/// When the policy rejects every candidate, prints each candidate provider with the rule
/// that removed it (a table, or with --json the shape of `Rejection`: {"provider",
/// "reason": {"kind", ..., "message"}}) and exits 1; a MODEL that does not resolve exits 1
/// with the error on standard error.
///
/// Exit status: 0 with a chain, 1 when no provider passes or MODEL does not resolve (or
/// writing the output fails), 2 on a usage error.
#[derive(Debug, clap::Parser)]
#[command(name = "route", verbatim_doc_comment)]
pub struct RouteArgs {
    /// The model string to route
    #[arg(value_name = "MODEL")]
    model: String,
    /// Try ID first (repeatable, in order); the rest keep catalog order
    #[arg(long, value_name = "ID")]
    prefer: Vec<String>,
    /// Only these providers (repeatable)
    #[arg(long, value_name = "ID")]
    allow: Vec<String>,
    /// Never this provider (repeatable)
    #[arg(long, value_name = "ID")]
    deny: Vec<String>,
    /// The caller holds a key for ID (repeatable); once given, providers that need the
    /// caller's key are skipped without one (without any --key, keys are not considered)
    #[arg(long, value_name = "ID")]
    key: Vec<String>,
    /// The model must be known to support NAME (repeatable)
    #[arg(long, value_name = "NAME", value_parser = super::capability())]
    capability: Vec<Capability>,
    /// The provider must have this API surface
    #[arg(long, value_name = "SURFACE", value_parser = super::surface())]
    surface: Option<Surface>,
    /// The provider's SURFACE must be known to accept top-level request parameter NAME
    /// (repeatable), e.g. chat-completions:tools
    #[arg(long, value_name = "SURFACE:NAME", value_parser = parse_param)]
    param: Vec<(Surface, String)>,
    /// A known input price of at most USD per million tokens (e.g. 0.5)
    #[arg(long, value_name = "USD", allow_negative_numbers = true)]
    max_input_price: Option<Price>,
    /// A known output price of at most USD per million tokens
    #[arg(long, value_name = "USD", allow_negative_numbers = true)]
    max_output_price: Option<Price>,
    /// Cheapest first (price), or lowest first by the figures of --latency or --error-rate
    /// (providers without one last)
    #[arg(long, value_name = "KEY")]
    sort: Option<SortKey>,
    /// Blend input and output prices IN:OUT for --sort price (default 1:1)
    #[arg(long, value_name = "IN:OUT", value_parser = parse_weights)]
    price_weights: Option<(u32, u32)>,
    /// A latency figure for provider ID (repeatable; with --sort latency)
    #[arg(long, value_name = "ID=MS", value_parser = parse_figure)]
    latency: Vec<(String, f64)>,
    /// An error rate for provider ID (repeatable; with --sort errors)
    #[arg(long, value_name = "ID=RATE", value_parser = parse_figure)]
    error_rate: Vec<(String, f64)>,
    /// At most N routes
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    max: Option<u64>,
    /// Leave out routes retired on DATE (YYYY-MM-DD): the model, or the offer where the
    /// offering provider has stopped serving it
    #[arg(long, value_name = "DATE")]
    active_on: Option<Date>,
    /// One JSON object per line instead of a table
    #[arg(long)]
    json: bool,
}

/// What `--sort` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum SortKey {
    Price,
    Latency,
    Errors,
}

/// `SURFACE:NAME`.
fn parse_param(s: &str) -> Result<(Surface, String), String> {
    let (surface, name) = s
        .split_once(':')
        .ok_or_else(|| "expected SURFACE:NAME".to_owned())?;
    let surface = surface.parse::<Surface>().map_err(|e| e.to_string())?;
    if name.is_empty() {
        return Err("empty parameter name".to_owned());
    }
    Ok((surface, name.to_owned()))
}

/// `IN:OUT`, two non-negative integers.
fn parse_weights(s: &str) -> Result<(u32, u32), String> {
    let bad = || "expected IN:OUT weights such as 3:1".to_owned();
    let (a, b) = s.split_once(':').ok_or_else(bad)?;
    Ok((a.parse().map_err(|_| bad())?, b.parse().map_err(|_| bad())?))
}

/// `ID=NUMBER`, a finite non-negative number.
fn parse_figure(s: &str) -> Result<(String, f64), String> {
    let (id, n) = s
        .split_once('=')
        .ok_or_else(|| "expected ID=NUMBER".to_owned())?;
    let v = n
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && *v >= 0.0)
        .ok_or_else(|| "the figure must be a non-negative number".to_owned())?;
    Ok((id.to_owned(), v))
}

/// The figures of `--latency` or `--error-rate`, refusing a provider given twice (by the
/// same spelling, ASCII case ignored).
fn figures(flag: &str, given: &[(String, f64)]) -> Result<HashMap<String, f64>, clap::Error> {
    let mut map: HashMap<String, f64> = HashMap::with_capacity(given.len());
    // The ids given so far, ASCII-lowercased: one lookup per flag, where a scan of the keys
    // cost a time quadratic in the number of flags.
    let mut seen: HashSet<String> = HashSet::with_capacity(given.len());
    for (id, v) in given {
        if !seen.insert(id.to_ascii_lowercase()) {
            return Err(usage_error(format_args!(
                "{flag}: `{}` given more than once",
                one_line(id)
            )));
        }
        map.insert(id.clone(), *v);
    }
    Ok(map)
}

impl RouteArgs {
    /// The policy the flags ask for, or a usage error: flags that need another, or a
    /// provider name that denotes no provider.
    fn policy(&self) -> Result<RoutePolicy, clap::Error> {
        let mut p = RoutePolicy::new();
        for id in &self.prefer {
            p = p.prefer(id);
        }
        for id in &self.allow {
            p = p.allow(id);
        }
        for id in &self.deny {
            p = p.deny(id);
        }
        for id in &self.key {
            p = p.key(id);
        }
        for &c in &self.capability {
            p = p.capability(c);
        }
        if let Some(s) = self.surface {
            p = p.surface(s);
        }
        for (s, name) in &self.param {
            p = p.param(*s, name);
        }
        if let Some(price) = self.max_input_price {
            p = p.max_input_price(price);
        }
        if let Some(price) = self.max_output_price {
            p = p.max_output_price(price);
        }
        if let Some(d) = self.active_on {
            p = p.active_on(d);
        }
        let sort = self.sort;
        if self.price_weights.is_some() && sort != Some(SortKey::Price) {
            return Err(usage_error("`--price-weights` needs `--sort price`"));
        }
        if !self.latency.is_empty() && sort != Some(SortKey::Latency) {
            return Err(usage_error("`--latency` figures need `--sort latency`"));
        }
        if !self.error_rate.is_empty() && sort != Some(SortKey::Errors) {
            return Err(usage_error("`--error-rate` figures need `--sort errors`"));
        }
        p = p.sort(match sort {
            Some(SortKey::Price) => {
                let (input, output) = self.price_weights.unwrap_or((1, 1));
                RouteSort::Price { input, output }
            }
            Some(SortKey::Latency) => RouteSort::Latency(figures("--latency", &self.latency)?),
            Some(SortKey::Errors) => {
                RouteSort::ErrorRate(figures("--error-rate", &self.error_rate)?)
            }
            None => RouteSort::Preference,
        });
        if let Some(n) = self.max {
            p = p.max_routes(usize::try_from(n).unwrap_or(usize::MAX));
        }
        if let Some(name) = Catalog::builtin().unknown_providers(&p).first() {
            return Err(usage_error(format_args!(
                "unknown provider `{}` (expected a provider id or alias)",
                one_line(name)
            )));
        }
        Ok(p)
    }
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

/// Writes the chain.
fn write_chain(out: &mut impl Write, chain: &[Route<'_>], json: bool) -> io::Result<()> {
    if json {
        chain.iter().try_for_each(|r| json_line(out, r))
    } else {
        let rows: Vec<[String; 8]> = chain
            .iter()
            .enumerate()
            .map(|(i, r)| row(i + 1, r))
            .collect();
        table(out, HEADER, &rows, &[0, 5, 6])
    }
}

/// Writes the candidates the policy rejected, with why.
fn write_rejected(out: &mut impl Write, e: &RouteError, json: bool) -> io::Result<()> {
    let rejected = e.rejected();
    if json {
        rejected.iter().try_for_each(|r| json_line(out, r))
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
        table(out, ["PROVIDER", "RULE", "WHY"], &rows, &[])
    }
}

impl Run for RouteArgs {
    fn run(self) -> Result<ExitCode, clap::Error> {
        let policy = self.policy()?;
        let mut out = stdout();
        let (written, code) = match route(&self.model, &policy) {
            Ok(chain) => (write_chain(&mut out, &chain, self.json), 0),
            Err(RouteError::Resolve(e)) => {
                error_line(e);
                return Ok(ExitCode::FAILURE);
            }
            Err(e) => {
                error_line(format_args!(
                    "no route for `{}`: every candidate provider was rejected",
                    one_line(self.model.trim_ascii())
                ));
                (write_rejected(&mut out, &e, self.json), 1)
            }
        };
        Ok(finish(written.and_then(|()| out.flush()), code))
    }
}
