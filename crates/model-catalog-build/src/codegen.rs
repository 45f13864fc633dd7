//! Writes the Rust source of the compiled catalog from a validated data set.
//!
//! Used by model-catalog's build script and by its golden test, which regenerates the tables
//! from `data/` and compares them with what the build produced.

use crate::solve::solve;
use model_catalog_shared::capability::Flags;
use model_catalog_shared::date::Date;
use model_catalog_shared::folded_hash;
use model_catalog_shared::key::{fold, MatchKind};
use model_catalog_shared::modality::Modality;
use model_catalog_shared::price::{Price, Pricing};
use model_catalog_shared::schema::{DataSources, DistillationPolicyEntry, ServedNameEntry};
use model_catalog_shared::surface::SurfaceEntry;
use model_catalog_shared::validate::{KeyRec, ModelRec, Validated};
use std::fmt::Write;

fn text(s: &str) -> String {
    format!("Cow::Borrowed({s:?})")
}

fn opt_text(s: Option<&str>) -> String {
    match s {
        Some(s) => format!("Some({})", text(s)),
        None => "None".to_owned(),
    }
}

fn text_list<'a>(items: impl Iterator<Item = &'a String>) -> String {
    let items: Vec<String> = items.map(|s| text(s)).collect();
    format!("Cow::Borrowed(&[{}])", items.join(", "))
}

fn date(d: Option<Date>) -> String {
    match d {
        Some(d) => format!("Some(date({}, {}, {}))", d.year(), d.month(), d.day()),
        None => "None".to_owned(),
    }
}

fn modalities(list: Option<&Vec<Modality>>) -> String {
    match list {
        Some(list) => {
            let bits = list.iter().fold(0u8, |acc, m| acc | 1 << *m as u8);
            format!("Some(Modalities::from_bits({bits:#07b}))")
        }
        None => "None".to_owned(),
    }
}

fn price(p: Price) -> String {
    format!("Price::from_picos_per_token({})", p.picos_per_token())
}

/// `base` with a call of the builder method `method` for each known price.
fn with_prices(mut base: String, prices: &[(&str, Option<Price>)]) -> String {
    for (method, p) in prices {
        if let Some(p) = p {
            let _ = write!(base, ".{method}({})", price(*p));
        }
    }
    base
}

fn pricing(p: &Pricing) -> String {
    let mut out = with_prices(
        "Pricing::new()".to_owned(),
        &[
            ("input", p.input),
            ("output", p.output),
            ("cache_read", p.cache_read),
            ("cache_write", p.cache_write),
            ("reasoning", p.reasoning),
        ],
    );
    if let Some(t) = &p.long_context {
        let tier = with_prices(
            format!("LongContextPricing::new({})", t.above),
            &[
                ("input", t.input),
                ("output", t.output),
                ("cache_read", t.cache_read),
                ("cache_write", t.cache_write),
            ],
        );
        let _ = write!(out, ".long_context({tier})");
    }
    out
}

fn served_names(list: &[ServedNameEntry]) -> String {
    let items: Vec<String> = list
        .iter()
        .map(|s| {
            format!(
                "ServedName {{ id: {}, context_window: {:?}, max_output_tokens: {:?}, pricing: {}, fine_tune_pricing: {}, release_date: {}, deprecated: {}, retires: {} }}",
                text(&s.id),
                s.context_window,
                s.max_output_tokens,
                pricing(&s.pricing),
                pricing(&s.fine_tune_pricing),
                date(s.release_date),
                s.deprecated,
                date(s.retires),
            )
        })
        .collect();
    format!("Cow::Borrowed(&[{}])", items.join(", "))
}

fn flags(f: &Flags) -> String {
    let mut out = "Flags::new()".to_owned();
    for (method, known) in [
        ("tools", f.tools),
        ("parallel_tools", f.parallel_tools),
        ("reasoning", f.reasoning),
        ("structured_output", f.structured_output),
    ] {
        if let Some(k) = known {
            let _ = write!(out, ".{method}({k})");
        }
    }
    out
}

fn distillation(d: Option<&DistillationPolicyEntry>) -> String {
    match d {
        Some(d) => format!(
            "Some(DistillationPolicy {{ status: {}, label: {}, basis: {}, source_url: {}, note: {} }})",
            opt_text(d.status.as_deref()),
            opt_text(d.label.as_deref()),
            opt_text(d.basis.as_deref()),
            opt_text(d.source_url.as_deref()),
            opt_text(d.note.as_deref()),
        ),
        None => "None".to_owned(),
    }
}

fn surfaces(list: &[SurfaceEntry]) -> String {
    let items: Vec<String> = list
        .iter()
        .map(|s| {
            let params = match &s.supported_params {
                Some(p) => format!("Some({})", text_list(p.iter())),
                None => "None".to_owned(),
            };
            format!(
                "ApiSurface {{ format: ApiFormat::{:?}, surface: {}, params: {params} }}",
                s.format,
                match s.surface {
                    Some(x) => format!("Some(Surface::{x:?})"),
                    None => "None".to_owned(),
                }
            )
        })
        .collect();
    format!("Cow::Borrowed(&[{}])", items.join(", "))
}

