//! Registers a custom provider on top of the built-in catalog and resolves through it.
//!
//! ```text
//! cargo run --example custom_provider [-- MODEL...]
//! ```
//!
//! The provider, `internal-vllm`, serves three models of a self-hosted vLLM server, one under
//! its Hugging Face id `google/gemma-3-27b-it` (reachable as `internal-vllm:google/...`, while
//! the bare `google/...` keeps meaning Google); it also serves the built-in `gpt-oss-120b`
//! under its own id. Each MODEL (or a demonstration list) is resolved against the combined
//! catalog. Exit status 1 when a given MODEL fails.

use model_catalog::{ApiFormat, Catalog, CustomProvider, Surface};
use std::process::ExitCode;

fn main() -> ExitCode {
    let provider = CustomProvider::new("internal-vllm", "Internal vLLM")
        .alias("vllm")
        .base_url("http://vllm.internal:8000/v1")
        .key_required(false)
        .metadata("team=platform")
        .surface(
            ApiFormat::Openai,
            Some(Surface::ChatCompletions),
            Some(&[
                "model",
                "messages",
                "temperature",
                "max_tokens",
                "stream",
                "tools",
            ]),
        )
        .model("llama-3", "meta-llama/Meta-Llama-3-8B-Instruct")
        .model("qwen-coder", "Qwen/Qwen2.5-Coder-32B-Instruct")
        .model("google/gemma-3-27b-it", "google/gemma-3-27b-it")
        .offer("gpt-oss-120b", "openai/gpt-oss-120b-fp8");

    let mut builder = Catalog::builder();
    builder = builder.provider(provider);
    let catalog = match builder.build() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };

    let args: Vec<String> = std::env::args().skip(1).collect();
    let demo = args.is_empty();
    let inputs: Vec<String> = if demo {
        [
            "internal-vllm:llama-3",
            "vllm/qwen-coder",
            "llama-3",
            "internal-vllm:gpt-oss-120b",
            "gpt-oss-120b",
            "vllm:google/gemma-3-27b-it",
            "google/gemma-3-27b-it",
            "internal-vllm:mistral-7b",
            "openai:llama-3",
        ]
        .map(str::to_owned)
        .to_vec()
    } else {
        args
    };

    let mut all_ok = true;
    println!(
        "{:<28} {:<14} {:<22} {:<40} BASE URL",
        "INPUT", "PROVIDER", "MODEL", "UPSTREAM"
    );
    for input in &inputs {
        match catalog.resolve_model(input) {
            Ok(r) => println!(
                "{:<28} {:<14} {:<22} {:<40} {}",
                input,
                r.provider.id(),
                r.model.map_or("-", |m| m.id()),
                r.upstream_id,
                r.provider.base_url().unwrap_or("-"),
            ),
            Err(e) => {
                all_ok = false;
                println!("{input:<28} error ({}): {e}", e.kind());
            }
        }
    }
    // The built-in demo list shows an error on purpose; only given MODELs set the status.
    if all_ok || demo {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
