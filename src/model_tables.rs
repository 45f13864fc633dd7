//! Where a model's facts are read: the compiled catalog's tables, or the tables a run-time
//! catalog makes for its own models in the same layout ([`ModelTables`]): one
//! [`ModelRecord`] per model, whose strings are numbers in one string table, with a `u32`
//! list of aliases and tags, distinct prices, extra records, served names and distillation
//! policies beside it. A [`Model`](crate::Model) holds its record and reads the rest
//! through [`Source`].

use crate::compiled::{self, EXTRAS};
use crate::data::compiled::{ExtraRecord, ModelRecord, ServedRecord, NONE};
use crate::data::price::Pricing;
use crate::data::validate::{DataError, DataErrorKind, ModelRec};
use crate::distillation::{DistillationData, DistillationPolicy, DISTILLATIONS};
use crate::served::{ServedName, SERVED};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

/// A run-time catalog's strings and distinct prices, which its models' and served names'
/// records number. Each part is shared: the model tables hold the arena itself, so that a
/// model reaches its strings in one step, and served names a counted reference to a copy.
#[derive(Clone)]
pub(crate) struct Arena {
    /// Every string, end to end.
    text: Arc<str>,
    /// String `k` is `text[ends[k]..ends[k + 1]]`.
    ends: Arc<[u32]>,
    /// The distinct prices; the first is the empty one.
    pricings: Arc<[Pricing]>,
}

impl Arena {
    /// String `n`, or `None` for [`NONE`].
    #[inline]
    pub(crate) fn opt_text(&self, n: u32) -> Option<&str> {
        let i = n as usize;
        let (start, end) = (*self.ends.get(i)?, *self.ends.get(i + 1)?);
        self.text.get(start as usize..end as usize)
    }

    /// String `n` (empty for [`NONE`]).
    #[inline]
    pub(crate) fn text(&self, n: u32) -> &str {
        self.opt_text(n).unwrap_or_default()
    }

    /// Prices `n`, or the empty ones.
    #[inline]
    pub(crate) fn pricing(&self, n: u32) -> Pricing {
        self.pricings.get(n as usize).copied().unwrap_or_default()
    }
}

/// A run-time catalog's model tables: its [`Arena`], and the lists and records beside it.
pub(crate) struct ModelTables {
    /// The build of the catalog that holds these models ([`Overlay::build`](crate::overlay::Overlay::build)).
    pub(crate) build: u64,
    /// The strings and prices.
    arena: Arena,
    /// String numbers of aliases and tags.
    list: Vec<u32>,
    /// What few models have.
    extras: Vec<ExtraRecord>,
    /// Served names, grouped by model.
    served: Vec<ServedName>,
    /// Distillation policies.
    distillations: Vec<DistillationPolicy>,
    /// The string number of each home provider's id, by provider index ([`NONE`] for a
    /// provider none of these models has).
    providers: Vec<u32>,
}

/// Where a model's record points: the compiled catalog's tables or a run-time catalog's.
#[derive(Clone, Copy)]
pub(crate) enum Source<'a> {
    /// The compiled catalog's.
    Builtin,
    /// A run-time catalog's.
    Tables(&'a ModelTables),
}

impl<'a> Source<'a> {
    /// String `n`, or `None` for [`NONE`].
    #[inline]
    pub(crate) fn opt_text(self, n: u32) -> Option<&'a str> {
        match self {
            Source::Builtin => compiled::opt_text(n),
            Source::Tables(t) => t.arena.opt_text(n),
        }
    }

    /// String `n` (empty for [`NONE`]).
    #[inline]
    pub(crate) fn text(self, n: u32) -> &'a str {
        self.opt_text(n).unwrap_or_default()
    }

    /// `len` entries of the `u32` list from `at`.
    #[inline]
    pub(crate) fn list(self, at: u32, len: usize) -> &'a [u32] {
        match self {
            Source::Builtin => compiled::list(at, len),
            Source::Tables(t) => slice(&t.list, at, len),
        }
    }

    /// Pricing `n`, or the empty one.
    #[inline]
    pub(crate) fn pricing(self, n: u32) -> Pricing {
        match self {
            Source::Builtin => compiled::pricing(n),
            Source::Tables(t) => t.arena.pricing(n),
        }
    }

    /// Extra record `n`, if there is one.
    #[inline]
    pub(crate) fn extra(self, n: u32) -> Option<&'a ExtraRecord> {
        match self {
            Source::Builtin => EXTRAS.get(n as usize),
            Source::Tables(t) => t.extras.get(n as usize),
        }
    }

    /// `len` served names from `at`.
    #[inline]
    pub(crate) fn served(self, at: u32, len: usize) -> &'a [ServedName] {
        match self {
            Source::Builtin => slice(&SERVED, at, len),
            Source::Tables(t) => slice(&t.served, at, len),
        }
    }

    /// Distillation policy `n`, if there is one.
    #[inline]
    pub(crate) fn distillation(self, n: u32) -> Option<&'a DistillationPolicy> {
        match self {
            Source::Builtin => DISTILLATIONS.get(n as usize),
            Source::Tables(t) => t.distillations.get(n as usize),
        }
    }
}

