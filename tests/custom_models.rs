//! A run-time catalog's models, read back: every fact a document gives comes back as
//! written, whatever the models share (vendors, families, prices) or do not; models are
//! equal when their facts are; a model may not have more aliases or served names than the
//! catalog's records count.

use model_catalog::schema::{DataErrorKind, MAX_NAMES_PER_MODEL};
use model_catalog::{Capability, Catalog, Modality, Price, Support};

/// Two providers: a new one with two models that share a vendor, a family, a category and
/// prices, one of them with every fact the format has; and models added to a built-in
/// provider. An alias declared apart from its model.
const DOCS: &str = r#"[
 {"provider": {"id": "acme-cloud", "name": "Acme Cloud", "key_required": false},
  "models": [
   {"id": "acme-large-2", "upstream_id": "Acme/Large-2-Instruct", "name": "Acme Large 2",
    "description": "The large one", "vendor": "acme", "family": "acme-large",
    "category": "flagship", "context_window": 200000, "max_output_tokens": 32000,
    "input_modalities": ["text", "image"], "output_modalities": ["text"],
    "capabilities": {"tools": true, "parallel_tools": false, "reasoning": true},
    "pricing": {"input": 1.25, "output": 10, "cache_read": 0.125},
    "fine_tune_pricing": {"input": 3, "output": 12},
    "open_weights": false, "release_date": "2026-03-04", "knowledge_cutoff": "2025-10",
    "deprecated": true, "retires": "2027-01-31", "successor": "acme-large-3",
    "aliases": ["acme-l2", "big-acme"],
    "served_names": [{"id": "acme-large-2-2026-03-04", "context_window": 128000,
                      "pricing": {"input": 1}, "release_date": "2026-03-04"},
                     {"id": "acme-large-2-latest"}],
    "tags": ["paid", "beta"],
    "distillation_policy": {"status": "forbidden", "label": "No distillation",
                            "basis": "terms", "source_url": "https://acme.example/terms",
                            "note": "see section 4"},
    "notes": "limits from the provider's page"},
   {"id": "acme-large-3", "name": "Acme Large 3", "vendor": "acme", "family": "acme-large",
    "category": "flagship", "pricing": {"input": 1.25, "output": 10, "cache_read": 0.125}}
  ]},
 {"extends": "openai",
  "models": [{"id": "acme-tuned-4o", "name": "Tuned 4o", "vendor": "openai",
              "pricing": {"input": 1.25, "output": 10, "cache_read": 0.125}}]},
 {"aliases": [{"alias": "acme-flagship", "target": "acme-large-3"}]}
]"#;

fn catalog() -> Catalog {
    Catalog::builder()
        .json("docs.json", DOCS)
        .expect("the documents parse")
        .build()
        .expect("the documents validate")
}

fn price(s: &str) -> Option<Price> {
    Some(s.parse().expect("a price"))
}

