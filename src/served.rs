//! [`ServedName`]: a name a provider serves as a model id of its own, such as a dated
//! snapshot, that resolves to a catalog model.

use crate::compiled::{self, count, records};
use crate::data::compiled::{date_from_u32, Section, ServedRecord};
use crate::data::date::Date;
use crate::data::price::Pricing;
use crate::lifecycle::Lifecycle;
use crate::model_tables::Arena;
use std::fmt;
use std::sync::Arc;

/// A name the provider serves as a model id of its own that resolves to a catalog model: a
/// dated snapshot (`gpt-4o-2024-05-13` of `gpt-4o`), a `-latest` pointer
/// (`chatgpt-4o-latest`) or a variant (`gpt-4-32k`).
///
/// A resolution through a served name sends that name upstream and reports the facts
/// recorded here, each falling back to the model's where none is recorded (see
/// [`Resolution`](crate::Resolution)).
///
/// ```
/// use model_catalog::{resolve_model, MatchKind};
///
/// let r = resolve_model("GPT-4o-2024-05-13").unwrap();
/// assert_eq!(r.model.unwrap().id(), "gpt-4o"); // the seed's "resolves to"
/// assert_eq!(r.matched, MatchKind::ServedName);
/// assert_eq!(r.upstream_id, "gpt-4o-2024-05-13"); // the snapshot is what is sent
/// let s = r.served_name().unwrap();
/// assert_eq!(s.id(), "gpt-4o-2024-05-13");
/// assert_eq!(s.max_output_tokens(), Some(4_096));
/// ```
#[derive(Clone)]
pub struct ServedName {
    /// Its record: facts as numbers, its id a string number.
    rec: ServedRecord,
    /// The strings and prices of the run-time catalog that holds it; `None` for the
    /// compiled catalog's.
    arena: Option<Arc<Arena>>,
}

/// The compiled catalog's served names, grouped by model.
pub(crate) static SERVED: [ServedName; count(Section::Served)] = records!(
    ServedName,
    count(Section::Served),
    ServedName {
        rec: ServedRecord::EMPTY,
        arena: None,
    },
    Section::Served,
    |r: ServedRecord| ServedName {
        rec: r,
        arena: None,
    }
);

impl ServedName {
    /// A run-time catalog's served name: record `rec` over `arena`.
    pub(crate) fn custom(rec: ServedRecord, arena: Arc<Arena>) -> ServedName {
        ServedName {
            rec,
            arena: Some(arena),
        }
    }

    /// Prices `n` of its catalog.
    fn pricing_of(&self, n: u32) -> Pricing {
        match &self.arena {
            None => compiled::pricing(n),
            Some(a) => a.pricing(n),
        }
    }

    /// The name as the provider spells it: what is sent upstream.
    pub fn id(&self) -> &str {
        match &self.arena {
            None => compiled::text(self.rec.id),
            Some(a) => a.text(self.rec.id),
        }
    }

    /// Its own context window, where recorded apart from the model's.
    pub fn context_window(&self) -> Option<u32> {
        let r = &self.rec;
        (r.bits & ServedRecord::CONTEXT != 0).then_some(r.context_window)
    }

    /// Its own output limit, where recorded apart from the model's.
    pub fn max_output_tokens(&self) -> Option<u32> {
        let r = &self.rec;
        (r.bits & ServedRecord::MAX_OUTPUT != 0).then_some(r.max_output_tokens)
    }

    /// Its own prices, where recorded apart from the model's (field by field).
    pub fn pricing(&self) -> Pricing {
        self.pricing_of(self.rec.pricing)
    }

    /// Prices of fine-tunes of this name, where published.
    pub fn fine_tune_pricing(&self) -> Pricing {
        self.pricing_of(self.rec.fine_tune_pricing)
    }

    /// Its release date, where recorded.
    pub fn release_date(&self) -> Option<Date> {
        date_from_u32(self.rec.release_date)
    }

    /// Whether the provider has deprecated this name.
    pub fn is_deprecated(&self) -> bool {
        self.rec.bits & ServedRecord::DEPRECATED != 0
    }

    /// The day the provider stops serving this name, where announced.
    pub fn retires(&self) -> Option<Date> {
        date_from_u32(self.rec.retires)
    }

    /// Where this name stands on `date`, by its own lifecycle only (see
    /// [`Resolution::lifecycle_on`](crate::Resolution::lifecycle_on), which also weighs
    /// the model's).
    pub fn lifecycle_on(&self, date: Date) -> Lifecycle {
        Lifecycle::of(self.is_deprecated(), self.retires(), date)
    }

    /// Its facts, for comparing and printing.
    #[allow(clippy::type_complexity)]
    fn facts(
        &self,
    ) -> (
        &str,
        Option<u32>,
        Option<u32>,
        Pricing,
        Pricing,
        Option<Date>,
        bool,
        Option<Date>,
    ) {
        (
            self.id(),
            self.context_window(),
            self.max_output_tokens(),
            self.pricing(),
            self.fine_tune_pricing(),
            self.release_date(),
            self.is_deprecated(),
            self.retires(),
        )
    }
}

impl PartialEq for ServedName {
    fn eq(&self, other: &ServedName) -> bool {
        self.facts() == other.facts()
    }
}

impl Eq for ServedName {}

impl fmt::Debug for ServedName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ServedName")
            .field("id", &self.id())
            .field("context_window", &self.context_window())
            .field("max_output_tokens", &self.max_output_tokens())
            .field("pricing", &self.pricing())
            .field("fine_tune_pricing", &self.fine_tune_pricing())
            .field("release_date", &self.release_date())
            .field("deprecated", &self.is_deprecated())
            .field("retires", &self.retires())
            .finish()
    }
}
