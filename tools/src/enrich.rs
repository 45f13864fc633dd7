//! Refreshes the catalog data from the public reference catalogs.
//!
//! ```text
//! cargo run -p catalog-tools --bin enrich -- [--check] [--data DIR] [--reference DIR]
//!     [--seeds DIR] [--models-dev-rev REV] [--litellm-version VERSION]
//! ```
//!
//! Reads every `providers/*.json` document of the data directory and the Model Catalog seed,
//! then, from the models.dev tree and the LiteLLM price list under the reference directory:
//! adds the current models of the first-party providers (dated snapshots as served names of
//! their model), moves a model to its vendor's own provider, adds the offers of providers
//! that serve other providers' models, sorts aliases into spellings and served names, and
//! writes every model fact by the precedence rules. It validates the result with the crate's
//! own validator and only then writes the documents in canonical form, with
//! `CONFLICTS.md` (every disagreement between sources and how it was settled) and
//! `sources.json` (the snapshots used). Nothing is written if validation fails. With
//! `--check` nothing is written at all; the exit status is 1 if anything would change.
//!
//! The rules are documented in `data/README.md`. The output depends only on the inputs:
//! running it twice changes nothing the second time.

use catalog_tools::data;
use catalog_tools::data::date::Date;
use catalog_tools::data::schema::{DataFile, ModelEntry, OfferEntry, ServedNameEntry};
use catalog_tools::facts::{self, Conflict, Recorder};
use catalog_tools::lineup::{self, Candidate};
use catalog_tools::reference::{
    category, models_dev_dir, snapshot_dates, vendor, Facts, Reference,
};
use catalog_tools::seed::{self, SeedModel, SEED_CATALOG};
use catalog_tools::served;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Tags this tool derives (others are kept as written).
const DERIVED_TAGS: &[&str] = &["subscription", "paid"];

/// The first-party providers, in the order a refresh walks their lineups: the vendors' own
/// APIs first, then Vertex (whose Gemini and Claude models are Google's and Anthropic's, so
/// Vertex offers them), then Hyperbolic (LiteLLM only).
const FIRST_PARTY: &[&str] = &[
    "openai",
    "anthropic",
    "google",
    "deepseek",
    "groq",
    "inceptionlabs",
    "vertex",
    "hyperbolic",
];

/// First-party providers that serve other vendors' models: their entries matching a catalog
/// model defined elsewhere become offers.
const SERVES_OTHERS: &[&str] = &["vertex", "hyperbolic"];

/// The aggregators whose models.dev folders give offers.
const AGGREGATORS: &[&str] = &["openrouter", "nano-gpt", "inference-net"];

/// Offers deliberately not recorded (provider, upstream id, ASCII case ignored): OpenRouter's
/// Llama 3.3 70B stays the pass-through the Model Catalog seed documents; OpenRouter's
/// `moonshotai/kimi-k2` (models.dev: "Kimi K2 0711", released 2025-07-11, 131,072 tokens)
/// and Hyperbolic's `moonshotai/Kimi-K2-Instruct` (LiteLLM: 131,072 input tokens) are the
/// July release, not the catalog's `kimi-k2`, the September release Groq serves
/// (`moonshotai/kimi-k2-instruct-0905`, 262,144 tokens): as offers they sent another model
/// and billed its prices (OpenRouter's offer is its `moonshotai/kimi-k2-0905`).
const NOT_OFFERED: &[(&str, &str)] = &[
    ("openrouter", "meta-llama/llama-3.3-70b-instruct"),
    ("openrouter", "moonshotai/kimi-k2"),
    ("hyperbolic", "moonshotai/Kimi-K2-Instruct"),
];

/// The path of NanoGPT's entries for models run in a trusted execution environment
/// (`TEE/deepseek-v4-pro`, "DeepSeek V4 Pro TEE"): another offer of the model than its plain
/// entry (`deepseek/deepseek-v4-pro`), at other prices.
const TEE: &str = "TEE/";

/// Whether `name` of `provider` is deliberately no offer ([`NOT_OFFERED`]).
fn not_offered(provider: &str, name: &str) -> bool {
    NOT_OFFERED
        .iter()
        .any(|(p, u)| *p == provider && u.eq_ignore_ascii_case(name))
}

/// The provider that is a vendor's own API.
fn vendor_home(vendor: &str) -> Option<&'static str> {
    Some(match vendor {
        "openai" => "openai",
        "anthropic" => "anthropic",
        "google" => "google",
        "deepseek" => "deepseek",
        "inception" => "inceptionlabs",
        _ => return None,
    })
}

/// The vendor of a first-party provider's models when the name tells none.
fn provider_vendor(provider: &str) -> Option<&'static str> {
    Some(match provider {
        "openai" => "openai",
        "anthropic" => "anthropic",
        "google" | "vertex" => "google",
        "deepseek" => "deepseek",
        "inceptionlabs" => "inception",
        "groq" => "groq",
        _ => return None,
    })
}

struct Args {
    data: PathBuf,
    reference: PathBuf,
    seeds: PathBuf,
    models_dev_rev: Option<String>,
    litellm_version: Option<String>,
    check: bool,
}

