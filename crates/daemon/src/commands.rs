//! One function per command. Each is a thin adapter: parse the user's input, call the engine, print.

use std::io::{BufRead, Write};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, anyhow};
use nightwatcher_engine::events::Events;
use nightwatcher_engine::filters::ItemFilters;
use nightwatcher_engine::matcher::{self, ItemMatcher, Matcher, ReleaseInfo};
use nightwatcher_engine::model::{ItemSpec, parse_import};
use nightwatcher_engine::notify::{Delivery, DeliveryConfig};
use nightwatcher_engine::secrets::{
    EnvOverride, KeyringStore, Secret, SecretName, SecretSource, SecretStore,
};
use nightwatcher_engine::service::Service;
use nightwatcher_engine::settings::{self, SettingKey, Settings};
use nightwatcher_engine::setup;
use nightwatcher_engine::store::Store;
use nightwatcher_engine::watcher::{CheckError, Watcher};
use tokio_util::sync::CancellationToken;

use crate::cli::{AddArgs, Cli, Command, ConfigCommand, SecretCommand, WatchlistCommand};

/// A failed command: the error and the exit status.
pub struct Failure {
    pub error: anyhow::Error,
    pub code: u8,
}

impl<E: Into<anyhow::Error>> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure {
            error: e.into(),
            code: 1,
        }
    }
}

/// Exit status when Prowlarr cannot be used (wrong key, unreachable).
const EXIT_PROWLARR: u8 = 2;

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
        Command::RetryFailed => {
            let n = store.retry_failed().await?;
            println!("{n} failed notification(s) queued again");
            Ok(())
        }
        Command::Web(cmd) => crate::web::command(&store, cmd).await,
        Command::Secret(_) => Ok(()),
    };
    store.close().await;
    result
}

fn secret_store() -> EnvOverride<KeyringStore> {
    EnvOverride::new(KeyringStore::from_env())
}

/// The watcher and delivery worker, built from settings and secrets.
struct Engine {
    watcher: Watcher,
    delivery: Arc<Delivery>,
}

async fn engine(store: &Store) -> Result<Engine, Failure> {
    let settings = Settings::load(store).await?;
    let secrets = secret_store();
    let prowlarr = setup::prowlarr_client(&settings, &secrets)?;
    let senders = setup::senders(&settings, &secrets)?;
    if senders.is_empty() {
        tracing::warn!(
            "Telegram is not configured (telegram_chat_id and telegram-bot-token): releases are recorded but not sent"
        );
    }
    let events = Events::new();
    let delivery = Arc::new(Delivery::new(
        store.clone(),
        senders,
        events.clone(),
        DeliveryConfig::default(),
    ));
    let watcher = Watcher::new(
        store.clone(),
        prowlarr,
        events,
        settings.concurrency,
        delivery.channels(),
    )
    .with_mode(settings.search_mode)
    .with_schedule(settings.schedule);
    matcher::warm_up();
    Ok(Engine { watcher, delivery })
}

async fn check(store: &Store, deliver_for: Duration) -> Outcome {
    store.close_abandoned_runs().await?;
    let engine = engine(store).await?;
    let cancel = shutdown_on_signal();
    let summary = match engine.watcher.check(&cancel).await {
        Ok(s) => s,
        Err(e @ CheckError::Prowlarr(_)) => {
            return Err(Failure {
                error: anyhow!(e),
                code: EXIT_PROWLARR,
            });
        }
        Err(e) => return Err(e.into()),
    };
    let delivered = engine.delivery.drain(deliver_for, &cancel).await?;
    let counts = store.notification_counts().await?;
    println!(
        "checked {} items ({} feed pages, {} item searches) in {:.1} s: {} releases seen, {} new matches, {} errors; notifications: {} queued, {} sent, {} pending, {} failed",
        summary.items,
        summary.feed_requests,
        summary.searches,
        summary.duration_ms as f64 / 1000.0,
        summary.releases_seen,
        summary.new_matches,
        summary.errors,
        summary.notifications_queued,
        delivered.sent,
        counts.pending,
        counts.failed,
    );
    Ok(())
}

