//! What the records of the compiled catalog point into: the string table (every string
//! once), the `u32` list, and the distinct pricings and the prices they number.

use model_catalog_shared::compiled::{push_string, string_at, write_pricing, MAX_STRING_LEN, NONE};
use model_catalog_shared::price::Pricing;
use std::collections::HashMap;

/// `n` as a `u32`, or an error naming `what` when the catalog is too large for the format.
pub(crate) fn n32(n: usize, what: &str) -> Result<u32, String> {
    u32::try_from(n).map_err(|_| format!("the catalog has too many {what} ({n}) to compile"))
}

/// `n` as a `u16`, or an error naming `what`.
pub(crate) fn n16(n: usize, what: &str) -> Result<u16, String> {
    u16::try_from(n).map_err(|_| format!("the catalog has too many {what} ({n}) to compile"))
}

/// The string table, the list and the pricing table, as they fill.
pub(crate) struct Pool {
    /// Every string, each behind its header ([`push_string`]).
    pub(crate) text: String,
    ids: HashMap<String, u32>,
    /// The `u32` list.
    pub(crate) list: Vec<u32>,
    /// Distinct pricings, each a run of units ([`write_pricing`]).
    pub(crate) pricings: Vec<u16>,
    pricing_ids: HashMap<Pricing, u32>,
    /// Distinct prices, in picodollars per token, that the runs number.
    pub(crate) prices: Vec<u64>,
    price_ids: HashMap<u64, u16>,
}

impl Pool {
    pub(crate) fn new() -> Pool {
        let mut pool = Pool {
            text: String::new(),
            ids: HashMap::new(),
            list: Vec::new(),
            pricings: Vec::new(),
            pricing_ids: HashMap::new(),
            prices: Vec::new(),
            price_ids: HashMap::new(),
        };
        // Pricing 0 is the empty one, which most fine-tune prices are.
        let _ = pool.pricing(&Pricing::new());
        pool
    }

    /// The number of string `s`, added if new.
    pub(crate) fn string(&mut self, s: &str) -> Result<u32, String> {
        if let Some(&id) = self.ids.get(s) {
            return Ok(id);
        }
        let at = push_string(&mut self.text, s).ok_or_else(|| {
            format!(
                "the catalog has a string of {} bytes, more than the {MAX_STRING_LEN} a string may have",
                s.len()
            )
        })?;
        // Every position in the table fits a `u32` below `NONE`.
        n32(self.text.len() + 1, "bytes of strings")?;
        let id = n32(at, "bytes of strings")?;
        self.ids.insert(s.to_owned(), id);
        Ok(id)
    }

    /// The number of `s`, or [`NONE`].
    pub(crate) fn opt(&mut self, s: Option<&str>) -> Result<u32, String> {
        s.map_or(Ok(NONE), |s| self.string(s))
    }

    /// Where string `id` begins in the table (after its header).
    pub(crate) fn start(&self, id: u32) -> u32 {
        // The table's positions fit a `u32` (checked as strings are added).
        string_at(self.text.as_bytes(), id as usize).map_or(NONE, |(at, _)| at as u32)
    }

    /// Appends the numbers of `items` to the list: where they begin, and how many.
    pub(crate) fn strings(
        &mut self,
        items: impl IntoIterator<Item = impl AsRef<str>>,
    ) -> Result<(u32, usize), String> {
        let at = n32(self.list.len(), "list entries")?;
        let mut n = 0;
        for s in items {
            let id = self.string(s.as_ref())?;
            self.list.push(id);
            n += 1;
        }
        Ok((at, n))
    }

    /// The number of `p` (where its run begins), added if new.
    pub(crate) fn pricing(&mut self, p: &Pricing) -> Result<u32, String> {
        if let Some(&id) = self.pricing_ids.get(p) {
            return Ok(id);
        }
        let id = n32(self.pricings.len(), "units of prices")?;
        let (prices, price_ids) = (&mut self.prices, &mut self.price_ids);
        write_pricing(p, &mut self.pricings, |v| {
            if let Some(&n) = price_ids.get(&v) {
                return Some(n);
            }
            let n = u16::try_from(prices.len()).ok()?;
            prices.push(v);
            price_ids.insert(v, n);
            Some(n)
        })
        .ok_or_else(|| format!("the catalog has more than {} distinct prices", u16::MAX))?;
        n32(self.pricings.len() + 1, "units of prices")?;
        self.pricing_ids.insert(*p, id);
        Ok(id)
    }
}

#[cfg(test)]
mod tests {
    use super::Pool;
    use model_catalog_shared::price::{Price, Pricing};

    fn input(picos: u64) -> Pricing {
        Pricing::new().input(Price::from_picos_per_token(picos))
    }

    #[test]
    fn more_distinct_prices_than_a_u16_numbers_fail_the_build_with_a_message() {
        let mut pool = Pool::new();
        // 65,536 distinct prices take the numbers 0 to 65,535.
        for picos in 0..65_536 {
            assert!(pool.pricing(&input(picos)).is_ok(), "{picos}");
        }
        let units = pool.pricings.len();
        let err = pool.pricing(&input(65_536)).unwrap_err();
        assert!(err.contains("65535 distinct prices"), "{err}");
        assert_eq!(pool.pricings.len(), units);
        // A new pricing of prices already numbered still fits, and one met before is kept once.
        let both = input(7).output(Price::from_picos_per_token(65_535));
        let at = pool.pricing(&both).unwrap();
        assert_eq!(pool.pricing(&both), Ok(at));
        assert_eq!(pool.pricings.len(), units + 3);
    }
}
