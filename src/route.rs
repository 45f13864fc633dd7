//! Routing: the candidates and rules documented on `Catalog::route`.

use crate::cost::PriceKind;
use crate::data::capability::{Capability, Support};
use crate::data::date::Date;
use crate::data::escape::Esc;
use crate::data::key::MatchKind;
use crate::data::price::{Price, Pricing};
use crate::data::surface::Surface;
use crate::error::ResolveError;
use crate::lifecycle::Lifecycle;
use crate::model::Model;
use crate::offer::Offer;
use crate::policy::{RoutePolicy, RouteSort};
use crate::provider::{ApiSurface, Provider};
use crate::resolution::Resolution;
use crate::tables::Tables;
use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};
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
    pub caller_key_required: bool,
    /// The prices that apply on this route: the offer's, field by field falling back to the
    /// model's ([`Offer::pricing`]); for a served name (a dated snapshot) its own, likewise
    /// ([`Resolution::pricing`](crate::Resolution::pricing)); else the model's; empty for a
    /// pass-through.
    pub pricing: Pricing,
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
    /// Retired on the date the policy judges ([`RoutePolicy::active_on`]): the model, the
    /// served name sent, or the offer (the offering provider has stopped serving it).
    Retired {
        /// The retirement date.
        since: Date,
    },
    /// The route passed every rule but the chain was already at its maximum length. Only
    /// [`Catalog::route_plan`](crate::Catalog::route_plan) reports it: a chain is never cut to nothing, so it is never the
    /// reason in a [`RouteError::NoRoute`].
    Truncated,
}

impl RejectReason {
    /// A stable snake_case name: `denied`, `not_allowed`, `no_key`, `capability_missing`,
    /// `capability_unknown`, `surface_missing`, `param_unsupported`, `param_unknown`,
    /// `over_max_price`, `price_unknown`, `retired`, `truncated`.
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
            RejectReason::Retired { .. } => "retired",
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
            RejectReason::Retired { since } => write!(f, "retired on {since}"),
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

/// The most rejections a [`RouteError::NoRoute`] lists; it counts the others.
pub const MAX_REJECTIONS: usize = 16;

/// Why no chain of routes could be made.
///
/// ```
/// use model_catalog::{route, RejectReason, RouteError, RoutePolicy};
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
        "no provider can serve `{}` under the routing policy: {}{}",
        Esc(input),
        Rejections(rejected),
        match more { 0 => String::new(), n => format!("; and {n} more") }
    )]
    NoRoute {
        /// The trimmed input.
        input: String,
        /// The catalog model's id; `None` for a pass-through.
        model: Option<String>,
        /// One rejection per candidate, in preference order (preferred providers, then
        /// catalog order), for the first [`MAX_REJECTIONS`] candidates: the error's size does
        /// not grow with the number of providers that offer the model
        /// ([`Catalog::route_plan`](crate::Catalog::route_plan) gives every rejection).
        rejected: Vec<Rejection>,
        /// How many more candidates were rejected than `rejected` lists (0 but in run-time
        /// catalogs where more than [`MAX_REJECTIONS`] providers offer the model).
        more: usize,
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

/// A chain of routes with the candidates left out of it: what [`Catalog::route_plan`](crate::Catalog::route_plan)
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

/// The route plan for resolution `r` of `input` in catalog tables `t` under `policy`.
pub(crate) fn plan<'c>(
    t: Tables<'c>,
    input: &str,
    r: &Resolution<'c, '_>,
    policy: &RoutePolicy,
) -> Result<RoutePlan<'c>, RouteError> {
    let chosen = policy
        .surface
        .or_else(|| policy.params.first().map(|(s, _)| *s));
    let mut candidates: Vec<Route<'c>> = Vec::new();
    // What the resolution names: a fine-tune is served by the provider that serves it
    // only, a served name (a dated snapshot) by that provider and the offers sent as that
    // snapshot (below); a named provider is the caller's choice. The resolution's upstream
    // id and prices apply.
    let pinned = r.prefix.is_some()
        || matches!(r.matched, MatchKind::ServedName | MatchKind::FineTune)
        || r.model.is_none();
    match r.model {
        Some(m) if !pinned => {
            let home = t.provider_at(m.provider_index());
            candidates.push(route_for(
                home,
                Some(m),
                None,
                Cow::Borrowed(m.upstream_id()),
                m.home_pricing(),
                chosen,
            ));
            for o in t.offers_of(m) {
                candidates.push(offer_route(t, m, o, chosen));
            }
        }
        _ => {
            candidates.push(route_for(
                r.provider,
                r.model,
                r.offer,
                Cow::Owned(r.upstream_id.to_string()),
                r.pricing(),
                chosen,
            ));
            // A served name named alone (a dated snapshot) is served by its home and by
            // the offers sent under that very snapshot (`claude-sonnet-4-5-20250929` at
            // NanoGPT, `openai/o3-pro-2025-06-10`), as `provider:name` resolves: those are
            // its fallbacks, with the offer's prices for that snapshot.
            if let (Some(m), Some(s), None, MatchKind::ServedName) =
                (r.model, r.served_name(), r.prefix, r.matched)
            {
                for o in t.offers_of(m) {
                    let same = m
                        .served_as(o.upstream_id())
                        .is_some_and(|x| x.id().eq_ignore_ascii_case(s.id()));
                    if same && o.provider_index != r.provider.index {
                        candidates.push(offer_route(t, m, o, chosen));
                    }
                }
            }
        }
    }
    apply(t, input, r.model, candidates, policy)
}

