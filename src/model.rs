//! [`Model`]: one model as one provider serves it, and what the catalog knows of it.

use crate::compiled::{self, count, records, EXTRAS};
use crate::cost::{Cost, CostError};
use crate::data::capability::Flags;
use crate::data::capability::{Capability, Support};
use crate::data::compiled::{date_from_u32, flags_from_u8, ExtraRecord, ModelRecord, Section};
use crate::data::date::Date;
use crate::data::modality::{Modalities, Modality};
use crate::data::price::Pricing;
use crate::distillation::{DistillationPolicy, DISTILLATIONS};
use crate::lifecycle::Lifecycle;
use crate::provider::PROVIDERS;
use crate::served::{ServedName, SERVED};
use crate::text::{Names, Text};
use crate::usage::Usage;
use std::borrow::Cow;
use std::fmt;

/// A model in the catalog, as its provider serves it.
///
/// Built-in models are `&'static` items of the compiled catalog; run-time catalogs hold their
/// own. Fields are read through methods; facts no source gives are `None` (or
/// [`Support::Unknown`]), never a guess.
///
/// ```
/// use model_catalog::{Capability, Support};
///
/// let m = model_catalog::lookup_model("GPT-4o-2024-08-06").unwrap();
/// assert_eq!(m.id(), "gpt-4o");
/// assert_eq!(m.provider_id(), "openai");
/// assert_eq!(m.context_window(), Some(128_000));
/// assert_eq!(m.max_output_tokens(), Some(16_384));
/// assert_eq!(m.capability(Capability::Tools), Support::Yes);
/// assert!(m.aliases().any(|a| a == "gpt-4-omni"));
/// assert!(m.served_names().any(|s| s.id() == "gpt-4o-2024-08-06"));
/// ```
#[derive(Clone)]
pub struct Model {
    /// Index in its catalog's model table.
    pub(crate) index: u32,
    /// Index of the provider in its catalog's provider table.
    pub(crate) provider_index: u32,
    repr: Repr,
}

#[derive(Clone, PartialEq, Eq)]
enum Repr {
    /// A model of the compiled catalog: its record.
    Builtin(ModelRecord),
    /// One of a run-time catalog.
    Custom(Box<ModelData>),
}

/// A run-time catalog's model.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct ModelData {
    pub(crate) id: Text,
    pub(crate) upstream_id: Text,
    pub(crate) name: Text,
    pub(crate) provider: Text,
    pub(crate) description: Option<Text>,
    pub(crate) vendor: Option<Text>,
    pub(crate) family: Option<Text>,
    pub(crate) category: Option<Text>,
    pub(crate) context_window: Option<u32>,
    pub(crate) max_output_tokens: Option<u32>,
    pub(crate) input_modalities: Option<Modalities>,
    pub(crate) output_modalities: Option<Modalities>,
    pub(crate) flags: Flags,
    pub(crate) pricing: Pricing,
    pub(crate) open_weights: Option<bool>,
    pub(crate) release_date: Option<Date>,
    pub(crate) knowledge_cutoff: Option<Text>,
    pub(crate) deprecated: bool,
    pub(crate) retires: Option<Date>,
    pub(crate) successor: Option<Text>,
    pub(crate) aliases: Cow<'static, [Text]>,
    pub(crate) served_names: Cow<'static, [ServedName]>,
    pub(crate) fine_tune_pricing: Pricing,
    pub(crate) tags: Cow<'static, [Text]>,
    pub(crate) distillation: Option<DistillationPolicy>,
    pub(crate) notes: Option<Text>,
}

/// The compiled catalog's models, grouped by provider.
pub(crate) static MODELS: [Model; count(Section::Models)] = records!(
    Model,
    count(Section::Models),
    Model {
        index: 0,
        provider_index: 0,
        repr: Repr::Builtin(ModelRecord::EMPTY),
    },
    Section::Models,
    |r: ModelRecord| Model {
        index: r.index,
        provider_index: r.provider,
        repr: Repr::Builtin(r),
    }
);

/// An optional string of a built-in model's extra record.
fn extra_text(r: &ModelRecord, field: fn(&ExtraRecord) -> u32) -> Option<&'static str> {
    EXTRAS
        .get(r.extra as usize)
        .and_then(|x| compiled::opt_text(field(x)))
}

