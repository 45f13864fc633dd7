//! Routing: ordered fallback chains of providers for a model.
//!
//! A model is often served by several providers: its home provider (the one whose document
//! defines it) and the providers that [offer](crate::Offer) it. [`Catalog::route`] turns a
//! model string into an ordered list of [`Route`]s, the first to try first, filtered and
//! ordered by a [`RoutePolicy`]:
//!
//! ```
//! use model_catalog::route::{route, RoutePolicy, RouteSort};
//!
//! // `gpt-oss-120b` is defined by Groq and offered by NanoGPT and OpenRouter.
//! let chain = route("gpt-oss-120b", &RoutePolicy::new()).unwrap();
//! assert_eq!(chain[0].provider.id(), "groq");
//! assert!(chain.iter().any(|r| r.provider.id() == "openrouter"));
//!
//! // Cheapest first (3 input tokens per output token), at most two routes.
//! let policy = RoutePolicy::new()
//!     .sort(RouteSort::Price { input: 3, output: 1 })
//!     .max_routes(2);
//! let chain = route("gpt-oss-120b", &policy).unwrap();
//! assert_eq!(chain.len(), 2);
//! assert_eq!(chain[0].upstream_id, "openai/gpt-oss-120b");
//! ```
//!
//! # Candidates
//!
//! The input is resolved with the catalog's grammar ([`Catalog::resolve_model`], see
//! [`resolve`](mod@crate::resolve)); a resolution error is returned as
//! [`RouteError::Resolve`]. Then:
//!
//! - A catalog model named without a provider (`gpt-oss-120b`, an alias, or an upstream id
//!   such as `openai/gpt-oss-120b`) has as candidates its home provider, then every provider
//!   offering it, in the order of [`Catalog::offers_of`] (the catalog order).
//! - An explicit provider prefix (`openrouter:gpt-oss-120b`, `groq/gpt-oss-120b`) restricts
//!   the candidates to that provider: the caller asked for it. The policy still applies, so
//!   the chain has one route or the call fails with [`RouteError::NoRoute`].
//! - A pass-through (a model string the catalog does not know, sent to a named provider as
//!   is, such as `openrouter:meta-llama/Llama-3.3-70B-Instruct`) has exactly one candidate:
//!   the named provider, with the input's model string as the upstream id, no catalog model
//!   and no known prices or capabilities.
//!
//! # Rules
//!
//! Each candidate is checked against the policy's rules in this order; the first rule that
//! fails removes it, and that rule is the [`RejectReason`] reported for it:
//!
//! 1. the deny list ([`RejectReason::Denied`]);
//! 2. the allow list ([`RejectReason::NotAllowed`]);
//! 3. the keys held ([`RejectReason::NoKey`]);
//! 4. the required capabilities, in the order required
//!    ([`RejectReason::CapabilityMissing`], [`RejectReason::CapabilityUnknown`]);
//! 5. the required API surface, then the required parameters in the order required
//!    ([`RejectReason::SurfaceMissing`], [`RejectReason::ParamUnsupported`],
//!    [`RejectReason::ParamUnknown`]);
//! 6. the maximum input price, then the maximum output price
//!    ([`RejectReason::OverMaxPrice`], [`RejectReason::PriceUnknown`]).
//!
//! Every fact a rule needs must be known: an unknown capability, parameter or price fails
//! the rule with its own reason rather than passing it. The candidates left are ordered
//! (preference, then [`RouteSort`]) and cut to the maximum chain length
//! ([`RejectReason::Truncated`]).

use crate::error::Esc;
use crate::{
    ApiSurface, Capability, Catalog, MatchKind, Model, Offer, Price, PriceKind, Pricing, Provider,
    ResolveError, Support, Surface,
};
use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::fmt;

