//! "Did you mean" suggestions as `Suggestions` documents them (closest first, ties in
//! catalog order, within `clamp(len / 4, 1, 3)` edits, at most three, each name once, "`a`,
//! `b` or `c`"), on run-time catalogs whose names are chosen so that the expected answers
//! can be worked out by hand; and the grammar cases a mutation check found untested:
//! ASCII-only folding of custom names, and an unknown provider before a `:` that follows a
//! `/`.

use model_catalog::{Catalog, CustomProvider, ResolveError};

/// A catalog with one custom provider serving `models` (id = upstream id), in this order.
fn catalog(models: &[&str]) -> Catalog {
    let mut p = CustomProvider::new("zq-lab", "ZQ lab");
    for m in models {
        p = p.model(m, m);
    }
    Catalog::builder().provider(p).build().unwrap()
}

fn suggestions(c: &Catalog, input: &str) -> Vec<String> {
    match c.resolve_model(input) {
        Err(e) => e.suggestions().expect("an unknown name").to_vec(),
        Ok(r) => panic!("{input:?} resolved to {r:?}"),
    }
}

/// Names are ordered by distance, then by catalog order; not in catalog order alone.
#[test]
fn closest_first_then_catalog_order() {
    // The query is 10 characters long: up to 2 edits. In catalog order, a name 2 edits away
    // comes first, then two names 1 edit away.
    let c = catalog(&["zqabcdefXY", "zqabcdefgX", "zqabcdefgh-"]);
    assert_eq!(
        suggestions(&c, "zqabcdefgh"),
        ["zqabcdefgX", "zqabcdefgh-", "zqabcdefXY"]
    );
    // Equal distances keep catalog order, whichever comes first.
    let c = catalog(&["zqabcdefgh-", "zqabcdefgX"]);
    assert_eq!(suggestions(&c, "zqabcdefgh"), ["zqabcdefgh-", "zqabcdefgX"]);
    // At most three, the closest: a swap counts one edit.
    let c = catalog(&[
        "zqabcdefXY",
        "zqabcdeXYZ",
        "zqabcdefhg",
        "zqabcdefgh1",
        "zqabcdefgh12",
    ]);
    assert_eq!(
        suggestions(&c, "zqabcdefgh"),
        ["zqabcdefhg", "zqabcdefgh1", "zqabcdefXY"]
    );
}

/// A name is suggested when at most `clamp(len / 4, 1, 3)` edits away, `len` counted in
/// characters of the name not found.
#[test]
fn the_threshold_is_a_quarter_of_the_length_from_one_to_three() {
    // 12 characters: 3 edits.
    let c = catalog(&["zq-abcdefXYZ", "zq-abcdeWXYZ"]);
    assert_eq!(suggestions(&c, "zq-abcdefghi"), ["zq-abcdefXYZ"]);
    // 20 characters: still 3 (the cap).
    let c = catalog(&["zq-abcdefghijklmnXYZ", "zq-abcdefghijklmWXYZ"]);
    assert_eq!(
        suggestions(&c, "zq-abcdefghijklmnopq"),
        ["zq-abcdefghijklmnXYZ"]
    );
    // 8 characters: 2 edits.
    let c = catalog(&["zqabcdXY", "zqabcWXY"]);
    assert_eq!(suggestions(&c, "zqabcdef"), ["zqabcdXY"]);
    // 7 characters: 1 edit.
    let c = catalog(&["zqabcdX", "zqabcXY"]);
    assert_eq!(suggestions(&c, "zqabcde"), ["zqabcdX"]);
    // 3 characters: 1 edit (the floor), not 0.
    let c = catalog(&["zqx", "zxy"]);
    assert_eq!(suggestions(&c, "zqa"), ["zqx"]);
    // A non-ASCII character counts as one character (and matches nothing).
    let c = catalog(&["zqabcdX"]);
    assert_eq!(suggestions(&c, "zqabcd\u{e9}"), ["zqabcdX"]);
}

/// One name is given once, however many of a model's names spell it.
#[test]
fn each_name_once() {
    let c = Catalog::builder()
        .provider(CustomProvider::new("zq-lab", "ZQ lab").model("zqabcdefgX", "ZQABCDEFGX"))
        .build()
        .unwrap();
    assert_eq!(suggestions(&c, "zqabcdefgh"), ["zqabcdefgX"]);
}

