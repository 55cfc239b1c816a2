//! The Prowlarr client against the testkit's fake Prowlarr: what goes on the wire, what comes back typed, and
//! how each failure Prowlarr can produce is reported and retried.

#![allow(clippy::unwrap_used)] // tests may unwrap

use std::time::Duration;

use nightwatcher_engine::model::{ItemKind, WatchlistItem};
use nightwatcher_engine::prowlarr::{
    Protocol, ProwlarrClient, ProwlarrConfig, ProwlarrError, RetryPolicy, SearchRequest, SearchType,
};
use nightwatcher_engine::secrets::Secret;
use nightwatcher_testkit::prowlarr::{FakeProwlarr, Fault, RecordedRequest, ReleaseBuilder};
use serde_json::json;

const KEY: &str = "0123456789abcdef0123456789abcdef";

/// Tiny delays so retries are exercised without slowing the suite.
fn fast_retries(max_attempts: u32) -> RetryPolicy {
    RetryPolicy {
        max_attempts,
        base_delay: Duration::from_millis(10),
        max_delay: Duration::from_millis(50),
        max_retry_after: Duration::from_secs(5),
    }
}

fn client_for(url: &str, key: &str) -> ProwlarrClient {
    let mut config = ProwlarrConfig::new(url, Secret::new(key)).unwrap();
    config.retry = fast_retries(4);
    ProwlarrClient::new(config).unwrap()
}

async fn fake_and_client() -> (FakeProwlarr, ProwlarrClient) {
    let fake = FakeProwlarr::start(KEY).await;
    let client = client_for(&fake.url(), KEY);
    (fake, client)
}

fn item(title: &str, kind: ItemKind) -> WatchlistItem {
    WatchlistItem::new(1, title, kind)
}

fn last_search(fake: &FakeProwlarr) -> RecordedRequest {
    fake.recorded()
        .into_iter()
        .rev()
        .find(|r| r.path == "/api/v1/search")
        .unwrap()
}

fn values<'a>(request: &'a RecordedRequest, key: &str) -> Vec<&'a str> {
    request
        .query
        .iter()
        .filter(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .collect()
}

#[tokio::test]
async fn a_search_sends_the_key_header_our_user_agent_and_json_accept() {
    let (fake, client) = fake_and_client().await;
    client
        .search(&SearchRequest::latest(vec![2000]))
        .await
        .unwrap();

    let sent = last_search(&fake);
    assert_eq!(sent.method, "GET");
    assert_eq!(sent.api_key_header.as_deref(), Some(KEY));
    assert_eq!(
        sent.user_agent.as_deref(),
        Some(nightwatcher_engine::USER_AGENT)
    );
    assert!(sent.user_agent.unwrap().starts_with("NightWatcher/"));
    assert!(sent.accept.unwrap().contains("application/json"));
    assert!(
        sent.query
            .iter()
            .all(|(k, _)| !k.eq_ignore_ascii_case("apikey")),
        "the key stays out of the URL"
    );
}

#[tokio::test]
async fn categories_are_repeated_parameters_with_type_and_limit_100() {
    let (fake, client) = fake_and_client().await;
    fake.add_release(
        ReleaseBuilder::new("Dune.Part.Two.2024.2160p.WEB-DL-GRP")
            .categories(&[2045])
            .build(),
    );
    let mut request = SearchRequest::new("Dune Part Two", SearchType::Movie);
    request.categories = vec![2000, 5040];

    let releases = client.search(&request).await.unwrap();

    assert_eq!(
        releases.len(),
        1,
        "the fake only answers like this when it could bind every parameter"
    );
    let sent = last_search(&fake);
    assert_eq!(values(&sent, "categories"), vec!["2000", "5040"]);
    assert_eq!(values(&sent, "type"), vec!["movie"]);
    assert_eq!(values(&sent, "limit"), vec!["100"]);
    assert_eq!(values(&sent, "query"), vec!["Dune Part Two"]);
}

