//! [`Slot`]: one slot of a key table, as the library reads it on every resolution.

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

/// The match kind of each byte ([`Slot::kind_to_u8`]; others read as [`MatchKind::Id`]). A
/// `const`: each crate reading it holds its own copy, read without going through another
/// crate's symbol.
const KINDS: [MatchKind; 256] = {
    let mut out = [MatchKind::Id; 256];
    let mut n = 0;
    while n < 256 {
        out[n] = Slot::kind_from_u8(n as u8);
        n += 1;
    }
    out
};

/// A slot read in place: the [`SLOT_SIZE`] bytes [`Slot::write`] wrote, each field read
/// where a lookup needs it. The compiled catalog's key tables are these bytes end to end, as
/// the blob holds them: nothing is decoded while the library compiles (constant evaluation
/// copies a section at once, where decoding it took a step per field: 1.4 s of the
/// compilation with 9,016 models).
///
/// The reads are fixed-offset loads of a fixed-size array: no bounds check, and the same
/// code as reading a `Slot`'s fields.
#[derive(Debug, Clone, Copy)]
pub struct SlotBytes<'a>(&'a [u8; SLOT_SIZE]);

impl<'a> SlotBytes<'a> {
    /// Slot `i` of `table`, slots end to end ([`SLOT_SIZE`] bytes each).
    #[inline(always)]
    #[must_use]
    pub fn nth(table: &'a [u8], i: usize) -> Option<SlotBytes<'a>> {
        // Where `table` is a known static, its number of slots is a constant, and this is one
        // comparison (as indexing an array of slots is).
        let chunk = table.chunks_exact(SLOT_SIZE).nth(i)?;
        chunk.try_into().ok().map(SlotBytes)
    }

    /// Its bytes (where they are: two slots are the same slot if their bytes are).
    #[must_use]
    pub fn bytes(self) -> &'a [u8; SLOT_SIZE] {
        self.0
    }

    #[inline(always)]
    fn array<const N: usize>(self, at: usize) -> [u8; N] {
        let mut out = [0; N];
        out.copy_from_slice(&self.0[at..at + N]);
        out
    }

    /// The key's words ([`Slot::words`]).
    #[inline(always)]
    #[must_use]
    pub fn words(self) -> [u64; 4] {
        [
            u64::from_le_bytes(self.array(0)),
            u64::from_le_bytes(self.array(8)),
            u64::from_le_bytes(self.array(16)),
            u64::from_le_bytes(self.array(24)),
        ]
    }

    /// [`Slot::upstream_at`].
    #[inline(always)]
    #[must_use]
    pub fn upstream_at(self) -> u32 {
        u32::from_le_bytes(self.array(32))
    }

    /// [`Slot::index`].
    #[inline(always)]
    #[must_use]
    pub fn index(self) -> u32 {
        u32::from_le_bytes(self.array(36))
    }

    /// [`Slot::len`].
    #[inline(always)]
    #[must_use]
    pub fn len(self) -> u16 {
        u16::from_le_bytes(self.array(40))
    }

    /// Whether the slot is empty (length 0).
    #[inline(always)]
    #[must_use]
    pub fn is_empty(self) -> bool {
        self.len() == 0
    }

    /// [`Slot::upstream_len`].
    #[inline(always)]
    #[must_use]
    pub fn upstream_len(self) -> u16 {
        u16::from_le_bytes(self.array(42))
    }

    /// [`Slot::home`].
    #[inline(always)]
    #[must_use]
    pub fn home(self) -> u16 {
        u16::from_le_bytes(self.array(44))
    }

    /// [`Slot::kind`].
    #[inline(always)]
    #[must_use]
    pub fn kind(self) -> MatchKind {
        // One load from a table, where a `match` on the byte took several instructions.
        KINDS[self.0[46] as usize]
    }

    /// [`Slot::before`].
    #[inline(always)]
    #[must_use]
    pub fn before(self) -> u8 {
        self.0[47]
    }

    /// Every field, as a [`Slot`].
    #[must_use]
    pub fn slot(self) -> Slot {
        Slot {
            words: self.words(),
            upstream_at: self.upstream_at(),
            index: self.index(),
            len: self.len(),
            upstream_len: self.upstream_len(),
            home: self.home(),
            kind: self.kind(),
            before: self.before(),
        }
    }
}
