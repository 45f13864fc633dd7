//! The importer every format shares: reading JSON with the crate's checked reader, JSON
//! paths in messages, and mapping each listed model id to nothing, an offer or a new model
//! (see the [module documentation](crate::formats)), then validating the result over the base.

use super::{ImportError, ImportOptions};
use crate::data::json::{self, PathText, Problem, Seg};
use crate::data::key::{fold, model_name_problem, text_problem, token_problem};
use crate::schema::DataFile;
use crate::{Catalog, MatchKind, Modalities, Modality, Price, Usd};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use std::collections::HashMap;
use std::fmt;

pub(super) fn invalid<P: fmt::Display + ?Sized>(
    document: &str,
    path: &P,
    message: impl Into<String>,
) -> ImportError {
    ImportError::Invalid {
        document: document.to_owned(),
        path: path.to_string(),
        message: message.into(),
    }
}

/// A JSON path, written out only when a message needs it (an import of a large document
/// checks many values and refuses at most one).
#[derive(Clone, Copy)]
pub(super) enum At<'a> {
    /// A path given whole (`data[3]`); `""` is a root whose members are written without a
    /// leading `.` (`models[0].id`).
    Whole(&'a str),
    /// A member of an object.
    Field(&'a At<'a>, &'a str),
    /// An item of an array.
    Item(&'a At<'a>, usize),
}

impl fmt::Display for At<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            At::Whole(s) => f.write_str(s),
            // A member of the root (`At::Whole("")`): the path starts at the member.
            At::Field(At::Whole(""), field) => f.write_str(field),
            At::Field(parent, field) => write!(f, "{parent}.{field}"),
            At::Item(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

/// At most 80 characters of untrusted text, for messages.
pub(super) fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(80).collect();
    if out.len() < s.len() {
        out.push_str("...");
    }
    out
}

/// The error for input `document` that [`json::check`] refused with `problem`, at `path`.
pub(super) fn read_error(document: &str, path: &[Seg<'_>], problem: &Problem) -> ImportError {
    let path = PathText(path).to_string();
    match problem {
        Problem::Syntax {
            line,
            column,
            message,
        } => ImportError::Syntax {
            document: document.to_owned(),
            line: *line,
            column: *column,
            message: message.clone(),
        },
        Problem::TooLarge { .. } | Problem::TooManyItems { .. } => ImportError::TooLarge {
            document: document.to_owned(),
            path,
            message: problem.message(),
        },
        Problem::DuplicateKey { .. } | Problem::InexactNumber { .. } => ImportError::Invalid {
            document: document.to_owned(),
            path,
            message: problem.message(),
        },
    }
}

/// Parses `text` as JSON checked with [`json::check`] (numbers at paths for which `exact`
/// holds must read exactly as written), then as `T`, naming the path of a type error.
pub(super) fn parse<T: DeserializeOwned>(
    document: &str,
    text: &str,
    exact: json::ExactAt<'_>,
) -> Result<T, ImportError> {
    json::check(text, exact).map_err(|p| read_error(document, p.path(), &p))?;
    // Straight from the text into `T`, without tracking the path, which costs a copy of
    // every key; only a document that does not fit `T` is read again to find the path of
    // its error.
    if let Ok(t) = serde_json::from_str(text) {
        return Ok(t);
    }
    let mut de = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = json::serde_path(e.path());
        ImportError::Field {
            document: document.to_owned(),
            path,
            message: json::serde_message(&without_position(e.into_inner())),
        }
    })
}

/// serde_json's message without the position it appends (the path says where).
fn without_position(e: serde_json::Error) -> String {
    let message = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    message.strip_suffix(&suffix).unwrap_or(&message).to_owned()
}

/// An optional field that, when present, must not be `null`.
pub(super) fn present<'de, D: serde::Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

/// The input modalities a listing gives by saying whether a model takes images (`vision`)
/// and files (`pdf`): `known` (an offered model's own) with those two as it says (it says
/// nothing of the others), else, as for a new model, text and those it says yes to; `None`
/// where it says neither.
pub(super) fn listed_inputs(
    known: Option<Modalities>,
    vision: Option<bool>,
    pdf: Option<bool>,
) -> Option<Vec<Modality>> {
    if vision.is_none() && pdf.is_none() {
        return None;
    }
    let mut set = known.unwrap_or(Modalities::EMPTY.with(Modality::Text));
    for (said, m) in [(vision, Modality::Image), (pdf, Modality::File)] {
        set = match said {
            Some(true) => set.with(m),
            Some(false) => Modalities::from_bits(set.bits() & !Modalities::EMPTY.with(m).bits()),
            None => set,
        };
    }
    (!set.is_empty()).then(|| set.iter().collect())
}

pub(super) enum Listed {
    /// The provider already serves the model: nothing to add.
    Belongs,
    /// An offer of the model with this id.
    Offer(String),
    /// A new model.
    New,
}

