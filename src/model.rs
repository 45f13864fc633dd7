//! [`Model`]: one model as one provider serves it, and what the catalog knows of it.

use crate::abilities::Abilities;
use crate::compiled::{self, count, records};
use crate::cost::{Cost, CostError, PriceSource};
use crate::data::capability::Flags;
use crate::data::capability::{Capability, Support};
use crate::data::compiled::{
    date_from_u32, flags_from_u8, ExtraRecord, ModelRecord, Section, NONE,
};
use crate::data::date::Date;
use crate::data::grammar::served_name_in;
use crate::data::modality::Modalities;
use crate::data::price::Pricing;
use crate::distillation::DistillationPolicy;
use crate::lifecycle::Lifecycle;
use crate::model_tables::{ModelTables, Source};
use crate::price_layers;
use crate::provider::PROVIDERS;
use crate::served::ServedName;
use crate::text::Names;
use crate::usage::Usage;
use std::fmt;
use std::sync::Arc;

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
    /// Its record (which holds its index in its catalog's model table and its home
    /// provider's in the provider table): facts as numbers, strings as numbers in its tables.
    rec: ModelRecord,
    /// The tables of the run-time catalog that holds it; `None` for the compiled catalog's.
    tables: Option<Arc<ModelTables>>,
}

// A model: its 64-byte record and the pointer to a run-time catalog's tables (none for the
// compiled catalog's).
#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<Model>() == 72);

/// The compiled catalog's models, grouped by provider.
pub(crate) static MODELS: [Model; count(Section::Models)] = records!(
    Model,
    count(Section::Models),
    Model {
        rec: ModelRecord::EMPTY,
        tables: None,
    },
    Section::Models,
    |r: ModelRecord| Model {
        rec: r,
        tables: None,
    }
);

impl Model {
    /// A model of a run-time catalog: record `rec` over `tables`.
    pub(crate) fn custom(rec: ModelRecord, tables: Arc<ModelTables>) -> Model {
        Model {
            rec,
            tables: Some(tables),
        }
    }

    /// The build of the run-time catalog that holds it; `None` for the compiled catalog's,
    /// which every catalog holds.
    pub(crate) fn build(&self) -> Option<u64> {
        self.tables.as_ref().map(|t| t.build)
    }

    /// Its index in its catalog's model table.
    #[inline(always)]
    pub(crate) fn index(&self) -> u32 {
        self.rec.index
    }

    /// Its home provider's index in its catalog's provider table.
    #[inline(always)]
    pub(crate) fn provider_index(&self) -> u32 {
        self.rec.provider
    }

    /// Where its record's numbers point.
    #[inline]
    fn source(&self) -> Source<'_> {
        match &self.tables {
            None => Source::Builtin,
            Some(t) => Source::Tables(t),
        }
    }

    /// Its extra record, if it has one.
    fn extra(&self) -> Option<&ExtraRecord> {
        self.source().extra(self.rec.extra)
    }

    /// A string of its extra record.
    fn extra_text(&self, field: fn(&ExtraRecord) -> u32) -> Option<&str> {
        self.extra().and_then(|x| self.source().opt_text(field(x)))
    }

    /// The offers of a built-in model: indexes of the compiled catalog's offer table.
    pub(crate) fn builtin_offers(&self) -> &'static [u32] {
        match &self.tables {
            // They follow its aliases in the list.
            None => {
                let r = &self.rec;
                let at = r.list_at.saturating_add(r.aliases_len.into());
                compiled::list(at, r.offers_len.into())
            }
            Some(_) => &[],
        }
    }

    /// The recorded capability flags.
    fn flags(&self) -> Flags {
        flags_from_u8(self.rec.flags)
    }

    /// Its flags and modalities.
    pub(crate) fn abilities(&self) -> Abilities {
        Abilities {
            flags: self.flags(),
            input: self.input_modalities(),
            output: self.output_modalities(),
        }
    }
}

