//! Import and export of the seeds' wire formats (`model_catalog::formats`): the seeds' own
//! example documents, malformed documents (errors name the JSON path; the base is
//! untouched), collisions with built-in names, round trips, byte-stable exports and ngrok
//! pagination; imported documents, kept as their JSON text, read on first use as the
//! builder reads them.

use model_catalog::formats::{
    export_documents, export_inference_api, export_ngrok, export_ngrok_pages, export_openai_models,
    export_openai_models_detailed, import_documents, import_inference_api, import_ngrok,
    import_openai_models, ExportError, ImportError, ImportOptions, NgrokExportOptions,
    TargetProvider, INFERENCE_API_MARKUP,
};
use model_catalog::schema::{ModelEntry, ProviderEntry, ResourceRef};
use model_catalog::{
    ApiFormat, Capability, Catalog, CustomProvider, Markup, Modality, Model, Offer, Price, Pricing,
    Support, Surface,
};
use serde::Deserialize;
use serde_json::{json, Value};

const SEED002: &str = include_str!("fixtures/seed002_models.json");
const SEED003_TOP: &str = include_str!("fixtures/seed003_top.json");
const SEED003_BASIC: &str = include_str!("fixtures/seed003_basic.json");
const SEED003_DETAILED: &str = include_str!("fixtures/seed003_detailed.json");
const SEED004: &str = include_str!("fixtures/seed004_page.json");

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

mod common;
use common::answer;

/// (provider id, model id, upstream id, pass-through?), or the error kind.
type Answer = Result<common::Resolved, String>;

fn ok(c: &Catalog, input: &str) -> (String, Option<String>, String, bool) {
    answer(c, input).unwrap_or_else(|e| panic!("{input}: {e}"))
}

/// Every model key of `c` (ids, upstream ids, aliases), every `provider:key` for its custom
/// providers, and pass-through probes.
fn probes(c: &Catalog) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for m in c.models() {
        keys.push(m.id().to_owned());
        keys.push(m.upstream_id().to_owned());
        keys.extend(m.aliases().map(str::to_owned));
        for o in c.offers_of(m) {
            keys.push(o.upstream_id().to_owned());
        }
    }
    let mut out = keys.clone();
    let extra = [
        "some-unknown-model",
        "Meta-Llama/Llama-3.3-70B",
        "gpt-4o",
        "claude-opus-4-6",
        "gpt-oss-20b",
    ];
    for p in c.custom_providers() {
        let own: Vec<String> = c
            .models_of(p.id())
            .unwrap_or_default()
            .iter()
            .map(|m| m.id().to_owned())
            .collect();
        for k in own.iter().chain(
            extra
                .iter()
                .map(|s| (*s).to_owned())
                .collect::<Vec<_>>()
                .iter(),
        ) {
            out.push(format!("{}:{k}", p.id()));
            out.push(format!("{}/{k}", p.id()));
        }
    }
    out.extend(["openai:gpt-5-preview", "foo:bar", "gpt4o"].map(str::to_owned));
    out
}

/// Asserts `a` and `b` answer every probe of both the same way.
fn same_answers(a: &Catalog, b: &Catalog) {
    let mut inputs = probes(a);
    inputs.extend(probes(b));
    for input in &inputs {
        assert_eq!(answer(a, input), answer(b, input), "{input}");
    }
}

/// A catalog with a custom provider, to use as a non-trivial base.
fn custom_base() -> Catalog {
    let mut b = Catalog::builder();
    b = b.provider(
        CustomProvider::new("corp-proxy", "Corp proxy")
            .base_url("https://proxy.corp.example/v1")
            .model("corp-model", "corp-model"),
    );
    b.build().unwrap()
}

/// The answers of `base` to a fixed set of inputs, to check an import left it alone.
fn snapshot(base: &Catalog) -> Vec<Answer> {
    [
        "gpt-4o",
        "corp-model",
        "corp-proxy:anything",
        "internal-vllm:llama-3",
        "llama-3",
        "nano-proxy:gpt-5.2",
        "x:y",
    ]
    .iter()
    .map(|i| answer(base, i))
    .collect()
}

fn me() -> ResourceRef {
    ResourceRef::new("usr_2abc", "https://api.ngrok.com/users/usr_2abc")
}

fn ngrok_options() -> NgrokExportOptions {
    NgrokExportOptions::new("2026-01-01T00:00:00Z", me())
}

/// Asserts `result` failed with `kind` at `path`, and returns the message.
fn fails(result: Result<Catalog, ImportError>, kind: &str, path: &str) -> String {
    let e = result.expect_err("the import must fail");
    assert_eq!(e.kind(), kind, "{e}");
    assert_eq!(e.path(), Some(path), "{e}");
    e.to_string()
}

fn page(providers: Value, next: Option<&str>) -> String {
    json!({
        "aiGatewayProviders": providers,
        "uri": "https://api.ngrok.ai/providers",
        "nextPageUri": next,
    })
    .to_string()
}

fn ngrok_provider(resource: &str, provider_id: &str) -> Value {
    json!({
        "id": resource,
        "uri": format!("https://api.ngrok.ai/providers/{resource}"),
        "providerId": provider_id,
        "name": provider_id,
        "baseUrl": "http://localhost:8000/v1",
        "createdAt": "2026-01-01T00:00:00Z",
        "updatedAt": "2026-01-01T00:00:00Z",
        "createdBy": {"id": "usr_1", "uri": "https://api.ngrok.com/users/usr_1"},
        "lastUpdatedBy": {"id": "usr_1", "uri": "https://api.ngrok.com/users/usr_1"},
        "supportedApiSurfaces": [{"format": "openai", "surface": "chat-completions", "supportedParams": [{"name": "model"}]}],
        "models": [{"id": format!("aigpm_{provider_id}"), "modelId": format!("{provider_id}-model")}]
    })
}

/// The seed 004 fixture with one change at a JSON pointer.
fn seed004_with(pointer: &str, value: Option<Value>) -> String {
    let mut v: Value = serde_json::from_str(SEED004).unwrap();
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let target = v.pointer_mut(parent).unwrap();
    match (target, value) {
        (Value::Object(m), Some(x)) => {
            m.insert(key.to_owned(), x);
        }
        (Value::Object(m), None) => {
            m.remove(key);
        }
        (Value::Array(a), Some(x)) => a[key.parse::<usize>().unwrap()] = x,
        (Value::Array(a), None) => {
            a.remove(key.parse::<usize>().unwrap());
        }
        _ => panic!("bad pointer {pointer}"),
    }
    v.to_string()
}

/// The offer of model `m` that `provider` makes in `c`; panics where there is none.
fn offer_at<'c>(c: &'c Catalog, m: &'c Model, provider: &str) -> &'c Offer {
    c.offers_of(m)
        .into_iter()
        .find(|o| o.provider_id() == provider)
        .unwrap_or_else(|| panic!("no offer of {} at {provider}", m.id()))
}

fn nano_proxy() -> TargetProvider {
    TargetProvider::new("nano-proxy", "Nano proxy")
}

// ---------------------------------------------------------------------------------------
// Seed documents
// ---------------------------------------------------------------------------------------

