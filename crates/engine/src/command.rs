//! The one contract between the engine and its faces: every operation a user can ask for, as a typed
//! [`Command`], run by [`dispatch`], failing with a [`RemoteError`] of a closed set of [`ErrorKind`]s.
//!
//! The transports parse their input into a `Command` and nothing else: the local socket (`{"cmd", "args"}`
//! lines from the window), the HTTP API (a route and its body), the CLI. So a rule of the service holds for
//! every face, and a command is added in one place. The window's Tauri command list, its capabilities and the
//! UI's `backend.ts` are kept in agreement with [`Command::NAMES`] by a test (`tests/contract.rs`).
//!
//! On the wire a command is adjacently tagged: `{"cmd": "update_item", "args": {"id": 3, "spec": {...}}}`;
//! commands without arguments may leave `args` out or send `null` or `{}`.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::channel::ChannelId;
use crate::model::ItemSpec;
use crate::redact::scrub_known;
use crate::secrets::SecretName;
use crate::service::{Face, Service, ServiceError, SettingsInput};

/// A user's operation on the engine.
#[derive(Debug, Clone, Deserialize, strum::VariantNames, strum::IntoStaticStr)]
#[serde(
    tag = "cmd",
    content = "args",
    rename_all = "snake_case",
    deny_unknown_fields
)]
#[strum(serialize_all = "snake_case")]
pub enum Command {
    ListItems,
    AddItem {
        spec: ItemSpec,
    },
    UpdateItem {
        id: i64,
        spec: ItemSpec,
    },
    SetItemEnabled {
        id: i64,
        enabled: bool,
    },
    /// A muted item is searched and recorded but not notified.
    SetItemMuted {
        id: i64,
        muted: bool,
    },
    DeleteItem {
        id: i64,
    },
    /// A whole watchlist in the export format: all of it is imported, or nothing.
    ImportItems {
        json: String,
    },
    ExportItems,
    /// "Try a release name": how `title` parses and what it matches (`spec`: against that item only).
    TryRelease {
        title: String,
        #[serde(default)]
        spec: Option<ItemSpec>,
    },
    FoundReleases {
        #[serde(default)]
        item_id: Option<i64>,
    },
    /// Sends a found release to a download client through Prowlarr, once; `face` is who asks (the window
    /// when not said).
    Grab {
        found_id: i64,
        #[serde(default = "window")]
        face: Face,
    },
    /// Which download client takes a grab of each protocol, or why none can.
    GrabTargets,
    GetSettings,
    SaveSettings {
        input: SettingsInput,
    },
    /// `name` is a [`SecretName`] (`prowlarr-api-key`, `telegram-bot-token`); another is refused on the field.
    SetSecret {
        name: String,
        value: String,
    },
    TestProwlarr,
    /// "Send test message" on one channel (Telegram when not said).
    SendTestMessage {
        #[serde(default = "telegram")]
        channel: ChannelId,
    },
    /// The chats messages to the bot came from, for the chat id setting (waits up to 25 s for one).
    DetectTelegramChats,
    GetStatus,
    GetMonitoring,
    CheckNow,
    SetPaused {
        paused: bool,
    },
    RetryFailed,
    /// Sets the web UI's password (hashed, never stored in clear); every web session ends.
    SetWebPassword {
        password: String,
    },
    /// Makes a new API key, answered once as `{"api_key"}`; the old key stops working.
    NewApiKey,
}

impl Command {
    /// Every command's name, as the transports spell it.
    pub const NAMES: &'static [&'static str] = <Command as strum::VariantNames>::VARIANTS;

    /// The command's name (`"list_items"`).
    pub fn name(&self) -> &'static str {
        self.into()
    }

    /// Reads a command from its name and its arguments (`null` or an object). An unknown name and malformed
    /// arguments are told apart: the first means the face and the engine are of different versions.
    pub fn parse(name: &str, args: Value) -> Result<Command, RemoteError> {
        if !Command::NAMES.contains(&name) {
            return Err(RemoteError::new(
                ErrorKind::UnknownCommand,
                format!(
                    "unknown command {name:?}: this face and the engine are from different versions; update or restart NightWatcher"
                ),
                None,
            ));
        }
        // A command without arguments has none to check: `{}` from a generic client is as good as `null`.
        let args = match args {
            Value::Object(map) if map.is_empty() => Value::Null,
            other => other,
        };
        let tagged = if args.is_null() {
            json!({ "cmd": name })
        } else {
            json!({ "cmd": name, "args": args })
        };
        serde_json::from_value(tagged).map_err(|e| {
            RemoteError::new(
                ErrorKind::Validation,
                format!("malformed arguments for {name}: {e}"),
                None,
            )
        })
    }
}

