//! Proves the fake Prowlarr's wire behaviour over real HTTP, as a client would see it.

// Tests may unwrap: a panic is the failure report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use chrono::{Duration as Age, Utc};
use nightwatcher_testkit::prowlarr::{
    FakeProwlarr, Fault, GrabFault, ReleaseBuilder, download_client,
};
use reqwest::StatusCode;
use serde_json::Value;

const KEY: &str = "0123456789abcdef0123456789abcdef";

fn client() -> reqwest::Client {
    reqwest::Client::builder().no_proxy().build().unwrap()
}

async fn get(fake: &FakeProwlarr, path_and_query: &str) -> reqwest::Response {
    client()
        .get(format!("{}{path_and_query}", fake.url()))
        .header("X-Api-Key", KEY)
        .send()
        .await
        .unwrap()
}

async fn search(fake: &FakeProwlarr, query: &str) -> Vec<Value> {
    let response = get(fake, &format!("/api/v1/search?{query}")).await;
    assert_eq!(response.status(), StatusCode::OK, "search {query}");
    response.json().await.unwrap()
}

fn titles(results: &[Value]) -> Vec<String> {
    results
        .iter()
        .map(|r| r["title"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn wrong_or_missing_key_is_401_with_empty_body_and_no_challenge() {
    let fake = FakeProwlarr::start(KEY).await;
    let url = format!("{}/api/v1/search?query=x", fake.url());
    for request in [
        client().get(&url),
        client().get(&url).header("X-Api-Key", "wrong"),
        client().get(&url).bearer_auth("wrong"),
    ] {
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert!(response.headers().get("www-authenticate").is_none());
        assert!(response.headers().get("x-application-version").is_some());
        assert_eq!(response.text().await.unwrap(), "");
    }
}

#[tokio::test]
async fn query_apikey_is_checked_first_even_when_the_header_is_right() {
    let fake = FakeProwlarr::start(KEY).await;
    let response = client()
        .get(format!("{}/api/v1/health?apikey=wrong", fake.url()))
        .header("X-Api-Key", KEY)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);

    let response = client()
        .get(format!("{}/api/v1/health?apikey={KEY}", fake.url()))
        .header("X-Api-Key", "wrong")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);

    let response = client()
        .get(format!("{}/api/v1/health", fake.url()))
        .bearer_auth(KEY)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn ping_needs_no_key() {
    let fake = FakeProwlarr::start(KEY).await;
    let response = client()
        .get(format!("{}/ping", fake.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["status"], "OK");
}

#[tokio::test]
async fn accept_header_without_json_is_406_and_api_responses_carry_the_version() {
    let fake = FakeProwlarr::start(KEY).await;
    fake.set_version("2.3.7.1");
    let response = client()
        .get(format!("{}/api/v1/system/status", fake.url()))
        .header("X-Api-Key", KEY)
        .header("Accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_ACCEPTABLE);

    let response = client()
        .get(format!("{}/api/v1/system/status", fake.url()))
        .header("X-Api-Key", KEY)
        .header("Accept", "text/html, application/json;q=0.9")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["x-application-version"], "2.3.7.1");
    let status: Value = response.json().await.unwrap();
    assert_eq!(status["appName"], "Prowlarr");
    assert_eq!(status["version"], "2.3.7.1");
}

#[tokio::test]
async fn starting_up_makes_every_api_call_503() {
    let fake = FakeProwlarr::start(KEY).await;
    fake.set_starting_up(true);
    let response = get(&fake, "/api/v1/system/status").await;
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body: Value = response.json().await.unwrap();
    assert_eq!(
        body["errorMessage"],
        "Prowlarr is starting up, please try again later"
    );
    fake.set_starting_up(false);
    assert_eq!(
        get(&fake, "/api/v1/system/status").await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn repeated_categories_filter_parents_to_children_and_children_exactly() {
    let fake = FakeProwlarr::start(KEY).await;
    fake.add_releases([
        ReleaseBuilder::new("Movie.A.2024.1080p-G")
            .categories(&[2040])
            .build(),
        ReleaseBuilder::new("Movie.B.2024.2160p-G")
            .categories(&[2045])
            .build(),
        ReleaseBuilder::new("Show.S01E01.1080p-G")
            .categories(&[5040])
            .build(),
        ReleaseBuilder::new("Album.2024.FLAC-G")
            .categories(&[3040])
            .build(),
        ReleaseBuilder::new("Uncategorised.Thing-G")
            .categories(&[])
            .build(),
    ]);

    let mut got = titles(&search(&fake, "categories=2000&categories=5000").await);
    got.sort();
    assert_eq!(
        got,
        [
            "Movie.A.2024.1080p-G",
            "Movie.B.2024.2160p-G",
            "Show.S01E01.1080p-G",
            "Uncategorised.Thing-G"
        ]
    );

    let mut got = titles(&search(&fake, "categories=2045").await);
    got.sort();
    assert_eq!(got, ["Movie.B.2024.2160p-G", "Uncategorised.Thing-G"]);
}

#[tokio::test]
async fn comma_list_of_categories_is_a_400_validation_array() {
    let fake = FakeProwlarr::start(KEY).await;
    fake.add_release(ReleaseBuilder::new("Movie.A.2024.1080p-G").build());
    let response = get(&fake, "/api/v1/search?query=movie&categories=2000,5000").await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body: Value = response.json().await.unwrap();
    let errors = body.as_array().expect("a validation-error array");
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["attemptedValue"], "2000,5000");
    assert!(
        errors[0]["errorMessage"]
            .as_str()
            .unwrap()
            .contains("not valid")
    );
}

#[tokio::test]
async fn empty_query_returns_latest_newest_first_with_limit_and_offset_per_indexer() {
    let fake = FakeProwlarr::start(KEY).await;
    let now = Utc::now();
    // Indexer 1: three releases; indexer 2: two. Added out of order on purpose.
    fake.add_releases([
        ReleaseBuilder::new("One.Old")
            .indexer(1, "Alpha")
            .published(now - Age::hours(30))
            .build(),
        ReleaseBuilder::new("One.New")
            .indexer(1, "Alpha")
            .published(now - Age::hours(1))
            .build(),
        ReleaseBuilder::new("One.Mid")
            .indexer(1, "Alpha")
            .published(now - Age::hours(10))
            .build(),
        ReleaseBuilder::new("Two.Old")
            .indexer(2, "Beta")
            .usenet()
            .published(now - Age::hours(20))
            .build(),
        ReleaseBuilder::new("Two.New")
            .indexer(2, "Beta")
            .usenet()
            .published(now - Age::hours(2))
            .build(),
    ]);

    let all = search(&fake, "type=search").await;
    assert_eq!(
        titles(&all),
        ["One.New", "One.Mid", "One.Old", "Two.New", "Two.Old"]
    );
    assert_eq!(all[0]["age"], 0);
    assert_eq!(all[2]["age"], 1);

    assert_eq!(
        titles(&search(&fake, "query=&limit=1").await),
        ["One.New", "Two.New"]
    );
    assert_eq!(
        titles(&search(&fake, "limit=1&offset=1").await),
        ["One.Mid", "Two.Old"]
    );
    assert_eq!(
        titles(&search(&fake, "limit=2&offset=2").await),
        ["One.Old"]
    );
    assert_eq!(
        titles(&search(&fake, "indexerIds=2").await),
        ["Two.New", "Two.Old"]
    );
    assert_eq!(
        titles(&search(&fake, "indexerIds=-1").await),
        ["Two.New", "Two.Old"]
    );
}

#[tokio::test]
async fn tokens_are_parsed_for_tvsearch_but_literal_for_search() {
    let fake = FakeProwlarr::start(KEY).await;
    fake.add_releases([
        ReleaseBuilder::new("Severance.S02E01.1080p.ATVP.WEB-DL.DDP5.1.H.264-NTb")
            .imdb_id(11_280_740)
            .build(),
        ReleaseBuilder::new("Severance.S02E02.1080p.ATVP.WEB-DL.DDP5.1.H.264-NTb")
            .imdb_id(11_280_740)
            .build(),
        ReleaseBuilder::new("Severance.S01E01.720p.WEB-DL-GRP").build(),
        ReleaseBuilder::new("Other.Show.S02E01.1080p-GRP")
            .imdb_id(1)
            .build(),
    ]);

    let q = "query=%7BImdbId:tt11280740%7D%7BSeason:2%7D%7BEpisode:01%7D&type=tvsearch";
    assert_eq!(
        titles(&search(&fake, q).await),
        ["Severance.S02E01.1080p.ATVP.WEB-DL.DDP5.1.H.264-NTb"]
    );

    // Text plus season: a release with imdbId 0 is kept because its text matches.
    let q = "query=severance%20%7Bseason:1%7D&type=tvsearch";
    assert_eq!(
        titles(&search(&fake, q).await),
        ["Severance.S01E01.720p.WEB-DL-GRP"]
    );

    // Same tokens with type=search are literal text, which no title contains.
    let q = "query=%7BImdbId:tt11280740%7D%7BSeason:2%7D&type=search";
    assert!(search(&fake, q).await.is_empty());
}

#[tokio::test]
async fn id_only_search_skips_releases_of_unknown_identity() {
    let fake = FakeProwlarr::start(KEY).await;
    fake.add_releases([
        ReleaseBuilder::new("Dune.Part.Two.2024.2160p-FLUX")
            .imdb_id(15_239_678)
            .build(),
        ReleaseBuilder::new("Dune.Part.Two.2024.1080p-OTHER").build(),
    ]);
    let got = search(&fake, "query=%7BImdbId:15239678%7D&type=movie").await;
    assert_eq!(titles(&got), ["Dune.Part.Two.2024.2160p-FLUX"]);
    let got = search(&fake, "query=dune%20%7BImdbId:15239678%7D&type=movie").await;
    assert_eq!(got.len(), 2);
}

#[tokio::test]
async fn results_are_deduplicated_by_guid_across_indexers() {
    let fake = FakeProwlarr::start(KEY).await;
    fake.add_releases([
        ReleaseBuilder::new("Same.Release.2024-G")
            .guid("g-1")
            .indexer(1, "Alpha")
            .build(),
        ReleaseBuilder::new("Same.Release.2024-G")
            .guid("g-1")
            .indexer(2, "Beta")
            .build(),
    ]);
    let got = search(&fake, "query=same%20release").await;
    assert_eq!(got.len(), 1);
    assert_eq!(got[0]["indexerId"], 1);
}

#[tokio::test]
async fn selected_indexers_that_do_not_exist_are_all_unavailable() {
    let fake = FakeProwlarr::start(KEY).await;
    let response = get(&fake, "/api/v1/search?query=x&indexerIds=99").await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body: Value = response.json().await.unwrap();
    assert_eq!(
        body["message"],
        "Search failed due to all selected indexers being unavailable"
    );
}

#[tokio::test]
async fn null_fields_are_omitted_and_build_for_embeds_the_real_key() {
    let fake = FakeProwlarr::start(KEY).await;
    let mut release = ReleaseBuilder::new("Movie.2024.1080p-G")
        .no_info_url()
        .build_for(&fake);
    release["posterUrl"] = Value::Null;
    fake.add_release(release);
    let got = search(&fake, "query=movie").await;
    assert!(got[0].get("posterUrl").is_none());
    assert!(got[0].get("infoUrl").is_none());
    let download = got[0]["downloadUrl"].as_str().unwrap();
    assert!(download.starts_with(&format!("{}/1/download?apikey={KEY}&", fake.url())));
}

#[tokio::test]
async fn each_fault_answers_like_the_real_failure() {
    let fake = FakeProwlarr::start(KEY).await;
    fake.add_release(ReleaseBuilder::new("Movie.2024.1080p-G").build());

    fake.push_fault(Fault::Unauthorized);
    let r = get(&fake, "/api/v1/search?query=movie").await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(r.text().await.unwrap(), "");

    fake.push_fault(Fault::TooManyRequests {
        retry_after_secs: 42,
    });
    let r = get(&fake, "/api/v1/search?query=movie").await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(r.headers()["retry-after"], "42");
    assert!(r.json::<Value>().await.unwrap()["message"].is_string());

    fake.push_fault(Fault::ServerError);
    let r = get(&fake, "/api/v1/search?query=movie").await;
    assert_eq!(r.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert!(r.json::<Value>().await.unwrap()["message"].is_string());

    fake.push_fault(Fault::StartingUp);
    let r = get(&fake, "/api/v1/search?query=movie").await;
    assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        r.json::<Value>().await.unwrap()["errorMessage"],
        "Prowlarr is starting up, please try again later"
    );

    fake.push_fault(Fault::AllIndexersUnavailable);
    let r = get(&fake, "/api/v1/search?query=movie").await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        r.json::<Value>().await.unwrap()["message"],
        "Search failed due to all selected indexers being unavailable"
    );

    fake.push_fault(Fault::HtmlBody);
    let r = get(&fake, "/api/v1/search?query=movie").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert!(r.text().await.unwrap().starts_with("<html>"));

    fake.push_fault(Fault::TruncatedJson);
    let r = get(&fake, "/api/v1/search?query=movie").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
    let body = r.text().await.unwrap();
    assert!(body.starts_with('['));
    assert!(serde_json::from_str::<Value>(&body).is_err());

    // The queue is empty again: the next search succeeds.
    assert_eq!(search(&fake, "query=movie").await.len(), 1);
    assert_eq!(fake.search_requests(), 8);
}

#[tokio::test]
async fn faults_are_served_first_in_first_out() {
    let fake = FakeProwlarr::start(KEY).await;
    fake.push_fault(Fault::ServerError);
    fake.push_fault(Fault::Unauthorized);
    let first = get(&fake, "/api/v1/search?query=a").await.status();
    let second = get(&fake, "/api/v1/search?query=a").await.status();
    let third = get(&fake, "/api/v1/search?query=a").await.status();
    assert_eq!(
        [first, second, third],
        [
            StatusCode::INTERNAL_SERVER_ERROR,
            StatusCode::UNAUTHORIZED,
            StatusCode::OK
        ]
    );
}

#[tokio::test]
async fn query_fault_persists_for_matching_queries_only() {
    let fake = FakeProwlarr::start(KEY).await;
    fake.set_query_fault("Severance", Fault::ServerError);
    for _ in 0..2 {
        let r = get(&fake, "/api/v1/search?query=severance%20s02").await;
        assert_eq!(r.status(), StatusCode::INTERNAL_SERVER_ERROR);
    }
    let r = get(&fake, "/api/v1/search?query=dune").await;
    assert_eq!(r.status(), StatusCode::OK);
}

#[tokio::test]
async fn hanging_search_never_answers_and_does_not_block_shutdown() {
    let fake = FakeProwlarr::start(KEY).await;
    fake.push_fault(Fault::Hang);
    let short = reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_millis(200))
        .build()
        .unwrap();
    let err = short
        .get(format!("{}/api/v1/search?query=x", fake.url()))
        .header("X-Api-Key", KEY)
        .send()
        .await
        .unwrap_err();
    assert!(err.is_timeout());

    // A second hang is still pending when the fake shuts down; the request ends instead of waiting an hour.
    fake.push_fault(Fault::Hang);
    let url = format!("{}/api/v1/search?query=x", fake.url());
    let pending =
        tokio::spawn(async move { client().get(url).header("X-Api-Key", KEY).send().await });
    while fake.search_requests() < 2 {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    fake.shutdown();
    let outcome = tokio::time::timeout(Duration::from_secs(10), pending)
        .await
        .expect("shutdown must end a hanging search");
    assert!(outcome.is_ok());
}

#[tokio::test]
async fn max_in_flight_counts_concurrent_searches() {
    let fake = FakeProwlarr::start(KEY).await;
    get(&fake, "/api/v1/search?query=a").await;
    get(&fake, "/api/v1/search?query=b").await;
    assert_eq!(fake.max_in_flight(), 1);

    // A long latency holds every search open until all three are in; shutdown then releases them.
    fake.set_latency(Duration::from_secs(30));
    let mut pending = Vec::new();
    for _ in 0..3 {
        let url = format!("{}/api/v1/search?query=c", fake.url());
        pending.push(tokio::spawn(async move {
            client().get(url).header("X-Api-Key", KEY).send().await
        }));
    }
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while fake.max_in_flight() < 3 && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    assert_eq!(fake.max_in_flight(), 3);
    fake.shutdown();
    for p in pending {
        let _ = p.await;
    }
}

#[tokio::test]
async fn requests_are_recorded_with_their_headers() {
    let fake = FakeProwlarr::start(KEY).await;
    client()
        .get(format!(
            "{}/api/v1/search?query=dune&categories=2000&categories=5000",
            fake.url()
        ))
        .header("X-Api-Key", KEY)
        .header("User-Agent", "NightWatcher/0.1")
        .header("Accept", "application/json")
        .send()
        .await
        .unwrap();
    let recorded = fake.recorded();
    assert_eq!(recorded.len(), 1);
    let r = &recorded[0];
    assert_eq!(r.method, "GET");
    assert_eq!(r.path, "/api/v1/search");
    assert_eq!(
        r.query,
        vec![
            ("query".to_string(), "dune".to_string()),
            ("categories".to_string(), "2000".to_string()),
            ("categories".to_string(), "5000".to_string()),
        ]
    );
    assert_eq!(r.user_agent.as_deref(), Some("NightWatcher/0.1"));
    assert_eq!(r.api_key_header.as_deref(), Some(KEY));
    assert_eq!(r.accept.as_deref(), Some("application/json"));
    assert_eq!(fake.requests(), 1);
}

#[tokio::test]
async fn indexer_list_is_derived_from_releases_and_sorted_by_name() {
    let fake = FakeProwlarr::start(KEY).await;
    fake.add_releases([
        ReleaseBuilder::new("A-G")
            .indexer(7, "Zeta")
            .usenet()
            .build(),
        ReleaseBuilder::new("B-G").indexer(3, "Alpha").build(),
    ]);
    let indexers: Vec<Value> = get(&fake, "/api/v1/indexer").await.json().await.unwrap();
    let names: Vec<&str> = indexers
        .iter()
        .map(|i| i["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Alpha", "FakeIndexer", "Zeta"]);
    assert_eq!(indexers[2]["protocol"], "usenet");
    assert_eq!(indexers[0]["enable"], true);
    assert!(indexers[0]["capabilities"]["categories"].is_array());

    let one: Value = get(&fake, "/api/v1/indexer/7").await.json().await.unwrap();
    assert_eq!(one["name"], "Zeta");
    let status: Value = get(&fake, "/api/v1/indexerstatus")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(status, serde_json::json!([]));
    let health: Value = get(&fake, "/api/v1/health").await.json().await.unwrap();
    assert_eq!(health, serde_json::json!([]));
}

#[tokio::test]
async fn dropping_the_last_handle_stops_the_server() {
    let fake = FakeProwlarr::start(KEY).await;
    let url = format!("{}/ping", fake.url());
    let second = fake.clone();
    drop(fake);
    // One handle left: still serving.
    assert_eq!(
        client().get(&url).send().await.unwrap().status(),
        StatusCode::OK
    );
    drop(second);
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    let mut stopped = false;
    while tokio::time::Instant::now() < deadline {
        // A fresh client each time, so no pooled connection hides the closed listener.
        if client().get(&url).send().await.is_err() {
            stopped = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert!(
        stopped,
        "the server kept answering after every handle was dropped"
    );
}

#[tokio::test]
async fn empty_query_is_the_latest_feed_paged_newest_first_per_indexer() {
    let fake = FakeProwlarr::start(KEY).await;
    let now = Utc::now();
    for i in 0..5 {
        fake.add_release(
            ReleaseBuilder::new(&format!("Feed.Release.{i}.1080p-GRP"))
                .guid(&format!("g{i}"))
                .published(now - Age::minutes(i))
                .categories(&[2040])
                .build(),
        );
    }
    fake.add_release(
        ReleaseBuilder::new("Other.Show.S01E01.1080p-GRP")
            .guid("tv")
            .categories(&[5040])
            .published(now)
            .build(),
    );
    let page = search(&fake, "type=search&categories=2000&limit=2").await;
    assert_eq!(
        titles(&page),
        ["Feed.Release.0.1080p-GRP", "Feed.Release.1.1080p-GRP"]
    );
    let next = search(&fake, "type=search&categories=2000&limit=2&offset=2").await;
    assert_eq!(
        titles(&next),
        ["Feed.Release.2.1080p-GRP", "Feed.Release.3.1080p-GRP"]
    );
    let last = search(&fake, "type=search&categories=2000&limit=2&offset=4").await;
    assert_eq!(titles(&last), ["Feed.Release.4.1080p-GRP"]);
    assert_eq!(fake.feed_requests(), 3);
    search(&fake, "query=feed&type=search").await;
    assert_eq!((fake.feed_requests(), fake.search_requests()), (3, 4));
}

#[tokio::test]
async fn a_blocked_indexer_is_skipped_silently_and_shown_by_indexerstatus_and_health() {
    let fake = FakeProwlarr::start(KEY).await;
    fake.add_indexer(2, "Second");
    fake.add_release(
        ReleaseBuilder::new("Blocked.Movie.2024.1080p-GRP")
            .indexer(2, "Second")
            .build(),
    );
    assert_eq!(search(&fake, "query=blocked").await.len(), 1);
    assert_eq!(
        get(&fake, "/api/v1/health")
            .await
            .json::<Value>()
            .await
            .unwrap(),
        serde_json::json!([])
    );

    fake.block_indexer(2, Utc::now() + Age::hours(1));
    assert!(search(&fake, "query=blocked").await.is_empty());
    let status: Value = get(&fake, "/api/v1/indexerstatus")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(status.as_array().unwrap().len(), 1);
    assert_eq!(status[0]["indexerId"], 2);
    for field in ["disabledTill", "initialFailure", "mostRecentFailure"] {
        assert!(status[0][field].as_str().unwrap().ends_with('Z'), "{field}");
    }
    let health: Value = get(&fake, "/api/v1/health").await.json().await.unwrap();
    assert_eq!(health[0]["source"], "IndexerStatusCheck");
    assert_eq!(health[0]["type"], "warning");
    assert_eq!(
        health[0]["message"],
        "Indexers unavailable due to failures: Second"
    );
    assert!(
        health[0]["wikiUrl"]
            .as_str()
            .unwrap()
            .starts_with("https://")
    );
    let only_blocked = get(&fake, "/api/v1/search?query=blocked&indexerIds=2").await;
    assert_eq!(only_blocked.status(), StatusCode::BAD_REQUEST);

    fake.block_indexer(1, Utc::now() + Age::hours(1));
    let health: Value = get(&fake, "/api/v1/health").await.json().await.unwrap();
    assert_eq!(health[0]["type"], "error");
    assert_eq!(
        health[0]["message"],
        "All indexers are unavailable due to failures"
    );
    fake.unblock_indexers();
    assert_eq!(search(&fake, "query=blocked").await.len(), 1);
}

#[tokio::test]
async fn a_text_search_over_many_releases_uses_the_word_index() {
    let fake = FakeProwlarr::start(KEY).await;
    fake.add_releases((0..20_000).map(|i| {
        ReleaseBuilder::new(&format!("Many.Movie.{i}.2024.1080p-GRP"))
            .guid(&format!("m{i}"))
            .build()
    }));
    let started = std::time::Instant::now();
    for i in 0..50 {
        let found = search(&fake, &format!("query=many+movie+{i}+2024")).await;
        assert_eq!(found.len(), 1);
    }
    assert!(started.elapsed() < Duration::from_secs(5));
}

async fn grab(fake: &FakeProwlarr, body: Value) -> (StatusCode, Value) {
    let response = client()
        .post(format!("{}/api/v1/search", fake.url()))
        .header("X-Api-Key", KEY)
        .json(&body)
        .send()
        .await
        .unwrap();
    (response.status(), response.json().await.unwrap())
}

fn fake_with_clients(fake: &FakeProwlarr) {
    fake.add_download_client(download_client(
        1,
        "qBittorrent",
        "QBittorrent",
        "torrent",
        true,
    ));
    fake.add_download_client(download_client(2, "SABnzbd", "Sabnzbd", "usenet", false));
}

#[tokio::test]
async fn a_release_a_search_returned_is_grabbed_once_asked_and_echoed() {
    let fake = FakeProwlarr::start(KEY).await;
    fake_with_clients(&fake);
    fake.add_release(
        ReleaseBuilder::new("Dune.Part.Two.2024.2160p.WEB-DL-FLUX")
            .guid("dune-guid")
            .indexer(3, "Tracker")
            .build(),
    );
    let body = serde_json::json!({"guid": "dune-guid", "indexerId": 3});
    // Not searched yet: nothing in the cache.
    let (status, answer) = grab(&fake, body.clone()).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(
        answer["message"],
        "Couldn't find requested release in cache, try searching again"
    );

    search(&fake, "query=dune").await;
    let (status, answer) = grab(&fake, body.clone()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(answer, body, "the posted resource is echoed");
    let grabs = fake.grabs();
    assert_eq!(grabs.len(), 1);
    assert_eq!(
        (
            grabs[0].indexer_id,
            grabs[0].guid.as_str(),
            grabs[0].download_client_id
        ),
        (3, "dune-guid", 1)
    );
    assert_eq!(grabs[0].title, "Dune.Part.Two.2024.2160p.WEB-DL-FLUX");

    let clients: Vec<Value> = get(&fake, "/api/v1/downloadclient")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(clients.len(), 2);
    assert_eq!(
        (
            clients[0]["name"].as_str(),
            clients[0]["protocol"].as_str(),
            clients[0]["enable"].as_bool()
        ),
        (Some("qBittorrent"), Some("torrent"), Some(true))
    );
}

#[tokio::test]
async fn the_cache_forgets_after_thirty_minutes_and_on_restart() {
    let fake = FakeProwlarr::start(KEY).await;
    fake_with_clients(&fake);
    fake.add_release(
        ReleaseBuilder::new("Heat.1995.1080p.BluRay-GRP")
            .guid("heat")
            .indexer(3, "T")
            .build(),
    );
    let body = serde_json::json!({"guid": "heat", "indexerId": 3});

    search(&fake, "query=heat").await;
    fake.age_release_cache(Duration::from_secs(29 * 60));
    assert_eq!(
        grab(&fake, body.clone()).await.0,
        StatusCode::OK,
        "29 minutes on"
    );
    fake.age_release_cache(Duration::from_secs(2 * 60));
    assert_eq!(
        grab(&fake, body.clone()).await.0,
        StatusCode::NOT_FOUND,
        "31 minutes on"
    );

    // Searching that indexer again is the cure.
    search(&fake, "query=heat&indexerIds=3").await;
    assert_eq!(grab(&fake, body.clone()).await.0, StatusCode::OK);
    fake.restart();
    assert_eq!(
        grab(&fake, body).await.0,
        StatusCode::NOT_FOUND,
        "a restart empties the cache"
    );
}

#[tokio::test]
async fn bad_grabs_get_prowlarrs_answers() {
    let fake = FakeProwlarr::start(KEY).await;
    fake_with_clients(&fake);
    fake.add_releases([
        ReleaseBuilder::new("Alien.1979.1080p.BluRay-GRP")
            .guid("alien")
            .indexer(3, "T")
            .build(),
        ReleaseBuilder::new("Alien.1979.1080p.BluRay-NZB")
            .guid("alien-nzb")
            .indexer(4, "U")
            .usenet()
            .build(),
    ]);
    search(&fake, "query=alien").await;

    let (status, errors) = grab(&fake, serde_json::json!({"guid": "", "indexerId": 3})).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(errors[0]["propertyName"], "Guid");
    let (status, errors) = grab(&fake, serde_json::json!({"guid": "alien", "indexerId": 0})).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(errors[0]["propertyName"], "IndexerId");

    // The only usenet client is disabled.
    let (status, answer) = grab(
        &fake,
        serde_json::json!({"guid": "alien-nzb", "indexerId": 4}),
    )
    .await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(
        answer["message"],
        "Usenet Download client isn't configured yet"
    );
    let (status, _) = grab(
        &fake,
        serde_json::json!({"guid": "alien", "indexerId": 3, "downloadClientId": 9}),
    )
    .await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);

    fake.push_grab_fault(GrabFault::IndexerFailed);
    let (status, answer) = grab(&fake, serde_json::json!({"guid": "alien", "indexerId": 3})).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(answer["message"], "Getting release from indexer failed");
    assert!(fake.grabs().is_empty(), "nothing refused was grabbed");
    assert_eq!(
        grab(&fake, serde_json::json!({"guid": "alien", "indexerId": 3}))
            .await
            .0,
        StatusCode::OK
    );
}
