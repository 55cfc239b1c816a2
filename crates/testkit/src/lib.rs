//! Fake Prowlarr, Telegram Bot API and ntfy servers and a webhook receiver for NightWatcher's tests, demos and
//! benchmarks, and a private real PostgreSQL server (`postgres`) for the store's tests on that backend.
//! Also the corpus of hostile strings (`xss`) that both the engine and the desktop tests feed through a check,
//! and real full or read-only disks (`disk`) for the storage tests.
//!
//! Both fakes speak the wire formats described in the project's reference notes, written here from those
//! notes and not from the engine's types: if the engine mis-serializes something, the fake refuses it the way
//! the real server would instead of agreeing with the bug. That is why this crate does not depend on the
//! engine.
//!
//! Each fake is a cheap `Clone` handle over shared state. The server task runs until `shutdown()` is called
//! or the last handle is dropped, and every deliberate wait inside a handler (latency, a hanging search, a
//! long poll) is cut short by that same signal so shutdown never waits on an hour-long sleep.

pub mod disk;
pub mod ntfy;
pub mod postgres;
pub mod prowlarr;
pub mod telegram;
pub mod webhook;
pub mod xss;

use std::net::SocketAddr;
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::sync::watch;

/// Fires the shutdown signal when the last handle of a fake goes away.
///
/// Handles hold it in an `Arc`; the server task only holds the receiving side, so the task never keeps
/// itself alive.
#[derive(Debug)]
pub(crate) struct Lifetime {
    tx: watch::Sender<bool>,
}

impl Lifetime {
    pub(crate) fn new() -> (Lifetime, watch::Receiver<bool>) {
        let (tx, rx) = watch::channel(false);
        (Lifetime { tx }, rx)
    }

    pub(crate) fn shutdown(&self) {
        self.tx.send_replace(true);
    }
}

impl Drop for Lifetime {
    fn drop(&mut self) {
        self.tx.send_replace(true);
    }
}

/// Resolves once the fake is shut down (explicitly, or because every handle was dropped).
pub(crate) async fn shutdown_signal(mut rx: watch::Receiver<bool>) {
    // An Err means the sender is gone, which is a shutdown too.
    let _ = rx.wait_for(|stopped| *stopped).await;
}

/// Sleeps for `d` unless the fake shuts down first; returns false when it was cut short.
pub(crate) async fn sleep_or_shutdown(d: Duration, rx: &watch::Receiver<bool>) -> bool {
    if d.is_zero() {
        return true;
    }
    tokio::select! {
        _ = tokio::time::sleep(d) => true,
        _ = shutdown_signal(rx.clone()) => false,
    }
}

/// Binds `addr` and serves `router` on a background task until the shutdown signal fires.
pub(crate) async fn spawn_server(
    addr: SocketAddr,
    router: axum::Router,
    rx: watch::Receiver<bool>,
) -> std::io::Result<SocketAddr> {
    let listener = TcpListener::bind(addr).await?;
    let local = listener.local_addr()?;
    tokio::spawn(async move {
        let served = axum::serve(listener, router)
            .with_graceful_shutdown(shutdown_signal(rx))
            .await;
        if let Err(e) = served {
            tracing::warn!("fake server on {local} stopped with an error: {e}");
        }
    });
    Ok(local)
}

/// The address the library's `start` functions bind: loopback, a port the OS picks.
pub(crate) fn ephemeral_loopback() -> SocketAddr {
    SocketAddr::from(([127, 0, 0, 1], 0))
}

/// Splits a raw query string (or a form-urlencoded body) into decoded pairs, keeping repeats and order.
///
/// Written by hand because the fakes must see repeated keys (`categories=1&categories=2`) exactly as sent.
pub(crate) fn parse_query(raw: &str) -> Vec<(String, String)> {
    raw.split('&')
        .filter(|part| !part.is_empty())
        .map(|part| match part.split_once('=') {
            Some((k, v)) => (percent_decode(k), percent_decode(v)),
            None => (percent_decode(part), String::new()),
        })
        .collect()
}

/// Decodes `%XX` escapes and `+` as space; invalid escapes are kept literally, like lenient servers do.
pub(crate) fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 3;
                    }
                    None => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encodes a query component (RFC 3986 unreserved characters stay as they are).
pub(crate) fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_parsing_keeps_repeats_and_decodes() {
        let q = parse_query("categories=2000&categories=5000&query=a+b%20c%7B&x");
        assert_eq!(
            q,
            vec![
                ("categories".into(), "2000".into()),
                ("categories".into(), "5000".into()),
                ("query".into(), "a b c{".into()),
                ("x".into(), String::new()),
            ]
        );
    }

    #[test]
    fn broken_percent_escapes_stay_literal() {
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("%41"), "A");
    }

    #[test]
    fn encode_then_decode_round_trips() {
        let s = "Dune: Part Two {ImdbId:tt15239678} & more/ü";
        assert_eq!(percent_decode(&percent_encode(s)), s);
    }
}