#[tokio::test]
async fn a_movie_with_ids_is_searched_with_id_tokens_that_select_the_right_film() {
    let (fake, client) = fake_and_client().await;
    fake.add_releases([
        ReleaseBuilder::new("The.Matrix.1999.1080p.BluRay.x264-GROUP")
            .imdb_id(133093)
            .build(),
        ReleaseBuilder::new("The.Matrix.Resurrections.2021.1080p.WEB-DL-GRP")
            .imdb_id(10838180)
            .build(),
    ]);
    let mut movie = item("The Matrix", ItemKind::Movie);
    movie.imdb_id = Some("tt0133093".into());
    movie.tmdb_id = Some(603);

    let releases = client
        .search(&SearchRequest::for_item(&movie))
        .await
        .unwrap();

    let titles: Vec<&str> = releases.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles, vec!["The.Matrix.1999.1080p.BluRay.x264-GROUP"]);
    let sent = last_search(&fake);
    assert_eq!(
        values(&sent, "query"),
        vec!["The Matrix {ImdbId:tt0133093}{TmdbId:603}"]
    );
    assert_eq!(values(&sent, "type"), vec!["movie"]);
    assert_eq!(values(&sent, "categories"), vec!["2000"]);
    assert_eq!(values(&sent, "limit"), vec!["100"]);
}

#[tokio::test]
async fn a_series_is_a_tvsearch_with_its_tvdb_token() {
    let (fake, client) = fake_and_client().await;
    fake.add_releases([
        ReleaseBuilder::new("Severance.S02E05.1080p.WEB.h264-GRP")
            .tvdb_id(371980)
            .build(),
        ReleaseBuilder::new("Severance.S01E01.Documentary.720p-OTHER")
            .tvdb_id(1)
            .build(),
    ]);
    let mut series = item("Severance", ItemKind::Series);
    series.tvdb_id = Some(371980);

    let releases = client
        .search(&SearchRequest::for_item(&series))
        .await
        .unwrap();

    assert_eq!(releases.len(), 1);
    assert_eq!(releases[0].tvdb_id, Some(371980));
    let sent = last_search(&fake);
    assert_eq!(values(&sent, "type"), vec!["tvsearch"]);
    assert_eq!(values(&sent, "query"), vec!["Severance {TvdbId:371980}"]);
    assert_eq!(values(&sent, "categories"), vec!["5000"]);
}

