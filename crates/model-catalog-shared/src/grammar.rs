//! What the resolution grammar and the hash share: the separators of `provider:model` and
//! `provider/model`, and where the first of them is in a name.

use crate::words::{marks, short, word};

/// Marks the bytes of `w` that are `:` or `/` (exact for the lowest; nonzero iff any).
#[inline(always)]
pub(crate) fn separators(w: u64) -> u64 {
    marks(w, b':') | marks(w, b'/')
}

/// The position of the first `:` or `/` in `w`, a word of bytes.
#[inline(always)]
fn separator_in(w: u64) -> Option<usize> {
    let m = separators(w);
    if m == 0 {
        None
    } else {
        Some(m.trailing_zeros() as usize / 8)
    }
}

/// The position of the first `:` or `/` in `bytes`, eight bytes at a time, stopping at the
/// first word that holds one. Up to 16 bytes, two words and no loop.
#[inline]
#[must_use]
pub fn first_separator(bytes: &[u8]) -> Option<usize> {
    let n = bytes.len();
    if n <= 8 {
        return separator_in(short(bytes));
    }
    let mut i = 0;
    while i + 8 < n {
        if let Some(at) = separator_in(word(&bytes[i..i + 8])) {
            return Some(i + at);
        }
        i += 8;
    }
    // The last eight bytes, overlapping words already read (which held no separator).
    separator_in(word(&bytes[n - 8..])).map(|at| n - 8 + at)
}

/// The model part of `input`, a string that names a provider: what follows its first `:` or
/// `/`, and after a `:` a second `:` (`provider::model`, read as `provider:model`), as the
/// resolver reads it; `input` itself where it holds no separator. Provider names hold
/// neither, so the first separator ends the provider's name. For messages: the resolver
/// reads the same part from the separator it has found.
#[must_use]
pub fn model_part(input: &str) -> &str {
    let Some(at) = first_separator(input.as_bytes()) else {
        return input;
    };
    let rest = input.get(at + 1..).unwrap_or_default();
    match (input.as_bytes()[at], rest.strip_prefix(':')) {
        (b':', Some(after)) => after,
        _ => rest,
    }
}

/// The name before the `:` of OpenAI fine-tune ids (`ft:<base>:<organization>:<suffix>:<id>`),
/// which resolve to OpenAI: no provider may be named so.
pub const FINE_TUNE_PREFIX: &str = "ft";

/// Whether `name` begins with [`FINE_TUNE_PREFIX`] and `:`, ASCII case ignored.
#[inline]
#[must_use]
pub fn is_fine_tune_prefixed(name: &str) -> bool {
    name.as_bytes()
        .get(..3)
        .is_some_and(|p| p[..2].eq_ignore_ascii_case(FINE_TUNE_PREFIX.as_bytes()) && p[2] == b':')
}

/// The served name `name` denotes among `served` (the ids of a model's served names): the
/// one equal to it, else one equal to its part after the last `/` (behind a vendor prefix,
/// as aggregators write `openai/o3-pro-2025-06-10`), ASCII case ignored.
pub fn served_name_in<'s>(
    name: &str,
    served: impl IntoIterator<Item = &'s str>,
) -> Option<&'s str> {
    let last = name.rsplit_once('/').map(|(_, last)| last);
    let mut behind = None;
    for s in served {
        if s.eq_ignore_ascii_case(name) {
            return Some(s);
        }
        if behind.is_none() && last.is_some_and(|l| s.eq_ignore_ascii_case(l)) {
            behind = Some(s);
        }
    }
    behind
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_served_name_spelled_whole_comes_before_one_behind_a_prefix() {
        let served = ["snap-1", "bar/snap-1"];
        assert_eq!(served_name_in("bar/snap-1", served), Some("bar/snap-1"));
        assert_eq!(served_name_in("BAR/Snap-1", served), Some("bar/snap-1"));
        assert_eq!(served_name_in("foo/snap-1", served), Some("snap-1"));
        assert_eq!(served_name_in("snap-1", served), Some("snap-1"));
        assert_eq!(served_name_in("snap-2", served), None);
        assert_eq!(served_name_in("bar/snap-1", ["snap-1"]), Some("snap-1"));
    }

    #[test]
    fn the_model_part_follows_the_first_separator() {
        let cases = [
            ("vertex:claude-x", "claude-x"),
            ("vertex::claude-x", "claude-x"),
            ("vertex:::x", ":x"),
            ("google-vertex/claude-x", "claude-x"),
            ("vertex//x", "/x"),
            ("openrouter:openai/gpt-4o", "openai/gpt-4o"),
            ("openrouter/openai:x", "openai:x"),
            ("no-separator", "no-separator"),
            ("p:", ""),
        ];
        for (input, part) in cases {
            assert_eq!(model_part(input), part, "{input}");
        }
    }

    #[test]
    fn first_separator_is_the_first_of_either() {
        let first = |s: &str| s.find([':', '/']);
        let cases = [
            "",
            "a",
            ":",
            "/",
            "a:b/c",
            "a/b:c",
            "abcdefg:",
            "abcdefgh/",
            "abcdefghijklmnop:q/r:s",
            "x".repeat(30).as_str(),
            "gpt-4\u{43e}:/",
        ]
        .map(str::to_owned);
        for s in &cases {
            assert_eq!(first_separator(s.as_bytes()), first(s), "{s:?}");
        }
        // Every position in strings of every length up to 40, alone and before another.
        for n in 1..40 {
            assert_eq!(first_separator(&vec![b'a'; n]), None, "{n}");
            for at in 0..n {
                for (sep, other) in [(b':', b'/'), (b'/', b':')] {
                    let mut b = vec![b'a'; n];
                    b[at] = sep;
                    assert_eq!(first_separator(&b), Some(at), "{n} {at}");
                    for later in at + 1..n {
                        let mut c = b.clone();
                        c[later] = other;
                        assert_eq!(first_separator(&c), Some(at), "{n} {at} {later}");
                    }
                }
            }
        }
    }
}
