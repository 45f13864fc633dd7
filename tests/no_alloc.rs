//! A successful resolution performs no heap allocation, for every id, upstream id and alias
//! in the catalog, in every form the grammar accepts.

use model_catalog::{lookup_model, lookup_provider, models, providers, resolve_model};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

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

#[test]
fn the_counter_sees_allocations() {
    // Guards the test above against a counter that never counts.
    let n = allocations_during(|| {
        std::hint::black_box(vec![1u8; 16]);
    });
    assert_eq!(n, 1);
    let e = allocations_during(|| {
        let _ = std::hint::black_box(resolve_model("no-such-model"));
    });
    assert!(e > 0, "errors own their input");
}
