//! Resolution speed per input class.

use criterion::{criterion_group, criterion_main, Criterion};
use model_catalog::resolve_model;
use std::hint::black_box;

const CLASSES: &[(&str, &[&str])] = &[
    (
        "canonical",
        &[
            "gpt-4o",
            "claude-opus-4-6",
            "gemini-2.5-pro",
            "deepseek-chat",
        ],
    ),
    (
        "mixed_case",
        &[
            "GPT-4o",
            "Claude-Opus-4-6",
            "GEMINI-2.5-PRO",
            "DeepSeek-Chat",
        ],
    ),
    (
        "alias",
        &[
            "gpt-4o-2024-08-06",
            "claude-haiku-3",
            "GPT-5 mini",
            "llama-3.3-70b",
        ],
    ),
    (
        "provider_colon",
        &[
            "openai:gpt-4o",
            "groqcloud:llama-3.3-70b",
            "anthropic:claude-opus-4-6",
            "google:gemini-3",
        ],
    ),
    (
        "provider_slash",
        &[
            "openai/gpt-5.2",
            "anthropic/claude-opus-4-5",
            "groq/kimi-k2",
            "gemini/gemini-2.5-flash",
        ],
    ),
    (
        "pass_through",
        &[
            "openai:gpt-5-preview",
            "openrouter:meta-llama/Llama-3.3-70B-Instruct",
            "hyperbolic:qwen",
            "inference.net:x",
        ],
    ),
    (
        "miss",
        &[
            "gpt-4x",
            "foo:gpt-4o",
            "claude-opus-9",
            "meta-llama/unknown",
        ],
    ),
];

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("resolve_model");
    for (class, inputs) in CLASSES {
        g.bench_function(*class, |b| {
            b.iter(|| {
                for input in *inputs {
                    let _ = black_box(resolve_model(black_box(input)));
                }
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
