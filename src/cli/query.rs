//! `model-catalog query`: filters and sorts the catalog's models.

use super::{finish, json_line, or_dash, stdout, table, Run};
use crate::{Capability, Date, Lifecycle, Modality, Model, Price, Query, Sort};
use serde::Serialize;
use std::io::{self, Write};
use std::process::ExitCode;

/// Lists the built-in catalog's models that pass every filter.
///
/// Every filter keeps only models where the fact is known and passes (a capability known
/// to be supported, a known price at or under the cap). Prints a table, or with --json one
/// JSON object per model per line: the shape of `Model` ({"id", "upstream_id", "name",
/// "provider", ..., "context_window", "max_output_tokens", "capabilities": {eight flags,
/// true, false or null}, "pricing": {"input", "output", ...} in USD per million tokens,
/// ...}) with a "lifecycle" key last ({"state": "active"}, {"state": "deprecated",
/// "retires"} or {"state": "retired", "since"}) on the --active-on day, else today (UTC).
///
/// Exit status: 0 on success (an empty result included), 1 when writing the output fails,
/// 2 on a usage error.
#[derive(Debug, clap::Parser)]
#[command(name = "query", verbatim_doc_comment)]
pub struct QueryArgs {
    /// Known to support NAME (repeatable)
    #[arg(long, value_name = "NAME", value_parser = super::capability())]
    capability: Vec<Capability>,
    /// Known to take NAME as input (repeatable)
    #[arg(long, value_name = "NAME", value_parser = super::modality())]
    input_modality: Vec<Modality>,
    /// A context window of at least N tokens
    #[arg(long, value_name = "N")]
    min_context: Option<u32>,
    /// A known input price of at most USD per million tokens (e.g. 2.5)
    #[arg(long, value_name = "USD", allow_negative_numbers = true)]
    max_input_price: Option<Price>,
    /// Whose home provider is ID (an id or alias, e.g. groqcloud); models ID only offers on
    /// behalf of others are not listed
    #[arg(long, value_name = "ID", value_parser = super::provider_id)]
    provider: Option<String>,
    /// Neither deprecated nor retired on DATE (YYYY-MM-DD); also the day of the "lifecycle"
    /// JSON field (default: today, UTC)
    #[arg(long, value_name = "DATE")]
    active_on: Option<Date>,
    /// Cheapest first (input-price, output-price) or largest context first; models lacking
    /// the value come last
    #[arg(long, value_name = "KEY")]
    sort: Option<SortKey>,
    /// One JSON object per model per line instead of a table
    #[arg(long)]
    json: bool,
}

/// What `--sort` takes.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum SortKey {
    InputPrice,
    OutputPrice,
    Context,
}

/// A model as `--json` prints it.
#[derive(Serialize)]
struct Listed<'a> {
    #[serde(flatten)]
    model: &'a Model,
    lifecycle: Lifecycle,
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

impl QueryArgs {
    /// The query the flags ask for.
    fn query(&self) -> Query {
        let mut q = Query::new();
        for &c in &self.capability {
            q = q.capability(c);
        }
        for &m in &self.input_modality {
            q = q.input_modality(m);
        }
        if let Some(n) = self.min_context {
            q = q.min_context(n);
        }
        if let Some(p) = self.max_input_price {
            q = q.max_input_price(p);
        }
        if let Some(p) = &self.provider {
            q = q.provider(p);
        }
        if let Some(d) = self.active_on {
            q = q.active_on(d);
        }
        if let Some(s) = self.sort {
            q = q.sort(match s {
                SortKey::InputPrice => Sort::InputPrice,
                SortKey::OutputPrice => Sort::OutputPrice,
                SortKey::Context => Sort::ContextWindow,
            });
        }
        q
    }

    fn write(&self, out: &mut impl Write) -> io::Result<()> {
        let found = self.query().run();
        if self.json {
            let day = self.active_on.unwrap_or_else(Date::today);
            found.into_iter().try_for_each(|model| {
                let lifecycle = model.lifecycle_on(day);
                json_line(out, &Listed { model, lifecycle })
            })
        } else {
            let rows: Vec<[String; 7]> = found.into_iter().map(row).collect();
            table(out, HEADER, &rows, &[2, 3, 4, 5])
        }
    }
}

impl Run for QueryArgs {
    fn run(self) -> Result<ExitCode, clap::Error> {
        let mut out = stdout();
        let written = self.write(&mut out).and_then(|()| out.flush());
        Ok(finish(written, 0))
    }
}