/// `len` items of `items` from `at` (none where out of range).
fn slice<T>(items: &[T], at: u32, len: usize) -> &[T] {
    let at = at as usize;
    items.get(at..at.saturating_add(len)).unwrap_or_default()
}

/// The tables grew past what `u32` numbers reach.
struct Full;

impl ModelTables {
    /// The id of home provider `index`, as these tables keep it.
    pub(crate) fn provider_id(&self, index: u32) -> &str {
        self.providers
            .get(index as usize)
            .and_then(|&n| self.arena.opt_text(n))
            .unwrap_or_default()
    }

    /// The tables of validated models `models` (model `i` has catalog index `base + i`) of
    /// the overlay numbered `build`, with their records in the same order. `provider_id` gives the id of a provider by
    /// index. Strings are copied into one table; vendors, families, categories, provider
    /// ids and prices, which many models share, are kept once.
    ///
    /// A catalog whose strings pass 4 GiB is refused: the tables number them in 32 bits.
    pub(crate) fn build<'p>(
        build: u64,
        models: &[ModelRec<'_>],
        base: u32,
        provider_id: impl Fn(usize) -> &'p str,
    ) -> Result<(ModelTables, Vec<ModelRecord>), DataError> {
        let mut b = Builder {
            text: String::with_capacity(models.len() * 64),
            ends: Vec::with_capacity(models.len() * 4 + 1),
            pricings: vec![Pricing::new()],
            served: Vec::new(),
            list: Vec::new(),
            extras: Vec::new(),
            distillations: Vec::new(),
            providers: Vec::new(),
            shared: HashMap::new(),
            prices: HashMap::new(),
        };
        b.ends.push(0);
        let mut records = Vec::with_capacity(models.len());
        for (pos, m) in models.iter().enumerate() {
            let index = base.saturating_add(u32::try_from(pos).unwrap_or(u32::MAX));
            match b.model(m, index, &provider_id) {
                Ok(r) => records.push(r),
                Err(Full) => {
                    return Err(DataError {
                        file: m.file.to_owned(),
                        entry: "catalog".to_owned(),
                        kind: DataErrorKind::Invalid {
                            field: "models",
                            reason: "the models' strings or lists pass what 32-bit \
                                     positions reach (4 GiB of text)"
                                .to_owned(),
                        },
                    })
                }
            }
        }
        let arena = Arena {
            text: Arc::from(b.text),
            ends: Arc::from(b.ends),
            pricings: Arc::from(b.pricings),
        };
        let shared = Arc::new(arena.clone());
        let served = b
            .served
            .into_iter()
            .map(|r| ServedName::custom(r, shared.clone()))
            .collect();
        b.list.shrink_to_fit();
        let tables = ModelTables {
            build,
            arena,
            list: b.list,
            extras: b.extras,
            served,
            distillations: b.distillations,
            providers: b.providers,
        };
        Ok((tables, records))
    }
}

/// What [`ModelTables::build`] keeps while it fills the tables.
struct Builder {
    /// The arena's strings, end to end, as they are appended.
    text: String,
    /// Where each string ends.
    ends: Vec<u32>,
    /// The distinct prices.
    pricings: Vec<Pricing>,
    /// The served names' records, made into [`ServedName`]s over the finished arena.
    served: Vec<ServedRecord>,
    list: Vec<u32>,
    extras: Vec<ExtraRecord>,
    distillations: Vec<DistillationPolicy>,
    providers: Vec<u32>,
    /// Strings many models share (vendors, families, categories, provider ids): their
    /// numbers.
    shared: HashMap<String, u32>,
    /// Prices: their numbers.
    prices: HashMap<Pricing, u32>,
}

impl Builder {
    /// Appends `s` to the string table: its number.
    fn string(&mut self, s: &str) -> Result<u32, Full> {
        let n = u32::try_from(self.ends.len() - 1).map_err(|_| Full)?;
        if n == NONE {
            return Err(Full);
        }
        self.text.push_str(s);
        self.ends
            .push(u32::try_from(self.text.len()).map_err(|_| Full)?);
        Ok(n)
    }

    /// [`string`](Builder::string) of `s`, or [`NONE`].
    fn opt(&mut self, s: Option<&str>) -> Result<u32, Full> {
        s.map_or(Ok(NONE), |s| self.string(s))
    }

