//! Settings: stored in the database, overridden by environment variables.
//!
//! Secrets are not settings: they live in the keyring ([`crate::secrets`]). Every value is validated on the way
//! in (`config set`, an environment variable), so a bad value is refused with the rule it breaks instead of
//! surfacing later as a failed check.

use std::time::Duration;

mod rules;

pub use rules::canonical_url_base;
use rules::user_ids;

use crate::schedule::{SearchMode, SearchSchedule};
use crate::store::{Store, StoreError};

/// The settings a user can change, with their environment variables. Serialized as [`SettingKey::as_str`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SettingKey {
    ProwlarrUrl,
    TelegramChatId,
    TelegramApiUrl,
    /// Who in the chat the bot obeys (a group's members); empty: everyone in it.
    TelegramUserIds,
    Concurrency,
    Interval,
    ProwlarrTimeout,
    DesktopNotifications,
    SearchMode,
    SearchEvery,
    SearchBudget,
    WebListen,
    WebUrlBase,
    WebTrustForwarded,
    /// The web UI's address as its users reach it (from a phone): messages link items there.
    WebPublicUrl,
    TelegramEnabled,
    NtfyUrl,
    NtfyTopic,
    NtfyPriority,
    NtfyEnabled,
    WebhookUrl,
    WebhookEnabled,
}

impl SettingKey {
    pub const ALL: [SettingKey; 22] = [
        SettingKey::ProwlarrUrl,
        SettingKey::TelegramChatId,
        SettingKey::TelegramApiUrl,
        SettingKey::TelegramUserIds,
        SettingKey::Concurrency,
        SettingKey::Interval,
        SettingKey::ProwlarrTimeout,
        SettingKey::DesktopNotifications,
        SettingKey::SearchMode,
        SettingKey::SearchEvery,
        SettingKey::SearchBudget,
        SettingKey::WebListen,
        SettingKey::WebUrlBase,
        SettingKey::WebTrustForwarded,
        SettingKey::WebPublicUrl,
        SettingKey::TelegramEnabled,
        SettingKey::NtfyUrl,
        SettingKey::NtfyTopic,
        SettingKey::NtfyPriority,
        SettingKey::NtfyEnabled,
        SettingKey::WebhookUrl,
        SettingKey::WebhookEnabled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SettingKey::ProwlarrUrl => "prowlarr_url",
            SettingKey::TelegramChatId => "telegram_chat_id",
            SettingKey::TelegramApiUrl => "telegram_api_url",
            SettingKey::TelegramUserIds => "telegram_user_ids",
            SettingKey::Concurrency => "concurrency",
            SettingKey::Interval => "interval",
            SettingKey::ProwlarrTimeout => "prowlarr_timeout",
            SettingKey::DesktopNotifications => "desktop_notifications",
            SettingKey::SearchMode => "search_mode",
            SettingKey::SearchEvery => "search_every",
            SettingKey::SearchBudget => "search_budget",
            SettingKey::WebListen => "web_listen",
            SettingKey::WebUrlBase => "web_url_base",
            SettingKey::WebTrustForwarded => "web_trust_forwarded",
            SettingKey::WebPublicUrl => "web_public_url",
            SettingKey::TelegramEnabled => "telegram_enabled",
            SettingKey::NtfyUrl => "ntfy_url",
            SettingKey::NtfyTopic => "ntfy_topic",
            SettingKey::NtfyPriority => "ntfy_priority",
            SettingKey::NtfyEnabled => "ntfy_enabled",
            SettingKey::WebhookUrl => "webhook_url",
            SettingKey::WebhookEnabled => "webhook_enabled",
        }
    }

    pub fn env_var(self) -> &'static str {
        match self {
            SettingKey::ProwlarrUrl => "NIGHTWATCHER_PROWLARR_URL",
            SettingKey::TelegramChatId => "NIGHTWATCHER_TELEGRAM_CHAT_ID",
            SettingKey::TelegramApiUrl => "NIGHTWATCHER_TELEGRAM_API_URL",
            SettingKey::TelegramUserIds => "NIGHTWATCHER_TELEGRAM_USER_IDS",
            SettingKey::Concurrency => "NIGHTWATCHER_CONCURRENCY",
            SettingKey::Interval => "NIGHTWATCHER_INTERVAL",
            SettingKey::ProwlarrTimeout => "NIGHTWATCHER_PROWLARR_TIMEOUT",
            SettingKey::DesktopNotifications => "NIGHTWATCHER_DESKTOP_NOTIFICATIONS",
            SettingKey::SearchMode => "NIGHTWATCHER_SEARCH_MODE",
            SettingKey::SearchEvery => "NIGHTWATCHER_SEARCH_EVERY",
            SettingKey::SearchBudget => "NIGHTWATCHER_SEARCH_BUDGET",
            SettingKey::WebListen => "NIGHTWATCHER_WEB_LISTEN",
            SettingKey::WebUrlBase => "NIGHTWATCHER_WEB_URL_BASE",
            SettingKey::WebTrustForwarded => "NIGHTWATCHER_WEB_TRUST_FORWARDED",
            SettingKey::WebPublicUrl => "NIGHTWATCHER_WEB_PUBLIC_URL",
            SettingKey::TelegramEnabled => "NIGHTWATCHER_TELEGRAM_ENABLED",
            SettingKey::NtfyUrl => "NIGHTWATCHER_NTFY_URL",
            SettingKey::NtfyTopic => "NIGHTWATCHER_NTFY_TOPIC",
            SettingKey::NtfyPriority => "NIGHTWATCHER_NTFY_PRIORITY",
            SettingKey::NtfyEnabled => "NIGHTWATCHER_NTFY_ENABLED",
            SettingKey::WebhookUrl => "NIGHTWATCHER_WEBHOOK_URL",
            SettingKey::WebhookEnabled => "NIGHTWATCHER_WEBHOOK_ENABLED",
        }
    }

    /// The value used when neither the environment nor the database sets one.
    pub fn default_value(self) -> Option<&'static str> {
        match self {
            SettingKey::ProwlarrUrl
            | SettingKey::TelegramChatId
            | SettingKey::TelegramUserIds
            | SettingKey::WebListen
            | SettingKey::WebUrlBase
            | SettingKey::WebPublicUrl
            | SettingKey::NtfyTopic
            | SettingKey::WebhookUrl => None,
            SettingKey::NtfyUrl => Some("https://ntfy.sh"),
            SettingKey::NtfyPriority => Some("default"),
            SettingKey::TelegramEnabled | SettingKey::NtfyEnabled | SettingKey::WebhookEnabled => {
                Some("true")
            }
            SettingKey::TelegramApiUrl => Some("https://api.telegram.org"),
            SettingKey::Concurrency => Some("5"),
            SettingKey::Interval => Some("15m"),
            SettingKey::ProwlarrTimeout => Some("90s"),
            SettingKey::DesktopNotifications => Some("true"),
            SettingKey::SearchMode => Some("feed"),
            SettingKey::SearchEvery => Some("6h"),
            SettingKey::SearchBudget => Some("100"),
            SettingKey::WebTrustForwarded => Some("false"),
        }
    }
}

