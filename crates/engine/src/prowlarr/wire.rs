//! What goes over the wire: the [`SearchRequest`] we send, and the types Prowlarr answers with ([`Release`],
//! [`Category`], [`SystemStatus`], [`Indexer`]), read leniently so that one bad field or release never fails
//! a whole answer.

use std::fmt;

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer};
use serde_json::Value;

use super::error::snippet;
use super::{DEFAULT_LIMIT, ProwlarrError};
use crate::model::{ItemKind, WatchlistItem};
use crate::redact::scrub;

/// Prowlarr's search types. Only `movie` and `tvsearch` parse the `{ImdbId:..}`-style tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchType {
    Search,
    Movie,
    TvSearch,
}

impl SearchType {
    pub fn as_str(self) -> &'static str {
        match self {
            SearchType::Search => "search",
            SearchType::Movie => "movie",
            SearchType::TvSearch => "tvsearch",
        }
    }
}

/// One `GET /api/v1/search`.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchRequest {
    /// Free text, optionally with `{Token:value}` ids. Empty: the indexers' latest releases (RSS).
    pub query: String,
    pub search_type: SearchType,
    pub categories: Vec<u32>,
    /// Empty: all enabled indexers.
    pub indexer_ids: Vec<i32>,
    /// Per indexer.
    pub limit: u32,
    pub offset: u32,
}

impl SearchRequest {
    pub fn new(query: impl Into<String>, search_type: SearchType) -> Self {
        SearchRequest {
            query: query.into(),
            search_type,
            categories: Vec::new(),
            indexer_ids: Vec::new(),
            limit: DEFAULT_LIMIT,
            offset: 0,
        }
    }

    /// The search for one watchlist item: its title, plus the ids we know as Prowlarr search tokens, so that
    /// indexers supporting id search find the item however a release spells its title. The title stays in
    /// the query for indexers that search by text only.
    pub fn for_item(item: &WatchlistItem) -> Self {
        // Braces in a title would be read as the start of a token.
        let title = item
            .title
            .replace(['{', '}'], " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let mut tokens = String::new();
        if let Some(imdb) = item.imdb_id.as_deref().filter(|s| !s.is_empty()) {
            tokens.push_str(&format!("{{ImdbId:{imdb}}}"));
        }
        let search_type = match item.kind {
            ItemKind::Movie => SearchType::Movie,
            ItemKind::Series => {
                if let Some(tvdb) = item.tvdb_id {
                    tokens.push_str(&format!("{{TvdbId:{tvdb}}}"));
                }
                SearchType::TvSearch
            }
        };
        if let Some(tmdb) = item.tmdb_id {
            tokens.push_str(&format!("{{TmdbId:{tmdb}}}"));
        }
        let query = if tokens.is_empty() {
            title
        } else {
            format!("{title} {tokens}")
        };
        SearchRequest {
            categories: item.categories.clone(),
            // Indexers named by id restrict the search itself; names are checked on the results.
            indexer_ids: item.filters.search_indexer_ids(),
            ..SearchRequest::new(query, search_type)
        }
    }

    /// The search for one of an item's alternative titles: the title as text, without the id tokens (the
    /// item's own search already asked the indexers that search by id), in the item's categories and indexers.
    pub fn for_alias(item: &WatchlistItem, alias: &str) -> Self {
        let mut request = SearchRequest::for_item(&WatchlistItem {
            title: alias.to_owned(),
            imdb_id: None,
            tmdb_id: None,
            tvdb_id: None,
            ..WatchlistItem::new(item.id, alias, item.kind)
        });
        request.categories = item.categories.clone();
        request.indexer_ids = item.filters.search_indexer_ids();
        request
    }

    /// The newest releases of every indexer in these categories (an empty-query "RSS" search).
    pub fn latest(categories: Vec<u32>) -> Self {
        SearchRequest {
            categories,
            ..SearchRequest::new("", SearchType::Search)
        }
    }

    /// The query string: array parameters repeated (`categories=2000&categories=5000`), as Prowlarr binds
    /// them; comma lists are not split.
    pub fn query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::with_capacity(4 + self.categories.len() + self.indexer_ids.len());
        if !self.query.trim().is_empty() {
            pairs.push(("query", self.query.clone()));
        }
        pairs.push(("type", self.search_type.as_str().to_owned()));
        pairs.extend(
            self.indexer_ids
                .iter()
                .map(|id| ("indexerIds", id.to_string())),
        );
        pairs.extend(
            self.categories
                .iter()
                .map(|c| ("categories", c.to_string())),
        );
        pairs.push(("limit", self.limit.to_string()));
        if self.offset > 0 {
            pairs.push(("offset", self.offset.to_string()));
        }
        pairs
    }
}

