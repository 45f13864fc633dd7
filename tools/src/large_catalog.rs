//! Builds a large test catalog, in the crate's data format, from the public reference data.
//!
//! ```text
//! cargo run --release -p catalog-tools --bin large-catalog -- [--out DIR] [--data DIR] [--reference DIR] [--copies N]
//! MODEL_CATALOG_DATA_DIR=DIR cargo bench --bench resolve    # compile the crate with it
//! ```
//!
//! The output holds the crate's own `data/` documents unchanged plus one document per
//! models.dev provider (`md-<provider>`) and per LiteLLM provider (`ll-<provider>`), every
//! provider-model file and every chat model becoming a model: over 5,000 models with aliases.
//! Ids are made unique by prefixing the provider (`md-openrouter/openai/gpt-4o`); a model's
//! bare id becomes its upstream id only while no other model holds that name, and each
//! models.dev model gets the alias `<model>@<provider>`. The output is written to
//! `target/large-catalog` by default (outside `data/`, not committed), validated with the
//! crate's validator first. It is deterministic.
//!
//! `--copies N` writes the models.dev and LiteLLM documents `N` times, copy `k` (from 2)
//! with every provider name and model name suffixed `-c<k>` and no upstream id of its own:
//! a catalog of real shapes about `N` times the size, for measuring how the compiled
//! catalog scales past the references (BENCHMARKS.md, "Scale"). The default is 1.

use catalog_tools::data::key::{
    base_url_problem, fold, model_name_problem, provider_name_problem, text_problem,
};
use catalog_tools::data::schema::{DataFile, ModelEntry, ProviderEntry};
use catalog_tools::data::{self, modality::Modality, price::Price};
use catalog_tools::facts;
use catalog_tools::reference::{Facts, Reference};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

struct Args {
    out: PathBuf,
    data: PathBuf,
    reference: PathBuf,
    copies: usize,
}

fn parse_args() -> Result<Args, String> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut args = Args {
        out: repo.join("target/large-catalog"),
        data: repo.join("data"),
        reference: repo.join("../shared/reference"),
        copies: 1,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .map(PathBuf::from)
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match a.as_str() {
            "--out" => args.out = value("--out")?,
            "--data" => args.data = value("--data")?,
            "--reference" => args.reference = value("--reference")?,
            "--copies" => {
                let v = value("--copies")?;
                args.copies = v
                    .to_str()
                    .and_then(|v| v.parse().ok())
                    .filter(|&n| n >= 1)
                    .ok_or_else(|| format!("--copies needs a count of 1 or more, not {v:?}"))?;
            }
            "-h" | "--help" => {
                return Err(
                    "usage: large-catalog [--out DIR] [--data DIR] [--reference DIR] [--copies N]"
                        .into(),
                )
            }
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok(args)
}

/// A provider id from a reference provider name: lowercase, with anything but letters,
/// digits, `-`, `_` and `.` turned into `-`.
fn provider_id(prefix: &str, name: &str) -> String {
    let clean: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    format!("{prefix}-{clean}")
}

/// Names already taken (folded), so generated names never collide.
#[derive(Default)]
struct Taken(HashSet<String>);

impl Taken {
    /// Claims `name` if it is a valid model name and free.
    fn claim(&mut self, name: &str) -> bool {
        model_name_problem(name).is_none() && self.0.insert(fold(name))
    }
}

fn modalities(list: &Option<Vec<&'static str>>) -> Option<Vec<Modality>> {
    list.as_ref()
        .map(|l| {
            l.iter()
                .filter_map(|m| m.parse().ok())
                .collect::<Vec<Modality>>()
        })
        .filter(|l| !l.is_empty())
}

fn entry(id: String, upstream: Option<String>, name: String, f: &Facts) -> ModelEntry {
    let context = f.context.and_then(|c| u32::try_from(c).ok());
    let output = f
        .output
        .and_then(|c| u32::try_from(c).ok())
        .filter(|&o| context.is_none_or(|c| o <= c));
    let price = |k: &str| f.prices.get(k).map(|&p| Price::from_picos_per_token(p));
    let mut m = ModelEntry::new(id, name);
    m.upstream_id = upstream;
    m.context_window = context;
    // models.dev's prompt limit, where below the context window (LiteLLM's entries give
    // theirs as the context window here: nothing tells the two apart).
    m.max_input_tokens = facts::below_context(facts::md_input_limit(f), context);
    m.max_output_tokens = output;
    m.input_modalities = modalities(&f.input);
    m.output_modalities = modalities(&f.output_mods);
    m.capabilities.tools = f.tools;
    m.capabilities.parallel_tools = f.parallel_tools;
    m.capabilities.reasoning = f.reasoning;
    m.capabilities.structured_output = f.structured_output;
    m.pricing.input = price("input");
    m.pricing.output = price("output");
    m.pricing.cache_read = price("cache_read");
    m.pricing.cache_write = price("cache_write");
    m.pricing.reasoning = price("reasoning");
    m.pricing.cache_write_1h = price("cache_write_1h");
    m.family = f.family.clone().filter(|x| model_name_problem(x).is_none());
    m
}

/// `name` trimmed, if it is then display text the validator accepts (some references end a
/// name with a tab).
fn display(name: &str) -> Option<String> {
    let name = name.trim();
    (!name.is_empty() && text_problem(name).is_none()).then(|| name.to_owned())
}

fn provider(id: &str, name: &str, base_url: Option<String>) -> ProviderEntry {
    let mut p = ProviderEntry::new(id, display(name).unwrap_or_else(|| id.to_owned()));
    // Some references give a template (`${VAR}/...`) rather than a URL.
    p.base_url = base_url.filter(|u| base_url_problem(u).is_none());
    p.key_required = true;
    p.aggregator = true;
    p
}

/// Every `.toml` file under `dir`, as paths relative to it without the extension, sorted.
fn toml_files(dir: &Path, prefix: &str, out: &mut Vec<String>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut names: Vec<(String, bool)> = rd
        .filter_map(|e| e.ok())
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                e.path().is_dir(),
            )
        })
        .collect();
    names.sort();
    for (name, is_dir) in names {
        let rel = if prefix.is_empty() {
            name.clone()
        } else {
            format!("{prefix}/{name}")
        };
        if is_dir {
            toml_files(&dir.join(&name), &rel, out);
        } else if let Some(stem) = rel.strip_suffix(".toml") {
            out.push(stem.to_owned());
        }
    }
}