#[test]
fn seed004_page_imports_as_custom_providers() {
    let base = Catalog::builtin();
    let c = import_ngrok(base, &[SEED004], &ImportOptions::new()).unwrap();
    assert_eq!(c.custom_providers().count(), 3);

    let vllm = c.lookup_provider("internal-vllm").unwrap();
    assert_eq!(vllm.name(), "Internal vLLM");
    assert_eq!(vllm.base_url(), Some("http://vllm.internal:8000/v1"));
    assert_eq!(
        vllm.metadata(),
        Some(r#"{"team": "ml-platform", "region": "us-east-1"}"#)
    );
    assert!(vllm.caller_key_required());
    let cp = vllm.control_plane().unwrap();
    assert_eq!(cp.id, "aigp_2xk9QfR7vLmN3pT8sW1yZ4aB6cD");
    assert_eq!(cp.updated_at, "2026-02-03T16:45:12.250Z");
    assert_eq!(cp.created_by.id, "usr_2abcDEFghiJKLmnoPQRstu");
    let chat = vllm.surface(Surface::ChatCompletions).unwrap();
    assert_eq!(chat.format(), ApiFormat::Openai);
    assert_eq!(chat.accepts("temperature"), Support::Yes);
    assert_eq!(chat.accepts("thinking"), Support::No);

    assert_eq!(
        ok(&c, "internal-vllm:llama-3"),
        (
            "internal-vllm".into(),
            Some("llama-3".into()),
            "llama-3".into(),
            false
        )
    );
    assert_eq!(ok(&c, "qwen-coder").0, "internal-vllm");
    // A listed model that the catalog knows becomes an offer; the built-in stays home.
    assert_eq!(
        ok(&c, "ollama-lab:gpt-oss-20b"),
        (
            "ollama-lab".into(),
            Some("gpt-oss-20b".into()),
            "gpt-oss-20b".into(),
            false
        )
    );
    assert_eq!(ok(&c, "gpt-oss-20b"), ok(base, "gpt-oss-20b"));
    assert_eq!(ok(&c, "llama3.1:8b").0, "ollama-lab");
    // A provider with no models passes everything through.
    assert_eq!(
        ok(&c, "lmstudio:qwen/qwen3-4b"),
        ("lmstudio".into(), None, "qwen/qwen3-4b".into(), true)
    );
    let lm = c.lookup_provider("lmstudio").unwrap();
    assert_eq!(
        lm.surface(Surface::Messages).unwrap().format(),
        ApiFormat::Anthropic
    );
    assert!(lm
        .surface(Surface::Messages)
        .unwrap()
        .supported_params()
        .is_none());
    // Listed models of another provider are refused, as for any provider listing models.
    assert_eq!(
        answer(&c, "internal-vllm:gpt-4o"),
        Err("model_not_offered".into())
    );

    // key_required follows the options.
    let c = import_ngrok(base, &[SEED004], &ImportOptions::new().key_required(false)).unwrap();
    assert!(!c.lookup_provider("lmstudio").unwrap().caller_key_required());
}

#[test]
fn seed003_top_example_imports_as_an_offer_with_its_prices() {
    let base = Catalog::builtin();
    let c = import_openai_models(base, SEED003_TOP, &nano_proxy(), &ImportOptions::new()).unwrap();
    assert_eq!(
        ok(&c, "nano-proxy:gpt-5.2"),
        (
            "nano-proxy".into(),
            Some("gpt-5.2".into()),
            "openai/gpt-5.2".into(),
            false
        )
    );
    let m = c.lookup_model("gpt-5.2").unwrap();
    let offer = offer_at(&c, m, "nano-proxy");
    assert_eq!(offer.own_pricing().input, Some("0.00015".parse().unwrap()));
    assert_eq!(offer.own_pricing().output, Some("0.0006".parse().unwrap()));
    // Its `context_length` (128000) is the offer's own context window, which a request
    // through it is checked against; the listing gives no output limit.
    assert_eq!(offer.context_window(), Some(128_000));
    assert_eq!(offer.max_output_tokens(), None);
    let through = c.resolve_model("nano-proxy:gpt-5.2").unwrap();
    assert_eq!(through.context_window(), Some(128_000));
    assert_eq!(through.max_output_tokens(), m.max_output_tokens());
    assert_ne!(m.context_window(), Some(128_000));
    // The bare id still goes to OpenAI, with OpenAI's facts.
    assert_eq!(ok(&c, "gpt-5.2"), ok(base, "gpt-5.2"));
    assert_eq!(m.name(), "GPT-5.2");
}

#[test]
fn seed003_basic_and_detailed_examples_import() {
    let base = Catalog::builtin();
    let c =
        import_openai_models(base, SEED003_BASIC, &nano_proxy(), &ImportOptions::new()).unwrap();
    assert_eq!(
        ok(&c, "nano-proxy:anthropic/claude-opus-4.6").1.as_deref(),
        Some("claude-opus-4-6")
    );
    assert_eq!(
        ok(&c, "nano-proxy:claude-opus-4-6").2,
        "anthropic/claude-opus-4.6"
    );
    let opus = c.lookup_model("claude-opus-4-6").unwrap();
    let offer = offer_at(&c, opus, "nano-proxy");
    assert!(
        offer.own_pricing().is_empty(),
        "the basic list has no prices"
    );

    let c =
        import_openai_models(base, SEED003_DETAILED, &nano_proxy(), &ImportOptions::new()).unwrap();
    let opus = c.lookup_model("claude-opus-4-6").unwrap();
    let offer = offer_at(&c, opus, "nano-proxy");
    assert_eq!(
        offer.own_pricing(),
        Pricing::new()
            .input("15".parse().unwrap())
            .output("75".parse().unwrap())
    );
    let gpt = c.lookup_model("gpt-5.2").unwrap();
    let offer = offer_at(&c, gpt, "nano-proxy");
    assert_eq!(offer.own_pricing().input, Some("2.5".parse().unwrap()));
    assert_eq!(offer.own_pricing().output, Some("10".parse().unwrap()));
    // The detailed example's limits: 128000 / 16384 for gpt-5.2, 200000 / 8192 for Opus.
    assert_eq!(
        (offer.context_window(), offer.max_output_tokens()),
        (Some(128_000), Some(16_384))
    );
    let opus_offer = offer_at(&c, opus, "nano-proxy");
    assert_eq!(
        (opus_offer.context_window(), opus_offer.max_output_tokens()),
        (Some(200_000), Some(8_192))
    );
    // Exported as the provider's list, the offers carry their own limits.
    let listed = export_openai_models_detailed(&c, Some("nano-proxy")).unwrap();
    assert!(
        listed.contains(r#""id":"openai/gpt-5.2","#)
            && listed.contains(r#""context_length":128000,"max_output_tokens":16384"#),
        "{listed}"
    );

    // Into NanoGPT itself: it already serves both, so nothing is added.
    for json in [SEED003_TOP, SEED003_BASIC, SEED003_DETAILED] {
        let c = import_openai_models(
            base,
            json,
            &TargetProvider::existing("NanoGPT"),
            &ImportOptions::new(),
        );
        // `NanoGPT` is not an id or alias of nano-gpt: an unknown provider.
        assert_eq!(c.unwrap_err().kind(), "catalog");
        let c = import_openai_models(
            base,
            json,
            &TargetProvider::existing("nano-gpt"),
            &ImportOptions::new(),
        )
        .unwrap();
        assert!(c.is_builtin());
    }
}

#[test]
fn detailed_fields_make_new_models() {
    let json = r#"{"object": "list", "data": [
      {"id": "acme/vision-1", "object": "model", "created": 1704067200, "owned_by": "Acme",
       "name": "Acme Vision 1", "description": "Sees things", "context_length": 32000,
       "max_output_tokens": 4096,
       "capabilities": {"vision": true, "reasoning": false, "tool_calling": true,
                        "parallel_tool_calls": false, "structured_output": true, "pdf_upload": true,
                        "telepathy": true},
       "pricing": {"prompt": 0.15, "completion": 0.6, "currency": "USD", "unit": "per_million_tokens"},
       "icon_url": "/icons/Acme.svg", "cost_estimate": {"cheap": true}, "category": "mini",
       "distillationPolicy": {"status": "allowed", "label": "License permits distillation",
          "basis": "permissive-open-weights", "sourceUrl": "https://example.com/terms", "note": "n",
          "extra": 1},
       "some_future_field": [1, 2, 3]},
      {"id": "acme/text-1", "context_length": null, "max_output_tokens": null, "capabilities": {"reasoning": true}}
    ]}"#;
    let c = import_openai_models(
        Catalog::builtin(),
        json,
        &TargetProvider::new("acme", "Acme"),
        &ImportOptions::new(),
    )
    .unwrap();
    let m = c.lookup_model("acme/vision-1").unwrap();
    assert_eq!(m.provider_id(), "acme");
    assert_eq!(m.name(), "Acme Vision 1");
    assert_eq!(m.description(), Some("Sees things"));
    assert_eq!(m.vendor(), Some("acme"));
    assert_eq!(m.category(), Some("mini"));
    assert_eq!(
        (m.context_window(), m.max_output_tokens()),
        (Some(32000), Some(4096))
    );
    assert_eq!(
        m.input_modalities().unwrap().iter().collect::<Vec<_>>(),
        [Modality::Text, Modality::Image, Modality::File]
    );
    assert_eq!(m.capability(Capability::Tools), Support::Yes);
    assert_eq!(m.capability(Capability::ParallelTools), Support::No);
    assert_eq!(m.capability(Capability::Reasoning), Support::No);
    assert_eq!(m.capability(Capability::StructuredOutput), Support::Yes);
    assert_eq!(m.capability(Capability::Pdf), Support::Yes);
    assert_eq!(
        m.pricing().input,
        Some(Price::from_picos_per_token(150_000))
    );
    assert_eq!(
        m.pricing().output,
        Some(Price::from_picos_per_token(600_000))
    );
    assert_eq!(m.release_date(), None, "`created` is not a release date");
    let d = m.distillation_policy().unwrap();
    assert_eq!(
        (d.status(), d.source_url()),
        (Some("allowed"), Some("https://example.com/terms"))
    );

    let t = c.lookup_model("acme/text-1").unwrap();
    assert_eq!(t.name(), "acme/text-1");
    assert_eq!(t.context_window(), None);
    assert_eq!(
        t.input_modalities(),
        None,
        "vision unknown: modalities unknown"
    );
    assert_eq!(t.capability(Capability::Reasoning), Support::Yes);
    assert_eq!(t.capability(Capability::Tools), Support::Unknown);
    assert!(t.pricing().is_empty());
}

#[test]
fn seed002_models_import_with_the_markup_removed() {
    let base = Catalog::builtin();
    let c = import_inference_api(base, SEED002, &ImportOptions::new()).unwrap();
    // Known models at their own provider add nothing.
    for id in [
        "gpt-5.2",
        "claude-opus-4-6",
        "gemini-3-flash-preview",
        "seedream-4.5",
    ] {
        assert_eq!(ok(&c, id), ok(base, id), "{id}");
        assert_eq!(
            c.lookup_model(id).unwrap().pricing(),
            base.lookup_model(id).unwrap().pricing()
        );
    }
    // A new OpenAI model.
    let cmo = c.lookup_model("cmo-agent").unwrap();
    assert_eq!(cmo.provider_id(), "openai");
    assert_eq!(cmo.name(), "CMO Agent");
    assert_eq!(cmo.pricing().input, Some("1.75".parse().unwrap()));
    assert_eq!(cmo.pricing().output, Some("14".parse().unwrap()));
    assert_eq!(cmo.capability(Capability::Tools), Support::Yes);
    assert_eq!(cmo.capability(Capability::Vision), Support::No);
    assert_eq!(
        (cmo.context_window(), cmo.max_output_tokens()),
        (Some(400_000), Some(128_000))
    );
    // OpenRouter: already offered (nothing), offers of known models, a new model.
    assert_eq!(
        ok(&c, "openrouter:meta-llama/llama-4-maverick"),
        ok(base, "openrouter:meta-llama/llama-4-maverick")
    );
    assert_eq!(
        ok(&c, "openrouter:deepseek/deepseek-v3.2"),
        (
            "openrouter".into(),
            Some("deepseek-v3.2".into()),
            "deepseek/deepseek-v3.2".into(),
            false
        )
    );
    // The built-in catalog already offers deepseek-v3.2 at OpenRouter since the refresh from
    // the references (models.dev providers/openrouter/models/deepseek/deepseek-v3.2.toml
    // [cost] input = 0.2288, output = 0.3432), so the import keeps that offer and its prices
    // rather than seed 002's (0.28 / 0.41 without the markup).
    let ds = c.lookup_model("deepseek-v3.2").unwrap();
    let offer = offer_at(&c, ds, "openrouter");
    assert_eq!(offer.own_pricing().input, Some("0.2288".parse().unwrap()));
    assert_eq!(offer.own_pricing().output, Some("0.3432".parse().unwrap()));
    assert_eq!(
        ok(&c, "openrouter:x-ai/grok-4.3").1.as_deref(),
        Some("grok-4.3")
    );
    // The built-in catalog already offers it at OpenRouter, with OpenRouter's output limit
    // (models.dev providers/openrouter/models/x-ai/grok-4.3.toml: [limit] output =
    // 1_000_000): the import keeps that offer, not the listing's 128000.
    let grok = c.resolve_model("openrouter:x-ai/grok-4.3").unwrap();
    assert_eq!(grok.offer.unwrap().max_output_tokens(), Some(1_000_000));
    let qwen = c.lookup_model("qwen/qwen3-coder").unwrap();
    assert_eq!(qwen.provider_id(), "openrouter");
    assert_eq!(qwen.pricing().input, Some("0.22".parse().unwrap()));
    assert_eq!(qwen.pricing().output, Some("0.95".parse().unwrap()));
    // Unlisted strings still pass through the aggregator.
    assert!(ok(&c, "openrouter:mistralai/mistral-large").3);

    // A listed model that becomes a new offer takes the listing's limits as its own.
    let listing = r#"{"models": [{"id": "gpt-4o", "name": "GPT-4o", "provider": "vertex",
        "context_window": 64000, "max_output_tokens": 8000}]}"#;
    let v = import_inference_api(base, listing, &ImportOptions::new()).unwrap();
    let r = v.resolve_model("vertex:gpt-4o").unwrap();
    assert_eq!(r.model.unwrap().provider_id(), "openai");
    assert_eq!(
        (r.context_window(), r.max_output_tokens()),
        (Some(64_000), Some(8_000))
    );
    assert_eq!(r.model.unwrap().context_window(), Some(128_000));

    // Under `data` instead of `models`; with another markup the prices differ.
    let data = SEED002.replacen("\"models\"", "\"data\"", 1);
    let c2 = import_inference_api(base, &data, &ImportOptions::new()).unwrap();
    same_answers(&c, &c2);
    let c3 =
        import_inference_api(base, SEED002, &ImportOptions::new().markup(Markup::NONE)).unwrap();
    assert_eq!(
        c3.lookup_model("cmo-agent").unwrap().pricing().input,
        Some("2.45".parse().unwrap())
    );
}

#[test]
fn own_documents_import() {
    let json = r#"[
      {"provider": {"id": "internal", "name": "Internal", "key_required": false},
       "models": [{"id": "m1", "name": "M1", "aliases": ["m-one"]}]},
      {"extends": "openai", "aliases": [{"alias": "my-gpt", "target": "gpt-4o"}]}
    ]"#;
    let c = import_documents(Catalog::builtin(), "extra.json", json).unwrap();
    assert_eq!(ok(&c, "m-one").1.as_deref(), Some("m1"));
    assert_eq!(ok(&c, "my-gpt").1.as_deref(), Some("gpt-4o"));
    // One document rather than an array works too.
    let c = import_documents(
        Catalog::builtin(),
        "one.json",
        r#"{"extends": "openai", "aliases": [{"alias": "g", "target": "gpt-4o"}]}"#,
    )
    .unwrap();
    assert_eq!(ok(&c, "g").0, "openai");
}

/// Two documents: a new provider with two models, and an alias of a built-in model.
const TWO_DOCUMENTS: &str = r#"[
  {"provider": {"id": "lazy-co", "name": "Lazy Co", "base_url": "https://lazy.example/v1",
                "key_required": true},
   "models": [{"id": "lazy-1", "name": "Lazy 1", "upstream_id": "vendor/lazy-1"},
              {"id": "lazy-2", "name": "Lazy 2", "aliases": ["l2"]}]},
  {"extends": "openai", "aliases": [{"alias": "lazy-4o", "target": "gpt-4o"}]}
]"#;

/// One document of a base catalog's.
const BASE_DOCUMENT: &str = r#"{"provider": {"id": "base-co", "name": "Base Co",
  "base_url": "https://base.example/v1", "key_required": false},
  "models": [{"id": "base-1", "name": "Base 1"}]}"#;

/// The documents' names, and for each its provider id or the provider it extends, its
/// model ids and its aliases as (alias, target).
type Outline = Vec<(String, String, Vec<String>, Vec<(String, String)>)>;

fn outline(c: &Catalog) -> Outline {
    c.documents()
        .iter()
        .map(|(name, d)| {
            let provider = d.provider.as_ref().map(|p| p.id.clone());
            (
                name.clone(),
                provider.or_else(|| d.extends.clone()).unwrap_or_default(),
                d.models.iter().map(|m| m.id.clone()).collect(),
                d.aliases
                    .iter()
                    .map(|a| (a.alias.clone(), a.target.clone()))
                    .collect(),
            )
        })
        .collect()
}

/// `x`, owned.
fn s(x: &str) -> String {
    x.to_owned()
}

/// The outline of `TWO_DOCUMENTS` imported as `x.json`, typed from the JSON.
fn two_documents_outline() -> Outline {
    vec![
        (
            s("x.json[0]"),
            s("lazy-co"),
            vec![s("lazy-1"), s("lazy-2")],
            vec![],
        ),
        (
            s("x.json[1]"),
            s("openai"),
            vec![],
            vec![(s("lazy-4o"), s("gpt-4o"))],
        ),
    ]
}

/// The catalog `CatalogBuilder::json` builds from `TWO_DOCUMENTS` named `x.json`.
fn built_by_the_builder() -> Catalog {
    Catalog::builder()
        .json("x.json", TWO_DOCUMENTS)
        .unwrap()
        .build()
        .unwrap()
}

