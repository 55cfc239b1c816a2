//! Building the engine's clients from settings and secrets: shared by the daemon and the desktop shell,
//! so both refuse a missing or bad configuration with the same message.

use std::sync::Arc;

use crate::channel::Channel;
use crate::prowlarr::{ProwlarrClient, ProwlarrConfig, ProwlarrError, RetryPolicy};
use crate::secrets::{SecretError, SecretName, SecretStore};
use crate::settings::Settings;
use crate::telegram::{self, SendError, TelegramChannel, TelegramConfig};

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

/// Every configured notification channel.
pub fn channels(
    settings: &Settings,
    secrets: &dyn SecretStore,
) -> Result<Vec<Arc<dyn Channel>>, SetupError> {
    let mut channels: Vec<Arc<dyn Channel>> = Vec::new();
    if let Some(telegram) = telegram_channel(settings, secrets)? {
        channels.push(Arc::new(telegram));
    }
    Ok(channels)
}
