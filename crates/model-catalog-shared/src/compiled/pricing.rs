//! Pricings in the blob: the distinct prices once, as a table of `u64` values
//! ([`Section::Prices`](super::Section::Prices)), and each distinct pricing as a run of
//! `u16` units ([`Section::Pricings`](super::Section::Pricings)) that number its prices in
//! that table. A pricing's number is where its run begins.
//!
//! A run is:
//! - a unit of which prices are known: bits 0 to 10 for input, output, cache read, cache
//!   write, reasoning, the long-context tier's input, output, cache read and cache write, the
//!   one-hour cache write and the tier's; bit 11 for a long-context tier;
//! - with a tier, its threshold as two units, low half first;
//! - one unit per known price, in bit order: its number in the table of values
//!   ([`Price::picos_per_token`]).
//!
//! About 2,400 distinct pricings of the full catalog take 18 KB this way, and their 1,300
//! distinct prices 10 KB, where 88-byte [`Pricing`] values took 210 KB.

use crate::price::{LongContextPricing, Price, Pricing};

/// Bit of a run's first unit: the pricing has a long-context tier.
const LONG_CONTEXT: u16 = 1 << 11;

/// Appends the run of `p` to `units`; `value` gives the number of a price's
/// [`picos_per_token`](Price::picos_per_token) in the table of values, adding it if new.
/// `None` when `value` does (the table is full).
pub fn write_pricing(
    p: &Pricing,
    units: &mut Vec<u16>,
    mut value: impl FnMut(u64) -> Option<u16>,
) -> Option<()> {
    let prices = p.every_price();
    let mut numbers = Vec::with_capacity(prices.len());
    let mut known: u16 = 0;
    for (k, price) in prices.iter().enumerate() {
        if let Some(price) = price {
            known |= 1 << k;
            numbers.push(value(price.picos_per_token())?);
        }
    }
    if p.long_context.is_some() {
        known |= LONG_CONTEXT;
    }
    units.push(known);
    if let Some(t) = p.long_context {
        units.extend([t.above as u16, (t.above >> 16) as u16]);
    }
    units.extend(numbers);
    Some(())
}

/// The pricing whose run begins at unit `at` of `units`, its prices numbers in `values`;
/// `None` where the run or a number is out of bounds.
#[must_use]
#[inline]
pub fn read_pricing(units: &[u16], values: &[u64], at: usize) -> Option<Pricing> {
    let (&known, rest) = units.get(at..)?.split_first()?;
    let (above, numbers) = if known & LONG_CONTEXT != 0 {
        let (&[lo, hi], rest) = rest.split_first_chunk::<2>()?;
        (Some(u32::from(lo) | u32::from(hi) << 16), rest)
    } else {
        (None, rest)
    };
    // The known prices' bits: as many numbers follow, lowest bit first. `pos[k]`: where
    // price `k`'s number is, if known.
    let mut pos = [0; 11];
    let mut n = 0;
    for (k, p) in pos.iter_mut().enumerate() {
        *p = n;
        n += usize::from(known >> k & 1);
    }
    let numbers = numbers.get(..n)?;
    let price = |k: usize| -> Option<Option<Price>> {
        if known & (1 << k) == 0 {
            return Some(None);
        }
        let v = values.get(usize::from(*numbers.get(pos[k])?))?;
        Some(Some(Price::from_picos_per_token(*v)))
    };
    Some(Pricing {
        input: price(0)?,
        output: price(1)?,
        cache_read: price(2)?,
        cache_write: price(3)?,
        reasoning: price(4)?,
        cache_write_1h: price(9)?,
        long_context: match above {
            Some(above) => Some(LongContextPricing {
                above,
                input: price(5)?,
                output: price(6)?,
                cache_read: price(7)?,
                cache_write: price(8)?,
                cache_write_1h: price(10)?,
            }),
            None => None,
        },
    })
}