fn run(args: Args) -> Result<(), String> {
    let r = Reference::open(&args.reference, None, None)?;
    let base = model_catalog_build::load_dir(&args.data, "data").map_err(|e| format!("{e:?}"))?;
    let validated = data::validate::validate(&base).map_err(|e| format!("{e:?}"))?;
    let mut model_names = Taken(
        validated
            .model_keys
            .iter()
            .map(|k| k.key.to_string())
            .collect(),
    );
    let mut provider_names: HashSet<String> = validated
        .provider_keys
        .iter()
        .map(|k| k.key.to_string())
        .collect();
    let mut docs: Vec<(String, DataFile)> = base
        .into_iter()
        .map(|(name, doc)| (name.rsplit('/').next().unwrap_or(&name).to_owned(), doc))
        .collect();
    let generated_from = docs.len();

    // models.dev: one provider per folder, one model per provider-model file.
    let providers_dir = r.root.join("models.dev/providers");
    let mut dirs: Vec<String> = std::fs::read_dir(&providers_dir)
        .map_err(|e| format!("{}: {e}", providers_dir.display()))?
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    dirs.sort();
    for dir in dirs {
        let id = provider_id("md", &dir);
        if provider_name_problem(&id).is_some() || !provider_names.insert(fold(&id)) {
            continue;
        }
        let meta: toml::Table =
            std::fs::read_to_string(providers_dir.join(&dir).join("provider.toml"))
                .ok()
                .and_then(|t| toml::from_str(&t).ok())
                .unwrap_or_default();
        let name = meta
            .get("name")
            .and_then(|v| v.as_str())
            .unwrap_or(&dir)
            .to_owned();
        let api = meta.get("api").and_then(|v| v.as_str()).map(str::to_owned);
        let mut files = Vec::new();
        toml_files(&providers_dir.join(&dir).join("models"), "", &mut files);
        let mut models = Vec::new();
        for m in files {
            let model_id = format!("{id}/{m}");
            if !model_names.claim(&model_id) {
                continue;
            }
            let Some(facts) = r.md_facts_at(&format!("providers/{dir}/models/{m}.toml")) else {
                continue;
            };
            let upstream = model_names.claim(&m).then(|| m.clone());
            let mut e = entry(
                model_id,
                upstream,
                facts
                    .name
                    .as_deref()
                    .and_then(display)
                    .unwrap_or_else(|| m.clone()),
                &facts,
            );
            let alias = format!("{m}@{dir}");
            if model_names.claim(&alias) {
                e.aliases.push(alias);
            }
            models.push(e);
        }
        docs.push((format!("{id}.json"), {
            let mut doc = DataFile::defining(provider(&id, &name, api));
            doc.models = models;
            doc
        }));
    }

    // LiteLLM: chat models grouped by provider.
    let mut by_provider: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for (key, v) in &r.litellm {
        let mode = v.get("mode").and_then(|m| m.as_str());
        if !matches!(mode, Some("chat" | "completion" | "responses")) {
            continue;
        }
        let prov = v
            .get("litellm_provider")
            .and_then(|p| p.as_str())
            .unwrap_or("unknown");
        by_provider
            .entry(prov.to_owned())
            .or_default()
            .push(key.clone());
    }
    for (prov, mut keys) in by_provider {
        let id = provider_id("ll", &prov);
        if provider_name_problem(&id).is_some() || !provider_names.insert(fold(&id)) {
            continue;
        }
        keys.sort();
        let mut models = Vec::new();
        for key in keys {
            let model_id = format!("{id}/{key}");
            if !model_names.claim(&model_id) {
                continue;
            }
            let facts = r.ll_facts(&r.litellm[&key]);
            let bare = key
                .split_once('/')
                .map_or(key.as_str(), |(_, rest)| rest)
                .to_owned();
            let upstream = model_names.claim(&bare).then_some(bare);
            models.push(entry(model_id, upstream, key.clone(), &facts));
        }
        docs.push((format!("{id}.json"), {
            let mut doc = DataFile::defining(provider(&id, &format!("{prov} (LiteLLM)"), None));
            doc.models = models;
            doc
        }));
    }

    let generated_to = docs.len();
    for k in 2..=args.copies {
        for i in generated_from..generated_to {
            let copy = copied(&docs[i].1, k);
            let id = copy
                .provider
                .as_ref()
                .map_or_else(String::new, |p| p.id.clone());
            docs.push((format!("{id}.json"), copy));
        }
    }

    // Check with the crate's validator before writing anything.
    let named: Vec<(String, DataFile)> = docs
        .iter()
        .map(|(n, d)| (format!("providers/{n}"), d.clone()))
        .collect();
    let v = data::validate::validate(&named).map_err(|errs| {
        errs.iter()
            .take(20)
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    })?;
    let out = args.out.join("providers");
    if out.exists() {
        std::fs::remove_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    for (name, doc) in &docs {
        let text = serde_json::to_string_pretty(doc).map_err(|e| e.to_string())? + "\n";
        std::fs::write(out.join(name), text).map_err(|e| format!("{name}: {e}"))?;
    }
    let aliases: usize = v.models.iter().map(|m| m.alias_count()).sum();
    eprintln!(
        "wrote {}: {} providers, {} models, {} model keys ({} aliases)",
        out.display(),
        v.providers.len(),
        v.models.len(),
        v.model_keys.len(),
        aliases
    );
    Ok(())
}

/// Copy `k` of a generated document: every provider and model name suffixed `-c<k>`, no
/// upstream id of its own (the model's id is sent), so that the copies' names differ from
/// each other's, and the API key variable suffixed `_C<k>` (a provider may not name
/// another's). A reference name that already ends in `-c<k>` could still meet a copy's:
/// the validation before anything is written refuses the output then.
fn copied(doc: &DataFile, k: usize) -> DataFile {
    let suffix = |name: &str| format!("{name}-c{k}");
    let mut copy = doc.clone();
    if let Some(p) = copy.provider.as_mut() {
        p.id = suffix(&p.id);
        p.name = format!("{} (copy {k})", p.name);
        p.aliases = p.aliases.iter().map(|a| suffix(a)).collect();
        p.redundant_aliases.clear();
        p.api_key_env = p.api_key_env.as_deref().map(|v| format!("{v}_C{k}"));
    }
    for m in &mut copy.models {
        m.id = suffix(&m.id);
        m.upstream_id = None;
        m.aliases = m.aliases.iter().map(|a| suffix(a)).collect();
        m.redundant_aliases.clear();
        for s in &mut m.served_names {
            s.id = suffix(&s.id);
        }
        m.successor = m.successor.as_deref().map(suffix);
    }
    copy
}

fn main() -> ExitCode {
    match parse_args().and_then(run) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}