impl Model {
    /// A model of a run-time catalog, with catalog index `index`, defined by the provider of
    /// index `provider_index`.
    pub(crate) fn custom(index: u32, provider_index: u32, data: ModelData) -> Model {
        Model {
            index,
            provider_index,
            repr: Repr::Custom(Box::new(data)),
        }
    }

    /// The offers of a built-in model: indexes of the compiled catalog's offer table.
    pub(crate) fn builtin_offers(&self) -> &'static [u32] {
        match &self.repr {
            Repr::Builtin(r) => compiled::list(r.offers_at, r.offers_len.into()),
            Repr::Custom(_) => &[],
        }
    }

    /// The recorded capability flags.
    fn flags(&self) -> Flags {
        match &self.repr {
            Repr::Builtin(r) => flags_from_u8(r.flags),
            Repr::Custom(c) => c.flags,
        }
    }
}

impl Model {
    /// The catalog id, unique in the catalog (`gpt-4o`, `llama-3.3-70b-versatile`).
    pub fn id(&self) -> &str {
        match &self.repr {
            Repr::Builtin(r) => compiled::text(r.id),
            Repr::Custom(c) => &c.id,
        }
    }

    /// The id to send to the provider's API (`meta-llama/llama-3.3-70b-versatile`); the same
    /// as [`id`](Model::id) for most models.
    pub fn upstream_id(&self) -> &str {
        match &self.repr {
            Repr::Builtin(r) => compiled::text(r.upstream_id),
            Repr::Custom(c) => &c.upstream_id,
        }
    }

    /// Display name (`GPT-4o`).
    pub fn name(&self) -> &str {
        match &self.repr {
            Repr::Builtin(r) => compiled::text(r.name),
            Repr::Custom(c) => &c.name,
        }
    }

    /// The id of the provider that defines it (its home provider). Other providers may offer
    /// it too.
    pub fn provider_id(&self) -> &str {
        match &self.repr {
            Repr::Builtin(r) => PROVIDERS.get(r.provider as usize).map_or("", |p| p.id()),
            Repr::Custom(c) => &c.provider,
        }
    }

    /// A short description, where a source gives one.
    pub fn description(&self) -> Option<&str> {
        match &self.repr {
            Repr::Builtin(r) => extra_text(r, |x| x.description),
            Repr::Custom(c) => c.description.as_deref(),
        }
    }

    /// Who made the model, as a lowercase id (`openai`, `meta`, `alibaba`).
    pub fn vendor(&self) -> Option<&str> {
        match &self.repr {
            Repr::Builtin(r) => compiled::opt_text(r.vendor),
            Repr::Custom(c) => c.vendor.as_deref(),
        }
    }

    /// The model family (`gpt`, `claude-opus`, `llama`).
    pub fn family(&self) -> Option<&str> {
        match &self.repr {
            Repr::Builtin(r) => compiled::opt_text(r.family),
            Repr::Custom(c) => c.family.as_deref(),
        }
    }

    /// A category: `flagship`, `mini`, `reasoning`, `coding`, `moderation` or `image`.
    pub fn category(&self) -> Option<&str> {
        match &self.repr {
            Repr::Builtin(r) => extra_text(r, |x| x.category),
            Repr::Custom(c) => c.category.as_deref(),
        }
    }

    /// Context window in tokens (input and output together), where known.
    pub fn context_window(&self) -> Option<u32> {
        match &self.repr {
            Repr::Builtin(r) => (r.bits & ModelRecord::CONTEXT != 0).then_some(r.context_window),
            Repr::Custom(c) => c.context_window,
        }
    }

    /// Most tokens one response may hold, where known.
    pub fn max_output_tokens(&self) -> Option<u32> {
        match &self.repr {
            Repr::Builtin(r) => {
                (r.bits & ModelRecord::MAX_OUTPUT != 0).then_some(r.max_output_tokens)
            }
            Repr::Custom(c) => c.max_output_tokens,
        }
    }

    /// The kinds of input the model takes, where known.
    pub fn input_modalities(&self) -> Option<Modalities> {
        match &self.repr {
            Repr::Builtin(r) => (r.bits & ModelRecord::INPUT_MODALITIES != 0)
                .then(|| Modalities::from_bits(r.input_modalities)),
            Repr::Custom(c) => c.input_modalities,
        }
    }

