//! Fills the catalog data with facts from public reference catalogs.
//!
//! ```text
//! cargo run -p catalog-tools --bin enrich -- [--check] [--data DIR] [--reference DIR]
//!     [--models-dev-rev REV] [--litellm-version VERSION]
//! ```
//!
//! Reads every `providers/*.json` document of the data directory, looks each model up in the
//! models.dev tree (first) and the LiteLLM price list (second) under the reference directory,
//! writes the facts it finds, validates the result with the crate's own validator, and writes
//! the documents back in canonical form. Nothing is written if validation fails. With
//! `--check` nothing is written at all; the exit status is 1 if any document would change.
//!
//! The rules (which fields a seed owns, lookup order, units, derived fields) are documented
//! in `data/README.md`. The output depends only on the inputs: running it twice changes
//! nothing the second time.

use catalog_tools::data;
use catalog_tools::reference::{category, models_dev_dir, vendor, Reference};
use catalog_tools::served;
use serde_json::{json, Map, Value};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The seed whose facts win: context window, output tokens, input modalities, name and
/// lifecycle of the models it lists are never overwritten.
const SEED_CATALOG: &str = "000_b43183ec225e025a.txt";

/// Tags this tool derives (others are kept as written).
const DERIVED_TAGS: &[&str] = &["subscription", "paid"];

struct Args {
    data: PathBuf,
    reference: PathBuf,
    models_dev_rev: Option<String>,
    litellm_version: Option<String>,
    check: bool,
}