#[tokio::test]
async fn releases_come_back_typed_and_absent_optional_fields_are_none() {
    let (fake, client) = fake_and_client().await;
    fake.add_releases([
        ReleaseBuilder::new("Dune.2021.1080p.BluRay.x264-GRP")
            .guid("https://tracker.example/torrents/42")
            .indexer(3, "ExampleTracker")
            .size(8_589_934_592)
            .seeders(210)
            .imdb_id(1160419)
            .poster_url("https://tracker.example/p/42.jpg")
            .build_for(&fake),
        ReleaseBuilder::new("Dune.2021.720p.WEB.h264-NZB")
            .indexer(7, "ExampleNZB")
            .usenet()
            .no_info_url()
            .build(),
    ]);
    // The least an indexer may give: no size, date, links, categories or flags.
    fake.add_release(json!({"guid": "bare-1", "title": "Dune.2021.DVDRip-BARE", "indexerId": 9}));

    let mut releases = client
        .search(&SearchRequest::new("Dune", SearchType::Search))
        .await
        .unwrap();
    releases.sort_by_key(|r| r.indexer_id);

    assert_eq!(releases.len(), 3);
    let torrent = &releases[0];
    assert_eq!(torrent.guid, "https://tracker.example/torrents/42");
    assert_eq!(
        (torrent.indexer_id, torrent.indexer.as_deref()),
        (3, Some("ExampleTracker"))
    );
    assert_eq!(torrent.protocol, Protocol::Torrent);
    assert_eq!(
        (torrent.size, torrent.seeders),
        (Some(8_589_934_592), Some(210))
    );
    assert_eq!(
        (torrent.imdb_id, torrent.tmdb_id),
        (Some(1160419), None),
        "0 means unknown"
    );
    assert_eq!(torrent.category_ids().collect::<Vec<_>>(), vec![2000]);
    assert!(
        torrent.publish_date.is_some()
            && torrent.magnet_url.is_some()
            && torrent.info_hash.is_some()
    );
    assert_eq!(
        torrent.poster_url.as_deref(),
        Some("https://tracker.example/p/42.jpg")
    );
    assert!(
        torrent
            .download_url
            .as_deref()
            .unwrap()
            .contains("/3/download?apikey=")
    );

    let usenet = &releases[1];
    assert_eq!(usenet.protocol, Protocol::Usenet);
    assert_eq!((usenet.seeders, usenet.leechers), (None, None));
    assert_eq!(
        (usenet.info_url.as_deref(), usenet.magnet_url.as_deref()),
        (None, None)
    );

    let bare = &releases[2];
    assert_eq!(bare.title, "Dune.2021.DVDRip-BARE");
    assert_eq!(bare.protocol, Protocol::Unknown);
    assert_eq!(
        (bare.size, bare.publish_date, bare.download_url.as_deref()),
        (None, None, None)
    );
    assert!(bare.categories.is_empty() && bare.indexer_flags.is_empty());
}

#[tokio::test]
async fn one_malformed_release_does_not_blank_the_search() {
    let (fake, client) = fake_and_client().await;
    fake.add_release(ReleaseBuilder::new("Dune.2021.1080p.BluRay.x264-GRP").build());
    fake.add_release(json!({"title": "Dune.2021.NO.GUID", "indexerId": 1}));
    fake.add_release(json!({"guid": "x", "title": "Dune.2021.BAD.INDEXER", "indexerId": "one"}));

    let releases = client
        .search(&SearchRequest::new("Dune", SearchType::Search))
        .await
        .unwrap();

    let titles: Vec<&str> = releases.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles, vec!["Dune.2021.1080p.BluRay.x264-GRP"]);
}

#[tokio::test]
async fn a_wrong_key_is_unauthorized_and_not_retried() {
    let fake = FakeProwlarr::start(KEY).await;
    let client = client_for(&fake.url(), "ffffffffffffffffffffffffffffffff");

    let err = client
        .search(&SearchRequest::latest(vec![2000]))
        .await
        .unwrap_err();

    assert!(matches!(err, ProwlarrError::Unauthorized), "{err:?}");
    assert!(err.blocks_all_items() && !err.is_transient());
    assert!(err.to_string().contains("API key (401)"), "{err}");
    assert_eq!(fake.search_requests(), 1);
}

#[tokio::test]
async fn rate_limiting_waits_for_retry_after_and_then_succeeds() {
    let (fake, client) = fake_and_client().await;
    fake.add_release(ReleaseBuilder::new("Dune.2021.1080p.BluRay.x264-GRP").build());
    fake.push_fault(Fault::TooManyRequests {
        retry_after_secs: 1,
    });

    let releases = client
        .search(&SearchRequest::new("Dune", SearchType::Search))
        .await
        .unwrap();

    assert_eq!(releases.len(), 1);
    assert_eq!(fake.search_requests(), 2);
}

#[tokio::test]
async fn a_retry_after_longer_than_allowed_is_returned_instead_of_waited_for() {
    let (fake, client) = fake_and_client().await;
    fake.push_fault(Fault::TooManyRequests {
        retry_after_secs: 3600,
    });

    let err = client
        .search(&SearchRequest::latest(vec![2000]))
        .await
        .unwrap_err();

    assert!(matches!(err, ProwlarrError::RateLimited { .. }), "{err:?}");
    assert_eq!(err.retry_after(), Some(Duration::from_secs(3600)));
    assert_eq!(fake.search_requests(), 1);
}

