//! [`Resolution`]: what a model string resolved to, and the facts that apply to the request
//! it names: the serving provider's prices, the served name's limits and lifecycle.

use crate::abilities::{self, Abilities};
use crate::cost::PriceKind;
use crate::cost::{Cost, CostError, PriceSource};
use crate::data::capability::{Capability, Support};
use crate::data::date::Date;
use crate::data::grammar::is_fine_tune_prefixed;
use crate::data::key::MatchKind;
use crate::data::modality::Modalities;
use crate::data::price::Pricing;
use crate::lifecycle::Lifecycle;
use crate::model::Model;
use crate::offer::Offer;
use crate::price_layers::{self, Priced};
use crate::provider::Provider;
use crate::request::{self, Request, Violation};
use crate::served::ServedName;
use crate::usage::Usage;
use std::borrow::Cow;

/// What a model string resolved to.
///
/// Borrows the catalog (`'c`) and, for a pass-through's upstream id, the input (`'i`):
/// resolving allocates nothing (but for a fine-tune id typed with an upper-case `FT:`, whose
/// prefix is sent in lower case). The provider and model outlive the input.
///
/// ```
/// use model_catalog::{resolve_model, MatchKind, Separator};
///
/// let r = resolve_model("groqcloud:llama-3.3-70b").unwrap();
/// assert_eq!(r.provider.id(), "groq");
/// assert_eq!(r.model.unwrap().id(), "llama-3.3-70b-versatile");
/// assert_eq!(r.upstream_id, "meta-llama/llama-3.3-70b-versatile");
/// assert_eq!(r.matched, MatchKind::Alias);
/// assert_eq!(r.matched_name(), "llama-3.3-70b");
/// assert_eq!(r.prefix.unwrap().separator, Separator::Colon);
///
/// let r = resolve_model("openai:gpt-5-preview").unwrap();
/// assert!(r.model.is_none());
/// assert_eq!(r.upstream_id, "gpt-5-preview");
/// assert_eq!(r.matched, MatchKind::PassThrough);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
#[must_use]
pub struct Resolution<'c, 'i> {
    /// The provider to send the request to.
    pub provider: &'c Provider,
    /// The catalog model: the one the name resolves to (for a served name such as a dated
    /// snapshot, the model it resolves to; for a fine-tune, its base model where the catalog
    /// knows it). `None` for a pass-through.
    pub model: Option<&'c Model>,
    /// The offer through which [`provider`](Resolution::provider) serves the model when it
    /// is not the model's home provider (`openrouter:gpt-oss-120b`); `None` otherwise.
    pub offer: Option<&'c Offer>,
    /// The model id to send upstream: the catalog's spelling for a catalog name (a served
    /// name is sent as itself, an alias as the model's upstream id, an offer as the offering
    /// provider's id), the input's for a pass-through, a fine-tune id as written with its
    /// `ft:` prefix in lower case.
    pub upstream_id: Cow<'i, str>,
    /// How the model part matched.
    pub matched: MatchKind,
    /// How the provider was named, if it was; `None` when it was implied by the model.
    pub prefix: Option<Prefix>,
    /// Whether a run-time [`Catalog`](crate::Catalog) override of a built-in provider or
    /// model name decided this answer. Always `false` for the built-in catalog.
    pub overrides_builtin: bool,
    /// For a pass-through set by a [`Resolver`](crate::Resolver): a model id this provider
    /// serves (a model's id or upstream id, a served name, an offer's upstream id; not an
    /// alias) within a small edit distance of the name passed through (`openai:gpt-4o-mni` is
    /// near `gpt-4o-mini`), so that a gateway can warn. `None` otherwise, and always from
    /// [`resolve_model`](crate::resolve_model).
    pub near_miss: Option<&'c str>,
    /// The model part of the input as typed (trimmed).
    pub(crate) name: &'i str,
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
    /// `provider:model` (also written `provider::model`).
    Colon,
    /// `provider/model`.
    Slash,
}

impl<'c, 'i> Resolution<'c, 'i> {
    /// Whether the model string is passed to the provider without a catalog model.
    pub fn is_pass_through(&self) -> bool {
        self.model.is_none()
    }

    /// Whether the input is an OpenAI fine-tune id (`ft:gpt-4o-mini-2024-07-18:acme::abc`).
    /// Its [`model`](Resolution::model) is the base model where the catalog knows it; its
    /// prices are the fine-tune prices, never the base model's.
    pub fn is_fine_tune(&self) -> bool {
        self.matched == MatchKind::FineTune
    }

