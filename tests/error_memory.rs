//! What a `ResolveError` keeps alive: what it needs to render its message (its input, and
//! for a run-time catalog a shared list of the catalog's names to suggest from), not the
//! catalog it came from; and what a caller's name costs an import that repeats it. Measured
//! with an allocator that counts live bytes per thread, and their peak.

use model_catalog::schema::ModelEntry;
use model_catalog::{resolve_model, Catalog, CustomProvider};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// Counts the bytes allocated and not yet freed by the current thread.
struct Counting;

thread_local! {
    static LIVE: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

fn add(n: usize, sign: isize) {
    // `try_with`: the allocator also runs while thread-locals are torn down.
    let _ = LIVE.try_with(|l| {
        l.set(l.get() + sign * n as isize);
        let _ = PEAK.try_with(|p| p.set(p.get().max(l.get())));
    });
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        add(layout.size(), 1);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        add(layout.size(), -1);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        add(layout.size(), -1);
        add(new_size, 1);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn live() -> isize {
    LIVE.with(Cell::get)
}

/// The most bytes `f` had allocated at once, beyond those live when it began.
fn peak_of<T>(f: impl FnOnce() -> T) -> isize {
    let start = live();
    PEAK.with(|p| p.set(start));
    drop(f());
    PEAK.with(Cell::get) - start
}

/// A catalog whose overlay is large (100 models with 10 kB descriptions) but whose names
/// are few and short.
fn heavy_catalog() -> Catalog {
    let mut p = CustomProvider::new("zq-lab", "ZQ lab");
    for i in 0..100 {
        let mut m = ModelEntry::new(format!("zq-model-{i:03}"), format!("ZQ model {i}"));
        m.description = Some("d".repeat(10_000));
        p = p.model_entry(m);
    }
    Catalog::builder().provider(p).build().unwrap()
}

#[test]
fn an_error_does_not_keep_its_catalog_alive() {
    let catalog = heavy_catalog();
    let error = catalog.resolve_model("zq-model-099x").unwrap_err();
    let before_drop = live();
    drop(catalog);
    let freed_by_catalog = before_drop - live();
    // The suggestions are still there, from the names the error shares.
    // (One edit from `zq-model-099`, two from `zq-model-009` and `zq-model-019`, the first
    // models two edits away in catalog order.)
    assert_eq!(
        error.to_string(),
        "unknown model `zq-model-099x`; did you mean `zq-model-099`, `zq-model-009` or `zq-model-019`?"
    );
    let with_error = live();
    drop(error);
    let held_by_error = with_error - live();
    eprintln!(
        "catalog: {freed_by_catalog} bytes freed when dropped; error: {held_by_error} bytes held after the catalog is gone"
    );
    // The overlay holds over a megabyte of descriptions (twice: the documents and the
    // models); dropping the catalog frees it, and the error keeps only a few kilobytes.
    assert!(freed_by_catalog > 1_000_000, "{freed_by_catalog}");
    assert!(held_by_error < 16_384, "{held_by_error}");
}

#[test]
fn a_built_in_error_holds_only_its_input() {
    // The compiled catalog's list of names is made once, on the first message rendered.
    let _ = resolve_model("warm-up").unwrap_err().to_string();
    let before = live();
    let error = resolve_model("zq-model-1000").unwrap_err();
    // Up to 46 bytes, the input is kept inline: nothing on the heap until the message is
    // rendered.
    assert_eq!(live(), before);
    let _ = error.to_string();
    drop(error);
    assert_eq!(live(), before);
}

/// A caller's name that every listed item or document repeats is cut or refused before it
/// is copied: an import with a name of a megabyte and 2,000 items peaks at a few times its
/// input, where the name copied per item took gigabytes.
#[test]
fn a_huge_name_is_not_copied_per_item() {
    use model_catalog::formats::{
        import_documents, import_openai_models, ImportOptions, TargetProvider,
    };
    let huge = "n".repeat(1 << 20);
    let items = 2_000;
    let list = format!(
        r#"{{"object": "list", "data": [{}]}}"#,
        (0..items)
            .map(|i| format!(r#"{{"id": "m{i}"}}"#))
            .collect::<Vec<_>>()
            .join(",")
    );
    let target = TargetProvider::new(&huge, "X");
    let peak = peak_of(|| {
        import_openai_models(Catalog::builtin(), &list, &target, &ImportOptions::new()).unwrap_err()
    });
    let input = (huge.len() + list.len()) as isize;
    assert!(
        peak < 4 * input,
        "{peak} bytes at once for {input} bytes of input"
    );
    let documents = format!(
        "[{}]",
        (0..items)
            .map(|i| format!(r#"{{"aliases": [{{"alias": "memo-{i}", "target": "gpt-4o"}}]}}"#))
            .collect::<Vec<_>>()
            .join(",")
    );
    let input = (huge.len() + documents.len()) as isize;
    let peak = peak_of(|| import_documents(Catalog::builtin(), &huge, &documents).unwrap());
    assert!(
        peak < 8 * input,
        "{peak} bytes at once for {input} bytes of input"
    );
    let peak = peak_of(|| Catalog::builder().json(&huge, &documents).unwrap());
    assert!(
        peak < 8 * input,
        "{peak} bytes at once for {input} bytes of input"
    );
}