fn parse_args() -> Result<Args, String> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut args = Args {
        data: repo.join("data"),
        reference: repo.join("../shared/reference"),
        seeds: repo.join("../shared/seeds"),
        models_dev_rev: None,
        litellm_version: None,
        check: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
        match a.as_str() {
            "--check" => args.check = true,
            "--data" => args.data = PathBuf::from(value("--data")?),
            "--reference" => args.reference = PathBuf::from(value("--reference")?),
            "--seeds" => args.seeds = PathBuf::from(value("--seeds")?),
            "--models-dev-rev" => args.models_dev_rev = Some(value("--models-dev-rev")?),
            "--litellm-version" => args.litellm_version = Some(value("--litellm-version")?),
            "-h" | "--help" => {
                return Err("usage: enrich [--check] [--data DIR] [--reference DIR] [--seeds DIR] [--models-dev-rev REV] [--litellm-version VERSION]".into())
            }
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok(args)
}

/// One data document.
struct Doc {
    /// `providers/<name>`.
    name: String,
    /// The provider it defines or extends.
    provider: String,
    data: DataFile,
}

/// Which of a model's names a key is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Id,
    Upstream,
    Alias,
    Served,
}

fn keys(m: &ModelEntry) -> Vec<(&str, Kind)> {
    let mut out = vec![(m.id.as_str(), Kind::Id)];
    if let Some(u) = &m.upstream_id {
        out.push((u, Kind::Upstream));
    }
    out.extend(m.aliases.iter().map(|a| (a.as_str(), Kind::Alias)));
    out.extend(
        m.redundant_aliases
            .iter()
            .map(|a| (a.as_str(), Kind::Alias)),
    );
    out.extend(m.served_names.iter().map(|s| (s.id.as_str(), Kind::Served)));
    out
}

/// The model that holds `name` (ASCII case ignored): document, position, which name.
fn find(docs: &[Doc], name: &str) -> Option<(usize, usize, Kind)> {
    for (d, doc) in docs.iter().enumerate() {
        for (i, m) in doc.data.models.iter().enumerate() {
            if let Some((_, k)) = keys(m)
                .into_iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
            {
                return Some((d, i, k));
            }
        }
        for a in &doc.data.aliases {
            if a.alias.eq_ignore_ascii_case(name) {
                if let Some((d, i, _)) = find(docs, &a.target) {
                    return Some((d, i, Kind::Alias));
                }
            }
        }
    }
    None
}

fn doc_of(docs: &[Doc], provider: &str) -> Option<usize> {
    docs.iter()
        .position(|d| d.data.provider.as_ref().is_some_and(|p| p.id == provider))
}

fn upstream(m: &ModelEntry) -> &str {
    m.upstream_id.as_deref().unwrap_or(&m.id)
}

fn model_vendor(m: &ModelEntry, provider: &str) -> Option<String> {
    m.vendor
        .clone()
        .or_else(|| vendor(upstream(m), &m.id).map(str::to_owned))
        .or_else(|| provider_vendor(provider).map(str::to_owned))
}

/// The catalog model a provider's entry named `name` (with models.dev `base_model`) is, if
/// it is a model defined by another provider: by one of its names (the base model's name,
/// the entry's name, without a Vertex `@version`, without its vendor path), else by
/// [`lineup::canon`] with the same vendor. Returns the model's id and how close the match is.
fn match_model(
    docs: &[Doc],
    provider: &str,
    name: &str,
    base_model: Option<&str>,
) -> Option<(String, u8)> {
    let mut tries: Vec<&str> = Vec::new();
    if let Some(b) = base_model {
        tries.push(b.split_once('/').map_or(b, |(_, n)| n));
    }
    tries.push(name);
    if let Some((head, _)) = name.split_once('@') {
        tries.push(head);
    }
    if let Some((_, last)) = name.rsplit_once('/') {
        tries.push(last);
    }
    for t in tries {
        if let Some((d, i, kind)) = find(docs, t) {
            if docs[d].provider != provider {
                let rank = match kind {
                    Kind::Id | Kind::Upstream => 0,
                    Kind::Alias => 1,
                    Kind::Served => 2,
                };
                return Some((docs[d].data.models[i].id.clone(), rank));
            }
        }
    }
    let want = lineup::canon(base_model.unwrap_or(name));
    let want_alt = lineup::canon(name);
    let their_vendor = vendor(name, &lineup::new_id(name));
    let mut found: Vec<String> = Vec::new();
    for doc in docs.iter().filter(|d| d.provider != provider) {
        for m in &doc.data.models {
            let vendor_ok = match (&their_vendor, model_vendor(m, &doc.provider)) {
                (Some(a), Some(b)) => *a == b,
                _ => true,
            };
            if !vendor_ok {
                continue;
            }
            let hit = keys(m)
                .into_iter()
                .filter(|(_, k)| *k != Kind::Served)
                .any(|(n, _)| {
                    let c = lineup::canon(n);
                    c == want || c == want_alt
                });
            if hit && !found.contains(&m.id) {
                found.push(m.id.clone());
            }
        }
    }
    // Two catalog models reducing to the same name is no match.
    (found.len() == 1).then(|| (found.remove(0), 3))
}

