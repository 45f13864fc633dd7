//! Answers a gateway bills and forwards: pinned snapshots keep their id and facts, the
//! serving provider's prices, fine-tunes, names that are never sent upstream malformed,
//! pass-through policies, and the helpers gateways compute by hand.
//!
//! Expected values are typed from the seeds and the reference files (LiteLLM 1.110.2's
//! price list and models.dev), never from the code or data under test: each is cited.

use model_catalog::{
    resolve_model, Catalog, CostError, CustomProvider, Date, Lifecycle, Markup, MatchKind,
    PassThrough, Price, PriceKind, PriceSource, ResolveError, Resolver, Surface, Usage,
};

fn usd(s: &str) -> Price {
    s.parse().unwrap()
}

fn day(s: &str) -> Date {
    s.parse().unwrap()
}

const MTOK: u64 = 1_000_000;

/// What `provider`'s route for `model` in `catalog` costs for `usage`, in USD.
fn route_cost(catalog: &Catalog, model: &str, provider: &str, usage: &Usage) -> String {
    let chain = catalog
        .route(model, &model_catalog::RoutePolicy::new())
        .unwrap();
    let at = chain
        .iter()
        .find(|r| r.provider.id() == provider)
        .unwrap_or_else(|| panic!("no route for {model} at {provider}"));
    at.pricing.cost(usage).unwrap().total.to_string()
}

#[test]
fn a_pinned_snapshot_keeps_its_id_and_its_own_facts() {
    // Seed 000: `gpt-4o-2024-05-13` resolves to `gpt-4o`. LiteLLM `gpt-4o-2024-05-13`:
    // input_cost_per_token 5e-06, output_cost_per_token 1.5e-05, max_output_tokens 4096,
    // deprecation_date 2026-10-23 (models.dev gpt-4o-2024-05-13.toml agrees on 5 / 15 /
    // 4,096). `gpt-4o` itself: $2.50 / $10, 16,384 output tokens, deprecation 2027-01-14.
    for input in [
        "gpt-4o-2024-05-13",
        "GPT-4o-2024-05-13",
        "openai:GPT-4O-2024-05-13",
    ] {
        let r = resolve_model(input).unwrap();
        assert_eq!(r.provider.id(), "openai", "{input}");
        assert_eq!(r.model.unwrap().id(), "gpt-4o", "{input}");
        assert_eq!(r.matched, MatchKind::ServedName, "{input}");
        assert_eq!(r.upstream_id, "gpt-4o-2024-05-13", "{input}");
        assert_eq!(r.matched_name(), "gpt-4o-2024-05-13", "{input}");
        assert_eq!(r.max_output_tokens(), Some(4_096), "{input}");
        let p = r.pricing();
        assert_eq!(
            (p.input, p.output),
            (Some(usd("5")), Some(usd("15"))),
            "{input}"
        );
        assert_eq!(
            r.price_source(PriceKind::Input),
            Some(PriceSource::ServedName)
        );
        assert_eq!(r.retires(), Some(day("2026-10-23")), "{input}");
        assert_eq!(
            r.lifecycle_on(day("2026-11-27")),
            Some(Lifecycle::Retired {
                since: day("2026-10-23")
            })
        );
        let cost = r
            .cost(&Usage::new().input_tokens(MTOK).output_tokens(MTOK))
            .unwrap();
        assert_eq!(cost.total.to_string(), "20", "{input}");
    }
    let current = resolve_model("gpt-4o").unwrap();
    assert_eq!(current.upstream_id, "gpt-4o");
    assert_eq!(current.max_output_tokens(), Some(16_384));
    assert_eq!(current.pricing().input, Some(usd("2.5")));
    assert_eq!(current.retires(), Some(day("2027-01-14")));
    assert_eq!(
        current.lifecycle_on(day("2026-11-27")),
        Some(Lifecycle::Deprecated {
            retires: Some(day("2027-01-14"))
        })
    );
}

#[test]
fn snapshots_pointers_and_variants_are_sent_as_themselves() {
    // Seed 000 lists each as resolving to the model named; each is a model id the provider
    // serves, so it is what is sent (in the catalog's spelling, whatever case was typed).
    for (input, model, upstream) in [
        ("CHATGPT-4O-LATEST", "gpt-4o", "chatgpt-4o-latest"),
        ("gpt-4-32K", "gpt-4", "gpt-4-32k"),
        ("o3-2025-04-16", "o3", "o3-2025-04-16"),
        (
            "Claude-Sonnet-4-20250514",
            "claude-sonnet-4-0",
            "claude-sonnet-4-20250514",
        ),
        ("gpt-4-0613", "gpt-4", "gpt-4-0613"),
        ("gpt-4-1106-preview", "gpt-4-turbo", "gpt-4-1106-preview"),
    ] {
        let r = resolve_model(input).unwrap();
        assert_eq!(r.model.unwrap().id(), model, "{input}");
        assert_eq!(r.matched, MatchKind::ServedName, "{input}");
        assert_eq!(r.upstream_id, upstream, "{input}");
        assert_eq!(r.matched_name(), upstream, "{input}");
        assert_eq!(r.served_name().unwrap().id(), upstream, "{input}");
    }
    // LiteLLM `o3-2025-04-16` and models.dev o3.toml: $2 / $8, cache read $0.50.
    let r = resolve_model("o3-2025-04-16").unwrap();
    assert_eq!(r.pricing().input, Some(usd("2")));
    assert_eq!(r.pricing().output, Some(usd("8")));
    // models.dev claude-sonnet-4-20250514.toml: $3 / $15, 64,000 output tokens.
    let r = resolve_model("claude-sonnet-4-20250514").unwrap();
    assert_eq!(r.pricing().input, Some(usd("3")));
    assert_eq!(r.max_output_tokens(), Some(64_000));
}

#[test]
fn aliases_that_are_only_spellings_send_the_models_id() {
    // Seed 000: `GPT-5 mini` -> gpt-5-mini, `gpt-4-omni` -> gpt-4o, `gpt5.3-codex` ->
    // gpt-5.3-codex, `claude-opus-4.1` -> claude-opus-4-1, `llama-3.3-70b` ->
    // llama-3.3-70b-versatile (Groq's id `meta-llama/llama-3.3-70b-versatile`).
    for (input, upstream, spelled) in [
        ("gpt-5 MINI", "gpt-5-mini", "GPT-5 mini"),
        ("GPT-4-OMNI", "gpt-4o", "gpt-4-omni"),
        ("gpt5.3-codex", "gpt-5.3-codex", "gpt5.3-codex"),
        ("claude-opus-4.1", "claude-opus-4-1", "claude-opus-4.1"),
        (
            "groq:LLAMA-3.3-70b",
            "meta-llama/llama-3.3-70b-versatile",
            "llama-3.3-70b",
        ),
    ] {
        let r = resolve_model(input).unwrap();
        assert_eq!(r.matched, MatchKind::Alias, "{input}");
        assert_eq!(r.upstream_id, upstream, "{input}");
        assert_eq!(r.matched_name(), spelled, "{input}");
        assert!(r.served_name().is_none(), "{input}");
    }
}

#[test]
fn a_snapshot_named_at_another_provider_is_not_its_models_offer() {
    // `gpt-oss-120b` is offered by NanoGPT; a pinned OpenAI snapshot is not what its offer
    // of `gpt-4o` serves: an aggregator gets the name as typed, never the offer's id.
    let r = resolve_model("openrouter:gpt-4o-2024-05-13").unwrap();
    assert!(r.is_pass_through());
    assert_eq!(r.upstream_id, "gpt-4o-2024-05-13");
    // A provider that lists models and is no aggregator does not offer it.
    assert_eq!(
        resolve_model("groq:gpt-4o-2024-05-13").unwrap_err().kind(),
        "model_not_offered"
    );
}

#[test]
fn the_serving_providers_prices_are_billed() {
    // Groq's gpt-oss-120b (models.dev providers/groq/models/openai/gpt-oss-120b.toml) is
    // $0.15 / $0.60; OpenRouter's (providers/openrouter/models/openai/gpt-oss-120b.toml)
    // $0.03 / $0.15.
    let usage = Usage::new().input_tokens(MTOK).output_tokens(MTOK);
    let r = resolve_model("openrouter:gpt-oss-120b").unwrap();
    assert_eq!(r.provider.id(), "openrouter");
    assert_eq!(r.model.unwrap().provider_id(), "groq");
    assert_eq!(r.offer.unwrap().provider_id(), "openrouter");
    assert_eq!(r.pricing().input, Some(usd("0.03")));
    assert_eq!(r.pricing().output, Some(usd("0.15")));
    assert_eq!(r.price_source(PriceKind::Output), Some(PriceSource::Offer));
    let cost = r.cost(&usage).unwrap();
    assert_eq!(cost.total.to_string(), "0.18");
    assert!(!cost.fallback);
    // The model's own record still holds Groq's prices.
    let home = resolve_model("gpt-oss-120b").unwrap();
    assert_eq!(home.provider.id(), "groq");
    assert!(home.offer.is_none());
    assert_eq!(home.cost(&usage).unwrap().total.to_string(), "0.75");
}

/// A dated GPT-5 snapshot has its model's context window: seed 000 gives `gpt-5.1` and
/// `gpt-5.2-pro` 400,000 tokens and lists `gpt-5.1-2025-11-13` and `gpt-5.2-pro-2025-12-11`
/// as their names; models.dev (providers/openai/models/gpt-5.1.toml) has context 400_000,
/// input 272_000; LiteLLM's `gpt-5.1-2025-11-13` has `max_input_tokens` 272000, the input
/// limit, not a smaller context.
#[test]
fn a_dated_gpt_5_snapshot_has_its_models_context_window() {
    for (input, model) in [
        ("gpt-5.1-2025-11-13", "gpt-5.1"),
        ("gpt-5.2-pro-2025-12-11", "gpt-5.2-pro"),
        ("gpt-5-mini-2025-08-07", "gpt-5-mini"),
        ("openai:GPT-5.2-2025-12-11", "gpt-5.2"),
    ] {
        let r = resolve_model(input).unwrap();
        assert_eq!(r.model.unwrap().id(), model, "{input}");
        assert!(r.served_name().is_some(), "{input}");
        assert_eq!(r.context_window(), Some(400_000), "{input}");
    }
}

/// An aggregator's entry for another release of a model is no offer of it: the catalog's
/// `kimi-k2` is the September release Groq serves (seed 000: `moonshotai/kimi-k2-instruct-0905`,
/// 262,144 tokens). OpenRouter's `moonshotai/kimi-k2` is "Kimi K2 0711" (models.dev
/// providers/openrouter/models/moonshotai/kimi-k2.toml: 131,072 tokens, $0.57 / $2.30); its
/// September release is `moonshotai/kimi-k2-0905` (kimi-k2-0905.toml: "Kimi K2 0905",
/// 262,144 tokens, $0.60 / $2.50). Hyperbolic's `moonshotai/Kimi-K2-Instruct` is the July
/// release too (LiteLLM `hyperbolic/moonshotai/Kimi-K2-Instruct`: 131,072 input tokens).
#[test]
fn an_aggregators_entry_for_another_release_is_no_offer() {
    let r = resolve_model("openrouter:kimi-k2").unwrap();
    assert_eq!(r.upstream_id, "moonshotai/kimi-k2-0905");
    assert_eq!(r.offer.unwrap().provider_id(), "openrouter");
    assert_eq!(r.pricing().input, Some(usd("0.6")));
    assert_eq!(r.pricing().output, Some(usd("2.5")));
    // The July release's id is OpenRouter's own pass-through, not the catalog model.
    let july = resolve_model("openrouter:moonshotai/kimi-k2").unwrap();
    assert!(july.model.is_none() && july.is_pass_through());
    assert_eq!(july.upstream_id, "moonshotai/kimi-k2");
    // Hyperbolic offers no `kimi-k2`, and its July id is no name of the catalog model.
    assert!(resolve_model("hyperbolic:kimi-k2").map_or(true, |r| r.model.is_none()));
    let h = resolve_model("hyperbolic:moonshotai/Kimi-K2-Instruct").unwrap();
    assert!(h.model.is_none() && h.is_pass_through());
    assert_eq!(h.upstream_id, "moonshotai/Kimi-K2-Instruct");
}

