//! Exact cost arithmetic: `Pricing::cost`, `Model::cost`, `Usage`, `Usd`, `Markup`,
//! `Price::per_1k_tokens` and `Price::from_per_1k_tokens`.
//!
//! Prices are USD per million tokens, i.e. picodollars (1e-12 USD) per token: a price of
//! 2.5 is 2_500_000 picodollars per token. Every expected amount below is worked out by hand
//! in the comments.

use model_catalog::{
    lookup_model, models, offers_of, CostError, Markup, Model, Price, PriceKind, Pricing, Usage,
    Usd,
};
use std::str::FromStr;

fn usd(s: &str) -> Price {
    Price::from_str(s).unwrap_or_else(|e| panic!("bad price literal {s}: {e}"))
}

fn markup(s: &str) -> Markup {
    s.parse()
        .unwrap_or_else(|e| panic!("bad markup literal {s}: {e}"))
}

fn model(id: &str) -> &'static Model {
    lookup_model(id).unwrap_or_else(|| panic!("model `{id}` is not in the catalog"))
}

/// input 2.5, output 10, cache read 1.25, cache write 3.75, no reasoning price.
fn synthetic() -> Pricing {
    Pricing::new()
        .input(usd("2.5"))
        .output(usd("10"))
        .cache_read(usd("1.25"))
        .cache_write(usd("3.75"))
}

// ---------------------------------------------------------------------------------------------
// Pricing::cost
// ---------------------------------------------------------------------------------------------

#[test]
fn every_bucket_is_priced_and_summed_exactly() {
    let usage = Usage::new()
        .input_tokens(1_000)
        .output_tokens(500)
        .cache_read_tokens(2_000)
        .cache_write_tokens(400)
        .reasoning_tokens(300);
    let cost = synthetic().cost(&usage).expect("every price is known");
    // input:       1_000 * 2_500_000  = 2_500_000_000 pUSD = $0.0025
    // output:        500 * 10_000_000 = 5_000_000_000 pUSD = $0.005
    // cache read:  2_000 * 1_250_000  = 2_500_000_000 pUSD = $0.0025
    // cache write:   400 * 3_750_000  = 1_500_000_000 pUSD = $0.0015
    // reasoning:     300 * 10_000_000 = 3_000_000_000 pUSD = $0.003 (output price: no
    //                reasoning price)
    // total = 14_500_000_000 pUSD = $0.0145
    assert_eq!(cost.input, Usd::from_picos(2_500_000_000));
    assert_eq!(cost.output, Usd::from_picos(5_000_000_000));
    assert_eq!(cost.cache_read, Usd::from_picos(2_500_000_000));
    assert_eq!(cost.cache_write, Usd::from_picos(1_500_000_000));
    assert_eq!(cost.reasoning, Usd::from_picos(3_000_000_000));
    assert_eq!(cost.total, Usd::from_picos(14_500_000_000));
    assert_eq!(cost.total.to_string(), "0.0145");
}

#[test]
fn reasoning_uses_its_own_price_when_set() {
    let pricing = synthetic().reasoning(usd("15"));
    let usage = Usage::new().output_tokens(500).reasoning_tokens(300);
    let cost = pricing.cost(&usage).expect("prices known");
    // output:    500 * 10_000_000 = 5_000_000_000
    // reasoning: 300 * 15_000_000 = 4_500_000_000
    // total 9_500_000_000 = $0.0095
    assert_eq!(cost.output, Usd::from_picos(5_000_000_000));
    assert_eq!(cost.reasoning, Usd::from_picos(4_500_000_000));
    assert_eq!(cost.total, Usd::from_picos(9_500_000_000));
    assert_eq!(cost.input, Usd::ZERO);
    assert_eq!(cost.cache_read, Usd::ZERO);
    assert_eq!(cost.cache_write, Usd::ZERO);

    // The same usage without a reasoning price bills reasoning at the output price:
    // 300 * 10_000_000 = 3_000_000_000; total 8_000_000_000 = $0.008.
    let fallback = synthetic().cost(&usage).expect("prices known");
    assert_eq!(fallback.reasoning, Usd::from_picos(3_000_000_000));
    assert_eq!(fallback.total.to_string(), "0.008");

    // A reasoning price without an output price still prices reasoning tokens.
    let only_reasoning = Pricing::new().reasoning(usd("4"));
    let r = only_reasoning
        .cost(&Usage::new().reasoning_tokens(250))
        .expect("the reasoning price is known");
    // 250 * 4_000_000 = 1_000_000_000 = $0.001
    assert_eq!(r.total, Usd::from_picos(1_000_000_000));
}

