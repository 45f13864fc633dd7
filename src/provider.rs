//! [`Provider`]: an API endpoint that serves models.

use crate::data::capability::Support;
use crate::data::surface::{ApiFormat, ControlPlane, Surface};
use crate::text::Text;
use std::borrow::Cow;

/// An API surface a provider accepts: a format, the endpoint, and the top-level request
/// parameters it takes where known.
///
/// ```
/// use model_catalog::{lookup_provider, Support, Surface};
///
/// let openai = lookup_provider("openai").unwrap();
/// let chat = openai.surface(Surface::ChatCompletions).unwrap();
/// assert_eq!(chat.accepts("reasoning_effort"), Support::Yes);
/// assert_eq!(chat.accepts("thinking"), Support::No);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ApiSurface {
    pub(crate) format: ApiFormat,
    pub(crate) surface: Option<Surface>,
    pub(crate) params: Option<Cow<'static, [Text]>>,
}

impl ApiSurface {
    /// The format (`openai`, `anthropic`).
    pub fn format(&self) -> ApiFormat {
        self.format
    }

    /// The endpoint, where known.
    pub fn surface(&self) -> Option<Surface> {
        self.surface
    }

    /// The top-level request parameters accepted, where known.
    pub fn supported_params(&self) -> Option<impl ExactSizeIterator<Item = &str> + Clone> {
        self.params.as_ref().map(|p| p.iter().map(|x| &**x))
    }

    /// Whether the surface accepts top-level parameter `param` (exact name): unknown when
    /// the parameters are not recorded.
    pub fn accepts(&self, param: &str) -> Support {
        match &self.params {
            Some(p) => Support::from_known(Some(p.iter().any(|x| x == param))),
            None => Support::Unknown,
        }
    }
}

/// A provider: an API that serves models, addressed as `provider:model`.
///
/// ```
/// let p = model_catalog::lookup_provider("groqcloud").unwrap();
/// assert_eq!(p.id(), "groq");
/// assert_eq!(p.base_url(), Some("https://api.groq.com/openai/v1"));
/// assert!(p.caller_key_required());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provider {
    pub(crate) id: Text,
    pub(crate) name: Text,
    pub(crate) aliases: Cow<'static, [Text]>,
    pub(crate) description: Option<Text>,
    pub(crate) base_url: Option<Text>,
    pub(crate) website: Option<Text>,
    pub(crate) docs: Option<Text>,
    pub(crate) key_required: bool,
    pub(crate) gateway_credentials: bool,
    pub(crate) aggregator: bool,
    /// This provider's models: a range of the catalog's model table.
    pub(crate) models: (u32, u32),
    /// The models of other providers it serves: a range of the catalog's offer table.
    pub(crate) offers: (u32, u32),
    pub(crate) api_surfaces: Cow<'static, [ApiSurface]>,
    pub(crate) api_key_env: Option<Text>,
    pub(crate) metadata: Option<Text>,
    pub(crate) control_plane: Option<Box<ControlPlane>>,
    /// Index in its catalog's provider table.
    pub(crate) index: u32,
}

impl Provider {
    /// The id, used as the address segment in `provider:model` (`openai`).
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Display name (`OpenAI`).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Other names for the provider (`open-ai`), as spelled in the data. Names match
    /// ASCII-case-insensitively, so spellings that differ from these only in case are not
    /// listed.
    pub fn aliases(&self) -> impl ExactSizeIterator<Item = &str> + Clone {
        self.aliases.iter().map(|a| &**a)
    }

