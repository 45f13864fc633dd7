//! [`Lifecycle`]: whether a model is active, deprecated or retired on a given day.

use crate::data::date::Date;

/// Where a model stands on a given day.
///
/// A model is retired from its retirement date on (the day itself included), deprecated
/// when its provider has deprecated it but it is still served, and active otherwise.
///
/// ```
/// use model_catalog::{lookup_model, Date, Lifecycle};
///
/// let m = lookup_model("gpt-3.5-turbo").unwrap();
/// let day = |s: &str| s.parse::<Date>().unwrap();
/// assert_eq!(m.lifecycle_on(day("2026-09-27")), Lifecycle::Deprecated { retires: Some(day("2026-09-28")) });
/// assert_eq!(m.lifecycle_on(day("2026-09-28")), Lifecycle::Retired { since: day("2026-09-28") });
/// assert_eq!(lookup_model("gpt-5.2").unwrap().lifecycle_on(day("2026-09-28")), Lifecycle::Active);
/// // LiteLLM: gpt-4o's shutdown is announced for 2027-01-14.
/// assert_eq!(
///     lookup_model("gpt-4o").unwrap().lifecycle_on(day("2026-11-28")),
///     Lifecycle::Deprecated { retires: Some(day("2027-01-14")) },
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Lifecycle {
    /// Served and not deprecated.
    Active,
    /// Deprecated but still served; `retires` is the announced retirement date, if any.
    Deprecated {
        /// The day it stops being served.
        retires: Option<Date>,
    },
    /// No longer served.
    Retired {
        /// The retirement date.
        since: Date,
    },
}

impl Lifecycle {
    /// `active`, `deprecated` or `retired`.
    pub fn as_str(self) -> &'static str {
        match self {
            Lifecycle::Active => "active",
            Lifecycle::Deprecated { .. } => "deprecated",
            Lifecycle::Retired { .. } => "retired",
        }
    }

    /// Whether the model is still served (active or deprecated).
    pub fn is_served(self) -> bool {
        !matches!(self, Lifecycle::Retired { .. })
    }
}

impl Lifecycle {
    /// The lifecycle on `date` of an entry with these facts.
    pub(crate) fn of(deprecated: bool, retires: Option<Date>, date: Date) -> Lifecycle {
        match retires {
            Some(since) if since <= date => Lifecycle::Retired { since },
            retires if deprecated || retires.is_some() => Lifecycle::Deprecated { retires },
            _ => Lifecycle::Active,
        }
    }

    /// The later stage of two: retired over deprecated over active; of two retirements the
    /// earlier, of two announced dates the earlier.
    pub(crate) fn worst(self, other: Lifecycle) -> Lifecycle {
        use Lifecycle::{Active, Deprecated, Retired};
        match (self, other) {
            (Retired { since: a }, Retired { since: b }) => Retired { since: a.min(b) },
            (r @ Retired { .. }, _) | (_, r @ Retired { .. }) => r,
            (Deprecated { retires: a }, Deprecated { retires: b }) => Deprecated {
                retires: match (a, b) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                },
            },
            (d @ Deprecated { .. }, _) | (_, d @ Deprecated { .. }) => d,
            (Active, Active) => Active,
        }
    }
}