#[test]
fn a_bucket_with_tokens_and_no_price_is_missing_price() {
    let input_only = Pricing::new().input(usd("1"));
    let cases = [
        (Usage::new().output_tokens(7), PriceKind::Output, 7),
        (Usage::new().cache_read_tokens(11), PriceKind::CacheRead, 11),
        (
            Usage::new().cache_write_tokens(13),
            PriceKind::CacheWrite,
            13,
        ),
        // Reasoning with neither a reasoning nor an output price needs the output price.
        (Usage::new().reasoning_tokens(17), PriceKind::Output, 17),
    ];
    for (usage, kind, tokens) in cases {
        assert_eq!(
            input_only.cost(&usage),
            Err(CostError::MissingPrice(kind, tokens)),
            "{usage:?}"
        );
    }
    let output_only = Pricing::new().output(usd("1"));
    let e = output_only
        .cost(&Usage::new().input_tokens(5))
        .expect_err("no input price");
    assert_eq!(e, CostError::MissingPrice(PriceKind::Input, 5));
    assert_eq!(
        e.to_string(),
        "the input price is unknown, and 5 tokens need it"
    );
    assert_eq!(
        CostError::MissingPrice(PriceKind::CacheWrite, 13).to_string(),
        "the cache-write price is unknown, and 13 tokens need it"
    );
}

#[test]
fn zero_tokens_need_no_price() {
    let cost = Pricing::default()
        .cost(&Usage::default())
        .expect("nothing used, nothing needed");
    assert_eq!(cost.total, Usd::ZERO);
    assert_eq!(cost, model_catalog::Cost::default());

    // Only input used: the other unknown prices do not matter.
    let input_only = Pricing::new().input(usd("3"));
    let cost = input_only
        .cost(&Usage::new().input_tokens(1_000_000))
        .expect("only input is used");
    // 1_000_000 * 3_000_000 = 3_000_000_000_000 = $3
    assert_eq!(cost.total, Usd::from_picos(3_000_000_000_000));
    assert_eq!(cost.total.to_string(), "3");
}

#[test]
fn a_zero_price_is_known_and_costs_nothing() {
    let free = Pricing::new().input(Price::ZERO).output(Price::ZERO);
    let cost = free
        .cost(&Usage::new().input_tokens(u64::MAX).output_tokens(12))
        .expect("zero prices are known");
    assert_eq!(cost.total, Usd::ZERO);
}