#[test]
fn an_offer_lacking_a_price_falls_back_field_by_field_and_says_so() {
    // NanoGPT offers gpt-5.2 (providers/nano-gpt/models/openai/gpt-5.2.toml: input 1.75,
    // output 14, no cache read); OpenAI's own cache-read price is 0.175
    // (providers/openai/models/gpt-5.2.toml).
    let r = resolve_model("nano-gpt:openai/gpt-5.2").unwrap();
    assert_eq!(r.offer.unwrap().provider_id(), "nano-gpt");
    assert_eq!(r.price_source(PriceKind::Input), Some(PriceSource::Offer));
    assert_eq!(
        r.price_source(PriceKind::CacheRead),
        Some(PriceSource::Model)
    );
    assert_eq!(r.pricing().cache_read, Some(usd("0.175")));
    let cached = Usage::new().input_tokens(MTOK).cache_read_tokens(MTOK);
    let cost = r.cost(&cached).unwrap();
    assert_eq!(cost.cache_read.to_string(), "0.175");
    assert_eq!(cost.total.to_string(), "1.925");
    assert!(cost.fallback);
    // The stricter choice refuses a price the offer does not give.
    assert_eq!(
        r.cost_strict(&cached),
        Err(CostError::MissingPrice(PriceKind::CacheRead, MTOK))
    );
    // Without cached tokens nothing falls back.
    let plain = Usage::new().input_tokens(MTOK);
    assert!(!r.cost(&plain).unwrap().fallback);
    assert_eq!(r.cost_strict(&plain).unwrap().total.to_string(), "1.75");
}

#[test]
fn usage_objects_of_each_api_are_mapped_bucket_by_bucket() {
    // OpenAI Chat Completions: prompt_tokens includes cached_tokens, completion_tokens
    // includes reasoning_tokens.
    let chat = serde_json::json!({
        "prompt_tokens": 1200, "completion_tokens": 900, "total_tokens": 2100,
        "prompt_tokens_details": {"cached_tokens": 1024, "audio_tokens": 0},
        "completion_tokens_details": {"reasoning_tokens": 640, "audio_tokens": 0}
    });
    assert_eq!(
        Usage::from_openai_chat(&chat).unwrap(),
        Usage::new()
            .input_tokens(176)
            .cache_read_tokens(1024)
            .output_tokens(260)
            .reasoning_tokens(640)
            .cache_write_tokens(0)
    );
    // Details may be absent or null.
    let bare = serde_json::json!({"prompt_tokens": 10, "completion_tokens": 5, "prompt_tokens_details": null});
    let u = Usage::from_openai_chat(&bare).unwrap();
    assert_eq!((u.input_tokens, u.output_tokens), (10, 5));
    // OpenAI Responses: input_tokens includes cached, output_tokens includes reasoning.
    let responses = serde_json::json!({
        "input_tokens": 5000, "input_tokens_details": {"cached_tokens": 4096},
        "output_tokens": 700, "output_tokens_details": {"reasoning_tokens": 500},
        "total_tokens": 5700
    });
    assert_eq!(
        Usage::from_openai_responses(&responses).unwrap(),
        Usage::new()
            .input_tokens(904)
            .cache_read_tokens(4096)
            .output_tokens(200)
            .reasoning_tokens(500)
            .cache_write_tokens(0)
    );
    // Anthropic Messages: input_tokens excludes cache reads and writes.
    let anthropic = serde_json::json!({
        "input_tokens": 12, "cache_creation_input_tokens": 3000,
        "cache_read_input_tokens": 9000, "output_tokens": 450
    });
    assert_eq!(
        Usage::from_anthropic(&anthropic).unwrap(),
        Usage::new()
            .input_tokens(12)
            .cache_write_tokens(3000)
            .cache_read_tokens(9000)
            .output_tokens(450)
            .reasoning_tokens(0)
    );
    // Inconsistent or malformed objects are typed errors naming the field.
    for (bad, field) in [
        (
            serde_json::json!({"prompt_tokens": 10, "completion_tokens": 5, "prompt_tokens_details": {"cached_tokens": 11}}),
            "cached_tokens",
        ),
        (serde_json::json!({"completion_tokens": 5}), "prompt_tokens"),
        (
            serde_json::json!({"prompt_tokens": -1, "completion_tokens": 5}),
            "prompt_tokens",
        ),
        (
            serde_json::json!({"prompt_tokens": 1.5, "completion_tokens": 5}),
            "prompt_tokens",
        ),
        (serde_json::json!([1, 2]), "object"),
        // A details field that is not an object hides no count.
        (
            serde_json::json!({"prompt_tokens": 100, "completion_tokens": 10, "prompt_tokens_details": 90}),
            "`prompt_tokens_details` is not an object",
        ),
        (
            serde_json::json!({"prompt_tokens": 100, "completion_tokens": 10, "completion_tokens_details": [5]}),
            "`completion_tokens_details` is not an object",
        ),
    ] {
        let e = Usage::from_openai_chat(&bad).unwrap_err().to_string();
        assert!(e.contains(field), "{bad}: {e}");
    }
    assert!(Usage::from_anthropic(&serde_json::json!({"input_tokens": 1})).is_err());
}

#[test]
fn a_markup_applies_to_every_bucket_and_the_parts_add_up() {
    // gpt-4o: $2.50 input, $1.25 cached input, $10 output per Mtok (LiteLLM `gpt-4o`).
    let r = resolve_model("gpt-4o").unwrap();
    let cost = r
        .cost(
            &Usage::new()
                .input_tokens(3)
                .cache_read_tokens(7)
                .output_tokens(1),
        )
        .unwrap();
    // 7.5 + 8.75 + 10 = 26.25 micro-dollars.
    assert_eq!(cost.total.picos(), 26_250_000);
    let m: Markup = "1.4".parse().unwrap();
    let billed = cost.with_markup(m).unwrap();
    assert_eq!(billed.input.picos(), 10_500_000);
    assert_eq!(billed.cache_read.picos(), 12_250_000);
    assert_eq!(billed.output.picos(), 14_000_000);
    assert_eq!(billed.total.picos(), 36_750_000);
    // Rounding is per bucket, halves up, and the total is their sum.
    let third = Markup::from_ratio(1, 3).unwrap();
    let odd = model_catalog::Cost {
        input: model_catalog::Usd::from_picos(2),
        output: model_catalog::Usd::from_picos(2),
        ..model_catalog::Cost::default()
    };
    let t = odd.with_markup(third).unwrap();
    assert_eq!(
        (t.input.picos(), t.output.picos(), t.total.picos()),
        (1, 1, 2)
    );
    let huge = model_catalog::Cost {
        input: model_catalog::Usd::from_picos(u128::MAX / 2),
        ..model_catalog::Cost::default()
    };
    assert!(huge
        .with_markup(Markup::from_ratio(3, 1).unwrap())
        .is_none());
}

#[test]
fn long_context_prices_apply_above_their_threshold() {
    // LiteLLM `gpt-5.4`: $2.50 / $15 per Mtok; above 272k input tokens $5 / $22.50
    // (input_cost_per_token_above_272k_tokens 5e-06, output_cost_per_token_above_272k_tokens
    // 2.25e-05).
    let r = resolve_model("gpt-5.4").unwrap();
    let at = |input| {
        r.cost(&Usage::new().input_tokens(input).output_tokens(MTOK))
            .unwrap()
            .total
            .to_string()
    };
    assert_eq!(at(272_000), "15.68");
    assert_eq!(at(272_001), "23.860005");
}

/// A provider that prices a model itself is billed at its own prices for long prompts too:
/// the home provider's long-context tier does not reprice another provider's tokens, whether
/// the provider is named (`openrouter:gpt-5.4`) or reached through a route.
#[test]
fn another_providers_long_context_tier_never_reprices_an_offer() {
    // OpenRouter's gpt-5.4 (models.dev providers/openrouter/models/openai/gpt-5.4.toml):
    // $2.50 input, $15 output per Mtok, no long-context tier. OpenAI's own gpt-5.4 (LiteLLM
    // `gpt-5.4`) costs $5 / $22.50 above 272k input tokens. 300,000 input tokens and 1,000
    // output tokens at OpenRouter: 0.75 + 0.015.
    let usage = Usage::new().input_tokens(300_000).output_tokens(1_000);
    let named = resolve_model("openrouter:gpt-5.4").unwrap();
    assert_eq!(named.cost(&usage).unwrap().total.to_string(), "0.765");
    let chain = model_catalog::route("gpt-5.4", &model_catalog::RoutePolicy::new()).unwrap();
    let at_openrouter = chain
        .iter()
        .find(|r| r.provider.id() == "openrouter")
        .expect("OpenRouter offers gpt-5.4");
    assert_eq!(
        at_openrouter
            .pricing
            .cost(&usage)
            .unwrap()
            .total
            .to_string(),
        "0.765"
    );
    assert_eq!(at_openrouter.pricing.long_context, None);
    // At OpenAI the tier applies: 300,000 x $5 + 1,000 x $22.50 per Mtok.
    let at_openai = chain
        .iter()
        .find(|r| r.provider.id() == "openai")
        .expect("OpenAI serves gpt-5.4");
    assert_eq!(
        at_openai.pricing.cost(&usage).unwrap().total.to_string(),
        "1.5225"
    );
}

/// A tier applies to the buckets whose base price comes from the same provider: an offer's
/// own cache-read price is not replaced by the model's long-context cache-read price.
#[test]
fn a_tier_reprices_only_the_buckets_of_its_own_provider() {
    let doc = r#"[
      {"provider": {"id": "home", "name": "Home", "key_required": false},
       "models": [{"id": "tiered-1", "name": "Tiered 1",
                   "pricing": {"input": 1, "output": 2, "cache_read": 0.1,
                               "long_context": {"above": 1000, "input": 3, "cache_read": 0.2}}}]},
      {"provider": {"id": "cheap", "name": "Cheap", "key_required": false},
       "offers": [{"model": "tiered-1", "upstream_id": "tiered-1",
                   "pricing": {"cache_read": 0.05}}]}]"#;
    let c = Catalog::builder().json("d", doc).unwrap().build().unwrap();
    let reads = Usage::new().cache_read_tokens(2_000);
    let r = c.resolve_model("cheap:tiered-1").unwrap();
    assert_eq!(
        r.price_source(PriceKind::CacheRead),
        Some(PriceSource::Offer)
    );
    // 2,000 reads at the offer's $0.05 per Mtok, above the model's threshold or not.
    assert_eq!(r.cost(&reads).unwrap().total.to_string(), "0.0001");
    assert_eq!(r.cost_strict(&reads).unwrap().total.to_string(), "0.0001");
    // Input the offer does not price falls back to the model's base price and its tier
    // ($3 per Mtok for 2,000 tokens past the 1,000-token threshold).
    let both = Usage::new().input_tokens(2_000);
    let cost = r.cost(&both).unwrap();
    assert_eq!(cost.total.to_string(), "0.006");
    assert!(cost.fallback);
    // At home the tier applies to the model's own cache reads: 2,000 x $0.20 per Mtok.
    let home = c.resolve_model("home:tiered-1").unwrap();
    assert_eq!(home.cost(&reads).unwrap().total.to_string(), "0.0004");
}

/// An offer's own tier raises the offer's own prices, whichever buckets it prices; a bucket
/// the offer borrows from the model is priced as the model prices it, tier included (a cache
/// read no more than the offer's input price).
#[test]
fn a_tier_applies_to_its_own_providers_buckets_whichever_they_are() {
    let doc = r#"[
      {"provider": {"id": "home", "name": "Home", "key_required": false},
       "models": [{"id": "plain-1", "name": "Plain 1",
                   "pricing": {"input": 1, "output": 2, "cache_read": 0.1}},
                  {"id": "tiered-2", "name": "Tiered 2",
                   "pricing": {"input": 1, "output": 2, "cache_read": 0.1,
                               "long_context": {"above": 1000, "cache_read": 0.7}}}]},
      {"provider": {"id": "cheap", "name": "Cheap", "key_required": false},
       "offers": [{"model": "plain-1", "upstream_id": "plain-1",
                   "pricing": {"cache_read": 0.05,
                               "long_context": {"above": 1000, "cache_read": 0.5}}},
                  {"model": "tiered-2", "upstream_id": "tiered-2",
                   "pricing": {"input": 0.5, "output": 1}}]}]"#;
    let c = Catalog::builder().json("d", doc).unwrap().build().unwrap();
    // 2,000,000 cache reads, past the offer's threshold: its own $0.50 per Mtok.
    let reads = Usage::new().cache_read_tokens(2_000_000);
    let r = c.resolve_model("cheap:plain-1").unwrap();
    let cost = r.cost(&reads).unwrap();
    assert_eq!(cost.total.to_string(), "1");
    assert!(!cost.fallback);
    assert_eq!(r.cost_strict(&reads).unwrap().total.to_string(), "1");
    assert_eq!(route_cost(&c, "plain-1", "cheap", &reads), "1");
    // 1,000,000 input tokens at the offer's $0.50, and 2,000,000 cache reads the offer does
    // not price, at the model's tier price for a prompt this long ($0.70) but no more than
    // the offer's input price ($0.50): 0.5 + 1.0.
    let both = Usage::new()
        .input_tokens(1_000_000)
        .cache_read_tokens(2_000_000);
    let r = c.resolve_model("cheap:tiered-2").unwrap();
    let cost = r.cost(&both).unwrap();
    assert_eq!(cost.total.to_string(), "1.5");
    assert!(cost.fallback);
    assert_eq!(route_cost(&c, "tiered-2", "cheap", &both), "1.5");
    // At home: $1 input and $0.70 cache reads per Mtok.
    let home = c.resolve_model("home:tiered-2").unwrap();
    assert_eq!(home.cost(&both).unwrap().total.to_string(), "2.4");
}

