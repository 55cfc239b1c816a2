//! The fake's search semantics: how `GET /api/v1/search` parameters are bound and how releases are picked.
//!
//! Real Prowlarr forwards a search to every indexer and merges what comes back; the fake plays all indexers at
//! once over its in-memory releases. The rules below are deliberately simple and documented, because tests on
//! the engine side rely on them:
//!
//! - Binding follows ASP.NET: parameter names are case-insensitive, arrays come from repeated keys, and a value
//!   that is not an integer (including a comma list such as `2000,5000`) is a 400 validation error.
//! - `{Token:value}` tokens are parsed (and removed from the text) only for the typed searches that know them;
//!   with `type=search` they stay literal text, exactly like Prowlarr.
//! - Text matches when every query word (lowercase, split on non-alphanumerics) is one of the title's words.
//! - An ID token (`ImdbId`, `TmdbId`, `TvdbId`) keeps a release whose id equals it. A release whose id is 0
//!   (its indexer did not say) is kept only when the query also has text and that text matches: an ID-only
//!   search never returns releases of unknown identity.
//! - `Season`/`Episode` require a matching `SxxEyy` (or `Sxx`) word in the title; `Year` requires the year as a
//!   title word.
//! - Categories: a requested parent (2000) admits its children (2000..=2999), a requested child only itself;
//!   releases without categories are kept (as in API searches).
//! - Results are sorted newest `publishDate` first, `limit` (0 = the indexer default, 100) and `offset` apply
//!   per indexer, indexers are concatenated by ascending id, and a guid seen at an earlier indexer is dropped.
//! - An empty query is the "latest releases" (RSS) search of §6: every release passes the text test, so paging
//!   newest first with `offset` walks back through each indexer's feed.
//! - Indexers blocked by Prowlarr (see `FakeProwlarr::block_indexer`) are skipped silently, as Prowlarr does.
//!
//! The releases live in a [`Catalog`] indexed by title word, so a text search looks at the releases holding
//! its rarest word instead of scanning them all: the fake must stay far cheaper than the latency it simulates,
//! or a concurrency benchmark measures the fake.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Utc};
use serde_json::{Value, json};

/// What an indexer returns when the client passes `limit=0` (or no limit): Prowlarr's own default page.
pub(crate) const INDEXER_DEFAULT_LIMIT: usize = 100;

/// `GET /api/v1/search` parameters after ASP.NET-style binding.
#[derive(Debug, Clone, Default)]
pub(crate) struct SearchParams {
    pub query: Option<String>,
    pub kind: String,
    pub categories: Vec<i64>,
    pub indexer_ids: Vec<i64>,
    pub limit: i64,
    pub offset: i64,
}

/// Binds the raw query pairs; on failure returns the validation-error array Prowlarr answers 400 with.
pub(crate) fn bind_params(pairs: &[(String, String)]) -> Result<SearchParams, Value> {
    let mut params = SearchParams {
        kind: "search".to_string(),
        ..SearchParams::default()
    };
    let mut errors = Vec::new();
    let mut seen_query = false;
    let mut seen_type = false;
    let mut seen_limit = false;
    let mut seen_offset = false;
    for (key, value) in pairs {
        let name = key.to_ascii_lowercase();
        match name.as_str() {
            // A scalar bound from repeated keys takes the first value.
            "query" if !seen_query => {
                seen_query = true;
                params.query = Some(value.clone());
            }
            "type" if !seen_type => {
                seen_type = true;
                if !value.is_empty() {
                    params.kind = value.to_ascii_lowercase();
                }
            }
            "categories" | "indexerids" => match value.trim().parse::<i32>() {
                Ok(n) if name == "categories" => params.categories.push(i64::from(n)),
                Ok(n) => params.indexer_ids.push(i64::from(n)),
                Err(_) => errors.push(validation_error(key, value)),
            },
            "limit" | "offset"
                if !(if name == "limit" {
                    seen_limit
                } else {
                    seen_offset
                }) =>
            {
                match value.trim().parse::<i32>() {
                    Ok(n) if name == "limit" => {
                        seen_limit = true;
                        params.limit = i64::from(n);
                    }
                    Ok(n) => {
                        seen_offset = true;
                        params.offset = i64::from(n);
                    }
                    Err(_) => errors.push(validation_error(key, value)),
                }
            }
            _ => {}
        }
    }
    if errors.is_empty() {
        Ok(params)
    } else {
        Err(Value::Array(errors))
    }
}

