//! A reference resolver, written from the grammar README.md states ("Resolution") over a
//! catalog's public listing (its providers, models, aliases, served names and offers). It
//! shares no code with the crate's resolver, neither the compiled tables nor the run-time
//! path, so the resolution tests and the `resolve` fuzz target compare both against an
//! expectation that does not come from the code under test.
//!
//! It is deliberately plain: hash maps of ASCII-lowercased names, built once per catalog.

#![forbid(unsafe_code)]

use model_catalog::{Catalog, MatchKind, Model, Provider, Resolution, ResolveError, Separator};
use std::collections::HashMap;

/// What an input must resolve to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    /// A resolution.
    Ok {
        /// The provider's id.
        provider: String,
        /// The model's id; `None` for a pass-through.
        model: Option<String>,
        /// The id sent upstream.
        upstream: String,
        /// How the model part matched.
        matched: MatchKind,
        /// The separator after an explicit provider.
        separator: Option<Separator>,
    },
    /// An error.
    Err {
        /// The error's kind.
        kind: &'static str,
        /// For `unknown_model` and `unknown_provider`, the name not found.
        name: Option<String>,
    },
}

impl Expected {
    /// The same description of an actual answer, to compare with.
    pub fn of(answer: &Result<Resolution<'_, '_>, ResolveError>) -> Expected {
        match answer {
            Ok(r) => Expected::Ok {
                provider: r.provider.id().to_owned(),
                model: r.model.map(|m| m.id().to_owned()),
                upstream: r.upstream_id.to_string(),
                matched: r.matched,
                separator: r.prefix.map(|p| p.separator),
            },
            Err(e) => Expected::Err {
                kind: e.kind(),
                name: e.unknown_name().map(str::to_owned),
            },
        }
    }
}

/// A model key: the model, which of its names the key is, and for a served name its
/// catalog spelling (sent as itself).
#[derive(Clone, Copy)]
struct Key<'c> {
    model: &'c Model,
    kind: MatchKind,
    served: Option<&'c str>,
}

/// The reference resolver for one catalog.
pub struct Oracle<'c> {
    catalog: &'c Catalog,
    models: HashMap<String, Key<'c>>,
    /// Run-time names reachable only through their own provider (README, "Run-time catalogs
    /// and custom providers"), by provider id.
    scoped: HashMap<(String, String), Key<'c>>,
    providers: HashMap<String, &'c Provider>,
}

/// The longest model string accepted (README, rule 1).
const MAX_LEN: usize = 256;

