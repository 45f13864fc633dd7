//! Exact cost arithmetic: [`Usd`] amounts, [`Usage`], [`Cost`] and [`Markup`].
//!
//! Prices are integers of picodollars (1e-12 USD) per token, so the cost of a request is an
//! exact integer of picodollars: no float is ever summed. All arithmetic is checked; a result
//! that would not fit (beyond about 3.4e26 USD) is [`CostError::Overflow`], never a wrapped or
//! saturated number.
//!
//! Rounding happens only where a factor is not an integer, always once, to the nearest unit
//! with halves up: applying a [`Markup`] rounds to a picodollar, removing one from per-1k
//! credits ([`Price::from_per_1k_tokens`]) to a picodollar per token, and [`Usd::round_to`]
//! to fewer decimal places. Conversions to `f64` are for display only.

use crate::price::{Price, Pricing};
use crate::usage::Usage;
use std::fmt;

/// An exact, non-negative amount of US dollars, counted in picodollars (1e-12 USD).
///
/// ```
/// # use model_catalog_shared as model_catalog;
/// use model_catalog::Usd;
/// let a = Usd::from_picos(2_500_000_000);
/// assert_eq!(a.to_string(), "0.0025");
/// assert_eq!(a.round_to(2), Some(Usd::ZERO));
/// assert_eq!(Usd::from_picos(5_000_000_000).round_to(2).unwrap().to_string(), "0.01"); // half up
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Usd(u128);

const PICOS_PER_USD: u128 = 1_000_000_000_000;

impl Usd {
    /// Nothing.
    pub const ZERO: Usd = Usd(0);

    /// `picos` picodollars.
    #[must_use]
    pub const fn from_picos(picos: u128) -> Usd {
        Usd(picos)
    }

    /// The amount in picodollars.
    #[must_use]
    pub const fn picos(self) -> u128 {
        self.0
    }

    /// The amount in dollars as a float, for display.
    #[must_use]
    pub fn as_f64(self) -> f64 {
        self.0 as f64 / PICOS_PER_USD as f64
    }

    /// The sum, or `None` on overflow.
    pub fn checked_add(self, other: Usd) -> Option<Usd> {
        self.0.checked_add(other.0).map(Usd)
    }

    /// Rounded to `decimals` decimal places of a dollar (at most 12), halves up; `None` if
    /// the rounded amount does not fit (only within half a unit of the largest amount).
    pub fn round_to(self, decimals: u32) -> Option<Usd> {
        let unit = 10u128.pow(12 - decimals.min(12));
        let down = self.0 / unit * unit;
        if unit > 1 && self.0 - down >= unit / 2 {
            down.checked_add(unit).map(Usd)
        } else {
            Some(Usd(down))
        }
    }
}

impl fmt::Display for Usd {
    /// Dollars as a plain decimal without trailing zeros (`0.0025`, `12`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let whole = self.0 / PICOS_PER_USD;
        let frac = self.0 % PICOS_PER_USD;
        if frac == 0 {
            write!(f, "{whole}")
        } else {
            let digits = format!("{frac:012}");
            write!(f, "{whole}.{}", digits.trim_end_matches('0'))
        }
    }
}

impl fmt::Debug for Usd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "${self}")
    }
}

/// The cost of a request, per bucket and in total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Cost {
    /// Uncached input.
    pub input: Usd,
    /// Output.
    pub output: Usd,
    /// Cache reads.
    pub cache_read: Usd,
    /// Cache writes.
    pub cache_write: Usd,
    /// Cache writes kept for an hour.
    pub cache_write_1h: Usd,
    /// Reasoning.
    pub reasoning: Usd,
    /// The sum of the above.
    pub total: Usd,
    /// Whether some bucket with tokens was priced at the model's own price because the
    /// provider serving it through an offer has no price of its own for that bucket (see
    /// model-catalog's `Resolution::cost`). Always `false` from
    /// [`Pricing::cost`].
    pub fallback: bool,
}

