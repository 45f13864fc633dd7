//! The model-string grammar: from what a user wrote to provider, model and upstream id.
//!
//! In order of precedence:
//! 1. Longer than [`MAX_INPUT_LEN`] bytes as given (surrounding
//!    whitespace included): [`ResolveError::TooLong`], decided from the length alone before
//!    any other work, so it costs the same for a 1 MiB input as for 257 bytes. Then trim ASCII
//!    whitespace; nothing left: [`ResolveError::Empty`].
//! 2. The whole string is a model id, upstream id or model alias.
//! 3. `provider:model`, split at the first `:`, where `provider` is a provider id or alias.
//! 4. `provider/model`, split at the first `/`, likewise.
//! 5. Otherwise [`ResolveError::UnknownProvider`] if there is a `:`, else
//!    [`ResolveError::UnknownModel`].
//!
//! With a provider named (3, 4), a model the provider offers resolves to it; a model only
//! other providers offer is [`ResolveError::ModelNotOffered`], unless the provider is an
//! aggregator or lists no models; anything else is passed through unchanged (case kept),
//! provided it is a printable ASCII name.

use crate::data::key::is_model_name;
use crate::data::phf::first_separator;
use crate::suggest::{NameKind, Source, Suggestions};
use crate::{Date, MatchKind, Model, Provider, ResolveError, MAX_INPUT_LEN};

/// What a model string resolved to.
///
/// Borrows the catalog (`'c`) and, for a pass-through's upstream id, the input (`'i`):
/// resolving allocates nothing. The provider and model outlive the input.
///
/// ```
/// use model_catalog::{resolve_model, MatchKind, Separator};
///
/// let r = resolve_model("groqcloud:llama-3.3-70b").unwrap();
/// assert_eq!(r.provider.id(), "groq");
/// assert_eq!(r.model.unwrap().id(), "llama-3.3-70b-versatile");
/// assert_eq!(r.upstream_id, "meta-llama/llama-3.3-70b-versatile");
/// assert_eq!(r.matched, MatchKind::Alias);
/// assert_eq!(r.prefix.unwrap().separator, Separator::Colon);
///
/// let r = resolve_model("openai:gpt-5-preview").unwrap();
/// assert!(r.model.is_none());
/// assert_eq!(r.upstream_id, "gpt-5-preview");
/// assert_eq!(r.matched, MatchKind::PassThrough);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Resolution<'c, 'i> {
    /// The provider to send the request to.
    pub provider: &'c Provider,
    /// The catalog model; `None` for a pass-through.
    pub model: Option<&'c Model>,
    /// The model id to send upstream: the catalog's spelling for a known model, the input's
    /// for a pass-through.
    pub upstream_id: &'i str,
    /// How the model part matched.
    pub matched: MatchKind,
    /// How the provider was named, if it was; `None` when it was implied by the model.
    pub prefix: Option<Prefix>,
    /// Whether a run-time [`Catalog`](crate::Catalog) override of a built-in provider or
    /// model name decided this answer. Always `false` for the built-in catalog.
    pub overrides_builtin: bool,
}

impl Resolution<'_, '_> {
    /// Whether the model string is passed to the provider without a catalog model.
    pub fn is_pass_through(&self) -> bool {
        self.model.is_none()
    }
}

/// How an explicit provider prefix was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Prefix {
    /// The separator after the provider name.
    pub separator: Separator,
    /// Whether the provider was named by its id ([`MatchKind::Id`]) or an alias
    /// ([`MatchKind::Alias`]).
    pub matched: MatchKind,
}

/// The separator between provider and model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Separator {
    /// `provider:model`.
    Colon,
    /// `provider/model`.
    Slash,
}

/// A provider a name denotes, as the grammar needs it.
#[derive(Clone, Copy)]
pub(crate) struct ProviderHit<'c> {
    pub(crate) provider: &'c Provider,
    /// Whether the name is the provider's id or an alias.
    pub(crate) matched: MatchKind,
    /// Whether a run-time override of a built-in provider is involved.
    pub(crate) replaced: bool,
}

/// A model a name denotes, with what a resolution returns for it.
#[derive(Clone, Copy)]
pub(crate) struct ModelHit<'c> {
    pub(crate) model: &'c Model,
    /// Which of the model's names it is.
    pub(crate) matched: MatchKind,
    /// Whether the name was taken from a built-in model by a run-time override.
    pub(crate) key_override: bool,
    /// The model's upstream id (at its home provider).
    pub(crate) upstream: &'c str,
    /// The model's home provider.
    pub(crate) home: &'c Provider,
    /// Whether the home provider replaces a built-in one.
    pub(crate) home_replaced: bool,
}

