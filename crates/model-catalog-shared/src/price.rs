//! Exact token prices.
//!
//! A price is stored as an integer number of micro-dollars (1e-6 USD) per million tokens,
//! which is the same as picodollars (1e-12 USD) per token. Prices are written in USD per
//! million tokens with at most six decimal places (`2.5`, `0.075`, `4.998`); more precision
//! is refused rather than rounded, so a price never changes silently.

use crate::cost::PriceKind;
use std::fmt;
use std::num::NonZeroU64;

/// A price in USD per million tokens, held exactly (picodollars per token).
///
/// ```
/// # use model_catalog_shared as model_catalog;
/// use model_catalog::Price;
///
/// let p: Price = "2.50".parse().unwrap();
/// assert_eq!(p.picos_per_token(), 2_500_000);
/// assert_eq!(p.to_string(), "2.5");
/// assert_eq!(Price::from_usd_per_mtok(0.15), Some("0.15".parse().unwrap()));
/// assert!("0.0000001".parse::<Price>().is_err()); // finer than a micro-dollar per Mtok
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Price(
    /// Picodollars per token, plus one: never zero, so that an `Option<Price>` (as every
    /// field of a [`Pricing`] is) takes 8 bytes, not 16. The order is the prices' order.
    NonZeroU64,
);

impl Default for Price {
    /// [`Price::ZERO`].
    fn default() -> Price {
        Price::ZERO
    }
}

/// What a reader says of a price above [`Price::MAX`].
const TOO_LARGE: &str = "too large (at most 999999999.999999 USD per million tokens)";

/// Why a value is not a price.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct PriceError(String);

impl Price {
    /// Free.
    pub const ZERO: Price = Price(NonZeroU64::MIN);

    /// The price of `picos` picodollars (1e-12 USD) per token, i.e. `picos` micro-dollars
    /// per million tokens. (`u64::MAX`, some 18 trillion USD per million tokens, is held as
    /// `u64::MAX - 1`. Prices above [`Price::MAX`] can be made here for arithmetic, but
    /// every reader of prices refuses them and no writer writes them.)
    #[must_use]
    pub const fn from_picos_per_token(picos: u64) -> Price {
        match NonZeroU64::new(picos.saturating_add(1)) {
            Some(n) => Price(n),
            None => Price(NonZeroU64::MAX),
        }
    }

    /// The largest price a catalog reads or writes: 999,999,999.999999 USD per million
    /// tokens (10^15 - 1 picodollars per token). Above it a price has more than 15
    /// significant digits and no JSON number holds it exactly, so every reader refuses it
    /// (text, JSON, per-1k credits) rather than keep what could not be written back.
    pub const MAX: Price = Price::from_picos_per_token(999_999_999_999_999);

    /// The price of `picos` picodollars per token, if it is at most [`Price::MAX`].
    ///
    /// ```
    /// # use model_catalog_shared as model_catalog;
    /// use model_catalog::Price;
    ///
    /// assert_eq!(Price::checked_from_picos_per_token(7).map(Price::picos_per_token), Some(7));
    /// assert_eq!(Price::checked_from_picos_per_token(1_000_000_000_000_000), None);
    /// ```
    #[must_use]
    pub const fn checked_from_picos_per_token(picos: u64) -> Option<Price> {
        if picos > Price::MAX.picos_per_token() {
            return None;
        }
        Some(Price::from_picos_per_token(picos))
    }

    /// Picodollars per token (equivalently micro-dollars per million tokens).
    #[must_use]
    pub const fn picos_per_token(self) -> u64 {
        self.0.get() - 1
    }

    /// The price for a value in USD per million tokens given as a float, taken as the decimal
    /// number it prints as. `None` if negative, not finite, too large, or finer than six
    /// decimal places.
    #[must_use]
    pub fn from_usd_per_mtok(usd: f64) -> Option<Price> {
        if !usd.is_finite() {
            return None;
        }
        if let Some(price) = Price::whole_micros(usd) {
            return Some(price);
        }
        // Rust prints the shortest decimal that reads back as the same float, never in
        // exponent form: 0.15 prints as "0.15", not 0.1499999....
        format!("{usd}").parse().ok()
    }