/// Torrent or Usenet. Anything else Prowlarr may add later reads as `Unknown`. Stored and sent to the faces
/// as `torrent`, `usenet`, `unknown`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, strum::EnumString)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Protocol {
    Torrent,
    Usenet,
    #[default]
    Unknown,
}

impl Protocol {
    pub fn as_str(self) -> &'static str {
        match self {
            Protocol::Torrent => "torrent",
            Protocol::Usenet => "usenet",
            Protocol::Unknown => "unknown",
        }
    }
}

impl<'de> Deserialize<'de> for Protocol {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(d)?;
        Ok(
            match value.as_str().map(str::to_ascii_lowercase).as_deref() {
                Some("torrent") => Protocol::Torrent,
                Some("usenet") => Protocol::Usenet,
                _ => Protocol::Unknown,
            },
        )
    }
}

/// A Newznab category of a release. A parent (2000) carries its whole `subCategories` list; that lists what
/// the parent contains, not what the release is in.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Category {
    pub id: i64,
    #[serde(default, deserialize_with = "lenient")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "lenient_list")]
    pub sub_categories: Vec<Category>,
}

/// One search result (Prowlarr's `ReleaseResource`).
///
/// Ids Prowlarr reports as 0 and a size of 0 mean "unknown" there and are `None` here. `download_url` and
/// `magnet_url` are Prowlarr proxy links that embed its API key: never log or show them unredacted.
#[derive(Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Release {
    /// Unique per indexer; the release's identity is (indexer_id, guid). Redacted as it is read: some
    /// indexers use their download link, with its `apikey=`/`passkey=`, as the guid, and the guid is stored
    /// (seen releases, feed cursors). The redaction is a fixed pattern, so the same guid always reads the same.
    #[serde(deserialize_with = "redacted_guid")]
    pub guid: String,
    #[serde(deserialize_with = "non_blank")]
    pub title: String,
    pub indexer_id: i64,
    #[serde(default, deserialize_with = "lenient")]
    pub indexer: Option<String>,
    #[serde(default, deserialize_with = "lenient_positive")]
    pub size: Option<i64>,
    #[serde(default, deserialize_with = "lenient_date")]
    pub publish_date: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "lenient")]
    pub age_minutes: Option<f64>,
    #[serde(default, deserialize_with = "lenient")]
    pub info_url: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub comment_url: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub poster_url: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub download_url: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub magnet_url: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub info_hash: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub seeders: Option<i64>,
    #[serde(default, deserialize_with = "lenient")]
    pub leechers: Option<i64>,
    #[serde(default, deserialize_with = "lenient")]
    pub grabs: Option<i64>,
    #[serde(default, deserialize_with = "lenient")]
    pub files: Option<i64>,
    #[serde(default)]
    pub protocol: Protocol,
    #[serde(default, deserialize_with = "lenient_list")]
    pub categories: Vec<Category>,
    /// Numeric, as Prowlarr sends it (`133093` for tt0133093).
    #[serde(default, deserialize_with = "lenient_id")]
    pub imdb_id: Option<i64>,
    #[serde(default, deserialize_with = "lenient_id")]
    pub tmdb_id: Option<i64>,
    #[serde(default, deserialize_with = "lenient_id")]
    pub tvdb_id: Option<i64>,
    #[serde(default, deserialize_with = "lenient_list")]
    pub indexer_flags: Vec<String>,
}

impl Release {
    /// The category ids the release is in (not the sub-categories a parent lists).
    pub fn category_ids(&self) -> impl Iterator<Item = i64> + '_ {
        self.categories.iter().map(|c| c.id)
    }
}

