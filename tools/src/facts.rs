//! The precedence rules of a refresh: which source's value a model fact takes, and the
//! conflicts between sources that are listed in `data/CONFLICTS.md`.
//!
//! For each fact the seed, models.dev and LiteLLM may speak. Where models.dev and LiteLLM
//! agree, their value stands, even against the seed. Where they disagree, or only one of them
//! speaks, the seed decides where it speaks; otherwise models.dev decides (or the one
//! reference that speaks). Every case where the sources that speak do not all agree is a
//! [`Conflict`].

use crate::data::capability::Flags;
use crate::data::date::Date;
use crate::data::modality::Modality;
use crate::data::price::{LongContextPricing, Price, Pricing};
use crate::data::schema::ModelEntry;
use crate::reference::{Facts, MODALITY_ORDER};
use crate::seed::SeedModel;
use std::fmt::Display;

/// Sources that disagree on a fact, and what was chosen.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Conflict {
    /// The catalog entry: a model id, `<model> (served name <name>)` or `<model> (offer at
    /// <provider>)`.
    pub subject: String,
    /// The fact.
    pub field: String,
    /// The seed's value (`-` where it is silent).
    pub seed: String,
    /// models.dev's value.
    pub models_dev: String,
    /// LiteLLM's value.
    pub litellm: String,
    /// The value written (`unknown` for none).
    pub chosen: String,
    /// The rule that chose it.
    pub rule: String,
}

/// The rules, as the conflicts table names them.
pub mod rule {
    /// Both references give the same value; it stands over the seed's.
    pub const AGREE: &str = "agree: models.dev and LiteLLM agree, over the seed";
    /// The references disagree; the seed speaks.
    pub const SEED: &str = "seed: the references disagree, the seed decides";
    /// Only one reference speaks; the seed speaks too.
    pub const SEED_ONE: &str = "seed: one reference speaks, the seed decides";
    /// The references disagree; the seed is silent.
    pub const MODELS_DEV: &str = "models.dev: the references disagree, models.dev decides";
    /// The variable the seeds name for a provider's key.
    pub const SEED_KEYS: &str = "seed: the seeds own providers' keys, and name this variable";
    /// The seed's retirement date.
    pub const SEED_RETIRES: &str = "seed: the seed owns the retirement dates it states";
    /// A model that cannot call tools cannot call them in parallel.
    pub const NO_TOOLS: &str = "consistency: no parallel tool calls without tool calls";
    /// An output limit above the context window is dropped.
    pub const OUTPUT_ABOVE_CONTEXT: &str =
        "consistency: an output limit above the context window is unknown";
    /// An offer's output limit above its context window is that context window: left
    /// unknown, the offer would take the output limit of the model's own provider.
    pub const OFFER_OUTPUT_ABOVE_CONTEXT: &str =
        "consistency: an offer's output limit above its context window is that context window";
    /// A January 1 release date is a placeholder.
    pub const PLACEHOLDER_DATE: &str = "placeholder: a January 1 release date is a year only";
    /// One reference describes another generation of the model behind the name.
    pub const GENERATION: &str = "generation: context windows more than 2x apart describe different generations; the one nearer the seed's (else models.dev's) gives the facts";
}

/// A maintainer's decision on a conflict the rules would settle wrongly, with the evidence.
pub struct Decision {
    /// The model id.
    pub model: &'static str,
    /// The capability flag (`tools`, `parallel_tools`, `reasoning`, `structured_output`).
    pub field: &'static str,
    /// The value decided.
    pub value: bool,
    /// Why, citing the reference data.
    pub reason: &'static str,
}

/// The decisions: few, each explained in the conflicts table and in data/README.md.
pub const DECISIONS: &[Decision] = &[Decision {
    model: "gpt-3.5-turbo",
    field: "tools",
    value: true,
    reason: "decision: LiteLLM marks gpt-3.5-turbo and its snapshots 0125 and 1106 as calling functions; models.dev's tool_call = false stands alone against OpenAI's function calling, introduced with this model",
}];