#[tokio::test]
async fn a_server_error_is_retried_and_the_retry_succeeds() {
    let (fake, client) = fake_and_client().await;
    fake.add_release(ReleaseBuilder::new("Dune.2021.1080p.BluRay.x264-GRP").build());
    fake.push_fault(Fault::ServerError);

    let releases = client
        .search(&SearchRequest::new("Dune", SearchType::Search))
        .await
        .unwrap();

    assert_eq!(releases.len(), 1);
    assert_eq!(fake.search_requests(), 2);
}

#[tokio::test]
async fn server_errors_that_persist_end_as_server_errors_after_max_attempts() {
    let (fake, client) = fake_and_client().await;
    fake.set_query_fault("dune", Fault::ServerError);

    let err = client
        .search(&SearchRequest::new("Dune", SearchType::Search))
        .await
        .unwrap_err();

    match &err {
        ProwlarrError::Server {
            status: 500,
            message,
        } => assert!(message.contains("Object reference"), "{message}"),
        other => panic!("expected a server error, got {other:?}"),
    }
    assert_eq!(fake.search_requests(), 4);
}

#[tokio::test]
async fn prowlarr_starting_up_is_reported_as_such_and_blocks_the_check() {
    let (fake, client) = fake_and_client().await;
    fake.set_starting_up(true);

    let err = client
        .search(&SearchRequest::latest(vec![2000]))
        .await
        .unwrap_err();
    assert!(matches!(err, ProwlarrError::StartingUp), "{err:?}");
    assert!(err.is_transient() && err.blocks_all_items());
    assert_eq!(
        fake.search_requests(),
        4,
        "starting up is transient: every attempt was made"
    );

    let status = client.system_status().await.unwrap_err();
    assert!(matches!(status, ProwlarrError::StartingUp), "{status:?}");
}

#[tokio::test]
async fn a_search_that_meets_prowlarr_starting_up_once_succeeds_on_retry() {
    let (fake, client) = fake_and_client().await;
    fake.add_release(ReleaseBuilder::new("Dune.2021.1080p.BluRay.x264-GRP").build());
    fake.push_fault(Fault::StartingUp);

    assert_eq!(
        client
            .search(&SearchRequest::new("Dune", SearchType::Search))
            .await
            .unwrap()
            .len(),
        1
    );
    assert_eq!(fake.search_requests(), 2);
}

#[tokio::test]
async fn all_indexers_unavailable_is_reported_and_not_retried() {
    let (fake, client) = fake_and_client().await;
    fake.push_fault(Fault::AllIndexersUnavailable);

    let err = client
        .search(&SearchRequest::latest(vec![2000]))
        .await
        .unwrap_err();

    assert!(
        matches!(err, ProwlarrError::AllIndexersUnavailable),
        "{err:?}"
    );
    assert!(!err.is_transient() && !err.blocks_all_items());
    assert_eq!(fake.search_requests(), 1);
}

#[tokio::test]
async fn searching_indexers_that_do_not_exist_is_all_indexers_unavailable() {
    let (fake, client) = fake_and_client().await;
    let mut request = SearchRequest::latest(vec![2000]);
    request.indexer_ids = vec![4242];

    let err = client.search(&request).await.unwrap_err();

    assert!(
        matches!(err, ProwlarrError::AllIndexersUnavailable),
        "{err:?}"
    );
    assert_eq!(values(&last_search(&fake), "indexerIds"), vec!["4242"]);
}

#[tokio::test]
async fn an_html_page_is_a_bad_response_that_says_what_arrived() {
    let (fake, client) = fake_and_client().await;
    fake.push_fault(Fault::HtmlBody);

    let err = client
        .search(&SearchRequest::latest(vec![2000]))
        .await
        .unwrap_err();

    let text = err.to_string();
    assert!(matches!(err, ProwlarrError::BadResponse(_)), "{err:?}");
    assert!(
        text.contains("text/html") && text.contains("<html>"),
        "{text}"
    );
    assert_eq!(fake.search_requests(), 1, "a wrong answer is not retried");
}

