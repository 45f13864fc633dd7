//! [`Model`]: one model as one provider serves it.

use crate::{Date, Modalities};
use std::borrow::Cow;

/// Text owned by a run-time catalog or borrowed from the compiled one.
pub(crate) type Text = Cow<'static, str>;

/// A model in the catalog, as its provider serves it.
///
/// Built-in models are `&'static` items of the compiled catalog; run-time catalogs hold their
/// own. Fields are read through methods.
///
/// ```
/// let m = model_catalog::lookup_model("GPT-4o-2024-08-06").unwrap();
/// assert_eq!(m.id(), "gpt-4o");
/// assert_eq!(m.provider_id(), "openai");
/// assert_eq!(m.context_window(), 128_000);
/// assert_eq!(m.max_output_tokens(), Some(16_384));
/// assert!(m.aliases().any(|a| a == "gpt-4o-2024-08-06"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Model {
    pub(crate) id: Text,
    pub(crate) upstream_id: Text,
    pub(crate) name: Text,
    pub(crate) provider: Text,
    /// Index of the provider in its catalog's provider table.
    pub(crate) provider_index: u32,
    pub(crate) context_window: u32,
    pub(crate) max_output_tokens: Option<u32>,
    pub(crate) input_modalities: Modalities,
    pub(crate) deprecated: bool,
    pub(crate) retires: Option<Date>,
    pub(crate) aliases: Cow<'static, [Text]>,
}

impl Model {
    /// The catalog id, unique in the catalog (`gpt-4o`, `llama-3.3-70b-versatile`).
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The id to send to the provider's API (`meta-llama/llama-3.3-70b-versatile`); the same
    /// as [`id`](Model::id) for most models.
    pub fn upstream_id(&self) -> &str {
        &self.upstream_id
    }

    /// Display name (`GPT-4o`).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The id of the provider that serves it.
    pub fn provider_id(&self) -> &str {
        &self.provider
    }

    /// Context window in tokens (input and output together).
    pub fn context_window(&self) -> u32 {
        self.context_window
    }

    /// Most tokens one response may hold, where known.
    pub fn max_output_tokens(&self) -> Option<u32> {
        self.max_output_tokens
    }

    /// The kinds of input the model takes.
    pub fn input_modalities(&self) -> Modalities {
        self.input_modalities
    }

    /// Whether the provider has deprecated the model.
    pub fn is_deprecated(&self) -> bool {
        self.deprecated
    }

    /// The day the provider stops serving the model, where announced.
    ///
    /// ```
    /// let m = model_catalog::lookup_model("gpt-3.5-turbo").unwrap();
    /// assert_eq!(m.retires().unwrap().to_string(), "2026-09-28");
    /// ```
    pub fn retires(&self) -> Option<Date> {
        self.retires
    }

    /// The model's aliases, as spelled in the data.
    pub fn aliases(&self) -> impl ExactSizeIterator<Item = &str> + Clone {
        self.aliases.iter().map(|a| &**a)
    }
}
