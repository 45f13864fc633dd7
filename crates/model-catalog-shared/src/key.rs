//! Names used as lookup keys: the input bound, ASCII case folding, and what a valid name is.

use crate::words::{short, word, HIGH};
use std::borrow::Cow;

/// Longest model string model-catalog's `resolve_model` accepts, in bytes, counted
/// as given (surrounding whitespace included). Longer inputs fail with `too_long` from their
/// length alone, before any other work. No id, upstream id or alias in a catalog may be
/// longer.
pub const MAX_INPUT_LEN: usize = 256;

/// How a name matched a catalog entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MatchKind {
    /// The entry's own id (`gpt-4o`).
    Id,
    /// The id the provider's API expects, where it differs from the catalog id
    /// (`meta-llama/llama-3.3-70b-versatile` for `llama-3.3-70b-versatile`).
    UpstreamId,
    /// An alias: another spelling of the name (`GPT-5 mini`, `groqcloud`), or a pointer a
    /// reference names for the model (`claude-opus-latest`). The model's upstream id is sent.
    Alias,
    /// A name the provider serves as a model id of its own (a dated snapshot such as
    /// `gpt-4o-2024-05-13`, an id such as `chatgpt-4o-latest`, a variant): that name is sent
    /// upstream, in the catalog's spelling.
    ServedName,
    /// Not in the catalog: the provider was named explicitly and the model string is sent
    /// to it unchanged.
    PassThrough,
    /// An OpenAI fine-tune id (`ft:<base>:<org>:<suffix>:<id>`), sent to OpenAI as written
    /// with its `ft:` prefix in lower case.
    FineTune,
}

impl MatchKind {
    /// A lowercase name: `id`, `upstream_id`, `alias`, `served_name`, `pass_through`,
    /// `fine_tune`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            MatchKind::Id => "id",
            MatchKind::UpstreamId => "upstream_id",
            MatchKind::Alias => "alias",
            MatchKind::ServedName => "served_name",
            MatchKind::PassThrough => "pass_through",
            MatchKind::FineTune => "fine_tune",
        }
    }
}

// The ASCII case fold: only `A`-`Z` change, to `a`-`z`; no Unicode case folding ever
// happens, so `K` (U+212A KELVIN SIGN) stays distinct from `k`. Keys are stored folded.
// `lower8` is the fold, eight bytes at a time; everything below folds through it.

/// ASCII-lowercases the eight bytes of `w` at once: bytes `A`-`Z` gain 0x20; every other
/// byte, including those of multi-byte UTF-8 sequences (high bit set), is unchanged.
#[inline(always)]
#[must_use]
pub const fn lower8(w: u64) -> u64 {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let low = w & LOW7;
    // Per byte, low + 0x3F sets the high bit from 'A' (0x41) up; low + 0x25 from '[' (0x5B)
    // up. Neither sum carries into the next byte (0x7F + 0x3F < 0x100).
    let from_a = low.wrapping_add(0x3F3F_3F3F_3F3F_3F3F);
    let past_z = low.wrapping_add(0x2525_2525_2525_2525);
    let upper = from_a & !past_z & !w & HIGH;
    w | (upper >> 2)
}

/// Folds `b` in place, eight bytes at a time.
#[inline]
fn fold_bytes(b: &mut [u8]) {
    let mut chunks = b.chunks_exact_mut(8);
    for c in &mut chunks {
        c.copy_from_slice(&lower8(word(c)).to_le_bytes());
    }
    let rest = chunks.into_remainder();
    if !rest.is_empty() {
        let n = rest.len();
        rest.copy_from_slice(&lower8(short(rest)).to_le_bytes()[..n]);
    }
}

/// `s` ASCII-lowercased (other bytes unchanged). Keys are stored in this form.
#[must_use]
pub fn fold(s: &str) -> String {
    let mut b = s.as_bytes().to_vec();
    fold_bytes(&mut b);
    // Lowercasing ASCII bytes keeps UTF-8 valid, so this never takes the `Err` arm.
    String::from_utf8(b).unwrap_or_default()
}

/// `s` ASCII-lowercased, as [`fold`] gives it, borrowed when it holds no ASCII uppercase
/// letter (as most names do): only the others are copied.
#[must_use]
pub fn folded(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(fold(s))
    } else {
        Cow::Borrowed(s)
    }
}