    /// The kinds of output the model produces, where known.
    pub fn output_modalities(&self) -> Option<Modalities> {
        match &self.repr {
            Repr::Builtin(r) => (r.bits & ModelRecord::OUTPUT_MODALITIES != 0)
                .then(|| Modalities::from_bits(r.output_modalities)),
            Repr::Custom(c) => c.output_modalities,
        }
    }

    /// Whether the model has a capability: yes, no, or unknown.
    ///
    /// `vision`, `pdf` and `audio_input` follow the input modalities (image, file, audio),
    /// `audio_output` the output modalities; the rest are recorded flags.
    ///
    /// ```
    /// use model_catalog::{Capability, Support};
    /// let m = model_catalog::lookup_model("gemini-2.5-pro").unwrap();
    /// assert_eq!(m.capability(Capability::Vision), Support::Yes);
    /// assert_eq!(m.capability(Capability::Pdf), Support::Yes);
    /// ```
    pub fn capability(&self, c: Capability) -> Support {
        let input = |m: Modality| self.input_modalities().map(|s| s.contains(m));
        let flags = self.flags();
        Support::from_known(match c {
            Capability::Tools => flags.tools,
            Capability::ParallelTools => flags.parallel_tools,
            Capability::Reasoning => flags.reasoning,
            Capability::StructuredOutput => flags.structured_output,
            Capability::Vision => input(Modality::Image),
            Capability::Pdf => input(Modality::File),
            Capability::AudioInput => input(Modality::Audio),
            Capability::AudioOutput => self
                .output_modalities()
                .map(|s| s.contains(Modality::Audio)),
            // A capability added to the data model after this code: not recorded here.
            _ => None,
        })
    }