/// Where a listed model id is: the document, and the item of its list (ngrok: the model of
/// a provider). Written out only when a message names it.
#[derive(Clone, Copy)]
pub(super) struct Listing<'d> {
    pub(super) document: &'d str,
    /// The array (`data`, `models`, `aiGatewayProviders`) and the item's index in it.
    pub(super) list: &'d str,
    pub(super) index: usize,
    /// For ngrok, the index in the provider's `models`.
    pub(super) model: Option<usize>,
}

impl Listing<'_> {
    /// The document and path, as a message names a place.
    pub(super) fn here(&self) -> String {
        format!("{}, `{self}`", self.document)
    }
}

/// The JSON path of the listed id.
impl fmt::Display for Listing<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.model {
            Some(j) => write!(f, "{}[{}].models[{j}].modelId", self.list, self.index),
            None => write!(f, "{}[{}].id", self.list, self.index),
        }
    }
}

/// The state of one import: what it has defined and offered so far.
pub(super) struct Importer<'a, 'd> {
    pub(super) base: &'a Catalog,
    pub(super) options: &'a ImportOptions,
    /// New models: folded id -> (id, provider id, where listed).
    pub(super) defined: HashMap<String, (String, String, Listing<'d>)>,
    /// Offers: (folded provider id, folded model id) -> where listed.
    pub(super) offered: HashMap<(String, String), Listing<'d>>,
}

impl<'a, 'd> Importer<'a, 'd> {
    pub(super) fn new(base: &'a Catalog, options: &'a ImportOptions) -> Importer<'a, 'd> {
        Importer {
            base,
            options,
            defined: HashMap::new(),
            offered: HashMap::new(),
        }
    }

    /// What model id `name`, listed at `at` for provider `provider`, becomes.
    pub(super) fn classify(
        &mut self,
        at: Listing<'d>,
        provider: &str,
        name: &str,
    ) -> Result<Listed, ImportError> {
        let key = fold(name);
        if let Some((id, owner, first)) = self.defined.get(&key) {
            if owner.eq_ignore_ascii_case(provider) {
                return Err(invalid(
                    at.document,
                    &at,
                    format!(
                        "model `{}` is listed twice for provider `{provider}` (first at {})",
                        clip(name),
                        first.here()
                    ),
                ));
            }
            let id = id.clone();
            return self.offer(at, provider, &id);
        }
        if let Some(m) = self.base.lookup_model(name) {
            let home = m.provider_id();
            let serves = home.eq_ignore_ascii_case(provider)
                || self
                    .base
                    .offers_of(m)
                    .iter()
                    .any(|o| o.provider_id().eq_ignore_ascii_case(provider));
            if serves {
                return Ok(Listed::Belongs);
            }
            if !self.options.overridden(m.id()) {
                let id = m.id().to_owned();
                return self.offer(at, provider, &id);
            }
        }
        // A name reachable only through the provider (a `vendor/model` name that several
        // providers declare) that it already serves.
        if self.base.lookup_provider(provider).is_some() {
            let qualified = format!("{provider}:{name}");
            if let Ok(r) = self.base.resolve_model(&qualified) {
                // A catalog name spelled as listed: not a fine-tune of a listed base, nor a
                // model part the grammar read otherwise (`::m1` is `:m1`).
                let named = r.model.is_some()
                    && !matches!(r.matched, MatchKind::FineTune | MatchKind::PassThrough)
                    && r.matched_name().eq_ignore_ascii_case(name);
                if named && r.provider.id().eq_ignore_ascii_case(provider) {
                    return Ok(Listed::Belongs);
                }
            }
        }
        self.defined
            .insert(key, (name.to_owned(), provider.to_owned(), at));
        Ok(Listed::New)
    }

    /// The input modalities of an offer of `model` whose listing says whether it takes
    /// images (`vision`) and files (`pdf`): [`listed_inputs`] over the model's own.
    pub(super) fn offer_inputs(
        &self,
        model: &str,
        vision: Option<bool>,
        pdf: Option<bool>,
    ) -> Option<Vec<Modality>> {
        let known = self
            .base
            .lookup_model(model)
            .and_then(|m| m.input_modalities());
        listed_inputs(known, vision, pdf)
    }

