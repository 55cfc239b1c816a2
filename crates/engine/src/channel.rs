//! A notification channel, as the outbox ([`crate::notify`]) sees it: something that renders a stored
//! [`Notice`] in its own format and makes one delivery attempt, sorting a failure into [`SendError`]'s two
//! cases. Pacing, retries and the lease are the outbox worker's; a channel never retries or waits on its own.
//!
//! A new channel is one module that implements [`Channel`], a name in [`ChannelId`], and a line in
//! [`crate::setup::channels`] that builds it from the settings.

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
}

crate::closed_set!(ChannelId);

impl ChannelId {
    /// The name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            ChannelId::Telegram => "Telegram",
        }
    }
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
                    channel.label()
                )
            }
            SendError::Permanent { reason } => {
                format!("{} refused the message: {reason}", channel.label())
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
