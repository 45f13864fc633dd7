//! [`Provider`]: an API endpoint that serves models, and [`ApiSurface`], an API it accepts.

use crate::compiled::{self, count, records};
use crate::data::capability::Support;
use crate::data::compiled::{ProviderRecord, Section, SurfaceRecord};
use crate::data::surface::{ApiFormat, ControlPlane, Surface};
use crate::model_tables::Source;
use crate::text::{Names, Text};
use std::borrow::Cow;
use std::fmt;
use std::hash::{Hash, Hasher};

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
#[derive(Clone)]
pub struct ApiSurface(SurfaceRepr);

#[derive(Clone)]
enum SurfaceRepr {
    /// A surface of the compiled catalog.
    Builtin(SurfaceRecord),
    /// One of a run-time catalog.
    Custom {
        format: ApiFormat,
        surface: Option<Surface>,
        params: Option<Cow<'static, [Text]>>,
    },
}

/// The compiled catalog's API surfaces, grouped by provider.
pub(crate) static SURFACES: [ApiSurface; count(Section::Surfaces)] = records!(
    ApiSurface,
    count(Section::Surfaces),
    ApiSurface(SurfaceRepr::Builtin(SurfaceRecord::EMPTY)),
    Section::Surfaces,
    |r: SurfaceRecord| ApiSurface(SurfaceRepr::Builtin(r))
);

impl ApiSurface {
    /// A run-time catalog's surface.
    pub(crate) fn custom(
        format: ApiFormat,
        surface: Option<Surface>,
        params: Option<Cow<'static, [Text]>>,
    ) -> ApiSurface {
        ApiSurface(SurfaceRepr::Custom {
            format,
            surface,
            params,
        })
    }

    /// The format (`openai`, `anthropic`).
    pub fn format(&self) -> ApiFormat {
        match &self.0 {
            SurfaceRepr::Builtin(r) => r.api_format(),
            SurfaceRepr::Custom { format, .. } => *format,
        }
    }

    /// The endpoint, where known.
    pub fn surface(&self) -> Option<Surface> {
        match &self.0 {
            SurfaceRepr::Builtin(r) => r.api_surface(),
            SurfaceRepr::Custom { surface, .. } => *surface,
        }
    }

    /// The top-level request parameters accepted, where known.
    pub fn supported_params(&self) -> Option<impl ExactSizeIterator<Item = &str> + Clone> {
        match &self.0 {
            SurfaceRepr::Builtin(r) => (r.params_at != crate::data::compiled::NONE).then(|| {
                Names::Numbers(
                    Source::Builtin,
                    compiled::list(r.params_at, r.params_len as usize).iter(),
                )
            }),
            SurfaceRepr::Custom { params, .. } => params.as_ref().map(|p| Names::Custom(p.iter())),
        }
    }

    /// Whether the surface accepts top-level parameter `param` (exact name): unknown when
    /// the parameters are not recorded.
    pub fn accepts(&self, param: &str) -> Support {
        match self.supported_params() {
            Some(mut p) => Support::from_known(Some(p.any(|x| x == param))),
            None => Support::Unknown,
        }
    }

    /// Its fields, for comparing and hashing.
    fn facts(&self) -> (ApiFormat, Option<Surface>, Option<Vec<&str>>) {
        (
            self.format(),
            self.surface(),
            self.supported_params().map(Iterator::collect),
        )
    }
}

impl PartialEq for ApiSurface {
    fn eq(&self, other: &ApiSurface) -> bool {
        self.facts() == other.facts()
    }
}

impl Eq for ApiSurface {}

impl Hash for ApiSurface {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.facts().hash(state);
    }
}

impl fmt::Debug for ApiSurface {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (format, surface, params) = self.facts();
        f.debug_struct("ApiSurface")
            .field("format", &format)
            .field("surface", &surface)
            .field("params", &params)
            .finish()
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
#[derive(Clone)]
pub struct Provider {
    /// Index in its catalog's provider table.
    pub(crate) index: u32,
    repr: Repr,
}

#[derive(Clone)]
enum Repr {
    /// A provider of the compiled catalog: its record.
    Builtin(ProviderRecord),
    /// One of a run-time catalog.
    Custom(Box<ProviderData>),
}

/// A run-time catalog's provider.
#[derive(Clone)]
pub(crate) struct ProviderData {
    /// The build of the catalog that holds it ([`Overlay::build`](crate::overlay::Overlay::build)).
    pub(crate) build: u64,
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
}

/// The compiled catalog's providers, in catalog order.
pub(crate) static PROVIDERS: [Provider; count(Section::Providers)] = records!(
    Provider,
    count(Section::Providers),
    Provider {
        index: 0,
        repr: Repr::Builtin(ProviderRecord::EMPTY),
    },
    Section::Providers,
    |r: ProviderRecord| Provider {
        index: r.index,
        repr: Repr::Builtin(r),
    }
);

impl Provider {
    /// A provider of a run-time catalog, with catalog index `index`.
    pub(crate) fn custom(index: u32, data: ProviderData) -> Provider {
        Provider {
            index,
            repr: Repr::Custom(Box::new(data)),
        }
    }

