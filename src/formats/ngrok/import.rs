//! Importing ngrok `AIGatewayProviderList` pages.

use crate::data::json::{self, MAX_DOCUMENT_BYTES};
use crate::data::key::{base_url_problem, fold, provider_name_problem};
use crate::formats::import::{
    check_model_name, check_text, check_token, clip, finish, invalid, parse, At, Importer, Listed,
    Listing,
};
use crate::formats::ngrok::{api_format, is_rfc3339, NgList, NgProvider};
use crate::formats::{ImportError, ImportOptions};
use crate::schema::{ControlPlane, DataFile, ModelEntry, OfferEntry, ProviderEntry, SurfaceEntry};
use crate::{Catalog, Surface};
use std::collections::{HashMap, HashSet};

/// Imports ngrok `AIGatewayProviderList` pages (seed 004, `GET /providers`): one page, or
/// every page of a listing in order.
///
/// Each `AIGatewayProvider` becomes a custom provider: `providerId` is its id (the address
/// segment in `internal-vllm:llama-3`), `name`, `baseUrl` (an empty string is read as no
/// URL), `metadata`, `supportedApiSurfaces` (`format` must be `openai` or `anthropic`,
/// `surface` one of `chat-completions`, `responses`, `messages`; parameter names are
/// printable ASCII, each once), and its `models`, each `modelId` mapped as the
/// [module documentation](crate::formats) describes (the model's `name` is its `modelId`). The resource
/// fields (`id`, `uri`, `createdAt`, `updatedAt`, `createdBy`, `lastUpdatedBy`) are kept in
/// the provider's [`control_plane`](crate::Provider::control_plane) so [`export_ngrok`](crate::formats::export_ngrok)
/// reproduces them; a model's own resource `id` is checked but not kept. Whether the
/// provider requires a key is [`ImportOptions::key_required`] (default yes). A provider
/// that lists no models passes every model string through.
///
/// The schema is enforced as written: `additionalProperties: false` (an unknown field is
/// [`ImportError::Field`]), every required field, `null` only for `nextPageUri`, and
/// `createdAt`/`updatedAt` as RFC 3339 date-times. Beyond the schema, so that nothing
/// imported can forge a log line or a request: the resource ids and URIs (`id`, `uri`,
/// `createdBy` and `lastUpdatedBy`, each model's `id`) must be 1 to 256 bytes of printable
/// ASCII without space; `name` and `metadata` printable text (no control character, line
/// or paragraph separator or bidirectional formatting character); a non-empty `baseUrl` an
/// absolute `http` or `https`
/// URL of printable ASCII without whitespace. Each is [`ImportError::Invalid`] at its path.
///
/// A `providerId` already in the base catalog is a collision like any other, so to refresh
/// the providers from ngrok, import the new listing onto the catalog the previous import was
/// built on, not onto its result.
///
/// **Several pages.** The schema says only that `nextPageUri` is the "URI of the next page
/// of results, or null if there is no next page", and a list's `uri` need not be the URI it
/// was fetched from, so the chain check is: every page but the last has a non-null
/// `nextPageUri`, the last has `null` (else a page is missing), and no two pages give the
/// same `nextPageUri` (a page repeated). A `providerId` (ASCII case ignored) or a resource
/// `id` appearing twice, on one page or across pages, is an error.
///
/// ```
/// use model_catalog::formats::{import_ngrok, ImportOptions};
/// use model_catalog::Catalog;
///
/// let page = r#"{
///   "aiGatewayProviders": [{
///     "id": "aigp_2abc", "uri": "https://api.ngrok.ai/providers/aigp_2abc",
///     "providerId": "internal-vllm", "name": "Internal vLLM",
///     "baseUrl": "http://vllm.internal:8000/v1",
///     "createdAt": "2026-01-05T10:00:00Z", "updatedAt": "2026-01-06T10:00:00Z",
///     "createdBy": {"id": "usr_1", "uri": "https://api.ngrok.com/users/usr_1"},
///     "lastUpdatedBy": {"id": "usr_1", "uri": "https://api.ngrok.com/users/usr_1"},
///     "supportedApiSurfaces": [{"format": "openai", "surface": "chat-completions"}],
///     "models": [{"id": "aigpm_1", "modelId": "llama-3"}]
///   }],
///   "uri": "https://api.ngrok.ai/providers",
///   "nextPageUri": null
/// }"#;
/// let c = import_ngrok(Catalog::builtin(), &[page], &ImportOptions::new()).unwrap();
/// let r = c.resolve_model("internal-vllm:llama-3").unwrap();
/// assert_eq!(r.model.unwrap().id(), "llama-3");
/// assert!(r.provider.caller_key_required());
/// assert_eq!(r.provider.control_plane().unwrap().id, "aigp_2abc");
/// ```
pub fn import_ngrok<S: AsRef<str>>(
    base: &Catalog,
    pages: &[S],
    options: &ImportOptions,
) -> Result<Catalog, ImportError> {
    let total = pages
        .iter()
        .fold(0usize, |n, p| n.saturating_add(p.as_ref().len()));
    if total > MAX_DOCUMENT_BYTES {
        return Err(ImportError::TooLarge {
            document: "ngrok pages".to_owned(),
            path: ".".to_owned(),
            message: format!(
                "the pages are {total} bytes long together; at most {MAX_DOCUMENT_BYTES} are read"
            ),
        });
    }
    let mut parsed = Vec::with_capacity(pages.len());
    for (n, text) in pages.iter().enumerate() {
        let document = format!("ngrok page {}", n + 1);
        let list: NgList = parse(&document, text.as_ref(), &json::everywhere)?;
        parsed.push((document, list));
    }
    // The page chain.
    let last = parsed.len().saturating_sub(1);
    let mut next_uris: HashMap<&str, &str> = HashMap::new();
    for (n, (document, list)) in parsed.iter().enumerate() {
        match (&list.next_page_uri, n == last) {
            (Some(next), true) => {
                return Err(invalid(
                    document,
                    "nextPageUri",
                    format!(
                    "names a next page (`{}`), but no page follows: give every page of the listing",
                    clip(next)
                ),
                ))
            }
            (None, false) => {
                return Err(invalid(
                    document,
                    "nextPageUri",
                    format!(
                        "is null, which marks the last page, but {} more page(s) follow",
                        last - n
                    ),
                ))
            }
            (Some(next), false) => {
                if let Some(first) = next_uris.insert(next, document) {
                    return Err(invalid(
                        document,
                        "nextPageUri",
                        format!(
                            "`{}` is also the next page of {first}: a page is given twice",
                            clip(next)
                        ),
                    ));
                }
            }
            (None, true) => {}
        }
    }
    let (names, lists): (Vec<String>, Vec<NgList>) = parsed.into_iter().unzip();
    let mut importer = Importer::new(base, options);
    // Where each provider id and resource id was first listed: (page, index).
    let mut provider_ids: HashMap<String, (usize, usize)> = HashMap::new();
    let mut resource_ids: HashMap<String, (usize, usize)> = HashMap::new();
    let place = |(n, i): (usize, usize)| format!("{}, `aiGatewayProviders[{i}]`", names[n]);
    let mut docs = Vec::new();
    for (n, list) in lists.into_iter().enumerate() {
        let document = names[n].as_str();
        let providers = At::Whole("aiGatewayProviders");
        for (i, p) in list.ai_gateway_providers.into_iter().enumerate() {
            let at = At::Item(&providers, i);
            let path = |field| At::Field(&at, field);
            check_fields(document, &at, &p)?;
            if let Some(first) = provider_ids.insert(fold(&p.provider_id), (n, i)) {
                return Err(invalid(
                    document,
                    &path("providerId"),
                    format!(
                        "provider `{}` is listed twice (first at {})",
                        clip(&p.provider_id),
                        place(first)
                    ),
                ));
            }
            if let Some(first) = resource_ids.insert(p.id.clone(), (n, i)) {
                return Err(invalid(
                    document,
                    &path("id"),
                    format!(
                        "resource id `{}` is listed twice (first at {})",
                        clip(&p.id),
                        place(first)
                    ),
                ));
            }
            let surfaces = path("supportedApiSurfaces");
            let mut api_surfaces = Vec::with_capacity(p.supported_api_surfaces.len());
            for (j, s) in p.supported_api_surfaces.into_iter().enumerate() {
                let sp = At::Item(&surfaces, j);
                let format = api_format(&s.format).ok_or_else(|| {
                    invalid(
                        document,
                        &At::Field(&sp, "format"),
                        format!(
                            "unknown API format `{}` (expected openai or anthropic)",
                            clip(&s.format)
                        ),
                    )
                })?;
                let surface = match &s.surface {
                    None => None,
                    Some(name) => Some(name.parse::<Surface>().map_err(|e| {
                        invalid(document, &At::Field(&sp, "surface"), e.to_string())
                    })?),
                };
                let mut entry = SurfaceEntry::new(format);
                entry.surface = surface;
                entry.supported_params = s
                    .supported_params
                    .map(|list| list.into_iter().map(|p| p.name).collect());
                api_surfaces.push(entry);
            }
            let mut doc = DataFile::default();
            for (j, m) in p.models.into_iter().enumerate() {
                let listing = Listing {
                    document,
                    list: "aiGatewayProviders",
                    index: i,
                    model: Some(j),
                };
                match importer.classify(listing, &p.provider_id, &m.model_id)? {
                    Listed::Belongs => {}
                    Listed::Offer(model) => doc.offers.push(OfferEntry::new(model, m.model_id)),
                    Listed::New => doc
                        .models
                        .push(ModelEntry::new(m.model_id.clone(), m.model_id)),
                }
            }
            let mut control_plane = ControlPlane::new(p.id, p.uri);
            control_plane.created_at = p.created_at;
            control_plane.updated_at = p.updated_at;
            control_plane.created_by = p.created_by;
            control_plane.last_updated_by = p.last_updated_by;
            let mut provider = ProviderEntry::new(p.provider_id, p.name);
            provider.base_url = (!p.base_url.is_empty()).then_some(p.base_url);
            provider.key_required = options.key_required;
            provider.api_surfaces = api_surfaces;
            provider.metadata = p.metadata;
            provider.control_plane = Some(control_plane);
            doc.provider = Some(provider);
            docs.push((format!("{document}, `aiGatewayProviders[{i}]`"), doc));
        }
    }
    finish(base, options, docs)
}