/// One way to serve a request: a provider, the model id to send it, and what applies there.
///
/// Borrows the catalog (`'c`). A pass-through's upstream id is copied from the input, so a
/// route never borrows the model string it was made from.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Route<'c> {
    /// The provider to send the request to.
    pub provider: &'c Provider,
    /// The catalog model; `None` for a pass-through.
    pub model: Option<&'c Model>,
    /// The offer this route uses, when the provider serves the model on behalf of its home
    /// provider; `None` for the home provider and for a pass-through.
    pub offer: Option<&'c Offer>,
    /// The model id to send to this provider: the offer's upstream id, else the model's, else
    /// (pass-through) the model part of the input as written.
    pub upstream_id: Cow<'c, str>,
    /// The provider's API base URL, where known.
    pub base_url: Option<&'c str>,
    /// The API surface to call: the one the policy requires ([`RoutePolicy::surface`], else
    /// the surface of the first [`RoutePolicy::param`]), else the provider's first recorded
    /// surface; `None` when the provider records none.
    pub surface: Option<&'c ApiSurface>,
    /// Whether the caller must supply its own provider key here: the provider requires a key
    /// and the gateway does not supply credentials for it.
    pub key_required: bool,
    /// The prices that apply on this route: the offer's, field by field falling back to the
    /// model's ([`Offer::pricing`]); for a served name (a dated snapshot) its own, likewise
    /// ([`Resolution::pricing`](crate::Resolution::pricing)); else the model's; empty for a
    /// pass-through.
    pub pricing: Pricing,
}

/// How to order the routes that pass the policy. Every sort is stable: routes that compare
/// equal, and routes that lack the value sorted on, keep the preference order
/// ([`RoutePolicy::prefer`], then catalog order).
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub enum RouteSort {
    /// No sort: preferred providers first, in the order preferred, then the others in
    /// catalog order (home provider, then offers in catalog order).
    #[default]
    Preference,
    /// Cheapest first by the route's prices, blended `input : output` (for example 3 : 1 for
    /// three input tokens per output token). Compared exactly, in integers. A price whose
    /// weight is 0 is not needed; routes lacking a needed price come last.
    Price {
        /// Weight of the input price.
        input: u32,
        /// Weight of the output price.
        output: u32,
    },
    /// Lowest first by caller-supplied latency figures (any unit, the same for all), keyed by
    /// provider id or alias (ASCII case ignored, resolved through the catalog). Providers
    /// without a figure come last; a NaN counts as no figure; keys naming no provider are
    /// ignored; when several keys name one provider, the largest figure counts.
    Latency(HashMap<String, f64>),
    /// Lowest first by caller-supplied error rates, keyed and treated as for
    /// [`Latency`](RouteSort::Latency).
    ErrorRate(HashMap<String, f64>),
}

/// What routes are acceptable and in which order: a builder, like [`Query`](crate::Query).
///
/// The default has no constraints: every candidate passes, in catalog order (the home
/// provider, then the offering providers in catalog order), with no limit on the chain's
/// length.
///
/// Providers are named by id or alias, ASCII case ignored, resolved through the catalog
/// routed over when routing. A name that denotes no provider there matches nothing (so an
/// allow list of unknown names allows nothing, and an unknown name in a deny list denies
/// nothing); check a policy once with [`unknown_providers`](RoutePolicy::unknown_providers)
/// to catch typos.
///
/// ```
/// use model_catalog::route::{route, RoutePolicy};
/// use model_catalog::{Capability, Price, Surface};
///
/// let policy = RoutePolicy::new()
///     .prefer("open-router")         // an alias of `openrouter`
///     .deny("hyperbolic")
///     .keys(["groq", "openrouter"])  // the caller holds keys for these two only
///     .capability(Capability::Tools)
///     .param(Surface::ChatCompletions, "tools")
///     .max_input_price("0.5".parse::<Price>().unwrap());
/// // OpenRouter records no parameter list for its chat surface, so `tools` is unknown there
/// // and only Groq, which records one, passes.
/// let chain = route("gpt-oss-120b", &policy).unwrap();
/// let ids: Vec<_> = chain.iter().map(|r| r.provider.id()).collect();
/// assert_eq!(ids, ["groq"]);
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RoutePolicy {
    prefer: Vec<String>,
    allow: Option<Vec<String>>,
    deny: Vec<String>,
    keys: Option<Vec<String>>,
    capabilities: Vec<Capability>,
    surface: Option<Surface>,
    params: Vec<(Surface, String)>,
    max_input_price: Option<Price>,
    max_output_price: Option<Price>,
    sort: RouteSort,
    max_routes: Option<usize>,
}

impl RoutePolicy {
    /// A policy with no constraints, in catalog order.
    pub fn new() -> RoutePolicy {
        RoutePolicy::default()
    }