/// Calls `f` with `s` ASCII-lowercased, without allocating: a name that holds no ASCII
/// uppercase letter is passed as it is, any other is folded into a stack buffer. Strings
/// longer than [`MAX_INPUT_LEN`] match no key, so `f` gets an empty string for them.
#[inline]
pub fn with_folded<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    if !s.bytes().any(|b| b.is_ascii_uppercase()) {
        return f(s);
    }
    let mut buf = [0u8; MAX_INPUT_LEN];
    let Some(dst) = buf.get_mut(..s.len()) else {
        return f("");
    };
    dst.copy_from_slice(s.as_bytes());
    fold_bytes(dst);
    // Lowercasing ASCII bytes keeps UTF-8 valid, so this never takes the `Err` arm.
    match std::str::from_utf8(dst) {
        Ok(folded) => f(folded),
        Err(_) => f(""),
    }
}

/// Whether `query`, in any ASCII case, equals `key`, which is ASCII-lowercased.
///
/// Kept out of line: lookups call it only for names longer than 32 bytes.
#[inline(never)]
#[must_use]
pub fn eq_folded(query: &[u8], key: &[u8]) -> bool {
    let n = query.len();
    if n != key.len() {
        return false;
    }
    if n <= 8 {
        return lower8(short(query)) == short(key);
    }
    let mut i = 0;
    while i + 8 < n {
        if lower8(word(&query[i..i + 8])) != word(&key[i..i + 8]) {
            return false;
        }
        i += 8;
    }
    lower8(word(&query[n - 8..])) == word(&key[n - 8..])
}

/// Why `name` cannot be a model id, upstream id or model alias, if it cannot.
///
/// A model name is 1 to [`MAX_INPUT_LEN`] bytes of printable ASCII (space through `~`),
/// with no space at either end.
#[must_use]
pub fn model_name_problem(name: &str) -> Option<&'static str> {
    if is_model_name(name) {
        return None;
    }
    if name.is_empty() {
        return Some("is empty");
    }
    if name.len() > MAX_INPUT_LEN {
        return Some("is longer than 256 bytes");
    }
    if !name.is_ascii() {
        return Some("is not ASCII");
    }
    if !printable_ascii(name.as_bytes()) {
        return Some("contains a control character");
    }
    if name.starts_with(' ') || name.ends_with(' ') {
        return Some("starts or ends with a space");
    }
    None
}

/// Whether `name` can be a model name: [`model_name_problem`] finds no problem. Inline, for
/// the resolver's pass-throughs; the reasons are made out of line, only for names refused.
#[inline]
#[must_use]
pub fn is_model_name(name: &str) -> bool {
    match name.as_bytes() {
        b @ [first, .., last] => {
            b.len() <= MAX_INPUT_LEN && *first != b' ' && *last != b' ' && printable_ascii(b)
        }
        [only] => (b'!'..=b'~').contains(only),
        [] => false,
    }
}

/// Whether every byte of `b` is printable ASCII (space through `~`), eight bytes at a time:
/// the one printable-ASCII rule, for names (see [`model_name_problem`]) and for escaping
/// text in messages (see [`Esc`](crate::escape::Esc)).
#[inline]
#[must_use]
pub fn printable_ascii(b: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // A byte below 0x20 or above 0x7E sets its high bit in one of the two terms (exact for
    // "any byte", which is all that is asked).
    let bad = |w: u64| (w.wrapping_sub(ONES * 0x20) & !w) | (w.wrapping_add(ONES) | w);
    let mut chunks = b.chunks_exact(8);
    let mut any = 0;
    for c in &mut chunks {
        any |= bad(word(c));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        // The last eight bytes (overlapping) when there are that many, else the rest
        // padded with spaces.
        let w = match b.len().checked_sub(8) {
            Some(at) => word(&b[at..]),
            None => {
                let mut pad = [b' '; 8];
                pad[..rest.len()].copy_from_slice(rest);
                u64::from_le_bytes(pad)
            }
        };
        any |= bad(w);
    }
    any & HIGH == 0
}

/// Why `name` cannot be a provider id or alias, if it cannot.
///
/// A provider name follows the model-name rules and also holds no space, `:` or `/`, since
/// those would make `provider:model` and `provider/model` ambiguous.
#[must_use]
pub fn provider_name_problem(name: &str) -> Option<&'static str> {
    if let Some(p) = model_name_problem(name) {
        return Some(p);
    }
    if name.bytes().any(|b| matches!(b, b' ' | b':' | b'/')) {
        return Some("contains a space, `:` or `/`");
    }
    None
}