fn kind(k: MatchKind) -> &'static str {
    match k {
        MatchKind::Id => "MatchKind::Id",
        MatchKind::UpstreamId => "MatchKind::UpstreamId",
        MatchKind::Alias => "MatchKind::Alias",
        MatchKind::ServedName => "MatchKind::ServedName",
        MatchKind::PassThrough => "MatchKind::PassThrough",
        MatchKind::FineTune => "MatchKind::FineTune",
    }
}

/// The prefix table's names: every provider name, and every part of a model key before its
/// first `:` or `/`; with each, whether model keys begin with it and `:`, and with it and `/`
/// (see `lookup::Slot`). Provider names come first, in their order; then the other parts,
/// in model-key order.
fn prefixes(v: &Validated) -> (Vec<KeyRec>, Vec<(bool, bool)>) {
    let mut keys: Vec<KeyRec> = v.provider_keys.clone();
    let mut before = vec![(false, false); keys.len()];
    let mut at: std::collections::HashMap<String, usize> = keys
        .iter()
        .enumerate()
        .map(|(i, k)| (k.key.clone(), i))
        .collect();
    for k in &v.model_keys {
        let Some(end) = k.key.find([':', '/']) else {
            continue;
        };
        let part = &k.key[..end];
        let i = *at.entry(part.to_owned()).or_insert_with(|| {
            keys.push(KeyRec {
                key: part.to_owned(),
                index: u32::MAX as usize,
                kind: MatchKind::Id,
                overrides: false,
                scope: None,
            });
            before.push((false, false));
            keys.len() - 1
        });
        if k.key.as_bytes()[end] == b':' {
            before[i].0 = true;
        } else {
            before[i].1 = true;
        }
    }
    (keys, before)
}

/// A perfect-hash table of `keys` (see `model_catalog_shared::folded_hash`), the `i`th key with prefix flags
/// `before[i]` (none where `before` is shorter), or why there is none.
fn key_table(
    name: &str,
    keys: &[KeyRec],
    before: &[(bool, bool)],
    models: Option<&[ModelRec]>,
) -> Result<String, String> {
    let names: Vec<&str> = keys.iter().map(|k| k.key.as_str()).collect();
    let sol = solve(&names)
        .ok_or_else(|| format!("no perfect hash found for the {} {name} keys", keys.len()))?;
    let pilots: Vec<String> = sol.pilots.iter().map(u16::to_string).collect();
    let slots: Vec<String> = sol
        .slots
        .iter()
        .map(|s| match s {
            Some(i) => {
                let k = &keys[*i];
                let before = before.get(*i).copied().unwrap_or_default();
                let words = folded_hash::scan(k.key.as_bytes(), sol.seed).words;
                // A served name is sent as itself; every other name sends the model's
                // upstream id.
                let (home, upstream) = match models.and_then(|m| m.get(k.index)) {
                    Some(m) => (
                        m.provider,
                        m.entry
                            .served_names
                            .iter()
                            .find(|s| k.kind == MatchKind::ServedName && fold(&s.id) == k.key)
                            .map_or(m.upstream_id.as_str(), |s| s.id.as_str()),
                    ),
                    None => (u32::MAX as usize, ""),
                };
                format!(
                    "Slot {{ words: [{:#x}, {:#x}, {:#x}, {:#x}], len: {}, index: {}, kind: {}, before: {before:?}, home: {home}, upstream: {upstream:?} }}",
                    words[0],
                    words[1],
                    words[2],
                    words[3],
                    k.key.len(),
                    k.index,
                    kind(k.kind)
                )
            }
            None => "Slot::EMPTY".to_owned(),
        })
        .collect();
    let long: Vec<String> = sol
        .slots
        .iter()
        .enumerate()
        .filter_map(|(at, s)| Some((at, &keys[(*s)?].key)))
        .filter(|(_, k)| k.len() > 32)
        .map(|(at, k)| format!("({at}, {k:?})"))
        .collect();
    Ok(format!(
        "pub(crate) static {name}: KeyTable = KeyTable {{ seed: {}, pilots: &[{}], slots: &[{}], long: &[{}] }};\n",
        sol.seed,
        pilots.join(", "),
        slots.join(", "),
        long.join(", ")
    ))
}

