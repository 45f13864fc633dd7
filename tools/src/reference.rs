//! Reading the public reference catalogs (models.dev TOML tree, LiteLLM price list): the
//! lookups and field mappings the maintenance tools share.

use crate::data;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// The snapshot labels from the reference README's table (`commit f3fc692`, `litellm 1.110.2`).
pub fn snapshot_labels(reference: &Path) -> (Option<String>, Option<String>) {
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

/// The snapshot dates from the reference README's table: the date after the models.dev
/// commit (`commit f3fc692, 2026-07-02`) and the first date on the LiteLLM row after its
/// version (`litellm 1.110.2, ... on 2026-11-27`).
pub fn snapshot_dates(reference: &Path) -> (Option<String>, Option<String>) {
    let text = std::fs::read_to_string(reference.join("README.md")).unwrap_or_default();
    let first_date = |s: &str| {
        let b = s.as_bytes();
        (0..b.len().saturating_sub(9)).find_map(|i| {
            let c = s.get(i..i + 10)?;
            (data::date::Date::parse(c).is_ok() && (i == 0 || !b[i - 1].is_ascii_digit()))
                .then(|| c.to_owned())
        })
    };
    let after_on_line = |marker: &str| {
        let i = text.find(marker)?;
        let rest = &text[i + marker.len()..];
        first_date(rest.lines().next().unwrap_or_default())
    };
    (after_on_line("commit "), after_on_line("litellm "))
}

/// A reference lookup: models.dev tree and LiteLLM list.
pub struct Reference {
    /// The reference directory.
    pub root: PathBuf,
    /// The models.dev snapshot label.
    pub md_rev: String,
    /// The LiteLLM version label.
    pub ll_version: String,
    /// The LiteLLM price list, without its `sample_spec` and `fallback_generalizations`.
    pub litellm: Map<String, Value>,
    /// LiteLLM keys by their ASCII-lowercased spelling.
    ll_folded: HashMap<String, String>,
}

/// One model's facts from one source; `None` where the source is silent.
#[derive(Default, Debug, Clone)]
pub struct Facts {
    pub name: Option<String>,
    pub context: Option<u64>,
    pub output: Option<u64>,
    pub input: Option<Vec<&'static str>>,
    pub output_mods: Option<Vec<&'static str>>,
    pub tools: Option<bool>,
    pub parallel_tools: Option<bool>,
    pub reasoning: Option<bool>,
    pub structured_output: Option<bool>,
    pub prices: BTreeMap<&'static str, u64>,
    /// Prices above a prompt-length threshold (LiteLLM `*_above_<N>k_tokens`).
    pub long_context: Option<data::price::LongContextPricing>,
    pub release_date: Option<String>,
    pub knowledge: Option<String>,
    pub family: Option<String>,
    pub open_weights: Option<bool>,
    pub deprecated: Option<bool>,
    pub retires: Option<String>,
    pub tags: Vec<&'static str>,
    /// models.dev `[limit] input`: the prompt limit, where given apart from the context.
    pub input_limit: Option<u64>,
    /// LiteLLM's input flags by modality (`text` where `supported_modalities` lists it,
    /// `image` from `supports_vision`, `file` from `supports_pdf_input`, `audio` from
    /// `supports_audio_input`, `video` from `supports_video_input`); an absent flag is
    /// unknown.
    pub input_flags: BTreeMap<&'static str, bool>,
    /// LiteLLM `successor_model`, without its provider prefix.
    pub successor: Option<String>,
    /// LiteLLM `mode`.
    pub mode: Option<String>,
    /// LiteLLM `supported_endpoints`, where given.
    pub endpoints: Option<Vec<String>>,
    /// Whether the LiteLLM entry cites a `source` for its facts.
    pub has_source: bool,
    /// models.dev `base_model`.
    pub base_model: Option<String>,
    /// Whether LiteLLM lists the output modalities (`supported_output_modalities`); else
    /// `output_mods` is derived from the mode.
    pub output_listed: bool,
    /// LiteLLM `supports_audio_output`.
    pub audio_output: Option<bool>,
}

/// The crate's order of modalities.
pub const MODALITY_ORDER: [&str; 5] = ["text", "image", "audio", "video", "file"];

/// The lowest-size `[[cost.tiers]]` of a models.dev file that prices input or output, as a
/// long-context tier.
fn md_tier(table: &toml::Table) -> Option<data::price::LongContextPricing> {
    use data::price::{LongContextPricing, Price};
    let tiers = table.get("cost")?.as_table()?.get("tiers")?.as_array()?;
    let num = |t: &toml::Table, k: &str| {
        t.get(k)
            .and_then(|v| v.as_integer().map(|i| i as f64).or_else(|| v.as_float()))
    };
    let mut best: Option<LongContextPricing> = None;
    for t in tiers.iter().filter_map(|t| t.as_table()) {
        let Some(size) = t
            .get("tier")
            .and_then(|x| x.as_table())
            .and_then(|x| num(x, "size"))
            .filter(|&s| s >= 1.0 && s <= f64::from(u32::MAX))
        else {
            continue;
        };
        let p = |k: &str| num(t, k).and_then(picos).map(Price::from_picos_per_token);
        let mut tier = LongContextPricing::new(size as u32);
        tier.input = p("input");
        tier.output = p("output");
        tier.cache_read = p("cache_read");
        tier.cache_write = p("cache_write");
        if (tier.input.is_some() || tier.output.is_some())
            && best.is_none_or(|b| tier.above < b.above)
        {
            best = Some(tier);
        }
    }
    best
}

pub fn modality(name: &str) -> Option<&'static str> {
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
pub fn picos(usd_per_mtok: f64) -> Option<u64> {
    (usd_per_mtok.is_finite() && usd_per_mtok >= 0.0).then(|| (usd_per_mtok * 1e6).round() as u64)
}

/// Merges `over` into `base`: tables recursively, other values replaced.
pub fn merge(base: &mut toml::Table, over: toml::Table) {
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
    /// Opens the reference directory. The snapshot labels default to those in its README.
    pub fn open(
        root: &Path,
        md_rev: Option<String>,
        ll_version: Option<String>,
    ) -> Result<Reference, String> {
        let (md_label, ll_label) = snapshot_labels(root);
        let md_rev = md_rev
            .or(md_label)
            .ok_or("cannot tell the models.dev snapshot: pass --models-dev-rev")?;
        let ll_version = ll_version
            .or(ll_label)
            .ok_or("cannot tell the LiteLLM version: pass --litellm-version")?;
        let path = root.join("litellm_model_prices.json");
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut litellm: Map<String, Value> =
            serde_json::from_str(&text).map_err(|e| format!("LiteLLM list: {e}"))?;
        litellm.remove("sample_spec");
        litellm.remove("fallback_generalizations");
        let mut ll_folded = HashMap::new();
        for k in litellm.keys() {
            // The first spelling in the list's own order wins a (rare) case-only collision.
            ll_folded
                .entry(k.to_ascii_lowercase())
                .or_insert_with(|| k.clone());
        }
        Ok(Reference {
            root: root.to_path_buf(),
            md_rev,
            ll_version,
            litellm,
            ll_folded,
        })
    }

    /// Reads a models.dev file (path relative to the tree root), following `base_model`.
    pub fn models_dev(&self, rel: &str) -> Option<(toml::Table, String)> {
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
    pub fn find_models_dev(&self, dir: &str, names: &[&str]) -> Option<String> {
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

    /// The facts of models.dev file `rel` ([`Reference::models_dev`], read by
    /// [`Reference::md_facts`]), if it can be read.
    pub fn md_facts_at(&self, rel: &str) -> Option<Facts> {
        self.models_dev(rel)
            .map(|(t, text)| self.md_facts(&t, &text))
    }

    pub fn md_facts(&self, table: &toml::Table, text: &str) -> Facts {
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
            input_limit: num(sub("limit"), "input")
                .filter(|&c| c > 0.0)
                .map(|c| c as u64),
            base_model: s("base_model"),
            ..Facts::default()
        };
        f.long_context = md_tier(table);
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

    pub fn ll_facts(&self, v: &Value) -> Facts {
        let b = |k: &str| v.get(k).and_then(Value::as_bool);
        let n = |k: &str| v.get(k).and_then(Value::as_f64);
        let mut f = Facts {
            tools: b("supports_function_calling"),
            parallel_tools: b("supports_parallel_function_calling"),
            reasoning: b("supports_reasoning"),
            structured_output: b("supports_response_schema"),
            context: n("max_input_tokens").filter(|&x| x > 0.0).map(|x| x as u64),
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
        f.mode = v.get("mode").and_then(Value::as_str).map(str::to_owned);
        f.endpoints = v
            .get("supported_endpoints")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|e| e.as_str().map(str::to_owned))
                    .collect()
            });
        f.has_source = v.get("source").and_then(Value::as_str).is_some();
        f.successor = v
            .get("successor_model")
            .and_then(Value::as_str)
            .map(|s| s.rsplit_once('/').map_or(s, |(_, n)| n).to_owned())
            .filter(|s| !s.is_empty());
        // LiteLLM's `supported_modalities` lists the inputs an entry takes: text, for image
        // models that answer chat completions (`gemini/gemini-3-pro-image`).
        if v.get("supported_modalities")
            .and_then(Value::as_array)
            .is_some_and(|a| a.iter().any(|x| x.as_str() == Some("text")))
        {
            f.input_flags.insert("text", true);
        }
        for (m, key) in [
            ("image", "supports_vision"),
            ("file", "supports_pdf_input"),
            ("audio", "supports_audio_input"),
            ("video", "supports_video_input"),
        ] {
            if let Some(x) = b(key) {
                f.input_flags.insert(m, x);
            }
        }
        let listed = v
            .get("supported_output_modalities")
            .and_then(Value::as_array)
            .map(|a| {
                let mut out: Vec<&'static str> = a
                    .iter()
                    .filter_map(|x| x.as_str())
                    .filter_map(modality)
                    .collect();
                out.sort_by_key(|m| MODALITY_ORDER.iter().position(|x| x == m));
                out.dedup();
                out
            })
            .filter(|m| !m.is_empty());
        f.audio_output = b("supports_audio_output");
        if let Some(out) = listed {
            f.output_listed = true;
            f.output_mods = Some(out);
        } else if matches!(f.mode.as_deref(), Some("chat" | "completion" | "responses")) {
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
            (
                "cache_write_1h",
                "cache_creation_input_token_cost_above_1hr",
            ),
        ] {
            if let Some(p) = n(key).map(|x| x * 1e6).and_then(picos) {
                f.prices.insert(field, p);
            }
        }
        f.long_context = long_context(v);
        f
    }

    /// The LiteLLM key spelled `key` with ASCII case ignored, as the list spells it.
    pub fn litellm_key(&self, key: &str) -> Option<&str> {
        self.ll_folded
            .get(&key.to_ascii_lowercase())
            .map(String::as_str)
    }

    /// The LiteLLM key for a model of `provider`, trying each name (ASCII case ignored) with
    /// the provider's key prefixes and accepting only entries of the provider's LiteLLM
    /// providers.
    pub fn find_litellm(&self, provider: &str, names: &[&str]) -> Option<String> {
        let (prefixes, owners) = litellm_namespace(provider)?;
        for name in names {
            for prefix in prefixes {
                let Some(key) = self.litellm_key(&format!("{prefix}{name}")) else {
                    continue;
                };
                if self.litellm[key]
                    .get("litellm_provider")
                    .and_then(Value::as_str)
                    .is_some_and(|o| owners.contains(&o) || litellm_partners(provider).contains(&o))
                {
                    return Some(key.to_owned());
                }
            }
        }
        None
    }

    /// The `env` list of a models.dev `providers/<dir>/provider.toml`.
    pub fn provider_env(&self, dir: &str) -> Vec<String> {
        let path = self
            .root
            .join("models.dev/providers")
            .join(dir)
            .join("provider.toml");
        std::fs::read_to_string(path)
            .ok()
            .and_then(|t| toml::from_str::<toml::Table>(&t).ok())
            .and_then(|t| t.get("env").and_then(|e| e.as_array()).cloned())
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// A catalog provider's LiteLLM namespace: the key prefixes its entries carry (tried in this
/// order) and the `litellm_provider` values that are its own. `None` for providers LiteLLM
/// does not list.
pub fn litellm_namespace(
    provider: &str,
) -> Option<(&'static [&'static str], &'static [&'static str])> {
    Some(match provider {
        "openai" => (&[""], &["openai"]),
        "anthropic" => (&[""], &["anthropic"]),
        "google" => (&["gemini/"], &["gemini"]),
        "deepseek" => (&["", "deepseek/"], &["deepseek"]),
        "groq" => (&["groq/"], &["groq"]),
        "vertex" => (
            &["vertex_ai/", ""],
            &[
                "vertex_ai",
                "vertex_ai-language-models",
                "vertex_ai-anthropic_models",
            ],
        ),
        "inceptionlabs" => (&["inception/"], &["inception"]),
        "hyperbolic" => (&["hyperbolic/"], &["hyperbolic"]),
        _ => return None,
    })
}

/// The `litellm_provider` values of entries that give facts of `provider`'s models and
/// offers but add none to its lineup: Vertex's partner models (Model Garden's managed APIs,
/// `vertex_ai/deepseek-ai/deepseek-v3.1-maas` under `vertex_ai-deepseek_models`), which
/// LiteLLM lists under several spellings each (`mistral-medium-3`,
/// `mistralai/mistral-medium-3`, each again with `@001`).
pub fn litellm_partners(provider: &str) -> &'static [&'static str] {
    match provider {
        "vertex" => &[
            "vertex_ai-ai21_models",
            "vertex_ai-deepseek_models",
            "vertex_ai-llama_models",
            "vertex_ai-minimax_models",
            "vertex_ai-mistral_models",
            "vertex_ai-moonshot_models",
            "vertex_ai-openai_models",
            "vertex_ai-qwen_models",
            "vertex_ai-zai_models",
        ],
        _ => &[],
    }
}

