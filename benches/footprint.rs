//! Memory of run-time catalogs, counted by a global allocator that tracks the bytes live
//! and their peak (the bytes asked for; the allocator's own overhead is not counted):
//!
//! - `build`: a catalog of `n` synthetic models (`benches/synthetic`; 1,000, 10,000 and
//!   100,000) built with `CatalogBuilder::build`: bytes per model that the catalog keeps, and
//!   the peak during the build, beyond the builder;
//! - `import`: `import_documents` of the 10,000-model document: the catalog's bytes and the
//!   peak during the import, each over the JSON's size; beside it,
//!   `serde_json::from_slice::<Value>` of the same bytes; and the same documents
//!   pretty-printed (as the files of `data/` are written);
//! - after an unknown name's suggestions are first read (the names they are drawn from are
//!   gathered on first use), and after the first query (the query index is made then).
//!
//! Not a criterion benchmark: it prints one table. Run `cargo bench --bench footprint`.

mod synthetic;

use model_catalog::formats::import_documents;
use model_catalog::{Capability, Catalog, Query};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grow(n: usize) {
    let live = LIVE.fetch_add(n, Relaxed) + n;
    PEAK.fetch_max(live, Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grow(layout.size());
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size >= layout.size() {
            grow(new_size - layout.size());
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Relaxed);
        }
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Runs `f`, returning its result, the bytes still live after it (beyond those before) and
/// the peak beyond those before.
fn measure<T>(f: impl FnOnce() -> T) -> (T, usize, usize) {
    let before = LIVE.load(Relaxed);
    PEAK.store(before, Relaxed);
    let out = f();
    let after = LIVE.load(Relaxed);
    (
        out,
        after.saturating_sub(before),
        PEAK.load(Relaxed) - before,
    )
}

fn main() {
    // `cargo bench` passes `--bench`; nothing else is read.
    println!("| what | models | bytes kept | per model | peak | kept / JSON | peak / JSON |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    let (one, kept, peak) = measure(synthetic::one_custom);
    println!("| build, one custom model | 1 | {kept} | {kept} | {peak} | | |");
    drop(one);
    for n in [1_000, 10_000, 100_000] {
        let s = synthetic::synthetic(n);
        let b = s.builder();
        let (c, kept, peak) = measure(|| b.build().expect("builds"));
        let json = s.json.len() as f64;
        println!(
            "| build | {n} | {kept} | {} | {peak} | {:.2} | {:.2} |",
            kept / n,
            kept as f64 / json,
            peak as f64 / json
        );
        if n == 10_000 {
            let ((), names, _) = measure(|| {
                let e = c.resolve_model("quux-zeta-9.9-123b-nonesuch").unwrap_err();
                assert!(e.suggestions().is_some());
            });
            println!(
                "| suggestion lists, gathered on first use | {n} | {names} | {} | | {:.2} | |",
                names / n,
                names as f64 / json
            );
            let (found, index, _) =
                measure(|| c.query(&Query::new().capability(Capability::Tools)).len());
            assert!(found > 0);
            println!(
                "| query index, made on first query | {n} | {index} | {} | | {:.2} | |",
                index / n,
                index as f64 / json
            );
        }
        drop(c);
        drop(b);
        if n == 10_000 {
            let (c, kept, peak) = measure(|| {
                import_documents(Catalog::builtin(), "synthetic.json", &s.json).expect("imports")
            });
            println!(
                "| import_documents | {n} | {kept} | {} | {peak} | {:.2} | {:.2} |",
                kept / n,
                kept as f64 / json,
                peak as f64 / json
            );
            drop(c);
            let (v, kept, peak) = measure(|| {
                serde_json::from_slice::<serde_json::Value>(s.json.as_bytes()).expect("JSON")
            });
            println!(
                "| serde_json::from_slice::<Value> | {n} | {kept} | {} | {peak} | {:.2} | {:.2} |",
                kept / n,
                kept as f64 / json,
                peak as f64 / json
            );
            drop(v);
            println!(
                "| (JSON text) | {n} | {} | {} | | 1.00 | |",
                s.json.len(),
                s.json.len() / n
            );
            // The same documents pretty-printed, as files of `data/` are written.
            let pretty = serde_json::to_string_pretty(
                &serde_json::from_str::<serde_json::Value>(&s.json).expect("JSON"),
            )
            .expect("prints");
            let (c, kept, peak) = measure(|| {
                import_documents(Catalog::builtin(), "synthetic.json", &pretty).expect("imports")
            });
            let pj = pretty.len() as f64;
            println!(
                "| import_documents, pretty-printed JSON of {} bytes | {n} | {kept} | {} | {peak} | {:.2} | {:.2} |",
                pretty.len(),
                kept / n,
                kept as f64 / pj,
                peak as f64 / pj
            );
            drop(c);
        }
    }
}
