//! Routing: ordered fallback chains of providers for a model.
