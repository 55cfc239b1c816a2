//! Bad input through the UI's commands ([`dispatch`], as the socket runs them): every case is refused with a
//! message that says what is wrong and what to do, and the database holds exactly what it held before.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic: that is the failure report

use std::sync::Arc;
use std::time::Duration;

use nightwatcher_engine::command::dispatch_json as dispatch;
use nightwatcher_engine::events::Events;
use nightwatcher_engine::ipc::RemoteError;
use nightwatcher_engine::secrets::MemoryStore;
use nightwatcher_engine::service::{Service, ServiceOptions};
use nightwatcher_engine::settings;
use nightwatcher_engine::store::Store;
use serde_json::{Value, json};

async fn service(dir: &std::path::Path) -> Service {
    let store = Store::open(&dir.join("app.db")).await.unwrap();
    // No scheduled check: only the commands of the test touch the database.
    let options = ServiceOptions {
        first_check_after: Duration::from_secs(3600),
        ..ServiceOptions::default()
    };
    Service::start_with(
        store,
        Arc::new(MemoryStore::default()),
        Events::new(),
        options,
    )
    .await
}

async fn refused(service: &Service, cmd: &str, args: Value) -> RemoteError {
    match dispatch(service, cmd, args.clone()).await {
        Ok(v) => panic!("{cmd} {args} was accepted: {v}"),
        Err(e) => e,
    }
}

/// The stored watchlist titles, read from the store itself.
async fn stored_titles(service: &Service) -> Vec<String> {
    let items = service.store().items().await.unwrap();
    items.into_iter().map(|i| i.title).collect()
}

/// The settings stored in the database (not the environment, not defaults).
async fn stored_settings(service: &Service) -> Vec<(String, String)> {
    settings::effective(service.store())
        .await
        .unwrap()
        .into_iter()
        .filter(|s| s.source == settings::Source::Database)
        .filter_map(|s| Some((s.key.to_owned(), s.value?)))
        .collect()
}

#[tokio::test]
async fn bad_titles_and_years_are_refused_naming_the_field_and_nothing_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let service = service(dir.path()).await;
    dispatch(
        &service,
        "add_item",
        json!({"spec": {"title": "Heat", "kind": "movie"}}),
    )
    .await
    .unwrap();

    let long = "x".repeat(10_000);
    let cases: [(Value, &str, &str); 9] = [
        (json!(""), "title", "must not be blank"),
        (json!("   "), "title", "must not be blank"),
        (
            json!(long),
            "title",
            "at most 200 characters (this one has 10000)",
        ),
        (json!("Dune\u{0}"), "title", "found U+0000 at character 5"),
        (
            json!("\u{1b}[2JDune"),
            "title",
            "found U+001B at character 1",
        ),
        (
            json!("Dune \u{202e}owt"),
            "title",
            "found U+202E at character 6",
        ),
        (json!("Du\nne"), "title", "found U+000A"),
        (json!(42), "", "malformed arguments for add_item"),
        (json!(null), "", "malformed arguments for add_item"),
    ];
    for (title, field, wanted) in cases {
        let e = refused(
            &service,
            "add_item",
            json!({"spec": {"title": title, "kind": "movie"}}),
        )
        .await;
        assert_eq!(e.kind, "validation", "{title}: {e:?}");
        assert_eq!(
            e.field.as_deref(),
            (!field.is_empty()).then_some(field),
            "{title}: {e:?}"
        );
        assert!(e.message.contains(wanted), "{title}: {e:?}");
    }

    for year in [json!(-1), json!(0), json!(99_999), json!(i64::MAX)] {
        let e = refused(
            &service,
            "add_item",
            json!({"spec": {"title": "Dune", "kind": "movie", "year": year}}),
        )
        .await;
        assert_eq!(e.field.as_deref(), Some("year"), "{year}: {e:?}");
        assert!(e.message.contains("must be between 1870 and"), "{e:?}");
    }
    let e = refused(
        &service,
        "add_item",
        json!({"spec": {"title": "Dune", "kind": "movie", "year": "2021"}}),
    )
    .await;
    assert!(e.message.contains("expected i64"), "{e:?}");

    // Editing the stored item with a bad title leaves it as it was.
    let id = service.store().items().await.unwrap()[0].id;
    let e = refused(
        &service,
        "update_item",
        json!({"id": id, "spec": {"title": "Heat\u{202e}", "kind": "movie"}}),
    )
    .await;
    assert_eq!(e.field.as_deref(), Some("title"), "{e:?}");

    assert_eq!(stored_titles(&service).await, ["Heat"]);
    service.shutdown().await;
}