    /// Every capability with its support, in [`Capability::ALL`] order.
    pub fn capabilities(&self) -> impl Iterator<Item = (Capability, Support)> + '_ {
        Capability::ALL.iter().map(|&c| (c, self.capability(c)))
    }

    /// Prices in USD per million tokens (from the home provider).
    pub fn pricing(&self) -> &Pricing {
        match &self.repr {
            Repr::Builtin(r) => compiled::pricing(r.pricing),
            Repr::Custom(c) => &c.pricing,
        }
    }

    /// Whether the weights are published, where known.
    pub fn open_weights(&self) -> Option<bool> {
        match &self.repr {
            Repr::Builtin(r) => (r.bits & ModelRecord::OPEN_WEIGHTS_KNOWN != 0)
                .then_some(r.bits & ModelRecord::OPEN_WEIGHTS != 0),
            Repr::Custom(c) => c.open_weights,
        }
    }

    /// First release date, where known.
    pub fn release_date(&self) -> Option<Date> {
        match &self.repr {
            Repr::Builtin(r) => date_from_u32(r.release_date),
            Repr::Custom(c) => c.release_date,
        }
    }

    /// Training-data cutoff as `YYYY-MM` or `YYYY-MM-DD`, where known.
    pub fn knowledge_cutoff(&self) -> Option<&str> {
        match &self.repr {
            Repr::Builtin(r) => extra_text(r, |x| x.knowledge_cutoff),
            Repr::Custom(c) => c.knowledge_cutoff.as_deref(),
        }
    }

    /// Whether the provider has deprecated the model.
    pub fn is_deprecated(&self) -> bool {
        match &self.repr {
            Repr::Builtin(r) => r.bits & ModelRecord::DEPRECATED != 0,
            Repr::Custom(c) => c.deprecated,
        }
    }

    /// The day the provider stops serving the model, where announced.
    ///
    /// ```
    /// let m = model_catalog::lookup_model("gpt-3.5-turbo").unwrap();
    /// assert_eq!(m.retires().unwrap().to_string(), "2026-09-28");
    /// ```
    pub fn retires(&self) -> Option<Date> {
        match &self.repr {
            Repr::Builtin(r) => date_from_u32(r.retires),
            Repr::Custom(c) => c.retires,
        }
    }

    /// The id of the model that replaces this one, where the data names one.
    pub fn successor(&self) -> Option<&str> {
        match &self.repr {
            Repr::Builtin(r) => extra_text(r, |x| x.successor),
            Repr::Custom(c) => c.successor.as_deref(),
        }
    }

    /// The model's aliases (other spellings of its name), as spelled in the data.
    pub fn aliases(&self) -> impl ExactSizeIterator<Item = &str> + Clone {
        match &self.repr {
            Repr::Builtin(r) => {
                Names::Builtin(compiled::list(r.aliases_at, r.aliases_len.into()).iter())
            }
            Repr::Custom(c) => Names::Custom(c.aliases.iter()),
        }
    }

    /// The names the provider serves as model ids of their own that resolve to this model
    /// (dated snapshots, `-latest` pointers, variants), each with the facts it has apart from
    /// the model's.
    ///
    /// ```
    /// let m = model_catalog::lookup_model("gpt-4o").unwrap();
    /// assert!(m.served_names().any(|s| s.id() == "gpt-4o-2024-08-06"));
    /// ```
    pub fn served_names(&self) -> impl ExactSizeIterator<Item = &ServedName> + Clone {
        self.served_list().iter()
    }

    /// The served names, as a slice.
    pub(crate) fn served_list(&self) -> &[ServedName] {
        match &self.repr {
            Repr::Builtin(r) => {
                let at = r.served_at as usize;
                SERVED
                    .get(at..at + usize::from(r.served_len))
                    .unwrap_or_default()
            }
            Repr::Custom(c) => &c.served_names,
        }
    }

    /// The served name spelled `name` (ASCII case ignored), if the model has one.
    pub fn served_name(&self, name: &str) -> Option<&ServedName> {
        self.served_names()
            .find(|s| s.id().eq_ignore_ascii_case(name))
    }

    /// Prices of the provider's fine-tunes of this model, where published.
    pub fn fine_tune_pricing(&self) -> &Pricing {
        match &self.repr {
            Repr::Builtin(r) => compiled::pricing(r.fine_tune_pricing),
            Repr::Custom(c) => &c.fine_tune_pricing,
        }
    }

    /// Free-form tags (`subscription`, `paid`).
    pub fn tags(&self) -> impl ExactSizeIterator<Item = &str> + Clone {
        match &self.repr {
            Repr::Builtin(r) => Names::Builtin(
                EXTRAS
                    .get(r.extra as usize)
                    .map_or(&[][..], |x| compiled::list(x.tags_at, x.tags_len as usize))
                    .iter(),
            ),
            Repr::Custom(c) => Names::Custom(c.tags.iter()),
        }
    }

    /// Whether the model carries `tag` (exact match).
    pub fn has_tag(&self, tag: &str) -> bool {
        self.tags().any(|t| t == tag)
    }

    /// The distillation policy, where a source records one.
    pub fn distillation_policy(&self) -> Option<&DistillationPolicy> {
        match &self.repr {
            Repr::Builtin(r) => EXTRAS
                .get(r.extra as usize)
                .and_then(|x| DISTILLATIONS.get(x.distillation as usize)),
            Repr::Custom(c) => c.distillation.as_ref(),
        }
    }

    /// Notes on the data, such as why a fact is missing.
    pub fn notes(&self) -> Option<&str> {
        match &self.repr {
            Repr::Builtin(r) => extra_text(r, |x| x.notes),
            Repr::Custom(c) => c.notes.as_deref(),
        }
    }
}

impl Model {
    /// Where the model stands on `date`.
    pub fn lifecycle_on(&self, date: Date) -> Lifecycle {
        Lifecycle::of(self.is_deprecated(), self.retires(), date)
    }

    /// Where the model stands today (UTC, by the system clock).
    pub fn lifecycle(&self) -> Lifecycle {
        self.lifecycle_on(Date::today())
    }

    /// The exact cost of `usage` at the model's prices; see [`Pricing::cost`].
    pub fn cost(&self, usage: &Usage) -> Result<Cost, CostError> {
        self.pricing().cost(usage)
    }
}

impl PartialEq for Model {
    /// Two models are equal when they are the same entry of the same kind of catalog with the
    /// same facts: a built-in model never equals a run-time one (their indexes differ).
    fn eq(&self, other: &Model) -> bool {
        self.index == other.index
            && self.provider_index == other.provider_index
            && self.repr == other.repr
    }
}

impl Eq for Model {}

impl fmt::Debug for Model {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Model")
            .field("id", &self.id())
            .field("upstream_id", &self.upstream_id())
            .field("name", &self.name())
            .field("provider", &self.provider_id())
            .field("index", &self.index)
            .field("context_window", &self.context_window())
            .field("max_output_tokens", &self.max_output_tokens())
            .field("pricing", self.pricing())
            .field("deprecated", &self.is_deprecated())
            .field("retires", &self.retires())
            .finish_non_exhaustive()
    }
}