#[test]
fn every_fact_of_a_document_reads_back_as_written() {
    let c = catalog();
    let m = c.lookup_model("acme-large-2").unwrap();
    assert_eq!(
        (m.id(), m.upstream_id(), m.name(), m.provider_id()),
        (
            "acme-large-2",
            "Acme/Large-2-Instruct",
            "Acme Large 2",
            "acme-cloud"
        )
    );
    assert_eq!(m.description(), Some("The large one"));
    assert_eq!(
        (m.vendor(), m.family(), m.category()),
        (Some("acme"), Some("acme-large"), Some("flagship"))
    );
    assert_eq!(
        (m.context_window(), m.max_output_tokens()),
        (Some(200_000), Some(32_000))
    );
    assert_eq!(
        m.input_modalities().unwrap().iter().collect::<Vec<_>>(),
        [Modality::Text, Modality::Image]
    );
    assert_eq!(
        m.output_modalities().unwrap().iter().collect::<Vec<_>>(),
        [Modality::Text]
    );
    assert_eq!(m.capability(Capability::Tools), Support::Yes);
    assert_eq!(m.capability(Capability::ParallelTools), Support::No);
    assert_eq!(m.capability(Capability::Reasoning), Support::Yes);
    assert_eq!(m.capability(Capability::StructuredOutput), Support::Unknown);
    assert_eq!(m.capability(Capability::Vision), Support::Yes);
    assert_eq!(m.capability(Capability::AudioInput), Support::No);
    let p = m.pricing();
    assert_eq!(
        (p.input, p.output, p.cache_read, p.cache_write),
        (price("1.25"), price("10"), price("0.125"), None)
    );
    let f = m.fine_tune_pricing();
    assert_eq!((f.input, f.output), (price("3"), price("12")));
    assert_eq!(m.open_weights(), Some(false));
    assert_eq!(m.release_date().unwrap().to_string(), "2026-03-04");
    assert_eq!(m.knowledge_cutoff(), Some("2025-10"));
    assert!(m.is_deprecated());
    assert_eq!(m.retires().unwrap().to_string(), "2027-01-31");
    assert_eq!(m.successor(), Some("acme-large-3"));
    assert_eq!(m.aliases().collect::<Vec<_>>(), ["acme-l2", "big-acme"]);
    let served: Vec<_> = m.served_names().map(|s| s.id()).collect();
    assert_eq!(served, ["acme-large-2-2026-03-04", "acme-large-2-latest"]);
    let s = m.served_name("ACME-LARGE-2-2026-03-04").unwrap();
    assert_eq!(s.context_window(), Some(128_000));
    assert_eq!(s.pricing().input, price("1"));
    assert_eq!(s.release_date().unwrap().to_string(), "2026-03-04");
    let latest = m.served_name("acme-large-2-latest").unwrap();
    assert_eq!(
        (latest.context_window(), latest.pricing().input),
        (None, None)
    );
    assert_eq!(m.tags().collect::<Vec<_>>(), ["paid", "beta"]);
    assert!(m.has_tag("beta") && !m.has_tag("free"));
    let d = m.distillation_policy().unwrap();
    assert_eq!(
        (d.status(), d.label(), d.basis(), d.source_url(), d.note()),
        (
            Some("forbidden"),
            Some("No distillation"),
            Some("terms"),
            Some("https://acme.example/terms"),
            Some("see section 4")
        )
    );
    assert_eq!(m.notes(), Some("limits from the provider's page"));
}

#[test]
fn facts_a_document_leaves_out_are_unknown_and_shared_ones_read_the_same() {
    let c = catalog();
    let m = c.lookup_model("acme-large-3").unwrap();
    assert_eq!(m.upstream_id(), "acme-large-3", "no upstream id: the id");
    assert_eq!(
        (m.vendor(), m.family(), m.category()),
        (Some("acme"), Some("acme-large"), Some("flagship"))
    );
    assert_eq!(
        (m.pricing().input, m.pricing().cache_read),
        (price("1.25"), price("0.125"))
    );
    assert_eq!(m.fine_tune_pricing().input, None);
    assert_eq!(m.description(), None);
    assert_eq!((m.context_window(), m.max_output_tokens()), (None, None));
    assert_eq!((m.input_modalities(), m.output_modalities()), (None, None));
    assert_eq!(m.capability(Capability::Vision), Support::Unknown);
    assert_eq!(
        (m.open_weights(), m.release_date(), m.retires()),
        (None, None, None)
    );
    assert!(!m.is_deprecated());
    assert_eq!(
        (m.successor(), m.knowledge_cutoff(), m.notes()),
        (None, None, None)
    );
    assert!(m.distillation_policy().is_none());
    assert_eq!(m.tags().len(), 0);
    assert_eq!(m.served_names().len(), 0);
    // The alias declared apart from the model is one of its names.
    let r = c.resolve_model("ACME-FLAGSHIP").unwrap();
    assert_eq!(r.model.unwrap().id(), "acme-large-3");

    // A model added to a built-in provider is that provider's.
    let t = c.lookup_model("acme-tuned-4o").unwrap();
    assert_eq!((t.provider_id(), t.vendor()), ("openai", Some("openai")));
    assert_eq!(c.provider_of(t).map(|p| p.id()), Some("openai"));
    assert_eq!(t.pricing().output, price("10"));
    let r = c.resolve_model("openai:acme-tuned-4o").unwrap();
    assert_eq!(r.upstream_id, "acme-tuned-4o");
}

