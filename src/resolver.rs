//! [`Resolver`]: resolution with a gateway's policies: which pass-throughs to allow, whether
//! to refuse retired models, and near-miss warnings.

use crate::data::date::Date;
use crate::data::key::MatchKind;
use crate::distance::distance;
use crate::error::ResolveError;
use crate::lifecycle::Lifecycle;
use crate::model::Model;
use crate::offer::Offer;
use crate::provider::Provider;
use crate::resolution::Resolution;
use crate::resolve::resolve_in;
use crate::served::ServedName;
use crate::view::View;
use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::HashSet;
use std::hash::{BuildHasher, RandomState};

/// Which model strings the catalog does not know may be passed through to a named provider.
///
/// ```
/// use model_catalog::{PassThrough, Resolver, ResolveError};
///
/// let r = Resolver::new().pass_through(PassThrough::AggregatorsOnly);
/// // A typo at a provider the catalog lists models for is refused...
/// assert!(matches!(r.resolve("openai:gpt-4o-mni"), Err(ResolveError::PassThroughRefused { .. })));
/// // ...while an aggregator still takes any model string.
/// assert!(r.resolve("openrouter:meta-llama/Llama-3.3-70B-Instruct").unwrap().is_pass_through());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum PassThrough {
    /// Every printable model string behind a named provider is passed through (the
    /// gateway's documented behaviour, and [`resolve_model`](crate::resolve_model)'s).
    #[default]
    Always,
    /// Only to aggregators, and to providers for which the catalog lists no models (it has
    /// nothing to check the name against); elsewhere only catalog names resolve.
    AggregatorsOnly,
    /// Never: only catalog names resolve (strict mode).
    Never,
}

impl From<bool> for PassThrough {
    /// `true` is [`PassThrough::Always`], `false` [`PassThrough::Never`].
    fn from(allow: bool) -> PassThrough {
        if allow {
            PassThrough::Always
        } else {
            PassThrough::Never
        }
    }
}

/// Resolution with a gateway's policies: refuse retired models, which pass-throughs to
/// allow (in general and per provider), and the date to judge lifecycle on. With its
/// defaults it answers as [`resolve_model`](crate::resolve_model), and also reports
/// [near misses](Resolution::near_miss) of pass-throughs.
///
/// A pass-through names no catalog model. A fine-tune id whose base the catalog knows is
/// allowed unless pass-throughs are [`Never`](PassThrough::Never) allowed; one whose base it
/// does not know is a pass-through.
///
/// ```
/// use model_catalog::{Date, PassThrough, Resolver, ResolveError};
///
/// let strict = Resolver::new()
///     .refuse_retired(true)
///     .pass_through(PassThrough::Never)
///     .as_of(Date::from_ymd(2026, 11, 23).unwrap());
/// assert!(matches!(strict.resolve("gpt-3.5-turbo"), Err(ResolveError::Retired { .. })));
/// // Through an aggregator too.
/// assert!(matches!(strict.resolve("openrouter:gpt-3.5-turbo"), Err(ResolveError::Retired { .. })));
/// assert!(matches!(strict.resolve("openai:gpt-5-preview"), Err(ResolveError::PassThroughRefused { .. })));
/// assert_eq!(strict.resolve("gpt-4o").unwrap().model.unwrap().id(), "gpt-4o");
///
/// // The default passes a typo through, and says what it was probably meant to be.
/// let r = Resolver::new().resolve("openai:gpt-4o-mni").unwrap();
/// assert_eq!((&*r.upstream_id, r.near_miss), ("gpt-4o-mni", Some("gpt-4o-mini")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[must_use = "a resolver does nothing until it resolves"]
pub struct Resolver {
    refuse_retired: bool,
    pass_through: PassThrough,
    per_provider: Vec<(String, PassThrough)>,
    date: Option<Date>,
    near_misses: bool,
}

impl Default for Resolver {
    /// [`Resolver::new`].
    fn default() -> Resolver {
        Resolver::new()
    }
}

impl Resolver {
    /// Retired models resolve, pass-throughs are allowed, lifecycle is judged today.
    pub const fn new() -> Resolver {
        Resolver {
            refuse_retired: false,
            pass_through: PassThrough::Always,
            per_provider: Vec::new(),
            date: None,
            near_misses: true,
        }
    }

    /// Whether to look for a [near miss](Resolution::near_miss) of each pass-through (on by
    /// default). The search reads every name the provider serves (about 0.1 µs each, see
    /// SECURITY.md): a gateway over run-time providers with tens of thousands of models may
    /// turn it off.
    ///
    /// ```
    /// use model_catalog::Resolver;
    /// let quiet = Resolver::new().near_misses(false);
    /// assert_eq!(quiet.resolve("openai:gpt-4o-mni").unwrap().near_miss, None);
    /// let r = Resolver::new();
    /// assert_eq!(r.resolve("openai:gpt-4o-mni").unwrap().near_miss, Some("gpt-4o-mini"));
    /// ```
    pub fn near_misses(mut self, look: bool) -> Resolver {
        self.near_misses = look;
        self
    }