    /// The build of the run-time catalog that holds it; `None` for a compiled provider.
    pub(crate) fn build(&self) -> Option<u64> {
        match &self.repr {
            Repr::Builtin(_) => None,
            Repr::Custom(c) => Some(c.build),
        }
    }

    /// An optional string: a built-in provider's by `field` of its record, a run-time one's
    /// by `custom`.
    fn opt(
        &self,
        field: fn(&ProviderRecord) -> u32,
        custom: fn(&ProviderData) -> &Option<Text>,
    ) -> Option<&str> {
        match &self.repr {
            Repr::Builtin(r) => compiled::opt_text(field(r)),
            Repr::Custom(c) => custom(c).as_deref(),
        }
    }

    /// Whether bit `bit` of a built-in provider is set, or `custom` of a run-time one.
    fn bit(&self, bit: u32, custom: fn(&ProviderData) -> bool) -> bool {
        match &self.repr {
            Repr::Builtin(r) => r.bits & bit != 0,
            Repr::Custom(c) => custom(c),
        }
    }

    /// Its id as an error keeps it: borrowed from the compiled catalog (no allocation), or a
    /// copy of a run-time catalog's.
    pub(crate) fn id_text(&self) -> Text {
        match &self.repr {
            Repr::Builtin(r) => Cow::Borrowed(compiled::text(r.id)),
            Repr::Custom(c) => c.id.clone(),
        }
    }

    /// Its models: a range of the catalog's model table.
    pub(crate) fn model_span(&self) -> (u32, u32) {
        match &self.repr {
            Repr::Builtin(r) => (r.models_start, r.models_end),
            Repr::Custom(c) => c.models,
        }
    }

    /// The models of other providers it serves: a range of the catalog's offer table.
    pub(crate) fn offer_span(&self) -> (u32, u32) {
        match &self.repr {
            Repr::Builtin(r) => (r.offers_start, r.offers_end),
            Repr::Custom(c) => c.offers,
        }
    }

    /// Its facts, for comparing a built-in provider with a run-time one.
    #[allow(clippy::type_complexity)]
    fn facts(
        &self,
    ) -> (
        (&str, &str, Vec<&str>, Option<&str>, Option<&str>),
        (Option<&str>, Option<&str>, bool, bool, bool),
        (
            (u32, u32),
            (u32, u32),
            &[ApiSurface],
            Option<&str>,
            Option<&str>,
        ),
        Option<&ControlPlane>,
    ) {
        (
            (
                self.id(),
                self.name(),
                self.aliases().collect(),
                self.description(),
                self.base_url(),
            ),
            (
                self.website(),
                self.docs(),
                self.key_required(),
                self.gateway_credentials(),
                self.is_aggregator(),
            ),
            (
                self.model_span(),
                self.offer_span(),
                self.api_surfaces(),
                self.api_key_env(),
                self.metadata(),
            ),
            self.control_plane(),
        )
    }

    fn key_required(&self) -> bool {
        self.bit(ProviderRecord::KEY_REQUIRED, |c| c.key_required)
    }
}

impl PartialEq for Provider {
    fn eq(&self, other: &Provider) -> bool {
        if self.index != other.index {
            return false;
        }
        match (&self.repr, &other.repr) {
            (Repr::Builtin(a), Repr::Builtin(b)) => a == b,
            _ => self.facts() == other.facts(),
        }
    }
}

impl Eq for Provider {}

impl fmt::Debug for Provider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Provider")
            .field("id", &self.id())
            .field("name", &self.name())
            .field("index", &self.index)
            .field("base_url", &self.base_url())
            .field("aggregator", &self.is_aggregator())
            .finish_non_exhaustive()
    }
}

