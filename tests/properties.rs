//! Properties of resolution over generated inputs.

use model_catalog::{models, providers, resolve_model, Resolution, MAX_INPUT_LEN};
use proptest::prelude::*;

mod common;

/// Strings that resolve: every model key alone, every model id behind each name of its own
/// provider, and pass-throughs behind every provider name.
fn resolvable() -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut model_keys: Vec<&str> = Vec::new();
    for m in models() {
        model_keys.push(m.id());
        model_keys.push(m.upstream_id());
        model_keys.extend(m.aliases());
    }
    names.extend(model_keys.iter().map(|k| k.to_string()));
    for p in providers() {
        let mut pnames: Vec<&str> = vec![p.id()];
        pnames.extend(p.aliases());
        for pn in pnames {
            for sep in [":", "/"] {
                names.push(format!("{pn}{sep}Some-Unlisted-Model"));
                for m in models().filter(|m| m.provider_id() == p.id()) {
                    names.push(format!("{pn}{sep}{}", m.id()));
                }
            }
        }
    }
    // Every one must resolve: a name that does not is a regression, reported here rather
    // than dropped from the sample.
    let failing: Vec<&String> = names.iter().filter(|n| resolve_model(n).is_err()).collect();
    assert!(
        failing.is_empty(),
        "strings that should resolve do not: {failing:?}"
    );
    names
}

/// What must not change: provider, model, how it matched, how the provider was named, and
/// the upstream id up to ASCII case (a pass-through keeps the input's case).
fn essence(r: &Resolution<'_, '_>) -> (String, Option<String>, String, String) {
    (
        r.provider.id().to_owned(),
        r.model.map(|m| m.id().to_owned()),
        r.upstream_id.to_ascii_lowercase(),
        format!("{:?} {:?}", r.matched, r.prefix),
    )
}

fn ascii_whitespace() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![' ', '\t', '\n', '\r', '\x0c']),
        0..8,
    )
    .prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(common::proptest_config())]

    #[test]
    fn no_string_panics(s in any::<String>()) {
        let _ = resolve_model(&s).map(|r| r.upstream_id.len());
        if let Err(e) = resolve_model(&s) {
            let _ = e.to_string();
            let _ = e.suggestions();
        }
    }

    #[test]
    fn no_printable_ascii_string_panics(s in "[ -~]{0,300}") {
        if let Err(e) = resolve_model(&s) {
            prop_assert!(!e.to_string().is_empty());
        }
    }

    #[test]
    fn ascii_case_changes_nothing(
        name in prop::sample::select(resolvable()),
        flips in prop::collection::vec(any::<bool>(), MAX_INPUT_LEN),
    ) {
        let changed: String = name
            .chars()
            .zip(flips.iter().cycle())
            .map(|(c, &up)| if up { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() })
            .collect();
        let a = resolve_model(&name).unwrap();
        let b = resolve_model(&changed).unwrap();
        prop_assert_eq!(essence(&a), essence(&b));
        if a.model.is_some() {
            prop_assert_eq!(&*a.upstream_id, &*b.upstream_id);
        }
    }

    #[test]
    fn surrounding_whitespace_changes_nothing(
        name in prop::sample::select(resolvable()),
        before in ascii_whitespace(),
        after in ascii_whitespace(),
    ) {
        let padded = format!("{before}{name}{after}");
        prop_assume!(padded.len() <= MAX_INPUT_LEN);
        let a = resolve_model(&name).unwrap();
        let b = resolve_model(&padded).unwrap();
        prop_assert_eq!(essence(&a), essence(&b));
        prop_assert_eq!(&*a.upstream_id, &*b.upstream_id);
    }

    #[test]
    fn errors_are_stable_under_case_and_whitespace(s in "[a-z0-9:/. -]{1,40}", pad in ascii_whitespace()) {
        let upper = s.to_ascii_uppercase();
        let padded = format!("{pad}{s}{pad}");
        if let Err(e) = resolve_model(&s) {
            prop_assert_eq!(resolve_model(&upper).unwrap_err().kind(), e.kind());
            prop_assert_eq!(resolve_model(&padded).unwrap_err().kind(), e.kind());
        }
    }
}
