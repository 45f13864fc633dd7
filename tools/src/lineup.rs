//! A provider's lineup in the references: the model names its models.dev folder and its
//! LiteLLM namespace list, which of them a refresh adds, and how names are matched to catalog
//! models.

use crate::data::date::Date;
use crate::reference::{litellm_namespace, models_dev_dir, Facts, Reference};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

/// A model name a provider's reference entries list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The name as the provider spells it (the models.dev path where there is one).
    pub name: String,
    /// Its models.dev file, relative to the tree.
    pub md: Option<String>,
    /// Its LiteLLM key.
    pub ll: Option<String>,
}

fn toml_files(dir: &Path, rel: &str, out: &mut Vec<String>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut names: Vec<String> = rd
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for n in names {
        let path = dir.join(&n);
        let r = if rel.is_empty() {
            n.clone()
        } else {
            format!("{rel}/{n}")
        };
        if path.is_dir() {
            toml_files(&path, &r, out);
        } else if let Some(stem) = r.strip_suffix(".toml") {
            out.push(stem.to_owned());
        }
    }
}

/// The names `provider`'s models.dev folder (`providers/<dir>/models/`) lists, in path order.
pub fn models_dev_names(r: &Reference, provider: &str) -> Vec<String> {
    let dir = models_dev_dir(provider);
    let mut out = Vec::new();
    toml_files(
        &r.root.join("models.dev/providers").join(dir).join("models"),
        "",
        &mut out,
    );
    out
}

/// Whether models.dev has a folder of models for `provider`.
pub fn models_dev_covers(r: &Reference, provider: &str) -> bool {
    r.root
        .join("models.dev/providers")
        .join(models_dev_dir(provider))
        .join("models")
        .is_dir()
}

/// Every name `provider`'s reference entries list: its models.dev files and the LiteLLM keys
/// of its namespace (fine-tune `ft:` keys aside), merged ASCII-case-insensitively and
/// sorted by that folded name.
pub fn candidates(r: &Reference, provider: &str) -> Vec<Candidate> {
    let dir = models_dev_dir(provider);
    let mut by_name: BTreeMap<String, Candidate> = BTreeMap::new();
    for name in models_dev_names(r, provider) {
        by_name
            .entry(name.to_ascii_lowercase())
            .or_insert(Candidate {
                md: Some(format!("providers/{dir}/models/{name}.toml")),
                ll: None,
                name,
            });
    }
    if let Some((prefixes, owners)) = litellm_namespace(provider) {
        for (key, v) in &r.litellm {
            let owned = v
                .get("litellm_provider")
                .and_then(Value::as_str)
                .is_some_and(|o| owners.contains(&o));
            if !owned || key.starts_with("ft:") {
                continue;
            }
            let Some(name) = in_namespace(prefixes, key) else {
                continue;
            };
            // The key a lookup by this name finds (the provider's prefix order decides
            // between `deepseek-chat` and `deepseek/deepseek-chat`).
            let Some(found) = r.find_litellm(provider, &[name]) else {
                continue;
            };
            let c = by_name
                .entry(name.to_ascii_lowercase())
                .or_insert(Candidate {
                    name: name.to_owned(),
                    md: None,
                    ll: None,
                });
            c.ll.get_or_insert(found);
        }
    }
    by_name.into_values().collect()
}

/// The name LiteLLM key `key` gives in a namespace of `prefixes`: the key without the
/// longest of them it begins with (`deepseek/deepseek-chat` is `deepseek-chat` where the
/// prefixes are `""` and `deepseek/`); of prefixes of one length, the first listed.
fn in_namespace<'k>(prefixes: &[&str], key: &'k str) -> Option<&'k str> {
    // `max_by_key` keeps the last of equal maxima: read the list from its end.
    prefixes
        .iter()
        .rev()
        .filter(|p| key.starts_with(**p))
        .max_by_key(|p| p.len())
        .map(|p| &key[p.len()..])
}

/// The pointers LiteLLM lists in `provider`'s namespace: keys with no facts of their own
/// but an `alias_of` another key (`claude-sonnet-latest` of `claude-sonnet-5-5`), whose
/// target is the provider's own entry. Each as (the pointer's name, the target's name), both
/// without the namespace's prefix, sorted by name.
pub fn pointers(r: &Reference, provider: &str) -> Vec<(String, String)> {
    let Some((prefixes, owners)) = litellm_namespace(provider) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (key, v) in &r.litellm {
        let Some(target) = v.get("alias_of").and_then(Value::as_str) else {
            continue;
        };
        let owned = r
            .litellm
            .get(target)
            .and_then(|t| t.get("litellm_provider"))
            .and_then(Value::as_str)
            .is_some_and(|o| owners.contains(&o));
        if let (true, Some(name), Some(to)) = (
            owned,
            in_namespace(prefixes, key),
            in_namespace(prefixes, target),
        ) {
            out.push((name.to_owned(), to.to_owned()));
        }
    }
    out.sort();
    out
}