/// Runs one command on the service. The result is the command's answer as JSON (`null` for those without).
pub async fn dispatch(service: &Service, command: Command) -> Result<Value, RemoteError> {
    use Command as C;
    match command {
        C::ListItems => to_json(service.list_items().await?),
        C::AddItem { spec } => to_json(service.add_item(spec).await?),
        C::UpdateItem { id, spec } => to_json(service.update_item(id, spec).await?),
        C::SetItemEnabled { id, enabled } => to_json(service.set_item_enabled(id, enabled).await?),
        C::SetItemMuted { id, muted } => to_json(service.set_item_muted(id, muted).await?),
        C::DeleteItem { id } => to_json(service.delete_item(id).await?),
        C::ImportItems { json } => to_json(service.import_items(&json).await?),
        C::ExportItems => to_json(service.export_items().await?),
        C::TryRelease { title, spec } => to_json(service.try_release(&title, spec).await?),
        C::FoundReleases { item_id } => to_json(service.found_releases(item_id).await?),
        C::Grab { found_id, face } => to_json(service.grab(found_id, face, None).await?),
        C::GrabTargets => to_json(service.grab_targets().await?),
        C::GetSettings => to_json(service.settings().await?),
        C::SaveSettings { input } => to_json(service.save_settings(input).await?),
        C::SetSecret { name, value } => {
            let name: SecretName = name
                .parse()
                .map_err(|e: String| RemoteError::validation("name", e))?;
            to_json(service.set_secret(name, &value).await?)
        }
        C::TestProwlarr => to_json(service.test_prowlarr().await?),
        C::SendTestMessage { channel } => to_json(service.send_test_message(channel).await?),
        C::DetectTelegramChats => to_json(service.detect_telegram_chats().await?),
        C::GetStatus => to_json(service.status().await),
        C::GetMonitoring => to_json(service.monitoring().await),
        C::CheckNow => {
            service.check_now();
            Ok(Value::Null)
        }
        C::SetPaused { paused } => to_json(service.set_paused(paused).await?),
        C::RetryFailed => to_json(service.retry_failed().await?),
        C::SetWebPassword { password } => to_json(service.set_web_password(password).await?),
        C::NewApiKey => Ok(json!({ "api_key": service.new_api_key().await? })),
    }
}

/// Reads and runs a command given by name and JSON arguments, as the socket receives it.
pub async fn dispatch_json(
    service: &Service,
    name: &str,
    args: Value,
) -> Result<Value, RemoteError> {
    dispatch(service, Command::parse(name, args)?).await
}

fn window() -> Face {
    Face::App
}

fn telegram() -> ChannelId {
    ChannelId::Telegram
}

fn to_json<T: Serialize>(value: T) -> Result<Value, RemoteError> {
    serde_json::to_value(value)
        .map_err(|e| RemoteError::internal(format!("the result could not be serialized: {e}")))
}

/// Why a command failed, which tells a face where to show it: next to a form field (`validation`), on the
/// Settings page (`keyring`, `not_configured`), on the login page (`unauthorized`), in the status bar otherwise.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::VariantNames,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum ErrorKind {
    Validation,
    NotFound,
    NotConfigured,
    Prowlarr,
    Telegram,
    /// ntfy or the webhook refused a message or could not be reached.
    Channel,
    Keyring,
    Import,
    Internal,
    /// The engine's process is gone (quit, crashed) or was never there.
    EngineStopped,
    /// A second window asked to register; the first was focused instead.
    AlreadyOpen,
    UnknownCommand,
    /// No session or API key, or a wrong one (HTTP 401).
    Unauthorized,
    /// Authenticated, but the request is refused: a cross-site form, a missing CSRF header (HTTP 403).
    Forbidden,
    /// Too many failed logins from one address: wait and try again (HTTP 429).
    TooManyRequests,
    /// The request's body is over the size cap (HTTP 413).
    TooLarge,
    /// A remote engine cannot be reached.
    Unreachable,
}

crate::closed_set!(ErrorKind);

/// A failed command as every face receives it: `{"kind", "message", "field"}`.
///
/// Messages are scrubbed of secrets on the way out: they are shown, and a face may log them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{message}")]
pub struct RemoteError {
    pub kind: ErrorKind,
    pub message: String,
    #[serde(default)]
    pub field: Option<String>,
}

impl RemoteError {
    pub fn new(kind: ErrorKind, message: impl Into<String>, field: Option<&str>) -> RemoteError {
        RemoteError {
            kind,
            message: scrub_known(&message.into()),
            field: field.map(str::to_owned),
        }
    }

