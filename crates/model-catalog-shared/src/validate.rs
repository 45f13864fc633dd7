//! The validator: parses data documents and checks a set of them forms a consistent catalog.
//!
//! build.rs runs it over `data/` and refuses to build on any error; run-time overlays run the
//! same code. Every error names the document and the entry.

use super::escape::Esc;
use super::json;
use super::key::{
    base_url_problem, fold, model_name_problem, provider_name_problem, text_problem, MatchKind,
};
use super::schema::{DataFile, ModelEntry, OfferEntry, ProviderEntry};
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::ops::Range;

/// A data document that failed to parse or validate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    /// The document's name (its path for files in `data/`).
    pub file: String,
    /// The entry at fault, e.g. ``model `gpt-4o` `` or ``provider `openai` ``, or `document`.
    pub entry: String,
    /// What is wrong.
    pub kind: DataErrorKind,
}

/// What is wrong with a data document.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DataErrorKind {
    /// The text is not JSON.
    Syntax {
        /// serde_json's message, with line and column.
        message: String,
    },
    /// A field is missing, unknown, given twice, of the wrong type, or holds a malformed
    /// number or date, or a number whose text is not exactly the value it reads as.
    Field {
        /// JSON path to the value, such as `models[3].retires`.
        path: String,
        /// What is wrong with it.
        message: String,
    },
    /// An id or alias is not a usable name.
    InvalidName {
        /// Which field holds it.
        field: &'static str,
        /// The name.
        name: String,
        /// Why it is refused.
        reason: &'static str,
    },
    /// A name is already taken (compared ASCII-case-insensitively).
    Duplicate {
        /// The name as written here.
        name: String,
        /// What this name is here (`id`, `upstream id`, `alias`).
        role: &'static str,
        /// The entry that already holds it, with its role and document.
        holder: String,
    },
    /// A document names a provider that does not exist.
    UnknownProvider {
        /// The provider named.
        provider: String,
    },
    /// An alias names a model id that does not exist.
    DanglingAlias {
        /// The alias.
        alias: String,
        /// The missing target.
        target: String,
    },
    /// The output limit exceeds the context window.
    OutputAboveContext {
        /// `max_output_tokens`.
        output: u32,
        /// `context_window`.
        context: u32,
    },
    /// A value is out of its range or inconsistent with another field.
    Invalid {
        /// The field.
        field: &'static str,
        /// Why.
        reason: String,
    },
    /// The document is beyond a limit of what is read: longer than
    /// [`MAX_DOCUMENT_BYTES`](super::json::MAX_DOCUMENT_BYTES), or an array or object with
    /// more than [`MAX_ITEMS`](super::json::MAX_ITEMS) entries. Nothing of it was read
    /// further.
    Limit {
        /// JSON path to the array or object (`.` for the whole document).
        path: String,
        /// Which limit.
        message: String,
    },
}

/// The message quotes names and values from the documents with control and non-ASCII
/// characters escaped (`\u{a}`), so that it is one line of printable ASCII, safe to log.
impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: ", Esc(&self.file), Esc(&self.entry))?;
        match &self.kind {
            DataErrorKind::Syntax { message } => write!(f, "not valid JSON: {}", Esc(message)),
            DataErrorKind::Field { path, message } | DataErrorKind::Limit { path, message } => {
                write!(f, "at `{}`: {}", Esc(path), Esc(message))
            }
            DataErrorKind::InvalidName {
                field,
                name,
                reason,
            } => write!(f, "{field} `{}` {reason}", Esc(name)),
            DataErrorKind::Duplicate { name, role, holder } => write!(
                f,
                "{role} `{}` is already taken (ASCII case ignored) by {}",
                Esc(name),
                Esc(holder)
            ),
            DataErrorKind::UnknownProvider { provider } => {
                write!(f, "unknown provider `{}`", Esc(provider))
            }
            DataErrorKind::DanglingAlias { alias, target } => write!(
                f,
                "alias `{}` names model `{}`, which is not a model id in the catalog",
                Esc(alias),
                Esc(target)
            ),
            DataErrorKind::OutputAboveContext { output, context } => write!(
                f,
                "max_output_tokens {output} is above context_window {context}"
            ),
            DataErrorKind::Invalid { field, reason } => write!(f, "{field}: {}", Esc(reason)),
        }
    }
}

impl std::error::Error for DataError {}

/// Parses one data document. `file` names it in errors.
///
/// The text is read with [`json::read`]: a key given twice in an object, a number whose
/// text is not exactly the value it reads as, and a document beyond the reader's limits are
/// refused, with the JSON path.
pub fn parse_file(file: &str, text: &str) -> Result<DataFile, DataError> {
    let read = || json::read(text, &json::everywhere).map_err(|p| read_error(file, p.path(), &p));
    let value = read()?;
    from_owned_value(file, value, || read().unwrap_or_default())
}

/// A data document from JSON read with [`json::read`], its strings moved out of `value`
/// rather than copied. Only when it does not fit the schema is the JSON needed again, from
/// `again`, to name the path and the entry of the error.
pub fn from_owned_value(
    file: &str,
    value: serde_json::Value,
    again: impl FnOnce() -> serde_json::Value,
) -> Result<DataFile, DataError> {
    use serde::Deserialize;
    match DataFile::deserialize(value) {
        Ok(doc) => Ok(doc),
        Err(_) => from_value(file, &again()),
    }
}

/// A data document from JSON already read with [`json::read`]. `file` names it in errors.
pub fn from_value(file: &str, value: &serde_json::Value) -> Result<DataFile, DataError> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        DataError {
            file: file.to_owned(),
            entry: entry_at(value, e.path()),
            kind: DataErrorKind::Field {
                path,
                message: e.into_inner().to_string(),
            },
        }
    })
}

/// The error for document `file` that [`json::read`] refused with `problem`, at `path`
/// within the document.
#[must_use]
pub fn read_error(file: &str, path: &[json::Seg], problem: &json::Problem) -> DataError {
    let path = json::PathText(path).to_string();
    let kind = match problem {
        json::Problem::Syntax {
            line,
            column,
            message,
        } => DataErrorKind::Syntax {
            message: format!("{message} at line {line} column {column}"),
        },
        json::Problem::TooLarge { .. } | json::Problem::TooManyItems { .. } => {
            DataErrorKind::Limit {
                path,
                message: problem.message(),
            }
        }
        json::Problem::DuplicateKey { .. } | json::Problem::InexactNumber { .. } => {
            DataErrorKind::Field {
                path,
                message: problem.message(),
            }
        }
    };
    DataError {
        file: file.to_owned(),
        entry: "document".to_owned(),
        kind,
    }
}

/// Describes the entry a serde path points into, using the entry's id where it has one.
fn entry_at(root: &serde_json::Value, path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut segs = path.iter();
    let (Some(Segment::Map { key }), next) = (segs.next(), segs.next()) else {
        return "document".to_owned();
    };
    let what = match key.as_str() {
        "provider" => return describe("provider", root.get("provider").and_then(|p| p.get("id"))),
        "models" => "model",
        "aliases" => "alias",
        _ => return "document".to_owned(),
    };
    match next {
        Some(Segment::Seq { index }) => {
            let item = root.get(key.as_str()).and_then(|a| a.get(*index));
            let id = item.and_then(|i| i.get(if what == "alias" { "alias" } else { "id" }));
            match id.and_then(|v| v.as_str()) {
                Some(id) => format!("{what} `{id}`"),
                None => format!("{what} #{}", index + 1),
            }
        }
        _ => "document".to_owned(),
    }
}

fn describe(what: &str, id: Option<&serde_json::Value>) -> String {
    match id.and_then(|v| v.as_str()) {
        Some(id) => format!("{what} `{id}`"),
        None => what.to_owned(),
    }
}

/// A validated catalog, ready to be compiled into tables or used as an overlay.
///
/// Indexes are in the combined space of the base the documents were validated over
/// (empty for the built-in data): base providers are `0..provider_base`, new providers
/// follow; likewise models.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Validated {
    /// How many providers the base has; new providers' indexes start here.
    pub provider_base: usize,
    /// How many models the base has; new models' indexes start here.
    pub model_base: usize,
    /// Providers in document order (overrides of base providers included).
    pub providers: Vec<ProviderRec>,
    /// Models grouped by provider, in provider-index order, each provider's in document
    /// order. `models[i]` has index `model_base + i`.
    pub models: Vec<ModelRec>,
    /// Offers grouped by provider likewise.
    pub offers: Vec<OfferRec>,
    /// Every model key (folded) the documents define: ids, upstream ids and aliases.
    pub model_keys: Vec<KeyRec>,
    /// Every provider key (folded) the documents define: ids and aliases.
    pub provider_keys: Vec<KeyRec>,
}