fn validation_error(key: &str, value: &str) -> Value {
    json!({
        "propertyName": key,
        "errorMessage": format!("The value '{value}' is not valid."),
        "attemptedValue": value,
        "severity": "error",
    })
}

/// The search after token parsing: what the indexers are asked for.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Criteria {
    pub words: Vec<String>,
    pub imdb_id: Option<i64>,
    pub tmdb_id: Option<i64>,
    pub tvdb_id: Option<i64>,
    pub season: Option<i64>,
    pub episode: Option<String>,
    pub year: Option<i64>,
}

/// Tokens Prowlarr's `NewznabRequest.QueryToParams` understands for each search type.
fn known_tokens(kind: &str) -> &'static [&'static str] {
    match kind {
        "tvsearch" => &[
            "imdbid", "tvdbid", "tmdbid", "tvmazeid", "rid", "doubanid", "season", "episode",
            "year", "genre",
        ],
        "movie" => &["imdbid", "tmdbid", "traktid", "doubanid", "year", "genre"],
        "music" => &["artist", "album", "track", "label", "year", "genre"],
        "book" => &["author", "title", "publisher", "year", "genre"],
        _ => &[],
    }
}

/// Parses `{Token:value}` tokens for typed searches; `type=search` (and unknown types) keep them as text.
pub(crate) fn parse_criteria(query: &str, kind: &str) -> Criteria {
    let known = known_tokens(kind);
    let mut criteria = Criteria::default();
    let mut text = String::new();
    let mut rest = query;
    while let Some(open) = rest.find('{') {
        text.push_str(&rest[..open]);
        let after = &rest[open..];
        let token = after.find('}').and_then(|close| {
            let inner = &after[1..close];
            let (name, value) = inner.split_once(':')?;
            let name = name.trim().to_ascii_lowercase();
            known
                .contains(&name.as_str())
                .then(|| (name, value.trim().to_string(), close))
        });
        match token {
            Some((name, value, close)) => {
                apply_token(&mut criteria, &name, &value);
                text.push(' ');
                rest = &after[close + 1..];
            }
            None => {
                text.push('{');
                rest = &after[1..];
            }
        }
    }
    text.push_str(rest);
    criteria.words = words(&text);
    criteria
}

fn apply_token(criteria: &mut Criteria, name: &str, value: &str) {
    let number = |v: &str| v.trim().parse::<i64>().ok();
    match name {
        // ParseUtil accepts "tt0133093" and "133093".
        "imdbid" => {
            let v = value.trim();
            let digits = v
                .strip_prefix("tt")
                .or_else(|| v.strip_prefix("TT"))
                .unwrap_or(v);
            criteria.imdb_id = number(digits);
        }
        "tmdbid" => criteria.tmdb_id = number(value),
        "tvdbid" => criteria.tvdb_id = number(value),
        "season" => criteria.season = number(value),
        "episode" => criteria.episode = Some(value.to_string()),
        "year" => criteria.year = number(value),
        // Other known tokens are consumed (Prowlarr removes them from the text) but the fake has no data to
        // filter them on.
        _ => {}
    }
}

/// Lowercase alphanumeric words, the unit of text matching.
pub(crate) fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// `s02e01` → (2, Some(1)); `s02` → (2, None); anything else → None.
fn season_episode(word: &str) -> Option<(i64, Option<i64>)> {
    let rest = word.strip_prefix('s')?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() {
        return None;
    }
    let season = digits.parse().ok()?;
    let after = &rest[digits.len()..];
    if after.is_empty() {
        return Some((season, None));
    }
    let ep_part = after.strip_prefix('e')?;
    let ep_digits: String = ep_part.chars().take_while(char::is_ascii_digit).collect();
    if ep_digits.is_empty() {
        return None;
    }
    Some((season, ep_digits.parse().ok()))
}

fn id_of(release: &Value, field: &str) -> i64 {
    release.get(field).and_then(Value::as_i64).unwrap_or(0)
}

