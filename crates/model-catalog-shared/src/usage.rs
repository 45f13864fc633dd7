//! [`Usage`]: the tokens one request used, in disjoint buckets, read from the usage objects
//! that OpenAI Chat Completions, OpenAI Responses and Anthropic Messages return.

use serde_json::Value;

/// Tokens used by one request, in disjoint buckets: each token is counted in exactly one.
///
/// Providers report usage differently; the constructors map each API's usage object:
///
/// | API | input | cache read | cache write | output | reasoning |
/// |---|---|---|---|---|---|
/// | OpenAI Chat Completions | `prompt_tokens` − cached | `prompt_tokens_details.cached_tokens` | - | `completion_tokens` − reasoning | `completion_tokens_details.reasoning_tokens` |
/// | OpenAI Responses | `input_tokens` − cached | `input_tokens_details.cached_tokens` | - | `output_tokens` − reasoning | `output_tokens_details.reasoning_tokens` |
/// | Anthropic Messages | `input_tokens` | `cache_read_input_tokens` | `cache_creation_input_tokens` | `output_tokens` (thinking included) | - |
///
/// ```
/// # use model_catalog_shared as model_catalog;
/// use model_catalog::Usage;
///
/// let body: serde_json::Value = serde_json::from_str(r#"{"usage": {
///     "prompt_tokens": 2006, "completion_tokens": 300, "total_tokens": 2306,
///     "prompt_tokens_details": {"cached_tokens": 1920},
///     "completion_tokens_details": {"reasoning_tokens": 256}
/// }}"#).unwrap();
/// let u = Usage::from_openai_chat(&body["usage"]).unwrap();
/// assert_eq!((u.input_tokens, u.cache_read_tokens), (86, 1920));
/// assert_eq!((u.output_tokens, u.reasoning_tokens), (44, 256));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub struct Usage {
    /// Uncached input tokens, at the input price.
    pub input_tokens: u64,
    /// Output tokens other than reasoning tokens, at the output price.
    pub output_tokens: u64,
    /// Input tokens read from the prompt cache, at the cache-read price.
    pub cache_read_tokens: u64,
    /// Input tokens written to the prompt cache, at the cache-write price.
    pub cache_write_tokens: u64,
    /// Input tokens written to the prompt cache to be kept for an hour (Anthropic's
    /// `ephemeral_1h_input_tokens`), at the one-hour cache-write price where the model has
    /// one, else the cache-write price.
    pub cache_write_1h_tokens: u64,
    /// Reasoning tokens, at the reasoning price where the model has one, else the output
    /// price.
    pub reasoning_tokens: u64,
}

/// A usage object that cannot be read: a required count is missing, a count is not a
/// non-negative integer, an object of counts (`prompt_tokens_details`) is something else,
/// or a part exceeds the whole it is part of. The message names the field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid usage object: {message}")]
pub struct UsageError {
    message: String,
}

fn error(message: String) -> UsageError {
    UsageError { message }
}

/// The count at `path` (dot-separated) of `usage`: `None` when absent or null. A part of
/// the path that is there but not an object (`"prompt_tokens_details": 90`) is an error, not
/// an absent count.
fn count(usage: &Value, path: &str) -> Result<Option<u64>, UsageError> {
    let mut v = usage;
    let mut walked = 0;
    for part in path.split('.') {
        if walked > 0 && !v.is_object() {
            let parent = path.get(..walked - 1).unwrap_or(path);
            return Err(error(format!("`{parent}` is not an object")));
        }
        match v.get(part) {
            Some(x) if !x.is_null() => v = x,
            _ => return Ok(None),
        }
        walked += part.len() + 1;
    }
    v.as_u64()
        .map(Some)
        .ok_or_else(|| error(format!("`{path}` is not a non-negative integer")))
}

fn required(usage: &Value, path: &str) -> Result<u64, UsageError> {
    if !usage.is_object() {
        return Err(error("expected a JSON object".to_owned()));
    }
    count(usage, path)?.ok_or_else(|| error(format!("`{path}` is missing")))
}

/// `whole - part`, or an error naming both when the part is larger.
fn less(whole: (u64, &str), part: (u64, &str)) -> Result<u64, UsageError> {
    whole.0.checked_sub(part.0).ok_or_else(|| {
        error(format!(
            "`{}` ({}) exceeds `{}` ({})",
            part.1, part.0, whole.1, whole.0
        ))
    })
}

impl Usage {
    /// No tokens; set the buckets with the methods named after them.
    ///
    /// ```
    /// # use model_catalog_shared as model_catalog;
    /// let u = model_catalog::Usage::new().input_tokens(1_000).output_tokens(500);
    /// assert_eq!((u.input_tokens, u.output_tokens, u.cache_read_tokens), (1_000, 500, 0));
    /// ```
    #[must_use]
    pub const fn new() -> Usage {
        Usage {
            input_tokens: 0,
            output_tokens: 0,
            cache_read_tokens: 0,
            cache_write_tokens: 0,
            cache_write_1h_tokens: 0,
            reasoning_tokens: 0,
        }
    }

    /// With `n` uncached input tokens.
    #[must_use]
    pub const fn input_tokens(mut self, n: u64) -> Usage {
        self.input_tokens = n;
        self
    }

    /// With `n` output tokens (other than reasoning tokens).
    #[must_use]
    pub const fn output_tokens(mut self, n: u64) -> Usage {
        self.output_tokens = n;
        self
    }

    /// With `n` input tokens read from the prompt cache.
    #[must_use]
    pub const fn cache_read_tokens(mut self, n: u64) -> Usage {
        self.cache_read_tokens = n;
        self
    }

