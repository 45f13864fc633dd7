//! The model-string grammar, documented on `Catalog::resolve_model`.

use crate::data::grammar::{is_fine_tune_prefixed, FINE_TUNE_PREFIX};
use crate::data::key::is_model_name;
use crate::data::key::{MatchKind, MAX_INPUT_LEN};
use crate::error::{ResolveError, MAX_OFFERED_BY};
use crate::names::NameKind;
use crate::provider::Provider;
use crate::resolution::{fine_tune_base, Prefix, Resolution, Separator};
use crate::suggest::Suggestions;
use crate::view::{ModelHit, ProviderHit, Serving, View};
use std::borrow::Cow;

/// Resolves `input` in `view` (see the module documentation for the grammar).
pub(crate) fn resolve_in<'c: 'i, 'i, V: View<'c>>(
    view: V,
    input: &'i str,
) -> Result<Resolution<'c, 'i>, ResolveError> {
    if input.len() > MAX_INPUT_LEN {
        return Err(ResolveError::TooLong { len: input.len() });
    }
    let s = trimmed(input);
    if s.is_empty() {
        return Err(ResolveError::Empty);
    }
    // Rule 2, for a string with a separator too (looked up whole where a model key may begin
    // as it does). Provider names hold no `:` or `/`, so only the part before the first
    // separator can name one: with a `/` first, the part before a later `:` holds that `/`.
    let at = match view.whole(s) {
        Ok(Some(hit)) => return Ok(found(hit, s)),
        Ok(None) => return unknown_model(view, s),
        Err(at) => at,
    };
    let separator = match s.as_bytes().get(at) {
        Some(b'/') => Separator::Slash,
        _ => Separator::Colon,
    };
    let prefix = s.get(..at).unwrap_or_default();
    if let Some(hit) = view.prefix(prefix) {
        return qualified(view, s, hit, at + 1, separator);
    }
    if separator == Separator::Colon && prefix.eq_ignore_ascii_case(FINE_TUNE_PREFIX) {
        if let Some(openai) = view.provider_key(OPENAI) {
            return fine_tune(view, s, openai, s, None);
        }
    }
    let colon = match separator {
        Separator::Colon => Some(at),
        Separator::Slash => s.find(':'),
    };
    match colon {
        Some(at) => unknown_provider(view, s, at),
        None => unknown_model(view, s),
    }
}

/// `input` without surrounding ASCII whitespace. ASCII whitespace is below `!`, so an input
/// whose first and last bytes are not, the usual case, is answered without a loop.
#[inline(always)]
fn trimmed(input: &str) -> &str {
    match input.as_bytes() {
        [first, .., last] if *first > b' ' && *last > b' ' => input,
        _ => input.trim_ascii(),
    }
}

/// The provider that fine-tune ids (`ft:...`) name.
const OPENAI: &str = "openai";

/// The answer for a model key found without a provider named (`input` is the trimmed
/// input).
#[inline]
fn found<'c: 'i, 'i>(hit: ModelHit<'c>, input: &'i str) -> Resolution<'c, 'i> {
    Resolution {
        provider: hit.home,
        model: Some(hit.model),
        offer: None,
        upstream_id: Cow::Borrowed(hit.upstream),
        matched: hit.matched,
        prefix: None,
        overrides_builtin: hit.key_override || hit.home_replaced,
        near_miss: None,
        name: input,
    }
}

// The two misses below return the whole answer, out of line: the caller hands them its
// own return slot, and the error is written there once. Made inline, the error was
// assembled on the stack and copied, and reading it back stalled on the narrow stores that
// had just written it.

/// The suggestions for the name `text[range]`, of `kind`, drawn from what `view` holds
/// near it.
#[inline]
fn suggestions<'c, V: View<'c>>(
    view: V,
    text: &str,
    range: std::ops::Range<usize>,
    kind: NameKind,
) -> Suggestions {
    let name = text.get(range.clone()).unwrap_or_default();
    Suggestions::new(text, range, kind, view.names(kind, name))
}

/// `unknown_model` for a whole input that names no provider.
#[inline(never)]
fn unknown_model<'c, 'i, V: View<'c>>(
    view: V,
    s: &str,
) -> Result<Resolution<'c, 'i>, ResolveError> {
    Err(ResolveError::UnknownModel {
        suggestions: suggestions(view, s, 0..s.len(), NameKind::Model),
        provider: None,
    })
}