impl fmt::Debug for Release {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A guid is sometimes the indexer's own download link, with its key in it: redact it like the links.
        let redacted = |url: &Option<String>| url.as_deref().map(|u| scrub(u, []));
        f.debug_struct("Release")
            .field("guid", &scrub(&self.guid, []))
            .field("title", &self.title)
            .field("indexer_id", &self.indexer_id)
            .field("indexer", &self.indexer)
            .field("size", &self.size)
            .field("publish_date", &self.publish_date)
            .field("age_minutes", &self.age_minutes)
            .field("info_url", &redacted(&self.info_url))
            .field("comment_url", &redacted(&self.comment_url))
            .field("poster_url", &redacted(&self.poster_url))
            .field("download_url", &redacted(&self.download_url))
            .field("magnet_url", &redacted(&self.magnet_url))
            .field("info_hash", &self.info_hash)
            .field("seeders", &self.seeders)
            .field("leechers", &self.leechers)
            .field("grabs", &self.grabs)
            .field("files", &self.files)
            .field("protocol", &self.protocol)
            .field("categories", &self.categories)
            .field("imdb_id", &self.imdb_id)
            .field("tmdb_id", &self.tmdb_id)
            .field("tvdb_id", &self.tvdb_id)
            .field("indexer_flags", &self.indexer_flags)
            .finish()
    }
}

/// Prowlarr's `GET /api/v1/system/status`, the fields a connection test shows.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SystemStatus {
    #[serde(default, deserialize_with = "lenient")]
    pub app_name: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub instance_name: Option<String>,
    pub version: String,
    #[serde(default, deserialize_with = "lenient")]
    pub branch: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub os_name: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub is_docker: Option<bool>,
    #[serde(default, deserialize_with = "lenient")]
    pub url_base: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub authentication: Option<String>,
    #[serde(default, deserialize_with = "lenient_date")]
    pub start_time: Option<DateTime<Utc>>,
}

/// One indexer configured in Prowlarr (`GET /api/v1/indexer`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Indexer {
    pub id: i32,
    #[serde(deserialize_with = "non_blank")]
    pub name: String,
    #[serde(default, deserialize_with = "lenient_or_default")]
    pub enable: bool,
    #[serde(default)]
    pub protocol: Protocol,
    /// `public`, `semiPrivate` or `private`.
    #[serde(default, deserialize_with = "lenient")]
    pub privacy: Option<String>,
    /// 1–50, lower wins when indexers return the same release.
    #[serde(default, deserialize_with = "lenient")]
    pub priority: Option<i32>,
    #[serde(default, deserialize_with = "lenient")]
    pub supports_rss: Option<bool>,
    #[serde(default, deserialize_with = "lenient")]
    pub supports_search: Option<bool>,
    #[serde(default, deserialize_with = "lenient_list")]
    pub tags: Vec<i32>,
}

/// Any value of the wrong type, `null` or absent reads as `None`.
/// An indexer Prowlarr has put into failure back-off (`GET /api/v1/indexerstatus` lists only those).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IndexerStatus {
    pub indexer_id: i32,
    #[serde(default, deserialize_with = "lenient_date")]
    pub disabled_till: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "lenient_date")]
    pub most_recent_failure: Option<DateTime<Utc>>,
}

/// One of Prowlarr's health checks (`GET /api/v1/health`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HealthCheck {
    #[serde(default, deserialize_with = "lenient_or_default")]
    pub source: String,
    /// `ok`, `notice`, `warning` or `error`.
    #[serde(default, rename = "type", deserialize_with = "lenient_or_default")]
    pub kind: String,
    #[serde(default, deserialize_with = "lenient_or_default")]
    pub message: String,
}

pub(super) fn lenient<'de, D: Deserializer<'de>, T: DeserializeOwned>(
    d: D,
) -> Result<Option<T>, D::Error> {
    Ok(serde_json::from_value(Value::deserialize(d)?).ok())
}

fn lenient_or_default<'de, D: Deserializer<'de>, T: DeserializeOwned + Default>(
    d: D,
) -> Result<T, D::Error> {
    Ok(lenient(d)?.unwrap_or_default())
}

/// A list whose malformed elements are dropped; anything but a list reads as empty.
fn lenient_list<'de, D: Deserializer<'de>, T: DeserializeOwned>(d: D) -> Result<Vec<T>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Array(items) => items
            .into_iter()
            .filter_map(|v| serde_json::from_value(v).ok())
            .collect(),
        _ => Vec::new(),
    })
}

fn lenient_positive<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    Ok(lenient::<D, i64>(d)?.filter(|n| *n > 0))
}

/// An external id: 0 means unknown. Also accepts the `"tt0133093"` spelling of an IMDb id.
fn lenient_id<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    let id = match Value::deserialize(d)? {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().trim_start_matches("tt").parse().ok(),
        _ => None,
    };
    Ok(id.filter(|n| *n > 0))
}

