//! The error every command returns, as the UI receives it: `{"kind", "message", "field"}`.
//!
//! The kind tells the UI where to show the error (next to a form field for `validation`, on the Settings page
//! for `keyring`, in the status bar otherwise), so it must survive the IPC boundary as a value, not be folded
//! into a string. The engine already classifies its errors; the shell adds only the cases it owns (a link it
//! refuses to open, a secret name it does not know). Messages are scrubbed once more on the way out: they are
//! shown, and the UI may log them.

use nightwatcher_engine::redact::scrub_known;
use nightwatcher_engine::service::ServiceError;
use serde::ser::{Serialize, SerializeStruct, Serializer};

#[derive(Debug, thiserror::Error)]
pub enum IpcError {
    /// Whatever the engine said; its kind and field pass through.
    #[error(transparent)]
    Service(#[from] ServiceError),
    /// `open_link` was given something that is not an http(s) link.
    #[error("{0}")]
    Link(String),
    /// `set_secret` was given a name that is not one of the two secrets.
    #[error("unknown secret {0:?}: use prowlarr-api-key or telegram-bot-token")]
    UnknownSecret(String),
    /// The desktop could not open a valid link (no browser, no `xdg-open`).
    #[error("the link could not be opened ({0}); copy it into a browser instead")]
    OpenFailed(String),
}

impl IpcError {
    pub fn kind(&self) -> &'static str {
        match self {
            IpcError::Service(e) => e.kind(),
            IpcError::Link(_) | IpcError::UnknownSecret(_) => "validation",
            IpcError::OpenFailed(_) => "internal",
        }
    }

    pub fn field(&self) -> Option<&'static str> {
        match self {
            IpcError::Service(e) => e.field(),
            IpcError::Link(_) => Some("url"),
            IpcError::UnknownSecret(_) => Some("name"),
            IpcError::OpenFailed(_) => None,
        }
    }
}

impl Serialize for IpcError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("IpcError", 3)?;
        s.serialize_field("kind", self.kind())?;
        s.serialize_field("message", &scrub_known(&self.to_string()))?;
        s.serialize_field("field", &self.field())?;
        s.end()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap (STYLE.md)
mod tests {
    use super::*;
    use nightwatcher_engine::model::ValidationError;
    use serde_json::json;

    #[test]
    fn a_validation_error_serializes_with_its_field() {
        let e = IpcError::from(ServiceError::Validation(ValidationError::new(
            "year",
            "must be between 1888 and 2100",
        )));
        assert_eq!(
            serde_json::to_value(&e).unwrap(),
            json!({"kind": "validation", "message": "year: must be between 1888 and 2100", "field": "year"})
        );
    }

    #[test]
    fn other_errors_serialize_with_a_null_field() {
        let e = IpcError::from(ServiceError::NotConfigured(
            "set the Prowlarr URL in Settings".into(),
        ));
        assert_eq!(
            serde_json::to_value(&e).unwrap(),
            json!({"kind": "not_configured", "message": "set the Prowlarr URL in Settings", "field": null})
        );
    }

    #[test]
    fn a_refused_link_is_a_validation_error_on_the_url_field() {
        let e = IpcError::Link("only http and https links can be opened".into());
        let v = serde_json::to_value(&e).unwrap();
        assert_eq!(v["kind"], "validation");
        assert_eq!(v["field"], "url");
    }

    #[test]
    fn messages_lose_api_keys_on_the_way_out() {
        let e = IpcError::from(ServiceError::Prowlarr(
            "GET http://pr:9696/api/v1/search?apikey=abcdef123456 failed".into(),
        ));
        let message = serde_json::to_value(&e).unwrap()["message"]
            .as_str()
            .unwrap()
            .to_owned();
        assert!(!message.contains("abcdef123456"), "{message}");
    }
}