    /// A refused input, shown next to `field`.
    pub fn validation(field: &str, message: impl Into<String>) -> RemoteError {
        RemoteError::new(ErrorKind::Validation, message, Some(field))
    }

    pub fn internal(message: impl Into<String>) -> RemoteError {
        RemoteError::new(ErrorKind::Internal, message, None)
    }

    /// The engine's process is gone (quit, crashed) or was never there.
    pub fn engine_gone() -> RemoteError {
        RemoteError::new(
            ErrorKind::EngineStopped,
            "NightWatcher's engine has stopped: start NightWatcher again",
            None,
        )
    }
}

impl From<&ServiceError> for ErrorKind {
    fn from(e: &ServiceError) -> Self {
        match e {
            ServiceError::Validation(_) => ErrorKind::Validation,
            ServiceError::NotFound(_) => ErrorKind::NotFound,
            ServiceError::NotConfigured(_) => ErrorKind::NotConfigured,
            ServiceError::Prowlarr(_) => ErrorKind::Prowlarr,
            ServiceError::Telegram(_) => ErrorKind::Telegram,
            ServiceError::Channel(_) => ErrorKind::Channel,
            ServiceError::Keyring(_) => ErrorKind::Keyring,
            ServiceError::Import(_) => ErrorKind::Import,
            ServiceError::Internal(_) => ErrorKind::Internal,
        }
    }
}

impl From<ServiceError> for RemoteError {
    fn from(e: ServiceError) -> Self {
        RemoteError::new(ErrorKind::from(&e), e.to_string(), e.field())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap
mod tests {
    use super::*;
    use crate::validation::ValidationError;

    #[test]
    fn commands_without_arguments_accept_none_null_or_an_empty_object() {
        for args in [Value::Null, json!({})] {
            assert!(matches!(
                Command::parse("list_items", args).unwrap(),
                Command::ListItems
            ));
        }
    }

    #[test]
    fn arguments_are_typed() {
        let c = Command::parse("set_item_enabled", json!({"id": 4, "enabled": false})).unwrap();
        assert!(matches!(
            c,
            Command::SetItemEnabled {
                id: 4,
                enabled: false
            }
        ));
        assert_eq!(c.name(), "set_item_enabled");
        let e = Command::parse("set_item_enabled", json!({"id": "four"})).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Validation);
        assert!(e.message.contains("set_item_enabled"), "{}", e.message);
    }

    #[test]
    fn a_misspelt_argument_is_refused_not_ignored() {
        let e = Command::parse("found_releases", json!({"itemId": 3})).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Validation);
        assert!(e.message.contains("itemId"), "{}", e.message);
    }

    #[test]
    fn an_unknown_command_says_the_versions_differ() {
        let e = Command::parse("format_disk", Value::Null).unwrap_err();
        assert_eq!(e.kind, ErrorKind::UnknownCommand);
        assert!(e.message.contains("different versions"), "{}", e.message);
    }

    #[test]
    fn every_name_is_a_command() {
        assert_eq!(Command::NAMES.len(), 25);
        for name in Command::NAMES {
            // Either it parses without arguments, or it asks for them: never "unknown".
            if let Err(e) = Command::parse(name, Value::Null) {
                assert_eq!(e.kind, ErrorKind::Validation, "{name}");
            }
        }
    }

    #[test]
    fn a_validation_error_keeps_its_field() {
        let e = RemoteError::from(ServiceError::Validation(ValidationError::new(
            "year",
            "must be between 1888 and 2100",
        )));
        assert_eq!(
            serde_json::to_value(&e).unwrap(),
            json!({"kind": "validation", "message": "year: must be between 1888 and 2100", "field": "year"})
        );
    }

    #[test]
    fn other_errors_have_a_null_field() {
        let e = RemoteError::from(ServiceError::NotConfigured(
            "set the Prowlarr URL in Settings".into(),
        ));
        assert_eq!(
            serde_json::to_value(&e).unwrap(),
            json!({"kind": "not_configured", "message": "set the Prowlarr URL in Settings", "field": null})
        );
    }

    #[test]
    fn messages_lose_api_keys() {
        let e = RemoteError::from(ServiceError::Prowlarr(
            "GET http://pr:9696/api/v1/search?apikey=abcdef123456 failed".into(),
        ));
        assert!(!e.message.contains("abcdef123456"), "{}", e.message);
    }

    #[test]
    fn error_kinds_serialize_as_their_names() {
        for name in ErrorKind::NAMES {
            let kind: ErrorKind = serde_json::from_value(json!(name)).unwrap();
            assert_eq!(kind.as_str(), *name);
            assert_eq!(serde_json::to_value(kind).unwrap(), json!(name));
        }
    }
}