fn lenient_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
    Ok(Value::deserialize(d)?.as_str().and_then(parse_date))
}

fn parse_date(s: &str) -> Option<DateTime<Utc>> {
    let date = DateTime::parse_from_rfc3339(s)
        .map(|d| d.with_timezone(&Utc))
        .ok()
        .or_else(|| {
            NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f")
                .ok()
                .map(|n| n.and_utc())
        })?;
    // .NET's DateTime.MinValue (0001-01-01) stands for "unknown".
    (date.timestamp() > 0).then_some(date)
}

fn non_blank<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let s = String::deserialize(d)?;
    if s.trim().is_empty() {
        Err(D::Error::custom("a required text field is blank"))
    } else {
        Ok(s)
    }
}

fn redacted_guid<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    non_blank(d).map(|g| crate::redact::redact(&g))
}

/// A successful answer's body, with what is needed to describe it when it is not what we expected.
pub(super) struct Body {
    pub(super) content_type: Option<String>,
    pub(super) bytes: Vec<u8>,
}

/// Parses a JSON array element by element: malformed elements are skipped and described, not fatal.
///
/// The array is first split into its elements' raw text (slices of the body, checked to be JSON), and each is
/// read into `T` on its own: no tree of the whole answer is built, which for an answer near the size cap would
/// take several times the body's memory.
pub(super) fn parse_list<T: DeserializeOwned>(
    body: &Body,
    what: &str,
) -> Result<(Vec<T>, Vec<String>), ProwlarrError> {
    let elements: Vec<&serde_json::value::RawValue> = serde_json::from_slice(&body.bytes)
        .map_err(|e| bad_json(body, &format!("a JSON array of {what}"), &e))?;
    let mut items = Vec::with_capacity(elements.len());
    let mut skipped = Vec::new();
    for element in elements {
        match serde_json::from_str::<T>(element.get()) {
            Ok(item) => items.push(item),
            Err(e) => skipped.push(e.to_string()),
        }
    }
    Ok((items, skipped))
}

pub(super) fn parse_one<T: DeserializeOwned>(body: &Body, what: &str) -> Result<T, ProwlarrError> {
    serde_json::from_slice(&body.bytes).map_err(|e| bad_json(body, what, &e))
}

fn bad_json(body: &Body, expected: &str, error: &serde_json::Error) -> ProwlarrError {
    let hint = if body.bytes.trim_ascii_start().starts_with(b"<") {
        "; an HTML page usually means the URL leads to a login page or another web app, not Prowlarr's API \
         (check the URL and its URL base)"
    } else if error.is_eof() {
        "; the answer was cut off"
    } else {
        ""
    };
    ProwlarrError::BadResponse(format!(
        "expected {expected}, but {} ({error}){hint}",
        describe_body(body)
    ))
}

