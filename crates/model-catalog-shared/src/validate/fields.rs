//! The checks of an entry's own fields, apart from its names: texts, limits, modalities,
//! prices, dates, and facts that contradict each other.

use super::check::{clip, named, Check};
use super::error::DataErrorKind;
use super::{too_many_names, MAX_NAMES_PER_MODEL};
use crate::capability::Flags;
use crate::date::Date;
use crate::escape::Esc;
use crate::key::{base_url_problem, model_name_problem, text_problem, MAX_INPUT_LEN};
use crate::modality::{Modalities, Modality};
use crate::price::{Price, Pricing};
use crate::schema::{ModelEntry, ProviderEntry, Sources};
use std::collections::HashSet;
use std::fmt;

/// What is wrong with a model entry's own fields, if anything: its texts, limits,
/// modalities, prices, dates, names of vendor, family, category and tags, and the facts that
/// contradict each other.
pub(super) fn check_model_fields(
    check: &mut Check,
    file: &str,
    entry: &(impl fmt::Display + ?Sized),
    m: &ModelEntry,
) {
    let mut invalid = |field, reason: &str| {
        check.push(
            file,
            entry,
            DataErrorKind::Invalid {
                field,
                reason: reason.to_owned(),
            },
        )
    };
    if m.name.trim().is_empty() {
        invalid("name", "is empty");
    }
    for (field, n) in [
        ("aliases", m.aliases.len()),
        ("served_names", m.served_names.len()),
    ] {
        if n > MAX_NAMES_PER_MODEL {
            invalid(field, &too_many_names(n));
        }
    }
    let texts = [
        ("name", Some(&m.name)),
        ("description", m.description.as_ref()),
        ("notes", m.notes.as_ref()),
    ];
    let policy = m.distillation_policy.as_ref();
    let policy_texts = policy.map_or(Vec::new(), |d| {
        [&d.status, &d.label, &d.basis, &d.source_url, &d.note]
            .into_iter()
            .flatten()
            .collect()
    });
    for (field, text) in texts
        .into_iter()
        .filter_map(|(f, t)| t.map(|t| (f, t)))
        .chain(policy_texts.into_iter().map(|t| ("distillation_policy", t)))
    {
        if let Some(why) = text_problem(text) {
            invalid(field, &format!("`{}` {why}", clip(text)));
        }
    }
    if let Some(why) = sources_problem(&m.sources) {
        invalid("sources", &why);
    }
    if m.context_window == Some(0) {
        invalid("context_window", "must be at least 1");
    }
    if m.max_output_tokens == Some(0) {
        invalid("max_output_tokens", "must be at least 1");
    }
    match (m.max_input_tokens, m.context_window) {
        (Some(0), _) => invalid("max_input_tokens", "must be at least 1"),
        (Some(input), Some(context)) if input >= context && context > 0 => invalid(
            "max_input_tokens",
            &format!("{input} is not below the context window ({context}): a prompt limit is recorded only below it"),
        ),
        (Some(_), None) => invalid(
            "max_input_tokens",
            "a prompt limit requires the context window it is below",
        ),
        _ => {}
    }
    for (field, list) in [
        ("input_modalities", &m.input_modalities),
        ("output_modalities", &m.output_modalities),
    ] {
        for why in modalities_problems(list.as_deref()) {
            invalid(field, &why);
        }
    }
    if m.retires.is_some() && !m.deprecated {
        invalid("retires", "a retirement date requires `deprecated: true`");
    }
    for (field, p) in [
        ("pricing", &m.pricing),
        ("fine_tune_pricing", &m.fine_tune_pricing),
    ] {
        if let Some(why) = pricing_problem(p) {
            invalid(field, &why);
        }
    }
    for s in &m.served_names {
        let at = |what: &str| format!("served name `{}`: {what}", Esc(&named(&s.id)));
        if let Some(why) = s.notes.as_deref().and_then(text_problem) {
            invalid("served_names", &at(&format!("notes {why}")));
        }
        if let Some(why) = sources_problem(&s.sources) {
            invalid("served_names", &at(&why));
        }
        if s.context_window == Some(0) || s.max_output_tokens == Some(0) {
            invalid("served_names", &at("a limit must be at least 1"));
        }
        let context = s.context_window.or(m.context_window);
        if let (Some(output), Some(context)) =
            (s.max_output_tokens.or(m.max_output_tokens), context)
        {
            if output > context {
                invalid(
                    "served_names",
                    &at(&format!(
                        "max_output_tokens {output} is above context_window {context}"
                    )),
                );
            }
        }
        if s.retires.is_some() && !s.deprecated {
            invalid(
                "served_names",
                &at("a retirement date requires `deprecated: true`"),
            );
        }
        for p in [&s.pricing, &s.fine_tune_pricing] {
            if let Some(why) = pricing_problem(p) {
                invalid("served_names", &at(&why));
            }
        }
    }
    if let Some(k) = &m.knowledge_cutoff {
        if !is_month_or_date(k) {
            invalid(
                "knowledge_cutoff",
                &format!("`{}` is not YYYY-MM or YYYY-MM-DD", clip(k)),
            );
        }
    }
    for (field, value) in [
        ("vendor", &m.vendor),
        ("family", &m.family),
        ("category", &m.category),
    ] {
        if let Some(v) = value {
            if let Some(why) = model_name_problem(v) {
                invalid(field, &format!("`{}` {why}", clip(v)));
            }
        }
    }
    let mut tags = HashSet::new();
    for t in &m.tags {
        if let Some(why) = model_name_problem(t) {
            invalid("tags", &format!("`{}` {why}", clip(t)));
        } else if !tags.insert(t) {
            invalid("tags", &format!("`{t}` is listed twice"));
        }
    }
    if let Some(why) = capability_problem(&m.capabilities) {
        invalid("capabilities", &why);
    }
    if let Some(why) = output_modality_problem(m) {
        invalid("output_modalities", &why);
    }
    if m.release_date.is_some_and(is_placeholder_date) {
        invalid("release_date", PLACEHOLDER_DATE);
    }
    for s in &m.served_names {
        if s.release_date.is_some_and(is_placeholder_date) {
            invalid(
                "served_names",
                &format!("served name `{}`: {PLACEHOLDER_DATE}", Esc(&s.id)),
            );
        }
    }
    for (field, p) in [
        ("pricing", &m.pricing),
        ("fine_tune_pricing", &m.fine_tune_pricing),
    ] {
        if let Some(why) = placeholder_tier(p) {
            invalid(field, &why);
        }
    }
    if let (Some(output), Some(context)) = (m.max_output_tokens, m.context_window) {
        if output > context {
            check.push(
                file,
                entry,
                DataErrorKind::OutputAboveContext { output, context },
            );
        }
    }
}

