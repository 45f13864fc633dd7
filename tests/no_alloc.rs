//! A successful resolution performs no heap allocation, for every id, upstream id and alias
//! in the catalog, in every form the grammar accepts; nor does an `unknown_model` or
//! `unknown_provider` error for an input of up to 46 bytes (README, "Performance").

use model_catalog::{
    lookup_model, lookup_provider, models, providers, resolve_model, ResolveError,
};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// The longest input whose unknown-name error allocates nothing, as README states.
const INLINE: usize = 46;

/// Counts allocations made by the current thread.
struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|a| a.set(a.get() + 1));
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.with(|a| a.set(a.get() + 1));
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations_during(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    f();
    ALLOCATIONS.with(Cell::get) - before
}

/// Every string that should resolve: model keys bare, in upper case, padded, and behind every
/// name of their provider with either separator; pass-throughs.
fn inputs() -> Vec<String> {
    let mut out = Vec::new();
    for m in models() {
        let p = lookup_provider(m.provider_id()).unwrap();
        let mut keys: Vec<&str> = vec![m.id(), m.upstream_id()];
        keys.extend(m.aliases());
        let mut pnames: Vec<&str> = vec![p.id()];
        pnames.extend(p.aliases());
        for k in keys {
            out.push(k.to_owned());
            out.push(k.to_ascii_uppercase());
            out.push(format!("  {k}\t"));
            for pn in &pnames {
                out.push(format!("{pn}:{k}"));
                out.push(format!(
                    "{}/{}",
                    pn.to_ascii_uppercase(),
                    k.to_ascii_uppercase()
                ));
            }
        }
    }
    for p in providers() {
        out.push(format!("{}:Not-In-The-Catalog-2099", p.id()));
        out.push(format!(
            "{}/Not-In-The-Catalog-2099",
            p.id().to_ascii_uppercase()
        ));
    }
    out
}

#[test]
fn successful_resolution_allocates_nothing() {
    let inputs = inputs();
    assert!(inputs.len() > 1000);
    for input in &inputs {
        let mut resolved = false;
        let n = allocations_during(|| {
            resolved = std::hint::black_box(resolve_model(std::hint::black_box(input))).is_ok();
        });
        assert!(resolved, "{input:?} did not resolve");
        assert_eq!(n, 0, "resolving {input:?} allocated {n} times");
    }
}

#[test]
fn lookups_allocate_nothing() {
    for m in models() {
        let upper = m.id().to_ascii_uppercase();
        let n = allocations_during(|| {
            assert!(std::hint::black_box(lookup_model(&upper)).is_some());
            assert!(std::hint::black_box(lookup_provider(m.provider_id())).is_some());
        });
        assert_eq!(n, 0, "{}", m.id());
    }
}

/// Names the catalog does not hold, in the shapes of both error kinds: model keys with a
/// suffix (a short one and one too long to keep inline), behind an unknown provider, and
/// behind a known provider with a part that cannot be passed through.
fn misses() -> Vec<String> {
    let mut out = Vec::new();
    for m in models() {
        for k in [m.id(), m.upstream_id()].into_iter().chain(m.aliases()) {
            // A name beginning with `ft:` plus a suffix is a fine-tune id to the grammar (the
            // full catalog has a model `ft:gpt-3.5-turbo`), answered by its own rule.
            if k.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("ft:")) {
                continue;
            }
            out.push(format!("{k}-nope"));
            out.push(format!("NOPE:{k}"));
            out.push(format!("{}: {k}", m.provider_id()));
            out.push(format!("{k}-{}", "n".repeat(INLINE)));
        }
    }
    out
}

