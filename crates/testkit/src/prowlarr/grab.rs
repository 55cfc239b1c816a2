//! Grabbing, as Prowlarr's `SearchController.GrabRelease` and `DownloadService` do it.
//!
//! - `POST /api/v1/search` with a release resource: only `guid` (not empty) and `indexerId` (> 0) are checked
//!   (400 with `[{propertyName, errorMessage}]`). The release is looked up in a cache keyed
//!   `"{indexerId}_{guid}"` that only `GET /api/v1/search` fills, each entry kept 30 minutes; a restart empties
//!   it. A miss is 404 "Couldn't find requested release in cache, try searching again".
//! - The client: the one `downloadClientId` names (500 when there is none with that id), else the first enabled
//!   client of the release's protocol (500 "Torrent Download client isn't configured yet" when there is none).
//! - 409 "Getting release from indexer failed" when the indexer fails or the client refuses (a duplicate);
//!   injected with [`GrabFault`].
//! - 200 echoes the posted resource; there is no download id.
//! - `GET /api/v1/downloadclient` lists the clients (`DownloadClientResource`).

use std::collections::{HashMap, VecDeque};

use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use serde_json::{Value, json};

/// How long a release returned by a search can be grabbed.
pub const CACHE_FOR: chrono::TimeDelta = chrono::TimeDelta::minutes(30);

/// A refusal the next grab answers with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GrabFault {
    /// 409: the indexer failed to give the release, or the download client rejected it.
    IndexerFailed,
}

/// A grab the fake accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grab {
    pub indexer_id: i64,
    pub guid: String,
    pub title: String,
    /// The client it was sent to.
    pub download_client_id: i64,
}

/// The grab side of the fake's state.
#[derive(Debug, Default)]
pub(super) struct Desk {
    /// `"{indexerId}_{guid}"` → the release as the search returned it, and when.
    cache: HashMap<String, (Value, DateTime<Utc>)>,
    clients: Vec<Value>,
    faults: VecDeque<GrabFault>,
    grabs: Vec<Grab>,
}

fn cache_key(indexer_id: i64, guid: &str) -> String {
    format!("{indexer_id}_{guid}")
}

impl Desk {
    /// Remembers the results of a `GET /api/v1/search`.
    pub(super) fn remember(&mut self, results: &[Value], now: DateTime<Utc>) {
        self.cache
            .retain(|_, (_, at)| now.signed_duration_since(*at) < CACHE_FOR);
        for release in results {
            if let (Some(indexer_id), Some(guid)) =
                (release["indexerId"].as_i64(), release["guid"].as_str())
            {
                self.cache
                    .insert(cache_key(indexer_id, guid), (release.clone(), now));
            }
        }
    }

    /// Makes every cached release `by` older.
    pub(super) fn age(&mut self, by: chrono::TimeDelta) {
        for (_, at) in self.cache.values_mut() {
            *at -= by;
        }
    }

    /// What a Prowlarr restart loses: the release cache.
    pub(super) fn restart(&mut self) {
        self.cache.clear();
    }

    pub(super) fn add_client(&mut self, client: Value) {
        self.clients.push(client);
    }

    pub(super) fn clients(&self) -> Value {
        Value::Array(self.clients.clone())
    }

    pub(super) fn push_fault(&mut self, fault: GrabFault) {
        self.faults.push_back(fault);
    }

    pub(super) fn grabs(&self) -> Vec<Grab> {
        self.grabs.clone()
    }

    /// `POST /api/v1/search`: the status and body to answer.
    pub(super) fn grab(&mut self, body: &[u8], now: DateTime<Utc>) -> (StatusCode, Value) {
        let Ok(resource) = serde_json::from_slice::<Value>(body) else {
            return invalid("", "A non-empty request body is required.");
        };
        let guid = resource["guid"].as_str().unwrap_or_default();
        if guid.is_empty() {
            return invalid("Guid", "'Guid' must not be empty.");
        }
        let indexer_id = resource["indexerId"].as_i64().unwrap_or(0);
        if indexer_id <= 0 {
            return invalid("IndexerId", "'Indexer Id' must be greater than '0'.");
        }
        let cached = self
            .cache
            .get(&cache_key(indexer_id, guid))
            .filter(|(_, at)| now.signed_duration_since(*at) < CACHE_FOR)
            .map(|(release, _)| release.clone());
        let Some(release) = cached else {
            return (
                StatusCode::NOT_FOUND,
                json!({"message": "Couldn't find requested release in cache, try searching again"}),
            );
        };
        let protocol = release["protocol"].as_str().unwrap_or("unknown");
        let client = match resource["downloadClientId"].as_i64() {
            Some(id) => match self.clients.iter().find(|c| c["id"].as_i64() == Some(id)) {
                Some(client) => client,
                None => {
                    return (
                        StatusCode::INTERNAL_SERVER_ERROR,
                        json!({"message": format!("Download client with ID {id} does not exist")}),
                    );
                }
            },
            None => match self
                .clients
                .iter()
                .find(|c| c["enable"] == json!(true) && c["protocol"] == json!(protocol))
            {
                Some(client) => client,
                None => {
                    let name = if protocol == "usenet" {
                        "Usenet"
                    } else {
                        "Torrent"
                    };
                    return (
                        StatusCode::INTERNAL_SERVER_ERROR,
                        json!({"message": format!("{name} Download client isn't configured yet")}),
                    );
                }
            },
        };
        let download_client_id = client["id"].as_i64().unwrap_or_default();
        if let Some(GrabFault::IndexerFailed) = self.faults.pop_front() {
            return (
                StatusCode::CONFLICT,
                json!({"message": "Getting release from indexer failed"}),
            );
        }
        self.grabs.push(Grab {
            indexer_id,
            guid: guid.to_owned(),
            title: release["title"].as_str().unwrap_or_default().to_owned(),
            download_client_id,
        });
        (StatusCode::OK, resource)
    }
}

/// ASP.NET's validation failure: 400 with the broken properties.
fn invalid(property: &str, message: &str) -> (StatusCode, Value) {
    (
        StatusCode::BAD_REQUEST,
        json!([{"propertyName": property, "errorMessage": message, "severity": "error"}]),
    )
}

/// A `DownloadClientResource` as `GET /api/v1/downloadclient` lists it.
pub fn download_client(
    id: i64,
    name: &str,
    implementation: &str,
    protocol: &str,
    enable: bool,
) -> Value {
    json!({
        "id": id,
        "name": name,
        "implementation": implementation,
        "implementationName": implementation,
        "configContract": format!("{implementation}Settings"),
        "enable": enable,
        "protocol": protocol,
        "priority": 1,
        "categories": [],
        "supportsCategories": true,
        "fields": [],
        "tags": [],
    })
}