    /// The price `usd` prints as, found without printing it, when it reads back from a
    /// whole number of micro-dollars up to 10^15: such a decimal has at most 15 significant
    /// digits, so it is the shortest that reads back as `usd` (15 digits survive a round
    /// trip through a double), which is what `usd` prints as. `None` for any other float.
    fn whole_micros(usd: f64) -> Option<Price> {
        if !(usd.is_sign_positive() && usd < 1e9) {
            return None;
        }
        let micros = (usd * 1e6).round();
        // `micros` is an integer below 2^53, held exactly: the division rounds once.
        (micros / 1e6 == usd).then_some(Price::from_picos_per_token(micros as u64))
    }

    /// The value in USD per million tokens as a float (for display and JSON; not for sums).
    #[must_use]
    pub fn usd_per_mtok(self) -> f64 {
        self.picos_per_token() as f64 / 1e6
    }
}

impl std::str::FromStr for Price {
    type Err = PriceError;
    /// Parses a plain decimal number of USD per million tokens: digits, optionally a point
    /// and up to six more digits.
    fn from_str(s: &str) -> Result<Price, PriceError> {
        let err = |why: &str| {
            let shown: String = s.chars().take(40).collect();
            PriceError(format!(
                "invalid price `{}`: {why}",
                super::escape::Esc(&shown)
            ))
        };
        let (int, frac) = s.split_once('.').unwrap_or((s, ""));
        if int.is_empty()
            || !int.bytes().all(|b| b.is_ascii_digit())
            || !frac.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(err(
                "expected a non-negative decimal number of USD per million tokens",
            ));
        }
        if s.ends_with('.') {
            return Err(err("expected digits after the decimal point"));
        }
        let frac = frac.trim_end_matches('0');
        if frac.len() > 6 {
            return Err(err(
                "more than six decimal places (finer than a micro-dollar per million tokens)",
            ));
        }
        let whole: u64 = int.trim_start_matches('0').parse::<u64>().or_else(|_| {
            if int.bytes().all(|b| b == b'0') {
                Ok(0)
            } else {
                Err(err(TOO_LARGE))
            }
        })?;
        let micros: u64 = if frac.is_empty() {
            0
        } else {
            let digits: u64 = frac.parse().map_err(|_| err("malformed fraction"))?;
            digits * 10u64.pow(6 - frac.len() as u32)
        };
        whole
            .checked_mul(1_000_000)
            .and_then(|w| w.checked_add(micros))
            .and_then(Price::checked_from_picos_per_token)
            .ok_or_else(|| err(TOO_LARGE))
    }
}

impl fmt::Display for Price {
    /// USD per million tokens as a plain decimal with no trailing zeros (`2.5`, `0.075`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let picos = self.picos_per_token();
        let whole = picos / 1_000_000;
        let frac = picos % 1_000_000;
        if frac == 0 {
            write!(f, "{whole}")
        } else {
            let digits = format!("{frac:06}");
            write!(f, "{whole}.{}", digits.trim_end_matches('0'))
        }
    }
}

impl fmt::Debug for Price {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "${self}/Mtok")
    }
}

impl serde::Serialize for Price {
    /// A JSON number of USD per million tokens whose text is the exact decimal (`2.5`,
    /// `0.075`, `1e-6`): a price has at most six decimal places, and below 10^9 USD per
    /// million tokens (15 significant digits) the shortest float that reads back as the
    /// same number prints exactly those digits. A larger price, which no catalog holds, is
    /// an error rather than a rounded number.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if *self > Price::MAX {
            return Err(serde::ser::Error::custom(format!(
                "price {self} USD per million tokens is too large to write exactly as a JSON number"
            )));
        }
        s.serialize_f64(self.usd_per_mtok())
    }
}

