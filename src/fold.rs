//! ASCII case folding of lookup keys without allocation.
//!
//! Keys are stored ASCII-lowercased. A query that holds no ASCII uppercase letter is looked up
//! as it is; otherwise it is lowercased into a stack buffer. Only `A`-`Z` change: no Unicode
//! case folding ever happens, so `K` (U+212A KELVIN SIGN) stays distinct from `k`.

use crate::MAX_INPUT_LEN;

/// Calls `f` with `s` ASCII-lowercased. Strings longer than [`MAX_INPUT_LEN`] match no key,
/// so `f` gets an empty string for them.
#[inline]
pub(crate) fn with_folded<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    if !s.bytes().any(|b| b.is_ascii_uppercase()) {
        return f(s);
    }
    let mut buf = [0u8; MAX_INPUT_LEN];
    let Some(dst) = buf.get_mut(..s.len()) else {
        return f("");
    };
    dst.copy_from_slice(s.as_bytes());
    dst.make_ascii_lowercase();
    // Lowercasing ASCII bytes keeps UTF-8 valid, so this never takes the `Err` arm.
    match std::str::from_utf8(dst) {
        Ok(folded) => f(folded),
        Err(_) => f(""),
    }
}

#[cfg(test)]
mod tests {
    use super::with_folded;

    #[test]
    fn folds_ascii_only() {
        assert_eq!(with_folded("GPT-4o", str::to_owned), "gpt-4o");
        assert_eq!(with_folded("gpt-4o", str::to_owned), "gpt-4o");
        // KELVIN SIGN and Cyrillic letters are left as they are.
        assert_eq!(with_folded("\u{212A}IMI", str::to_owned), "\u{212A}imi");
        assert_eq!(with_folded("GPT-4\u{043E}", str::to_owned), "gpt-4\u{043E}");
        assert_eq!(with_folded(&"A".repeat(300), str::to_owned), "");
        assert_eq!(
            with_folded(&"A".repeat(256), str::to_owned),
            "a".repeat(256)
        );
    }
}