/// The message lists the suggestions as "`a`, `b` or `c`".
#[test]
fn the_message_reads_a_b_or_c() {
    let c = catalog(&["zqabcdefgX", "zqabcdefgY", "zqabcdefgZ", "zqabcdefXY"]);
    assert_eq!(
        c.resolve_model("zqabcdefgh").unwrap_err().to_string(),
        "unknown model `zqabcdefgh`; did you mean `zqabcdefgX`, `zqabcdefgY` or `zqabcdefgZ`?"
    );
    let c = catalog(&["zqabcdefgX", "zqabcdefgY"]);
    assert_eq!(
        c.resolve_model("zqabcdefgh").unwrap_err().to_string(),
        "unknown model `zqabcdefgh`; did you mean `zqabcdefgX` or `zqabcdefgY`?"
    );
    let c = catalog(&["zqabcdefgX"]);
    assert_eq!(
        c.resolve_model("zqabcdefgh").unwrap_err().to_string(),
        "unknown model `zqabcdefgh`; did you mean `zqabcdefgX`?"
    );
    let c = catalog(&[]);
    assert_eq!(
        c.resolve_model("zqabcdefgh").unwrap_err().to_string(),
        "unknown model `zqabcdefgh`"
    );
}

/// Provider names are suggested for an unknown provider, from the same catalog.
#[test]
fn provider_suggestions_come_from_the_catalog() {
    let c = Catalog::builder()
        .provider(CustomProvider::new("zq-lab", "ZQ lab").alias("zq-lab-two"))
        .build()
        .unwrap();
    let e = c.resolve_model("zq-lbb:x").unwrap_err();
    assert_eq!(e.kind(), "unknown_provider");
    assert_eq!(e.suggestions().unwrap(), ["zq-lab"]);
    assert_eq!(
        e.to_string(),
        "unknown provider `zq-lbb` in `zq-lbb:x`; did you mean `zq-lab`?"
    );
}

/// Custom names are folded ASCII-only, as built-in ones: KELVIN SIGN (U+212A) and LONG S
/// (U+017F), which Unicode case folding maps to `k` and `s`, reach nothing.
#[test]
fn custom_names_fold_ascii_case_only() {
    let c = Catalog::builder()
        .provider(
            CustomProvider::new("kilo-proxy", "Kilo proxy")
                .model("kimi-local", "kimi-local")
                .model("sonar-local", "sonar-local"),
        )
        .build()
        .unwrap();
    for ok in [
        "kimi-local",
        "KIMI-LOCAL",
        "Sonar-Local",
        "KILO-PROXY:kimi-local",
    ] {
        assert!(c.resolve_model(ok).is_ok(), "{ok}");
    }
    for (input, kind) in [
        ("\u{212a}imi-local", "unknown_model"),
        ("kimi-loca\u{212a}", "unknown_model"),
        ("\u{17f}onar-local", "unknown_model"),
        ("\u{212a}ilo-proxy:kimi-local", "unknown_provider"),
        ("kilo-proxy:\u{212a}imi-local", "unknown_model"),
        ("\u{17f}onar-local:x", "unknown_provider"),
    ] {
        let e = c.resolve_model(input).unwrap_err();
        assert_eq!(e.kind(), kind, "{input}");
    }
    assert!(c.lookup_model("\u{212a}imi-local").is_none());
    assert!(c.lookup_provider("\u{212a}ilo-proxy").is_none());
}

/// `nope/x:y`: `nope` is no provider, and there is a `:`, so the part before it names an
/// unknown provider (README, "Resolution", rule 5).
#[test]
fn an_unknown_provider_before_a_colon_after_a_slash() {
    for c in [Catalog::builtin().clone(), catalog(&["zq-m"])] {
        let e = c.resolve_model("nope/x:y").unwrap_err();
        assert_eq!(e.kind(), "unknown_provider");
        assert_eq!(e.unknown_name(), Some("nope/x"));
        assert_eq!(e.input(), Some("nope/x:y"));
    }
    let e = model_catalog::resolve_model("nope/x:y").unwrap_err();
    assert!(matches!(e, ResolveError::UnknownProvider { .. }), "{e:?}");
}