#[test]
fn huge_usage_is_exact_or_overflow_never_wrong() {
    // u64::MAX tokens at $1,000,000 per Mtok = 1_000_000_000_000 pUSD per token:
    // 18_446_744_073_709_551_615 * 10^12 = 18_446_744_073_709_551_615_000_000_000_000 pUSD.
    let big = usd("1000000");
    assert_eq!(big.picos_per_token(), 1_000_000_000_000);
    let pricing = Pricing::new()
        .input(big)
        .output(big)
        .cache_read(big)
        .cache_write(big)
        .reasoning(big);
    let one_bucket = pricing
        .cost(&Usage::new().input_tokens(u64::MAX))
        .expect("fits in u128");
    let expected_line: u128 = 18_446_744_073_709_551_615_000_000_000_000;
    assert_eq!(one_bucket.total.picos(), expected_line);
    assert_eq!(one_bucket.total.to_string(), "18446744073709551615");

    // All five buckets: 5 * 18_446_744_073_709_551_615 * 10^12
    //                 = 92_233_720_368_547_758_075 * 10^12, still below u128::MAX (~3.4e38).
    let all = Usage::new()
        .input_tokens(u64::MAX)
        .output_tokens(u64::MAX)
        .cache_read_tokens(u64::MAX)
        .cache_write_tokens(u64::MAX)
        .reasoning_tokens(u64::MAX);
    let cost = pricing.cost(&all).expect("fits in u128");
    assert_eq!(
        cost.total.picos(),
        92_233_720_368_547_758_075_000_000_000_000
    );

    // At the largest representable price, u64::MAX - 1 pUSD per token (`u64::MAX`
    // saturates to it), one bucket is (2^64 - 2)(2^64 - 1) = 2^128 - 3 * 2^64 + 2 =
    // 340_282_366_920_938_463_408_034_375_210_639_556_610, which still fits; two such
    // buckets do not.
    let max = Price::from_picos_per_token(u64::MAX);
    assert_eq!(max.picos_per_token(), u64::MAX - 1);
    let pricing = Pricing::new().input(max).output(max);
    let one = pricing
        .cost(&Usage::new().input_tokens(u64::MAX))
        .expect("(2^64-2)(2^64-1) fits in u128");
    assert_eq!(
        one.total.picos(),
        340_282_366_920_938_463_408_034_375_210_639_556_610
    );
    let two = pricing.cost(&Usage::new().input_tokens(u64::MAX).output_tokens(u64::MAX));
    assert_eq!(two, Err(CostError::Overflow));
    assert_eq!(CostError::Overflow.to_string(), "the cost overflows");
    // Just-fitting: one bucket at the maximum plus one token at 1 pUSD.
    let tiny = Pricing::new()
        .input(max)
        .output(Price::from_picos_per_token(1));
    let c = tiny
        .cost(&Usage::new().input_tokens(u64::MAX).output_tokens(1))
        .expect("fits");
    assert_eq!(
        c.total.picos(),
        340_282_366_920_938_463_408_034_375_210_639_556_611
    );
}

// ---------------------------------------------------------------------------------------------
// Catalog models
// ---------------------------------------------------------------------------------------------

#[test]
fn gpt_4o_cost() {
    // models.dev providers/openai/models/gpt-4o.toml [cost]: input = 2.50, output = 10.00,
    // cache_read = 1.25 (no cache_write).
    let m = model("gpt-4o");
    let usage = Usage::new()
        .input_tokens(1_000_000)
        .output_tokens(1_000_000)
        .cache_read_tokens(1_000_000)
        .reasoning_tokens(1_000);
    let cost = m.cost(&usage).expect("gpt-4o prices are known");
    // 2.5 + 10 + 1.25 = $13.75 for a million tokens each, plus reasoning at the output
    // price: 1_000 * 10_000_000 = 10_000_000_000 = $0.01. Total $13.76.
    assert_eq!(cost.reasoning.to_string(), "0.01");
    assert_eq!(cost.total.to_string(), "13.76");
    assert_eq!(cost, m.pricing().cost(&usage).expect("same prices"));

    // gpt-4o has no cache-write price.
    assert_eq!(
        m.cost(&Usage::new().cache_write_tokens(1)),
        Err(CostError::MissingPrice(PriceKind::CacheWrite, 1))
    );
}