#[test]
fn imported_documents_are_named_and_typed_as_the_builder_reads_them() {
    let c = import_documents(Catalog::builtin(), "x.json", TWO_DOCUMENTS).unwrap();
    // Counted without asking for the documents.
    assert!(format!("{c:?}").contains("overlay_documents: 2"), "{c:?}");
    assert_eq!(outline(&c), two_documents_outline());
    let docs = c.documents();
    let m = &docs[0].1.models[0];
    assert_eq!(
        (m.name.as_str(), m.upstream_id.as_deref()),
        ("Lazy 1", Some("vendor/lazy-1"))
    );
    assert_eq!(docs[0].1.models[1].aliases, ["l2"]);
    assert_eq!(c.documents(), built_by_the_builder().documents());
    // Asked again: the same documents, not read again.
    assert!(std::ptr::eq(c.documents(), docs));
    assert_eq!(
        ok(&c, "l2"),
        (s("lazy-co"), Some(s("lazy-2")), s("lazy-2"), false)
    );
    assert_eq!(ok(&c, "lazy-4o").1.as_deref(), Some("gpt-4o"));

    // A single document object is named as given.
    let one = import_documents(Catalog::builtin(), "one.json", BASE_DOCUMENT).unwrap();
    assert_eq!(
        outline(&one),
        [(s("one.json"), s("base-co"), vec![s("base-1")], vec![])]
    );
    // An empty array adds nothing.
    let none = import_documents(&one, "empty.json", "[]").unwrap();
    assert_eq!(none.documents(), one.documents());
}

#[test]
fn imported_documents_follow_the_base_catalogs() {
    let expected = |base_name: &str| {
        let mut out = vec![(s(base_name), s("base-co"), vec![s("base-1")], vec![])];
        out.extend(two_documents_outline());
        out
    };
    // A base built from typed documents.
    let base = Catalog::builder()
        .json("base.json", BASE_DOCUMENT)
        .unwrap()
        .build()
        .unwrap();
    let c = import_documents(&base, "x.json", TWO_DOCUMENTS).unwrap();
    assert!(format!("{c:?}").contains("overlay_documents: 3"), "{c:?}");
    assert_eq!(outline(&c), expected("base.json"));
    assert_eq!(ok(&c, "base-1").0, "base-co");
    assert_eq!(ok(&c, "lazy-1").0, "lazy-co");
    // A base that was itself imported, its documents not yet asked for.
    let base = import_documents(Catalog::builtin(), "first.json", BASE_DOCUMENT).unwrap();
    let c = import_documents(&base, "x.json", TWO_DOCUMENTS).unwrap();
    assert_eq!(outline(&c), expected("first.json"));
    assert_eq!(outline(&base), expected("first.json")[..1]);
    // The same as the builder's, from the same texts.
    let built = Catalog::builder()
        .json("first.json", BASE_DOCUMENT)
        .unwrap()
        .json("x.json", TWO_DOCUMENTS)
        .unwrap()
        .build()
        .unwrap();
    assert_eq!(c.documents(), built.documents());
    same_answers(&c, &built);
}

#[test]
fn imported_documents_rebuild_and_export_as_they_were_read() {
    let base = import_documents(Catalog::builtin(), "first.json", BASE_DOCUMENT).unwrap();
    // `to_builder` first, on a fresh import.
    let c = import_documents(&base, "x.json", TWO_DOCUMENTS).unwrap();
    let rebuilt = c.to_builder().build().unwrap();
    same_answers(&c, &rebuilt);
    assert_eq!(
        ok(&rebuilt, "lazy-1"),
        (s("lazy-co"), Some(s("lazy-1")), s("vendor/lazy-1"), false)
    );
    assert_eq!(ok(&rebuilt, "base-1").0, "base-co");
    assert_eq!(ok(&rebuilt, "lazy-4o").1.as_deref(), Some("gpt-4o"));
    assert_eq!(rebuilt.documents(), c.documents());
    let mut names: Vec<&str> = c.documents().iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["first.json", "x.json[0]", "x.json[1]"]);
    // A changed copy: the import's documents can be dropped by name.
    let fewer = c
        .to_builder()
        .retain(|n, _| n != "x.json[1]")
        .build()
        .unwrap();
    assert_eq!(answer(&fewer, "lazy-4o"), Err(s("unknown_model")));
    assert_eq!(ok(&fewer, "l2").0, "lazy-co");

    // `export_documents` first, on a fresh import.
    let c = import_documents(&base, "x.json", TWO_DOCUMENTS).unwrap();
    let json = export_documents(&c).unwrap();
    let back = import_documents(Catalog::builtin(), "back.json", &json).unwrap();
    same_answers(&c, &back);
    names = back.documents().iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["back.json[0]", "back.json[1]", "back.json[2]"]);
    let docs = |c: &Catalog| -> Vec<_> { c.documents().iter().map(|(_, d)| d.clone()).collect() };
    assert_eq!(docs(&back), docs(&c));
    assert_eq!(export_documents(&back).unwrap(), json);
    let mut expected = vec![(s("back.json[0]"), s("base-co"), vec![s("base-1")], vec![])];
    expected.extend(
        two_documents_outline()
            .into_iter()
            .enumerate()
            .map(|(i, (_, p, m, a))| (format!("back.json[{}]", i + 1), p, m, a)),
    );
    assert_eq!(outline(&back), expected);
}

#[test]
fn imported_documents_are_read_once_whichever_thread_asks_first() {
    let c = import_documents(Catalog::builtin(), "x.json", TWO_DOCUMENTS).unwrap();
    let threads = 8;
    let barrier = std::sync::Barrier::new(threads);
    let seen: Vec<(usize, Outline)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    barrier.wait();
                    let docs = c.documents();
                    (docs.as_ptr() as usize, outline(&c))
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for (at, docs) in &seen {
        // One slice, read once, whichever thread read it.
        assert_eq!(*at, seen[0].0);
        assert_eq!(*docs, two_documents_outline());
    }
    assert_eq!(c.documents().as_ptr() as usize, seen[0].0);
    assert_eq!(c.documents(), built_by_the_builder().documents());
}

// ---------------------------------------------------------------------------------------
// Malformed documents
// ---------------------------------------------------------------------------------------

#[test]
fn malformed_ngrok_pages_name_the_path_and_change_nothing() {
    let base = custom_base();
    let before = snapshot(&base);
    let o = ImportOptions::new();
    let p0 = "/aiGatewayProviders/0";
    let cases: Vec<(String, &str, &str, &str)> = vec![
        // (document, kind, path, message fragment)
        (
            seed004_with(&format!("{p0}/colour"), Some(json!("red"))),
            "field",
            "aiGatewayProviders[0].colour",
            "unknown field `colour`",
        ),
        (
            seed004_with("/total", Some(json!(3))),
            "field",
            "total",
            "unknown field `total`",
        ),
        (
            seed004_with(&format!("{p0}/baseUrl"), None),
            "field",
            "aiGatewayProviders[0]",
            "missing field `baseUrl`",
        ),
        (
            seed004_with("/uri", None),
            "field",
            ".",
            "missing field `uri`",
        ),
        (
            seed004_with(&format!("{p0}/createdBy/uri"), None),
            "field",
            "aiGatewayProviders[0].createdBy",
            "missing field `uri`",
        ),
        (
            seed004_with(&format!("{p0}/lastUpdatedBy/name"), Some(json!("x"))),
            "field",
            "aiGatewayProviders[0].lastUpdatedBy.name",
            "unknown field `name`",
        ),
        (
            seed004_with(&format!("{p0}/models/1/modelId"), None),
            "field",
            "aiGatewayProviders[0].models[1]",
            "missing field `modelId`",
        ),
        (
            seed004_with(&format!("{p0}/models/1/name"), Some(json!("Qwen"))),
            "field",
            "aiGatewayProviders[0].models[1].name",
            "unknown field `name`",
        ),
        (
            seed004_with(&format!("{p0}/models"), Some(json!({"modelId": "x"}))),
            "field",
            "aiGatewayProviders[0].models",
            "invalid type",
        ),
        (
            seed004_with(&format!("{p0}/name"), Some(json!(7))),
            "field",
            "aiGatewayProviders[0].name",
            "invalid type",
        ),
        (
            seed004_with(&format!("{p0}/metadata"), Some(Value::Null)),
            "field",
            "aiGatewayProviders[0].metadata",
            "null",
        ),
        (
            seed004_with(
                &format!("{p0}/supportedApiSurfaces/0/supportedParams/2"),
                Some(json!({"nam": "x"})),
            ),
            "field",
            "aiGatewayProviders[0].supportedApiSurfaces[0].supportedParams[2].nam",
            "unknown field `nam`",
        ),
        (
            seed004_with(&format!("{p0}/supportedApiSurfaces/0/format"), None),
            "field",
            "aiGatewayProviders[0].supportedApiSurfaces[0]",
            "missing field `format`",
        ),
        (
            seed004_with(
                "/aiGatewayProviders/2/supportedApiSurfaces/0/format",
                Some(json!("gemini")),
            ),
            "invalid",
            "aiGatewayProviders[2].supportedApiSurfaces[0].format",
            "unknown API format `gemini`",
        ),
        (
            seed004_with(
                "/aiGatewayProviders/1/supportedApiSurfaces/1/surface",
                Some(json!("completions")),
            ),
            "invalid",
            "aiGatewayProviders[1].supportedApiSurfaces[1].surface",
            "unknown API surface `completions`",
        ),
        (
            seed004_with(
                &format!("{p0}/supportedApiSurfaces/0/supportedParams/3"),
                Some(json!({"name": "model"})),
            ),
            "invalid",
            "aiGatewayProviders[0].supportedApiSurfaces[0].supportedParams[3].name",
            "listed twice",
        ),
        (
            seed004_with(&format!("{p0}/providerId"), Some(json!("internal:vllm"))),
            "invalid",
            "aiGatewayProviders[0].providerId",
            "contains a space",
        ),
        (
            seed004_with(&format!("{p0}/createdAt"), Some(json!("yesterday"))),
            "invalid",
            "aiGatewayProviders[0].createdAt",
            "RFC 3339",
        ),
        (
            seed004_with(
                &format!("{p0}/updatedAt"),
                Some(json!("2026-02-30T00:00:00Z")),
            ),
            "invalid",
            "aiGatewayProviders[0].updatedAt",
            "RFC 3339",
        ),
        (
            seed004_with(&format!("{p0}/models/1/modelId"), Some(json!("llama-3"))),
            "invalid",
            "aiGatewayProviders[0].models[1].modelId",
            "listed twice",
        ),
        (
            seed004_with(
                "/aiGatewayProviders/1/providerId",
                Some(json!("Internal-VLLM")),
            ),
            "invalid",
            "aiGatewayProviders[1].providerId",
            "listed twice",
        ),
        (
            seed004_with(
                "/aiGatewayProviders/1/id",
                Some(json!("aigp_2xk9QfR7vLmN3pT8sW1yZ4aB6cD")),
            ),
            "invalid",
            "aiGatewayProviders[1].id",
            "listed twice",
        ),
        (
            seed004_with(
                "/nextPageUri",
                Some(json!("https://api.ngrok.ai/providers?beforeId=aigp_2")),
            ),
            "invalid",
            "nextPageUri",
            "no page follows",
        ),
    ];
    for (doc, kind, path, fragment) in &cases {
        let msg = fails(import_ngrok(&base, &[doc.as_str()], &o), kind, path);
        assert!(msg.starts_with("ngrok page 1: "), "{msg}");
        assert!(msg.contains(fragment), "{path}: {msg}");
        assert_eq!(snapshot(&base), before);
    }
    // Syntax errors carry line and column.
    let e = import_ngrok(&base, &["{\n  \"uri\": \"x\",\n  oops\n}"], &o).unwrap_err();
    assert!(
        matches!(
            e,
            ImportError::Syntax {
                line: 3,
                column: 3,
                ..
            }
        ),
        "{e:?}"
    );
    assert_eq!(e.path(), None);
    assert_eq!(snapshot(&base), before);
}

