//! Served names: which of a model's names the provider itself serves as model ids, and the
//! facts those names have apart from the model's.
//!
//! A name is served when the provider's own reference entries list it, ASCII case ignored:
//! a models.dev file `providers/<dir>/models/<name>.toml` of the provider, or a LiteLLM key
//! `<prefix><name>` whose `litellm_provider` is the provider's. Any other name is an alias
//! (another spelling), whose resolution sends the model's upstream id.

use crate::data::date::Date;
use crate::data::price::{Price, Pricing};
use crate::data::schema::{ModelEntry, ServedNameEntry, Sources};
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

/// Prices from one source's facts (picodollars per token).
pub fn pricing_of(f: &Facts) -> Pricing {
    let p = |k: &str| f.prices.get(k).map(|&v| Price::from_picos_per_token(v));
    Pricing {
        input: p("input"),
        output: p("output"),
        cache_read: p("cache_read"),
        cache_write: p("cache_write"),
        reasoning: p("reasoning"),
        long_context: f.long_context,
    }
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
    Pricing {
        input: keep(own.input, model.input),
        output: keep(own.output, model.output),
        cache_read: keep(own.cache_read, model.cache_read),
        cache_write: keep(own.cache_write, model.cache_write),
        reasoning: keep(own.reasoning, model.reasoning),
        long_context: own.long_context.filter(|t| Some(*t) != model.long_context),
    }
}

/// The served name `name` of model `m` with the facts its own entries give where they differ
/// from the model's: limits and prices (models.dev first, LiteLLM second, field by field),
/// fine-tune prices, release date, and lifecycle (LiteLLM `deprecation_date`, models.dev
/// `status = "deprecated"`).
pub fn served_entry(
    r: &Reference,
    provider: &str,
    name: &str,
    md_rel: Option<&str>,
    ll_key: Option<&str>,
    m: &ModelEntry,
) -> ServedNameEntry {
    let md = md_rel
        .and_then(|rel| r.models_dev(rel))
        .map(|(t, text)| r.md_facts(&t, &text))
        .unwrap_or_default();
    let ll = ll_key
        .and_then(|k| r.litellm.get(k))
        .map(|v| r.ll_facts(v))
        .unwrap_or_default();
    let mut s = ServedNameEntry {
        id: name.to_owned(),
        ..ServedNameEntry::default()
    };
    let context = md
        .context
        .or(ll.context)
        .and_then(|c| u32::try_from(c).ok());
    let output = md.output.or(ll.output).and_then(|c| u32::try_from(c).ok());
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
    let own = pricing_of(&md).or(&pricing_of(&ll));
    s.pricing = differing(own, &m.pricing);
    let (ft, ft_key) = fine_tune_pricing(r, provider, name);
    s.fine_tune_pricing = ft;
    s.release_date = md
        .release_date
        .as_deref()
        .and_then(|d| Date::parse(d).ok())
        .filter(|d| Some(*d) != m.release_date);
    let retires = ll.retires.as_deref().and_then(|d| Date::parse(d).ok());
    let deprecated = md.deprecated == Some(true) || retires.is_some();
    if retires.is_some() && retires != m.retires {
        s.deprecated = true;
        s.retires = retires;
    } else if deprecated && !m.deprecated {
        s.deprecated = true;
    }
    s.sources = Sources {
        seed: None,
        models_dev: md_rel.map(|p| format!("{}:{p}", r.md_rev)),
        litellm: ll_key
            .or(ft_key.as_deref())
            .map(|k| format!("{}:{k}", r.ll_version)),
    };
    s
}

/// Sorts the names of `m` (its aliases and served names) into aliases and served names by
/// the rule in the module documentation, each keeping its spelling and its order, and fills
/// the served names' facts.
pub fn classify(r: &Reference, provider: &str, m: &mut ModelEntry) {
    let names: Vec<String> = m
        .aliases
        .iter()
        .cloned()
        .chain(m.served_names.iter().map(|s| s.id.clone()))
        .collect();
    m.aliases.clear();
    m.served_names.clear();
    let mut served = Vec::new();
    for name in names {
        match own_entries(r, provider, &name) {
            Some(found) => served.push((name, found)),
            None => m.aliases.push(name),
        }
    }
    for (name, (md, ll)) in served {
        let entry = served_entry(r, provider, &name, md.as_deref(), ll.as_deref(), m);
        m.served_names.push(entry);
    }
}