    /// The name that matched, as it is spelled in the catalog (`gpt-4o-2024-05-13` for an
    /// input `GPT-4o-2024-05-13`, the alias `GPT-5 mini` for `gpt-5 MINI`); for a
    /// pass-through or a fine-tune, the name as typed. Log it beside
    /// [`upstream_id`](Resolution::upstream_id): "you asked for X, we sent Y".
    ///
    /// ```
    /// let r = model_catalog::resolve_model("openai:GPT-5 MINI").unwrap();
    /// assert_eq!((r.matched_name(), &*r.upstream_id), ("GPT-5 mini", "gpt-5-mini"));
    /// ```
    pub fn matched_name(&self) -> &'i str
    where
        'c: 'i,
    {
        let Some(m) = self.model else {
            return self.name;
        };
        let name = self.name;
        let same = move |s: &&'c str| s.eq_ignore_ascii_case(name);
        let own: Option<&'c str> = match self.matched {
            MatchKind::Id => Some(m.id()),
            // The model's upstream id or the serving offer's; another provider's offer id
            // (a bare `openai/gpt-5.2` resolving at OpenAI) is given as typed.
            MatchKind::UpstreamId => std::iter::once(m.upstream_id())
                .chain(self.offer.map(Offer::upstream_id))
                .find(same),
            MatchKind::Alias => m.aliases().find(same),
            // A served name, or the serving offer's id that names one
            // (`openai/gpt-4o-2024-05-13`).
            MatchKind::ServedName => m
                .served_names()
                .map(ServedName::id)
                .chain(self.offer.map(Offer::upstream_id))
                .find(same),
            MatchKind::FineTune | MatchKind::PassThrough => None,
        };
        own.unwrap_or(self.name)
    }

    /// The served name the input named (a dated snapshot, an id such as `chatgpt-4o-latest`, a variant),
    /// or that is sent upstream (an offer, or a model, whose upstream id is a served name of
    /// the model, also behind a vendor prefix, serves that snapshot however the model was
    /// named), whose facts take precedence over the model's; for a fine-tune, the served
    /// name of its base where the base is one.
    pub fn served_name(&self) -> Option<&'c ServedName> {
        served_sent_as(self.model?, &self.upstream_id)
    }

    /// The context window of what is served, from the first that records one: the offer
    /// (when another provider serves the model, its own limit there), the served name, the
    /// model; `None` when unknown or for a pass-through.
    ///
    /// ```
    /// use model_catalog::resolve_model;
    /// // Groq's own limit, and OpenRouter's for the same model.
    /// assert_eq!(resolve_model("groq:llama-4-scout-17b-16e-instruct").unwrap().context_window(), Some(131_072));
    /// assert_eq!(resolve_model("openrouter:llama-4-scout-17b-16e-instruct").unwrap().context_window(), Some(327_680));
    /// ```
    pub fn context_window(&self) -> Option<u32> {
        self.limits().0
    }

    /// The output limit of what is served, likewise: the offer's, the served name's, the
    /// model's; at most the context window that applies (an offer may record its context
    /// window and not its output limit).
    ///
    /// ```
    /// let pinned = model_catalog::resolve_model("gpt-4o-2024-05-13").unwrap();
    /// assert_eq!(pinned.max_output_tokens(), Some(4_096));
    /// let current = model_catalog::resolve_model("gpt-4o").unwrap();
    /// assert_eq!(current.max_output_tokens(), Some(16_384));
    /// ```
    pub fn max_output_tokens(&self) -> Option<u32> {
        self.limits().1
    }

    /// The prompt limit of what is served: the model's, where it is below the context window
    /// that applies ([`Model::max_input_tokens`]); `None` otherwise or for a pass-through.
    pub fn max_input_tokens(&self) -> Option<u32> {
        self.input_limit_within(self.context_window())
    }

    /// The model's prompt limit where it is below `context`, the context window that applies.
    fn input_limit_within(&self, context: Option<u32>) -> Option<u32> {
        let limit = self.model?.max_input_tokens()?;
        match context {
            Some(context) if limit >= context => None,
            _ => Some(limit),
        }
    }

    /// The context window and output limit that apply.
    fn limits(&self) -> (Option<u32>, Option<u32>) {
        let Some(m) = self.model else {
            return (None, None);
        };
        let own = self.offer.map_or((None, None), |o| {
            (o.context_window(), o.max_output_tokens())
        });
        crate::offer::limits_through(own, self.served_name(), m)
    }

    /// Whether what is served has capability `c`: the offer's own flags and modalities
    /// where it records them (another provider may serve a model with more or fewer), else
    /// the model's; [`Support::Unknown`] for a pass-through.
    ///
    /// ```
    /// use model_catalog::{resolve_model, Capability, Support};
    ///
    /// // NanoGPT's qwen3-coder-plus calls no tools; OpenRouter's does.
    /// assert_eq!(resolve_model("qwen3-coder-plus").unwrap().capability(Capability::Tools), Support::No);
    /// assert_eq!(resolve_model("openrouter:qwen3-coder-plus").unwrap().capability(Capability::Tools), Support::Yes);
    /// ```
    pub fn capability(&self, c: Capability) -> Support {
        self.abilities().map_or(Support::Unknown, |a| a.support(c))
    }

    /// Every capability of what is served with its support, in [`Capability::ALL`] order
    /// (likewise).
    pub fn capabilities(&self) -> impl Iterator<Item = (Capability, Support)> + '_ {
        let abilities = self.abilities();
        Capability::ALL
            .iter()
            .map(move |&c| (c, abilities.map_or(Support::Unknown, |a| a.support(c))))
    }

    /// The kinds of input what is served takes, where known: the offer's, else the model's.
    pub fn input_modalities(&self) -> Option<Modalities> {
        self.abilities()?.input
    }

    /// The kinds of output it produces, where known (likewise).
    pub fn output_modalities(&self) -> Option<Modalities> {
        self.abilities()?.output
    }

    /// The flags and modalities that apply; `None` for a pass-through.
    fn abilities(&self) -> Option<Abilities> {
        abilities::served(self.model, self.offer)
    }

    /// Where what is served stands on `date`: the latest stage of the model's lifecycle,
    /// the served name's own and the offer's (a snapshot of a retired model is retired, and
    /// so is a model its provider still serves where the offering provider has stopped);
    /// `None` for a pass-through.
    pub fn lifecycle_on(&self, date: Date) -> Option<Lifecycle> {
        Some(lifecycle_sent_as(
            self.model?,
            &self.upstream_id,
            self.offer,
            date,
        ))
    }

    /// The earliest announced retirement of what is served (model, served name or offer).
    pub fn retires(&self) -> Option<Date> {
        let model = self.model?.retires();
        let served = self.served_name().and_then(ServedName::retires);
        let offer = self.offer.and_then(Offer::retires);
        [model, served, offer].into_iter().flatten().min()
    }

    /// Whether the caller must bring its own key for this provider: it requires a key and
    /// the gateway does not supply credentials for it.
    ///
    /// ```
    /// use model_catalog::resolve_model;
    /// assert!(!resolve_model("gpt-4o").unwrap().caller_key_required()); // gateway credentials
    /// assert!(resolve_model("groq:llama-3.3-70b").unwrap().caller_key_required());
    /// ```
    pub fn caller_key_required(&self) -> bool {
        self.provider.caller_key_required()
    }

    /// The prices of the provider that serves this request, each field from the first of:
    /// the offer (when another provider serves the model), the served name, the model; a
    /// cache-read price taken from a later one than the input price is at most that input
    /// price (cached tokens never cost more than uncached ones where they are served). A
    /// fine-tune has the fine-tune prices only (served name, then model); a pass-through has
    /// none. [`price_source`](Resolution::price_source) tells where each came from.
    ///
    /// ```
    /// use model_catalog::resolve_model;
    ///
    /// // OpenRouter serves gpt-oss-120b at its own prices, not Groq's.
    /// let r = resolve_model("openrouter:gpt-oss-120b").unwrap();
    /// assert_eq!(r.model.unwrap().provider_id(), "groq");
    /// assert_eq!(r.pricing().input, Some("0.03".parse().unwrap()));
    /// ```
    pub fn pricing(&self) -> Pricing {
        self.priced().pricing
    }

    /// Where the price of `kind` that [`pricing`](Resolution::pricing) gives comes from;
    /// `None` when it is unknown.
    pub fn price_source(&self, kind: PriceKind) -> Option<PriceSource> {
        self.priced().from[kind.index()]
    }

    /// The prices and where each comes from.
    fn priced(&self) -> Priced {
        let Some(m) = self.model else {
            return price_layers::priced([(None, PriceSource::Model); 3]);
        };
        let served = self.served_name();
        price_layers::priced(if self.is_fine_tune() {
            [
                (
                    served.map(ServedName::fine_tune_pricing),
                    PriceSource::FineTune,
                ),
                (Some(m.fine_tune_pricing()), PriceSource::FineTune),
                (None, PriceSource::FineTune),
            ]
        } else {
            [
                (self.offer.map(Offer::own_pricing), PriceSource::Offer),
                (served.map(ServedName::pricing), PriceSource::ServedName),
                (Some(m.pricing()), PriceSource::Model),
            ]
        })
    }

    /// The exact cost of `usage` at the serving provider's prices
    /// ([`pricing`](Resolution::pricing)). When another provider serves the model and its
    /// offer lacks a price that `usage` needs, that bucket is priced at the model's own price
    /// and the cost says so ([`Cost::fallback`]); [`cost_strict`](Resolution::cost_strict)
    /// refuses instead.
    ///
    /// ```
    /// use model_catalog::{resolve_model, Usage};
    ///
    /// let usage = Usage::new().input_tokens(1_000_000).output_tokens(1_000_000);
    /// let cost = resolve_model("openrouter:gpt-oss-120b").unwrap().cost(&usage).unwrap();
    /// assert_eq!(cost.total.to_string(), "0.18"); // OpenRouter's $0.03 + $0.15, not Groq's
    /// assert!(!cost.fallback);
    /// ```
    pub fn cost(&self, usage: &Usage) -> Result<Cost, CostError> {
        let priced = self.priced();
        let mut cost = priced.pricing.cost(usage)?;
        if self.offer.is_some() {
            cost.fallback = priced.borrows(usage);
        }
        Ok(cost)
    }

    /// [`cost`](Resolution::cost) at the serving provider's own prices only: a price the
    /// offer lacks is [`CostError::MissingPrice`], never the model's.
    pub fn cost_strict(&self, usage: &Usage) -> Result<Cost, CostError> {
        match self.offer {
            Some(o) => o.own_pricing().cost(usage),
            None => self.cost(usage),
        }
    }

    /// Every way `request` does not fit what is served: the limits that apply (the offer's,
    /// the served name's, the model's) and the capabilities and modalities
    /// ([`capability`](Resolution::capability)); empty when it fits or for a pass-through,
    /// whose limits are unknown.
    ///
    /// ```
    /// use model_catalog::{resolve_model, Request};
    /// let req = Request { input_tokens: 1_000, max_output_tokens: Some(8_000), ..Request::default() };
    /// assert!(resolve_model("gpt-4o").unwrap().check(&req).is_empty());
    /// assert_eq!(resolve_model("gpt-4o-2024-05-13").unwrap().check(&req).len(), 1); // 4,096 out
    /// ```
    pub fn check(&self, request: &Request) -> Vec<Violation> {
        match self.abilities() {
            Some(a) => {
                let (context_window, max_output_tokens) = self.limits();
                let limits = request::Limits {
                    context_window,
                    max_input_tokens: self.input_limit_within(context_window),
                    max_output_tokens,
                };
                request::check(request, limits, &a)
            }
            None => Vec::new(),
        }
    }
}

