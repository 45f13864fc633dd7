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

#[allow(dead_code)]
#[path = "../../src/data/mod.rs"]
mod data;

use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
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

/// The snapshot labels from the reference README's table (`commit f3fc692`, `litellm 1.109.1`).
fn snapshot_labels(reference: &Path) -> (Option<String>, Option<String>) {
    let text = std::fs::read_to_string(reference.join("README.md")).unwrap_or_default();
    let after = |marker: &str| {
        text.find(marker).map(|i| {
            text[i + marker.len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '.')
                .collect::<String>()
        })
    };
    (after("commit "), after("litellm "))
}

/// A reference lookup: models.dev tree and LiteLLM list.
struct Reference {
    root: PathBuf,
    md_rev: String,
    ll_version: String,
    litellm: Map<String, Value>,
}

/// One model's facts from one source; `None` where the source is silent.
#[derive(Default, Debug)]
struct Facts {
    name: Option<String>,
    context: Option<u64>,
    output: Option<u64>,
    input: Option<Vec<&'static str>>,
    output_mods: Option<Vec<&'static str>>,
    tools: Option<bool>,
    parallel_tools: Option<bool>,
    reasoning: Option<bool>,
    structured_output: Option<bool>,
    prices: BTreeMap<&'static str, u64>,
    release_date: Option<String>,
    knowledge: Option<String>,
    family: Option<String>,
    open_weights: Option<bool>,
    deprecated: Option<bool>,
    retires: Option<String>,
    tags: Vec<&'static str>,
}

fn modality(name: &str) -> Option<&'static str> {
    Some(match name {
        "text" => "text",
        "image" => "image",
        "audio" => "audio",
        "video" => "video",
        "pdf" | "file" => "file",
        _ => return None,
    })
}

/// USD per million tokens, rounded to the nearest micro-dollar, as picodollars per token.
fn picos(usd_per_mtok: f64) -> Option<u64> {
    (usd_per_mtok.is_finite() && usd_per_mtok >= 0.0).then(|| (usd_per_mtok * 1e6).round() as u64)
}

/// Merges `over` into `base`: tables recursively, other values replaced.
fn merge(base: &mut toml::Table, over: toml::Table) {
    for (k, v) in over {
        match (base.get_mut(&k), v) {
            (Some(toml::Value::Table(b)), toml::Value::Table(o)) => merge(b, o),
            (_, v) => {
                base.insert(k, v);
            }
        }
    }
}

impl Reference {
    /// Reads a models.dev file (path relative to the tree root), following `base_model`.
    fn models_dev(&self, rel: &str) -> Option<(toml::Table, String)> {
        let path = self.root.join("models.dev").join(rel);
        let text = std::fs::read_to_string(&path).ok()?;
        let mut table: toml::Table = toml::from_str(&text).ok()?;
        if let Some(toml::Value::String(base)) = table.get("base_model").cloned() {
            let base_path = self
                .root
                .join("models.dev/models")
                .join(format!("{base}.toml"));
            if let Some(mut b) = std::fs::read_to_string(base_path)
                .ok()
                .and_then(|t| toml::from_str::<toml::Table>(&t).ok())
            {
                table.remove("base_model");
                merge(&mut b, table);
                table = b;
                table.insert("base_model".into(), toml::Value::String(base));
            }
        }
        Some((table, text))
    }

    /// Finds a models.dev file under `providers/<dir>/models/` for any of `names`, matching
    /// path segments ASCII-case-insensitively.
    fn find_models_dev(&self, dir: &str, names: &[&str]) -> Option<String> {
        let base = self
            .root
            .join("models.dev/providers")
            .join(dir)
            .join("models");
        for name in names {
            let mut path = base.clone();
            let mut rel = format!("providers/{dir}/models");
            let mut ok = true;
            let segs: Vec<&str> = name.split('/').collect();
            for (i, seg) in segs.iter().enumerate() {
                let want = if i + 1 == segs.len() {
                    format!("{seg}.toml")
                } else {
                    seg.to_string()
                };
                let found = std::fs::read_dir(&path).ok().and_then(|rd| {
                    let mut names: Vec<String> = rd
                        .filter_map(|e| e.ok())
                        .map(|e| e.file_name().to_string_lossy().into_owned())
                        .collect();
                    names.sort();
                    names.into_iter().find(|n| n.eq_ignore_ascii_case(&want))
                });
                match found {
                    Some(f) => {
                        path = path.join(&f);
                        rel = format!("{rel}/{f}");
                    }
                    None => {
                        ok = false;
                        break;
                    }
                }
            }
            if ok && path.is_file() {
                return Some(rel);
            }
        }
        None
    }