    /// Prefer `provider` (id or alias): preferred providers come first, in the order of the
    /// calls, ahead of the others in catalog order. Repeatable. A sort
    /// ([`RoutePolicy::sort`]) reorders them, keeping this order among ties.
    ///
    /// ```
    /// use model_catalog::route::{route, RoutePolicy};
    /// let chain = route("gpt-oss-120b", &RoutePolicy::new().prefer("openrouter")).unwrap();
    /// assert_eq!(chain[0].provider.id(), "openrouter");
    /// assert_eq!(chain[1].provider.id(), "groq"); // then catalog order
    /// ```
    pub fn prefer(mut self, provider: &str) -> RoutePolicy {
        self.prefer.push(provider.to_owned());
        self
    }

    /// Allow `provider` (id or alias). Once any provider is allowed, the others are rejected
    /// ([`RejectReason::NotAllowed`]). Repeatable.
    pub fn allow(mut self, provider: &str) -> RoutePolicy {
        self.allow
            .get_or_insert_with(Vec::new)
            .push(provider.to_owned());
        self
    }

    /// Deny `provider` (id or alias): it is rejected ([`RejectReason::Denied`]), even if also
    /// allowed. Repeatable.
    pub fn deny(mut self, provider: &str) -> RoutePolicy {
        self.deny.push(provider.to_owned());
        self
    }

    /// The caller holds a key for `provider` (id or alias). Repeatable; see
    /// [`keys`](RoutePolicy::keys).
    pub fn key(self, provider: &str) -> RoutePolicy {
        self.keys([provider])
    }

    /// The caller holds keys for `providers` (ids or aliases), in addition to any named
    /// before.
    ///
    /// Once this or [`key`](RoutePolicy::key) is called, even with no names, the set of keys
    /// held is *set*: a provider that needs the caller's key (it requires a key and the
    /// gateway does not supply credentials for it, see [`Route::key_required`]) is rejected
    /// ([`RejectReason::NoKey`]) unless a key is held for it. Providers whose credentials
    /// the gateway supplies (OpenAI and Anthropic in the built-in catalog) and providers that
    /// need no key never need one.
    ///
    /// While it is *not set* (the default), keys are not considered: no provider is
    /// rejected for want of a key, and [`Route::key_required`] tells the caller which routes
    /// need one.
    ///
    /// ```
    /// use model_catalog::route::{route, RoutePolicy};
    /// // No keys at all: only providers that need none remain.
    /// let chain = route("gpt-4o", &RoutePolicy::new().keys(Vec::<&str>::new())).unwrap();
    /// assert_eq!(chain[0].provider.id(), "openai");
    /// assert!(!chain[0].key_required);
    /// ```
    pub fn keys<I, S>(mut self, providers: I) -> RoutePolicy
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.keys
            .get_or_insert_with(Vec::new)
            .extend(providers.into_iter().map(|p| p.as_ref().to_owned()));
        self
    }

    /// Require the model to be known to support `c`. Repeatable: all must hold. A capability
    /// known to be missing rejects with [`RejectReason::CapabilityMissing`], an unknown one
    /// (always so for a pass-through) with [`RejectReason::CapabilityUnknown`].
    pub fn capability(mut self, c: Capability) -> RoutePolicy {
        self.capabilities.push(c);
        self
    }

    /// Require the provider to have API surface `s`, and call it: routes' surface is `s`.
    /// Providers without it are rejected ([`RejectReason::SurfaceMissing`]); a recorded
    /// surface whose endpoint is not recorded does not count.
    pub fn surface(mut self, s: Surface) -> RoutePolicy {
        self.surface = Some(s);
        self
    }

    /// Require the provider's surface `surface` to accept top-level request parameter `param`
    /// (exact name, as [`ApiSurface::accepts`]). Repeatable: all must hold.
    ///
    /// A provider without the surface is rejected with [`RejectReason::SurfaceMissing`];
    /// one whose surface is known not to accept the parameter with
    /// [`RejectReason::ParamUnsupported`]; one whose surface does not record its parameters
    /// with [`RejectReason::ParamUnknown`]. Without [`surface`](RoutePolicy::surface), the
    /// routes' surface is that of the first parameter required.
    pub fn param(mut self, surface: Surface, param: &str) -> RoutePolicy {
        self.params.push((surface, param.to_owned()));
        self
    }

    /// Keep routes whose input price is known and at most `p` (USD per million tokens).
    pub fn max_input_price(mut self, p: Price) -> RoutePolicy {
        self.max_input_price = Some(p);
        self
    }

    /// Keep routes whose output price is known and at most `p` (USD per million tokens).
    pub fn max_output_price(mut self, p: Price) -> RoutePolicy {
        self.max_output_price = Some(p);
        self
    }

    /// Order the routes that pass; see [`RouteSort`].
    pub fn sort(mut self, sort: RouteSort) -> RoutePolicy {
        self.sort = sort;
        self
    }

    /// Keep at most `n` routes, the first `n` in order; the others are reported as
    /// [`RejectReason::Truncated`] by [`Catalog::route_plan`]. A chain is never cut to
    /// nothing: `0` counts as `1`.
    pub fn max_routes(mut self, n: usize) -> RoutePolicy {
        self.max_routes = Some(n.max(1));
        self
    }

    /// The provider names in this policy that denote no provider of `catalog`, in the
    /// order: preferred, allowed, denied, keys held, then the keys of the
    /// [`RouteSort::Latency`] or [`RouteSort::ErrorRate`] figures (sorted). Empty when every
    /// name is known. Routing ignores such names; call this once when loading a policy to
    /// catch typos.
    ///
    /// ```
    /// use model_catalog::route::RoutePolicy;
    /// use model_catalog::Catalog;
    /// let p = RoutePolicy::new().deny("open-router").deny("openrouterr");
    /// assert_eq!(p.unknown_providers(&Catalog::builtin()), ["openrouterr"]);
    /// ```
    pub fn unknown_providers<'p>(&'p self, catalog: &Catalog) -> Vec<&'p str> {
        let mut figures: Vec<&str> = match &self.sort {
            RouteSort::Latency(f) | RouteSort::ErrorRate(f) => f.keys().map(|k| &**k).collect(),
            _ => Vec::new(),
        };
        figures.sort_unstable();
        self.prefer
            .iter()
            .chain(self.allow.iter().flatten())
            .chain(&self.deny)
            .chain(self.keys.iter().flatten())
            .map(|s| &**s)
            .chain(figures)
            .filter(|name| catalog.lookup_provider(name).is_none())
            .collect()
    }
}