/// A validated provider.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProviderRec {
    /// The document that defines it.
    pub file: String,
    /// Its index in the combined space: a base provider's when it overrides one.
    pub index: usize,
    /// Whether it replaces a base provider (with the caller's leave).
    pub overrides: bool,
    /// Its entry.
    pub entry: ProviderEntry,
    /// Its models, as positions in [`Validated::models`].
    pub models: Range<usize>,
    /// Its offers, as positions in [`Validated::offers`].
    pub offers: Range<usize>,
}

/// A validated offer: a provider serving a model another provider defines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfferRec {
    /// The document that declares it.
    pub file: String,
    /// Index of the offering provider (combined space).
    pub provider: usize,
    /// Index of the model (combined space).
    pub model: usize,
    /// Its entry.
    pub entry: OfferEntry,
}

/// A validated model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelRec {
    /// The document that defines it.
    pub file: String,
    /// Index of its provider (combined space).
    pub provider: usize,
    /// Its entry.
    pub entry: ModelEntry,
    /// The upstream id (the entry's, or else its id).
    pub upstream_id: String,
    /// Its aliases: the entry's own, then those declared apart from it.
    pub aliases: Vec<String>,
}

/// A key in one of the lookup maps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyRec {
    /// The name, ASCII-lowercased.
    pub key: String,
    /// Index of the entry it names (combined space).
    pub index: usize,
    /// Which of the entry's names it is.
    pub kind: MatchKind,
    /// Whether it takes the name from a base entry (with the caller's leave).
    pub overrides: bool,
    /// For a name reachable only through one provider (a run-time model name that begins
    /// with another provider's name and `/`): that provider's index.
    pub scope: Option<usize>,
}

/// A catalog that documents are validated on top of (the compiled one, for run-time
/// overlays). Keys are given ASCII-lowercased.
pub trait Base {
    /// How many providers it has.
    fn provider_count(&self) -> usize;
    /// How many models it has.
    fn model_count(&self) -> usize;
    /// The provider holding a key: its index, which of its names the key is, and its id.
    fn provider_key(&self, key: &str) -> Option<(usize, MatchKind, String)>;
    /// The model holding a key: its index, which of its names the key is, and its id.
    fn model_key(&self, key: &str) -> Option<(usize, MatchKind, String)>;
    /// The index of the provider that defines base model `index`.
    fn model_provider(&self, index: usize) -> Option<usize>;
    /// The id of base provider `index`.
    fn provider_id(&self, index: usize) -> Option<String>;
    /// Whether some base model key begins with `key` and `:`, and with `key` and `/`.
    fn model_prefix(&self, key: &str) -> (bool, bool) {
        let _ = key;
        (false, false)
    }
}

/// The empty base.
struct NoBase;

impl Base for NoBase {
    fn provider_count(&self) -> usize {
        0
    }
    fn model_count(&self) -> usize {
        0
    }
    fn provider_key(&self, _: &str) -> Option<(usize, MatchKind, String)> {
        None
    }
    fn model_key(&self, _: &str) -> Option<(usize, MatchKind, String)> {
        None
    }
    fn model_provider(&self, _: usize) -> Option<usize> {
        None
    }
    fn provider_id(&self, _: usize) -> Option<String> {
        None
    }
}

/// Base entries the caller allows documents to replace or take names from, by id (ASCII
/// case ignored). Without leave, any collision with a base name is an error.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Overrides {
    /// Base provider ids.
    pub providers: Vec<String>,
    /// Base model ids.
    pub models: Vec<String>,
}

impl Overrides {
    fn provider(&self, id: &str) -> bool {
        self.providers.iter().any(|p| p.eq_ignore_ascii_case(id))
    }
    fn model(&self, id: &str) -> bool {
        self.models.iter().any(|m| m.eq_ignore_ascii_case(id))
    }
    /// Whether the caller allows a new provider named `name` although model names begin
    /// with it.
    fn prefix(&self, name: &str) -> bool {
        self.provider(name) || self.model(name)
    }
}

struct Holder {
    index: usize,
    kind: MatchKind,
    desc: String,
    overrides: bool,
}

/// Which namespace a [`KeySpace`] covers.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Space {
    Providers,
    Models,
}

/// A set of folded keys, each held by one entry, over the base's keys.
struct KeySpace<'b> {
    space: Space,
    base: &'b dyn Base,
    overrides: &'b Overrides,
    map: HashMap<String, Holder>,
    order: Vec<String>,
}

/// Why a key could not be claimed: another entry holds it (its description).
struct Clash(String);

impl<'b> KeySpace<'b> {
    fn new(space: Space, base: &'b dyn Base, overrides: &'b Overrides) -> KeySpace<'b> {
        KeySpace {
            space,
            base,
            overrides,
            map: HashMap::new(),
            order: Vec::new(),
        }
    }

    fn base_key(&self, key: &str) -> Option<(usize, MatchKind, String)> {
        match self.space {
            Space::Providers => self.base.provider_key(key),
            Space::Models => self.base.model_key(key),
        }
    }

    fn allowed(&self, id: &str) -> bool {
        match self.space {
            Space::Providers => self.overrides.provider(id),
            Space::Models => self.overrides.model(id),
        }
    }

    /// Claims `name` for entry `index`. A name a base entry holds is taken over only with
    /// the caller's leave for that entry; a name the same entry already holds in the base is
    /// not claimed again.
    fn claim(
        &mut self,
        name: &str,
        index: usize,
        kind: MatchKind,
        desc: String,
    ) -> Result<(), Clash> {
        let key = fold(name);
        if let Some(h) = self.map.get(&key) {
            return Err(Clash(h.desc.clone()));
        }
        let mut overrides = false;
        if let Some((holder, holder_kind, id)) = self.base_key(&key) {
            if holder == index {
                return Ok(());
            }
            if !self.allowed(&id) {
                let what = if self.space == Space::Providers {
                    "provider"
                } else {
                    "model"
                };
                return Err(Clash(format!(
                    "the {} of built-in {what} `{id}` (allow an override of `{id}` to replace it)",
                    role(holder_kind)
                )));
            }
            overrides = true;
        }
        self.order.push(key.clone());
        self.map.insert(
            key,
            Holder {
                index,
                kind,
                desc,
                overrides,
            },
        );
        Ok(())
    }

    /// The entry a name denotes here or in the base: index and kind.
    fn get(&self, name: &str) -> Option<(usize, MatchKind)> {
        let key = fold(name);
        match self.map.get(&key) {
            Some(h) => Some((h.index, h.kind)),
            None => self.base_key(&key).map(|(i, k, _)| (i, k)),
        }
    }

    fn into_keys(mut self, remap: impl Fn(usize) -> usize) -> Vec<KeyRec> {
        let mut out: Vec<KeyRec> = self
            .order
            .drain(..)
            .map(|key| {
                let h = &self.map[&key];
                KeyRec {
                    index: remap(h.index),
                    kind: h.kind,
                    overrides: h.overrides,
                    scope: None,
                    key,
                }
            })
            .collect();
        out.sort_by(|a, b| (a.index, &a.key).cmp(&(b.index, &b.key)));
        out
    }
}

fn role(kind: MatchKind) -> &'static str {
    match kind {
        MatchKind::Id => "id",
        MatchKind::UpstreamId => "upstream id",
        MatchKind::Alias | MatchKind::PassThrough | MatchKind::FineTune => "alias",
        MatchKind::ServedName => "served name",
    }
}

/// Collects errors while validating.
struct Check {
    errors: Vec<DataError>,
}

impl Check {
    fn push(&mut self, file: &str, entry: &str, kind: DataErrorKind) {
        self.errors.push(DataError {
            file: file.to_owned(),
            entry: entry.to_owned(),
            kind,
        });
    }

