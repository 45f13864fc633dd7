//! Hostile model strings: built from catalog names and then bent (random ASCII case,
//! whitespace, separators, suffixes, Unicode confusables, control characters), plus
//! arbitrary strings. Whatever comes in, resolution answers with a result or a typed error,
//! never routes a string that is not a catalog name (or a provider name and a verbatim
//! pass-through), and never matches anything non-ASCII. The built-in tables' fast path
//! (prefix probe, one-pass scan) answers exactly like the run-time path of a catalog with an
//! overlay, which probes the whole string every time.
//!
//! Each property runs 512 cases (`PROPTEST_CASES=N` runs N), so CI runs these in seconds.

use model_catalog::{
    models, offers_of, providers, resolve_model, Catalog, CustomProvider, Model, Provider,
    Resolution, ResolveError, Separator, MAX_INPUT_LEN,
};
use proptest::prelude::*;

mod common;
use model_catalog_oracle::{Expected, Oracle};

/// Every name a catalog model answers to: id, upstream id and aliases.
fn model_names(m: &'static Model) -> Vec<&'static str> {
    let mut names = vec![m.id(), m.upstream_id()];
    names.extend(m.aliases());
    names.extend(m.served_names().map(|s| s.id()));
    names
}

/// Every name a provider answers to: id and aliases.
fn provider_names(p: &Provider) -> Vec<String> {
    std::iter::once(p.id())
        .chain(p.aliases())
        .map(str::to_ascii_lowercase)
        .collect()
}

/// All names in the catalog, model names and provider names, as sampling material.
fn catalog_names() -> Vec<String> {
    let mut names: Vec<String> = models().flat_map(model_names).map(str::to_owned).collect();
    for p in providers() {
        names.extend(provider_names(p));
    }
    names.sort();
    names.dedup();
    names
}

/// Model names with the provider name of a provider that serves the model in front, and the
/// bare model names: strings that resolve. Every one must: a name that does not is a
/// regression, reported here rather than dropped from the sample.
fn qualified_names() -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in models() {
        for k in model_names(m) {
            out.push(k.to_owned());
            let home = model_catalog::lookup_provider(m.provider_id()).unwrap();
            for pn in provider_names(home) {
                out.push(format!("{pn}:{k}"));
            }
        }
    }
    let failing: Vec<&String> = out.iter().filter(|s| resolve_model(s).is_err()).collect();
    assert!(
        failing.is_empty(),
        "catalog names that do not resolve: {failing:?}"
    );
    out
}