/// A catalog as the grammar sees it.
pub(crate) trait View<'c>: Copy {
    /// The model a name denotes (ASCII case ignored).
    fn model_key(self, name: &str) -> Option<ModelHit<'c>>;
    /// [`model_key`](View::model_key) of the whole input if it holds no `:` or `/`, else the
    /// position of the first (the built-in catalog finds it in the pass that hashes).
    fn whole_unless_separator(self, input: &str) -> Result<Option<ModelHit<'c>>, usize> {
        match first_separator(input.as_bytes()) {
            Some(at) => Err(at),
            None => Ok(self.model_key(input)),
        }
    }
    /// The provider a name denotes (ASCII case ignored).
    fn provider_key(self, name: &str) -> Option<ProviderHit<'c>>;
    /// For the part of an input before its first separator, `separator`: the provider it
    /// denotes, and whether some model key might begin with it and that separator (if not,
    /// the whole input is no model key). The default never rules a model key out.
    fn prefix(self, name: &str, separator: Separator) -> (Option<ProviderHit<'c>>, bool) {
        let _ = separator;
        (self.provider_key(name), true)
    }
    /// The upstream id `p` expects for the model of `hit`, if `p` serves it.
    fn offer(self, p: &'c Provider, hit: &ModelHit<'c>) -> Option<&'c str>;
    /// Whether `p` lists any model, its own or offered.
    fn lists_models(self, p: &'c Provider) -> bool;
    /// Ids of the providers that offer `m`, its home first.
    fn offered_by(self, m: &'c Model) -> Vec<String>;
    /// Where suggestions come from.
    fn names(self) -> Source;
}

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
    // Provider names hold no `:` or `/`, so only the part before the first separator can
    // name one: with a `/` first, the part before a later `:` holds that `/`.
    let at = match view.whole_unless_separator(s) {
        Ok(Some(hit)) => return Ok(found(hit)),
        Ok(None) => return unknown_model(view, s),
        Err(at) => at,
    };
    let separator = match s.as_bytes().get(at) {
        Some(b'/') => Separator::Slash,
        _ => Separator::Colon,
    };
    let (provider, model_prefix) = s
        .get(..at)
        .map_or((None, false), |p| view.prefix(p, separator));
    if model_prefix {
        if let Some(hit) = view.model_key(s) {
            return Ok(found(hit));
        }
    }
    if let Some(hit) = provider {
        return qualified(view, s, hit, &s[at + 1..], separator);
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

/// The answer for a model key found without a provider named.
#[inline]
fn found<'c>(hit: ModelHit<'c>) -> Resolution<'c, 'c> {
    Resolution {
        provider: hit.home,
        model: Some(hit.model),
        upstream_id: hit.upstream,
        matched: hit.matched,
        prefix: None,
        overrides_builtin: hit.key_override || hit.home_replaced,
    }
}

// The two misses below return the whole answer, out of line: the caller hands them its
// own return slot, and the error is written there once. Made inline, the error was
// assembled on the stack and copied, and reading it back stalled on the narrow stores that
// had just written it.

/// `unknown_model` for a whole input that names no provider.
#[inline(never)]
fn unknown_model<'c, 'i, V: View<'c>>(
    view: V,
    s: &str,
) -> Result<Resolution<'c, 'i>, ResolveError> {
    Err(ResolveError::UnknownModel {
        suggestions: Suggestions::new(s, 0..s.len(), NameKind::Model, view.names()),
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
        suggestions: Suggestions::new(s, 0..colon, NameKind::Provider, view.names()),
    })
}

// Errors of the paths that name a provider are rare: made out of line, they leave
// `qualified` its registers.

/// `model_not_offered`: `provider`, named in `input`, does not serve `m`.
#[cold]
#[inline(never)]
fn not_offered<'c, V: View<'c>>(
    view: V,
    input: &str,
    provider: &Provider,
    m: &'c Model,
) -> ResolveError {
    ResolveError::ModelNotOffered {
        input: input.to_owned(),
        provider: provider.id().to_owned(),
        model: m.id().to_owned(),
        offered_by: view.offered_by(m),
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
        suggestions: Suggestions::new(input, start..input.len(), NameKind::Model, view.names()),
        provider: Some(provider.id.clone()),
    }
}

