//! The rule each setting's value must keep, checked on the way in (`config set`, Settings, an environment
//! variable): a bad value is refused with the rule it breaks, and a good one is stored in canonical form.

use std::time::Duration;

use super::{SettingKey, SettingsError};

impl SettingKey {
    /// Checks a value and returns it in canonical form.
    pub fn validate(self, value: &str) -> Result<String, SettingsError> {
        let value = value.trim();
        let invalid = |rule: &str| SettingsError::Invalid {
            key: self.as_str(),
            rule: rule.to_owned(),
        };
        match self {
            SettingKey::ProwlarrUrl
            | SettingKey::TelegramApiUrl
            | SettingKey::NtfyUrl
            | SettingKey::WebPublicUrl
            | SettingKey::WebhookUrl => {
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
                if !url.username().is_empty() || url.password().is_some() {
                    return Err(invalid(
                        "must not carry credentials: they go to the keyring (`secret set`)",
                    ));
                }
                // A webhook's receiver may want a query; the others' addresses have none.
                if url.query().is_some() && self != SettingKey::WebhookUrl {
                    return Err(invalid(
                        "must not carry a query (an API key or token goes to the keyring)",
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
            SettingKey::NtfyTopic => {
                let ok = (1..=64).contains(&value.len())
                    && value
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'));
                if ok {
                    Ok(value.to_owned())
                } else {
                    Err(invalid(
                        "must be 1 to 64 letters, digits, - or _ (ntfy's rule for a topic name); on a public \
                         server, pick one nobody can guess",
                    ))
                }
            }
            SettingKey::NtfyPriority => crate::ntfy::Priority::parse(value)
                .map(|p| p.as_str().to_owned())
                .ok_or_else(|| invalid("must be min, low, default, high or max (or 1 to 5)")),
            SettingKey::DesktopNotifications
            | SettingKey::WebTrustForwarded
            | SettingKey::TelegramEnabled
            | SettingKey::NtfyEnabled
            | SettingKey::WebhookEnabled => match value
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

/// The Telegram user ids of `telegram_user_ids`: numbers separated by commas or spaces (none: everyone in
/// the chat).
pub(super) fn user_ids(value: &str) -> Result<Vec<u64>, String> {
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
