//! A notification channel, as the outbox ([`crate::notify`]) sees it: something that renders a stored
//! [`Notice`] in its own format and makes one delivery attempt, sorting a failure into [`SendError`]'s two
//! cases. Pacing, retries and the lease are the outbox worker's; a channel never retries or waits on its own.
//!
//! A new channel is one module that implements [`Channel`], a name in [`ChannelId`], and a line in
//! [`crate::setup::channel`] that builds it from the settings. Channels that speak plain HTTP (ntfy, the
//! webhook) sort their answers with [`SendError::from_status`] and [`SendError::from_request`], so a 429 or a
//! 503 means the same wherever it comes from.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use crate::news::Notice;

/// The channels there are, by the name the outbox stores in each notification's row.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    strum::IntoStaticStr,
    strum::VariantNames,
    strum::EnumString,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum ChannelId {
    Telegram,
    Ntfy,
    Webhook,
}

crate::closed_set!(ChannelId);

impl ChannelId {
    /// The name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            ChannelId::Telegram => "Telegram",
            ChannelId::Ntfy => "ntfy",
            ChannelId::Webhook => "the webhook",
        }
    }

    /// The name at the start of a sentence (ntfy keeps its lower case).
    pub fn subject(self) -> &'static str {
        match self {
            ChannelId::Webhook => "The webhook",
            other => other.label(),
        }
    }

    pub const ALL: [ChannelId; 3] = [ChannelId::Telegram, ChannelId::Ntfy, ChannelId::Webhook];
}

/// Why a delivery attempt failed, sorted by what the outbox does next.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SendError {
    /// Retry later, after `retry_after` when the service said how long to wait.
    #[error(
        "the message could not be sent right now ({reason}); it stays queued and will be retried"
    )]
    Transient {
        reason: String,
        retry_after: Option<Duration>,
    },
    /// Retrying the same message will not help until the user changes something; `reason` says what.
    #[error("the message was refused: {reason}")]
    Permanent { reason: String },
}

impl SendError {
    pub fn permanent(reason: impl Into<String>) -> SendError {
        SendError::Permanent {
            reason: reason.into(),
        }
    }

    pub fn transient(reason: impl Into<String>, retry_after: Option<Duration>) -> SendError {
        SendError::Transient {
            reason: reason.into(),
            retry_after,
        }
    }

    /// The failure as said to a person, naming the channel: "Telegram refused the message: chat not found".
    pub fn describe(&self, channel: ChannelId) -> String {
        match self {
            SendError::Transient { reason, .. } => {
                format!(
                    "{} could not take the message right now: {reason}",
                    channel.subject()
                )
            }
            SendError::Permanent { reason } => {
                format!("{} refused the message: {reason}", channel.subject())
            }
        }
    }

    pub fn reason(&self) -> &str {
        match self {
            SendError::Transient { reason, .. } | SendError::Permanent { reason } => reason,
        }
    }

    pub fn is_permanent(&self) -> bool {
        matches!(self, SendError::Permanent { .. })
    }

    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            SendError::Transient { retry_after, .. } => *retry_after,
            SendError::Permanent { .. } => None,
        }
    }

    /// How an HTTP service's refusal is handled: 408, 429 (after its `Retry-After`) and 5xx are retried;
    /// any other status is permanent. `detail` is what the service said (its error text, already
    /// shortened), `what_to_check` what the user should look at for a 401/403/404.
    pub fn from_status(
        status: reqwest::StatusCode,
        retry_after: Option<Duration>,
        detail: &str,
        what_to_check: &str,
    ) -> SendError {
        let said = if detail.is_empty() {
            format!("HTTP {}", status.as_u16())
        } else {
            format!("HTTP {}: {detail}", status.as_u16())
        };
        match status.as_u16() {
            408 | 429 | 500..=599 => SendError::transient(said, retry_after),
            401 | 403 | 404 => SendError::permanent(format!("{said}; check {what_to_check}")),
            300..=399 => SendError::permanent(format!(
                "{said}: the address redirects elsewhere; set the address it redirects to"
            )),
            _ => SendError::permanent(said),
        }
    }

    /// A request that got no answer (no connection, a timeout, a reply cut off): retried. The URL is left
    /// out of the reason, since a webhook's or an ntfy topic's address is itself a credential.
    pub fn from_request(error: reqwest::Error) -> SendError {
        let kind = if error.is_timeout() {
            "no answer in time"
        } else if error.is_connect() {
            "cannot connect"
        } else {
            "the request failed"
        };
        let error = error.without_url();
        let detail = std::error::Error::source(&error)
            .map(|s| s.to_string())
            .unwrap_or_else(|| error.to_string());
        SendError::transient(
            crate::redact::scrub_known(&format!("{kind} ({detail})")),
            None,
        )
    }
}

/// The client of a channel that speaks plain HTTP: our user agent, `timeout` per request, and no redirects (a
/// POST redirected elsewhere goes on as a GET, or to a host the user never named).
pub fn http_client(timeout: Duration) -> Result<reqwest::Client, SendError> {
    reqwest::Client::builder()
        .user_agent(crate::USER_AGENT)
        .timeout(timeout)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|e| SendError::permanent(format!("cannot make an HTTP client: {e}")))
}

/// Sends `request` once: `Ok` on 2xx, else the answer sorted by [`SendError::from_status`], in the words
/// `said` picks from the answer's body (ntfy's `error` field, a receiver's text), shortened and scrubbed.
pub async fn deliver(
    request: reqwest::RequestBuilder,
    said: impl FnOnce(String) -> String,
    what_to_check: &str,
) -> Result<(), SendError> {
    let response = request.send().await.map_err(SendError::from_request)?;
    let status = response.status();
    if status.is_success() {
        return Ok(());
    }
    let wait = retry_after(response.headers());
    let body = response.text().await.unwrap_or_default();
    let detail = crate::redact::scrub_known(&short_detail(&said(body), 200));
    Err(SendError::from_status(status, wait, &detail, what_to_check))
}

/// The seconds of an HTTP `Retry-After` header (the date form is rare from these services and is ignored).
pub fn retry_after(headers: &reqwest::header::HeaderMap) -> Option<Duration> {
    headers
        .get(reqwest::header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim()
        .parse::<u64>()
        .ok()
        .map(|s| Duration::from_secs(s.min(3600)))
}

/// At most `max` characters of an answer's text, on one line: enough to say what a service objected to.
pub fn short_detail(body: &str, max: usize) -> String {
    let one_line: String = body.split_whitespace().collect::<Vec<_>>().join(" ");
    match one_line.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &one_line[..cut]),
        None => one_line,
    }
}

/// A delivery attempt's future.
pub type Sending<'a> = Pin<Box<dyn Future<Output = Result<(), SendError>> + Send + 'a>>;

/// Something that can deliver a stored notification: a configured channel, or a test double.
pub trait Channel: Send + Sync {
    fn id(&self) -> ChannelId;

    /// One attempt at delivering `notice`. A notice that makes several messages (a digest page too long
    /// for one) sends them in order; the outbox pages digests so that this is rare.
    fn send<'a>(&'a self, notice: &'a Notice) -> Sending<'a>;
}
