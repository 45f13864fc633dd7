//! Exporting custom providers as ngrok `AIGatewayProviderList` pages.

use crate::data::key::token_problem;
use crate::formats::import::{clip, At};
use crate::formats::ngrok::import::check_fields;
use crate::formats::ngrok::{is_rfc3339, NgList, NgModel, NgParam, NgProvider, NgSurface};
use crate::formats::ImportError;
use crate::formats::{served, to_json, ExportError};
use crate::schema::{ControlPlane, ResourceRef};
use crate::{Catalog, Provider};
use std::collections::HashSet;
use std::fmt::Write as _;

/// What [`export_ngrok`] writes for the fields the catalog does not hold, and which page.
///
/// Providers imported with [`import_ngrok`](crate::formats::import_ngrok) keep their resource fields. For the others the
/// required fields are derived, never invented:
///
/// - `id`: the id prefix (default `aigp_`) followed by the `providerId`: a stable name for
///   this export, not an id ngrok assigned;
/// - `uri`: the list URI (default `https://api.ngrok.ai/providers`, the seed's server and
///   path), a `/`, and the resource id, percent-encoded;
/// - `createdAt`, `createdBy`, `updatedAt`, `lastUpdatedBy`: the values given here;
/// - `baseUrl`: the provider's base URL, or an empty string when it has none;
/// - each model's `id` (for every provider, imported or not: the import does not keep
///   it): `providerId:modelId`, the model string that addresses it.
///
/// Resource ids and URIs are what [`import_ngrok`](crate::formats::import_ngrok) requires of
/// them, as ngrok's own ids (`aigp_2xk9...`, `aigpm_2xkA...`) are: 1 to 256 bytes of
/// printable ASCII without space. Where a name above would not be one (a model id holding
/// a space, `providerId:modelId` longer than 256 bytes, a resource URI longer than 256
/// bytes once percent-encoded), a positional name takes its place, which no name above can
/// be, since a provider id holds no `:`:
///
/// - a provider's `id`: the id prefix, `:`, and the provider's place among the catalog's
///   custom providers ([`Catalog::custom_providers`], from 0): `aigp_:3`; where a
///   provider's kept resource id (imported from ngrok, or given in a document) already is
///   that, `:1`, `:2`... after it, the first that none has. A derived provider id that a
///   kept one already is (`aigp_acme` kept by another provider) gives way to a positional
///   one too;
/// - a model's `id`: `aigpm_`, the provider's place in the listing (by resource id
///   descending, across pages, from 0), `_`, and the model's place in its `models` (from
///   0): `aigpm_12_0`. Resource ids are kept on import, so exporting the import again
///   gives the same ids.
///
/// Model ids are thus unique across the listing. What is still not valid (an option such
/// as an id prefix holding a space, or a control-plane record of a document that ngrok's
/// format cannot hold) is [`ExportError::Unrepresentable`]: the export never writes a page
/// that the import refuses.
///
/// ```
/// use model_catalog::formats::NgrokExportOptions;
/// use model_catalog::schema::ResourceRef;
///
/// let me = ResourceRef::new("usr_1", "https://api.ngrok.com/users/usr_1");
/// let options = NgrokExportOptions::new("2026-01-01T00:00:00Z", me).limit(20);
/// # let _ = options;
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NgrokExportOptions {
    list_uri: String,
    id_prefix: String,
    limit: u32,
    before_id: Option<String>,
    created_at: String,
    updated_at: String,
    created_by: ResourceRef,
    last_updated_by: ResourceRef,
}

/// The list resource of seed 004: its server and path.
pub const NGROK_PROVIDERS_URI: &str = "https://api.ngrok.ai/providers";

impl NgrokExportOptions {
    /// Options stamping providers that have no control-plane record as created (and last
    /// updated) at `created_at` (RFC 3339) by `created_by`; first page, 100 per page.
    pub fn new(created_at: &str, created_by: ResourceRef) -> NgrokExportOptions {
        NgrokExportOptions {
            list_uri: NGROK_PROVIDERS_URI.to_owned(),
            id_prefix: "aigp_".to_owned(),
            limit: 100,
            before_id: None,
            created_at: created_at.to_owned(),
            updated_at: created_at.to_owned(),
            last_updated_by: created_by.clone(),
            created_by,
        }
    }

    /// Sets the last update (default: the creation) of providers without a control-plane
    /// record.
    pub fn updated(mut self, updated_at: &str, updated_by: ResourceRef) -> NgrokExportOptions {
        self.updated_at = updated_at.to_owned();
        self.last_updated_by = updated_by;
        self
    }

    /// Sets the list resource URI (default [`NGROK_PROVIDERS_URI`]).
    pub fn list_uri(mut self, uri: &str) -> NgrokExportOptions {
        self.list_uri = uri.to_owned();
        self
    }

    /// Sets the prefix of derived resource ids (default `aigp_`).
    pub fn id_prefix(mut self, prefix: &str) -> NgrokExportOptions {
        self.id_prefix = prefix.to_owned();
        self
    }

    /// Sets the page size, 1 to 100 (default 100); [`export_ngrok`] refuses others.
    pub fn limit(mut self, limit: u32) -> NgrokExportOptions {
        self.limit = limit;
        self
    }

