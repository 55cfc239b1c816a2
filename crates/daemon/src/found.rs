//! `found` and `grab`: the releases found for the watchlist, and sending one to a download client.

use anyhow::anyhow;
use nightwatcher_engine::command::Command as EngineCommand;
use nightwatcher_engine::service::Face;
use nightwatcher_engine::store::{Grab, GrabStatus, Store};
use serde::Deserialize;

use crate::engine::{EXIT_PROWLARR, on_service, run_command};
use crate::failure::Failure;

type Outcome = Result<(), Failure>;

/// What the list shows of a found release (the engine's `FoundRelease`, as the command answers it).
#[derive(Deserialize)]
struct Found {
    match_id: i64,
    item_title: String,
    title: String,
    rejected: Option<String>,
    grab_status: Option<GrabStatus>,
    grab_client: Option<String>,
    grab_error: Option<String>,
}

pub async fn list(store: &Store, item_id: Option<i64>, json: bool) -> Outcome {
    let found = on_service(store, async |service| {
        run_command(service, EngineCommand::FoundReleases { item_id }).await
    })
    .await?;
    if json {
        println!("{found}");
        return Ok(());
    }
    let found: Vec<Found> = serde_json::from_value(found)?;
    if found.is_empty() {
        println!("nothing found yet");
    }
    for f in &found {
        let state = match (&f.rejected, f.grab_status) {
            (_, Some(GrabStatus::Grabbed)) => format!(
                "grabbed{}",
                f.grab_client
                    .as_deref()
                    .map(|c| format!(" → {c}"))
                    .unwrap_or_default()
            ),
            (_, Some(GrabStatus::Sending)) => "being grabbed".to_owned(),
            (_, Some(GrabStatus::Failed)) => format!(
                "grab failed: {}",
                f.grab_error.as_deref().unwrap_or("no reason given")
            ),
            (Some(reason), None) => format!("not notified: {reason}"),
            (None, None) => String::new(),
        };
        let state = if state.is_empty() {
            state
        } else {
            format!("  [{state}]")
        };
        println!("#{} {}: {}{state}", f.match_id, f.item_title, f.title);
    }
    Ok(())
}

pub async fn grab(store: &Store, found_id: i64) -> Outcome {
    let grab = on_service(store, async |service| {
        run_command(
            service,
            EngineCommand::Grab {
                found_id,
                face: Face::Cli,
            },
        )
        .await
    })
    .await?;
    let grab: Grab = serde_json::from_value(grab)?;
    match grab.status {
        GrabStatus::Grabbed => {
            let client = grab.client.map(|c| format!(" by {c}")).unwrap_or_default();
            println!("grabbed{client}: #{found_id} is on its way to the download client");
            Ok(())
        }
        // `Failed` is answered as the error; `Sending` means another request has it.
        GrabStatus::Sending | GrabStatus::Failed => Err(Failure {
            error: anyhow!(
                "#{found_id} is being grabbed already (asked from {}); see `nightwatcherd found` in a minute",
                grab.face
            ),
            code: EXIT_PROWLARR,
        }),
    }
}