/// What a refresh did, for its report.
#[derive(Default)]
struct Report {
    moved: Vec<String>,
    added_models: Vec<String>,
    added_served: Vec<String>,
    added_aliases: Vec<String>,
    added_offers: Vec<String>,
    skipped: BTreeMap<String, Vec<String>>,
}

impl Report {
    /// Records `provider:name` as not added, under the reason `why`.
    fn skip(&mut self, why: String, provider: &str, name: &str) {
        self.skipped
            .entry(why)
            .or_default()
            .push(format!("{provider}:{name}"));
    }
}

/// A lineup entry that is a chat model, with why it would not be added as a model or offer
/// (`None`: it is current).
struct Entry {
    candidate: Candidate,
    not_current: Option<String>,
}

/// The lineups of the first-party providers: their chat models (the other entries are
/// recorded as skipped).
fn lineups(r: &Reference, today: Date, report: &mut Report) -> BTreeMap<&'static str, Vec<Entry>> {
    let mut out = BTreeMap::new();
    for &p in FIRST_PARTY {
        let covered = lineup::models_dev_covers(r, p);
        let mut kept = Vec::new();
        for c in lineup::candidates(r, p) {
            match lineup::chat_kind(r, &c) {
                Ok(()) => kept.push(Entry {
                    not_current: lineup::current(r, &c, today, covered).err(),
                    candidate: c,
                }),
                Err(why) => report.skip(why_group(&why), p, &c.name),
            }
        }
        out.insert(p, kept);
    }
    out
}

/// A reason without its details, to group skipped names in the report.
fn why_group(why: &str) -> String {
    if why.starts_with("retired on") {
        "retired before the LiteLLM snapshot".to_owned()
    } else if why.starts_with("models.dev output modalities") {
        "no text output (models.dev)".to_owned()
    } else {
        why.to_owned()
    }
}

/// Moves each model whose vendor has a first-party provider listing it to that provider;
/// the provider it leaves offers it under its former upstream id.
fn move_homes(docs: &mut [Doc], lineups: &BTreeMap<&str, Vec<Entry>>, report: &mut Report) {
    let mut moves = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        for (i, m) in doc.data.models.iter().enumerate() {
            let Some(home) = model_vendor(m, &doc.provider).and_then(|v| vendor_home(&v)) else {
                continue;
            };
            if home == doc.provider {
                continue;
            }
            let listed = lineups.get(home).and_then(|l| {
                l.iter()
                    .filter(|e| e.not_current.is_none())
                    .map(|e| &e.candidate)
                    .find(|c| {
                        c.name.eq_ignore_ascii_case(upstream(m))
                            || c.name.eq_ignore_ascii_case(&m.id)
                    })
            });
            if let (Some(c), Some(to)) = (listed, doc_of(docs, home)) {
                moves.push((d, i, to, c.name.clone()));
            }
        }
    }
    for (d, i, to, name) in moves.into_iter().rev() {
        let mut m = docs[d].data.models.remove(i);
        let offer = OfferEntry::new(m.id.clone(), upstream(&m));
        report.moved.push(format!(
            "{} from {} to {}",
            m.id, docs[d].provider, docs[to].provider
        ));
        m.upstream_id = (!name.eq_ignore_ascii_case(&m.id)).then_some(name);
        m.sources.models_dev = None;
        m.sources.litellm = None;
        docs[d].data.offers.push(offer);
        docs[to].data.models.push(m);
    }
}

/// Adds what the first-party lineups list that the catalog lacks: models, served names
/// (dated snapshots of a model), and offers of models defined elsewhere.
fn add_lineups(
    r: &Reference,
    docs: &mut [Doc],
    lineups: &BTreeMap<&str, Vec<Entry>>,
    report: &mut Report,
) {
    for &p in FIRST_PARTY {
        let Some(home) = doc_of(docs, p) else {
            continue;
        };
        let list = &lineups[p];
        // models.dev's lineup first, then the names only LiteLLM lists.
        let ordered = list
            .iter()
            .filter(|e| e.candidate.md.is_some())
            .chain(list.iter().filter(|e| e.candidate.md.is_none()));
        for entry in ordered {
            let c = &entry.candidate;
            if let Some((d, _, _)) = find(docs, &c.name) {
                if docs[d].provider == p {
                    continue;
                }
            }
            if docs[home]
                .data
                .offers
                .iter()
                .any(|o| o.upstream_id.eq_ignore_ascii_case(&c.name))
            {
                continue;
            }
            if let Some(base) = lineup::snapshot_base(&c.name) {
                if let Some((d, i, kind)) = find(docs, base) {
                    if docs[d].provider == p && kind != Kind::Served {
                        let m = &mut docs[d].data.models[i];
                        m.served_names.push(ServedNameEntry::new(c.name.clone()));
                        report
                            .added_served
                            .push(format!("{p}: {} of {}", c.name, m.id));
                        continue;
                    }
                }
            }
            // Models and offers are added only for current names; a served name of a model
            // already here is added whatever its state (it is marked retired if it is).
            if let Some(why) = &entry.not_current {
                report.skip(why_group(why), p, &c.name);
                continue;
            }
            let md = c.md.as_deref().and_then(|rel| r.md_facts_at(rel));
            if SERVES_OTHERS.contains(&p) {
                if not_offered(p, &c.name) {
                    report.skip(
                        "deliberately not an offer (see NOT_OFFERED)".to_owned(),
                        p,
                        &c.name,
                    );
                    continue;
                }
                let base = md.as_ref().and_then(|f| f.base_model.as_deref());
                if let Some((model, _)) = match_model(docs, p, &c.name, base) {
                    let offers = &mut docs[home].data.offers;
                    if !offers.iter().any(|o| o.model == model) {
                        offers.push(OfferEntry::new(model.clone(), c.name.clone()));
                        report
                            .added_offers
                            .push(format!("{p}: {model} as {}", c.name));
                    }
                    continue;
                }
            }
            let mut id = lineup::new_id(&c.name);
            if find(docs, &id).is_some() {
                id = c.name.to_ascii_lowercase();
                if find(docs, &id).is_some() {
                    report.skip("its id is another model's name".to_owned(), p, &c.name);
                    continue;
                }
            }
            let name = md
                .as_ref()
                .and_then(|f| f.name.clone())
                .unwrap_or_else(|| c.name.rsplit('/').next().unwrap_or(&c.name).to_owned());
            report.added_models.push(format!("{p}: {id}"));
            let mut m = ModelEntry::new(id, name);
            m.upstream_id = (c.name != m.id).then(|| c.name.clone());
            docs[home].data.models.push(m);
        }
    }
}