    pub(super) fn offer(
        &mut self,
        at: Listing<'d>,
        provider: &str,
        model: &str,
    ) -> Result<Listed, ImportError> {
        let key = (fold(provider), fold(model));
        if let Some(first) = self.offered.get(&key) {
            return Err(invalid(
                at.document,
                &at,
                format!(
                    "names model `{model}`, which provider `{provider}` already serves as listed at {}",
                    first.here()
                ),
            ));
        }
        self.offered.insert(key, at);
        Ok(Listed::Offer(model.to_owned()))
    }
}

/// Builds the catalog: the base's overlay plus `docs`, validated as one.
pub(super) fn finish(
    base: &Catalog,
    options: &ImportOptions,
    docs: Vec<(String, DataFile)>,
) -> Result<Catalog, ImportError> {
    if docs.is_empty() {
        return Ok(base.clone());
    }
    // These documents get only the options' leave, never the base's.
    base.to_builder()
        .next_imported(docs.len(), &options.overrides)
        .documents(docs)
        .into_catalog()
        .map_err(ImportError::Catalog)
}

pub(super) fn check_model_name<P: fmt::Display + ?Sized>(
    document: &str,
    path: &P,
    name: &str,
) -> Result<(), ImportError> {
    match model_name_problem(name) {
        Some(why) => Err(invalid(document, path, format!("`{}` {why}", clip(name)))),
        None => Ok(()),
    }
}

/// Refuses text that is not printable ([`text_problem`]).
pub(super) fn check_text<P: fmt::Display + ?Sized>(
    document: &str,
    path: &P,
    text: &str,
) -> Result<(), ImportError> {
    match text_problem(text) {
        Some(why) => Err(invalid(document, path, format!("`{}` {why}", clip(text)))),
        None => Ok(()),
    }
}

/// Refuses an identifier that is not 1 to 256 bytes of printable ASCII without space
/// ([`token_problem`]).
pub(super) fn check_token<P: fmt::Display + ?Sized>(
    document: &str,
    path: &P,
    token: &str,
) -> Result<(), ImportError> {
    match token_problem(token) {
        Some(why) => Err(invalid(document, path, format!("`{}` {why}", clip(token)))),
        None => Ok(()),
    }
}

/// A number for a message: as it prints, or in exponent form when that is long.
pub(super) fn shown(x: f64) -> String {
    let plain = format!("{x}");
    if plain.len() > 24 {
        format!("{x:e}")
    } else {
        plain
    }
}

/// Refuses a price that is not a finite, non-negative number.
pub(super) fn non_negative(document: &str, path: &At<'_>, x: f64) -> Result<(), ImportError> {
    if !x.is_finite() {
        return Err(invalid(document, path, "the price is not a finite number"));
    }
    if x < 0.0 {
        return Err(invalid(
            document,
            path,
            format!("the price {} is negative", shown(x)),
        ));
    }
    Ok(())
}

/// A price in USD per million tokens, exactly as the float prints (at most six decimals).
pub(super) fn mtok_price(
    document: &str,
    path: &At<'_>,
    x: Option<f64>,
) -> Result<Option<Price>, ImportError> {
    let Some(x) = x else { return Ok(None) };
    non_negative(document, path, x)?;
    if x == 0.0 {
        return Ok(Some(Price::ZERO));
    }
    Price::from_usd_per_mtok(x).map(Some).ok_or_else(|| {
        let why = if x > Price::MAX.usd_per_mtok() {
            "is above the largest price, 999999999.999999 USD per million tokens"
        } else {
            "has more than six decimal places (finer than a micro-dollar per million tokens)"
        };
        invalid(document, path, format!("the price {} {why}", shown(x)))
    })
}

/// A non-negative amount of USD given as a float, exactly as it prints, to the picodollar.
pub(super) fn usd_amount(document: &str, path: &At<'_>, x: f64) -> Result<Usd, ImportError> {
    non_negative(document, path, x)?;
    if x == 0.0 {
        return Ok(Usd::ZERO);
    }
    // Rust prints the shortest decimal that reads back as the same float, never in
    // exponent form.
    let text = format!("{x}");
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    if frac.len() > 12 {
        return Err(invalid(
            document,
            path,
            format!(
                "the price {} has more than twelve decimal places (finer than a picodollar)",
                shown(x)
            ),
        ));
    }
    let too_large = || {
        invalid(
            document,
            path,
            format!("the price {} is too large", shown(x)),
        )
    };
    let whole: u128 = int.parse().map_err(|_| too_large())?;
    let fraction: u128 = if frac.is_empty() {
        0
    } else {
        let digits: u128 = frac.parse().map_err(|_| too_large())?;
        digits * 10u128.pow(12 - frac.len() as u32)
    };
    whole
        .checked_mul(1_000_000_000_000)
        .and_then(|w| w.checked_add(fraction))
        .map(Usd::from_picos)
        .ok_or_else(too_large)
}

pub(super) fn limit(
    document: &str,
    path: &At<'_>,
    v: Option<u32>,
    what: &str,
) -> Result<Option<u32>, ImportError> {
    if v == Some(0) {
        return Err(invalid(
            document,
            path,
            format!("{what} must be at least 1 (leave it out or null when unknown)"),
        ));
    }
    Ok(v)
}

/// The context window (read from the field named `context.0`) and `max_output_tokens` of
/// the entry at `at`: each at least 1 when given, and the output limit within the context.
pub(super) fn limits(
    document: &str,
    at: &At<'_>,
    context: (&str, Option<u32>),
    max_output_tokens: Option<u32>,
) -> Result<(Option<u32>, Option<u32>), ImportError> {
    let (field, context_window) = context;
    let context_window = limit(document, &At::Field(at, field), context_window, field)?;
    let out_path = At::Field(at, "max_output_tokens");
    let max_output_tokens = limit(document, &out_path, max_output_tokens, "max_output_tokens")?;
    if let (Some(out), Some(ctx)) = (max_output_tokens, context_window) {
        if out > ctx {
            return Err(invalid(
                document,
                &out_path,
                format!("{out} is above {field} {ctx}"),
            ));
        }
    }
    Ok((context_window, max_output_tokens))
}
