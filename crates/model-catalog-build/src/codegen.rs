//! Writes the compiled catalog from a validated data set: its string table, its blob of
//! records (see `model_catalog_shared::compiled` for the format) and a few lines of Rust.
//!
//! Used by model-catalog's build script and by its golden test, which regenerates the
//! catalog from `data/` and compares it with what the build produced.

use crate::keys::{model_table, prefix_marks, prefix_table};
use crate::pool::{n16, n32, Pool};
use model_catalog_shared::compiled::{
    date_to_u32, write_blob, DistillationRecord, ExtraRecord, ModelRecord, OfferRecord,
    ProviderRecord, Section, ServedRecord, SurfaceRecord, NONE,
};
use model_catalog_shared::date::Date;
use model_catalog_shared::schema::DataSources;
use model_catalog_shared::validate::{ModelRec, Validated};
use std::fmt::Write;

/// The compiled catalog: what the library includes from the build's output directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generated {
    /// `catalog.rs`: the Rust the library includes (the sources of the data).
    pub rust: String,
    /// `catalog.str`: the string table, included with `include_str!`.
    pub strings: String,
    /// `catalog.bin`: the records, included with `include_bytes!`.
    pub blob: Vec<u8>,
}

/// The sections of a blob as they fill: `(count, bytes)` per [`Section`].
type Sections = [(usize, Vec<u8>); Section::COUNT];

/// Appends a record to section `s`.
fn push(sections: &mut Sections, s: Section, write: impl FnOnce(&mut Vec<u8>)) {
    let (count, bytes) = &mut sections[s as usize];
    write(bytes);
    *count += 1;
}

/// The extra record of model `m`, if it has anything that goes there, its served names
/// added to the sections.
fn extra(
    m: &ModelRec<'_>,
    pool: &mut Pool,
    sections: &mut Sections,
) -> Result<Option<ExtraRecord>, String> {
    let e = &m.entry;
    if !ExtraRecord::needed(e) {
        return Ok(None);
    }
    let distillation = match &e.distillation_policy {
        Some(d) => {
            let rec = DistillationRecord {
                status: pool.opt(d.status.as_deref())?,
                label: pool.opt(d.label.as_deref())?,
                basis: pool.opt(d.basis.as_deref())?,
                source_url: pool.opt(d.source_url.as_deref())?,
                note: pool.opt(d.note.as_deref())?,
            };
            let at = n32(
                sections[Section::Distillations as usize].0,
                "distillation policies",
            )?;
            push(sections, Section::Distillations, |b| rec.write(b));
            at
        }
        None => NONE,
    };
    let served_at = n32(sections[Section::Served as usize].0, "served names")?;
    for s in &e.served_names {
        let rec = ServedRecord {
            id: pool.string(&s.id)?,
            pricing: pool.pricing(&s.pricing)?,
            fine_tune_pricing: pool.pricing(&s.fine_tune_pricing)?,
            ..ServedRecord::facts(s)
        };
        push(sections, Section::Served, |b| rec.write(b));
    }
    let fine_tune_pricing = if e.fine_tune_pricing.is_empty() {
        NONE
    } else {
        pool.pricing(&e.fine_tune_pricing)?
    };
    let (tags_at, tags_len) = pool.strings(&e.tags)?;
    Ok(Some(ExtraRecord {
        description: pool.opt(e.description.as_deref())?,
        category: pool.opt(e.category.as_deref())?,
        knowledge_cutoff: pool.opt(e.knowledge_cutoff.as_deref())?,
        successor: pool.opt(e.successor.as_deref())?,
        notes: pool.opt(e.notes.as_deref())?,
        distillation,
        fine_tune_pricing,
        served_at,
        served_len: n32(e.served_names.len(), "served names of a model")?,
        tags_at,
        tags_len: n32(tags_len, "tags")?,
        max_input_tokens: e.max_input_tokens.unwrap_or(0),
    }))
}

