//! One function per command. Each is a thin adapter: parse the user's input into the engine's
//! [`EngineCommand`]s, run them on a [`Service`] started for this one command, print the answers. No rule of
//! the engine is here: what a command may do, and what else it sets off (the search a new item gets, the
//! monitoring snapshot a check writes), is the service's, as for the window. `secret` (the keyring only),
//! `config` (settings with where each value comes from) and `run` are the exceptions.

use std::io::{BufRead, Write};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, anyhow};
use nightwatcher_engine::command::{self, Command as EngineCommand, ErrorKind};
use nightwatcher_engine::events::Events;
use nightwatcher_engine::filters::ItemFilters;
use nightwatcher_engine::matcher::{self, ItemMatcher, Matcher, ReleaseInfo};
use nightwatcher_engine::model::{ItemSpec, WatchlistItem};
use nightwatcher_engine::redact::scrub_known;
use nightwatcher_engine::secrets::{Secret, SecretName, SecretSource, SecretStore};
use nightwatcher_engine::service::{CheckOnceError, OneShotCheck, Service};
use nightwatcher_engine::settings::{self, SettingKey, Settings};
use nightwatcher_engine::setup;
use nightwatcher_engine::store::Store;
use serde_json::Value;
use tokio_util::sync::CancellationToken;

use crate::cli::{AddArgs, Cli, Command, ConfigCommand, SecretCommand, WatchlistCommand};
use crate::engine::{EXIT_PROWLARR, on_service, refused, run_command, secret_store};
use crate::failure::Failure;

type Outcome = Result<(), Failure>;

pub async fn dispatch(cli: Cli) -> Outcome {
    if let Command::Secret(cmd) = &cli.command {
        // Secrets do not touch the database.
        return secret(cmd);
    }
    let path = match cli.db {
        Some(p) => p,
        None => Store::default_path()?,
    };
    let store = Store::open(&path).await?;
    let result = match cli.command {
        Command::Run { listen } => run(&store, listen).await,
        Command::Check { deliver_for } => check(&store, Duration::from_secs(deliver_for)).await,
        Command::Watchlist(cmd) => watchlist(&store, cmd).await,
        Command::Match { explain } => match_stdin(&store, explain).await,
        Command::Config(cmd) => config(&store, cmd).await,
        Command::Status { json } => status(&store, json).await,
        Command::RetryFailed => retry_failed(&store).await,
        Command::DetectChat => crate::chat::detect(&store).await,
        Command::Found { item, json } => crate::found::list(&store, item, json).await,
        Command::Grab { found_id } => crate::found::grab(&store, found_id).await,
        Command::Web(cmd) => crate::web::command(&store, cmd).await,
        Command::Channel(cmd) => crate::channels::command(&store, cmd).await,
        Command::Secret(_) => Ok(()),
    };
    store.close().await;
    result
}

/// How long `watchlist add` delivers what the search of the new item found; the rest goes with the next check.
const ADD_DELIVERS_FOR: Duration = Duration::from_secs(10);

async fn check(store: &Store, deliver_for: Duration) -> Outcome {
    let cancel = shutdown_on_signal();
    let report = on_service(store, async |service| {
        service
            .check_once(deliver_for, &cancel)
            .await
            .map_err(check_failed)
    })
    .await?;
    println!("{}", check_line(&report));
    Ok(())
}

fn check_failed(e: CheckOnceError) -> Failure {
    let code = match e {
        CheckOnceError::Prowlarr(_) => EXIT_PROWLARR,
        _ => 1,
    };
    Failure {
        error: anyhow!(e),
        code,
    }
}

/// The one line a check prints.
fn check_line(report: &OneShotCheck) -> String {
    let summary = &report.summary;
    format!(
        "checked {} items ({} feed pages, {} item searches) in {:.1} s: {} releases seen, {} new matches, {} errors; notifications: {} queued, {} sent, {} pending, {} failed",
        summary.items,
        summary.feed_requests,
        summary.searches,
        summary.duration_ms as f64 / 1000.0,
        summary.releases_seen,
        summary.new_matches,
        summary.errors,
        summary.notifications_queued,
        report.delivered.sent,
        report.notifications.pending,
        report.notifications.failed,
    )
}