    fn invalid(&mut self, file: &str, entry: &str, field: &'static str, reason: impl Into<String>) {
        self.push(
            file,
            entry,
            DataErrorKind::Invalid {
                field,
                reason: reason.into(),
            },
        );
    }

    fn duplicate(&mut self, file: &str, entry: &str, name: &str, kind: MatchKind, clash: Clash) {
        let Clash(holder) = clash;
        self.push(
            file,
            entry,
            DataErrorKind::Duplicate {
                name: name.to_owned(),
                role: role(kind),
                holder,
            },
        );
    }

    fn name(
        &mut self,
        file: &str,
        entry: &str,
        field: &'static str,
        name: &str,
        provider: bool,
    ) -> bool {
        let problem = if provider {
            provider_name_problem(name)
        } else {
            model_name_problem(name)
        };
        match problem {
            Some(reason) => {
                self.push(
                    file,
                    entry,
                    DataErrorKind::InvalidName {
                        field,
                        name: name.chars().take(80).collect(),
                        reason,
                    },
                );
                false
            }
            None => true,
        }
    }

    /// Checks `redundant` names all fold to one of `keys`.
    fn redundant(&mut self, file: &str, entry: &str, redundant: &[String], keys: &[&str]) {
        let keys: HashSet<String> = keys.iter().map(|k| fold(k)).collect();
        for r in redundant {
            if !keys.contains(&fold(r)) {
                self.invalid(
                    file,
                    entry,
                    "redundant_aliases",
                    format!(
                        "`{}` is not a spelling of this entry's id or aliases; list it under aliases",
                        named(r)
                    ),
                );
            }
        }
    }
}

/// Validates a set of documents as one whole catalog.
///
/// Returns every error found, in document order.
pub fn validate(files: &[(String, DataFile)]) -> Result<Validated, Vec<DataError>> {
    validate_over(&NoBase, &Overrides::default(), files)
}