impl Model {
    /// The catalog id, unique in the catalog (`gpt-4o`, `llama-3.3-70b-versatile`).
    pub fn id(&self) -> &str {
        self.source().text(self.rec.id)
    }

    /// The id to send to the provider's API (`meta-llama/llama-3.3-70b-versatile`); the same
    /// as [`id`](Model::id) for most models.
    pub fn upstream_id(&self) -> &str {
        self.source().text(self.rec.upstream_id)
    }

    /// Display name (`GPT-4o`).
    pub fn name(&self) -> &str {
        self.source().text(self.rec.name)
    }

    /// The id of the provider that defines it (its home provider). Other providers may offer
    /// it too.
    pub fn provider_id(&self) -> &str {
        match &self.tables {
            None => PROVIDERS
                .get(self.rec.provider as usize)
                .map_or("", |p| p.id()),
            Some(t) => t.provider_id(self.rec.provider),
        }
    }

    /// A short description, where a source gives one.
    pub fn description(&self) -> Option<&str> {
        self.extra_text(|x| x.description)
    }

    /// Who made the model, as a lowercase id (`openai`, `meta`, `alibaba`).
    pub fn vendor(&self) -> Option<&str> {
        self.source().opt_text(self.rec.vendor)
    }

    /// The model family (`gpt`, `claude-opus`, `llama`).
    pub fn family(&self) -> Option<&str> {
        self.source().opt_text(self.rec.family)
    }

    /// A category: `flagship`, `mini`, `reasoning`, `coding`, `moderation` or `image`.
    pub fn category(&self) -> Option<&str> {
        self.extra_text(|x| x.category)
    }

    /// Context window in tokens (input and output together), where known.
    pub fn context_window(&self) -> Option<u32> {
        let r = &self.rec;
        (r.bits & ModelRecord::CONTEXT != 0).then_some(r.context_window)
    }

    /// Most tokens a prompt may hold, where the provider sets a limit below the context
    /// window; `None` where it sets none (the context window bounds prompt and output
    /// together) or it is unknown.
    ///
    /// ```
    /// // models.dev and LiteLLM: GPT-5.2 takes 272,000 prompt tokens of its 400,000.
    /// let m = model_catalog::lookup_model("gpt-5.2").unwrap();
    /// assert_eq!((m.context_window(), m.max_input_tokens()), (Some(400_000), Some(272_000)));
    /// assert_eq!(model_catalog::lookup_model("gpt-4o").unwrap().max_input_tokens(), None);
    /// ```
    pub fn max_input_tokens(&self) -> Option<u32> {
        self.extra().map(|x| x.max_input_tokens).filter(|&n| n != 0)
    }

    /// Most tokens one response may hold, where known.
    pub fn max_output_tokens(&self) -> Option<u32> {
        let r = &self.rec;
        (r.bits & ModelRecord::MAX_OUTPUT != 0).then_some(r.max_output_tokens)
    }

    /// The kinds of input the model takes, where known.
    pub fn input_modalities(&self) -> Option<Modalities> {
        let r = &self.rec;
        (r.bits & ModelRecord::INPUT_MODALITIES != 0)
            .then(|| Modalities::from_bits(r.input_modalities))
    }

    /// The kinds of output the model produces, where known.
    pub fn output_modalities(&self) -> Option<Modalities> {
        let r = &self.rec;
        (r.bits & ModelRecord::OUTPUT_MODALITIES != 0)
            .then(|| Modalities::from_bits(r.output_modalities))
    }

    /// Whether the model has a capability: yes, no, or unknown.
    ///
    /// `vision`, `pdf` and `audio_input` follow the input modalities (image, file, audio),
    /// `audio_output` the output modalities; the rest are recorded flags, but for parallel
    /// tool calls, which a model that calls no tools does not make.
    ///
    /// ```
    /// use model_catalog::{Capability, Support};
    /// let m = model_catalog::lookup_model("gemini-2.5-pro").unwrap();
    /// assert_eq!(m.capability(Capability::Vision), Support::Yes);
    /// assert_eq!(m.capability(Capability::Pdf), Support::Yes);
    /// ```
    pub fn capability(&self, c: Capability) -> Support {
        self.abilities().support(c)
    }