async fn run(store: &Store, listen: Option<String>) -> Outcome {
    let settings = Settings::load(store).await?;
    // Refused before anything starts: a web UI that may not be served (no password on a LAN address).
    let web = crate::web::config(store, listen).await?;
    let secrets = Arc::new(secret_store());
    // Refuse to start with a configuration that cannot work, rather than log the same problem every interval.
    setup::prowlarr_client(&settings, secrets.as_ref())?;
    if setup::channels(&settings, secrets.as_ref())?.is_empty() {
        tracing::warn!(
            "no notification channel is set up and on (Telegram, ntfy or a webhook: see `nightwatcherd channel list`): releases are recorded but not sent"
        );
    }
    let service = Service::start(store.clone(), secrets, Events::new()).await;
    let web = match web {
        Some(config) => match crate::web::start(&service, config).await {
            Ok(server) => Some(server),
            Err(e) => {
                service.shutdown().await;
                return Err(e);
            }
        },
        None => None,
    };
    tracing::info!(
        interval_s = settings.interval.as_secs(),
        "watching; stop with Ctrl-C or SIGTERM"
    );
    shutdown_on_signal().cancelled().await;
    if let Some(web) = web {
        web.shutdown().await;
    }
    // No new search starts; searches in flight get a few seconds; undelivered notifications stay pending.
    service.shutdown().await;
    Ok(())
}

/// A token cancelled on SIGINT or SIGTERM.
fn shutdown_on_signal() -> CancellationToken {
    let token = CancellationToken::new();
    let t = token.clone();
    tokio::spawn(async move {
        let ctrl_c = tokio::signal::ctrl_c();
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            match signal(SignalKind::terminate()) {
                Ok(mut term) => {
                    tokio::select! {
                        _ = ctrl_c => {}
                        _ = term.recv() => {}
                    }
                }
                Err(_) => {
                    let _ = ctrl_c.await;
                }
            }
        }
        #[cfg(not(unix))]
        {
            let _ = ctrl_c.await;
        }
        tracing::info!("shutting down: no new searches; in-flight work gets a few seconds");
        t.cancel();
    });
    token
}

async fn watchlist(store: &Store, cmd: WatchlistCommand) -> Outcome {
    on_service(store, async |service| watchlist_on(service, cmd).await).await
}

