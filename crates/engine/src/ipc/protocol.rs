//! The messages on the socket (see the [module docs](super)).

use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use crate::command::RemoteError;

/// Commands about where the engine runs — in this process or on a server — answered by the app's shell, not
/// by an engine: `get_engine`, `test_engine {url, api_key}`, `set_engine {mode, url?, api_key?}`.
pub const SHELL_COMMANDS: &[&str] = &["get_engine", "test_engine", "set_engine"];

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

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap
mod tests {
    use super::*;
    use serde_json::json;

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