/// Chooses a value by the precedence rules. Returns it and, where the sources that speak do
/// not all agree, the rule that chose.
pub fn pick<T: PartialEq + Clone>(
    seed: Option<T>,
    md: Option<T>,
    ll: Option<T>,
) -> (Option<T>, Option<&'static str>) {
    match (md, ll) {
        (Some(m), Some(l)) if m == l => {
            let conflict = seed.as_ref().is_some_and(|s| *s != m);
            (Some(m), conflict.then_some(rule::AGREE))
        }
        (Some(m), Some(_)) => match seed {
            Some(s) => (Some(s), Some(rule::SEED)),
            None => (Some(m), Some(rule::MODELS_DEV)),
        },
        (Some(x), None) | (None, Some(x)) => match seed {
            Some(s) => {
                let conflict = s != x;
                (Some(s), conflict.then_some(rule::SEED_ONE))
            }
            None => (Some(x), None),
        },
        (None, None) => (seed, None),
    }
}

fn show<T: Display>(v: &Option<T>) -> String {
    v.as_ref().map_or_else(|| "-".to_owned(), |v| v.to_string())
}

fn yes_no(v: Option<bool>) -> Option<&'static str> {
    v.map(|b| if b { "yes" } else { "no" })
}

fn tier_text(t: &LongContextPricing) -> String {
    let p = |x: Option<Price>| x.map_or_else(|| "-".to_owned(), |p| p.to_string());
    let hour = t
        .cache_write_1h
        .map_or_else(String::new, |h| format!(" / 1h {h}"));
    format!(
        "above {}: {} / {} / {} / {}{hour}",
        t.above,
        p(t.input),
        p(t.output),
        p(t.cache_read),
        p(t.cache_write)
    )
}

/// Collects the conflicts of one subject.
pub struct Recorder<'a> {
    subject: String,
    out: &'a mut Vec<Conflict>,
}

