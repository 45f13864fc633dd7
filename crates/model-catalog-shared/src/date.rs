//! A calendar date (proleptic Gregorian, no time zone) in ISO `YYYY-MM-DD` form.

use crate::escape::Esc;
use std::fmt;
use std::str::FromStr;

/// A calendar date, written and parsed as ISO 8601 `YYYY-MM-DD`.
///
/// Dates order chronologically. Years run from 1 to 9999.
///
/// ```
/// # use model_catalog_shared as model_catalog;
/// use model_catalog::Date;
///
/// let d: Date = "2026-09-28".parse().unwrap();
/// assert_eq!((d.year(), d.month(), d.day()), (2026, 9, 28));
/// assert_eq!(d.to_string(), "2026-09-28");
/// assert!(d < "2026-09-29".parse().unwrap());
/// assert!("2026-02-29".parse::<Date>().is_err()); // not a leap year
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    // Field order makes the derived `Ord` chronological.
    year: u16,
    month: u8,
    day: u8,
}

/// Why a string is not an ISO `YYYY-MM-DD` date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid date `{}`: {reason}", Esc(.input))]
pub struct DateError {
    input: String,
    reason: &'static str,
}

const fn is_leap(year: u16) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

const fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// The date with the given year, month (1-12) and day, or `None` if there is no such day.
    ///
    /// ```
    /// # use model_catalog_shared as model_catalog;
    /// use model_catalog::Date;
    /// assert!(Date::from_ymd(2024, 2, 29).is_some());
    /// assert!(Date::from_ymd(2026, 4, 31).is_none());
    /// ```
    #[must_use]
    pub const fn from_ymd(year: u16, month: u8, day: u8) -> Option<Date> {
        if year == 0 || year > 9999 || month == 0 || month > 12 {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// The year (1-9999).
    #[must_use]
    pub const fn year(self) -> u16 {
        self.year
    }

    /// The month (1-12).
    #[must_use]
    pub const fn month(self) -> u8 {
        self.month
    }

    /// The day of the month (1-31).
    #[must_use]
    pub const fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before it).
    ///
    /// ```
    /// # use model_catalog_shared as model_catalog;
    /// use model_catalog::Date;
    /// assert_eq!(Date::from_ymd(1970, 1, 2).unwrap().days_since_epoch(), 1);
    /// ```
    #[must_use]
    pub const fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = self.year as i64 - if self.month <= 2 { 1 } else { 0 };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = self.month as i64;
        let mp = if m > 2 { m - 3 } else { m + 9 };
        let doy = (153 * mp + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01, or `None` outside years 1-9999.
    ///
    /// ```
    /// # use model_catalog_shared as model_catalog;
    /// use model_catalog::Date;
    /// let d = Date::from_days_since_epoch(20_415).unwrap();
    /// assert_eq!(d.to_string(), "2025-11-23");
    /// ```
    #[must_use]
    pub const fn from_days_since_epoch(days: i64) -> Option<Date> {
        // Howard Hinnant's civil_from_days.
        if days < -719_162 || days > 2_932_896 {
            return None;
        }
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + if month <= 2 { 1 } else { 0 }) as u16;
        Date::from_ymd(year, month, day)
    }

    /// Today's date in UTC, from the system clock.
    ///
    /// ```
    /// # use model_catalog_shared as model_catalog;
    /// let today = model_catalog::Date::today();
    /// assert!(today.year() >= 2024);
    /// ```
    #[must_use]
    pub fn today() -> Date {
        let secs = match std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
            Ok(d) => d.as_secs() as i64,
            Err(e) => -(e.duration().as_secs() as i64),
        };
        Date::from_days_since_epoch(secs.div_euclid(86_400)).unwrap_or(Date {
            year: 1970,
            month: 1,
            day: 1,
        })
    }

    /// Parses exactly `YYYY-MM-DD` (four-digit year, two-digit month and day).
    pub fn parse(s: &str) -> Result<Date, DateError> {
        let err = |reason| DateError {
            input: s.chars().take(40).collect(),
            reason,
        };
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(err("expected YYYY-MM-DD"));
        }
        let num = |r: std::ops::Range<usize>| -> Option<u16> {
            b[r].iter().try_fold(0u16, |acc, &c| {
                c.is_ascii_digit().then(|| acc * 10 + u16::from(c - b'0'))
            })
        };
        let (Some(year), Some(month), Some(day)) = (num(0..4), num(5..7), num(8..10)) else {
            return Err(err("expected YYYY-MM-DD"));
        };
        if year == 0 {
            return Err(err("year 0000 does not exist"));
        }
        if !(1..=12).contains(&month) {
            return Err(err("month out of range"));
        }
        Date::from_ymd(year, month as u8, day as u8).ok_or_else(|| err("day out of range"))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl FromStr for Date {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Date, DateError> {
        Date::parse(s)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date as a \"YYYY-MM-DD\" string")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Date, E> {
                Date::parse(v).map_err(E::custom)
            }
        }
        d.deserialize_str(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_round_trip_over_four_centuries() {
        let start = Date::from_ymd(1900, 1, 1).unwrap().days_since_epoch();
        let mut prev: Option<Date> = None;
        for days in start..start + 146_097 {
            let d = Date::from_days_since_epoch(days).unwrap();
            assert_eq!(d.days_since_epoch(), days);
            assert_eq!(Date::parse(&d.to_string()), Ok(d));
            if let Some(p) = prev {
                assert!(p < d);
            }
            prev = Some(d);
        }
    }

    #[test]
    fn rejects_malformed() {
        for bad in [
            "",
            "2026-1-01",
            "2026/01/01",
            "26-01-01",
            "2026-00-10",
            "2026-13-01",
            "2026-04-31",
            "2025-02-29",
            "0000-01-01",
            "2026-01-01T",
            "２０２６-01-01",
            "+202-01-01",
        ] {
            assert!(Date::parse(bad).is_err(), "{bad:?} parsed");
        }
        assert!(Date::parse("2024-02-29").is_ok());
        assert!(Date::parse("2000-02-29").is_ok());
        assert!(Date::parse("1900-02-29").is_err());
    }

    #[test]
    fn range_ends() {
        assert_eq!(
            Date::from_days_since_epoch(-719_162).unwrap().to_string(),
            "0001-01-01"
        );
        assert_eq!(
            Date::from_days_since_epoch(2_932_896).unwrap().to_string(),
            "9999-12-31"
        );
        assert!(Date::from_days_since_epoch(-719_163).is_none());
        assert!(Date::from_days_since_epoch(2_932_897).is_none());
    }
}