fn parse_args() -> Result<Args, String> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut args = Args {
        data: repo.join("data"),
        reference: repo.join("../shared/reference"),
        models_dev_rev: None,
        litellm_version: None,
        check: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
        match a.as_str() {
            "--check" => args.check = true,
            "--data" => args.data = PathBuf::from(value("--data")?),
            "--reference" => args.reference = PathBuf::from(value("--reference")?),
            "--models-dev-rev" => args.models_dev_rev = Some(value("--models-dev-rev")?),
            "--litellm-version" => args.litellm_version = Some(value("--litellm-version")?),
            "-h" | "--help" => {
                return Err("usage: enrich [--check] [--data DIR] [--reference DIR] [--models-dev-rev REV] [--litellm-version VERSION]".into())
            }
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok(args)
}

fn set(obj: &mut Map<String, Value>, key: &str, value: Option<Value>) {
    match value {
        Some(v) => {
            obj.insert(key.to_owned(), v);
        }
        None => {
            obj.remove(key);
        }
    }
}

fn price_value(p: u64) -> Value {
    json!(p as f64 / 1e6)
}

/// Fills one model (or offer) object. Returns the coverage gaps found.
fn enrich_model(
    r: &Reference,
    provider: &str,
    obj: &mut Map<String, Value>,
    is_offer: bool,
) -> Result<(), String> {
    let id = obj
        .get(if is_offer { "model" } else { "id" })
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let upstream = obj
        .get("upstream_id")
        .and_then(Value::as_str)
        .unwrap_or(&id)
        .to_owned();
    let mut sources = obj
        .get("sources")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let seed_owned = sources.get("seed").and_then(Value::as_str) == Some(SEED_CATALOG);
    let aliases: Vec<String> = obj
        .get("aliases")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let mut names: Vec<&str> = vec![&upstream, &id];
    names.extend(aliases.iter().map(String::as_str));

    // models.dev: the pinned file, else a search.
    let pinned = sources
        .get("models_dev")
        .and_then(Value::as_str)
        .and_then(|s| s.split_once(':'))
        .map(|(_, p)| p.to_owned());
    let md_rel = pinned.or_else(|| r.find_models_dev(models_dev_dir(provider), &names));
    let md = md_rel
        .as_deref()
        .and_then(|rel| r.models_dev(rel))
        .map(|(t, text)| r.md_facts(&t, &text));
    if md_rel.is_some() && md.is_none() {
        return Err(format!(
            "model `{id}`: models.dev file {} cannot be read",
            md_rel.unwrap_or_default()
        ));
    }
    // LiteLLM: the pinned key, else a search.
    let ll_key = sources
        .get("litellm")
        .and_then(Value::as_str)
        .and_then(|s| s.split_once(':'))
        .map(|(_, k)| k.to_owned())
        .or_else(|| {
            if is_offer {
                None
            } else {
                r.find_litellm(provider, &names)
            }
        });
    let ll = ll_key
        .as_deref()
        .and_then(|k| r.litellm.get(k))
        .map(|v| r.ll_facts(v));

    let mut md_f = md.unwrap_or_default();
    // Prices are per provider: take them only from the provider's own models.dev directory.
    // A file pinned from elsewhere (another host, or a provider-independent `models/` entry)
    // lends capability facts, never prices.
    let own_dir = format!("providers/{}/", models_dev_dir(provider));
    if !md_rel
        .as_deref()
        .is_some_and(|rel| rel.starts_with(&own_dir))
    {
        md_f.prices.clear();
    }
    let ll_f = ll.unwrap_or_default();
    set(
        &mut sources,
        "models_dev",
        md_rel.as_ref().map(|p| json!(format!("{}:{p}", r.md_rev))),
    );
    set(
        &mut sources,
        "litellm",
        ll_key
            .as_ref()
            .map(|k| json!(format!("{}:{k}", r.ll_version))),
    );

    // Prices, field by field: models.dev first, LiteLLM second.
    let mut pricing = Map::new();
    for field in ["input", "output", "cache_read", "cache_write", "reasoning"] {
        if let Some(p) = md_f.prices.get(field).or_else(|| ll_f.prices.get(field)) {
            pricing.insert(field.to_owned(), price_value(*p));
        }
    }
    // The long-context tier: LiteLLM's, taken with its base prices.
    if let Some(tier) = ll_f.long_context.filter(|_| !pricing.is_empty()) {
        pricing.insert(
            "long_context".to_owned(),
            serde_json::to_value(tier).map_err(|e| e.to_string())?,
        );
    }
    set(
        obj,
        "pricing",
        (!pricing.is_empty()).then_some(Value::Object(pricing)),
    );
    set(
        obj,
        "sources",
        (!sources.is_empty()).then_some(Value::Object(sources)),
    );
    if is_offer {
        return Ok(());
    }

    if !seed_owned {
        if let Some(name) = md_f.name.clone() {
            obj.insert("name".into(), json!(name));
        }
        set(obj, "context_window", md_f.context.map(|c| json!(c)));
        let output = md_f
            .output
            .or(ll_f.output)
            .filter(|&o| md_f.context.is_none_or(|c| o <= c));
        set(obj, "max_output_tokens", output.map(|o| json!(o)));
        set(
            obj,
            "input_modalities",
            md_f.input.clone().map(|m| json!(m)),
        );
        let retires = ll_f.retires.clone();
        let deprecated = md_f.deprecated == Some(true) || retires.is_some();
        set(obj, "deprecated", deprecated.then_some(json!(true)));
        set(obj, "retires", retires.map(|d| json!(d)));
    }
    let output_mods = md_f.output_mods.clone().or(ll_f.output_mods.clone());
    set(
        obj,
        "output_modalities",
        output_mods.clone().map(|m| json!(m)),
    );

    let mut caps = Map::new();
    for (key, v) in [
        ("tools", md_f.tools.or(ll_f.tools)),
        (
            "parallel_tools",
            md_f.parallel_tools.or(ll_f.parallel_tools),
        ),
        ("reasoning", md_f.reasoning.or(ll_f.reasoning)),
        (
            "structured_output",
            md_f.structured_output.or(ll_f.structured_output),
        ),
    ] {
        if let Some(v) = v {
            caps.insert(key.to_owned(), json!(v));
        }
    }
    set(
        obj,
        "capabilities",
        (!caps.is_empty()).then_some(Value::Object(caps)),
    );
    set(obj, "open_weights", md_f.open_weights.map(|v| json!(v)));
    set(
        obj,
        "release_date",
        md_f.release_date.clone().map(|v| json!(v)),
    );
    set(
        obj,
        "knowledge_cutoff",
        md_f.knowledge.clone().map(|v| json!(v)),
    );
    set(obj, "family", md_f.family.clone().map(|v| json!(v)));
    set(obj, "vendor", vendor(&upstream, &id).map(|v| json!(v)));
    set(
        obj,
        "category",
        Some(json!(category(&id, output_mods.as_ref()))),
    );

    let mut tags: Vec<String> = obj
        .get("tags")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|t| t.as_str())
                .filter(|t| !DERIVED_TAGS.contains(t))
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    tags.extend(md_f.tags.iter().map(|t| t.to_string()));
    set(obj, "tags", (!tags.is_empty()).then(|| json!(tags)));
    Ok(())
}

