//! A synthetic run-time catalog of any size, for the benchmarks of run-time catalogs,
//! queries, suggestions, imports and memory: JSON documents in the crate's own format
//! (`data/README.md`), deterministic, with names shaped like real ones.
//!
//! Model `i` of `n` is `{vendor}-{family}-{version}-{size}b-{variant}`, the combination read
//! from `i` in mixed radix, so that names spread over every part; every second model has an
//! alias (`...-latest`), every third an upstream id in the Hugging Face style
//! (`Vendor/Family-3.1-70B-Instruct`), every fifth a dated served name. Prices, limits,
//! capabilities and modalities vary with `i`. Providers are of very different sizes: the
//! first holds a fifth of the models, the next a tenth, a twentieth, and so on; the rest
//! are spread over providers of 50 models, as real catalogs are.

#![allow(dead_code)]

use model_catalog::{Catalog, CustomProvider};
use std::fmt::Write;

const VENDORS: [&str; 12] = [
    "acme",
    "globex",
    "initech",
    "umbrella",
    "hooli",
    "stark",
    "wayne",
    "tyrell",
    "cyberdyne",
    "soylent",
    "wonka",
    "aperture",
];
const FAMILIES: [&str; 10] = [
    "chat", "coder", "vision", "reason", "instruct", "mini", "nano", "ultra", "flash", "sonic",
];
const VARIANTS: [&str; 6] = ["instruct", "chat", "base", "turbo", "preview", "distill"];
const SIZES: [u32; 8] = [1, 3, 7, 8, 13, 34, 70, 405];
const CONTEXTS: [u32; 5] = [8_192, 32_768, 131_072, 200_000, 1_000_000];
const OUTPUTS: [u32; 5] = [4_096, 8_192, 16_384, 32_768, 65_536];

/// One synthetic model's names.
#[derive(Clone, Debug)]
pub struct Names {
    pub id: String,
    pub alias: Option<String>,
    pub upstream: Option<String>,
    pub served: Option<String>,
    pub provider: usize,
}

/// A synthetic catalog: its documents and what it names.
pub struct Synthetic {
    /// The documents, one JSON array (compact).
    pub json: String,
    /// Where each document (one per provider) is in `json`.
    pub spans: Vec<std::ops::Range<usize>>,
    /// Every model, in document order.
    pub models: Vec<Names>,
    /// Every provider id, with how many models it holds.
    pub providers: Vec<(String, usize)>,
}

fn title(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
        .unwrap_or_default()
}

/// Model `i`'s names: a combination of vendor, family, version, size and variant that no
/// other model of the first 115,200 shares.
fn names(i: usize, provider: usize) -> Names {
    let mut k = i;
    let vendor = VENDORS[k % VENDORS.len()];
    k /= VENDORS.len();
    let family = FAMILIES[k % FAMILIES.len()];
    k /= FAMILIES.len();
    let size = SIZES[k % SIZES.len()];
    k /= SIZES.len();
    let variant = VARIANTS[k % VARIANTS.len()];
    k /= VARIANTS.len();
    // 20 versions, then a generation number for catalogs beyond 115,200 models.
    let version = format!("{}.{}", 1 + k % 5, (k / 5) % 4);
    let generation = k / 20;
    let gen = if generation > 0 {
        format!("-g{generation}")
    } else {
        String::new()
    };
    let id = format!("{vendor}-{family}-{version}-{size}b-{variant}{gen}");
    Names {
        alias: (i % 2 == 0).then(|| format!("{id}-latest")),
        upstream: (i % 3 == 0).then(|| {
            format!(
                "{}/{}-{version}-{size}B-{}{gen}",
                title(vendor),
                title(family),
                title(variant)
            )
        }),
        served: (i % 5 == 0).then(|| format!("{id}-2025-{:02}-{:02}", 1 + i % 12, 1 + i % 28)),
        id,
        provider,
    }
}

/// Provider sizes for `n` models: a fifth, a tenth, a twentieth, ... while those hold more
/// than 50, then providers of 50 (the last holds the rest).
fn provider_sizes(n: usize) -> Vec<usize> {
    let mut sizes = Vec::new();
    let mut left = n;
    let mut share = n / 5;
    while share > 50 && left > share {
        sizes.push(share);
        left -= share;
        share /= 2;
    }
    while left > 0 {
        let s = left.min(50);
        sizes.push(s);
        left -= s;
    }
    sizes
}

