//! [`SharedCatalog`]: a handle to the current catalog that readers load without locks and
//! writers swap atomically.

use crate::catalog::Catalog;
use arc_swap::ArcSwapOption;
use std::fmt;
use std::sync::Arc;

/// A handle to the current catalog that a service keeps in a `static` or its state. Readers
/// [`load`](SharedCatalog::load) without locks; a writer replaces the whole catalog
/// atomically, so every reader sees one whole catalog, old or new (built on `arc-swap`).
///
/// Available with the `shared` feature (on by default).
///
/// ```
/// use model_catalog::{Catalog, CustomProvider, SharedCatalog};
///
/// static CATALOG: SharedCatalog = SharedCatalog::builtin();
///
/// assert!(CATALOG.load().resolve_model("internal:x").is_err());
/// let mut b = CATALOG.load().to_builder();
/// b = b.provider(CustomProvider::new("internal", "Internal"));
/// CATALOG.store(b.build().unwrap());
/// assert_eq!(CATALOG.load().resolve_model("internal:x").unwrap().upstream_id, "x");
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "shared")))]
pub struct SharedCatalog {
    current: ArcSwapOption<Catalog>,
}

/// A catalog loaded from a [`SharedCatalog`]; derefs to [`Catalog`]. Holding it keeps that
/// catalog alive; it does not block writers.
///
/// Available with the `shared` feature (on by default).
#[cfg_attr(docsrs, doc(cfg(feature = "shared")))]
pub struct CatalogGuard {
    guard: arc_swap::Guard<Option<Arc<Catalog>>>,
}

impl std::ops::Deref for CatalogGuard {
    type Target = Catalog;
    fn deref(&self) -> &Catalog {
        match &*self.guard {
            Some(c) => c,
            None => Catalog::builtin(),
        }
    }
}

impl SharedCatalog {
    /// A handle holding the built-in catalog; usable in a `static`.
    pub const fn builtin() -> SharedCatalog {
        SharedCatalog {
            current: ArcSwapOption::const_empty(),
        }
    }

    /// A handle holding `catalog`.
    pub fn new(catalog: Catalog) -> SharedCatalog {
        let s = SharedCatalog::builtin();
        s.store(catalog);
        s
    }

    /// The current catalog. Lock-free.
    pub fn load(&self) -> CatalogGuard {
        CatalogGuard {
            guard: self.current.load(),
        }
    }

    /// Replaces the catalog. Readers holding a guard keep the old one until they drop it.
    pub fn store(&self, catalog: Catalog) {
        self.current.store(if catalog.is_builtin() {
            None
        } else {
            Some(Arc::new(catalog))
        });
    }

    /// Builds a new catalog from the current one with `change` and stores it, unless `change`
    /// fails, in which case nothing changes. If another writer stores a catalog meanwhile,
    /// `change` runs again on that one, so no update is lost.
    pub fn update<E>(
        &self,
        mut change: impl FnMut(&Catalog) -> Result<Catalog, E>,
    ) -> Result<(), E> {
        loop {
            let current = self.current.load_full();
            let base: &Catalog = current.as_deref().unwrap_or(Catalog::builtin());
            let next = change(base)?;
            let next = if next.is_builtin() {
                None
            } else {
                Some(Arc::new(next))
            };
            let prev = self.current.compare_and_swap(&current, next);
            let same = match (&*prev, &current) {
                (Some(a), Some(b)) => Arc::ptr_eq(a, b),
                (None, None) => true,
                _ => false,
            };
            if same {
                return Ok(());
            }
        }
    }
}

impl Default for SharedCatalog {
    fn default() -> SharedCatalog {
        SharedCatalog::builtin()
    }
}

impl fmt::Debug for SharedCatalog {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("SharedCatalog").field(&*self.load()).finish()
    }
}
