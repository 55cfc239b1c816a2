//! End-to-end test of the web UI in a real browser: `nightwatcherd run --listen` (the binary built by this
//! `cargo test`) serving the UI and the API, Debian's `chromium` driven headless through `chromedriver`
//! (package `chromium-driver`) over W3C WebDriver, and the fake Prowlarr in this test process.
//!
//! A person logs in (a wrong password first), adds an item, runs a check and watches its progress, sees what
//! was found, changes a setting, sets ntfy up and turns it off, and opens a message's link to an item; the XSS
//! corpus of `nightwatcher_testkit::xss`, carried by release titles and indexer names, renders as text. The
//! screenshots in `docs/screenshots/browser-*.png` are written by this test. Every wait is a bounded poll;
//! nothing asserts on how long anything took.
//!
//! Without chromium and chromedriver it fails and says how to install them (`scripts/install-deps` does).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may unwrap

use std::io::Write;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use nightwatcher_testkit::prowlarr::{FakeProwlarr, ReleaseBuilder, download_client};
use nightwatcher_testkit::xss;
use serde_json::{Value, json};

const PROWLARR_API_KEY: &str = "a81f4c2e0b9d47e3a6c5f1d8e2b7c9a0";
const PASSWORD: &str = "correct horse battery";
const WAIT_LIMIT: Duration = Duration::from_secs(30);
const POLL_EVERY: Duration = Duration::from_millis(150);
const DUNE: &str = "Dune: Part Two";
const DUNE_RELEASE: &str = "Dune.Part.Two.2024.1080p.BluRay.x264-SPARKS";
/// The film whose releases carry the XSS corpus.
const HOSTILE_FILM: (&str, &str) = ("Heat", "1995");

struct Running {
    children: Vec<Child>,
}

