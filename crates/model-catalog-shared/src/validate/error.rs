//! The errors a data document can have.

use crate::escape::Esc;

/// A data document that failed to parse or validate.
///
/// The message quotes names and values from the documents with control and non-ASCII
/// characters escaped (`\u{a}`), so that it is one line of printable ASCII, safe to log.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {}: {kind}", Esc(.file), Esc(.entry))]
pub struct DataError {
    /// The document's name (its path for files in `data/`).
    pub file: String,
    /// The entry at fault, e.g. ``model `gpt-4o` `` or ``provider `openai` ``, or `document`.
    pub entry: String,
    /// What is wrong.
    pub kind: DataErrorKind,
}

/// What is wrong with a data document. Its message is the end of [`DataError`]'s.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DataErrorKind {
    /// The text is not JSON.
    #[error("not valid JSON: {}", Esc(.message))]
    Syntax {
        /// serde_json's message, with line and column.
        message: String,
    },
    /// A field is missing, unknown, given twice, of the wrong type, or holds a malformed
    /// number or date, or a number whose text is not exactly the value it reads as.
    #[error("at `{}`: {}", Esc(.path), Esc(.message))]
    Field {
        /// JSON path to the value, such as `models[3].retires`.
        path: String,
        /// What is wrong with it.
        message: String,
    },
    /// An id or alias is not a usable name.
    #[error("{field} `{}` {reason}", Esc(.name))]
    InvalidName {
        /// Which field holds it.
        field: &'static str,
        /// The name.
        name: String,
        /// Why it is refused.
        reason: &'static str,
    },
    /// A name is already taken (compared ASCII-case-insensitively).
    #[error("{role} `{}` is already taken (ASCII case ignored) by {}", Esc(.name), Esc(.holder))]
    Duplicate {
        /// The name as written here.
        name: String,
        /// What this name is here (`id`, `upstream id`, `alias`).
        role: &'static str,
        /// The entry that already holds it, with its role and document.
        holder: String,
    },
    /// A document names a provider that does not exist.
    #[error("unknown provider `{}`", Esc(.provider))]
    UnknownProvider {
        /// The provider named.
        provider: String,
    },
    /// An alias names a model id that does not exist.
    #[error(
        "alias `{}` names model `{}`, which is not a model id in the catalog",
        Esc(.alias),
        Esc(.target)
    )]
    DanglingAlias {
        /// The alias.
        alias: String,
        /// The missing target.
        target: String,
    },
    /// The output limit exceeds the context window.
    #[error("max_output_tokens {output} is above context_window {context}")]
    OutputAboveContext {
        /// `max_output_tokens`.
        output: u32,
        /// `context_window`.
        context: u32,
    },
    /// A value is out of its range or inconsistent with another field.
    #[error("{field}: {}", Esc(.reason))]
    Invalid {
        /// The field.
        field: &'static str,
        /// Why.
        reason: String,
    },
    /// The document is beyond a limit of what is read: longer than
    /// [`MAX_DOCUMENT_BYTES`](crate::json::MAX_DOCUMENT_BYTES), or an array or object with
    /// more than [`MAX_ITEMS`](crate::json::MAX_ITEMS) entries. Nothing of it was read
    /// further.
    #[error("at `{}`: {}", Esc(.path), Esc(.message))]
    Limit {
        /// JSON path to the array or object (`.` for the whole document).
        path: String,
        /// Which limit.
        message: String,
    },
}
