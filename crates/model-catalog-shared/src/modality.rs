//! Modalities: the kinds of content a model takes in or produces.

use crate::escape::Esc;
use std::fmt;

/// One kind of content a model can take as input or produce as output.
///
/// Names are lowercase on the wire: `text`, `image`, `audio`, `video`, `file`
/// (documents such as PDF).
///
/// ```
/// # use model_catalog_shared as model_catalog;
/// use model_catalog::Modality;
/// assert_eq!("image".parse::<Modality>(), Ok(Modality::Image));
/// assert_eq!(Modality::File.as_str(), "file");
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Modality {
    /// Plain text.
    Text,
    /// Images.
    Image,
    /// Audio.
    Audio,
    /// Video.
    Video,
    /// Files and documents (PDF and the like).
    File,
}

impl Modality {
    /// Every modality, in their canonical order.
    pub const ALL: &'static [Modality] = &[
        Modality::Text,
        Modality::Image,
        Modality::Audio,
        Modality::Video,
        Modality::File,
    ];

    /// The lowercase wire name.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Modality::Text => "text",
            Modality::Image => "image",
            Modality::Audio => "audio",
            Modality::Video => "video",
            Modality::File => "file",
        }
    }

    const fn bit(self) -> u8 {
        1 << self as u8
    }
}

impl fmt::Display for Modality {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The name given is not one of `text`, `image`, `audio`, `video`, `file`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown modality `{}` (expected one of text, image, audio, video, file)",
    Esc(.0)
)]
pub struct UnknownModality(String);

impl UnknownModality {
    /// The name refused (its first 40 characters).
    #[must_use]
    pub fn name(&self) -> &str {
        &self.0
    }
}

impl std::str::FromStr for Modality {
    type Err = UnknownModality;
    /// Parses a wire name exactly (lowercase).
    fn from_str(s: &str) -> Result<Modality, UnknownModality> {
        Modality::ALL
            .iter()
            .copied()
            .find(|m| m.as_str() == s)
            .ok_or_else(|| UnknownModality(s.chars().take(40).collect()))
    }
}

/// A set of [`Modality`] values, stored as a bit set; iterates in canonical order.
///
/// ```
/// # use model_catalog_shared as model_catalog;
/// use model_catalog::{Modalities, Modality};
/// let m = Modalities::EMPTY.with(Modality::Text).with(Modality::Image);
/// assert!(m.contains(Modality::Image));
/// assert!(!m.contains(Modality::Audio));
/// assert_eq!(m.iter().collect::<Vec<_>>(), [Modality::Text, Modality::Image]);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Modalities(u8);

impl Modalities {
    /// The empty set.
    pub const EMPTY: Modalities = Modalities(0);

    /// The set holding the modalities whose bits are set (bit `n` is `Modality::ALL[n]`).
    /// Unused bits are ignored.
    #[must_use]
    pub const fn from_bits(bits: u8) -> Modalities {
        Modalities(bits & 0b1_1111)
    }

    /// The bit representation (see [`Modalities::from_bits`]).
    #[must_use]
    pub const fn bits(self) -> u8 {
        self.0
    }

    /// This set with `m` added.
    #[must_use]
    pub const fn with(self, m: Modality) -> Modalities {
        Modalities(self.0 | m.bit())
    }

    /// Whether `m` is in the set.
    #[must_use]
    pub const fn contains(self, m: Modality) -> bool {
        self.0 & m.bit() != 0
    }

    /// Whether every modality of `other` is in this set.
    #[must_use]
    pub const fn contains_all(self, other: Modalities) -> bool {
        self.0 & other.0 == other.0
    }

    /// Whether the set is empty.
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// How many modalities the set holds.
    #[must_use]
    pub const fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// The modalities in canonical order.
    pub fn iter(self) -> impl Iterator<Item = Modality> + Clone {
        Modality::ALL
            .iter()
            .copied()
            .filter(move |m| self.contains(*m))
    }
}

impl FromIterator<Modality> for Modalities {
    fn from_iter<I: IntoIterator<Item = Modality>>(iter: I) -> Modalities {
        iter.into_iter().fold(Modalities::EMPTY, Modalities::with)
    }
}

impl fmt::Debug for Modalities {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl serde::Serialize for Modalities {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}
