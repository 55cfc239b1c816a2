//! Credentials: the Prowlarr API key, the Telegram bot token, the ntfy access token, the webhook secret, and
//! the API key of a server a desktop app is attached to.
//!
//! They live in the OS keyring (Secret Service on Linux, through the `keyring` crate with its platform
//! features enabled explicitly: without them keyring 3 silently uses an in-memory mock). Environment variables
//! override the keyring, for servers without a Secret Service and for tests. A [`Secret`] never prints its value:
//! `Debug` and `Display` show `[redacted]`, so a secret cannot slip into a log line or an error by accident.

use std::fmt;

/// A secret value. Only [`Secret::expose`] gives the text, at the one place that needs it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(crate::redact::REDACTED)
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(crate::redact::REDACTED)
    }
}

/// The secrets NightWatcher keeps. Serialized as [`SecretName::as_str`] (`prowlarr-api-key`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SecretName {
    ProwlarrApiKey,
    TelegramBotToken,
    /// The API key of the NightWatcher server a desktop app is attached to.
    ServerApiKey,
    /// An ntfy access token (`tk_…`) for a protected topic.
    NtfyToken,
    /// Sent with every webhook request, for the receiver to check.
    WebhookSecret,
}

impl SecretName {
    pub const ALL: [SecretName; 5] = [
        SecretName::ProwlarrApiKey,
        SecretName::TelegramBotToken,
        SecretName::ServerApiKey,
        SecretName::NtfyToken,
        SecretName::WebhookSecret,
    ];

    /// The name used on the command line and as the keyring entry's user.
    pub fn as_str(self) -> &'static str {
        match self {
            SecretName::ProwlarrApiKey => "prowlarr-api-key",
            SecretName::TelegramBotToken => "telegram-bot-token",
            SecretName::ServerApiKey => "server-api-key",
            SecretName::NtfyToken => "ntfy-token",
            SecretName::WebhookSecret => "webhook-secret",
        }
    }

    /// The name of the field a form shows it in (`prowlarr_api_key`).
    pub fn field(self) -> &'static str {
        match self {
            SecretName::ProwlarrApiKey => "prowlarr_api_key",
            SecretName::TelegramBotToken => "telegram_bot_token",
            SecretName::ServerApiKey => "server_api_key",
            SecretName::NtfyToken => "ntfy_token",
            SecretName::WebhookSecret => "webhook_secret",
        }
    }

    /// The environment variable that overrides the keyring.
    pub fn env_var(self) -> &'static str {
        match self {
            SecretName::ProwlarrApiKey => "NIGHTWATCHER_PROWLARR_API_KEY",
            SecretName::TelegramBotToken => "NIGHTWATCHER_TELEGRAM_BOT_TOKEN",
            SecretName::ServerApiKey => "NIGHTWATCHER_SERVER_API_KEY",
            SecretName::NtfyToken => "NIGHTWATCHER_NTFY_TOKEN",
            SecretName::WebhookSecret => "NIGHTWATCHER_WEBHOOK_SECRET",
        }
    }
}

impl std::str::FromStr for SecretName {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        SecretName::ALL
            .into_iter()
            .find(|n| n.as_str() == s)
            .ok_or_else(|| {
                format!(
                    "unknown secret {s:?}: the secrets are {}",
                    SecretName::ALL.map(SecretName::as_str).join(", ")
                )
            })
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    /// What to do is the face's to say ([`crate::remedy::Remedy::UnlockKeyring`]): a desktop user unlocks
    /// the keyring, a server can set the secrets' environment variables instead.
    #[error("the OS keyring is not available ({0})")]
    Unavailable(String),
    #[error(
        "the OS keyring is locked ({0}). Unlock it (log in to the desktop session, or unlock the login keyring) and try again"
    )]
    Locked(String),
    #[error("the secret must not be empty")]
    Empty,
}

/// Where a secret's value came from; what `secret status` reports (never the value).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretSource {
    Environment,
    Keyring,
}

pub trait SecretStore: Send + Sync {
    fn get(&self, name: SecretName) -> Result<Option<Secret>, SecretError>;
    fn set(&self, name: SecretName, value: &Secret) -> Result<(), SecretError>;
    fn delete(&self, name: SecretName) -> Result<(), SecretError>;
}

/// The OS keyring. Entries are (service, user) = (`nightwatcher`, `prowlarr-api-key` | `telegram-bot-token`).
pub struct KeyringStore {
    service: String,
}

impl KeyringStore {
    pub const DEFAULT_SERVICE: &'static str = "nightwatcher";

    /// The service name can be changed (`NIGHTWATCHER_KEYRING_SERVICE`) so that tests and a second
    /// installation do not share entries with the user's own.
    pub fn new(service: impl Into<String>) -> Self {
        KeyringStore {
            service: service.into(),
        }
    }