/// A provider that prices output but not reasoning bills reasoning tokens as output: the
/// model's reasoning price is not borrowed for them.
#[test]
fn an_offer_without_a_reasoning_price_bills_reasoning_as_output() {
    let doc = r#"[
      {"provider": {"id": "home", "name": "Home", "key_required": false},
       "models": [{"id": "thinker-1", "name": "Thinker 1",
                   "pricing": {"input": 1, "output": 2, "reasoning": 9}}]},
      {"provider": {"id": "cheap", "name": "Cheap", "key_required": false},
       "offers": [{"model": "thinker-1", "upstream_id": "thinker-1",
                   "pricing": {"input": 0.5, "output": 1}}]}]"#;
    let c = Catalog::builder().json("d", doc).unwrap().build().unwrap();
    let usage = Usage::new()
        .input_tokens(1_000)
        .output_tokens(1_000)
        .reasoning_tokens(1_000_000);
    // At Cheap: 1,000 x $0.50 + (1,000 + 1,000,000) x $1 per Mtok.
    let r = c.resolve_model("cheap:thinker-1").unwrap();
    let cost = r.cost(&usage).unwrap();
    assert_eq!(cost.total.to_string(), "1.0015");
    assert!(!cost.fallback);
    assert_eq!(r.cost_strict(&usage).unwrap().total.to_string(), "1.0015");
    assert_eq!(r.price_source(PriceKind::Reasoning), None);
    assert_eq!(route_cost(&c, "thinker-1", "cheap", &usage), "1.0015");
    // At home: 1,000 x $1 + 1,000 x $2 + 1,000,000 x $9 per Mtok.
    let home = c.resolve_model("home:thinker-1").unwrap();
    assert_eq!(home.cost(&usage).unwrap().total.to_string(), "9.003");
}

/// A layer's tier states its own prices for long prompts, also for buckets it prices only
/// there; another provider's tier prices only the buckets borrowed from it.
#[test]
fn a_tier_prices_its_own_sides_long_prompts_only() {
    let doc = r#"[
      {"provider": {"id": "home", "name": "Home", "key_required": false},
       "models": [{"id": "m1", "name": "M1",
                   "pricing": {"input": 1, "output": 2,
                               "long_context": {"above": 1000, "input": 3, "cache_read": 5}}},
                  {"id": "m2", "name": "M2",
                   "pricing": {"input": 1, "output": 2, "cache_write": 1},
                   "served_names": [{"id": "m2-2025",
                                     "pricing": {"input": 1, "output": 2,
                                                 "long_context": {"above": 1000, "input": 2,
                                                                  "cache_write": 4}}}]}]},
      {"provider": {"id": "cheap", "name": "Cheap", "key_required": false},
       "offers": [{"model": "m1", "upstream_id": "m1", "pricing": {"input": 0.5, "output": 1}}]}]"#;
    let c = Catalog::builder().json("d", doc).unwrap().build().unwrap();
    // Home prices cache reads only for long prompts; Cheap never does: no price of Cheap's
    // for them, so `cost` has none to give either.
    let reads = Usage::new()
        .input_tokens(2_000)
        .cache_read_tokens(1_000_000);
    let r = c.resolve_model("cheap:m1").unwrap();
    assert_eq!(
        r.cost(&reads),
        Err(CostError::MissingPrice(PriceKind::CacheRead, 1_000_000))
    );
    assert_eq!(r.pricing().long_context, None);
    // At home, 2,000 x $3 + 1,000,000 x $5 per Mtok.
    let home = c.resolve_model("home:m1").unwrap();
    assert_eq!(home.cost(&reads).unwrap().total.to_string(), "5.006");
    // The snapshot's tier prices its cache writes for long prompts ($4), though its base
    // cache-write price is its model's ($1): 2,000 x $2 + 1,000,000 x $4 per Mtok.
    let writes = Usage::new()
        .input_tokens(2_000)
        .cache_write_tokens(1_000_000);
    for input in ["m2-2025", "home:m2-2025"] {
        let r = c.resolve_model(input).unwrap();
        assert_eq!(
            r.cost(&writes).unwrap().total.to_string(),
            "4.004",
            "{input}"
        );
    }
}

/// An offer's tier is its own price for long prompts, also for output it prices only
/// there: billed without falling back, reasoning tokens too (as output).
#[test]
fn an_offers_tier_price_is_its_own_for_long_prompts() {
    let doc = r#"[
      {"provider": {"id": "home", "name": "Home", "key_required": false},
       "models": [{"id": "m1", "name": "M1",
                   "pricing": {"input": 5, "output": 10, "reasoning": 20}}]},
      {"provider": {"id": "cheap", "name": "Cheap", "key_required": false},
       "offers": [{"model": "m1", "upstream_id": "m1",
                   "pricing": {"input": 1, "long_context": {"above": 1000, "output": 30}}}]}]"#;
    let c = Catalog::builder().json("d", doc).unwrap().build().unwrap();
    let r = c.resolve_model("cheap:m1").unwrap();
    // 2,000 x $1 + 1,000,000 x $30 per Mtok, output and reasoning alike.
    for usage in [
        Usage::new().input_tokens(2_000).output_tokens(1_000_000),
        Usage::new().input_tokens(2_000).reasoning_tokens(1_000_000),
    ] {
        let cost = r.cost(&usage).unwrap();
        assert_eq!(cost.total.to_string(), "30.002", "{usage:?}");
        assert!(!cost.fallback, "{usage:?}");
        assert_eq!(r.cost_strict(&usage).unwrap().total.to_string(), "30.002");
    }
    // A short prompt's output borrows the model's base $10: 500 x $1 + 1,000 x $10.
    let short = Usage::new().input_tokens(500).output_tokens(1_000);
    let cost = r.cost(&short).unwrap();
    assert_eq!(cost.total.to_string(), "0.0105");
    assert!(cost.fallback);
}

/// An offer that sends a snapshot's id serves that snapshot, however the model is named:
/// the snapshot's prices (its tier too, for what the offer borrows) and limits apply.
#[test]
fn an_offer_of_a_snapshot_is_priced_as_the_snapshot() {
    let doc = r#"[
      {"provider": {"id": "home", "name": "Home", "key_required": false},
       "models": [{"id": "m2", "name": "M2", "max_output_tokens": 16000,
                   "pricing": {"input": 1, "output": 2, "cache_write": 1},
                   "served_names": [{"id": "m2-2024", "max_output_tokens": 4000,
                                     "pricing": {"input": 5, "output": 10,
                                                 "long_context": {"above": 1000,
                                                                  "cache_write": 4}}}]}]},
      {"provider": {"id": "cheap", "name": "Cheap", "key_required": false},
       "offers": [{"model": "m2", "upstream_id": "m2-2024", "pricing": {"input": 0.5}}]},
      {"provider": {"id": "resell", "name": "Resell", "key_required": false},
       "offers": [{"model": "m2", "upstream_id": "home/m2-2024", "pricing": {"input": 0.5}}]}]"#;
    let c = Catalog::builder().json("d", doc).unwrap().build().unwrap();
    // 1,000,000 input tokens at the offer's $0.50 and 1,000,000 output tokens at the
    // snapshot's $10 (the model's is $2).
    let usage = Usage::new()
        .input_tokens(1_000_000)
        .output_tokens(1_000_000);
    for input in [
        "cheap:m2",
        "cheap:m2-2024",
        "resell:m2",
        "resell:home/m2-2024",
    ] {
        let r = c.resolve_model(input).unwrap();
        assert_eq!(r.served_name().map(|s| s.id()), Some("m2-2024"), "{input}");
        assert_eq!(r.cost(&usage).unwrap().total.to_string(), "10.5", "{input}");
        assert_eq!(r.max_output_tokens(), Some(4_000), "{input}");
    }
    for provider in ["cheap", "resell"] {
        assert_eq!(route_cost(&c, "m2", provider, &usage), "10.5", "{provider}");
    }
    // Cache writes the offer borrows from the snapshot's home, at the snapshot's tier for a
    // long prompt: 2,000 x $0.50 + 1,000,000 x $4 per Mtok.
    let writes = Usage::new()
        .input_tokens(2_000)
        .cache_write_tokens(1_000_000);
    let r = c.resolve_model("cheap:m2").unwrap();
    let cost = r.cost(&writes).unwrap();
    assert_eq!(cost.total.to_string(), "4.001");
    assert!(cost.fallback);
}

/// A model whose upstream id is one of its snapshots (behind a vendor prefix) is served as
/// that snapshot at home: its prices, limits and retirement apply, in routes too.
#[test]
fn a_model_sent_upstream_as_its_snapshot_has_the_snapshots_facts() {
    let doc = r#"[
      {"provider": {"id": "home", "name": "Home", "key_required": false},
       "models": [{"id": "m", "name": "M", "upstream_id": "vendor/m-2024",
                   "max_output_tokens": 16000, "pricing": {"input": 10, "output": 20},
                   "served_names": [{"id": "m-2024", "max_output_tokens": 10,
                                     "pricing": {"input": 8, "output": 16},
                                     "deprecated": true, "retires": "2025-01-01"}]}]}]"#;
    let c = Catalog::builder().json("d", doc).unwrap().build().unwrap();
    // 2,000 x $8 + 1,000 x $16 per Mtok.
    let usage = Usage::new().input_tokens(2_000).output_tokens(1_000);
    let r = c.resolve_model("home:m").unwrap();
    assert_eq!(r.upstream_id, "vendor/m-2024");
    assert_eq!(r.served_name().map(|s| s.id()), Some("m-2024"));
    assert_eq!(r.max_output_tokens(), Some(10));
    assert_eq!(r.cost(&usage).unwrap().total.to_string(), "0.032");
    let chain = c.route("m", &model_catalog::RoutePolicy::new()).unwrap();
    assert_eq!(
        chain[0].pricing.cost(&usage).unwrap().total.to_string(),
        "0.032"
    );
    let strict = Resolver::new()
        .refuse_retired(true)
        .as_of(day("2026-06-01"));
    assert_eq!(c.resolve_with(&strict, "m").unwrap_err().kind(), "retired");
}

#[test]
fn names_are_never_sent_upstream_malformed() {
    // The `::` namespace spelling is `provider:model`.
    let r = resolve_model("groq::llama-3.3-70b").unwrap();
    assert_eq!(r.provider.id(), "groq");
    assert_eq!(r.upstream_id, "meta-llama/llama-3.3-70b-versatile");
    let r = resolve_model("openai::gpt-5-preview").unwrap();
    assert_eq!(r.upstream_id, "gpt-5-preview");
    for input in [
        "openai:",
        "openai:/gpt-4o",
        "openai::",
        "groq:::llama-3.3-70b",
        "openai::/x",
        "openai/",
        "openai//gpt-4o",
        "openai/:gpt-4o",
    ] {
        let e = resolve_model(input).unwrap_err();
        assert_eq!(e.kind(), "malformed", "{input}");
        assert_eq!(e.http_status(), 400, "{input}");
        assert_eq!(e.input(), Some(input), "{input}");
    }
}

#[test]
fn fine_tune_ids_go_to_openai_as_written() {
    // LiteLLM `ft:gpt-4o-mini-2024-07-18`: $0.30 input, $1.20 output, $0.15 cached per
    // Mtok; the base snapshot `gpt-4o-mini-2024-07-18` costs $0.15 / $0.60.
    let id = "ft:gpt-4o-mini-2024-07-18:acme:support-bot:9a8b7c6d";
    for input in [
        id.to_owned(),
        format!("openai:{id}"),
        format!("  Open-AI/{id} "),
    ] {
        let r = resolve_model(&input).unwrap();
        assert_eq!(r.provider.id(), "openai", "{input}");
        assert_eq!(r.upstream_id, id, "{input}");
        assert!(r.is_fine_tune(), "{input}");
        assert_eq!(r.matched, MatchKind::FineTune);
        assert_eq!(r.model.unwrap().id(), "gpt-4o-mini", "{input}");
        assert_eq!(r.served_name().unwrap().id(), "gpt-4o-mini-2024-07-18");
        let p = r.pricing();
        assert_eq!(
            (p.input, p.output, p.cache_read),
            (Some(usd("0.3")), Some(usd("1.2")), Some(usd("0.15"))),
            "{input}"
        );
        assert_eq!(
            r.price_source(PriceKind::Input),
            Some(PriceSource::FineTune)
        );
    }
    // The prefix is sent in lower case; the rest exactly as written.
    for input in [
        "FT:gpt-4o-mini-2024-07-18:Acme:Bot:AbC",
        "openai:FT:gpt-4o-mini-2024-07-18:Acme:Bot:AbC",
        "OpenAI::Ft:gpt-4o-mini-2024-07-18:Acme:Bot:AbC",
    ] {
        let r = resolve_model(input).unwrap();
        assert_eq!(r.provider.id(), "openai", "{input}");
        assert_eq!(
            r.upstream_id, "ft:gpt-4o-mini-2024-07-18:Acme:Bot:AbC",
            "{input}"
        );
    }
    // An old-style id with an empty suffix, and a base the catalog does not know.
    let r = resolve_model("ft:davinci-002:personal::7qTVM5AR").unwrap();
    assert_eq!(r.provider.id(), "openai");
    assert!(r.model.is_none() && r.is_fine_tune());
    assert!(r.pricing().is_empty());
    // Without a base and a suffix it is malformed, never `unknown_provider` `ft`.
    for bad in [
        "ft:",
        "ft:gpt-4o",
        "ft::acme:x",
        "openai:ft:gpt-4o",
        "ft:gpt\u{7}:a:b",
    ] {
        assert_eq!(
            resolve_model(bad).unwrap_err().kind(),
            "malformed",
            "{bad:?}"
        );
    }
    // Another provider named before it: its own pass-through, not OpenAI.
    let via = format!("openrouter:{id}");
    let r = resolve_model(&via).unwrap();
    assert_eq!(r.provider.id(), "openrouter");
    assert!(r.is_pass_through() && !r.is_fine_tune());
}