fn matches(release: &Value, criteria: &Criteria) -> bool {
    let title = release.get("title").and_then(Value::as_str).unwrap_or("");
    let title_words = words(title);
    let title_set: HashSet<&str> = title_words.iter().map(String::as_str).collect();
    let text_matches = criteria
        .words
        .iter()
        .all(|w| title_set.contains(w.as_str()));
    if !text_matches {
        return false;
    }
    for (wanted, field) in [
        (criteria.imdb_id, "imdbId"),
        (criteria.tmdb_id, "tmdbId"),
        (criteria.tvdb_id, "tvdbId"),
    ] {
        if let Some(wanted) = wanted {
            let have = id_of(release, field);
            let keep = if have != 0 {
                have == wanted
            } else {
                !criteria.words.is_empty()
            };
            if !keep {
                return false;
            }
        }
    }
    if criteria.season.is_some() || criteria.episode.is_some() {
        let wanted_ep = criteria
            .episode
            .as_deref()
            .and_then(|e| e.trim().parse::<i64>().ok());
        let found = title_words
            .iter()
            .filter_map(|w| season_episode(w))
            .any(|(s, e)| {
                criteria.season.is_none_or(|ws| ws == s) && wanted_ep.is_none_or(|we| e == Some(we))
            });
        if !found {
            return false;
        }
    }
    if let Some(year) = criteria.year
        && !title_set.contains(year.to_string().as_str())
    {
        return false;
    }
    true
}

/// Category ids of a release; accepts `IndexerCategory` objects and bare numbers.
fn category_ids(release: &Value) -> Vec<i64> {
    release
        .get("categories")
        .and_then(Value::as_array)
        .map(|cats| {
            cats.iter()
                .filter_map(|c| c.as_i64().or_else(|| c.get("id").and_then(Value::as_i64)))
                .collect()
        })
        .unwrap_or_default()
}

fn category_admits(requested: i64, have: i64) -> bool {
    let is_parent = requested > 0 && requested < 100_000 && requested % 1000 == 0;
    if is_parent {
        have >= requested && have < requested + 1000
    } else {
        have == requested
    }
}

fn in_categories(release: &Value, requested: &[i64]) -> bool {
    if requested.is_empty() {
        return true;
    }
    let have = category_ids(release);
    have.is_empty()
        || have
            .iter()
            .any(|h| requested.iter().any(|r| category_admits(*r, *h)))
}

pub(crate) fn protocol_of(release: &Value) -> &str {
    release
        .get("protocol")
        .and_then(Value::as_str)
        .unwrap_or("unknown")
}

pub(crate) fn indexer_id_of(release: &Value) -> i64 {
    id_of(release, "indexerId")
}

fn in_indexers(release: &Value, requested: &[i64]) -> bool {
    if requested.is_empty() {
        return true;
    }
    let id = indexer_id_of(release);
    let protocol = protocol_of(release);
    requested.iter().any(|r| match r {
        -1 => protocol == "usenet",
        -2 => protocol == "torrent",
        r => *r == id,
    })
}

pub(crate) fn published_at(release: &Value) -> Option<DateTime<Utc>> {
    release
        .get("publishDate")
        .and_then(Value::as_str)
        .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
        .map(|d| d.with_timezone(&Utc))
}

/// The fake's releases in insertion order, with an inverted index from title word to release.
#[derive(Debug, Clone, Default)]
pub(crate) struct Catalog {
    releases: Vec<Value>,
    postings: HashMap<String, Vec<usize>>,
}

impl Catalog {
    pub fn push(&mut self, release: Value) {
        let at = self.releases.len();
        let title = release.get("title").and_then(Value::as_str).unwrap_or("");
        let mut seen = HashSet::new();
        for word in words(title) {
            if seen.insert(word.clone()) {
                self.postings.entry(word).or_default().push(at);
            }
        }
        self.releases.push(release);
    }

    pub fn releases(&self) -> &[Value] {
        &self.releases
    }

    /// The releases that can match `criteria`'s text: those holding its rarest word, or all of them.
    fn candidates(&self, criteria: &Criteria) -> Vec<&Value> {
        if criteria.words.is_empty() {
            return self.releases.iter().collect();
        }
        let rarest = criteria
            .words
            .iter()
            .map(|w| self.postings.get(w).map_or(&[][..], Vec::as_slice))
            .min_by_key(|p| p.len())
            .unwrap_or(&[]);
        rarest.iter().map(|&i| &self.releases[i]).collect()
    }
}