    /// Whether to refuse models retired on the date judged ([`ResolveError::Retired`]): a
    /// catalog model or served name, named directly, through an offer (and a model an
    /// offering provider has retired though its own provider serves it: `vertex:gpt-oss-20b`
    /// from 2026-10-21, whose error names Vertex's id and `groq:gpt-oss-20b` to use
    /// instead), or
    /// passed through to
    /// an aggregator by a catalog name (`openrouter:gpt-3.5-turbo`), also behind the name of a
    /// provider that serves it and a `/`, as aggregators spell it
    /// (`openrouter:openai/gpt-4o-2024-05-13`), with variants after `:` (`…:free`), or passed
    /// on again (`openrouter:openrouter/openai/…`), at any depth and with any number of
    /// variants the 256-byte input limit leaves room for.
    ///
    /// Cost: a pass-through's name is read at most 16 times plus once per `:` or `/` it holds,
    /// each distinct string once, and at most 24 times its length in bytes in all: about 1 µs
    /// for a name like `openai/gpt-4o:free`, and at most about 50 µs for a 256-byte string
    /// built to nest (`openai:` 5 times before a live model and `:x` 100 times after: 43 µs
    /// on a 2-core VM), where a resolution without the check costs 1 to 2 µs.
    ///
    /// ```
    /// use model_catalog::{Date, Resolver};
    /// let r = Resolver::new().refuse_retired(true).as_of(Date::from_ymd(2026, 11, 1).unwrap());
    /// let e = r.resolve("openrouter:openai/gpt-4o-2024-05-13").unwrap_err();
    /// assert_eq!(e.kind(), "retired");
    /// ```
    pub fn refuse_retired(mut self, refuse: bool) -> Resolver {
        self.refuse_retired = refuse;
        self
    }

    /// Which model strings the catalog does not know may be passed through to a named
    /// provider ([`ResolveError::PassThroughRefused`] otherwise). `false` is
    /// [`PassThrough::Never`] (strict mode), `true` [`PassThrough::Always`].
    pub fn pass_through(mut self, policy: impl Into<PassThrough>) -> Resolver {
        self.pass_through = policy.into();
        self
    }

    /// The pass-through policy for one provider, named by id or alias (ASCII case
    /// ignored), over the general one: for example [`PassThrough::Always`] to a self-hosted
    /// provider whose models change often, under a general
    /// [`AggregatorsOnly`](PassThrough::AggregatorsOnly). A later call for the same name
    /// replaces an earlier one.
    ///
    /// ```
    /// use model_catalog::{PassThrough, Resolver};
    /// let r = Resolver::new()
    ///     .pass_through(PassThrough::Never)
    ///     .pass_through_for("groqcloud", PassThrough::Always);
    /// assert!(r.resolve("groq:some-new-model").is_ok());
    /// assert!(r.resolve("openai:some-new-model").is_err());
    /// ```
    pub fn pass_through_for(mut self, provider: &str, policy: PassThrough) -> Resolver {
        self.per_provider
            .retain(|(p, _)| !p.eq_ignore_ascii_case(provider));
        self.per_provider.push((provider.to_owned(), policy));
        self
    }

    /// Judge lifecycle as of `date` instead of today (UTC).
    pub fn as_of(mut self, date: Date) -> Resolver {
        self.date = Some(date);
        self
    }

    /// The day retired models are refused on: `None` when they are not refused
    /// ([`refuse_retired`](Resolver::refuse_retired)), else the [`as_of`](Resolver::as_of)
    /// date or today (UTC). A gateway routes with
    /// [`RoutePolicy::active_on`](crate::RoutePolicy::active_on) that day, so that no route
    /// goes to a provider that has retired the model.
    ///
    /// ```
    /// use model_catalog::{Date, Resolver};
    /// let day = Date::from_ymd(2026, 11, 1).unwrap();
    /// assert_eq!(Resolver::new().as_of(day).retired_refused_on(), None);
    /// assert_eq!(Resolver::new().refuse_retired(true).as_of(day).retired_refused_on(), Some(day));
    /// ```
    pub fn retired_refused_on(&self) -> Option<Date> {
        self.refuse_retired
            .then(|| self.date.unwrap_or_else(Date::today))
    }