/// Whether a LiteLLM entry is served on a chat surface: mode `chat` or `responses`, or an
/// image-generation model that also answers chat completions; and, where it lists its
/// endpoints, one of them is chat completions, responses or messages.
fn ll_chat(f: &Facts) -> Result<(), String> {
    let endpoint = |e: &str| {
        f.endpoints
            .as_ref()
            .is_some_and(|es| es.iter().any(|x| x == e))
    };
    let chat_endpoint =
        endpoint("/v1/chat/completions") || endpoint("/v1/responses") || endpoint("/v1/messages");
    match f.mode.as_deref() {
        Some("chat" | "responses") if f.endpoints.is_none() || chat_endpoint => Ok(()),
        Some("image_generation") if endpoint("/v1/chat/completions") => Ok(()),
        Some(mode @ ("chat" | "responses")) => Err(format!(
            "LiteLLM mode {mode}, but no chat endpoint among its supported_endpoints"
        )),
        Some(mode) => Err(format!("LiteLLM mode {mode}")),
        None => Err("LiteLLM gives no mode".to_owned()),
    }
}

/// Why candidate `c` is not a model the catalog's format describes on a chat surface, if it
/// is not: a LiteLLM entry must be a chat entry (`ll_chat`, private) that lists text among its
/// output modalities where it lists them; a models.dev file must produce text; embedding and
/// speech models (`embedding`, `tts`, `transcribe`, `whisper` in the name) are not.
pub fn chat_kind(r: &Reference, c: &Candidate) -> Result<(), String> {
    let lower = c.name.to_ascii_lowercase();
    if lower.contains("embedding") {
        return Err("an embedding model".to_owned());
    }
    if lower
        .split(['-', '/', '_', '.'])
        .any(|w| ["tts", "transcribe", "whisper"].contains(&w))
    {
        return Err("a speech model (tts, transcribe, whisper)".to_owned());
    }
    if let Some(f) = c.md.as_deref().and_then(|rel| r.md_facts_at(rel)) {
        if !f.output_mods.as_ref().is_some_and(|o| o.contains(&"text")) {
            return Err(format!(
                "models.dev output modalities {:?} hold no text",
                f.output_mods.clone().unwrap_or_default()
            ));
        }
    }
    if let Some(f) =
        c.ll.as_deref()
            .and_then(|k| r.litellm.get(k))
            .map(|v| r.ll_facts(v))
    {
        ll_chat(&f)?;
        if f.output_listed && !f.output_mods.as_ref().is_some_and(|o| o.contains(&"text")) {
            return Err("LiteLLM's output modalities hold no text".to_owned());
        }
    }
    Ok(())
}

/// Why a refresh does not add candidate `c` as a model (or an offer) although it is a chat
/// model, if it does not: a name only LiteLLM lists must not be retired on `today` (the
/// LiteLLM snapshot's date), and for providers models.dev covers it must also cite a
/// `source` or list its `supported_endpoints`, which LiteLLM's legacy names lack. Names
/// models.dev lists are current by that listing.
pub fn current(r: &Reference, c: &Candidate, today: Date, md_covered: bool) -> Result<(), String> {
    if c.md.is_some() {
        return Ok(());
    }
    let f =
        c.ll.as_deref()
            .and_then(|k| r.litellm.get(k))
            .map(|v| r.ll_facts(v))
            .ok_or("no entry")?;
    if let Some(d) = f.retires.as_deref().and_then(|d| Date::parse(d).ok()) {
        if d <= today {
            return Err(format!("retired on {d} (LiteLLM deprecation_date)"));
        }
    }
    if md_covered && !f.has_source && f.endpoints.is_none() {
        return Err("only LiteLLM lists it, with no source and no supported_endpoints".to_owned());
    }
    Ok(())
}

fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// The base of a dated snapshot name: `gpt-4o` for `gpt-4o-2024-05-13`,
/// `claude-opus-4-1` for `claude-opus-4-1-20250805`, `gpt-4` for `gpt-4-0613`.
pub fn snapshot_base(name: &str) -> Option<&str> {
    let b = name.as_bytes();
    let n = b.len();
    let month_day = |m: &str, d: &str| {
        matches!(m.parse::<u32>(), Ok(1..=12)) && matches!(d.parse::<u32>(), Ok(1..=31))
    };
    // -YYYY-MM-DD
    if n > 11 && b[n - 11] == b'-' && b[n - 6] == b'-' && b[n - 3] == b'-' {
        let (y, m, d) = (&name[n - 10..n - 6], &name[n - 5..n - 3], &name[n - 2..]);
        if digits(y) && digits(m) && digits(d) && y.starts_with("20") && month_day(m, d) {
            return Some(&name[..n - 11]);
        }
    }
    // -YYYYMMDD
    if n > 9 && b[n - 9] == b'-' {
        let s = &name[n - 8..];
        if digits(s) && s.starts_with("20") && month_day(&s[4..6], &s[6..]) {
            return Some(&name[..n - 9]);
        }
    }
    // -MMDD
    if n > 5 && b[n - 5] == b'-' {
        let s = &name[n - 4..];
        if digits(s) && month_day(&s[..2], &s[2..]) {
            return Some(&name[..n - 5]);
        }
    }
    None
}

/// A name reduced for matching one vendor model across providers: ASCII-lowercased, without
/// its vendor path, a leading `meta-`, a Vertex `@version`, and trailing `-maas`,
/// `-instruct`, `-versatile`, `-instant`; Claude versions with `-` for `.` and without a trailing `-YYYYMMDD` date.
pub fn canon(name: &str) -> String {
    let mut s = name.to_ascii_lowercase();
    if let Some((_, last)) = s.rsplit_once('/') {
        s = last.to_owned();
    }
    if let Some((head, _)) = s.split_once('@') {
        s = head.to_owned();
    }
    if let Some(rest) = s.strip_prefix("meta-") {
        s = rest.to_owned();
    }
    loop {
        let before = s.len();
        for suffix in ["-maas", "-instruct", "-versatile", "-instant"] {
            if let Some(rest) = s.strip_suffix(suffix) {
                s = rest.to_owned();
            }
        }
        if s.len() == before {
            break;
        }
    }
    if s.starts_with("claude-") {
        s = s.replace('.', "-");
        // Anthropic's ids carry the snapshot's date (`claude-3-haiku-20240307`), which
        // aggregators leave out (`anthropic/claude-3-haiku`).
        if let Some(base) = snapshot_base(&s).filter(|b| s.len() - b.len() == 9) {
            s = base.to_owned();
        }
    }
    s
}

/// The catalog id of a model a provider lists as `name`: the name without its vendor path,
/// ASCII-lowercased.
pub fn new_id(name: &str) -> String {
    name.rsplit_once('/')
        .map_or(name, |(_, last)| last)
        .to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshot_bases() {
        assert_eq!(snapshot_base("gpt-4o-2024-05-13"), Some("gpt-4o"));
        assert_eq!(
            snapshot_base("claude-opus-4-1-20250805"),
            Some("claude-opus-4-1")
        );
        assert_eq!(snapshot_base("gpt-4-0613"), Some("gpt-4"));
        assert_eq!(snapshot_base("gpt-4o"), None);
        assert_eq!(snapshot_base("llama-3.3-70b"), None);
        assert_eq!(snapshot_base("gpt-4-1106-preview"), None);
        assert_eq!(snapshot_base("qwen3-235b-a22b-2507"), None);
    }

    #[test]
    fn canonical_names() {
        assert_eq!(canon("meta-llama/Llama-3.3-70B-Instruct"), "llama-3.3-70b");
        assert_eq!(canon("llama-3.3-70b-versatile"), "llama-3.3-70b");
        assert_eq!(canon("meta/llama-3.3-70b-instruct-maas"), "llama-3.3-70b");
        assert_eq!(
            canon("meta-llama/Meta-Llama-3.1-8B-Instruct"),
            "llama-3.1-8b"
        );
        assert_eq!(canon("anthropic/claude-opus-4.6"), "claude-opus-4-6");
        assert_eq!(canon("claude-opus-4-6@default"), "claude-opus-4-6");
        assert_eq!(canon("claude-3-haiku-20240307"), "claude-3-haiku");
        assert_eq!(canon("anthropic/claude-3-haiku"), "claude-3-haiku");
        // Only a `-YYYYMMDD` date, and any name without a panic.
        assert_eq!(canon("claude-instant-1-0613"), "claude-instant-1-0613");
        assert_eq!(canon("claude-\u{e9}ab-0613"), "claude-\u{e9}ab-0613");
    }
}
