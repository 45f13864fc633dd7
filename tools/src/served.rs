//! Served names: which of a model's names the provider itself serves as model ids, and the
//! facts those names have apart from the model's.
//!
//! A name is served when the provider's own reference entries list it, ASCII case ignored:
//! a models.dev file `providers/<dir>/models/<name>.toml` of the provider, or a LiteLLM key
//! `<prefix><name>` whose `litellm_provider` is the provider's. A name neither lists is also
//! served when it has the shape of a provider model id (see [`snapshot_shaped`]) and the
//! model's upstream id is not vendor-prefixed (so the provider's ids are bare names like
//! it): `chatgpt-4o-latest`, `gpt-4-32k`. Any other name is an alias (another spelling),
//! whose resolution sends the model's upstream id.

use crate::data::date::Date;
use crate::data::price::{Price, Pricing};
use crate::data::schema::{ModelEntry, ServedNameEntry, Sources};
use crate::facts::{
    as_u32, is_placeholder_date, lifecycle_of, ll_context, pricing_of, Conflict, Recorder,
};
use crate::reference::{models_dev_dir, Facts, Reference};

/// The provider's own reference entries for `name`: a models.dev file (path relative to the
/// tree) and a LiteLLM key. `None` when neither lists it.
pub fn own_entries(
    r: &Reference,
    provider: &str,
    name: &str,
) -> Option<(Option<String>, Option<String>)> {
    let md = r
        .find_models_dev(models_dev_dir(provider), &[name])
        .filter(|rel| md_names(rel, models_dev_dir(provider), name));
    let ll = r.find_litellm(provider, &[name]);
    (md.is_some() || ll.is_some()).then_some((md, ll))
}

/// Whether models.dev file `rel` is `providers/<dir>/models/<name>.toml` exactly (ASCII case
/// ignored).
fn md_names(rel: &str, dir: &str, name: &str) -> bool {
    rel.strip_prefix(&format!("providers/{dir}/models/"))
        .and_then(|r| r.strip_suffix(".toml"))
        .is_some_and(|r| r.eq_ignore_ascii_case(name))
}

/// The prices of the provider's fine-tunes of `name` (LiteLLM `ft:<name>`), if listed.
pub fn fine_tune_pricing(r: &Reference, provider: &str, name: &str) -> (Pricing, Option<String>) {
    match r.find_litellm(provider, &[&format!("ft:{name}")]) {
        Some(key) => (pricing_of(&r.ll_facts(&r.litellm[&key])), Some(key)),
        None => (Pricing::default(), None),
    }
}

/// `own` with every field equal to the model's left out.
fn differing(own: Pricing, model: &Pricing) -> Pricing {
    let keep = |a: Option<Price>, b: Option<Price>| a.filter(|a| Some(*a) != b);
    let mut out = Pricing::new();
    out.input = keep(own.input, model.input);
    out.output = keep(own.output, model.output);
    out.cache_read = keep(own.cache_read, model.cache_read);
    out.cache_write = keep(own.cache_write, model.cache_write);
    out.reasoning = keep(own.reasoning, model.reasoning);
    out.cache_write_1h = keep(own.cache_write_1h, model.cache_write_1h);
    out.long_context = own.long_context.filter(|t| Some(*t) != model.long_context);
    out
}

/// Fills served name `s` of model `m` (whose models.dev facts are `model_md`) with the facts
/// its own entries give where they differ from the model's: limits and prices (by the precedence rules without a seed: models.dev
/// decides where the references disagree, each conflict recorded), fine-tune prices,
/// release date, and lifecycle (LiteLLM `deprecation_date`, models.dev
/// `status = "deprecated"`).
pub fn fill_served(
    r: &Reference,
    provider: &str,
    s: &mut ServedNameEntry,
    m: &ModelEntry,
    model_md: Option<&Facts>,
    conflicts: &mut Vec<Conflict>,
) {
    let (md_rel, ll_key) = own_entries(r, provider, &s.id).unwrap_or_default();
    let md = md_rel
        .as_deref()
        .and_then(|rel| r.md_facts_at(rel))
        .unwrap_or_default();
    let ll = ll_key
        .as_deref()
        .and_then(|k| r.litellm.get(k))
        .map(|v| r.ll_facts(v))
        .unwrap_or_default();
    let mut rec = Recorder::new(format!("{} (served name {})", m.id, s.id), conflicts);
    let id = std::mem::take(&mut s.id);
    let notes = s.notes.take();
    *s = ServedNameEntry::new(id);
    s.notes = notes;
    // LiteLLM's `max_input_tokens` is a prompt limit: where it is models.dev's `limit.input`,
    // the context window is models.dev's `limit.context`. A snapshot models.dev does not
    // list is read against the model's own models.dev entry: `gpt-5.1-2025-11-13`'s 272,000
    // input tokens are `gpt-5.1`'s (400,000 in all), not a smaller context.
    let model_md = model_md.filter(|_| md_rel.is_none());
    let ll_context = ll_context(&ll, &md, model_md);
    let context = rec.pick(
        "context_window",
        None,
        as_u32(md.context),
        as_u32(ll_context),
    );
    let output = rec.pick(
        "max_output_tokens",
        None,
        as_u32(md.output),
        as_u32(ll.output),
    );
    s.context_window = context.filter(|&c| Some(c) != m.context_window);
    s.max_output_tokens = output.filter(|&o| Some(o) != m.max_output_tokens);
    // An output limit is kept only where it fits the context window that applies.
    if let (Some(o), Some(c)) = (
        s.max_output_tokens.or(m.max_output_tokens),
        s.context_window.or(m.context_window),
    ) {
        if o > c {
            s.max_output_tokens = None;
        }
    }
    let own = rec.pricing(&pricing_of(&md), &pricing_of(&ll));
    s.pricing = differing(own, &m.pricing);
    let (ft, ft_key) = fine_tune_pricing(r, provider, &s.id);
    s.fine_tune_pricing = ft;
    s.release_date = md
        .release_date
        .as_deref()
        .and_then(|d| Date::parse(d).ok())
        .filter(|d| !is_placeholder_date(d))
        .filter(|d| Some(*d) != m.release_date);
    let (deprecated, retires) = lifecycle_of(&md, &ll);
    if retires.is_some() && retires != m.retires {
        s.deprecated = true;
        s.retires = retires;
    } else if deprecated && !m.deprecated {
        s.deprecated = true;
    }
    s.sources = Sources::default();
    s.sources.models_dev = md_rel.map(|p| format!("{}:{p}", r.md_rev));
    s.sources.litellm = ll_key.or(ft_key).map(|k| format!("{}:{k}", r.ll_version));
}

