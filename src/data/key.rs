//! Names used as lookup keys: the input bound, ASCII case folding, and what a valid name is.

/// Longest model string [`resolve_model`](crate::resolve_model) accepts, in bytes, counted
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
    /// An alias (`gpt-4o-2024-08-06`, `groqcloud`).
    Alias,
    /// Not in the catalog: the provider was named explicitly and the model string is sent
    /// to it unchanged.
    PassThrough,
}

impl MatchKind {
    /// A lowercase name: `id`, `upstream_id`, `alias`, `pass_through`.
    pub const fn as_str(self) -> &'static str {
        match self {
            MatchKind::Id => "id",
            MatchKind::UpstreamId => "upstream_id",
            MatchKind::Alias => "alias",
            MatchKind::PassThrough => "pass_through",
        }
    }
}

/// ASCII-lowercases `s` (other bytes unchanged). Keys are stored in this form.
pub fn fold(s: &str) -> String {
    s.to_ascii_lowercase()
}

/// Why `name` cannot be a model id, upstream id or model alias, if it cannot.
///
/// A model name is 1 to [`MAX_INPUT_LEN`] bytes of printable ASCII (space through `~`),
/// with no space at either end.
pub fn model_name_problem(name: &str) -> Option<&'static str> {
    if name.is_empty() {
        return Some("is empty");
    }
    if name.len() > MAX_INPUT_LEN {
        return Some("is longer than 256 bytes");
    }
    if !name.is_ascii() {
        return Some("is not ASCII");
    }
    if name.bytes().any(|b| !(b' '..=b'~').contains(&b)) {
        return Some("contains a control character");
    }
    if name.starts_with(' ') || name.ends_with(' ') {
        return Some("starts or ends with a space");
    }
    None
}

/// Why `name` cannot be a provider id or alias, if it cannot.
///
/// A provider name follows the model-name rules and also holds no space, `:` or `/`, since
/// those would make `provider:model` and `provider/model` ambiguous.
pub fn provider_name_problem(name: &str) -> Option<&'static str> {
    if let Some(p) = model_name_problem(name) {
        return Some(p);
    }
    if name.bytes().any(|b| matches!(b, b' ' | b':' | b'/')) {
        return Some("contains a space, `:` or `/`");
    }
    None
}
