//! What the user can do about a problem, said by each face in its own words.
//!
//! The engine's errors and [`crate::service::Problem`]s say what is wrong, and carry a typed [`Remedy`] when
//! the fix is one the user makes in NightWatcher (a setting, a secret, "Retry failed"). The faces render it:
//! the window, the tray and the browser point into Settings ([`Remedy::for_app`]); `nightwatcherd` names the
//! command to run ([`Remedy::for_cli`]). So a desktop user is never told to run a command, and a server user
//! is never sent to a Settings page they do not have.
//!
//! The errors' remedies are given here rather than beside each error, so the lower modules (settings,
//! secrets, the Prowlarr client) stay free of presentation; [`find`] reads one off any error chain, which is
//! what the daemon has in hand when a command fails.

use std::error::Error;

use serde::{Deserialize, Serialize};

use crate::prowlarr::ProwlarrError;
use crate::secrets::{SecretError, SecretName};
use crate::settings::{SettingKey, SettingsError};
use crate::setup::SetupError;

/// A fix the user makes in NightWatcher. On the wire: `{"action": "set_setting", "setting": "prowlarr_url"}`,
/// `{"action": "set_secret", "secret": "prowlarr-api-key"}`, `{"action": "retry_failed"}`,
/// `{"action": "unlock_keyring"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Remedy {
    /// Set (or correct) a setting.
    SetSetting { setting: SettingKey },
    /// Store (or replace) a secret.
    SetSecret { secret: SecretName },
    /// Fix what the message names, then queue the failed notifications again.
    RetryFailed,
    /// Start or unlock the OS keyring (the Secret Service).
    UnlockKeyring,
}

impl Remedy {
    /// For the window, the tray and the browser: where in NightWatcher to fix it. Never names a command.
    pub fn for_app(self) -> String {
        match self {
            Remedy::SetSetting { setting } => format!("set {} in Settings", setting_label(setting)),
            Remedy::SetSecret { secret } => format!("enter {} in Settings", secret_label(secret)),
            Remedy::RetryFailed => "fix it, then use Retry failed".to_owned(),
            Remedy::UnlockKeyring => {
                "unlock your system keyring (GNOME Keyring, KWallet)".to_owned()
            }
        }
    }

    /// For `nightwatcherd`: the command that fixes it, and the environment variable that overrides it.
    pub fn for_cli(self) -> String {
        match self {
            Remedy::SetSetting { setting } => format!(
                "run `nightwatcherd config set {} {}` or set {}",
                setting.as_str(),
                value_placeholder(setting),
                setting.env_var()
            ),
            Remedy::SetSecret { secret } => format!(
                "run `nightwatcherd secret set {}` (it reads the value from stdin) or set {}",
                secret.as_str(),
                secret.env_var()
            ),
            Remedy::RetryFailed => "fix it, then run `nightwatcherd retry-failed`".to_owned(),
            Remedy::UnlockKeyring => format!(
                "start or unlock a Secret Service (e.g. gnome-keyring) in this session, or set {}",
                SecretName::ALL.map(SecretName::env_var).join(" and ")
            ),
        }
    }
}

/// The Settings page's name for a setting, as a noun phrase.
fn setting_label(setting: SettingKey) -> &'static str {
    match setting {
        SettingKey::ProwlarrUrl => "the Prowlarr URL",
        SettingKey::TelegramChatId => "the Telegram chat id",
        SettingKey::TelegramApiUrl => "the Telegram API URL (under Advanced)",
        SettingKey::Concurrency => "the number of searches at once",
        SettingKey::Interval => "the check interval",
        SettingKey::ProwlarrTimeout => "the Prowlarr timeout",
        SettingKey::DesktopNotifications => "desktop notifications",
        SettingKey::SearchMode => "the search mode",
        SettingKey::SearchEvery => "how often each item is searched",
        SettingKey::SearchBudget => "the search budget",
        SettingKey::WebListen => "the web UI's address",
        SettingKey::WebUrlBase => "the web UI's URL base",
        SettingKey::WebTrustForwarded => "whether to trust a reverse proxy",
    }
}

fn secret_label(secret: SecretName) -> &'static str {
    match secret {
        SecretName::ProwlarrApiKey => "the Prowlarr API key",
        SecretName::TelegramBotToken => "the Telegram bot token",
        SecretName::ServerApiKey => "the NightWatcher server's API key (under Engine)",
    }
}

