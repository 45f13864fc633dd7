//! `model-catalog validate`: checks catalog data.

use super::{error_line, finish, stdout, usage_error, Run};
use crate::data::escape::Esc;
use crate::data::validate::DataError;
use crate::formats::{
    import_documents, import_inference_api, import_ngrok, import_openai_models, ImportError,
    ImportOptions, TargetProvider,
};
use crate::Catalog;
use model_catalog_build::{codegen, DataDir};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Checks a catalog directory, or documents to import, and prints every problem found.
///
/// Without --format, each PATH is a catalog directory laid out like the crate's data/
/// (providers/*.json, and optionally sources.json), checked as the build checks the
/// directory MODEL_CATALOG_DATA_DIR names: with the same validator and table generator.
/// With --format, each PATH is a document to import on top of the built-in catalog, checked
/// by the library's import of that format (model_catalog::formats); `-` reads standard
/// input. For ngrok the PATHs are the pages of one provider list, in order; for openai,
/// --provider names the provider the list belongs to.
///
/// Prints one line per problem (the document, the entry or JSON path, and what is wrong),
/// or a line saying the data is valid.
///
/// Exit status: 0 when everything is valid, 1 when a problem is found (or writing the
/// output fails), 2 on a usage error.
#[derive(Debug, clap::Parser)]
#[command(name = "validate", verbatim_doc_comment)]
pub struct ValidateArgs {
    /// Catalog directories, or with --format documents to import (`-`: standard input)
    #[arg(value_name = "PATH", required = true)]
    paths: Vec<PathBuf>,
    /// The format of the documents to import
    #[arg(long, value_name = "FORMAT")]
    format: Option<Format>,
    /// For --format openai: the provider the list belongs to, a built-in one (by id or
    /// alias) that the list extends, or else the id of a new provider
    #[arg(long, value_name = "ID", required_if_eq("format", "openai"))]
    provider: Option<String>,
}

/// What `--format` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// The crate's own data documents (one object or an array of them)
    Documents,
    /// ngrok `AIGatewayProviderList` pages
    Ngrok,
    /// An OpenAI-compatible /v1/models list, basic or detailed
    Openai,
    /// The inference-api /models list
    InferenceApi,
}

/// The outcome of checking one thing: what it is called, and its problems or a summary.
struct Checked {
    name: String,
    result: Result<String, Vec<String>>,
}

impl ValidateArgs {
    fn check(&self) -> Result<Vec<Checked>, clap::Error> {
        if self.provider.is_some() && self.format != Some(Format::Openai) {
            return Err(usage_error(
                "`--provider` applies only to `--format openai`",
            ));
        }
        let Some(format) = self.format else {
            if let Some(file) = self.paths.iter().find(|p| p.is_file()) {
                return Err(usage_error(format_args!(
                    "`{}` is a file, not a catalog directory: give `--format` to check a \
                     document to import",
                    shown(file)
                )));
            }
            return Ok(self.paths.iter().map(|p| check_dir(p)).collect());
        };
        let base = Catalog::builtin();
        let options = ImportOptions::new();
        if format == Format::Ngrok {
            let name = self
                .paths
                .iter()
                .map(|p| shown(p))
                .collect::<Vec<_>>()
                .join(" ");
            let pages: Result<Vec<String>, String> = self.paths.iter().map(|p| read(p)).collect();
            let result = pages.map_err(|e| vec![e]).and_then(|pages| {
                imported(base, Some(&name), import_ngrok(base, &pages, &options))
            });
            return Ok(vec![Checked { name, result }]);
        }
        Ok(self
            .paths
            .iter()
            .map(|path| {
                let name = shown(path);
                let result = read(path).map_err(|e| vec![e]).and_then(|json| {
                    let catalog = match format {
                        Format::Documents => import_documents(base, &name, &json),
                        Format::Openai => {
                            let id = self.provider.as_deref().unwrap_or_default();
                            let target = if base.lookup_provider(id).is_some() {
                                TargetProvider::existing(id)
                            } else {
                                TargetProvider::new(id, id)
                            };
                            import_openai_models(base, &json, &target, &options)
                        }
                        Format::InferenceApi => import_inference_api(base, &json, &options),
                        Format::Ngrok => unreachable!("checked above"),
                    };
                    // A document of the crate's own format is named in its errors already.
                    let named = (format != Format::Documents).then_some(name.as_str());
                    imported(base, named, catalog)
                });
                Checked { name, result }
            })
            .collect())
    }
}