    /// Resolves `input` against the built-in catalog with these options.
    pub fn resolve<'i>(&self, input: &'i str) -> Result<Resolution<'static, 'i>, ResolveError> {
        self.resolve_in(crate::builtin::Builtin, input)
    }

    /// The policy that applies to `p` in `view`: each per-provider rule's name is looked up
    /// once (a provider may have thousands of aliases; a rule costs one lookup, not one
    /// comparison per alias).
    fn policy_for<'c, V: View<'c>>(&self, view: V, p: &Provider) -> PassThrough {
        let named = |n: &str| {
            view.provider_key(n)
                .is_some_and(|h| h.provider.index == p.index)
        };
        self.per_provider
            .iter()
            .rev()
            .find(|(n, _)| named(n))
            .map_or(self.pass_through, |(_, policy)| *policy)
    }

    pub(crate) fn resolve_in<'c: 'i, 'i, V: View<'c>>(
        &self,
        view: V,
        input: &'i str,
    ) -> Result<Resolution<'c, 'i>, ResolveError> {
        let mut r = resolve_in(view, input)?;
        let refused = || ResolveError::PassThroughRefused {
            input: input.trim_ascii().to_owned(),
            provider: r.provider.id().to_owned(),
            model: r.upstream_id.to_string(),
        };
        if self.refuse_retired {
            let date = self.date.unwrap_or_else(Date::today);
            let retired = match r.model {
                Some(m) => retirement(m, r.served_name(), r.offer, date),
                // A pass-through by a catalog name: that model's lifecycle, and its served
                // name's when the name is one.
                None => passed_retirement(
                    view,
                    &r.upstream_id,
                    date,
                    &Readings::budget(&r.upstream_id),
                ),
            };
            if let Some((model, since, successor)) = retired {
                return Err(ResolveError::Retired {
                    input: input.trim_ascii().to_owned(),
                    model: model.to_owned(),
                    since,
                    successor: successor.map(Cow::into_owned),
                });
            }
        }
        let policy = self.policy_for(view, r.provider);
        let allowed = match (r.model, policy) {
            (_, PassThrough::Always) => true,
            (_, PassThrough::Never) => !r.is_pass_through() && !r.is_fine_tune(),
            (Some(_), PassThrough::AggregatorsOnly) => true,
            (None, PassThrough::AggregatorsOnly) => {
                r.provider.is_aggregator() || !view.lists_models(r.provider)
            }
        };
        if !allowed {
            return Err(refused());
        }
        if self.near_misses && r.is_pass_through() && r.matched == MatchKind::PassThrough {
            r.near_miss = near_miss(view, r.provider, &r.upstream_id);
        }
        Ok(r)
    }
}

/// The readings [`passed_retirement`] makes of one pass-through's name and what it passes
/// on: each distinct string once, and at most [`Readings::budget`] of them.
struct Readings {
    /// How many more strings may be read.
    left: Cell<usize>,
    /// How many more bytes may be read: a reading costs about the string's length.
    bytes: Cell<usize>,
    /// The strings read so far, by their hash under a key drawn for this search (so that no
    /// one can choose strings whose hashes meet).
    seen: RefCell<HashSet<u64>>,
    /// That key.
    key: RandomState,
}

impl Readings {
    /// Room for every reading a name of this shape needs: a few, and one for each separator
    /// (`:` or `/`) it holds, since each level of nesting (`openai:openai:...`) and each
    /// variant (`:free`) takes one away; and as many bytes as 24 readings of the whole name
    /// (nested names are read shorter each level). Linear in the name's length, which
    /// [`MAX_INPUT_LEN`](crate::data::key::MAX_INPUT_LEN) bounds.
    fn budget(name: &str) -> Readings {
        let separators = name.bytes().filter(|b| matches!(b, b':' | b'/')).count();
        Readings {
            left: Cell::new(16 + separators),
            bytes: Cell::new(64 + 24 * name.len()),
            seen: RefCell::new(HashSet::new()),
            key: RandomState::new(),
        }
    }

    /// Whether `s` is yet to be read, and may be: counts it as read.
    fn take(&self, s: &str) -> bool {
        if self.left.get() == 0
            || self.bytes.get() < s.len()
            || !self.seen.borrow_mut().insert(self.key.hash_one(s))
        {
            return false;
        }
        self.left.set(self.left.get() - 1);
        self.bytes.set(self.bytes.get() - s.len());
        true
    }
}

