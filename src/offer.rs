//! [`Offer`]: a provider serving a model that another provider defines.

use crate::abilities::Abilities;
use crate::compiled::{self, count, records};
use crate::cost::PriceSource;
use crate::data::capability::{Capability, Flags, Support};
use crate::data::compiled::{date_from_u32, OfferRecord, Section};
use crate::data::date::Date;
use crate::data::modality::Modalities;
use crate::data::price::Pricing;
use crate::lifecycle::Lifecycle;
use crate::model::{Model, MODELS};
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
    /// The build of the catalog that holds it ([`Overlay::build`](crate::overlay::Overlay::build)).
    pub(crate) build: u64,
    pub(crate) provider: Text,
    /// The catalog id of the model it serves.
    pub(crate) model: Text,
    pub(crate) upstream_id: Text,
    pub(crate) pricing: Pricing,
    pub(crate) context_window: Option<u32>,
    pub(crate) max_output_tokens: Option<u32>,
    /// Its lifecycle flag, capability flags and modalities, as the compiled catalog's
    /// records hold them ([`OfferRecord::bits_of`]).
    pub(crate) bits: u32,
    pub(crate) retires: Option<Date>,
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

    /// The catalog id of the model it serves.
    ///
    /// ```
    /// let gpt = model_catalog::lookup_model("gpt-5.2").unwrap();
    /// let offers = model_catalog::offers_of(gpt);
    /// assert!(offers.iter().all(|o| o.model_id() == "gpt-5.2"));
    /// ```
    pub fn model_id(&self) -> &str {
        match &self.repr {
            Repr::Builtin(r) => MODELS.get(r.model as usize).map_or("", |m| m.id()),
            Repr::Custom(c) => &c.model,
        }
    }

    /// The build of the run-time catalog that holds it; `None` for a compiled offer.
    pub(crate) fn build(&self) -> Option<u64> {
        match &self.repr {
            Repr::Builtin(_) => None,
            Repr::Custom(c) => Some(c.build),
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

    /// This provider's own context window for the model, where recorded: it may differ
    /// from the model's own provider's (OpenRouter serves `llama-4-scout-17b-16e-instruct`
    /// with 327,680 tokens, Groq with 131,072). `None` where this provider's is not known;
    /// a resolution through the offer then gives the model's
    /// ([`Resolution::context_window`](crate::Resolution::context_window)).
    ///
    /// ```
    /// let r = model_catalog::resolve_model("openrouter:llama-4-scout-17b-16e-instruct").unwrap();
    /// assert_eq!(r.offer.as_ref().and_then(|o| o.context_window()), Some(327_680));
    /// assert_eq!(r.context_window(), Some(327_680));
    /// assert_eq!(r.model.unwrap().context_window(), Some(131_072));
    /// ```
    pub fn context_window(&self) -> Option<u32> {
        match &self.repr {
            Repr::Builtin(r) => known(r.context_window),
            Repr::Custom(c) => c.context_window,
        }
    }

    /// This provider's own output limit for the model, where recorded (likewise).
    pub fn max_output_tokens(&self) -> Option<u32> {
        match &self.repr {
            Repr::Builtin(r) => known(r.max_output_tokens),
            Repr::Custom(c) => c.max_output_tokens,
        }
    }

    /// This provider's own capability flags for the model, as recorded; a flag left
    /// unknown is the model's ([`capability`](Offer::capability)).
    pub fn own_flags(&self) -> Flags {
        self.own_abilities().flags
    }

    /// The kinds of input this provider's references say it takes for the model, where
    /// recorded; `None` leaves the model's.
    pub fn own_input_modalities(&self) -> Option<Modalities> {
        self.own_abilities().input
    }

    /// The kinds of output it produces at this provider, where recorded (likewise).
    pub fn own_output_modalities(&self) -> Option<Modalities> {
        self.own_abilities().output
    }

    /// Whether `model` has capability `c` at this provider: this provider's own flags and
    /// modalities where recorded, else the model's, as a resolution through this offer gives
    /// it ([`Resolution::capability`](crate::Resolution::capability)). `model` is the model
    /// offered ([`Catalog::model_of_offer`](crate::Catalog::model_of_offer)); given another,
    /// the answer mixes the two, as [`pricing`](Offer::pricing) would.
    ///
    /// ```
    /// use model_catalog::{resolve_model, Capability, Support};
    ///
    /// // NanoGPT serves qwen3-coder-plus without tool calls, OpenRouter with them.
    /// let r = resolve_model("openrouter:qwen3-coder-plus").unwrap();
    /// let (model, offer) = (r.model.unwrap(), r.offer.unwrap());
    /// assert_eq!(model.capability(Capability::Tools), Support::No);
    /// assert_eq!(offer.capability(model, Capability::Tools), Support::Yes);
    /// ```
    pub fn capability(&self, model: &Model, c: Capability) -> Support {
        self.abilities(model).support(c)
    }

    /// Its own flags and modalities.
    fn own_abilities(&self) -> Abilities {
        let bits = self.bits();
        Abilities {
            flags: OfferRecord::flags_in(bits),
            input: OfferRecord::input_modalities_in(bits).map(Modalities::from_bits),
            output: OfferRecord::output_modalities_in(bits).map(Modalities::from_bits),
        }
    }

    /// Its lifecycle flag, capability flags and modalities, encoded alike in both catalogs
    /// ([`OfferRecord::bits_of`]).
    fn bits(&self) -> u32 {
        match &self.repr {
            Repr::Builtin(r) => r.bits,
            Repr::Custom(c) => c.bits,
        }
    }

    /// The flags and modalities that apply to `model` served here.
    pub(crate) fn abilities(&self, model: &Model) -> Abilities {
        self.own_abilities().over(model.abilities())
    }

    /// Whether this provider has deprecated the model (its own provider may still serve
    /// it).
    pub fn is_deprecated(&self) -> bool {
        self.bits() & OfferRecord::DEPRECATED != 0
    }

    /// The day this provider stops serving the model, where announced.
    ///
    /// ```
    /// use model_catalog::{resolve_model, Lifecycle};
    ///
    /// // Vertex retired its gpt-oss-20b on 2026-10-21; Groq, its own provider, serves it.
    /// let at_vertex = resolve_model("vertex:gpt-oss-20b").unwrap();
    /// let offer = at_vertex.offer.unwrap();
    /// assert_eq!(offer.retires(), Some("2026-10-21".parse().unwrap()));
    /// assert!(matches!(at_vertex.lifecycle_on("2026-11-01".parse().unwrap()), Some(Lifecycle::Retired { .. })));
    /// let at_groq = resolve_model("groq:gpt-oss-20b").unwrap();
    /// assert_eq!(at_groq.retires(), None);
    /// ```
    pub fn retires(&self) -> Option<Date> {
        match &self.repr {
            Repr::Builtin(r) => date_from_u32(r.retires),
            Repr::Custom(c) => c.retires,
        }
    }

    /// Where the model stands at this provider on `date`, by the offer's own lifecycle only
    /// ([`Resolution::lifecycle_on`](crate::Resolution::lifecycle_on) also weighs the
    /// model's and the served name's).
    pub fn lifecycle_on(&self, date: Date) -> Lifecycle {
        Lifecycle::of(self.is_deprecated(), self.retires(), date)
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
    #[allow(clippy::type_complexity)]
    fn facts(
        &self,
    ) -> (
        u32,
        u32,
        &str,
        &str,
        &str,
        Pricing,
        Option<u32>,
        Option<u32>,
        Abilities,
        bool,
        Option<Date>,
    ) {
        (
            self.provider_index,
            self.model_index,
            self.provider_id(),
            self.model_id(),
            self.upstream_id(),
            self.own_pricing(),
            self.context_window(),
            self.max_output_tokens(),
            self.own_abilities(),
            self.is_deprecated(),
            self.retires(),
        )
    }
}

/// The context window and output limit that apply to a model served through an offer with
/// the limits `own` (none without an offer) as served name `served`: each from the first
/// that records it of the offer, the served name, the model. The two may come from
/// different ones, so an output limit is at most the context window that applies.
pub(crate) fn limits_through(
    own: (Option<u32>, Option<u32>),
    served: Option<&ServedName>,
    model: &Model,
) -> (Option<u32>, Option<u32>) {
    let context = own
        .0
        .or_else(|| served.and_then(ServedName::context_window))
        .or_else(|| model.context_window());
    let output = own
        .1
        .or_else(|| served.and_then(ServedName::max_output_tokens))
        .or_else(|| model.max_output_tokens());
    match (output, context) {
        (Some(o), Some(c)) => (context, Some(o.min(c))),
        _ => (context, output),
    }
}

/// A compiled limit: 0 stands for unknown (a known limit is at least 1).
fn known(limit: u32) -> Option<u32> {
    (limit != 0).then_some(limit)
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
            .field("context_window", &self.context_window())
            .field("max_output_tokens", &self.max_output_tokens())
            .field("flags", &self.own_flags())
            .field("input_modalities", &self.own_input_modalities())
            .field("output_modalities", &self.own_output_modalities())
            .field("deprecated", &self.is_deprecated())
            .field("retires", &self.retires())
            .finish()
    }
}