/// What is wrong with a provider entry's own fields, if anything: its base URL, its texts
/// (which must be printable, see [`text_problem`]) and its surfaces' parameter names.
pub(super) fn check_provider_fields(
    check: &mut Check,
    file: &str,
    entry: &(impl fmt::Display + ?Sized),
    p: &ProviderEntry,
) {
    if p.name.trim().is_empty() {
        check.invalid(file, entry, "name", "is empty");
    }
    if let Some(url) = &p.base_url {
        if let Some(why) = base_url_problem(url) {
            check.invalid(file, entry, "base_url", format!("`{}` {why}", clip(url)));
        }
    }
    if let Some(var) = &p.api_key_env {
        // An environment variable's name as shells write them: a variable that a gateway
        // trims or splits (` OPENAI_API_KEY`, `OPENAI_API_KEY=x`) would pass for another.
        let name = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
        let starts = var.bytes().next().is_some_and(|b| !b.is_ascii_digit());
        if !starts || !var.bytes().all(name) || var.len() > MAX_INPUT_LEN {
            check.invalid(
                file,
                entry,
                "api_key_env",
                format!(
                    "`{}` is not an environment variable name (1 to 256 ASCII letters, digits and `_`, not first a digit)",
                    clip(var)
                ),
            );
        }
    }
    let optional = [
        ("description", &p.description),
        ("website", &p.website),
        ("docs", &p.docs),
        ("metadata", &p.metadata),
    ];
    let control_plane = p.control_plane.iter().flat_map(|cp| {
        [
            &cp.id,
            &cp.uri,
            &cp.created_at,
            &cp.updated_at,
            &cp.created_by.id,
            &cp.created_by.uri,
            &cp.last_updated_by.id,
            &cp.last_updated_by.uri,
        ]
        .map(|v| ("control_plane", v.as_str()))
    });
    let texts = std::iter::once(("name", p.name.as_str()))
        .chain(
            optional
                .into_iter()
                .filter_map(|(f, v)| v.as_deref().map(|v| (f, v))),
        )
        .chain(control_plane);
    for (field, text) in texts {
        if let Some(why) = text_problem(text) {
            check.invalid(file, entry, field, format!("`{}` {why}", clip(text)));
        }
    }
    for s in &p.api_surfaces {
        let mut seen = HashSet::new();
        for param in s.supported_params.iter().flatten() {
            if param.is_empty() || !param.bytes().all(|b| b.is_ascii_graphic()) {
                check.invalid(
                    file,
                    entry,
                    "supported_params",
                    format!("`{}` is not a parameter name", clip(param)),
                );
            } else if !seen.insert(param) {
                check.invalid(
                    file,
                    entry,
                    "supported_params",
                    format!("`{param}` is listed twice"),
                );
            }
        }
    }
}