#[test]
fn refuse_retired_holds_through_aggregators_and_for_snapshots() {
    // Seed 000: gpt-3.5-turbo retires 2026-09-28. LiteLLM: gpt-4o-2024-05-13 retires
    // 2026-10-23, gpt-4o 2027-01-14.
    let r = Resolver::new()
        .refuse_retired(true)
        .as_of(day("2026-11-27"));
    for input in [
        "gpt-3.5-turbo",
        "openrouter:gpt-3.5-turbo",
        "hyperbolic:gpt-3.5-turbo",
        "gpt-4o-2024-05-13",
        "openrouter:gpt-4o-2024-05-13",
        // As aggregators spell the models they pass on: the name behind the provider that
        // serves it (OpenAI) and a `/`.
        "openrouter:openai/gpt-4o-2024-05-13",
        "nano-gpt:OpenAI/GPT-4o-2024-05-13",
        "openrouter:openai/gpt-3.5-turbo",
        "openrouter/openai/gpt-4o-2024-05-13",
        "openrouter:openai:gpt-4o-2024-05-13",
        // With a variant, as OpenRouter writes them (`:free`, `:nitro`).
        "openrouter:openai/gpt-4o-2024-05-13:nitro",
        "openrouter:gpt-4o-2024-05-13:free",
        "openrouter:gpt-3.5-turbo:floor",
        "openrouter:openai/gpt-4o-2024-05-13:free:nitro",
        "openrouter:openai/gpt-4o-2024-05-13:beta.1",
        // Passed through again by the aggregator it names.
        "openrouter:openrouter/openai/gpt-4o-2024-05-13",
        "openrouter:nano-gpt/openai/gpt-4o-2024-05-13",
        // Seed 000: Claude Haiku 3 retires April 20, 2026. OpenRouter lists it without the
        // snapshot's date (models.dev providers/openrouter/models/anthropic/
        // claude-3-haiku.toml, "Claude 3 Haiku").
        "openrouter:anthropic/claude-3-haiku",
        "claude-3-haiku-20240307",
    ] {
        let e = r.resolve(input).unwrap_err();
        assert_eq!(e.kind(), "retired", "{input}");
        assert_eq!(e.http_status(), 410, "{input}");
    }
    // A retired snapshot of a live model names the snapshot, not the model, and points to
    // the model it stood for.
    for input in [
        "GPT-4o-2024-05-13",
        "openrouter:gpt-4o-2024-05-13",
        "openrouter:openai/gpt-4o-2024-05-13",
    ] {
        let e = r.resolve(input).unwrap_err();
        assert_eq!(
            e.to_string(),
            "model `gpt-4o-2024-05-13` was retired on 2026-10-23; use `gpt-4o` instead",
            "{input}"
        );
    }
    // Variants stacked up to the input limit (256 bytes) never outlast the check: LiteLLM
    // retires gpt-4 on 2026-10-23.
    for n in [1, 30, 31, 40, 46] {
        for prefix in [
            "openrouter:openai/gpt-4",
            "openrouter:gpt-4",
            "nano-gpt:openai/gpt-4",
        ] {
            let input = format!("{prefix}{}", ":free".repeat(n));
            assert!(input.len() <= 256, "{}", input.len());
            let e = r.resolve(&input).unwrap_err();
            assert_eq!(e.kind(), "retired", "{input}");
            assert!(
                e.to_string()
                    .starts_with("model `gpt-4` was retired on 2026-10-23"),
                "{e}"
            );
        }
    }
    // Nested up to the input limit, or passed on unchanged (a fine-tune id with an unknown
    // base passes itself on to OpenAI): a longer string is refused when a shorter one is.
    let nested = [
        "openrouter:ft:openai/gpt-4:x:o1:thinking:free:openai:free:x".to_owned(),
        format!("openrouter:{}gpt-4", "openai:".repeat(33)),
        format!("openrouter:{}openai/gpt-4:free", "openai/".repeat(30)),
        format!("openrouter:{}openai/gpt-4:free", "groq/".repeat(30)),
        format!(
            "openrouter:{}gpt-4{}",
            "openai:".repeat(18),
            ":free".repeat(20)
        ),
        // Empty variants are stripped as others.
        "openrouter:openai/gpt-4::free".to_owned(),
        "openrouter:openai/gpt-4:".to_owned(),
        "openrouter:gpt-4:".to_owned(),
    ];
    for input in &nested {
        assert!(input.len() <= 256, "{}", input.len());
        let e = r.resolve(input).unwrap_err();
        assert_eq!(e.kind(), "retired", "{input}");
    }
    // Live models with variants and nesting still resolve.
    for input in [
        "openrouter:openai/gpt-4o:free".to_owned(),
        "openrouter:openai/gpt-4o:free:nitro".to_owned(),
        format!(
            "openrouter:{}gpt-4o{}",
            "openai:".repeat(18),
            ":free".repeat(20)
        ),
    ] {
        assert!(r.resolve(&input).is_ok(), "{input}");
    }
    assert!(r.resolve("gpt-4o").is_ok());
    assert!(r
        .resolve("openrouter:meta-llama/Llama-3.3-70B-Instruct")
        .is_ok());
    // Only a provider that serves the name counts: Anthropic serves no gpt-3.5-turbo, and
    // `acme` is no provider.
    for input in [
        "openrouter:anthropic/gpt-3.5-turbo",
        "openrouter:acme/gpt-4o-2024-05-13",
    ] {
        let ok = r.resolve(input).unwrap();
        assert!(ok.is_pass_through(), "{input}");
    }
    // The day before, the snapshot is still served.
    let before = Resolver::new()
        .refuse_retired(true)
        .as_of(day("2026-10-22"));
    assert!(before.resolve("gpt-4o-2024-05-13").is_ok());
}

#[test]
fn pass_through_policies() {
    let aggregators = Resolver::new().pass_through(PassThrough::AggregatorsOnly);
    let never = Resolver::new().pass_through(PassThrough::Never);
    let always = Resolver::new();
    // A typo at OpenAI.
    for (r, ok) in [(&always, true), (&aggregators, false), (&never, false)] {
        let got = r.resolve("openai:gpt-4o-mni");
        assert_eq!(got.is_ok(), ok);
        if let Err(e) = got {
            assert_eq!(e.kind(), "pass_through_refused");
            assert_eq!(e.http_status(), 404);
        }
    }
    // An aggregator's model outside the catalog.
    let input = "openrouter:meta-llama/Llama-3.3-70B-Instruct";
    assert!(always.resolve(input).is_ok());
    assert!(aggregators.resolve(input).is_ok());
    assert!(never.resolve(input).is_err());
    // Catalog models resolve under every policy.
    for r in [&always, &aggregators, &never] {
        assert!(r.resolve("openrouter:gpt-oss-120b").is_ok());
        assert!(r.resolve("openai:gpt-4o").is_ok());
    }
    // Per provider, by id or alias, over the general policy.
    let mixed = Resolver::new()
        .pass_through(PassThrough::Never)
        .pass_through_for("open-router", PassThrough::Always);
    assert!(mixed.resolve(input).is_ok());
    assert!(mixed.resolve("openai:gpt-5-preview").is_err());
    // Fine-tunes of a catalog base pass unless pass-throughs never do.
    let ft = "ft:gpt-4o-mini-2024-07-18:acme::x1";
    assert!(aggregators.resolve(ft).is_ok());
    assert!(never.resolve(ft).is_err());
}

#[test]
fn near_misses_of_pass_throughs_are_reported() {
    let r = Resolver::new();
    let hit = r.resolve("openai:gpt-4o-mni").unwrap();
    assert!(hit.is_pass_through());
    assert_eq!(hit.upstream_id, "gpt-4o-mni");
    assert_eq!(hit.near_miss, Some("gpt-4o-mini"));
    // Groq's ids are vendor-prefixed: the near miss is what Groq serves.
    let hit = r.resolve("groq:meta-llama/llama-3.3-70b-versatil").unwrap();
    assert_eq!(hit.near_miss, Some("meta-llama/llama-3.3-70b-versatile"));
    // A name far from every catalog name has none.
    assert_eq!(r.resolve("openai:gpt-5-preview").unwrap().near_miss, None);
    // The free function computes none.
    assert_eq!(resolve_model("openai:gpt-4o-mni").unwrap().near_miss, None);
}

#[test]
fn custom_providers_serve_hugging_face_style_ids() {
    let c = Catalog::builder()
        .provider(
            CustomProvider::new("vllm", "Self-hosted vLLM")
                .base_url("http://vllm.internal:8000/v1/")
                .key_required(false)
                .model("google/gemma-3-27b-it", "google/gemma-3-27b-it")
                .model(
                    "meta-llama/Llama-3.3-70B-Instruct",
                    "meta-llama/Llama-3.3-70B-Instruct",
                ),
        )
        .build()
        .unwrap();
    for id in ["google/gemma-3-27b-it", "meta-llama/Llama-3.3-70B-Instruct"] {
        for input in [
            format!("vllm:{id}"),
            format!("VLLM/{}", id.to_ascii_uppercase()),
        ] {
            let r = c.resolve_model(&input).unwrap();
            assert_eq!(r.provider.id(), "vllm", "{input}");
            assert_eq!(r.model.unwrap().id(), id, "{input}");
            assert_eq!(r.upstream_id, id, "{input}");
        }
    }
    // The bare strings keep their built-in meaning (Google's Gemma 3 27B; the aggregators'
    // Llama 3.3 70B), exactly as without the custom provider.
    for id in ["google/gemma-3-27b-it", "meta-llama/Llama-3.3-70B-Instruct"] {
        let mine = c.resolve_model(id).unwrap();
        let builtin = resolve_model(id).unwrap();
        assert_ne!(mine.provider.id(), "vllm", "{id}");
        assert_eq!(
            (
                mine.provider.id(),
                mine.model.map(|m| m.id()),
                &*mine.upstream_id
            ),
            (
                builtin.provider.id(),
                builtin.model.map(|m| m.id()),
                &*builtin.upstream_id
            ),
            "{id}"
        );
    }
    assert_eq!(
        c.resolve_model("google/gemma-3-27b-it")
            .unwrap()
            .provider
            .id(),
        "google"
    );
    assert_ne!(
        c.lookup_model("google/gemma-3-27b-it")
            .map(|m| m.provider_id()),
        Some("vllm")
    );
    assert_eq!(c.models_of("vllm").unwrap().len(), 2);
    // Two providers may serve the same vendor-prefixed id, each reachable through itself.
    let two = Catalog::builder()
        .provider(CustomProvider::new("a", "A").model("acme-lab/m-1", "acme-lab/m-1"))
        .provider(CustomProvider::new("b", "B").model("acme-lab/m-1", "acme-lab/m-1"))
        .build()
        .unwrap();
    assert_eq!(
        two.resolve_model("a:acme-lab/m-1").unwrap().provider.id(),
        "a"
    );
    assert_eq!(
        two.resolve_model("b:acme-lab/m-1").unwrap().provider.id(),
        "b"
    );
    assert_eq!(
        two.resolve_model("acme-lab/m-1").unwrap_err().kind(),
        "unknown_model"
    );
    // Declared by one provider only, it is a name of the whole catalog too.
    let one = Catalog::builder()
        .provider(CustomProvider::new("a", "A").model("acme-lab/m-1", "acme-lab/m-1"))
        .build()
        .unwrap();
    assert_eq!(
        one.resolve_model("acme-lab/m-1").unwrap().provider.id(),
        "a"
    );
}