#[test]
fn gemini_2_5_flash_has_a_reasoning_price() {
    // providers/google/models/gemini-2.5-flash.toml [cost] output = 2.50; LiteLLM
    // "gemini/gemini-2.5-flash" output_cost_per_reasoning_token = 2.5e-06 -> 2.5 per Mtok.
    let m = model("gemini-2.5-flash");
    let cost = m
        .cost(&Usage::new().reasoning_tokens(2_000_000).output_tokens(400))
        .expect("prices known");
    // reasoning: 2_000_000 * 2_500_000 = 5_000_000_000_000 = $5
    // output:          400 * 2_500_000 = 1_000_000_000 = $0.001
    assert_eq!(cost.reasoning.to_string(), "5");
    assert_eq!(cost.output.to_string(), "0.001");
    assert_eq!(cost.total.to_string(), "5.001");
}

#[test]
fn claude_opus_4_6_cache_write() {
    // providers/anthropic/models/claude-opus-4-6.toml [cost]: input = 5.00, output = 25.00,
    // cache_read = 0.50, cache_write = 6.25.
    let m = model("claude-opus-4-6");
    let cost = m
        .cost(
            &Usage::new()
                .input_tokens(3_000)
                .output_tokens(1_000)
                .cache_read_tokens(10_000)
                .cache_write_tokens(2_000)
                .reasoning_tokens(0),
        )
        .expect("prices known");
    // input:        3_000 * 5_000_000  = 15_000_000_000
    // output:       1_000 * 25_000_000 = 25_000_000_000
    // cache read:  10_000 * 500_000    =  5_000_000_000
    // cache write:  2_000 * 6_250_000  = 12_500_000_000
    // total 57_500_000_000 = $0.0575
    assert_eq!(cost.cache_write, Usd::from_picos(12_500_000_000));
    assert_eq!(cost.total, Usd::from_picos(57_500_000_000));
    assert_eq!(cost.total.to_string(), "0.0575");
}

#[test]
fn a_model_without_prices_reports_missing_price() {
    // kimi-k2 on Groq has no price in Groq's own models.dev directory.
    let m = model("kimi-k2");
    assert_eq!(
        m.cost(&Usage::new().input_tokens(10)),
        Err(CostError::MissingPrice(PriceKind::Input, 10))
    );
    assert_eq!(m.cost(&Usage::default()).map(|c| c.total), Ok(Usd::ZERO));
}

// ---------------------------------------------------------------------------------------------
// Usd
// ---------------------------------------------------------------------------------------------

#[test]
fn usd_display_and_debug() {
    for (picos, shown) in [
        (0u128, "0"),
        (1, "0.000000000001"),
        (10, "0.00000000001"),
        (2_500_000_000, "0.0025"),
        (1_000_000_000_000, "1"),
        (12_345_000_000_000, "12.345"),
        (100_000_000_000_000, "100"),
        (1_000_000_000_001, "1.000000000001"),
        (u128::MAX, "340282366920938463463374607.431768211455"),
    ] {
        assert_eq!(Usd::from_picos(picos).to_string(), shown, "{picos}");
        assert_eq!(format!("{:?}", Usd::from_picos(picos)), format!("${shown}"));
    }
    assert_eq!(Usd::from_picos(42).picos(), 42);
    assert!((Usd::from_picos(2_500_000_000).as_f64() - 0.0025).abs() < 1e-15);
}

#[test]
fn usd_checked_add() {
    assert_eq!(
        Usd::from_picos(1).checked_add(Usd::from_picos(2)),
        Some(Usd::from_picos(3))
    );
    assert_eq!(
        Usd::from_picos(u128::MAX).checked_add(Usd::from_picos(1)),
        None
    );
    assert_eq!(
        Usd::from_picos(u128::MAX).checked_add(Usd::ZERO),
        Some(Usd::from_picos(u128::MAX))
    );
}