/// Checks the fields of one listed provider, `p` at `at` of `document`, as the import
/// requires them (everything but what depends on other entries: repeated ids, and how the
/// listed models map onto the catalog). The export checks what it writes with this too, so
/// that it never writes a page this import refuses.
pub(super) fn check_fields(document: &str, at: &At<'_>, p: &NgProvider) -> Result<(), ImportError> {
    let path = |field| At::Field(at, field);
    if let Some(why) = provider_name_problem(&p.provider_id) {
        return Err(invalid(
            document,
            &path("providerId"),
            format!("`{}` {why}", clip(&p.provider_id)),
        ));
    }
    let tokens = [
        ("id", &p.id),
        ("uri", &p.uri),
        ("createdBy.id", &p.created_by.id),
        ("createdBy.uri", &p.created_by.uri),
        ("lastUpdatedBy.id", &p.last_updated_by.id),
        ("lastUpdatedBy.uri", &p.last_updated_by.uri),
    ];
    for (field, value) in tokens {
        check_token(document, &path(field), value)?;
    }
    if p.name.trim().is_empty() {
        return Err(invalid(document, &path("name"), "the name is empty"));
    }
    check_text(document, &path("name"), &p.name)?;
    if let Some(m) = &p.metadata {
        check_text(document, &path("metadata"), m)?;
    }
    if !p.base_url.is_empty() {
        if let Some(why) = base_url_problem(&p.base_url) {
            return Err(invalid(
                document,
                &path("baseUrl"),
                format!("`{}` {why}", clip(&p.base_url)),
            ));
        }
    }
    for (field, value) in [("createdAt", &p.created_at), ("updatedAt", &p.updated_at)] {
        if !is_rfc3339(value) {
            return Err(invalid(
                document,
                &path(field),
                format!("`{}` is not an RFC 3339 date-time", clip(value)),
            ));
        }
    }
    let surfaces = path("supportedApiSurfaces");
    for (j, s) in p.supported_api_surfaces.iter().enumerate() {
        let sp = At::Item(&surfaces, j);
        if api_format(&s.format).is_none() {
            return Err(invalid(
                document,
                &At::Field(&sp, "format"),
                format!(
                    "unknown API format `{}` (expected openai or anthropic)",
                    clip(&s.format)
                ),
            ));
        }
        if let Some(name) = &s.surface {
            if let Err(e) = name.parse::<Surface>() {
                return Err(invalid(document, &At::Field(&sp, "surface"), e.to_string()));
            }
        }
        if let Some(list) = &s.supported_params {
            let listed = At::Field(&sp, "supportedParams");
            let mut seen: HashSet<&str> = HashSet::with_capacity(list.len());
            for (k, param) in list.iter().enumerate() {
                let item = At::Item(&listed, k);
                let pp = At::Field(&item, "name");
                let name = &param.name;
                if name.is_empty() || !name.bytes().all(|b| b.is_ascii_graphic()) {
                    return Err(invalid(
                        document,
                        &pp,
                        format!("`{}` is not a parameter name", clip(name)),
                    ));
                }
                if !seen.insert(name) {
                    return Err(invalid(
                        document,
                        &pp,
                        format!("parameter `{}` is listed twice", clip(name)),
                    ));
                }
            }
        }
    }
    let models = path("models");
    for (j, m) in p.models.iter().enumerate() {
        let item = At::Item(&models, j);
        check_token(document, &At::Field(&item, "id"), &m.id)?;
        check_model_name(document, &At::Field(&item, "modelId"), &m.model_id)?;
    }
    Ok(())
}