/// Adds LiteLLM's pointers (`lineup::pointers`: `claude-sonnet-latest`, an `alias_of`
/// `claude-sonnet-5-5`) as aliases of the model their target names: a resolution through one
/// sends the model's id, at its own provider and through any offer of it (Vertex lists the
/// same pointers for its offers of Anthropic's models), with the model's facts.
fn add_pointers(r: &Reference, docs: &mut [Doc], report: &mut Report) {
    for &p in FIRST_PARTY {
        for (name, target) in lineup::pointers(r, p) {
            if find(docs, &name).is_some() {
                continue;
            }
            let Some((d, i, _)) = find(docs, &target) else {
                report.skip("a pointer to no catalog model".to_owned(), p, &name);
                continue;
            };
            let m = &mut docs[d].data.models[i];
            m.aliases.push(name.clone());
            report
                .added_aliases
                .push(format!("{p}: {name} of {} (a pointer)", m.id));
        }
    }
}

/// Adds the aggregators' offers: every catalog model their models.dev folder lists (variants
/// with a `:` suffix aside), one offer per model, preferring an entry named like the model
/// itself over one named like an alias or a served name.
fn add_aggregator_offers(r: &Reference, docs: &mut [Doc], report: &mut Report) {
    // A pointer names the model its provider points it at on the day of the reference that
    // lists it; an aggregator's entry of that name (models.dev's, months earlier) may name
    // another: OpenRouter's `~anthropic/claude-opus-latest` costs $5 / $25 where LiteLLM's
    // `claude-opus-latest` is Claude Opus 5.5 at $4 / $20. Such entries are not offers.
    let last = |name: &str| name.rsplit('/').next().unwrap_or(name).to_ascii_lowercase();
    let pointers: BTreeSet<String> = FIRST_PARTY
        .iter()
        .flat_map(|p| lineup::pointers(r, p))
        .map(|(name, _)| last(&name))
        .collect();
    for &a in AGGREGATORS {
        let Some(home) = doc_of(docs, a) else {
            continue;
        };
        let dir = models_dev_dir(a);
        let mut best: BTreeMap<String, ((u8, bool), String)> = BTreeMap::new();
        for name in lineup::models_dev_names(r, a) {
            if name.contains(':') || not_offered(a, &name) || pointers.contains(&last(&name)) {
                continue;
            }
            let Some(f) = r.md_facts_at(&format!("providers/{dir}/models/{name}.toml")) else {
                continue;
            };
            if !f.output_mods.as_ref().is_some_and(|o| o.contains(&"text")) {
                continue;
            }
            let Some((model, rank)) = match_model(docs, a, &name, f.base_model.as_deref()) else {
                continue;
            };
            // NanoGPT's `TEE/` entries run the model in a trusted execution environment, at
            // prices of their own: the model's plain entry comes first.
            let rank = (rank, name.starts_with(TEE));
            let e = best.entry(model).or_insert((rank, name.clone()));
            if (rank, &name) < (e.0, &e.1) {
                *e = (rank, name);
            }
        }
        for (model, (_, name)) in best {
            let offers = &mut docs[home].data.offers;
            if offers.iter().any(|o| o.model == model) {
                continue;
            }
            report.added_offers.push(format!("{a}: {model} as {name}"));
            offers.push(OfferEntry::new(model, name));
        }
    }
}