impl<'de> serde::Deserialize<'de> for Price {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Price, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Price;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a non-negative number of USD per million tokens with at most six decimal places")
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Price, E> {
                v.checked_mul(1_000_000)
                    .and_then(Price::checked_from_picos_per_token)
                    .ok_or_else(|| E::custom(format!("price {v} {TOO_LARGE}")))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Price, E> {
                u64::try_from(v)
                    .map_err(|_| E::custom(format!("invalid price {v}: negative")))
                    .and_then(|v| self.visit_u64(v))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Price, E> {
                match Price::whole_micros(v) {
                    Some(price) => Ok(price),
                    None => format!("{v}").parse().map_err(E::custom),
                }
            }
        }
        d.deserialize_any(V)
    }
}

/// Token prices of a model, each in USD per million tokens; `None` where unknown.
///
/// `reasoning` is set only where reasoning tokens are priced apart from output tokens.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Pricing {
    /// Input (prompt) tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input: Option<Price>,
    /// Output (completion) tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<Price>,
    /// Input tokens read from the prompt cache.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_read: Option<Price>,
    /// Input tokens written to the prompt cache.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_write: Option<Price>,
    /// Reasoning tokens, where priced apart from output tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasoning: Option<Price>,
    /// Input tokens written to the prompt cache to be kept for an hour (Anthropic's
    /// one-hour cache), where priced apart from `cache_write` (the five-minute price, which
    /// applies to them otherwise). Above a long-context threshold, the tier's one-hour
    /// price; a tier that reprices cache writes but not one-hour ones raises this one to at
    /// least its cache-write price.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_write_1h: Option<Price>,
    /// Higher prices that apply to a whole request whose prompt is longer than a threshold
    /// (for example above 200,000 or 272,000 input tokens), where the provider charges them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub long_context: Option<LongContextPricing>,
}

/// The prices of a request whose prompt (uncached input, cache reads and cache writes
/// together) is longer than [`above`](LongContextPricing::above) tokens: they replace the
/// base prices for every token of that request. A price left out here is the base price.
///
/// ```
/// # use model_catalog_shared as model_catalog;
/// use model_catalog::{LongContextPricing, Pricing, Usage};
///
/// let p = Pricing::new()
///     .input("2.5".parse().unwrap())
///     .output("15".parse().unwrap())
///     .long_context(
///         LongContextPricing::new(272_000)
///             .input("5".parse().unwrap())
///             .output("22.5".parse().unwrap()),
///     );
/// let short = Usage::new().input_tokens(272_000).output_tokens(1_000);
/// assert_eq!(p.cost(&short).unwrap().total.to_string(), "0.695");
/// let long = Usage::new().input_tokens(272_001).output_tokens(1_000);
/// assert_eq!(p.cost(&long).unwrap().total.to_string(), "1.382505");
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct LongContextPricing {
    /// The prompt length in tokens above which these prices apply.
    pub above: u32,
    /// Input tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input: Option<Price>,
    /// Output tokens (and reasoning tokens, unless priced apart).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<Price>,
    /// Cache reads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_read: Option<Price>,
    /// Cache writes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_write: Option<Price>,
    /// Cache writes kept for an hour.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_write_1h: Option<Price>,
}

impl LongContextPricing {
    /// The tier of requests whose prompt is longer than `above` tokens, no price known. Add
    /// prices with the methods named after them.
    #[must_use]
    pub const fn new(above: u32) -> LongContextPricing {
        LongContextPricing {
            above,
            input: None,
            output: None,
            cache_read: None,
            cache_write: None,
            cache_write_1h: None,
        }
    }

    /// This tier with the input price `price`.
    #[must_use]
    pub const fn input(mut self, price: Price) -> LongContextPricing {
        self.input = Some(price);
        self
    }

    /// This tier with the output price `price`.
    #[must_use]
    pub const fn output(mut self, price: Price) -> LongContextPricing {
        self.output = Some(price);
        self
    }

    /// This tier with the cache-read price `price`.
    #[must_use]
    pub const fn cache_read(mut self, price: Price) -> LongContextPricing {
        self.cache_read = Some(price);
        self
    }

    /// This tier with the cache-write price `price`.
    #[must_use]
    pub const fn cache_write(mut self, price: Price) -> LongContextPricing {
        self.cache_write = Some(price);
        self
    }

    /// This tier with the one-hour cache-write price `price`.
    #[must_use]
    pub const fn cache_write_1h(mut self, price: Price) -> LongContextPricing {
        self.cache_write_1h = Some(price);
        self
    }
}