#[test]
fn models_are_equal_when_their_facts_are() {
    let (a, b) = (catalog(), catalog());
    let (ma, mb) = (
        a.lookup_model("acme-large-2").unwrap(),
        b.lookup_model("acme-large-2").unwrap(),
    );
    assert_eq!(ma, mb, "the same documents built twice");
    assert_eq!(ma, &ma.clone());
    assert_ne!(ma, a.lookup_model("acme-large-3").unwrap());

    // One fact changed: the tags.
    let changed = Catalog::builder()
        .json("docs.json", &DOCS.replace(r#""beta""#, r#""gamma""#))
        .unwrap()
        .build()
        .unwrap();
    let mc = changed.lookup_model("acme-large-2").unwrap();
    assert_eq!(mc.tags().collect::<Vec<_>>(), ["paid", "gamma"]);
    assert_ne!(ma, mc);

    // A built-in model never equals a run-time one.
    assert_ne!(
        a.lookup_model("gpt-4o").unwrap(),
        a.lookup_model("acme-tuned-4o").unwrap()
    );
    assert_eq!(
        a.lookup_model("gpt-4o").unwrap(),
        Catalog::builtin().lookup_model("gpt-4o").unwrap()
    );
}

/// A document whose one model has `aliases` aliases, `a0`, `a1`, ...
fn with_aliases(aliases: usize) -> String {
    let names: Vec<String> = (0..aliases).map(|i| format!("\"a{i}\"")).collect();
    format!(
        r#"{{"provider": {{"id": "many", "name": "Many", "key_required": false}},
            "models": [{{"id": "m", "name": "M", "aliases": [{}]}}]}}"#,
        names.join(",")
    )
}

#[test]
fn a_model_holds_at_most_65535_aliases_and_served_names() {
    assert_eq!(MAX_NAMES_PER_MODEL, 65_535);
    let most = Catalog::builder()
        .json("most.json", &with_aliases(65_535))
        .unwrap()
        .build()
        .expect("65,535 aliases are allowed");
    let m = most.lookup_model("a65534").unwrap();
    assert_eq!(m.aliases().len(), 65_535);
    assert_eq!(m.aliases().last(), Some("a65534"));

    let over = Catalog::builder()
        .json("over.json", &with_aliases(65_536))
        .unwrap()
        .build()
        .unwrap_err();
    assert!(over.errors.iter().any(|e| matches!(
        &e.kind,
        DataErrorKind::Invalid { field: "aliases", reason } if reason.contains("65536")
    )));

    // One more alias declared apart from the model is refused, not dropped.
    let apart = Catalog::builder()
        .json("most.json", &with_aliases(65_535))
        .unwrap()
        .json(
            "apart.json",
            r#"{"aliases": [{"alias": "one-more", "target": "m"}]}"#,
        )
        .unwrap()
        .build()
        .unwrap_err();
    assert!(apart.errors.iter().any(|e| e.file == "apart.json"
        && matches!(&e.kind, DataErrorKind::Invalid { field: "alias", .. })));

    let served: Vec<String> = (0..65_536)
        .map(|i| format!(r#"{{"id": "s{i}"}}"#))
        .collect();
    let doc = format!(
        r#"{{"provider": {{"id": "many", "name": "Many", "key_required": false}},
            "models": [{{"id": "m", "name": "M", "served_names": [{}]}}]}}"#,
        served.join(",")
    );
    let over = Catalog::builder()
        .json("served.json", &doc)
        .unwrap()
        .build()
        .unwrap_err();
    assert!(over.errors.iter().any(|e| matches!(
        &e.kind,
        DataErrorKind::Invalid {
            field: "served_names",
            ..
        }
    )));
}