/// Whether a successful resolution is accounted for by the catalog: the trimmed input is,
/// up to ASCII case, a name of the returned model (or, behind a name of the returned
/// provider and a separator, a name or the offer id under which that provider serves it);
/// or, for a pass-through, a provider name, the separator and the upstream id verbatim.
fn explained(input: &str, r: &Resolution<'static, '_>) -> Result<(), String> {
    let t = input.trim_ascii();
    let lower = t.to_ascii_lowercase();
    if r.is_fine_tune() {
        // An OpenAI fine-tune id: the input's tail from `ft:` on, that prefix lower-cased,
        // behind nothing or a name of OpenAI and a separator.
        let at = lower.find("ft:").ok_or("a fine-tune without `ft:`")?;
        let sent = format!("ft:{}", &t[at + 3..]);
        let head = lower[..at].trim_end_matches([':', '/']);
        let named = head.is_empty() || provider_names(r.provider).iter().any(|p| p == head);
        return if r.provider.id() == "openai" && *r.upstream_id == sent && named {
            Ok(())
        } else {
            Err(format!("fine-tune {:?} not explained", &*r.upstream_id))
        };
    }
    let pnames = provider_names(r.provider);
    let sep = |s: Separator| match s {
        Separator::Colon => ':',
        Separator::Slash => '/',
    };
    match r.model {
        Some(m) => {
            let mut keys: Vec<String> = model_names(m)
                .into_iter()
                .map(str::to_ascii_lowercase)
                .collect();
            let mut upstreams = vec![m.upstream_id()];
            upstreams.extend(m.served_names().map(|s| s.id()));
            // Every offer's upstream id names the model: bare, it resolves to the model's
            // home provider; behind the offering provider, to the offer.
            let mut whole = keys.clone();
            for o in offers_of(m) {
                whole.push(o.upstream_id().to_ascii_lowercase());
                if o.provider_id() == r.provider.id() {
                    keys.push(o.upstream_id().to_ascii_lowercase());
                    upstreams.push(o.upstream_id());
                }
            }
            if !upstreams.contains(&&*r.upstream_id) {
                return Err(format!(
                    "upstream id {:?} is not the model's",
                    &*r.upstream_id
                ));
            }
            match r.prefix {
                None if whole.contains(&lower) && r.provider.id() == m.provider_id() => Ok(()),
                Some(p) => {
                    let c = sep(p.separator);
                    let ok = pnames.iter().any(|pn| {
                        lower
                            .strip_prefix(pn.as_str())
                            .and_then(|rest| rest.strip_prefix(c))
                            // `provider::model` is `provider:model`.
                            .map(|rest| match c {
                                ':' => rest.strip_prefix(':').unwrap_or(rest),
                                _ => rest,
                            })
                            .is_some_and(|rest| keys.iter().any(|k| k == rest))
                    });
                    ok.then_some(())
                        .ok_or_else(|| "prefixed name not explained".into())
                }
                None => Err("whole-string match not explained".into()),
            }
        }
        None => {
            let p = r.prefix.ok_or("a pass-through without a provider prefix")?;
            let head = t
                .strip_suffix(&*r.upstream_id)
                .and_then(|h| h.strip_suffix(sep(p.separator)))
                .map(|h| match p.separator {
                    Separator::Colon => h.strip_suffix(':').unwrap_or(h),
                    Separator::Slash => h,
                })
                .ok_or("upstream id is not the input's verbatim tail")?;
            if !pnames.contains(&head.to_ascii_lowercase()) {
                return Err(format!("{head:?} is not a name of {}", r.provider.id()));
            }
            if r.upstream_id.is_empty()
                || !r.upstream_id.bytes().all(|b| (b' '..=b'~').contains(&b))
            {
                return Err("pass-through of a non-printable or empty name".into());
            }
            Ok(())
        }
    }
}

/// Checks everything that must hold for any input whatsoever.
fn check_any(input: &str) -> Result<(), TestCaseError> {
    match resolve_model(input) {
        Ok(r) => {
            prop_assert!(
                input.is_ascii(),
                "non-ASCII input matched: {input:?} -> {r:?}"
            );
            prop_assert!(input.len() <= MAX_INPUT_LEN);
            if let Err(why) = explained(input, &r) {
                return Err(TestCaseError::fail(format!("{input:?} -> {r:?}: {why}")));
            }
        }
        Err(e) => {
            let msg = e.to_string();
            prop_assert!(
                !msg.chars().any(char::is_control),
                "a message carries a raw control character: {msg:?}"
            );
            prop_assert!(
                e.suggestions().map_or(0, <[String]>::len) <= model_catalog::MAX_SUGGESTIONS
            );
            if input.len() > MAX_INPUT_LEN {
                prop_assert_eq!(e, ResolveError::TooLong { len: input.len() });
            }
        }
    }
    Ok(())
}

/// Lookalikes of ASCII characters: letters other scripts draw the same, characters Unicode
/// case folding maps onto ASCII (KELVIN SIGN, LONG S), fullwidth forms, dashes and slashes.
fn confusables(c: char) -> &'static [char] {
    match c.to_ascii_lowercase() {
        'a' => &['\u{430}', '\u{3b1}', '\u{ff41}'],
        'c' => &['\u{441}', '\u{217d}'],
        'e' => &['\u{435}', '\u{ff45}'],
        'i' => &['\u{456}', '\u{131}', '\u{2170}'],
        'k' => &['\u{212a}', '\u{3ba}'],
        'l' => &['\u{217c}', '\u{4cf}'],
        'o' => &['\u{43e}', '\u{3bf}', '\u{ff4f}', '\u{2134}'],
        'p' => &['\u{440}', '\u{3c1}'],
        's' => &['\u{17f}', '\u{455}'],
        'x' => &['\u{445}', '\u{2179}'],
        'y' => &['\u{443}'],
        '0' => &['\u{ff10}', '\u{2070}'],
        '1' => &['\u{ff11}', '\u{2460}'],
        '-' => &['\u{2010}', '\u{2011}', '\u{2212}', '\u{ff0d}'],
        '.' => &['\u{2024}', '\u{ff0e}'],
        '/' => &['\u{2215}', '\u{ff0f}'],
        ':' => &['\u{2236}', '\u{ff1a}'],
        _ => &[],
    }
}

