//! Grabs: a found release sent to a download client through Prowlarr, recorded before it is sent.

use sqlx::Row;

use super::{Result, Store, now};
use crate::prowlarr::Protocol;

/// How long a grab may be out before a row still `sending` is read as cut off by a crash: longer than a grab
/// can take (a search and two requests, each within Prowlarr's timeout).
pub const SENDING_LEASE_SECS: i64 = 300;

/// Where a grab stands.
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
    strum::EnumString,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum GrabStatus {
    Sending,
    Grabbed,
    Failed,
}

crate::closed_set!(GrabStatus);

/// A grab as the faces show it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, sqlx::FromRow)]
pub struct Grab {
    pub match_id: i64,
    pub status: GrabStatus,
    /// Who asked: `app`, `web`, `cli`, `telegram`.
    pub face: String,
    pub client: Option<String>,
    pub error: Option<String>,
    pub attempts: i64,
    pub requested_at: i64,
    pub finished_at: Option<i64>,
}

/// What a grab sends: the release as Prowlarr knows it. The guid is as stored (redacted when it carried a key).
#[derive(Debug, Clone, PartialEq)]
pub struct GrabRelease {
    pub indexer_id: i64,
    pub guid: String,
    pub title: String,
    pub protocol: Protocol,
}

/// What [`Store::begin_grab`] decided.
#[derive(Debug, Clone, PartialEq)]
pub enum GrabStart {
    /// Recorded as `sending`: send it now, then [`Store::finish_grab`].
    Send(GrabRelease),
    /// Nothing to send: already grabbed, being sent, or this very request was handled before.
    Done(Grab),
}

impl Store {
    /// Records that the found release `match_id` is about to be grabbed, unless that would grab it twice: a
    /// grabbed release, one being sent, or a request (`request`, a Telegram update's id) handled before are
    /// answered as they stand. A row a crash left `sending` is marked failed ("interrupted") and answered: the
    /// release may have reached the download client, so only a new request sends it again. `None` when there
    /// is no such found release.
    pub async fn begin_grab(
        &self,
        match_id: i64,
        face: &str,
        request: Option<&str>,
    ) -> Result<Option<GrabStart>> {
        self.write(async {
            let mut tx = self.begin_write().await?;
            let release = sqlx::query(
                "SELECT r.indexer_id, r.guid, r.title, r.protocol FROM matches m
                 JOIN releases r ON r.id = m.release_id WHERE m.id = $1",
            )
            .bind(match_id)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(release) = release else {
                return Ok(None);
            };
            let now = now();
            let (existing, last_request): (Option<Grab>, Option<String>) = match sqlx::query(
                &format!("SELECT {GRAB_COLUMNS}, request FROM grabs WHERE match_id = $1"),
            )
            .bind(match_id)
            .fetch_optional(&mut *tx)
            .await?
            {
                Some(row) => (Some(sqlx::FromRow::from_row(&row)?), row.get("request")),
                None => (None, None),
            };
            if let Some(grab) = existing {
                let same_request = request.is_some() && last_request.as_deref() == request;
                let out = grab.status == GrabStatus::Sending;
                if out && grab.requested_at + SENDING_LEASE_SECS <= now {
                    let grab = interrupted(&mut tx, grab, now).await?;
                    tx.commit().await?;
                    return Ok(Some(GrabStart::Done(grab)));
                }
                if same_request || out || grab.status == GrabStatus::Grabbed {
                    tx.rollback().await?;
                    return Ok(Some(GrabStart::Done(grab)));
                }
            }
            sqlx::query(
                "INSERT INTO grabs (match_id, status, face, request, attempts, requested_at)
                 VALUES ($1, 'sending', $2, $3, 1, $4)
                 ON CONFLICT (match_id) DO UPDATE SET status = 'sending', face = $2, request = $3,
                     attempts = attempts + 1, requested_at = $4, finished_at = NULL, error = NULL",
            )
            .bind(match_id)
            .bind(face)
            .bind(request)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(Some(GrabStart::Send(GrabRelease {
                indexer_id: release.get("indexer_id"),
                guid: release.get("guid"),
                title: release.get("title"),
                protocol: release.get("protocol"),
            })))
        })
        .await
    }

    /// Records how a grab begun with [`Store::begin_grab`] ended: grabbed (by `client`), or failed with `error`.
    pub async fn finish_grab(
        &self,
        match_id: i64,
        outcome: std::result::Result<Option<&str>, &str>,
    ) -> Result<Option<Grab>> {
        let (status, client, error) = match outcome {
            Ok(client) => (GrabStatus::Grabbed, client, None),
            Err(error) => (GrabStatus::Failed, None, Some(error)),
        };
        self.write(async {
            Ok(sqlx::query_as(&format!(
                "UPDATE grabs SET status = $1, client = $2, error = $3, finished_at = $4 WHERE match_id = $5
                 RETURNING {GRAB_COLUMNS}"
            ))
            .bind(status.as_str())
            .bind(client)
            .bind(error)
            .bind(now())
            .bind(match_id)
            .fetch_optional(&self.pool)
            .await?)
        })
        .await
    }

    /// The grab of the found release `match_id`, if one was asked.
    pub async fn grab(&self, match_id: i64) -> Result<Option<Grab>> {
        Ok(sqlx::query_as(&format!(
            "SELECT {GRAB_COLUMNS} FROM grabs WHERE match_id = $1"
        ))
        .bind(match_id)
        .fetch_optional(&self.pool)
        .await?)
    }
}

const GRAB_COLUMNS: &str =
    "match_id, status, face, client, error, attempts, requested_at, finished_at";

/// Marks a grab a crash left `sending` as failed, saying what the user should check.
async fn interrupted(tx: &mut sqlx::AnyConnection, grab: Grab, now: i64) -> Result<Grab> {
    Ok(sqlx::query_as(&format!(
        "UPDATE grabs SET status = 'failed', finished_at = $1, error = $2 WHERE match_id = $3 RETURNING {GRAB_COLUMNS}"
    ))
    .bind(now)
    .bind(
        "NightWatcher stopped while sending this grab, so it may or may not have reached the download client: \
         look there, and grab it again if it is not",
    )
    .bind(grab.match_id)
    .fetch_one(&mut *tx)
    .await?)
}