#[tokio::test]
async fn truncated_json_is_a_bad_response() {
    let (fake, client) = fake_and_client().await;
    fake.add_release(ReleaseBuilder::new("Dune.2021.1080p.BluRay.x264-GRP").build_for(&fake));
    fake.push_fault(Fault::TruncatedJson);

    let err = client
        .search(&SearchRequest::latest(vec![2000]))
        .await
        .unwrap_err();

    assert!(matches!(err, ProwlarrError::BadResponse(_)), "{err:?}");
    let text = err.to_string();
    assert!(text.contains("cut off"), "{text}");
    assert!(!text.contains(KEY), "the quoted body is redacted: {text}");
}

#[tokio::test]
async fn a_hanging_prowlarr_times_out_and_a_timeout_is_retried_only_once() {
    let fake = FakeProwlarr::start(KEY).await;
    fake.set_query_fault("dune", Fault::Hang);
    let mut config = ProwlarrConfig::new(&fake.url(), Secret::new(KEY)).unwrap();
    config.request_timeout = Duration::from_millis(300);
    config.retry = fast_retries(3);
    let client = ProwlarrClient::new(config).unwrap();

    let err = client
        .search(&SearchRequest::new("Dune", SearchType::Search))
        .await
        .unwrap_err();

    assert!(
        matches!(err, ProwlarrError::Timeout(d) if d == Duration::from_millis(300)),
        "{err:?}"
    );
    assert!(err.is_transient() && !err.blocks_all_items());
    assert_eq!(fake.search_requests(), 2);
    fake.shutdown();
}

#[tokio::test]
async fn a_refused_connection_is_unreachable_and_names_the_url() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let client = client_for(&url, KEY);

    let err = client
        .search(&SearchRequest::latest(vec![2000]))
        .await
        .unwrap_err();

    assert!(matches!(err, ProwlarrError::Unreachable(_)), "{err:?}");
    assert!(err.blocks_all_items() && err.is_transient());
    let text = err.to_string();
    assert!(
        text.contains(&url) && text.contains("is it running"),
        "{text}"
    );
    assert!(!text.contains(KEY), "{text}");
}