impl Provider {
    /// The id, used as the address segment in `provider:model` (`openai`).
    pub fn id(&self) -> &str {
        match &self.repr {
            Repr::Builtin(r) => compiled::text(r.id),
            Repr::Custom(c) => &c.id,
        }
    }

    /// Display name (`OpenAI`).
    pub fn name(&self) -> &str {
        match &self.repr {
            Repr::Builtin(r) => compiled::text(r.name),
            Repr::Custom(c) => &c.name,
        }
    }

    /// Other names for the provider (`open-ai`), as spelled in the data. Names match
    /// ASCII-case-insensitively, so spellings that differ from these only in case are not
    /// listed.
    pub fn aliases(&self) -> impl ExactSizeIterator<Item = &str> + Clone {
        match &self.repr {
            Repr::Builtin(r) => Names::Numbers(
                Source::Builtin,
                compiled::list(r.aliases_at, r.aliases_len.into()).iter(),
            ),
            Repr::Custom(c) => Names::Custom(c.aliases.iter()),
        }
    }

    /// A short description, where the source gives one.
    pub fn description(&self) -> Option<&str> {
        self.opt(|r| r.description, |c| &c.description)
    }

    /// The API base URL, where known.
    pub fn base_url(&self) -> Option<&str> {
        self.opt(|r| r.base_url, |c| &c.base_url)
    }

    /// The provider's website.
    pub fn website(&self) -> Option<&str> {
        self.opt(|r| r.website, |c| &c.website)
    }

    /// Documentation for using this provider through the gateway.
    pub fn docs(&self) -> Option<&str> {
        self.opt(|r| r.docs, |c| &c.docs)
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
        self.key_required() && !self.gateway_credentials()
    }

    /// Whether the gateway supplies the upstream credentials itself, so no provider key is
    /// needed (OpenAI and Anthropic in the built-in catalog).
    pub fn gateway_credentials(&self) -> bool {
        self.bit(ProviderRecord::GATEWAY_CREDENTIALS, |c| {
            c.gateway_credentials
        })
    }

    /// Whether the provider serves other vendors' models beyond those listed (OpenRouter):
    /// a model string it does not list is passed through to it even when another provider
    /// lists that model.
    pub fn is_aggregator(&self) -> bool {
        self.bit(ProviderRecord::AGGREGATOR, |c| c.aggregator)
    }

    /// Whether the catalog lists any model for this provider, its own or offered. A provider
    /// with none passes every model string through unchanged.
    pub fn lists_models(&self) -> bool {
        let (models, offers) = (self.model_span(), self.offer_span());
        models.0 < models.1 || offers.0 < offers.1
    }

    /// The API surfaces it accepts.
    pub fn api_surfaces(&self) -> &[ApiSurface] {
        match &self.repr {
            Repr::Builtin(r) => {
                let at = r.surfaces_at as usize;
                SURFACES
                    .get(at..at + usize::from(r.surfaces_len))
                    .unwrap_or_default()
            }
            Repr::Custom(c) => &c.api_surfaces,
        }
    }

    /// The API surface for endpoint `s`, if the provider accepts it.
    pub fn surface(&self, s: Surface) -> Option<&ApiSurface> {
        self.api_surfaces().iter().find(|x| x.surface() == Some(s))
    }

    /// The environment variable that conventionally holds this provider's API key
    /// (`OPENAI_API_KEY`, `GEMINI_API_KEY`), where a source names one.
    ///
    /// ```
    /// let p = model_catalog::lookup_provider("groq").unwrap();
    /// assert_eq!(p.api_key_env(), Some("GROQ_API_KEY"));
    /// ```
    pub fn api_key_env(&self) -> Option<&str> {
        self.opt(|r| r.api_key_env, |c| &c.api_key_env)
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
        self.opt(|r| r.metadata, |c| &c.metadata)
    }

    /// The control-plane resource a custom provider was imported from, if any.
    pub fn control_plane(&self) -> Option<&ControlPlane> {
        match &self.repr {
            Repr::Builtin(_) => None,
            Repr::Custom(c) => c.control_plane.as_deref(),
        }
    }

    pub(crate) fn model_range(&self) -> std::ops::Range<usize> {
        let (start, end) = self.model_span();
        start as usize..end as usize
    }

    pub(crate) fn offer_range(&self) -> std::ops::Range<usize> {
        let (start, end) = self.offer_span();
        start as usize..end as usize
    }
}