impl Cost {
    /// Every bucket and the total multiplied by `markup` (a platform margin), each rounded
    /// once to the nearest picodollar (halves up); the total is the sum of the marked-up
    /// buckets, so the parts always add up. `None` on overflow.
    ///
    /// ```
    /// # use model_catalog_shared as model_catalog;
    /// use model_catalog::{Markup, Pricing, Usage};
    ///
    /// // $2.50 in, $10 out per Mtok (GPT-4o's prices)
    /// let p = Pricing::new().input("2.5".parse().unwrap()).output("10".parse().unwrap());
    /// let cost = p.cost(&Usage::new().input_tokens(1_000).output_tokens(100)).unwrap();
    /// let billed = cost.with_markup("1.4".parse::<Markup>().unwrap()).unwrap();
    /// assert_eq!(billed.input.to_string(), "0.0035");
    /// assert_eq!(billed.total.to_string(), "0.0049");
    /// ```
    pub fn with_markup(&self, markup: Markup) -> Option<Cost> {
        let input = markup.apply(self.input)?;
        let output = markup.apply(self.output)?;
        let cache_read = markup.apply(self.cache_read)?;
        let cache_write = markup.apply(self.cache_write)?;
        let cache_write_1h = markup.apply(self.cache_write_1h)?;
        let reasoning = markup.apply(self.reasoning)?;
        let total = [output, cache_read, cache_write, cache_write_1h, reasoning]
            .into_iter()
            .try_fold(input, Usd::checked_add)?;
        Some(Cost {
            input,
            output,
            cache_read,
            cache_write,
            cache_write_1h,
            reasoning,
            total,
            fallback: self.fallback,
        })
    }
}

/// Where a price of a resolution (model-catalog's `Resolution`) comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PriceSource {
    /// The serving provider's offer: its own price.
    Offer,
    /// The served name (a dated snapshot) named by the input.
    ServedName,
    /// The model's own price (its home provider's).
    Model,
    /// The fine-tune prices of the base (served name or model) of a fine-tune id.
    FineTune,
}

/// Which price a cost needed: one field of [`Pricing`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PriceKind {
    /// The input price.
    Input,
    /// The output price.
    Output,
    /// The cache-read price.
    CacheRead,
    /// The cache-write price.
    CacheWrite,
    /// The reasoning price (where reasoning tokens are priced apart from output).
    Reasoning,
    /// The one-hour cache-write price (where cache writes kept for an hour are priced apart).
    CacheWrite1h,
}

impl PriceKind {
    /// Every kind, in [`Pricing`] field order.
    pub const ALL: [PriceKind; 6] = [
        PriceKind::Input,
        PriceKind::Output,
        PriceKind::CacheRead,
        PriceKind::CacheWrite,
        PriceKind::Reasoning,
        PriceKind::CacheWrite1h,
    ];

    /// This kind's position in [`PriceKind::ALL`]. Hidden: for the library's resolutions,
    /// not part of the API.
    #[doc(hidden)]
    #[must_use]
    pub const fn index(self) -> usize {
        self as usize
    }

    /// This kind's price in `p`.
    #[must_use]
    pub fn of(self, p: &Pricing) -> Option<Price> {
        *self.field(p)
    }

    /// The field of `p` that holds this kind's price. Hidden: for the library's
    /// resolutions, not part of the API.
    #[doc(hidden)]
    #[must_use]
    pub fn field(self, p: &Pricing) -> &Option<Price> {
        match self {
            PriceKind::Input => &p.input,
            PriceKind::Output => &p.output,
            PriceKind::CacheRead => &p.cache_read,
            PriceKind::CacheWrite => &p.cache_write,
            PriceKind::Reasoning => &p.reasoning,
            PriceKind::CacheWrite1h => &p.cache_write_1h,
        }
    }
}

impl fmt::Display for PriceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PriceKind::Input => "input",
            PriceKind::Output => "output",
            PriceKind::CacheRead => "cache-read",
            PriceKind::CacheWrite => "cache-write",
            PriceKind::Reasoning => "reasoning",
            PriceKind::CacheWrite1h => "cache-write-1h",
        })
    }
}

/// Why a cost could not be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum CostError {
    /// Tokens were used in a bucket whose price is unknown.
    #[error("the {0} price is unknown, and {1} tokens need it")]
    MissingPrice(PriceKind, u64),
    /// The result does not fit in the amount type.
    #[error("the cost overflows")]
    Overflow,
}

fn line(tokens: u64, price: Option<Price>, kind: PriceKind) -> Result<Usd, CostError> {
    if tokens == 0 {
        return Ok(Usd::ZERO);
    }
    let price = price.ok_or(CostError::MissingPrice(kind, tokens))?;
    // u64 * u64 always fits in u128.
    Ok(Usd(u128::from(tokens) * u128::from(price.picos_per_token())))
}

