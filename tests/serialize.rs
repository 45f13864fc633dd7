//! The JSON shapes of results (`serde` feature): stable keys, exact prices and amounts, and
//! owned forms that equal the borrowed ones.
#![cfg(feature = "serde")]

use model_catalog::{
    lookup_model, models, providers, resolve_model, route, Catalog, Lifecycle, Price,
    ResolutionRecord, RoutePolicy, Usage, Usd,
};
use proptest::prelude::*;
use serde_json::{json, Value};

fn keys(v: &Value) -> Vec<String> {
    let mut k: Vec<String> = v.as_object().expect("an object").keys().cloned().collect();
    k.sort();
    k
}

#[test]
fn every_model_and_provider_has_the_same_keys() {
    let first = keys(&serde_json::to_value(models().next().unwrap()).unwrap());
    assert!(first.contains(&"served_names".to_owned()));
    for m in models() {
        let v = serde_json::to_value(m).unwrap();
        assert_eq!(keys(&v), first, "{}", m.id());
        assert_eq!(v["id"], m.id());
        assert_eq!(keys(&v["capabilities"]).len(), 8, "{}", m.id());
    }
    let first = keys(&serde_json::to_value(providers().next().unwrap()).unwrap());
    for p in providers() {
        assert_eq!(keys(&serde_json::to_value(p).unwrap()), first, "{}", p.id());
    }
}

#[test]
fn a_model_is_written_with_the_facts_of_the_references() {
    // LiteLLM `gpt-4o`: $2.50 / $10 per Mtok, $1.25 cached, 16,384 output tokens, deprecation
    // 2027-01-14; seed 000: 128,000 tokens of context, alias `gpt-4-omni`.
    let v = serde_json::to_value(lookup_model("gpt-4o").unwrap()).unwrap();
    assert_eq!(
        v["pricing"],
        json!({"input": 2.5, "output": 10.0, "cache_read": 1.25})
    );
    assert_eq!(v["context_window"], 128_000);
    assert_eq!(v["max_output_tokens"], 16_384);
    assert_eq!(v["retires"], "2027-01-14");
    assert_eq!(v["capabilities"]["tools"], true);
    assert!(v["aliases"]
        .as_array()
        .unwrap()
        .contains(&json!("gpt-4-omni")));
    let served = v["served_names"].as_array().unwrap();
    let pinned = served
        .iter()
        .find(|s| s["id"] == "gpt-4o-2024-05-13")
        .expect("a served name");
    assert_eq!(pinned["max_output_tokens"], 4_096);
    assert_eq!(pinned["pricing"], json!({"input": 5.0, "output": 15.0}));
    // An unknown fact is null, not left out.
    let seedream = serde_json::to_value(lookup_model("seedream-4.5").unwrap()).unwrap();
    assert!(seedream.get("pricing").is_some_and(Value::is_null));
}