/// Model `index` of `v` as a record, its extra record and list (aliases, then offers) added
/// to the sections and the pool.
fn model(
    v: &Validated<'_>,
    index: usize,
    offers: &[u32],
    pool: &mut Pool,
    sections: &mut Sections,
) -> Result<ModelRecord, String> {
    let m = &v.models[index];
    let e = &m.entry;
    let extra = match extra(m, pool, sections)? {
        Some(x) => {
            let at = n32(sections[Section::Extras as usize].0, "models")?;
            push(sections, Section::Extras, |b| x.write(b));
            at
        }
        None => NONE,
    };
    // The offers follow the aliases in the list: one position for both.
    let (list_at, aliases_len) = pool.strings(m.aliases())?;
    pool.list.extend_from_slice(offers);
    n32(pool.list.len(), "list entries")?;
    Ok(ModelRecord {
        index: n32(index, "models")?,
        provider: n32(m.provider, "providers")?,
        id: pool.string(&e.id)?,
        upstream_id: pool.string(m.upstream_id)?,
        name: pool.string(&e.name)?,
        vendor: pool.opt(e.vendor.as_deref())?,
        family: pool.opt(e.family.as_deref())?,
        extra,
        pricing: pool.pricing(&e.pricing)?,
        list_at,
        aliases_len: n16(aliases_len, "aliases of a model")?,
        offers_len: n16(offers.len(), "offers of a model")?,
        ..ModelRecord::facts(e)
    })
}

/// The providers of `v` as records, with their aliases and surfaces.
fn providers(v: &Validated<'_>, pool: &mut Pool, sections: &mut Sections) -> Result<(), String> {
    for p in &v.providers {
        let e = &p.entry;
        let surfaces_at = n32(sections[Section::Surfaces as usize].0, "API surfaces")?;
        for s in &e.api_surfaces {
            let (params_at, params_len) = match &s.supported_params {
                Some(list) => pool.strings(list)?,
                None => (NONE, 0),
            };
            let rec = SurfaceRecord {
                params_at,
                params_len: n32(params_len, "parameters")?,
                format: SurfaceRecord::format_to_u32(s.format),
                surface: SurfaceRecord::surface_to_u32(s.surface),
            };
            push(sections, Section::Surfaces, |b| rec.write(b));
        }
        let (aliases_at, aliases_len) = pool.strings(&e.aliases)?;
        let mut bits = 0;
        for (set, bit) in [
            (e.key_required, ProviderRecord::KEY_REQUIRED),
            (e.gateway_credentials, ProviderRecord::GATEWAY_CREDENTIALS),
            (e.aggregator, ProviderRecord::AGGREGATOR),
        ] {
            if set {
                bits |= bit;
            }
        }
        let rec = ProviderRecord {
            index: n32(p.index, "providers")?,
            id: pool.string(&e.id)?,
            name: pool.string(&e.name)?,
            description: pool.opt(e.description.as_deref())?,
            base_url: pool.opt(e.base_url.as_deref())?,
            website: pool.opt(e.website.as_deref())?,
            docs: pool.opt(e.docs.as_deref())?,
            api_key_env: pool.opt(e.api_key_env.as_deref())?,
            metadata: pool.opt(e.metadata.as_deref())?,
            aliases_at,
            surfaces_at,
            models_start: n32(p.models.start, "models")?,
            models_end: n32(p.models.end, "models")?,
            offers_start: n32(p.offers.start, "offers")?,
            offers_end: n32(p.offers.end, "offers")?,
            aliases_len: n16(aliases_len, "aliases of a provider")?,
            surfaces_len: n16(e.api_surfaces.len(), "API surfaces of a provider")?,
            bits,
        };
        push(sections, Section::Providers, |b| rec.write(b));
    }
    Ok(())
}