/// Why a candidate provider is not in the chain. The [`Display`](fmt::Display) form is a
/// phrase about the provider, such as "not on the allow list".
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RejectReason {
    /// On the deny list.
    Denied,
    /// Not on the allow list.
    NotAllowed,
    /// Needs the caller's own key, and the policy's keys held do not include it.
    NoKey,
    /// The model is known not to support the capability.
    CapabilityMissing(Capability),
    /// Whether the model supports the capability is unknown (always for a pass-through).
    CapabilityUnknown(Capability),
    /// The provider has no such API surface in the catalog.
    SurfaceMissing(Surface),
    /// The provider's surface is known not to accept the parameter.
    ParamUnsupported {
        /// The surface.
        surface: Surface,
        /// The parameter.
        param: String,
    },
    /// The provider's surface does not record which parameters it accepts.
    ParamUnknown {
        /// The surface.
        surface: Surface,
        /// The parameter.
        param: String,
    },
    /// A price on this route is over the policy's maximum.
    OverMaxPrice {
        /// Which price: [`PriceKind::Input`] or [`PriceKind::Output`].
        kind: PriceKind,
        /// The route's price.
        price: Price,
        /// The maximum.
        max: Price,
    },
    /// A price the policy caps is unknown on this route.
    PriceUnknown(PriceKind),
    /// The route passed every rule but the chain was already at its maximum length. Only
    /// [`Catalog::route_plan`] reports it: a chain is never cut to nothing, so it is never the
    /// reason in a [`RouteError::NoRoute`].
    Truncated,
}