#[test]
fn resolutions_and_their_owned_form_are_one_shape() {
    for input in [
        "gpt-4o",
        "GPT-4o-2024-05-13",
        "openrouter:gpt-oss-120b",
        "openai:gpt-5-preview",
        "ft:gpt-4o-mini-2024-07-18:acme::x1",
        "groq::llama-3.3-70b",
    ] {
        let r = resolve_model(input).unwrap();
        let v = serde_json::to_value(&r).unwrap();
        assert_eq!(
            serde_json::to_value(ResolutionRecord::from(&r)).unwrap(),
            v,
            "{input}"
        );
        assert_eq!(v["upstream_id"], *r.upstream_id, "{input}");
        assert_eq!(v["provider"], r.provider.id(), "{input}");
    }
    // Seed 000: `gpt-4o-2024-05-13` resolves to gpt-4o; LiteLLM: $5 / $15, 4,096 output.
    let v = serde_json::to_value(resolve_model("GPT-4o-2024-05-13").unwrap()).unwrap();
    assert_eq!(v["model"], "gpt-4o");
    assert_eq!(v["matched"], "served_name");
    assert_eq!(v["matched_name"], "gpt-4o-2024-05-13");
    assert_eq!(v["served_name"], "gpt-4o-2024-05-13");
    // Its own input and output prices; the rest are the model's, field by field.
    assert_eq!(
        (&v["pricing"]["input"], &v["pricing"]["output"]),
        (&json!(5.0), &json!(15.0))
    );
    assert_eq!(v["max_output_tokens"], 4_096);
    // The capabilities and modalities where it is served. models.dev providers/nano-gpt/
    // models/qwen/qwen3-coder-plus.toml: tool_call = false; providers/openrouter/models/
    // qwen/qwen3-coder-plus.toml: base alibaba/qwen3-coder-plus, tool_call = true;
    // providers/nano-gpt/models/openai/o3.toml: input ["text"].
    let v =
        serde_json::to_value(resolve_model("openrouter:qwen/qwen3-coder-plus").unwrap()).unwrap();
    assert_eq!(v["capabilities"]["tools"], true);
    assert_eq!(v["capabilities"].as_object().unwrap().len(), 8);
    let v = serde_json::to_value(resolve_model("qwen3-coder-plus").unwrap()).unwrap();
    assert_eq!(v["capabilities"]["tools"], false);
    let v = serde_json::to_value(resolve_model("nano-gpt:openai/o3").unwrap()).unwrap();
    assert_eq!(v["input_modalities"], json!(["text"]));
    assert_eq!(v["capabilities"]["vision"], false);
    // A pass-through has no model and no prices.
    let v = serde_json::to_value(resolve_model("openai:gpt-5-preview").unwrap()).unwrap();
    assert!(v["model"].is_null());
    assert!(v["input_modalities"].is_null());
    assert_eq!(v["capabilities"]["tools"], Value::Null);
    assert_eq!(v["pricing"], json!({}));
    assert_eq!(v["prefix"], json!({"separator": ":", "matched": "id"}));
}

#[test]
fn an_owned_resolution_outlives_its_catalog_and_input() {
    let record = {
        let c = Catalog::builtin().clone();
        let input = String::from("openrouter:gpt-oss-120b");
        let r = c.resolve_model(&input).unwrap();
        ResolutionRecord::from(&r)
    };
    assert_eq!(record.provider, "openrouter");
    assert_eq!(record.offer.as_deref(), Some("openrouter"));
}

#[test]
fn errors_carry_their_kind_status_and_escaped_message() {
    let e = resolve_model("evil\nline:x").unwrap_err();
    let text = serde_json::to_string(&e).unwrap();
    assert!(!text.contains('\n'));
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["kind"], "unknown_provider");
    assert_eq!(v["http_status"], 404);
    assert!(v["message"].as_str().unwrap().contains("\\u{a}"));
    assert_eq!(v["input"], "evil\nline:x");
    let v = serde_json::to_value(resolve_model("").unwrap_err()).unwrap();
    assert_eq!(
        v,
        json!({"kind": "empty", "message": "empty model string", "http_status": 400, "input": null, "suggestions": []})
    );
    let no_route = route(
        "gpt-oss-120b",
        &RoutePolicy::new().allow("groq").deny("groq"),
    )
    .unwrap_err();
    let v = serde_json::to_value(&no_route).unwrap();
    assert_eq!(v["kind"], "no_route");
    assert_eq!(v["rejected"][0]["provider"], "groq");
    assert_eq!(v["rejected"][0]["reason"]["kind"], "denied");
}

#[test]
fn routes_are_written_with_their_prices() {
    // OpenRouter's gpt-oss-120b: $0.03 / $0.15 (models.dev providers/openrouter).
    let chain = route("openrouter:gpt-oss-120b", &RoutePolicy::new()).unwrap();
    let v = serde_json::to_value(&chain).unwrap();
    assert_eq!(v[0]["provider"], "openrouter");
    assert_eq!(v[0]["offer"], true);
    assert_eq!(v[0]["pricing"]["output"], 0.15);
}