/// Validates documents on top of `base`: names must not collide with the base's (ASCII case
/// ignored) unless `overrides` allows it for the base entry that holds them; `extends`,
/// alias targets, offers and successors may name base entries.
///
/// Returns every error found, in document order.
pub fn validate_over(
    base: &dyn Base,
    overrides: &Overrides,
    files: &[(String, DataFile)],
) -> Result<Validated, Vec<DataError>> {
    let mut check = Check { errors: Vec::new() };
    let provider_base = base.provider_count();
    let model_base = base.model_count();

    // Providers and their keys.
    struct NewProvider {
        file: String,
        index: usize,
        overrides: bool,
        entry: ProviderEntry,
    }
    let mut providers: Vec<NewProvider> = Vec::new();
    // How many new providers (not replacements) there are so far, and which base providers
    // are replaced: kept as they go, so that each provider costs the same.
    let mut new_providers = 0;
    let mut replaced: HashSet<usize> = HashSet::new();
    let mut doc_provider: Vec<Option<usize>> = vec![None; files.len()];
    let mut pkeys = KeySpace::new(Space::Providers, base, overrides);
    for (doc_index, (file, doc)) in files.iter().enumerate() {
        let Some(p) = &doc.provider else { continue };
        let entry = described("provider", &p.id);
        if doc.extends.is_some() {
            check.invalid(
                file,
                &entry,
                "extends",
                "a document has either `provider` or `extends`, not both",
            );
        }
        if !check.name(file, &entry, "id", &p.id, true) {
            continue;
        }
        // A base provider's id names it: replacing it needs leave.
        let mut index = provider_base + new_providers;
        let mut replaces = false;
        if let Some((held, MatchKind::Id, id)) = base.provider_key(&fold(&p.id)) {
            if overrides.provider(&id) {
                if !replaced.insert(held) {
                    check.invalid(
                        file,
                        &entry,
                        "id",
                        format!("built-in provider `{id}` is replaced twice"),
                    );
                    continue;
                }
                index = held;
                replaces = true;
            }
        }
        let desc = |kind| format!("the {} of provider `{}` ({file})", role(kind), p.id);
        let mut names = vec![(MatchKind::Id, &p.id)];
        names.extend(p.aliases.iter().map(|a| (MatchKind::Alias, a)));
        for (kind, name) in names {
            let field = if kind == MatchKind::Id { "id" } else { "alias" };
            if kind == MatchKind::Alias && !check.name(file, &entry, field, name, true) {
                continue;
            }
            if let Err(clash) = pkeys.claim(name, index, kind, desc(kind)) {
                check.duplicate(file, &entry, name, kind, clash);
                continue;
            }
            // A new provider name that base model names begin with would make
            // `name/...` strings ambiguous: the model names would keep winning.
            let (colon, slash) = base.model_prefix(&fold(name));
            if !replaces && (colon || slash) && !overrides.prefix(name) {
                check.invalid(
                    file,
                    &entry,
                    field,
                    format!(
                        "model names of the catalog begin with `{}{}`, and would keep resolving to their models; allow an override of `{}` to register it anyway",
                        Esc(name),
                        if colon { ":" } else { "/" },
                        Esc(name)
                    ),
                );
            }
        }
        if !p.redundant_aliases.is_empty() {
            let mut own: Vec<&str> = vec![&p.id];
            own.extend(p.aliases.iter().map(String::as_str));
            check.redundant(file, &entry, &p.redundant_aliases, &own);
        }
        check_provider_fields(&mut check, file, &entry, p);
        if !replaces {
            new_providers += 1;
        }
        doc_provider[doc_index] = Some(index);
        providers.push(NewProvider {
            file: file.clone(),
            index,
            overrides: replaces,
            entry: p.clone(),
        });
    }

    // Models and their keys. Indexes here are model_base + document order; they are
    // regrouped by provider at the end.
    let mut models: Vec<ModelRec> =
        Vec::with_capacity(files.iter().map(|(_, d)| d.models.len()).sum());
    let mut mkeys = KeySpace::new(Space::Models, base, overrides);
    let mut scoped = ScopedKeys::default();
    /// A vendor-prefixed model name that may become a name of the whole catalog.
    struct SharedName {
        scope: usize,
        index: usize,
        kind: MatchKind,
        desc: String,
    }
    let mut shared: HashMap<String, Vec<SharedName>> = HashMap::new();
    let mut shared_order: Vec<String> = Vec::new();
    for (doc_index, (file, doc)) in files.iter().enumerate() {
        let provider = match (&doc.provider, &doc.extends) {
            (Some(_), _) => doc_provider[doc_index],
            (None, Some(ext)) => {
                let found = pkeys.get(ext).map(|(i, _)| i);
                if found.is_none() {
                    check.push(
                        file,
                        "document",
                        DataErrorKind::UnknownProvider {
                            provider: named(ext).into_owned(),
                        },
                    );
                }
                found
            }
            (None, None) => {
                if !doc.models.is_empty() || !doc.offers.is_empty() {
                    check.invalid(
                        file,
                        "document",
                        "provider",
                        "models and offers need a provider: give `provider` or `extends`",
                    );
                }
                None
            }
        };
        doc_provider[doc_index] = provider;
        for m in &doc.models {
            let entry = described("model", &m.id);
            check_model_fields(&mut check, file, &entry, m);
            let index = model_base + models.len();
            let upstream = m.upstream_id.clone().unwrap_or_else(|| m.id.clone());
            let mut names = vec![(MatchKind::Id, &m.id)];
            if !upstream.eq_ignore_ascii_case(&m.id) {
                names.push((MatchKind::UpstreamId, &upstream));
            }
            names.extend(m.aliases.iter().map(|a| (MatchKind::Alias, a)));
            names.extend(
                m.served_names
                    .iter()
                    .map(|s| (MatchKind::ServedName, &s.id)),
            );
            for (kind, name) in names {
                let field = match kind {
                    MatchKind::Id => "id",
                    MatchKind::UpstreamId => "upstream_id",
                    MatchKind::ServedName => "served_names",
                    _ => "alias",
                };
                if !check.name(file, &entry, field, name, false) {
                    continue;
                }
                let desc = format!("the {} of model `{}` ({file})", role(kind), named(&m.id));
                let claimed = match provider.map(|h| shadowing(name, h, &pkeys, base)) {
                    Some(Shadow::Refused(why)) => {
                        check.invalid(file, &entry, field, why);
                        continue;
                    }
                    Some(Shadow::Scoped(scope)) => {
                        // A vendor-prefixed name no provider and no base entry has may
                        // also be a name of the whole catalog, if only this provider
                        // declares it (decided once every model is read).
                        let key = fold(name);
                        let vendor = name.split_once('/').map_or("", |(p, _)| p);
                        if pkeys.get(vendor).is_none() && mkeys.base_key(&key).is_none() {
                            shared.entry(key).or_default().push(SharedName {
                                scope,
                                index,
                                kind,
                                desc: desc.clone(),
                            });
                        }
                        scoped.claim(scope, name, index, kind, desc)
                    }
                    _ => mkeys.claim(name, index, kind, desc),
                };
                if let Err(clash) = claimed {
                    check.duplicate(file, &entry, name, kind, clash);
                }
            }
            if !m.redundant_aliases.is_empty() {
                let mut own: Vec<&str> = vec![&m.id, &upstream];
                own.extend(m.aliases.iter().map(String::as_str));
                own.extend(m.served_names.iter().map(|s| s.id.as_str()));
                check.redundant(file, &entry, &m.redundant_aliases, &own);
            }
            models.push(ModelRec {
                file: file.clone(),
                provider: provider.unwrap_or(usize::MAX),
                entry: m.clone(),
                upstream_id: upstream,
                aliases: m.aliases.clone(),
            });
        }
    }

    // Vendor-prefixed names declared by one provider only are names of the whole catalog
    // too; declared by several, they stay reachable through each provider only.
    shared_order.extend(shared.keys().cloned());
    shared_order.sort();
    for key in &shared_order {
        let claims = &shared[key];
        if claims.iter().all(|c| c.scope == claims[0].scope) {
            let c = &claims[0];
            // Within one provider a repeat is already reported by the scoped claim.
            let _ = mkeys.claim(key, c.index, c.kind, c.desc.clone());
        }
    }

    // The model a target id names, here or in the base.
    let model_id = |mkeys: &KeySpace, id: &str| {
        mkeys
            .get(id)
            .filter(|(_, k)| *k == MatchKind::Id)
            .map(|(i, _)| i)
    };

    // The home provider of a model, here or in the base (`None` for base models, whose
    // provider the base knows).
    let home = |models: &[ModelRec], index: usize| {
        index
            .checked_sub(model_base)
            .and_then(|i| models.get(i))
            .map(|m| m.provider)
    };

    // Aliases declared apart from their models.
    for (file, doc) in files {
        for a in &doc.aliases {
            let entry = described("alias", &a.alias);
            if !check.name(file, &entry, "alias", &a.alias, false) {
                continue;
            }
            let Some(target) = model_id(&mkeys, &a.target) else {
                check.push(
                    file,
                    &entry,
                    DataErrorKind::DanglingAlias {
                        alias: named(&a.alias).into_owned(),
                        target: named(&a.target).into_owned(),
                    },
                );
                continue;
            };
            let target_home = home(&models, target).or_else(|| base.model_provider(target));
            let desc = format!("an alias of model `{}` ({file})", named(&a.target));
            let claimed = match target_home.map(|h| shadowing(&a.alias, h, &pkeys, base)) {
                Some(Shadow::Refused(why)) => {
                    check.invalid(file, &entry, "alias", why);
                    continue;
                }
                Some(Shadow::Scoped(scope)) => {
                    scoped.claim(scope, &a.alias, target, MatchKind::Alias, desc)
                }
                _ => mkeys.claim(&a.alias, target, MatchKind::Alias, desc),
            };
            match claimed {
                Ok(()) => {
                    if let Some(m) = target
                        .checked_sub(model_base)
                        .and_then(|i| models.get_mut(i))
                    {
                        m.aliases.push(a.alias.clone());
                    }
                }
                Err(clash) => check.duplicate(file, &entry, &a.alias, MatchKind::Alias, clash),
            }
        }
    }

    // Offers: models defined elsewhere that a provider also serves.
    let mut offers: Vec<OfferRec> = Vec::new();
    let mut offered: HashSet<(usize, usize)> = HashSet::new();
    let provider_ids: HashMap<usize, &str> = providers
        .iter()
        .map(|p| (p.index, p.entry.id.as_str()))
        .collect();
    for (doc_index, (file, doc)) in files.iter().enumerate() {
        let Some(provider) = doc_provider[doc_index] else {
            continue;
        };
        for o in &doc.offers {
            let entry = described("offer of", &o.model);
            let Some(target) = model_id(&mkeys, &o.model) else {
                check.invalid(
                    file,
                    &entry,
                    "model",
                    format!("`{}` is not a model id in the catalog", named(&o.model)),
                );
                continue;
            };
            if home(&models, target).or_else(|| base.model_provider(target)) == Some(provider) {
                check.invalid(file, &entry, "model", "the provider defines this model itself; an offer is for another provider's model");
                continue;
            }
            if offered.contains(&(provider, target)) {
                check.invalid(file, &entry, "model", "offered twice by the same provider");
                continue;
            }
            if !check.name(file, &entry, "upstream_id", &o.upstream_id, false) {
                continue;
            }
            // An offer's upstream id is a key of its model; it may repeat one of the model's
            // own names (aggregators often use the vendor's id), never another model's.
            let offering = provider_ids
                .get(&provider)
                .map(|id| (*id).to_owned())
                .or_else(|| base.provider_id(provider))
                .unwrap_or_default();
            let desc = format!(
                "the upstream id of model `{}` at provider `{}` ({file})",
                named(&o.model),
                named(&offering)
            );
            let repeats_own = mkeys.get(&o.upstream_id).is_some_and(|(i, _)| i == target);
            // The upstream id is the offering provider's: its prefix is judged against it.
            let shadow = if repeats_own {
                Shadow::Clear
            } else {
                shadowing(&o.upstream_id, provider, &pkeys, base)
            };
            let claimed = match shadow {
                Shadow::Refused(why) => {
                    check.invalid(file, &entry, "upstream_id", why);
                    continue;
                }
                Shadow::Scoped(scope) => {
                    scoped.claim(scope, &o.upstream_id, target, MatchKind::UpstreamId, desc)
                }
                Shadow::Clear if repeats_own => Ok(()),
                Shadow::Clear => mkeys.claim(&o.upstream_id, target, MatchKind::UpstreamId, desc),
            };
            if let Err(clash) = claimed {
                check.duplicate(file, &entry, &o.upstream_id, MatchKind::UpstreamId, clash);
                continue;
            }
            if let Some(why) = sources_problem(&o.sources) {
                check.invalid(file, &entry, "sources", why);
            }
            offered.insert((provider, target));
            offers.push(OfferRec {
                file: file.clone(),
                provider,
                model: target,
                entry: o.clone(),
            });
        }
    }

    // Successors name other models by id.
    for m in &models {
        let Some(successor) = &m.entry.successor else {
            continue;
        };
        let reason = match model_id(&mkeys, successor) {
            None => format!("`{}` is not a model id in the catalog", named(successor)),
            Some(_) if successor.eq_ignore_ascii_case(&m.entry.id) => {
                "a model cannot succeed itself".to_owned()
            }
            Some(_) => continue,
        };
        check.invalid(
            &m.file,
            &format!("model `{}`", m.entry.id),
            "successor",
            reason,
        );
    }

    if !check.errors.is_empty() {
        return Err(check.errors);
    }

    // Group models by provider index, keeping document order within each provider.
    let mut order: Vec<usize> = (0..models.len()).collect();
    order.sort_by_key(|&i| models[i].provider);
    let mut new_index = vec![0; models.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    let remap = |i: usize| {
        if i < model_base {
            i
        } else {
            model_base + new_index[i - model_base]
        }
    };
    let mut slots: Vec<Option<ModelRec>> = models.into_iter().map(Some).collect();
    let models: Vec<ModelRec> = order.iter().filter_map(|&i| slots[i].take()).collect();
    for o in &mut offers {
        o.model = remap(o.model);
    }
    offers.sort_by_key(|o| o.provider);
    let providers = providers
        .into_iter()
        .map(|p| ProviderRec {
            models: models.partition_point(|m| m.provider < p.index)
                ..models.partition_point(|m| m.provider <= p.index),
            offers: offers.partition_point(|o| o.provider < p.index)
                ..offers.partition_point(|o| o.provider <= p.index),
            file: p.file,
            index: p.index,
            overrides: p.overrides,
            entry: p.entry,
        })
        .collect();
    Ok(Validated {
        provider_base,
        model_base,
        providers,
        models,
        offers,
        model_keys: {
            let mut keys = mkeys.into_keys(remap);
            keys.extend(scoped.into_keys(remap));
            keys
        },
        provider_keys: pkeys.into_keys(|i| i),
    })
}

/// Whether a model name may be a key of the whole catalog.
enum Shadow {
    /// It may.
    Clear,
    /// It is reachable only through this provider (`provider:name`).
    Scoped(usize),
    /// It is refused, for this reason.
    Refused(String),
}

/// Whether model name `name`, a name served by provider `home`, would shadow another
/// provider's `provider:model` or `provider/model` strings.
///
/// The whole string is matched before any prefix, so a model named `openai:x` would capture
/// `openai:x` from OpenAI. A name whose part before the first `:` names another provider is
/// therefore always refused. Vendor-prefixed names (`openai/gpt-oss-120b`, served by Groq)
/// are normal in the built-in data and are keys of the whole catalog. On top of a base
/// (run-time catalogs), a name with a `/` whose part before the first `/` is not a name of
/// `home` itself (`google/gemma-3-27b-it`, `meta-llama/Llama-3.3-70B-Instruct` at a vLLM
/// provider) is scoped to `home`: `vllm:google/gemma-3-27b-it` reaches it, while the bare
/// string keeps its meaning (here `google`'s pass-through). So such names never collide with
/// another provider's, whatever order the providers are added in.
fn shadowing(name: &str, home: usize, pkeys: &KeySpace, base: &dyn Base) -> Shadow {
    if let Some((prefix, _)) = name.split_once(':') {
        if let Some((owner, _)) = pkeys.get(prefix) {
            if owner != home {
                return Shadow::Refused(format!(
                    "`{}` begins with provider name `{}:`, so it would capture strings addressed to that provider",
                    Esc(name),
                    Esc(prefix)
                ));
            }
        }
    }
    if base.provider_count() > 0 {
        if let Some((prefix, _)) = name.split_once('/') {
            if pkeys.get(prefix).is_none_or(|(owner, _)| owner != home) {
                return Shadow::Scoped(home);
            }
        }
    }
    Shadow::Clear
}

/// Model keys reachable only through one provider, each folded and unique within its
/// provider.
#[derive(Default)]
struct ScopedKeys {
    map: HashMap<(usize, String), Holder>,
    order: Vec<(usize, String)>,
}

impl ScopedKeys {
    fn claim(
        &mut self,
        scope: usize,
        name: &str,
        index: usize,
        kind: MatchKind,
        desc: String,
    ) -> Result<(), Clash> {
        let key = (scope, fold(name));
        if let Some(h) = self.map.get(&key) {
            return Err(Clash(h.desc.clone()));
        }
        self.order.push(key.clone());
        self.map.insert(
            key,
            Holder {
                index,
                kind,
                desc,
                overrides: false,
            },
        );
        Ok(())
    }

    fn into_keys(self, remap: impl Fn(usize) -> usize) -> Vec<KeyRec> {
        let map = self.map;
        self.order
            .into_iter()
            .map(|(scope, key)| {
                let h = &map[&(scope, key.clone())];
                KeyRec {
                    index: remap(h.index),
                    kind: h.kind,
                    overrides: false,
                    scope: Some(scope),
                    key,
                }
            })
            .collect()
    }
}

fn check_model_fields(check: &mut Check, file: &str, entry: &str, m: &ModelEntry) {
    let mut invalid = |field, reason: &str| {
        check.push(
            file,
            entry,
            DataErrorKind::Invalid {
                field,
                reason: reason.to_owned(),
            },
        )
    };
    if m.name.trim().is_empty() {
        invalid("name", "is empty");
    }
    let texts = [
        ("name", Some(&m.name)),
        ("description", m.description.as_ref()),
        ("notes", m.notes.as_ref()),
    ];
    let policy = m.distillation_policy.as_ref();
    let policy_texts = policy.map_or(Vec::new(), |d| {
        [&d.status, &d.label, &d.basis, &d.source_url, &d.note]
            .into_iter()
            .flatten()
            .collect()
    });
    for (field, text) in texts
        .into_iter()
        .filter_map(|(f, t)| t.map(|t| (f, t)))
        .chain(policy_texts.into_iter().map(|t| ("distillation_policy", t)))
    {
        if let Some(why) = text_problem(text) {
            invalid(field, &format!("`{}` {why}", clip(text)));
        }
    }
    if let Some(why) = sources_problem(&m.sources) {
        invalid("sources", &why);
    }
    if m.context_window == Some(0) {
        invalid("context_window", "must be at least 1");
    }
    if m.max_output_tokens == Some(0) {
        invalid("max_output_tokens", "must be at least 1");
    }
    for (field, list) in [
        ("input_modalities", &m.input_modalities),
        ("output_modalities", &m.output_modalities),
    ] {
        let Some(list) = list else { continue };
        if list.is_empty() {
            invalid(
                field,
                "must list at least one modality (leave it out when unknown)",
            );
        }
        let mut seen = HashSet::new();
        for x in list {
            if !seen.insert(x) {
                invalid(field, &format!("lists `{x}` twice"));
            }
        }
    }
    if m.retires.is_some() && !m.deprecated {
        invalid("retires", "a retirement date requires `deprecated: true`");
    }
    for (field, p) in [
        ("pricing", &m.pricing),
        ("fine_tune_pricing", &m.fine_tune_pricing),
    ] {
        if let Some(why) = pricing_problem(p) {
            invalid(field, &why);
        }
    }
    for s in &m.served_names {
        let at = |what: &str| format!("served name `{}`: {what}", Esc(&s.id));
        if let Some(why) = s.notes.as_deref().and_then(text_problem) {
            invalid("served_names", &at(&format!("notes {why}")));
        }
        if let Some(why) = sources_problem(&s.sources) {
            invalid("served_names", &at(&why));
        }
        if s.context_window == Some(0) || s.max_output_tokens == Some(0) {
            invalid("served_names", &at("a limit must be at least 1"));
        }
        let context = s.context_window.or(m.context_window);
        if let (Some(output), Some(context)) =
            (s.max_output_tokens.or(m.max_output_tokens), context)
        {
            if output > context {
                invalid(
                    "served_names",
                    &at(&format!(
                        "max_output_tokens {output} is above context_window {context}"
                    )),
                );
            }
        }
        if s.retires.is_some() && !s.deprecated {
            invalid(
                "served_names",
                &at("a retirement date requires `deprecated: true`"),
            );
        }
        for p in [&s.pricing, &s.fine_tune_pricing] {
            if let Some(why) = pricing_problem(p) {
                invalid("served_names", &at(&why));
            }
        }
    }
    if let Some(k) = &m.knowledge_cutoff {
        if !is_month_or_date(k) {
            invalid(
                "knowledge_cutoff",
                &format!("`{k}` is not YYYY-MM or YYYY-MM-DD"),
            );
        }
    }
    for (field, value) in [
        ("vendor", &m.vendor),
        ("family", &m.family),
        ("category", &m.category),
    ] {
        if let Some(v) = value {
            if let Some(why) = model_name_problem(v) {
                invalid(field, &format!("`{v}` {why}"));
            }
        }
    }
    let mut tags = HashSet::new();
    for t in &m.tags {
        if let Some(why) = model_name_problem(t) {
            invalid("tags", &format!("`{}` {why}", clip(t)));
        } else if !tags.insert(t) {
            invalid("tags", &format!("`{t}` is listed twice"));
        }
    }
    if let Some(why) = capability_problem(m) {
        invalid("capabilities", &why);
    }
    if let Some(why) = output_modality_problem(m) {
        invalid("output_modalities", &why);
    }
    if m.release_date.is_some_and(is_placeholder_date) {
        invalid("release_date", PLACEHOLDER_DATE);
    }
    for s in &m.served_names {
        if s.release_date.is_some_and(is_placeholder_date) {
            invalid(
                "served_names",
                &format!("served name `{}`: {PLACEHOLDER_DATE}", Esc(&s.id)),
            );
        }
    }
    for (field, p) in [
        ("pricing", &m.pricing),
        ("fine_tune_pricing", &m.fine_tune_pricing),
    ] {
        if let Some(why) = placeholder_tier(p) {
            invalid(field, &why);
        }
    }
    if let (Some(output), Some(context)) = (m.max_output_tokens, m.context_window) {
        if output > context {
            check.push(
                file,
                entry,
                DataErrorKind::OutputAboveContext { output, context },
            );
        }
    }
}

/// What is wrong with a provider entry's own fields, if anything: its base URL, its texts
/// (which must be printable, see [`text_problem`]) and its surfaces' parameter names.
fn check_provider_fields(check: &mut Check, file: &str, entry: &str, p: &ProviderEntry) {
    if let Some(url) = &p.base_url {
        if let Some(why) = base_url_problem(url) {
            check.invalid(file, entry, "base_url", format!("`{}` {why}", clip(url)));
        }
    }
    let optional = [
        ("description", &p.description),
        ("website", &p.website),
        ("docs", &p.docs),
        ("api_key_env", &p.api_key_env),
        ("metadata", &p.metadata),
    ];
    let control_plane = p.control_plane.iter().flat_map(|cp| {
        [
            &cp.id,
            &cp.uri,
            &cp.created_at,
            &cp.updated_at,
            &cp.created_by.id,
            &cp.created_by.uri,
            &cp.last_updated_by.id,
            &cp.last_updated_by.uri,
        ]
        .map(|v| ("control_plane", v.as_str()))
    });
    let texts = std::iter::once(("name", p.name.as_str()))
        .chain(
            optional
                .into_iter()
                .filter_map(|(f, v)| v.as_deref().map(|v| (f, v))),
        )
        .chain(control_plane);
    for (field, text) in texts {
        if let Some(why) = text_problem(text) {
            check.invalid(file, entry, field, format!("`{}` {why}", clip(text)));
        }
    }
    for s in &p.api_surfaces {
        let mut seen = HashSet::new();
        for param in s.supported_params.iter().flatten() {
            if param.is_empty() || !param.bytes().all(|b| b.is_ascii_graphic()) {
                check.invalid(
                    file,
                    entry,
                    "supported_params",
                    format!("`{}` is not a parameter name", clip(param)),
                );
            } else if !seen.insert(param) {
                check.invalid(
                    file,
                    entry,
                    "supported_params",
                    format!("`{param}` is listed twice"),
                );
            }
        }
    }
}

/// What is wrong with recorded sources, if anything: they are text.
fn sources_problem(s: &super::schema::Sources) -> Option<String> {
    [&s.seed, &s.models_dev, &s.litellm]
        .into_iter()
        .flatten()
        .find_map(|t| text_problem(t).map(|why| format!("`{}` {why}", clip(t))))
}

/// A name as errors show it: whole when it could be a name (at most 256 characters), else
/// its first 256 characters and `...`, so that a huge string repeated in many errors does
/// not make their cost quadratic.
fn named(s: &str) -> std::borrow::Cow<'_, str> {
    match s.char_indices().nth(super::key::MAX_INPUT_LEN) {
        None => std::borrow::Cow::Borrowed(s),
        Some((at, _)) => std::borrow::Cow::Owned(format!("{}...", &s[..at])),
    }
}

