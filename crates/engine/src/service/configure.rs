//! Configuring the engine, as Settings does it in every face: the settings and secrets as shown
//! ([`SettingsView`], a secret only as "saved"), changing them ([`SettingsInput`], all validated before any is
//! stored), and the tests beside them: Prowlarr's connection, a test message per channel, the bot's chats.

use serde::{Deserialize, Serialize};

use super::{Service, ServiceError};
use crate::channel::ChannelId;
use crate::news::Notice;
use crate::prowlarr::ProwlarrClient;
use crate::secrets::{Secret, SecretName};
use crate::settings::{self, SettingKey, Settings};
use crate::setup;
use crate::telegram::SeenChat;
use crate::validation::ValidationError;

/// How long "Detect" waits for a message to the bot.
const DETECT_WAIT: std::time::Duration = std::time::Duration::from_secs(25);

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SettingsView {
    pub prowlarr_url: Option<String>,
    pub telegram_chat_id: Option<String>,
    pub telegram_api_url: String,
    pub interval: String,
    pub concurrency: usize,
    pub desktop_notifications: bool,
    /// `feed` (poll the latest releases, search items on their slow schedule) or `search_all`.
    pub search_mode: &'static str,
    /// How often each item is searched by name in feed mode, as humantime (`6h`).
    pub search_every: String,
    /// Item searches allowed in any rolling hour.
    pub search_budget: u32,
    /// `saved`, `not set` or `unavailable` (the keyring cannot be read): never the value.
    pub prowlarr_api_key: &'static str,
    pub telegram_bot_token: &'static str,
    /// Who in the chat the bot obeys, comma-separated; empty: everyone in it.
    pub telegram_user_ids: String,
    /// The web UI's address from outside (a phone), for links in messages.
    pub web_public_url: Option<String>,
    pub ntfy_url: String,
    pub ntfy_topic: Option<String>,
    /// `min`, `low`, `default`, `high` or `max`.
    pub ntfy_priority: &'static str,
    pub ntfy_token: &'static str,
    pub webhook_url: Option<String>,
    pub webhook_secret: &'static str,
    /// Each notification channel: whether it is set up and whether it is on.
    pub channels: Vec<ChannelState>,
    pub keyring_error: Option<String>,
    /// `saved` or `not set`: whether the web UI has a password, and scripts an API key (never either value).
    pub web_password: &'static str,
    pub web_api_key: &'static str,
    /// The Prowlarr URL and API key are set.
    pub configured: bool,
}

/// A notification channel as Settings shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChannelState {
    pub id: ChannelId,
    pub label: &'static str,
    /// Its settings (and secret) are there: it can be tested.
    pub configured: bool,
    /// The user has it on: configured and on, it is sent every notification.
    pub enabled: bool,
}

/// Settings to change: an absent field is left as it is; an empty or null one returns to its default.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct SettingsInput {
    #[serde(default, deserialize_with = "some_or_null")]
    pub prowlarr_url: Option<Option<String>>,
    #[serde(default, deserialize_with = "some_or_null")]
    pub telegram_chat_id: Option<Option<String>>,
    #[serde(default, deserialize_with = "some_or_null")]
    pub telegram_api_url: Option<Option<String>>,
    #[serde(default, deserialize_with = "some_or_null")]
    pub telegram_user_ids: Option<Option<String>>,
    #[serde(default, deserialize_with = "some_or_null")]
    pub web_public_url: Option<Option<String>>,
    #[serde(default, deserialize_with = "some_or_null")]
    pub ntfy_url: Option<Option<String>>,
    #[serde(default, deserialize_with = "some_or_null")]
    pub ntfy_topic: Option<Option<String>>,
    #[serde(default, deserialize_with = "some_or_null")]
    pub ntfy_priority: Option<Option<String>>,
    #[serde(default, deserialize_with = "some_or_null")]
    pub webhook_url: Option<Option<String>>,
    pub telegram_enabled: Option<bool>,
    pub ntfy_enabled: Option<bool>,
    pub webhook_enabled: Option<bool>,
    pub interval: Option<String>,
    pub concurrency: Option<u32>,
    pub desktop_notifications: Option<bool>,
    pub search_mode: Option<String>,
    pub search_every: Option<String>,
    pub search_budget: Option<u32>,
}

/// Keeps "absent" (`None`) apart from "null" (`Some(None)`).
fn some_or_null<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}