#[test]
fn usd_round_to_is_half_up() {
    let u = Usd::from_picos;
    // $0.014999999999 -> $0.01 ; $0.015 -> $0.02 (half up).
    assert_eq!(u(14_999_999_999).round_to(2), Some(u(10_000_000_000)));
    assert_eq!(u(15_000_000_000).round_to(2), Some(u(20_000_000_000)));
    // $0.005 -> $0.01; $0.004999999999 -> $0.
    assert_eq!(u(5_000_000_000).round_to(2), Some(u(10_000_000_000)));
    assert_eq!(u(4_999_999_999).round_to(2), Some(Usd::ZERO));
    // Whole dollars: $2.5 -> $3, $2.499999999999 -> $2.
    assert_eq!(u(2_500_000_000_000).round_to(0), Some(u(3_000_000_000_000)));
    assert_eq!(u(2_499_999_999_999).round_to(0), Some(u(2_000_000_000_000)));
    // Eleven places: 0.000000000015 -> 0.00000000002 (15 pUSD -> 20 pUSD), 14 -> 10.
    assert_eq!(u(15).round_to(11), Some(u(20)));
    assert_eq!(u(14).round_to(11), Some(u(10)));
    // Twelve or more places change nothing.
    assert_eq!(u(123_456_789).round_to(12), Some(u(123_456_789)));
    assert_eq!(u(123_456_789).round_to(40), Some(u(123_456_789)));
    // Already round.
    assert_eq!(u(7_000_000_000_000).round_to(0), Some(u(7_000_000_000_000)));
    assert_eq!(Usd::ZERO.round_to(0), Some(Usd::ZERO));
    // Display after rounding.
    assert_eq!(
        u(14_500_000_000).round_to(2).expect("fits").to_string(),
        "0.01"
    );
    assert_eq!(
        u(14_500_000_000).round_to(3).expect("fits").to_string(),
        "0.015"
    );
}

#[test]
fn usd_round_to_near_the_top_is_exact_where_it_fits() {
    // For every amount near u128::MAX, the result is the amount rounded half up to a
    // multiple of the unit when that fits, and `None` when it does not.
    let top = Usd::from_picos(u128::MAX);
    for decimals in 0..=12u32 {
        let unit = 10u128.pow(12 - decimals);
        let r = top.round_to(decimals);
        let down = u128::MAX / unit * unit;
        let rem = u128::MAX - down;
        if rem < unit / 2 || unit == 1 {
            assert_eq!(r.map(Usd::picos), Some(down), "round_to({decimals})");
        } else {
            assert_eq!(
                r.map(Usd::picos),
                down.checked_add(unit),
                "round_to({decimals})"
            );
        }
    }
    // u128::MAX ends in ...431_768_211_455: rounding to 0, 1 or 2 places goes down.
    assert_eq!(
        top.round_to(0).expect("fits").picos() % 1_000_000_000_000,
        0
    );
}