#[test]
fn gateway_helpers() {
    // Seed 000 base URLs: OpenAI `https://api.openai.com/v1/`, Groq
    // `https://api.groq.com/openai/v1`, DeepSeek `https://api.deepseek.com`.
    let r = resolve_model("openai:gpt-4o").unwrap();
    assert_eq!(
        r.provider.endpoint(Surface::ChatCompletions).as_deref(),
        Some("https://api.openai.com/v1/chat/completions")
    );
    assert_eq!(
        r.provider.endpoint(Surface::Responses).as_deref(),
        Some("https://api.openai.com/v1/responses")
    );
    let groq = resolve_model("groq:llama-3.3-70b").unwrap().provider;
    assert_eq!(
        groq.endpoint(Surface::ChatCompletions).as_deref(),
        Some("https://api.groq.com/openai/v1/chat/completions")
    );
    let deepseek = model_catalog::lookup_provider("deepseek").unwrap();
    assert_eq!(
        deepseek.url("/chat/completions").as_deref(),
        Some("https://api.deepseek.com/chat/completions")
    );
    // InceptionLabs has no base URL in the seed; models.dev's
    // `providers/inception/provider.toml` gives `api = "https://api.inceptionlabs.ai/v1/"`,
    // and its comment `POST /v1/chat/completions`. Vertex has none (per project and region).
    let inception = model_catalog::lookup_provider("inceptionlabs").unwrap();
    assert_eq!(
        inception.url("chat/completions").as_deref(),
        Some("https://api.inceptionlabs.ai/v1/chat/completions")
    );
    let mercury = resolve_model("mercury-2").unwrap();
    assert_eq!(mercury.provider.id(), "inceptionlabs");
    assert_eq!(
        mercury.provider.url("chat/completions").as_deref(),
        Some("https://api.inceptionlabs.ai/v1/chat/completions")
    );
    let vertex = model_catalog::lookup_provider("vertex").unwrap();
    assert_eq!(vertex.url("chat/completions"), None);
    // models.dev provider files: env OPENAI_API_KEY, ANTHROPIC_API_KEY, GROQ_API_KEY,
    // DEEPSEEK_API_KEY, OPENROUTER_API_KEY; Google's list includes GEMINI_API_KEY.
    for (p, env) in [
        ("openai", "OPENAI_API_KEY"),
        ("anthropic", "ANTHROPIC_API_KEY"),
        ("google", "GEMINI_API_KEY"),
        ("groq", "GROQ_API_KEY"),
        ("deepseek", "DEEPSEEK_API_KEY"),
        ("openrouter", "OPENROUTER_API_KEY"),
        // The NanoGPT seed (003) sends `Authorization: Bearer $NANOGPT_API_KEY`; models.dev
        // names NANO_GPT_API_KEY, and the seeds own providers' keys.
        ("nano-gpt", "NANOGPT_API_KEY"),
    ] {
        assert_eq!(
            model_catalog::lookup_provider(p).unwrap().api_key_env(),
            Some(env),
            "{p}"
        );
    }
    // Seed 000/001: OpenAI's and Anthropic's credentials are the gateway's; Groq's are not.
    assert!(!resolve_model("gpt-4o").unwrap().caller_key_required());
    assert!(!resolve_model("anthropic:claude-sonnet-4-6")
        .unwrap()
        .caller_key_required());
    assert!(resolve_model("groq:llama-3.3-70b")
        .unwrap()
        .caller_key_required());
    assert!(resolve_model("openrouter:x/y")
        .unwrap()
        .caller_key_required());
}

#[test]
fn errors_have_http_statuses_and_openai_style_bodies() {
    for (input, status, kind) in [
        ("   ", 400, "empty"),
        ("openai:", 400, "malformed"),
        ("gpt-4-o", 404, "unknown_model"),
        ("nope:gpt-4o", 404, "unknown_provider"),
        ("openai:llama-3.3-70b", 404, "model_not_offered"),
    ] {
        let e = resolve_model(input).unwrap_err();
        assert_eq!((e.http_status(), e.kind()), (status, kind), "{input:?}");
        let body: serde_json::Value = serde_json::from_str(&e.openai_error_body()).unwrap();
        assert_eq!(body["error"]["code"], kind, "{input:?}");
        assert_eq!(body["error"]["type"], "invalid_request_error");
        assert_eq!(body["error"]["param"], "model");
        assert_eq!(body["error"]["message"], e.to_string());
    }
    let long = "x".repeat(300);
    assert_eq!(resolve_model(&long).unwrap_err().http_status(), 400);
    // A hostile input cannot break the body or forge a line in it.
    let e = resolve_model("nope\n\"}:x").unwrap_err();
    let text = e.openai_error_body();
    assert!(!text.contains('\n'), "{text}");
    let body: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("\\u{a}"));
    let e = ResolveError::Empty;
    assert_eq!(e.http_status(), 400);
}

#[test]
fn a_request_is_checked_against_the_served_names_limits() {
    // gpt-4o-2024-05-13: 4,096 output tokens (LiteLLM); gpt-4o: 16,384.
    let req = model_catalog::Request {
        input_tokens: 1_000,
        max_output_tokens: Some(8_000),
        ..Default::default()
    };
    assert!(resolve_model("gpt-4o").unwrap().check(&req).is_empty());
    assert_eq!(
        resolve_model("gpt-4o-2024-05-13").unwrap().check(&req),
        [model_catalog::Violation::ExceedsOutputCap {
            requested: 8_000,
            cap: 4_096
        }]
    );
}

#[test]
fn an_offer_sent_under_a_served_name_is_its_providers_offer() {
    // Seed 000: `claude-sonnet-4-5-20250929` resolves to `claude-sonnet-4-5` (Anthropic).
    // models.dev nano-gpt/claude-sonnet-4-5-20250929: NanoGPT serves it under that very id
    // at $2.992 input, $14.994 output per Mtok (Anthropic: $3 / $15).
    let strict = Resolver::new().pass_through(PassThrough::Never);
    for input in [
        "nano-gpt:claude-sonnet-4-5-20250929",
        "NANO-GPT:CLAUDE-SONNET-4-5-20250929",
    ] {
        for r in [
            resolve_model(input).unwrap(),
            strict.resolve(input).unwrap(),
        ] {
            assert_eq!(r.provider.id(), "nano-gpt", "{input}");
            assert_eq!(r.model.unwrap().id(), "claude-sonnet-4-5", "{input}");
            assert_eq!(r.upstream_id, "claude-sonnet-4-5-20250929", "{input}");
            assert!(r.offer.is_some(), "{input}");
            let p = r.pricing();
            assert_eq!(
                (p.input, p.output),
                (Some(usd("2.992")), Some(usd("14.994"))),
                "{input}"
            );
        }
    }
    // At its home it is the served name; at a provider serving the model under another id
    // (OpenRouter: `anthropic/claude-sonnet-4.5`) it is not that provider's offer.
    let r = resolve_model("anthropic:claude-sonnet-4-5-20250929").unwrap();
    assert_eq!(r.provider.id(), "anthropic");
    assert_eq!(r.upstream_id, "claude-sonnet-4-5-20250929");
    assert!(r.offer.is_none());
    let r = resolve_model("openrouter:claude-sonnet-4-5-20250929").unwrap();
    assert!(r.is_pass_through() && r.offer.is_none());
}

#[test]
fn a_served_name_behind_a_vendor_prefix_is_not_replaced_by_the_current_id() {
    // Seed 000: `o3-pro-2025-06-10` resolves to `o3-pro` (OpenAI). models.dev lists NanoGPT's
    // id for it as `openai/o3-pro-2025-06-10`. Alone, that string names the snapshot: sent to
    // OpenAI as `o3-pro-2025-06-10`, never as `o3-pro`.
    for input in ["openai/o3-pro-2025-06-10", "OpenAI/O3-Pro-2025-06-10"] {
        let r = resolve_model(input).unwrap();
        assert_eq!(r.provider.id(), "openai", "{input}");
        assert_eq!(r.model.unwrap().id(), "o3-pro", "{input}");
        assert_eq!(r.upstream_id, "o3-pro-2025-06-10", "{input}");
        assert_eq!(r.served_name().unwrap().id(), "o3-pro-2025-06-10");
    }
    // Named at NanoGPT, it is NanoGPT's offer, sent under NanoGPT's id.
    let r = resolve_model("nano-gpt:openai/o3-pro-2025-06-10").unwrap();
    assert_eq!(r.provider.id(), "nano-gpt");
    assert_eq!(r.upstream_id, "openai/o3-pro-2025-06-10");
    assert!(r.offer.is_some());
}

#[test]
fn fine_tune_ids_have_the_documented_shape() {
    // OpenAI's fine-tune ids: `ft:<base>:<organization>:<suffix>:<id>`, the suffix empty for
    // unnamed jobs (`ft:davinci-002:personal::7qTVM5AR`), and checkpoints add
    // `:ckpt-step-<n>`.
    for ok in [
        "ft:gpt-4o-mini-2024-07-18:acme:support-bot:9a8b7c6d",
        "ft:davinci-002:personal::7qTVM5AR",
        "ft:gpt-4o-mini-2024-07-18:acme::9a8b7c6d:ckpt-step-88",
    ] {
        let r = resolve_model(ok).unwrap();
        assert_eq!((r.provider.id(), &*r.upstream_id), ("openai", ok));
    }
    for bad in [
        "ft:gpt-4o:x",
        "ft:gpt-4o::::",
        "ft:gpt-4o-mini::",
        "FT:a:b",
        "ft:gpt-4o:acme:bot:",
        "ft:gpt-4o::bot:id",
        "ft:gpt-4o:acme:bot:id:",
        "ft:gpt-4o:acme:bot:id:ckpt:extra",
        "openai:ft:gpt-4o:x",
    ] {
        assert_eq!(
            resolve_model(bad).unwrap_err().kind(),
            "malformed",
            "{bad:?}"
        );
    }
}

#[test]
fn the_near_miss_search_is_bounded() {
    // 600 names of the passed name's length and digits, each more than two edits away, then
    // one a single edit away: the search computes at most 512 distances, so it stops before
    // reaching the last (SECURITY.md, section 5). With the near one first, it is found.
    let letter = |i: usize| char::from(b'a' + (i % 26) as u8);
    let far: Vec<String> = (0..600)
        .map(|i| format!("{}{}zzzzzzzz-999-qqqqqqqq", letter(i / 26), letter(i)))
        .collect();
    let near = "model-name-999-abcdefgh";
    let input = "big:model-name-999-abcdefgx";
    let build = |names: &[&str]| {
        let mut p = CustomProvider::new("big", "Big");
        for n in names {
            p = p.model(n, n);
        }
        Catalog::builder().provider(p).build().unwrap()
    };
    let r = Resolver::new().pass_through(PassThrough::Always);
    let mut names: Vec<&str> = far.iter().map(String::as_str).collect();
    names.push(near);
    let c = build(&names);
    let hit = c.resolve_with(&r, input).unwrap();
    assert!(hit.is_pass_through());
    assert_eq!(hit.near_miss, None);
    names.rotate_right(1);
    let c = build(&names);
    let hit = c.resolve_with(&r, input).unwrap();
    assert_eq!(hit.near_miss, Some(near));
}

#[test]
fn a_served_name_not_offered_names_only_who_serves_it() {
    // Seed 000: `claude-haiku-4-5-20251001` resolves to `claude-haiku-4-5` (Anthropic). Vertex
    // serves the model as `claude-haiku-4-5@20251001` (models.dev), so the dated Anthropic
    // id is not Vertex's; NanoGPT serves it under that very id.
    let err = resolve_model("vertex:claude-haiku-4-5-20251001").unwrap_err();
    match &err {
        ResolveError::ModelNotOffered { offered_by, .. } => {
            assert_eq!(offered_by, &["anthropic", "nano-gpt"]);
        }
        other => panic!("{other:?}"),
    }
    assert!(!err.to_string().contains("`vertex`, ") && !err.to_string().ends_with("`vertex`"));
}

#[test]
fn an_override_that_takes_a_name_says_so_at_other_providers() {
    // A custom model takes the built-in name `gpt-4o-mini` with leave: OpenRouter's offer of
    // the built-in model is no longer what `openrouter:gpt-4o-mini` names, and the answer
    // says an override decided it.
    let c = Catalog::builder()
        .allow_override("gpt-4o-mini")
        .provider(CustomProvider::new("acme", "Acme").model("gpt-4o-mini", "mini"))
        .build()
        .unwrap();
    let r = c.resolve_model("openrouter:gpt-4o-mini").unwrap();
    assert!(r.is_pass_through());
    assert!(r.overrides_builtin);
    let r = c.resolve_model("gpt-4o-mini").unwrap();
    assert_eq!((r.provider.id(), r.overrides_builtin), ("acme", true));
}