#[test]
fn a_cloned_model_outlives_its_catalog() {
    let c = catalog();
    let m = c.lookup_model("acme-large-2").unwrap().clone();
    let s = m.served_name("acme-large-2-2026-03-04").unwrap().clone();
    drop(c);
    assert_eq!(
        (m.id(), m.upstream_id()),
        ("acme-large-2", "Acme/Large-2-Instruct")
    );
    assert_eq!((m.provider_id(), m.vendor()), ("acme-cloud", Some("acme")));
    assert_eq!(m.aliases().collect::<Vec<_>>(), ["acme-l2", "big-acme"]);
    assert_eq!(m.pricing().cache_read, price("0.125"));
    assert_eq!(
        (s.id(), s.context_window()),
        ("acme-large-2-2026-03-04", Some(128_000))
    );
    assert_eq!(s.pricing().input, price("1"));
}

/// Models with each mix of what few models have (served names, fine-tune prices) beside
/// aliases and offers, in a new provider, a built-in one and an alias declared apart; also
/// a built-in model's offers, with one added.
const MIXES: &str = r#"[
 {"provider": {"id": "mix", "name": "Mix", "key_required": false},
  "models": [
   {"id": "mix-a", "name": "A", "release_date": "2026-01-02",
    "served_names": [{"id": "mix-a-2026", "context_window": 1000}, {"id": "mix-a-latest"}]},
   {"id": "mix-b", "name": "B"},
   {"id": "mix-c", "name": "C", "fine_tune_pricing": {"input": 7}},
   {"id": "mix-d", "name": "D", "fine_tune_pricing": {}, "aliases": ["mix-d-alias"]},
   {"id": "mix-e", "name": "E", "upstream_id": "E/up",
    "served_names": [{"id": "mix-e-1", "fine_tune_pricing": {"input": 2}}],
    "fine_tune_pricing": {"output": 9}, "aliases": ["mix-e-al1", "mix-e-al2"], "tags": ["t1"]},
   {"id": "mix-f", "name": "F", "aliases": ["mix-f-al"]},
   {"id": "mix-g", "name": "G", "served_names": [{"id": "mix-g-1"}], "aliases": ["mix-g-al"]}
  ]},
 {"provider": {"id": "mix2", "name": "Mix 2", "key_required": false},
  "offers": [{"model": "mix-e", "upstream_id": "mix2/e"}, {"model": "mix-f", "upstream_id": "mix2/f"},
             {"model": "gpt-4o", "upstream_id": "mix2/gpt-4o"}]},
 {"extends": "openai",
  "models": [{"id": "mix-o", "name": "O", "served_names": [{"id": "mix-o-snap"}]},
             {"id": "mix-p", "name": "P", "fine_tune_pricing": {"input": 5}}]},
 {"aliases": [{"alias": "mix-a-apart", "target": "mix-a"}]}
]"#;

/// Per model of [`MIXES`]: id, served names, fine-tune input and output prices, aliases,
/// offers (provider, upstream id).
type Mix = (
    &'static str,
    &'static [&'static str],
    Option<&'static str>,
    Option<&'static str>,
    &'static [&'static str],
    &'static [(&'static str, &'static str)],
);