    fn md_facts(&self, table: &toml::Table, text: &str) -> Facts {
        let s = |k: &str| table.get(k).and_then(|v| v.as_str()).map(str::to_owned);
        let b = |k: &str| table.get(k).and_then(|v| v.as_bool());
        let sub = |k: &str| table.get(k).and_then(|v| v.as_table());
        let num = |t: Option<&toml::Table>, k: &str| {
            t.and_then(|t| t.get(k))
                .and_then(|v| v.as_integer().map(|i| i as f64).or_else(|| v.as_float()))
        };
        let mods = |k: &str| {
            sub("modalities")
                .and_then(|m| m.get(k))
                .and_then(|v| v.as_array())
                .map(|a| {
                    let mut out: Vec<&'static str> = a
                        .iter()
                        .filter_map(|x| x.as_str())
                        .filter_map(modality)
                        .collect();
                    // Canonical order, as the crate lists modalities.
                    out.sort_by_key(|m| {
                        ["text", "image", "audio", "video", "file"]
                            .iter()
                            .position(|x| x == m)
                    });
                    out.dedup();
                    out
                })
        };
        let mut f = Facts {
            name: s("name"),
            context: num(sub("limit"), "context")
                .filter(|&c| c > 0.0)
                .map(|c| c as u64),
            output: num(sub("limit"), "output")
                .filter(|&c| c > 0.0)
                .map(|c| c as u64),
            input: mods("input").filter(|m| !m.is_empty()),
            output_mods: mods("output").filter(|m| !m.is_empty()),
            tools: b("tool_call"),
            reasoning: b("reasoning"),
            structured_output: b("structured_output"),
            release_date: s("release_date").filter(|d| data::date::Date::parse(d).is_ok()),
            knowledge: s("knowledge"),
            family: s("family"),
            open_weights: b("open_weights"),
            deprecated: s("status").map(|st| st == "deprecated"),
            ..Facts::default()
        };
        for (field, key) in [
            ("input", "input"),
            ("output", "output"),
            ("cache_read", "cache_read"),
            ("cache_write", "cache_write"),
            ("reasoning", "reasoning"),
        ] {
            if let Some(p) = num(sub("cost"), key).and_then(picos) {
                f.prices.insert(field, p);
            }
        }
        for line in text.lines() {
            let line = line.trim();
            if line.starts_with("# Included in subscription") {
                f.tags.push("subscription");
            } else if line.starts_with("# Not included in subscription") {
                f.tags.push("paid");
            }
        }
        f
    }

    fn ll_facts(&self, v: &Value) -> Facts {
        let b = |k: &str| v.get(k).and_then(Value::as_bool);
        let n = |k: &str| v.get(k).and_then(Value::as_f64);
        let mut f = Facts {
            tools: b("supports_function_calling"),
            parallel_tools: b("supports_parallel_function_calling"),
            reasoning: b("supports_reasoning"),
            structured_output: b("supports_response_schema"),
            output: n("max_output_tokens")
                .filter(|&x| x > 0.0)
                .map(|x| x as u64),
            retires: v
                .get("deprecation_date")
                .and_then(Value::as_str)
                .filter(|d| data::date::Date::parse(d).is_ok())
                .map(str::to_owned),
            ..Facts::default()
        };
        if matches!(
            v.get("mode").and_then(Value::as_str),
            Some("chat" | "completion" | "responses")
        ) {
            let mut out = vec!["text"];
            if b("supports_audio_output") == Some(true) {
                out.push("audio");
            }
            f.output_mods = Some(out);
        }
        for (field, key) in [
            ("input", "input_cost_per_token"),
            ("output", "output_cost_per_token"),
            ("cache_read", "cache_read_input_token_cost"),
            ("cache_write", "cache_creation_input_token_cost"),
            ("reasoning", "output_cost_per_reasoning_token"),
        ] {
            if let Some(p) = n(key).map(|x| x * 1e6).and_then(picos) {
                f.prices.insert(field, p);
            }
        }
        f
    }

