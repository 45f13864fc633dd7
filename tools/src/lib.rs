//! Maintenance tools for model-catalog's data. Not part of the library.
//!
//! The data model and validator are the ones the crate's build uses (`model-catalog-shared`,
//! here as `data`), so the tools write exactly what the build accepts.

pub use model_catalog_shared as data;

pub mod facts;
pub mod lineup;
pub mod reference;
pub mod seed;
pub mod served;