/// `unknown_provider` for an input whose part before the `:` at `colon` names no provider.
#[inline(never)]
fn unknown_provider<'c, 'i, V: View<'c>>(
    view: V,
    s: &str,
    colon: usize,
) -> Result<Resolution<'c, 'i>, ResolveError> {
    Err(ResolveError::UnknownProvider {
        suggestions: suggestions(view, s, 0..colon, NameKind::Provider),
    })
}

// Errors of the paths that name a provider are rare: made out of line, they leave
// `qualified` its registers.

/// How `provider` serves the model of `found`, a served name of another provider's, if its
/// offer is sent under that very name (`name`).
#[cold]
#[inline(never)]
fn offer_under<'c, V: View<'c>>(
    view: V,
    provider: &'c Provider,
    found: &ModelHit<'c>,
    name: &str,
) -> Option<Serving<'c>> {
    view.serves(provider, found)
        .filter(|s| s.upstream.eq_ignore_ascii_case(name))
}

/// The answer when the provider of `pass_through` does not serve `found`, a model its model
/// part names: the pass-through where the provider takes names it does not list (an
/// override that took the name decided it), else `model_not_offered`.
#[cold]
#[inline(never)]
fn unserved<'c: 'i, 'i, V: View<'c>>(
    view: V,
    input: &str,
    pass_through: Resolution<'c, 'i>,
    found: &ModelHit<'c>,
) -> Result<Resolution<'c, 'i>, ResolveError> {
    let provider = pass_through.provider;
    if provider.is_aggregator() || !view.lists_models(provider) {
        return Ok(Resolution {
            overrides_builtin: pass_through.overrides_builtin || found.key_override,
            ..pass_through
        });
    }
    Err(not_offered(view, input, provider, found, pass_through.name))
}

/// `model_not_offered`: `provider`, named in `input`, does not serve `m`.
#[cold]
#[inline(never)]
fn not_offered<'c, V: View<'c>>(
    view: V,
    input: &str,
    provider: &Provider,
    found: &ModelHit<'c>,
    name: &str,
) -> ResolveError {
    let m = found.model;
    // A served name is served by its home, and by offers sent under that very name.
    let served = (found.matched == MatchKind::ServedName).then_some(name);
    let (listed, more) = view.offered_by(m, served, MAX_OFFERED_BY);
    ResolveError::ModelNotOffered {
        input: input.to_owned(),
        provider: provider.id().to_owned(),
        model: m.id().to_owned(),
        offered_by: listed.iter().map(|p| p.id().to_owned()).collect(),
        more,
        served: served.is_some(),
    }
}

/// `unknown_model` for the model part (from `start`) of an input that names `provider`,
/// when the part cannot be passed through.
#[cold]
#[inline(never)]
fn unknown_model_of<'c, V: View<'c>>(
    view: V,
    input: &str,
    start: usize,
    provider: &Provider,
) -> ResolveError {
    ResolveError::UnknownModel {
        suggestions: suggestions(view, input, start..input.len(), NameKind::Model),
        provider: Some(provider.id_text()),
    }
}

/// `malformed`: the model part of `input` cannot be sent upstream.
#[cold]
#[inline(never)]
fn malformed(input: &str, reason: &'static str) -> ResolveError {
    ResolveError::Malformed {
        input: input.to_owned(),
        reason,
    }
}

/// Rules 3 and 4 once the provider is known: the model part starts at `start`.
fn qualified<'c: 'i, 'i, V: View<'c>>(
    view: V,
    input: &'i str,
    hit: ProviderHit<'c>,
    start: usize,
    separator: Separator,
) -> Result<Resolution<'c, 'i>, ResolveError> {
    let mut model = &input[start..];
    let provider = hit.provider;
    let prefix = Some(Prefix {
        separator,
        matched: hit.matched,
    });
    // One test of the first byte lets the usual model part through; the rest is rare.
    if let Some(b':' | b'/' | b'f' | b'F') | None = model.as_bytes().first() {
        // `provider::model`, the namespace spelling of some clients, is `provider:model`.
        if separator == Separator::Colon {
            model = model.strip_prefix(':').unwrap_or(model);
        }
        if model.is_empty() {
            return Err(malformed(input, "the model part is empty"));
        }
        if model.starts_with([':', '/']) {
            return Err(malformed(input, "the model part starts with `:` or `/`"));
        }
        if is_fine_tune_prefixed(model) && provider.id().eq_ignore_ascii_case(OPENAI) {
            return fine_tune(view, input, hit, model, prefix);
        }
    }
    // A hit the compiled tables alone give is answered on a path of its own: joined with
    // the overlay's hits, its flags (all unset) were carried and tested as theirs, through
    // the stack (a run-time catalog's `openai:gpt-4o`: 493 instructions instead of 480).
    match view.compiled_key_at(&hit, model) {
        Ok(found) => answer(view, input, &hit, model, prefix, found),
        Err(pending) => {
            let found = view.pending_key_at(&hit, model, pending);
            answer(view, input, &hit, model, prefix, found)
        }
    }
}