    /// The LiteLLM key for a model of `provider`, trying each name with the provider's key
    /// prefixes and accepting only entries of the provider's LiteLLM providers.
    fn find_litellm(&self, provider: &str, names: &[&str]) -> Option<String> {
        let (prefixes, owners): (&[&str], &[&str]) = match provider {
            "openai" => (&[""], &["openai"]),
            "anthropic" => (&[""], &["anthropic"]),
            "google" => (&["gemini/"], &["gemini"]),
            "deepseek" => (&["", "deepseek/"], &["deepseek"]),
            "groq" => (&["groq/"], &["groq"]),
            "vertex" => (
                &["vertex_ai/", ""],
                &["vertex_ai", "vertex_ai-language-models"],
            ),
            _ => return None,
        };
        for name in names {
            for prefix in prefixes {
                let key = format!("{prefix}{name}");
                if let Some(v) = self.litellm.get(&key) {
                    if v.get("litellm_provider")
                        .and_then(Value::as_str)
                        .is_some_and(|o| owners.contains(&o))
                    {
                        return Some(key);
                    }
                }
            }
        }
        None
    }
}

/// The models.dev provider directory for a catalog provider.
fn models_dev_dir(provider: &str) -> &str {
    match provider {
        "vertex" => "google-vertex",
        "inference-net" => "inference",
        p => p,
    }
}

/// Who made a model, from its upstream id's vendor prefix or its name.
fn vendor(upstream: &str, id: &str) -> Option<&'static str> {
    let prefixes: &[(&str, &str)] = &[
        ("meta-llama/", "meta"),
        ("moonshotai/", "moonshotai"),
        ("openai/", "openai"),
        ("qwen/", "alibaba"),
        ("anthropic/", "anthropic"),
        ("google/", "google"),
        ("x-ai/", "xai"),
        ("z-ai/", "zhipuai"),
        ("zai-org/", "zhipuai"),
        ("deepseek/", "deepseek"),
        ("nousresearch/", "nousresearch"),
    ];
    if let Some((_, v)) = prefixes
        .iter()
        .find(|(p, _)| upstream.to_ascii_lowercase().starts_with(p))
    {
        return Some(v);
    }
    let names: &[(&str, &str)] = &[
        ("gpt", "openai"),
        ("o1", "openai"),
        ("o3", "openai"),
        ("o4", "openai"),
        ("claude", "anthropic"),
        ("gemini", "google"),
        ("deepseek", "deepseek"),
        ("llama", "meta"),
        ("kimi", "moonshotai"),
        ("qwen", "alibaba"),
        ("grok", "xai"),
        ("glm", "zhipuai"),
        ("hermes", "nousresearch"),
        ("seedream", "bytedance"),
    ];
    names
        .iter()
        .find(|(p, _)| id.starts_with(p))
        .map(|(_, v)| *v)
}

/// The category, by the rule documented in data/README.md.
fn category(id: &str, output_mods: Option<&Vec<&str>>) -> &'static str {
    let has = |s: &str| id.contains(s);
    if has("guard") {
        "moderation"
    } else if output_mods.is_some_and(|m| m.contains(&"image") && !m.contains(&"text"))
        || has("image")
    {
        "image"
    } else if has("codex") || has("coder") {
        "coding"
    } else if has("thinking")
        || has("reasoner")
        || has("deep-research")
        || (id.starts_with('o') && id.as_bytes().get(1).is_some_and(u8::is_ascii_digit))
    {
        "reasoning"
    } else if id.split(['-', '/', ':', '.', '_']).any(|t| {
        [
            "mini", "nano", "lite", "flash", "haiku", "instant", "small", "8b", "20b",
        ]
        .contains(&t)
    }) {
        "mini"
    } else {
        "flagship"
    }
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
    let (md_label, ll_label) = snapshot_labels(&args.reference);
    let md_rev = args
        .models_dev_rev
        .or(md_label)
        .ok_or("cannot tell the models.dev snapshot: pass --models-dev-rev")?;
    let ll_version = args
        .litellm_version
        .or(ll_label)
        .ok_or("cannot tell the LiteLLM version: pass --litellm-version")?;
    let ll_text = std::fs::read_to_string(args.reference.join("litellm_model_prices.json"))
        .map_err(|e| {
            format!(
                "{}: {e}",
                args.reference.join("litellm_model_prices.json").display()
            )
        })?;
    let mut litellm: Map<String, Value> =
        serde_json::from_str(&ll_text).map_err(|e| format!("LiteLLM list: {e}"))?;
    litellm.remove("sample_spec");
    litellm.remove("fallback_generalizations");
    let r = Reference {
        root: args.reference.clone(),
        md_rev,
        ll_version,
        litellm,
    };

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
        let typed =
            data::validate::parse_file(&shown, &doc.to_string()).map_err(|e| e.to_string())?;
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