impl<'c> Oracle<'c> {
    /// The oracle of `catalog`. Names are inserted in catalog order, so that a run-time
    /// entry overriding a built-in one takes its name.
    pub fn new(catalog: &'c Catalog) -> Oracle<'c> {
        let mut providers = HashMap::new();
        for p in catalog.providers() {
            providers.insert(p.id().to_ascii_lowercase(), p);
            for a in p.aliases() {
                providers.insert(a.to_ascii_lowercase(), p);
            }
        }
        let builtin = Oracle::builtin_names();
        let mut models = HashMap::new();
        let mut scoped = HashMap::new();
        for m in catalog.models() {
            let home = m.provider_id().to_ascii_lowercase();
            let run_time = !model_catalog::models().any(|b| std::ptr::eq(b, m));
            let mut add = |name: &str, kind, served| {
                let key = name.to_ascii_lowercase();
                let entry = Key {
                    model: m,
                    kind,
                    served,
                };
                // A run-time name with a vendor prefix that is not its own provider's name is
                // scoped to its provider; it is a name of the whole catalog too only when the
                // prefix names no provider and no built-in name equals it.
                if let Some((prefix, _)) = key.split_once('/').filter(|_| run_time) {
                    let owner = providers
                        .get(prefix)
                        .map(|p: &&Provider| p.id().to_ascii_lowercase());
                    if owner.as_deref() != Some(home.as_str()) {
                        scoped.insert((home.clone(), key.clone()), entry);
                        if owner.is_some() || builtin.contains(&key) {
                            return;
                        }
                    }
                }
                models.insert(key, entry);
            };
            add(m.id(), MatchKind::Id, None);
            if !m.upstream_id().eq_ignore_ascii_case(m.id()) {
                add(m.upstream_id(), MatchKind::UpstreamId, None);
            }
            for a in m.aliases() {
                add(a, MatchKind::Alias, None);
            }
            for s in m.served_names() {
                add(s.id(), MatchKind::ServedName, Some(s.id()));
            }
        }
        // An offer's upstream id names its model too (unless it is one of the model's own
        // names already); a run-time one is the offering provider's only.
        for m in catalog.models() {
            for o in catalog.offers_of(m) {
                let key = o.upstream_id().to_ascii_lowercase();
                // Behind a vendor prefix, a served name of the model names that snapshot.
                let served = key.rsplit_once('/').and_then(|(_, last)| {
                    m.served_names()
                        .map(|s| s.id())
                        .find(|s| s.eq_ignore_ascii_case(last))
                });
                let entry = Key {
                    model: m,
                    kind: if served.is_some() {
                        MatchKind::ServedName
                    } else {
                        MatchKind::UpstreamId
                    },
                    served,
                };
                let offering = o.provider_id().to_ascii_lowercase();
                let run_time = !model_catalog::models()
                    .flat_map(model_catalog::offers_of)
                    .any(|b| std::ptr::eq(b, o));
                // A run-time offer's new name is the offering provider's only, whatever its
                // shape: as a name of the whole catalog it would decide strings addressed to
                // other providers serving the model.
                if run_time && !models.contains_key(&key) {
                    scoped.entry((offering, key)).or_insert(entry);
                    continue;
                }
                models.entry(key).or_insert(entry);
            }
        }
        Oracle {
            catalog,
            models,
            scoped,
            providers,
        }
    }

    /// Every name of the built-in catalog, ASCII-lowercased.
    fn builtin_names() -> std::collections::HashSet<String> {
        let mut names = std::collections::HashSet::new();
        for m in model_catalog::models() {
            names.insert(m.id().to_ascii_lowercase());
            names.insert(m.upstream_id().to_ascii_lowercase());
            names.extend(m.aliases().map(str::to_ascii_lowercase));
            names.extend(m.served_names().map(|s| s.id().to_ascii_lowercase()));
            names.extend(
                model_catalog::offers_of(m)
                    .into_iter()
                    .map(|o| o.upstream_id().to_ascii_lowercase()),
            );
        }
        names
    }

    /// An OpenAI fine-tune id `id` (README, rule 5), sent to `p`.
    fn fine_tune(&self, p: &Provider, id: &str, separator: Option<Separator>) -> Expected {
        let rest = &id[3..];
        // `<base>:<organization>:<suffix>:<id>[:<checkpoint>]`, only the suffix may be empty.
        let parts: Vec<&str> = rest.split(':').collect();
        let base = (matches!(parts.len(), 4 | 5)
            && parts
                .iter()
                .enumerate()
                .all(|(i, p)| i == 2 || !p.is_empty()))
        .then(|| parts[0]);
        let Some(base) = base.filter(|_| passable(id)) else {
            return Expected::Err {
                kind: "malformed",
                name: None,
            };
        };
        let model = self
            .lookup(p, base)
            .filter(|k| self.home(k.model).id() == p.id())
            .map(|k| k.model.id().to_owned());
        Expected::Ok {
            provider: p.id().to_owned(),
            model,
            upstream: format!("ft:{rest}"),
            matched: MatchKind::FineTune,
            separator,
        }
    }

    /// The model key `name` denotes when provider `p` is named: its scoped names first.
    fn lookup(&self, p: &Provider, name: &str) -> Option<Key<'c>> {
        let key = name.to_ascii_lowercase();
        self.scoped
            .get(&(p.id().to_ascii_lowercase(), key.clone()))
            .or_else(|| self.models.get(&key))
            .copied()
    }