impl Drop for Running {
    fn drop(&mut self) {
        for child in &mut self.children {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

fn nightwatcherd(dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_nightwatcherd"));
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("NIGHTWATCHER_") {
            command.env_remove(name);
        }
    }
    command
        .args(["--db", &dir.join("nightwatcher.db").display().to_string()])
        .args(args)
        .env("NIGHTWATCHER_PROWLARR_API_KEY", PROWLARR_API_KEY)
        .env(
            "NIGHTWATCHER_KEYRING_SERVICE",
            "nightwatcher-browser-test-unused",
        )
        .env("RUST_LOG", "info");
    command
}

fn run_ok(dir: &Path, args: &[&str], stdin: Option<&str>) -> String {
    let mut command = nightwatcherd(dir, args);
    command
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().unwrap();
    if let (Some(text), Some(mut input)) = (stdin, child.stdin.take()) {
        input.write_all(text.as_bytes()).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "nightwatcherd {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn which(tool: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join(tool))
        .find(|p| p.is_file())
}

fn read(path: &Path) -> String {
    std::fs::read(path)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default()
}

/// Polls `probe` until it returns Ok, for at most [`WAIT_LIMIT`]; fails with what it last reported.
async fn eventually<T>(what: &str, mut probe: impl AsyncFnMut() -> Result<T, String>) -> T {
    let start = Instant::now();
    loop {
        match probe().await {
            Ok(value) => return value,
            Err(last) if start.elapsed() > WAIT_LIMIT => {
                panic!("gave up waiting for {what}; last seen: {last}")
            }
            Err(_) => tokio::time::sleep(POLL_EVERY).await,
        }
    }
}

fn by_testid(id: &str) -> String {
    format!("[data-testid=\"{id}\"]")
}

async fn visible(client: &Client, id: &str) -> Element {
    let css = by_testid(id);
    eventually(&format!("{id} to be displayed"), async || {
        let element = client
            .find(Locator::Css(&css))
            .await
            .map_err(|e| e.to_string())?;
        match element.is_displayed().await {
            Ok(true) => Ok(element),
            other => Err(format!("{other:?}")),
        }
    })
    .await
}

async fn click(client: &Client, id: &str) {
    visible(client, id).await.click().await.unwrap();
}

async fn type_into(client: &Client, id: &str, text: &str) {
    let input = visible(client, id).await;
    input.clear().await.unwrap();
    input.send_keys(text).await.unwrap();
}

async fn wait_text(client: &Client, id: &str, ok: impl Fn(&str) -> bool) -> String {
    let css = by_testid(id);
    eventually(&format!("the text of {id}"), async || {
        let text = client
            .find(Locator::Css(&css))
            .await
            .map_err(|e| e.to_string())?
            .text()
            .await
            .map_err(|e| e.to_string())?;
        if ok(&text) { Ok(text) } else { Err(text) }
    })
    .await
}

/// A DOM property of the element with test id `id` (`value`, `checked`), as text.
async fn prop(client: &Client, id: &str, name: &str) -> Result<String, String> {
    client
        .find(Locator::Css(&by_testid(id)))
        .await
        .map_err(|e| e.to_string())?
        .prop(name)
        .await
        .map_err(|e| e.to_string())
        .map(Option::unwrap_or_default)
}

async fn texts(client: &Client, id: &str) -> Vec<String> {
    let mut out = Vec::new();
    for element in client
        .find_all(Locator::Css(&by_testid(id)))
        .await
        .unwrap_or_default()
    {
        if let Ok(text) = element.text().await {
            out.push(text);
        }
    }
    out
}

async fn screenshot(client: &Client, name: &str) {
    let png = client.screenshot().await.unwrap();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("browser-{name}.png")), png).unwrap();
}

/// The API as a script sees it, with the API key.
async fn api(http: &reqwest::Client, base: &str, key: &str, path: &str) -> Value {
    http.get(format!("{base}/api/v1/{path}"))
        .header("X-Api-Key", key)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

async fn add_item(client: &Client, title: &str, year: &str) {
    click(client, "add-item").await;
    let form = visible(client, "item-form").await;
    let field = async |name: &str| {
        form.find(Locator::Css(&format!("[name=\"{name}\"]")))
            .await
            .unwrap()
    };
    field("title").await.send_keys(title).await.unwrap();
    field("kind").await.select_by_value("movie").await.unwrap();
    field("year").await.send_keys(year).await.unwrap();
    click(client, "item-save").await;
    eventually(&format!("a watchlist row for {title}"), async || {
        let titles = texts(client, "item-title").await;
        titles
            .iter()
            .any(|t| t == title)
            .then_some(())
            .ok_or_else(|| format!("rows {titles:?}"))
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_person_uses_the_web_ui_in_a_real_browser() {
    for (tool, package) in [
        ("chromium", "chromium"),
        ("chromedriver", "chromium-driver"),
    ] {
        assert!(
            which(tool).is_some(),
            "{tool} is not installed (Debian package {package}; scripts/install-deps installs it)"
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let prowlarr = FakeProwlarr::start(PROWLARR_API_KEY).await;
    prowlarr.add_releases(vec![
        ReleaseBuilder::new(DUNE_RELEASE)
            .indexer(1, "TorrentLeech")
            .seeders(1022)
            .build_for(&prowlarr),
    ]);
    prowlarr.add_download_client(download_client(
        1,
        "qBittorrent",
        "QBittorrent",
        "torrent",
        true,
    ));
    let corpus = xss::payloads();
    let (film, year) = HOSTILE_FILM;
    let hostile: Vec<(String, String)> = corpus
        .iter()
        .enumerate()
        .map(|(n, payload)| {
            (
                format!("{film} {year} 1080p WEB-DL {payload}"),
                corpus[(n + 7) % corpus.len()].clone(),
            )
        })
        .collect();

    run_ok(
        dir.path(),
        &["config", "set", "prowlarr_url", &prowlarr.url()],
        None,
    );
    run_ok(
        dir.path(),
        &["web", "password"],
        Some(&format!("{PASSWORD}\n")),
    );
    let key = run_ok(dir.path(), &["web", "api-key", "--new"], None)
        .split_whitespace()
        .find(|w| w.len() == 64 && w.chars().all(|c| c.is_ascii_hexdigit()))
        .expect("web api-key --new prints the key")
        .to_owned();
    let port = free_port();
    let log_path = dir.path().join("server.log");
    let log = std::fs::File::create(&log_path).unwrap();
    let server = nightwatcherd(
        dir.path(),
        &["run", "--listen", &format!("127.0.0.1:{port}")],
    )
    .stdin(Stdio::null())
    .stdout(log.try_clone().unwrap())
    .stderr(log)
    .spawn()
    .unwrap();
    let driver_port = free_port();
    let driver = Command::new("chromedriver")
        .arg(format!("--port={driver_port}"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let _running = Running {
        children: vec![server, driver],
    };
    let base = format!("http://127.0.0.1:{port}");
    eventually("the server to listen", async || {
        TcpStream::connect(("127.0.0.1", port))
            .map(|_| ())
            .map_err(|e| format!("{e}; log:\n{}", read(&log_path)))
    })
    .await;
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "goog:chromeOptions".into(),
        json!({"args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--window-size=1280,900", &format!("--user-data-dir={}", dir.path().join("chromium").display())]}),
    );
    let client = eventually("a WebDriver session with chromium", async || {
        TcpStream::connect(("127.0.0.1", driver_port)).map_err(|e| e.to_string())?;
        ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities.clone())
            .connect(&format!("http://127.0.0.1:{driver_port}"))
            .await
            .map_err(|e| e.to_string())
    })
    .await;
    let http = reqwest::Client::new();

    // 1. Logging in: a wrong password is refused and said so; the right one opens the app.
    client.goto(&format!("{base}/")).await.unwrap();
    type_into(&client, "login-password", "not the password").await;
    click(&client, "login-submit").await;
    wait_text(&client, "login-error", |t| !t.is_empty()).await;
    screenshot(&client, "login").await;
    type_into(&client, "login-password", PASSWORD).await;
    click(&client, "login-submit").await;
    visible(&client, "view-watchlist").await;

    // 2. An item added in the form is searched at once; what is out shows under Found.
    add_item(&client, DUNE, "2024").await;
    eventually("Dune's first search", async || {
        let items = api(&http, &base, &key, "items").await;
        items
            .as_array()
            .into_iter()
            .flatten()
            .any(|i| i["title"] == DUNE && !i["last_checked_at"].is_null())
            .then_some(())
            .ok_or_else(|| items.to_string())
    })
    .await;

    // 3. A check from the status bar, with its progress, then its result.
    prowlarr.add_releases(
        hostile
            .iter()
            .enumerate()
            .map(|(n, (title, indexer))| {
                ReleaseBuilder::new(title)
                    .indexer(n as i64 + 1, indexer)
                    .seeders(10 + n as i64)
                    .build_for(&prowlarr)
            })
            .collect::<Vec<_>>(),
    );
    add_item(&client, film, year).await;
    let runs_before = api(&http, &base, &key, "status").await["status"]["last_check"]["id"].clone();
    click(&client, "check-now").await;
    wait_text(&client, "status-state", |t| {
        t.contains("Checking") || t.contains("check")
    })
    .await;
    eventually("the check to finish", async || {
        let status = api(&http, &base, &key, "status").await;
        let last = &status["status"]["last_check"]["id"];
        (status["status"]["running"].is_null() && *last != runs_before && !last.is_null())
            .then_some(())
            .ok_or_else(|| status.to_string())
    })
    .await;
    wait_text(&client, "status-last-check", |t| !t.is_empty()).await;
    screenshot(&client, "watchlist").await;

    click(&client, "nav-found").await;
    visible(&client, "view-found").await;
    // The engine stores the first 1,000 characters of a title; the page must hold exactly those, as text.
    let sent: Vec<String> = hostile
        .iter()
        .map(|(t, _)| t.chars().take(1000).collect())
        .chain([DUNE_RELEASE.to_owned()])
        .collect();
    let sent_indexers: Vec<String> = hostile.iter().map(|(_, i)| i.clone()).collect();
    // Read in the page: exact textContent, not WebDriver's rendered (whitespace-folded) text.
    let read_found = "const all = (css) => Array.from(document.querySelectorAll(css)); \
         return { titles: all('[data-testid=\"found-title\"]').map((e) => e.textContent), \
                  indexers: all('[data-testid=\"found-indexer\"]').map((e) => e.textContent) };";
    let found = eventually("every release shown under Found", async || {
        let found = client
            .execute(read_found, vec![])
            .await
            .map_err(|e| e.to_string())?;
        let titles: Vec<String> =
            serde_json::from_value(found["titles"].clone()).unwrap_or_default();
        (titles.len() >= sent.len())
            .then_some(found.clone())
            .ok_or_else(|| format!("{titles:#?}"))
    })
    .await;
    let titles: Vec<String> = serde_json::from_value(found["titles"].clone()).unwrap();
    let mut missing: Vec<&String> = sent.iter().filter(|t| !titles.contains(t)).collect();
    assert!(
        missing.is_empty(),
        "not shown as sent: {missing:#?}\nshown: {titles:#?}"
    );
    let indexers: Vec<String> = serde_json::from_value(found["indexers"].clone()).unwrap();
    missing = sent_indexers
        .iter()
        .filter(|i| !indexers.contains(i))
        .collect();
    assert!(
        missing.is_empty(),
        "indexers not shown as sent: {missing:#?}\nshown: {indexers:#?}"
    );
    // No payload ran: no marker set, the document title unchanged, no element a payload would have made.
    let ran = client
        .execute(
            "const names = arguments[0]; \
             return { set: names.filter((n) => window[n] !== undefined), title: document.title, \
                      made: document.querySelectorAll('main script, main iframe, main svg, main img[src=x], main style').length };",
            vec![json!((0..corpus.len()).map(xss::marker).collect::<Vec<_>>())],
        )
        .await
        .unwrap();
    assert_eq!(ran["set"], json!([]), "a payload ran: {ran}");
    assert_ne!(ran["title"], xss::PWNED_TITLE, "{ran}");
    assert_eq!(ran["made"], 0, "a payload made an element: {ran}");
    screenshot(&client, "found").await;

    // A grab from the browser: its row says by which client, and Prowlarr got it once.
    let found = api(&http, &base, &key, "found").await;
    let dune = found
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["title"] == DUNE_RELEASE)
        .unwrap()["match_id"]
        .clone();
    let in_row = |id: &str| format!("tr[data-match-id=\"{dune}\"] {}", by_testid(id));
    let button = client
        .find(Locator::Css(&in_row("found-grab")))
        .await
        .unwrap();
    assert_eq!(button.text().await.unwrap(), "Grab → qBittorrent");
    button.click().await.unwrap();
    eventually("the grab shown in Dune's row", async || {
        let grabbed = client
            .find(Locator::Css(&in_row("found-grabbed")))
            .await
            .map_err(|e| e.to_string())?;
        let text = grabbed.text().await.map_err(|e| e.to_string())?;
        (text == "Grabbed → qBittorrent").then_some(()).ok_or(text)
    })
    .await;
    let grabs = prowlarr.grabs();
    assert_eq!(grabs.len(), 1, "{grabs:?}");
    assert_eq!(grabs[0].title, DUNE_RELEASE);
    let found = api(&http, &base, &key, "found").await;
    let dune_found = found
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["match_id"] == dune)
        .unwrap();
    assert_eq!(dune_found["grab_face"], "web", "{dune_found}");

    // 4. A setting changed in the browser is stored by the server.
    click(&client, "nav-settings").await;
    type_into(&client, "interval", "30m").await;
    click(&client, "settings-save").await;
    wait_text(&client, "settings-result", |t| t == "Settings saved.").await;
    assert_eq!(api(&http, &base, &key, "settings").await["interval"], "30m");
    screenshot(&client, "settings").await;

    // 5. The ntfy section: a topic saved in the browser is stored and sets ntfy up (on by default); its switch
    // turns it off; both are shown again after a reload.
    visible(&client, "settings-ntfy").await;
    type_into(&client, "settings-ntfy-topic", "nightwatcher-browser-test").await;
    click(&client, "settings-save").await;
    wait_text(&client, "settings-result", |t| t == "Settings saved.").await;
    let ntfy = async || {
        let settings = api(&http, &base, &key, "settings").await;
        let channel = settings["channels"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|c| c["id"] == "ntfy")
            .cloned()
            .unwrap_or_default();
        (
            settings["ntfy_topic"].clone(),
            channel["configured"].clone(),
            channel["enabled"].clone(),
        )
    };
    assert_eq!(
        ntfy().await,
        (json!("nightwatcher-browser-test"), json!(true), json!(true))
    );
    wait_text(&client, "settings-ntfy-state", |t| t.starts_with("On:")).await;
    click(&client, "settings-ntfy-enabled").await;
    click(&client, "settings-save").await;
    wait_text(&client, "settings-ntfy-state", |t| t.starts_with("Off:")).await;
    assert_eq!(
        ntfy().await,
        (
            json!("nightwatcher-browser-test"),
            json!(true),
            json!(false)
        )
    );
    client.refresh().await.unwrap();
    click(&client, "nav-settings").await;
    let shown = eventually("the stored topic and switch", async || {
        let shown = (
            prop(&client, "settings-ntfy-topic", "value").await?,
            prop(&client, "settings-ntfy-enabled", "checked").await?,
        );
        (shown.0 == "nightwatcher-browser-test")
            .then_some(shown.clone())
            .ok_or(format!("{shown:?}"))
    })
    .await;
    assert_eq!(
        shown,
        ("nightwatcher-browser-test".to_owned(), "false".to_owned())
    );

    // 6. A message's link to an item opens Found filtered to it.
    let items = api(&http, &base, &key, "items").await;
    let dune_item = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["title"] == DUNE)
        .unwrap()["id"]
        .to_string();
    client
        .goto(&format!("{base}/?item={dune_item}"))
        .await
        .unwrap();
    visible(&client, "view-found").await;
    eventually("Found filtered to Dune", async || {
        let filter = prop(&client, "found-filter", "value").await?;
        let titles = texts(&client, "found-title").await;
        (filter == dune_item && titles == [DUNE_RELEASE])
            .then_some(())
            .ok_or_else(|| format!("filter {filter:?}, rows {titles:?}"))
    })
    .await;

    // Nothing the server logged holds the password or the key.
    let log = read(&log_path);
    assert!(
        !log.contains(PASSWORD) && !log.contains(&key),
        "a secret is in the log"
    );
    client.close().await.unwrap();
}