impl RejectReason {
    /// A stable snake_case name: `denied`, `not_allowed`, `no_key`, `capability_missing`,
    /// `capability_unknown`, `surface_missing`, `param_unsupported`, `param_unknown`,
    /// `over_max_price`, `price_unknown`, `truncated`.
    pub fn kind(&self) -> &'static str {
        match self {
            RejectReason::Denied => "denied",
            RejectReason::NotAllowed => "not_allowed",
            RejectReason::NoKey => "no_key",
            RejectReason::CapabilityMissing(_) => "capability_missing",
            RejectReason::CapabilityUnknown(_) => "capability_unknown",
            RejectReason::SurfaceMissing(_) => "surface_missing",
            RejectReason::ParamUnsupported { .. } => "param_unsupported",
            RejectReason::ParamUnknown { .. } => "param_unknown",
            RejectReason::OverMaxPrice { .. } => "over_max_price",
            RejectReason::PriceUnknown(_) => "price_unknown",
            RejectReason::Truncated => "truncated",
        }
    }
}

impl fmt::Display for RejectReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RejectReason::Denied => f.write_str("on the deny list"),
            RejectReason::NotAllowed => f.write_str("not on the allow list"),
            RejectReason::NoKey => f.write_str("needs the caller's provider key, and none is held"),
            RejectReason::CapabilityMissing(c) => {
                write!(f, "the model does not support `{c}`")
            }
            RejectReason::CapabilityUnknown(c) => {
                write!(f, "not known whether the model supports `{c}`")
            }
            RejectReason::SurfaceMissing(s) => write!(f, "has no `{s}` API surface"),
            RejectReason::ParamUnsupported { surface, param } => {
                write!(f, "its `{surface}` surface does not accept `{}`", Esc(param))
            }
            RejectReason::ParamUnknown { surface, param } => write!(
                f,
                "not known whether its `{surface}` surface accepts `{}` (its parameters are not recorded)",
                Esc(param)
            ),
            RejectReason::OverMaxPrice { kind, price, max } => write!(
                f,
                "{kind} price {price} USD/Mtok is over the maximum {max} USD/Mtok"
            ),
            RejectReason::PriceUnknown(kind) => {
                write!(f, "{kind} price unknown, so the maximum cannot be checked")
            }
            RejectReason::Truncated => f.write_str("beyond the maximum chain length"),
        }
    }
}

/// A candidate provider that is not in the chain, and the first rule that removed it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Rejection {
    /// The provider's id.
    pub provider: String,
    /// Why it was removed.
    pub reason: RejectReason,
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}`: {}", Esc(&self.provider), self.reason)
    }
}

/// Rejections, joined with `; `.
struct Rejections<'a>(&'a [Rejection]);

impl fmt::Display for Rejections<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, r) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{r}")?;
        }
        Ok(())
    }
}

/// Why no chain of routes could be made.
///
/// ```
/// use model_catalog::route::{route, RejectReason, RouteError, RoutePolicy};
///
/// let err = route("groq:gpt-oss-120b", &RoutePolicy::new().deny("groq")).unwrap_err();
/// assert_eq!(err.kind(), "no_route");
/// assert_eq!(err.rejected()[0].reason, RejectReason::Denied);
/// assert_eq!(
///     err.to_string(),
///     "no provider can serve `groq:gpt-oss-120b` under the routing policy: `groq`: on the deny list"
/// );
///
/// let err = route("gpt-4-o", &RoutePolicy::new()).unwrap_err();
/// assert!(matches!(err, RouteError::Resolve(_)));
/// assert_eq!(err.kind(), "unknown_model");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RouteError {
    /// The model string did not resolve.
    #[error(transparent)]
    Resolve(#[from] ResolveError),
    /// Every candidate provider was rejected by the policy.
    #[error(
        "no provider can serve `{}` under the routing policy: {}",
        Esc(input),
        Rejections(rejected)
    )]
    NoRoute {
        /// The trimmed input.
        input: String,
        /// The catalog model's id; `None` for a pass-through.
        model: Option<String>,
        /// One rejection per candidate, in preference order (preferred providers, then
        /// catalog order).
        rejected: Vec<Rejection>,
    },
}