#[tokio::test]
async fn an_import_of_a_thousand_entries_with_one_bad_one_stores_none_and_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let service = service(dir.path()).await;
    let good: Vec<Value> = (0..1000)
        .map(|i| json!({"title": format!("Movie {i}"), "kind": "movie", "year": 2000}))
        .collect();
    let cases: [(usize, Value, &str, &str); 6] = [
        (
            999,
            json!({"title": "Bad Year", "kind": "movie", "year": -1}),
            "entry 999 (\"Bad Year\")",
            "year: must be between 1870",
        ),
        (
            0,
            json!({"title": "x".repeat(10_000), "kind": "movie"}),
            "entry 0 (",
            "title: must be at most 200 characters",
        ),
        (
            417,
            json!({"title": "Evil\u{202e}", "kind": "movie"}),
            "entry 417 (\"Evil\\u{202e}\")",
            "title: must not contain control or text-direction characters (found U+202E",
        ),
        (
            500,
            json!({"title": "Typed", "kind": "movie", "tmdb_id": "abc"}),
            "entry 500 (\"Typed\")",
            "tmdb_id: invalid type: string \"abc\", expected i64",
        ),
        (
            1,
            json!({"title": "No kind"}),
            "entry 1 (\"No kind\")",
            "kind: is required",
        ),
        (
            2,
            json!(["not", "an", "object"]),
            "entry 2 (\"\")",
            "entry: must be an object",
        ),
    ];
    for (index, bad, names, rule) in cases {
        let mut entries = good.clone();
        entries[index] = bad;
        let e = refused(
            &service,
            "import_items",
            json!({"json": serde_json::to_string(&entries).unwrap()}),
        )
        .await;
        assert_eq!(e.kind, "import", "{e:?}");
        assert!(e.message.contains(names), "{index}: {e:?}");
        assert!(e.message.contains(rule), "{index}: {e:?}");
        assert!(
            e.message
                .contains("nothing was imported: correct that entry"),
            "{e:?}"
        );
        assert!(
            stored_titles(&service).await.is_empty(),
            "all or nothing ({index})"
        );
    }

    for malformed in [
        "",
        "{not json",
        "[{\"title\": \"Dune\",",
        "{\"title\": \"Dune\"}",
        "null",
    ] {
        let e = refused(&service, "import_items", json!({"json": malformed})).await;
        assert_eq!(e.kind, "import", "{malformed}: {e:?}");
        assert!(
            e.message
                .contains("not valid JSON of the watchlist format (an array of {title, kind"),
            "{malformed}: {e:?}"
        );
    }
    let e = refused(&service, "import_items", json!({"json": 7})).await;
    assert!(
        e.message.contains("malformed arguments for import_items"),
        "{e:?}"
    );
    assert!(stored_titles(&service).await.is_empty());

    // The same thousand entries without the bad one all arrive.
    let n = dispatch(
        &service,
        "import_items",
        json!({"json": serde_json::to_string(&good).unwrap()}),
    )
    .await
    .unwrap();
    assert_eq!(n, json!(1000));
    assert_eq!(stored_titles(&service).await.len(), 1000);
    service.shutdown().await;
}

#[tokio::test]
async fn bad_settings_are_refused_as_a_whole_and_say_what_to_write() {
    let dir = tempfile::tempdir().unwrap();
    let service = service(dir.path()).await;
    dispatch(
        &service,
        "save_settings",
        json!({"input": {"prowlarr_url": "http://nas:9696", "telegram_chat_id": "123456"}}),
    )
    .await
    .unwrap();
    let before = stored_settings(&service).await;
    assert_eq!(before.len(), 2, "{before:?}");

    let cases: [(Value, &str, &str); 9] = [
        (
            json!({"prowlarr_url": "localhost:9696"}),
            "prowlarr_url",
            "has no scheme: write it with http:// or https:// in front, such as http://localhost:9696",
        ),
        (
            json!({"prowlarr_url": "nas"}),
            "prowlarr_url",
            "such as http://nas",
        ),
        (
            json!({"prowlarr_url": "file:///etc/passwd"}),
            "prowlarr_url",
            "must be an http(s) URL with a host",
        ),
        (
            json!({"prowlarr_url": "javascript:alert(1)"}),
            "prowlarr_url",
            "must be an http(s) URL with a host",
        ),
        (
            json!({"telegram_api_url": "javascript:alert(1)"}),
            "telegram_api_url",
            "must be an http(s) URL with a host",
        ),
        (
            json!({"telegram_chat_id": "my friend"}),
            "telegram_chat_id",
            "is not a chat id: use the numeric id",
        ),
        (
            json!({"telegram_chat_id": "12ab"}),
            "telegram_chat_id",
            "is not a chat id",
        ),
        // A good URL with a bad chat id: the URL is not saved either.
        (
            json!({"prowlarr_url": "http://other:9696", "telegram_chat_id": "\u{1b}[31m"}),
            "telegram_chat_id",
            "is not a chat id",
        ),
        (
            json!({"interval": "5s", "prowlarr_url": "http://other:9696"}),
            "interval",
            "must be between 1m and 7d",
        ),
    ];
    for (input, field, wanted) in cases {
        let e = refused(&service, "save_settings", json!({ "input": input })).await;
        assert_eq!(
            (e.kind.as_str(), e.field.as_deref()),
            ("validation", Some(field)),
            "{input}: {e:?}"
        );
        assert!(e.message.contains(wanted), "{input}: {e:?}");
        assert_eq!(stored_settings(&service).await, before, "{input}");
    }
    let e = refused(
        &service,
        "save_settings",
        json!({"input": {"concurrency": "many"}}),
    )
    .await;
    assert!(
        e.message.contains("malformed arguments for save_settings"),
        "{e:?}"
    );
    let e = refused(
        &service,
        "save_settings",
        json!({"input": {"telegram_chat_id": 5}}),
    )
    .await;
    assert!(e.message.contains("malformed arguments"), "{e:?}");
    assert_eq!(stored_settings(&service).await, before);
    service.shutdown().await;
}