/// The models.dev file and LiteLLM key of a model of `provider`: the provider's own entries
/// for one of its names (upstream id, id, aliases), else the pinned ones. Returns them with
/// whether the file is the provider's own.
fn model_entries(
    r: &Reference,
    provider: &str,
    m: &ModelEntry,
) -> (Option<String>, bool, Option<String>) {
    let mut names: Vec<&str> = vec![upstream(m), &m.id];
    names.extend(m.aliases.iter().map(String::as_str));
    let dir = models_dev_dir(provider);
    let pin = |s: &Option<String>| {
        s.as_deref()
            .and_then(|s| s.split_once(':'))
            .map(|(_, p)| p.to_owned())
    };
    let md = r
        .find_models_dev(dir, &names)
        .or_else(|| pin(&m.sources.models_dev));
    let own = md
        .as_deref()
        .is_some_and(|p| p.starts_with(&format!("providers/{dir}/")));
    let ll = r
        .find_litellm(provider, &names)
        .or_else(|| pin(&m.sources.litellm).filter(|k| r.litellm.contains_key(k)));
    (md, own, ll)
}

/// Writes every fact of every model, served name and offer; returns the conflicts.
fn fill(r: &Reference, docs: &mut [Doc], seed: &[SeedModel]) -> Result<Vec<Conflict>, String> {
    let mut conflicts = Vec::new();
    let mut successors = Vec::new();
    for (d, doc) in docs.iter_mut().enumerate() {
        let provider = doc.provider.clone();
        for (i, m) in doc.data.models.iter_mut().enumerate() {
            served::classify_names(r, &provider, m);
            let (md_rel, md_own, ll_key) = model_entries(r, &provider, m);
            let md = match md_rel.as_deref() {
                Some(rel) => Some(
                    r.md_facts_at(rel)
                        .ok_or_else(|| format!("model `{}`: cannot read {rel}", m.id))?,
                ),
                None => None,
            };
            let ll = ll_key
                .as_deref()
                .and_then(|k| r.litellm.get(k))
                .map(|v| r.ll_facts(v));
            let seed_owned = m.sources.seed.as_deref() == Some(SEED_CATALOG);
            let row = seed_owned
                .then(|| {
                    seed.iter()
                        .find(|s| s.provider == provider && (s.id == upstream(m) || s.id == m.id))
                })
                .flatten();
            if seed_owned && row.is_none() {
                return Err(format!("model `{}`: no row in the seed", m.id));
            }
            let outcome = facts::fill_model(
                m,
                facts::Sources {
                    md: md.as_ref(),
                    md_own,
                    ll: ll.as_ref(),
                    seed: row,
                },
                &mut conflicts,
            );
            if !seed_owned {
                if let Some(name) = md.as_ref().and_then(|f| f.name.clone()) {
                    m.name = name;
                }
            }
            m.vendor = vendor(upstream(m), &m.id)
                .or_else(|| provider_vendor(&provider))
                .map(str::to_owned);
            m.category = Some(
                category(
                    &m.id,
                    m.output_modalities
                        .as_ref()
                        .map(|o| o.iter().map(|x| x.as_str()).collect::<Vec<_>>())
                        .as_ref(),
                )
                .to_owned(),
            );
            let mut tags: Vec<String> = m
                .tags
                .iter()
                .filter(|t| !DERIVED_TAGS.contains(&t.as_str()))
                .cloned()
                .collect();
            if let Some(f) = &md {
                tags.extend(f.tags.iter().map(|t| t.to_string()));
            }
            m.tags = tags;
            let md_rel_shown = md_rel.clone();
            let m_ll_shown = ll_key.clone();
            m.sources.models_dev = md_rel.map(|p| format!("{}:{p}", r.md_rev));
            m.sources.litellm = ll_key.map(|k| format!("{}:{k}", r.ll_version));
            m.fine_tune_pricing = served::fine_tune_pricing(r, &provider, upstream(m)).0;
            note_gaps(
                m,
                md_rel_shown.as_deref(),
                m_ll_shown.as_deref(),
                outcome.set_aside,
            );
            let snapshot = m.clone();
            for s in &mut m.served_names {
                served::fill_served(r, &provider, s, &snapshot, md.as_ref(), &mut conflicts);
            }
            if let Some(s) = outcome.successor {
                successors.push((d, i, s));
            }
        }
    }
    for (d, i, name) in successors {
        let target = find(docs, &name).map(|(td, ti, _)| docs[td].data.models[ti].id.clone());
        let m = &mut docs[d].data.models[i];
        m.successor = target.filter(|t| *t != m.id);
    }
    // Offers: the offering provider's own limits, modalities, flags, prices and lifecycle.
    for doc in docs.iter_mut() {
        let dir = models_dev_dir(&doc.provider).to_owned();
        for o in &mut doc.data.offers {
            let md_rel = r.find_models_dev(&dir, &[&o.upstream_id]).or_else(|| {
                o.sources
                    .models_dev
                    .as_deref()
                    .and_then(|s| s.split_once(':'))
                    .map(|(_, p)| p.to_owned())
                    .filter(|p| p.starts_with(&format!("providers/{dir}/")))
            });
            let md = md_rel
                .as_deref()
                .and_then(|rel| r.md_facts_at(rel))
                .unwrap_or_default();
            let ll_key = r.find_litellm(&doc.provider, &[&o.upstream_id]);
            let ll = ll_key
                .as_deref()
                .and_then(|k| r.litellm.get(k))
                .map(|v| r.ll_facts(v))
                .unwrap_or_default();
            let mut rec = Recorder::new(
                format!("{} (offer at {})", o.model, doc.provider),
                &mut conflicts,
            );
            (o.context_window, o.max_output_tokens) = rec.offer_limits(&md, &ll);
            // What it takes, produces and can do there; whether it reasons is the model's
            // own, whoever serves it (NanoGPT's references say o3 does not).
            let model_only = |f: &Facts| Facts {
                reasoning: None,
                ..f.clone()
            };
            let (md, ll) = (model_only(&md), model_only(&ll));
            let (input, output, mut flags) = rec.abilities(None, &md, &ll);
            rec.decide(&o.model, &mut flags, &md, &ll);
            rec.no_parallel_without_tools(&mut flags);
            (o.input_modalities, o.output_modalities, o.capabilities) = (input, output, flags);
            o.pricing = rec.pricing(&facts::pricing_of(&md), &facts::pricing_of(&ll));
            // Its lifecycle at this provider.
            (o.deprecated, o.retires) = facts::lifecycle_of(&md, &ll);
            o.sources.models_dev = md_rel.map(|p| format!("{}:{p}", r.md_rev));
            o.sources.litellm = ll_key.map(|k| format!("{}:{k}", r.ll_version));
        }
    }
    Ok(conflicts)
}

