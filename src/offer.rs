//! [`Offer`]: a provider serving a model that another provider defines.

use crate::compiled::{self, count, records};
use crate::cost::PriceSource;
use crate::data::compiled::{OfferRecord, Section};
use crate::data::price::Pricing;
use crate::model::Model;
use crate::price_layers;
use crate::provider::PROVIDERS;
use crate::served::ServedName;
use crate::text::Text;
use std::fmt;

/// A provider serving a model that another provider defines (NanoGPT serving `gpt-5.2` as
/// `openai/gpt-5.2`), with its own upstream id and, where known, its own prices.
#[derive(Clone)]
pub struct Offer {
    pub(crate) provider_index: u32,
    pub(crate) model_index: u32,
    repr: Repr,
}

#[derive(Clone)]
enum Repr {
    /// An offer of the compiled catalog: its record.
    Builtin(OfferRecord),
    /// One of a run-time catalog.
    Custom(Box<OfferData>),
}

/// A run-time catalog's offer.
#[derive(Clone)]
pub(crate) struct OfferData {
    pub(crate) provider: Text,
    pub(crate) upstream_id: Text,
    pub(crate) pricing: Pricing,
}

/// The compiled catalog's offers, grouped by offering provider.
pub(crate) static OFFERS: [Offer; count(Section::Offers)] = records!(
    Offer,
    count(Section::Offers),
    Offer {
        provider_index: 0,
        model_index: 0,
        repr: Repr::Builtin(OfferRecord::EMPTY),
    },
    Section::Offers,
    |r: OfferRecord| Offer {
        provider_index: r.provider,
        model_index: r.model,
        repr: Repr::Builtin(r),
    }
);

impl Offer {
    /// An offer of a run-time catalog: provider `provider_index` serves model `model_index`.
    pub(crate) fn custom(provider_index: u32, model_index: u32, data: OfferData) -> Offer {
        Offer {
            provider_index,
            model_index,
            repr: Repr::Custom(Box::new(data)),
        }
    }

    /// The offering provider's id.
    pub fn provider_id(&self) -> &str {
        match &self.repr {
            Repr::Builtin(r) => PROVIDERS.get(r.provider as usize).map_or("", |p| p.id()),
            Repr::Custom(c) => &c.provider,
        }
    }

    /// The id this provider's API expects for the model.
    pub fn upstream_id(&self) -> &str {
        match &self.repr {
            Repr::Builtin(r) => compiled::text(r.upstream_id),
            Repr::Custom(c) => &c.upstream_id,
        }
    }

    /// This provider's own prices, as recorded (may be empty).
    pub fn own_pricing(&self) -> Pricing {
        match &self.repr {
            Repr::Builtin(r) => compiled::pricing(r.pricing),
            Repr::Custom(c) => c.pricing,
        }
    }

    /// The prices that apply here, field by field ([`Pricing::or`]): this provider's own
    /// where recorded, else those of the served name its upstream id is (a dated snapshot),
    /// else the model's, as a resolution through this offer gives them.
    /// [`Resolution::price_source`](crate::Resolution::price_source) tells which is which
    /// for a resolution.
    pub fn pricing(&self, model: &Model) -> Pricing {
        let served = model.served_as(self.upstream_id());
        price_layers::priced([
            (Some(self.own_pricing()), PriceSource::Offer),
            (served.map(ServedName::pricing), PriceSource::ServedName),
            (Some(model.pricing()), PriceSource::Model),
        ])
        .pricing
    }

    /// Its facts, for comparing.
    fn facts(&self) -> (u32, u32, &str, &str, Pricing) {
        (
            self.provider_index,
            self.model_index,
            self.provider_id(),
            self.upstream_id(),
            self.own_pricing(),
        )
    }
}

impl PartialEq for Offer {
    fn eq(&self, other: &Offer) -> bool {
        self.facts() == other.facts()
    }
}

impl Eq for Offer {}

impl fmt::Debug for Offer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Offer")
            .field("provider", &self.provider_id())
            .field("provider_index", &self.provider_index)
            .field("model_index", &self.model_index)
            .field("upstream_id", &self.upstream_id())
            .field("pricing", &self.own_pricing())
            .finish()
    }
}