/// `1234 bytes of text/html starting "<!DOCTYPE html>..."`, redacted.
fn describe_body(body: &Body) -> String {
    let content_type = body.content_type.as_deref().unwrap_or("no content type");
    if body.bytes.is_empty() {
        return format!("got an empty body ({content_type})");
    }
    format!(
        "got {} bytes of {content_type} starting {:?}",
        body.bytes.len(),
        snippet(&body.bytes, 120)
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap
mod tests {
    use super::*;

    fn item(kind: ItemKind) -> WatchlistItem {
        WatchlistItem {
            year: Some(1999),
            ..WatchlistItem::new(1, "The Matrix", kind)
        }
    }

    fn body(json: &str) -> Body {
        Body {
            content_type: Some("application/json".into()),
            bytes: json.as_bytes().to_vec(),
        }
    }

    #[test]
    fn a_movie_with_ids_searches_by_title_and_tokens() {
        let mut movie = item(ItemKind::Movie);
        movie.imdb_id = Some("tt0133093".into());
        movie.tmdb_id = Some(603);
        movie.tvdb_id = Some(5);
        let request = SearchRequest::for_item(&movie);
        assert_eq!(request.search_type, SearchType::Movie);
        assert_eq!(request.query, "The Matrix {ImdbId:tt0133093}{TmdbId:603}");
        assert_eq!(request.categories, vec![2000]);
        assert_eq!(request.limit, 100);
    }

    #[test]
    fn a_series_searches_tv_with_its_tvdb_id_and_a_plain_title_without_ids() {
        let mut series = item(ItemKind::Series);
        series.title = "Severance {x}".into();
        series.tvdb_id = Some(371980);
        let request = SearchRequest::for_item(&series);
        assert_eq!(request.search_type, SearchType::TvSearch);
        assert_eq!(request.query, "Severance x {TvdbId:371980}");
        assert_eq!(
            SearchRequest::for_item(&item(ItemKind::Movie)).query,
            "The Matrix"
        );
    }

    #[test]
    fn query_pairs_repeat_arrays_and_omit_an_empty_query() {
        let mut request = SearchRequest::latest(vec![2000, 5000]);
        request.indexer_ids = vec![3];
        let pairs = request.query_pairs();
        let expected: Vec<(&str, String)> = vec![
            ("type", "search".into()),
            ("indexerIds", "3".into()),
            ("categories", "2000".into()),
            ("categories", "5000".into()),
            ("limit", "100".into()),
        ];
        assert_eq!(pairs, expected);
    }

    #[test]
    fn one_malformed_release_is_skipped_not_fatal() {
        let json = r#"[
            {"guid":"a","title":"Good.Release.2024.1080p","indexerId":1,"protocol":"torrent","size":5,
             "seeders":null,"categories":[{"id":2040,"name":"Movies/HD","subCategories":[]},{"name":"no id"}],
             "imdbId":0,"tmdbId":603,"publishDate":"2026-03-31T18:12:00Z","indexerFlags":null},
            {"title":"no guid","indexerId":1},
            {"guid":"c","title":"   ","indexerId":1},
            {"guid":"d","title":"Weird.Fields","indexerId":2,"protocol":"carrier-pigeon","size":"big",
             "seeders":"many","imdbId":"tt0133093","publishDate":"0001-01-01T00:00:00Z"}
        ]"#;
        let (releases, skipped) = parse_list::<Release>(&body(json), "releases").unwrap();
        assert_eq!(skipped.len(), 2, "{skipped:?}");
        assert_eq!(releases.len(), 2);
        let good = &releases[0];
        assert_eq!(good.protocol, Protocol::Torrent);
        assert_eq!(good.seeders, None);
        assert_eq!(good.category_ids().collect::<Vec<_>>(), vec![2040]);
        assert_eq!((good.imdb_id, good.tmdb_id), (None, Some(603)));
        assert!(good.publish_date.is_some() && good.indexer_flags.is_empty());
        let weird = &releases[1];
        assert_eq!(weird.protocol, Protocol::Unknown);
        assert_eq!(
            (weird.size, weird.seeders, weird.publish_date),
            (None, None, None)
        );
        assert_eq!(weird.imdb_id, Some(133093));
    }

    #[test]
    fn a_body_that_is_not_a_release_array_is_a_bad_response_that_says_what_came() {
        let html = Body {
            content_type: Some("text/html".into()),
            bytes: b"<!DOCTYPE html><html>login".to_vec(),
        };
        let err = parse_list::<Release>(&html, "releases").unwrap_err();
        let text = err.to_string();
        assert!(matches!(err, ProwlarrError::BadResponse(_)));
        assert!(
            text.contains("text/html")
                && text.contains("<!DOCTYPE html>")
                && text.contains("login page"),
            "{text}"
        );
        let cut = parse_list::<Release>(&body(r#"[{"guid":"a","title":"#), "releases").unwrap_err();
        assert!(cut.to_string().contains("cut off"), "{cut}");
        let object = parse_list::<Release>(&body(r#"{"message":"nope"}"#), "releases").unwrap_err();
        assert!(matches!(object, ProwlarrError::BadResponse(_)));
    }

    #[test]
    fn release_debug_redacts_links_that_embed_the_api_key() {
        let json = r#"[{"guid":"http://idx/get?apikey=guidkey1","title":"T","indexerId":1,
            "downloadUrl":"http://localhost:9696/1/download?apikey=0123abcd&link=x",
            "magnetUrl":"http://localhost:9696/1/download?apikey=0123abcd&link=y"}]"#;
        let (releases, _) = parse_list::<Release>(&body(json), "releases").unwrap();
        let debug = format!("{:?}", releases[0]);
        assert!(
            !debug.contains("0123abcd") && !debug.contains("guidkey1"),
            "{debug}"
        );
        assert!(debug.contains("link=x"), "{debug}");
    }
}
