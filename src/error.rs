//! [`ResolveError`]: why a model string did not resolve.

use crate::data::escape::Esc;
use crate::data::grammar::model_part;
use crate::suggest::{Hint, Suggestions};
use std::borrow::Cow;
use std::fmt;

/// Names, joined as `` `a`, `b` ``.
struct List<'a>(&'a [String]);

impl fmt::Display for List<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, s) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "`{}`", Esc(s))?;
        }
        Ok(())
    }
}

/// The most providers a [`ResolveError::ModelNotOffered`] names: the message, and the error
/// body sent back to a client, stay short whatever the catalog (its field `more` counts the
/// others).
pub const MAX_OFFERED_BY: usize = 16;

/// The providers that offer a model, as `` `a`, `b` `` and, past those listed,
/// `` and 3 more``.
struct OfferedBy<'a>(&'a [String], usize);

impl fmt::Display for OfferedBy<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        List(self.0).fmt(f)?;
        match self.1 {
            0 => Ok(()),
            more => write!(f, " and {more} more"),
        }
    }
}

/// What a provider does not do, and who does: `` offer model `m`; it is offered by `` or
/// `` serve `n`, a name of model `m`; it is served by `` (for a served name `n`).
struct Unserved<'a>(&'a str, Option<&'a str>);

impl fmt::Display for Unserved<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.1 {
            Some(name) => write!(
                f,
                "serve `{}`, a name of model `{}`; it is served by",
                Esc(name),
                Esc(self.0)
            ),
            None => write!(f, "offer model `{}`; it is offered by", Esc(self.0)),
        }
    }
}

/// Why a model string did not resolve.
///
/// Each variant carries what a caller needs to answer the request: the (trimmed) input, the
/// provider named, close names, or the providers that do offer the model. [`kind`] gives a
/// stable snake_case name for logs and JSON.
///
/// [`kind`]: ResolveError::kind
///
/// ```
/// use model_catalog::{resolve_model, ResolveError};
///
/// match resolve_model("openai:llama-3.3-70b") {
///     Err(ResolveError::ModelNotOffered { provider, offered_by, .. }) => {
///         assert_eq!(provider, "openai");
///         assert_eq!(offered_by[0], "groq"); // its home provider first
///         assert!(offered_by.iter().any(|p| p == "nano-gpt"));
///     }
///     other => panic!("{other:?}"),
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ResolveError {
    /// The input is empty or only ASCII whitespace.
    #[error("empty model string")]
    Empty,

    /// The input is longer than [`MAX_INPUT_LEN`](crate::MAX_INPUT_LEN) bytes (counted as
    /// given, surrounding whitespace included).
    #[error("model string is {len} bytes long; at most {max} are accepted", max = crate::MAX_INPUT_LEN)]
    TooLong {
        /// The input's length in bytes.
        len: usize,
    },

    /// The model part behind a named provider cannot be sent upstream: it is empty, starts
    /// with `:` or `/` (`openai:`, `openai:/gpt-4o`), or is a malformed fine-tune id.
    #[error("malformed model string `{}`: {reason}", Esc(input))]
    Malformed {
        /// The trimmed input.
        input: String,
        /// What is wrong with it.
        reason: &'static str,
    },

    /// No model has this name, and no provider was named to pass it through to.
    #[error(
        "unknown model `{}`{}{}",
        Esc(suggestions.name()),
        match provider { Some(p) => format!(" for provider `{}`", Esc(p)), None => String::new() },
        Hint(suggestions)
    )]
    UnknownModel {
        /// The provider's id, when the input named one (the model part could not be passed
        /// through because it is not a printable ASCII name).
        provider: Option<Cow<'static, str>>,
        /// Close model names; [`Suggestions::name`] is the model part of the input,
        /// [`Suggestions::input`] the whole (trimmed) input.
        suggestions: Suggestions,
    },

    /// The part before the first `:` names no provider.
    #[error(
        "unknown provider `{}` in `{}`{}",
        Esc(suggestions.name()),
        Esc(suggestions.input()),
        Hint(suggestions)
    )]
    UnknownProvider {
        /// Close provider names; [`Suggestions::name`] is the part before the first `:`,
        /// [`Suggestions::input`] the whole (trimmed) input.
        suggestions: Suggestions,
    },

    /// The named provider does not offer the model, which other providers do; or, where
    /// the input named one of the model's served names (a dated snapshot such as
    /// `claude-sonnet-4-5-20250929`, also behind a vendor prefix), the provider does not
    /// serve that name, which `offered_by` do (it may offer the model under another).
    #[error(
        "provider `{}` does not {} {}",
        Esc(provider),
        Unserved(model, served.then(|| model_part(input))),
        OfferedBy(offered_by, *more)
    )]
    ModelNotOffered {
        /// The trimmed input.
        input: String,
        /// The provider's id.
        provider: String,
        /// The model's catalog id.
        model: String,
        /// Ids of the providers that offer it (that serve the name, where `served`), home
        /// provider first: the first [`MAX_OFFERED_BY`].
        offered_by: Vec<String>,
        /// How many more providers offer it (serve the name) than `offered_by` names (0 but
        /// in run-time catalogs where more than [`MAX_OFFERED_BY`] do).
        more: usize,
        /// Whether the input's model part is one of the model's served names (a dated
        /// snapshot, also behind a vendor prefix: `openai/o3-pro-2025-06-10`): `offered_by`
        /// are then the providers that serve that name.
        served: bool,
    },

    /// The model is retired on the date judged, and the [`Resolver`](crate::Resolver) was told
    /// to refuse retired models.
    #[error(
        "model `{}` was retired on {since}{}",
        Esc(model),
        match successor { Some(s) => format!("; use `{}` instead", Esc(s)), None => String::new() }
    )]
    Retired {
        /// The trimmed input.
        input: String,
        /// What retired: the model's catalog id, the served name (a pinned snapshot, in the
        /// provider's spelling) when only that name retired, or the offering provider's id
        /// for the model when only that provider stopped serving it.
        model: String,
        /// Its retirement date.
        since: crate::data::date::Date,
        /// What to use instead, where the data names it: the model's successor, for a
        /// retired served name the model it stood for, and for a retired offer the model at
        /// its own provider (`groq:gpt-oss-20b`).
        successor: Option<String>,
    },

    /// The input names no catalog model, and the [`Resolver`](crate::Resolver) is strict, so it
    /// is not passed through.
    #[error(
        "`{}` is not a model in the catalog for provider `{}`, and pass-through is off",
        Esc(model),
        Esc(provider)
    )]
    PassThroughRefused {
        /// The trimmed input.
        input: String,
        /// The provider named.
        provider: String,
        /// The model part, as given.
        model: String,
    },
}

