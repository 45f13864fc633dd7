//! [`RoutePolicy`]: which routes are acceptable and in which order.

use crate::data::capability::Capability;
use crate::data::date::Date;
use crate::data::price::Price;
use crate::data::surface::Surface;
use crate::tables::Tables;
use std::collections::HashMap;

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
/// nothing); check a policy once with
/// [`Catalog::unknown_providers`](crate::Catalog::unknown_providers)
/// to catch typos.
///
/// ```
/// use model_catalog::{route, RoutePolicy};
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
#[must_use = "a policy does nothing until it is routed with"]
pub struct RoutePolicy {
    pub(crate) prefer: Vec<String>,
    pub(crate) allow: Option<Vec<String>>,
    pub(crate) deny: Vec<String>,
    pub(crate) keys: Option<Vec<String>>,
    pub(crate) capabilities: Vec<Capability>,
    pub(crate) surface: Option<Surface>,
    pub(crate) params: Vec<(Surface, String)>,
    pub(crate) max_input_price: Option<Price>,
    pub(crate) max_output_price: Option<Price>,
    pub(crate) sort: RouteSort,
    pub(crate) max_routes: Option<usize>,
    pub(crate) active_on: Option<Date>,
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
    /// use model_catalog::{route, RoutePolicy};
    /// let chain = route("gpt-oss-120b", &RoutePolicy::new().prefer("openrouter")).unwrap();
    /// assert_eq!(chain[0].provider.id(), "openrouter");
    /// assert_eq!(chain[1].provider.id(), "groq"); // then catalog order
    /// ```
    pub fn prefer(mut self, provider: &str) -> RoutePolicy {
        self.prefer.push(provider.to_owned());
        self
    }

    /// Allow `provider` (id or alias). Once any provider is allowed, the others are rejected
    /// ([`RejectReason::NotAllowed`](crate::RejectReason::NotAllowed)). Repeatable.
    pub fn allow(mut self, provider: &str) -> RoutePolicy {
        self.allow
            .get_or_insert_with(Vec::new)
            .push(provider.to_owned());
        self
    }

    /// Deny `provider` (id or alias): it is rejected ([`RejectReason::Denied`](crate::RejectReason::Denied)), even if also
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
    /// gateway does not supply credentials for it, see [`Route::caller_key_required`](crate::Route::caller_key_required)) is rejected
    /// ([`RejectReason::NoKey`](crate::RejectReason::NoKey)) unless a key is held for it. Providers whose credentials
    /// the gateway supplies (OpenAI and Anthropic in the built-in catalog) and providers that
    /// need no key never need one.
    ///
    /// While it is *not set* (the default), keys are not considered: no provider is
    /// rejected for want of a key, and [`Route::caller_key_required`](crate::Route::caller_key_required) tells the caller which routes
    /// need one.
    ///
    /// ```
    /// use model_catalog::{route, RoutePolicy};
    /// // No keys at all: only providers that need none remain.
    /// let chain = route("gpt-4o", &RoutePolicy::new().keys(Vec::<&str>::new())).unwrap();
    /// assert_eq!(chain[0].provider.id(), "openai");
    /// assert!(!chain[0].caller_key_required);
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

    /// Require the model to be known to support `c` where the route serves it (through an
    /// offer, the offering provider's own flags and modalities where recorded, else the
    /// model's: [`Offer::capability`](crate::Offer::capability)). Repeatable: all must hold. A capability
    /// known to be missing rejects with [`RejectReason::CapabilityMissing`](crate::RejectReason::CapabilityMissing), an unknown one
    /// (always so for a pass-through) with [`RejectReason::CapabilityUnknown`](crate::RejectReason::CapabilityUnknown).
    pub fn capability(mut self, c: Capability) -> RoutePolicy {
        self.capabilities.push(c);
        self
    }

    /// Require the provider to have API surface `s`, and call it: routes' surface is `s`.
    /// Providers without it are rejected ([`RejectReason::SurfaceMissing`](crate::RejectReason::SurfaceMissing)); a recorded
    /// surface whose endpoint is not recorded does not count.
    pub fn surface(mut self, s: Surface) -> RoutePolicy {
        self.surface = Some(s);
        self
    }

    /// Require the provider's surface `surface` to accept top-level request parameter `param`
    /// (exact name, as [`ApiSurface::accepts`](crate::ApiSurface::accepts)). Repeatable: all must hold.
    ///
    /// A provider without the surface is rejected with [`RejectReason::SurfaceMissing`](crate::RejectReason::SurfaceMissing);
    /// one whose surface is known not to accept the parameter with
    /// [`RejectReason::ParamUnsupported`](crate::RejectReason::ParamUnsupported); one whose surface does not record its parameters
    /// with [`RejectReason::ParamUnknown`](crate::RejectReason::ParamUnknown). Without [`surface`](RoutePolicy::surface), the
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

    /// Leave out the routes retired on `date` ([`RejectReason::Retired`](crate::RejectReason::Retired)):
    /// the model, the served name sent, or the offer, where the offering provider has
    /// stopped serving the model though its own provider has not. Without it, routes are
    /// given whatever their lifecycle (check [`Route::offer`](crate::Route::offer) and the
    /// model yourself, or resolve with
    /// [`Resolver::refuse_retired`](crate::Resolver::refuse_retired) first, which judges only
    /// the provider resolved).
    ///
    /// ```
    /// use model_catalog::{route, Date, RoutePolicy};
    /// // Vertex retired its gpt-oss-20b on 2026-10-21; Groq, the model's own provider, serves it.
    /// let on = Date::from_ymd(2026, 11, 1).unwrap();
    /// let all = route("gpt-oss-20b", &RoutePolicy::new()).unwrap();
    /// assert!(all.iter().any(|r| r.provider.id() == "vertex"));
    /// let live = route("gpt-oss-20b", &RoutePolicy::new().active_on(on)).unwrap();
    /// assert!(live.iter().all(|r| r.provider.id() != "vertex"));
    /// assert_eq!(live[0].provider.id(), "groq");
    /// ```
    pub fn active_on(mut self, date: Date) -> RoutePolicy {
        self.active_on = Some(date);
        self
    }

    /// Keep at most `n` routes, the first `n` in order; the others are reported as
    /// [`RejectReason::Truncated`](crate::RejectReason::Truncated) by [`Catalog::route_plan`](crate::Catalog::route_plan). A chain is never cut to
    /// nothing: `0` counts as `1`.
    pub fn max_routes(mut self, n: usize) -> RoutePolicy {
        self.max_routes = Some(n.max(1));
        self
    }

    /// The provider names in this policy that denote no provider in `t`: see
    /// [`Catalog::unknown_providers`](crate::Catalog::unknown_providers).
    pub(crate) fn unknown_in<'p>(&'p self, t: Tables<'_>) -> Vec<&'p str> {
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
            .filter(|name| t.provider_key(name.trim_ascii()).is_none())
            .collect()
    }
}