#[test]
fn an_offer_has_its_providers_own_limits() {
    // models.dev providers/inference/models/meta/llama-3.1-8b-instruct.toml: context 16,000,
    // output 4,096 at Inference.net; seed 000: Groq's llama-3.1-8b-instant 131,072 / 131,072.
    let home = resolve_model("groq:llama-3.1-8b-instant").unwrap();
    assert_eq!(home.context_window(), Some(131_072));
    assert_eq!(home.max_output_tokens(), Some(131_072));
    let offer = resolve_model("inference-net:llama-3.1-8b-instant").unwrap();
    assert_eq!(offer.provider.id(), "inference-net");
    assert_eq!(offer.context_window(), Some(16_000));
    assert_eq!(offer.max_output_tokens(), Some(4_096));
    let own = offer.offer.expect("served through an offer");
    assert_eq!(
        (own.context_window(), own.max_output_tokens()),
        (Some(16_000), Some(4_096))
    );
    // The model itself keeps its own provider's limits.
    assert_eq!(offer.model.unwrap().context_window(), Some(131_072));
    // models.dev providers/openrouter/models/meta-llama/llama-4-scout.toml: 327,680 / 16,384;
    // seed 000: Groq's llama-4-scout-17b-16e-instruct 131,072 / 8,192.
    let longer = resolve_model("openrouter:llama-4-scout-17b-16e-instruct").unwrap();
    assert_eq!(longer.context_window(), Some(327_680));
    assert_eq!(longer.max_output_tokens(), Some(16_384));
    assert_eq!(
        resolve_model("groq:llama-4-scout-17b-16e-instruct")
            .unwrap()
            .context_window(),
        Some(131_072)
    );
    // models.dev providers/nano-gpt/models/moonshotai/Kimi-K2-Instruct-0905.toml: context
    // 256,000, output 262,144, above it: NanoGPT's output limit is its context window, not
    // Groq's 16,384 (seed 000: kimi-k2 262,144 / 16,384).
    let nano = resolve_model("nano-gpt:kimi-k2").unwrap();
    assert_eq!(nano.upstream_id, "moonshotai/Kimi-K2-Instruct-0905");
    assert_eq!(
        (nano.context_window(), nano.max_output_tokens()),
        (Some(256_000), Some(256_000))
    );
}

#[test]
fn a_request_is_checked_against_the_serving_providers_limits() {
    // 20,000 tokens of prompt fit Groq's 131,072 but not Inference.net's 16,000 (models.dev
    // providers/inference/models/meta/llama-3.1-8b-instruct.toml).
    let req = model_catalog::Request {
        input_tokens: 20_000,
        max_output_tokens: Some(1_000),
        ..Default::default()
    };
    assert!(resolve_model("groq:llama-3.1-8b-instant")
        .unwrap()
        .check(&req)
        .is_empty());
    assert_eq!(
        resolve_model("inference-net:llama-3.1-8b-instant")
            .unwrap()
            .check(&req),
        [model_catalog::Violation::ExceedsContext {
            requested: 21_000,
            context_window: 16_000,
            by: 5_000
        }]
    );
    // 200,000 tokens are over Groq's 131,072 for Llama 4 Scout, within OpenRouter's 327,680.
    let long = model_catalog::Request {
        input_tokens: 200_000,
        ..Default::default()
    };
    assert_eq!(
        resolve_model("groq:llama-4-scout-17b-16e-instruct")
            .unwrap()
            .check(&long)
            .len(),
        1
    );
    assert!(resolve_model("openrouter:llama-4-scout-17b-16e-instruct")
        .unwrap()
        .check(&long)
        .is_empty());
}

/// A document of provider `acme` offering `gpt-4o` as `acme-4o`, with `fields` (each
/// preceded by a comma) added to the offer.
fn acme_offer_of_gpt_4o(fields: &str) -> String {
    format!(
        r#"{{"provider": {{"id": "acme", "name": "Acme", "key_required": false}},
            "offers": [{{"model": "gpt-4o", "upstream_id": "acme-4o"{fields}}}]}}"#
    )
}

/// A catalog of [`acme_offer_of_gpt_4o`] with `fields`, or why it is refused.
fn acme_catalog(fields: &str) -> Result<Catalog, model_catalog::CatalogError> {
    Catalog::builder()
        .json("acme", &acme_offer_of_gpt_4o(fields))
        .expect("the document parses")
        .build()
}