/// What is retired on `date` (as [`retirement`] tells) of a model that a pass-through's
/// name denotes, read as a model string itself: a catalog name, or a provider's name before
/// one (`openai/gpt-4o-2024-05-13`, as aggregators spell the models they pass on, or
/// `openai:gpt-4o-2024-05-13`), also without variants after `:` (`:free`, `:nitro`, as
/// OpenRouter writes them, one or several: the whole name first, then the name without all
/// of them, then with one more at a time), and within a pass-through that names another
/// provider (`openrouter/openai/...`), at any depth. A name with a `/` is also read as the
/// provider before it naming the rest: where the whole name is another model's (a catalog
/// may list `openai/gpt-4o-2024-05-13` as some reseller's model), what OpenAI serves under
/// the rest still counts. Each distinct string is read once, a pass-through's name only when
/// it is shorter than what named it (a fine-tune id with an unknown base passes itself on),
/// and at most as many as [`Readings::budget`] allows.
fn passed_retirement<'c, V: View<'c>>(
    view: V,
    name: &str,
    date: Date,
    reads: &Readings,
) -> Option<Retirement<'c>> {
    let retired = |s: &str| {
        if !reads.take(s) {
            return None;
        }
        let r = resolve_in(view, s).ok()?;
        match r.model {
            Some(m) => retirement(m, r.served_name(), r.offer, date),
            None if r.upstream_id.len() < s.len() => {
                passed_retirement(view, &r.upstream_id, date, reads)
            }
            None => None,
        }
    };
    let read = |s: &str| {
        retired(s).or_else(|| {
            let (vendor, rest) = s.split_once('/')?;
            retired(&format!("{vendor}:{rest}"))
        })
    };
    if let Some(found) = read(name) {
        return Some(found);
    }
    // Then without its variants, the shortest reading first: variants stacked after a name
    // (`gpt-4:free:free:...`) cost a read each only once the name without them is read, so
    // no number of them exhausts the reads before it.
    let variant = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.');
    let mut first = name.len();
    while let Some((base, last)) = name[..first].rsplit_once(':') {
        // An empty variant (`gpt-4::free`, `gpt-4:`) is stripped as any other.
        if !last.bytes().all(variant) {
            break;
        }
        first = base.len();
    }
    name[first..]
        .match_indices(':')
        .take_while(|_| reads.left.get() > 0)
        .find_map(|(at, _)| read(&name[..first + at]))
}

/// What retired, on which day, and what to use instead.
type Retirement<'c> = (&'c str, Date, Option<Cow<'c, str>>);

/// What is retired on `date` of the model `m` served as `served` through `offer`: the model
/// (its id, the date, its successor), else the served name alone (its id, the date, and the
/// model it stood for, which is still served), else the offer alone (its upstream id, the
/// date, and the model at its own provider, `provider:model`, which still serves it); `None`
/// when none is retired.
fn retirement<'c>(
    m: &'c Model,
    served: Option<&'c ServedName>,
    offer: Option<&'c Offer>,
    date: Date,
) -> Option<Retirement<'c>> {
    if let Lifecycle::Retired { since } = m.lifecycle_on(date) {
        return Some((m.id(), since, m.successor().map(Cow::Borrowed)));
    }
    if let Some(s) = served {
        if let Lifecycle::Retired { since } = s.lifecycle_on(date) {
            return Some((s.id(), since, Some(Cow::Borrowed(m.id()))));
        }
    }
    let o = offer?;
    match o.lifecycle_on(date) {
        Lifecycle::Retired { since } => {
            let home = format!("{}:{}", m.provider_id(), m.id());
            Some((o.upstream_id(), since, Some(Cow::Owned(home))))
        }
        _ => None,
    }
}

/// The ASCII digits of `s`, in order.
fn digits(s: &str) -> impl Iterator<Item = u8> + '_ {
    s.bytes().filter(u8::is_ascii_digit)
}

/// How many names a near-miss search compares at most.
const NEAR_MISS_BUDGET: usize = 512;

/// The catalog name closest to `name` among those of the models `p` serves, if one is a
/// small edit distance away (one edit for names shorter than 16 bytes, two for longer ones;
/// ASCII case ignored) and has the same digits in the same order (`gpt-6` is another
/// version, not a typo of `gpt-5`); the first in catalog order among the closest. The work is
/// bounded: at most [`NEAR_MISS_BUDGET`] names pass the cheap filters (length, digits) and
/// have their distance computed, so a provider with many long names costs at most that.
fn near_miss<'c, V: View<'c>>(view: V, p: &'c Provider, name: &str) -> Option<&'c str> {
    let query: Vec<char> = name.chars().map(|c| c.to_ascii_lowercase()).collect();
    let max = (query.len() / 8).clamp(1, 2);
    let mut best: Option<(usize, &'c str)> = None;
    let mut cand: Vec<char> = Vec::new();
    let mut budget = NEAR_MISS_BUDGET;
    view.names_served_by(p, &mut |n| {
        if budget == 0
            || n.len().abs_diff(name.len()) > max
            || best.is_some_and(|(d, _)| d == 0)
            || !digits(n).eq(digits(name))
        {
            return;
        }
        budget -= 1;
        cand.clear();
        cand.extend(n.chars().map(|c| c.to_ascii_lowercase()));
        if let Some(d) = distance(&query, &cand, max) {
            if best.is_none_or(|(b, _)| d < b) {
                best = Some((d, n));
            }
        }
    });
    best.filter(|(d, _)| *d > 0).map(|(_, n)| n)
}