/// An alias a run-time catalog declares apart for a built-in model is suggested, as written,
/// like the model's own names; the built-in catalog does not know it. (`gpt-4o-mini` is
/// OpenAI's, data/providers/openai.json.)
#[test]
fn aliases_declared_apart_for_built_in_models_are_suggested() {
    let c = Catalog::builder()
        .json(
            "aliases.json",
            r#"{"aliases": [{"alias": "House-Mini-Model", "target": "gpt-4o-mini"}]}"#,
        )
        .unwrap()
        .build()
        .unwrap();
    // One swap away, 16 characters: within 3 edits.
    assert_eq!(suggestions(&c, "house-mini-modle"), ["House-Mini-Model"]);
    // It resolves, in any ASCII case, to the built-in model.
    let r = c.resolve_model("HOUSE-MINI-MODEL").unwrap();
    assert_eq!(r.model.map(|m| m.id()), Some("gpt-4o-mini"));
    // Not a name of the built-in catalog: no suggestion there.
    assert_eq!(
        suggestions(Catalog::builtin(), "house-mini-modle"),
        Vec::<String>::new()
    );
}

/// A miss takes a share of a run-time catalog's names only where the search could suggest
/// one of them (a name within 3 of its length, in characters): at that boundary, and beyond
/// it, the suggestions are what the search over every name gives.
#[test]
fn custom_names_at_the_edge_of_the_length_window_are_suggested() {
    // 12 and 15 characters: three insertions apart, the most a 12-character name allows.
    let c = catalog(&["abcdefghijklmno"]);
    assert_eq!(suggestions(&c, "abcdefghijkl"), ["abcdefghijklmno"]);
    // 16 characters: four away, and 4 longer: not suggested.
    let c = catalog(&["abcdefghijklmnop"]);
    assert_eq!(suggestions(&c, "abcdefghijkl"), Vec::<String>::new());
    // Shorter by three: 15 characters (18 bytes) that are three deletions from a
    // 12-character name. The search counts characters, not bytes.
    let c = catalog(&["abcdefghijkl"]);
    assert_eq!(
        suggestions(&c, "abcdefghijkl\u{e9}\u{e9}\u{e9}"),
        ["abcdefghijkl"]
    );
    // An unknown provider three characters longer than a custom provider's id.
    let c = Catalog::builder()
        .provider(CustomProvider::new("abcdefghijkl", "Twelve").model("m", "m"))
        .build()
        .unwrap();
    let e = c.resolve_model("abcdefghijklmno:m").unwrap_err();
    assert!(matches!(e, ResolveError::UnknownProvider { .. }));
    assert_eq!(suggestions(&c, "abcdefghijklmno:m"), ["abcdefghijkl"]);
    // A built-in name far in length from every custom one is still suggested, as in the
    // compiled catalog alone.
    let c = catalog(&["x1"]);
    assert_eq!(
        suggestions(&c, "gpt-4o-minii"),
        suggestions(Catalog::builtin(), "gpt-4o-minii")
    );
    assert!(suggestions(&c, "gpt-4o-minii").contains(&"gpt-4o-mini".to_owned()));
}

/// A provider that replaces a compiled one keeps its aliases (`google-vertex` of
/// data/providers/vertex.json), and a miss near one is offered it, as from the compiled
/// catalog alone, though no name the run-time catalog adds is near the miss in length.
#[test]
fn a_replacements_aliases_are_suggested() {
    assert_eq!(
        suggestions(Catalog::builtin(), "google-vertexx:gemini-2.5-pro"),
        ["google-vertex"]
    );
    let c = Catalog::builder()
        .allow_override("vertex")
        .provider(CustomProvider::new("vertex", "Vertex via proxy").model("in-house", "in-house"))
        .build()
        .unwrap();
    let r = c.resolve_model("google-vertex:in-house").unwrap();
    assert_eq!(r.provider.id(), "vertex");
    let e = c.resolve_model("google-vertexx:in-house").unwrap_err();
    assert!(matches!(e, ResolveError::UnknownProvider { .. }));
    assert_eq!(
        suggestions(&c, "google-vertexx:in-house"),
        ["google-vertex"]
    );
}
