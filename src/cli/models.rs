//! `model-catalog models`: the catalog as a `/models` document.

use super::{error_line, finish, stdout, usage_error, Run};
use crate::formats::{
    export_inference_api, export_openai_models, export_openai_models_detailed, INFERENCE_API_MARKUP,
};
use crate::{Catalog, Markup};
use std::io::Write;
use std::process::ExitCode;

/// Prints the built-in catalog's models as a /models JSON document.
///
/// openai is the OpenAI-compatible /v1/models list, openai-detailed its detailed variant,
/// inference-api the inference platform's /models with per-1k credit prices including
/// --markup (default 1.4; only for that format). The output is the document as the
/// library's exports write it (model_catalog::formats): compact JSON and a newline,
/// byte-identical from run to run.
///
/// Exit status: 0 on success, 1 when the export or writing the output fails, 2 on a usage
/// error.
#[derive(Debug, clap::Parser)]
#[command(name = "models", verbatim_doc_comment)]
pub struct ModelsArgs {
    /// The document to print
    #[arg(long, value_name = "FORMAT")]
    format: Format,
    /// The markup included in inference-api prices, e.g. 1.4
    #[arg(long, value_name = "FACTOR")]
    markup: Option<Markup>,
}

/// What `--format` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Openai,
    OpenaiDetailed,
    InferenceApi,
}

impl Run for ModelsArgs {
    fn run(self) -> Result<ExitCode, clap::Error> {
        if self.markup.is_some() && self.format != Format::InferenceApi {
            return Err(usage_error(
                "`--markup` applies only to `--format inference-api`",
            ));
        }
        let catalog = Catalog::builtin();
        let json = match self.format {
            Format::Openai => export_openai_models(catalog, None),
            Format::OpenaiDetailed => export_openai_models_detailed(catalog, None),
            Format::InferenceApi => {
                export_inference_api(catalog, self.markup.unwrap_or(INFERENCE_API_MARKUP))
            }
        };
        match json {
            Ok(json) => {
                let mut out = stdout();
                Ok(finish(
                    writeln!(out, "{json}").and_then(|()| out.flush()),
                    0,
                ))
            }
            Err(e) => {
                error_line(e);
                Ok(ExitCode::FAILURE)
            }
        }
    }
}