fn run(args: Args) -> Result<bool, String> {
    let r = Reference::open(&args.reference, args.models_dev_rev, args.litellm_version)?;

    let dir = args.data.join("providers");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();

    let mut docs = Vec::new();
    let mut old_texts = Vec::new();
    let mut errors = Vec::new();
    for name in &names {
        let path = dir.join(name);
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut doc: Value =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let provider = doc
            .pointer("/provider/id")
            .or_else(|| doc.get("extends"))
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        for (list, is_offer) in [("models", false), ("offers", true)] {
            if let Some(items) = doc.get_mut(list).and_then(Value::as_array_mut) {
                for item in items {
                    if let Some(obj) = item.as_object_mut() {
                        if let Err(e) = enrich_model(&r, &provider, obj, is_offer) {
                            errors.push(format!("{name}: {e}"));
                        }
                    }
                }
            }
        }
        let shown = format!("data/providers/{name}");
        let mut typed =
            data::validate::parse_file(&shown, &doc.to_string()).map_err(|e| e.to_string())?;
        if let Some(p) = typed.provider.as_mut() {
            p.api_key_env = api_key_env(&r, p);
        }
        for m in &mut typed.models {
            served::classify(&r, &provider, m);
            let upstream = m.upstream_id.clone().unwrap_or_else(|| m.id.clone());
            m.fine_tune_pricing = served::fine_tune_pricing(&r, &provider, &upstream).0;
        }
        docs.push((shown, typed));
        old_texts.push(text);
    }
    if !errors.is_empty() {
        return Err(errors.join("\n"));
    }
    data::validate::validate(&docs).map_err(|errs| {
        errs.iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    })?;

    let mut changed = Vec::new();
    for ((shown, doc), old) in docs.iter().zip(&old_texts) {
        let text = serde_json::to_string_pretty(doc).map_err(|e| e.to_string())? + "\n";
        if &text != old {
            changed.push(shown.clone());
            if !args.check {
                let path = args.data.join(shown.trim_start_matches("data/"));
                std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
            }
        }
    }
    report_coverage(&docs);
    if changed.is_empty() {
        eprintln!("no document changed");
    } else {
        eprintln!(
            "{} {} document(s):",
            if args.check { "would change" } else { "wrote" },
            changed.len()
        );
        for c in &changed {
            eprintln!("  {c}");
        }
    }
    Ok(changed.is_empty())
}

/// The environment variable that holds the provider's key, from models.dev's
/// `provider.toml` `env` list: the entry equal to one of the provider's names (aliases first,
/// then the id; uppercased, `-` and `.` as `_`) followed by `_API_KEY`, else the first entry
/// ending in `_API_KEY`, else none.
fn api_key_env(r: &Reference, p: &data::schema::ProviderEntry) -> Option<String> {
    let env = r.provider_env(models_dev_dir(&p.id));
    let wanted = p.aliases.iter().chain(std::iter::once(&p.id)).map(|n| {
        let mut v: String = n
            .chars()
            .map(|c| match c {
                '-' | '.' => '_',
                c => c.to_ascii_uppercase(),
            })
            .collect();
        v.push_str("_API_KEY");
        v
    });
    for w in wanted {
        if env.contains(&w) {
            return Some(w);
        }
    }
    env.into_iter().find(|e| e.ends_with("_API_KEY"))
}

/// Prints which models lack pricing or the tools/vision/reasoning facts, and whether a note
/// explains it.
fn report_coverage(docs: &[(String, data::schema::DataFile)]) {
    let mut total = 0;
    let mut gaps = 0;
    for (file, doc) in docs {
        for m in &doc.models {
            total += 1;
            let mut missing = Vec::new();
            if m.pricing.input.is_none() || m.pricing.output.is_none() {
                missing.push("pricing");
            }
            if m.capabilities.tools.is_none() {
                missing.push("tools");
            }
            if m.input_modalities.is_none() {
                missing.push("vision");
            }
            if m.capabilities.reasoning.is_none() {
                missing.push("reasoning");
            }
            if !missing.is_empty() {
                gaps += 1;
                let note = if m.notes.is_some() {
                    "noted"
                } else {
                    "NO NOTE"
                };
                eprintln!(
                    "coverage: {file}: `{}` lacks {} ({note})",
                    m.id,
                    missing.join(", ")
                );
            }
        }
    }
    eprintln!(
        "coverage: {} of {total} models have pricing and the tools/vision/reasoning facts",
        total - gaps
    );
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let check = args.check;
    match run(args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) if !check => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}