/// Invisible or space-like characters that are not ASCII whitespace.
const INVISIBLE: [char; 6] = [
    '\u{200b}', '\u{200d}', '\u{feff}', '\u{a0}', '\u{2028}', '\u{85}',
];

/// Suffixes that turn a name into a near miss.
const SUFFIXES: [&str; 12] = [
    "-latest",
    ":thinking",
    ":",
    "/",
    "/x",
    "-2024-01-01",
    " ",
    ".",
    "\u{0}",
    "\u{1b}[31m",
    "\u{212a}",
    "::",
];

/// A change to a string: what the hostile-input strategy does to catalog names.
#[derive(Debug, Clone)]
enum Bend {
    /// Flip the ASCII case of every character where the mask says so.
    Case(Vec<bool>),
    /// Pad with ASCII whitespace on both sides.
    Pad(String, String),
    /// Insert a separator or space at a position (modulo the length).
    Separator(usize, char),
    /// Append a suffix.
    Suffix(&'static str),
    /// Replace the character at a position by one of its lookalikes.
    Confusable(usize, usize),
    /// Insert an invisible character at a position.
    Invisible(usize, char),
    /// Insert a control character at a position.
    Control(usize, char),
    /// Join with a provider name in front.
    Provider(String, char),
}

fn bend() -> impl Strategy<Value = Bend> {
    let ws = prop::sample::select(vec![' ', '\t', '\n', '\r', '\x0c']);
    let pad = prop::collection::vec(ws, 0..4).prop_map(|v| v.into_iter().collect::<String>());
    let control = prop::sample::select(
        (0u8..0x20)
            .chain([0x7f])
            .map(char::from)
            .collect::<Vec<char>>(),
    );
    prop_oneof![
        prop::collection::vec(any::<bool>(), 1..64).prop_map(Bend::Case),
        (pad.clone(), pad).prop_map(|(a, b)| Bend::Pad(a, b)),
        (
            any::<usize>(),
            prop::sample::select(vec![':', '/', ' ', '.', '-', '@'])
        )
            .prop_map(|(i, c)| Bend::Separator(i, c)),
        prop::sample::select(SUFFIXES.to_vec()).prop_map(Bend::Suffix),
        (any::<usize>(), any::<usize>()).prop_map(|(i, j)| Bend::Confusable(i, j)),
        (any::<usize>(), prop::sample::select(INVISIBLE.to_vec()))
            .prop_map(|(i, c)| Bend::Invisible(i, c)),
        (any::<usize>(), control).prop_map(|(i, c)| Bend::Control(i, c)),
        (
            prop::sample::select(catalog_names()),
            prop::sample::select(vec![':', '/'])
        )
            .prop_map(|(p, c)| Bend::Provider(p, c)),
    ]
}

/// The byte offset of the `i`-th character boundary (modulo the number of boundaries).
fn boundary(s: &str, i: usize) -> usize {
    let bounds: Vec<usize> = s
        .char_indices()
        .map(|(k, _)| k)
        .chain(std::iter::once(s.len()))
        .collect();
    bounds[i % bounds.len()]
}

fn apply(s: &str, b: &Bend) -> String {
    let mut s = s.to_owned();
    match b {
        Bend::Case(mask) => {
            s = s
                .chars()
                .zip(mask.iter().cycle())
                .map(|(c, &up)| {
                    if up {
                        c.to_ascii_uppercase()
                    } else {
                        c.to_ascii_lowercase()
                    }
                })
                .collect();
        }
        Bend::Pad(a, b) => s = format!("{a}{s}{b}"),
        Bend::Separator(i, c) | Bend::Invisible(i, c) | Bend::Control(i, c) => {
            s.insert(boundary(&s, *i), *c);
        }
        Bend::Suffix(x) => s.push_str(x),
        Bend::Confusable(i, j) => {
            let positions: Vec<(usize, char)> = s
                .char_indices()
                .filter(|(_, c)| !confusables(*c).is_empty())
                .collect();
            if let Some(&(at, c)) = positions.get(i % positions.len().max(1)) {
                let list = confusables(c);
                s.replace_range(at..at + c.len_utf8(), &list[j % list.len()].to_string());
            } else {
                s.insert(0, '\u{212a}');
            }
        }
        Bend::Provider(p, c) => s = format!("{p}{c}{s}"),
    }
    s
}

/// A catalog with a run-time overlay that names nothing built in: it resolves through the
/// run-time path, which probes the whole string every time and keeps its overlay in hash
/// maps, not through the built-in tables' prefix probe and one-pass scan. Built once.
fn overlay_catalog() -> &'static Catalog {
    static C: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
    C.get_or_init(|| {
        Catalog::builder()
            .provider(
                CustomProvider::new("zz-oracle", "Differential oracle")
                    .model("zz-oracle-model", "zz-oracle/zz-oracle-model"),
            )
            .build()
            .unwrap()
    })
}