/// The generated module's source. The including module brings `Cow`, `Date`,
/// `DistillationPolicy`, `Flags`, `LongContextPricing`, `MatchKind`, `Modalities`, `Model`,
/// `Offer`, `Price`, `Pricing`, `ServedName`, `Provider`, `ApiSurface`, `ApiFormat`, `Surface`, `KeyTable`, `Slot` and a
/// `const fn date(y, m, d) -> Date` into scope.
pub fn generate(v: &Validated, sources: Option<&DataSources>) -> Result<String, String> {
    let mut out = String::new();
    out.push_str("// @generated by build.rs from the catalog data. Do not edit.\n\n");
    let snapshot = |s: Option<(&str, Date)>| match s {
        Some((label, d)) => format!(
            "Some(({label:?}, date({}, {}, {})))",
            d.year(),
            d.month(),
            d.day()
        ),
        None => "None".to_owned(),
    };
    let sources = sources.cloned().unwrap_or_default();
    writeln!(
        out,
        "pub(crate) static SOURCES: (Option<(&str, Date)>, Option<(&str, Date)>) = ({}, {});\n",
        snapshot(
            sources
                .models_dev
                .as_ref()
                .map(|s| (s.revision.as_str(), s.date))
        ),
        snapshot(
            sources
                .litellm
                .as_ref()
                .map(|s| (s.version.as_str(), s.date))
        ),
    )
    .unwrap();

    writeln!(
        out,
        "pub(crate) static PROVIDERS: [Provider; {}] = [",
        v.providers.len()
    )
    .unwrap();
    for p in &v.providers {
        let e = &p.entry;
        writeln!(
            out,
            "    Provider {{ id: {}, name: {}, aliases: {}, description: {}, base_url: {}, website: {}, docs: {}, key_required: {}, gateway_credentials: {}, aggregator: {}, models: ({}, {}), offers: ({}, {}), api_surfaces: {}, api_key_env: {}, metadata: {}, control_plane: None, index: {} }},",
            text(&e.id),
            text(&e.name),
            text_list(e.aliases.iter()),
            opt_text(e.description.as_deref()),
            opt_text(e.base_url.as_deref()),
            opt_text(e.website.as_deref()),
            opt_text(e.docs.as_deref()),
            e.key_required,
            e.gateway_credentials,
            e.aggregator,
            p.models.start,
            p.models.end,
            p.offers.start,
            p.offers.end,
            surfaces(&e.api_surfaces),
            opt_text(e.api_key_env.as_deref()),
            opt_text(e.metadata.as_deref()),
            p.index,
        )
        .unwrap();
    }
    out.push_str("];\n\n");

    writeln!(
        out,
        "pub(crate) static MODELS: [Model; {}] = [",
        v.models.len()
    )
    .unwrap();
    for (index, m) in v.models.iter().enumerate() {
        let e = &m.entry;
        let offers: Vec<String> = v
            .offers
            .iter()
            .enumerate()
            .filter(|(_, o)| o.model == index)
            .map(|(i, _)| i.to_string())
            .collect();
        writeln!(
            out,
            "    Model {{ id: {}, upstream_id: {}, name: {}, provider: {}, provider_index: {}, description: {}, vendor: {}, family: {}, category: {}, context_window: {:?}, max_output_tokens: {:?}, input_modalities: {}, output_modalities: {}, flags: {}, pricing: {}, open_weights: {:?}, release_date: {}, knowledge_cutoff: {}, deprecated: {}, retires: {}, successor: {}, aliases: {}, served_names: {}, fine_tune_pricing: {}, tags: {}, distillation: {}, notes: {}, offers: Cow::Borrowed(&[{}]), index: {index} }},",
            text(&e.id),
            text(&m.upstream_id),
            text(&e.name),
            text(&v.providers[m.provider].entry.id),
            m.provider,
            opt_text(e.description.as_deref()),
            opt_text(e.vendor.as_deref()),
            opt_text(e.family.as_deref()),
            opt_text(e.category.as_deref()),
            e.context_window,
            e.max_output_tokens,
            modalities(e.input_modalities.as_ref()),
            modalities(e.output_modalities.as_ref()),
            flags(&e.capabilities),
            pricing(&e.pricing),
            e.open_weights,
            date(e.release_date),
            opt_text(e.knowledge_cutoff.as_deref()),
            e.deprecated,
            date(e.retires),
            opt_text(e.successor.as_deref()),
            text_list(m.aliases.iter()),
            served_names(&e.served_names),
            pricing(&e.fine_tune_pricing),
            text_list(e.tags.iter()),
            distillation(e.distillation_policy.as_ref()),
            opt_text(e.notes.as_deref()),
            offers.join(", "),
        )
        .unwrap();
    }
    out.push_str("];\n\n");

    writeln!(
        out,
        "pub(crate) static OFFERS: [Offer; {}] = [",
        v.offers.len()
    )
    .unwrap();
    for o in &v.offers {
        writeln!(
            out,
            "    Offer {{ provider: {}, provider_index: {}, model_index: {}, upstream_id: {}, pricing: {} }},",
            text(&v.providers[o.provider].entry.id),
            o.provider,
            o.model,
            text(&o.entry.upstream_id),
            pricing(&o.entry.pricing),
        )
        .unwrap();
    }
    out.push_str("];\n\n");

    out.push_str(&key_table(
        "MODEL_KEYS",
        &v.model_keys,
        &[],
        Some(&v.models),
    )?);
    out.push('\n');
    let (prefix_keys, before) = prefixes(v);
    out.push_str(&key_table("PREFIX_KEYS", &prefix_keys, &before, None)?);
    Ok(out)
}