/// How the notes the refresh writes begin; other notes are a maintainer's and are kept.
const GAP_NOTE: &str = "Facts the references do not give:";

/// Notes which of pricing, tools, vision (input modalities) and reasoning the references leave
/// unknown and why, unless a maintainer's note is there; removes such a note once nothing is
/// missing.
fn note_gaps(m: &mut ModelEntry, md: Option<&str>, ll: Option<&str>, set_aside: Option<&str>) {
    let mut missing = Vec::new();
    if m.pricing.input.is_none() || m.pricing.output.is_none() {
        missing.push("pricing");
    }
    if m.capabilities.tools.is_none() {
        missing.push("tools");
    }
    if m.input_modalities.is_none() {
        missing.push("input modalities (vision)");
    }
    if m.capabilities.reasoning.is_none() {
        missing.push("reasoning");
    }
    let generated = m.notes.as_deref().is_none_or(|n| n.starts_with(GAP_NOTE));
    if !generated {
        return;
    }
    if missing.is_empty() {
        m.notes = None;
        return;
    }
    let md_part = match (md, set_aside) {
        (Some(p), Some("models.dev")) => {
            format!("models.dev's `{p}` describes another generation of the model behind this name and is set aside")
        }
        (Some(p), _) => format!("models.dev's `{p}` gives none of them"),
        (None, _) => "models.dev has no file for it".to_owned(),
    };
    let ll_part = match (ll, set_aside) {
        (Some(k), Some("LiteLLM")) => {
            format!("LiteLLM's `{k}` describes another generation and is set aside")
        }
        (Some(k), _) => format!("LiteLLM's `{k}` gives none of them"),
        (None, _) => "LiteLLM has no entry for it".to_owned(),
    };
    m.notes = Some(format!(
        "{GAP_NOTE} {} ({md_part}; {ll_part}).",
        missing.join(", ")
    ));
}

/// The environment variable that holds the provider's key: the one the seeds name for it
/// (`seed_keys`: a variable `<NAME>_API_KEY` whose `<NAME>`, without `_`, is one of the
/// provider's names without `-`, `.` and `_`, ASCII case ignored: `NANOGPT_API_KEY` for
/// `nano-gpt`), else models.dev's ([`models_dev_key_env`]). Where the two differ, the
/// conflict, for the conflicts table: the seeds own providers' keys.
fn api_key_env(
    r: &Reference,
    p: &data::schema::ProviderEntry,
    seed_keys: &[String],
) -> (Option<String>, Option<Conflict>) {
    let md = models_dev_key_env(r, p);
    let compact = |s: &str| -> String {
        s.chars()
            .filter(|c| !matches!(c, '-' | '.' | '_'))
            .map(|c| c.to_ascii_uppercase())
            .collect()
    };
    let names: Vec<String> = p
        .aliases
        .iter()
        .chain(std::iter::once(&p.id))
        .map(|n| compact(n))
        .collect();
    let seed = seed_keys.iter().find(|v| {
        v.strip_suffix("_API_KEY")
            .is_some_and(|name| names.contains(&compact(name)))
    });
    match seed {
        Some(v) if md.as_deref() != Some(v.as_str()) => {
            let conflict = Conflict {
                subject: format!("provider {}", p.id),
                field: "api_key_env".to_owned(),
                seed: v.clone(),
                models_dev: md.unwrap_or_else(|| "-".to_owned()),
                litellm: "-".to_owned(),
                chosen: v.clone(),
                rule: facts::rule::SEED_KEYS.to_owned(),
            };
            (Some(v.clone()), Some(conflict))
        }
        Some(v) => (Some(v.clone()), None),
        None => (md, None),
    }
}

