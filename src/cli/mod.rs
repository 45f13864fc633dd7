//! The `model-catalog` command-line tool, with the `cli` feature:
//! `cargo install model-catalog --features cli`.
//!
//! ```text
//! model-catalog resolve [--json] [MODEL...]
//! model-catalog query [--capability NAME]... [--input-modality NAME]... [--min-context N]
//!     [--max-input-price USD] [--provider ID] [--active-on YYYY-MM-DD]
//!     [--sort input-price|output-price|context] [--json]
//! model-catalog route MODEL [--prefer ID]... [--allow ID]... [--deny ID]... [--key ID]...
//!     [--capability NAME]... [--surface SURFACE] [--param SURFACE:NAME]...
//!     [--max-input-price USD] [--max-output-price USD] [--sort price|latency|errors]
//!     [--price-weights IN:OUT] [--latency ID=MS]... [--error-rate ID=RATE]... [--max N]
//!     [--active-on YYYY-MM-DD] [--json]
//! model-catalog models --format openai|openai-detailed|inference-api [--markup FACTOR]
//! model-catalog validate PATH... [--format documents|ngrok|openai|inference-api] [--provider ID]
//! model-catalog completions bash|elvish|fish|powershell|zsh
//! ```
//!
//! This module is the tool's implementation: the binary (`src/bin/model-catalog.rs`) calls
//! [`main`], and the repository's examples each run one subcommand as a program of its own
//! through [`main_of`].
//!
//! # JSON output
//!
//! With `--json`, `resolve`, `query` and `route` print one compact JSON object per line, in
//! the shapes of the library's `Serialize` implementations (see the types' documentation):
//!
//! - `resolve`: per input, the shape of a [`ResolutionRecord`](crate::ResolutionRecord) with
//!   an `"input"` key first (`{"input", "provider", "model", "upstream_id", "matched", ...}`),
//!   or `{"input", "error": {"kind", "message", "http_status", "input", "suggestions"}}`
//!   (the shape of a [`ResolveError`](crate::ResolveError)) for an input that does not
//!   resolve;
//! - `query`: per model, the shape of a [`Model`](crate::Model) with a `"lifecycle"` key
//!   last, the shape of a [`Lifecycle`](crate::Lifecycle) (`{"state": "active"}`, ...) on
//!   the `--active-on` day (default: today, UTC);
//! - `route`: per route, in chain order, the shape of a [`RouteRecord`](crate::RouteRecord)
//!   (`{"provider", "model", "offer", "upstream_id", "base_url", "surface",
//!   "caller_key_required", "pricing"}`); when the policy rejects every candidate, per
//!   candidate the shape of a [`Rejection`](crate::Rejection) (`{"provider", "reason":
//!   {"kind", ..., "message"}}`).
//!
//! `models` prints the whole `/models` document of its format (one line), as the
//! [`formats`](crate::formats) exports write it. `validate` prints one line per problem.
//!
//! # Exit status
//!
//! 0 on success; 1 on a failure: an input that does not resolve, no route, invalid data, or
//! a write to standard output that fails; 2 on a usage error (a bad flag or value). A
//! standard output closed early (piped into `head`) stops the output quietly and is no
//! failure of itself.

mod completions;
mod models;
mod query;
mod resolve;
mod route;
mod validate;

pub use completions::CompletionsArgs;
pub use models::ModelsArgs;
pub use query::QueryArgs;
pub use resolve::ResolveArgs;
pub use route::RouteArgs;
pub use validate::ValidateArgs;

use crate::data::key::char_problem;
use crate::{Capability, Modality, Surface};
use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{CommandFactory, FromArgMatches, Parser};
use serde::Serialize;
use std::io::{self, ErrorKind, Write};
use std::process::ExitCode;

/// A subcommand of the tool: its arguments, and what it does with them.
pub trait Run: Parser {
    /// Runs the subcommand, writing to standard output: the exit status, or a usage error
    /// found after parsing (such as two flags that do not go together), which the caller
    /// prints with the command's usage and exits 2 on.
    fn run(self) -> Result<ExitCode, clap::Error>;
}

/// An offline catalog of AI model providers and models.
///
/// Resolves model strings, lists and routes models, and writes and checks catalog data,
/// all from the catalog compiled into this program.
#[derive(Debug, Parser)]
#[command(name = "model-catalog", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    Resolve(ResolveArgs),
    Query(QueryArgs),
    Route(RouteArgs),
    Models(ModelsArgs),
    Validate(ValidateArgs),
    Completions(CompletionsArgs),
}

impl Command {
    fn run(self) -> Result<ExitCode, clap::Error> {
        match self {
            Command::Resolve(a) => a.run(),
            Command::Query(a) => a.run(),
            Command::Route(a) => a.run(),
            Command::Models(a) => a.run(),
            Command::Validate(a) => a.run(),
            Command::Completions(a) => a.run(),
        }
    }
}

