//! Scaffolding of the tests that run `nightwatcherd` as a real process: a private database and keyring
//! service per test, the environment pointing at the testkit fakes, and a run that returns the exit code and
//! both outputs. A test file uses it with `mod common;`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic: that is the failure report
#![allow(dead_code)] // each test binary compiles its own copy and uses part of it

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use nightwatcher_testkit::prowlarr::FakeProwlarr;
use nightwatcher_testkit::telegram::FakeTelegram;
use tokio::io::AsyncWriteExt;
use tokio::process::Command;

pub const KEY: &str = "cli-prowlarr-key-5f3a9c";
pub const TOKEN: &str = "987654:CLI-bot_token-zz9";
pub const CHAT: i64 = 777;

pub struct Out {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub struct Env {
    pub dir: tempfile::TempDir,
    pub vars: Vec<(String, String)>,
}

impl Env {
    pub fn new() -> Env {
        let dir = tempfile::tempdir().unwrap();
        let service = format!("nightwatcher-test-{}", std::process::id());
        let vars = vec![
            (
                "NIGHTWATCHER_DB".into(),
                dir.path().join("nw.db").display().to_string(),
            ),
            ("NIGHTWATCHER_KEYRING_SERVICE".into(), service),
            ("RUST_LOG".into(), "info".into()),
        ];
        Env { dir, vars }
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("nw.db")
    }

    pub fn set(&mut self, k: &str, v: &str) {
        self.vars.retain(|(key, _)| key != k);
        self.vars.push((k.into(), v.into()));
    }

    pub fn with_fakes(&mut self, prowlarr: &FakeProwlarr, telegram: &FakeTelegram) {
        self.set("NIGHTWATCHER_PROWLARR_URL", &prowlarr.url());
        self.set("NIGHTWATCHER_PROWLARR_API_KEY", KEY);
        self.set("NIGHTWATCHER_TELEGRAM_BOT_TOKEN", TOKEN);
        self.set("NIGHTWATCHER_TELEGRAM_CHAT_ID", &CHAT.to_string());
        self.set("NIGHTWATCHER_TELEGRAM_API_URL", &telegram.api_url());
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_nightwatcherd"));
        cmd.args(args)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default());
        for var in ["DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR", "HOME"] {
            if let Ok(v) = std::env::var(var) {
                cmd.env(var, v);
            }
        }
        cmd.env("XDG_DATA_HOME", self.dir.path().join("xdg"));
        for (k, v) in &self.vars {
            cmd.env(k, v);
        }
        cmd.kill_on_drop(true);
        cmd
    }

    pub async fn run(&self, args: &[&str]) -> Out {
        self.run_with_stdin(args, "").await
    }

    pub async fn run_with_stdin(&self, args: &[&str], stdin: &str) -> Out {
        let mut child = self
            .command(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut input = child.stdin.take().unwrap();
        input.write_all(stdin.as_bytes()).await.unwrap();
        drop(input);
        let out = tokio::time::timeout(Duration::from_secs(60), child.wait_with_output())
            .await
            .unwrap()
            .unwrap();
        Out {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

/// `nightwatcherd --db <db> <args>` with a clean environment; Prowlarr and Telegram (when given) are the fakes,
/// their secrets given through the environment. For tests that start daemons of their own (`run`) rather
/// than an [`Env`]'s one-shot commands.
pub fn daemon_at(
    db: &Path,
    fakes: Option<(&FakeProwlarr, &FakeTelegram)>,
    args: &[&str],
) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_nightwatcherd"));
    cmd.arg("--db")
        .arg(db)
        .args(args)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("XDG_DATA_HOME", db.with_extension("xdg"))
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .kill_on_drop(true);
    if let Some((prowlarr, telegram)) = fakes {
        cmd.env("NIGHTWATCHER_PROWLARR_URL", prowlarr.url())
            .env("NIGHTWATCHER_PROWLARR_API_KEY", KEY)
            .env("NIGHTWATCHER_TELEGRAM_BOT_TOKEN", TOKEN)
            .env("NIGHTWATCHER_TELEGRAM_CHAT_ID", CHAT.to_string())
            .env("NIGHTWATCHER_TELEGRAM_API_URL", telegram.api_url());
    }
    cmd
}

/// Runs `cmd` to its end (within a minute) and returns its exit code and outputs.
pub async fn output(mut cmd: Command) -> Out {
    let out = tokio::time::timeout(Duration::from_secs(60), cmd.output())
        .await
        .expect("nightwatcherd did not finish within a minute")
        .unwrap();
    Out {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

pub fn assert_no_secrets(text: &str) {
    assert!(!text.contains(KEY), "the API key leaked: {text}");
    assert!(!text.contains(TOKEN), "the bot token leaked: {text}");
}

pub fn file_contains(path: &Path, needle: &str) -> bool {
    let bytes = std::fs::read(path).unwrap_or_default();
    bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
}