#[test]
fn ngrok_page_chains_are_checked() {
    let base = custom_base();
    let before = snapshot(&base);
    let o = ImportOptions::new();
    let p1 = page(
        json!([ngrok_provider("aigp_c", "pc")]),
        Some("https://api.ngrok.ai/providers?beforeId=aigp_c"),
    );
    let p2 = page(
        json!([ngrok_provider("aigp_b", "pb")]),
        Some("https://api.ngrok.ai/providers?beforeId=aigp_b"),
    );
    let p3 = page(json!([ngrok_provider("aigp_a", "pa")]), None);
    let c = import_ngrok(&base, &[&p1, &p2, &p3], &o).unwrap();
    for p in ["pa", "pb", "pc"] {
        assert_eq!(ok(&c, &format!("{p}-model")).0, p);
    }
    assert_eq!(
        ok(&c, "corp-model").0,
        "corp-proxy",
        "the base's providers stay"
    );

    // A missing last page, a missing middle page, a repeated page, a null link mid-way.
    let msg = fails(
        import_ngrok(&base, &[&p1, &p2], &o),
        "invalid",
        "nextPageUri",
    );
    assert!(msg.starts_with("ngrok page 2: "), "{msg}");
    let msg = fails(
        import_ngrok(&base, &[&p1, &p3, &p2], &o),
        "invalid",
        "nextPageUri",
    );
    assert!(
        msg.starts_with("ngrok page 2: ") && msg.contains("1 more page"),
        "{msg}"
    );
    let msg = fails(
        import_ngrok(&base, &[&p1, &p1, &p2, &p3], &o),
        "invalid",
        "nextPageUri",
    );
    assert!(
        msg.starts_with("ngrok page 2: ") && msg.contains("given twice"),
        "{msg}"
    );
    let msg = fails(
        import_ngrok(&base, &[&p3, &p1], &o),
        "invalid",
        "nextPageUri",
    );
    assert!(
        msg.starts_with("ngrok page 1: ") && msg.contains("last page"),
        "{msg}"
    );
    // The same provider on two pages.
    let p2dup = page(
        json!([ngrok_provider("aigp_b", "PC")]),
        Some("https://api.ngrok.ai/providers?beforeId=aigp_b"),
    );
    let msg = fails(
        import_ngrok(&base, &[&p1, &p2dup, &p3], &o),
        "invalid",
        "aiGatewayProviders[0].providerId",
    );
    assert!(
        msg.starts_with("ngrok page 2: ") && msg.contains("ngrok page 1"),
        "{msg}"
    );
    // A good first page and a bad last page import nothing.
    let bad3 = p3.replacen("\"pa\"", "\"pa\", \"extra\": 1", 1);
    let msg = fails(
        import_ngrok(&base, &[&p1, &p2, &bad3], &o),
        "field",
        "aiGatewayProviders[0].extra",
    );
    assert!(msg.starts_with("ngrok page 3: "), "{msg}");
    assert_eq!(snapshot(&base), before);
    // No pages: nothing changes.
    let none: [&str; 0] = [];
    let c = import_ngrok(&base, &none, &o).unwrap();
    same_answers(&c, &base);
}

#[test]
fn malformed_openai_lists_name_the_path_and_change_nothing() {
    let base = custom_base();
    let before = snapshot(&base);
    let o = ImportOptions::new();
    let item = |extra: Value| {
        let mut m = json!({"id": "acme-1", "object": "model", "created": 1, "owned_by": "acme"});
        if let (Value::Object(m), Value::Object(e)) = (&mut m, extra) {
            m.extend(e);
        }
        json!({"object": "list", "data": [{"id": "ok-model"}, m]}).to_string()
    };
    let pricing = |prompt: Value| {
        item(
            json!({"pricing": {"prompt": prompt, "completion": 1, "currency": "USD", "unit": "per_million_tokens"}}),
        )
    };
    let cases: Vec<(String, &str, &str, &str)> = vec![
        (
            item(json!({"pricing": {"prompt": -2.5}})),
            "invalid",
            "data[1].pricing.prompt",
            "negative",
        ),
        (
            pricing(json!(0.0000001)),
            "invalid",
            "data[1].pricing.prompt",
            "six decimal places",
        ),
        (
            pricing(json!(1e30)),
            "invalid",
            "data[1].pricing.prompt",
            "above the largest price",
        ),
        (
            pricing(json!("2.50")),
            "field",
            "data[1].pricing.prompt",
            "invalid type",
        ),
        (
            item(json!({"pricing": {"prompt": 1, "currency": "EUR"}})),
            "invalid",
            "data[1].pricing.currency",
            "EUR",
        ),
        (
            item(json!({"pricing": {"prompt": 1, "unit": "per_token"}})),
            "invalid",
            "data[1].pricing.unit",
            "per_token",
        ),
        (
            item(json!({"object": "file"})),
            "invalid",
            "data[1].object",
            "not `model`",
        ),
        (
            item(json!({"context_length": "128k"})),
            "field",
            "data[1].context_length",
            "invalid type",
        ),
        (
            item(json!({"context_length": -5})),
            "field",
            "data[1].context_length",
            "invalid value",
        ),
        (
            item(json!({"context_length": 0})),
            "invalid",
            "data[1].context_length",
            "at least 1",
        ),
        (
            item(json!({"context_length": 1000, "max_output_tokens": 2000})),
            "invalid",
            "data[1].max_output_tokens",
            "above context_length",
        ),
        (
            item(json!({"capabilities": {"vision": "yes"}})),
            "field",
            "data[1].capabilities.vision",
            "invalid type",
        ),
        (
            item(json!({"id": 42})),
            "field",
            "data[1].id",
            "invalid type",
        ),
        (
            item(json!({"id": " padded"})),
            "invalid",
            "data[1].id",
            "starts or ends with a space",
        ),
        (
            item(json!({"id": "ok-model"})),
            "invalid",
            "data[1].id",
            "listed twice",
        ),
        (
            item(json!({"owned_by": ""})),
            "invalid",
            "data[1].owned_by",
            "is empty",
        ),
        (
            json!({"object": "lists", "data": []}).to_string(),
            "invalid",
            "object",
            "not `list`",
        ),
        (
            json!({"object": "list"}).to_string(),
            "field",
            ".",
            "missing field `data`",
        ),
        (
            json!({"object": "list", "data": [{"object": "model"}]}).to_string(),
            "field",
            "data[0]",
            "missing field `id`",
        ),
        (
            json!({"data": [{"id": "gpt-4o"}, {"id": "GPT-4o-2024-08-06"}]}).to_string(),
            "invalid",
            "data[1].id",
            "already serves",
        ),
    ];
    for (doc, kind, path, fragment) in &cases {
        let msg = fails(
            import_openai_models(&base, doc, &nano_proxy(), &o),
            kind,
            path,
        );
        assert!(msg.starts_with("/v1/models: "), "{msg}");
        assert!(msg.contains(fragment), "{path}: {msg}");
        assert_eq!(snapshot(&base), before);
    }
    let e = import_openai_models(&base, "{\"data\": [}", &nano_proxy(), &o).unwrap_err();
    assert!(
        matches!(
            e,
            ImportError::Syntax {
                line: 1,
                column: 11,
                ..
            }
        ),
        "{e:?}"
    );
    // An unknown existing provider.
    let e = import_openai_models(&base, SEED003_BASIC, &TargetProvider::existing("azure"), &o)
        .unwrap_err();
    assert_eq!(e.kind(), "catalog");
    assert!(e.to_string().contains("unknown provider `azure`"), "{e}");
    assert_eq!(snapshot(&base), before);
}

#[test]
fn malformed_inference_api_lists_name_the_path_and_change_nothing() {
    let base = custom_base();
    let before = snapshot(&base);
    let o = ImportOptions::new();
    let with = |i: usize, key: &str, value: Option<Value>| {
        let mut v: Value = serde_json::from_str(SEED002).unwrap();
        let m = v["models"][i].as_object_mut().unwrap();
        match value {
            Some(x) => {
                m.insert(key.to_owned(), x);
            }
            None => {
                m.remove(key);
            }
        }
        v.to_string()
    };
    let cases: Vec<(String, &str, &str, &str)> = vec![
        (
            with(3, "supports_audio", Some(json!(true))),
            "field",
            "models[3].supports_audio",
            "unknown field",
        ),
        (
            with(3, "name", None),
            "field",
            "models[3]",
            "missing field `name`",
        ),
        (
            with(3, "provider", None),
            "field",
            "models[3]",
            "missing field `provider`",
        ),
        (
            with(3, "context_window", Some(json!(12.5))),
            "field",
            "models[3].context_window",
            "invalid type",
        ),
        (
            with(3, "supports_tools", Some(json!("yes"))),
            "field",
            "models[3].supports_tools",
            "invalid type",
        ),
        (
            with(3, "cost_per_1k_input", Some(json!(-0.001))),
            "invalid",
            "models[3].cost_per_1k_input",
            "negative",
        ),
        (
            with(3, "cost_per_1k_output", Some(json!(1e-13))),
            "invalid",
            "models[3].cost_per_1k_output",
            "twelve decimal places",
        ),
        (
            with(3, "cost_per_1k_output", Some(json!(1e200))),
            "invalid",
            "models[3].cost_per_1k_output",
            "too large",
        ),
        (
            with(3, "provider", Some(json!("azure"))),
            "invalid",
            "models[3].provider",
            "unknown provider `azure`",
        ),
        (
            with(3, "max_output_tokens", Some(json!(0))),
            "invalid",
            "models[3].max_output_tokens",
            "at least 1",
        ),
        (
            with(3, "max_output_tokens", Some(json!(500_000))),
            "invalid",
            "models[3].max_output_tokens",
            "above context_window",
        ),
        (
            with(2, "id", Some(json!("CMO-agent"))),
            "invalid",
            "models[3].id",
            "listed twice",
        ),
        (
            json!({"models": [], "data": []}).to_string(),
            "invalid",
            ".",
            "both",
        ),
        (
            json!({}).to_string(),
            "field",
            ".",
            "missing field `models`",
        ),
        (
            json!({"models": [], "count": 0}).to_string(),
            "field",
            "count",
            "unknown field",
        ),
        (
            json!({"models": {"id": "x"}}).to_string(),
            "field",
            "models",
            "invalid type",
        ),
    ];
    for (doc, kind, path, fragment) in &cases {
        let msg = fails(import_inference_api(&base, doc, &o), kind, path);
        assert!(msg.starts_with("inference-api /models: "), "{msg}");
        assert!(msg.contains(fragment), "{path}: {msg}");
        assert_eq!(snapshot(&base), before);
    }
}

#[test]
fn malformed_own_documents_name_the_path() {
    let base = custom_base();
    let before = snapshot(&base);
    let e = import_documents(
        &base,
        "extra.json",
        r#"[{"extends": "openai"}, {"provider": {"id": "p", "name": "P", "key_required": "no"}}]"#,
    )
    .unwrap_err();
    assert_eq!(
        (e.kind(), e.document(), e.path()),
        (
            "field",
            Some("extra.json[1]"),
            Some("provider.key_required")
        )
    );
    let e = import_documents(&base, "extra.json", "[{\"extends\": \"openai\"},\n]").unwrap_err();
    assert!(
        matches!(
            e,
            ImportError::Syntax {
                line: 2,
                column: 1,
                ..
            }
        ),
        "{e:?}"
    );
    let e = import_documents(
        &base,
        "extra.json",
        r#"{"extends": "openai", "models": [{"id": "gpt-4o", "name": "Mine"}]}"#,
    )
    .unwrap_err();
    assert_eq!(e.kind(), "catalog");
    assert!(e.to_string().contains("built-in model `gpt-4o`"), "{e}");
    assert_eq!(snapshot(&base), before);
}

// ---------------------------------------------------------------------------------------
// Collisions with built-in names
// ---------------------------------------------------------------------------------------

#[test]
fn collisions_with_builtin_names_are_refused_unless_overridden() {
    let base = Catalog::builtin();
    // ngrok: a providerId that is a built-in provider's id, in another case.
    let doc = seed004_with("/aiGatewayProviders/0/providerId", Some(json!("OpenAI")));
    let e = import_ngrok(base, &[doc.as_str()], &ImportOptions::new()).unwrap_err();
    let ImportError::Catalog(ce) = &e else {
        panic!("{e:?}")
    };
    assert_eq!(ce.errors.len(), 1, "{e}");
    let msg = e.to_string();
    assert!(
        msg.contains("`OpenAI`") && msg.contains("built-in provider `openai`"),
        "{msg}"
    );
    assert!(
        msg.starts_with("ngrok page 1, `aiGatewayProviders[0]`"),
        "{msg}"
    );
    // An alias of a built-in provider is taken too.
    let doc = seed004_with("/aiGatewayProviders/0/providerId", Some(json!("groqcloud")));
    let msg = import_ngrok(base, &[doc.as_str()], &ImportOptions::new())
        .unwrap_err()
        .to_string();
    assert!(
        msg.contains("`groqcloud`") && msg.contains("built-in provider `groq`"),
        "{msg}"
    );

    // With leave, the import replaces the built-in provider.
    let doc = seed004_with("/aiGatewayProviders/0/providerId", Some(json!("openai")));
    let c = import_ngrok(
        base,
        &[doc.as_str()],
        &ImportOptions::new().allow_override("openai"),
    )
    .unwrap();
    let r = c.resolve_model("openai:llama-3").unwrap();
    assert_eq!(r.provider.name(), "Internal vLLM");
    assert!(r.overrides_builtin);
    assert_eq!(
        c.resolve_model("gpt-4o").unwrap().provider.base_url(),
        Some("http://vllm.internal:8000/v1")
    );

    // /v1/models into a new provider named like a built-in one.
    let e = import_openai_models(
        base,
        SEED003_BASIC,
        &TargetProvider::new("groq", "Mine"),
        &ImportOptions::new(),
    )
    .unwrap_err();
    assert!(e.to_string().contains("built-in provider `groq`"), "{e}");

    // A model id naming a built-in model becomes an offer; with leave, a new model takes it.
    let doc = seed004_with(
        "/aiGatewayProviders/0/models/1/modelId",
        Some(json!("GPT-4o")),
    );
    let c = import_ngrok(base, &[doc.as_str()], &ImportOptions::new()).unwrap();
    assert_eq!(ok(&c, "gpt-4o").0, "openai");
    assert_eq!(
        ok(&c, "internal-vllm:gpt-4o"),
        (
            "internal-vllm".into(),
            Some("gpt-4o".into()),
            "GPT-4o".into(),
            false
        )
    );
    let c = import_ngrok(
        base,
        &[doc.as_str()],
        &ImportOptions::new().allow_override("gpt-4o"),
    )
    .unwrap();
    let r = c.resolve_model("gpt-4o").unwrap();
    assert_eq!(
        (r.provider.id(), r.model.unwrap().id(), r.overrides_builtin),
        ("internal-vllm", "GPT-4o", true)
    );
}