/// What is wrong with recorded sources, if anything: they are text.
pub(super) fn sources_problem(s: &Sources) -> Option<String> {
    [&s.seed, &s.models_dev, &s.litellm]
        .into_iter()
        .flatten()
        .find_map(|t| text_problem(t).map(|why| format!("`{}` {why}", clip(t))))
}

/// Why capability flags contradict each other, if they do: parallel tool calls need tool
/// calls.
pub(super) fn capability_problem(f: &Flags) -> Option<String> {
    (f.parallel_tools == Some(true) && f.tools == Some(false)).then(
        || "parallel_tools is true but tools is false: a model that cannot call tools cannot call them in parallel".to_owned(),
    )
}

/// What is wrong with a list of modalities, if known: empty (it is left out when unknown),
/// or listing one twice.
pub(super) fn modalities_problems(list: Option<&[Modality]>) -> Vec<String> {
    let Some(list) = list else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if list.is_empty() {
        out.push("must list at least one modality (leave it out when unknown)".to_owned());
    }
    // Each modality named once, however often it repeats.
    let (mut seen, mut twice) = (Modalities::EMPTY, Modalities::EMPTY);
    for &x in list {
        if seen.contains(x) && !twice.contains(x) {
            out.push(format!("lists `{x}` twice"));
            twice = twice.with(x);
        }
        seen = seen.with(x);
    }
    out
}

/// Why a model's output modalities contradict its category, if they do: an image model
/// (category `image`) produces images.
fn output_modality_problem(m: &ModelEntry) -> Option<String> {
    let outputs = m.output_modalities.as_ref()?;
    (m.category.as_deref() == Some("image")
        && !outputs.contains(&Modality::Image))
    .then(|| {
        "category `image` but `image` is not among the output modalities (leave the category out or list `image`)".to_owned()
    })
}

/// Why a release date is refused when it falls on January 1.
const PLACEHOLDER_DATE: &str =
    "release_date on January 1 is a placeholder for a year; leave it out when only the year is known";

/// Whether a date is January 1, which sources write when they know only the year.
fn is_placeholder_date(d: Date) -> bool {
    d.month() == 1 && d.day() == 1
}

/// Why a long-context tier is a placeholder, if it is: every price it gives equals the base
/// price, so it changes nothing.
fn placeholder_tier(p: &Pricing) -> Option<String> {
    let t = p.long_context?;
    let same = |tier: Option<Price>, base: Option<Price>| tier.is_none() || tier == base;
    (same(t.input, p.input)
        && same(t.output, p.output)
        && same(t.cache_read, p.cache_read)
        && same(t.cache_write, p.cache_write)
        && same(t.cache_write_1h, p.cache_write_1h))
    .then(|| "long_context repeats the base prices: a placeholder tier; leave it out".to_owned())
}

/// What is wrong with a set of prices, if anything: no price above [`Price::MAX`] (no
/// reader takes one, and no export could write it back), and a long-context tier must
/// start above at least one token and give at least one price.
pub(super) fn pricing_problem(p: &Pricing) -> Option<String> {
    let too_large = p
        .every_price()
        .into_iter()
        .flatten()
        .find(|&price| price > Price::MAX);
    if let Some(price) = too_large {
        return Some(format!(
            "a price of {price} USD per million tokens is above the largest, {}",
            Price::MAX
        ));
    }
    let tier = p.long_context?;
    if tier.above == 0 {
        return Some("long_context.above must be at least 1".to_owned());
    }
    if tier.input.is_none()
        && tier.output.is_none()
        && tier.cache_read.is_none()
        && tier.cache_write.is_none()
        && tier.cache_write_1h.is_none()
    {
        return Some("long_context gives no price".to_owned());
    }
    None
}

/// `YYYY-MM` with a real month, or a valid `YYYY-MM-DD` date.
fn is_month_or_date(s: &str) -> bool {
    if s.len() == 7 {
        return Date::parse(&format!("{s}-01")).is_ok();
    }
    Date::parse(s).is_ok()
}
