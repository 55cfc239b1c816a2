//! The fake's read-only resources besides search: `SystemResource` and `IndexerResource` (reference notes §4).
//!
//! The indexer list is derived from the releases the test added (each distinct `indexerId`/`indexer` pair,
//! plus the default indexer 1 "FakeIndexer"), so a client that lists indexers sees the ones its searches
//! will return results from.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use super::{release, search};

/// `SystemResource` as `GET /api/v1/system/status` returns it.
pub(crate) fn system_status(version: &str, started: DateTime<Utc>) -> Value {
    json!({
        "appName": "Prowlarr",
        "instanceName": "Prowlarr",
        "version": version,
        "buildTime": "2026-04-02T00:00:00Z",
        "isDebug": false,
        "isProduction": true,
        "isAdmin": false,
        "isUserInteractive": false,
        "startupPath": "/app/prowlarr/bin",
        "appData": "/config",
        "osName": "ubuntu",
        "osVersion": "24.04",
        "isNetCore": true,
        "isLinux": true,
        "isOsx": false,
        "isWindows": false,
        "isDocker": false,
        "mode": "console",
        "branch": "master",
        "databaseType": "sqLite",
        "databaseVersion": "3.45.1",
        "authentication": "forms",
        "migrationVersion": 42,
        "urlBase": "",
        "runtimeVersion": "8.0.14",
        "runtimeName": ".NET",
        "startTime": release::prowlarr_date(started),
        "packageUpdateMechanism": "builtIn",
    })
}

/// Indexer id → (name, protocol), from the releases plus the default indexer 1 "FakeIndexer".
pub(crate) fn indexer_summaries(releases: &[Value]) -> BTreeMap<i64, (String, String)> {
    let mut out = BTreeMap::new();
    out.insert(1, ("FakeIndexer".to_string(), "torrent".to_string()));
    for r in releases {
        let id = search::indexer_id_of(r);
        let name = r
            .get("indexer")
            .and_then(Value::as_str)
            .unwrap_or("FakeIndexer")
            .to_string();
        out.insert(id, (name, search::protocol_of(r).to_string()));
    }
    out
}

/// `IndexerResource[]`, sorted by name like `ProviderControllerBase.GetAll`.
pub(crate) fn indexers(
    releases: &[Value],
    extra: &BTreeMap<i64, (String, String)>,
    started: DateTime<Utc>,
) -> Vec<Value> {
    let added = release::prowlarr_date(started);
    let mut summaries = indexer_summaries(releases);
    for (id, summary) in extra {
        summaries.entry(*id).or_insert_with(|| summary.clone());
    }
    let mut list: Vec<Value> = summaries
        .into_iter()
        .map(|(id, (name, protocol))| {
            let slug: String = name
                .to_lowercase()
                .chars()
                .filter(|c| c.is_alphanumeric())
                .collect();
            json!({
                "id": id,
                "name": name,
                "sortName": name.to_lowercase(),
                "enable": true,
                "redirect": false,
                "supportsRss": true,
                "supportsSearch": true,
                "supportsRedirect": false,
                "supportsPagination": true,
                "appProfileId": 1,
                "protocol": protocol,
                "privacy": "public",
                "priority": 25,
                "downloadClientId": 0,
                "added": added,
                "tags": [],
                "definitionName": slug,
                "implementation": if protocol == "usenet" { "Newznab" } else { "Cardigann" },
                "implementationName": if protocol == "usenet" { "Newznab" } else { "Cardigann" },
                "configContract": if protocol == "usenet" { "NewznabSettings" } else { "CardigannSettings" },
                "description": format!("{name} (fake)"),
                "language": "en-US",
                "encoding": "Unicode (UTF-8)",
                "indexerUrls": [format!("https://{slug}.example/")],
                "legacyUrls": [],
                "fields": [
                    {"order": 0, "name": "baseSettings.queryLimit", "label": "Query Limit", "type": "number", "advanced": true, "privacy": "normal", "isFloat": false},
                    {"order": 1, "name": "baseSettings.grabLimit", "label": "Grab Limit", "type": "number", "advanced": true, "privacy": "normal", "isFloat": false},
                    {"order": 2, "name": "baseSettings.limitsUnit", "label": "Limits Unit", "value": 0, "type": "select", "advanced": true, "privacy": "normal", "isFloat": false}
                ],
                "capabilities": {
                    "id": 0,
                    "limitsMax": 100,
                    "limitsDefault": 100,
                    "categories": release::category_tree(),
                    "supportsRawSearch": false,
                    "searchParams": ["q"],
                    "tvSearchParams": ["q", "season", "ep", "imdbId", "tvdbId", "tmdbId"],
                    "movieSearchParams": ["q", "imdbId", "tmdbId", "year"],
                    "musicSearchParams": [],
                    "bookSearchParams": []
                },
                "infoLink": format!("https://wiki.servarr.com/prowlarr/supported-indexers#{slug}"),
            })
        })
        .collect();
    list.sort_by(|a, b| {
        let key = |v: &Value| v["name"].as_str().unwrap_or("").to_lowercase();
        key(a).cmp(&key(b))
    });
    list
}