#[test]
fn short_misses_allocate_nothing_and_long_ones_once() {
    let (mut short, mut long) = (0, 0);
    for input in misses() {
        if resolve_model(&input).is_ok() {
            // `openai/gpt-oss-120b-nope`: a pass-through behind a provider name.
            continue;
        }
        let mut kind = "";
        let n = allocations_during(|| {
            let r = std::hint::black_box(resolve_model(std::hint::black_box(&input)));
            if let Err(
                e @ (ResolveError::UnknownModel { .. } | ResolveError::UnknownProvider { .. }),
            ) = &r
            {
                kind = e.kind();
                assert_eq!(e.input(), Some(input.as_str()));
            }
        });
        assert_ne!(kind, "", "{input:?} should be an unknown name");
        if input.len() <= INLINE {
            short += 1;
            assert_eq!(n, 0, "{kind} for {input:?} allocated {n} times");
        } else {
            long += 1;
            assert_eq!(n, 1, "{kind} for {input:?} allocated {n} times");
        }
    }
    assert!(short > 100 && long > 10, "{short} short, {long} long");
}

#[test]
fn the_counter_sees_allocations() {
    // Guards the tests above against a counter that never counts.
    let n = allocations_during(|| {
        std::hint::black_box(vec![1u8; 16]);
    });
    assert_eq!(n, 1);
    // Suggestions are searched, and allocated, when first read.
    let e = resolve_model("gpt4o").unwrap_err();
    let n = allocations_during(|| {
        assert_eq!(e.suggestions().and_then(<[_]>::first).unwrap(), "gpt-4o");
    });
    assert!(n > 0);
}

/// A run-time catalog with custom providers and models, one of which extends a built-in
/// provider.
fn runtime_catalog() -> model_catalog::Catalog {
    model_catalog::Catalog::builder()
        .json(
            "custom.json",
            r#"[
              {"provider": {"id": "internal-vllm", "name": "Internal vLLM", "aliases": ["vllm"], "key_required": false},
               "models": [
                 {"id": "llama-3-internal", "name": "Llama 3", "upstream_id": "meta-llama/Meta-Llama-3-8B-Instruct",
                  "aliases": ["Llama 3 Internal"], "served_names": [{"id": "llama-3-internal-2025-01-01"}]},
                 {"id": "a-custom-model-whose-name-is-longer-than-thirty-two-bytes", "name": "Long"}
               ]},
              {"extends": "groq", "models": [{"id": "groq-extra-model", "name": "Extra"}]}
            ]"#,
        )
        .expect("parses")
        .build()
        .expect("builds")
}

#[test]
fn a_runtime_catalog_resolves_and_misses_without_allocating() {
    let c = runtime_catalog();
    // The names suggestions are drawn from are made once, on the catalog's first miss.
    assert!(c.resolve_model("warm-up-miss").is_err());
    let mut found = inputs();
    for custom in [
        "llama-3-internal",
        "LLAMA-3-INTERNAL",
        "Llama 3 Internal",
        "meta-llama/meta-llama-3-8b-instruct",
        "llama-3-internal-2025-01-01",
        "A-Custom-Model-Whose-Name-Is-Longer-Than-Thirty-Two-Bytes",
        "internal-vllm:llama-3-internal",
        "VLLM/llama-3-internal",
        "internal-vllm:Not-Listed",
        "groq:groq-extra-model",
        "groq-extra-model",
    ] {
        found.push(custom.to_owned());
    }
    for input in &found {
        let mut resolved = false;
        let n = allocations_during(|| {
            resolved = std::hint::black_box(c.resolve_model(std::hint::black_box(input))).is_ok();
        });
        assert!(resolved, "{input:?} did not resolve");
        assert_eq!(n, 0, "resolving {input:?} allocated {n} times");
    }
    let mut missed = 0;
    for input in misses()
        .into_iter()
        .chain([
            "llama-3-internal-nope".to_owned(),
            "nope:llama-3-internal".to_owned(),
        ])
        .filter(|i| i.len() <= INLINE)
    {
        let n = allocations_during(|| {
            if std::hint::black_box(c.resolve_model(std::hint::black_box(&input))).is_err() {
                missed += 1;
            }
        });
        assert_eq!(n, 0, "missing {input:?} allocated {n} times");
    }
    assert!(missed > 100, "{missed}");
}
