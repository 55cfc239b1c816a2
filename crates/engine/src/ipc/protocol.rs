//! The messages on the socket (see the [module docs](super)).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::redact::scrub_known;
use crate::service::ServiceError;

/// Longest line either side accepts: a whole watchlist import fits many times over.
pub const MAX_LINE_BYTES: usize = 32 * 1024 * 1024;

/// A command from a client.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request {
    pub id: u64,
    pub cmd: String,
    #[serde(default)]
    pub args: Value,
}

/// Everything the server sends.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ServerMessage {
    /// The answer to request `id`: `error` when it failed, otherwise `ok` (`null` for commands without a result).
    Reply {
        id: u64,
        #[serde(default)]
        ok: Value,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        error: Option<RemoteError>,
    },
    /// An engine event, named and shaped as the UI receives it ([`crate::events::Event::payload`]).
    Event { name: String, payload: Value },
    /// The user asked for the window: bring it to the front.
    Focus,
    /// The app is quitting: close the window.
    Close,
}

impl ServerMessage {
    pub fn reply(id: u64, result: Result<Value, RemoteError>) -> ServerMessage {
        match result {
            Ok(ok) => ServerMessage::Reply {
                id,
                ok,
                error: None,
            },
            Err(e) => ServerMessage::Reply {
                id,
                ok: Value::Null,
                error: Some(e),
            },
        }
    }
}

/// A failed command as the UI receives it: `{"kind", "message", "field"}`.
///
/// The kind tells the UI where to show the error (next to a form field for `validation`, on the Settings page
/// for `keyring`, in the status bar otherwise). Messages are scrubbed of secrets on the way out: they are shown,
/// and the UI may log them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{message}")]
pub struct RemoteError {
    pub kind: String,
    pub message: String,
    #[serde(default)]
    pub field: Option<String>,
}

impl RemoteError {
    pub fn new(kind: &str, message: impl Into<String>, field: Option<&str>) -> RemoteError {
        RemoteError {
            kind: kind.to_owned(),
            message: scrub_known(&message.into()),
            field: field.map(str::to_owned),
        }
    }

    /// A refused input, shown next to `field`.
    pub fn validation(field: &str, message: impl Into<String>) -> RemoteError {
        RemoteError::new("validation", message, Some(field))
    }

    pub fn internal(message: impl Into<String>) -> RemoteError {
        RemoteError::new("internal", message, None)
    }

    /// The engine's process is gone (quit, crashed) or was never there.
    pub fn engine_gone() -> RemoteError {
        RemoteError::new(
            "engine_stopped",
            "NightWatcher's engine has stopped: start NightWatcher again",
            None,
        )
    }
}

impl From<ServiceError> for RemoteError {
    fn from(e: ServiceError) -> Self {
        RemoteError::new(e.kind(), e.to_string(), e.field())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap (STYLE.md)
mod tests {
    use super::*;
    use crate::model::ValidationError;
    use serde_json::json;

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
    fn replies_round_trip() {
        for message in [
            ServerMessage::reply(3, Ok(json!([1, 2]))),
            ServerMessage::reply(4, Ok(Value::Null)),
            ServerMessage::reply(5, Err(RemoteError::validation("title", "empty"))),
            ServerMessage::Event {
                name: "items://changed".into(),
                payload: Value::Null,
            },
            ServerMessage::Focus,
            ServerMessage::Close,
        ] {
            let line = serde_json::to_string(&message).unwrap();
            assert!(!line.contains('\n'));
            assert_eq!(
                serde_json::from_str::<ServerMessage>(&line).unwrap(),
                message
            );
        }
    }

    #[test]
    fn a_reply_without_a_result_is_null() {
        let message: ServerMessage = serde_json::from_str(r#"{"type":"reply","id":9}"#).unwrap();
        assert_eq!(message, ServerMessage::reply(9, Ok(Value::Null)));
    }
}