/// What `config set KEY` wants after the key, in the README's words.
fn value_placeholder(setting: SettingKey) -> &'static str {
    match setting {
        SettingKey::ProwlarrUrl | SettingKey::TelegramApiUrl => "URL",
        SettingKey::TelegramChatId => "CHAT_ID",
        _ => "VALUE",
    }
}

/// `message` followed by what the window, the tray or the browser says to do about it.
pub fn app_text(message: &str, remedy: Option<Remedy>) -> String {
    join(message, remedy.map(Remedy::for_app))
}

/// `message` followed by the command `nightwatcherd` says to run.
pub fn cli_text(message: &str, remedy: Option<Remedy>) -> String {
    join(message, remedy.map(Remedy::for_cli))
}

fn join(message: &str, remedy: Option<String>) -> String {
    match remedy {
        Some(remedy) => format!("{}: {remedy}", message.trim_end_matches('.')),
        None => message.to_owned(),
    }
}

/// The remedy of the first error in `error`'s chain (it and its sources) that has one.
pub fn find(error: &(dyn Error + 'static)) -> Option<Remedy> {
    let mut next = Some(error);
    while let Some(e) = next {
        if let Some(remedy) = remedy_of(e) {
            return Some(remedy);
        }
        next = e.source();
    }
    None
}

/// For `nightwatcherd`'s one-line failure report: `line` (the error as printed) with the command that fixes
/// it, when an error in `error`'s chain has a remedy.
pub fn with_cli_remedy(line: &str, error: &(dyn Error + 'static)) -> String {
    cli_text(line, find(error))
}

fn remedy_of(error: &(dyn Error + 'static)) -> Option<Remedy> {
    if let Some(e) = error.downcast_ref::<SetupError>() {
        return setup_remedy(e);
    }
    if let Some(e) = error.downcast_ref::<ProwlarrError>() {
        return prowlarr_remedy(e);
    }
    if let Some(e) = error.downcast_ref::<SecretError>() {
        return secret_remedy(e);
    }
    error
        .downcast_ref::<SettingsError>()
        .and_then(settings_remedy)
}

pub fn setup_remedy(e: &SetupError) -> Option<Remedy> {
    match e {
        SetupError::NoProwlarrUrl => Some(Remedy::SetSetting {
            setting: SettingKey::ProwlarrUrl,
        }),
        SetupError::NoApiKey => Some(Remedy::SetSecret {
            secret: SecretName::ProwlarrApiKey,
        }),
        SetupError::Secret(e) => secret_remedy(e),
        SetupError::Prowlarr(e) => prowlarr_remedy(e),
        SetupError::Telegram(_) => None,
    }
}

pub fn prowlarr_remedy(e: &ProwlarrError) -> Option<Remedy> {
    match e {
        ProwlarrError::InvalidUrl(_) => Some(Remedy::SetSetting {
            setting: SettingKey::ProwlarrUrl,
        }),
        ProwlarrError::InvalidApiKey(_) | ProwlarrError::Unauthorized => Some(Remedy::SetSecret {
            secret: SecretName::ProwlarrApiKey,
        }),
        _ => None,
    }
}

pub fn secret_remedy(e: &SecretError) -> Option<Remedy> {
    match e {
        SecretError::Unavailable(_) | SecretError::Locked(_) => Some(Remedy::UnlockKeyring),
        SecretError::Empty => None,
    }
}

pub fn settings_remedy(e: &SettingsError) -> Option<Remedy> {
    match e {
        SettingsError::Invalid { key, .. } => SettingKey::ALL
            .into_iter()
            .find(|k| k.as_str() == *key)
            .map(|setting| Remedy::SetSetting { setting }),
        // An environment variable overrides the setting: only whoever started the process can change it.
        SettingsError::InvalidEnv { .. }
        | SettingsError::UnknownKey(_)
        | SettingsError::Store(_) => None,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap (STYLE.md)
mod tests {
    use super::*;
    use serde_json::json;

    fn every_remedy() -> Vec<Remedy> {
        let mut all: Vec<Remedy> = SettingKey::ALL
            .into_iter()
            .map(|setting| Remedy::SetSetting { setting })
            .collect();
        all.extend(
            SecretName::ALL
                .into_iter()
                .map(|secret| Remedy::SetSecret { secret }),
        );
        all.extend([Remedy::RetryFailed, Remedy::UnlockKeyring]);
        all
    }

    #[test]
    fn the_app_points_into_settings_and_never_names_a_command() {
        for remedy in every_remedy() {
            let text = remedy.for_app();
            assert!(!text.contains("nightwatcherd"), "{remedy:?}: {text}");
            assert!(!text.contains("NIGHTWATCHER_"), "{remedy:?}: {text}");
            assert!(!text.contains('`'), "{remedy:?}: {text}");
        }
        assert_eq!(
            Remedy::SetSetting {
                setting: SettingKey::ProwlarrUrl
            }
            .for_app(),
            "set the Prowlarr URL in Settings"
        );
    }

    #[test]
    fn the_cli_names_the_command_that_fixes_it() {
        assert_eq!(
            Remedy::SetSetting {
                setting: SettingKey::ProwlarrUrl
            }
            .for_cli(),
            "run `nightwatcherd config set prowlarr_url URL` or set NIGHTWATCHER_PROWLARR_URL"
        );
        assert_eq!(
            Remedy::SetSecret {
                secret: SecretName::ProwlarrApiKey
            }
            .for_cli(),
            "run `nightwatcherd secret set prowlarr-api-key` (it reads the value from stdin) or set NIGHTWATCHER_PROWLARR_API_KEY"
        );
        assert!(
            Remedy::RetryFailed
                .for_cli()
                .contains("`nightwatcherd retry-failed`")
        );
        for remedy in every_remedy() {
            assert!(
                remedy.for_cli().contains("nightwatcherd")
                    || remedy.for_cli().contains("NIGHTWATCHER_"),
                "{remedy:?}"
            );
        }
    }

    #[test]
    fn remedies_are_machine_readable() {
        assert_eq!(
            serde_json::to_value(Remedy::SetSetting {
                setting: SettingKey::TelegramChatId
            })
            .unwrap(),
            json!({"action": "set_setting", "setting": "telegram_chat_id"})
        );
        assert_eq!(
            serde_json::to_value(Remedy::SetSecret {
                secret: SecretName::TelegramBotToken
            })
            .unwrap(),
            json!({"action": "set_secret", "secret": "telegram-bot-token"})
        );
        assert_eq!(
            serde_json::to_value(Remedy::RetryFailed).unwrap(),
            json!({"action": "retry_failed"})
        );
    }

    #[test]
    fn a_setup_error_says_what_is_wrong_and_each_face_what_to_do() {
        let e = SetupError::NoProwlarrUrl;
        assert_eq!(e.to_string(), "the Prowlarr URL is not set");
        assert_eq!(
            app_text(&e.to_string(), setup_remedy(&e)),
            "the Prowlarr URL is not set: set the Prowlarr URL in Settings"
        );
        assert!(
            cli_text(&e.to_string(), setup_remedy(&e))
                .contains("run `nightwatcherd config set prowlarr_url URL`")
        );
    }

    #[test]
    fn the_remedy_is_found_anywhere_in_an_error_chain() {
        #[derive(Debug, thiserror::Error)]
        #[error("cannot check")]
        struct Outer(#[source] SetupError);

        let outer = Outer(SetupError::NoApiKey);
        assert_eq!(
            find(&outer),
            Some(Remedy::SetSecret {
                secret: SecretName::ProwlarrApiKey
            })
        );
        let line = with_cli_remedy("cannot check: the Prowlarr API key is not set", &outer);
        assert!(
            line.ends_with("run `nightwatcherd secret set prowlarr-api-key` (it reads the value from stdin) or set NIGHTWATCHER_PROWLARR_API_KEY"),
            "{line}"
        );
        // A wrapped Prowlarr error keeps its remedy through the setup error.
        let wrapped = SetupError::Prowlarr(ProwlarrError::Unauthorized);
        assert_eq!(
            find(&wrapped),
            Some(Remedy::SetSecret {
                secret: SecretName::ProwlarrApiKey
            })
        );
        assert_eq!(find(&SecretError::Empty), None);
    }
}