// ---------------------------------------------------------------------------------------
// Round trips
// ---------------------------------------------------------------------------------------

/// Custom providers representable in ngrok's format: models whose upstream id is their
/// id, offers of built-in models under one of their names, no aliases, surfaces with and
/// without parameters, a provider listing nothing, one imported from ngrok.
fn representable() -> Catalog {
    let mut b = Catalog::builder();
    b = b.provider(
        CustomProvider::new("alpha", "Alpha")
            .base_url("http://alpha.internal/v1")
            .metadata("owner=ml")
            .surface(
                ApiFormat::Openai,
                Some(Surface::ChatCompletions),
                Some(&["model", "messages"]),
            )
            .surface(ApiFormat::Anthropic, Some(Surface::Messages), None)
            .surface(ApiFormat::Openai, None, Some(&[]))
            .model("alpha-small", "alpha-small")
            .model("alpha/large:thinking", "alpha/large:thinking")
            .offer("gpt-4o", "gpt-4o")
            .offer(
                "llama-3.3-70b-versatile",
                "meta-llama/llama-3.3-70b-versatile",
            ),
    );
    b = b.provider(CustomProvider::new("beta", "Beta"));
    b = b.provider(
        CustomProvider::new("gamma", "Gamma")
            .base_url("https://gamma.example/v1")
            .model("gamma-1", "gamma-1"),
    );
    for i in 0..3 {
        b = b.provider(
            CustomProvider::new(&format!("p{i}"), &format!("P{i}"))
                .model(&format!("p{i}-m"), &format!("p{i}-m")),
        );
    }
    let c = b.build().unwrap();
    import_ngrok(&c, &[SEED004], &ImportOptions::new()).unwrap()
}

#[test]
fn ngrok_export_then_import_answers_the_same() {
    let original = representable();
    assert_eq!(original.custom_providers().count(), 9);
    let options = ngrok_options().limit(2);
    let pages = export_ngrok_pages(&original, &options).unwrap();
    assert_eq!(pages.len(), 5);
    let back = import_ngrok(Catalog::builtin(), &pages, &ImportOptions::new()).unwrap();
    same_answers(&original, &back);
    // The provider facts the format carries come back too.
    for p in original.custom_providers() {
        let q = back.lookup_provider(p.id()).unwrap();
        assert_eq!(
            (q.name(), q.base_url(), q.metadata()),
            (p.name(), p.base_url(), p.metadata())
        );
        assert_eq!(q.api_surfaces(), p.api_surfaces(), "{}", p.id());
        if let Some(cp) = p.control_plane() {
            assert_eq!(q.control_plane(), Some(cp));
        }
    }
    // Exporting what came back gives the same bytes.
    assert_eq!(export_ngrok_pages(&back, &options).unwrap(), pages);
}

#[test]
fn ngrok_has_no_home_provider_so_the_first_listing_defines_a_shared_model() {
    // alpha defines `shared`, zeta offers it; ngrok lists zeta first (descending resource
    // id), so after a round trip zeta defines it and alpha offers it. Qualified strings
    // still answer the same; the bare id moves to the first provider listed.
    let mut b = Catalog::builder();
    b = b.provider(CustomProvider::new("alpha", "Alpha").model("shared", "shared"));
    b = b.provider(CustomProvider::new("zeta", "Zeta").offer("shared", "shared"));
    let original = b.build().unwrap();
    let pages = export_ngrok_pages(&original, &ngrok_options()).unwrap();
    let back = import_ngrok(Catalog::builtin(), &pages, &ImportOptions::new()).unwrap();
    for input in ["alpha:shared", "zeta:shared"] {
        assert_eq!(answer(&original, input), answer(&back, input), "{input}");
    }
    assert_eq!(ok(&original, "shared").0, "alpha");
    assert_eq!(ok(&back, "shared").0, "zeta");
}

#[test]
fn own_documents_export_then_import_answers_the_same() {
    let mut b = representable().to_builder();
    b = b.json(
        "more.json",
        r#"[{"extends": "alpha", "models": [{"id": "alpha-x", "upstream_id": "vendor/alpha-x", "name": "Alpha X",
             "aliases": ["ax"], "pricing": {"input": 0.1, "output": 0.2}}]},
            {"aliases": [{"alias": "my-4o", "target": "gpt-4o"}]}]"#,
    )
    .unwrap();
    let original = b.build().unwrap();
    let json = export_documents(&original).unwrap();
    let back = import_documents(Catalog::builtin(), "exported.json", &json).unwrap();
    same_answers(&original, &back);
    assert_eq!(ok(&back, "ax").2, "vendor/alpha-x");
    assert_eq!(export_documents(&back).unwrap(), json);
    assert_eq!(export_documents(Catalog::builtin()).unwrap(), "[]");
}

#[test]
fn detailed_models_export_then_import_as_that_provider_answers_the_same() {
    let entry = |id: &str| {
        let mut m = ModelEntry::new(id, format!("The {id}"));
        m.description = Some("A test model".to_owned());
        m.vendor = Some("acme".to_owned());
        m.category = Some("flagship".to_owned());
        m.context_window = Some(64_000);
        m.max_output_tokens = Some(8_000);
        m.input_modalities = Some(vec![Modality::Text, Modality::Image]);
        m.pricing = Pricing::new()
            .input("0.123456".parse().unwrap())
            .output("7".parse().unwrap());
        m
    };
    let mut provider = ProviderEntry::new("acme", "Acme");
    provider.base_url = Some("https://acme.example/v1".to_owned());
    provider.key_required = true;
    let mut b = Catalog::builder();
    let mut doc = CustomProvider::new("acme", "Acme")
        .model_entry(entry("acme-1"))
        .model_entry(entry("acme/2:thinking"))
        .offer("claude-opus-4-6", "claude-opus-4-6")
        .into_document();
    doc.provider = Some(provider.clone());
    b = b.document("acme.json", doc);
    let original = b.build().unwrap();

    let json = export_openai_models_detailed(&original, Some("acme")).unwrap();
    let back = import_openai_models(
        Catalog::builtin(),
        &json,
        &TargetProvider::New(Box::new(provider)),
        &ImportOptions::new(),
    )
    .unwrap();
    same_answers(&original, &back);
    let (a, b) = (
        original.lookup_model("acme-1").unwrap(),
        back.lookup_model("acme-1").unwrap(),
    );
    assert_eq!(
        (
            a.name(),
            a.description(),
            a.vendor(),
            a.category(),
            a.context_window(),
            a.max_output_tokens(),
            a.input_modalities(),
            a.pricing()
        ),
        (
            b.name(),
            b.description(),
            b.vendor(),
            b.category(),
            b.context_window(),
            b.max_output_tokens(),
            b.input_modalities(),
            b.pricing()
        )
    );
    assert_eq!(
        export_openai_models_detailed(&back, Some("acme")).unwrap(),
        json
    );
    // An unknown provider is an error.
    assert_eq!(
        export_openai_models_detailed(&original, Some("nope")),
        Err(ExportError::UnknownProvider("nope".into()))
    );
}