async fn watchlist_on(service: &Service, cmd: WatchlistCommand) -> Outcome {
    match cmd {
        WatchlistCommand::Add(args) => {
            let spec = spec_of(*args);
            let item = run_command(service, EngineCommand::AddItem { spec }).await?;
            println!(
                "added #{}: {} ({})",
                item["id"],
                text(&item["title"]),
                text(&item["kind"])
            );
            // Adding an item asks for a check, to search it at once (as in the window): it runs here, before
            // the command ends. The item is added whatever becomes of that search.
            let cancel = shutdown_on_signal();
            match service.run_requested_check(ADD_DELIVERS_FOR, &cancel).await {
                None => {}
                Some(Ok(report)) => println!("{}", check_line(&report)),
                Some(Err(e)) => eprintln!(
                    "nightwatcherd: #{} is not searched yet ({}); the next check searches it",
                    item["id"],
                    scrub_known(&e.to_string())
                ),
            }
        }
        WatchlistCommand::List { json } => {
            let items = run_command(service, EngineCommand::ListItems).await?;
            let rows = items.as_array().map(Vec::as_slice).unwrap_or_default();
            if json {
                println!("{}", serde_json::to_string_pretty(&items)?);
            } else if rows.is_empty() {
                println!(
                    "the watchlist is empty: add an item with `nightwatcherd watchlist add TITLE --kind movie`"
                );
            } else {
                for i in rows {
                    let year = i["year"]
                        .as_i64()
                        .map(|y| format!(" ({y})"))
                        .unwrap_or_default();
                    let from = match (
                        i["from_season"].as_i64(),
                        i["from_episode"].as_i64(),
                        i["only_season"].as_i64(),
                    ) {
                        (Some(s), Some(e), _) => format!(" from S{s:02}E{e:02}"),
                        (Some(s), None, _) => format!(" from S{s:02}"),
                        (None, _, Some(s)) => format!(" S{s:02} only"),
                        _ => String::new(),
                    };
                    let state = match (text(&i["state"]), i["found"].as_i64()) {
                        ("found", Some(n)) => format!("found {n}"),
                        (state, _) => state.to_owned(),
                    };
                    let error = i["last_error"]
                        .as_str()
                        .map(|e| format!(" — last search failed: {e}"))
                        .unwrap_or_default();
                    let muted = if i["muted"] == true { " — muted" } else { "" };
                    println!(
                        "{:>5}  {:<6}  {state:<9}  {}{year}{from}{muted}{error}",
                        i["id"].as_i64().unwrap_or_default(),
                        text(&i["kind"]),
                        text(&i["title"])
                    );
                }
            }
        }
        WatchlistCommand::Remove { id } => {
            on_item(service, id, EngineCommand::DeleteItem { id }).await?;
            println!("removed #{id}");
        }
        WatchlistCommand::Mute { id } => {
            let muted = true;
            on_item(service, id, EngineCommand::SetItemMuted { id, muted }).await?;
            println!("muted #{id}: still searched, not notified");
        }
        WatchlistCommand::Unmute { id } => {
            let muted = false;
            on_item(service, id, EngineCommand::SetItemMuted { id, muted }).await?;
            println!("unmuted #{id}: its next finds are notified");
        }
        WatchlistCommand::Import { file } => {
            let json = if file.as_os_str() == "-" {
                std::io::read_to_string(std::io::stdin())
                    .context("cannot read the import from stdin")?
            } else {
                std::fs::read_to_string(&file)
                    .with_context(|| format!("cannot read {}", file.display()))?
            };
            let imported = run_command(service, EngineCommand::ImportItems { json }).await?;
            println!("imported {imported} items");
        }
        WatchlistCommand::Export => match run_command(service, EngineCommand::ExportItems).await? {
            Value::String(json) => println!("{json}"),
            other => println!("{other}"),
        },
    }
    Ok(())
}

/// Runs a command on one watchlist item, saying how to find the ids when there is no such item.
async fn on_item(service: &Service, id: i64, command: EngineCommand) -> Result<(), Failure> {
    match command::dispatch(service, command).await {
        Ok(_) => Ok(()),
        Err(e) if e.kind == ErrorKind::NotFound => Err(anyhow!(
            "no watchlist item with id {id}: see `nightwatcherd watchlist list`"
        )
        .into()),
        Err(e) => Err(refused(e)),
    }
}

/// A JSON string's text ("" for anything else).
fn text(value: &Value) -> &str {
    value.as_str().unwrap_or_default()
}

fn spec_of(a: AddArgs) -> ItemSpec {
    ItemSpec {
        title: a.title,
        kind: a.kind.parse().ok(),
        year: a.year,
        from_season: a.from_season,
        from_episode: a.from_episode,
        only_season: a.only_season,
        from_date: a.from_date,
        imdb_id: a.imdb_id,
        tmdb_id: a.tmdb_id,
        tvdb_id: a.tvdb_id,
        categories: (!a.categories.is_empty()).then_some(a.categories),
        enabled: a.disabled.then_some(false),
        aliases: a.aliases,
        filters: ItemFilters {
            min_resolution: a.filters.min_resolution,
            max_resolution: a.filters.max_resolution,
            sources: a.filters.sources,
            codecs: a.filters.codecs,
            min_size_mb: a.filters.min_size_mb,
            max_size_mb: a.filters.max_size_mb,
            min_seeders: a.filters.min_seeders,
            protocol: a.filters.protocol,
            must_contain: a.filters.must_contain,
            must_not_contain: a.filters.must_not_contain,
            languages: a.filters.languages,
            indexers: a.filters.indexers,
        },
    }
}