impl Pricing {
    /// Every price it gives, absent ones as `None`: input, output, cache read, cache write,
    /// reasoning, then the long-context tier's input, output, cache read and cache write,
    /// then the one-hour cache write and the tier's (the order the compiled catalog writes
    /// them in).
    pub(crate) fn every_price(&self) -> [Option<Price>; 11] {
        let long = self.long_context.unwrap_or_default();
        [
            self.input,
            self.output,
            self.cache_read,
            self.cache_write,
            self.reasoning,
            long.input,
            long.output,
            long.cache_read,
            long.cache_write,
            self.cache_write_1h,
            long.cache_write_1h,
        ]
    }

    /// No price known. Add prices with the methods named after them:
    ///
    /// ```
    /// # use model_catalog_shared as model_catalog;
    /// use model_catalog::{Price, Pricing};
    /// let p = Pricing::new().input(Price::from_picos_per_token(2_500_000));
    /// assert_eq!(p.input.map(|p| p.to_string()).as_deref(), Some("2.5"));
    /// assert_eq!(p.output, None);
    /// ```
    #[must_use]
    pub const fn new() -> Pricing {
        Pricing {
            input: None,
            output: None,
            cache_read: None,
            cache_write: None,
            reasoning: None,
            cache_write_1h: None,
            long_context: None,
        }
    }

    /// These prices with the input price `price`.
    #[must_use]
    pub const fn input(mut self, price: Price) -> Pricing {
        self.input = Some(price);
        self
    }

    /// These prices with the output price `price`.
    #[must_use]
    pub const fn output(mut self, price: Price) -> Pricing {
        self.output = Some(price);
        self
    }

    /// These prices with the cache-read price `price`.
    #[must_use]
    pub const fn cache_read(mut self, price: Price) -> Pricing {
        self.cache_read = Some(price);
        self
    }

    /// These prices with the cache-write price `price`.
    #[must_use]
    pub const fn cache_write(mut self, price: Price) -> Pricing {
        self.cache_write = Some(price);
        self
    }

    /// These prices with the one-hour cache-write price `price` (cache writes kept for an
    /// hour, priced apart from the five-minute ones).
    #[must_use]
    pub const fn cache_write_1h(mut self, price: Price) -> Pricing {
        self.cache_write_1h = Some(price);
        self
    }

    /// These prices with the reasoning price `price` (reasoning tokens priced apart from
    /// output tokens).
    #[must_use]
    pub const fn reasoning(mut self, price: Price) -> Pricing {
        self.reasoning = Some(price);
        self
    }

    /// These prices with the long-context tier `tier`.
    #[must_use]
    pub const fn long_context(mut self, tier: LongContextPricing) -> Pricing {
        self.long_context = Some(tier);
        self
    }