/// Rules 3 and 4 once the model part `model` (of `input`) after the provider of `hit` is
/// looked up (`found`).
#[inline(always)]
fn answer<'c: 'i, 'i, V: View<'c>>(
    view: V,
    input: &'i str,
    hit: &ProviderHit<'c>,
    model: &'i str,
    prefix: Option<Prefix>,
    found: Option<ModelHit<'c>>,
) -> Result<Resolution<'c, 'i>, ResolveError> {
    let provider = hit.provider;
    let pass_through = Resolution {
        provider,
        model: None,
        offer: None,
        upstream_id: Cow::Borrowed(model),
        matched: MatchKind::PassThrough,
        prefix,
        overrides_builtin: hit.replaced,
        near_miss: None,
        name: model,
    };
    if let Some(found) = found {
        let m = found.model;
        // A served name is its home provider's: elsewhere it is not the offer's model,
        // unless that provider's offer is sent under this very name.
        let serving =
            if found.matched == MatchKind::ServedName && found.home.index != provider.index {
                offer_under(view, provider, &found, model)
            } else {
                view.serves(provider, &found)
            };
        if let Some(serving) = serving {
            return Ok(Resolution {
                provider,
                model: Some(m),
                offer: serving.offer,
                upstream_id: Cow::Borrowed(serving.upstream),
                matched: found.matched,
                prefix,
                overrides_builtin: hit.replaced || found.key_override,
                near_miss: None,
                name: model,
            });
        }
        return unserved(view, input, pass_through, &found);
    }
    if is_model_name(model) {
        return Ok(pass_through);
    }
    Err(unknown_model_of(
        view,
        input,
        input.len() - model.len(),
        provider,
    ))
}

/// Rule 5: `id` (part of `input`) is an OpenAI fine-tune id, served by `hit`'s provider.
#[cold]
#[inline(never)]
fn fine_tune<'c: 'i, 'i, V: View<'c>>(
    view: V,
    input: &'i str,
    hit: ProviderHit<'c>,
    id: &'i str,
    prefix: Option<Prefix>,
) -> Result<Resolution<'c, 'i>, ResolveError> {
    let base = fine_tune_base(id)
        .filter(|_| is_model_name(id))
        .ok_or_else(|| {
            malformed(
            input,
            "a fine-tune id is `ft:<base model>:<organization>:<suffix>:<id>` (the suffix may be empty, a checkpoint `:<step>` may follow) in printable ASCII",
        )
        })?;
    let provider = hit.provider;
    // The base's facts, where the catalog knows it as a model of this provider's own.
    let found = view
        .model_key_at(&hit, base)
        .filter(|h| h.home.index == provider.index);
    let upstream_id = if id.starts_with("ft:") {
        Cow::Borrowed(id)
    } else {
        Cow::Owned(format!("ft:{}", &id[3..]))
    };
    Ok(Resolution {
        provider,
        model: found.map(|h| h.model),
        offer: None,
        upstream_id,
        matched: MatchKind::FineTune,
        prefix,
        overrides_builtin: hit.replaced || found.is_some_and(|h| h.key_override),
        near_miss: None,
        name: id,
    })
}
#[cfg(test)]
mod tests {
    use super::trimmed;

    /// The shortcut for inputs that need no trimming answers like `trim_ascii` for every
    /// string of up to two ASCII characters, and of three from characters around the
    /// whitespace boundary, non-ASCII included.
    #[test]
    fn trimmed_is_trim_ascii() {
        let ascii: Vec<char> = (0..=127u8).map(char::from).collect();
        for a in &ascii {
            assert_eq!(trimmed(&a.to_string()), a.to_string().trim_ascii());
            for b in &ascii {
                let s: String = [a, b].into_iter().collect();
                assert_eq!(trimmed(&s), s.trim_ascii(), "{s:?}");
            }
        }
        let edge = [
            '\t', '\n', '\x0b', '\x0c', '\r', ' ', '!', '\x1f', 'a', '\u{a0}', 'é',
        ];
        for a in edge {
            for b in edge {
                for c in edge {
                    let s: String = [a, b, c].into_iter().collect();
                    assert_eq!(trimmed(&s), s.trim_ascii(), "{s:?}");
                }
            }
        }
        assert_eq!(trimmed(""), "");
    }
}
