//! The prices of a request as its layers give them: the serving provider's own (an offer's),
//! the served name's, the model's; each layer over the ones after it, merged by
//! [`Pricing::or`], with where each price comes from. Resolutions, offers and routes price
//! through this, so that they agree.

use crate::cost::{PriceKind, PriceSource};
use crate::data::price::{LongContextPricing, Price, Pricing};
use crate::usage::Usage;

/// How many kinds of price there are.
const KINDS: usize = PriceKind::ALL.len();

/// Merged prices, and the layer each comes from.
pub(crate) struct Priced {
    pub(crate) pricing: Pricing,
    /// The source of each base price, by [`PriceKind::index`].
    pub(crate) from: [Option<PriceSource>; KINDS],
    /// The source of each long-context price, by [`PriceKind::index`] (reasoning has none).
    tier_from: [Option<PriceSource>; KINDS],
}

/// The tier's price for `kind`, if it has one.
fn tier_price(t: &LongContextPricing, kind: PriceKind) -> Option<Price> {
    match kind {
        PriceKind::Input => t.input,
        PriceKind::Output => t.output,
        PriceKind::CacheRead => t.cache_read,
        PriceKind::CacheWrite => t.cache_write,
        PriceKind::CacheWrite1h => t.cache_write_1h,
        _ => None,
    }
}

/// `layers`, most specific first, each merged over the ones after it
/// (`first.or(&second.or(&third))`). A cache-read price taken from a later layer than the
/// input price is at most that input price, below and above a long-context threshold:
/// cached tokens never cost more than uncached ones where they are served (OpenRouter's
/// $0.03 input for `gpt-oss-120b`, Groq's $0.075 cache reads).
pub(crate) fn priced(layers: [(Option<Pricing>, PriceSource); 3]) -> Priced {
    let mut out = Priced {
        pricing: Pricing::default(),
        from: [None; KINDS],
        tier_from: [None; KINDS],
    };
    // The layer each base and long-context price comes from, by position (0 the most
    // specific).
    let mut layer_of: [Option<usize>; KINDS] = [None; KINDS];
    let mut tier_layer_of: [Option<usize>; KINDS] = [None; KINDS];
    for (position, (layer, source)) in layers.into_iter().enumerate().rev() {
        let Some(layer) = layer else { continue };
        let merged = layer.or(&out.pricing);
        for kind in PriceKind::ALL {
            let i = kind.index();
            (out.from[i], layer_of[i]) = match (kind.of(&layer), kind.of(&merged)) {
                (Some(_), _) => (Some(source), Some(position)),
                (None, Some(_)) => (out.from[i], layer_of[i]),
                (None, None) => (None, None),
            };
            let tier = |p: &Pricing| p.long_context.and_then(|t| tier_price(&t, kind));
            (out.tier_from[i], tier_layer_of[i]) = match (tier(&layer), tier(&merged)) {
                (Some(_), _) => (Some(source), Some(position)),
                (None, Some(_)) => (out.tier_from[i], tier_layer_of[i]),
                (None, None) => (None, None),
            };
        }
        out.pricing = merged;
    }
    let (input, read) = (PriceKind::Input.index(), PriceKind::CacheRead.index());
    let p = &mut out.pricing;
    if let (Some(a), Some(b)) = (layer_of[input], layer_of[read]) {
        if let (true, Some(cap), Some(price)) = (b > a, p.input, p.cache_read) {
            p.cache_read = Some(price.min(cap));
        }
    }
    // Above a long-context threshold: the tier's cache-read price against the input price
    // that applies there, the tier's or else the base one.
    if let Some(t) = p.long_context.as_mut() {
        let (input_layer, cap) = match t.input {
            Some(x) => (tier_layer_of[input], Some(x)),
            None => (layer_of[input], p.input),
        };
        if let (Some(a), Some(b), Some(cap), Some(price)) =
            (input_layer, tier_layer_of[read], cap, t.cache_read)
        {
            if b > a {
                t.cache_read = Some(price.min(cap));
            }
        }
    }
    out
}

impl Priced {
    /// Whether `usage` is charged a price of another layer than the serving provider's own
    /// (an offer's): a base price, or a long-context price where the prompt crosses the
    /// threshold.
    pub(crate) fn borrows(&self, usage: &Usage) -> bool {
        let tier = self
            .pricing
            .long_context
            .filter(|t| usage.prompt_tokens() > u64::from(t.above));
        usage.needs(&self.pricing).any(|kind| {
            let source = match tier.and_then(|t| tier_price(&t, kind)) {
                Some(_) => self.tier_from[kind.index()],
                None => self.from[kind.index()],
            };
            matches!(source, Some(PriceSource::ServedName | PriceSource::Model))
        })
    }
}