/// What "Test connection" shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConnectionInfo {
    pub version: String,
    pub indexers: usize,
    pub enabled_indexers: usize,
}

impl Service {
    pub async fn settings(&self) -> Result<SettingsView, ServiceError> {
        let s = Settings::load(&self.inner.store).await?;
        let mut keyring_error = None;
        let mut state = |name: SecretName| match self.inner.secrets.get(name) {
            Ok(Some(_)) => "saved",
            Ok(None) => "not set",
            Err(e) => {
                keyring_error = Some(e.to_string());
                "unavailable"
            }
        };
        let prowlarr_api_key = state(SecretName::ProwlarrApiKey);
        let telegram_bot_token = state(SecretName::TelegramBotToken);
        let ntfy_token = state(SecretName::NtfyToken);
        let webhook_secret = state(SecretName::WebhookSecret);
        let channels = ChannelId::ALL
            .into_iter()
            .map(|id| ChannelState {
                id,
                label: id.label(),
                configured: match id {
                    ChannelId::Telegram => {
                        s.telegram_chat_id.is_some() && telegram_bot_token == "saved"
                    }
                    ChannelId::Ntfy => s.ntfy_topic.is_some(),
                    ChannelId::Webhook => s.webhook_url.is_some(),
                },
                enabled: setup::channel_enabled(id, &s),
            })
            .collect();
        let access = self.access().await?;
        let saved = |set: bool| if set { "saved" } else { "not set" };
        Ok(SettingsView {
            web_password: saved(access.has_password()),
            web_api_key: saved(access.has_api_key()),
            configured: s.prowlarr_url.is_some() && prowlarr_api_key == "saved",
            prowlarr_url: s.prowlarr_url,
            telegram_chat_id: s.telegram_chat_id,
            telegram_api_url: s.telegram_api_url,
            interval: humantime::format_duration(s.interval).to_string(),
            concurrency: s.concurrency,
            desktop_notifications: s.desktop_notifications,
            search_mode: s.search_mode.as_str(),
            search_every: humantime::format_duration(s.schedule.every).to_string(),
            search_budget: s.schedule.budget_per_hour,
            prowlarr_api_key,
            telegram_bot_token,
            telegram_user_ids: s
                .telegram_user_ids
                .iter()
                .map(u64::to_string)
                .collect::<Vec<_>>()
                .join(","),
            web_public_url: s.web_public_url,
            ntfy_url: s.ntfy_url,
            ntfy_topic: s.ntfy_topic,
            ntfy_priority: s.ntfy_priority.as_str(),
            ntfy_token,
            webhook_url: s.webhook_url,
            webhook_secret,
            channels,
            keyring_error,
        })
    }

    /// Validates every given value first, then stores them: a bad value stores nothing.
    pub async fn save_settings(&self, input: SettingsInput) -> Result<SettingsView, ServiceError> {
        let mut changes: Vec<(SettingKey, Option<String>)> = Vec::new();
        let texts = [
            (SettingKey::ProwlarrUrl, input.prowlarr_url),
            (SettingKey::TelegramChatId, input.telegram_chat_id),
            (SettingKey::TelegramApiUrl, input.telegram_api_url),
            (SettingKey::TelegramUserIds, input.telegram_user_ids),
            (SettingKey::WebPublicUrl, input.web_public_url),
            (SettingKey::NtfyUrl, input.ntfy_url),
            (SettingKey::NtfyTopic, input.ntfy_topic),
            (SettingKey::NtfyPriority, input.ntfy_priority),
            (SettingKey::WebhookUrl, input.webhook_url),
        ];
        for (key, value) in texts {
            match value {
                None => {}
                Some(v) => match v.filter(|v| !v.trim().is_empty()) {
                    None => changes.push((key, None)),
                    Some(v) => changes.push((key, Some(key.validate(&v)?))),
                },
            }
        }
        if let Some(v) = input.interval {
            changes.push((
                SettingKey::Interval,
                Some(SettingKey::Interval.validate(&v)?),
            ));
        }
        if let Some(v) = input.concurrency {
            changes.push((
                SettingKey::Concurrency,
                Some(SettingKey::Concurrency.validate(&v.to_string())?),
            ));
        }
        let switches = [
            (
                SettingKey::DesktopNotifications,
                input.desktop_notifications,
            ),
            (SettingKey::TelegramEnabled, input.telegram_enabled),
            (SettingKey::NtfyEnabled, input.ntfy_enabled),
            (SettingKey::WebhookEnabled, input.webhook_enabled),
        ];
        for (key, value) in switches {
            if let Some(v) = value {
                changes.push((key, Some(v.to_string())));
            }
        }
        let more = [
            (SettingKey::SearchMode, input.search_mode),
            (SettingKey::SearchEvery, input.search_every),
            (
                SettingKey::SearchBudget,
                input.search_budget.map(|v| v.to_string()),
            ),
        ];
        for (key, value) in more {
            if let Some(v) = value {
                changes.push((key, Some(key.validate(&v)?)));
            }
        }
        for (key, value) in changes {
            match value {
                Some(v) => settings::set(&self.inner.store, key, &v)
                    .await
                    .map(|_| ())?,
                None => self.inner.store.delete_setting(key.as_str()).await?,
            }
        }
        self.reconfigured().await;
        self.settings().await
    }