impl std::str::FromStr for SettingKey {
    type Err = SettingsError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().replace('-', "_").to_ascii_lowercase();
        SettingKey::ALL
            .into_iter()
            .find(|k| k.as_str() == wanted)
            .ok_or_else(|| SettingsError::UnknownKey(s.to_owned()))
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error("unknown setting {0:?}: the settings are {names}", names = SettingKey::ALL.map(SettingKey::as_str).join(", "))]
    UnknownKey(String),
    #[error("{key}: {rule}")]
    Invalid { key: &'static str, rule: String },
    #[error("environment variable {var}: {rule}")]
    InvalidEnv { var: &'static str, rule: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The web server's settings: whether it runs (`web_listen`), under which URL base, and whether to believe a
/// reverse proxy's `X-Forwarded-*` headers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebSettings {
    pub listen: Option<std::net::SocketAddr>,
    pub url_base: String,
    pub trust_forwarded: bool,
}

impl WebSettings {
    pub async fn load(store: &Store) -> Result<WebSettings, SettingsError> {
        let values = effective(store).await?;
        let get = |key: SettingKey| {
            values
                .iter()
                .find(|s| s.key == key.as_str())
                .and_then(|s| s.value.clone())
        };
        Ok(WebSettings {
            listen: get(SettingKey::WebListen).and_then(|v| v.parse().ok()),
            url_base: get(SettingKey::WebUrlBase).unwrap_or_default(),
            trust_forwarded: get(SettingKey::WebTrustForwarded).is_some_and(|v| v == "true"),
        })
    }
}

/// Where an effective value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    Environment,
    Database,
    Default,
}