/// `what` and a name in backticks, as errors name an entry (``model `gpt-4o` ``): built
/// without the formatting machinery, since every entry gets one.
fn described(what: &str, name: &str) -> String {
    let name = named(name);
    let mut out = String::with_capacity(what.len() + name.len() + 3);
    out.push_str(what);
    out.push_str(" `");
    out.push_str(&name);
    out.push('`');
    out
}

/// At most 40 characters of `s`, then `...` if cut: enough to find a value in a message.
fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if out.len() < s.len() {
        out.push_str("...");
    }
    out
}

/// Why a model's capability flags contradict each other, if they do: parallel tool calls
/// need tool calls.
fn capability_problem(m: &ModelEntry) -> Option<String> {
    (m.capabilities.parallel_tools == Some(true) && m.capabilities.tools == Some(false)).then(
        || "parallel_tools is true but tools is false: a model that cannot call tools cannot call them in parallel".to_owned(),
    )
}

/// Why a model's output modalities contradict its category, if they do: an image model
/// (category `image`) produces images.
fn output_modality_problem(m: &ModelEntry) -> Option<String> {
    let outputs = m.output_modalities.as_ref()?;
    (m.category.as_deref() == Some("image")
        && !outputs.contains(&super::modality::Modality::Image))
    .then(|| {
        "category `image` but `image` is not among the output modalities (leave the category out or list `image`)".to_owned()
    })
}

