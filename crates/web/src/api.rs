//! The routes of `/api/v1` (docs/http-api.md), each a [`Command`] of the engine's contract run by
//! [`command::dispatch`]: this module only reads the route and its body into a command, and its answer into
//! the route's status and shape.

use axum::extract::DefaultBodyLimit;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use nightwatcher_engine::channel::ChannelId;
use nightwatcher_engine::command::{self, Command, ErrorKind, RemoteError};
use nightwatcher_engine::model::ItemSpec;
use nightwatcher_engine::secrets::SecretName;
use nightwatcher_engine::service::{Face, SettingsInput};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::auth::{self, Caller};
use crate::body::{JsonBody, MAX_BODY, MAX_IMPORT_BODY, RawBody};
use crate::error::ApiError;
use crate::{Shared, sse};

pub(crate) fn routes() -> Router<Shared> {
    Router::new()
        .route("/health", get(health))
        .route("/login", post(auth::login))
        .route("/logout", post(auth::logout))
        .route("/items", get(list_items).post(add_item))
        .route(
            "/items/import",
            post(import_items).layer(DefaultBodyLimit::max(MAX_IMPORT_BODY)),
        )
        .route("/items/export", get(export_items))
        .route(
            "/items/{id}",
            get(get_item).put(update_item).delete(delete_item),
        )
        .route("/items/{id}/enabled", put(set_item_enabled))
        .route("/items/{id}/muted", put(set_item_muted))
        .route("/found", get(found_releases))
        .route("/found/{id}/grab", post(grab))
        .route("/grab-targets", get(grab_targets))
        .route("/status", get(status))
        .route("/check", post(check_now))
        .route("/pause", post(pause))
        .route("/resume", post(resume))
        .route("/notifications/retry-failed", post(retry_failed))
        .route("/settings", get(get_settings).put(put_settings))
        .route("/settings/test-prowlarr", post(test_prowlarr))
        .route("/settings/test-telegram", post(test_telegram))
        .route("/channels/{channel}/test", post(test_channel))
        .route("/settings/detect-telegram-chat", post(detect_telegram_chat))
        .route("/try-release", post(try_release))
        .route("/web/password", put(set_web_password))
        .route("/web/api-key", post(new_api_key))
        // The browser's and attached desktops' one route: it carries their imports too.
        .route(
            "/command",
            post(any_command).layer(DefaultBodyLimit::max(MAX_IMPORT_BODY)),
        )
        .route("/events", get(sse::events))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .fallback(unknown_route)
        .method_not_allowed_fallback(wrong_method)
}

/// Runs one command of the contract. A password change also ends this server's sessions at once (the
/// credentials' generation voids them anyway, also for a change made by another process).
async fn run(state: &Shared, command: Command) -> Result<Value, ApiError> {
    let changes_password = matches!(command, Command::SetWebPassword { .. });
    let answer = command::dispatch(&state.service, command).await?;
    if changes_password {
        state.sessions.end_all();
    }
    Ok(answer)
}

async fn json(state: &Shared, command: Command) -> Result<Json<Value>, ApiError> {
    run(state, command).await.map(Json)
}

async fn no_content(state: &Shared, command: Command) -> Result<StatusCode, ApiError> {
    run(state, command).await.map(|_| StatusCode::NO_CONTENT)
}

async fn health() -> Json<Value> {
    Json(json!({"status": "ok"}))
}

async fn unknown_route() -> ApiError {
    ApiError::not_found("no such API route: see docs/http-api.md")
}

async fn wrong_method() -> Response {
    let mut response = ApiError::not_found("this route does not take that method").into_response();
    *response.status_mut() = StatusCode::METHOD_NOT_ALLOWED;
    response
}

/// An item id in a path; anything but a number is no item.
fn item_id(raw: &str) -> Result<i64, ApiError> {
    raw.parse()
        .map_err(|_| ApiError::not_found(format!("no watchlist item with id {raw:?}")))
}

async fn list_items(State(state): State<Shared>, _: Caller) -> Result<Response, ApiError> {
    let body = state
        .items_body
        .get_or_load(state.service.store(), async || {
            let items = run(&state, Command::ListItems).await?;
            serde_json::to_vec(&items)
                .map(axum::body::Bytes::from)
                .map_err(|e| ApiError::from(RemoteError::internal(e.to_string())))
        })
        .await?;
    Ok(([(header::CONTENT_TYPE, "application/json")], body).into_response())
}

async fn add_item(
    State(state): State<Shared>,
    _: Caller,
    JsonBody(spec): JsonBody<ItemSpec>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let item = json(&state, Command::AddItem { spec }).await?;
    Ok((StatusCode::CREATED, item))
}