const MIXED: &[Mix] = &[
    (
        "mix-a",
        &["mix-a-2026", "mix-a-latest"],
        None,
        None,
        &["mix-a-apart"],
        &[],
    ),
    ("mix-b", &[], None, None, &[], &[]),
    ("mix-c", &[], Some("7"), None, &[], &[]),
    ("mix-d", &[], None, None, &["mix-d-alias"], &[]),
    (
        "mix-e",
        &["mix-e-1"],
        None,
        Some("9"),
        &["mix-e-al1", "mix-e-al2"],
        &[("mix2", "mix2/e")],
    ),
    (
        "mix-f",
        &[],
        None,
        None,
        &["mix-f-al"],
        &[("mix2", "mix2/f")],
    ),
    ("mix-g", &["mix-g-1"], None, None, &["mix-g-al"], &[]),
    ("mix-o", &["mix-o-snap"], None, None, &[], &[]),
    ("mix-p", &[], Some("5"), None, &[], &[]),
];

/// Checks `c`, made from [`MIXES`] (`what` says how), against [`MIXED`].
fn check_mixes(c: &Catalog, what: &str) {
    let opt = |s: Option<&str>| s.and_then(price);
    for &(id, served, ft_in, ft_out, aliases, offers) in MIXED {
        let m = c.lookup_model(id).unwrap_or_else(|| panic!("{what}: {id}"));
        let got: Vec<&str> = m.served_names().map(|s| s.id()).collect();
        assert_eq!(got, served, "{what}: served names of {id}");
        let ft = m.fine_tune_pricing();
        assert_eq!(
            (ft.input, ft.output),
            (opt(ft_in), opt(ft_out)),
            "{what}: {id}"
        );
        assert_eq!(
            ft.is_empty(),
            ft_in.is_none() && ft_out.is_none(),
            "{what}: {id}"
        );
        let got: Vec<&str> = m.aliases().collect();
        assert_eq!(got, aliases, "{what}: aliases of {id}");
        let got: Vec<(&str, &str)> = c
            .offers_of(m)
            .iter()
            .map(|o| (o.provider_id(), o.upstream_id()))
            .collect();
        assert_eq!(got, offers, "{what}: offers of {id}");
        for name in served {
            let r = c.resolve_model(name).expect("a served name resolves");
            assert_eq!(r.model.map(|m| m.id()), Some(id), "{what}: {name}");
            assert_eq!(&*r.upstream_id, *name, "{what}: {name}");
            assert_eq!(r.served_name().map(|s| s.id()), Some(*name), "{what}");
        }
        for name in aliases {
            let r = c.resolve_model(name).expect("an alias resolves");
            assert_eq!(r.model.map(|m| m.id()), Some(id), "{what}: {name}");
        }
    }
    let a = c.lookup_model("mix-a").expect("mix-a");
    assert_eq!(
        a.served_name("MIX-A-2026").and_then(|s| s.context_window()),
        Some(1000)
    );
    assert_eq!(
        a.served_name("mix-a-latest")
            .and_then(|s| s.context_window()),
        None
    );
    let e = c.lookup_model("mix-e").expect("mix-e");
    assert_eq!(
        e.served_name("mix-e-1")
            .and_then(|s| s.fine_tune_pricing().input),
        price("2")
    );
    // gpt-4o keeps the compiled catalog's offers, the run-time one after them.
    let gpt = c.lookup_model("gpt-4o").expect("gpt-4o");
    let here: Vec<(&str, &str)> = c
        .offers_of(gpt)
        .iter()
        .map(|o| (o.provider_id(), o.upstream_id()))
        .collect();
    let builtin = Catalog::builtin().offers_of(gpt);
    assert!(!builtin.is_empty());
    assert_eq!(here.len(), builtin.len() + 1, "{what}");
    for (h, b) in here.iter().zip(&builtin) {
        assert_eq!(*h, (b.provider_id(), b.upstream_id()), "{what}");
    }
    assert_eq!(here.last(), Some(&("mix2", "mix2/gpt-4o")), "{what}");
}