/// An answer, with every field that does not depend on which catalog value gave it.
fn answer(r: &Result<Resolution<'_, '_>, ResolveError>) -> String {
    match r {
        Ok(r) => format!(
            "ok {} {:?} {} {:?} {:?} {}",
            r.provider.id(),
            r.model.map(Model::id),
            &*r.upstream_id,
            r.matched,
            r.prefix,
            r.overrides_builtin
        ),
        Err(e) => format!(
            "err {} {:?} {:?} {e}",
            e.kind(),
            e.input(),
            e.unknown_name()
        ),
    }
}

/// The reference resolver (`crates/model-catalog-oracle`) of the built-in catalog and of the
/// overlay catalog, built once.
fn oracles() -> &'static (Oracle<'static>, Oracle<'static>) {
    static O: std::sync::OnceLock<(Oracle<'static>, Oracle<'static>)> = std::sync::OnceLock::new();
    O.get_or_init(|| {
        (
            Oracle::new(Catalog::builtin()),
            Oracle::new(overlay_catalog()),
        )
    })
}

/// Every catalog name, alone and in the shapes the grammar reads (behind every provider
/// name with either separator, behind an unknown provider, with a suffix, in upper case,
/// padded), answers the same through the run-time path as through the built-in fast path,
/// and both answer as the reference resolver, which shares no code with either.
#[test]
fn the_fast_path_answers_like_the_run_time_path() {
    let overlay = overlay_catalog();
    let (builtin_oracle, overlay_oracle) = oracles();
    let pnames: Vec<String> = providers().flat_map(provider_names).collect();
    let mut checked = 0;
    for name in catalog_names() {
        let mut shapes = vec![
            name.clone(),
            name.to_ascii_uppercase(),
            format!(" {name}\t"),
            format!("nope:{name}"),
            format!("nope/{name}"),
            format!("{name}-nope"),
            format!("{name}:x"),
            format!("{name}/x"),
        ];
        for pn in &pnames {
            shapes.push(format!("{pn}:{name}"));
            shapes.push(format!("{}/{name}", pn.to_ascii_uppercase()));
        }
        for s in shapes {
            assert_eq!(
                answer(&overlay.resolve_model(&s)),
                answer(&resolve_model(&s)),
                "{s:?}"
            );
            assert_eq!(
                Expected::of(&resolve_model(&s)),
                builtin_oracle.resolve(&s),
                "{s:?}"
            );
            assert_eq!(
                Expected::of(&overlay.resolve_model(&s)),
                overlay_oracle.resolve(&s),
                "{s:?}"
            );
            checked += 1;
        }
    }
    assert!(checked > 5_000, "{checked}");
}

