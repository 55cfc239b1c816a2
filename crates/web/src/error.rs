//! Failed requests as the API answers them: `{"error": {"kind", "message", "field"}}` with the status of its
//! kind (the table in `docs/http-api.md`).

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use nightwatcher_engine::command::{ErrorKind, RemoteError};
use nightwatcher_engine::service::ServiceError;
use serde_json::json;

/// A failure to answer, with a `Retry-After` for throttled logins.
#[derive(Debug)]
pub(crate) struct ApiError {
    pub error: RemoteError,
    pub retry_after: Option<u64>,
}

impl ApiError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> ApiError {
        RemoteError::new(kind, message, None).into()
    }

    pub fn unauthorized(message: impl Into<String>) -> ApiError {
        ApiError::new(ErrorKind::Unauthorized, message)
    }

    pub fn forbidden(message: impl Into<String>) -> ApiError {
        ApiError::new(ErrorKind::Forbidden, message)
    }

    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(ErrorKind::NotFound, message)
    }

    /// A body that is not what the route takes (not JSON, wrong types): 400, no field.
    pub fn malformed(message: impl Into<String>) -> ApiError {
        ApiError::new(ErrorKind::Validation, message)
    }

    pub fn too_many_requests(retry_after: u64) -> ApiError {
        ApiError {
            retry_after: Some(retry_after),
            ..ApiError::new(
                ErrorKind::TooManyRequests,
                format!("too many failed logins from this address: try again in {retry_after} s"),
            )
        }
    }

    pub fn status(&self) -> StatusCode {
        status_of(self.error.kind, self.error.field.is_some())
    }
}

/// The HTTP status of an error kind.
pub(crate) fn status_of(kind: ErrorKind, has_field: bool) -> StatusCode {
    use ErrorKind as K;
    match kind {
        K::Validation if has_field => StatusCode::UNPROCESSABLE_ENTITY,
        K::Validation | K::UnknownCommand => StatusCode::BAD_REQUEST,
        K::Import => StatusCode::UNPROCESSABLE_ENTITY,
        K::Unauthorized => StatusCode::UNAUTHORIZED,
        K::Forbidden => StatusCode::FORBIDDEN,
        K::NotFound => StatusCode::NOT_FOUND,
        K::AlreadyOpen => StatusCode::CONFLICT,
        K::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
        K::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
        K::Internal | K::Keyring => StatusCode::INTERNAL_SERVER_ERROR,
        K::Prowlarr | K::Telegram | K::Channel => StatusCode::BAD_GATEWAY,
        K::NotConfigured | K::EngineStopped | K::Unreachable => StatusCode::SERVICE_UNAVAILABLE,
    }
}

impl From<RemoteError> for ApiError {
    fn from(error: RemoteError) -> Self {
        ApiError {
            error,
            retry_after: None,
        }
    }
}

impl From<ServiceError> for ApiError {
    fn from(e: ServiceError) -> Self {
        RemoteError::from(e).into()
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        let mut response = (status, Json(json!({ "error": self.error }))).into_response();
        if let Some(secs) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        response
    }
}

/// A path outside the URL base.
pub(crate) async fn outside_base() -> ApiError {
    ApiError::not_found("nothing here: NightWatcher is served under its URL base")
}