impl RouteError {
    /// A stable snake_case name: `no_route`, or the [`ResolveError::kind`] of a resolution
    /// error.
    pub fn kind(&self) -> &'static str {
        match self {
            RouteError::Resolve(e) => e.kind(),
            RouteError::NoRoute { .. } => "no_route",
        }
    }

    /// The rejected candidates of a [`RouteError::NoRoute`]; empty for a resolution error.
    pub fn rejected(&self) -> &[Rejection] {
        match self {
            RouteError::NoRoute { rejected, .. } => rejected,
            RouteError::Resolve(_) => &[],
        }
    }
}

/// A chain of routes with the candidates left out of it: what [`Catalog::route_plan`]
/// returns.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RoutePlan<'c> {
    /// The chain, never empty: the first route to try first.
    pub routes: Vec<Route<'c>>,
    /// The candidates not in the chain: those a rule removed, in preference order, then
    /// those cut by [`RoutePolicy::max_routes`] ([`RejectReason::Truncated`]), in chain
    /// order.
    pub rejected: Vec<Rejection>,
}

/// The built-in catalog, for the free functions.
static BUILTIN: Catalog = Catalog::builtin();

/// [`Catalog::route`] over the built-in catalog.
///
/// ```
/// use model_catalog::route::{route, RoutePolicy};
/// let chain = route("openrouter:meta-llama/Llama-3.3-70B-Instruct", &RoutePolicy::new()).unwrap();
/// assert_eq!(chain.len(), 1); // a pass-through: the named provider only
/// assert!(chain[0].model.is_none());
/// assert_eq!(chain[0].upstream_id, "meta-llama/Llama-3.3-70B-Instruct");
/// ```
pub fn route(model: &str, policy: &RoutePolicy) -> Result<Vec<Route<'static>>, RouteError> {
    BUILTIN.route(model, policy)
}

/// [`Catalog::route_plan`] over the built-in catalog.
pub fn route_plan(model: &str, policy: &RoutePolicy) -> Result<RoutePlan<'static>, RouteError> {
    BUILTIN.route_plan(model, policy)
}

impl Catalog {
    /// The ordered fallback chain of routes for `model` under `policy`: never empty.
    ///
    /// See the [module documentation](mod@crate::route) for the candidates and rules.
    /// Errors: [`RouteError::Resolve`] when `model` does not resolve,
    /// [`RouteError::NoRoute`] (with one reason per candidate) when the policy rejects every
    /// candidate.
    ///
    /// ```
    /// use model_catalog::route::RoutePolicy;
    /// use model_catalog::{Catalog, CustomProvider};
    ///
    /// // A custom provider offering a built-in model adds a route.
    /// let mut b = Catalog::builder();
    /// b.provider(
    ///     CustomProvider::new("internal-vllm", "Internal vLLM")
    ///         .key_required(false)
    ///         .offer("gpt-oss-120b", "openai/gpt-oss-120b"),
    /// );
    /// let catalog = b.build().unwrap();
    /// let chain = catalog.route("gpt-oss-120b", &RoutePolicy::new().key("groq")).unwrap();
    /// let ids: Vec<_> = chain.iter().map(|r| r.provider.id()).collect();
    /// assert_eq!(ids, ["groq", "internal-vllm"]); // the aggregators need keys not held
    /// ```
    pub fn route(&self, model: &str, policy: &RoutePolicy) -> Result<Vec<Route<'_>>, RouteError> {
        self.route_plan(model, policy).map(|p| p.routes)
    }

    /// [`Catalog::route`], also returning the candidates left out of a non-empty chain and
    /// why.
    ///
    /// ```
    /// use model_catalog::route::{RejectReason, RoutePolicy};
    /// use model_catalog::Catalog;
    ///
    /// let catalog = Catalog::builtin();
    /// let plan = catalog
    ///     .route_plan("gpt-oss-120b", &RoutePolicy::new().deny("nano-gpt").max_routes(1))
    ///     .unwrap();
    /// assert_eq!(plan.routes.len(), 1);
    /// let why: Vec<_> = plan.rejected.iter().map(|r| (r.provider.as_str(), &r.reason)).collect();
    /// assert_eq!(why[0], ("nano-gpt", &RejectReason::Denied));
    /// assert!(why[1..].iter().all(|(_, r)| **r == RejectReason::Truncated));
    /// ```
    pub fn route_plan<'c>(
        &'c self,
        model: &str,
        policy: &RoutePolicy,
    ) -> Result<RoutePlan<'c>, RouteError> {
        let r = self.resolve_model(model)?;
        let chosen = policy
            .surface
            .or_else(|| policy.params.first().map(|(s, _)| *s));
        let mut candidates: Vec<Route<'c>> = Vec::new();
        // What the resolution names: a served name (a dated snapshot) and a fine-tune are
        // served by the provider that serves that name only; a named provider is the
        // caller's choice. The resolution's upstream id and prices apply.
        let pinned = r.prefix.is_some()
            || matches!(r.matched, MatchKind::ServedName | MatchKind::FineTune)
            || r.model.is_none();
        match r.model {
            Some(m) if !pinned => {
                let home = self.provider_of(m);
                candidates.push(route_for(
                    home,
                    Some(m),
                    None,
                    Cow::Borrowed(m.upstream_id()),
                    *m.pricing(),
                    chosen,
                ));
                for o in self.offers_of(m) {
                    candidates.push(route_for(
                        self.provider_of_offer(o),
                        Some(m),
                        Some(o),
                        Cow::Borrowed(o.upstream_id()),
                        o.pricing(m),
                        chosen,
                    ));
                }
            }
            _ => candidates.push(route_for(
                r.provider,
                r.model,
                r.offer,
                Cow::Owned(r.upstream_id.to_string()),
                r.pricing(),
                chosen,
            )),
        }
        plan(self, model, r.model, candidates, policy)
    }
}

