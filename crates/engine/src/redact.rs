//! Removing secrets from text that may be logged, stored as an error, or shown.
//!
//! Prowlarr's download and magnet links embed its API key as `apikey=...`; Telegram request URLs embed the bot
//! token as `/bot<token>/`. Both patterns are redacted wherever text leaves the engine, and any known secret
//! value is scrubbed verbatim as a second line of defence.

use std::sync::LazyLock;

use regex::Regex;

pub const REDACTED: &str = "[redacted]";

static APIKEY_PARAM: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::expect_used)] // a literal pattern: tested below
    Regex::new(r"(?i)((?:api_?key|x-api-key|token)(?:=|%3D|:\s*))[^&\s'\x22<>]+").expect("valid regex")
});
static BOT_TOKEN_PATH: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::expect_used)]
    Regex::new(r"/bot[0-9]+:[A-Za-z0-9_-]+").expect("valid regex")
});

/// Redacts `apikey=` style parameters and Telegram bot tokens in URLs.
pub fn redact(text: &str) -> String {
    let step = APIKEY_PARAM.replace_all(text, |c: &regex::Captures<'_>| format!("{}{REDACTED}", &c[1]));
    BOT_TOKEN_PATH.replace_all(&step, format!("/bot{REDACTED}")).into_owned()
}

/// [`redact`], then every known secret value (at least 4 characters long) replaced verbatim.
pub fn scrub<'a>(text: &str, secrets: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = redact(text);
    for secret in secrets {
        if secret.len() >= 4 && out.contains(secret) {
            out = out.replace(secret, REDACTED);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prowlarr_download_links_lose_their_api_key() {
        let link = "http://localhost:9696/3/download?apikey=0123abcd&link=abc&file=The.Matrix";
        let out = redact(link);
        assert!(!out.contains("0123abcd"), "{out}");
        assert!(out.contains("apikey=[redacted]&link=abc"), "{out}");
    }

    #[test]
    fn telegram_urls_lose_their_token() {
        let out = redact("error sending request for url (http://127.0.0.1:1/bot123456:AAbb-cc_DD/SendMessage)");
        assert!(!out.contains("AAbb"), "{out}");
        assert!(out.contains("/bot[redacted]/SendMessage"), "{out}");
    }

    #[test]
    fn known_secrets_are_scrubbed_anywhere() {
        let out = scrub("key was s3cr3t-value in a sentence", ["s3cr3t-value"]);
        assert_eq!(out, "key was [redacted] in a sentence");
    }

    #[test]
    fn text_without_secrets_is_unchanged() {
        let text = "Dune.Part.Two.2024.2160p.WEB-DL & friends";
        assert_eq!(redact(text), text);
    }
}
