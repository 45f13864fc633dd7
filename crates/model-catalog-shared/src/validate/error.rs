//! The errors a data document can have.

use crate::escape::Esc;
use std::fmt;

/// A data document that failed to parse or validate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    /// The document's name (its path for files in `data/`).
    pub file: String,
    /// The entry at fault, e.g. ``model `gpt-4o` `` or ``provider `openai` ``, or `document`.
    pub entry: String,
    /// What is wrong.
    pub kind: DataErrorKind,
}

/// What is wrong with a data document.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DataErrorKind {
    /// The text is not JSON.
    Syntax {
        /// serde_json's message, with line and column.
        message: String,
    },
    /// A field is missing, unknown, given twice, of the wrong type, or holds a malformed
    /// number or date, or a number whose text is not exactly the value it reads as.
    Field {
        /// JSON path to the value, such as `models[3].retires`.
        path: String,
        /// What is wrong with it.
        message: String,
    },
    /// An id or alias is not a usable name.
    InvalidName {
        /// Which field holds it.
        field: &'static str,
        /// The name.
        name: String,
        /// Why it is refused.
        reason: &'static str,
    },
    /// A name is already taken (compared ASCII-case-insensitively).
    Duplicate {
        /// The name as written here.
        name: String,
        /// What this name is here (`id`, `upstream id`, `alias`).
        role: &'static str,
        /// The entry that already holds it, with its role and document.
        holder: String,
    },
    /// A document names a provider that does not exist.
    UnknownProvider {
        /// The provider named.
        provider: String,
    },
    /// An alias names a model id that does not exist.
    DanglingAlias {
        /// The alias.
        alias: String,
        /// The missing target.
        target: String,
    },
    /// The output limit exceeds the context window.
    OutputAboveContext {
        /// `max_output_tokens`.
        output: u32,
        /// `context_window`.
        context: u32,
    },
    /// A value is out of its range or inconsistent with another field.
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
    Limit {
        /// JSON path to the array or object (`.` for the whole document).
        path: String,
        /// Which limit.
        message: String,
    },
}

/// The message quotes names and values from the documents with control and non-ASCII
/// characters escaped (`\u{a}`), so that it is one line of printable ASCII, safe to log.
impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: ", Esc(&self.file), Esc(&self.entry))?;
        match &self.kind {
            DataErrorKind::Syntax { message } => write!(f, "not valid JSON: {}", Esc(message)),
            DataErrorKind::Field { path, message } | DataErrorKind::Limit { path, message } => {
                write!(f, "at `{}`: {}", Esc(path), Esc(message))
            }
            DataErrorKind::InvalidName {
                field,
                name,
                reason,
            } => write!(f, "{field} `{}` {reason}", Esc(name)),
            DataErrorKind::Duplicate { name, role, holder } => write!(
                f,
                "{role} `{}` is already taken (ASCII case ignored) by {}",
                Esc(name),
                Esc(holder)
            ),
            DataErrorKind::UnknownProvider { provider } => {
                write!(f, "unknown provider `{}`", Esc(provider))
            }
            DataErrorKind::DanglingAlias { alias, target } => write!(
                f,
                "alias `{}` names model `{}`, which is not a model id in the catalog",
                Esc(alias),
                Esc(target)
            ),
            DataErrorKind::OutputAboveContext { output, context } => write!(
                f,
                "max_output_tokens {output} is above context_window {context}"
            ),
            DataErrorKind::Invalid { field, reason } => write!(f, "{field}: {}", Esc(reason)),
        }
    }
}

impl std::error::Error for DataError {}