    /// With `n` input tokens written to the prompt cache to be kept for an hour.
    #[must_use]
    pub const fn cache_write_1h_tokens(mut self, n: u64) -> Usage {
        self.cache_write_1h_tokens = n;
        self
    }

    /// With `n` input tokens written to the prompt cache.
    #[must_use]
    pub const fn cache_write_tokens(mut self, n: u64) -> Usage {
        self.cache_write_tokens = n;
        self
    }

    /// With `n` reasoning tokens.
    #[must_use]
    pub const fn reasoning_tokens(mut self, n: u64) -> Usage {
        self.reasoning_tokens = n;
        self
    }

    /// Reads the `usage` object of an OpenAI Chat Completions response (or of the last
    /// chunk of a stream with `stream_options.include_usage`).
    pub fn from_openai_chat(usage: &Value) -> Result<Usage, UsageError> {
        Usage::openai(
            usage,
            ["prompt_tokens", "prompt_tokens_details.cached_tokens"],
            [
                "completion_tokens",
                "completion_tokens_details.reasoning_tokens",
            ],
        )
    }

    /// Reads the `usage` object of an OpenAI Responses response.
    ///
    /// ```
    /// # use model_catalog_shared as model_catalog;
    /// use model_catalog::Usage;
    /// let usage = serde_json::json!({
    ///     "input_tokens": 328, "input_tokens_details": {"cached_tokens": 0},
    ///     "output_tokens": 52, "output_tokens_details": {"reasoning_tokens": 40},
    ///     "total_tokens": 380
    /// });
    /// let u = Usage::from_openai_responses(&usage).unwrap();
    /// assert_eq!((u.input_tokens, u.output_tokens, u.reasoning_tokens), (328, 12, 40));
    /// ```
    pub fn from_openai_responses(usage: &Value) -> Result<Usage, UsageError> {
        Usage::openai(
            usage,
            ["input_tokens", "input_tokens_details.cached_tokens"],
            ["output_tokens", "output_tokens_details.reasoning_tokens"],
        )
    }

    fn openai(usage: &Value, input: [&str; 2], output: [&str; 2]) -> Result<Usage, UsageError> {
        let prompt = required(usage, input[0])?;
        let cached = count(usage, input[1])?.unwrap_or(0);
        let completion = required(usage, output[0])?;
        let reasoning = count(usage, output[1])?.unwrap_or(0);
        Ok(Usage {
            input_tokens: less((prompt, input[0]), (cached, input[1]))?,
            cache_read_tokens: cached,
            output_tokens: less((completion, output[0]), (reasoning, output[1]))?,
            reasoning_tokens: reasoning,
            cache_write_tokens: 0,
            cache_write_1h_tokens: 0,
        })
    }

    /// Reads the `usage` object of an Anthropic Messages response. Its `input_tokens`
    /// already excludes cache reads and writes; thinking tokens are part of
    /// `output_tokens` and billed as output. Of the cache writes
    /// (`cache_creation_input_tokens`), those kept for an hour
    /// (`cache_creation.ephemeral_1h_input_tokens`) are counted apart, at the one-hour price;
    /// where `ephemeral_5m_input_tokens` is given too, the two must add up to the writes.
    ///
    /// ```
    /// # use model_catalog_shared as model_catalog;
    /// use model_catalog::Usage;
    /// let usage = serde_json::json!({
    ///     "input_tokens": 50, "cache_creation_input_tokens": 1000,
    ///     "cache_read_input_tokens": 2000, "output_tokens": 503,
    ///     "cache_creation": {"ephemeral_5m_input_tokens": 400, "ephemeral_1h_input_tokens": 600}
    /// });
    /// let u = Usage::from_anthropic(&usage).unwrap();
    /// assert_eq!((u.input_tokens, u.cache_read_tokens), (50, 2000));
    /// assert_eq!((u.cache_write_tokens, u.cache_write_1h_tokens), (400, 600));
    /// assert_eq!((u.output_tokens, u.reasoning_tokens), (503, 0));
    /// ```
    pub fn from_anthropic(usage: &Value) -> Result<Usage, UsageError> {
        const WRITES: &str = "cache_creation_input_tokens";
        const FIVE: &str = "cache_creation.ephemeral_5m_input_tokens";
        const HOUR: &str = "cache_creation.ephemeral_1h_input_tokens";
        let writes = count(usage, WRITES)?.unwrap_or(0);
        let hour = count(usage, HOUR)?.unwrap_or(0);
        // Where the five-minute writes are given too, the two parts make the whole.
        if let Some(five) = count(usage, FIVE)? {
            if five.checked_add(hour) != Some(writes) {
                return Err(error(format!(
                    "`{FIVE}` ({five}) and `{HOUR}` ({hour}) do not add up to `{WRITES}` ({writes})"
                )));
            }
        }
        Ok(Usage {
            input_tokens: required(usage, "input_tokens")?,
            output_tokens: required(usage, "output_tokens")?,
            cache_read_tokens: count(usage, "cache_read_input_tokens")?.unwrap_or(0),
            cache_write_tokens: less((writes, WRITES), (hour, HOUR))?,
            cache_write_1h_tokens: hour,
            reasoning_tokens: 0,
        })
    }

    /// Tokens of the prompt: uncached input, cache reads and cache writes together (what a
    /// [long-context](crate::LongContextPricing) threshold counts). Saturates at `u64::MAX`.
    #[must_use]
    pub fn prompt_tokens(&self) -> u64 {
        self.input_tokens
            .saturating_add(self.cache_read_tokens)
            .saturating_add(self.cache_write_tokens)
            .saturating_add(self.cache_write_1h_tokens)
    }
}
