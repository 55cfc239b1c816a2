//! A corpus of hostile strings for release titles and indexer names, and hostile link targets for `infoUrl` and
//! `posterUrl`, shared by the engine's Telegram test (`crates/engine/tests/xss_corpus.rs`) and the desktop
//! end-to-end test (`crates/tray/tests/e2e.rs`).
//!
//! Payload `n` would set the page global [`marker`]`(n)` (`window.__nw_xss_<n>`) if a browser ever ran it, so a
//! test proves nothing ran by finding every marker undefined; a few also rename the document ([`PWNED_TITLE`]).
//! They cover the classic sinks (`<script>`, event-handler attributes, `javascript:` and `data:` links), breaking
//! out of an attribute or of Telegram's `<b>`/`<a>`, text that is already escaped (`&lt;script&gt;` must show as
//! those characters, not be decoded once more), template syntax of frameworks (`{{...}}`, `${...}`, backticks),
//! CSS (`<style>`, `expression(...)`), Unicode tricks (a right-to-left override, zero-width characters) and one
//! very long title.
//!
//! Every payload stays one line without control characters: indexers send titles, not paragraphs, and a test
//! compares what is shown with what was sent.

/// The document title a payload sets if it runs.
pub const PWNED_TITLE: &str = "pwned";

/// The page global that payload `n` sets if it runs.
pub fn marker(n: usize) -> String {
    format!("__nw_xss_{n}")
}

/// The hostile strings, in marker order: `payloads()[n]` mentions [`marker`]`(n)`.
pub fn payloads() -> Vec<String> {
    let mut corpus: Vec<String> = [
        "<script>window.__nw_xss_0=1</script>",
        "<img src=x onerror=window.__nw_xss_1=1>",
        "<svg onload=window.__nw_xss_2=1>",
        "\"><iframe srcdoc=\"<script>parent.__nw_xss_3=1</script>\">",
        "'><img src=x onerror='window.__nw_xss_4=1'>",
        "javascript:window.__nw_xss_5=1",
        "</b><a href=\"javascript:window.__nw_xss_6=1\">click</a><b>",
        "&lt;script&gt;window.__nw_xss_7=1&lt;/script&gt;",
        "{{constructor.constructor('window.__nw_xss_8=1')()}}",
        "${window.__nw_xss_9=1}",
        "`+(window.__nw_xss_10=1)+`",
        "<style>@import'//evil.example/a.css';body{background:url(\"javascript:window.__nw_xss_11=1\")}</style>",
        "<div style=\"width:expression(window.__nw_xss_12=1)\">wide</div>",
        "\u{202E}<b onmouseover=window.__nw_xss_13=1>gpj.exe</b>",
        "<\u{200B}script>window.__nw_xss_14=1<\u{200B}/script>\u{200D}\u{FEFF}",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5fX253X3hzc18xNT0xPC9zY3JpcHQ+\">__nw_xss_15</a>",
        "<math><mtext><table><mglyph><style><img src=x onerror=window.__nw_xss_16=1>",
        "<body onload=window.__nw_xss_17=1>",
        "<details open ontoggle=window.__nw_xss_18=1>",
        "<input autofocus onfocus=window.__nw_xss_19=1>",
        "<img src=x onerror=\"document.title='pwned';window.__nw_xss_20=1\">",
        "<!--<img src=\"--><img src=x onerror=window.__nw_xss_21=1//\">",
        "<object data=\"javascript:window.__nw_xss_22=1\"></object>",
        "AT&T &#60;script&#62;window.__nw_xss_23=1&#60;/script&#62; &amp; &nbsp; &",
        "<a href=\"tg://resolve?domain=evil\">__nw_xss_24</a><tg-spoiler>",
    ]
    .map(str::to_owned)
    .to_vec();
    // Longer than any real title: the first is cut for Telegram (300 characters) but kept whole by the store and
    // the window, the second is cut by the store (1000) too. Wherever it is cut, no tail turns into markup.
    corpus.push(format!(
        "{}<img src=x onerror=window.__nw_xss_25=1>",
        "Very.Long.Title.".repeat(55)
    ));
    corpus.push(format!(
        "{}<img src=x onerror=window.__nw_xss_26=1>",
        "Absurdly.Long.Title.".repeat(250)
    ));
    corpus
}

/// Link targets that must never become a link, a photo or anything the desktop opens: other schemes than
/// http(s), written the ways browsers still accept, and a scheme-relative URL.
pub const UNSAFE_URLS: &[&str] = &[
    "javascript:window.__nw_xss_url=1",
    "JaVaScRiPt:window.__nw_xss_url=1",
    " javascript:window.__nw_xss_url=1",
    "data:text/html,<script>window.__nw_xss_url=1</script>",
    "file:///etc/passwd",
    "ftp://files.example/poster.jpg",
    "//evil.example/poster.jpg",
    "vbscript:msgbox(1)",
];

/// A usable poster: plain https.
pub const SAFE_POSTER_URL: &str = "https://images.example/posters/heat.jpg";

/// An https URL carrying markup: usable as a link, as long as it is escaped wherever it is written.
pub const MARKUP_IN_HTTPS_URL: &str =
    "https://tracker.example/details/7?q=\"><script>window.__nw_xss_url=1</script>";

/// True for an absolute http(s) URL, the only kind a test accepts as a link or photo.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")) && url.len() > "https://".len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_payload_names_its_own_marker_and_no_later_one() {
        let corpus = payloads();
        assert!((20..=30).contains(&corpus.len()), "{}", corpus.len());
        for (n, payload) in corpus.iter().enumerate() {
            assert!(payload.contains(&marker(n)), "payload {n}: {payload}");
            // `__nw_xss_1` is a prefix of `__nw_xss_12`: check that the marker is followed by a non-digit.
            let after = payload.split(&marker(n)).nth(1).unwrap_or_default();
            assert!(
                !after.starts_with(|c: char| c.is_ascii_digit()),
                "payload {n} names another marker: {payload}"
            );
        }
    }

    #[test]
    fn payloads_are_single_lines_without_control_characters() {
        for payload in payloads() {
            assert!(!payload.chars().any(char::is_control), "{payload:?}");
        }
    }

    #[test]
    fn only_web_urls_pass_the_check() {
        for url in UNSAFE_URLS {
            assert!(!is_web_url(url), "{url}");
        }
        assert!(is_web_url(SAFE_POSTER_URL));
        assert!(is_web_url(MARKUP_IN_HTTPS_URL));
    }
}
