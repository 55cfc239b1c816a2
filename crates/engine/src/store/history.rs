//! The history the Found view shows: each release found, newest first, with its grab.

use super::{Result, Store};
use crate::prowlarr::Protocol;
use crate::store::GrabStatus;

/// A found release for history views, newest first.
#[derive(Debug, Clone, PartialEq, serde::Serialize, sqlx::FromRow)]
pub struct FoundRelease {
    pub match_id: i64,
    pub item_id: i64,
    pub item_title: String,
    pub title: String,
    pub indexer: Option<String>,
    /// Every indexer that listed this release (the same release on several indexers is one), as a JSON
    /// array of names.
    #[serde(serialize_with = "json_text")]
    pub indexers: String,
    /// `rule: reason` when a filter of the item refused the release: it was not notified.
    pub rejected: Option<String>,
    pub size: Option<i64>,
    pub seeders: Option<i64>,
    pub protocol: Protocol,
    pub published_at: Option<i64>,
    pub info_url: Option<String>,
    pub found_at: i64,
    /// Where its grab stands, when one was asked; with who asked, the download client or the error.
    pub grab_status: Option<GrabStatus>,
    pub grab_face: Option<String>,
    pub grab_client: Option<String>,
    pub grab_error: Option<String>,
    pub grab_at: Option<i64>,
}

/// A JSON text column written out as the JSON it holds (an unreadable one as `[]`).
fn json_text<S: serde::Serializer>(text: &str, s: S) -> std::result::Result<S::Ok, S::Error> {
    use serde::Serialize;
    serde_json::from_str::<serde_json::Value>(text)
        .unwrap_or_else(|_| serde_json::Value::Array(Vec::new()))
        .serialize(s)
}

impl Store {
    /// Found releases, newest first; one row per match (cross-posts are one), refused ones with the reason.
    pub async fn found_releases(
        &self,
        item_id: Option<i64>,
        limit: i64,
    ) -> Result<Vec<FoundRelease>> {
        let indexers = self.indexers_of_release();
        Ok(sqlx::query_as(&format!(
            "SELECT m.id AS match_id, m.item_id, i.title AS item_title, r.title, r.indexer,
                    {indexers} AS indexers, m.rejected, r.size, r.seeders,
                    r.protocol, r.published_at, r.info_url, m.found_at,
                    g.status AS grab_status, g.face AS grab_face, g.client AS grab_client, g.error AS grab_error,
                    COALESCE(g.finished_at, g.requested_at) AS grab_at
             FROM matches m JOIN items i ON i.id = m.item_id JOIN releases r ON r.id = m.release_id
                  LEFT JOIN grabs g ON g.match_id = m.id
             WHERE ($1 IS NULL OR m.item_id = $1)
             ORDER BY m.found_at DESC, m.id DESC LIMIT $2",
        ))
        .bind(item_id)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }
}