async fn match_stdin(store: &Store, explain: bool) -> Outcome {
    // The watchlist comes from the service; matching is the matcher's pure computation, done here with each
    // item's rules compiled once for all the titles (TryRelease would read and compile the watchlist per title).
    let items: Vec<WatchlistItem> = on_service(store, async |service| {
        let views = service.list_items().await.map_err(|e| refused(e.into()))?;
        Ok(views.into_iter().map(|v| v.item).collect())
    })
    .await?;
    let matcher = Matcher::new(&items);
    // Compiled once, not per release: an item's filters may hold regular expressions.
    let judges: Vec<ItemMatcher> = if explain {
        items.iter().map(ItemMatcher::new).collect()
    } else {
        Vec::new()
    };
    let stdin = std::io::stdin().lock();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in stdin.lines() {
        let line = line.context("cannot read stdin")?;
        let title = line.trim_end_matches('\r');
        if title.trim().is_empty() {
            continue;
        }
        let parsed = matcher::parse(title);
        let info = ReleaseInfo::name_only(title);
        let judged = matcher.judge(&parsed, &info);
        let matches: Vec<i64> = judged.iter().map(|j| j.item_id).collect();
        let notify: Vec<i64> = judged
            .iter()
            .filter(|j| j.rejected.is_none())
            .map(|j| j.item_id)
            .collect();
        let rejected: Vec<serde_json::Value> = judged
            .iter()
            .filter_map(|j| {
                let r = j.rejected.as_ref()?;
                Some(serde_json::json!({"id": j.item_id, "rule": r.rule, "reason": r.reason}))
            })
            .collect();
        let mut row = serde_json::json!({
            "title": title, "parsed": parsed, "matches": matches, "notify": notify, "rejected": rejected,
        });
        if explain {
            row["explain"] = judges
                .iter()
                .zip(&items)
                .map(|(judge, item)| {
                    let v = judge.judge(&parsed, &info);
                    serde_json::json!({
                        "id": item.id, "item": item.title, "matches": v.matches, "accepted": v.accepted,
                        "rule": v.rule, "reason": v.reason, "episode": v.episode,
                    })
                })
                .collect();
        }
        writeln!(out, "{row}")?;
    }
    out.flush()?;
    Ok(())
}

async fn config(store: &Store, cmd: ConfigCommand) -> Outcome {
    match cmd {
        ConfigCommand::Show { json } => {
            let values = settings::effective(store).await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&values)?);
            } else {
                for s in values {
                    let source = serde_json::to_value(s.source)?;
                    println!(
                        "{:<18} {:<40} ({})",
                        s.key,
                        s.value.as_deref().unwrap_or("(not set)"),
                        source.as_str().unwrap_or("")
                    );
                }
            }
        }
        ConfigCommand::Set { key, value } => {
            let key: SettingKey = key.parse()?;
            let stored = settings::set(store, key, &value).await?;
            println!("{} = {stored}", key.as_str());
            if std::env::var(key.env_var()).is_ok() {
                println!(
                    "note: {} is set in the environment and overrides the stored value",
                    key.env_var()
                );
            }
        }
        ConfigCommand::Unset { key } => {
            let key: SettingKey = key.parse()?;
            store.delete_setting(key.as_str()).await?;
            println!("{} reset to its default", key.as_str());
        }
    }
    Ok(())
}

fn secret(cmd: &SecretCommand) -> Outcome {
    let store = secret_store();
    match cmd {
        SecretCommand::Set { name } => {
            let name: SecretName = name.parse().map_err(|e: String| anyhow!(e))?;
            let mut value = String::new();
            std::io::stdin()
                .lock()
                .read_line(&mut value)
                .context("cannot read the secret from stdin")?;
            let value = value.trim();
            if value.is_empty() {
                return Err(anyhow!("no value on stdin: pipe it in, e.g. `printf %s \"$KEY\" | nightwatcherd secret set {}`", name.as_str()).into());
            }
            store.set(name, &Secret::new(value))?;
            println!("{} saved in the OS keyring", name.as_str());
            if std::env::var(name.env_var()).is_ok() {
                println!(
                    "note: {} is set in the environment and overrides the keyring",
                    name.env_var()
                );
            }
        }
        SecretCommand::Status => {
            for name in SecretName::ALL {
                let state = match store.source(name) {
                    Ok(Some(SecretSource::Environment)) => {
                        format!("set (environment {})", name.env_var())
                    }
                    Ok(Some(SecretSource::Keyring)) => "set (OS keyring)".to_owned(),
                    Ok(None) => "not set".to_owned(),
                    Err(e) => format!("unknown: {e}"),
                };
                println!("{:<20} {state}", name.as_str());
            }
        }
        SecretCommand::Delete { name } => {
            let name: SecretName = name.parse().map_err(|e: String| anyhow!(e))?;
            store.delete(name)?;
            println!("{} removed from the OS keyring", name.as_str());
        }
    }
    Ok(())
}