impl Pricing {
    /// The exact cost of `usage` at these prices.
    ///
    /// A bucket with no tokens needs no price; one with tokens and an unknown price is
    /// [`CostError::MissingPrice`]. Reasoning tokens use the reasoning price where set,
    /// else the output price. A request whose prompt crosses the threshold of a
    /// [long-context tier](crate::LongContextPricing) is priced at the tier's prices throughout
    /// ([`for_prompt`](Pricing::for_prompt)).
    ///
    /// ```
    /// # use model_catalog_shared as model_catalog;
    /// use model_catalog::{Pricing, Usage};
    ///
    /// // $2.50 in, $10 out, $1.25 cached per Mtok (GPT-4o's prices)
    /// let p = Pricing::new()
    ///     .input("2.5".parse().unwrap())
    ///     .output("10".parse().unwrap())
    ///     .cache_read("1.25".parse().unwrap());
    /// let usage = Usage::new().input_tokens(1_000).output_tokens(500).cache_read_tokens(2_000);
    /// let cost = p.cost(&usage).unwrap();
    /// assert_eq!(cost.total.to_string(), "0.01"); // 0.0025 + 0.005 + 0.0025
    /// ```
    pub fn cost(&self, usage: &Usage) -> Result<Cost, CostError> {
        let p = self.for_prompt(usage.prompt_tokens());
        let input = line(usage.input_tokens, p.input, PriceKind::Input)?;
        let output = line(usage.output_tokens, p.output, PriceKind::Output)?;
        let cache_read = line(usage.cache_read_tokens, p.cache_read, PriceKind::CacheRead)?;
        let cache_write = line(
            usage.cache_write_tokens,
            p.cache_write,
            PriceKind::CacheWrite,
        )?;
        let cache_write_1h = line(
            usage.cache_write_1h_tokens,
            p.cache_write_1h.or(p.cache_write),
            PriceKind::CacheWrite,
        )?;
        let reasoning = line(
            usage.reasoning_tokens,
            p.reasoning.or(p.output),
            PriceKind::Output,
        )?;
        let total = [output, cache_read, cache_write, cache_write_1h, reasoning]
            .into_iter()
            .try_fold(input, Usd::checked_add)
            .ok_or(CostError::Overflow)?;
        Ok(Cost {
            input,
            output,
            cache_read,
            cache_write,
            cache_write_1h,
            reasoning,
            total,
            fallback: false,
        })
    }
}

impl Pricing {
    /// The prices that apply to a request whose prompt holds `prompt_tokens` tokens: the
    /// [long-context](crate::LongContextPricing) prices, field by field, above their threshold; the
    /// base prices otherwise. The result has no tier.
    ///
    /// ```
    /// # use model_catalog_shared as model_catalog;
    /// use model_catalog::{LongContextPricing, Pricing};
    /// let p = Pricing::new()
    ///     .input("3".parse().unwrap())
    ///     .long_context(LongContextPricing::new(200_000).input("6".parse().unwrap()));
    /// assert_eq!(p.for_prompt(200_000).input, p.input);
    /// assert_eq!(p.for_prompt(200_001).input, Some("6".parse().unwrap()));
    /// ```
    #[must_use]
    pub fn for_prompt(&self, prompt_tokens: u64) -> Pricing {
        let mut p = Pricing {
            long_context: None,
            ..*self
        };
        if let Some(t) = self
            .long_context
            .filter(|t| prompt_tokens > u64::from(t.above))
        {
            p.input = t.input.or(p.input);
            p.output = t.output.or(p.output);
            p.cache_read = t.cache_read.or(p.cache_read);
            p.cache_write = t.cache_write.or(p.cache_write);
            // One-hour writes: the tier's price, else never below the tier's cache writes.
            p.cache_write_1h = t
                .cache_write_1h
                .or(match (p.cache_write_1h, t.cache_write) {
                    (Some(hour), Some(write)) => Some(hour.max(write)),
                    (hour, _) => hour,
                });
        }
        p
    }
}