/// The Rust the library includes: the sources of the data, as `SOURCES`.
fn rust(sources: Option<&DataSources>) -> String {
    let snapshot = |s: Option<(&str, Date)>| match s {
        Some((label, d)) => format!(
            "Some(({label:?}, date({}, {}, {})))",
            d.year(),
            d.month(),
            d.day()
        ),
        None => "None".to_owned(),
    };
    let sources = sources.cloned().unwrap_or_default();
    let mut out = String::from("// @generated by build.rs from the catalog data. Do not edit.\n\n");
    writeln!(
        out,
        "pub(crate) static SOURCES: (Option<(&str, Date)>, Option<(&str, Date)>) = ({}, {});",
        snapshot(
            sources
                .models_dev
                .as_ref()
                .map(|s| (s.revision.as_str(), s.date))
        ),
        snapshot(
            sources
                .litellm
                .as_ref()
                .map(|s| (s.version.as_str(), s.date))
        ),
    )
    .unwrap_or_default();
    out
}

/// The compiled catalog of `v`. The Rust brings `Date` and a `const fn date(y, m, d) -> Date`
/// from the including module.
pub fn generate(v: &Validated<'_>, sources: Option<&DataSources>) -> Result<Generated, String> {
    let mut pool = Pool::new();
    let mut sections: Sections = Default::default();
    providers(v, &mut pool, &mut sections)?;
    let mut offers_of: Vec<Vec<u32>> = vec![Vec::new(); v.models.len()];
    for (i, o) in v.offers.iter().enumerate() {
        let rec = OfferRecord {
            provider: n32(o.provider, "providers")?,
            model: n32(o.model, "models")?,
            upstream_id: pool.string(&o.entry.upstream_id)?,
            pricing: pool.pricing(&o.entry.pricing)?,
            context_window: o.entry.context_window.unwrap_or(0),
            max_output_tokens: o.entry.max_output_tokens.unwrap_or(0),
            retires: date_to_u32(o.entry.retires),
            bits: OfferRecord::bits_of(o.entry),
        };
        push(&mut sections, Section::Offers, |b| rec.write(b));
        if let Some(list) = offers_of.get_mut(o.model) {
            list.push(n32(i, "offers")?);
        }
    }
    for (index, offers) in offers_of.iter().enumerate() {
        let rec = model(v, index, offers, &mut pool, &mut sections)?;
        push(&mut sections, Section::Models, |b| rec.write(b));
    }
    let models = model_table(v, &mut pool)?;
    let prefixes = prefix_table(v, &mut pool)?;
    for (s, part) in [
        (Section::ModelTable, models.table),
        (Section::ModelPilots, models.pilots),
        (Section::ModelSlots, models.slots),
        (Section::ModelLong, models.long),
        (Section::PrefixTable, prefixes.table),
        (Section::PrefixPilots, prefixes.pilots),
        (Section::PrefixSlots, prefixes.slots),
        (Section::PrefixLong, prefixes.long),
        (Section::PrefixMarks, prefix_marks(v)),
    ] {
        sections[s as usize] = part;
    }
    sections[Section::Pricings as usize] = (
        pool.pricings.len(),
        pool.pricings.iter().flat_map(|x| x.to_le_bytes()).collect(),
    );
    sections[Section::Prices as usize] = (
        pool.prices.len(),
        pool.prices.iter().flat_map(|x| x.to_le_bytes()).collect(),
    );
    sections[Section::Lists as usize] = (
        pool.list.len(),
        pool.list.iter().flat_map(|x| x.to_le_bytes()).collect(),
    );
    let blob = write_blob(&sections);
    n32(blob.len(), "bytes of records")?;
    Ok(Generated {
        rust: rust(sources),
        strings: pool.text,
        blob,
    })
}

#[cfg(test)]
mod tests {
    use super::generate;
    use model_catalog_shared::compiled::{
        read_pricing, section, string_at, u16_at, u32_at, u64_at, ExtraRecord, ModelRecord,
        OfferRecord, Section, ServedRecord, SlotBytes, NONE, SLOT_SIZE,
    };
    use model_catalog_shared::price::{LongContextPricing, Price, Pricing};
    use model_catalog_shared::schema::DataFile;
    use model_catalog_shared::validate::validate;