    pub fn from_env() -> Self {
        KeyringStore::new(
            std::env::var("NIGHTWATCHER_KEYRING_SERVICE")
                .unwrap_or_else(|_| Self::DEFAULT_SERVICE.to_owned()),
        )
    }

    fn entry(&self, name: SecretName) -> Result<keyring::Entry, SecretError> {
        keyring::Entry::new(&self.service, name.as_str()).map_err(map_keyring_error)
    }
}

fn map_keyring_error(e: keyring::Error) -> SecretError {
    match e {
        keyring::Error::NoStorageAccess(inner) => {
            let text = inner.to_string();
            if text.to_ascii_lowercase().contains("locked") {
                SecretError::Locked(text)
            } else {
                SecretError::Unavailable(text)
            }
        }
        keyring::Error::PlatformFailure(inner) => SecretError::Unavailable(inner.to_string()),
        other => SecretError::Unavailable(other.to_string()),
    }
}

impl SecretStore for KeyringStore {
    fn get(&self, name: SecretName) -> Result<Option<Secret>, SecretError> {
        match self.entry(name)?.get_password() {
            Ok(v) => Ok(Some(Secret::new(v))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(map_keyring_error(e)),
        }
    }

    fn set(&self, name: SecretName, value: &Secret) -> Result<(), SecretError> {
        if value.expose().trim().is_empty() {
            return Err(SecretError::Empty);
        }
        self.entry(name)?
            .set_password(value.expose())
            .map_err(map_keyring_error)
    }

    fn delete(&self, name: SecretName) -> Result<(), SecretError> {
        match self.entry(name)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(map_keyring_error(e)),
        }
    }
}

/// Environment variables first, then the inner store. Setting and deleting go to the inner store.
pub struct EnvOverride<S> {
    inner: S,
}

impl<S: SecretStore> EnvOverride<S> {
    pub fn new(inner: S) -> Self {
        EnvOverride { inner }
    }

    /// Where the secret currently comes from, if it is set at all.
    pub fn source(&self, name: SecretName) -> Result<Option<SecretSource>, SecretError> {
        if env_value(name).is_some() {
            return Ok(Some(SecretSource::Environment));
        }
        Ok(self.inner.get(name)?.map(|_| SecretSource::Keyring))
    }
}

fn env_value(name: SecretName) -> Option<Secret> {
    std::env::var(name.env_var())
        .ok()
        .filter(|v| !v.trim().is_empty())
        .map(Secret::new)
}

impl<S: SecretStore> SecretStore for EnvOverride<S> {
    fn get(&self, name: SecretName) -> Result<Option<Secret>, SecretError> {
        match env_value(name) {
            Some(v) => Ok(Some(v)),
            None => self.inner.get(name),
        }
    }
    fn set(&self, name: SecretName, value: &Secret) -> Result<(), SecretError> {
        self.inner.set(name, value)
    }
    fn delete(&self, name: SecretName) -> Result<(), SecretError> {
        self.inner.delete(name)
    }
}

/// An in-process store for unit tests of code that takes a [`SecretStore`].
#[derive(Default)]
pub struct MemoryStore {
    values: std::sync::Mutex<std::collections::HashMap<&'static str, Secret>>,
}

impl SecretStore for MemoryStore {
    fn get(&self, name: SecretName) -> Result<Option<Secret>, SecretError> {
        Ok(self
            .values
            .lock()
            .map_err(|e| SecretError::Unavailable(e.to_string()))?
            .get(name.as_str())
            .cloned())
    }
    fn set(&self, name: SecretName, value: &Secret) -> Result<(), SecretError> {
        if value.expose().trim().is_empty() {
            return Err(SecretError::Empty);
        }
        self.values
            .lock()
            .map_err(|e| SecretError::Unavailable(e.to_string()))?
            .insert(name.as_str(), value.clone());
        Ok(())
    }
    fn delete(&self, name: SecretName) -> Result<(), SecretError> {
        self.values
            .lock()
            .map_err(|e| SecretError::Unavailable(e.to_string()))?
            .remove(name.as_str());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_never_formats_its_value() {
        let s = Secret::new("hunter2-value");
        assert_eq!(format!("{s} {s:?}"), "[redacted] [redacted]");
        assert_eq!(s.expose(), "hunter2-value");
    }

    #[test]
    fn secret_names_parse_from_the_cli_spelling() {
        assert_eq!(
            "prowlarr-api-key".parse::<SecretName>().unwrap(),
            SecretName::ProwlarrApiKey
        );
        assert!("password".parse::<SecretName>().is_err());
    }
}