/// A candidate route, before the policy.
fn route_for<'c>(
    provider: &'c Provider,
    model: Option<&'c Model>,
    offer: Option<&'c Offer>,
    upstream_id: Cow<'c, str>,
    pricing: Pricing,
    chosen: Option<Surface>,
) -> Route<'c> {
    let surface = match chosen {
        Some(s) => provider.surface(s),
        None => provider.api_surfaces().first(),
    };
    Route {
        provider,
        model,
        offer,
        upstream_id,
        base_url: provider.base_url(),
        surface,
        key_required: needs_key(provider),
        pricing,
    }
}

/// Whether the caller must supply its own key for `p`.
fn needs_key(p: &Provider) -> bool {
    p.key_required() && !p.gateway_credentials()
}

/// The catalog indexes of the providers `names` denote; unknown names are left out.
fn indexes(catalog: &Catalog, names: &[String]) -> Vec<u32> {
    names
        .iter()
        .filter_map(|n| catalog.lookup_provider(n).map(|p| p.index))
        .collect()
}

/// The first rule of `policy` that `route` fails, if any.
fn check(policy: &RoutePolicy, lists: &Lists, route: &Route<'_>) -> Option<RejectReason> {
    let p = route.provider;
    if lists.deny.contains(&p.index) {
        return Some(RejectReason::Denied);
    }
    if let Some(allow) = &lists.allow {
        if !allow.contains(&p.index) {
            return Some(RejectReason::NotAllowed);
        }
    }
    if let Some(keys) = &lists.keys {
        if needs_key(p) && !keys.contains(&p.index) {
            return Some(RejectReason::NoKey);
        }
    }
    for &c in &policy.capabilities {
        match route.model.map_or(Support::Unknown, |m| m.capability(c)) {
            Support::Yes => {}
            Support::No => return Some(RejectReason::CapabilityMissing(c)),
            Support::Unknown => return Some(RejectReason::CapabilityUnknown(c)),
        }
    }
    if let Some(s) = policy.surface {
        if p.surface(s).is_none() {
            return Some(RejectReason::SurfaceMissing(s));
        }
    }
    for (s, param) in &policy.params {
        let Some(surface) = p.surface(*s) else {
            return Some(RejectReason::SurfaceMissing(*s));
        };
        match surface.accepts(param) {
            Support::Yes => {}
            Support::No => {
                return Some(RejectReason::ParamUnsupported {
                    surface: *s,
                    param: param.clone(),
                })
            }
            Support::Unknown => {
                return Some(RejectReason::ParamUnknown {
                    surface: *s,
                    param: param.clone(),
                })
            }
        }
    }
    let caps = [
        (
            PriceKind::Input,
            policy.max_input_price,
            route.pricing.input,
        ),
        (
            PriceKind::Output,
            policy.max_output_price,
            route.pricing.output,
        ),
    ];
    for (kind, max, price) in caps {
        let Some(max) = max else { continue };
        match price {
            None => return Some(RejectReason::PriceUnknown(kind)),
            Some(price) if price > max => {
                return Some(RejectReason::OverMaxPrice { kind, price, max })
            }
            Some(_) => {}
        }
    }
    None
}