    /// Models with each mix of what few models have (served names, fine-tune prices) beside
    /// aliases and an offer; none has a description, a category or tags.
    const DOCS: [&str; 2] = [
        r#"{"provider": {"id": "mix", "name": "Mix", "key_required": false},
            "models": [
             {"id": "mix-b", "name": "B"},
             {"id": "mix-c", "name": "C", "fine_tune_pricing": {"input": 7}},
             {"id": "mix-d", "name": "D", "fine_tune_pricing": {}, "aliases": ["mix-d-alias"]},
             {"id": "mix-e", "name": "E", "aliases": ["mix-e-al1", "mix-e-al2"]},
             {"id": "mix-g", "name": "G", "served_names": [{"id": "mix-g-1"}],
              "aliases": ["mix-g-al"], "release_date": "2026-01-02"}
            ]}"#,
        r#"{"provider": {"id": "mix2", "name": "Mix 2", "key_required": false},
            "offers": [{"model": "mix-e", "upstream_id": "e-at-mix2"}]}"#,
    ];

    /// The blob's view a test needs: strings, records, list.
    struct Blob {
        blob: Vec<u8>,
        strings: String,
    }

    impl Blob {
        fn at(&self, s: Section, size: usize, k: usize) -> usize {
            let (at, count) = section(&self.blob, s);
            assert!(k < count, "{s:?} {k} of {count}");
            at + size * k
        }
        fn text(&self, n: u32) -> &str {
            let (at, len) = string_at(self.strings.as_bytes(), n as usize).expect("a string");
            &self.strings[at..at + len]
        }
        fn list(&self, at: u32, len: usize) -> Vec<u32> {
            let at = at as usize;
            (at..at + len)
                .map(|k| u32_at(&self.blob, self.at(Section::Lists, 4, k)))
                .collect()
        }
        fn model(&self, id: &str) -> ModelRecord {
            let count = section(&self.blob, Section::Models).1;
            (0..count)
                .map(|k| {
                    ModelRecord::read(&self.blob, self.at(Section::Models, ModelRecord::SIZE, k))
                })
                .find(|m| self.text(m.id) == id)
                .unwrap_or_else(|| panic!("no model {id}"))
        }
        /// Every `u16` of the pricings' runs, every price.
        fn prices(&self) -> (Vec<u16>, Vec<u64>) {
            let (at, n) = section(&self.blob, Section::Pricings);
            let units = (0..n).map(|i| u16_at(&self.blob, at + 2 * i)).collect();
            let (at, n) = section(&self.blob, Section::Prices);
            (
                units,
                (0..n).map(|i| u64_at(&self.blob, at + 8 * i)).collect(),
            )
        }
        fn pricing(&self, n: u32) -> Option<Pricing> {
            let (units, prices) = self.prices();
            read_pricing(&units, &prices, n as usize)
        }
        fn extra(&self, m: &ModelRecord) -> Option<ExtraRecord> {
            (m.extra != NONE).then(|| {
                let at = self.at(Section::Extras, ExtraRecord::SIZE, m.extra as usize);
                ExtraRecord::read(&self.blob, at)
            })
        }
        fn aliases(&self, m: &ModelRecord) -> Vec<&str> {
            let list = self.list(m.list_at, m.aliases_len.into());
            list.into_iter().map(|n| self.text(n)).collect()
        }
        fn offers(&self, m: &ModelRecord) -> Vec<&str> {
            let (a, o) = (usize::from(m.aliases_len), usize::from(m.offers_len));
            let list = self.list(m.list_at, a + o);
            list[a..]
                .iter()
                .map(|&k| {
                    let at = self.at(Section::Offers, OfferRecord::SIZE, k as usize);
                    self.text(OfferRecord::read(&self.blob, at).upstream_id)
                })
                .collect()
        }
    }

    fn blob() -> Blob {
        blob_of(&DOCS)
    }

    fn blob_of(docs: &[&str]) -> Blob {
        let files: Vec<(String, DataFile)> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| {
                (
                    format!("{i}.json"),
                    serde_json::from_str(d).expect("a document"),
                )
            })
            .collect();
        let validated = validate(&files).expect("the documents validate");
        let g = generate(&validated, None).expect("the catalog generates");
        Blob {
            blob: g.blob,
            strings: g.strings,
        }
    }

    #[test]
    fn each_pricing_and_each_price_is_written_once() {
        let b = blob_of(&[
            r#"{"provider": {"id": "px", "name": "Px", "key_required": false},
            "models": [
             {"id": "px-a", "name": "A", "pricing": {"input": 2.5, "output": 10}},
             {"id": "px-b", "name": "B", "pricing": {"input": 2.5, "output": 10}},
             {"id": "px-c", "name": "C", "pricing": {"input": 10, "output": 2.5,
              "long_context": {"above": 200000, "input": 5}}},
             {"id": "px-d", "name": "D"}
            ]}"#,
        ]);
        let p = |s: &str| s.parse::<Price>().unwrap();
        let (a, c, d) = (b.model("px-a"), b.model("px-c"), b.model("px-d"));
        assert_eq!(b.model("px-b").pricing, a.pricing);
        assert_eq!(
            b.pricing(a.pricing),
            Some(Pricing::new().input(p("2.5")).output(p("10")))
        );
        assert_eq!(
            b.pricing(c.pricing),
            Some(
                Pricing::new()
                    .input(p("10"))
                    .output(p("2.5"))
                    .long_context(LongContextPricing::new(200_000).input(p("5")))
            )
        );
        assert_eq!(b.pricing(d.pricing), Some(Pricing::new()));
        // Micro-dollars per million tokens: 2.5, 10 and 5 USD, each once.
        let (units, mut prices) = b.prices();
        prices.sort_unstable();
        assert_eq!(prices, [2_500_000, 5_000_000, 10_000_000]);
        // The empty pricing, then A's (3 units), then C's (1 + 2 + 3).
        assert_eq!(units.len(), 1 + 3 + 6);
    }

    #[test]
    fn what_few_models_have_is_written_to_their_extra_record_alone() {
        let b = blob();
        // Nothing an extra record holds: none, empty fine-tune prices included.
        for id in ["mix-b", "mix-d", "mix-e"] {
            assert_eq!(b.model(id).extra, NONE, "{id}");
        }
        // Fine-tune prices alone.
        let c = b.model("mix-c");
        let x = b.extra(&c).expect("mix-c has fine-tune prices");
        assert_eq!(x.served_len, 0);
        let fine_tune = b.pricing(x.fine_tune_pricing);
        assert_eq!(fine_tune.map(|p| p.input), Some("7".parse::<Price>().ok()));
        // Served names beside an alias; the release date stays in the model's record.
        let g = b.model("mix-g");
        let x = b.extra(&g).expect("mix-g has served names");
        assert_eq!(x.fine_tune_pricing, NONE);
        assert_eq!(x.served_len, 1);
        let at = b.at(Section::Served, ServedRecord::SIZE, x.served_at as usize);
        assert_eq!(b.text(ServedRecord::read(&b.blob, at).id), "mix-g-1");
        assert_ne!(g.release_date, 0);
        assert_eq!(b.aliases(&g), ["mix-g-al"]);
        assert!(b.offers(&g).is_empty());
    }

    /// Strings of each size of header, at its bounds (63 and 64 bytes, 4,095 and 4,096),
    /// and of characters of two, three and four bytes, read back from the string table.
    #[test]
    fn strings_of_every_header_size_read_back() {
        let descriptions: Vec<String> = [
            "a".repeat(63),
            "é".repeat(32),
            "a".repeat(4095),
            "é".repeat(2048),
            "模".repeat(1500),
            "🦀".repeat(5000),
            "é".to_owned(),
        ]
        .into();
        let models: Vec<String> = descriptions
            .iter()
            .enumerate()
            .map(|(i, d)| format!(r#"{{"id": "s-{i}", "name": "S {i}", "description": "{d}"}}"#))
            .collect();
        let doc = format!(
            r#"{{"provider": {{"id": "s", "name": "S", "key_required": false}},
                "models": [{}]}}"#,
            models.join(",")
        );
        let b = blob_of(&[&doc]);
        for (i, d) in descriptions.iter().enumerate() {
            let m = b.model(&format!("s-{i}"));
            let x = b.extra(&m).expect("a description");
            assert_eq!(b.text(x.description), d, "s-{i}");
            assert_eq!(b.text(m.name), format!("S {i}"));
        }
    }

    #[test]
    fn a_models_offers_follow_its_aliases_in_the_list() {
        let b = blob();
        let e = b.model("mix-e");
        assert_eq!(b.aliases(&e), ["mix-e-al1", "mix-e-al2"]);
        assert_eq!(b.offers(&e), ["e-at-mix2"]);
        let d = b.model("mix-d");
        assert_eq!(b.aliases(&d), ["mix-d-alias"]);
        assert!(b.offers(&d).is_empty());
    }

    /// Every model key's slot of `b`: the key's length, where the key begins in the string
    /// table (long keys) and the upstream id's bytes it points at.
    fn slots(b: &Blob) -> Vec<(usize, u32, u32, String)> {
        let (at, count) = section(&b.blob, Section::ModelSlots);
        let (long_at, _) = section(&b.blob, Section::ModelLong);
        let table = &b.blob[at..at + count * SLOT_SIZE];
        (0..count)
            .filter_map(|k| {
                let s = SlotBytes::nth(table, k)?;
                let (start, len) = (s.upstream_at() as usize, usize::from(s.upstream_len()));
                let upstream = b.strings.get(start..start + len)?.to_owned();
                let key_at = u32_at(&b.blob, long_at + 4 * k);
                (!s.is_empty()).then(|| (usize::from(s.len()), key_at, s.upstream_at(), upstream))
            })
            .collect()
    }

    /// A key longer than 32 bytes is kept in the string table for the bytes its slot's words
    /// leave out; where the upstream id it sends is that key's tail byte for byte, the slot
    /// reads it there (one place of the string table for a hit, not two). An upstream id
    /// that differs in case stays a string of its own.
    #[test]
    fn a_long_keys_upstream_id_is_read_from_the_keys_own_bytes() {
        let b = blob_of(&[
            r#"{"provider": {"id": "md-x", "name": "X", "key_required": false},
            "models": [
             {"id": "md-x/some-vendor/a-long-model-name-2026", "name": "A",
              "upstream_id": "some-vendor/a-long-model-name-2026"},
             {"id": "md-x/vendor/mixed-case-model-name-2026", "name": "B",
              "upstream_id": "Vendor/Mixed-Case-Model-Name-2026"},
             {"id": "md-x/short", "name": "C", "upstream_id": "short"}
            ]}"#,
        ]);
        let slots = slots(&b);
        // Each model's id, and its upstream id as a key of its own.
        assert_eq!(slots.len(), 6);
        let of = |len: usize| -> Vec<&(usize, u32, u32, String)> {
            slots.iter().filter(|s| s.0 == len).collect()
        };
        // `md-x/some-vendor/a-long-model-name-2026` (39 bytes) sends its last 34 bytes.
        let a = of(39);
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].3, "some-vendor/a-long-model-name-2026");
        assert_ne!(a[0].1, NONE);
        assert_eq!(a[0].2, a[0].1 + 5);
        // The upstream id as a key (34 bytes) is long too, and sends itself.
        let a_up = of(34);
        assert_eq!(a_up.len(), 1);
        assert_eq!(a_up[0].3, "some-vendor/a-long-model-name-2026");
        assert_eq!(a_up[0].2, a_up[0].1);
        // `md-x/vendor/mixed-case-model-name-2026` (38 bytes): its upstream id is not its
        // tail byte for byte, and is read as written.
        let bb = of(38);
        assert_eq!(bb.len(), 1);
        assert_eq!(bb[0].3, "Vendor/Mixed-Case-Model-Name-2026");
        assert!(bb[0].2 < bb[0].1 || bb[0].2 >= bb[0].1 + 38);
        // Short keys keep no string of their own.
        let c = of(10);
        assert_eq!(c.len(), 1);
        assert_eq!((c[0].1, c[0].3.as_str()), (NONE, "short"));
    }
}
