//! The web UI in the daemon: `run --listen` / `web_listen` serve it beside the watcher, and `nightwatcherd web`
//! sets its password and API key (kept hashed in the database, see `nightwatcher_engine::access`).
//!
//! `web password` and `web api-key` work on the database directly, through the service's functions for it,
//! rather than starting a service: that would close the check of a `nightwatcherd run` beside them as abandoned.

use std::io::{BufRead, IsTerminal};
use std::net::SocketAddr;

use anyhow::{Context, anyhow};
use nightwatcher_engine::service::{self, Service};
use nightwatcher_engine::settings::{SettingKey, WebSettings};
use nightwatcher_engine::store::Store;
use nightwatcher_web::{WebConfig, WebServer};

use crate::cli::WebCommand;
use crate::failure::Failure;

/// The web server `run` should start: `--listen` over the `web_listen` setting; `None` when neither is set.
/// Refused (before anything starts) when it may not serve: a non-loopback address without a password.
pub async fn config(store: &Store, listen: Option<String>) -> Result<Option<WebConfig>, Failure> {
    let mut settings = WebSettings::load(store).await?;
    if let Some(listen) = listen {
        let canonical = SettingKey::WebListen
            .validate(&listen)
            .map_err(|e| anyhow!("--listen {listen}: {}", rule_of(&e.to_string())))?;
        settings.listen = Some(canonical.parse::<SocketAddr>()?);
    }
    let Some(config) = WebConfig::from_settings(&settings) else {
        return Ok(None);
    };
    let access = service::web_access(store).await?;
    nightwatcher_web::check_listen(config.listen, &access)?;
    Ok(Some(config))
}

/// Whether `run` on the database `db` will serve the web UI (by `--listen` or the `web_listen` setting): its
/// runtime is chosen from that before it starts. Any doubt (no database yet, a setting `run` will refuse) is
/// `false`; `run` then says what is wrong.
pub async fn will_serve(db: Option<std::path::PathBuf>, listen: Option<String>) -> bool {
    if listen.is_some() {
        return true;
    }
    let Some(path) = db.or_else(|| Store::default_path().ok()) else {
        return false;
    };
    if !path.exists() {
        return false;
    }
    let Ok(store) = Store::open(&path).await else {
        return false;
    };
    let serves = matches!(config(&store, None).await, Ok(Some(_)));
    store.close().await;
    serves
}

/// Starts the web server beside the running service.
pub async fn start(service: &Service, config: WebConfig) -> Result<WebServer, Failure> {
    let server = WebServer::start(service.clone(), config).await?;
    tracing::info!(url = %server.url(), "web UI ready");
    Ok(server)
}

pub async fn command(store: &Store, cmd: WebCommand) -> Result<(), Failure> {
    match cmd {
        WebCommand::Password => {
            // Typed at a terminal, the password is not echoed; piped in, it is read as one line.
            let password = if std::io::stdin().is_terminal() {
                rpassword::prompt_password("Web password: ")
                    .context("cannot read the password from the terminal")?
            } else {
                let mut line = String::new();
                std::io::stdin()
                    .lock()
                    .read_line(&mut line)
                    .context("cannot read the password from stdin")?;
                line
            };
            let password = password.trim_end_matches(['\r', '\n']).to_owned();
            if password.is_empty() {
                return Err(anyhow!(
                    "no password on stdin: type it and press Enter, or pipe it in: `printf '%s\\n' \"$PASSWORD\" | nightwatcherd web password`"
                )
                .into());
            }
            service::set_web_password(store, password).await?;
            println!("web password set; every web session has ended");
        }
        WebCommand::ApiKey { new } => {
            if !new {
                return Err(anyhow!(
                    "an API key is shown only when it is made: `nightwatcherd web api-key --new` makes one (the previous key stops working)"
                )
                .into());
            }
            let key = service::new_api_key(store).await?;
            println!("{key}");
            eprintln!(
                "this is the only time the key is shown; send it as the header X-Api-Key. The previous key no longer works."
            );
        }
        WebCommand::Status => {
            let access = service::web_access(store).await?;
            let set = |yes: bool| if yes { "set" } else { "not set" };
            println!("{:<14} {}", "password", set(access.has_password()));
            println!("{:<14} {}", "api key", set(access.has_api_key()));
            let settings = WebSettings::load(store).await?;
            match settings.listen {
                Some(listen) => println!(
                    "{:<14} http://{listen}{}/ (web_listen)",
                    "serving at", settings.url_base
                ),
                None => println!(
                    "{:<14} not served: set web_listen or use `nightwatcherd run --listen ADDR:PORT`",
                    "serving at"
                ),
            }
        }
    }
    Ok(())
}

/// "web_listen: must be ..." → "must be ...".
fn rule_of(message: &str) -> &str {
    message.split_once(": ").map_or(message, |(_, rule)| rule)
}
