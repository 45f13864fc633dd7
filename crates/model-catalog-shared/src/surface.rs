//! API surfaces: which request formats and endpoints a provider accepts.

use crate::escape::Esc;
use std::fmt;

/// The API format a surface conforms to.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum ApiFormat {
    /// OpenAI's request and response shapes.
    Openai,
    /// Anthropic's.
    Anthropic,
}

impl ApiFormat {
    /// `openai` or `anthropic`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            ApiFormat::Openai => "openai",
            ApiFormat::Anthropic => "anthropic",
        }
    }
}

/// A specific endpoint within a format.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Surface {
    /// OpenAI Chat Completions (`/chat/completions`).
    ChatCompletions,
    /// OpenAI Responses (`/responses`).
    Responses,
    /// Anthropic Messages (`/messages`).
    Messages,
}

impl Surface {
    /// Every surface.
    pub const ALL: &'static [Surface] = &[
        Surface::ChatCompletions,
        Surface::Responses,
        Surface::Messages,
    ];

    /// The endpoint's path under a provider's base URL: `chat/completions`, `responses`
    /// or `messages`.
    #[must_use]
    pub const fn path(self) -> &'static str {
        match self {
            Surface::ChatCompletions => "chat/completions",
            Surface::Responses => "responses",
            Surface::Messages => "messages",
        }
    }

    /// `chat-completions`, `responses` or `messages`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Surface::ChatCompletions => "chat-completions",
            Surface::Responses => "responses",
            Surface::Messages => "messages",
        }
    }
}

impl fmt::Display for Surface {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for ApiFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The name given is not a surface.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown API surface `{}` (expected chat-completions, responses or messages)",
    Esc(.0)
)]
pub struct UnknownSurface(String);

impl UnknownSurface {
    /// The name refused (its first 40 characters).
    #[must_use]
    pub fn name(&self) -> &str {
        &self.0
    }
}

impl std::str::FromStr for Surface {
    type Err = UnknownSurface;
    fn from_str(s: &str) -> Result<Surface, UnknownSurface> {
        Surface::ALL
            .iter()
            .copied()
            .find(|x| x.as_str() == s)
            .ok_or_else(|| UnknownSurface(s.chars().take(40).collect()))
    }
}

/// An API surface as data documents write it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SurfaceEntry {
    /// The format.
    pub format: ApiFormat,
    /// The endpoint, if the source names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub surface: Option<Surface>,
    /// The top-level request parameters it accepts; absent when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supported_params: Option<Vec<String>>,
}

/// A reference to a control-plane resource (ngrok's `Ref`).
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ResourceRef {
    /// Resource id.
    pub id: String,
    /// Resource URI.
    pub uri: String,
}

/// Where a provider lives in a gateway's control plane (ngrok's `AIGatewayProvider` resource
/// fields), kept so that an exported provider list reproduces what was imported.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ControlPlane {
    /// Resource id (`aigp_...`).
    pub id: String,
    /// Resource URI.
    pub uri: String,
    /// Creation time (RFC 3339).
    pub created_at: String,
    /// Last update time (RFC 3339).
    pub updated_at: String,
    /// Who created it.
    pub created_by: ResourceRef,
    /// Who last updated it.
    pub last_updated_by: ResourceRef,
}

impl SurfaceEntry {
    /// A surface of format `format`, its endpoint and parameters unknown.
    #[must_use]
    pub fn new(format: ApiFormat) -> SurfaceEntry {
        SurfaceEntry {
            format,
            surface: None,
            supported_params: None,
        }
    }
}

impl ResourceRef {
    /// A reference to the resource `id` at `uri`.
    #[must_use]
    pub fn new(id: impl Into<String>, uri: impl Into<String>) -> ResourceRef {
        ResourceRef {
            id: id.into(),
            uri: uri.into(),
        }
    }
}

impl ControlPlane {
    /// The control-plane record of resource `id` at `uri`; its times and authors empty until
    /// set.
    #[must_use]
    pub fn new(id: impl Into<String>, uri: impl Into<String>) -> ControlPlane {
        ControlPlane {
            id: id.into(),
            uri: uri.into(),
            ..ControlPlane::default()
        }
    }
}