#[test]
fn each_mix_of_served_names_fine_tune_prices_aliases_and_offers_reads_back() {
    let c = Catalog::builder()
        .json("mixes.json", MIXES)
        .expect("the documents parse")
        .build()
        .expect("the documents validate");
    check_mixes(&c, "built");
    let again = c.to_builder().build().expect("the same documents validate");
    check_mixes(&again, "rebuilt");
    #[cfg(feature = "formats")]
    {
        use model_catalog::formats::{export_documents, import_documents};
        let imported = import_documents(Catalog::builtin(), "mixes.json", MIXES).expect("imports");
        check_mixes(&imported, "imported");
        let json = export_documents(&imported).expect("exports");
        let round = import_documents(Catalog::builtin(), "again.json", &json).expect("imports");
        check_mixes(&round, "exported and imported");
    }
}

/// A run-time model that replaces a built-in one, with served names and fine-tune prices as
/// its only facts beyond its name.
#[test]
fn a_replacement_models_served_names_and_fine_tune_prices_read_back() {
    let doc = r#"{"extends": "openai",
      "models": [{"id": "gpt-4o-mini", "name": "Mine", "served_names": [{"id": "mine-snap"}],
                  "fine_tune_pricing": {"input": 11}}]}"#;
    let c = Catalog::builder()
        .json("o.json", doc)
        .expect("parses")
        .allow_override("gpt-4o-mini")
        .build()
        .expect("validates");
    let m = c.lookup_model("gpt-4o-mini").expect("gpt-4o-mini");
    assert_eq!(m.name(), "Mine");
    let served: Vec<&str> = m.served_names().map(|s| s.id()).collect();
    assert_eq!(served, ["mine-snap"]);
    assert_eq!(m.fine_tune_pricing().input, price("11"));
    let r = c.resolve_model("mine-snap").expect("resolves");
    assert_eq!(r.model.map(|m| m.name()), Some("Mine"));
    assert_eq!(&*r.upstream_id, "mine-snap");
}

/// A `model_not_offered` error names at most `MAX_OFFERED_BY` providers, its home first, and
/// counts the others: a catalog where thousands of providers offer one model does not make
/// every such error, and the body sent back to a client, thousands of names long.
#[test]
fn model_not_offered_names_a_bounded_number_of_providers() {
    use model_catalog::{CustomProvider, ResolveError, MAX_OFFERED_BY};
    let mut b = Catalog::builder()
        .provider(CustomProvider::new("home", "Home").model("m1", "m1"))
        .provider(CustomProvider::new("bystander", "Bystander").model("b1", "b1"));
    for i in 0..40 {
        let id = format!("p{i:02}");
        b = b.provider(CustomProvider::new(&id, &id).offer("m1", "m1"));
    }
    // The providers a `model_not_offered` error names, and how many more it counts.
    let listed = |e: &ResolveError| match e {
        ResolveError::ModelNotOffered {
            offered_by, more, ..
        } => (offered_by.clone(), *more),
        e => panic!("{e:?}"),
    };
    let c = b.build().unwrap();
    let e = c.resolve_model("bystander:m1").unwrap_err();
    let (offered_by, more) = listed(&e);
    assert_eq!(MAX_OFFERED_BY, 16);
    let mut expected = vec!["home".to_owned()];
    expected.extend((0..15).map(|i| format!("p{i:02}")));
    assert_eq!(offered_by, expected);
    // 41 offer it: the home and 40 others.
    assert_eq!(more, 25);
    // Each of them serves it under its offer, the first and the last alike.
    for p in ["p00", "p17", "p39"] {
        let input = format!("{p}:m1");
        let r = c.resolve_model(&input).unwrap();
        assert_eq!(r.provider.id(), p);
        assert_eq!(r.offer.map(|o| o.provider_id()), Some(p));
    }
    let text = e.to_string();
    assert!(text.ends_with("`p13`, `p14` and 25 more"), "{text}");
    // A served name is served by its home and by the offers sent under that name only:
    // 20 providers offer `m1` as `m1-2024` (every second one spelled `M1-2024`), 20 others
    // under ids of their own, which sort before and after it.
    let mut docs = vec![
        r#"{"provider": {"id": "home", "name": "Home", "key_required": false},
            "models": [{"id": "m1", "name": "M1", "served_names": [{"id": "m1-2024"}]}]}"#
            .to_owned(),
        r#"{"provider": {"id": "bystander", "name": "B", "key_required": false},
            "models": [{"id": "b1", "name": "B1"}]}"#
            .to_owned(),
    ];
    for i in 0..40 {
        let id = match i % 4 {
            0 => "m1-2024".to_owned(),
            2 => "M1-2024".to_owned(),
            1 => format!("m1-0-{i}"),
            _ => format!("m1-own-{i}"),
        };
        docs.push(format!(
            r#"{{"provider": {{"id": "p{i:02}", "name": "P", "key_required": false}},
                "offers": [{{"model": "m1", "upstream_id": "{id}"}}]}}"#
        ));
    }
    let c = Catalog::builder()
        .json("offers.json", &format!("[{}]", docs.join(",")))
        .unwrap()
        .build()
        .unwrap();
    let (offered_by, more) = listed(&c.resolve_model("bystander:m1-2024").unwrap_err());
    let mut expected = vec!["home".to_owned()];
    expected.extend((0..30).step_by(2).map(|i| format!("p{i:02}")));
    assert_eq!(offered_by, expected);
    assert_eq!(more, 5);
    // Fewer than the bound: all of them, nothing more.
    let c = Catalog::builder()
        .provider(CustomProvider::new("home", "Home").model("m1", "m1"))
        .provider(CustomProvider::new("bystander", "Bystander").model("b1", "b1"))
        .provider(CustomProvider::new("p00", "P").offer("m1", "m1"))
        .build()
        .unwrap();
    let e = c.resolve_model("bystander:m1").unwrap_err();
    assert_eq!(
        e.to_string(),
        "provider `bystander` does not offer model `m1`; it is offered by `home`, `p00`"
    );
}

