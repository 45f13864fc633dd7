//! The compiled catalog's two key tables, as sections of the blob: model keys (ids,
//! upstream ids, aliases, served names) and prefixes (provider names, and the parts of model
//! keys before their first separator).

use crate::pool::{n16, n32, Pool};
use crate::solve::solve;
use model_catalog_shared::compiled::{Slot, TableRecord, NONE};
use model_catalog_shared::folded_hash;
use model_catalog_shared::grammar::served_name_in;
use model_catalog_shared::key::MatchKind;
use model_catalog_shared::validate::{KeyRec, Validated};

/// A key table as four sections: its [`TableRecord`], its pilots, its slots, and per slot
/// where a key longer than 32 bytes begins in the string table; each `(count, bytes)`.
pub(crate) struct TableSections {
    pub(crate) table: (usize, Vec<u8>),
    pub(crate) pilots: (usize, Vec<u8>),
    pub(crate) slots: (usize, Vec<u8>),
    pub(crate) long: (usize, Vec<u8>),
}

/// The prefix table's names: every provider name, and every part of a model key before its
/// first `:` or `/`; with each, whether model keys begin with it and `:`, and with it and `/`
/// (see [`Slot`]). Provider names come first, in their order; then the other parts, in
/// model-key order.
pub(crate) fn prefixes<'v>(v: &'v Validated<'_>) -> (Vec<KeyRec<'v>>, Vec<u8>) {
    let mut keys: Vec<KeyRec<'v>> = v.provider_keys.clone();
    let mut before = vec![0u8; keys.len()];
    let mut at: std::collections::HashMap<&str, usize> = v
        .provider_keys
        .iter()
        .enumerate()
        .map(|(i, k)| (&*k.key, i))
        .collect();
    for k in &v.model_keys {
        let Some(end) = k.key.find([':', '/']) else {
            continue;
        };
        let part = &k.key[..end];
        let i = *at.entry(part).or_insert_with(|| {
            keys.push(KeyRec {
                key: part.into(),
                index: NONE as usize,
                kind: MatchKind::Id,
                overrides: false,
                scope: None,
            });
            before.push(0);
            keys.len() - 1
        });
        before[i] |= if k.key.as_bytes()[end] == b':' {
            Slot::BEFORE_COLON
        } else {
            Slot::BEFORE_SLASH
        };
    }
    (keys, before)
}

/// The marks of every part of a model key before its first `:` or `/`, with that separator
/// ([`folded_hash::mark`]), as the words of a bitmap: `(count, bytes)`.
pub(crate) fn prefix_marks(v: &Validated<'_>) -> (usize, Vec<u8>) {
    let mut parts: Vec<(&str, usize)> = v
        .model_keys
        .iter()
        .filter_map(|k| Some((&*k.key, k.key.find([':', '/'])?)))
        .collect();
    parts.sort_unstable_by(|a, b| a.0[..=a.1].cmp(&b.0[..=b.1]));
    parts.dedup_by(|a, b| a.0[..=a.1] == b.0[..=b.1]);
    let mut marks = vec![0u32; folded_hash::mark_words(parts.len())];
    for (key, at) in parts {
        folded_hash::mark(&mut marks, key.as_bytes(), at);
    }
    let bytes = marks.iter().flat_map(|w| w.to_le_bytes()).collect();
    (marks.len(), bytes)
}

/// The model-key table of `v`.
pub(crate) fn model_table(v: &Validated<'_>, pool: &mut Pool) -> Result<TableSections, String> {
    table("model", &v.model_keys, pool, |_, k, pool| {
        let m = v
            .models
            .get(k.index)
            .ok_or_else(|| format!("model key `{}` names no model", k.key))?;
        // A served name is sent as itself, also behind a vendor prefix (an offer's
        // `openai/o3-pro-2025-06-10`); every other name sends the model's upstream id.
        let served = m.entry.served_names.iter().map(|s| s.id.as_str());
        let upstream = (k.kind == MatchKind::ServedName)
            .then(|| served_name_in(&k.key, served))
            .flatten()
            .unwrap_or(m.upstream_id);
        let id = pool.string(upstream)?;
        Ok((
            0,
            n16(m.provider, "providers")?,
            pool.start(id),
            n16(upstream.len(), "bytes in an upstream id")?,
        ))
    })
}

