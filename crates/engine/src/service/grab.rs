//! Grabbing a found release, the same operation from every face (the window, the web UI and API,
//! `nightwatcherd grab`, a Telegram button).
//!
//! The grab is recorded before it is sent ([`Store::begin_grab`]), so a double tap or a retry after a crash
//! never grabs twice; a failed grab can be asked again. What is logged names the found release's id and the
//! indexer, never the guid or a link: either can carry a key.

use super::{Service, ServiceError};
use crate::prowlarr::{GrabError, GrabRequest, Protocol, ProwlarrClient, client_for};
use crate::store::{Grab, GrabRelease, GrabStart, GrabStatus};

/// Which face asked for a grab: recorded with it and shown beside it.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    serde::Serialize,
    serde::Deserialize,
    strum::IntoStaticStr,
    strum::VariantNames,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Face {
    App,
    Web,
    Cli,
    Telegram,
}

crate::closed_set!(Face);

/// Where a grab of a release of one protocol would go: the client's name, or why it cannot be grabbed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct GrabTarget {
    pub client: Option<String>,
    pub reason: Option<String>,
}

/// [`GrabTarget`] per protocol, for the faces' Grab buttons ("Grab → qBittorrent", or disabled with why).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct GrabTargets {
    pub torrent: GrabTarget,
    pub usenet: GrabTarget,
}

impl Service {
    /// Which download client takes a grab of each protocol, from Prowlarr's list of clients.
    pub async fn grab_targets(&self) -> Result<GrabTargets, ServiceError> {
        let client = self.prowlarr_client().await?;
        let clients = client
            .download_clients()
            .await
            .map_err(|e| ServiceError::Prowlarr(e.to_string()))?;
        let target = |protocol| match client_for(&clients, protocol) {
            Some(c) => GrabTarget {
                client: Some(c.name.clone()),
                reason: None,
            },
            None => GrabTarget {
                client: None,
                reason: Some(GrabError::NoClient(protocol).to_string()),
            },
        };
        Ok(GrabTargets {
            torrent: target(Protocol::Torrent),
            usenet: target(Protocol::Usenet),
        })
    }

    /// Grabs the found release `match_id`: sends it to a download client through Prowlarr, once.
    ///
    /// `request` is the asking request's own id when it has one (a Telegram update): the same request
    /// handled again answers what it did the first time. Answers the grab as it stands: `grabbed`, or
    /// `sending` when another request is sending it; a grab that fails, now or when this request was
    /// handled before, is the error with what to do.
    pub async fn grab(
        &self,
        match_id: i64,
        face: Face,
        request: Option<&str>,
    ) -> Result<Grab, ServiceError> {
        let store = &self.inner.store;
        let client = self.prowlarr_client().await?;
        let release = match store.begin_grab(match_id, face.as_str(), request).await? {
            None => {
                return Err(ServiceError::NotFound(format!(
                    "no found release has the id {match_id}"
                )));
            }
            Some(GrabStart::Done(grab)) => return answer(grab),
            Some(GrabStart::Send(release)) => release,
        };
        let outcome = send(&client, match_id, &release).await;
        let recorded = store
            .finish_grab(
                match_id,
                outcome
                    .as_ref()
                    .map(Option::as_deref)
                    .map_err(String::as_str),
            )
            .await?;
        self.inner
            .events
            .send(crate::events::Event::GrabChanged { match_id });
        match recorded {
            Some(grab) => answer(grab),
            None => Err(ServiceError::NotFound(format!(
                "the found release {match_id} was deleted while it was being grabbed"
            ))),
        }
    }
}

/// A grab as the operation answers it: a failed one is the error.
fn answer(grab: Grab) -> Result<Grab, ServiceError> {
    match grab.status {
        GrabStatus::Failed => Err(ServiceError::Prowlarr(
            grab.error
                .unwrap_or_else(|| "the grab failed; try again".to_owned()),
        )),
        GrabStatus::Grabbed | GrabStatus::Sending => Ok(grab),
    }
}

/// Sends a recorded grab: the download client's name on success, else what went wrong and what to do.
async fn send(
    client: &ProwlarrClient,
    match_id: i64,
    release: &GrabRelease,
) -> Result<Option<String>, String> {
    // Which client takes it, to say so; a Prowlarr that cannot list them still gets the grab.
    let name = match client.download_clients().await {
        Ok(clients) => match client_for(&clients, release.protocol) {
            Some(c) => Some(c.name.clone()),
            None if release.protocol != Protocol::Unknown => {
                return Err(GrabError::NoClient(release.protocol).to_string());
            }
            None => None,
        },
        Err(e) => {
            tracing::warn!(match_id, error = %e, "could not list Prowlarr's download clients");
            None
        }
    };
    let result = client
        .grab(GrabRequest {
            indexer_id: release.indexer_id,
            guid: &release.guid,
            title: &release.title,
        })
        .await;
    match result {
        Ok(grabbed) => {
            tracing::info!(
                match_id,
                indexer = release.indexer_id,
                client = name.as_deref().unwrap_or("?"),
                searched_again = grabbed.searched_again,
                "release grabbed"
            );
            Ok(name)
        }
        Err(e) => {
            tracing::warn!(match_id, indexer = release.indexer_id, error = %e, "grab failed");
            Err(e.to_string())
        }
    }
}