    /// What `input` must resolve to.
    #[must_use]
    pub fn resolve(&self, input: &str) -> Expected {
        let err = |kind, name: Option<&str>| Expected::Err {
            kind,
            name: name.map(str::to_owned),
        };
        // 1. Length as given, then ASCII whitespace around.
        if input.len() > MAX_LEN {
            return err("too_long", None);
        }
        let s = input.trim_matches(|c: char| c.is_ascii_whitespace());
        if s.is_empty() {
            return err("empty", None);
        }
        // 2. The whole string is a model name.
        if let Some(k) = self.models.get(&s.to_ascii_lowercase()) {
            let home = self.home(k.model);
            return Expected::Ok {
                provider: home.id().to_owned(),
                model: Some(k.model.id().to_owned()),
                upstream: k.served.unwrap_or(k.model.upstream_id()).to_owned(),
                matched: k.kind,
                separator: None,
            };
        }
        // 3 and 4. A provider name before the first separator (provider names hold none).
        let Some(at) = s.find([':', '/']) else {
            return err("unknown_model", Some(s));
        };
        let separator = if s.as_bytes()[at] == b':' {
            Separator::Colon
        } else {
            Separator::Slash
        };
        let (head, mut rest) = (&s[..at], &s[at + 1..]);
        let Some(&p) = self.providers.get(&head.to_ascii_lowercase()) else {
            // 5. `ft:...` is an OpenAI fine-tune id.
            if separator == Separator::Colon && head.eq_ignore_ascii_case("ft") {
                if let Some(&openai) = self.providers.get("openai") {
                    return self.fine_tune(openai, s, None);
                }
            }
            // 6. Otherwise unknown_provider if there is a `:`, else unknown_model.
            return match s.find(':') {
                Some(colon) => err("unknown_provider", Some(&s[..colon])),
                None => err("unknown_model", Some(s)),
            };
        };
        // `provider::model` is `provider:model`; an empty model part, or one starting with a
        // separator, is malformed.
        if separator == Separator::Colon {
            rest = rest.strip_prefix(':').unwrap_or(rest);
        }
        if rest.is_empty() || rest.starts_with([':', '/']) {
            return err("malformed", None);
        }
        if p.id() == "openai" && rest.get(..3).is_some_and(|f| f.eq_ignore_ascii_case("ft:")) {
            return self.fine_tune(p, rest, Some(separator));
        }
        let pass_through = Expected::Ok {
            provider: p.id().to_owned(),
            model: None,
            upstream: rest.to_owned(),
            matched: MatchKind::PassThrough,
            separator: Some(separator),
        };
        match self.lookup(p, rest) {
            Some(k) => {
                let m = k.model;
                let upstream = if self.home(m).id() == p.id() {
                    Some(k.served.unwrap_or(m.upstream_id()).to_owned())
                } else if k.served.is_some() {
                    // A served name is its home provider's only, unless another provider's
                    // offer is sent under that very name.
                    self.catalog
                        .offers_of(m)
                        .into_iter()
                        .find(|o| {
                            o.provider_id() == p.id() && o.upstream_id().eq_ignore_ascii_case(rest)
                        })
                        .map(|o| o.upstream_id().to_owned())
                } else {
                    self.catalog
                        .offers_of(m)
                        .into_iter()
                        .find(|o| o.provider_id() == p.id())
                        .map(|o| o.upstream_id().to_owned())
                };
                match upstream {
                    Some(upstream) => Expected::Ok {
                        provider: p.id().to_owned(),
                        model: Some(m.id().to_owned()),
                        upstream,
                        matched: k.kind,
                        separator: Some(separator),
                    },
                    // An aggregator, or a provider listing no model, takes anything.
                    None if p.is_aggregator() || !self.lists_models(p) => pass_through,
                    None => err("model_not_offered", None),
                }
            }
            None if passable(rest) => pass_through,
            None => err("unknown_model", Some(rest)),
        }
    }

    fn home(&self, m: &Model) -> &'c Provider {
        self.providers
            .get(&m.provider_id().to_ascii_lowercase())
            .copied()
            .expect("a model's provider is in the catalog")
    }

    fn lists_models(&self, p: &Provider) -> bool {
        self.catalog
            .models_of(p.id())
            .is_some_and(|models| !models.is_empty())
    }
}

/// Whether a model part may be passed through: 1 to 256 bytes of printable ASCII (space
/// to `~`), not starting or ending with a space (README, "Pass-through").
fn passable(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_LEN
        && s.bytes().all(|b| (b' '..=b'~').contains(&b))
        && !s.starts_with(' ')
        && !s.ends_with(' ')
}