/// The command line of the `model-catalog` tool, its help showing the compiled data's
/// as-of date and size ([`catalog_info`](crate::catalog_info)).
///
/// ```
/// let help = model_catalog::cli::command().render_help().to_string();
/// assert!(help.contains("resolve"));
/// assert!(help.contains(&model_catalog::DATA_AS_OF.unwrap().to_string()));
/// ```
pub fn command() -> clap::Command {
    let data = data_line();
    Cli::command()
        .after_help(format!("{data}\n\n{EXIT_STATUS}"))
        .mut_subcommands(|c| c.after_help(data.clone()))
}

/// How the tool's exit status reads, for `--help`.
const EXIT_STATUS: &str = "Exit status: 0 on success; 1 when an input does not resolve, \
    there is no route, the data is invalid or writing the output fails; 2 on a usage error.";

/// The `model-catalog` binary: parses the process's arguments, runs the subcommand, and
/// returns its exit status (a usage error prints the usage and exits 2).
pub fn main() -> ExitCode {
    let mut cmd = command();
    let mut matches = cmd
        .try_get_matches_from_mut(std::env::args_os())
        .unwrap_or_else(|e| exit_on(e));
    let name = matches.subcommand_name().unwrap_or_default().to_owned();
    let cli =
        Cli::from_arg_matches_mut(&mut matches).unwrap_or_else(|e| exit_on(e.format(&mut cmd)));
    cli.command
        .run()
        .unwrap_or_else(|e| match cmd.find_subcommand_mut(&name) {
            Some(sub) => exit_on(e.format(sub)),
            None => exit_on(e.format(&mut cmd)),
        })
}

/// Prints `e` and exits with its status, as `clap::Error::exit` does, but with every
/// character that could drive a terminal or break a line escaped ([`one_line`]): a usage
/// error quotes the argument it refuses, or a part of it, which may be anyone's text. Line
/// feeds that stand where an argument has them are escaped first ([`escape_quoted`]), so
/// that an argument holding one stays on its line; then the message's own lines are escaped
/// one by one. Help and version are printed as they are.
fn exit_on(e: clap::Error) -> ! {
    use clap::error::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        e.exit()
    }
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let text = escape_quoted(&e.render().to_string(), &args);
    let mut err = io::stderr().lock();
    for line in text.lines() {
        let _ = writeln!(err, "{}", one_line(line));
    }
    let _ = err.flush();
    std::process::exit(e.exit_code())
}

/// `text` with each line feed escaped that may come from `args`: one beside a character
/// that stands beside a line feed in an argument, or, where an argument begins or ends with
/// one, beside a `'` (clap quotes what it refuses, the whole argument or a part of it, such
/// as an unknown `--flag` without its `=value`). The line feeds of clap's own layout stay
/// unless an argument shares their neighbours, which only joins lines.
fn escape_quoted(text: &str, args: &[String]) -> String {
    let mut beside: Vec<char> = Vec::new();
    for a in args {
        let chars: Vec<char> = a.chars().collect();
        for (i, _) in chars.iter().enumerate().filter(|(_, &c)| c == '\n') {
            match i.checked_sub(1).and_then(|j| chars.get(j)) {
                Some(&c) => beside.push(c),
                None => beside.push('\''),
            }
            match chars.get(i + 1) {
                Some(&c) => beside.push(c),
                None => beside.push('\''),
            }
        }
    }
    if beside.is_empty() {
        return text.to_owned();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let near = |j: Option<usize>| {
            j.and_then(|j| chars.get(j))
                .is_some_and(|n| beside.contains(n))
        };
        if c == '\n' && (near(i.checked_sub(1)) || near(Some(i + 1))) {
            out.push_str("\\n");
        } else {
            out.push(c);
        }
    }
    out
}

/// One subcommand as a program of its own (the repository's examples): parses the
/// process's arguments as `A` and runs it, as [`main`] runs `model-catalog <subcommand>`.
pub fn main_of<A: Run>() -> ExitCode {
    let mut cmd = A::command().after_help(data_line());
    let mut matches = cmd
        .try_get_matches_from_mut(std::env::args_os())
        .unwrap_or_else(|e| exit_on(e));
    let args =
        A::from_arg_matches_mut(&mut matches).unwrap_or_else(|e| exit_on(e.format(&mut cmd)));
    args.run().unwrap_or_else(|e| exit_on(e.format(&mut cmd)))
}