/// Sorts the names of `m` (its aliases and served names) into aliases and served names by
/// the rule in the module documentation, each keeping its spelling, its order and (served
/// names) its notes. Facts are filled by [`fill_served`].
pub fn classify_names(r: &Reference, provider: &str, m: &mut ModelEntry) {
    let mut notes: Vec<(String, Option<String>)> = m
        .served_names
        .iter()
        .map(|s| (s.id.clone(), s.notes.clone()))
        .collect();
    let names: Vec<String> = m
        .aliases
        .iter()
        .cloned()
        .chain(notes.iter().map(|(id, _)| id.clone()))
        .collect();
    m.aliases.clear();
    m.served_names.clear();
    let bare_ids = !m.upstream_id.as_deref().unwrap_or(&m.id).contains('/');
    for name in names {
        // LiteLLM's pointers (`claude-opus-latest`, an `alias_of` the provider's entry) are
        // aliases, whatever their shape: they name what the provider points them at.
        let shaped = || bare_ids && snapshot_shaped(&name) && !is_pointer(r, provider, &name);
        if own_entries(r, provider, &name).is_some() || shaped() {
            let note = notes
                .iter_mut()
                .find(|(id, _)| *id == name)
                .and_then(|(_, n)| n.take());
            let mut served = ServedNameEntry::new(name);
            served.notes = note;
            m.served_names.push(served);
        } else {
            m.aliases.push(name);
        }
    }
}

/// Whether `name` is one of LiteLLM's pointers in `provider`'s namespace
/// ([`lineup::pointers`](crate::lineup::pointers)), ASCII case ignored.
fn is_pointer(r: &Reference, provider: &str, name: &str) -> bool {
    crate::lineup::pointers(r, provider)
        .iter()
        .any(|(pointer, _)| pointer.eq_ignore_ascii_case(name))
}

/// Whether `name` has the shape of a model id a provider serves rather than of another
/// spelling: lower-case ASCII letters, digits, `-` and `.` only, ending in a snapshot or
/// variant suffix: a date (`-2024-05-13`, `-20250514`), a four-digit `-MMDD` (`-0613`),
/// `-latest`, `-preview`, or a context size (`-32k`).
pub fn snapshot_shaped(name: &str) -> bool {
    let lower_id = name
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.');
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let segments: Vec<&str> = name.split('-').collect();
    let Some((last, rest)) = segments.split_last() else {
        return false;
    };
    let dated = segments.len() >= 4
        && segments[segments.len() - 3].len() == 4
        && segments[segments.len() - 3..].iter().all(|s| digits(s))
        && segments[segments.len() - 2].len() == 2
        && last.len() == 2;
    let suffix = matches!(*last, "latest" | "preview")
        || (digits(last) && (last.len() == 4 || last.len() == 8))
        || last.strip_suffix('k').is_some_and(digits)
        || dated;
    lower_id && !rest.is_empty() && suffix
}

#[cfg(test)]
mod tests {
    use super::snapshot_shaped;

    /// Seed 000's model aliases, sorted by shape.
    #[test]
    fn snapshot_shapes() {
        for served in [
            "chatgpt-4o-latest",
            "gpt-4-turbo-preview",
            "gpt-4-1106-preview",
            "gpt-4-0613",
            "gpt-4-32k",
            "gpt-3.5-turbo-16k",
            "gpt-4o-2024-05-13",
            "claude-sonnet-4-6-20260217",
            "kimi-k2-instruct-0905",
        ] {
            assert!(snapshot_shaped(served), "{served}");
        }
        for spelling in [
            "gpt-4-omni",
            "gpt5.3-codex",
            "GPT-5 mini",
            "GPT-5 Chat",
            "claude-opus-4.1",
            "claude-sonnet-4",
            "claude-haiku-3",
            "gemini-3-pro",
            "llama-3.1-8b",
            "llama-4-scout-17b-16e",
            "kimi-k2-instruct",
            "moonshotai/kimi-k2-instruct-0905",
            "latest",
        ] {
            assert!(!snapshot_shaped(spelling), "{spelling}");
        }
    }
}
