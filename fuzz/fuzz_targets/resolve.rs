//! Resolution of arbitrary bytes, in the built-in catalog and in a run-time catalog with
//! custom providers: never a panic, nothing non-ASCII or over the bound ever resolves, a
//! pass-through keeps the input's tail verbatim, and every answer, of the free function, of
//! the built-in catalog value and of the run-time catalog, is the reference resolver's
//! (`crates/model-catalog-oracle`, which shares no code with the crate's resolver).
#![no_main]

use libfuzzer_sys::fuzz_target;
use model_catalog::{resolve_model, Catalog, CustomProvider, ResolveError, MAX_INPUT_LEN};
use model_catalog_fuzz::oracle::{Expected, Oracle};
use std::sync::OnceLock;

fn custom() -> &'static Catalog {
    static C: OnceLock<Catalog> = OnceLock::new();
    C.get_or_init(|| {
        Catalog::builder()
            .provider(
                CustomProvider::new("internal-vllm", "Internal vLLM")
                    .alias("vllm")
                    .model("llama-3", "meta-llama/Llama-3-8B-Instruct"),
            )
            .provider(CustomProvider::new("anything", "Pass-through only"))
            .build()
            .expect("a valid catalog")
    })
}

fn oracles() -> &'static (Oracle<'static>, Oracle<'static>) {
    static O: OnceLock<(Oracle<'static>, Oracle<'static>)> = OnceLock::new();
    O.get_or_init(|| (Oracle::new(Catalog::builtin()), Oracle::new(custom())))
}

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let builtin = resolve_model(s);
    match &builtin {
        Ok(r) => {
            assert!(s.is_ascii() && s.len() <= MAX_INPUT_LEN, "{s:?} resolved");
            if r.is_fine_tune() {
                // Sent as written, the `ft:` prefix in lower case.
                assert!(r.upstream_id.starts_with("ft:"));
                assert!(s.trim_ascii().ends_with(&r.upstream_id[3..]));
            } else if r.model.is_none() {
                assert!(s.trim_ascii().ends_with(&*r.upstream_id));
                assert!(!r.upstream_id.is_empty());
            }
        }
        Err(e) => {
            if s.len() > MAX_INPUT_LEN {
                assert_eq!(*e, ResolveError::TooLong { len: s.len() });
            }
            assert!(!e.to_string().chars().any(char::is_control));
            if matches!(
                e,
                ResolveError::UnknownModel { .. } | ResolveError::UnknownProvider { .. }
            ) {
                assert_eq!(e.input(), Some(s.trim_ascii()));
                assert!(e
                    .input()
                    .unwrap_or("")
                    .contains(e.unknown_name().unwrap_or("")));
            }
        }
    }
    let (builtin_oracle, custom_oracle) = oracles();
    let want = builtin_oracle.resolve(s);
    assert_eq!(Expected::of(&builtin), want, "free function: {s:?}");
    assert_eq!(
        Expected::of(&Catalog::builtin().resolve_model(s)),
        want,
        "catalog value: {s:?}"
    );
    assert_eq!(
        Expected::of(&custom().resolve_model(s)),
        custom_oracle.resolve(s),
        "run-time catalog: {s:?}"
    );
    if let Ok(r) = custom().resolve_model(s) {
        assert!(s.is_ascii() && s.len() <= MAX_INPUT_LEN, "{s:?} resolved");
        if r.model.is_none() && !r.is_fine_tune() {
            assert!(s.trim_ascii().ends_with(&*r.upstream_id));
        }
    }
});
