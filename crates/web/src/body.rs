//! Request bodies with the API's errors: over the cap → `413 too_large`, not JSON or of the wrong shape →
//! `400 validation` (no field: the request itself is wrong, not a value a user typed).

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use nightwatcher_engine::command::ErrorKind;
use serde::de::DeserializeOwned;

use crate::error::ApiError;

/// Bodies over this are refused (the cap of every route but the import).
pub(crate) const MAX_BODY: usize = 1024 * 1024;
/// `POST /items/import` takes a whole watchlist.
pub(crate) const MAX_IMPORT_BODY: usize = 16 * 1024 * 1024;

/// The raw body, under the route's cap.
pub(crate) struct RawBody(pub Bytes);

impl<S: Send + Sync> FromRequest<S> for RawBody {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<RawBody, ApiError> {
        Bytes::from_request(req, state)
            .await
            .map(RawBody)
            .map_err(|e| {
                if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    ApiError::new(
                        ErrorKind::TooLarge,
                        "the request's body is too large (1 MiB at most, 16 MiB for an import)",
                    )
                } else {
                    ApiError::malformed(format!("the request's body could not be read: {e}"))
                }
            })
    }
}

/// A JSON body of type `T`.
pub(crate) struct JsonBody<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<JsonBody<T>, ApiError> {
        let RawBody(bytes) = RawBody::from_request(req, state).await?;
        serde_json::from_slice(&bytes)
            .map(JsonBody)
            .map_err(|e| ApiError::malformed(format!("malformed JSON body: {e}")))
    }
}
