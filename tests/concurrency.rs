//! A shared catalog under concurrent readers and writers, with bounded iterations: readers
//! resolve, look up, query and route while writers replace the catalog (by `update`, by
//! `store`, and by updates that fail). Every answer a reader gets from one loaded catalog
//! belongs to one whole version, versions only move forward, every reader sees the catalog
//! change under it (it reads before the writers start and after they finish), no update is
//! lost, a failed update changes nothing, and everything finishes (no deadlock).

use model_catalog::{Catalog, CustomProvider, Query, RoutePolicy, SharedCatalog};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Barrier;

const READERS: usize = 3;
const UPDATES_PER_WRITER: usize = 60;
/// Each reader reads at least this often, and on until the writers are done (at most
/// [`MAX_READS`] times), so that reads overlap the writes however threads are scheduled.
const READS_PER_READER: usize = 1_500;
const MAX_READS: usize = 50_000;

/// Version `v` of the overlay: provider `dyn` with `1 + v % 5` models whose upstream ids
/// carry the version, and a mirror provider offering `m0` under a versioned id.
fn version(v: usize) -> Catalog {
    let mut dyn_p = CustomProvider::new("dyn", "Dyn").key_required(false);
    for i in 0..1 + v % 5 {
        dyn_p = dyn_p.model(&format!("m{i}"), &format!("v{v}-m{i}"));
    }
    let mirror = CustomProvider::new("dyn-mirror", "Dyn mirror")
        .key_required(false)
        .offer("m0", &format!("v{v}-mirror"));
    Catalog::builder()
        .provider(dyn_p)
        .provider(mirror)
        .build()
        .expect("a valid version")
}

/// The version a catalog is, read from its first model's upstream id.
fn version_of(c: &Catalog) -> usize {
    let r = c.resolve_model("dyn:m0").expect("m0 is in every version");
    r.upstream_id[1..r.upstream_id.find('-').unwrap()]
        .parse()
        .unwrap()
}

/// Everything a reader can ask of one loaded catalog, checked against its version.
fn check_whole(c: &Catalog) -> Result<usize, String> {
    let v = version_of(c);
    let tag = format!("v{v}-");
    let n = 1 + v % 5;
    let models = c.models_of("dyn").ok_or("no dyn provider")?;
    if models.len() != n {
        return Err(format!(
            "version {v}: {} models, expected {n}",
            models.len()
        ));
    }
    if let Some(m) = models.iter().find(|m| !m.upstream_id().starts_with(&tag)) {
        return Err(format!(
            "version {v}: model of another version {}",
            m.upstream_id()
        ));
    }
    let last = format!("dyn:m{}", n - 1);
    let r = c.resolve_model(&last).map_err(|e| format!("{last}: {e}"))?;
    if !r.upstream_id.starts_with(&tag) {
        return Err(format!("version {v}: {last} -> {}", r.upstream_id));
    }
    if c.resolve_model(&format!("m{n}")).is_ok() {
        return Err(format!("version {v}: m{n} resolves"));
    }
    let queried = c.query(&Query::new().provider("dyn"));
    if queried.len() != n {
        return Err(format!("version {v}: query found {}", queried.len()));
    }
    let routes = c
        .route("m0", &RoutePolicy::new())
        .map_err(|e| format!("version {v}: route: {e}"))?;
    if routes.len() != 2 || routes.iter().any(|r| !r.upstream_id.starts_with(&tag)) {
        let ids: Vec<_> = routes.iter().map(|r| r.upstream_id.to_string()).collect();
        return Err(format!("version {v}: routes {ids:?}"));
    }
    if c.resolve_model("gpt-4o").map(|r| r.provider.id()) != Ok("openai") {
        return Err("the built-in catalog is gone".into());
    }
    Ok(v)
}

