//! Maintenance tools for model-catalog's data. Not part of the library.
//!
//! The data model and validator are the crate's own (`src/data/`), included here as build.rs
//! includes them, so the tools write exactly what the build accepts.

#[allow(dead_code)]
#[path = "../../src/data/mod.rs"]
pub mod data;

pub mod facts;
pub mod lineup;
pub mod reference;
pub mod seed;
pub mod served;