    /// Every capability with its support, in [`Capability::ALL`] order.
    pub fn capabilities(&self) -> impl Iterator<Item = (Capability, Support)> + '_ {
        Capability::ALL.iter().map(|&c| (c, self.capability(c)))
    }

    /// Prices in USD per million tokens (from the home provider).
    ///
    /// A [`Pricing`] is returned by value (it is `Copy`): the compiled catalog keeps each
    /// distinct one as a few numbers, and makes it on each call.
    ///
    /// ```
    /// let m = model_catalog::lookup_model("gpt-4o").unwrap();
    /// let p = m.pricing();
    /// assert_eq!(p.input.map(|x| x.to_string()).as_deref(), Some("2.5"));
    /// assert_eq!(p.output.map(|x| x.to_string()).as_deref(), Some("10"));
    /// ```
    pub fn pricing(&self) -> Pricing {
        self.source().pricing(self.rec.pricing)
    }

    /// The prices of a request sent to the home provider under the model's upstream id: the
    /// served name's over the model's where that id is one of its served names.
    pub(crate) fn home_pricing(&self) -> Pricing {
        let served = self.served_as(self.upstream_id());
        price_layers::priced([
            (None, PriceSource::Offer),
            (served.map(ServedName::pricing), PriceSource::ServedName),
            (Some(self.pricing()), PriceSource::Model),
        ])
        .pricing
    }

    /// Whether the weights are published, where known.
    pub fn open_weights(&self) -> Option<bool> {
        let r = &self.rec;
        (r.bits & ModelRecord::OPEN_WEIGHTS_KNOWN != 0)
            .then_some(r.bits & ModelRecord::OPEN_WEIGHTS != 0)
    }

    /// First release date, where known.
    pub fn release_date(&self) -> Option<Date> {
        date_from_u32(self.rec.release_date)
    }

    /// Training-data cutoff as `YYYY-MM` or `YYYY-MM-DD`, where known.
    pub fn knowledge_cutoff(&self) -> Option<&str> {
        self.extra_text(|x| x.knowledge_cutoff)
    }

    /// Whether the provider has deprecated the model.
    pub fn is_deprecated(&self) -> bool {
        self.rec.bits & ModelRecord::DEPRECATED != 0
    }

    /// The day the provider stops serving the model, where announced.
    ///
    /// ```
    /// let m = model_catalog::lookup_model("gpt-3.5-turbo").unwrap();
    /// assert_eq!(m.retires().unwrap().to_string(), "2026-09-28");
    /// ```
    pub fn retires(&self) -> Option<Date> {
        date_from_u32(self.rec.retires)
    }

    /// The id of the model that replaces this one, where the data names one.
    pub fn successor(&self) -> Option<&str> {
        self.extra_text(|x| x.successor)
    }

    /// The model's aliases (other spellings of its name), as spelled in the data.
    ///
    /// For a built-in model these are its compiled aliases, in any catalog: an alias a
    /// run-time catalog declares apart for it (`{"aliases": [{"alias": ..., "target":
    /// "gpt-4o-mini"}]}`) resolves to it in that catalog, and is suggested for its typos,
    /// but is not listed here. A run-time model's aliases include those declared apart.
    pub fn aliases(&self) -> impl ExactSizeIterator<Item = &str> + Clone {
        let src = self.source();
        Names::Numbers(
            src,
            src.list(self.rec.list_at, self.rec.aliases_len.into())
                .iter(),
        )
    }

    /// The names the provider serves as model ids of their own that resolve to this model
    /// (dated snapshots, ids such as `chatgpt-4o-latest`, variants), each with the facts it has apart from
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
        let src = self.source();
        self.extra()
            .map_or(&[][..], |x| src.served(x.served_at, x.served_len as usize))
    }

    /// The served name spelled `name` (ASCII case ignored), if the model has one.
    pub fn served_name(&self, name: &str) -> Option<&ServedName> {
        self.served_names()
            .find(|s| s.id().eq_ignore_ascii_case(name))
    }

    /// The served name a provider sends as `upstream`: the one spelled so, or spelled as its
    /// part after the last `/` (an offer's vendor-prefixed id, `openai/o3-pro-2025-06-10`),
    /// ASCII case ignored.
    pub(crate) fn served_as(&self, upstream: &str) -> Option<&ServedName> {
        let id = served_name_in(upstream, self.served_names().map(ServedName::id))?;
        self.served_names().find(|s| std::ptr::eq(s.id(), id))
    }

    /// Prices of the provider's fine-tunes of this model, where published.
    pub fn fine_tune_pricing(&self) -> Pricing {
        let n = self.extra().map_or(NONE, |x| x.fine_tune_pricing);
        self.source().pricing(n)
    }

    /// Free-form tags (`subscription`, `paid`).
    pub fn tags(&self) -> impl ExactSizeIterator<Item = &str> + Clone {
        let src = self.source();
        let tags = self
            .extra()
            .map_or(&[][..], |x| src.list(x.tags_at, x.tags_len as usize));
        Names::Numbers(src, tags.iter())
    }

    /// Whether the model carries `tag` (exact match).
    pub fn has_tag(&self, tag: &str) -> bool {
        self.tags().any(|t| t == tag)
    }

    /// The distillation policy, where a source records one.
    pub fn distillation_policy(&self) -> Option<&DistillationPolicy> {
        self.extra()
            .and_then(|x| self.source().distillation(x.distillation))
    }

    /// Notes on the data, such as why a fact is missing.
    pub fn notes(&self) -> Option<&str> {
        self.extra_text(|x| x.notes)
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
        self.rec.index == other.rec.index
            && self.rec.provider == other.rec.provider
            && match (&self.tables, &other.tables) {
                (None, None) => self.rec == other.rec,
                (Some(a), Some(b)) if Arc::ptr_eq(a, b) => self.rec == other.rec,
                (Some(_), Some(_)) => self.same_facts(other),
                _ => false,
            }
    }
}