async fn status(store: &Store, json: bool) -> Outcome {
    let report = on_service(store, async |service| {
        service.status_report().await.map_err(|e| refused(e.into()))
    })
    .await?;
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
        return Ok(());
    }
    if report.paused {
        println!(
            "checks are paused (in the app's tray menu): `run` checks only once they are resumed"
        );
    }
    match report.runs.first() {
        None => println!("no check has run yet: try `nightwatcherd check`"),
        Some(r) => {
            let when = chrono::DateTime::from_timestamp(r.started_at, 0)
                .map(|t| {
                    t.with_timezone(&chrono::Local)
                        .format("%Y-%m-%d %H:%M")
                        .to_string()
                })
                .unwrap_or_default();
            println!(
                "last check: {when}, {}: {} items, {} releases seen, {} new matches, {} errors, {:.1} s{}",
                r.status,
                r.items,
                r.releases_seen,
                r.new_matches,
                r.errors,
                r.duration_ms as f64 / 1000.0,
                r.error
                    .as_deref()
                    .map(|e| format!(" — {e}"))
                    .unwrap_or_default()
            );
        }
    }
    let counts = &report.notifications;
    println!(
        "notifications: {} pending, {} sent, {} failed",
        counts.pending, counts.sent, counts.failed
    );
    if let Some(m) = &report.monitor {
        let latency = &m["prowlarr_latency_ms"];
        println!(
            "engine (pid {}, mode {}): Prowlarr latency median {} ms, p95 {} ms; {} item searches in the last hour of {} allowed; RSS {:.1} MiB",
            m["pid"],
            m["search_mode"].as_str().unwrap_or("?"),
            latency["median"],
            latency["p95"],
            m["search_budget"]["used_last_hour"],
            m["search_budget"]["per_hour"],
            m["memory_rss_bytes"].as_f64().unwrap_or(0.0) / 1_048_576.0
        );
        if let Some(at) = m["backoff"]["next_try_at"].as_i64() {
            let when = nightwatcher_engine::schedule::local_clock(at);
            println!("Prowlarr unreachable, next try {when}");
        }
        if let Some(message) = m["indexers"]["message"].as_str() {
            println!("indexers: {message}");
        }
    }
    for f in &report.failed_notifications {
        println!("  failed #{} ({}): {}", f.id, f.kind, f.reason);
    }
    if !report.failed_notifications.is_empty() {
        println!("  fix the cause, then `nightwatcherd retry-failed`");
    }
    for i in &report.items_with_errors {
        println!("  item #{} {}: {}", i.id, i.title, i.error);
    }
    Ok(())
}

async fn retry_failed(store: &Store) -> Outcome {
    let queued = on_service(store, async |service| {
        run_command(service, EngineCommand::RetryFailed).await
    })
    .await?;
    println!("{queued} failed notification(s) queued again");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use nightwatcher_engine::command::RemoteError;

    #[test]
    fn a_refused_input_is_said_with_its_field_once() {
        let e = RemoteError::validation("title", "must not be blank");
        let failure = refused(e);
        assert_eq!(failure.error.to_string(), "title: must not be blank");
        assert_eq!(failure.code, 1);
        // The service's messages already name the field: it is not said twice.
        let e = RemoteError::validation("year", "year: must be between 1870 and 2100");
        assert_eq!(
            refused(e).error.to_string(),
            "year: must be between 1870 and 2100"
        );
    }

    #[test]
    fn prowlarr_failures_exit_2_and_others_1() {
        let prowlarr = RemoteError::new(ErrorKind::Prowlarr, "cannot reach Prowlarr", None);
        assert_eq!(refused(prowlarr).code, EXIT_PROWLARR);
        let missing = RemoteError::new(ErrorKind::NotFound, "no watchlist item with id 4", None);
        assert_eq!(refused(missing).code, 1);
    }
}
