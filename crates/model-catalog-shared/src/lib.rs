//! What [model-catalog](https://crates.io/crates/model-catalog) shares between its build and
//! its run time: the data format and its validator, the rules names follow, the perfect hash
//! names are looked up with, and exact prices, costs and dates.
//!
//! model-catalog's build script (through `model-catalog-build`) validates the documents of
//! `data/` with this crate and compiles them into tables; the library validates run-time
//! overlays with the same code and looks names up with the same hash, so both always agree.
//! Use model-catalog itself: it re-exports what users need from here, and the examples in
//! this crate's documentation are written as its users write them.
//!
//! Nothing here depends on model-catalog.

#![forbid(unsafe_code)]

pub mod capability;
pub mod compiled;
pub mod cost;
pub mod date;
pub mod escape;
pub mod folded_hash;
pub mod grammar;
pub mod json;
pub mod key;
pub mod modality;
pub mod price;
mod results;
pub mod schema;
pub mod surface;
pub mod usage;
pub mod validate;
pub mod words;

pub use capability::{Capability, Support, UnknownCapability};
pub use cost::{Cost, CostError, Markup, MarkupError, PriceKind, PriceSource, Usd};
pub use date::{Date, DateError};
pub use key::{MatchKind, MAX_INPUT_LEN};
pub use modality::{Modalities, Modality, UnknownModality};
pub use price::{LongContextPricing, Price, PriceError, Pricing};
pub use surface::{ApiFormat, Surface, UnknownSurface};
pub use usage::{Usage, UsageError};
