//! [`CustomProvider`]: a provider document built in code.

use crate::data::price::Pricing;
use crate::data::schema::{DataFile, ModelEntry, OfferEntry, ProviderEntry};
use crate::data::surface::{ApiFormat, Surface, SurfaceEntry};

/// A custom provider, built in code: the programmatic form of a provider document.
///
/// ```
/// use model_catalog::{ApiFormat, CustomProvider, Surface};
///
/// let p = CustomProvider::new("internal-vllm", "Internal vLLM")
///     .alias("vllm")
///     .base_url("http://vllm.internal:8000/v1")
///     .key_required(false)
///     .surface(ApiFormat::Openai, Some(Surface::ChatCompletions), Some(&["model", "messages", "temperature"]))
///     .model("llama-3", "meta-llama/Meta-Llama-3-8B-Instruct")
///     .model("qwen-coder", "Qwen/Qwen2.5-Coder-32B-Instruct");
/// let doc = p.into_document();
/// assert_eq!(doc.models.len(), 2);
/// ```
#[derive(Debug, Clone)]
#[must_use = "a custom provider does nothing until it is added to a catalog builder"]
pub struct CustomProvider {
    pub(crate) doc: DataFile,
}

impl CustomProvider {
    /// A provider with this id (the address segment, as in `internal-vllm:llama-3`) and
    /// display name. It requires a provider key unless told otherwise, lists no models (so
    /// passes every model string through) until given some, and takes no API surface until
    /// given one.
    pub fn new(id: &str, name: &str) -> CustomProvider {
        let mut provider = ProviderEntry::new(id, name);
        provider.key_required = true;
        CustomProvider {
            doc: DataFile::defining(provider),
        }
    }

    fn entry(&mut self) -> &mut ProviderEntry {
        self.doc.provider.get_or_insert_with(Default::default)
    }

    /// Adds an alias.
    pub fn alias(mut self, alias: &str) -> CustomProvider {
        self.entry().aliases.push(alias.to_owned());
        self
    }

    /// Sets the API base URL.
    pub fn base_url(mut self, url: &str) -> CustomProvider {
        self.entry().base_url = Some(url.to_owned());
        self
    }

    /// Sets whether callers must supply a provider key.
    pub fn key_required(mut self, required: bool) -> CustomProvider {
        self.entry().key_required = required;
        self
    }

    /// Sets whether the gateway supplies upstream credentials itself (then callers never
    /// need a key for it).
    pub fn gateway_credentials(mut self, supplied: bool) -> CustomProvider {
        self.entry().gateway_credentials = supplied;
        self
    }

    /// Sets free-form metadata.
    pub fn metadata(mut self, metadata: &str) -> CustomProvider {
        self.entry().metadata = Some(metadata.to_owned());
        self
    }

    /// Adds an API surface, with the top-level parameters it accepts where known.
    pub fn surface(
        mut self,
        format: ApiFormat,
        surface: Option<Surface>,
        params: Option<&[&str]>,
    ) -> CustomProvider {
        self.entry().api_surfaces.push({
            let mut s = SurfaceEntry::new(format);
            s.surface = surface;
            s.supported_params = params.map(|p| p.iter().map(|s| s.to_string()).collect());
            s
        });
        self
    }

    /// Adds a model with its catalog id and the id the provider's API expects.
    pub fn model(mut self, id: &str, upstream_id: &str) -> CustomProvider {
        let mut m = ModelEntry::new(id, id);
        m.upstream_id = (upstream_id != id).then(|| upstream_id.to_owned());
        self.doc.models.push(m);
        self
    }

    /// Adds a model described in full.
    pub fn model_entry(mut self, entry: ModelEntry) -> CustomProvider {
        self.doc.models.push(entry);
        self
    }

    /// Serves a model another provider defines (built-in or custom), under `upstream_id`.
    pub fn offer(mut self, model: &str, upstream_id: &str) -> CustomProvider {
        self.doc.offers.push(OfferEntry::new(model, upstream_id));
        self
    }

    /// Serves a model another provider defines under `upstream_id`, at this provider's own
    /// prices.
    pub fn offer_with_pricing(
        mut self,
        model: &str,
        upstream_id: &str,
        pricing: Pricing,
    ) -> CustomProvider {
        let mut offer = OfferEntry::new(model, upstream_id);
        offer.pricing = pricing;
        self.doc.offers.push(offer);
        self
    }

    /// The data document.
    pub fn into_document(self) -> DataFile {
        self.doc
    }
}
