//! The engine as the commands reach it: a service started for one command, its typed commands run on it, and
//! a refused command turned into the line and exit status the user gets. Shared by every command module.

use std::sync::Arc;

use anyhow::anyhow;
use nightwatcher_engine::command::{self, Command as EngineCommand, ErrorKind, RemoteError};
use nightwatcher_engine::events::Events;
use nightwatcher_engine::secrets::{EnvOverride, KeyringStore};
use nightwatcher_engine::service::{Service, ServiceOptions};
use nightwatcher_engine::store::Store;
use serde_json::Value;

use crate::failure::Failure;

/// Exit status when Prowlarr cannot be used (wrong key, unreachable).
pub(crate) const EXIT_PROWLARR: u8 = 2;

pub(crate) fn secret_store() -> EnvOverride<KeyringStore> {
    EnvOverride::new(KeyringStore::from_env())
}

/// Starts a service for this one command (no scheduler and no delivery worker: `Service::start_one_shot`),
/// runs `work` on it, and stops it.
pub(crate) async fn on_service<T>(
    store: &Store,
    work: impl AsyncFnOnce(&Service) -> Result<T, Failure>,
) -> Result<T, Failure> {
    let service = Service::start_one_shot(
        store.clone(),
        Arc::new(secret_store()),
        Events::new(),
        ServiceOptions::default(),
    )
    .await;
    let result = work(&service).await;
    service.shutdown().await;
    result
}

/// Runs one of the engine's commands, as the window's socket does; its answer as JSON.
pub(crate) async fn run_command(service: &Service, cmd: EngineCommand) -> Result<Value, Failure> {
    command::dispatch(service, cmd).await.map_err(refused)
}

/// A command the engine refused, said as the window says it: a refused input names its field ("title: must
/// not be blank"). Exit 2 when Prowlarr cannot be used, else 1.
pub(crate) fn refused(e: RemoteError) -> Failure {
    let code = if e.kind == ErrorKind::Prowlarr {
        EXIT_PROWLARR
    } else {
        1
    };
    let message = match e.field {
        Some(field)
            if e.kind == ErrorKind::Validation && !e.message.starts_with(&format!("{field}:")) =>
        {
            format!("{field}: {}", e.message)
        }
        _ => e.message,
    };
    Failure {
        error: anyhow!(message),
        code,
    }
}