/// The prefix table of `v`.
pub(crate) fn prefix_table(v: &Validated<'_>, pool: &mut Pool) -> Result<TableSections, String> {
    let (keys, before) = prefixes(v);
    table("prefix", &keys, pool, |i, _, _| {
        Ok((before[i], u16::MAX, 0, 0))
    })
}

/// A perfect-hash table of `keys` (see `model_catalog_shared::folded_hash`), each slot
/// completed by `rest` (of the key's position and the key): `(before, home, upstream_at,
/// upstream_len)`.
fn table(
    name: &str,
    keys: &[KeyRec<'_>],
    pool: &mut Pool,
    mut rest: impl FnMut(usize, &KeyRec<'_>, &mut Pool) -> Result<(u8, u16, u32, u16), String>,
) -> Result<TableSections, String> {
    let names: Vec<&str> = keys.iter().map(|k| &*k.key).collect();
    let sol = solve(&names)
        .ok_or_else(|| format!("no perfect hash found for the {} {name} keys", keys.len()))?;
    let mut table = Vec::new();
    TableRecord {
        seed: sol.seed,
        slots: n32(sol.slots.len(), "keys")?,
        buckets: n32(sol.pilots.len(), "keys")?,
    }
    .write(&mut table);
    let pilots: Vec<u8> = sol.pilots.iter().flat_map(|p| p.to_le_bytes()).collect();
    let mut slots = Vec::new();
    let mut long = Vec::new();
    for s in &sol.slots {
        let Some(i) = *s else {
            Slot::EMPTY.write(&mut slots);
            long.extend_from_slice(&NONE.to_le_bytes());
            continue;
        };
        let k = &keys[i];
        let (before, home, upstream_at, upstream_len) = rest(i, k, pool)?;
        // Where the folded key begins in the string table, for the bytes its words leave
        // out; read by the slot's position, in one load.
        let key_at = if k.key.len() > 32 {
            let id = pool.string(&k.key)?;
            pool.start(id)
        } else {
            NONE
        };
        let upstream_at = shared_tail(pool, key_at, &k.key, upstream_at, upstream_len);
        Slot {
            words: folded_hash::scan(k.key.as_bytes(), sol.seed).words,
            upstream_at,
            index: n32(k.index, "entries")?,
            len: n16(k.key.len(), "bytes in a key")?,
            upstream_len,
            home,
            kind: k.kind,
            before,
        }
        .write(&mut slots);
        long.extend_from_slice(&key_at.to_le_bytes());
    }
    Ok(TableSections {
        table: (1, table),
        pilots: (sol.pilots.len(), pilots),
        slots: (sol.slots.len(), slots),
        long: (sol.slots.len(), long),
    })
}

/// Where a slot's upstream id is read: within the key's own bytes (at `key_at`, the key
/// being stored for its middle) when the upstream id is the key's tail byte for byte, so
/// that a hit on a long key reads one place of the string table, not two; else where it
/// was stored (`upstream_at`).
fn shared_tail(pool: &Pool, key_at: u32, key: &str, upstream_at: u32, upstream_len: u16) -> u32 {
    let upstream_len = usize::from(upstream_len);
    let text = pool.text.as_bytes();
    let upstream = text.get(upstream_at as usize..upstream_at as usize + upstream_len);
    match (key_at, upstream) {
        (NONE, _) | (_, None) => upstream_at,
        // Bytes equal to a whole string (valid UTF-8) begin on a character boundary.
        (_, Some(up)) if key.as_bytes().ends_with(up) => key_at + (key.len() - upstream_len) as u32,
        _ => upstream_at,
    }
}
