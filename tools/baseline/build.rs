//! Compiles the catalog data (the same directory the crate's build reads) into the
//! baselines' tables: phf maps keyed by `UniCase<&str>` and by lowercased `&str`.

use model_catalog_build::DataDir;
use std::fmt::Write;
use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let dir = DataDir::from_env(manifest.join("../../data"));
    dir.rerun_if_changed();
    let docs = dir.read().unwrap_or_else(|e| panic!("{e:?}"));
    let (v, _) = docs.validate().unwrap_or_else(|e| panic!("{e:?}"));

    let mut out = String::new();
    let ids = |list: Vec<&String>| {
        list.iter()
            .map(|s| format!("{s:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    writeln!(
        out,
        "pub static PROVIDER_IDS: &[&str] = &[{}];",
        ids(v.providers.iter().map(|p| &p.entry.id).collect())
    )
    .unwrap();
    let homes: Vec<String> = v.models.iter().map(|m| m.provider.to_string()).collect();
    writeln!(
        out,
        "pub static MODEL_PROVIDER: &[u32] = &[{}];",
        homes.join(", ")
    )
    .unwrap();
    for (name, keys) in [("MODEL", &v.model_keys), ("PROVIDER", &v.provider_keys)] {
        let mut uni = phf_codegen::Map::new();
        let mut lower = phf_codegen::Map::<&str>::new();
        for k in keys.iter() {
            uni.entry(unicase::UniCase::new(&*k.key), k.index.to_string());
            lower.entry(&*k.key, k.index.to_string());
        }
        writeln!(
            out,
            "pub static {name}_UNICASE: phf::Map<UniCase<&'static str>, u32> = {};",
            uni.build()
        )
        .unwrap();
        writeln!(
            out,
            "pub static {name}_LOWER: phf::Map<&'static str, u32> = {};",
            lower.build()
        )
        .unwrap();
    }
    let path = PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo")).join("tables.rs");
    std::fs::write(path, out).expect("write tables");
}