#[test]
fn readers_resolve_query_and_route_while_writers_swap() {
    let shared = SharedCatalog::new(version(0));
    let writers_done = AtomicBool::new(false);
    let failed_updates = AtomicUsize::new(0);
    let errors = std::sync::Mutex::new(Vec::<String>::new());
    // The writers start once every reader has read version 0.
    let started = Barrier::new(READERS + 3);
    std::thread::scope(|s| {
        let mut readers = Vec::new();
        for _ in 0..READERS {
            readers.push(s.spawn(|| {
                let mut seen = 0;
                let mut distinct = 0;
                let mut reads = 0;
                let mut versions = Vec::new();
                let mut read = |reads: &mut usize| {
                    *reads += 1;
                    let c = shared.load();
                    match check_whole(&c) {
                        Ok(v) if v < seen => {
                            errors
                                .lock()
                                .unwrap()
                                .push(format!("version went back from {seen} to {v}"));
                        }
                        Ok(v) => {
                            distinct += usize::from(v > seen);
                            seen = v;
                            if versions.last() != Some(&v) {
                                versions.push(v);
                            }
                        }
                        Err(e) => errors.lock().unwrap().push(e),
                    }
                };
                read(&mut reads);
                started.wait();
                while reads < READS_PER_READER
                    || (!writers_done.load(Ordering::Acquire) && reads < MAX_READS)
                {
                    read(&mut reads);
                }
                // One read once the writers are done (they finish in bounded time).
                while !writers_done.load(Ordering::Acquire) {
                    std::thread::yield_now();
                }
                read(&mut reads);
                (distinct, reads, versions)
            }));
        }
        let mut writers = Vec::new();
        for _ in 0..2 {
            writers.push(s.spawn(|| {
                started.wait();
                for _ in 0..UPDATES_PER_WRITER {
                    shared
                        .update(|c| Ok::<_, String>(version(version_of(c) + 1)))
                        .unwrap();
                }
            }));
        }
        // A writer whose every change fails: nothing it does may show.
        writers.push(s.spawn(|| {
            started.wait();
            for _ in 0..UPDATES_PER_WRITER {
                let r = shared.update(|c| {
                    let _ = version_of(c);
                    Err::<Catalog, _>("refused")
                });
                assert_eq!(r, Err("refused"));
                failed_updates.fetch_add(1, Ordering::Relaxed);
            }
        }));
        for w in writers {
            w.join().unwrap();
        }
        writers_done.store(true, Ordering::Release);
        for r in readers {
            let (distinct, reads, versions) = r.join().unwrap();
            eprintln!("reader: {reads} reads, {distinct} version changes seen");
            // Each reader saw the catalog change: version 0 before the writers started,
            // the last version after they finished, and only increasing versions between.
            assert!(distinct >= 1, "a reader saw one version only: {versions:?}");
            assert_eq!(versions.first(), Some(&0), "{versions:?}");
            assert_eq!(
                versions.last(),
                Some(&(2 * UPDATES_PER_WRITER)),
                "{versions:?}"
            );
            assert!(versions.windows(2).all(|w| w[0] < w[1]), "{versions:?}");
        }
    });
    let errors = errors.into_inner().unwrap();
    assert!(
        errors.is_empty(),
        "{} bad answers: {:?}",
        errors.len(),
        &errors[..errors.len().min(5)]
    );
    // No update was lost: two writers, each moving the version one step at a time.
    assert_eq!(version_of(&shared.load()), 2 * UPDATES_PER_WRITER);
    assert_eq!(failed_updates.into_inner(), UPDATES_PER_WRITER);
}

#[test]
fn readers_keep_their_catalog_while_a_store_replaces_it() {
    let shared = SharedCatalog::new(version(1));
    let held = shared.load();
    std::thread::scope(|s| {
        s.spawn(|| {
            for v in 2..50 {
                shared.store(version(v));
            }
        });
        for _ in 0..200 {
            // The held catalog is the one loaded, whole, however often it is replaced.
            assert_eq!(check_whole(&held), Ok(1));
        }
    });
    assert_eq!(version_of(&shared.load()), 49);
    assert_eq!(check_whole(&held), Ok(1));
}
