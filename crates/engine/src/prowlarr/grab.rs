//! Grabbing a release: Prowlarr sends it to a download client.
//!
//! `POST /api/v1/search` with `{"guid", "indexerId"}` grabs a release Prowlarr returned from a `GET
//! /api/v1/search` in the last 30 minutes, in the same Prowlarr process: it looks it up in a cache keyed
//! `"{indexerId}_{guid}"`. Otherwise it answers 404 "Couldn't find requested release in cache, try searching
//! again", and the cure is to search that one indexer for the title again and grab from the fresh result.
//! 409 is "Getting release from indexer failed" (the indexer failed, or the download client refused it, often
//! as a duplicate); 500 with "isn't configured" means no download client for the release's protocol.
//!
//! A stored guid is redacted when it carried a key (some indexers use their download link as the guid), and
//! Prowlarr needs the real one: such a grab always searches first and takes the guid from the fresh result,
//! in memory only. The POST is made once: a grab is not idempotent, so a failure is reported, not retried.

use reqwest::StatusCode;
use serde::Deserialize;
use serde_json::json;

use super::wire::{Body, lenient, parse_list};
use super::{Protocol, ProwlarrClient, ProwlarrError, SEARCH_PATH, SearchRequest, SearchType};

const DOWNLOAD_CLIENT_PATH: &str = "api/v1/downloadclient";

/// A download client configured in Prowlarr (`GET /api/v1/downloadclient`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DownloadClient {
    pub id: i64,
    pub name: String,
    #[serde(default, deserialize_with = "lenient")]
    pub implementation: Option<String>,
    #[serde(default)]
    pub enable: bool,
    #[serde(default)]
    pub protocol: Protocol,
    /// Lower is preferred, as in Prowlarr.
    #[serde(default, deserialize_with = "lenient")]
    pub priority: Option<i64>,
}

/// The client Prowlarr will most likely use for `protocol`: the enabled one of that protocol with the lowest
/// priority (an indexer can name its own client in Prowlarr; that is not visible here).
pub fn client_for(clients: &[DownloadClient], protocol: Protocol) -> Option<&DownloadClient> {
    clients
        .iter()
        .filter(|c| c.enable && c.protocol == protocol)
        .min_by_key(|c| (c.priority.unwrap_or(i64::MAX), c.id))
}

/// The release to grab, as stored.
#[derive(Debug, Clone, Copy)]
pub struct GrabRequest<'a> {
    pub indexer_id: i64,
    /// As stored: redacted when it carried a key.
    pub guid: &'a str,
    pub title: &'a str,
}

/// How a grab that Prowlarr took went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Grabbed {
    /// The release had to be searched for again first (not in Prowlarr's cache, or its guid is stored
    /// redacted).
    pub searched_again: bool,
}

/// Why a grab failed, each with what to do.
#[derive(Debug, thiserror::Error)]
pub enum GrabError {
    #[error(
        "the indexer no longer lists this release (searched it again for its title): it may have been \
         removed; search for another release"
    )]
    Gone,
    #[error(
        "Prowlarr could not get the release from the indexer, or the download client refused it (often: it \
         already has it): {0}. Look in the download client, and in Prowlarr → System → Logs"
    )]
    Refused(String),
    #[error(
        "Prowlarr has no download client for {} releases: add one in Prowlarr → Settings → Download Clients",
        .0.as_str()
    )]
    NoClient(Protocol),
    #[error(transparent)]
    Prowlarr(#[from] ProwlarrError),
}

/// A search result's identity, the guid as Prowlarr sent it (kept in memory only, to grab with).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Candidate {
    guid: String,
    indexer_id: i64,
}

impl ProwlarrClient {
    /// `GET /api/v1/downloadclient`, with retries.
    pub async fn download_clients(&self) -> Result<Vec<DownloadClient>, ProwlarrError> {
        let timeout = self.inner.request_timeout;
        let ((clients, _), _) = self
            .with_retries("download client list", || async move {
                let body = self.get(DOWNLOAD_CLIENT_PATH, &[], timeout).await?;
                parse_list::<DownloadClient>(&body, "download clients")
                    .map_err(|e| self.scrub_error(e))
            })
            .await?;
        Ok(clients)
    }

    /// Grabs the release: directly while Prowlarr still has it in its cache, else after searching its
    /// indexer for it again.
    pub async fn grab(&self, release: GrabRequest<'_>) -> Result<Grabbed, GrabError> {
        // A guid that had a key in it is stored redacted: Prowlarr does not know it by that.
        let redacted = release.guid.contains(crate::redact::REDACTED);
        if !redacted {
            match self.post_grab(release.indexer_id, release.guid).await {
                Ok(()) => {
                    return Ok(Grabbed {
                        searched_again: false,
                    });
                }
                Err(GrabError::Prowlarr(ProwlarrError::Rejected { status: 404, .. })) => {
                    tracing::info!(
                        indexer = release.indexer_id,
                        "the release is no longer in Prowlarr's cache; searching its indexer again"
                    );
                }
                Err(e) => return Err(e),
            }
        }
        let guid = self.find_again(release).await?;
        self.post_grab(release.indexer_id, &guid).await?;
        Ok(Grabbed {
            searched_again: true,
        })
    }

    /// Searches the release's indexer for its title and returns its guid as Prowlarr sends it now.
    async fn find_again(&self, release: GrabRequest<'_>) -> Result<String, GrabError> {
        let mut request = SearchRequest::new(release.title, SearchType::Search);
        request.indexer_ids = vec![i32::try_from(release.indexer_id).unwrap_or(i32::MAX)];
        let pairs = request.query_pairs();
        let timeout = self.inner.request_timeout;
        let ((candidates, _), _) = self
            .with_retries("search for the release to grab", || {
                let pairs = &pairs;
                async move {
                    let body = self.get(SEARCH_PATH, pairs, timeout).await?;
                    parse_list::<Candidate>(&body, "releases").map_err(|e| self.scrub_error(e))
                }
            })
            .await?;
        candidates
            .into_iter()
            .find(|c| {
                c.indexer_id == release.indexer_id && crate::redact::redact(&c.guid) == release.guid
            })
            .map(|c| c.guid)
            .ok_or(GrabError::Gone)
    }

    /// One `POST /api/v1/search`: the grab itself.
    async fn post_grab(&self, indexer_id: i64, guid: &str) -> Result<(), GrabError> {
        let body = json!({ "guid": guid, "indexerId": indexer_id });
        let result: Result<Body, ProwlarrError> = self
            .post(SEARCH_PATH, &body, self.inner.request_timeout)
            .await;
        match result {
            Ok(_) => Ok(()),
            Err(ProwlarrError::Rejected { status, message })
                if status == StatusCode::CONFLICT.as_u16() =>
            {
                Err(GrabError::Refused(message))
            }
            Err(ProwlarrError::Server { message, .. })
                if message.to_ascii_lowercase().contains("isn't configured") =>
            {
                let protocol = if message.to_ascii_lowercase().contains("usenet") {
                    Protocol::Usenet
                } else {
                    Protocol::Torrent
                };
                Err(GrabError::NoClient(protocol))
            }
            Err(e) => Err(e.into()),
        }
    }
}