    /// The number of `s`, a string many models share: appended the first time only.
    fn shared(&mut self, s: Option<&str>) -> Result<u32, Full> {
        let Some(s) = s else { return Ok(NONE) };
        if let Some(&n) = self.shared.get(s) {
            return Ok(n);
        }
        let n = self.string(s)?;
        self.shared.insert(s.to_owned(), n);
        Ok(n)
    }

    /// The number of `p` among the distinct prices.
    fn pricing(&mut self, p: Pricing) -> Result<u32, Full> {
        if p == Pricing::new() {
            return Ok(0);
        }
        if let Some(&n) = self.prices.get(&p) {
            return Ok(n);
        }
        let n = u32::try_from(self.pricings.len()).map_err(|_| Full)?;
        self.pricings.push(p);
        self.prices.insert(p, n);
        Ok(n)
    }

    /// Appends the string numbers of `items` to the list: where they begin.
    fn strings<'s>(&mut self, items: impl IntoIterator<Item = &'s str>) -> Result<u32, Full> {
        let at = u32::try_from(self.list.len()).map_err(|_| Full)?;
        for s in items {
            let n = self.string(s)?;
            self.list.push(n);
        }
        Ok(at)
    }

    /// The record of model `m`, catalog index `index`, its strings and what it lists added
    /// to the tables.
    fn model<'p>(
        &mut self,
        m: &ModelRec<'_>,
        index: u32,
        provider_id: &impl Fn(usize) -> &'p str,
    ) -> Result<ModelRecord, Full> {
        let e = m.entry;
        // A validated model has a provider, whose index is below the catalog's provider
        // count: the table of ids grows to that count at most.
        let provider = u32::try_from(m.provider).unwrap_or(NONE);
        let slot = provider as usize;
        if provider != NONE && self.providers.len() <= slot {
            self.providers.resize(slot + 1, NONE);
        }
        if self.providers.get(slot) == Some(&NONE) {
            let n = self.shared(Some(provider_id(slot)))?;
            self.providers[slot] = n;
        }
        let extra = if ExtraRecord::needed(e) {
            let distillation = match &e.distillation_policy {
                Some(d) => {
                    let n = u32::try_from(self.distillations.len()).map_err(|_| Full)?;
                    self.distillations
                        .push(DistillationPolicy::custom(DistillationData {
                            status: d.status.clone().map(Cow::Owned),
                            label: d.label.clone().map(Cow::Owned),
                            basis: d.basis.clone().map(Cow::Owned),
                            source_url: d.source_url.clone().map(Cow::Owned),
                            note: d.note.clone().map(Cow::Owned),
                        }));
                    n
                }
                None => NONE,
            };
            let served_at = u32::try_from(self.served.len()).map_err(|_| Full)?;
            for s in &e.served_names {
                let rec = ServedRecord {
                    id: self.string(&s.id)?,
                    pricing: self.pricing(s.pricing)?,
                    fine_tune_pricing: self.pricing(s.fine_tune_pricing)?,
                    ..ServedRecord::facts(s)
                };
                self.served.push(rec);
            }
            let fine_tune_pricing = if e.fine_tune_pricing.is_empty() {
                NONE
            } else {
                self.pricing(e.fine_tune_pricing)?
            };
            let x = ExtraRecord {
                description: self.opt(e.description.as_deref())?,
                category: self.shared(e.category.as_deref())?,
                knowledge_cutoff: self.opt(e.knowledge_cutoff.as_deref())?,
                successor: self.opt(e.successor.as_deref())?,
                notes: self.opt(e.notes.as_deref())?,
                distillation,
                fine_tune_pricing,
                served_at,
                served_len: u32::try_from(e.served_names.len()).map_err(|_| Full)?,
                tags_at: self.strings(e.tags.iter().map(String::as_str))?,
                tags_len: u32::try_from(e.tags.len()).map_err(|_| Full)?,
                max_input_tokens: e.max_input_tokens.unwrap_or(0),
            };
            let n = u32::try_from(self.extras.len()).map_err(|_| Full)?;
            self.extras.push(x);
            n
        } else {
            NONE
        };
        let id = self.string(&e.id)?;
        // Most upstream ids are the id: kept once.
        let upstream_id = if m.upstream_id == e.id {
            id
        } else {
            self.string(m.upstream_id)?
        };
        Ok(ModelRecord {
            index,
            provider,
            id,
            upstream_id,
            name: self.string(&e.name)?,
            vendor: self.shared(e.vendor.as_deref())?,
            family: self.shared(e.family.as_deref())?,
            extra,
            pricing: self.pricing(e.pricing)?,
            // A run-time catalog's offers are not listed here: the list holds the aliases.
            list_at: self.strings(m.aliases())?,
            // The validator refuses more than `MAX_NAMES_PER_MODEL` (65,535) aliases.
            aliases_len: u16::try_from(m.alias_count()).unwrap_or(u16::MAX),
            offers_len: 0,
            ..ModelRecord::facts(e)
        })
    }
}
