//! Prints the built-in catalog's models as a `/models` JSON document.
//!
//! ```text
//! cargo run --example models_json -- --format openai|openai-detailed|inference-api [--markup 1.4]
//! ```
//!
//! `openai` is the OpenAI-compatible `/v1/models` list, `openai-detailed` its detailed variant
//! (seed 003), `inference-api` the inference platform's `/models` (seed 002) with per-1k
//! credit prices including `--markup` (default 1.4; only for that format). The output is
//! compact JSON followed by a newline, byte-identical from run to run. Exit status: 0 on
//! success, 2 on a usage error, 1 if the export fails.

use model_catalog::formats::{
    export_inference_api, export_openai_models, export_openai_models_detailed, INFERENCE_API_MARKUP,
};
use model_catalog::{Catalog, Markup};
use std::io::Write;
use std::process::ExitCode;

const USAGE: &str =
    "usage: models_json --format openai|openai-detailed|inference-api [--markup FACTOR]
Prints the built-in catalog's models as that JSON document. --markup (default 1.4) applies to
--format inference-api only.";

enum Format {
    Openai,
    OpenaiDetailed,
    InferenceApi,
}

struct Args {
    format: Format,
    markup: Option<Markup>,
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Option<Args>, String> {
    let mut format = None;
    let mut markup = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_owned(), Some(v.to_owned())),
            _ => (arg.clone(), None),
        };
        match flag.as_str() {
            "-h" | "--help" => return Ok(None),
            "--format" | "--markup" => {
                let value = match inline.or_else(|| args.next()) {
                    Some(v) => v,
                    None => return Err(format!("{flag} needs a value")),
                };
                if flag == "--format" {
                    if format.is_some() {
                        return Err("--format is given twice".to_owned());
                    }
                    format = Some(match value.as_str() {
                        "openai" => Format::Openai,
                        "openai-detailed" => Format::OpenaiDetailed,
                        "inference-api" => Format::InferenceApi,
                        other => {
                            return Err(format!(
                                "unknown format `{other}` (expected openai, openai-detailed or inference-api)"
                            ))
                        }
                    });
                } else {
                    if markup.is_some() {
                        return Err("--markup is given twice".to_owned());
                    }
                    markup = Some(value.parse::<Markup>().map_err(|e| e.to_string())?);
                }
            }
            other => return Err(format!("unexpected argument `{other}`")),
        }
    }
    let Some(format) = format else {
        return Err("--format is required".to_owned());
    };
    if markup.is_some() && !matches!(format, Format::InferenceApi) {
        return Err("--markup applies only to --format inference-api".to_owned());
    }
    Ok(Some(Args { format, markup }))
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(Some(a)) => a,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("models_json: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let catalog = Catalog::builtin();
    let json = match args.format {
        Format::Openai => export_openai_models(catalog, None),
        Format::OpenaiDetailed => export_openai_models_detailed(catalog, None),
        Format::InferenceApi => {
            export_inference_api(catalog, args.markup.unwrap_or(INFERENCE_API_MARKUP))
        }
    };
    match json {
        Ok(json) => {
            let mut out = std::io::stdout().lock();
            if writeln!(out, "{json}").and_then(|()| out.flush()).is_err() {
                return ExitCode::FAILURE;
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("models_json: {e}");
            ExitCode::FAILURE
        }
    }
}