/// Rules 3 and 4 once the provider is known: `model` is what follows the separator.
fn qualified<'c: 'i, 'i, V: View<'c>>(
    view: V,
    input: &'i str,
    hit: ProviderHit<'c>,
    model: &'i str,
    separator: Separator,
) -> Result<Resolution<'c, 'i>, ResolveError> {
    let provider = hit.provider;
    let prefix = Some(Prefix {
        separator,
        matched: hit.matched,
    });
    let pass_through = Resolution {
        provider,
        model: None,
        upstream_id: model,
        matched: MatchKind::PassThrough,
        prefix,
        overrides_builtin: hit.replaced,
    };
    if let Some(found) = view.model_key(model) {
        let m = found.model;
        if let Some(upstream_id) = view.offer(provider, &found) {
            return Ok(Resolution {
                provider,
                model: Some(m),
                upstream_id,
                matched: found.matched,
                prefix,
                overrides_builtin: hit.replaced || found.key_override,
            });
        }
        if provider.is_aggregator() || !view.lists_models(provider) {
            return Ok(pass_through);
        }
        return Err(not_offered(view, input, provider, m));
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

/// Resolution with options: refuse retired models, refuse pass-throughs, and the date to
/// judge lifecycle on. The default behaves as [`resolve_model`](crate::resolve_model).
///
/// ```
/// use model_catalog::{Date, Resolver, ResolveError};
///
/// let strict = Resolver::new()
///     .refuse_retired(true)
///     .pass_through(false)
///     .on(Date::from_ymd(2026, 11, 23).unwrap());
/// assert!(matches!(strict.resolve("gpt-3.5-turbo"), Err(ResolveError::Retired { .. })));
/// assert!(matches!(strict.resolve("openai:gpt-5-preview"), Err(ResolveError::PassThroughRefused { .. })));
/// assert_eq!(strict.resolve("gpt-4o").unwrap().model.unwrap().id(), "gpt-4o");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Resolver {
    refuse_retired: bool,
    pass_through: bool,
    date: Option<Date>,
}

impl Default for Resolver {
    fn default() -> Resolver {
        Resolver::new()
    }
}

impl Resolver {
    /// Retired models resolve, pass-throughs are allowed, lifecycle is judged today.
    pub const fn new() -> Resolver {
        Resolver {
            refuse_retired: false,
            pass_through: true,
            date: None,
        }
    }

    /// Whether to refuse models retired on the date judged ([`ResolveError::Retired`]).
    pub const fn refuse_retired(mut self, refuse: bool) -> Resolver {
        self.refuse_retired = refuse;
        self
    }

    /// Whether model strings the catalog does not know may be passed through to a named
    /// provider. `false` is strict mode: only catalog models resolve
    /// ([`ResolveError::PassThroughRefused`]).
    pub const fn pass_through(mut self, allow: bool) -> Resolver {
        self.pass_through = allow;
        self
    }

    /// Judge lifecycle on `date` instead of today (UTC).
    pub const fn on(mut self, date: Date) -> Resolver {
        self.date = Some(date);
        self
    }

    /// Resolves `input` against the built-in catalog with these options.
    pub fn resolve<'i>(&self, input: &'i str) -> Result<Resolution<'static, 'i>, ResolveError> {
        self.resolve_in(crate::builtin::Builtin, input)
    }

    pub(crate) fn resolve_in<'c: 'i, 'i, V: View<'c>>(
        &self,
        view: V,
        input: &'i str,
    ) -> Result<Resolution<'c, 'i>, ResolveError> {
        let r = resolve_in(view, input)?;
        match r.model {
            None if !self.pass_through => Err(ResolveError::PassThroughRefused {
                input: input.trim_ascii().to_owned(),
                provider: r.provider.id().to_owned(),
                model: r.upstream_id.to_owned(),
            }),
            Some(m) if self.refuse_retired => match m.retires() {
                Some(since) if since <= self.date.unwrap_or_else(Date::today) => {
                    Err(ResolveError::Retired {
                        input: input.trim_ascii().to_owned(),
                        model: m.id().to_owned(),
                        since,
                        successor: m.successor().map(str::to_owned),
                    })
                }
                _ => Ok(r),
            },
            _ => Ok(r),
        }
    }
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
