//! Settings: stored in the database, overridden by environment variables.
//!
//! Secrets are not settings: they live in the keyring ([`crate::secrets`]). Every value is validated on the way
//! in (`config set`, an environment variable), so a bad value is refused with the rule it breaks instead of
//! surfacing later as a failed check.

use std::time::Duration;

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
}

impl SettingKey {
    pub const ALL: [SettingKey; 14] = [
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
        }
    }

    /// The value used when neither the environment nor the database sets one.
    pub fn default_value(self) -> Option<&'static str> {
        match self {
            SettingKey::ProwlarrUrl
            | SettingKey::TelegramChatId
            | SettingKey::TelegramUserIds
            | SettingKey::WebListen
            | SettingKey::WebUrlBase => None,
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

    /// Checks a value and returns it in canonical form.
    pub fn validate(self, value: &str) -> Result<String, SettingsError> {
        let value = value.trim();
        let invalid = |rule: &str| SettingsError::Invalid {
            key: self.as_str(),
            rule: rule.to_owned(),
        };
        match self {
            SettingKey::ProwlarrUrl | SettingKey::TelegramApiUrl => {
                // "localhost:9696" parses as a URL of scheme "localhost": say what is missing instead.
                let looks_like_host = match value.split_once(':') {
                    None => !value.is_empty(),
                    Some((_, rest)) => rest.starts_with(|c: char| c.is_ascii_digit()),
                };
                if looks_like_host {
                    return Err(invalid(&format!(
                        "has no scheme: write it with http:// or https:// in front, such as http://{value}"
                    )));
                }
                let url = url::Url::parse(value).map_err(|e| {
                    invalid(&format!(
                        "must be an http(s) URL such as http://localhost:9696 ({e})"
                    ))
                })?;
                if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
                    return Err(invalid(
                        "must be an http(s) URL with a host, such as http://localhost:9696",
                    ));
                }
                if url.query().is_some() || !url.username().is_empty() || url.password().is_some() {
                    return Err(invalid(
                        "must not carry a query or credentials (the API key goes to the keyring)",
                    ));
                }
                Ok(value.trim_end_matches('/').to_owned())
            }
            SettingKey::TelegramChatId => {
                crate::telegram::parse_chat_id(value).map_err(|e| invalid(&e))?;
                Ok(value.to_owned())
            }
            SettingKey::Concurrency => match value.parse::<u32>() {
                Ok(n) if (1..=20).contains(&n) => Ok(n.to_string()),
                _ => Err(invalid("must be a whole number from 1 to 20")),
            },
            SettingKey::Interval => {
                let d = humantime::parse_duration(value)
                    .map_err(|_| invalid("must be a duration such as 15m, 1h or 1h30m"))?;
                if d < Duration::from_secs(60) || d > Duration::from_secs(7 * 24 * 3600) {
                    return Err(invalid(
                        "must be between 1m and 7d (indexers ban clients that poll too often)",
                    ));
                }
                Ok(value.to_owned())
            }
            SettingKey::ProwlarrTimeout => {
                let d = humantime::parse_duration(value)
                    .map_err(|_| invalid("must be a duration such as 90s or 2m"))?;
                if d < Duration::from_secs(1) || d > Duration::from_secs(600) {
                    return Err(invalid("must be between 1s and 10m"));
                }
                Ok(value.to_owned())
            }
            SettingKey::SearchMode => match value.to_ascii_lowercase().replace('-', "_").as_str() {
                "feed" => Ok("feed".to_owned()),
                "search_all" => Ok("search_all".to_owned()),
                _ => Err(invalid(
                    "must be feed (read the latest releases once per check, search each item every few hours) or search_all (search every item on every check)",
                )),
            },
            SettingKey::SearchEvery => {
                let d = humantime::parse_duration(value)
                    .map_err(|_| invalid("must be a duration such as 6h or 12h"))?;
                if d < Duration::from_secs(3600) || d > Duration::from_secs(7 * 24 * 3600) {
                    return Err(invalid("must be between 1h and 7d"));
                }
                Ok(value.to_owned())
            }
            SettingKey::SearchBudget => match value.parse::<u32>() {
                Ok(n) if (1..=1000).contains(&n) => Ok(n.to_string()),
                _ => Err(invalid(
                    "must be a whole number of searches per hour from 1 to 1000",
                )),
            },
            SettingKey::WebListen => value
                .parse::<std::net::SocketAddr>()
                .map(|a| a.to_string())
                .map_err(|_| {
                    invalid(
                        "must be an address and a port such as 127.0.0.1:8711 (0.0.0.0:8711 for every interface, [::1]:8711 for IPv6)",
                    )
                }),
            SettingKey::WebUrlBase => canonical_url_base(value).map_err(|rule| invalid(&rule)),
            SettingKey::TelegramUserIds => user_ids(value)
                .map(|ids| {
                    ids.iter()
                        .map(u64::to_string)
                        .collect::<Vec<_>>()
                        .join(",")
                })
                .map_err(|rule| invalid(&rule)),
            SettingKey::DesktopNotifications | SettingKey::WebTrustForwarded => match value
                .to_ascii_lowercase()
                .as_str()
            {
                "true" | "on" | "yes" | "1" => Ok("true".to_owned()),
                "false" | "off" | "no" | "0" => Ok("false".to_owned()),
                _ => Err(invalid("must be true or false")),
            },
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
    #[error(
        "unknown setting {0:?}: the settings are prowlarr_url, telegram_chat_id, telegram_api_url, telegram_user_ids, concurrency, interval, prowlarr_timeout, desktop_notifications, search_mode, search_every, search_budget, web_listen, web_url_base, web_trust_forwarded"
    )]
    UnknownKey(String),
    #[error("{key}: {rule}")]
    Invalid { key: &'static str, rule: String },
    #[error("environment variable {var}: {rule}")]
    InvalidEnv { var: &'static str, rule: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The Telegram user ids of `telegram_user_ids`: numbers separated by commas or spaces (none: everyone in
/// the chat).
fn user_ids(value: &str) -> Result<Vec<u64>, String> {
    value
        .split([',', ' '])
        .filter(|part| !part.is_empty())
        .map(|part| {
            part.parse::<u64>().ok().filter(|id| *id > 0).ok_or_else(|| {
                format!(
                    "{part:?} is not a Telegram user id: write the numeric ids separated by commas, such as \
                     123456789,987654321 (a user's id is shown by \"Detect\" when they write to the bot)"
                )
            })
        })
        .collect()
}

/// A URL base (`web_url_base`) in canonical form: `""` for none, else `/a/b` (a leading slash, no trailing one),
/// of unreserved URL characters only, so it can go into a cookie's `Path` and an HTML attribute as it is.
pub fn canonical_url_base(value: &str) -> Result<String, String> {
    let trimmed = value.trim().trim_end_matches('/');
    if trimmed.is_empty() {
        return Ok(String::new());
    }
    let rule =
        "must be a path such as /nightwatcher: a leading /, then letters, digits, - . _ ~ and /";
    if !trimmed.starts_with('/') {
        return Err(rule.to_owned());
    }
    let segments_ok = trimmed[1..].split('/').all(|segment| {
        !segment.is_empty()
            && segment != "."
            && segment != ".."
            && segment
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | '~'))
    });
    if !segments_ok {
        return Err(rule.to_owned());
    }
    Ok(trimmed.to_owned())
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
            desktop_notifications: get(SettingKey::DesktopNotifications)
                .is_none_or(|v| v == "true"),
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
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_accept_dashes_and_underscores() {
        assert_eq!(
            "prowlarr-url".parse::<SettingKey>().unwrap(),
            SettingKey::ProwlarrUrl
        );
        assert_eq!(
            "CONCURRENCY".parse::<SettingKey>().unwrap(),
            SettingKey::Concurrency
        );
        assert!("colour".parse::<SettingKey>().is_err());
    }

    #[test]
    fn urls_must_be_http_with_a_host_and_no_credentials() {
        let k = SettingKey::ProwlarrUrl;
        assert_eq!(
            k.validate("http://localhost:9696/").unwrap(),
            "http://localhost:9696"
        );
        for bare in ["localhost:9696", "192.168.1.20:9696", "nas"] {
            let err = k.validate(bare).unwrap_err().to_string();
            assert!(
                err.contains(&format!("has no scheme: write it with http:// or https:// in front, such as http://{bare}")),
                "{bare}: {err}"
            );
        }
        assert!(k.validate("file:///etc/passwd").is_err());
        assert!(k.validate("javascript:alert(1)").is_err());
        assert!(k.validate("http://h:9696/?apikey=x").is_err());
    }

    #[test]
    fn concurrency_and_interval_are_bounded() {
        assert!(SettingKey::Concurrency.validate("0").is_err());
        assert!(SettingKey::Concurrency.validate("21").is_err());
        assert_eq!(SettingKey::Concurrency.validate(" 5 ").unwrap(), "5");
        assert!(SettingKey::Interval.validate("10s").is_err());
        assert!(SettingKey::Interval.validate("soon").is_err());
        assert_eq!(SettingKey::Interval.validate("1h30m").unwrap(), "1h30m");
    }

    #[test]
    fn web_settings_are_validated_naming_the_setting() {
        assert_eq!(
            SettingKey::WebListen.validate(" 0.0.0.0:8711 ").unwrap(),
            "0.0.0.0:8711"
        );
        assert_eq!(
            SettingKey::WebListen.validate("[::1]:8711").unwrap(),
            "[::1]:8711"
        );
        for bad in [
            "localhost",
            "8711",
            "127.0.0.1",
            "127.0.0.1:99999",
            "nas:8711",
        ] {
            let err = SettingKey::WebListen.validate(bad).unwrap_err().to_string();
            assert!(err.starts_with("web_listen: "), "{bad}: {err}");
        }
        assert_eq!(
            SettingKey::WebUrlBase.validate("/nightwatcher/").unwrap(),
            "/nightwatcher"
        );
        assert_eq!(SettingKey::WebUrlBase.validate("/").unwrap(), "");
        assert_eq!(
            SettingKey::TelegramUserIds.validate(" 12, 34 56 ").unwrap(),
            "12,34,56"
        );
        assert_eq!(SettingKey::TelegramUserIds.validate("").unwrap(), "");
        let err = SettingKey::TelegramUserIds
            .validate("12,@bob")
            .unwrap_err()
            .to_string();
        assert!(err.contains("\"@bob\" is not a Telegram user id"), "{err}");
        assert_eq!(SettingKey::WebUrlBase.validate("/a/b-c").unwrap(), "/a/b-c");
        for bad in ["nightwatcher", "/a//b", "/../x", "/a b", "/a\"b", "/a;b"] {
            let err = SettingKey::WebUrlBase
                .validate(bad)
                .unwrap_err()
                .to_string();
            assert!(err.starts_with("web_url_base: "), "{bad}: {err}");
        }
        assert_eq!(
            SettingKey::WebTrustForwarded.validate("yes").unwrap(),
            "true"
        );
        let err = SettingKey::WebTrustForwarded
            .validate("maybe")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("web_trust_forwarded: "), "{err}");
    }

    #[test]
    fn chat_ids_are_numbers_or_channel_names() {
        assert!(
            SettingKey::TelegramChatId
                .validate("-1001234567890")
                .is_ok()
        );
        assert!(SettingKey::TelegramChatId.validate("@my_channel").is_ok());
        assert!(SettingKey::TelegramChatId.validate("my chat").is_err());
    }
}
