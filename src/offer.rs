//! [`Offer`]: a provider serving a model that another provider defines.

use crate::data::price::Pricing;
use crate::model::Model;
use crate::text::Text;

/// A provider serving a model that another provider defines (NanoGPT serving `gpt-5.2` as
/// `openai/gpt-5.2`), with its own upstream id and, where known, its own prices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offer {
    pub(crate) provider: Text,
    pub(crate) provider_index: u32,
    pub(crate) model_index: u32,
    pub(crate) upstream_id: Text,
    pub(crate) pricing: Pricing,
}

impl Offer {
    /// The offering provider's id.
    pub fn provider_id(&self) -> &str {
        &self.provider
    }

    /// The id this provider's API expects for the model.
    pub fn upstream_id(&self) -> &str {
        &self.upstream_id
    }

    /// This provider's own prices, as recorded (may be empty).
    pub fn own_pricing(&self) -> &Pricing {
        &self.pricing
    }

    /// The prices that apply here, field by field: this provider's own where recorded, else
    /// the model's ([`Pricing::or`]). [`Resolution::price_source`](crate::Resolution::price_source)
    /// tells which is which for a resolution.
    pub fn pricing(&self, model: &Model) -> Pricing {
        self.pricing.or(model.pricing())
    }
}