/// The effective settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub prowlarr_url: Option<String>,
    pub telegram_chat_id: Option<String>,
    pub telegram_api_url: String,
    /// Who in the chat the bot obeys; empty: everyone in it.
    pub telegram_user_ids: Vec<u64>,
    pub concurrency: usize,
    pub interval: Duration,
    pub prowlarr_timeout: Duration,
    pub desktop_notifications: bool,
    pub search_mode: SearchMode,
    pub schedule: SearchSchedule,
    /// The web UI's address from outside, for links in messages.
    pub web_public_url: Option<String>,
    pub telegram_enabled: bool,
    pub ntfy_url: String,
    /// ntfy is configured when a topic is set.
    pub ntfy_topic: Option<String>,
    pub ntfy_priority: crate::ntfy::Priority,
    pub ntfy_enabled: bool,
    pub webhook_url: Option<String>,
    pub webhook_enabled: bool,
}

/// One line of `config show`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct EffectiveSetting {
    pub key: &'static str,
    pub value: Option<String>,
    pub source: Source,
}

pub async fn effective(store: &Store) -> Result<Vec<EffectiveSetting>, SettingsError> {
    let mut out = Vec::with_capacity(SettingKey::ALL.len());
    for key in SettingKey::ALL {
        let env = std::env::var(key.env_var())
            .ok()
            .filter(|v| !v.trim().is_empty());
        let (value, source) = if let Some(v) = env {
            let v = key.validate(&v).map_err(|e| SettingsError::InvalidEnv {
                var: key.env_var(),
                rule: invalid_rule(e),
            })?;
            (Some(v), Source::Environment)
        } else if let Some(v) = store.setting(key.as_str()).await? {
            (Some(v), Source::Database)
        } else {
            (key.default_value().map(str::to_owned), Source::Default)
        };
        out.push(EffectiveSetting {
            key: key.as_str(),
            value,
            source,
        });
    }
    Ok(out)
}

fn invalid_rule(e: SettingsError) -> String {
    match e {
        SettingsError::Invalid { rule, .. } => rule,
        other => other.to_string(),
    }
}

/// Validates and stores a setting.
pub async fn set(store: &Store, key: SettingKey, value: &str) -> Result<String, SettingsError> {
    let canonical = key.validate(value)?;
    store.set_setting(key.as_str(), &canonical).await?;
    Ok(canonical)
}

impl Settings {
    pub async fn load(store: &Store) -> Result<Settings, SettingsError> {
        let values = effective(store).await?;
        let get = |key: SettingKey| {
            values
                .iter()
                .find(|s| s.key == key.as_str())
                .and_then(|s| s.value.clone())
        };
        let duration = |key: SettingKey| -> Duration {
            get(key)
                .and_then(|v| humantime::parse_duration(&v).ok())
                .or_else(|| {
                    key.default_value()
                        .and_then(|v| humantime::parse_duration(v).ok())
                })
                .unwrap_or(Duration::from_secs(60))
        };
        // A switch that is on unless set off.
        let flag = |key: SettingKey| get(key).is_none_or(|v| v == "true");
        Ok(Settings {
            prowlarr_url: get(SettingKey::ProwlarrUrl),
            telegram_chat_id: get(SettingKey::TelegramChatId),
            telegram_api_url: get(SettingKey::TelegramApiUrl)
                .unwrap_or_else(|| "https://api.telegram.org".into()),
            telegram_user_ids: get(SettingKey::TelegramUserIds)
                .and_then(|v| user_ids(&v).ok())
                .unwrap_or_default(),
            concurrency: get(SettingKey::Concurrency)
                .and_then(|v| v.parse().ok())
                .unwrap_or(5),
            interval: duration(SettingKey::Interval),
            prowlarr_timeout: duration(SettingKey::ProwlarrTimeout),
            desktop_notifications: flag(SettingKey::DesktopNotifications),
            search_mode: match get(SettingKey::SearchMode).as_deref() {
                Some("search_all") => SearchMode::SearchAll,
                _ => SearchMode::Feed,
            },
            schedule: SearchSchedule {
                every: duration(SettingKey::SearchEvery),
                budget_per_hour: get(SettingKey::SearchBudget)
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(100),
            },
            web_public_url: get(SettingKey::WebPublicUrl),
            telegram_enabled: flag(SettingKey::TelegramEnabled),
            ntfy_url: get(SettingKey::NtfyUrl).unwrap_or_else(|| "https://ntfy.sh".into()),
            ntfy_topic: get(SettingKey::NtfyTopic),
            ntfy_priority: get(SettingKey::NtfyPriority)
                .and_then(|v| crate::ntfy::Priority::parse(&v))
                .unwrap_or_default(),
            ntfy_enabled: flag(SettingKey::NtfyEnabled),
            webhook_url: get(SettingKey::WebhookUrl),
            webhook_enabled: flag(SettingKey::WebhookEnabled),
        })
    }
}
