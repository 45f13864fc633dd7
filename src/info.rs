//! [`CatalogInfo`]: where the compiled catalog's data comes from, how fresh it is, and how
//! much it holds.

use crate::builtin::{MODELS, OFFERS, PROVIDERS, SOURCES};
use crate::data::date::Date;

/// The day of the newest reference snapshot the compiled data comes from (for the default
/// catalog, LiteLLM's price list of 2026-11-27); `None` for a catalog compiled from a data
/// directory without `sources.json`, or without the `builtin` feature.
///
/// ```
/// let as_of = model_catalog::DATA_AS_OF.unwrap();
/// assert!(as_of >= "2026-11-27".parse().unwrap());
/// ```
pub const DATA_AS_OF: Option<Date> = match SOURCES {
    (Some((_, a)), Some((_, b))) => Some(if a.days_since_epoch() > b.days_since_epoch() {
        a
    } else {
        b
    }),
    (Some((_, d)), None) | (None, Some((_, d))) => Some(d),
    (None, None) => None,
};

/// Where the compiled catalog's data comes from and how much it holds.
///
/// ```
/// let info = model_catalog::catalog_info();
/// assert_eq!(info.models_dev.map(|(rev, _)| rev), Some("f3fc692"));
/// assert_eq!(info.litellm.map(|(version, _)| version), Some("1.110.2"));
/// assert!(info.models >= 150);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct CatalogInfo {
    /// The models.dev snapshot: commit and day.
    pub models_dev: Option<(&'static str, Date)>,
    /// The LiteLLM price list: release and day.
    pub litellm: Option<(&'static str, Date)>,
    /// The newest of those days ([`DATA_AS_OF`]).
    pub as_of: Option<Date>,
    /// How many providers the catalog has.
    pub providers: usize,
    /// How many models.
    pub models: usize,
    /// How many offers (a provider serving another provider's model).
    pub offers: usize,
    /// How many served names (dated snapshots and the like).
    pub served_names: usize,
}

/// Where the compiled catalog's data comes from and how much it holds.
pub fn catalog_info() -> CatalogInfo {
    CatalogInfo {
        models_dev: SOURCES.0,
        litellm: SOURCES.1,
        as_of: DATA_AS_OF,
        providers: PROVIDERS.len(),
        models: MODELS.len(),
        offers: OFFERS.len(),
        served_names: MODELS.iter().map(|m| m.served_names().len()).sum(),
    }
}
