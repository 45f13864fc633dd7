//! [`ServedName`]: a name a provider serves as a model id of its own, such as a dated
//! snapshot, that resolves to a catalog model.

use crate::data::date::Date;
use crate::data::price::Pricing;
use crate::lifecycle::Lifecycle;
use crate::text::Text;

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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServedName {
    pub(crate) id: Text,
    pub(crate) context_window: Option<u32>,
    pub(crate) max_output_tokens: Option<u32>,
    pub(crate) pricing: Pricing,
    pub(crate) fine_tune_pricing: Pricing,
    pub(crate) release_date: Option<Date>,
    pub(crate) deprecated: bool,
    pub(crate) retires: Option<Date>,
}

impl ServedName {
    /// The name as the provider spells it: what is sent upstream.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Its own context window, where recorded apart from the model's.
    pub fn context_window(&self) -> Option<u32> {
        self.context_window
    }

    /// Its own output limit, where recorded apart from the model's.
    pub fn max_output_tokens(&self) -> Option<u32> {
        self.max_output_tokens
    }

    /// Its own prices, where recorded apart from the model's (field by field).
    pub fn pricing(&self) -> &Pricing {
        &self.pricing
    }

    /// Prices of fine-tunes of this name, where published.
    pub fn fine_tune_pricing(&self) -> &Pricing {
        &self.fine_tune_pricing
    }

    /// Its release date, where recorded.
    pub fn release_date(&self) -> Option<Date> {
        self.release_date
    }

    /// Whether the provider has deprecated this name.
    pub fn is_deprecated(&self) -> bool {
        self.deprecated
    }

    /// The day the provider stops serving this name, where announced.
    pub fn retires(&self) -> Option<Date> {
        self.retires
    }

    /// Where this name stands on `date`, by its own lifecycle only (see
    /// [`Resolution::lifecycle_on`](crate::Resolution::lifecycle_on), which also weighs
    /// the model's).
    pub fn lifecycle_on(&self, date: Date) -> Lifecycle {
        Lifecycle::of(self.deprecated, self.retires, date)
    }
}