/// Where the compiled data comes from and how much it holds, for `--help`.
fn data_line() -> String {
    let info = crate::catalog_info();
    let snapshot = |s: Option<(&str, crate::Date)>| {
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

/// A usage error found after parsing: printed with the command's usage, exit status 2.
fn usage_error(message: impl std::fmt::Display) -> clap::Error {
    clap::Error::raw(clap::error::ErrorKind::ArgumentConflict, message)
}

/// `--capability`: a capability name (the shells complete them).
fn capability() -> impl TypedValueParser<Value = Capability> {
    PossibleValuesParser::new(Capability::ALL.iter().map(|c| c.as_str()))
        .try_map(|s| s.parse::<Capability>())
}

/// `--input-modality`: a modality name.
fn modality() -> impl TypedValueParser<Value = Modality> {
    PossibleValuesParser::new(Modality::ALL.iter().map(|m| m.as_str()))
        .try_map(|s| s.parse::<Modality>())
}

/// `--surface`: an API surface name.
fn surface() -> impl TypedValueParser<Value = Surface> {
    PossibleValuesParser::new(Surface::ALL.iter().map(|s| s.as_str()))
        .try_map(|s| s.parse::<Surface>())
}

/// A provider of the built-in catalog, by id or alias: its id.
fn provider_id(name: &str) -> Result<String, String> {
    crate::lookup_provider(name)
        .map(|p| p.id().to_owned())
        .ok_or_else(|| "unknown provider (expected a provider id or alias)".to_owned())
}

/// Standard output, buffered.
fn stdout() -> io::BufWriter<io::StdoutLock<'static>> {
    io::BufWriter::new(io::stdout().lock())
}

/// The exit status `code` once the output is written: a standard output closed early stops
/// the output quietly; any other write error is reported on standard error, with status 1.
fn finish(written: io::Result<()>, code: u8) -> ExitCode {
    match written {
        Ok(()) => ExitCode::from(code),
        Err(e) if e.kind() == ErrorKind::BrokenPipe => ExitCode::from(code),
        Err(e) => {
            // `eprintln!` would panic if standard error failed too.
            let _ = writeln!(io::stderr(), "error: writing standard output: {e}");
            ExitCode::from(1)
        }
    }
}

/// Writes `value` as one line of compact JSON, in ASCII ([`AsciiJson`]).
fn json_line(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    let mut json = serde_json::Serializer::with_formatter(&mut *out, AsciiJson);
    value.serialize(&mut json)?;
    out.write_all(b"\n")
}

/// Compact JSON whose strings write every character outside printable ASCII as `\uXXXX`
/// (serde_json escapes only those below U+0020): a line any terminal or log shows as it is,
/// with no right-to-left override, line separator or C1 control among the inputs it echoes,
/// and which any JSON reader reads back to the same text.
struct AsciiJson;

impl serde_json::ser::Formatter for AsciiJson {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (at, c) in fragment.char_indices() {
            if c.is_ascii() && c != '\u{7f}' {
                continue;
            }
            writer.write_all(&fragment.as_bytes()[start..at])?;
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                write!(writer, "\\u{unit:04x}")?;
            }
            start = at + c.len_utf8();
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }
}

/// Writes `message` as an `error: ` line on standard error.
fn error_line(message: impl std::fmt::Display) {
    // `eprintln!` would panic if standard error failed.
    let _ = writeln!(io::stderr(), "error: {message}");
}

/// The value, or `-` when there is none (a table cell).
fn or_dash<T: ToString>(v: Option<T>) -> String {
    v.map_or_else(|| "-".to_owned(), |v| v.to_string())
}

/// `s` with control characters (newlines included), line separators and bidirectional
/// formatting characters escaped, so that a table cell or a message naming a value from the
/// command line stays on one line and reads in the order written.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| match char_problem(c) {
            Some(_) => c.escape_default().to_string(),
            None => c.to_string(),
        })
        .collect()
}

/// A table: the header, then the rows, columns as wide as their widest cell, two spaces
/// apart; the columns in `numeric` right-aligned, the others left-aligned, the last not
/// padded.
fn table<const N: usize>(
    out: &mut impl Write,
    header: [&str; N],
    rows: &[[String; N]],
    numeric: &[usize],
) -> io::Result<()> {
    let header = header.map(one_line);
    let rows: Vec<[String; N]> = rows
        .iter()
        .map(|r| r.clone().map(|c| one_line(&c)))
        .collect();
    let mut widths = header.clone().map(|h| h.chars().count());
    for r in &rows {
        for (w, cell) in widths.iter_mut().zip(r) {
            *w = (*w).max(cell.chars().count());
        }
    }
    for cells in std::iter::once(&header).chain(&rows) {
        let mut line = String::new();
        for (i, (cell, &w)) in cells.iter().zip(&widths).enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            match i {
                _ if i + 1 == N => line.push_str(cell),
                _ if numeric.contains(&i) => line.push_str(&format!("{cell:>w$}")),
                _ => line.push_str(&format!("{cell:<w$}")),
            }
        }
        writeln!(out, "{line}")?;
    }
    Ok(())
}
