//! Baselines for model-catalog's benchmarks that need code generated at build time: the same
//! catalog data, and the same resolution grammar (whole string, then `provider:model`, then
//! `provider/model`), in two phf maps:
//!
//! - [`UniCaseBaseline`]: `phf::Map<UniCase<&str>, u32>` (Unicode case folding);
//! - [`PhfLowerBaseline`]: `phf::Map<&str, u32>` with lowercased keys, the query ASCII-folded
//!   into a stack buffer (model-catalog's first implementation).
//!
//! Each answers `(provider index, model index if known)`, or `None`; they do no error work.
//! `benches/phf.rs` measures them beside model-catalog. The baselines that can be built at
//! run time from the crate's public API (`HashMap`, `FxHashMap`) are in the crate's own
//! `benches/resolve.rs`, which is packaged with it; this crate is not.

#![allow(missing_docs)]

use unicase::UniCase;

mod tables {
    use unicase::UniCase;
    include!(concat!(env!("OUT_DIR"), "/tables.rs"));
}

pub use tables::{MODEL_PROVIDER, PROVIDER_IDS};

/// A resolution: provider index and, unless passed through, model index.
pub type Answer = Option<(u32, Option<u32>)>;

/// The shared grammar over two key lookups.
#[inline]
fn grammar(
    input: &str,
    model: impl Fn(&str) -> Option<u32>,
    provider: impl Fn(&str) -> Option<u32>,
) -> Answer {
    let s = input.trim_ascii();
    if s.is_empty() || input.len() > 256 {
        return None;
    }
    if let Some(m) = model(s) {
        return Some((MODEL_PROVIDER[m as usize], Some(m)));
    }
    for sep in [':', '/'] {
        if let Some((p, rest)) = s.split_once(sep) {
            if let Some(p) = provider(p) {
                return Some((p, model(rest)));
            }
        }
    }
    None
}

/// `phf::Map<UniCase<&str>, u32>`.
#[derive(Default)]
pub struct UniCaseBaseline;

impl UniCaseBaseline {
    pub fn resolve(&self, input: &str) -> Answer {
        grammar(
            input,
            |k| tables::MODEL_UNICASE.get(&UniCase::new(k)).copied(),
            |k| tables::PROVIDER_UNICASE.get(&UniCase::new(k)).copied(),
        )
    }
}

/// `phf::Map<&str, u32>` with lowercased keys; the query ASCII-lowercased into a stack buffer.
#[derive(Default)]
pub struct PhfLowerBaseline;

#[inline]
fn folded<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 256];
    let dst = &mut buf[..s.len().min(256)];
    dst.copy_from_slice(&s.as_bytes()[..dst.len()]);
    dst.make_ascii_lowercase();
    f(std::str::from_utf8(dst).unwrap_or(""))
}

impl PhfLowerBaseline {
    pub fn resolve(&self, input: &str) -> Answer {
        grammar(
            input,
            |k| folded(k, |k| tables::MODEL_LOWER.get(k).copied()),
            |k| folded(k, |k| tables::PROVIDER_LOWER.get(k).copied()),
        )
    }
}