/// A price multiplier, held as an exact fraction (a platform margin such as 1.4x).
///
/// ```
/// # use model_catalog_shared as model_catalog;
/// use model_catalog::{Markup, Price};
///
/// let m: Markup = "1.4".parse().unwrap();
/// let p: Price = "2.5".parse().unwrap(); // USD per million tokens
/// // Per-1k-token credits with the margin, as the inference-api `/models` lists them:
/// assert_eq!(p.per_1k_tokens(m).unwrap().to_string(), "0.0035");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Markup {
    num: u64,
    den: u64,
}

/// Why a value is not a markup.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "invalid markup `{}`: expected a positive decimal factor such as 1.4",
    crate::escape::Esc(.0)
)]
pub struct MarkupError(String);

impl Markup {
    /// No markup (1x).
    pub const NONE: Markup = Markup { num: 1, den: 1 };

    /// The factor `num / den`, or `None` if either is zero.
    #[must_use]
    pub const fn from_ratio(num: u64, den: u64) -> Option<Markup> {
        if num == 0 || den == 0 {
            None
        } else {
            Some(Markup { num, den })
        }
    }

    /// The factor's numerator and denominator.
    #[must_use]
    pub const fn ratio(self) -> (u64, u64) {
        (self.num, self.den)
    }

    /// `amount` times the factor, rounded to the nearest picodollar (halves up), or `None`
    /// on overflow.
    #[must_use]
    pub fn apply(self, amount: Usd) -> Option<Usd> {
        let scaled = amount.0.checked_mul(u128::from(self.num))?;
        let den = u128::from(self.den);
        scaled.checked_add(den / 2).map(|s| Usd(s / den))
    }

    /// `amount` divided by the factor, rounded to the nearest picodollar (halves up), or
    /// `None` on overflow.
    #[must_use]
    pub fn remove(self, amount: Usd) -> Option<Usd> {
        Markup {
            num: self.den,
            den: self.num,
        }
        .apply(amount)
    }
}

impl std::str::FromStr for Markup {
    type Err = MarkupError;
    /// A positive decimal with at most nine decimal places (`1.4`, `1`, `0.85`).
    fn from_str(s: &str) -> Result<Markup, MarkupError> {
        let err = || MarkupError(s.chars().take(40).collect());
        let (int, frac) = s.split_once('.').unwrap_or((s, ""));
        if int.is_empty()
            || frac.len() > 9
            || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
            || s.ends_with('.')
        {
            return Err(err());
        }
        let den = 10u64.pow(frac.len() as u32);
        let num: u64 = format!("{int}{frac}").parse().map_err(|_| err())?;
        Markup::from_ratio(num, den).ok_or_else(err)
    }
}

impl fmt::Display for Markup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Exact when the denominator is a power of ten, as for parsed markups.
        let whole = self.num / self.den;
        let rem = self.num % self.den;
        if rem == 0 {
            return write!(f, "{whole}");
        }
        let mut den = self.den;
        let mut digits = 0;
        while den % 10 == 0 {
            den /= 10;
            digits += 1;
        }
        if den == 1 {
            let frac = format!("{rem:0digits$}");
            write!(f, "{whole}.{}", frac.trim_end_matches('0'))
        } else {
            write!(f, "{}/{}", self.num, self.den)
        }
    }
}

impl Price {
    /// The cost of 1,000 tokens at this price with `markup` applied: per-1k-token credits as
    /// the inference-api `/models` lists them (its prices include a 1.4x margin). Exact, but
    /// for the markup's rounding to the nearest picodollar. `None` on overflow.
    #[must_use]
    pub fn per_1k_tokens(self, markup: Markup) -> Option<Usd> {
        markup.apply(Usd(u128::from(self.picos_per_token()) * 1000))
    }

    /// The price whose [`per_1k_tokens`](Price::per_1k_tokens) with `markup` is `per_1k`:
    /// the markup removed and the result rounded to the nearest picodollar per token (halves
    /// up). `None` if it does not fit.
    ///
    /// ```
    /// # use model_catalog_shared as model_catalog;
    /// use model_catalog::{Markup, Price, Usd};
    /// let credits = Usd::from_picos(3_500_000_000); // 0.0035 per 1k tokens
    /// let p = Price::from_per_1k_tokens(credits, "1.4".parse().unwrap()).unwrap();
    /// assert_eq!(p.to_string(), "2.5");
    /// ```
    pub fn from_per_1k_tokens(per_1k: Usd, markup: Markup) -> Option<Price> {
        // picos per token = per_1k * den / (num * 1000), rounded once, halves up.
        let (num, den) = markup.ratio();
        let divisor = u128::from(num).checked_mul(1000)?;
        let scaled = per_1k.0.checked_mul(u128::from(den))?;
        let picos = scaled.checked_add(divisor / 2)? / divisor;
        u64::try_from(picos)
            .ok()
            .and_then(Price::checked_from_picos_per_token)
    }
}