/// The served name of `m` that sending `upstream` to its provider asks for: the one sent as
/// `upstream` (ASCII case ignored), or for a fine-tune id (`ft:<base>:...`) its base's. For
/// resolutions and routes alike.
pub(crate) fn served_sent_as<'m>(m: &'m Model, upstream: &str) -> Option<&'m ServedName> {
    if is_fine_tune_prefixed(upstream) {
        m.served_name(fine_tune_base(upstream)?)
    } else {
        m.served_as(upstream)
    }
}

/// Where `m`, sent as `upstream` (through `offer`, where another provider serves it), stands
/// on `date`: the latest stage of the model's lifecycle, the served name's that `upstream`
/// asks for ([`served_sent_as`]) and the offer's. For resolutions and routes alike.
pub(crate) fn lifecycle_sent_as(
    m: &Model,
    upstream: &str,
    offer: Option<&Offer>,
    date: Date,
) -> Lifecycle {
    let mut stage = m.lifecycle_on(date);
    if let Some(s) = served_sent_as(m, upstream) {
        stage = s.lifecycle_on(date).worst(stage);
    }
    if let Some(o) = offer {
        stage = o.lifecycle_on(date).worst(stage);
    }
    stage
}

/// The base model of fine-tune id `id` (`ft:<base>:<organization>:<suffix>:<id>`), if it is
/// well formed: a base and something after it.
pub(crate) fn fine_tune_base(id: &str) -> Option<&str> {
    // `<base>:<organization>:<suffix>:<id>`, the suffix possibly empty (`ft:davinci-002:
    // personal::7qTVM5AR`), and a checkpoint's `:ckpt-step-<n>` after it.
    let mut parts = id.get(3..)?.split(':');
    let (base, organization, _suffix, job) =
        (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    let checkpoint = parts.next();
    let well_formed = !base.is_empty()
        && !organization.is_empty()
        && !job.is_empty()
        && checkpoint.is_none_or(|c| !c.is_empty())
        && parts.next().is_none();
    well_formed.then_some(base)
}