    /// Starts the page after resource id `id`: "Returns items before this resource
    /// identifier in descending ID order".
    pub fn before_id(mut self, id: &str) -> NgrokExportOptions {
        self.before_id = Some(id.to_owned());
        self
    }

    /// The URI of the page listing items before `before` (the first page when `None`):
    /// the list URI with `beforeId` and, when not 100, `limit` as query parameters.
    fn page_uri(&self, before: Option<&str>) -> String {
        let mut uri = self.list_uri.clone();
        let mut sep = if uri.contains('?') { '&' } else { '?' };
        if let Some(b) = before {
            let _ = write!(uri, "{sep}beforeId={}", encode(b));
            sep = '&';
        }
        if self.limit != 100 {
            let _ = write!(uri, "{sep}limit={}", self.limit);
        }
        uri
    }
}

/// Percent-encodes everything but RFC 3986 unreserved characters.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Every custom provider as an ngrok resource, by resource id descending.
fn ngrok_entries(
    catalog: &Catalog,
    options: &NgrokExportOptions,
) -> Result<Vec<NgProvider>, ExportError> {
    for t in [&options.created_at, &options.updated_at] {
        if !is_rfc3339(t) {
            return Err(ExportError::Timestamp(clip(t)));
        }
    }
    let list_uri = options.list_uri.trim_end_matches('/');
    let resource = |id: String| {
        let uri = format!("{list_uri}/{}", encode(&id));
        (id, uri)
    };
    // The id prefix and the provider's id, where that is a valid resource id and URI.
    let derived = |p: &Provider| {
        let (id, uri) = resource(format!("{}{}", options.id_prefix, p.id()));
        (token_problem(&id).is_none() && token_problem(&uri).is_none()).then_some((id, uri))
    };
    let providers: Vec<&Provider> = catalog.custom_providers().collect();
    // The resource ids given so far, starting with those providers keep (imported from
    // ngrok, or given in a document): a derived or positional id repeats none of them.
    let mut taken: HashSet<String> = providers
        .iter()
        .filter_map(|p| p.control_plane().map(|cp| cp.id.clone()))
        .collect();
    let mut out = Vec::new();
    for (place, &p) in providers.iter().enumerate() {
        let cp = match p.control_plane() {
            Some(cp) => cp.clone(),
            None => {
                let (id, uri) = match derived(p).filter(|(id, _)| !taken.contains(id)) {
                    Some(resource) => resource,
                    None => {
                        let mut id = format!("{}:{place}", options.id_prefix);
                        let mut k = 0;
                        while taken.contains(&id) {
                            k += 1;
                            id = format!("{}:{place}:{k}", options.id_prefix);
                        }
                        resource(id)
                    }
                };
                taken.insert(id.clone());
                let mut cp = ControlPlane::new(id, uri);
                cp.created_at.clone_from(&options.created_at);
                cp.updated_at.clone_from(&options.updated_at);
                cp.created_by.clone_from(&options.created_by);
                cp.last_updated_by.clone_from(&options.last_updated_by);
                cp
            }
        };
        let models = served(catalog, p)
            .into_iter()
            .map(|s| {
                let model_id = if s.own { s.model.id() } else { s.upstream };
                // The resource id is set below, once the listing's order is known.
                NgModel {
                    id: String::new(),
                    model_id: model_id.to_owned(),
                }
            })
            .collect();
        let surfaces = p
            .api_surfaces()
            .iter()
            .map(|s| NgSurface {
                format: s.format().as_str().to_owned(),
                surface: s.surface().map(|x| x.as_str().to_owned()),
                supported_params: s.supported_params().map(|ps| {
                    ps.map(|name| NgParam {
                        name: name.to_owned(),
                    })
                    .collect()
                }),
            })
            .collect();
        out.push(NgProvider {
            id: cp.id,
            uri: cp.uri,
            provider_id: p.id().to_owned(),
            name: p.name().to_owned(),
            base_url: p.base_url().unwrap_or_default().to_owned(),
            metadata: p.metadata().map(str::to_owned),
            created_at: cp.created_at,
            updated_at: cp.updated_at,
            created_by: cp.created_by,
            last_updated_by: cp.last_updated_by,
            supported_api_surfaces: surfaces,
            models,
        });
    }
    out.sort_by(|a, b| b.id.cmp(&a.id));
    for w in out.windows(2) {
        if let [a, b] = w {
            if a.id == b.id {
                return Err(ExportError::DuplicateResourceId {
                    id: a.id.clone(),
                    first: a.provider_id.clone(),
                    second: b.provider_id.clone(),
                });
            }
        }
    }
    for (i, p) in out.iter_mut().enumerate() {
        for (j, m) in p.models.iter_mut().enumerate() {
            let id = format!("{}:{}", p.provider_id, m.model_id);
            m.id = match token_problem(&id) {
                None => id,
                Some(_) => format!("aigpm_{i}_{j}"),
            };
        }
        // What the import checks of one provider on its own; the rest (repeated ids, how
        // the models map onto the catalog) the catalog already holds to.
        check_fields("ngrok export", &At::Whole(""), p).map_err(|e| unrepresentable(p, e))?;
    }
    Ok(out)
}