/// Why `text` cannot be display text (a name, description, note, metadata, a URL or a
/// control-plane field), if it cannot.
///
/// Text may hold any printable character, non-ASCII letters included, but no character that
/// would break a log line or change how the text around it reads: no control character
/// (U+0000 to U+001F, U+007F to U+009F: line breaks, tabs and escape sequences included), no
/// line or paragraph separator (U+2028, U+2029) and no bidirectional formatting character
/// (Unicode's `Bidi_Control` characters: U+061C, U+200E, U+200F, U+202A to U+202E, U+2066
/// to U+2069).
#[must_use]
pub fn text_problem(text: &str) -> Option<&'static str> {
    text.chars().find_map(char_problem)
}

/// Why `c` cannot be in a text field or a line of output, if it cannot: a control
/// character, a line or paragraph separator, or a bidirectional formatting character
/// ([`text_problem`]).
#[must_use]
pub fn char_problem(c: char) -> Option<&'static str> {
    if c.is_control() {
        return Some("contains a control character");
    }
    if matches!(c, '\u{2028}' | '\u{2029}') {
        return Some("contains a line or paragraph separator");
    }
    if matches!(
        c,
        '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
    ) {
        return Some("contains a bidirectional formatting character");
    }
    None
}

/// The longest base URL accepted, in bytes.
pub const MAX_URL_LEN: usize = 2048;

/// Why `url` cannot be a provider's API base URL, if it cannot.
///
/// A base URL is an absolute `http` or `https` URL (the scheme in any ASCII case) with a
/// host, of at most [`MAX_URL_LEN`] bytes of printable ASCII with no space: no whitespace,
/// control or non-ASCII character can reach a request line or header through it.
#[must_use]
pub fn base_url_problem(url: &str) -> Option<&'static str> {
    if url.len() > MAX_URL_LEN {
        return Some("is longer than 2048 bytes");
    }
    if !url.bytes().all(|b| b.is_ascii_graphic()) {
        return Some("holds whitespace, a control character or a non-ASCII character");
    }
    // Browsers and `url` read `\` as `/`: `https://evil.example\api.openai.com/` goes to
    // `evil.example`.
    if url.contains('\\') {
        return Some("holds a backslash, which URL parsers read as `/`");
    }
    let Some((scheme, rest)) = url.split_once("://") else {
        return Some("is not an absolute http or https URL");
    };
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return Some("is not an absolute http or https URL");
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    // `https://api.openai.com@evil.example/` sends to `evil.example`.
    if host.contains('@') {
        return Some("holds user information (before an `@`), which hides the host it is sent to");
    }
    if host.is_empty() || host.starts_with(':') {
        return Some("has no host");
    }
    None
}

