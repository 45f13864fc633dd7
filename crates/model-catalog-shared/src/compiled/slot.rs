//! [`Slot`]: one slot of a key table, as the library reads it on every resolution.

use super::read::{u16_at, u32_at, u64_at};
use crate::key::MatchKind;

/// The size of a slot, in the blob and in memory: 48 bytes, aligned to 16, so that its
/// words and the rest are read with loads that never cross a cache line.
pub const SLOT_SIZE: usize = 48;

/// One slot of a key table: a name (ASCII-lowercased) as its length and words, and the entry
/// it denotes. Empty slots have length 0, which no lookup reaches (empty queries are
/// answered before hashing).
///
/// Two tables use slots:
/// - model keys (ids, upstream ids, aliases, served names): `index` is the model's; the slot
///   also carries what a resolution returns, the upstream id it sends (as bytes of the
///   string table) and the model's home provider, so that resolving reads no other record;
/// - prefixes: every provider name (id or alias), with the provider's `index`, and every
///   part of a model key before its first `:` or `/` (`meta-llama` of
///   `meta-llama/llama-3.3-70b-versatile`), with `index` [`NONE`](super::NONE) unless it
///   also names a provider. `before` tells, per separator, which names are such parts
///   ([`Slot::BEFORE_COLON`], [`Slot::BEFORE_SLASH`]), exactly: a run-time provider may
///   not take such a name unless allowed to override it. (Resolution asks the prefix marks
///   instead, a bitmap that needs no probe: see `folded_hash::mark`.)
///
/// In the blob the fields are written in the order below, little-endian, `kind` as its
/// number ([`Slot::kind_to_u8`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(C, align(16))]
pub struct Slot {
    /// The key's words ([`Scan::words`](crate::folded_hash::Scan::words)).
    pub words: [u64; 4],
    /// Model slots: where the upstream id begins in the string table (bytes).
    pub upstream_at: u32,
    /// The model's or provider's index.
    pub index: u32,
    /// The key's length in bytes.
    pub len: u16,
    /// Model slots: the upstream id's length in bytes.
    pub upstream_len: u16,
    /// Model slots: the index of the model's home provider (`u16::MAX` for none).
    pub home: u16,
    /// Which of its entry's names the key is.
    pub kind: MatchKind,
    /// Prefix slots: [`Slot::BEFORE_COLON`] and [`Slot::BEFORE_SLASH`].
    pub before: u8,
}

const _: () = assert!(std::mem::size_of::<Slot>() == SLOT_SIZE);

impl Slot {
    /// An empty slot.
    pub const EMPTY: Slot = Slot {
        words: [0; 4],
        upstream_at: 0,
        index: u32::MAX,
        len: 0,
        upstream_len: 0,
        home: u16::MAX,
        kind: MatchKind::Id,
        before: 0,
    };

    /// `before`: some model key begins with this name and `:`.
    pub const BEFORE_COLON: u8 = 1;
    /// `before`: some model key begins with this name and `/`.
    pub const BEFORE_SLASH: u8 = 2;

    /// The number of a match kind.
    #[must_use]
    pub const fn kind_to_u8(k: MatchKind) -> u8 {
        match k {
            MatchKind::Id => 0,
            MatchKind::UpstreamId => 1,
            MatchKind::Alias => 2,
            MatchKind::ServedName => 3,
            MatchKind::PassThrough => 4,
            MatchKind::FineTune => 5,
        }
    }

    /// The match kind of number `n` ([`Slot::kind_to_u8`]).
    const fn kind_from_u8(n: u8) -> MatchKind {
        match n {
            1 => MatchKind::UpstreamId,
            2 => MatchKind::Alias,
            3 => MatchKind::ServedName,
            4 => MatchKind::PassThrough,
            5 => MatchKind::FineTune,
            _ => MatchKind::Id,
        }
    }

    /// The slot at byte `at` of `b`.
    #[must_use]
    pub const fn read(b: &[u8], at: usize) -> Slot {
        Slot {
            words: [
                u64_at(b, at),
                u64_at(b, at + 8),
                u64_at(b, at + 16),
                u64_at(b, at + 24),
            ],
            upstream_at: u32_at(b, at + 32),
            index: u32_at(b, at + 36),
            len: u16_at(b, at + 40),
            upstream_len: u16_at(b, at + 42),
            home: u16_at(b, at + 44),
            kind: Slot::kind_from_u8(b[at + 46]),
            before: b[at + 47],
        }
    }

    /// Appends the slot to `out`.
    pub fn write(&self, out: &mut Vec<u8>) {
        for w in self.words {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out.extend_from_slice(&self.upstream_at.to_le_bytes());
        out.extend_from_slice(&self.index.to_le_bytes());
        out.extend_from_slice(&self.len.to_le_bytes());
        out.extend_from_slice(&self.upstream_len.to_le_bytes());
        out.extend_from_slice(&self.home.to_le_bytes());
        out.push(Slot::kind_to_u8(self.kind));
        out.push(self.before);
    }
}
