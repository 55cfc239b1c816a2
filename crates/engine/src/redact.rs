//! Removing secrets from text that may be logged, stored as an error, or shown.
//!
//! Prowlarr's download and magnet links embed its API key as `apikey=...` (and trackers' announce URLs a
//! `passkey=`); Telegram request URLs embed the bot
//! token as `/bot<token>/`. Both patterns are redacted wherever text leaves the engine, and any known secret
//! value is scrubbed verbatim as a second line of defence.

use std::sync::LazyLock;

use regex::Regex;

pub const REDACTED: &str = "[redacted]";

static APIKEY_PARAM: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::expect_used)] // a literal pattern: tested below
    Regex::new(r"(?i)((?:api_?key|x-api-key|token|passkey|authkey|torrent_pass)(?:=|%3D|:\s*))[^&\s'\x22<>]+")
        .expect("valid regex")
});
static BOT_TOKEN_PATH: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::expect_used)]
    Regex::new(r"/bot[0-9]+:[A-Za-z0-9_-]+").expect("valid regex")
});

/// Redacts `apikey=` style parameters and Telegram bot tokens in URLs.
pub fn redact(text: &str) -> String {
    let step = APIKEY_PARAM.replace_all(text, |c: &regex::Captures<'_>| {
        format!("{}{REDACTED}", &c[1])
    });
    BOT_TOKEN_PATH
        .replace_all(&step, format!("/bot{REDACTED}"))
        .into_owned()
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
    fn tracker_passkeys_in_magnet_trackers_are_redacted() {
        let magnet = "magnet:?xt=urn:btih:abc&tr=https%3A%2F%2Ftracker.example%2Fannounce%3Fpasskey%3Ddeadbeef42";
        let out = redact(magnet);
        assert!(!out.contains("deadbeef42"), "{out}");
        let out = redact("https://tracker.example/announce.php?passkey=cafe1234&x=1");
        assert_eq!(
            out,
            "https://tracker.example/announce.php?passkey=[redacted]&x=1"
        );
    }

    #[test]
    fn telegram_urls_lose_their_token() {
        let out = redact(
            "error sending request for url (http://127.0.0.1:1/bot123456:AAbb-cc_DD/SendMessage)",
        );
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

static KNOWN_SECRETS: std::sync::RwLock<Vec<String>> = std::sync::RwLock::new(Vec::new());

/// Remembers a secret value so that [`ScrubbingWriter`] removes it from every line written.
pub fn register_secret(value: &str) {
    if value.len() < 4 {
        return;
    }
    if let Ok(mut known) = KNOWN_SECRETS.write()
        && !known.iter().any(|k| k == value)
    {
        known.push(value.to_owned());
    }
}

/// Redacts a text with the patterns of [`redact`] and every secret given to [`register_secret`].
pub fn scrub_known(text: &str) -> String {
    match KNOWN_SECRETS.read() {
        Ok(known) => scrub(text, known.iter().map(String::as_str)),
        Err(_) => redact(text),
    }
}

/// Sets up the process's log: to stderr through a [`ScrubbingWriter`], at `RUST_LOG`'s levels or else
/// `default_level` (with the HTTP and SQL libraries' chatter at `warn`), coloured only on a terminal. The one
/// set-up of the daemon, the tray app and the window, so none of them can log without the scrubbing.
pub fn init_logging(default_level: &str) {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| {
        EnvFilter::new(format!("{default_level},sqlx=warn,hyper=warn,reqwest=warn"))
    });
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(|| ScrubbingWriter(std::io::stderr()))
        .with_target(false)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
}

/// A writer for log output that scrubs every write: a last line of defence for secrets that a dependency
/// (an HTTP client logging a request URL at debug level, say) might print.
pub struct ScrubbingWriter<W: std::io::Write>(pub W);

impl<W: std::io::Write> std::io::Write for ScrubbingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        self.0.write_all(scrub_known(&text).as_bytes())?;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

#[cfg(test)]
mod writer_tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn the_scrubbing_writer_removes_registered_secrets() {
        register_secret("registered-secret-123");
        let mut out = ScrubbingWriter(Vec::new());
        write!(out, "GET /x?apikey=abc token registered-secret-123").unwrap();
        let text = String::from_utf8(out.0).unwrap();
        assert_eq!(text, "GET /x?apikey=[redacted] token [redacted]");
    }
}