/// The long-context tier of a LiteLLM entry: the prices under keys
/// `<price key>_above_<N>k_tokens` (input, output, cache read, cache write, one-hour cache
/// write), for the lowest `N` that prices input or output. Variants for other service tiers
/// (`..._priority`, `..._flex`, `..._batches`) are not this tier.
pub fn long_context(v: &Value) -> Option<data::price::LongContextPricing> {
    use data::price::{LongContextPricing, Price};
    const FIELDS: [(&str, &str); 5] = [
        ("input", "input_cost_per_token_above_"),
        ("output", "output_cost_per_token_above_"),
        ("cache_read", "cache_read_input_token_cost_above_"),
        ("cache_write", "cache_creation_input_token_cost_above_"),
        (
            "cache_write_1h",
            "cache_creation_input_token_cost_above_1hr_above_",
        ),
    ];
    let obj = v.as_object()?;
    let mut tiers: BTreeMap<u32, BTreeMap<&str, u64>> = BTreeMap::new();
    for (key, value) in obj {
        for (field, prefix) in FIELDS {
            let Some(rest) = key.strip_prefix(prefix) else {
                continue;
            };
            let Some(digits) = rest.strip_suffix("k_tokens") else {
                continue;
            };
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                continue;
            }
            let (Ok(k), Some(p)) = (
                digits.parse::<u32>(),
                value.as_f64().map(|x| x * 1e6).and_then(picos),
            ) else {
                continue;
            };
            if let Some(above) = k.checked_mul(1000) {
                tiers.entry(above).or_default().insert(field, p);
            }
        }
    }
    let (above, prices) = tiers
        .into_iter()
        .find(|(_, p)| p.contains_key("input") || p.contains_key("output"))?;
    let get = |k: &str| prices.get(k).map(|&p| Price::from_picos_per_token(p));
    let mut tier = LongContextPricing::new(above);
    tier.input = get("input");
    tier.output = get("output");
    tier.cache_read = get("cache_read");
    tier.cache_write = get("cache_write");
    tier.cache_write_1h = get("cache_write_1h");
    Some(tier)
}

/// The models.dev provider directory for a catalog provider.
pub fn models_dev_dir(provider: &str) -> &str {
    match provider {
        "vertex" => "google-vertex",
        "inference-net" => "inference",
        "inceptionlabs" => "inception",
        p => p,
    }
}

/// Who made a model, from its upstream id's vendor prefix or its name.
pub fn vendor(upstream: &str, id: &str) -> Option<&'static str> {
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
pub fn category(id: &str, output_mods: Option<&Vec<&str>>) -> &'static str {
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