/// Why a release date is refused when it falls on January 1.
const PLACEHOLDER_DATE: &str =
    "release_date on January 1 is a placeholder for a year; leave it out when only the year is known";

/// Whether a date is January 1, which sources write when they know only the year.
fn is_placeholder_date(d: super::date::Date) -> bool {
    d.month() == 1 && d.day() == 1
}

/// Why a long-context tier is a placeholder, if it is: every price it gives equals the base
/// price, so it changes nothing.
fn placeholder_tier(p: &super::price::Pricing) -> Option<String> {
    let t = p.long_context?;
    let same = |tier: Option<super::price::Price>, base: Option<super::price::Price>| {
        tier.is_none() || tier == base
    };
    (same(t.input, p.input)
        && same(t.output, p.output)
        && same(t.cache_read, p.cache_read)
        && same(t.cache_write, p.cache_write))
    .then(|| "long_context repeats the base prices: a placeholder tier; leave it out".to_owned())
}

/// What is wrong with a set of prices, if anything: a long-context tier must start above at
/// least one token and give at least one price.
fn pricing_problem(p: &super::price::Pricing) -> Option<String> {
    let tier = p.long_context?;
    if tier.above == 0 {
        return Some("long_context.above must be at least 1".to_owned());
    }
    if tier.input.is_none()
        && tier.output.is_none()
        && tier.cache_read.is_none()
        && tier.cache_write.is_none()
    {
        return Some("long_context gives no price".to_owned());
    }
    None
}

/// `YYYY-MM` with a real month, or a valid `YYYY-MM-DD` date.
fn is_month_or_date(s: &str) -> bool {
    if s.len() == 7 {
        return super::date::Date::parse(&format!("{s}-01")).is_ok();
    }
    super::date::Date::parse(s).is_ok()
}

#[cfg(test)]
mod tests {
    //! Each defect the validator refuses, on small fixtures: the error names the document and
    //! the entry.
    use super::*;