/// The environment variable that holds the provider's key, from models.dev's
/// `provider.toml` `env` list: the entry equal to one of the provider's names (aliases first,
/// then the id; uppercased, `-` and `.` as `_`) followed by `_API_KEY`, else the first entry
/// ending in `_API_KEY`, else none.
fn models_dev_key_env(r: &Reference, p: &data::schema::ProviderEntry) -> Option<String> {
    let env = r.provider_env(models_dev_dir(&p.id));
    let wanted = p.aliases.iter().chain(std::iter::once(&p.id)).map(|n| {
        let mut v: String = n
            .chars()
            .map(|c| match c {
                '-' | '.' => '_',
                c => c.to_ascii_uppercase(),
            })
            .collect();
        v.push_str("_API_KEY");
        v
    });
    for w in wanted {
        if env.contains(&w) {
            return Some(w);
        }
    }
    env.into_iter().find(|e| e.ends_with("_API_KEY"))
}

/// Escapes a table cell.
fn cell(s: &str) -> String {
    s.replace('|', "\\|")
}

/// The conflicts table, `data/CONFLICTS.md`.
fn conflicts_md(conflicts: &[Conflict], r: &Reference) -> String {
    let mut out = String::new();
    out.push_str("# Conflicts between sources\n\n");
    out.push_str(&format!(
        "Generated by `cargo run -p catalog-tools --bin enrich` from models.dev `{}` and LiteLLM \
`{}`; do not edit. Every fact on which the sources that speak do not all agree, with the value \
written and the rule that chose it (see `README.md`, \"Which source wins\"). `-` is a source \
that is silent; prices are USD per million tokens; `input.*` and `output.*` are modalities.\n\n",
        r.md_rev, r.ll_version
    ));
    out.push_str(&format!("{} conflicts.\n\n", conflicts.len()));
    out.push_str("| entry | field | seed | models.dev | LiteLLM | chosen | rule |\n");
    out.push_str("|---|---|---|---|---|---|---|\n");
    for c in conflicts {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} |\n",
            cell(&c.subject),
            cell(&c.field),
            cell(&c.seed),
            cell(&c.models_dev),
            cell(&c.litellm),
            cell(&c.chosen),
            cell(&c.rule)
        ));
    }
    out
}

/// `data/sources.json`: the snapshots the data comes from.
fn sources_json(r: &Reference, md_date: &str, ll_date: &str) -> String {
    let s = |v: &str| serde_json::Value::from(v).to_string();
    format!(
        "{{\n  \"models_dev\": {{\n    \"revision\": {},\n    \"date\": {}\n  }},\n  \"litellm\": {{\n    \"version\": {},\n    \"date\": {}\n  }}\n}}\n",
        s(&r.md_rev),
        s(md_date),
        s(&r.ll_version),
        s(ll_date)
    )
}

/// The fields of two entries that differ, by their JSON names.
fn changed_fields(old: &ModelEntry, new: &ModelEntry) -> Vec<String> {
    let (Ok(serde_json::Value::Object(a)), Ok(serde_json::Value::Object(b))) =
        (serde_json::to_value(old), serde_json::to_value(new))
    else {
        return Vec::new();
    };
    let names: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    names
        .into_iter()
        .filter(|k| a.get(*k) != b.get(*k))
        .map(|k| k.to_string())
        .collect()
}

fn run(args: Args) -> Result<bool, String> {
    let r = Reference::open(&args.reference, args.models_dev_rev, args.litellm_version)?;
    let (md_date, ll_date) = snapshot_dates(&args.reference);
    let md_date = md_date.ok_or("cannot tell the models.dev snapshot's date")?;
    let ll_date = ll_date.ok_or("cannot tell the LiteLLM snapshot's date")?;
    let today = Date::parse(&ll_date).map_err(|e| e.to_string())?;
    let seed = seed::read(&args.seeds)?;

    let dir = args.data.join("providers");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();

    let mut docs = Vec::new();
    for name in &names {
        let path = dir.join(name);
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let shown = format!("data/providers/{name}");
        let data = data::validate::parse_file(&shown, &text).map_err(|e| e.to_string())?;
        let provider = data
            .provider
            .as_ref()
            .map(|p| p.id.clone())
            .or_else(|| data.extends.clone())
            .unwrap_or_default();
        docs.push(Doc {
            name: shown,
            provider,
            data,
        });
    }
    let old: Vec<DataFile> = docs.iter().map(|d| d.data.clone()).collect();

    let mut report = Report::default();
    let lineups = lineups(&r, today, &mut report);
    move_homes(&mut docs, &lineups, &mut report);
    add_lineups(&r, &mut docs, &lineups, &mut report);
    add_pointers(&r, &mut docs, &mut report);
    add_aggregator_offers(&r, &mut docs, &mut report);
    let seed_keys = seed::key_variables(&args.seeds)?;
    let mut key_conflicts = Vec::new();
    for doc in &mut docs {
        if let Some(p) = doc.data.provider.as_mut() {
            let (env, conflict) = api_key_env(&r, p, &seed_keys);
            p.api_key_env = env;
            key_conflicts.extend(conflict);
        }
    }
    let mut conflicts = fill(&r, &mut docs, &seed)?;
    conflicts.extend(key_conflicts);

    // Validate what would be written, exactly as the build will read it.
    let mut typed = Vec::new();
    let mut texts = Vec::new();
    for doc in &docs {
        let text = serde_json::to_string_pretty(&doc.data).map_err(|e| e.to_string())? + "\n";
        let parsed = data::validate::parse_file(&doc.name, &text).map_err(|e| e.to_string())?;
        typed.push((doc.name.clone(), parsed));
        texts.push(text);
    }
    data::validate::validate(&typed).map_err(|errs| {
        errs.iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    })?;

    let mut outputs: Vec<(PathBuf, String, String)> = Vec::new();
    for (doc, text) in docs.iter().zip(texts) {
        outputs.push((
            args.data.join(doc.name.trim_start_matches("data/")),
            doc.name.clone(),
            text,
        ));
    }
    outputs.push((
        args.data.join("CONFLICTS.md"),
        "data/CONFLICTS.md".into(),
        conflicts_md(&conflicts, &r),
    ));
    outputs.push((
        args.data.join("sources.json"),
        "data/sources.json".into(),
        sources_json(&r, &md_date, &ll_date),
    ));
    let mut changed = Vec::new();
    for (path, shown, text) in &outputs {
        let before = std::fs::read_to_string(path).unwrap_or_default();
        if *text != before {
            changed.push(shown.clone());
            if !args.check {
                std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))?;
            }
        }
    }

    print_report(&report, &old, &docs, today, conflicts.len());
    report_coverage(&typed);
    if changed.is_empty() {
        eprintln!("no file changed");
    } else {
        eprintln!(
            "{} {} file(s):",
            if args.check { "would change" } else { "wrote" },
            changed.len()
        );
        for c in &changed {
            eprintln!("  {c}");
        }
    }
    Ok(changed.is_empty())
}

