//! What the user can do about a problem, said by each face in its own words.
//!
//! The engine's errors and [`crate::status::Problem`]s say what is wrong, and carry a typed [`Remedy`] when
//! the fix is one the user makes in NightWatcher (a setting, a secret, "Retry failed"). The faces render it:
//! the window, the tray and the browser point into Settings ([`Remedy::for_app`]); `nightwatcherd` names the
//! command to run ([`Remedy::for_cli`]). So a desktop user is never told to run a command, and a server user
//! is never sent to a Settings page they do not have.
//!
//! Which error has which remedy is [`crate::diagnose`]'s concern; this module only says what a remedy is
//! and how each face words it, so the status types can carry one without depending on every error.

use serde::{Deserialize, Serialize};

use crate::secrets::SecretName;
use crate::settings::SettingKey;

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
        SettingKey::TelegramUserIds => "the Telegram user ids the bot obeys",
        SettingKey::WebTrustForwarded => "whether to trust a reverse proxy",
        SettingKey::WebPublicUrl => "the web UI's public address",
        SettingKey::TelegramEnabled => "whether Telegram is on",
        SettingKey::NtfyUrl => "the ntfy server",
        SettingKey::NtfyTopic => "the ntfy topic",
        SettingKey::NtfyPriority => "the ntfy priority",
        SettingKey::NtfyEnabled => "whether ntfy is on",
        SettingKey::WebhookUrl => "the webhook URL",
        SettingKey::WebhookEnabled => "whether the webhook is on",
    }
}

fn secret_label(secret: SecretName) -> &'static str {
    match secret {
        SecretName::ProwlarrApiKey => "the Prowlarr API key",
        SecretName::TelegramBotToken => "the Telegram bot token",
        SecretName::ServerApiKey => "the NightWatcher server's API key (under Engine)",
        SecretName::NtfyToken => "the ntfy access token",
        SecretName::WebhookSecret => "the webhook secret",
    }
}

/// What `config set KEY` wants after the key, in the README's words.
fn value_placeholder(setting: SettingKey) -> &'static str {
    match setting {
        SettingKey::ProwlarrUrl
        | SettingKey::TelegramApiUrl
        | SettingKey::NtfyUrl
        | SettingKey::WebhookUrl
        | SettingKey::WebPublicUrl => "URL",
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

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap
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
}