impl Model {
    /// Whether two models of run-time catalogs say the same of themselves, field by field.
    fn same_facts(&self, o: &Model) -> bool {
        self.rec.flags == o.rec.flags
            && (
                self.id(),
                self.upstream_id(),
                self.name(),
                self.provider_id(),
            ) == (o.id(), o.upstream_id(), o.name(), o.provider_id())
            && (
                self.description(),
                self.vendor(),
                self.family(),
                self.category(),
            ) == (o.description(), o.vendor(), o.family(), o.category())
            && (
                self.context_window(),
                self.max_output_tokens(),
                self.open_weights(),
            ) == (o.context_window(), o.max_output_tokens(), o.open_weights())
            && (self.input_modalities(), self.output_modalities())
                == (o.input_modalities(), o.output_modalities())
            && (self.pricing(), self.fine_tune_pricing()) == (o.pricing(), o.fine_tune_pricing())
            && (self.release_date(), self.retires(), self.is_deprecated())
                == (o.release_date(), o.retires(), o.is_deprecated())
            && (self.knowledge_cutoff(), self.successor(), self.notes())
                == (o.knowledge_cutoff(), o.successor(), o.notes())
            && self.distillation_policy() == o.distillation_policy()
            && self.aliases().eq(o.aliases())
            && self.tags().eq(o.tags())
            && self.served_list() == o.served_list()
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
            .field("index", &self.rec.index)
            .field("context_window", &self.context_window())
            .field("max_output_tokens", &self.max_output_tokens())
            .field("pricing", &self.pricing())
            .field("deprecated", &self.is_deprecated())
            .field("retires", &self.retires())
            .finish_non_exhaustive()
    }
}
