//! Capabilities: what a model can do, each known to be supported, known not to be, or unknown.

use crate::escape::Esc;
use std::fmt;

/// A capability a request may need.
///
/// Names (on the command line and in JSON): `tools`, `parallel_tools`, `vision`, `reasoning`,
/// `structured_output`, `pdf`, `audio_input`, `audio_output`.
///
/// `vision`, `pdf`, `audio_input` and `audio_output` are read from the model's modalities
/// (image, file and audio input; audio output); the others are recorded as flags.
///
/// ```
/// # use model_catalog_shared as model_catalog;
/// use model_catalog::Capability;
/// assert_eq!("parallel_tools".parse::<Capability>(), Ok(Capability::ParallelTools));
/// assert_eq!(Capability::Pdf.as_str(), "pdf");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Capability {
    /// Tool (function) calling.
    Tools,
    /// Several tool calls in one response.
    ParallelTools,
    /// Image input.
    Vision,
    /// Extended thinking / reasoning.
    Reasoning,
    /// Structured output (JSON schema response formats).
    StructuredOutput,
    /// PDF and other file input.
    Pdf,
    /// Audio input.
    AudioInput,
    /// Audio output.
    AudioOutput,
}

impl Capability {
    /// Every capability, in canonical order.
    pub const ALL: &'static [Capability] = &[
        Capability::Tools,
        Capability::ParallelTools,
        Capability::Vision,
        Capability::Reasoning,
        Capability::StructuredOutput,
        Capability::Pdf,
        Capability::AudioInput,
        Capability::AudioOutput,
    ];

    /// The snake_case name.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Capability::Tools => "tools",
            Capability::ParallelTools => "parallel_tools",
            Capability::Vision => "vision",
            Capability::Reasoning => "reasoning",
            Capability::StructuredOutput => "structured_output",
            Capability::Pdf => "pdf",
            Capability::AudioInput => "audio_input",
            Capability::AudioOutput => "audio_output",
        }
    }
}

impl fmt::Display for Capability {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The name given is not a capability.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown capability `{}` (expected one of tools, parallel_tools, vision, reasoning, structured_output, pdf, audio_input, audio_output)",
    Esc(.0)
)]
pub struct UnknownCapability(String);

impl UnknownCapability {
    /// The name refused (its first 40 characters).
    #[must_use]
    pub fn name(&self) -> &str {
        &self.0
    }
}

impl std::str::FromStr for Capability {
    type Err = UnknownCapability;
    fn from_str(s: &str) -> Result<Capability, UnknownCapability> {
        Capability::ALL
            .iter()
            .copied()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| UnknownCapability(s.chars().take(40).collect()))
    }
}

/// Whether a model has a capability: known yes, known no, or unknown. An absent fact is
/// never taken as "no".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Support {
    /// Known to be supported.
    Yes,
    /// Known not to be supported.
    No,
    /// No source says.
    Unknown,
}

impl Support {
    /// `Some(true)`, `Some(false)` or `None`.
    #[must_use]
    pub const fn known(self) -> Option<bool> {
        match self {
            Support::Yes => Some(true),
            Support::No => Some(false),
            Support::Unknown => None,
        }
    }

    /// From a known-or-unknown boolean.
    #[must_use]
    pub const fn from_known(v: Option<bool>) -> Support {
        match v {
            Some(true) => Support::Yes,
            Some(false) => Support::No,
            None => Support::Unknown,
        }
    }
}

/// The capability flags recorded in data (the others come from modalities); absent means
/// unknown.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Flags {
    /// Tool calling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tools: Option<bool>,
    /// Parallel tool calls.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parallel_tools: Option<bool>,
    /// Reasoning.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasoning: Option<bool>,
    /// Structured output.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub structured_output: Option<bool>,
}

impl Flags {
    /// No flag known.
    #[must_use]
    pub const fn new() -> Flags {
        Flags {
            tools: None,
            parallel_tools: None,
            reasoning: None,
            structured_output: None,
        }
    }

    /// These flags with tool calling known to be supported or not.
    #[must_use]
    pub const fn tools(mut self, known: bool) -> Flags {
        self.tools = Some(known);
        self
    }

    /// These flags with parallel tool calls known to be supported or not.
    #[must_use]
    pub const fn parallel_tools(mut self, known: bool) -> Flags {
        self.parallel_tools = Some(known);
        self
    }

    /// These flags with reasoning known to be supported or not.
    #[must_use]
    pub const fn reasoning(mut self, known: bool) -> Flags {
        self.reasoning = Some(known);
        self
    }

    /// These flags with structured output known to be supported or not.
    #[must_use]
    pub const fn structured_output(mut self, known: bool) -> Flags {
        self.structured_output = Some(known);
        self
    }

    /// Whether no flag is known.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        *self == Flags::default()
    }
}