/// `active`, `deprecated` or `retired` on `today`.
fn lifecycle_on(deprecated: bool, retires: Option<Date>, today: Date) -> &'static str {
    match retires {
        Some(d) if d <= today => "retired",
        _ if deprecated || retires.is_some() => "deprecated",
        _ => "active",
    }
}

/// Prints what the refresh added, changed and retired (against the documents as they were).
fn print_report(report: &Report, old: &[DataFile], docs: &[Doc], today: Date, conflicts: usize) {
    let old_models: BTreeMap<&str, &ModelEntry> = old
        .iter()
        .flat_map(|d| d.models.iter())
        .map(|m| (m.id.as_str(), m))
        .collect();
    let mut changed = Vec::new();
    let mut retired = Vec::new();
    for doc in docs {
        for m in &doc.data.models {
            let Some(before) = old_models.get(m.id.as_str()) else {
                continue;
            };
            let fields = changed_fields(before, m);
            if !fields.is_empty() {
                changed.push(format!("{}: {}", m.id, fields.join(", ")));
            }
        }
        for m in &doc.data.models {
            let now = lifecycle_on(m.deprecated, m.retires, today);
            let was = old_models
                .get(m.id.as_str())
                .map(|b| lifecycle_on(b.deprecated, b.retires, today));
            if now == "retired" && was != Some("retired") {
                retired.push(format!(
                    "{} (since {})",
                    m.id,
                    m.retires.map(|d| d.to_string()).unwrap_or_default()
                ));
            }
        }
    }
    let section = |title: &str, items: &[String]| {
        if items.is_empty() {
            return;
        }
        eprintln!("{title} ({}):", items.len());
        for i in items {
            eprintln!("  {i}");
        }
    };
    section("moved to the vendor's provider", &report.moved);
    section("added models", &report.added_models);
    section("added served names", &report.added_served);
    section("added aliases", &report.added_aliases);
    section("added offers", &report.added_offers);
    section("changed models", &changed);
    section(
        &format!("retired (as of the LiteLLM snapshot, {today})"),
        &retired,
    );
    for (why, names) in &report.skipped {
        eprintln!("not added, {why} ({}): {}", names.len(), names.join(" "));
    }
    eprintln!("conflicts between sources: {conflicts} (data/CONFLICTS.md)");
}

/// Prints which models lack pricing or the tools/vision/reasoning facts, and whether a note
/// explains it.
fn report_coverage(docs: &[(String, DataFile)]) {
    let mut total = 0;
    let mut gaps = 0;
    for (file, doc) in docs {
        for m in &doc.models {
            total += 1;
            let mut missing = Vec::new();
            if m.pricing.input.is_none() || m.pricing.output.is_none() {
                missing.push("pricing");
            }
            if m.capabilities.tools.is_none() {
                missing.push("tools");
            }
            if m.input_modalities.is_none() {
                missing.push("vision");
            }
            if m.capabilities.reasoning.is_none() {
                missing.push("reasoning");
            }
            if !missing.is_empty() {
                gaps += 1;
                let note = if m.notes.is_some() {
                    "noted"
                } else {
                    "NO NOTE"
                };
                eprintln!(
                    "coverage: {file}: `{}` lacks {} ({note})",
                    m.id,
                    missing.join(", ")
                );
            }
        }
    }
    eprintln!(
        "coverage: {} of {total} models have pricing and the tools/vision/reasoning facts",
        total - gaps
    );
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let check = args.check;
    match run(args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) if !check => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}
