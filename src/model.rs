//! [`Model`]: one model as one provider serves it, and what the catalog knows of it.

use crate::cost::{Cost, CostError};
use crate::data::capability::Flags;
use crate::data::capability::{Capability, Support};
use crate::data::date::Date;
use crate::data::modality::{Modalities, Modality};
use crate::data::price::Pricing;
use crate::lifecycle::Lifecycle;
use crate::served::ServedName;
use crate::text::Text;
use crate::usage::Usage;
use std::borrow::Cow;

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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Model {
    pub(crate) id: Text,
    pub(crate) upstream_id: Text,
    pub(crate) name: Text,
    pub(crate) provider: Text,
    /// Index of the provider in its catalog's provider table.
    pub(crate) provider_index: u32,
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
    /// Indexes of the offers of this model in its catalog's offer table.
    pub(crate) offers: Cow<'static, [u32]>,
    /// Index in its catalog's model table.
    pub(crate) index: u32,
}

/// Whether a model's outputs may be used for distillation or training, as a source records
/// it (NanoGPT's `distillationPolicy`). Informational, not legal advice.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DistillationPolicy {
    pub(crate) status: Option<Text>,
    pub(crate) label: Option<Text>,
    pub(crate) basis: Option<Text>,
    pub(crate) source_url: Option<Text>,
    pub(crate) note: Option<Text>,
}

impl DistillationPolicy {
    /// For example `allowed`.
    pub fn status(&self) -> Option<&str> {
        self.status.as_deref()
    }
    /// A human-readable label.
    pub fn label(&self) -> Option<&str> {
        self.label.as_deref()
    }
    /// For example `permissive-open-weights`.
    pub fn basis(&self) -> Option<&str> {
        self.basis.as_deref()
    }
    /// The license or terms the policy rests on.
    pub fn source_url(&self) -> Option<&str> {
        self.source_url.as_deref()
    }
    /// A short explanation.
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }
}

impl Model {
    /// The catalog id, unique in the catalog (`gpt-4o`, `llama-3.3-70b-versatile`).
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The id to send to the provider's API (`meta-llama/llama-3.3-70b-versatile`); the same
    /// as [`id`](Model::id) for most models.
    pub fn upstream_id(&self) -> &str {
        &self.upstream_id
    }

    /// Display name (`GPT-4o`).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The id of the provider that defines it (its home provider). Other providers may offer
    /// it too.
    pub fn provider_id(&self) -> &str {
        &self.provider
    }

    /// A short description, where a source gives one.
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }

    /// Who made the model, as a lowercase id (`openai`, `meta`, `alibaba`).
    pub fn vendor(&self) -> Option<&str> {
        self.vendor.as_deref()
    }

    /// The model family (`gpt`, `claude-opus`, `llama`).
    pub fn family(&self) -> Option<&str> {
        self.family.as_deref()
    }

    /// A category: `flagship`, `mini`, `reasoning`, `coding`, `moderation` or `image`.
    pub fn category(&self) -> Option<&str> {
        self.category.as_deref()
    }

    /// Context window in tokens (input and output together), where known.
    pub fn context_window(&self) -> Option<u32> {
        self.context_window
    }

    /// Most tokens one response may hold, where known.
    pub fn max_output_tokens(&self) -> Option<u32> {
        self.max_output_tokens
    }

    /// The kinds of input the model takes, where known.
    pub fn input_modalities(&self) -> Option<Modalities> {
        self.input_modalities
    }

    /// The kinds of output the model produces, where known.
    pub fn output_modalities(&self) -> Option<Modalities> {
        self.output_modalities
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
        let input = |m: Modality| self.input_modalities.map(|s| s.contains(m));
        Support::from_known(match c {
            Capability::Tools => self.flags.tools,
            Capability::ParallelTools => self.flags.parallel_tools,
            Capability::Reasoning => self.flags.reasoning,
            Capability::StructuredOutput => self.flags.structured_output,
            Capability::Vision => input(Modality::Image),
            Capability::Pdf => input(Modality::File),
            Capability::AudioInput => input(Modality::Audio),
            Capability::AudioOutput => self.output_modalities.map(|s| s.contains(Modality::Audio)),
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
        &self.pricing
    }

    /// Whether the weights are published, where known.
    pub fn open_weights(&self) -> Option<bool> {
        self.open_weights
    }

    /// First release date, where known.
    pub fn release_date(&self) -> Option<Date> {
        self.release_date
    }

    /// Training-data cutoff as `YYYY-MM` or `YYYY-MM-DD`, where known.
    pub fn knowledge_cutoff(&self) -> Option<&str> {
        self.knowledge_cutoff.as_deref()
    }

    /// Whether the provider has deprecated the model.
    pub fn is_deprecated(&self) -> bool {
        self.deprecated
    }

    /// The day the provider stops serving the model, where announced.
    ///
    /// ```
    /// let m = model_catalog::lookup_model("gpt-3.5-turbo").unwrap();
    /// assert_eq!(m.retires().unwrap().to_string(), "2026-09-28");
    /// ```
    pub fn retires(&self) -> Option<Date> {
        self.retires
    }

    /// The id of the model that replaces this one, where the data names one.
    pub fn successor(&self) -> Option<&str> {
        self.successor.as_deref()
    }

    /// The model's aliases (other spellings of its name), as spelled in the data.
    pub fn aliases(&self) -> impl ExactSizeIterator<Item = &str> + Clone {
        self.aliases.iter().map(|a| &**a)
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
        self.served_names.iter()
    }

    /// The served name spelled `name` (ASCII case ignored), if the model has one.
    pub fn served_name(&self, name: &str) -> Option<&ServedName> {
        self.served_names
            .iter()
            .find(|s| s.id.eq_ignore_ascii_case(name))
    }

    /// Prices of the provider's fine-tunes of this model, where published.
    pub fn fine_tune_pricing(&self) -> &Pricing {
        &self.fine_tune_pricing
    }

    /// Free-form tags (`subscription`, `paid`).
    pub fn tags(&self) -> impl ExactSizeIterator<Item = &str> + Clone {
        self.tags.iter().map(|a| &**a)
    }

    /// Whether the model carries `tag` (exact match).
    pub fn has_tag(&self, tag: &str) -> bool {
        self.tags.iter().any(|t| t == tag)
    }

    /// The distillation policy, where a source records one.
    pub fn distillation_policy(&self) -> Option<&DistillationPolicy> {
        self.distillation.as_ref()
    }

    /// Notes on the data, such as why a fact is missing.
    pub fn notes(&self) -> Option<&str> {
        self.notes.as_deref()
    }
}

impl Model {
    /// Where the model stands on `date`.
    pub fn lifecycle_on(&self, date: Date) -> Lifecycle {
        Lifecycle::of(self.deprecated, self.retires, date)
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