async fn get_item(
    State(state): State<Shared>,
    _: Caller,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let id = item_id(&id)?;
    let items = run(&state, Command::ListItems).await?;
    items
        .as_array()
        .and_then(|items| items.iter().find(|i| i["id"] == json!(id)))
        .cloned()
        .map(Json)
        .ok_or_else(|| ApiError::not_found(format!("no watchlist item with id {id}")))
}

async fn update_item(
    State(state): State<Shared>,
    _: Caller,
    Path(id): Path<String>,
    JsonBody(spec): JsonBody<ItemSpec>,
) -> Result<Json<Value>, ApiError> {
    let id = item_id(&id)?;
    json(&state, Command::UpdateItem { id, spec }).await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Enabled {
    enabled: bool,
}

async fn set_item_enabled(
    State(state): State<Shared>,
    _: Caller,
    Path(id): Path<String>,
    JsonBody(body): JsonBody<Enabled>,
) -> Result<StatusCode, ApiError> {
    let id = item_id(&id)?;
    let enabled = body.enabled;
    no_content(&state, Command::SetItemEnabled { id, enabled }).await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Muted {
    muted: bool,
}

async fn set_item_muted(
    State(state): State<Shared>,
    _: Caller,
    Path(id): Path<String>,
    JsonBody(body): JsonBody<Muted>,
) -> Result<StatusCode, ApiError> {
    let id = item_id(&id)?;
    let muted = body.muted;
    no_content(&state, Command::SetItemMuted { id, muted }).await
}

async fn delete_item(
    State(state): State<Shared>,
    _: Caller,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let id = item_id(&id)?;
    no_content(&state, Command::DeleteItem { id }).await
}

async fn import_items(
    State(state): State<Shared>,
    _: Caller,
    RawBody(body): RawBody,
) -> Result<Json<Value>, ApiError> {
    let json = String::from_utf8(body.to_vec())
        .map_err(|_| ApiError::malformed("the import is not UTF-8 text"))?;
    let imported = run(&state, Command::ImportItems { json }).await?;
    Ok(Json(json!({ "imported": imported })))
}

async fn export_items(State(state): State<Shared>, _: Caller) -> Result<Response, ApiError> {
    // The command answers the export's text: sent as it is, the same bytes `watchlist export` prints.
    let text = match run(&state, Command::ExportItems).await? {
        Value::String(text) => text,
        other => other.to_string(),
    };
    Ok(([(header::CONTENT_TYPE, "application/json")], text).into_response())
}

async fn found_releases(
    State(state): State<Shared>,
    _: Caller,
    RawQuery(query): RawQuery,
) -> Result<Json<Value>, ApiError> {
    let mut item_id = None;
    for pair in query.as_deref().unwrap_or("").split('&') {
        match pair.split_once('=') {
            Some(("item", v)) => {
                item_id = Some(v.parse::<i64>().map_err(|_| {
                    RemoteError::validation("item", format!("{v:?} is not an item id"))
                })?);
            }
            _ if pair.is_empty() => {}
            _ => {
                return Err(ApiError::malformed(format!(
                    "unknown query parameter {pair:?}: /found takes ?item=ID"
                )));
            }
        }
    }
    json(&state, Command::FoundReleases { item_id }).await
}

/// Sends a found release to a download client through Prowlarr, once: → the grab; a failed grab → `502`.
async fn grab(
    State(state): State<Shared>,
    _: Caller,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let found_id = id
        .parse()
        .map_err(|_| ApiError::not_found(format!("no found release has the id {id:?}")))?;
    json(
        &state,
        Command::Grab {
            found_id,
            face: Face::Web,
        },
    )
    .await
}

async fn grab_targets(State(state): State<Shared>, _: Caller) -> Result<Json<Value>, ApiError> {
    json(&state, Command::GrabTargets).await
}

async fn status(State(state): State<Shared>, _: Caller) -> Result<Json<Value>, ApiError> {
    let status = run(&state, Command::GetStatus).await?;
    let monitoring = run(&state, Command::GetMonitoring).await?;
    Ok(Json(json!({"status": status, "monitoring": monitoring})))
}

async fn check_now(State(state): State<Shared>, _: Caller) -> Result<StatusCode, ApiError> {
    run(&state, Command::CheckNow).await?;
    Ok(StatusCode::ACCEPTED)
}

async fn pause(State(state): State<Shared>, _: Caller) -> Result<Json<Value>, ApiError> {
    json(&state, Command::SetPaused { paused: true }).await
}

async fn resume(State(state): State<Shared>, _: Caller) -> Result<Json<Value>, ApiError> {
    json(&state, Command::SetPaused { paused: false }).await
}

async fn retry_failed(State(state): State<Shared>, _: Caller) -> Result<Json<Value>, ApiError> {
    let requeued = run(&state, Command::RetryFailed).await?;
    Ok(Json(json!({ "requeued": requeued })))
}

async fn get_settings(State(state): State<Shared>, _: Caller) -> Result<Json<Value>, ApiError> {
    json(&state, Command::GetSettings).await
}

/// The settings, and the secrets, which go to the keyring and never come back.
#[derive(Deserialize)]
struct SettingsBody {
    #[serde(flatten)]
    input: SettingsInput,
    #[serde(default)]
    prowlarr_api_key: Option<String>,
    #[serde(default)]
    telegram_bot_token: Option<String>,
    #[serde(default)]
    ntfy_token: Option<String>,
    #[serde(default)]
    webhook_secret: Option<String>,
}

async fn put_settings(
    State(state): State<Shared>,
    _: Caller,
    JsonBody(body): JsonBody<SettingsBody>,
) -> Result<Json<Value>, ApiError> {
    // The settings are all validated before any is stored; then the secrets.
    let mut view = run(&state, Command::SaveSettings { input: body.input }).await?;
    let secrets = [
        (SecretName::ProwlarrApiKey, body.prowlarr_api_key),
        (SecretName::TelegramBotToken, body.telegram_bot_token),
        (SecretName::NtfyToken, body.ntfy_token),
        (SecretName::WebhookSecret, body.webhook_secret),
    ];
    for (name, value) in secrets {
        if let Some(value) = value {
            let name = name.as_str().to_owned();
            view = run(&state, Command::SetSecret { name, value }).await?;
        }
    }
    Ok(Json(view))
}

async fn test_prowlarr(State(state): State<Shared>, _: Caller) -> Result<Json<Value>, ApiError> {
    json(&state, Command::TestProwlarr).await
}

async fn test_telegram(State(state): State<Shared>, _: Caller) -> Result<StatusCode, ApiError> {
    let channel = ChannelId::Telegram;
    no_content(&state, Command::SendTestMessage { channel }).await
}

async fn test_channel(
    State(state): State<Shared>,
    _: Caller,
    Path(channel): Path<String>,
) -> Result<StatusCode, ApiError> {
    let channel: ChannelId = channel.parse().map_err(|_| {
        ApiError::not_found(format!(
            "no channel {channel:?}: the channels are {}",
            ChannelId::NAMES.join(", ")
        ))
    })?;
    no_content(&state, Command::SendTestMessage { channel }).await
}

/// `item`: an item as it is being edited, or the id of a stored one.
#[derive(Deserialize)]
#[serde(untagged)]
enum TryItem {
    Id(i64),
    Spec(Box<ItemSpec>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TryBody {
    title: String,
    #[serde(default)]
    item: Option<TryItem>,
}

async fn detect_telegram_chat(
    State(state): State<Shared>,
    _: Caller,
) -> Result<Json<Value>, ApiError> {
    json(&state, Command::DetectTelegramChats).await
}

async fn try_release(
    State(state): State<Shared>,
    _: Caller,
    JsonBody(body): JsonBody<TryBody>,
) -> Result<Json<Value>, ApiError> {
    let spec = match body.item {
        None => None,
        Some(TryItem::Spec(spec)) => Some(*spec),
        Some(TryItem::Id(id)) => {
            let item = state
                .service
                .store()
                .items()
                .await
                .map_err(|e| ApiError::new(ErrorKind::Internal, e.to_string()))?
                .into_iter()
                .find(|i| i.id == id)
                .ok_or_else(|| ApiError::not_found(format!("no watchlist item with id {id}")))?;
            Some(item.to_spec())
        }
    };
    json(
        &state,
        Command::TryRelease {
            title: body.title,
            spec,
        },
    )
    .await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Password {
    password: String,
}

async fn set_web_password(
    State(state): State<Shared>,
    _: Caller,
    headers: HeaderMap,
    JsonBody(body): JsonBody<Password>,
) -> Result<Response, ApiError> {
    let password = body.password;
    run(&state, Command::SetWebPassword { password }).await?;
    Ok(auth::cleared(&state, &headers))
}

async fn new_api_key(State(state): State<Shared>, _: Caller) -> Result<Json<Value>, ApiError> {
    json(&state, Command::NewApiKey).await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AnyCommand {
    cmd: String,
    #[serde(default)]
    args: Value,
}

/// `POST /command`: any command of the contract by name, as the window's socket takes it.
async fn any_command(
    State(state): State<Shared>,
    _: Caller,
    JsonBody(body): JsonBody<AnyCommand>,
) -> Result<Json<Value>, ApiError> {
    let command = Command::parse(&body.cmd, body.args)?;
    json(&state, command).await
}
