//! The private PostgreSQL server: it starts, takes a password over TCP and refuses a wrong one, keeps its data
//! across a restart, and is gone with its handle.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic: that is the failure report

use std::process::Command;

use nightwatcher_testkit::postgres::PgCluster;

/// `psql` over TCP with a URL, as a client on another host would connect.
fn psql_url(url: &str, sql: &str) -> std::process::Output {
    Command::new("psql")
        .args([url, "-v", "ON_ERROR_STOP=1", "-A", "-t", "-c", sql])
        .env_remove("PGPASSWORD")
        .output()
        .expect("psql runs")
}

#[test]
fn a_private_cluster_serves_its_password_user_and_survives_a_restart() {
    let pg = PgCluster::start();
    pg.create_database("nw");
    pg.psql("nw", "CREATE TABLE t (v BIGINT); INSERT INTO t VALUES (42)");

    let ok = psql_url(&pg.url("nw"), "SELECT v FROM t");
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&ok.stdout).trim(), "42");

    let wrong = pg.url("nw").replace(pg.password(), "not-the-password");
    let refused = psql_url(&wrong, "SELECT 1");
    assert!(!refused.status.success());
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("password authentication failed"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );

    pg.stop();
    assert!(
        !psql_url(&pg.url("nw"), "SELECT 1").status.success(),
        "stopped"
    );
    pg.restart();
    assert_eq!(pg.psql("nw", "SELECT v FROM t"), "42");

    let port = pg.port();
    drop(pg);
    assert!(
        std::net::TcpStream::connect(("127.0.0.1", port)).is_err(),
        "the server is gone with its handle"
    );
}
