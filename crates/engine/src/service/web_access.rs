//! The web password and the API key as operations of the service (see [`crate::access`]): set from the
//! window, the browser or `nightwatcherd web`, checked by the web server.
//!
//! Each is also a function on a bare [`Store`], for `nightwatcherd web password` / `web api-key`: those must not
//! start a service of their own beside a running `nightwatcherd run` (a starting service closes the runs it
//! finds in progress as abandoned — the other process's check).

use super::Service;
use super::ops::ServiceError;
use crate::access::{ACCESS_KEY, Access, AccessError};
use crate::store::Store;
use crate::validation::ValidationError;

impl Service {
    /// The stored credentials, read now (another process may have changed them).
    pub async fn access(&self) -> Result<Access, ServiceError> {
        let store = &self.inner.store;
        self.inner
            .kept
            .access
            .get_or_load(store, async || web_access(store).await)
            .await
    }

    /// Sets the web password; every web session made before ends.
    pub async fn set_web_password(&self, password: String) -> Result<(), ServiceError> {
        set_web_password(&self.inner.store, password).await
    }

    /// Makes a new API key and returns it: the only time it is seen. The old key stops working.
    pub async fn new_api_key(&self) -> Result<String, ServiceError> {
        new_api_key(&self.inner.store).await
    }

    /// Whether `password` is the web password (slow on purpose: off the async threads).
    pub async fn verify_web_password(&self, password: String) -> Result<bool, ServiceError> {
        let access = self.access().await?;
        tokio::task::spawn_blocking(move || access.verify_password(&password))
            .await
            .map_err(|e| ServiceError::Internal(format!("checking the password failed: {e}")))
    }
}

/// [`Service::access`] on a database.
pub async fn web_access(store: &Store) -> Result<Access, ServiceError> {
    let stored = store.setting(ACCESS_KEY).await?;
    Ok(Access::from_stored(stored.as_deref()))
}

/// [`Service::set_web_password`] on a database.
pub async fn set_web_password(store: &Store, password: String) -> Result<(), ServiceError> {
    let current = web_access(store).await?;
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
    store.set_setting(ACCESS_KEY, &changed.to_stored()).await?;
    tracing::info!("the web password was changed: every web session has ended");
    Ok(())
}

/// [`Service::new_api_key`] on a database.
pub async fn new_api_key(store: &Store) -> Result<String, ServiceError> {
    let (changed, key) = web_access(store).await?.with_new_api_key();
    store.set_setting(ACCESS_KEY, &changed.to_stored()).await?;
    crate::redact::register_secret(&key);
    tracing::info!("a new API key was made: the old one no longer works");
    Ok(key)
}