    pub async fn set_secret(
        &self,
        name: SecretName,
        value: &str,
    ) -> Result<SettingsView, ServiceError> {
        let value = value.trim();
        if value.is_empty() {
            return Err(ValidationError::new(name.field(), "must not be empty").into());
        }
        self.inner.secrets.set(name, &Secret::new(value))?;
        crate::redact::register_secret(value);
        self.reconfigured().await;
        self.settings().await
    }

    /// The Prowlarr client the current settings and secrets make.
    pub(super) async fn prowlarr_client(&self) -> Result<ProwlarrClient, ServiceError> {
        let settings = Settings::load(&self.inner.store).await?;
        Ok(setup::prowlarr_client(
            &settings,
            self.inner.secrets.as_ref(),
        )?)
    }

    pub async fn test_prowlarr(&self) -> Result<ConnectionInfo, ServiceError> {
        let client = self.prowlarr_client().await?;
        let status = client
            .system_status()
            .await
            .map_err(|e| ServiceError::Prowlarr(e.to_string()))?;
        let indexers = client
            .indexers()
            .await
            .map_err(|e| ServiceError::Prowlarr(e.to_string()))?;
        Ok(ConnectionInfo {
            version: status.version,
            indexers: indexers.len(),
            enabled_indexers: indexers.iter().filter(|i| i.enable).count(),
        })
    }

    /// "Send test message" on one channel, on or off: it goes out at once, not through the outbox.
    pub async fn send_test_message(&self, channel: ChannelId) -> Result<(), ServiceError> {
        let settings = Settings::load(&self.inner.store).await?;
        let target = setup::channel(channel, &settings, self.inner.secrets.as_ref())?
            .ok_or_else(|| ServiceError::NotConfigured(not_set_up(channel).to_owned()))?;
        target.send(&Notice::Test).await.map_err(|e| {
            let said = e.describe(channel);
            match channel {
                ChannelId::Telegram => ServiceError::Telegram(said),
                _ => ServiceError::Channel(said),
            }
        })
    }

    /// The chats messages to the bot came from ("Detect" beside the chat id), waiting up to 25 s for one.
    pub async fn detect_telegram_chats(&self) -> Result<Vec<SeenChat>, ServiceError> {
        let settings = Settings::load(&self.inner.store).await?;
        let token = self
            .inner
            .secrets
            .get(SecretName::TelegramBotToken)?
            .ok_or_else(|| {
                ServiceError::NotConfigured(
                    "no Telegram bot token is saved: save the token from @BotFather first"
                        .to_owned(),
                )
            })?;
        let api_url = url::Url::parse(&settings.telegram_api_url).ok();
        // Telegram lets one program poll a bot: the bot's poller stands aside while this reads.
        self.set_detecting_chat(true);
        let seen = crate::telegram::recent_chats(&token, api_url, DETECT_WAIT).await;
        self.set_detecting_chat(false);
        seen.map_err(|e| ServiceError::Telegram(format!("Telegram: {}", e.reason())))
    }
}

/// What is missing before `channel` can send.
fn not_set_up(channel: ChannelId) -> &'static str {
    match channel {
        ChannelId::Telegram => "Telegram is not set up: save the bot token and the chat id first",
        ChannelId::Ntfy => {
            "ntfy is not set up: save a topic first (and the server, when it is not ntfy.sh)"
        }
        ChannelId::Webhook => "the webhook is not set up: save its URL first",
    }
}
