//! Baselines for model-catalog's benchmarks: the same catalog data, and the same resolution
//! grammar (whole string, then `provider:model`, then `provider/model`), in three other
//! structures:
//!
//! - [`HashMapBaseline`]: `std::collections::HashMap<String, u32>`, queried with an allocating
//!   `to_lowercase()`;
//! - [`UniCaseBaseline`]: `phf::Map<UniCase<&str>, u32>` (Unicode case folding);
//! - [`PhfLowerBaseline`]: `phf::Map<&str, u32>` with lowercased keys, the query ASCII-folded
//!   into a stack buffer (model-catalog's first implementation).
//!
//! Each answers `(provider index, model index if known)`, or `None`; they do no error work.

#![allow(missing_docs)]

use std::collections::HashMap;
use unicase::UniCase;

mod tables {
    use unicase::UniCase;
    include!(concat!(env!("OUT_DIR"), "/tables.rs"));
}

pub use tables::{MODEL_IDS, MODEL_PROVIDER, PROVIDER_IDS};

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

/// `HashMap<String, u32>` queried with `to_lowercase()`.
pub struct HashMapBaseline {
    models: HashMap<String, u32>,
    providers: HashMap<String, u32>,
}

impl Default for HashMapBaseline {
    fn default() -> Self {
        HashMapBaseline {
            models: tables::MODEL_KEY_LIST
                .iter()
                .map(|&(k, v)| (k.to_owned(), v))
                .collect(),
            providers: tables::PROVIDER_KEY_LIST
                .iter()
                .map(|&(k, v)| (k.to_owned(), v))
                .collect(),
        }
    }
}

impl HashMapBaseline {
    pub fn resolve(&self, input: &str) -> Answer {
        grammar(
            input,
            |k| self.models.get(&k.to_lowercase()).copied(),
            |k| self.providers.get(&k.to_lowercase()).copied(),
        )
    }
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
