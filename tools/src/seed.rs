//! The model facts of the Model Catalog seed (`000_b43183ec225e025a.txt`), read from its
//! Markdown tables: per provider section, each model row's id, context window, output
//! tokens, modalities, and the retirement date its display name states.

use std::path::Path;

/// The seed document whose model facts take part in the precedence rules.
pub const SEED_CATALOG: &str = "000_b43183ec225e025a.txt";

/// One model row of the seed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeedModel {
    /// The provider id of the section the row is in.
    pub provider: String,
    /// The model id as the row spells it (Groq's carry a vendor prefix).
    pub id: String,
    /// Context window.
    pub context: Option<u32>,
    /// Output tokens; `None` where the row says `-`.
    pub output: Option<u32>,
    /// Modalities, as the crate names them (`file` for the seed's `file`).
    pub input: Vec<&'static str>,
    /// The retirement date the display name states, `YYYY-MM-DD`.
    pub retires: Option<String>,
}

/// Reads the seed's model rows. Fails if the file cannot be read or holds no rows.
pub fn read(dir: &Path) -> Result<Vec<SeedModel>, String> {
    let path = dir.join(SEED_CATALOG);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let rows = parse(&text);
    if rows.is_empty() {
        return Err(format!("{}: no model rows found", path.display()));
    }
    Ok(rows)
}

/// Every API key variable the seeds name (`$NANOGPT_API_KEY` in a `curl` line), each once,
/// sorted: the seeds own providers' keys, and where they name a provider's variable it is
/// that provider's `api_key_env`. Fails if the directory cannot be read.
pub fn key_variables(dir: &Path) -> Result<Vec<String>, String> {
    let mut vars = Vec::new();
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        vars.extend(variables_in(&text));
    }
    vars.sort();
    vars.dedup();
    Ok(vars)
}

/// The variables `$NAME_API_KEY` (capitals, digits, `_`) that `text` names.
pub fn variables_in(text: &str) -> Vec<String> {
    text.split('$')
        .skip(1)
        .filter_map(|rest| {
            let end = rest
                .find(|c: char| !(c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'))
                .unwrap_or(rest.len());
            let name = &rest[..end];
            (name.ends_with("_API_KEY") && name.len() > "_API_KEY".len()).then(|| name.to_owned())
        })
        .collect()
}

/// The model rows of the seed's text.
pub fn parse(text: &str) -> Vec<SeedModel> {
    let mut provider: Option<String> = None;
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if !line.starts_with('|') {
            continue;
        }
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        if cells.len() == 2 && cells[0] == "**Provider ID**" {
            provider = Some(cells[1].trim_matches('`').to_owned());
            continue;
        }
        let (Some(p), 5) = (&provider, cells.len()) else {
            continue;
        };
        let Some(id) = cells[0].strip_prefix('`').and_then(|c| c.strip_suffix('`')) else {
            continue;
        };
        let Some(context) = number(cells[2]) else {
            continue;
        };
        let input = cells[4]
            .split(',')
            .filter_map(|m| crate::reference::modality(m.trim()))
            .collect();
        out.push(SeedModel {
            provider: p.clone(),
            id: id.to_owned(),
            context: Some(context),
            output: number(cells[3]),
            input,
            retires: retires(cells[1]),
        });
    }
    out
}

/// `1,050,000` as a number; `None` for `-` or anything else.
fn number(cell: &str) -> Option<u32> {
    let digits: String = cell.chars().filter(|c| *c != ',').collect();
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

/// The date in a display name such as `GPT-3.5 Turbo *(deprecated, retires September 28,
/// 2026)*`, as `YYYY-MM-DD`.
fn retires(name: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let rest = &name[name.find("retires ")? + "retires ".len()..];
    let mut words = rest.split([' ', ',', ')', '*']).filter(|w| !w.is_empty());
    let word = words.next()?;
    let month = MONTHS.iter().position(|m| *m == word)? + 1;
    let day: u32 = words.next()?.parse().ok()?;
    let year: u32 = words.next()?.parse().ok()?;
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_variables_a_text_names() {
        let text = "curl -H \"Authorization: Bearer $NANOGPT_API_KEY\" \\\n\
                    export $OPENAI_API_KEY; $HOME $_API_KEY $lower_API_KEY $X_API_KEYS";
        assert_eq!(variables_in(text), ["NANOGPT_API_KEY", "OPENAI_API_KEY"]);
    }

    #[test]
    fn reads_rows_and_retirement_dates() {
        let text = "| **Provider ID**           | `openai`                          |\n\
            | `gpt-4.1`               | GPT-4.1                                                  | 1,000,000      | -             | text, image        |\n\
            | `gpt-3.5-turbo`         | GPT-3.5 Turbo *(deprecated, retires September 28, 2026)* | 16,385         | 4,096         | text               |\n";
        let rows = parse(text);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].provider, "openai");
        assert_eq!(rows[0].context, Some(1_000_000));
        assert_eq!(rows[0].output, None);
        assert_eq!(rows[0].input, ["text", "image"]);
        assert_eq!(rows[1].retires.as_deref(), Some("2026-09-28"));
        assert_eq!(
            retires("Claude Haiku 3 *(deprecated, retires April 20, 2026)*").as_deref(),
            Some("2026-04-20")
        );
    }
}