async fn run(store: &Store, listen: Option<String>) -> Outcome {
    let settings = Settings::load(store).await?;
    // Refused before anything starts: a web UI that may not be served (no password on a LAN address).
    let web = crate::web::config(store, listen).await?;
    let secrets = Arc::new(secret_store());
    // Refuse to start with a configuration that cannot work, rather than log the same problem every interval.
    setup::prowlarr_client(&settings, secrets.as_ref())?;
    if setup::senders(&settings, secrets.as_ref())?.is_empty() {
        tracing::warn!(
            "Telegram is not configured (telegram_chat_id and telegram-bot-token): releases are recorded but not sent"
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
    match cmd {
        WatchlistCommand::Add(args) => {
            let item = store.add_item(&spec_of(*args).validate()?).await?;
            println!(
                "added #{}: {} ({})",
                item.id,
                item.title,
                item.kind.as_str()
            );
        }
        WatchlistCommand::List { json } => {
            let items = store.items().await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&items)?);
            } else if items.is_empty() {
                println!(
                    "the watchlist is empty: add an item with `nightwatcherd watchlist add TITLE --kind movie`"
                );
            } else {
                for i in items {
                    let year = i.year.map(|y| format!(" ({y})")).unwrap_or_default();
                    let from = match (i.from_season, i.from_episode, i.only_season) {
                        (Some(s), Some(e), _) => format!(" from S{s:02}E{e:02}"),
                        (Some(s), None, _) => format!(" from S{s:02}"),
                        (None, _, Some(s)) => format!(" S{s:02} only"),
                        _ => String::new(),
                    };
                    let paused = if i.enabled { "" } else { " [paused]" };
                    println!(
                        "{:>5}  {:<6}  {}{year}{from}{paused}",
                        i.id,
                        i.kind.as_str(),
                        i.title
                    );
                }
            }
        }
        WatchlistCommand::Remove { id } => {
            if !store.remove_item(id).await? {
                return Err(anyhow!(
                    "no watchlist item with id {id}: see `nightwatcherd watchlist list`"
                )
                .into());
            }
            println!("removed #{id}");
        }
        WatchlistCommand::Import { file } => {
            let text = if file.as_os_str() == "-" {
                std::io::read_to_string(std::io::stdin())
                    .context("cannot read the import from stdin")?
            } else {
                std::fs::read_to_string(&file)
                    .with_context(|| format!("cannot read {}", file.display()))?
            };
            let items = parse_import(&text)?;
            let ids = store.import_items(&items).await?;
            println!("imported {} items", ids.len());
        }
        WatchlistCommand::Export => {
            let specs: Vec<ItemSpec> = store.items().await?.iter().map(|i| i.to_spec()).collect();
            println!("{}", serde_json::to_string_pretty(&specs)?);
        }
    }
    Ok(())
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
    let items = store.items().await?;
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
    let runs = store.recent_runs(5).await?;
    let counts = store.notification_counts().await?;
    let failed = store.failed_notifications(10).await?;
    let items_with_errors: Vec<serde_json::Value> = store
        .item_errors()
        .await?
        .into_iter()
        .map(|(id, title, error)| serde_json::json!({"id": id, "title": title, "error": error}))
        .collect();
    // The running engine's figures, as it last wrote them (after its last check).
    let monitor: Option<serde_json::Value> = store
        .setting(nightwatcher_engine::monitor::SNAPSHOT_KEY)
        .await?
        .and_then(|s| serde_json::from_str(&s).ok());
    if json {
        let value = serde_json::json!({
            "runs": runs,
            "notifications": counts,
            "failed_notifications": failed,
            "items_with_errors": items_with_errors,
            "monitor": monitor,
        });
        println!("{}", serde_json::to_string_pretty(&value)?);
        return Ok(());
    }
    match runs.first() {
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
    println!(
        "notifications: {} pending, {} sent, {} failed",
        counts.pending, counts.sent, counts.failed
    );
    if let Some(m) = &monitor {
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
    for f in &failed {
        println!("  failed #{} ({}): {}", f.id, f.kind, f.reason);
    }
    if !failed.is_empty() {
        println!("  fix the cause, then `nightwatcherd retry-failed`");
    }
    for v in &items_with_errors {
        println!(
            "  item #{} {}: {}",
            v["id"],
            v["title"].as_str().unwrap_or(""),
            v["error"].as_str().unwrap_or("")
        );
    }
    Ok(())
}
