//! ngrok `AIGatewayProviderList` (seed 004, `GET /providers`): the wire types, the import
//! and the export.

mod export;
mod import;

pub use export::{export_ngrok, export_ngrok_pages, NgrokExportOptions, NGROK_PROVIDERS_URI};
pub use import::import_ngrok;

use crate::formats::import::present;
use crate::schema::ResourceRef;
use crate::{ApiFormat, Date};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct NgList {
    ai_gateway_providers: Vec<NgProvider>,
    uri: String,
    #[serde(default)]
    next_page_uri: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct NgProvider {
    id: String,
    uri: String,
    provider_id: String,
    name: String,
    base_url: String,
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    metadata: Option<String>,
    created_at: String,
    updated_at: String,
    created_by: ResourceRef,
    last_updated_by: ResourceRef,
    #[serde(default)]
    supported_api_surfaces: Vec<NgSurface>,
    #[serde(default)]
    models: Vec<NgModel>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct NgSurface {
    format: String,
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    surface: Option<String>,
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    supported_params: Option<Vec<NgParam>>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct NgParam {
    name: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct NgModel {
    id: String,
    model_id: String,
}

/// An RFC 3339 date-time (`2026-01-31T12:00:00Z`, `2026-01-31T12:00:00.5+01:00`).
fn is_rfc3339(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b.get(r)
            .is_some_and(|x| !x.is_empty() && x.iter().all(u8::is_ascii_digit))
    };
    let at = |i: usize, c: u8| b.get(i) == Some(&c);
    let num = |r: std::ops::Range<usize>| {
        b.get(r)
            .map(|x| x.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0')))
            .unwrap_or(u32::MAX)
    };
    if !(digits(0..4)
        && at(4, b'-')
        && digits(5..7)
        && at(7, b'-')
        && digits(8..10)
        && matches!(b.get(10), Some(b'T' | b't'))
        && digits(11..13)
        && at(13, b':')
        && digits(14..16)
        && at(16, b':')
        && digits(17..19))
    {
        return false;
    }
    if s.get(..10).and_then(|d| d.parse::<Date>().ok()).is_none()
        || num(11..13) > 23
        || num(14..16) > 59
        || num(17..19) > 60
    {
        return false;
    }
    let mut i = 19;
    if at(i, b'.') {
        i += 1;
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    match b.get(i..) {
        Some([b'Z' | b'z']) => true,
        Some([b'+' | b'-', ..]) if b.len() == i + 6 => {
            digits(i + 1..i + 3)
                && at(i + 3, b':')
                && digits(i + 4..i + 6)
                && num(i + 1..i + 3) <= 23
                && num(i + 4..i + 6) <= 59
        }
        _ => false,
    }
}

fn api_format(s: &str) -> Option<ApiFormat> {
    [ApiFormat::Openai, ApiFormat::Anthropic]
        .into_iter()
        .find(|f| f.as_str() == s)
}
