//! Checks as they ran: started, finished with their figures, or abandoned by a process that died.

use super::{Result, Store, now};

/// How a check ended, or that it is running. Stored and serialized as `running`, `ok`, `failed`, `cancelled`.
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
pub enum RunStatus {
    Running,
    Ok,
    Failed,
    Cancelled,
}

crate::closed_set!(RunStatus);

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, sqlx::FromRow)]
pub struct RunRecord {
    pub id: i64,
    pub started_at: i64,
    pub finished_at: Option<i64>,
    pub status: RunStatus,
    pub items: i64,
    pub searches: i64,
    pub releases_seen: i64,
    pub new_matches: i64,
    pub errors: i64,
    pub notifications_queued: i64,
    pub duration_ms: i64,
    pub error: Option<String>,
}

/// The figures a finished check writes into its run row.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RunFigures {
    pub items: i64,
    pub searches: i64,
    pub releases_seen: i64,
    pub new_matches: i64,
    pub errors: i64,
    pub notifications_queued: i64,
    pub duration_ms: i64,
}

impl Store {
    pub async fn start_run(&self) -> Result<i64> {
        self.write(async {
            Ok(sqlx::query_scalar(
                "INSERT INTO runs (started_at, status) VALUES ($1, 'running') RETURNING id",
            )
            .bind(now())
            .fetch_one(&self.pool)
            .await?)
        })
        .await
    }

    pub async fn finish_run(
        &self,
        id: i64,
        status: RunStatus,
        figures: &RunFigures,
        error: Option<&str>,
    ) -> Result<()> {
        self.write(async {
            sqlx::query(
                "UPDATE runs SET finished_at = $1, status = $2, items = $3, searches = $4, releases_seen = $5, new_matches = $6,
                        errors = $7, notifications_queued = $8, duration_ms = $9, error = $10 WHERE id = $11",
            )
            .bind(now())
            .bind(status.as_str())
            .bind(figures.items)
            .bind(figures.searches)
            .bind(figures.releases_seen)
            .bind(figures.new_matches)
            .bind(figures.errors)
            .bind(figures.notifications_queued)
            .bind(figures.duration_ms)
            .bind(error)
            .bind(id)
            .execute(&self.pool)
            .await?;
            Ok(())
        })
        .await
    }

    /// A run left `running` by a process that died is not running any more.
    pub async fn close_abandoned_runs(&self) -> Result<u64> {
        self.write(async {
            let done = sqlx::query(
                "UPDATE runs SET status = 'cancelled', error = 'interrupted (the process stopped during the check)'
                 WHERE status = 'running'",
            )
            .execute(&self.pool)
            .await?;
            Ok(done.rows_affected())
        })
        .await
    }

    pub async fn recent_runs(&self, limit: i64) -> Result<Vec<RunRecord>> {
        Ok(sqlx::query_as(
            "SELECT id, started_at, finished_at, status, items, searches, releases_seen, new_matches, errors,
                    notifications_queued, duration_ms, error FROM runs ORDER BY id DESC LIMIT $1",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }
}
