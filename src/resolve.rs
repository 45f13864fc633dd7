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

use crate::data::key::model_name_problem;
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

/// A catalog as the grammar sees it. The `bool`s say whether a run-time override of a
/// built-in name or provider was involved.
pub(crate) trait View<'c>: Copy {
    /// The model a name denotes (ASCII case ignored).
    fn model_key(self, name: &str) -> Option<(&'c Model, MatchKind, bool)>;
    /// The provider a name denotes (ASCII case ignored).
    fn provider_key(self, name: &str) -> Option<(&'c Provider, MatchKind, bool)>;
    /// The provider that defines `m`.
    fn home(self, m: &'c Model) -> (&'c Provider, bool);
    /// The upstream id `p` expects for `m`, if `p` offers it.
    fn offer(self, p: &'c Provider, m: &'c Model) -> Option<&'c str>;
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
    let s = input.trim_ascii();
    if s.is_empty() {
        return Err(ResolveError::Empty);
    }
    if let Some((m, matched, key_override)) = view.model_key(s) {
        let (provider, replaced) = view.home(m);
        return Ok(Resolution {
            provider,
            model: Some(m),
            upstream_id: m.upstream_id(),
            matched,
            prefix: None,
            overrides_builtin: key_override || replaced,
        });
    }
    let colon = s.find(':');
    for (at, separator) in [(colon, Separator::Colon), (s.find('/'), Separator::Slash)] {
        let Some(at) = at else { continue };
        if let Some((provider, matched, replaced)) = view.provider_key(&s[..at]) {
            let prefix = Prefix { separator, matched };
            return qualified(view, s, provider, &s[at + 1..], prefix, replaced);
        }
    }
    Err(match colon {
        Some(at) => ResolveError::UnknownProvider {
            input: s.to_owned(),
            provider: s[..at].to_owned(),
            suggestions: Suggestions::new(&s[..at], NameKind::Provider, view.names()),
        },
        None => ResolveError::UnknownModel {
            input: s.to_owned(),
            model: s.to_owned(),
            provider: None,
            suggestions: Suggestions::new(s, NameKind::Model, view.names()),
        },
    })
}

/// Rules 3 and 4 once the provider is known: `model` is what follows the separator.
fn qualified<'c: 'i, 'i, V: View<'c>>(
    view: V,
    input: &'i str,
    provider: &'c Provider,
    model: &'i str,
    prefix: Prefix,
    replaced: bool,
) -> Result<Resolution<'c, 'i>, ResolveError> {
    let pass_through = Resolution {
        provider,
        model: None,
        upstream_id: model,
        matched: MatchKind::PassThrough,
        prefix: Some(prefix),
        overrides_builtin: replaced,
    };
    if let Some((m, matched, key_override)) = view.model_key(model) {
        if let Some(upstream_id) = view.offer(provider, m) {
            return Ok(Resolution {
                provider,
                model: Some(m),
                upstream_id,
                matched,
                prefix: Some(prefix),
                overrides_builtin: replaced || key_override,
            });
        }
        if provider.is_aggregator() || !view.lists_models(provider) {
            return Ok(pass_through);
        }
        return Err(ResolveError::ModelNotOffered {
            input: input.to_owned(),
            provider: provider.id().to_owned(),
            model: m.id().to_owned(),
            offered_by: view.offered_by(m),
        });
    }
    if model_name_problem(model).is_none() {
        return Ok(pass_through);
    }
    Err(ResolveError::UnknownModel {
        input: input.to_owned(),
        model: model.to_owned(),
        provider: Some(provider.id().to_owned()),
        suggestions: Suggestions::new(model, NameKind::Model, view.names()),
    })
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