/// Why `token` cannot be an identifier such as a control-plane resource id, if it cannot:
/// it must be 1 to [`MAX_INPUT_LEN`] bytes of printable ASCII with no space.
#[must_use]
pub fn token_problem(token: &str) -> Option<&'static str> {
    if token.is_empty() {
        return Some("is empty");
    }
    if token.len() > MAX_INPUT_LEN {
        return Some("is longer than 256 bytes");
    }
    if !token.bytes().all(|b| b.is_ascii_graphic()) {
        return Some("holds a space, a control character or a non-ASCII character");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{
        base_url_problem, fold, folded, is_model_name, lower8, model_name_problem, printable_ascii,
        text_problem, with_folded, MAX_INPUT_LEN,
    };
    use std::borrow::Cow;

    #[test]
    fn lower8_is_ascii_lowercasing() {
        for b in 0u8..=255 {
            let w = u64::from_le_bytes([b, b'A', b'z', b'@', b'[', 0x80 | b'A', b'Z', 0xC3]);
            let want = u64::from_le_bytes([
                b.to_ascii_lowercase(),
                b'a',
                b'z',
                b'@',
                b'[',
                0x80 | b'A',
                b'z',
                0xC3,
            ]);
            assert_eq!(lower8(w), want, "{b:#x}");
        }
    }

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

    #[test]
    fn fold_is_with_folded_at_every_length() {
        for n in 0..=MAX_INPUT_LEN {
            let s: String = (0..n)
                .map(|i| ['A', 'z', '@', '[', 'Q', '-'][i % 6])
                .collect();
            assert_eq!(fold(&s), s.to_ascii_lowercase(), "{n}");
            assert_eq!(with_folded(&s, str::to_owned), fold(&s), "{n}");
            assert_eq!(folded(&s), fold(&s), "{n}");
        }
        assert!(matches!(folded("gpt-4o"), Cow::Borrowed("gpt-4o")));
        assert!(matches!(folded("GPT-4o"), Cow::Owned(_)));
        assert_eq!(fold("\u{212A}IMI-Ä"), "\u{212A}imi-Ä");
    }

    #[test]
    fn text_and_url_rules() {
        for ok in ["GPT-4o", "Zoë's model", "{\"team\": \"ml\"}", "", "— 中文"] {
            assert_eq!(text_problem(ok), None, "{ok:?}");
        }
        for bad in [
            "a\nb",
            "a\tb",
            "\u{0}",
            "\u{1b}[2J",
            "\u{7f}",
            "\u{85}",
            "\u{9f}",
        ] {
            assert_eq!(
                text_problem(bad),
                Some("contains a control character"),
                "{bad:?}"
            );
        }
        assert!(text_problem("a\u{2028}b").is_some());
        for c in [
            '\u{200e}', '\u{200f}', '\u{202a}', '\u{202e}', '\u{2066}', '\u{2069}',
        ] {
            assert!(text_problem(&format!("a{c}b")).is_some(), "{c:?}");
        }
        for ok in [
            "http://a",
            "https://api.openai.com/v1/",
            "HTTP://x:8000",
            "http://[::1]:80",
        ] {
            assert_eq!(base_url_problem(ok), None, "{ok}");
        }
        for bad in [
            "",
            "http://",
            "http:///x",
            "http://:80",
            "http://u@/x",
            "http://user@host/",
            "https//x",
            "ws://x",
            "file:///etc/passwd",
            "http://x y",
            "http://x\r\nHost: y",
            "http://é",
            "x",
        ] {
            assert!(base_url_problem(bad).is_some(), "{bad:?}");
        }
        assert!(base_url_problem(&format!("http://x/{}", "a".repeat(2048))).is_some());
    }

    #[test]
    fn printable_ascii_at_every_length_and_position() {
        for n in 0..40 {
            let ok = vec![b'a'; n];
            assert!(printable_ascii(&ok), "{n}");
            for at in 0..n {
                for b in (0u8..=255).filter(|b| !(b' '..=b'~').contains(b)) {
                    let mut bad = ok.clone();
                    bad[at] = b;
                    assert!(!printable_ascii(&bad), "{n} {at} {b:#x}");
                }
                for b in b' '..=b'~' {
                    let mut fine = ok.clone();
                    fine[at] = b;
                    assert!(printable_ascii(&fine), "{n} {at} {b:#x}");
                }
            }
        }
    }

    /// The inline check agrees with the rule as written, for every string of up to two
    /// ASCII characters, three around the edges of the printable range, and at the bound.
    #[test]
    fn is_model_name_is_the_rule() {
        let rule = |s: &str| {
            !s.is_empty()
                && s.len() <= MAX_INPUT_LEN
                && s.bytes().all(|b| (b' '..=b'~').contains(&b))
                && !s.starts_with(' ')
                && !s.ends_with(' ')
        };
        let ascii: Vec<char> = (0..=127u8).map(char::from).collect();
        let mut inputs = vec![String::new()];
        for a in &ascii {
            inputs.push(a.to_string());
            for b in &ascii {
                inputs.push([a, b].into_iter().collect());
            }
        }
        let edge = [' ', '!', '~', '\x7f', '\x1f', '\t', 'a', 'é'];
        for a in edge {
            for b in edge {
                for c in edge {
                    inputs.push([a, b, c].into_iter().collect());
                }
            }
        }
        inputs.push("a".repeat(MAX_INPUT_LEN));
        inputs.push("a".repeat(MAX_INPUT_LEN + 1));
        for s in &inputs {
            assert_eq!(is_model_name(s), rule(s), "{s:?}");
            assert_eq!(model_name_problem(s).is_none(), rule(s), "{s:?}");
        }
    }

    #[test]
    fn model_name_rules() {
        assert_eq!(model_name_problem("gpt-4o"), None);
        assert_eq!(model_name_problem("GPT 5 mini"), None);
        assert_eq!(model_name_problem(""), Some("is empty"));
        assert_eq!(
            model_name_problem(" gpt"),
            Some("starts or ends with a space")
        );
        assert_eq!(
            model_name_problem("gpt "),
            Some("starts or ends with a space")
        );
        assert_eq!(
            model_name_problem("gpt\t4"),
            Some("contains a control character")
        );
        assert_eq!(
            model_name_problem("gpt\u{7f}"),
            Some("contains a control character")
        );
        assert_eq!(model_name_problem("gpt-4\u{43e}"), Some("is not ASCII"));
        assert_eq!(model_name_problem(&"a".repeat(256)), None);
        assert_eq!(
            model_name_problem(&"a".repeat(257)),
            Some("is longer than 256 bytes")
        );
    }
}