#[test]
fn amounts_of_money_are_exact_decimal_strings() {
    let cost = lookup_model("gpt-4o")
        .unwrap()
        .cost(&Usage::new().input_tokens(1_000).output_tokens(500))
        .unwrap();
    let v = serde_json::to_value(cost).unwrap();
    assert_eq!(v["total"], "0.0075");
    assert_eq!(v["input"], "0.0025");
    assert_eq!(v["fallback"], false);
    // A picodollar, and more than any float holds, stay exact.
    assert_eq!(
        serde_json::to_value(Usd::from_picos(1)).unwrap(),
        "0.000000000001"
    );
    let huge = Usd::from_picos(u128::MAX);
    assert_eq!(
        serde_json::to_value(huge).unwrap(),
        "340282366920938463463374607.431768211455"
    );
}

#[test]
fn lifecycles_and_catalog_info() {
    let day = |s: &str| s.parse::<model_catalog::Date>().unwrap();
    let m = lookup_model("gpt-3.5-turbo").unwrap();
    assert_eq!(
        serde_json::to_value(m.lifecycle_on(day("2026-09-01"))).unwrap(),
        json!({"state": "deprecated", "retires": "2026-09-28"})
    );
    assert_eq!(
        serde_json::to_value(Lifecycle::Retired {
            since: day("2026-09-28")
        })
        .unwrap(),
        json!({"state": "retired", "since": "2026-09-28"})
    );
    let v = serde_json::to_value(model_catalog::catalog_info()).unwrap();
    assert_eq!(
        v["models_dev"],
        json!({"revision": "f3fc692", "date": "2026-07-02"})
    );
    assert_eq!(
        v["litellm"],
        json!({"version": "1.110.2", "date": "2026-11-27"})
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// A price is written as a JSON number whose text reads back as exactly the same price
    /// (and as the same decimal it displays as), for every price below 10^9 USD per Mtok.
    #[test]
    fn prices_are_written_exactly(picos in 0u64..1_000_000_000_000_000) {
        let p = Price::from_picos_per_token(picos);
        let text = serde_json::to_string(&p).unwrap();
        let back: Price = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(back, p, "{}", text);
        let shown: f64 = p.to_string().parse().unwrap();
        let read: f64 = text.parse().unwrap();
        prop_assert_eq!(shown.to_bits(), read.to_bits());
    }
}

#[test]
fn a_price_too_large_to_write_exactly_is_an_error() {
    let p = Price::from_picos_per_token(1_000_000_000_000_000);
    assert!(serde_json::to_string(&p).is_err());
    let p = Price::from_picos_per_token(999_999_999_999_999);
    assert_eq!(serde_json::to_string(&p).unwrap(), "999999999.999999");
}

#[test]
fn an_offer_serializes_its_own_limits_and_prices() {
    // models.dev providers/inference/models/meta/llama-3.1-8b-instruct.toml: context 16,000,
    // output 4,096, $0.025 / $0.025 per Mtok at Inference.net.
    let r = model_catalog::resolve_model("inference-net:llama-3.1-8b-instant").unwrap();
    let v = serde_json::to_value(r.offer.unwrap()).unwrap();
    assert_eq!(v["provider"], "inference-net");
    assert_eq!(v["upstream_id"], "meta/llama-3.1-8b-instruct");
    assert_eq!(v["context_window"], 16_000);
    assert_eq!(v["max_output_tokens"], 4_096);
    assert_eq!(v["pricing"]["input"], json!(0.025));
    assert_eq!(v["deprecated"], false);
    assert_eq!(v["retires"], Value::Null);
    // LiteLLM `vertex_ai/openai/gpt-oss-20b-maas`: `"deprecation_date": "2026-10-21"`.
    let r = model_catalog::resolve_model("vertex:gpt-oss-20b").unwrap();
    let v = serde_json::to_value(r.offer.unwrap()).unwrap();
    assert_eq!(v["deprecated"], true);
    assert_eq!(v["retires"], "2026-10-21");
}