/// Runs a bound search over the fake's releases and returns the response array, ready to serialize.
/// Releases of the indexers in `blocked` are skipped.
pub(crate) fn run(
    catalog: &Catalog,
    params: &SearchParams,
    blocked: &HashSet<i64>,
    now: DateTime<Utc>,
) -> Vec<Value> {
    let criteria = parse_criteria(params.query.as_deref().unwrap_or(""), &params.kind);
    let mut picked: Vec<&Value> = catalog
        .candidates(&criteria)
        .into_iter()
        .filter(|r| !blocked.contains(&indexer_id_of(r)))
        .filter(|r| in_indexers(r, &params.indexer_ids))
        .filter(|r| in_categories(r, &params.categories))
        .filter(|r| matches(r, &criteria))
        .collect();
    // Newest first; a stable sort keeps insertion order among equal or missing dates.
    picked.sort_by_key(|r| std::cmp::Reverse(published_at(r)));

    let limit = if params.limit <= 0 {
        INDEXER_DEFAULT_LIMIT
    } else {
        usize::try_from(params.limit).unwrap_or(INDEXER_DEFAULT_LIMIT)
    };
    let offset = usize::try_from(params.offset.max(0)).unwrap_or(0);
    let mut by_indexer: BTreeMap<i64, Vec<&Value>> = BTreeMap::new();
    for release in picked {
        by_indexer
            .entry(indexer_id_of(release))
            .or_default()
            .push(release);
    }
    let mut seen_guids = HashSet::new();
    let mut out = Vec::new();
    for page in by_indexer.values() {
        for release in page.iter().skip(offset).take(limit) {
            let guid = release
                .get("guid")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            if !guid.is_empty() && !seen_guids.insert(guid) {
                continue;
            }
            out.push(serve_release(release, now));
        }
    }
    out
}

/// A release as the server would send it now: ages recomputed from `publishDate`, nulls omitted.
fn serve_release(release: &Value, now: DateTime<Utc>) -> Value {
    let mut out = release.clone();
    let published = published_at(release);
    if let Value::Object(map) = &mut out {
        map.retain(|_, v| !v.is_null());
        if let Some(published) = published {
            let minutes = (now - published).num_seconds() as f64 / 60.0;
            if map.contains_key("age") {
                map.insert("age".into(), json!((now - published).num_days()));
            }
            if map.contains_key("ageHours") {
                map.insert("ageHours".into(), json!(round2(minutes / 60.0)));
            }
            if map.contains_key("ageMinutes") {
                map.insert("ageMinutes".into(), json!(round2(minutes)));
            }
        }
    }
    out
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn pairs(raw: &str) -> Vec<(String, String)> {
        crate::parse_query(raw)
    }

    #[test]
    fn comma_list_is_a_validation_error() {
        let err = bind_params(&pairs("categories=2000,5000")).unwrap_err();
        assert_eq!(err[0]["propertyName"], "categories");
        assert_eq!(err[0]["attemptedValue"], "2000,5000");
    }

    #[test]
    fn repeated_keys_bind_as_arrays_and_names_are_case_insensitive() {
        let p = bind_params(&pairs(
            "Categories=2000&categories=5000&indexerIds=3&Type=TVSearch",
        ))
        .unwrap();
        assert_eq!(p.categories, vec![2000, 5000]);
        assert_eq!(p.indexer_ids, vec![3]);
        assert_eq!(p.kind, "tvsearch");
    }

    #[test]
    fn tokens_are_parsed_for_tvsearch_and_literal_for_search() {
        let c = parse_criteria(
            "Severance {imdbid:tt11280740}{Season:2}{Episode:01}",
            "tvsearch",
        );
        assert_eq!(c.words, vec!["severance"]);
        assert_eq!(c.imdb_id, Some(11_280_740));
        assert_eq!(c.season, Some(2));
        assert_eq!(c.episode.as_deref(), Some("01"));
        let c = parse_criteria("Severance {Season:2}", "search");
        assert_eq!(c.words, vec!["severance", "season", "2"]);
        assert_eq!(c.season, None);
    }

    #[test]
    fn tokens_unknown_to_the_type_stay_text() {
        let c = parse_criteria("x {Season:2}", "movie");
        assert_eq!(c.words, vec!["x", "season", "2"]);
    }

    #[test]
    fn season_episode_words_parse() {
        assert_eq!(season_episode("s02e01"), Some((2, Some(1))));
        assert_eq!(season_episode("s02"), Some((2, None)));
        assert_eq!(season_episode("severance"), None);
    }

    #[test]
    fn parent_category_admits_children_but_child_is_exact() {
        assert!(category_admits(2000, 2040));
        assert!(!category_admits(2000, 5040));
        assert!(category_admits(2040, 2040));
        assert!(!category_admits(2040, 2000));
        assert!(!category_admits(2000, 102_000));
    }
}