/// An offer sent under a served name behind a vendor prefix (`acme/acme-1-2024`, as
/// aggregators write snapshot ids) names that snapshot: its prices, its limits and its
/// retirement apply, as they do at the model's home.
#[test]
fn an_offer_under_a_vendor_prefixed_served_name_has_the_served_names_facts() {
    use model_catalog::{Catalog, MatchKind, Resolver, Usage};
    let doc = r#"[
      {"provider": {"id": "acme", "name": "Acme", "key_required": false},
       "models": [{"id": "acme-1", "name": "Acme 1", "pricing": {"input": 1, "output": 2},
                   "context_window": 100000,
                   "served_names": [{"id": "acme-1-2024", "pricing": {"input": 9, "output": 9},
                                     "context_window": 8000, "deprecated": true,
                                     "retires": "2025-01-01"}]}]},
      {"extends": "openrouter",
       "offers": [{"model": "acme-1", "upstream_id": "acme/acme-1-2024"}]}]"#;
    let c = Catalog::builder().json("d", doc).unwrap().build().unwrap();
    let usage = Usage::new()
        .input_tokens(1_000_000)
        .output_tokens(1_000_000);
    let strict = Resolver::new()
        .refuse_retired(true)
        .as_of("2026-06-01".parse().unwrap());
    for input in ["acme-1-2024", "openrouter:acme/acme-1-2024"] {
        let r = c.resolve_model(input).unwrap();
        assert_eq!(r.matched, MatchKind::ServedName, "{input}");
        assert_eq!(
            r.served_name().map(|s| s.id()),
            Some("acme-1-2024"),
            "{input}"
        );
        assert_eq!(r.cost(&usage).unwrap().total.to_string(), "18", "{input}");
        assert_eq!(r.context_window(), Some(8_000), "{input}");
        assert_eq!(
            c.resolve_with(&strict, input).unwrap_err().kind(),
            "retired",
            "{input}"
        );
    }
    let r = c.resolve_model("openrouter:acme/acme-1-2024").unwrap();
    assert_eq!(
        (r.provider.id(), &*r.upstream_id),
        ("openrouter", "acme/acme-1-2024")
    );
}

