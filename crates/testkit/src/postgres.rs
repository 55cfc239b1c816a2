//! A private PostgreSQL server for tests: a cluster made with `initdb` in a temporary directory, listening on
//! a loopback port of its own, with one password-protected superuser, removed when the handle is dropped.
//! It is the real server of Debian's `postgresql` package (which `scripts/install-deps` installs), not a fake.
//!
//! PostgreSQL refuses to run as root, so as root (CI machines) the cluster runs as the `postgres` user the
//! package creates, in a directory handed to it; as anyone else it runs as that user.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The superuser every cluster has.
pub const USER: &str = "nightwatcher";

pub struct PgCluster {
    dir: tempfile::TempDir,
    bin: PathBuf,
    port: u16,
    password: String,
    /// The account the server runs as, when it is not this process's.
    run_as: Option<String>,
}

impl std::fmt::Debug for PgCluster {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The password stays out of test output.
        f.debug_struct("PgCluster")
            .field("port", &self.port)
            .finish_non_exhaustive()
    }
}

/// Where the server's programs are: Debian keeps them in `/usr/lib/postgresql/<version>/bin`, out of `PATH`.
fn server_programs() -> Option<PathBuf> {
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| Some(e.ok()?.path().join("bin")))
        .filter(|bin| bin.join("initdb").exists())
        .collect();
    versions.sort();
    versions.pop()
}

/// Whether this process runs as root: `/proc/self` belongs to the process's effective user.
fn is_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

impl PgCluster {
    /// Makes and starts a cluster. Panics, saying what to install, when PostgreSQL is not there: the tests
    /// that need it are meant to run, not to be skipped unnoticed.
    pub fn start() -> PgCluster {
        let bin = server_programs().unwrap_or_else(|| {
            panic!(
                "PostgreSQL's server is not installed (no /usr/lib/postgresql/*/bin/initdb): install Debian's \
                 `postgresql` package (scripts/install-deps does)"
            )
        });
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("no temporary directory: {e}"));
        let run_as = is_root().then(|| "postgres".to_owned());
        if let Some(user) = &run_as {
            let owned = Command::new("chown")
                .arg(format!("{user}:"))
                .arg(dir.path())
                .status();
            assert!(
                owned.is_ok_and(|s| s.success()),
                "cannot hand {} to the {user} user",
                dir.path().display()
            );
        }
        let password = format!("pw-{}-{}", std::process::id(), rand_suffix());
        let pwfile = dir.path().join("pwfile");
        std::fs::write(&pwfile, &password)
            .unwrap_or_else(|e| panic!("cannot write the pwfile: {e}"));
        if let Some(user) = &run_as {
            let _ = Command::new("chown")
                .arg(format!("{user}:"))
                .arg(&pwfile)
                .status();
        }
        let mut cluster = PgCluster {
            dir,
            bin,
            port: 0,
            password,
            run_as,
        };
        let data = cluster.data_dir();
        cluster.run(
            "initdb",
            &[
                "-D",
                &data.display().to_string(),
                "-U",
                USER,
                "--pwfile",
                &pwfile.display().to_string(),
                "--auth-local=trust",
                "--auth-host=scram-sha-256",
                "-E",
                "UTF8",
                "--no-instructions",
            ],
        );
        let _ = std::fs::remove_file(&pwfile);
        cluster.port = free_port();
        cluster.start_server();
        cluster
    }

    fn data_dir(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// Runs one of the server's programs as the cluster's user; panics with its output when it fails.
    fn run(&self, program: &str, args: &[&str]) -> Output {
        let path = self.bin.join(program);
        let mut command = match &self.run_as {
            Some(user) => {
                let mut c = Command::new("runuser");
                c.args(["-u", user, "--"]).arg(&path);
                c
            }
            None => Command::new(&path),
        };
        let output = command
            .args(args)
            .current_dir(self.dir.path())
            .output()
            .unwrap_or_else(|e| panic!("cannot run {}: {e}", path.display()));
        assert!(
            output.status.success(),
            "{program} failed: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        output
    }

    fn start_server(&self) {
        let options = format!(
            "-c listen_addresses=127.0.0.1 -c port={} -c unix_socket_directories={} -c fsync=off \
             -c shared_buffers=16MB -c max_connections=200",
            self.port,
            self.dir.path().display()
        );
        let log = self.dir.path().join("server.log");
        self.run(
            "pg_ctl",
            &[
                "-D",
                &self.data_dir().display().to_string(),
                "-o",
                &options,
                "-l",
                &log.display().to_string(),
                "-w",
                "-t",
                "60",
                "start",
            ],
        );
    }

    /// Stops the server (fast: open connections are cut, as a restart does them).
    pub fn stop(&self) {
        self.run(
            "pg_ctl",
            &[
                "-D",
                &self.data_dir().display().to_string(),
                "-m",
                "fast",
                "-w",
                "stop",
            ],
        );
    }

    /// Starts the stopped server again on the same port.
    pub fn restart(&self) {
        self.start_server();
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn password(&self) -> &str {
        &self.password
    }

    /// A URL of `database` on this server with the password in it.
    pub fn url(&self, database: &str) -> String {
        format!(
            "postgres://{USER}:{}@127.0.0.1:{}/{database}",
            self.password, self.port
        )
    }

    /// The same without the password, for tests of the other ways to give it.
    pub fn url_without_password(&self, database: &str) -> String {
        format!("postgres://{USER}@127.0.0.1:{}/{database}", self.port)
    }

    /// Creates an empty database.
    pub fn create_database(&self, name: &str) {
        self.psql("postgres", &format!("CREATE DATABASE \"{name}\""));
    }

    /// Runs SQL through `psql` over the unix socket (no password there), returning its unaligned output.
    pub fn psql(&self, database: &str, sql: &str) -> String {
        let output = self.run(
            "psql",
            &[
                "-h",
                &self.dir.path().display().to_string(),
                "-p",
                &self.port.to_string(),
                "-U",
                USER,
                "-d",
                database,
                "-v",
                "ON_ERROR_STOP=1",
                "-A",
                "-t",
                "-c",
                sql,
            ],
        );
        String::from_utf8_lossy(&output.stdout).trim().to_owned()
    }

    /// The server's log so far, for a failing test to show.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("server.log")).unwrap_or_default()
    }

    fn dir(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for PgCluster {
    fn drop(&mut self) {
        let data = self.data_dir().display().to_string();
        let path = self.bin.join("pg_ctl");
        let mut command = match &self.run_as {
            Some(user) => {
                let mut c = Command::new("runuser");
                c.args(["-u", user, "--"]).arg(&path);
                c
            }
            None => Command::new(&path),
        };
        // Immediate: a test's cluster holds nothing worth a checkpoint. The directory goes with the TempDir.
        let _ = command
            .args(["-D", &data, "-m", "immediate", "-w", "stop"])
            .current_dir(self.dir())
            .output();
    }
}

/// A loopback port nothing listens on now.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or_else(|e| panic!("no free loopback port: {e}"))
}

fn rand_suffix() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(std::process::id().into());
    h.finish()
}