impl<'a> Recorder<'a> {
    /// Records the conflicts of `subject` into `out`.
    pub fn new(subject: impl Into<String>, out: &'a mut Vec<Conflict>) -> Recorder<'a> {
        Recorder {
            subject: subject.into(),
            out,
        }
    }

    /// Records a conflict with the given texts.
    #[allow(clippy::too_many_arguments)]
    pub fn push(
        &mut self,
        field: &str,
        seed: String,
        md: String,
        ll: String,
        chosen: String,
        rule: &str,
    ) {
        self.out.push(Conflict {
            subject: self.subject.clone(),
            field: field.to_owned(),
            seed,
            models_dev: md,
            litellm: ll,
            chosen: if chosen == "-" {
                "unknown".to_owned()
            } else {
                chosen
            },
            rule: rule.to_owned(),
        });
    }

    /// Chooses a value by [`pick`] and records a conflict if there is one.
    pub fn pick<T: PartialEq + Clone + Display>(
        &mut self,
        field: &str,
        seed: Option<T>,
        md: Option<T>,
        ll: Option<T>,
    ) -> Option<T> {
        let texts = (show(&seed), show(&md), show(&ll));
        let (v, conflict) = pick(seed, md, ll);
        if let Some(r) = conflict {
            self.push(field, texts.0, texts.1, texts.2, show(&v), r);
        }
        v
    }

    /// [`Recorder::pick`] for flags.
    pub fn flag(
        &mut self,
        field: &str,
        seed: Option<bool>,
        md: Option<bool>,
        ll: Option<bool>,
    ) -> Option<bool> {
        self.pick(field, yes_no(seed), yes_no(md), yes_no(ll))
            .map(|v| v == "yes")
    }

    /// The input and output modalities and the capability flags, one at a time by the
    /// precedence rules (the seed's input modalities, where it lists them, decide between
    /// references that disagree).
    pub fn abilities(
        &mut self,
        seed_input: Option<&[&str]>,
        md: &Facts,
        ll: &Facts,
    ) -> (Option<Vec<Modality>>, Option<Vec<Modality>>, Flags) {
        let mut input = Vec::new();
        for x in MODALITY_ORDER {
            let s = seed_input.map(|s| s.contains(&x));
            let d = md.input.as_ref().map(|l| l.contains(&x));
            if self.flag(&format!("input.{x}"), s, d, ll_input(ll, x)) == Some(true) {
                input.push(x);
            }
        }
        let mut output = Vec::new();
        for x in ["text", "image", "audio"] {
            let d = md.output_mods.as_ref().map(|l| l.contains(&x));
            if self.flag(&format!("output.{x}"), None, d, ll_output(ll, x)) == Some(true) {
                output.push(x);
            }
        }
        let mut flags = Flags::new();
        flags.tools = self.flag("tools", None, md.tools, ll.tools);
        flags.parallel_tools = self.flag("parallel_tools", None, None, ll.parallel_tools);
        flags.reasoning = self.flag("reasoning", None, md.reasoning, ll.reasoning);
        flags.structured_output = self.flag(
            "structured_output",
            None,
            md.structured_output,
            ll.structured_output,
        );
        (modalities(input), modalities(output), flags)
    }

    /// The maintainers' decisions on model `model`'s flags ([`DECISIONS`]), where a
    /// reference says otherwise: each replaces the conflict the rules recorded.
    pub fn decide(&mut self, model: &str, flags: &mut Flags, md: &Facts, ll: &Facts) {
        for d in DECISIONS.iter().filter(|d| d.model == model) {
            let (slot, md_v, ll_v) = match d.field {
                "tools" => (&mut flags.tools, md.tools, ll.tools),
                "parallel_tools" => (&mut flags.parallel_tools, None, ll.parallel_tools),
                "reasoning" => (&mut flags.reasoning, md.reasoning, ll.reasoning),
                _ => (
                    &mut flags.structured_output,
                    md.structured_output,
                    ll.structured_output,
                ),
            };
            // Where the references that speak agree with it, there is nothing to decide.
            if [md_v, ll_v].into_iter().flatten().all(|v| v == d.value) {
                continue;
            }
            self.out
                .retain(|c| !(c.subject == self.subject && c.field == d.field));
            self.push(
                d.field,
                "-".into(),
                show(&yes_no(md_v)),
                show(&yes_no(ll_v)),
                show(&yes_no(Some(d.value))),
                d.reason,
            );
            *slot = Some(d.value);
        }
    }

    /// Parallel tool calls are unknown-or-no where tool calls are known to be missing: a
    /// reference that says yes is overruled, and the conflict recorded
    /// ([`rule::NO_TOOLS`]).
    pub fn no_parallel_without_tools(&mut self, flags: &mut Flags) {
        if flags.tools == Some(false) && flags.parallel_tools == Some(true) {
            self.push(
                "parallel_tools",
                "-".into(),
                "-".into(),
                "yes".into(),
                "no".into(),
                rule::NO_TOOLS,
            );
            flags.parallel_tools = Some(false);
        }
    }

    /// The context window and output limit, by the precedence rules (the seed's, where it
    /// gives them, decides between references that disagree). LiteLLM's `max_input_tokens`
    /// is a prompt limit: where it is models.dev's `limit.input`, the context window is
    /// models.dev's `limit.context`. An output limit above the context window is unknown.
    pub fn limits(
        &mut self,
        seed_context: Option<u32>,
        seed_output: Option<u32>,
        md: &Facts,
        ll: &Facts,
    ) -> (Option<u32>, Option<u32>) {
        self.limits_with(seed_context, seed_output, md, ll, false)
    }

    /// The prompt limit, where models.dev gives one below its context window (`[limit]
    /// input`; LiteLLM's `max_input_tokens` speaks to the same fact there), and only below
    /// the context window chosen (`context`): a limit at or above it limits nothing the
    /// context window does not.
    pub fn input_limit(&mut self, md: &Facts, ll: &Facts, context: Option<u32>) -> Option<u32> {
        let md_limit = md_input_limit(md)?;
        let limit = self.pick("max_input_tokens", None, Some(md_limit), as_u32(ll.context));
        below_context(limit, context)
    }

    /// [`limits`](Recorder::limits) of an offer: an output limit above the context window
    /// is the context window ([`rule::OFFER_OUTPUT_ABOVE_CONTEXT`]).
    pub fn offer_limits(&mut self, md: &Facts, ll: &Facts) -> (Option<u32>, Option<u32>) {
        self.limits_with(None, None, md, ll, true)
    }

    fn limits_with(
        &mut self,
        seed_context: Option<u32>,
        seed_output: Option<u32>,
        md: &Facts,
        ll: &Facts,
        clamp: bool,
    ) -> (Option<u32>, Option<u32>) {
        let ll_context = ll_context(ll, md, None);
        let context = self.pick(
            "context_window",
            seed_context,
            as_u32(md.context),
            as_u32(ll_context),
        );
        let output = self.pick(
            "max_output_tokens",
            seed_output,
            as_u32(md.output),
            as_u32(ll.output),
        );
        match (output, context) {
            (Some(o), Some(c)) if o > c => {
                let (kept, rule) = if clamp {
                    (Some(c), rule::OFFER_OUTPUT_ABOVE_CONTEXT)
                } else {
                    (None, rule::OUTPUT_ABOVE_CONTEXT)
                };
                self.push(
                    "max_output_tokens",
                    show(&seed_output),
                    show(&md.output),
                    show(&ll.output),
                    show(&kept),
                    rule,
                );
                (context, kept)
            }
            _ => (context, output),
        }
    }

    /// Prices field by field (and the long-context tier as a whole), models.dev first.
    pub fn pricing(&mut self, md: &Pricing, ll: &Pricing) -> Pricing {
        let mut f = |name: &str, m: Option<Price>, l: Option<Price>| {
            self.pick(&format!("pricing.{name}"), None, m, l)
        };
        let input = f("input", md.input, ll.input);
        let output = f("output", md.output, ll.output);
        let cache_read = f("cache_read", md.cache_read, ll.cache_read);
        let cache_write = f("cache_write", md.cache_write, ll.cache_write);
        let reasoning = f("reasoning", md.reasoning, ll.reasoning);
        let cache_write_1h = f("cache_write_1h", md.cache_write_1h, ll.cache_write_1h);
        let tier = |t: &Option<LongContextPricing>| t.as_ref().map(tier_text);
        let (long_context, conflict) = pick(None, md.long_context, ll.long_context);
        if let Some(r) = conflict {
            self.push(
                "pricing.long_context",
                "-".into(),
                show(&tier(&md.long_context)),
                show(&tier(&ll.long_context)),
                show(&tier(&long_context)),
                r,
            );
        }
        let mut pricing = Pricing::new();
        pricing.input = input;
        pricing.output = output;
        pricing.cache_read = cache_read;
        pricing.cache_write = cache_write;
        pricing.reasoning = reasoning;
        pricing.cache_write_1h = cache_write_1h;
        pricing.long_context = long_context;
        pricing
    }
}

/// The prices in one source's facts. A long-context tier that repeats the base prices is a
/// placeholder and is left out.
pub fn pricing_of(f: &Facts) -> Pricing {
    let p = |k: &str| f.prices.get(k).map(|&v| Price::from_picos_per_token(v));
    let mut out = Pricing::new();
    out.input = p("input");
    out.output = p("output");
    out.cache_read = p("cache_read");
    out.cache_write = p("cache_write");
    // A reasoning price equal to the output price is that price, not one of its own
    // (reasoning tokens are billed as output where no reasoning price is set): where the
    // references disagree on output, reasoning follows the output price chosen.
    out.reasoning = p("reasoning").filter(|r| Some(*r) != out.output);
    out.cache_write_1h = p("cache_write_1h");
    out.long_context = f.long_context.filter(|t| {
        let same = |tier: Option<Price>, base: Option<Price>| tier.is_none() || tier == base;
        !(same(t.input, out.input)
            && same(t.output, out.output)
            && same(t.cache_read, out.cache_read)
            && same(t.cache_write, out.cache_write)
            && same(t.cache_write_1h, out.cache_write_1h))
    });
    out
}

/// models.dev's prompt limit (`[limit] input`), where it gives one below its own context.
pub fn md_input_limit(md: &Facts) -> Option<u32> {
    as_u32(md.input_limit).filter(|&i| i > 0 && as_u32(md.context).is_none_or(|c| i < c))
}

/// A prompt limit as written: only below the context window chosen, which it requires.
pub fn below_context(limit: Option<u32>, context: Option<u32>) -> Option<u32> {
    limit.filter(|&i| context.is_some_and(|c| i < c))
}

/// Whether a date is a placeholder: January 1, which catalogs write for a year alone.
pub fn is_placeholder_date(d: &Date) -> bool {
    let s = d.to_string();
    s.ends_with("-01-01")
}

/// LiteLLM's context window: its `max_input_tokens` is a prompt limit, so where it is
/// models.dev's `limit.input` (of `md`, else of `model_md`, the model's own entry, for a
/// snapshot models.dev does not list), the context window is that entry's `limit.context`.
pub fn ll_context(ll: &Facts, md: &Facts, model_md: Option<&Facts>) -> Option<u64> {
    ll.context.map(|c| {
        if Some(c) == md.input_limit {
            md.context.unwrap_or(c)
        } else if let Some(mm) = model_md.filter(|mm| Some(c) == mm.input_limit) {
            mm.context.unwrap_or(c)
        } else {
            c
        }
    })
}

/// The lifecycle one provider's entries give: LiteLLM's `deprecation_date` retires the name
/// that day (and deprecates it), models.dev's `status = "deprecated"` deprecates it.
pub fn lifecycle_of(md: &Facts, ll: &Facts) -> (bool, Option<Date>) {
    let retires = ll.retires.as_deref().and_then(|d| Date::parse(d).ok());
    (md.deprecated == Some(true) || retires.is_some(), retires)
}

pub(crate) fn as_u32(v: Option<u64>) -> Option<u32> {
    v.and_then(|v| u32::try_from(v).ok())
}

/// LiteLLM's word on one output modality.
fn ll_output(ll: &Facts, m: &str) -> Option<bool> {
    if ll.output_listed {
        return ll.output_mods.as_ref().map(|l| l.contains(&m));
    }
    match m {
        "text" => ll.output_mods.as_ref().map(|l| l.contains(&"text")),
        "audio" => ll.audio_output,
        _ => None,
    }
}

/// LiteLLM's word on one input modality: text for chat entries and those that list it in
/// `supported_modalities`.
fn ll_input(ll: &Facts, m: &str) -> Option<bool> {
    match m {
        "text" if matches!(ll.mode.as_deref(), Some("chat" | "responses")) => Some(true),
        m => ll.input_flags.get(m).copied(),
    }
}

fn modalities(list: Vec<&'static str>) -> Option<Vec<Modality>> {
    let out: Vec<Modality> = list
        .iter()
        .filter_map(|m| serde_json::from_value(serde_json::json!(m)).ok())
        .collect();
    (!out.is_empty()).then_some(out)
}

/// The sources of one model's facts.
pub struct Sources<'a> {
    /// Its models.dev file's facts.
    pub md: Option<&'a Facts>,
    /// Whether that file is the provider's own (else it lends no prices).
    pub md_own: bool,
    /// Its LiteLLM entry's facts (always the provider's own).
    pub ll: Option<&'a Facts>,
    /// Its seed row, for models the Model Catalog seed lists.
    pub seed: Option<&'a SeedModel>,
}