/// `n` and the noun, plural unless `n` is 1.
fn plural(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

/// How a path is named in the output, and in every message that names it: control and
/// non-ASCII characters escaped (`\u{1b}`, `\u{a}`) as the library's errors escape what
/// they quote, so that a file name cannot write an escape sequence or a line of its own.
fn shown(path: &Path) -> String {
    Esc(&path.display().to_string()).to_string()
}

/// The text of a document, or why it cannot be read.
fn read(path: &Path) -> Result<String, String> {
    let mut text = String::new();
    let read = if path == Path::new("-") {
        io::stdin().lock().read_to_string(&mut text).map(drop)
    } else {
        std::fs::read_to_string(path).map(|t| text = t)
    };
    read.map(|()| text)
        .map_err(|e| format!("{}: cannot read: {e}", shown(path)))
}

/// A catalog directory, checked as the build checks it.
fn check_dir(path: &Path) -> Checked {
    let dir = DataDir {
        path: path.to_owned(),
        shown: shown(path),
    };
    let strings = |errors: Vec<DataError>| errors.iter().map(ToString::to_string).collect();
    let result = match dir.read() {
        Err(errors) => Err(strings(errors)),
        Ok(docs) => match docs.validate() {
            Err(errors) => Err(strings(errors)),
            Ok((validated, sources)) => match codegen::generate(&validated, sources) {
                Err(e) => Err(vec![e]),
                Ok(_) => Ok(format!(
                    "{}, {}, {}",
                    plural(validated.providers.len(), "provider"),
                    plural(validated.models.len(), "model"),
                    plural(validated.offers.len(), "offer"),
                )),
            },
        },
    };
    Checked {
        name: dir.shown,
        result,
    }
}

/// What an import added to `base`, or every problem it found (each after `name: `, when
/// given).
fn imported(
    base: &Catalog,
    name: Option<&str>,
    catalog: Result<Catalog, ImportError>,
) -> Result<String, Vec<String>> {
    let problems = match catalog {
        Ok(c) => {
            let offers = |c: &Catalog| c.models().map(|m| c.offers_of(m).len()).sum::<usize>();
            return Ok(format!(
                "adds {}, {} and {} to the built-in catalog",
                plural(c.providers().len() - base.providers().len(), "provider"),
                plural(c.models().len() - base.models().len(), "model"),
                plural(offers(&c) - offers(base), "offer"),
            ));
        }
        Err(ImportError::Catalog(e)) => e.errors.iter().map(ToString::to_string).collect(),
        Err(e) => vec![e.to_string()],
    };
    Err(match name {
        Some(name) => problems
            .into_iter()
            .map(|p| format!("{name}: {p}"))
            .collect(),
        None => problems,
    })
}

impl Run for ValidateArgs {
    fn run(self) -> Result<ExitCode, clap::Error> {
        let checked = self.check()?;
        let mut out = stdout();
        let mut problems = 0;
        let written = checked
            .iter()
            .try_for_each(|c| match &c.result {
                Ok(summary) => writeln!(out, "{}: valid: {summary}", c.name),
                Err(errors) => {
                    problems += errors.len();
                    errors.iter().try_for_each(|e| writeln!(out, "{e}"))
                }
            })
            .and_then(|()| out.flush());
        if problems > 0 {
            error_line(format_args!("{} found", plural(problems, "problem")));
        }
        Ok(finish(written, u8::from(problems > 0)))
    }
}