proptest! {
    #![proptest_config(common::proptest_config())]

    /// Arbitrary strings (any Unicode, any length up to twice the bound).
    #[test]
    fn arbitrary_strings(s in ".{0,600}") {
        check_any(&s)?;
    }

    /// Arbitrary bytes made into a string: control characters and odd ASCII weigh more.
    #[test]
    fn arbitrary_ascii_bytes(bytes in prop::collection::vec(0u8..0x80, 0..300)) {
        let s = String::from_utf8(bytes).unwrap();
        check_any(&s)?;
    }

    /// Catalog names bent by up to four changes: whatever resolves is explained by the
    /// catalog, and nothing non-ASCII resolves.
    #[test]
    fn bent_catalog_names(
        name in prop::sample::select(catalog_names()),
        bends in prop::collection::vec(bend(), 0..4),
    ) {
        let s = bends.iter().fold(name, |s, b| apply(&s, b));
        check_any(&s)?;
    }

    /// A single lookalike character anywhere in a name that resolves makes it resolve to
    /// nothing at all: no lookalike routes, not even as a pass-through.
    #[test]
    fn one_lookalike_never_matches(
        name in prop::sample::select(qualified_names()),
        i in any::<usize>(),
        j in any::<usize>(),
        invisible in prop::sample::select(INVISIBLE.to_vec()),
        by_confusable in any::<bool>(),
    ) {
        let bent = if by_confusable {
            apply(&name, &Bend::Confusable(i, j))
        } else {
            apply(&name, &Bend::Invisible(i, invisible))
        };
        prop_assert!(!bent.is_ascii());
        prop_assert!(resolve_model(&bent).is_err(), "{bent:?} resolved");
    }

    /// A control character inside a name that resolves (not at its ends, where ASCII
    /// whitespace is trimmed) makes it resolve to nothing.
    #[test]
    fn an_inner_control_character_never_matches(
        name in prop::sample::select(qualified_names()),
        i in any::<usize>(),
        c in prop::sample::select((0u8..0x20).chain([0x7f]).collect::<Vec<u8>>()),
    ) {
        prop_assume!(name.len() >= 2);
        let at = 1 + i % (name.len() - 1);
        let mut bent = name.clone();
        bent.insert(at, char::from(c));
        prop_assert!(resolve_model(&bent).is_err(), "{bent:?} resolved");
    }

    /// Every model id, upstream id and alias resolves to its own model, in any ASCII case
    /// and with any surrounding ASCII whitespace.
    #[test]
    fn every_name_resolves_to_its_own_model(
        (model, name) in prop::sample::select(
            models()
                .flat_map(|m| model_names(m).into_iter().map(move |k| (m.id(), k)))
                .collect::<Vec<_>>()
        ),
        mask in prop::collection::vec(any::<bool>(), 1..64),
        pad in prop::sample::select(vec!["", " ", "\t", "\n ", " \r\n"]),
    ) {
        let bent = apply(&apply(name, &Bend::Case(mask)), &Bend::Pad(pad.into(), pad.into()));
        let r = resolve_model(&bent).unwrap();
        prop_assert_eq!(r.model.map(Model::id), Some(model));
        prop_assert_eq!(r.provider.id(), r.model.unwrap().provider_id());
    }

    /// A bent catalog name gets the same answer through the run-time path as through the
    /// built-in fast path, and both get the reference resolver's answer.
    #[test]
    fn bent_names_answer_alike_on_both_paths(
        name in prop::sample::select(catalog_names()),
        bends in prop::collection::vec(bend(), 0..4),
    ) {
        let s = bends.iter().fold(name, |s, b| apply(&s, b));
        let (builtin_oracle, overlay_oracle) = oracles();
        prop_assert_eq!(answer(&overlay_catalog().resolve_model(&s)), answer(&resolve_model(&s)), "{:?}", s);
        prop_assert_eq!(Expected::of(&resolve_model(&s)), builtin_oracle.resolve(&s), "{:?}", s);
        prop_assert_eq!(Expected::of(&overlay_catalog().resolve_model(&s)), overlay_oracle.resolve(&s), "{:?}", s);
    }

    /// A run-time catalog with custom providers answers a bent name as safely as the
    /// built-in one, and as the reference resolver of its catalog does; the built-in catalog
    /// value and the free functions each answer as the built-in catalog's reference.
    #[test]
    fn catalogs_answer_like_the_free_functions(
        name in prop::sample::select(catalog_names()),
        bends in prop::collection::vec(bend(), 0..3),
    ) {
        let s = bends.iter().fold(name, |s, b| apply(&s, b));
        let builtin = Catalog::builtin();
        let (builtin_oracle, _) = oracles();
        prop_assert_eq!(Expected::of(&builtin.resolve_model(&s)), builtin_oracle.resolve(&s), "{:?}", s);
        prop_assert_eq!(Expected::of(&resolve_model(&s)), builtin_oracle.resolve(&s), "{:?}", s);
        let custom = custom_catalog();
        prop_assert_eq!(Expected::of(&custom.resolve_model(&s)), Oracle::new(&custom).resolve(&s), "{:?}", s);
        match custom.resolve_model(&s) {
            Ok(r) => {
                prop_assert!(s.is_ascii(), "{s:?}");
                let lower = s.trim_ascii().to_ascii_lowercase();
                if let Some(m) = r.model {
                    let home = custom.provider_of(m).expect("the catalog's own model");
                    prop_assert!(
                        lower.ends_with(&m.id().to_ascii_lowercase())
                            || lower.ends_with(&m.upstream_id().to_ascii_lowercase())
                            || m.aliases().any(|a| lower.ends_with(&a.to_ascii_lowercase()))
                            || m.served_names().any(|a| lower.ends_with(&a.id().to_ascii_lowercase()))
                            || (r.is_fine_tune() && lower.contains("ft:"))
                            || custom.offers_of(m).iter().any(|o| lower.ends_with(&o.upstream_id().to_ascii_lowercase())),
                        "{s:?} -> {} at {}", m.id(), home.id()
                    );
                } else if !r.is_fine_tune() {
                    prop_assert!(s.trim_ascii().ends_with(&*r.upstream_id));
                }
            }
            Err(e) => prop_assert!(!e.to_string().chars().any(char::is_control)),
        }
    }
}