/// The candidate route through offer `o` of model `m`: the offering provider, the offer's
/// upstream id and its prices.
fn offer_route<'c>(
    t: Tables<'c>,
    m: &'c Model,
    o: &'c Offer,
    chosen: Option<Surface>,
) -> Route<'c> {
    route_for(
        t.provider_at(o.provider_index),
        Some(m),
        Some(o),
        Cow::Borrowed(o.upstream_id()),
        o.pricing(m),
        chosen,
    )
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
        caller_key_required: provider.caller_key_required(),
        pricing,
    }
}

/// The catalog indexes of the providers `names` denote, in order; unknown names are left
/// out.
fn indexes<'a>(t: Tables<'a>, names: &'a [String]) -> impl Iterator<Item = u32> + 'a {
    names
        .iter()
        .filter_map(move |n| t.provider_key(n.trim_ascii()).map(|h| h.provider.index))
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
        if p.caller_key_required() && !keys.contains(&p.index) {
            return Some(RejectReason::NoKey);
        }
    }
    for &c in &policy.capabilities {
        let served = crate::abilities::served(route.model, route.offer);
        match served.map_or(Support::Unknown, |a| a.support(c)) {
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
    if let (Some(date), Some(m)) = (policy.active_on, route.model) {
        let stage = crate::resolution::lifecycle_sent_as(m, &route.upstream_id, route.offer, date);
        if let Lifecycle::Retired { since } = stage {
            return Some(RejectReason::Retired { since });
        }
    }
    None
}

/// The policy's provider lists, resolved to catalog indexes, as sets: a policy's lists and
/// a catalog's candidates may both be long (a run-time catalog can give a model thousands of
/// offers), and each candidate is looked up in each list.
struct Lists {
    /// Each preferred provider's rank: its first place in the list.
    prefer: HashMap<u32, usize>,
    allow: Option<HashSet<u32>>,
    deny: HashSet<u32>,
    keys: Option<HashSet<u32>>,
}

impl Lists {
    fn new(t: Tables<'_>, policy: &RoutePolicy) -> Lists {
        let mut prefer = HashMap::new();
        for (rank, index) in indexes(t, &policy.prefer).enumerate() {
            prefer.entry(index).or_insert(rank);
        }
        Lists {
            prefer,
            allow: policy.allow.as_deref().map(|a| indexes(t, a).collect()),
            deny: indexes(t, &policy.deny).collect(),
            keys: policy.keys.as_deref().map(|k| indexes(t, k).collect()),
        }
    }
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
fn figures(t: Tables<'_>, map: &HashMap<String, f64>) -> HashMap<u32, f64> {
    let mut out: HashMap<u32, f64> = HashMap::new();
    for (name, &v) in map {
        if v.is_nan() {
            continue;
        }
        if let Some(p) = t.provider_key(name.trim_ascii()).map(|h| h.provider) {
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
fn apply<'c>(
    catalog: Tables<'c>,
    input: &str,
    model: Option<&Model>,
    mut candidates: Vec<Route<'c>>,
    policy: &RoutePolicy,
) -> Result<RoutePlan<'c>, RouteError> {
    let lists = Lists::new(catalog, policy);
    // Preferred providers first, in the order preferred; the rest keep catalog order.
    let rank = |p: &Provider| lists.prefer.get(&p.index).copied().unwrap_or(usize::MAX);
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
        let more = rejected.len().saturating_sub(MAX_REJECTIONS);
        rejected.truncate(MAX_REJECTIONS);
        return Err(RouteError::NoRoute {
            input: input.trim_ascii().to_owned(),
            model: model.map(|m| m.id().to_owned()),
            rejected,
            more,
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
