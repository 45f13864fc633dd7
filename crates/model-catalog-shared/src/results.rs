//! How the shared value types are written as JSON (serde `Serialize`), for the results a
//! gateway returns: names as their lowercase strings, tri-state support as `true`, `false`
//! or `null`, dollar amounts as exact decimal strings.
//!
//! Prices ([`Price`](crate::Price)) are JSON numbers of USD per million tokens whose text is
//! the exact decimal (see its `Serialize`); amounts of money ([`Usd`]) are strings of the
//! exact decimal (`"0.0075"`), since a cost is exact to the picodollar and no JSON number
//! type a consumer is likely to read it into keeps that.

use crate::capability::{Capability, Support};
use crate::cost::{Cost, CostError, PriceKind, PriceSource, Usd};
use crate::key::MatchKind;
use crate::usage::{Usage, UsageError};
use serde::ser::{Serialize, SerializeStruct, Serializer};

impl Serialize for Capability {
    /// Its name: `"tools"`, `"vision"`, ...
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl Serialize for Support {
    /// `true`, `false`, or `null` when unknown.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.known().serialize(s)
    }
}

impl Serialize for MatchKind {
    /// Its name: `"id"`, `"alias"`, `"served_name"`, ...
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl Serialize for Usd {
    /// The exact decimal amount as a string (`"0.0075"`).
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl Serialize for Cost {
    /// `{"input", "output", "cache_read", "cache_write", "cache_write_1h", "reasoning",
    /// "total", "fallback"}`, the amounts as exact decimal strings.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Cost", 8)?;
        st.serialize_field("input", &self.input)?;
        st.serialize_field("output", &self.output)?;
        st.serialize_field("cache_read", &self.cache_read)?;
        st.serialize_field("cache_write", &self.cache_write)?;
        st.serialize_field("cache_write_1h", &self.cache_write_1h)?;
        st.serialize_field("reasoning", &self.reasoning)?;
        st.serialize_field("total", &self.total)?;
        st.serialize_field("fallback", &self.fallback)?;
        st.end()
    }
}

impl Serialize for PriceKind {
    /// Its name: `"input"`, `"output"`, `"cache-read"`, `"cache-write"`, `"reasoning"`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl Serialize for PriceSource {
    /// `"offer"`, `"served_name"`, `"model"` or `"fine_tune"`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(match self {
            PriceSource::Offer => "offer",
            PriceSource::ServedName => "served_name",
            PriceSource::Model => "model",
            PriceSource::FineTune => "fine_tune",
        })
    }
}

impl Serialize for CostError {
    /// `{"kind": "missing_price" | "overflow", "message", "price"?, "tokens"?}`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("CostError", 4)?;
        match self {
            CostError::MissingPrice(kind, tokens) => {
                st.serialize_field("kind", "missing_price")?;
                st.serialize_field("price", kind)?;
                st.serialize_field("tokens", tokens)?;
            }
            CostError::Overflow => st.serialize_field("kind", "overflow")?,
        }
        st.serialize_field("message", &self.to_string())?;
        st.end()
    }
}

impl Serialize for Usage {
    /// `{"input_tokens", "output_tokens", "cache_read_tokens", "cache_write_tokens",
    /// "cache_write_1h_tokens", "reasoning_tokens"}`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Usage", 6)?;
        st.serialize_field("input_tokens", &self.input_tokens)?;
        st.serialize_field("output_tokens", &self.output_tokens)?;
        st.serialize_field("cache_read_tokens", &self.cache_read_tokens)?;
        st.serialize_field("cache_write_tokens", &self.cache_write_tokens)?;
        st.serialize_field("cache_write_1h_tokens", &self.cache_write_1h_tokens)?;
        st.serialize_field("reasoning_tokens", &self.reasoning_tokens)?;
        st.end()
    }
}

impl Serialize for UsageError {
    /// `{"message"}`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("UsageError", 1)?;
        st.serialize_field("message", &self.to_string())?;
        st.end()
    }
}