#[test]
fn a_run_time_offer_has_its_own_limits() {
    // Seed 000: gpt-4o has a 128,000-token context window and 16,384 output tokens.
    let catalog = acme_catalog(r#", "context_window": 32000, "max_output_tokens": 4000"#).unwrap();
    let r = catalog.resolve_model("acme:gpt-4o").unwrap();
    assert_eq!(
        (r.context_window(), r.max_output_tokens()),
        (Some(32_000), Some(4_000))
    );
    assert_eq!(r.model.unwrap().context_window(), Some(128_000));
    // Without limits of its own, the offer gives the model's.
    let catalog = acme_catalog("").unwrap();
    let r = catalog.resolve_model("acme:gpt-4o").unwrap();
    assert_eq!(
        (r.context_window(), r.max_output_tokens()),
        (Some(128_000), Some(16_384))
    );
    assert_eq!(r.offer.unwrap().context_window(), None);
    // A context window of its own below the model's output limit: the output limit that
    // applies is at most the context window that applies.
    let catalog = acme_catalog(r#", "context_window": 1000"#).unwrap();
    let r = catalog.resolve_model("acme:gpt-4o").unwrap();
    assert_eq!(
        (r.context_window(), r.max_output_tokens()),
        (Some(1_000), Some(1_000))
    );
    // A limit of 0, or an output limit above the context window, is refused.
    for bad in [
        r#", "context_window": 0"#,
        r#", "max_output_tokens": 0"#,
        r#", "context_window": 1000, "max_output_tokens": 2000"#,
    ] {
        let e = acme_catalog(bad).unwrap_err();
        let text = e.to_string();
        assert!(
            text.contains("offer of") && text.contains("gpt-4o"),
            "{text}"
        );
    }
}

#[test]
fn vertex_partner_models_have_litellms_retirement_dates_and_cache_prices() {
    // LiteLLM 1.110.2 lists Vertex's partner models under their vendors' own
    // `litellm_provider` values: `vertex_ai/deepseek-ai/deepseek-v3.1-maas`
    // (`vertex_ai-deepseek_models`), `vertex_ai/moonshotai/kimi-k2-thinking-maas`,
    // `vertex_ai/zai-org/glm-5-maas` and `vertex_ai/qwen/qwen3-235b-a22b-instruct-2507-maas`
    // each have `"deprecation_date": "2026-10-21"`.
    let strict = Resolver::new()
        .refuse_retired(true)
        .as_of(day("2026-11-29"));
    let before = Resolver::new()
        .refuse_retired(true)
        .as_of(day("2026-10-20"));
    for input in [
        "vertex:deepseek-v3.1-maas",
        "vertex:kimi-k2-thinking-maas",
        "vertex:glm-5-maas",
        "vertex:qwen3-235b-a22b-instruct-2507-maas",
    ] {
        let r = resolve_model(input).unwrap();
        assert_eq!(r.retires(), Some(day("2026-10-21")), "{input}");
        assert_eq!(
            strict.resolve(input).unwrap_err().kind(),
            "retired",
            "{input}"
        );
        assert!(before.resolve(input).is_ok(), "{input}");
    }
    // Their cache-read prices: `cache_read_input_token_cost` 6e-08 ($0.06 per Mtok) for
    // `deepseek-ai/deepseek-v3.1-maas` and `zai-org/glm-4.7-maas` (Vertex's offer of GLM
    // 4.7); 7e-09 ($0.007) for `openai/gpt-oss-20b-maas`, where Groq's, the home's, is
    // $0.0375.
    let cached = Usage::new().input_tokens(MTOK).cache_read_tokens(MTOK);
    for (input, price) in [
        ("vertex:deepseek-v3.1-maas", "0.06"),
        ("vertex:glm-4.7", "0.06"),
        ("vertex:gpt-oss-20b", "0.007"),
    ] {
        let r = resolve_model(input).unwrap();
        assert_eq!(r.provider.id(), "vertex", "{input}");
        let cost = r.cost_strict(&cached).unwrap();
        assert_eq!(cost.cache_read.to_string(), price, "{input}");
    }
}

#[test]
fn an_offer_has_its_providers_own_retirement() {
    // LiteLLM 1.110.2: `vertex_ai/openai/gpt-oss-20b-maas` (Vertex) has `"deprecation_date":
    // "2026-10-21"`; `groq/openai/gpt-oss-20b` (Groq, the model's own provider) has none.
    let at_vertex = resolve_model("vertex:gpt-oss-20b").unwrap();
    assert_eq!(at_vertex.upstream_id, "openai/gpt-oss-20b-maas");
    assert_eq!(at_vertex.retires(), Some(day("2026-10-21")));
    assert_eq!(
        at_vertex.lifecycle_on(day("2026-11-29")),
        Some(Lifecycle::Retired {
            since: day("2026-10-21")
        })
    );
    let offer = at_vertex.offer.unwrap();
    assert!(offer.is_deprecated());
    assert_eq!(offer.retires(), Some(day("2026-10-21")));
    let at_groq = resolve_model("groq:gpt-oss-20b").unwrap();
    assert_eq!(at_groq.retires(), None);
    assert_eq!(at_groq.model.unwrap().retires(), None);

    let strict = Resolver::new()
        .refuse_retired(true)
        .as_of(day("2026-11-29"));
    match strict.resolve("vertex:gpt-oss-20b").unwrap_err() {
        ResolveError::Retired {
            model,
            since,
            successor,
            ..
        } => {
            assert_eq!(model, "openai/gpt-oss-20b-maas");
            assert_eq!(since, day("2026-10-21"));
            assert_eq!(successor.as_deref(), Some("groq:gpt-oss-20b"));
        }
        e => panic!("{e:?}"),
    }
    assert!(strict.resolve("groq:gpt-oss-20b").is_ok());
    assert!(strict.resolve("gpt-oss-20b").is_ok());
    assert!(Resolver::new()
        .refuse_retired(true)
        .as_of(day("2026-10-20"))
        .resolve("vertex:gpt-oss-20b")
        .is_ok());

    // LiteLLM: `vertex_ai/claude-sonnet-4-5@20250929` retires 2026-09-29 at Vertex,
    // `claude-sonnet-4-5` 2026-11-30 at Anthropic: the earlier applies through Vertex.
    assert_eq!(
        resolve_model("vertex:claude-sonnet-4-5").unwrap().retires(),
        Some(day("2026-09-29"))
    );
    assert_eq!(
        resolve_model("anthropic:claude-sonnet-4-5")
            .unwrap()
            .retires(),
        Some(day("2026-11-30"))
    );
}

#[test]
fn a_run_time_offer_has_its_own_lifecycle() {
    let catalog = acme_catalog(r#", "deprecated": true, "retires": "2026-03-01""#).unwrap();
    let r = catalog.resolve_model("acme:gpt-4o").unwrap();
    assert_eq!(r.retires(), Some(day("2026-03-01")));
    assert_eq!(
        r.lifecycle_on(day("2026-02-01")),
        Some(Lifecycle::Deprecated {
            retires: Some(day("2026-03-01"))
        })
    );
    let strict = Resolver::new()
        .refuse_retired(true)
        .as_of(day("2026-03-01"));
    assert_eq!(
        catalog
            .resolve_with(&strict, "acme:gpt-4o")
            .unwrap_err()
            .kind(),
        "retired"
    );
    // The model itself, at its own provider, is not.
    assert!(catalog.resolve_with(&strict, "openai:gpt-4o").is_ok());
    // A retirement date without `deprecated: true` is refused.
    let e = acme_catalog(r#", "retires": "2026-03-01""#).unwrap_err();
    assert!(e.to_string().contains("deprecated: true"), "{e}");
}

#[test]
fn an_aggregators_offer_is_its_plain_entry_not_a_trusted_execution_variant() {
    // models.dev providers/nano-gpt/models/deepseek/deepseek-v4-pro.toml ("DeepSeek V4 Pro"):
    // input 1.1, output 2.2; TEE/deepseek-v4-pro.toml is "DeepSeek V4 Pro TEE" at 1.5 / 5.25.
    // zai-org/glm-5.toml ("GLM 5"): 0.3 / 2.55, against TEE/glm-5.toml's 1.2 / 3.5.
    let usage = Usage::new().input_tokens(MTOK).output_tokens(MTOK);
    for (input, upstream, total) in [
        (
            "nano-gpt:deepseek-v4-pro",
            "deepseek/deepseek-v4-pro",
            "3.3",
        ),
        ("nano-gpt:glm-5-maas", "zai-org/glm-5", "2.85"),
    ] {
        let r = resolve_model(input).unwrap();
        assert_eq!(r.upstream_id, upstream, "{input}");
        assert_eq!(r.cost(&usage).unwrap().total.to_string(), total, "{input}");
    }
}

#[test]
fn reasoning_follows_the_output_price_chosen_where_a_reference_prices_it_as_output() {
    // models.dev providers/google/models/gemini-flash-lite-latest.toml: output 0.40;
    // LiteLLM `gemini/gemini-flash-lite-latest`: output_cost_per_token and
    // output_cost_per_reasoning_token both 2.5e-06, its output price (models.dev's output
    // price applies: data/CONFLICTS.md). gemini-flash-latest: models.dev 2.50, LiteLLM
    // 3.75e-06 for both.
    let thinking = Usage::new().reasoning_tokens(MTOK);
    for (input, total) in [
        ("gemini-flash-lite-latest", "0.4"),
        ("gemini-flash-latest", "2.5"),
    ] {
        let r = resolve_model(input).unwrap();
        assert_eq!(
            r.cost(&thinking).unwrap().total.to_string(),
            total,
            "{input}"
        );
    }
}

#[test]
fn a_per_provider_policy_applies_by_any_name_of_the_provider() {
    // A provider with many aliases: a rule naming any of them, in any ASCII case, applies to
    // the provider however the input names it; a rule naming another provider does not.
    let mut wide = CustomProvider::new("wide", "Wide");
    for i in 0..500 {
        wide = wide.alias(&format!("wide-alias-{i}"));
    }
    let c = Catalog::builder().provider(wide).build().unwrap();
    for rule in ["wide", "WIDE-ALIAS-499", "wide-alias-0"] {
        let r = Resolver::new().pass_through_for(rule, PassThrough::Never);
        for input in ["wide:some-model", "wide-alias-250:some-model"] {
            let e = c.resolve_with(&r, input).unwrap_err();
            assert_eq!(e.kind(), "pass_through_refused", "{rule} {input}");
        }
        assert!(c.resolve_with(&r, "openai:gpt-5-preview").is_ok(), "{rule}");
    }
    let other = Resolver::new().pass_through_for("openai", PassThrough::Never);
    assert!(c.resolve_with(&other, "wide:some-model").is_ok());
    assert_eq!(
        c.resolve_with(&other, "openai:gpt-5-preview")
            .unwrap_err()
            .kind(),
        "pass_through_refused"
    );
}

#[test]
fn a_borrowed_cache_read_price_is_at_most_the_serving_providers_input_price() {
    // models.dev providers/openrouter/models/openai/gpt-oss-120b.toml: input 0.03, no
    // cache_read; Groq, the model's own provider, charges $0.075 per million cached tokens
    // (providers/groq/models/openai/gpt-oss-120b.toml cache_read = 0.075). Cached tokens
    // at OpenRouter cost at most its $0.03 for uncached ones.
    let cached = Usage::new().input_tokens(MTOK).cache_read_tokens(MTOK);
    let r = resolve_model("openrouter:gpt-oss-120b").unwrap();
    assert_eq!(r.pricing().input, Some(usd("0.03")));
    assert_eq!(r.pricing().cache_read, Some(usd("0.03")));
    let cost = r.cost(&cached).unwrap();
    assert_eq!(cost.cache_read.to_string(), "0.03");
    assert!(cost.fallback);
    // At Groq, its own cache price.
    let r = resolve_model("groq:gpt-oss-120b").unwrap();
    assert_eq!(r.cost(&cached).unwrap().cache_read.to_string(), "0.075");
}

#[test]
fn a_borrowed_long_context_cache_read_price_is_at_most_the_input_price_there() {
    // The home prices input 1 and cache reads 0.5, and above 1,000 prompt tokens 2 and
    // 1.5; an offer prices input at 0.1, a served name at 0.05, neither cache reads.
    let json = r#"[
      {"provider": {"id": "home", "name": "Home", "key_required": false},
       "models": [{"id": "m", "name": "M",
         "pricing": {"input": 1, "output": 1, "cache_read": 0.5,
                     "long_context": {"above": 1000, "input": 2, "cache_read": 1.5}},
         "served_names": [{"id": "m-2024", "pricing": {"input": 0.05}}]}]},
      {"provider": {"id": "cheap", "name": "Cheap", "key_required": false},
       "offers": [{"model": "m", "upstream_id": "m-cheap", "pricing": {"input": 0.1}}]}
    ]"#;
    let c = Catalog::builder().json("t", json).unwrap().build().unwrap();
    // 1,000,000 cached tokens of a long prompt; 800 of a prompt of 900.
    let long = Usage::new().input_tokens(MTOK).cache_read_tokens(MTOK);
    let short = Usage::new().input_tokens(100).cache_read_tokens(800);
    for (input, long_price, short_price) in
        [("cheap:m", "0.1", "0.00008"), ("m-2024", "0.05", "0.00004")]
    {
        let r = c.resolve_model(input).unwrap();
        for (usage, price) in [(&long, long_price), (&short, short_price)] {
            let cost = r.cost(usage).unwrap();
            assert_eq!(cost.cache_read.to_string(), price, "{input}");
            // Through the offer, a price of the model's own provider: said so.
            assert_eq!(cost.fallback, input == "cheap:m", "{input}");
        }
    }
    // At home: its own prices, the tier's above the threshold.
    let r = c.resolve_model("home:m").unwrap();
    assert_eq!(r.cost(&short).unwrap().cache_read.to_string(), "0.0004");
    assert_eq!(r.cost(&long).unwrap().cache_read.to_string(), "1.5");
}

#[test]
fn image_models_that_answer_chat_take_text() {
    // LiteLLM 1.110.2 `gemini/gemini-3-pro-image`: "mode": "image_generation",
    // "supported_endpoints" with "/v1/chat/completions", "supported_modalities":
    // ["text", "image"]; models.dev providers/openrouter/models/google/gemini-3-pro-image.toml
    // input = ["image", "text"]. A text prompt fits it.
    use model_catalog::{Modalities, Modality, Request};
    let req = Request {
        input_tokens: 1_000,
        input_modalities: Modalities::default().with(Modality::Text),
        ..Default::default()
    };
    for input in ["gemini-3-pro-image", "vertex:gemini-3-pro-image"] {
        let r = resolve_model(input).unwrap();
        assert!(
            r.model
                .unwrap()
                .input_modalities()
                .unwrap()
                .contains(Modality::Text),
            "{input}"
        );
        assert!(r.check(&req).is_empty(), "{input}: {:?}", r.check(&req));
    }
}

#[test]
fn one_hour_cache_writes_are_billed_at_their_own_price() {
    // LiteLLM 1.110.2 `claude-sonnet-4-5`: cache_creation_input_token_cost 3.75e-06,
    // cache_creation_input_token_cost_above_1hr 6e-06 ($3.75 and $6 per Mtok).
    let body = serde_json::json!({
        "input_tokens": 0, "output_tokens": 0,
        "cache_creation_input_tokens": 3_000_000,
        "cache_creation": {"ephemeral_5m_input_tokens": 1_000_000,
                           "ephemeral_1h_input_tokens": 2_000_000}
    });
    let usage = Usage::from_anthropic(&body).unwrap();
    assert_eq!(
        (usage.cache_write_tokens, usage.cache_write_1h_tokens),
        (MTOK, 2 * MTOK)
    );
    let r = resolve_model("anthropic:claude-sonnet-4-5").unwrap();
    let cost = r.cost(&usage).unwrap();
    assert_eq!(cost.cache_write.to_string(), "3.75");
    assert_eq!(cost.cache_write_1h.to_string(), "12");
    assert_eq!(cost.total.to_string(), "15.75");
    assert!(!cost.fallback);
    // More one-hour writes than writes in all is refused, naming the field.
    let bad = serde_json::json!({
        "input_tokens": 0, "output_tokens": 0, "cache_creation_input_tokens": 10,
        "cache_creation": {"ephemeral_1h_input_tokens": 11}
    });
    let e = Usage::from_anthropic(&bad).unwrap_err();
    assert!(e.to_string().contains("ephemeral_1h_input_tokens"), "{e}");
}

#[test]
fn one_hour_cache_writes_without_their_own_price_are_billed_as_cache_writes() {
    // A model priced for cache writes only, and an offer of Claude Sonnet 4.5 that prices
    // cache writes at $4 but not one-hour ones: one-hour writes at the cache-write price of
    // the provider that serves them, not Anthropic's $6.
    let json = r#"[
      {"provider": {"id": "home", "name": "Home", "key_required": false},
       "models": [{"id": "m", "name": "M",
         "pricing": {"input": 1, "output": 2, "cache_write": 1.25}}]},
      {"provider": {"id": "resell", "name": "Resell", "key_required": false},
       "offers": [{"model": "claude-sonnet-4-5", "upstream_id": "resell-sonnet",
         "pricing": {"input": 3, "output": 15, "cache_write": 4}}]}
    ]"#;
    let c = Catalog::builder().json("t", json).unwrap().build().unwrap();
    let hour = Usage::new().cache_write_1h_tokens(MTOK);
    let cost = c.resolve_model("m").unwrap().cost(&hour).unwrap();
    assert_eq!(cost.cache_write_1h.to_string(), "1.25");
    let cost = c
        .resolve_model("resell:claude-sonnet-4-5")
        .unwrap()
        .cost(&hour)
        .unwrap();
    assert_eq!(cost.cache_write_1h.to_string(), "4");
    assert!(!cost.fallback);
    // With no cache-write price at all, the cost says which price is missing.
    let plain = Catalog::builder()
        .json(
            "p",
            r#"{"provider": {"id": "p", "name": "P", "key_required": false},
                "models": [{"id": "p1", "name": "P1", "pricing": {"input": 1, "output": 2}}]}"#,
        )
        .unwrap()
        .build()
        .unwrap();
    assert_eq!(
        plain.resolve_model("p1").unwrap().cost(&hour),
        Err(CostError::MissingPrice(PriceKind::CacheWrite, MTOK))
    );
}

#[test]
fn one_hour_cache_writes_of_long_prompts_are_billed_at_the_tiers_price() {
    // LiteLLM 1.110.2 `vertex_ai/claude-sonnet-4-5@20250929`:
    // cache_creation_input_token_cost_above_200k_tokens 7.5e-06 and
    // cache_creation_input_token_cost_above_1hr_above_200k_tokens 1.2e-05 ($7.50 and $12 per
    // Mtok above 200,000 prompt tokens; $3.75 and $6 below).
    let long = Usage::new()
        .input_tokens(300_000)
        .cache_write_tokens(MTOK)
        .cache_write_1h_tokens(MTOK);
    let r = resolve_model("vertex:claude-sonnet-4-5").unwrap();
    let cost = r.cost(&long).unwrap();
    assert_eq!(cost.cache_write.to_string(), "7.5");
    assert_eq!(cost.cache_write_1h.to_string(), "12");
    let short = Usage::new()
        .cache_write_tokens(1_000)
        .cache_write_1h_tokens(1_000);
    let cost = r.cost(&short).unwrap();
    assert_eq!(
        (
            cost.cache_write.to_string(),
            cost.cache_write_1h.to_string()
        ),
        ("0.00375".to_owned(), "0.006".to_owned())
    );
    // A tier that reprices cache writes but not one-hour ones: those never cost less than
    // the tier's cache writes.
    let json = r#"{"provider": {"id": "home", "name": "Home", "key_required": false},
       "models": [{"id": "m", "name": "M",
         "pricing": {"input": 1, "output": 2, "cache_write": 1.25, "cache_write_1h": 2,
                     "long_context": {"above": 1000, "input": 2, "cache_write": 2.5}}}]}"#;
    let c = Catalog::builder().json("t", json).unwrap().build().unwrap();
    let hour = Usage::new().input_tokens(2_000).cache_write_1h_tokens(MTOK);
    let cost = c.resolve_model("m").unwrap().cost(&hour).unwrap();
    assert_eq!(cost.cache_write_1h.to_string(), "2.5");
    // Five-minute and one-hour writes that do not add up to the writes are refused.
    for (five, total) in [(9, 5), (0, 5)] {
        let bad = serde_json::json!({
            "input_tokens": 1, "output_tokens": 1, "cache_creation_input_tokens": total,
            "cache_creation": {"ephemeral_5m_input_tokens": five, "ephemeral_1h_input_tokens": 2}
        });
        let e = Usage::from_anthropic(&bad).unwrap_err();
        assert!(e.to_string().contains("ephemeral_5m_input_tokens"), "{e}");
    }
    let negative = serde_json::json!({
        "input_tokens": 1, "output_tokens": 1, "cache_creation_input_tokens": 5,
        "cache_creation": {"ephemeral_5m_input_tokens": -9, "ephemeral_1h_input_tokens": 2}
    });
    assert!(Usage::from_anthropic(&negative).is_err());
}

