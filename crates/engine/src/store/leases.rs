//! Leases: a job only one process may do at a time, held while renewed and taken over once it has run out.

use super::{Result, Store, now};

impl Store {
    /// Takes or renews the lease `name` for `holder` until `secs` from now; false while another holder's lease
    /// has not run out.
    pub async fn hold_lease(&self, name: &str, holder: &str, secs: i64) -> Result<bool> {
        self.write(async {
            let now = now();
            let done = sqlx::query(
                "INSERT INTO leases (name, holder, until) VALUES ($1, $2, $3)
                 ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
                 WHERE leases.holder = excluded.holder OR leases.until < $4",
            )
            .bind(name)
            .bind(holder)
            .bind(now + secs)
            .bind(now)
            .execute(&self.pool)
            .await?;
            Ok(done.rows_affected() > 0)
        })
        .await
    }

    /// Who holds the lease `name` (run out or not).
    pub async fn lease_holder(&self, name: &str) -> Result<Option<String>> {
        Ok(
            sqlx::query_scalar("SELECT holder FROM leases WHERE name = $1")
                .bind(name)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    /// Takes the lease `name` over from `old` (known to be dead) for `holder`; false when `old` no longer
    /// holds it (another process took it first).
    pub async fn take_lease_from(
        &self,
        name: &str,
        old: &str,
        holder: &str,
        secs: i64,
    ) -> Result<bool> {
        self.write(async {
            let done = sqlx::query(
                "UPDATE leases SET holder = $1, until = $2 WHERE name = $3 AND holder = $4",
            )
            .bind(holder)
            .bind(now() + secs)
            .bind(name)
            .bind(old)
            .execute(&self.pool)
            .await?;
            Ok(done.rows_affected() > 0)
        })
        .await
    }

    /// Gives the lease up, so another process need not wait for it to run out.
    pub async fn release_lease(&self, name: &str, holder: &str) -> Result<()> {
        self.write(async {
            sqlx::query("DELETE FROM leases WHERE name = $1 AND holder = $2")
                .bind(name)
                .bind(holder)
                .execute(&self.pool)
                .await?;
            Ok(())
        })
        .await
    }

    /// The stored news of the notification that announced the match `match_id` (its payload JSON).
    pub async fn notice_of_match(&self, match_id: i64) -> Result<Option<String>> {
        Ok(sqlx::query_scalar(
            "SELECT n.payload FROM matches m JOIN notifications n ON n.id = m.notification_id WHERE m.id = $1",
        )
        .bind(match_id)
        .fetch_optional(&self.pool)
        .await?)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_lease_is_held_by_one_holder_until_it_runs_out_or_is_given_up() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("nightwatcher.db"))
            .await
            .unwrap();
        assert!(store.hold_lease("bot", "a", 60).await.unwrap());
        assert!(
            !store.hold_lease("bot", "b", 60).await.unwrap(),
            "a holds it"
        );
        assert!(
            store.hold_lease("bot", "a", 60).await.unwrap(),
            "a renews it"
        );
        store.release_lease("bot", "b").await.unwrap();
        assert!(
            !store.hold_lease("bot", "b", 60).await.unwrap(),
            "only a gives it up"
        );
        store.release_lease("bot", "a").await.unwrap();
        assert!(store.hold_lease("bot", "b", 60).await.unwrap());
        assert_eq!(
            store.lease_holder("bot").await.unwrap().as_deref(),
            Some("b")
        );
        assert!(
            !store.take_lease_from("bot", "a", "c", 60).await.unwrap(),
            "a no longer holds it"
        );
        assert!(
            store.take_lease_from("bot", "b", "c", 60).await.unwrap(),
            "b died: c takes over"
        );
        assert!(!store.hold_lease("bot", "b", 60).await.unwrap());
        // Run out (a lease of -2 s ended before now): taken over.
        assert!(store.hold_lease("other", "a", -2).await.unwrap());
        assert!(store.hold_lease("other", "b", 60).await.unwrap());
    }
}
