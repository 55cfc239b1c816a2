//! `nightwatcherd run --listen` and `nightwatcherd web`, as real processes over a real database file and the
//! testkit fakes: the loopback rule, the password and API key set from the command line, the server answering
//! beside the watcher, and a new key ending the previous one while `run` serves.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic: that is the failure report

use std::process::Stdio;
use std::time::Duration;

use nightwatcher_testkit::prowlarr::FakeProwlarr;
use nightwatcher_testkit::telegram::FakeTelegram;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::process::{Child, Command};

const KEY: &str = "web-cli-prowlarr-key-77";
const TOKEN: &str = "777001:WEB-cli_token";
const PASSWORD: &str = "a password from stdin";

struct Env {
    dir: tempfile::TempDir,
    vars: Vec<(String, String)>,
}

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Env {
    fn new(prowlarr: &FakeProwlarr, telegram: &FakeTelegram) -> Env {
        let dir = tempfile::tempdir().unwrap();
        let vars = [
            (
                "NIGHTWATCHER_DB",
                dir.path().join("nw.db").display().to_string(),
            ),
            (
                "NIGHTWATCHER_KEYRING_SERVICE",
                format!("nightwatcher-webtest-{}", std::process::id()),
            ),
            ("NIGHTWATCHER_PROWLARR_URL", prowlarr.url()),
            ("NIGHTWATCHER_PROWLARR_API_KEY", KEY.into()),
            ("NIGHTWATCHER_TELEGRAM_BOT_TOKEN", TOKEN.into()),
            ("NIGHTWATCHER_TELEGRAM_CHAT_ID", "777".into()),
            ("NIGHTWATCHER_TELEGRAM_API_URL", telegram.api_url()),
            ("RUST_LOG", "info".into()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();
        Env { dir, vars }
    }

    fn command(&self, args: &[&str]) -> Command {
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

    async fn run(&self, args: &[&str], stdin: &str) -> Out {
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
            .expect("the command ends")
            .unwrap();
        Out {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// `run --listen ADDR` until it says where it serves; the child and the port.
    async fn serve(&self, listen: &str) -> (Child, u16) {
        let mut child = self
            .command(&["run", "--listen", listen])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
        let port = tokio::time::timeout(Duration::from_secs(60), async {
            while let Some(line) = lines.next_line().await.unwrap() {
                if line.contains("web UI ready")
                    && let Some(rest) = line.split("url=http://").nth(1)
                {
                    let addr = rest.split('/').next().unwrap();
                    return addr.rsplit(':').next().unwrap().parse::<u16>().unwrap();
                }
            }
            panic!("run ended without serving");
        })
        .await
        .expect("the web server starts");
        // Keep reading its log so the process never blocks on a full pipe.
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
        (child, port)
    }
}

async fn stop(mut child: Child) {
    let pid = child.id().unwrap().to_string();
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = tokio::time::timeout(Duration::from_secs(20), child.wait())
        .await
        .expect("stops within seconds")
        .unwrap();
    assert!(status.success(), "{status:?}");
}

#[tokio::test]
async fn a_lan_address_without_a_password_is_refused_before_watching() {
    let prowlarr = FakeProwlarr::start(KEY).await;
    let telegram = FakeTelegram::start(TOKEN).await;
    let env = Env::new(&prowlarr, &telegram);
    let out = env.run(&["run", "--listen", "0.0.0.0:0"], "").await;
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.contains("without a web password")
            && out.stderr.contains("nightwatcherd web password"),
        "{}",
        out.stderr
    );
    assert_eq!(prowlarr.requests(), 0, "nothing was watched");
    // A bad address is refused naming the option.
    let out = env.run(&["run", "--listen", "nas:8711"], "").await;
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("--listen nas:8711: must be an address and a port"),
        "{}",
        out.stderr
    );
    // The setting is refused naming itself.
    let out = env.run(&["config", "set", "web_listen", "8711"], "").await;
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("web_listen: must be"), "{}", out.stderr);
}

#[tokio::test]
async fn with_a_password_it_serves_and_a_new_api_key_ends_the_previous_one() {
    let prowlarr = FakeProwlarr::start(KEY).await;
    let telegram = FakeTelegram::start(TOKEN).await;
    let env = Env::new(&prowlarr, &telegram);

    let status = env.run(&["web", "status"], "").await;
    assert_eq!(status.code, 0, "{}", status.stderr);
    assert!(
        status.stdout.contains("password       not set"),
        "{}",
        status.stdout
    );
    let out = env
        .run(&["web", "password"], &format!("{PASSWORD}\n"))
        .await;
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = env.run(&["web", "password"], "short\n").await;
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("at least 8 characters"),
        "{}",
        out.stderr
    );
    let out = env.run(&["web", "api-key"], "").await;
    assert_eq!(out.code, 1, "a key is only shown when made");
    let first = env.run(&["web", "api-key", "--new"], "").await;
    assert_eq!(first.code, 0, "{}", first.stderr);
    let first_key = first.stdout.trim().to_owned();
    assert_eq!(first_key.len(), 64, "{first_key}");
    let status = env.run(&["web", "status"], "").await;
    assert!(
        status.stdout.contains("password       set"),
        "{}",
        status.stdout
    );
    assert!(
        status.stdout.contains("api key        set"),
        "{}",
        status.stdout
    );
    assert!(!status.stdout.contains(&first_key) && !status.stdout.contains(PASSWORD));

    let (child, port) = env.serve("0.0.0.0:0").await;
    let http = reqwest::Client::new();
    let base = format!("http://127.0.0.1:{port}/api/v1");
    let health = http.get(format!("{base}/health")).send().await.unwrap();
    assert_eq!(health.status(), 200);
    assert_eq!(health.text().await.unwrap(), r#"{"status":"ok"}"#);
    let items = |key: String| {
        let request = http.get(format!("{base}/items")).header("x-api-key", key);
        async move { request.send().await.unwrap().status().as_u16() }
    };
    assert_eq!(items(first_key.clone()).await, 200);
    assert_eq!(
        http.get(format!("{base}/items"))
            .send()
            .await
            .unwrap()
            .status(),
        401
    );

    // A new key made by another process on the same database, while `run` serves.
    let second = env.run(&["web", "api-key", "--new"], "").await;
    assert_eq!(second.code, 0, "{}", second.stderr);
    let second_key = second.stdout.trim().to_owned();
    assert_ne!(second_key, first_key);
    assert_eq!(items(first_key).await, 401);
    assert_eq!(items(second_key).await, 200);
    // The password set from stdin logs in.
    let login = http
        .post(format!("{base}/login"))
        .json(&serde_json::json!({"password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 204);
    stop(child).await;
}
