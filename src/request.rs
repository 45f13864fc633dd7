//! Request validation: will this request fit this model?

use crate::abilities::Abilities;
use crate::data::capability::{Capability, Support};

use crate::data::modality::{Modalities, Modality};

use crate::model::Model;
use std::fmt;

/// What a request needs of a model.
///
/// ```
/// use model_catalog::{lookup_model, Modalities, Modality, Request, Violation};
///
/// let m = lookup_model("gpt-4").unwrap(); // 8,192-token context, text only
/// let req = Request {
///     input_tokens: 8_000,
///     max_output_tokens: Some(1_000),
///     input_modalities: Modalities::EMPTY.with(Modality::Text).with(Modality::Image),
///     ..Request::default()
/// };
/// let v = m.check(&req);
/// assert!(v.contains(&Violation::ExceedsContext { requested: 9_000, context_window: 8_192, by: 808 }));
/// assert!(v.contains(&Violation::ModalityUnsupported(Modality::Image)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Request {
    /// Tokens in the prompt.
    pub input_tokens: u64,
    /// The `max_tokens` the request asks for, if any.
    pub max_output_tokens: Option<u64>,
    /// The kinds of input the request carries.
    pub input_modalities: Modalities,
    /// Whether the request offers tools.
    pub tools: bool,
    /// Whether the request asks for structured (JSON schema) output.
    pub structured_output: bool,
}

/// One way a request does not fit a model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Violation {
    /// Input plus requested output exceeds the context window.
    ExceedsContext {
        /// Input tokens plus requested output tokens.
        requested: u64,
        /// The model's context window.
        context_window: u32,
        /// By how many tokens.
        by: u64,
    },
    /// The prompt exceeds the model's prompt limit, which its provider sets below the context
    /// window ([`Model::max_input_tokens`]).
    ExceedsInputLimit {
        /// Input tokens.
        requested: u64,
        /// The prompt limit.
        limit: u32,
    },
    /// The requested output exceeds the model's output limit.
    ExceedsOutputCap {
        /// Output tokens requested.
        requested: u64,
        /// The model's output limit.
        cap: u32,
    },
    /// The model does not take this kind of input.
    ModalityUnsupported(Modality),
    /// The model's input modalities are unknown, so this one cannot be confirmed.
    ModalityUnknown(Modality),
    /// The model lacks a capability the request needs.
    CapabilityMissing(Capability),
    /// No source says whether the model has a capability the request needs.
    CapabilityUnknown(Capability),
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Violation::ExceedsContext {
                requested,
                context_window,
                by,
            } => write!(
                f,
                "the request needs {requested} tokens of context but the context window is {context_window} (over by {by})"
            ),
            Violation::ExceedsInputLimit { requested, limit } => {
                write!(f, "the prompt has {requested} tokens but the prompt limit is {limit}")
            }
            Violation::ExceedsOutputCap { requested, cap } => {
                write!(f, "{requested} output tokens requested but the output cap is {cap}")
            }
            Violation::ModalityUnsupported(m) => write!(f, "the model does not accept {m} input"),
            Violation::ModalityUnknown(m) => {
                write!(f, "the model's input modalities are unknown, so {m} input is not confirmed")
            }
            Violation::CapabilityMissing(c) => write!(f, "the model does not support {c}"),
            Violation::CapabilityUnknown(c) => write!(f, "it is unknown whether the model supports {c}"),
        }
    }
}

impl Model {
    /// Every way `request` does not fit this model; empty when it fits.
    ///
    /// The context check counts input plus requested output tokens (input alone when no
    /// output limit is requested); the prompt alone is checked against the prompt limit
    /// where the provider sets one below the context window
    /// ([`max_input_tokens`](Model::max_input_tokens)). Limits the catalog does not know are
    /// not checked.
    ///
    /// ```
    /// use model_catalog::{lookup_model, Request, Violation};
    /// // GPT-5.2: 400,000 tokens of context, of which 272,000 may be prompt.
    /// let req = Request { input_tokens: 300_000, max_output_tokens: Some(10_000), ..Request::default() };
    /// assert_eq!(
    ///     lookup_model("gpt-5.2").unwrap().check(&req),
    ///     vec![Violation::ExceedsInputLimit { requested: 300_000, limit: 272_000 }]
    /// );
    /// ```
    pub fn check(&self, request: &Request) -> Vec<Violation> {
        check(
            request,
            Limits {
                context_window: self.context_window(),
                max_input_tokens: self.max_input_tokens(),
                max_output_tokens: self.max_output_tokens(),
            },
            &self.abilities(),
        )
    }
}

/// The limits a request is checked against, each possibly unknown.
pub(crate) struct Limits {
    pub(crate) context_window: Option<u32>,
    pub(crate) max_input_tokens: Option<u32>,
    pub(crate) max_output_tokens: Option<u32>,
}

/// Every way `request` does not fit `limits` and the capabilities `abilities` (a model's,
/// or those that apply where it is served).
pub(crate) fn check(request: &Request, limits: Limits, abilities: &Abilities) -> Vec<Violation> {
    let Limits {
        context_window,
        max_input_tokens,
        max_output_tokens,
    } = limits;
    let mut out = Vec::new();
    let requested = request
        .input_tokens
        .saturating_add(request.max_output_tokens.unwrap_or(0));
    if let Some(context_window) = context_window {
        if requested > u64::from(context_window) {
            out.push(Violation::ExceedsContext {
                requested,
                context_window,
                by: requested - u64::from(context_window),
            });
        }
    }
    if let Some(limit) = max_input_tokens {
        if request.input_tokens > u64::from(limit) {
            out.push(Violation::ExceedsInputLimit {
                requested: request.input_tokens,
                limit,
            });
        }
    }
    if let (Some(requested), Some(cap)) = (request.max_output_tokens, max_output_tokens) {
        if requested > u64::from(cap) {
            out.push(Violation::ExceedsOutputCap { requested, cap });
        }
    }
    for m in request.input_modalities.iter() {
        match abilities.input {
            Some(have) if have.contains(m) => {}
            Some(_) => out.push(Violation::ModalityUnsupported(m)),
            None => out.push(Violation::ModalityUnknown(m)),
        }
    }
    let needed = [
        (request.tools, Capability::Tools),
        (request.structured_output, Capability::StructuredOutput),
    ];
    for (_, c) in needed.into_iter().filter(|(n, _)| *n) {
        match abilities.support(c) {
            Support::Yes => {}
            Support::No => out.push(Violation::CapabilityMissing(c)),
            Support::Unknown => out.push(Violation::CapabilityUnknown(c)),
        }
    }
    out
}