fn custom_catalog() -> Catalog {
    Catalog::builder()
        .provider(
            CustomProvider::new("internal-vllm", "Internal vLLM")
                .alias("vllm")
                .base_url("http://vllm.internal:8000/v1")
                .model("llama-3", "meta-llama/Llama-3-8B-Instruct")
                // Not `Qwen/Qwen2.5-Coder-32B-Instruct`: that is the upstream id of a built-in
                // Hyperbolic model (LiteLLM `hyperbolic/Qwen/Qwen2.5-Coder-32B-Instruct`).
                .model("qwen-coder", "Qwen/Qwen2.5-Coder-7B-Instruct"),
        )
        .provider(CustomProvider::new("anything", "Pass-through only"))
        .build()
        .unwrap()
}

/// Inputs far past the bound, of every shape, are `too_long` with their length; the answer
/// is decided from the length alone (`benches/resolve.rs` measures a 1 MiB input against a
/// 257-byte one).
#[test]
fn a_mebibyte_of_anything_is_too_long() {
    let mib = 1 << 20;
    let shapes = [
        " ".repeat(mib),
        "openai:".repeat(mib / 7 + 1),
        "\u{212a}".repeat(mib / 3),
        "\0".repeat(mib),
        format!("gpt-4o{}", "\t".repeat(mib)),
        format!("{}gpt-4o", "a/".repeat(mib / 2)),
    ];
    for s in &shapes {
        assert!(s.len() > MAX_INPUT_LEN);
        let e = resolve_model(s).unwrap_err();
        assert_eq!(e, ResolveError::TooLong { len: s.len() });
        assert!(
            e.to_string().len() < 200,
            "the message does not echo the input"
        );
        let e = custom_catalog().resolve_model(s).unwrap_err();
        assert_eq!(e, ResolveError::TooLong { len: s.len() });
    }
}

/// The explanation check itself refuses what it must: a resolution it did not come from.
#[test]
fn the_explanation_check_refuses_unexplained_answers() {
    let r = resolve_model("gpt-4o").unwrap();
    assert!(explained("gpt-4o", &r).is_ok());
    assert!(explained(" GPT-4O\t", &r).is_ok());
    assert!(explained("gpt-4\u{43e}", &r).is_err());
    assert!(explained("gpt-4o-mini", &r).is_err());
    assert!(
        explained("openai:gpt-4o", &r).is_err(),
        "no prefix on the answer"
    );
    let p = resolve_model("openai:gpt-5-preview").unwrap();
    assert!(explained("OpenAI:gpt-5-preview", &p).is_ok());
    assert!(explained("openai:GPT-5-preview", &p).is_err(), "case kept");
    assert!(explained("groq:gpt-5-preview", &p).is_err());
}