    /// A short description, where the source gives one.
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }

    /// The API base URL, where known.
    pub fn base_url(&self) -> Option<&str> {
        self.base_url.as_deref()
    }

    /// The provider's website.
    pub fn website(&self) -> Option<&str> {
        self.website.as_deref()
    }

    /// Documentation for using this provider through the gateway.
    pub fn docs(&self) -> Option<&str> {
        self.docs.as_deref()
    }

    /// Whether the caller must bring its own key for this provider: the provider requires a
    /// key and the gateway does not supply credentials for it (seeds 000 and 001: OpenAI and
    /// Anthropic need none, the others do).
    ///
    /// ```
    /// use model_catalog::lookup_provider;
    /// assert!(!lookup_provider("openai").unwrap().caller_key_required());
    /// assert!(lookup_provider("groqcloud").unwrap().caller_key_required());
    /// ```
    pub fn caller_key_required(&self) -> bool {
        self.key_required && !self.gateway_credentials
    }

    /// Whether the gateway supplies the upstream credentials itself, so no provider key is
    /// needed (OpenAI and Anthropic in the built-in catalog).
    pub fn gateway_credentials(&self) -> bool {
        self.gateway_credentials
    }

    /// Whether the provider serves other vendors' models beyond those listed (OpenRouter):
    /// a model string it does not list is passed through to it even when another provider
    /// lists that model.
    pub fn is_aggregator(&self) -> bool {
        self.aggregator
    }

    /// Whether the catalog lists any model for this provider, its own or offered. A provider
    /// with none passes every model string through unchanged.
    pub fn lists_models(&self) -> bool {
        self.models.0 < self.models.1 || self.offers.0 < self.offers.1
    }

    /// The API surfaces it accepts.
    pub fn api_surfaces(&self) -> &[ApiSurface] {
        &self.api_surfaces
    }

    /// The API surface for endpoint `s`, if the provider accepts it.
    pub fn surface(&self, s: Surface) -> Option<&ApiSurface> {
        self.api_surfaces.iter().find(|x| x.surface == Some(s))
    }

    /// The environment variable that conventionally holds this provider's API key
    /// (`OPENAI_API_KEY`, `GEMINI_API_KEY`), where a source names one.
    ///
    /// ```
    /// let p = model_catalog::lookup_provider("groq").unwrap();
    /// assert_eq!(p.api_key_env(), Some("GROQ_API_KEY"));
    /// ```
    pub fn api_key_env(&self) -> Option<&str> {
        self.api_key_env.as_deref()
    }

    /// The URL of `path` under the provider's base URL, with exactly one `/` between them
    /// whatever the base URL ends with and `path` starts with; `None` when the base URL is
    /// unknown.
    ///
    /// ```
    /// let openai = model_catalog::lookup_provider("openai").unwrap(); // ".../v1/"
    /// assert_eq!(openai.url("/models").as_deref(), Some("https://api.openai.com/v1/models"));
    /// let groq = model_catalog::lookup_provider("groq").unwrap(); // ".../v1"
    /// assert_eq!(groq.url("models").as_deref(), Some("https://api.groq.com/openai/v1/models"));
    /// ```
    pub fn url(&self, path: &str) -> Option<String> {
        let base = self.base_url()?.trim_end_matches('/');
        Some(format!("{base}/{}", path.trim_start_matches('/')))
    }

    /// The URL of API surface `surface` (`chat/completions`, `responses` or `messages`
    /// under the base URL); `None` when the base URL is unknown or the provider does not
    /// accept that surface.
    ///
    /// ```
    /// use model_catalog::{lookup_provider, Surface};
    /// let openai = lookup_provider("openai").unwrap();
    /// assert_eq!(
    ///     openai.endpoint(Surface::ChatCompletions).as_deref(),
    ///     Some("https://api.openai.com/v1/chat/completions"),
    /// );
    /// let anthropic = lookup_provider("anthropic").unwrap();
    /// assert_eq!(
    ///     anthropic.endpoint(Surface::Messages).as_deref(),
    ///     Some("https://api.anthropic.com/v1/messages"),
    /// );
    /// assert_eq!(anthropic.endpoint(Surface::Responses), None);
    /// ```
    pub fn endpoint(&self, surface: Surface) -> Option<String> {
        self.surface(surface)?;
        self.url(surface.path())
    }

    /// Free-form metadata (custom providers).
    pub fn metadata(&self) -> Option<&str> {
        self.metadata.as_deref()
    }

    /// The control-plane resource a custom provider was imported from, if any.
    pub fn control_plane(&self) -> Option<&ControlPlane> {
        self.control_plane.as_deref()
    }

    pub(crate) fn model_range(&self) -> std::ops::Range<usize> {
        self.models.0 as usize..self.models.1 as usize
    }

    pub(crate) fn offer_range(&self) -> std::ops::Range<usize> {
        self.offers.0 as usize..self.offers.1 as usize
    }
}