impl ResolveError {
    /// A stable snake_case name for the kind of error: `empty`, `too_long`, `malformed`,
    /// `unknown_model`, `unknown_provider`, `model_not_offered`, and from a
    /// [`Resolver`](crate::Resolver) `retired` or `pass_through_refused`.
    pub fn kind(&self) -> &'static str {
        match self {
            ResolveError::Empty => "empty",
            ResolveError::TooLong { .. } => "too_long",
            ResolveError::Malformed { .. } => "malformed",
            ResolveError::UnknownModel { .. } => "unknown_model",
            ResolveError::UnknownProvider { .. } => "unknown_provider",
            ResolveError::ModelNotOffered { .. } => "model_not_offered",
            ResolveError::Retired { .. } => "retired",
            ResolveError::PassThroughRefused { .. } => "pass_through_refused",
        }
    }

    /// The (trimmed) input the error is about; `None` for `empty` and `too_long`.
    ///
    /// ```
    /// use model_catalog::resolve_model;
    ///
    /// assert_eq!(resolve_model(" nope:gpt-4o ").unwrap_err().input(), Some("nope:gpt-4o"));
    /// assert_eq!(resolve_model("  ").unwrap_err().input(), None);
    /// ```
    pub fn input(&self) -> Option<&str> {
        match self {
            ResolveError::Empty | ResolveError::TooLong { .. } => None,
            ResolveError::UnknownModel { suggestions, .. }
            | ResolveError::UnknownProvider { suggestions } => Some(suggestions.input()),
            ResolveError::ModelNotOffered { input, .. }
            | ResolveError::Malformed { input, .. }
            | ResolveError::Retired { input, .. }
            | ResolveError::PassThroughRefused { input, .. } => Some(input),
        }
    }

    /// The name that was not found: the model part for `unknown_model`, the provider part
    /// for `unknown_provider`.
    pub fn unknown_name(&self) -> Option<&str> {
        self.suggestions_handle().map(Suggestions::name)
    }

    fn suggestions_handle(&self) -> Option<&Suggestions> {
        match self {
            ResolveError::UnknownModel { suggestions, .. }
            | ResolveError::UnknownProvider { suggestions, .. } => Some(suggestions),
            _ => None,
        }
    }

    /// Close names, for the errors that have them.
    pub fn suggestions(&self) -> Option<&[String]> {
        self.suggestions_handle().map(Suggestions::as_slice)
    }

    /// The HTTP status a gateway answers with: 400 for an empty, too long or malformed
    /// model string, 404 for an unknown model or provider, a model the named provider does
    /// not offer, or a pass-through refused, 410 for a retired model.
    ///
    /// ```
    /// use model_catalog::{resolve_model, Resolver};
    /// assert_eq!(resolve_model("openai:").unwrap_err().http_status(), 400);
    /// assert_eq!(resolve_model("gpt-4-o").unwrap_err().http_status(), 404);
    /// let r = Resolver::new().refuse_retired(true).as_of("2026-10-01".parse().unwrap());
    /// assert_eq!(r.resolve("gpt-3.5-turbo").unwrap_err().http_status(), 410);
    /// ```
    pub fn http_status(&self) -> u16 {
        match self {
            ResolveError::Empty | ResolveError::TooLong { .. } | ResolveError::Malformed { .. } => {
                400
            }
            ResolveError::UnknownModel { .. }
            | ResolveError::UnknownProvider { .. }
            | ResolveError::ModelNotOffered { .. }
            | ResolveError::PassThroughRefused { .. } => 404,
            ResolveError::Retired { .. } => 410,
        }
    }

    /// An OpenAI-style error body for this error, as JSON text:
    /// `{"error": {"message", "type", "param", "code"}}` with `type`
    /// `invalid_request_error`, `param` `model` and `code` the [`kind`](ResolveError::kind).
    /// The message is the error's text, with any input already escaped.
    ///
    /// ```
    /// let e = model_catalog::resolve_model("gpt-4-o").unwrap_err();
    /// let body: serde_json::Value = serde_json::from_str(&e.openai_error_body()).unwrap();
    /// assert_eq!(body["error"]["code"], "unknown_model");
    /// assert_eq!(body["error"]["param"], "model");
    /// assert_eq!(body["error"]["message"], "unknown model `gpt-4-o`; did you mean `gpt-4o`?");
    /// ```
    pub fn openai_error_body(&self) -> String {
        serde_json::json!({
            "error": {
                "message": self.to_string(),
                "type": "invalid_request_error",
                "param": "model",
                "code": self.kind(),
            }
        })
        .to_string()
    }
}