/// A served name spelled whole is the one named, before another that its part after the
/// last `/` would name; and an offer of a built-in model under a vendor-prefixed served name
/// has that served name's facts, as the model's home does.
#[test]
fn the_served_name_named_is_the_one_whose_facts_apply() {
    use model_catalog::{Catalog, MatchKind, Resolver, Usage};
    let doc = r#"{"provider": {"id": "p1", "name": "P1", "key_required": false},
        "models": [{"id": "m", "name": "M", "pricing": {"input": 5}, "served_names": [
            {"id": "snap-1", "pricing": {"input": 1}, "deprecated": true, "retires": "2020-01-01"},
            {"id": "bar/snap-1", "pricing": {"input": 7}}]}]}"#;
    let c = Catalog::builder().json("d", doc).unwrap().build().unwrap();
    let strict = Resolver::new()
        .refuse_retired(true)
        .as_of("2026-06-01".parse().unwrap());
    let usage = Usage::new().input_tokens(1_000_000);
    for input in ["p1:bar/snap-1", "bar/snap-1"] {
        let r = c.resolve_model(input).unwrap();
        assert_eq!(
            r.served_name().map(|s| s.id()),
            Some("bar/snap-1"),
            "{input}"
        );
        assert_eq!(r.cost(&usage).unwrap().total.to_string(), "7", "{input}");
        assert!(c.resolve_with(&strict, input).is_ok(), "{input}");
    }
    assert_eq!(
        c.resolve_with(&strict, "p1:snap-1").unwrap_err().kind(),
        "retired"
    );
    // gpt-4o's served name `gpt-4o-2024-05-13` has an output limit of its own, 4,096 tokens
    // (the model's is 16,384), as the crate's documentation of `max_output_tokens` shows.
    let doc = r#"{"provider": {"id": "agg", "name": "Agg", "key_required": false},
        "offers": [{"model": "gpt-4o", "upstream_id": "openai/gpt-4o-2024-05-13"}]}"#;
    let c = Catalog::builder().json("d", doc).unwrap().build().unwrap();
    let home = c.resolve_model("openai:gpt-4o-2024-05-13").unwrap();
    let offer = c.resolve_model("agg:openai/gpt-4o-2024-05-13").unwrap();
    assert_eq!(offer.matched, MatchKind::ServedName);
    assert_eq!(offer.upstream_id, "openai/gpt-4o-2024-05-13");
    assert_eq!(
        offer.served_name().map(|s| s.id()),
        Some("gpt-4o-2024-05-13")
    );
    assert_eq!(offer.max_output_tokens(), Some(4_096));
    assert_eq!(offer.retires(), home.retires());
    // The name that matched, as the catalog spells it: the offer's id.
    let typed = c.resolve_model("AGG:OpenAI/GPT-4o-2024-05-13").unwrap();
    assert_eq!(typed.matched_name(), "openai/gpt-4o-2024-05-13");
    // The provider's detailed `/v1/models` list gives the limits resolution gives.
    let list = model_catalog::formats::export_openai_models_detailed(&c, Some("agg")).unwrap();
    let list: serde_json::Value = serde_json::from_str(&list).unwrap();
    let entry = &list["data"][0];
    assert_eq!(entry["id"], "openai/gpt-4o-2024-05-13");
    assert_eq!(entry["max_output_tokens"], 4_096);
    assert_eq!(
        c.resolve_with(&strict, "agg:openai/gpt-4o-2024-05-13")
            .map(|_| ())
            .map_err(|e| e.kind()),
        c.resolve_with(&strict, "openai:gpt-4o-2024-05-13")
            .map(|_| ())
            .map_err(|e| e.kind()),
    );
}