/// A synthetic catalog of `n` models.
pub fn synthetic(n: usize) -> Synthetic {
    let sizes = provider_sizes(n);
    let mut json = String::with_capacity(n * 700);
    let mut models = Vec::with_capacity(n);
    let mut providers = Vec::with_capacity(sizes.len());
    let mut spans = Vec::with_capacity(sizes.len());
    json.push('[');
    let mut i = 0;
    for (p, &size) in sizes.iter().enumerate() {
        let vendor = VENDORS[p % VENDORS.len()];
        let id = format!("zp-{vendor}-{p}");
        if p > 0 {
            json.push(',');
        }
        let start = json.len();
        write!(
            json,
            r#"{{"provider":{{"id":"{id}","name":"{} cloud {p}","aliases":["{id}-cloud"],"base_url":"https://api.{vendor}-{p}.example/v1","key_required":{},"api_surfaces":[{{"format":"openai","surface":"chat-completions"}}]}},"models":["#,
            title(vendor),
            p % 2 == 0
        )
        .unwrap();
        for k in 0..size {
            let m = names(i, p);
            if k > 0 {
                json.push(',');
            }
            model_json(&mut json, i, &m);
            models.push(m);
            i += 1;
        }
        json.push_str("]}");
        spans.push(start..json.len());
        providers.push((id, size));
    }
    json.push(']');
    Synthetic {
        json,
        spans,
        models,
        providers,
    }
}

fn model_json(out: &mut String, i: usize, m: &Names) {
    let vendor = VENDORS[i % VENDORS.len()];
    let family = FAMILIES[(i / VENDORS.len()) % FAMILIES.len()];
    let cents = 5 + (i * 37) % 1_500;
    let (input, output) = (cents as f64 / 100.0, cents as f64 * 4.0 / 100.0);
    let context = CONTEXTS[i % CONTEXTS.len()];
    let max_out = OUTPUTS[(i / 3) % OUTPUTS.len()].min(context);
    let vision = i % 3 == 0;
    write!(
        out,
        r#"{{"id":"{}","name":"{} {} {}","vendor":"{vendor}","family":"{family}","context_window":{context},"max_output_tokens":{max_out},"input_modalities":[{}],"output_modalities":["text"],"capabilities":{{"tools":{},"reasoning":{},"structured_output":{}}},"pricing":{{"input":{input},"output":{output}}},"open_weights":{},"release_date":"2025-{:02}-{:02}""#,
        m.id,
        title(vendor),
        title(family),
        i,
        if vision { r#""text","image""# } else { r#""text""# },
        i % 2 == 0,
        i % 5 == 0,
        i % 4 == 0,
        i % 7 == 0,
        1 + i % 12,
        2 + i % 27,
    )
    .unwrap();
    if let Some(u) = &m.upstream {
        write!(out, r#","upstream_id":"{u}""#).unwrap();
    }
    if let Some(a) = &m.alias {
        write!(out, r#","aliases":["{a}"]"#).unwrap();
    }
    if let Some(s) = &m.served {
        write!(out, r#","served_names":[{{"id":"{s}"}}]"#).unwrap();
    }
    out.push('}');
}

/// A run-time catalog with one custom model: the smallest overlay.
pub fn one_custom() -> Catalog {
    Catalog::builder()
        .provider(
            CustomProvider::new("internal-vllm", "Internal vLLM")
                .model("llama-3", "meta-llama/Meta-Llama-3-8B-Instruct"),
        )
        .build()
        .expect("builds")
}

impl Synthetic {
    /// A builder holding the documents, one `json` call per document (so that no JSON text
    /// passes the import limit of 32 MiB).
    pub fn builder(&self) -> model_catalog::CatalogBuilder {
        let mut b = model_catalog::Catalog::builder();
        for (i, span) in self.spans.iter().enumerate() {
            b = b
                .json(&format!("synthetic[{i}]"), &self.json[span.clone()])
                .expect("a synthetic document parses");
        }
        b
    }

    /// The catalog of these documents.
    pub fn catalog(&self) -> model_catalog::Catalog {
        self.builder()
            .build()
            .expect("the synthetic catalog builds")
    }
}
