//! Building the engine's clients from settings and secrets: shared by the daemon and the desktop shell,
//! so both refuse a missing or bad configuration with the same message.

use std::sync::Arc;

use crate::channel::{Channel, ChannelId};
use crate::news::WebLinks;
use crate::ntfy::{NtfyChannel, NtfyConfig};
use crate::prowlarr::{ProwlarrClient, ProwlarrConfig, ProwlarrError, RetryPolicy};
use crate::secrets::{SecretError, SecretName, SecretStore};
use crate::settings::Settings;
use crate::telegram::{self, SendError, TelegramChannel, TelegramConfig};
use crate::webhook::{WebhookChannel, WebhookConfig};

/// What keeps the engine from being built. The messages say what is wrong; how to fix it is each face's to
/// say, from [`crate::diagnose::setup_remedy`] (Settings in the window, a command in `nightwatcherd`).
#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    #[error("the Prowlarr URL is not set")]
    NoProwlarrUrl,
    #[error(
        "the Prowlarr API key is not set (Prowlarr shows it in its Settings → General → Security)"
    )]
    NoApiKey,
    #[error(transparent)]
    Secret(#[from] SecretError),
    #[error(transparent)]
    Prowlarr(#[from] ProwlarrError),
    #[error("Telegram settings are invalid: {0}")]
    Telegram(String),
    #[error("the {} settings are invalid: {reason}", channel.label())]
    Channel { channel: ChannelId, reason: String },
}

pub fn prowlarr_client(
    settings: &Settings,
    secrets: &dyn SecretStore,
) -> Result<ProwlarrClient, SetupError> {
    prowlarr_client_with(settings, secrets, RetryPolicy::default())
}

/// [`prowlarr_client`] with another retry policy: the service's checks use [`crate::service::ServiceOptions`]'s.
pub fn prowlarr_client_with(
    settings: &Settings,
    secrets: &dyn SecretStore,
    retry: RetryPolicy,
) -> Result<ProwlarrClient, SetupError> {
    let url = settings
        .prowlarr_url
        .as_deref()
        .ok_or(SetupError::NoProwlarrUrl)?;
    let key = secrets
        .get(SecretName::ProwlarrApiKey)?
        .ok_or(SetupError::NoApiKey)?;
    crate::redact::register_secret(key.expose());
    let mut config = ProwlarrConfig::new(url, key)?;
    config.request_timeout = settings.prowlarr_timeout;
    config.retry = retry;
    Ok(ProwlarrClient::new(config)?)
}

/// The Telegram channel, or `None` when the bot token or the chat id is not set.
pub fn telegram_channel(
    settings: &Settings,
    secrets: &dyn SecretStore,
) -> Result<Option<TelegramChannel>, SetupError> {
    let Some(chat) = settings.telegram_chat_id.as_deref() else {
        return Ok(None);
    };
    let Some(token) = secrets.get(SecretName::TelegramBotToken)? else {
        return Ok(None);
    };
    crate::redact::register_secret(token.expose());
    let chat = telegram::parse_chat_id(chat).map_err(SetupError::Telegram)?;
    let api_url = url::Url::parse(&settings.telegram_api_url)
        .map_err(|e| SetupError::Telegram(e.to_string()))?;
    let channel = TelegramChannel::new(TelegramConfig {
        token,
        chat,
        api_url: Some(api_url),
    })
    .map_err(|e| match e {
        SendError::Permanent { reason } | SendError::Transient { reason, .. } => {
            SetupError::Telegram(reason)
        }
    })?;
    Ok(Some(channel))
}

/// The bot's update reader and the chat it obeys, when Telegram is configured with a numeric chat id (a
/// channel's `@username` names no chat that could tap a button). Who in that chat it obeys is
/// `settings.telegram_user_ids`.
pub fn telegram_bot(
    settings: &Settings,
    secrets: &dyn SecretStore,
) -> Result<Option<(telegram::updates::Updates, i64)>, SetupError> {
    let Some(chat) = settings.telegram_chat_id.as_deref() else {
        return Ok(None);
    };
    let telegram::ChatTarget::Id(chat) =
        telegram::parse_chat_id(chat).map_err(SetupError::Telegram)?
    else {
        return Ok(None);
    };
    let Some(token) = secrets.get(SecretName::TelegramBotToken)? else {
        return Ok(None);
    };
    crate::redact::register_secret(token.expose());
    let api_url = url::Url::parse(&settings.telegram_api_url)
        .map_err(|e| SetupError::Telegram(e.to_string()))?;
    let updates = telegram::updates::Updates::new(&token, Some(api_url))
        .map_err(|e| SetupError::Telegram(e.reason().to_owned()))?;
    Ok(Some((updates, chat)))
}

/// The channel `id` as the settings and secrets make it, or `None` when it is not set up (Telegram without a
/// token or chat, ntfy without a topic, the webhook without a URL). Whether it is on is not looked at: "Send
/// test message" tests a channel that is off too.
pub fn channel(
    id: ChannelId,
    settings: &Settings,
    secrets: &dyn SecretStore,
) -> Result<Option<Arc<dyn Channel>>, SetupError> {
    let invalid = |reason: String| SetupError::Channel {
        channel: id,
        reason,
    };
    let links = settings.web_public_url.as_deref().and_then(WebLinks::new);
    Ok(match id {
        ChannelId::Telegram => telegram_channel(settings, secrets)?
            .map(|c| Arc::new(c.with_links(links)) as Arc<dyn Channel>),
        ChannelId::Ntfy => match &settings.ntfy_topic {
            None => None,
            Some(topic) => {
                let server = url::Url::parse(&settings.ntfy_url)
                    .map_err(|e| invalid(format!("ntfy_url: {e}")))?;
                let channel = NtfyChannel::new(NtfyConfig {
                    server,
                    topic: topic.clone(),
                    token: secrets.get(SecretName::NtfyToken)?,
                    priority: settings.ntfy_priority,
                    links,
                })
                .map_err(|e| invalid(e.reason().to_owned()))?;
                Some(Arc::new(channel))
            }
        },
        ChannelId::Webhook => match &settings.webhook_url {
            None => None,
            Some(url) => {
                let url = url::Url::parse(url).map_err(|e| invalid(format!("webhook_url: {e}")))?;
                let channel = WebhookChannel::new(WebhookConfig {
                    url,
                    secret: secrets.get(SecretName::WebhookSecret)?,
                    links,
                })
                .map_err(|e| invalid(e.reason().to_owned()))?;
                Some(Arc::new(channel))
            }
        },
    })
}

/// Whether the user has channel `id` on (`telegram_enabled`, …).
pub fn channel_enabled(id: ChannelId, settings: &Settings) -> bool {
    match id {
        ChannelId::Telegram => settings.telegram_enabled,
        ChannelId::Ntfy => settings.ntfy_enabled,
        ChannelId::Webhook => settings.webhook_enabled,
    }
}

/// The notification channels that are set up and on.
pub fn channels(
    settings: &Settings,
    secrets: &dyn SecretStore,
) -> Result<Vec<Arc<dyn Channel>>, SetupError> {
    let mut channels = Vec::new();
    for id in ChannelId::ALL {
        if channel_enabled(id, settings)
            && let Some(channel) = channel(id, settings, secrets)?
        {
            channels.push(channel);
        }
    }
    Ok(channels)
}