#[test]
fn usd_round_to_result_is_always_a_multiple_of_the_unit_or_none() {
    // u128::MAX = 340282366920938463463374607.431768211455 USD. Rounded to 3 places half up
    // it would be ...607.432, which does not fit in the amount type: `None`, never a value
    // with more decimal places than asked for.
    assert_eq!(Usd::from_picos(u128::MAX).round_to(3), None);
    for picos in [
        0u128,
        1,
        499_999_999,
        500_000_000,
        123_456_789_012_345,
        u128::MAX / 2,
    ] {
        let r = Usd::from_picos(picos).round_to(3).expect("fits");
        assert_eq!(
            r.picos() % 1_000_000_000,
            0,
            "round_to(3) of {picos} gave {r}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Markup
// ---------------------------------------------------------------------------------------------

#[test]
fn markup_parse_and_display() {
    assert_eq!(markup("1.4").ratio(), (14, 10));
    assert_eq!(markup("1").ratio(), (1, 1));
    assert_eq!(markup("0.85").ratio(), (85, 100));
    assert_eq!(markup("1.4").to_string(), "1.4");
    assert_eq!(markup("1.40").to_string(), "1.4");
    assert_eq!(markup("2.000").to_string(), "2");
    assert_eq!(Markup::NONE.ratio(), (1, 1));
    assert_eq!(
        Markup::from_ratio(4, 3).map(|m| m.to_string()).as_deref(),
        Some("4/3")
    );
    assert_eq!(Markup::from_ratio(0, 1), None);
    assert_eq!(Markup::from_ratio(1, 0), None);
    for bad in [
        "",
        "0",
        "0.000",
        "-1.4",
        "1.",
        ".4",
        "1e2",
        "abc",
        "1.0000000001",
        " 1.4",
    ] {
        let e = bad.parse::<Markup>().expect_err(bad);
        assert!(e.to_string().contains("invalid markup"), "{bad}: {e}");
    }
}

#[test]
fn markup_rounds_to_the_nearest_picodollar_halves_up() {
    let u = Usd::from_picos;
    let m14 = markup("1.4");
    // 1 * 1.4 = 1.4 -> 1 ; 5 * 1.4 = 7 ; 9 * 1.4 = 12.6 -> 13 ; 10 * 1.4 = 14.
    assert_eq!(m14.apply(u(1)), Some(u(1)));
    assert_eq!(m14.apply(u(5)), Some(u(7)));
    assert_eq!(m14.apply(u(9)), Some(u(13)));
    assert_eq!(m14.apply(u(10)), Some(u(14)));
    // Exact halves go up: 1 * 1.5 = 1.5 -> 2 ; 3 * 1.5 = 4.5 -> 5 ; 2 * 1.25 = 2.5 -> 3 ;
    // 3 * 0.5 = 1.5 -> 2 ; 1 * 0.5 = 0.5 -> 1.
    assert_eq!(markup("1.5").apply(u(1)), Some(u(2)));
    assert_eq!(markup("1.5").apply(u(3)), Some(u(5)));
    assert_eq!(markup("1.25").apply(u(2)), Some(u(3)));
    assert_eq!(markup("0.5").apply(u(3)), Some(u(2)));
    assert_eq!(markup("0.5").apply(u(1)), Some(u(1)));
    // Just below a half goes down: 1 * 0.499999999 = 0.499999999 -> 0.
    assert_eq!(markup("0.499999999").apply(u(1)), Some(Usd::ZERO));
    // Thirds never hit a half: 1/3 -> 0, 2/3 -> 1, 4/3 -> 1, 5/3 -> 2.
    let third = Markup::from_ratio(1, 3).expect("non-zero");
    assert_eq!(third.apply(u(1)), Some(u(0)));
    assert_eq!(third.apply(u(2)), Some(u(1)));
    assert_eq!(third.apply(u(4)), Some(u(1)));
    assert_eq!(third.apply(u(5)), Some(u(2)));
    // No markup is the identity.
    assert_eq!(Markup::NONE.apply(u(123_456_789)), Some(u(123_456_789)));
    // Removing: 7 / 1.4 = 5 ; 1 / 1.4 = 0.714 -> 1 ; 10 / 1.4 = 7.142857 -> 7 ;
    // 3 / 1.5 = 2 ; 3 / 2 = 1.5 -> 2.
    assert_eq!(m14.remove(u(7)), Some(u(5)));
    assert_eq!(m14.remove(u(1)), Some(u(1)));
    assert_eq!(m14.remove(u(10)), Some(u(7)));
    assert_eq!(markup("1.5").remove(u(3)), Some(u(2)));
    assert_eq!(markup("2").remove(u(3)), Some(u(2)));
}

#[test]
fn markup_overflow_is_none() {
    let huge = Markup::from_ratio(u64::MAX, 1).expect("non-zero");
    assert_eq!(huge.apply(Usd::from_picos(u128::MAX)), None);
    assert_eq!(huge.apply(Usd::from_picos(u128::MAX / 2)), None);
    // u128::MAX / u64::MAX = 2^64 + 1, and (2^64 + 1) * (2^64 - 1) = 2^128 - 1 fits.
    let fits = (1u128 << 64) + 1;
    assert_eq!(
        huge.apply(Usd::from_picos(fits)),
        Some(Usd::from_picos(u128::MAX))
    );
    // per_1k_tokens of the largest price at the largest markup overflows.
    assert_eq!(
        Price::from_picos_per_token(u64::MAX).per_1k_tokens(huge),
        None
    );
}

// ---------------------------------------------------------------------------------------------
// Per-1k-token credits (seed 002: "Includes the platform's 1.4x margin")
// ---------------------------------------------------------------------------------------------

#[test]
fn per_1k_tokens_applies_the_markup() {
    // $2.5 per Mtok = $0.0025 per 1k tokens; with 1.4x: $0.0035.
    assert_eq!(
        usd("2.5").per_1k_tokens(Markup::NONE),
        Some(Usd::from_picos(2_500_000_000))
    );
    assert_eq!(
        usd("2.5")
            .per_1k_tokens(markup("1.4"))
            .map(|u| u.to_string())
            .as_deref(),
        Some("0.0035")
    );
    // 1 pUSD per token = 1_000 pUSD per 1k; 1.4x = 1_400.
    assert_eq!(
        Price::from_picos_per_token(1).per_1k_tokens(markup("1.4")),
        Some(Usd::from_picos(1_400))
    );
    assert_eq!(Price::ZERO.per_1k_tokens(markup("1.4")), Some(Usd::ZERO));
    // Back again.
    assert_eq!(
        Price::from_per_1k_tokens(Usd::from_picos(3_500_000_000), markup("1.4")),
        Some(usd("2.5"))
    );
    // Rounded to the nearest pUSD per token: 1_499 pUSD per 1k at 1x is 1.499 -> 1 ;
    // 1_500 is 1.5 -> 2.
    assert_eq!(
        Price::from_per_1k_tokens(Usd::from_picos(1_499), Markup::NONE),
        Some(Price::from_picos_per_token(1))
    );
    assert_eq!(
        Price::from_per_1k_tokens(Usd::from_picos(1_500), Markup::NONE),
        Some(Price::from_picos_per_token(2))
    );
    // The largest price a catalog reads, 999,999,999.999999 USD per Mtok (10^15 - 1 pUSD
    // per token), is (10^15 - 1) * 1000 pUSD per 1k at 1x; one more token's worth (1000 pUSD
    // per 1k more) is refused.
    let top = 999_999_999_999_999_u128 * 1000;
    assert_eq!(
        Price::from_per_1k_tokens(Usd::from_picos(top), Markup::NONE).map(Price::picos_per_token),
        Some(999_999_999_999_999)
    );
    assert_eq!(
        Price::from_per_1k_tokens(Usd::from_picos(top + 1000), Markup::NONE),
        None
    );
}

#[test]
fn from_per_1k_tokens_of_a_huge_amount_is_none() {
    // u128::MAX pUSD per 1k is ~3.4e35 pUSD per token: not a price, so `None` as documented
    // ("`None` if it does not fit"), never a wrapped sum or a panic.
    assert_eq!(
        Price::from_per_1k_tokens(Usd::from_picos(u128::MAX), Markup::NONE),
        None
    );
    assert_eq!(
        Price::from_per_1k_tokens(Usd::from_picos(u128::MAX - 100), Markup::NONE),
        None
    );
}

#[test]
fn seed_002_margin_round_trips_for_known_models() {
    let m14 = markup("1.4");
    // gpt-5.2: providers/openai/models/gpt-5.2.toml [cost] input = 1.75, output = 14.00.
    // Credits per 1k input tokens: 1.75 / 1000 * 1.4 = $0.00245; per 1k output:
    // 14 / 1000 * 1.4 = $0.0196.
    let g = model("gpt-5.2");
    let input = g.pricing().input.expect("gpt-5.2 has an input price");
    let output = g.pricing().output.expect("gpt-5.2 has an output price");
    let in_credits = input.per_1k_tokens(m14).expect("fits");
    let out_credits = output.per_1k_tokens(m14).expect("fits");
    assert_eq!(in_credits.to_string(), "0.00245");
    assert_eq!(out_credits.to_string(), "0.0196");
    assert_eq!(
        Price::from_per_1k_tokens(in_credits, m14),
        Some(usd("1.75"))
    );
    assert_eq!(Price::from_per_1k_tokens(out_credits, m14), Some(usd("14")));

    // claude-haiku-4-5: providers/anthropic/models/claude-haiku-4-5.toml [cost] input = 1.00,
    // output = 5.00 -> $0.0014 and $0.007 per 1k at 1.4x.
    let h = model("claude-haiku-4-5");
    let hin = h.pricing().input.expect("input price").per_1k_tokens(m14);
    let hout = h.pricing().output.expect("output price").per_1k_tokens(m14);
    assert_eq!(hin.map(|u| u.to_string()).as_deref(), Some("0.0014"));
    assert_eq!(hout.map(|u| u.to_string()).as_deref(), Some("0.007"));

    // And every price in the catalog (models and offers) survives the round trip.
    for m in models() {
        let offered = offers_of(m).into_iter().map(|o| o.own_pricing());
        for p in std::iter::once(m.pricing()).chain(offered) {
            for price in [p.input, p.output, p.cache_read, p.cache_write, p.reasoning]
                .into_iter()
                .flatten()
            {
                let credits = price.per_1k_tokens(m14).expect("catalog prices fit");
                assert_eq!(
                    Price::from_per_1k_tokens(credits, m14),
                    Some(price),
                    "{}: {price} -> {credits}",
                    m.id()
                );
            }
        }
    }
}

/// The correctly rounded price for `per_1k` credits at `num/den`: per_1k * den / (num *
/// 1000) picodollars per token, to the nearest integer, halves up.
fn exact_from_per_1k(per_1k: u128, num: u128, den: u128) -> u128 {
    let n = per_1k * den;
    let d = num * 1000;
    (2 * n + d) / (2 * d)
}

#[test]
fn from_per_1k_tokens_is_correctly_rounded_at_the_seed_margin() {
    // At 1.4x, every credit amount up to 200_000 pUSD maps back to the correctly rounded
    // per-token price.
    for per_1k in 0..200_000u128 {
        let p = Price::from_per_1k_tokens(Usd::from_picos(per_1k), markup("1.4"))
            .expect("small amounts fit");
        assert_eq!(
            u128::from(p.picos_per_token()),
            exact_from_per_1k(per_1k, 14, 10),
            "{per_1k} pUSD per 1k at 1.4x"
        );
    }
}

#[test]
fn from_per_1k_tokens_is_correctly_rounded_for_any_markup() {
    // `from_per_1k_tokens` documents "the markup removed and the result rounded to the
    // nearest picodollar per token (halves up)", rounded once. For 4_499 pUSD per 1k at 3x
    // the exact price is 4_499 / 3 / 1_000 = 1.4997 pUSD per token, which rounds to 1
    // (rounding twice would give 1_499.67 -> 1_500, then 1.5 -> 2).
    assert_eq!(
        Price::from_per_1k_tokens(Usd::from_picos(4_499), markup("3")),
        Some(Price::from_picos_per_token(1))
    );
    for (num, den) in [(3u64, 1u64), (4, 3), (7, 5), (1, 3)] {
        let m = Markup::from_ratio(num, den).expect("non-zero");
        for per_1k in 0..50_000u128 {
            let p = Price::from_per_1k_tokens(Usd::from_picos(per_1k), m).expect("fits");
            assert_eq!(
                u128::from(p.picos_per_token()),
                exact_from_per_1k(per_1k, u128::from(num), u128::from(den)),
                "{per_1k} pUSD per 1k at {num}/{den}"
            );
        }
    }
}
