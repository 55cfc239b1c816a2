//! The web password and the API key as operations of the service (see [`crate::access`]): set from the
//! window, the browser or `nightwatcherd web`, checked by the web server.

use super::Service;
use super::ops::ServiceError;
use crate::access::{ACCESS_KEY, Access, AccessError};
use crate::model::ValidationError;

impl Service {
    /// The stored credentials, read now (another process may have changed them).
    pub async fn access(&self) -> Result<Access, ServiceError> {
        let stored = self.inner.store.setting(ACCESS_KEY).await?;
        Ok(Access::from_stored(stored.as_deref()))
    }

    /// Sets the web password; every web session made before ends.
    pub async fn set_web_password(&self, password: String) -> Result<(), ServiceError> {
        let current = self.access().await?;
        // Argon2 is slow by design: off the async threads.
        let changed = tokio::task::spawn_blocking(move || current.with_password(&password))
            .await
            .map_err(|e| ServiceError::Internal(format!("hashing the password failed: {e}")))?
            .map_err(|e| match e {
                AccessError::TooShort | AccessError::TooLong => {
                    ServiceError::Validation(ValidationError::new("password", e.to_string()))
                }
                AccessError::Hash(_) => ServiceError::Internal(e.to_string()),
            })?;
        self.inner
            .store
            .set_setting(ACCESS_KEY, &changed.to_stored())
            .await?;
        tracing::info!("the web password was changed: every web session has ended");
        Ok(())
    }

    /// Makes a new API key and returns it: the only time it is seen. The old key stops working.
    pub async fn new_api_key(&self) -> Result<String, ServiceError> {
        let (changed, key) = self.access().await?.with_new_api_key();
        self.inner
            .store
            .set_setting(ACCESS_KEY, &changed.to_stored())
            .await?;
        crate::redact::register_secret(&key);
        tracing::info!("a new API key was made: the old one no longer works");
        Ok(key)
    }

    /// Whether `password` is the web password (slow on purpose: off the async threads).
    pub async fn verify_web_password(&self, password: String) -> Result<bool, ServiceError> {
        let access = self.access().await?;
        tokio::task::spawn_blocking(move || access.verify_password(&password))
            .await
            .map_err(|e| ServiceError::Internal(format!("checking the password failed: {e}")))
    }
}