#[test]
fn inference_api_export_of_the_builtin_catalog_imports_as_nothing_new() {
    let base = Catalog::builtin();
    let json = export_inference_api(base, INFERENCE_API_MARKUP).unwrap();
    let back = import_inference_api(base, &json, &ImportOptions::new()).unwrap();
    assert!(back.is_builtin());
    // Exact prices survive the per-1k float conversion for every model.
    let c = import_inference_api(
        base,
        &json.replace("\"provider\":\"", "\"provider\":\"openrouter\",\"x\":\""),
        &ImportOptions::new(),
    );
    assert_eq!(c.unwrap_err().kind(), "field");
    let v: Value = serde_json::from_str(&json).unwrap();
    for (m, item) in base.models().zip(v["models"].as_array().unwrap()) {
        assert_eq!(item["id"], m.id());
        for (key, price) in [
            ("cost_per_1k_input", m.pricing().input),
            ("cost_per_1k_output", m.pricing().output),
        ] {
            match price {
                None => assert!(item.get(key).is_none(), "{} {key}", m.id()),
                Some(p) => {
                    let credits = item[key].as_f64().unwrap();
                    let text = format!("{credits}");
                    let want = p.per_1k_tokens(INFERENCE_API_MARKUP).unwrap().to_string();
                    assert_eq!(text, want, "{} {key}", m.id());
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Exports
// ---------------------------------------------------------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OpenAiList {
    object: String,
    data: Vec<OpenAiModel>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OpenAiModel {
    id: String,
    object: String,
    #[serde(default)]
    created: Option<u64>,
    owned_by: String,
}

#[test]
fn exports_are_byte_stable_and_basic_parses_as_the_openai_shape() {
    let c = representable();
    for _ in 0..2 {
        assert_eq!(
            export_openai_models(&c, None).unwrap(),
            export_openai_models(&c, None).unwrap()
        );
        assert_eq!(
            export_openai_models_detailed(&c, None).unwrap(),
            export_openai_models_detailed(&c, None).unwrap()
        );
        assert_eq!(
            export_inference_api(&c, INFERENCE_API_MARKUP).unwrap(),
            export_inference_api(&c, INFERENCE_API_MARKUP).unwrap()
        );
        assert_eq!(
            export_ngrok(&c, &ngrok_options()).unwrap(),
            export_ngrok(&c, &ngrok_options()).unwrap()
        );
        assert_eq!(export_documents(&c).unwrap(), export_documents(&c).unwrap());
    }
    // A catalog built again from the same documents exports the same bytes.
    let again =
        import_documents(Catalog::builtin(), "again", &export_documents(&c).unwrap()).unwrap();
    assert_eq!(
        export_openai_models_detailed(&again, None).unwrap(),
        export_openai_models_detailed(&c, None).unwrap()
    );

    let basic = export_openai_models(&c, None).unwrap();
    let list: OpenAiList = serde_json::from_str(&basic).unwrap();
    assert_eq!(list.object, "list");
    let ids: Vec<&str> = list.data.iter().map(|m| m.id.as_str()).collect();
    let want: Vec<&str> = c.models().map(|m| m.id()).collect();
    assert_eq!(ids, want, "catalog order");
    for (item, m) in list.data.iter().zip(c.models()) {
        assert_eq!(item.object, "model");
        assert_eq!(item.owned_by, m.vendor().unwrap_or(m.provider_id()));
        let created = m
            .release_date()
            .map(|d| (d.days_since_epoch() * 86_400) as u64);
        assert_eq!(item.created, created, "{}", m.id());
    }
    // gpt-4o, released 2024-05-13.
    let gpt = list.data.iter().find(|m| m.id == "gpt-4o").unwrap();
    assert_eq!(
        (gpt.created, gpt.owned_by.as_str()),
        (Some(1_715_558_400), "openai")
    );
    // A custom model with no release date and no vendor: no `created`, owned by its provider.
    let alpha = list.data.iter().find(|m| m.id == "alpha-small").unwrap();
    assert_eq!((alpha.created, alpha.owned_by.as_str()), (None, "alpha"));
    // The basic export imports back as a /v1/models list.
    let back = import_openai_models(
        Catalog::builtin(),
        &basic,
        &TargetProvider::new("mirror", "Mirror"),
        &ImportOptions::new(),
    );
    assert!(back.is_ok(), "{back:?}");
}

#[test]
fn detailed_export_writes_only_known_facts() {
    let c = representable();
    let v: Value = serde_json::from_str(&export_openai_models_detailed(&c, None).unwrap()).unwrap();
    let items = v["data"].as_array().unwrap();
    let gpt = items.iter().find(|m| m["id"] == "gpt-4o").unwrap();
    assert_eq!(gpt["name"], "GPT-4o");
    assert_eq!(gpt["context_length"], 128000);
    assert_eq!(
        gpt["pricing"],
        json!({"prompt": 2.5, "completion": 10.0, "currency": "USD", "unit": "per_million_tokens"})
    );
    assert_eq!(gpt["capabilities"]["vision"], true);
    assert_eq!(gpt["capabilities"]["tool_calling"], true);
    for item in items {
        assert!(item.get("icon_url").is_none() && item.get("cost_estimate").is_none());
    }
    // A bare custom model: no invented facts at all.
    let alpha = items.iter().find(|m| m["id"] == "alpha-small").unwrap();
    assert_eq!(
        alpha,
        &json!({"id": "alpha-small", "object": "model", "owned_by": "alpha", "name": "alpha-small"})
    );
    // Provider scope lists what the provider serves under the ids its API expects, with its
    // own prices only.
    let v: Value =
        serde_json::from_str(&export_openai_models_detailed(&c, Some("alpha")).unwrap()).unwrap();
    let ids: Vec<&str> = v["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "alpha-small",
            "alpha/large:thinking",
            "gpt-4o",
            "meta-llama/llama-3.3-70b-versatile"
        ]
    );
    assert!(
        v["data"][2].get("pricing").is_none(),
        "the offer has no prices of its own"
    );
}

#[test]
fn inference_api_export_shape() {
    let c = representable();
    let json = export_inference_api(&c, INFERENCE_API_MARKUP).unwrap();
    assert!(json.starts_with("{\"models\":[{"));
    let v: Value = serde_json::from_str(&json).unwrap();
    let gpt = v["models"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "gpt-4o")
        .unwrap();
    assert_eq!(
        gpt,
        &json!({"id": "gpt-4o", "name": "GPT-4o", "provider": "openai", "context_window": 128000,
                "max_output_tokens": 16384, "cost_per_1k_input": 0.0035, "cost_per_1k_output": 0.014,
                "supports_tools": true, "supports_vision": true})
    );
    let alpha = v["models"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "alpha-small")
        .unwrap();
    assert_eq!(
        alpha,
        &json!({"id": "alpha-small", "name": "alpha-small", "provider": "alpha"})
    );
    // Another markup.
    let two = export_inference_api(&c, "2".parse().unwrap()).unwrap();
    assert!(two.contains(r#""id":"gpt-4o","name":"GPT-4o","provider":"openai","context_window":128000,"max_output_tokens":16384,"cost_per_1k_input":0.005,"cost_per_1k_output":0.02,"#), "{}", &two[..200]);
    // The largest price (999,999,999.999999 USD per Mtok, which no document may exceed) is
    // 999,999.999999999 credits per 1k tokens at 1x, written exactly; with the largest
    // markup it still fits in the arithmetic, but needs more digits than a JSON number
    // holds: an error, not a rounded number.
    let priciest = import_documents(
        Catalog::builtin(),
        "x.json",
        r#"{"provider": {"id": "x", "name": "X", "key_required": true}, "models": [{"id": "pricey", "name": "P", "pricing": {"input": 999999999.999999}}]}"#,
    )
    .unwrap();
    let one = export_inference_api(&priciest, Markup::from_ratio(1, 1).unwrap()).unwrap();
    assert!(one.contains(
        r#""id":"pricey","name":"P","provider":"x","cost_per_1k_input":999999.999999999}"#
    ));
    // With the largest markup the arithmetic still fits (no overflow), but the credits
    // need more digits than a JSON number holds (the first model's already).
    let huge = Markup::from_ratio(u64::MAX, 1).unwrap();
    assert!(matches!(
        export_inference_api(&priciest, huge),
        Err(ExportError::InexactPrice(..))
    ));
    // At the platform's 1.4: 449,291,092.616604 USD per Mtok is 629,007.5296632456 credits
    // per 1k tokens (16 significant digits), which the nearest float would round.
    let inexact = import_documents(
        Catalog::builtin(),
        "x.json",
        r#"{"provider": {"id": "x", "name": "X", "key_required": true}, "models": [{"id": "pricey", "name": "P", "pricing": {"input": 449291092.616604}}]}"#,
    )
    .unwrap();
    assert_eq!(
        export_inference_api(&inexact, INFERENCE_API_MARKUP),
        Err(ExportError::InexactPrice(
            "pricey".into(),
            "629007.5296632456".into()
        ))
    );
    // A typed document cannot bring in a larger price either (18 trillion USD per Mtok).
    let mut doc: model_catalog::schema::DataFile = serde_json::from_str(
        r#"{"provider": {"id": "x", "name": "X", "key_required": true}, "models": [{"id": "pricey", "name": "P"}]}"#,
    )
    .unwrap();
    doc.models[0].pricing.input = Some(Price::from_picos_per_token(18_000_000_000_000_000_000));
    let err = Catalog::builder().document("x", doc).build().unwrap_err();
    assert!(
        err.to_string()
            .contains("above the largest, 999999999.999999"),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------
// ngrok pagination
// ---------------------------------------------------------------------------------------

fn list(json: &str) -> (Vec<String>, String, Option<String>) {
    let v: Value = serde_json::from_str(json).unwrap();
    let ids = v["aiGatewayProviders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_owned())
        .collect();
    (
        ids,
        v["uri"].as_str().unwrap().to_owned(),
        v["nextPageUri"].as_str().map(str::to_owned),
    )
}

#[test]
fn ngrok_export_paginates_by_descending_resource_id() {
    let c = representable();
    let all: Vec<String> = {
        let (ids, uri, next) = list(&export_ngrok(&c, &ngrok_options()).unwrap());
        assert_eq!(
            (uri.as_str(), next),
            ("https://api.ngrok.ai/providers", None)
        );
        ids
    };
    assert_eq!(all.len(), 9);
    let mut sorted = all.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(all, sorted, "descending resource id");
    assert!(
        all.contains(&"aigp_alpha".to_owned())
            && all.contains(&"aigp_2xk9QfR7vLmN3pT8sW1yZ4aB6cD".to_owned())
    );

    for limit in 1..=100u32 {
        let pages = export_ngrok_pages(&c, &ngrok_options().limit(limit)).unwrap();
        assert_eq!(
            pages.len(),
            all.len().div_ceil(limit as usize),
            "limit {limit}"
        );
        let mut seen: Vec<String> = Vec::new();
        let mut expected_uri = if limit == 100 {
            "https://api.ngrok.ai/providers".to_owned()
        } else {
            format!("https://api.ngrok.ai/providers?limit={limit}")
        };
        for (i, p) in pages.iter().enumerate() {
            let (ids, uri, next) = list(p);
            assert!(ids.len() <= limit as usize && !ids.is_empty());
            assert_eq!(uri, expected_uri, "limit {limit} page {i}");
            // Each page is what export_ngrok gives for the previous page's last id.
            let mut o = ngrok_options().limit(limit);
            if let Some(last) = seen.last() {
                o = o.before_id(last);
            }
            assert_eq!(&export_ngrok(&c, &o).unwrap(), p);
            seen.extend(ids);
            match next {
                Some(n) => {
                    assert!(
                        n.contains(&format!("beforeId={}", seen.last().unwrap())),
                        "{n}"
                    );
                    expected_uri = n;
                }
                None => assert_eq!(i, pages.len() - 1),
            }
        }
        assert_eq!(seen, all, "limit {limit}");
    }

    // beforeId: items strictly before it, in descending order; any string works.
    let (ids, uri, next) =
        list(&export_ngrok(&c, &ngrok_options().before_id(&all[2]).limit(3)).unwrap());
    assert_eq!(ids, all[3..6]);
    assert_eq!(
        uri,
        format!("https://api.ngrok.ai/providers?beforeId={}&limit=3", all[2])
    );
    assert_eq!(
        next,
        Some(format!(
            "https://api.ngrok.ai/providers?beforeId={}&limit=3",
            all[5]
        ))
    );
    let (ids, _, next) =
        list(&export_ngrok(&c, &ngrok_options().before_id("aigp_alpha0")).unwrap());
    assert_eq!(ids.first().map(String::as_str), Some("aigp_alpha"));
    assert_eq!(next, None);
    let (ids, _, next) = list(&export_ngrok(&c, &ngrok_options().before_id("aigp_")).unwrap());
    assert!(ids.is_empty() && next.is_none());
    assert_eq!(
        export_ngrok_pages(&c, &ngrok_options().before_id("a"))
            .unwrap()
            .len(),
        1
    );

    // Limits out of range are refused.
    for bad in [0, 101, u32::MAX] {
        assert_eq!(
            export_ngrok(&c, &ngrok_options().limit(bad)),
            Err(ExportError::Limit(bad))
        );
        assert_eq!(
            export_ngrok_pages(&c, &ngrok_options().limit(bad)),
            Err(ExportError::Limit(bad))
        );
    }
    // Bad timestamps are refused rather than written.
    assert!(matches!(
        export_ngrok(&c, &NgrokExportOptions::new("today", me())),
        Err(ExportError::Timestamp(_))
    ));
    // An empty catalog exports one empty page.
    let (ids, _, next) = list(&export_ngrok(Catalog::builtin(), &ngrok_options()).unwrap());
    assert!(ids.is_empty() && next.is_none());
}

#[test]
fn ngrok_export_derives_fields_from_options() {
    let c = representable();
    let o = ngrok_options()
        .list_uri("https://gw.example/api/providers/")
        .id_prefix("res-")
        .updated(
            "2026-02-01T00:00:00.5-05:00",
            ResourceRef::new("bot", "https://gw.example/bots/bot"),
        );
    let v: Value = serde_json::from_str(&export_ngrok(&c, &o).unwrap()).unwrap();
    let providers = v["aiGatewayProviders"].as_array().unwrap();
    let alpha = providers
        .iter()
        .find(|p| p["providerId"] == "alpha")
        .unwrap();
    assert_eq!(
        alpha,
        &json!({
            "id": "res-alpha",
            "uri": "https://gw.example/api/providers/res-alpha",
            "providerId": "alpha",
            "name": "Alpha",
            "baseUrl": "http://alpha.internal/v1",
            "metadata": "owner=ml",
            "createdAt": "2026-01-01T00:00:00Z",
            "updatedAt": "2026-02-01T00:00:00.5-05:00",
            "createdBy": {"id": "usr_2abc", "uri": "https://api.ngrok.com/users/usr_2abc"},
            "lastUpdatedBy": {"id": "bot", "uri": "https://gw.example/bots/bot"},
            "supportedApiSurfaces": [
                {"format": "openai", "surface": "chat-completions", "supportedParams": [{"name": "model"}, {"name": "messages"}]},
                {"format": "anthropic", "surface": "messages"},
                {"format": "openai", "supportedParams": []}
            ],
            "models": [
                {"id": "alpha:alpha-small", "modelId": "alpha-small"},
                {"id": "alpha:alpha/large:thinking", "modelId": "alpha/large:thinking"},
                {"id": "alpha:gpt-4o", "modelId": "gpt-4o"},
                {"id": "alpha:meta-llama/llama-3.3-70b-versatile", "modelId": "meta-llama/llama-3.3-70b-versatile"}
            ]
        })
    );
    let beta = providers
        .iter()
        .find(|p| p["providerId"] == "beta")
        .unwrap();
    assert_eq!(
        beta["baseUrl"], "",
        "no base URL is written as an empty string"
    );
    assert_eq!(beta["models"], json!([]));
    // Imported providers keep their resource fields.
    let vllm = providers
        .iter()
        .find(|p| p["providerId"] == "internal-vllm")
        .unwrap();
    assert_eq!(
        vllm["uri"],
        "https://api.ngrok.ai/providers/aigp_2xk9QfR7vLmN3pT8sW1yZ4aB6cD"
    );
    assert_eq!(vllm["updatedAt"], "2026-02-03T16:45:12.250Z");
    // A derived id that an imported provider keeps gives way to a positional one (the
    // provider's place among the custom providers, 0 here).
    let mut b = Catalog::builder();
    b = b.provider(CustomProvider::new("2xk9QfR7vLmN3pT8sW1yZ4aB6cD", "Clash"));
    let clash = import_ngrok(&b.build().unwrap(), &[SEED004], &ImportOptions::new()).unwrap();
    let page: serde_json::Value =
        serde_json::from_str(&export_ngrok(&clash, &ngrok_options()).unwrap()).unwrap();
    let resource = |provider: &str| {
        page["aiGatewayProviders"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["providerId"] == provider)
            .map(|p| p["id"].as_str().unwrap().to_owned())
    };
    assert_eq!(
        resource("2xk9QfR7vLmN3pT8sW1yZ4aB6cD").as_deref(),
        Some("aigp_:0")
    );
    assert_eq!(
        resource("internal-vllm").as_deref(),
        Some("aigp_2xk9QfR7vLmN3pT8sW1yZ4aB6cD")
    );
    assert!(export_ngrok(&clash, &ngrok_options().id_prefix("res_")).is_ok());
}

#[test]
fn derived_uris_are_percent_encoded() {
    let mut b = Catalog::builder();
    b = b.provider(CustomProvider::new("we?ird#id%", "Weird"));
    let c = b.build().unwrap();
    let (ids, _, _) = list(&export_ngrok(&c, &ngrok_options()).unwrap());
    assert_eq!(ids, ["aigp_we?ird#id%"]);
    let v: Value = serde_json::from_str(&export_ngrok(&c, &ngrok_options()).unwrap()).unwrap();
    assert_eq!(
        v["aiGatewayProviders"][0]["uri"],
        "https://api.ngrok.ai/providers/aigp_we%3Fird%23id%25"
    );
    let pages = export_ngrok_pages(&c, &ngrok_options()).unwrap();
    let back = import_ngrok(Catalog::builtin(), &pages, &ImportOptions::new()).unwrap();
    same_answers(&c, &back);
}

/// A provider's own listing imported again adds nothing, also where its model's id is one
/// that another provider declares too (reachable through each provider only).
#[test]
fn a_listing_imported_again_adds_nothing_for_a_name_two_providers_declare() {
    let m = "acme-lab/custom-7b";
    let base = Catalog::builder()
        .provider(CustomProvider::new("vllm-a", "A").model(m, m))
        .provider(CustomProvider::new("vllm-b", "B").model(m, m))
        .build()
        .unwrap();
    let list = format!(r#"{{"object": "list", "data": [{{"id": "{m}"}}]}}"#);
    let c = import_openai_models(
        &base,
        &list,
        &TargetProvider::existing("vllm-a"),
        &ImportOptions::new(),
    )
    .unwrap();
    assert_eq!(c.models().len(), base.models().len());
    let input = format!("vllm-a:{m}");
    let r = c.resolve_model(&input).unwrap();
    assert_eq!(
        (r.provider.id(), r.model.map(|m| m.id())),
        ("vllm-a", Some(m))
    );
    // Only a catalog name spelled as listed is one the provider serves: `:m` (which
    // `vllm-a::m` would read as `m`) and a fine-tune id of a served base are refused as
    // before, not taken for the model.
    for (base, provider, listed) in [
        (&base, "vllm-a", format!(":{m}")),
        (
            Catalog::builtin(),
            "openai",
            "ft:gpt-4o-mini-2024-07-18:acme::abc123".to_owned(),
        ),
    ] {
        let list = format!(r#"{{"object": "list", "data": [{{"id": "{listed}"}}]}}"#);
        let r = import_openai_models(
            base,
            &list,
            &TargetProvider::existing(provider),
            &ImportOptions::new(),
        );
        assert!(r.is_err(), "{listed}");
    }
    let r = c.resolve_model(&input).unwrap();
    assert_eq!(
        (r.provider.id(), r.model.map(|m| m.id())),
        ("vllm-a", Some(m))
    );
}

/// Each provider's `(modelId, id)` pairs on exported ngrok pages, by provider id.
fn ngrok_models(pages: &[String]) -> Vec<(String, Vec<(String, String)>)> {
    let mut out = Vec::new();
    for page in pages {
        let v: Value = serde_json::from_str(page).unwrap();
        for p in v["aiGatewayProviders"].as_array().unwrap() {
            let models = p["models"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| {
                    (
                        m["modelId"].as_str().unwrap().to_owned(),
                        m["id"].as_str().unwrap().to_owned(),
                    )
                })
                .collect();
            out.push((p["providerId"].as_str().unwrap().to_owned(), models));
        }
    }
    out
}

#[test]
fn ngrok_export_of_a_model_many_providers_offer_lists_each_providers_own_offer() {
    // One model offered by 2,000 providers, each under an upstream id of its own (the shape
    // that made the export quadratic): every provider lists exactly its own offer, once,
    // and a provider with models of its own lists them before its offers.
    let mut b = Catalog::builder().provider(
        CustomProvider::new("home", "Home")
            .model("shared", "shared")
            .model("home-2", "home-2")
            .offer("gpt-4o", "openai/gpt-4o"),
    );
    for i in 0..2000 {
        b = b.provider(
            CustomProvider::new(&format!("p{i:04}"), "P").offer("shared", &format!("up-{i}")),
        );
    }
    let c = b.build().unwrap();
    let pages = export_ngrok_pages(&c, &ngrok_options()).unwrap();
    assert_eq!(pages.len(), 21);
    let listed = ngrok_models(&pages);
    assert_eq!(listed.len(), 2001);
    let by_id = |id: &str| listed.iter().find(|(p, _)| p == id).unwrap().1.clone();
    let pair = |m: &str, id: &str| (m.to_owned(), id.to_owned());
    assert_eq!(
        by_id("home"),
        [
            pair("shared", "home:shared"),
            pair("home-2", "home:home-2"),
            pair("openai/gpt-4o", "home:openai/gpt-4o"),
        ]
    );
    assert_eq!(by_id("p0000"), [pair("up-0", "p0000:up-0")]);
    assert_eq!(by_id("p0731"), [pair("up-731", "p0731:up-731")]);
    assert_eq!(by_id("p1999"), [pair("up-1999", "p1999:up-1999")]);
    assert!(listed
        .iter()
        .filter(|(p, _)| p != "home")
        .all(|(_, models)| models.len() == 1));
    let back = import_ngrok(Catalog::builtin(), &pages, &ImportOptions::new()).unwrap();
    assert_eq!(ok(&back, "p0731:up-731").2, "up-731");
}

/// The ngrok pages of `c` (one provider per page, so that ids are checked across pages),
/// imported again: they must import, and answer as `c` does.
fn ngrok_round_trip(c: &Catalog) -> (Vec<String>, Catalog) {
    let options = ngrok_options().limit(1);
    let pages = export_ngrok_pages(c, &options).unwrap();
    let back = import_ngrok(Catalog::builtin(), &pages, &ImportOptions::new())
        .unwrap_or_else(|e| panic!("the export does not import: {e}"));
    same_answers(c, &back);
    // Resource ids are kept, so the export of the import is the same pages.
    assert_eq!(export_ngrok_pages(&back, &options).unwrap(), pages);
    (pages, back)
}

/// The `id` and `uri` of each provider on exported pages, by provider id.
fn ngrok_resources(pages: &[String]) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for page in pages {
        let v: Value = serde_json::from_str(page).unwrap();
        for p in v["aiGatewayProviders"].as_array().unwrap() {
            let s = |k: &str| p[k].as_str().unwrap().to_owned();
            out.push((s("providerId"), s("id"), s("uri")));
        }
    }
    out
}

#[test]
fn ngrok_export_of_a_model_id_with_spaces_imports_back() {
    let c = Catalog::builder()
        .provider(CustomProvider::new("vllm", "X").model("Llama 3 8B", "Llama 3 8B"))
        .build()
        .unwrap();
    let (pages, back) = ngrok_round_trip(&c);
    assert_eq!(
        ngrok_models(&pages),
        [(
            "vllm".to_owned(),
            vec![("Llama 3 8B".to_owned(), "aigpm_0_0".to_owned())]
        )]
    );
    assert_eq!(ok(&back, "vllm:Llama 3 8B"), ok(&c, "vllm:Llama 3 8B"));
    assert_eq!(ok(&back, "vllm:Llama 3 8B").2, "Llama 3 8B");
}

#[test]
fn ngrok_export_of_names_at_the_length_limit_imports_back() {
    // A 200-byte provider id with a 100-byte model id, and a 256-byte provider id (`aigp_`
    // and it are 261 bytes) with a 256-byte model id.
    let p200 = "p".repeat(200);
    let m100 = "m".repeat(100);
    let p256 = "q".repeat(256);
    let m256 = "n".repeat(256);
    let c = Catalog::builder()
        .provider(CustomProvider::new(&p200, "Long").model(&m100, &m100))
        .provider(CustomProvider::new(&p256, "Longest").model(&m256, &m256))
        .build()
        .unwrap();
    let (pages, back) = ngrok_round_trip(&c);
    // Descending resource id: `aigp_ppp...` before `aigp_:1`.
    assert_eq!(
        ngrok_resources(&pages),
        [
            (
                p200.clone(),
                format!("aigp_{p200}"),
                format!("https://api.ngrok.ai/providers/aigp_{p200}")
            ),
            (
                p256.clone(),
                "aigp_:1".to_owned(),
                "https://api.ngrok.ai/providers/aigp_%3A1".to_owned()
            ),
        ]
    );
    assert_eq!(
        ngrok_models(&pages),
        [
            (p200.clone(), vec![(m100.clone(), "aigpm_0_0".to_owned())]),
            (p256.clone(), vec![(m256.clone(), "aigpm_1_0".to_owned())]),
        ]
    );
    // `provider:model` is past the 256 bytes of a model string: each resolves bare.
    assert_eq!(ok(&back, &m256), (p256, Some(m256.clone()), m256, false));
    assert_eq!(ok(&back, &m100), (p200, Some(m100.clone()), m100, false));
}

#[test]
fn ngrok_export_never_gives_a_positional_id_that_a_kept_id_has() {
    // Provider `x`, imported from ngrok, keeps its resource id `aigp_:1`; the second custom
    // provider's derived id (`aigp_` and 240 bytes) is too long, and its place is 1.
    let listed = page(
        json!([{
            "id": "aigp_:1", "uri": "https://api.ngrok.ai/providers/aigp_x",
            "providerId": "x", "name": "X", "baseUrl": "",
            "createdAt": "2026-01-01T00:00:00Z", "updatedAt": "2026-01-01T00:00:00Z",
            "createdBy": {"id": "usr_1", "uri": "https://api.ngrok.com/users/usr_1"},
            "lastUpdatedBy": {"id": "usr_1", "uri": "https://api.ngrok.com/users/usr_1"},
            "models": [{"id": "aigpm_1", "modelId": "m1"}]
        }]),
        None,
    );
    let imported = import_ngrok(Catalog::builtin(), &[listed], &ImportOptions::new()).unwrap();
    let long = "p".repeat(240);
    let c = imported
        .to_builder()
        .provider(CustomProvider::new(&long, "Long").model("m2", "m2"))
        .build()
        .unwrap();
    let (pages, back) = ngrok_round_trip(&c);
    let ids: Vec<(String, String)> = ngrok_resources(&pages)
        .into_iter()
        .map(|(p, id, _)| (p, id))
        .collect();
    assert_eq!(
        ids,
        [
            (long.clone(), "aigp_:1:1".to_owned()),
            ("x".to_owned(), "aigp_:1".to_owned()),
        ]
    );
    assert_eq!(ok(&back, "m2"), ok(&c, "m2"));
    assert_eq!(ok(&back, "x:m1"), ok(&c, "x:m1"));
    // Nor a derived one: `y`'s would be `aigp_y`, which `x` keeps here; `y` is second.
    let listed = page(
        json!([{
            "id": "aigp_y", "uri": "https://api.ngrok.ai/providers/aigp_y",
            "providerId": "x", "name": "X", "baseUrl": "",
            "createdAt": "2026-01-01T00:00:00Z", "updatedAt": "2026-01-01T00:00:00Z",
            "createdBy": {"id": "usr_1", "uri": "https://api.ngrok.com/users/usr_1"},
            "lastUpdatedBy": {"id": "usr_1", "uri": "https://api.ngrok.com/users/usr_1"},
            "models": [{"id": "aigpm_1", "modelId": "m1"}]
        }]),
        None,
    );
    let imported = import_ngrok(Catalog::builtin(), &[listed], &ImportOptions::new()).unwrap();
    let c = imported
        .to_builder()
        .provider(CustomProvider::new("y", "Y").model("m2", "m2"))
        .build()
        .unwrap();
    let (pages, back) = ngrok_round_trip(&c);
    let ids: Vec<(String, String)> = ngrok_resources(&pages)
        .into_iter()
        .map(|(p, id, _)| (p, id))
        .collect();
    assert_eq!(
        ids,
        [
            ("x".to_owned(), "aigp_y".to_owned()),
            ("y".to_owned(), "aigp_:1".to_owned()),
        ]
    );
    assert_eq!(ok(&back, "y:m2"), ok(&c, "y:m2"));
}

#[test]
fn ngrok_export_of_an_imported_model_id_with_a_space_imports_back() {
    let listed = page(
        json!([{
            "id": "aigp_1", "uri": "https://api.ngrok.ai/providers/aigp_1",
            "providerId": "acme", "name": "Acme", "baseUrl": "",
            "createdAt": "2026-01-01T00:00:00Z", "updatedAt": "2026-01-01T00:00:00Z",
            "createdBy": {"id": "usr_1", "uri": "https://api.ngrok.com/users/usr_1"},
            "lastUpdatedBy": {"id": "usr_1", "uri": "https://api.ngrok.com/users/usr_1"},
            "models": [{"id": "aigpm_1", "modelId": "Some Model/v1"}, {"id": "aigpm_2", "modelId": "tidy"}]
        }]),
        None,
    );
    let c = import_ngrok(Catalog::builtin(), &[listed], &ImportOptions::new()).unwrap();
    let (pages, back) = ngrok_round_trip(&c);
    assert_eq!(
        ngrok_models(&pages),
        [(
            "acme".to_owned(),
            vec![
                ("Some Model/v1".to_owned(), "aigpm_0_0".to_owned()),
                ("tidy".to_owned(), "acme:tidy".to_owned()),
            ]
        )]
    );
    assert_eq!(ok(&back, "acme:Some Model/v1").2, "Some Model/v1");
}

#[test]
fn ngrok_export_writes_valid_unique_resource_ids_for_awkward_names() {
    // Names that are valid catalog names but not, as `providerId:modelId`, valid resource
    // ids, or whose URI percent-encodes past 256 bytes; beside names that are.
    let bangs = "!".repeat(240); // `aigp_` and it: 245 bytes, its URI 31 + 5 + 720
    let long = format!("{} z", "w".repeat(200));
    let c = Catalog::builder()
        .provider(
            CustomProvider::new("a", "A")
                .model("x y", "x y")
                .model("x%20y", "x%20y")
                .model("x:y", "x:y")
                .model(&long, &long),
        )
        .provider(CustomProvider::new(&bangs, "Bangs").model("b c", "b c"))
        .provider(CustomProvider::new("0", "Zero").model("0", "0"))
        .build()
        .unwrap();
    let (pages, _) = ngrok_round_trip(&c);
    let resources = ngrok_resources(&pages);
    assert_eq!(
        resources
            .iter()
            .map(|(p, id, _)| (p.as_str(), id.as_str()))
            .collect::<Vec<_>>(),
        // Byte order, descending: `a`, then `:`, then `0`.
        [
            ("a", "aigp_a"),
            (bangs.as_str(), "aigp_:1"),
            ("0", "aigp_0")
        ]
    );
    let models = ngrok_models(&pages);
    let ids: Vec<Vec<&str>> = models
        .iter()
        .map(|(_, ms)| ms.iter().map(|(_, id)| id.as_str()).collect())
        .collect();
    assert_eq!(
        ids,
        [
            vec!["aigpm_0_0", "a:x%20y", "a:x:y", "aigpm_0_3"],
            vec!["aigpm_1_0"],
            vec!["0:0"],
        ]
    );
}

#[test]
fn ngrok_export_refuses_what_the_import_would_refuse_with_a_typed_error() {
    let c = Catalog::builder()
        .provider(CustomProvider::new("vllm", "X").model("m", "m"))
        .build()
        .unwrap();
    // Options that make a derived field invalid.
    let spaced = ResourceRef::new("usr 1", "https://api.ngrok.com/users/usr_1");
    for (options, path) in [
        (ngrok_options().id_prefix("my prefix "), "id"),
        (
            ngrok_options().list_uri("https://example.com/a list"),
            "uri",
        ),
        (
            NgrokExportOptions::new("2026-01-01T00:00:00Z", spaced.clone()),
            "createdBy.id",
        ),
        (
            ngrok_options().updated("2026-01-02T00:00:00Z", spaced),
            "lastUpdatedBy.id",
        ),
    ] {
        for e in [
            export_ngrok(&c, &options).unwrap_err(),
            export_ngrok_pages(&c, &options).unwrap_err(),
        ] {
            let ExportError::Unrepresentable {
                provider, path: at, ..
            } = &e
            else {
                panic!("{path}: {e:?}");
            };
            assert_eq!((provider.as_str(), at.as_str()), ("vllm", path), "{e}");
            assert!(
                e.to_string()
                    .starts_with("provider `vllm` cannot be exported to ngrok: at `"),
                "{e}"
            );
        }
    }
    // A control-plane record from a document: its fields need only be printable text there.
    let doc = r#"{"provider": {"id": "docs", "name": "Docs", "key_required": true,
        "control_plane": {"id": "aigp 1", "uri": "https://api.ngrok.ai/providers/aigp_1",
            "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z",
            "created_by": {"id": "usr_1", "uri": "https://api.ngrok.com/users/usr_1"},
            "last_updated_by": {"id": "usr_1", "uri": "https://api.ngrok.com/users/usr_1"}}},
        "models": [{"id": "d", "name": "D"}]}"#;
    let c = Catalog::builder()
        .json("docs.json", doc)
        .unwrap()
        .build()
        .unwrap();
    let e = export_ngrok(&c, &ngrok_options()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "provider `docs` cannot be exported to ngrok: at `id`: `aigp 1` holds a space, a control character or a non-ASCII character"
    );
}

#[test]
fn every_providers_detailed_export_imports_back() {
    // An offer may record its context window and not its output limit (models.dev
    // providers/nano-gpt/models/moonshotai/kimi-k2-thinking.toml: context 256000, output
    // 262144, above it, so not kept): the output limit given with it is at most that
    // context window, and the list imports back (the import refuses an output limit above
    // the context length).
    let base = Catalog::builtin();
    let r = base
        .resolve_model("nano-gpt:moonshotai/kimi-k2-thinking")
        .unwrap();
    assert_eq!(r.context_window(), Some(256_000));
    assert_eq!(r.max_output_tokens(), Some(256_000));
    for p in base.providers() {
        let json = export_openai_models_detailed(base, Some(p.id())).unwrap();
        if let Err(e) = import_openai_models(base, &json, &nano_proxy(), &ImportOptions::new()) {
            panic!("{}: {e}", p.id());
        }
    }
}

#[test]
fn a_providers_detailed_export_gives_its_own_capabilities_and_they_import_back() {
    use model_catalog::{Capability, Support};
    // models.dev providers/openrouter/models/qwen/qwen3-coder-plus.toml: base_model
    // alibaba/qwen3-coder-plus (tool_call = true), structured_output = true. NanoGPT
    // defines the model (providers/nano-gpt/models/qwen/qwen3-coder-plus.toml): tool_call =
    // false, structured_output = false. providers/nano-gpt/models/openai/o3.toml: input
    // ["text"] (OpenAI's o3 takes images).
    let base = Catalog::builtin();
    let entry = |provider: &str, id: &str| -> Value {
        let json = export_openai_models_detailed(base, Some(provider)).unwrap();
        let v: Value = serde_json::from_str(&json).unwrap();
        v["data"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["id"] == id)
            .unwrap_or_else(|| panic!("{id} not in {provider}'s list"))
            .clone()
    };
    let at_openrouter = entry("openrouter", "qwen/qwen3-coder-plus");
    assert_eq!(at_openrouter["capabilities"]["tool_calling"], true);
    assert_eq!(at_openrouter["capabilities"]["structured_output"], true);
    let at_nano = entry("nano-gpt", "qwen/qwen3-coder-plus");
    assert_eq!(at_nano["capabilities"]["tool_calling"], false);
    assert_eq!(
        entry("nano-gpt", "openai/o3")["capabilities"]["vision"],
        false
    );
    assert_eq!(entry("openai", "o3")["capabilities"]["vision"], true);

    // OpenRouter's list imported as another provider's: its offers keep what it said.
    let json = export_openai_models_detailed(base, Some("openrouter")).unwrap();
    let back = import_openai_models(base, &json, &nano_proxy(), &ImportOptions::new()).unwrap();
    let r = back
        .resolve_model("nano-proxy:qwen/qwen3-coder-plus")
        .unwrap();
    assert!(r.offer.is_some());
    assert_eq!(r.capability(Capability::Tools), Support::Yes);
    assert_eq!(r.capability(Capability::StructuredOutput), Support::Yes);
    assert_eq!(
        back.resolve_model("qwen3-coder-plus")
            .unwrap()
            .capability(Capability::Tools),
        Support::No
    );
}

#[test]
fn every_providers_detailed_export_imported_as_another_provider_answers_its_capabilities() {
    // The detailed list gives vision, reasoning, tool_calling, parallel_tool_calls,
    // structured_output and pdf_upload as they apply at the listing provider; imported as
    // another provider's list, each offer answers them alike.
    use model_catalog::Capability;
    let exported = [
        Capability::Vision,
        Capability::Reasoning,
        Capability::Tools,
        Capability::ParallelTools,
        Capability::StructuredOutput,
        Capability::Pdf,
    ];
    let base = Catalog::builtin();
    let mut offers = 0;
    for p in base.providers() {
        let json = export_openai_models_detailed(base, Some(p.id())).unwrap();
        let back = import_openai_models(base, &json, &nano_proxy(), &ImportOptions::new()).unwrap();
        let listed: Value = serde_json::from_str(&json).unwrap();
        for e in listed["data"].as_array().unwrap() {
            let id = e["id"].as_str().unwrap();
            let (there_name, here_name) = (format!("{}:{id}", p.id()), format!("nano-proxy:{id}"));
            let there = base.resolve_model(&there_name).unwrap();
            let Ok(here) = back.resolve_model(&here_name) else {
                continue;
            };
            if here.offer.is_none() {
                continue;
            }
            offers += 1;
            for c in exported {
                assert_eq!(here.capability(c), there.capability(c), "{there_name} {c}");
            }
        }
    }
    assert!(offers > 400, "{offers}");
}

#[test]
fn a_listing_says_nothing_of_what_it_leaves_out() {
    use model_catalog::{Capability, Support};
    // Seed 000 / models.dev providers/openai/models/gpt-4o.toml: GPT-4o takes text, images
    // and PDFs (and, by the seed, audio); reasons: no (reasoning = false). A listing that
    // says only `vision` leaves files and audio the model's; one that says `reasoning`
    // leaves it the model's too: whether a model reasons is its own.
    let base = Catalog::builtin();
    let listing = r#"{"object": "list", "data": [
        {"id": "gpt-4o", "capabilities": {"vision": true, "reasoning": true}}]}"#;
    let c = import_openai_models(base, listing, &nano_proxy(), &ImportOptions::new()).unwrap();
    let r = c.resolve_model("nano-proxy:gpt-4o").unwrap();
    let home = base.resolve_model("gpt-4o").unwrap();
    for cap in [
        Capability::Vision,
        Capability::Pdf,
        Capability::AudioInput,
        Capability::Reasoning,
    ] {
        assert_eq!(r.capability(cap), home.capability(cap), "{cap}");
    }
    assert_eq!(r.capability(Capability::Pdf), Support::Yes);
    assert_eq!(r.capability(Capability::Reasoning), Support::No);
    // `pdf_upload: false` takes files away, and nothing else.
    let listing = r#"{"object": "list", "data": [
        {"id": "gpt-4o", "capabilities": {"pdf_upload": false}}]}"#;
    let c = import_openai_models(base, listing, &nano_proxy(), &ImportOptions::new()).unwrap();
    let r = c.resolve_model("nano-proxy:gpt-4o").unwrap();
    assert_eq!(r.capability(Capability::Pdf), Support::No);
    assert_eq!(r.capability(Capability::Vision), Support::Yes);
    assert_eq!(
        r.capability(Capability::AudioInput),
        home.capability(Capability::AudioInput)
    );
    // A listing that says parallel tool calls and not tool calls imports (GPT-4o calls
    // tools: models.dev gpt-4o.toml tool_call = true).
    let listing = r#"{"object": "list", "data": [
        {"id": "gpt-4o", "capabilities": {"parallel_tool_calls": true}}]}"#;
    let c = import_openai_models(base, listing, &nano_proxy(), &ImportOptions::new()).unwrap();
    let r = c.resolve_model("nano-proxy:gpt-4o").unwrap();
    assert_eq!(r.capability(Capability::ParallelTools), Support::Yes);
    // Seed 002's `supports_vision`, likewise.
    let listing = r#"{"models": [{"id": "gpt-4o", "name": "GPT-4o", "provider": "vertex",
        "supports_vision": true}]}"#;
    let c = import_inference_api(base, listing, &ImportOptions::new()).unwrap();
    let r = c.resolve_model("vertex:gpt-4o").unwrap();
    assert!(r.offer.is_some());
    assert_eq!(r.capability(Capability::Pdf), Support::Yes);
    assert_eq!(
        r.capability(Capability::AudioInput),
        home.capability(Capability::AudioInput)
    );
}