    /// Whether no price at all is known.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        *self == Pricing::default()
    }

    /// These prices with every price this one lacks taken from `fallback`, field by field:
    /// this one is a provider's own prices, `fallback` another layer's (a model's, for an
    /// offer of it).
    ///
    /// - Reasoning tokens: where this one prices output (at base or in its tier) but not
    ///   reasoning, it bills reasoning as output, so `fallback`'s reasoning price is not
    ///   taken. Likewise one-hour cache writes: where this one prices cache writes but not
    ///   one-hour ones, it bills them at its cache-write price.
    /// - The long-context tier: this one's is kept whole (its prices for long prompts, of
    ///   whatever bucket); `fallback`'s only for the buckets whose base price it gives and
    ///   this one does not (a tier never reprices another provider's tokens). Where both
    ///   keep prices, they are joined if their thresholds agree (this one's first), else
    ///   this one's is kept: the buckets taken from `fallback` are then priced at its base
    ///   prices for long prompts too. A tier with no price left is dropped.
    ///
    /// ```
    /// # use model_catalog_shared as model_catalog;
    /// use model_catalog::{LongContextPricing, Pricing};
    /// let own = Pricing::new().input("1".parse().unwrap());
    /// let model = Pricing::new()
    ///     .input("2".parse().unwrap())
    ///     .output("8".parse().unwrap())
    ///     .long_context(LongContextPricing::new(200_000).input("4".parse().unwrap()));
    /// let p = own.or(&model);
    /// assert_eq!((p.input, p.output), (own.input, model.output));
    /// // The model's tier would reprice this provider's own input price: it is not taken.
    /// assert_eq!(p.long_context, None);
    /// ```
    #[must_use]
    pub fn or(&self, fallback: &Pricing) -> Pricing {
        if self.is_empty() {
            return *fallback;
        }
        // `fallback`'s tier, with only the prices of the buckets whose base price it gives.
        let theirs = fallback.long_context.and_then(|t| {
            let borrowed = |kind: PriceKind| kind.of(self).is_none() && kind.of(fallback).is_some();
            let keep = |price: Option<Price>, kind| price.filter(|_| borrowed(kind));
            let kept = LongContextPricing {
                above: t.above,
                input: keep(t.input, PriceKind::Input),
                output: keep(t.output, PriceKind::Output),
                cache_read: keep(t.cache_read, PriceKind::CacheRead),
                cache_write: keep(t.cache_write, PriceKind::CacheWrite),
                cache_write_1h: keep(t.cache_write_1h, PriceKind::CacheWrite1h),
            };
            let any = [
                kept.input,
                kept.output,
                kept.cache_read,
                kept.cache_write,
                kept.cache_write_1h,
            ]
            .iter()
            .any(Option::is_some);
            any.then_some(kept)
        });
        let long_context = match (self.long_context, theirs) {
            (Some(a), Some(b)) if a.above == b.above => Some(LongContextPricing {
                above: a.above,
                input: a.input.or(b.input),
                output: a.output.or(b.output),
                cache_read: a.cache_read.or(b.cache_read),
                cache_write: a.cache_write.or(b.cache_write),
                cache_write_1h: a.cache_write_1h.or(b.cache_write_1h),
            }),
            (Some(a), _) => Some(a),
            (None, b) => b,
        };
        // This side prices output (at base, or for long prompts): it bills reasoning as
        // output unless it prices reasoning.
        let prices_output =
            self.output.is_some() || self.long_context.is_some_and(|t| t.output.is_some());
        let reasoning = if prices_output {
            self.reasoning
        } else {
            self.reasoning.or(fallback.reasoning)
        };
        let prices_writes = self.cache_write.is_some()
            || self.long_context.is_some_and(|t| t.cache_write.is_some());
        let cache_write_1h = if prices_writes {
            self.cache_write_1h
        } else {
            self.cache_write_1h.or(fallback.cache_write_1h)
        };
        Pricing {
            input: self.input.or(fallback.input),
            output: self.output.or(fallback.output),
            cache_read: self.cache_read.or(fallback.cache_read),
            cache_write: self.cache_write.or(fallback.cache_write),
            reasoning,
            cache_write_1h,
            long_context,
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_absent_price_takes_no_room_of_its_own() {
        // Every field of a `Pricing` is an `Option<Price>`: a price's niche holds the `None`.
        assert_eq!(std::mem::size_of::<Option<Price>>(), 8);
        assert_eq!(Price::default(), Price::ZERO);
        assert_eq!(Price::ZERO.picos_per_token(), 0);
        assert!(Price::ZERO < Price::from_picos_per_token(1));
        for picos in [0, 1, 999_999, 2_500_000, u64::MAX - 1] {
            assert_eq!(Price::from_picos_per_token(picos).picos_per_token(), picos);
        }
        // The one value no price holds exactly saturates.
        assert_eq!(
            Price::from_picos_per_token(u64::MAX).picos_per_token(),
            u64::MAX - 1
        );
    }

    #[test]
    fn prices_above_the_largest_are_refused_by_every_reader() {
        // 999,999,999.999999 USD per million tokens is the largest; above it, text and JSON
        // are errors (they could not be written back exactly).
        assert!("18446744073709.551615".parse::<Price>().is_err());
        assert!("1000000000".parse::<Price>().is_err());
        assert_eq!(
            "999999999.999999"
                .parse::<Price>()
                .map(Price::picos_per_token),
            Ok(999_999_999_999_999)
        );
        for json in [
            "1000000000",
            "5000000000",
            "1e12",
            "1000000000.000001",
            "18446744073709",
        ] {
            assert!(serde_json::from_str::<Price>(json).is_err(), "{json}");
        }
        assert_eq!(
            serde_json::from_str::<Price>("999999999.999999")
                .ok()
                .map(Price::picos_per_token),
            Some(999_999_999_999_999)
        );
        assert_eq!(Price::MAX.picos_per_token(), 999_999_999_999_999);
        assert!(Price::checked_from_picos_per_token(1_000_000_000_000_000).is_none());
        assert!(
            serde_json::to_string(&Price::from_picos_per_token(1_000_000_000_000_000)).is_err()
        );
        assert_eq!(
            serde_json::to_string(&Price::MAX).unwrap(),
            "999999999.999999"
        );
    }

    use super::Price;

    #[test]
    fn parses_exactly() {
        for (s, picos) in [
            ("0", 0),
            ("0.0", 0),
            ("2.5", 2_500_000),
            ("2.50", 2_500_000),
            ("0.000001", 1),
            ("4.998", 4_998_000),
            ("15", 15_000_000),
            ("007.5", 7_500_000),
        ] {
            assert_eq!(
                s.parse::<Price>().map(Price::picos_per_token),
                Ok(picos),
                "{s}"
            );
        }
        for bad in [
            "",
            ".5",
            "5.",
            "-1",
            "1e3",
            "1,5",
            "0.0000005",
            "abc",
            "18446744073710",
        ] {
            assert!(bad.parse::<Price>().is_err(), "{bad}");
        }
    }

    #[test]
    fn floats_are_taken_as_printed() {
        for (f, picos) in [
            (0.15, 150_000),
            (0.1, 100_000),
            (2.5, 2_500_000),
            (1e-6, 1),
            (0.075, 75_000),
        ] {
            assert_eq!(
                Price::from_usd_per_mtok(f).map(Price::picos_per_token),
                Some(picos),
                "{f}"
            );
        }
        assert_eq!(Price::from_usd_per_mtok(-1.0), None);
        assert_eq!(Price::from_usd_per_mtok(f64::NAN), None);
        assert_eq!(Price::from_usd_per_mtok(1e-7), None);
    }

    /// Floats near whole numbers of micro-dollars, and others: each gives the price it
    /// prints as, or none when its printed form is not one.
    #[test]
    fn whole_micros_are_the_prices_printed() {
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut fast = 0;
        for _ in 0..50_000 {
            let r = next();
            let micros = (r >> 4) % 10u64.pow(1 + (r % 16) as u32);
            let f = match r % 4 {
                0 => f64::from_bits(next()),
                1 => micros as f64 / 1e6 * (1.0 + f64::EPSILON),
                _ => micros as f64 / 1e6,
            };
            let printed = format!("{f}").parse::<Price>().ok();
            if let Some(price) = Price::whole_micros(f) {
                assert_eq!(Some(price), printed, "{f}");
                fast += 1;
            }
            if f.is_finite() {
                assert_eq!(Price::from_usd_per_mtok(f), printed, "{f}");
            }
        }
        for f in [-0.0, 1e9, 999_999_999.999_999, 0.1 + 0.2] {
            assert_eq!(
                Price::from_usd_per_mtok(f),
                format!("{f}").parse().ok(),
                "{f}"
            );
        }
        assert_eq!(Price::whole_micros(-0.0), None);
        // Most whole numbers of micro-dollars are found without printing.
        assert!(fast > 20_000, "{fast}");
    }

    #[test]
    fn json_round_trip() {
        for s in ["0", "0.15", "2.5", "4.998", "0.000001", "1234567.891011"] {
            let p: Price = s.parse().unwrap();
            let json = serde_json::to_string(&p).unwrap();
            let back: Price = serde_json::from_str(&json).unwrap();
            assert_eq!(back, p, "{s} -> {json}");
        }
        assert!(serde_json::from_str::<Price>("-0.5").is_err());
        assert!(serde_json::from_str::<Price>("\"2.5\"").is_err());
    }
}