#[test]
fn an_offer_has_its_providers_own_capabilities_and_modalities() {
    use model_catalog::{Capability, Modality, Request, Support, Violation};
    let tools = Request {
        input_tokens: 1_000,
        tools: true,
        ..Request::default()
    };
    // models.dev providers/nano-gpt/models/qwen/qwen3-coder-plus.toml: tool_call = false,
    // structured_output = false (NanoGPT defines the model). providers/openrouter/models/
    // qwen/qwen3-coder-plus.toml: base_model alibaba/qwen3-coder-plus (tool_call = true),
    // structured_output = true.
    let home = resolve_model("qwen3-coder-plus").unwrap();
    assert_eq!(home.capability(Capability::Tools), Support::No);
    // No tool calls, so none in parallel, wherever it is asked.
    assert_eq!(home.capability(Capability::ParallelTools), Support::No);
    assert_eq!(
        home.model.unwrap().capability(Capability::ParallelTools),
        Support::No
    );
    assert_eq!(
        home.check(&tools),
        vec![Violation::CapabilityMissing(Capability::Tools)]
    );
    let openrouter = resolve_model("openrouter:qwen/qwen3-coder-plus").unwrap();
    assert_eq!(openrouter.capability(Capability::Tools), Support::Yes);
    assert_eq!(
        openrouter.capability(Capability::StructuredOutput),
        Support::Yes
    );
    assert!(openrouter.check(&tools).is_empty());
    let offer = openrouter.offer.unwrap();
    assert_eq!(offer.own_flags().tools, Some(true));
    assert_eq!(
        offer.capability(openrouter.model.unwrap(), Capability::Tools),
        Support::Yes
    );
    // A route that requires tool calls goes to OpenRouter only.
    let chain = model_catalog::route(
        "qwen3-coder-plus",
        &model_catalog::RoutePolicy::new().capability(Capability::Tools),
    )
    .unwrap();
    assert!(chain.iter().all(|r| r.provider.id() != "nano-gpt"));
    assert!(chain.iter().any(|r| r.provider.id() == "openrouter"));
    let e = model_catalog::route(
        "qwen3-coder-plus",
        &model_catalog::RoutePolicy::new()
            .capability(Capability::Tools)
            .allow("nano-gpt"),
    )
    .unwrap_err();
    let at_nano: Vec<_> = e
        .rejected()
        .iter()
        .filter(|x| x.provider == "nano-gpt")
        .map(|x| x.reason.clone())
        .collect();
    assert_eq!(
        at_nano,
        vec![model_catalog::RejectReason::CapabilityMissing(
            Capability::Tools
        )]
    );

    // models.dev providers/openai/models/o3.toml: input text, image, pdf.
    // providers/nano-gpt/models/openai/o3.toml: input ["text"] only.
    let image = Request {
        input_tokens: 1_000,
        input_modalities: [Modality::Text, Modality::Image].into_iter().collect(),
        ..Request::default()
    };
    assert!(resolve_model("o3").unwrap().check(&image).is_empty());
    let nano = resolve_model("nano-gpt:openai/o3").unwrap();
    assert_eq!(
        nano.check(&image),
        vec![Violation::ModalityUnsupported(Modality::Image)]
    );
    assert_eq!(nano.capability(Capability::Vision), Support::No);
    assert_eq!(
        nano.input_modalities()
            .map(|m| m.iter().collect::<Vec<_>>()),
        Some(vec![Modality::Text])
    );
    // Whether a model reasons is its own, whoever serves it: the same file says
    // `reasoning = false`, o3 reasons (providers/openai/models/o3.toml: reasoning = true).
    assert_eq!(nano.capability(Capability::Reasoning), Support::Yes);
}

#[test]
fn a_run_time_offer_has_its_own_capabilities_and_modalities() {
    use model_catalog::{Capability, Modality, Request, Support, Violation};
    // models.dev providers/openai/models/gpt-4o.toml: tool_call = true, structured_output =
    // true, input text, image, pdf; LiteLLM `gpt-4o`: supports_parallel_function_calling.
    let catalog =
        acme_catalog(r#", "input_modalities": ["text"], "capabilities": {"tools": false}"#)
            .unwrap();
    let r = catalog.resolve_model("acme:gpt-4o").unwrap();
    assert_eq!(r.capability(Capability::Tools), Support::No);
    // Tool calls known missing: no parallel ones either, though the model has them.
    assert_eq!(r.capability(Capability::ParallelTools), Support::No);
    assert_eq!(
        r.model.unwrap().capability(Capability::ParallelTools),
        Support::Yes
    );
    // A flag the offer leaves out is the model's.
    assert_eq!(r.capability(Capability::StructuredOutput), Support::Yes);
    assert_eq!(r.capability(Capability::Vision), Support::No);
    assert_eq!(r.capability(Capability::Pdf), Support::No);
    let request = Request {
        input_tokens: 1_000,
        tools: true,
        input_modalities: [Modality::Image].into_iter().collect(),
        ..Request::default()
    };
    assert_eq!(
        r.check(&request),
        vec![
            Violation::ModalityUnsupported(Modality::Image),
            Violation::CapabilityMissing(Capability::Tools)
        ]
    );
    assert!(catalog
        .resolve_model("gpt-4o")
        .unwrap()
        .check(&request)
        .is_empty());
    let v = serde_json::to_value(r.offer.unwrap()).unwrap();
    assert_eq!(v["flags"], serde_json::json!({"tools": false}));
    assert_eq!(v["input_modalities"], serde_json::json!(["text"]));
    assert_eq!(v["output_modalities"], serde_json::Value::Null);
    // Without facts of its own, the offer's are the model's.
    let catalog = acme_catalog("").unwrap();
    let r = catalog.resolve_model("acme:gpt-4o").unwrap();
    for (c, s) in [
        (Capability::Tools, Support::Yes),
        (Capability::ParallelTools, Support::Yes),
        (Capability::StructuredOutput, Support::Yes),
        (Capability::Vision, Support::Yes),
        (Capability::Pdf, Support::Yes),
        (Capability::Reasoning, Support::No), // gpt-4o.toml: reasoning = false
    ] {
        assert_eq!(r.capability(c), s, "{c}");
    }
}

#[test]
fn an_offers_capabilities_and_modalities_are_checked_when_loaded() {
    for (fields, field) in [
        (
            r#", "capabilities": {"tools": false, "parallel_tools": true}"#,
            "capabilities",
        ),
        // Whether a model reasons is its own.
        (r#", "capabilities": {"reasoning": false}"#, "capabilities"),
        (r#", "input_modalities": []"#, "input_modalities"),
        (
            r#", "output_modalities": ["text", "text"]"#,
            "output_modalities",
        ),
    ] {
        let err = acme_catalog(fields).unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains(field) && text.contains("offer of `gpt-4o`"),
            "{fields}: {text}"
        );
    }
}

#[test]
fn a_prompt_above_the_providers_prompt_limit_is_refused() {
    use model_catalog::{Request, Violation};
    let request = |input: u64, output: u64| Request {
        input_tokens: input,
        max_output_tokens: Some(output),
        ..Request::default()
    };
    let over_limit =
        |requested: u64, limit: u32| vec![Violation::ExceedsInputLimit { requested, limit }];
    // models.dev providers/openai/models/gpt-5.2.toml: [limit] context = 400_000, input =
    // 272_000; LiteLLM `gpt-5.2`: max_input_tokens 272000. 300,000 + 10,000 fits the window
    // but not the prompt limit.
    let r = resolve_model("gpt-5.2").unwrap();
    assert_eq!(
        (r.context_window(), r.max_input_tokens()),
        (Some(400_000), Some(272_000))
    );
    assert_eq!(
        r.check(&request(300_000, 10_000)),
        over_limit(300_000, 272_000)
    );
    assert!(r.check(&request(272_000, 128_000)).is_empty());
    assert_eq!(
        r.model.unwrap().check(&request(300_000, 10_000)),
        over_limit(300_000, 272_000)
    );
    // OpenRouter serves it with the same 400,000-token window (models.dev providers/
    // openrouter/models/openai/gpt-5.2.toml); OpenAI's prompt limit holds behind it.
    let at_openrouter = resolve_model("openrouter:openai/gpt-5.2").unwrap();
    assert_eq!(at_openrouter.max_input_tokens(), Some(272_000));
    assert_eq!(
        at_openrouter.check(&request(300_000, 10_000)),
        over_limit(300_000, 272_000)
    );
    // One token over the limit, through the dated snapshot (LiteLLM `gpt-5.2-2025-12-11`:
    // max_input_tokens 272000).
    let snapshot = resolve_model("gpt-5.2-2025-12-11").unwrap();
    assert_eq!(snapshot.max_input_tokens(), Some(272_000));
    assert!(snapshot.check(&request(272_000, 0)).is_empty());
    assert_eq!(
        snapshot.check(&request(272_001, 0)),
        over_limit(272_001, 272_000)
    );
    // NanoGPT serves gpt-5-codex with a 256,000-token window (models.dev providers/
    // nano-gpt/models/openai/gpt-5-codex.toml: context = input = 256_000), below OpenAI's
    // 272,000-token prompt limit (providers/openai/models/gpt-5-codex.toml): the window is
    // the limit there.
    let at_nano = resolve_model("nano-gpt:openai/gpt-5-codex").unwrap();
    assert_eq!(
        (at_nano.context_window(), at_nano.max_input_tokens()),
        (Some(256_000), None)
    );
    assert_eq!(
        at_nano.check(&request(260_000, 0)),
        vec![Violation::ExceedsContext {
            requested: 260_000,
            context_window: 256_000,
            by: 4_000
        }]
    );
    // models.dev gpt-5.4.toml: context 1_050_000, input 922_000 (LiteLLM's max_input_tokens
    // 1050000 disagrees; models.dev decides).
    let r = resolve_model("gpt-5.4").unwrap();
    assert_eq!(
        r.check(&request(950_000, 1_000)),
        over_limit(950_000, 922_000)
    );
    // Seed 000 / models.dev gpt-4o.toml: a 128,000-token window and no prompt limit apart.
    let r = resolve_model("gpt-4o").unwrap();
    assert_eq!(r.max_input_tokens(), None);
    assert!(r.check(&request(120_000, 8_000)).is_empty());
    let v = serde_json::to_value(resolve_model("gpt-5.2").unwrap()).unwrap();
    assert_eq!(v["max_input_tokens"], 272_000);
    let v = serde_json::to_value(
        resolve_model("gpt-5.2")
            .unwrap()
            .check(&request(300_000, 0)),
    )
    .unwrap();
    assert_eq!(v[0]["kind"], "exceeds_input_limit");
}

#[test]
fn a_run_time_prompt_limit_must_be_below_the_context_window() {
    let doc = |limits: &str| {
        format!(
            r#"{{"provider": {{"id": "acme", "name": "Acme", "key_required": false}},
                "models": [{{"id": "acme-1", "name": "Acme 1"{limits}}}]}}"#
        )
    };
    let c = Catalog::builder()
        .json(
            "acme",
            &doc(r#", "context_window": 8000, "max_input_tokens": 6000"#),
        )
        .unwrap()
        .build()
        .unwrap();
    assert_eq!(
        c.lookup_model("acme-1").unwrap().max_input_tokens(),
        Some(6_000)
    );
    assert_eq!(
        c.resolve_model("acme-1").unwrap().max_input_tokens(),
        Some(6_000)
    );
    for limits in [
        r#", "context_window": 8000, "max_input_tokens": 8000"#,
        r#", "context_window": 8000, "max_input_tokens": 0"#,
        r#", "max_input_tokens": 6000"#,
    ] {
        let err = Catalog::builder()
            .json("acme", &doc(limits))
            .unwrap()
            .build()
            .unwrap_err()
            .to_string();
        assert!(err.contains("max_input_tokens"), "{limits}: {err}");
    }
}

#[test]
fn a_modality_listed_many_times_is_one_error() {
    let list = vec!["\"text\""; 1_000].join(", ");
    let err = acme_catalog(&format!(
        r#", "input_modalities": [{list}, "image", "image"]"#
    ))
    .unwrap_err();
    let messages: Vec<String> = err.errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(messages[0].contains("lists `text` twice"));
    assert!(messages[1].contains("lists `image` twice"));
}

#[test]
fn an_aggregator_listing_a_claude_model_without_its_date_offers_it() {
    // models.dev providers/openrouter/models/anthropic/claude-3-haiku.toml: "Claude 3
    // Haiku", [cost] input = 0.25, output = 1.25, cache_read = 0.03, cache_write = 0.3.
    // Anthropic's id is `claude-3-haiku-20240307` (seed 000).
    let r = resolve_model("openrouter:anthropic/claude-3-haiku").unwrap();
    assert_eq!(r.model.unwrap().id(), "claude-3-haiku-20240307");
    assert_eq!(r.upstream_id, "anthropic/claude-3-haiku");
    assert!(r.offer.is_some());
    let p = r.pricing();
    assert_eq!(
        (p.input, p.output, p.cache_read, p.cache_write),
        (
            Some(usd("0.25")),
            Some(usd("1.25")),
            Some(usd("0.03")),
            Some(usd("0.3"))
        )
    );
}