/// The export error for provider `p`, which the import refuses with `e`.
fn unrepresentable(p: &NgProvider, e: ImportError) -> ExportError {
    let (path, message) = match e {
        ImportError::Invalid { path, message, .. }
        | ImportError::Field { path, message, .. }
        | ImportError::TooLarge { path, message, .. } => (path, message),
        other => (String::new(), other.to_string()),
    };
    ExportError::Unrepresentable {
        provider: p.provider_id.clone(),
        path,
        message,
    }
}

/// The page of `entries` (sorted by id descending) before `before`.
fn ngrok_page(
    entries: &[NgProvider],
    options: &NgrokExportOptions,
    before: Option<&str>,
) -> NgList {
    let start = before.map_or(0, |b| entries.partition_point(|e| e.id.as_str() >= b));
    let rest = entries.get(start..).unwrap_or_default();
    let take = rest.len().min(options.limit as usize);
    let page = rest.get(..take).unwrap_or_default();
    let next_page_uri = match (rest.len() > take, page.last()) {
        (true, Some(last)) => Some(options.page_uri(Some(&last.id))),
        _ => None,
    };
    NgList {
        ai_gateway_providers: page.to_vec(),
        uri: options.page_uri(before),
        next_page_uri,
    }
}

/// Exports one page of the catalog's custom providers
/// ([`Catalog::custom_providers`]) as an ngrok `AIGatewayProviderList`.
///
/// Providers are ordered by resource id, descending (byte order); the page starts after
/// [`NgrokExportOptions::before_id`] and holds at most [`NgrokExportOptions::limit`] providers (1 to 100,
/// else [`ExportError::Limit`]). `nextPageUri` is the URI of the following page when more
/// providers remain, else `null`; the list `uri` is this page's URI built the same way, so
/// each page's `nextPageUri` equals the next page's `uri`. See [`NgrokExportOptions`] for the
/// fields derived for providers not imported from ngrok, and for the resource ids: every
/// page imports back, or the export fails with [`ExportError::Unrepresentable`].
///
/// Each provider's `models` lists its own models (`modelId` = the model id) and the models
/// of other providers it offers (`modelId` = its upstream id for them), so that
/// [`import_ngrok`](crate::formats::import_ngrok) gives back the same resolutions. Not representable in this format, and
/// so lost on a round trip: provider and model aliases, whether a key is required, whether
/// the provider is an aggregator, a model's upstream id where it differs from its id, model
/// facts (prices, limits, capabilities), and which model an offer serves where its upstream
/// id is no name of that model (`acme` offering gpt-4o as `my-gpt` imports back as a model
/// `my-gpt` of `acme`'s own).
///
/// ```
/// use model_catalog::formats::{export_ngrok, NgrokExportOptions};
/// use model_catalog::schema::ResourceRef;
/// use model_catalog::{Catalog, CustomProvider};
///
/// let mut b = Catalog::builder();
/// b = b.provider(CustomProvider::new("internal-vllm", "Internal vLLM").model("llama-3", "llama-3"));
/// let c = b.build().unwrap();
/// let me = ResourceRef::new("usr_1", "https://api.ngrok.com/users/usr_1");
/// let json = export_ngrok(&c, &NgrokExportOptions::new("2026-01-01T00:00:00Z", me)).unwrap();
/// assert!(json.starts_with(r#"{"aiGatewayProviders":[{"id":"aigp_internal-vllm","uri":"https://api.ngrok.ai/providers/aigp_internal-vllm","providerId":"internal-vllm""#));
/// assert!(json.ends_with(r#""uri":"https://api.ngrok.ai/providers","nextPageUri":null}"#));
/// ```
pub fn export_ngrok(
    catalog: &Catalog,
    options: &NgrokExportOptions,
) -> Result<String, ExportError> {
    if !(1..=100).contains(&options.limit) {
        return Err(ExportError::Limit(options.limit));
    }
    let entries = ngrok_entries(catalog, options)?;
    to_json(&ngrok_page(&entries, options, options.before_id.as_deref()))
}

/// Exports every page from [`NgrokExportOptions::before_id`] on (from the first page when unset),
/// as [`export_ngrok`] would give them one by one following `nextPageUri`. There is always
/// at least one page (possibly empty).
pub fn export_ngrok_pages(
    catalog: &Catalog,
    options: &NgrokExportOptions,
) -> Result<Vec<String>, ExportError> {
    if !(1..=100).contains(&options.limit) {
        return Err(ExportError::Limit(options.limit));
    }
    let entries = ngrok_entries(catalog, options)?;
    let mut pages = Vec::new();
    let mut before = options.before_id.clone();
    loop {
        let page = ngrok_page(&entries, options, before.as_deref());
        let next = page
            .next_page_uri
            .as_ref()
            .and_then(|_| page.ai_gateway_providers.last())
            .map(|p| p.id.clone());
        pages.push(to_json(&page)?);
        match next {
            Some(id) => before = Some(id),
            None => return Ok(pages),
        }
    }
}
