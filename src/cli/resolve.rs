//! `model-catalog resolve`: resolves model strings.

use super::{error_line, finish, json_line, or_dash, stdout, Run};
use crate::{Resolution, ResolveError, Resolver};
use serde::Serialize;
use std::io::{self, BufRead, Write};
use std::process::ExitCode;

/// Resolves model strings against the built-in catalog.
///
/// Resolves each MODEL, or each line of standard input when none is given (any bytes:
/// invalid UTF-8 is replaced, and so never matches), with the default `Resolver` (which
/// also reports a pass-through's near miss). Prints a table, or with --json one JSON
/// object per input per line: the resolution, the shape of `ResolutionRecord` with an
/// "input" key first ({"input", "provider", "model", "upstream_id", "matched",
/// "matched_name", "served_name", "fine_tune", "prefix", "overrides_builtin", "near_miss",
/// "offer", "base_url", "caller_key_required", "api_key_env", "pricing", "context_window",
/// "max_input_tokens", "max_output_tokens", "input_modalities", "output_modalities",
/// "capabilities", "retires"}; "pricing" holds the serving provider's prices in USD
/// per million tokens), or {"input", "error": {"kind", "message", "http_status", "input",
/// "suggestions"}}.
///
/// Exit status: 0 when every input resolved, 1 when any did not (or reading the input or
/// writing the output failed), 2 on a usage error.
#[derive(Debug, clap::Parser)]
#[command(name = "resolve", verbatim_doc_comment)]
pub struct ResolveArgs {
    /// One JSON object per input per line instead of a table
    #[arg(long)]
    json: bool,
    /// Model strings such as gpt-4o or groqcloud:llama-3.3-70b (default: the lines of
    /// standard input); put `--` before one that starts with `-`
    #[arg(value_name = "MODEL")]
    models: Vec<String>,
}

/// A resolved input as `--json` prints it.
#[derive(Serialize)]
struct Resolved<'r, 'i> {
    input: &'i str,
    #[serde(flatten)]
    resolution: &'r Resolution<'static, 'i>,
}

/// An input that does not resolve, as `--json` prints it.
#[derive(Serialize)]
struct Failed<'a> {
    input: &'a str,
    error: &'a ResolveError,
}

impl Run for ResolveArgs {
    fn run(self) -> Result<ExitCode, clap::Error> {
        let mut out = stdout();
        let (mut all_ok, mut read_error) = (true, None);
        let written = self
            .write(&mut out, &mut all_ok, &mut read_error)
            .and_then(|()| out.flush());
        let status = finish(written, u8::from(!all_ok));
        match read_error {
            Some(e) => {
                error_line(format_args!("reading standard input: {e}"));
                Ok(ExitCode::FAILURE)
            }
            None => Ok(status),
        }
    }
}

impl ResolveArgs {
    /// Writes the header (for a table), then one line per input; `all_ok` turns false at
    /// the first input that does not resolve, and reading standard input stops at the first
    /// error, left in `read_error`.
    fn write(
        &self,
        out: &mut impl Write,
        all_ok: &mut bool,
        read_error: &mut Option<io::Error>,
    ) -> io::Result<()> {
        if !self.json {
            writeln!(
                out,
                "{:<40} {:<14} {:<30} {:<40} {:<12} {:>9} {:>7}  RETIRES",
                "INPUT", "PROVIDER", "MODEL", "UPSTREAM", "MATCH", "CONTEXT", "OUTPUT"
            )?;
        }
        let resolver = Resolver::new();
        let mut one = |input: &str| -> io::Result<()> {
            let result = resolver.resolve(input);
            *all_ok &= result.is_ok();
            self.line(out, input, &result)
        };
        if !self.models.is_empty() {
            return self.models.iter().try_for_each(|m| one(m));
        }
        for line in io::stdin().lock().split(b'\n') {
            let mut bytes = match line {
                Ok(bytes) => bytes,
                Err(e) => {
                    *read_error = Some(e);
                    break;
                }
            };
            if bytes.last() == Some(&b'\r') {
                bytes.pop();
            }
            one(&String::from_utf8_lossy(&bytes))?;
        }
        Ok(())
    }

    /// One input's line: a table row or a JSON object.
    fn line(
        &self,
        out: &mut impl Write,
        input: &str,
        result: &Result<Resolution<'static, '_>, ResolveError>,
    ) -> io::Result<()> {
        match (result, self.json) {
            (Ok(resolution), true) => json_line(out, &Resolved { input, resolution }),
            (Err(error), true) => json_line(out, &Failed { input, error }),
            (Ok(r), false) => writeln!(
                out,
                "{:<40} {:<14} {:<30} {:<40} {:<12} {:>9} {:>7}  {}",
                input.escape_debug().to_string(),
                r.provider.id(),
                or_dash(r.model.map(|m| m.id())),
                r.upstream_id,
                r.matched.as_str(),
                or_dash(r.context_window()),
                or_dash(r.max_output_tokens()),
                or_dash(r.retires()),
            ),
            (Err(e), false) => writeln!(
                out,
                "{:<40} error ({}): {e}",
                input.escape_debug().to_string(),
                e.kind()
            ),
        }
    }
}