impl Usage {
    /// The tokens of the bucket priced by `kind`. Hidden: for the library's resolutions,
    /// not part of the API.
    #[doc(hidden)]
    #[must_use]
    pub fn tokens(&self, kind: PriceKind) -> u64 {
        match kind {
            PriceKind::Input => self.input_tokens,
            PriceKind::Output => self.output_tokens,
            PriceKind::CacheRead => self.cache_read_tokens,
            PriceKind::CacheWrite => self.cache_write_tokens,
            PriceKind::Reasoning => self.reasoning_tokens,
            PriceKind::CacheWrite1h => self.cache_write_1h_tokens,
        }
    }

    /// The prices of `pricing` that this usage is charged at: those of the buckets with
    /// tokens, reasoning tokens at the output price when no reasoning price is set, one-hour
    /// cache writes at the cache-write price when no one-hour price is set.
    #[doc(hidden)]
    pub fn needs<'a>(&'a self, pricing: &'a Pricing) -> impl Iterator<Item = PriceKind> + 'a {
        PriceKind::ALL.into_iter().filter(move |&k| match k {
            PriceKind::Output => {
                self.output_tokens > 0 || (self.reasoning_tokens > 0 && pricing.reasoning.is_none())
            }
            PriceKind::Reasoning => self.reasoning_tokens > 0 && pricing.reasoning.is_some(),
            PriceKind::CacheWrite => {
                self.cache_write_tokens > 0
                    || (self.cache_write_1h_tokens > 0 && pricing.cache_write_1h.is_none())
            }
            PriceKind::CacheWrite1h => {
                self.cache_write_1h_tokens > 0 && pricing.cache_write_1h.is_some()
            }
            k => self.tokens(k) > 0,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_parsing_and_display() {
        for (s, ratio) in [
            ("1.4", (14, 10)),
            ("1", (1, 1)),
            ("0.85", (85, 100)),
            ("2.000", (2000, 1000)),
        ] {
            assert_eq!(s.parse::<Markup>().map(Markup::ratio), Ok(ratio), "{s}");
        }
        for bad in ["", "0", "0.0", "-1", "1.", ".4", "1e1", "x", "1.0000000001"] {
            assert!(bad.parse::<Markup>().is_err(), "{bad}");
        }
        assert_eq!("1.40".parse::<Markup>().unwrap().to_string(), "1.4");
        assert_eq!(Markup::from_ratio(4, 3).unwrap().to_string(), "4/3");
    }

    #[test]
    fn markup_rounds_half_up_to_a_picodollar() {
        let third = Markup::from_ratio(1, 3).unwrap();
        assert_eq!(third.apply(Usd(1)), Some(Usd(0))); // 0.33 -> 0
        assert_eq!(third.apply(Usd(2)), Some(Usd(1))); // 0.67 -> 1
        let half = Markup::from_ratio(1, 2).unwrap();
        assert_eq!(half.apply(Usd(1)), Some(Usd(1))); // 0.5 -> 1
        assert_eq!(half.apply(Usd(3)), Some(Usd(2))); // 1.5 -> 2
        assert_eq!(
            Markup::from_ratio(u64::MAX, 1)
                .unwrap()
                .apply(Usd(u128::MAX)),
            None
        );
    }

    #[test]
    fn round_to_is_half_up() {
        assert_eq!(Usd(4_999_999_999).round_to(2), Some(Usd(0)));
        assert_eq!(Usd(5_000_000_000).round_to(2), Some(Usd(10_000_000_000)));
        assert_eq!(Usd(123).round_to(12), Some(Usd(123)));
        assert_eq!(Usd(123).round_to(40), Some(Usd(123)));
        assert_eq!(
            Usd(1_500_000_000_000).round_to(0),
            Some(Usd(2_000_000_000_000))
        );
        assert_eq!(Usd(u128::MAX).round_to(3), None);
    }
}