/// The policy's provider lists, resolved to catalog indexes.
struct Lists {
    prefer: Vec<u32>,
    allow: Option<Vec<u32>>,
    deny: Vec<u32>,
    keys: Option<Vec<u32>>,
}

/// The blended price of a route (smaller first); `None` when a needed price is unknown.
fn blended(pricing: &Pricing, input: u32, output: u32) -> Option<u128> {
    let part = |price: Option<Price>, weight: u32| -> Option<u128> {
        if weight == 0 {
            return Some(0);
        }
        price.map(|p| u128::from(p.picos_per_token()) * u128::from(weight))
    };
    // Each part is below 2^96, so the sum cannot overflow.
    Some(part(pricing.input, input)? + part(pricing.output, output)?)
}

/// Caller figures by provider index: NaN dropped, unknown names ignored, the largest figure
/// kept when several keys name one provider.
fn figures(catalog: &Catalog, map: &HashMap<String, f64>) -> HashMap<u32, f64> {
    let mut out: HashMap<u32, f64> = HashMap::new();
    for (name, &v) in map {
        if v.is_nan() {
            continue;
        }
        if let Some(p) = catalog.lookup_provider(name) {
            out.entry(p.index)
                .and_modify(|x| *x = x.max(v))
                .or_insert(v);
        }
    }
    out
}

/// Orders figures, lowest first, missing last; equal figures compare equal.
fn by_figure(a: Option<f64>, b: Option<f64>) -> Ordering {
    match (a, b) {
        // Neither is NaN (dropped by `figures`), so `partial_cmp` always answers.
        (Some(x), Some(y)) => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Applies `policy` to `candidates` (in catalog order).
fn plan<'c>(
    catalog: &'c Catalog,
    input: &str,
    model: Option<&Model>,
    mut candidates: Vec<Route<'c>>,
    policy: &RoutePolicy,
) -> Result<RoutePlan<'c>, RouteError> {
    let lists = Lists {
        prefer: indexes(catalog, &policy.prefer),
        allow: policy.allow.as_deref().map(|a| indexes(catalog, a)),
        deny: indexes(catalog, &policy.deny),
        keys: policy.keys.as_deref().map(|k| indexes(catalog, k)),
    };
    // Preferred providers first, in the order preferred; the rest keep catalog order.
    let rank = |p: &Provider| {
        lists
            .prefer
            .iter()
            .position(|&i| i == p.index)
            .unwrap_or(usize::MAX)
    };
    candidates.sort_by_key(|r| rank(r.provider));
    let mut routes = Vec::with_capacity(candidates.len());
    let mut rejected = Vec::new();
    for route in candidates {
        match check(policy, &lists, &route) {
            None => routes.push(route),
            Some(reason) => rejected.push(Rejection {
                provider: route.provider.id().to_owned(),
                reason,
            }),
        }
    }
    if routes.is_empty() {
        return Err(RouteError::NoRoute {
            input: input.trim_ascii().to_owned(),
            model: model.map(|m| m.id().to_owned()),
            rejected,
        });
    }
    // Stable sorts: ties keep the preference order.
    match &policy.sort {
        RouteSort::Preference => {}
        RouteSort::Price { input, output } => routes.sort_by_key(|r| {
            let key = blended(&r.pricing, *input, *output);
            (key.is_none(), key)
        }),
        RouteSort::Latency(map) | RouteSort::ErrorRate(map) => {
            let figures = figures(catalog, map);
            routes.sort_by(|a, b| {
                by_figure(
                    figures.get(&a.provider.index).copied(),
                    figures.get(&b.provider.index).copied(),
                )
            });
        }
    }
    if let Some(n) = policy.max_routes {
        if routes.len() > n {
            rejected.extend(routes.drain(n..).map(|r| Rejection {
                provider: r.provider.id().to_owned(),
                reason: RejectReason::Truncated,
            }));
        }
    }
    Ok(RoutePlan { routes, rejected })
}