    const OPENAI: &str = r#"{"provider": {"id": "openai", "name": "OpenAI", "aliases": ["open-ai"], "key_required": false},
        "models": [
            {"id": "gpt-4o", "name": "GPT-4o", "context_window": 128000, "max_output_tokens": 16384,
             "input_modalities": ["text", "image"], "aliases": ["gpt-4o-2024-08-06"]},
            {"id": "gpt-4", "name": "GPT-4", "context_window": 8192, "input_modalities": ["text"]}
        ]}"#;

    fn run(docs: &[(&str, &str)]) -> Result<Validated, Vec<DataError>> {
        let mut parsed = Vec::new();
        for (name, text) in docs {
            parsed.push((
                name.to_string(),
                parse_file(name, text).map_err(|e| vec![e])?,
            ));
        }
        validate(&parsed)
    }

    /// Runs `docs` expecting exactly one error, and returns it with its message.
    fn one_error(docs: &[(&str, &str)]) -> (DataError, String) {
        let errors = run(docs).expect_err("the fixture is invalid");
        assert_eq!(errors.len(), 1, "{errors:#?}");
        let e = errors.into_iter().next().unwrap();
        let msg = e.to_string();
        (e, msg)
    }

    fn model(id: &str, extra: &str) -> String {
        format!(
            r#"{{"id": "{id}", "name": "X", "context_window": 1000, "input_modalities": ["text"]{extra}}}"#
        )
    }

    fn provider_doc(id: &str, models: &[String]) -> String {
        format!(
            r#"{{"provider": {{"id": "{id}", "name": "X", "key_required": true}}, "models": [{}]}}"#,
            models.join(",")
        )
    }

    #[test]
    fn a_valid_catalog_validates() {
        let v = run(&[("a/openai.json", OPENAI)]).unwrap();
        assert_eq!(v.providers.len(), 1);
        assert_eq!(v.models.len(), 2);
        assert_eq!(v.providers[0].models, 0..2);
        let keys: Vec<&str> = v.model_keys.iter().map(|k| k.key.as_str()).collect();
        assert_eq!(keys, ["gpt-4o", "gpt-4o-2024-08-06", "gpt-4"]);
        let pkeys: Vec<&str> = v.provider_keys.iter().map(|k| k.key.as_str()).collect();
        assert_eq!(pkeys, ["open-ai", "openai"]);
    }

    #[test]
    fn duplicate_model_id_ignoring_ascii_case() {
        let other = provider_doc("groq", &[model("GPT-4o", "")]);
        let (e, msg) = one_error(&[("a/openai.json", OPENAI), ("a/groq.json", &other)]);
        assert_eq!(e.file, "a/groq.json");
        assert_eq!(e.entry, "model `GPT-4o`");
        assert!(matches!(
            e.kind,
            DataErrorKind::Duplicate { role: "id", .. }
        ));
        assert!(
            msg.contains("the id of model `gpt-4o` (a/openai.json)"),
            "{msg}"
        );
    }

    #[test]
    fn duplicate_alias() {
        let other = provider_doc(
            "groq",
            &[model("x", r#", "aliases": ["GPT-4O-2024-08-06"]"#)],
        );
        let (e, msg) = one_error(&[("a/openai.json", OPENAI), ("a/groq.json", &other)]);
        assert_eq!(
            (e.file.as_str(), e.entry.as_str()),
            ("a/groq.json", "model `x`")
        );
        assert!(
            msg.contains("alias `GPT-4O-2024-08-06`")
                && msg.contains("the alias of model `gpt-4o`"),
            "{msg}"
        );
    }

    #[test]
    fn alias_equal_to_another_models_id() {
        let other = provider_doc("groq", &[model("x", r#", "aliases": ["gpt-4"]"#)]);
        let (e, msg) = one_error(&[("a/openai.json", OPENAI), ("a/groq.json", &other)]);
        assert_eq!(e.entry, "model `x`");
        assert!(
            msg.contains("alias `gpt-4` is already taken")
                && msg.contains("the id of model `gpt-4`"),
            "{msg}"
        );
    }

    #[test]
    fn alias_repeating_its_own_models_id_belongs_in_redundant_aliases() {
        let doc = provider_doc("p", &[model("m", r#", "aliases": ["M"]"#)]);
        let (e, _) = one_error(&[("a/p.json", &doc)]);
        assert!(matches!(e.kind, DataErrorKind::Duplicate { .. }));
        let ok = provider_doc("p", &[model("m", r#", "redundant_aliases": ["M"]"#)]);
        assert!(run(&[("a/p.json", &ok)]).is_ok());
        let wrong = provider_doc("p", &[model("m", r#", "redundant_aliases": ["n"]"#)]);
        let (e, msg) = one_error(&[("a/p.json", &wrong)]);
        assert_eq!(e.entry, "model `m`");
        assert!(msg.contains("redundant_aliases"), "{msg}");
    }

    #[test]
    fn dangling_alias() {
        let doc = r#"{"extends": "openai", "aliases": [{"alias": "my-gpt", "target": "gpt-9"}]}"#;
        let (e, msg) = one_error(&[("a/openai.json", OPENAI), ("a/extra.json", doc)]);
        assert_eq!(
            (e.file.as_str(), e.entry.as_str()),
            ("a/extra.json", "alias `my-gpt`")
        );
        assert!(matches!(e.kind, DataErrorKind::DanglingAlias { .. }));
        assert!(msg.contains("`gpt-9`"), "{msg}");
        // Aliases name their target by id, not by another alias.
        let doc = r#"{"aliases": [{"alias": "my-gpt", "target": "gpt-4o-2024-08-06"}]}"#;
        let (e, _) = one_error(&[("a/openai.json", OPENAI), ("a/extra.json", doc)]);
        assert!(matches!(e.kind, DataErrorKind::DanglingAlias { .. }));
        // A good one is accepted and lands on its model.
        let doc = r#"{"aliases": [{"alias": "my-gpt", "target": "GPT-4O"}]}"#;
        let v = run(&[("a/openai.json", OPENAI), ("a/extra.json", doc)]).unwrap();
        assert_eq!(v.models[0].aliases, ["gpt-4o-2024-08-06", "my-gpt"]);
    }

    #[test]
    fn model_of_an_unknown_provider() {
        let doc = format!(r#"{{"extends": "azure", "models": [{}]}}"#, model("m", ""));
        let (e, msg) = one_error(&[("a/openai.json", OPENAI), ("a/azure.json", &doc)]);
        assert_eq!(e.file, "a/azure.json");
        assert_eq!(
            e.kind,
            DataErrorKind::UnknownProvider {
                provider: "azure".into()
            }
        );
        assert!(msg.contains("unknown provider `azure`"), "{msg}");
        // Models with no provider at all are refused too.
        let doc = format!(r#"{{"models": [{}]}}"#, model("m", ""));
        assert!(run(&[("a/x.json", &doc)]).is_err());
    }

    #[test]
    fn extends_adds_models_to_a_provider_by_alias() {
        let doc = format!(
            r#"{{"extends": "OPEN-AI", "models": [{}]}}"#,
            model("gpt-9", "")
        );
        let v = run(&[("a/openai.json", OPENAI), ("a/more.json", &doc)]).unwrap();
        assert_eq!(v.providers[0].models, 0..3);
        assert_eq!(v.models[2].entry.id, "gpt-9");
        assert_eq!(v.models[2].file, "a/more.json");
    }

    #[test]
    fn output_above_context() {
        let doc = provider_doc("p", &[model("m", r#", "max_output_tokens": 1001"#)]);
        let (e, msg) = one_error(&[("a/p.json", &doc)]);
        assert_eq!(e.entry, "model `m`");
        assert_eq!(
            e.kind,
            DataErrorKind::OutputAboveContext {
                output: 1001,
                context: 1000
            }
        );
        assert!(msg.contains("1001") && msg.contains("1000"), "{msg}");
    }

    #[test]
    fn malformed_dates() {
        for date in [
            "2026-02-30",
            "2026-9-28",
            "September 28, 2026",
            "2026-13-01",
        ] {
            let doc = provider_doc(
                "p",
                &[model(
                    "m",
                    &format!(r#", "deprecated": true, "retires": "{date}""#),
                )],
            );
            let (e, msg) = one_error(&[("a/p.json", &doc)]);
            assert_eq!(
                (e.file.as_str(), e.entry.as_str()),
                ("a/p.json", "model `m`"),
                "{date}"
            );
            match &e.kind {
                DataErrorKind::Field { path, .. } => assert_eq!(path, "models[0].retires"),
                k => panic!("{k:?}"),
            }
            assert!(msg.contains("invalid date"), "{msg}");
        }
    }

    #[test]
    fn malformed_numbers() {
        for n in ["\"128,000\"", "-1", "1.5", "4294967296", "1e3", "true"] {
            let doc = format!(
                r#"{{"provider": {{"id": "p", "name": "P", "key_required": true}}, "models": [{{"id": "m", "name": "M", "context_window": {n}, "input_modalities": ["text"]}}]}}"#
            );
            let (e, _) = one_error(&[("a/p.json", &doc)]);
            assert_eq!(e.entry, "model `m`", "{n}");
            match &e.kind {
                DataErrorKind::Field { path, .. } => {
                    assert_eq!(path, "models[0].context_window", "{n}")
                }
                k => panic!("{n}: {k:?}"),
            }
        }
        let zero = provider_doc("p", &[model("m", r#", "max_output_tokens": 0"#)]);
        assert!(run(&[("a/p.json", &zero)]).is_err());
        // Prices: non-negative, at most six decimal places, numbers not strings.
        for p in ["-2.5", "0.0000001", "\"2.5\"", "1e30"] {
            let doc = provider_doc(
                "p",
                &[model("m", &format!(r#", "pricing": {{"input": {p}}}"#))],
            );
            let (e, _) = one_error(&[("a/p.json", &doc)]);
            match &e.kind {
                DataErrorKind::Field { path, .. } => {
                    assert_eq!(path, "models[0].pricing.input", "{p}")
                }
                k => panic!("{p}: {k:?}"),
            }
        }
    }

    #[test]
    fn unknown_fields() {
        let doc = provider_doc("p", &[model("m", r#", "contxt_window": 5"#)]);
        let (e, msg) = one_error(&[("a/p.json", &doc)]);
        assert_eq!(
            (e.file.as_str(), e.entry.as_str()),
            ("a/p.json", "model `m`")
        );
        assert!(msg.contains("unknown field `contxt_window`"), "{msg}");
        let doc =
            r#"{"provider": {"id": "p", "name": "P", "key_required": true, "colour": "red"}}"#;
        let (e, msg) = one_error(&[("a/p.json", doc)]);
        assert_eq!(e.entry, "provider `p`");
        assert!(msg.contains("unknown field `colour`"), "{msg}");
        let (e, _) = one_error(&[("a/p.json", r#"{"version": 2}"#)]);
        assert_eq!(e.entry, "document");
    }

    #[test]
    fn unknown_modality_and_syntax_errors() {
        let doc = provider_doc(
            "p",
            &[
                r#"{"id": "m", "name": "M", "context_window": 9, "input_modalities": ["smell"]}"#
                    .to_string(),
            ],
        );
        let (e, msg) = one_error(&[("a/p.json", &doc)]);
        assert_eq!(e.entry, "model `m`");
        assert!(msg.contains("smell"), "{msg}");
        let (e, _) = one_error(&[("a/p.json", "{\"provider\": ")]);
        assert!(matches!(e.kind, DataErrorKind::Syntax { .. }));
    }

    #[test]
    fn bad_names() {
        for (id, reason) in [
            ("", "is empty"),
            ("gpt-4\u{43e}", "is not ASCII"),
            ("a\tb", "contains a control character"),
            (" gpt", "starts or ends with a space"),
        ] {
            let quoted = serde_json::to_string(id).unwrap();
            let doc = provider_doc("p", &[model(&quoted[1..quoted.len() - 1], "")]);
            let (e, _) = one_error(&[("a/p.json", &doc)]);
            match e.kind {
                DataErrorKind::InvalidName { reason: r, .. } => assert_eq!(r, reason, "{id:?}"),
                k => panic!("{id:?}: {k:?}"),
            }
        }
        let long = "x".repeat(257);
        let doc = provider_doc("p", &[model(&long, "")]);
        assert!(run(&[("a/p.json", &doc)]).is_err());
        for bad in ["open:ai", "open/ai", "open ai"] {
            let doc = provider_doc(bad, &[]);
            let (e, _) = one_error(&[("a/p.json", &doc)]);
            assert!(
                matches!(e.kind, DataErrorKind::InvalidName { field: "id", .. }),
                "{bad}"
            );
        }
    }

    #[test]
    fn duplicate_provider_names() {
        let a = r#"{"provider": {"id": "openai", "name": "A", "key_required": true}}"#;
        let b = r#"{"provider": {"id": "oai", "name": "B", "aliases": ["OpenAI"], "key_required": true}}"#;
        let (e, msg) = one_error(&[("a/a.json", a), ("a/b.json", b)]);
        assert_eq!(
            (e.file.as_str(), e.entry.as_str()),
            ("a/b.json", "provider `oai`")
        );
        assert!(
            msg.contains("the id of provider `openai` (a/a.json)"),
            "{msg}"
        );
    }

    #[test]
    fn a_model_name_cannot_begin_with_another_providers_name_and_colon() {
        let a = provider_doc("openai", &[model("gpt-4o", "")]);
        let b = provider_doc("mine", &[model("OpenAI:gpt-9", "")]);
        let (e, msg) = one_error(&[("a/openai.json", &a), ("a/mine.json", &b)]);
        assert_eq!(
            (e.file.as_str(), e.entry.as_str()),
            ("a/mine.json", "model `OpenAI:gpt-9`")
        );
        assert!(msg.contains("`OpenAI:`"), "{msg}");
        // Its own name, or a slash prefix in the built-in data, is fine.
        let c = provider_doc(
            "mine",
            &[model("mine:fast", ""), model("openai/gpt-oss", "")],
        );
        assert!(run(&[("a/openai.json", &a), ("a/mine.json", &c)]).is_ok());
    }

    #[test]
    fn parallel_tool_calls_need_tool_calls() {
        let bad = provider_doc(
            "p",
            &[model(
                "m",
                r#", "capabilities": {"tools": false, "parallel_tools": true}"#,
            )],
        );
        let (e, msg) = one_error(&[("a/p.json", &bad)]);
        assert_eq!(e.entry, "model `m`");
        assert!(
            matches!(
                e.kind,
                DataErrorKind::Invalid {
                    field: "capabilities",
                    ..
                }
            ),
            "{msg}"
        );
        assert!(msg.contains("parallel_tools"), "{msg}");
        // Unknown tool support, or tools with or without parallel calls, are fine.
        for caps in [
            r#"{"parallel_tools": true}"#,
            r#"{"tools": true, "parallel_tools": true}"#,
            r#"{"tools": false, "parallel_tools": false}"#,
        ] {
            let ok = provider_doc("p", &[model("m", &format!(r#", "capabilities": {caps}"#))]);
            assert!(run(&[("a/p.json", &ok)]).is_ok(), "{caps}");
        }
    }

    #[test]
    fn an_image_model_outputs_images() {
        let bad = provider_doc(
            "p",
            &[model(
                "m",
                r#", "category": "image", "output_modalities": ["text"]"#,
            )],
        );
        let (e, msg) = one_error(&[("a/p.json", &bad)]);
        assert!(
            matches!(
                e.kind,
                DataErrorKind::Invalid {
                    field: "output_modalities",
                    ..
                }
            ),
            "{msg}"
        );
        for extra in [
            r#", "category": "image", "output_modalities": ["text", "image"]"#,
            r#", "category": "image""#,
            r#", "category": "flagship", "output_modalities": ["text"]"#,
        ] {
            let ok = provider_doc("p", &[model("m", extra)]);
            assert!(run(&[("a/p.json", &ok)]).is_ok(), "{extra}");
        }
    }

    #[test]
    fn placeholder_release_dates_and_tiers() {
        let bad = provider_doc("p", &[model("m", r#", "release_date": "2024-01-01""#)]);
        let (e, msg) = one_error(&[("a/p.json", &bad)]);
        assert!(
            matches!(
                e.kind,
                DataErrorKind::Invalid {
                    field: "release_date",
                    ..
                }
            ),
            "{msg}"
        );
        let bad = provider_doc(
            "p",
            &[model(
                "m",
                r#", "served_names": [{"id": "m-2024", "release_date": "2024-01-01"}]"#,
            )],
        );
        let (_, msg) = one_error(&[("a/p.json", &bad)]);
        assert!(msg.contains("served name `m-2024`"), "{msg}");
        let ok = provider_doc("p", &[model("m", r#", "release_date": "2024-01-02""#)]);
        assert!(run(&[("a/p.json", &ok)]).is_ok());

        // A long-context tier that repeats the base prices changes nothing: a placeholder.
        let bad = provider_doc(
            "p",
            &[model(
                "m",
                r#", "pricing": {"input": 0, "output": 0, "long_context": {"above": 128000, "input": 0, "output": 0}}"#,
            )],
        );
        let (e, msg) = one_error(&[("a/p.json", &bad)]);
        assert!(
            matches!(
                e.kind,
                DataErrorKind::Invalid {
                    field: "pricing",
                    ..
                }
            ),
            "{msg}"
        );
        let ok = provider_doc(
            "p",
            &[model(
                "m",
                r#", "pricing": {"input": 1, "output": 2, "long_context": {"above": 200000, "input": 2}}"#,
            )],
        );
        assert!(run(&[("a/p.json", &ok)]).is_ok());
    }

    #[test]
    fn every_error_is_reported_not_just_the_first() {
        let doc = provider_doc(
            "p",
            &[
                model("m", r#", "max_output_tokens": 5000"#),
                model("M", ""),
                model("n", r#", "retires": "2026-01-01""#),
            ],
        );
        let errors = run(&[("a/p.json", &doc)]).unwrap_err();
        assert_eq!(errors.len(), 3, "{errors:#?}");
    }
}