#[tokio::test]
async fn a_url_base_is_kept_in_request_paths() {
    let (fake, _) = fake_and_client().await;
    let client = client_for(&format!("{}/prowlarr", fake.url()), KEY);

    let err = client
        .search(&SearchRequest::latest(vec![2000]))
        .await
        .unwrap_err();

    // The fake has no URL base, so the prefixed path is not found, and the message points at the URL base.
    assert!(
        fake.recorded()
            .iter()
            .any(|r| r.path == "/prowlarr/api/v1/search")
    );
    assert!(
        matches!(err, ProwlarrError::Rejected { status: 404, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("URL base"), "{err}");
}

#[tokio::test]
async fn system_status_reports_the_version() {
    let (fake, client) = fake_and_client().await;
    fake.set_version("2.3.6.5176");

    let status = client.system_status().await.unwrap();

    assert_eq!(status.version, "2.3.6.5176");
    assert_eq!(status.app_name.as_deref(), Some("Prowlarr"));
    let sent = fake
        .recorded()
        .into_iter()
        .find(|r| r.path == "/api/v1/system/status")
        .unwrap();
    assert_eq!(sent.api_key_header.as_deref(), Some(KEY));
}

#[tokio::test]
async fn system_status_with_a_wrong_key_is_unauthorized() {
    let fake = FakeProwlarr::start(KEY).await;
    let client = client_for(&fake.url(), "not-the-key");

    assert!(matches!(
        client.system_status().await,
        Err(ProwlarrError::Unauthorized)
    ));
}

#[tokio::test]
async fn indexers_are_listed_with_ids_usable_in_a_search() {
    let (fake, client) = fake_and_client().await;
    fake.add_release(
        ReleaseBuilder::new("Dune.2021.720p.WEB.h264-NZB")
            .indexer(7, "ExampleNZB")
            .usenet()
            .build(),
    );

    let indexers = client.indexers().await.unwrap();

    let nzb = indexers.iter().find(|i| i.name == "ExampleNZB").unwrap();
    assert_eq!(
        (nzb.id, nzb.enable, nzb.protocol),
        (7, true, Protocol::Usenet)
    );
    let mut request = SearchRequest::new("Dune", SearchType::Search);
    request.indexer_ids = vec![nzb.id];
    assert_eq!(client.search(&request).await.unwrap().len(), 1);
}

#[tokio::test]
async fn no_release_debug_or_error_message_contains_the_api_key() {
    let (fake, client) = fake_and_client().await;
    fake.add_release(ReleaseBuilder::new("Dune.2021.1080p.BluRay.x264-GRP").build_for(&fake));

    let releases = client
        .search(&SearchRequest::new("Dune", SearchType::Search))
        .await
        .unwrap();
    assert!(
        releases[0].download_url.as_deref().unwrap().contains(KEY),
        "the fake embeds the key like Prowlarr"
    );
    let debug = format!("{:?}", releases[0]);
    assert!(!debug.contains(KEY), "{debug}");
    assert!(!format!("{client:?}").contains(KEY));

    let mut messages = Vec::new();
    for fault in [
        Fault::Unauthorized,
        Fault::TooManyRequests {
            retry_after_secs: 3600,
        },
        Fault::AllIndexersUnavailable,
        Fault::HtmlBody,
        Fault::TruncatedJson,
    ] {
        fake.push_fault(fault);
        let err = client
            .search(&SearchRequest::new("Dune", SearchType::Search))
            .await
            .unwrap_err();
        messages.push(format!("{err} / {err:?}"));
    }
    fake.set_query_fault("dune", Fault::ServerError);
    let err = client
        .search(&SearchRequest::new("Dune", SearchType::Search))
        .await
        .unwrap_err();
    messages.push(format!("{err} / {err:?}"));
    for message in &messages {
        assert!(!message.contains(KEY), "{message}");
    }
    assert_eq!(messages.len(), 6);
}

#[tokio::test]
async fn an_endless_body_is_cut_off_at_the_size_cap_instead_of_exhausting_memory() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    // A server that answers 200 with a chunked body of JSON whitespace that never ends.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let server = tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.unwrap();
        let mut request = Vec::new();
        let mut buf = [0u8; 4096];
        while !request.windows(4).any(|w| w == b"\r\n\r\n") {
            let n = socket.read(&mut buf).await.unwrap();
            assert!(n > 0, "the client closed before sending its request");
            request.extend_from_slice(&buf[..n]);
        }
        let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n";
        socket.write_all(head.as_bytes()).await.unwrap();
        let chunk = format!("100000\r\n{}\r\n", " ".repeat(0x10_0000));
        let mut sent = 0usize;
        // Stops when the client hangs up; the bound keeps a broken client from looping forever.
        while sent < 64 && socket.write_all(chunk.as_bytes()).await.is_ok() {
            sent += 1;
        }
        sent
    });
    let client = client_for(&url, KEY);

    let err = client
        .search(&SearchRequest::latest(vec![2000]))
        .await
        .unwrap_err();

    assert!(matches!(err, ProwlarrError::BadResponse(_)), "{err:?}");
    assert!(err.to_string().contains("larger than 32 MiB"), "{err}");
    let chunks_sent = server.await.unwrap();
    assert!(
        chunks_sent < 64,
        "the client stopped reading: {chunks_sent} MiB were sent"
    );
}