/// What a model's facts come to beyond the fields written into the entry.
pub struct Outcome {
    /// The successor LiteLLM names, as it spells it.
    pub successor: Option<String>,
    /// The reference whose entry describes another generation and gave nothing.
    pub set_aside: Option<&'static str>,
}

/// Writes the model facts of `m` from its sources by the precedence rules, recording
/// conflicts under the model's id. Names, ids and aliases are left alone; for models the
/// seed lists, the name is the seed's.
pub fn fill_model(m: &mut ModelEntry, src: Sources<'_>, out: &mut Vec<Conflict>) -> Outcome {
    let mut rec = Recorder::new(m.id.clone(), out);
    let empty = Facts::default();
    let mut md = src.md;
    let mut ll = src.ll;
    let seed = src.seed;
    let lifecycle_ll = ll;
    let mut set_aside = None;

    // Generation check: the references describe different models behind the name.
    if let (Some(mf), Some(lf)) = (md, ll) {
        let md_cmp = mf.input_limit.or(mf.context);
        if let (Some(a), Some(b), Some(mctx)) = (md_cmp, lf.context, mf.context) {
            let ratio = a.max(b) as f64 / a.min(b).max(1) as f64;
            if ratio > 2.0 {
                let dist = |x: u64, s: u32| ((x as f64) / f64::from(s)).ln().abs();
                let keep_ll = seed
                    .and_then(|s| s.context)
                    .is_some_and(|s| dist(b, s) < dist(mctx, s));
                rec.push(
                    "generation",
                    show(&seed.and_then(|s| s.context)),
                    format!("context {mctx}"),
                    format!("max input {b}"),
                    if keep_ll {
                        "LiteLLM's entry".to_owned()
                    } else {
                        "models.dev's file".to_owned()
                    },
                    rule::GENERATION,
                );
                // Each fact the set-aside entry gives otherwise is listed too, so that no
                // fact is decided silently.
                let (pm, pl) = (pricing_of(mf), pricing_of(lf));
                let kept = if keep_ll { &pl } else { &pm };
                for (field, a, b, k) in [
                    ("pricing.input", pm.input, pl.input, kept.input),
                    ("pricing.output", pm.output, pl.output, kept.output),
                    (
                        "pricing.cache_read",
                        pm.cache_read,
                        pl.cache_read,
                        kept.cache_read,
                    ),
                    (
                        "pricing.cache_write",
                        pm.cache_write,
                        pl.cache_write,
                        kept.cache_write,
                    ),
                    (
                        "pricing.reasoning",
                        pm.reasoning,
                        pl.reasoning,
                        kept.reasoning,
                    ),
                    (
                        "pricing.cache_write_1h",
                        pm.cache_write_1h,
                        pl.cache_write_1h,
                        kept.cache_write_1h,
                    ),
                ] {
                    if a != b {
                        rec.push(
                            field,
                            "-".into(),
                            show(&a),
                            show(&b),
                            show(&k),
                            rule::GENERATION,
                        );
                    }
                }
                for (field, a, b) in [
                    ("tools", mf.tools, lf.tools),
                    ("parallel_tools", mf.parallel_tools, lf.parallel_tools),
                    ("reasoning", mf.reasoning, lf.reasoning),
                    (
                        "structured_output",
                        mf.structured_output,
                        lf.structured_output,
                    ),
                ] {
                    if a != b {
                        let k = if keep_ll { b } else { a };
                        rec.push(
                            field,
                            "-".into(),
                            show(&yes_no(a)),
                            show(&yes_no(b)),
                            show(&yes_no(k)),
                            rule::GENERATION,
                        );
                    }
                }
                if keep_ll {
                    md = None;
                    set_aside = Some("models.dev");
                } else {
                    ll = None;
                    set_aside = Some("LiteLLM");
                }
            }
        }
    }
    let mdf = md.unwrap_or(&empty);
    let llf = ll.unwrap_or(&empty);

    (m.context_window, m.max_output_tokens) = rec.limits(
        seed.and_then(|s| s.context),
        seed.and_then(|s| s.output),
        mdf,
        llf,
    );
    m.max_input_tokens = rec.input_limit(mdf, llf, m.context_window);

    let (input, output, mut flags) = rec.abilities(seed.map(|s| s.input.as_slice()), mdf, llf);
    m.input_modalities = input;
    m.output_modalities = output;
    rec.decide(&m.id, &mut flags, mdf, llf);
    m.capabilities = flags;
    rec.no_parallel_without_tools(&mut m.capabilities);

    // Prices: only the provider's own entries.
    let md_prices = if src.md_own {
        pricing_of(mdf)
    } else {
        Pricing::default()
    };
    m.pricing = rec.pricing(&md_prices, &pricing_of(llf));

    // Facts only models.dev gives.
    let release = mdf
        .release_date
        .as_deref()
        .and_then(|d| Date::parse(d).ok());
    m.release_date = match release {
        Some(d) if is_placeholder_date(&d) => {
            rec.push(
                "release_date",
                "-".into(),
                d.to_string(),
                "-".into(),
                "-".into(),
                rule::PLACEHOLDER_DATE,
            );
            None
        }
        d => d,
    };
    m.knowledge_cutoff = mdf.knowledge.clone();
    m.family = mdf.family.clone();
    m.open_weights = mdf.open_weights;

    // Lifecycle: the seed's stated date, else LiteLLM's shutdown date; models.dev's status.
    // A name's shutdown date holds whichever generation the facts come from.
    let lifecycle = lifecycle_ll.unwrap_or(&empty);
    let seed_retires = seed.and_then(|s| s.retires.clone());
    let ll_retires = lifecycle.retires.clone();
    if let (Some(s), Some(l)) = (&seed_retires, &ll_retires) {
        if s != l {
            rec.push(
                "retires",
                s.clone(),
                "-".into(),
                l.clone(),
                s.clone(),
                rule::SEED_RETIRES,
            );
        }
    }
    let retires = seed_retires.or(ll_retires);
    m.retires = retires.as_deref().and_then(|d| Date::parse(d).ok());
    m.deprecated = m.retires.is_some() || src.md.is_some_and(|f| f.deprecated == Some(true));
    Outcome {
        successor: lifecycle.successor.clone(),
        set_aside,
    }
}
