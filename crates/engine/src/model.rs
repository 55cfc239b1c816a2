//! The watchlist item: what the user waits for.
//!
//! [`ItemSpec`] is the user-facing form (CLI flags, the JSON import/export format, later the UI form);
//! [`ItemSpec::validate`] turns it into a [`ValidItem`] or says which field breaks which rule.
//! [`WatchlistItem`] is a stored item with its id. Keeping the three apart means nothing unvalidated can
//! reach the store: the store only accepts a [`ValidItem`].

use chrono::Datelike;
use serde::{Deserialize, Serialize};

use crate::filters::ItemFilters;
use crate::validation::ValidationError;

/// Newznab parent category for movies.
pub const MOVIES_CATEGORY: u32 = 2000;
/// Newznab parent category for TV.
pub const TV_CATEGORY: u32 = 5000;
/// Longest title we accept. Real titles are far shorter; the cap keeps junk out of the parser and messages.
pub const MAX_TITLE_CHARS: usize = 200;
/// Most alternative titles one item may have.
pub const MAX_ALIASES: usize = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemKind {
    Movie,
    Series,
}

impl ItemKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Movie => "movie",
            ItemKind::Series => "series",
        }
    }

    pub fn default_categories(self) -> Vec<u32> {
        match self {
            ItemKind::Movie => vec![MOVIES_CATEGORY],
            ItemKind::Series => vec![TV_CATEGORY],
        }
    }
}

impl std::str::FromStr for ItemKind {
    type Err = ValidationError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "movie" => Ok(ItemKind::Movie),
            "series" | "show" | "tv" => Ok(ItemKind::Series),
            _ => Err(ValidationError::new(
                "kind",
                "must be \"movie\" or \"series\"",
            )),
        }
    }
}

/// A watchlist item as the user writes it: one entry of the import/export JSON array, and what the UI's
/// item form sends. Every field but `title` and `kind` is optional; absent ones take their default.
///
/// ```json
/// {
///   "title": "Severance", "kind": "series",            // "movie" | "series"
///   "year": 2022,
///   "from_season": 2, "from_episode": 3,              // series: from S02E03 on (from_episode needs from_season)
///   "only_season": 2,                                 // series: this season only (not with from_season)
///   "from_date": "2024-03-15",                        // series, daily shows: aired on or after this day
///   "imdb_id": "tt11280740", "tmdb_id": 95396, "tvdb_id": 371980,
///   "categories": [5000], "enabled": true,
///   "aliases": ["Séparation"],                        // other titles, any of them matches
///   "filters": {                                      // crate::filters::ItemFilters, all optional
///     "min_resolution": "1080p", "max_resolution": "2160p",   // 480p 576p 720p 1080p 1440p 2160p
///     "sources": ["WEB-DL", "BluRay"],   // CAM TELESYNC TELECINE SCREENER DVD HDTV WEBRip WEB-DL BluRay Remux;
///                                        // absent: all but CAM, TELESYNC, TELECINE, SCREENER
///     "codecs": ["h265"],                // h264 h265 av1 xvid mpeg2
///     "min_size_mb": 500, "max_size_mb": 8000,   // MiB per file (movie) / per episode (series)
///     "min_seeders": 5, "protocol": "torrent",   // "torrent" | "usenet"
///     "must_contain": ["HDR", "/\bDV\b/"], "must_not_contain": ["HDCAM"],  // words or /regex/
///     "languages": ["english", "french"],        // names (ISO 639-1 codes accepted on input)
///     "indexers": [3, "ExampleTracker"]          // Prowlarr ids or names
///   }
/// }
/// ```
///
/// Validation errors name the field as the form does: `title`, `only_season`, `aliases`,
/// `filters.min_resolution`, `filters.must_contain`, ...
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct ItemSpec {
    pub title: String,
    pub kind: Option<ItemKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i64>,
    /// For series: notify episodes from this season on (with `from_episode`, from that episode on).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_season: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_episode: Option<i64>,
    /// For series: only this season (its episodes and the packs that contain it). Not with `from_season`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub only_season: Option<i64>,
    /// For daily shows (releases named by air date): episodes aired on or after this day, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_date: Option<String>,
    /// IMDb id, `tt0133093` (digits alone are accepted and prefixed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub imdb_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tmdb_id: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tvdb_id: Option<i64>,
    /// Newznab categories to search; default 2000 for movies, 5000 for series.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub categories: Option<Vec<i64>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Other titles the item is released under (`"Le Prestige"` for "The Prestige"); any of them matches.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// What a release must be beyond being of the item; see [`ItemFilters`]. A release of the item that
    /// fails a filter is kept in the history with the reason and not notified.
    #[serde(default, skip_serializing_if = "ItemFilters::is_empty")]
    pub filters: ItemFilters,
}

/// A spec that passed every rule; the only thing the store will insert.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidItem {
    pub title: String,
    pub kind: ItemKind,
    pub year: Option<u16>,
    pub from_season: Option<u32>,
    pub from_episode: Option<u32>,
    pub only_season: Option<u32>,
    /// `YYYY-MM-DD`.
    pub from_date: Option<String>,
    pub imdb_id: Option<String>,
    pub tmdb_id: Option<u32>,
    pub tvdb_id: Option<u32>,
    pub categories: Vec<u32>,
    pub enabled: bool,
    pub aliases: Vec<String>,
    pub filters: ItemFilters,
}

impl ValidItem {
    /// The item as stored under `id` (0 for one that is not stored, such as the form being edited).
    pub fn into_item(self, id: i64) -> WatchlistItem {
        WatchlistItem {
            id,
            title: self.title,
            kind: self.kind,
            year: self.year,
            from_season: self.from_season,
            from_episode: self.from_episode,
            only_season: self.only_season,
            from_date: self.from_date,
            imdb_id: self.imdb_id,
            tmdb_id: self.tmdb_id,
            tvdb_id: self.tvdb_id,
            categories: self.categories,
            enabled: self.enabled,
            muted: false,
            aliases: self.aliases,
            filters: self.filters,
        }
    }
}

/// A stored watchlist item.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WatchlistItem {
    pub id: i64,
    pub title: String,
    pub kind: ItemKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from_season: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from_episode: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub only_season: Option<u32>,
    /// `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub imdb_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tmdb_id: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tvdb_id: Option<u32>,
    pub categories: Vec<u32>,
    pub enabled: bool,
    /// Searched and recorded, but not notified (not part of the import/export form: a state, like the
    /// item's history).
    pub muted: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(skip_serializing_if = "ItemFilters::is_empty")]
    pub filters: ItemFilters,
}

impl WatchlistItem {
    /// An enabled item with the kind's default categories and nothing else set; the rest can be filled in with
    /// struct update syntax (`WatchlistItem { year: Some(2021), ..WatchlistItem::new(1, "Dune", kind) }`).
    pub fn new(id: i64, title: impl Into<String>, kind: ItemKind) -> Self {
        WatchlistItem {
            id,
            title: title.into(),
            kind,
            year: None,
            from_season: None,
            from_episode: None,
            only_season: None,
            from_date: None,
            imdb_id: None,
            tmdb_id: None,
            tvdb_id: None,
            categories: kind.default_categories(),
            enabled: true,
            muted: false,
            aliases: Vec::new(),
            filters: ItemFilters::default(),
        }
    }

    /// The import/export form of this item (no id), so `export | import` round-trips.
    pub fn to_spec(&self) -> ItemSpec {
        ItemSpec {
            title: self.title.clone(),
            kind: Some(self.kind),
            year: self.year.map(i64::from),
            from_season: self.from_season.map(i64::from),
            from_episode: self.from_episode.map(i64::from),
            only_season: self.only_season.map(i64::from),
            from_date: self.from_date.clone(),
            imdb_id: self.imdb_id.clone(),
            tmdb_id: self.tmdb_id.map(i64::from),
            tvdb_id: self.tvdb_id.map(i64::from),
            categories: (self.categories != self.kind.default_categories())
                .then(|| self.categories.iter().map(|&c| i64::from(c)).collect()),
            enabled: (!self.enabled).then_some(false),
            aliases: self.aliases.clone(),
            filters: self.filters.clone(),
        }
    }
}

/// An import file with a bad entry: nothing is imported, and this names the entry.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error(
        "the import file is not valid JSON of the watchlist format (an array of {{title, kind, year?, ...}}): {0}"
    )]
    Json(String),
    #[error(
        "entry {index} ({title:?}) is invalid: {error}; nothing was imported: correct that entry (entries count from 0) and import the file again"
    )]
    Entry {
        index: usize,
        title: String,
        error: ValidationError,
    },
}

/// Parses an import file (a JSON array of [`ItemSpec`]) and validates every entry. All or nothing.
pub fn parse_import(json: &str) -> Result<Vec<ValidItem>, ImportError> {
    // Editors on Windows start UTF-8 files with a byte order mark, which is not JSON.
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    let values: Vec<serde_json::Value> =
        serde_json::from_str(json).map_err(|e| ImportError::Json(e.to_string()))?;
    values
        .into_iter()
        .enumerate()
        .map(|(index, value)| {
            let title = value
                .get("title")
                .and_then(|t| t.as_str())
                .unwrap_or("")
                .chars()
                .take(60)
                .collect();
            let spec: ItemSpec =
                serde_json::from_value(value.clone()).map_err(|e| ImportError::Entry {
                    index,
                    title: String::clone(&title),
                    error: entry_shape_error(&value, &e),
                })?;
            spec.validate().map_err(|error| ImportError::Entry {
                index,
                title,
                error,
            })
        })
        .collect()
}

/// The JSON names of [`ItemSpec`]'s fields, to name the one an import entry got wrong.
const SPEC_FIELDS: [&str; 14] = [
    "title",
    "kind",
    "year",
    "from_season",
    "from_episode",
    "only_season",
    "from_date",
    "imdb_id",
    "tmdb_id",
    "tvdb_id",
    "categories",
    "enabled",
    "aliases",
    "filters",
];

/// Names the field of an entry that does not deserialize: serde's message for a value of the wrong type
/// ("invalid type: string, expected i64") does not say which field it is, so each known field is tried alone.
fn entry_shape_error(value: &serde_json::Value, error: &serde_json::Error) -> ValidationError {
    let Some(object) = value.as_object() else {
        return ValidationError::new(
            "entry",
            "must be an object such as {\"title\": \"Dune\", \"kind\": \"movie\"}",
        );
    };
    for (key, field_value) in object {
        let Some(field) = SPEC_FIELDS.iter().find(|f| **f == key.as_str()) else {
            continue;
        };
        let mut alone = serde_json::Map::new();
        alone.insert("title".to_owned(), serde_json::Value::from("x"));
        alone.insert(key.clone(), field_value.clone());
        if let Err(e) = serde_json::from_value::<ItemSpec>(serde_json::Value::Object(alone)) {
            return ValidationError::new(field, e.to_string());
        }
    }
    ValidationError::new("entry", error.to_string())
}

impl ItemSpec {
    pub fn validate(&self) -> Result<ValidItem, ValidationError> {
        let title = self.title.trim();
        if title.is_empty() {
            return Err(ValidationError::new(
                "title",
                "is required and must not be blank",
            ));
        }
        let chars = title.chars().count();
        if chars > MAX_TITLE_CHARS {
            return Err(ValidationError::new(
                "title",
                format!(
                    "must be at most {MAX_TITLE_CHARS} characters (this one has {chars}): shorten it"
                ),
            ));
        }
        if let Some(rule) = hidden_character_rule(title) {
            return Err(ValidationError::new("title", rule));
        }
        let kind = self
            .kind
            .ok_or_else(|| ValidationError::new("kind", "is required: \"movie\" or \"series\""))?;

        let max_year = i64::from(chrono::Utc::now().year()) + 5;
        let year = match self.year {
            None => None,
            Some(y) if (1870..=max_year).contains(&y) => Some(y as u16),
            Some(_) => {
                return Err(ValidationError::new(
                    "year",
                    format!("must be between 1870 and {max_year}"),
                ));
            }
        };

        let from_date = self
            .from_date
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty());
        let (from_season, from_episode, only_season, from_date) = match kind {
            ItemKind::Movie => {
                let series_only = [
                    ("from_season", self.from_season.is_some()),
                    ("from_episode", self.from_episode.is_some()),
                    ("only_season", self.only_season.is_some()),
                    ("from_date", from_date.is_some()),
                ];
                if let Some((field, _)) = series_only.iter().find(|(_, set)| *set) {
                    return Err(ValidationError::new(
                        field,
                        "applies to series only, not to movies",
                    ));
                }
                (None, None, None, None)
            }
            ItemKind::Series => {
                let season = bounded("from_season", self.from_season, 0, 9999)?;
                let episode = bounded("from_episode", self.from_episode, 1, 99_999)?;
                if episode.is_some() && season.is_none() {
                    return Err(ValidationError::new(
                        "from_episode",
                        "needs from_season as well",
                    ));
                }
                let only = bounded("only_season", self.only_season, 0, 9999)?;
                if only.is_some() && season.is_some() {
                    return Err(ValidationError::new(
                        "only_season",
                        "follows one season: leave from_season and from_episode out",
                    ));
                }
                let date = match from_date {
                    None => None,
                    Some(d) => match chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d") {
                        Ok(day) => Some(day.format("%Y-%m-%d").to_string()),
                        Err(_) => {
                            return Err(ValidationError::new(
                                "from_date",
                                "must be a day written YYYY-MM-DD, such as 2024-03-15",
                            ));
                        }
                    },
                };
                (season, episode, only, date)
            }
        };

        let imdb_id = match self
            .imdb_id
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            None => None,
            Some(raw) => {
                let digits = raw.strip_prefix("tt").unwrap_or(raw);
                if !(1..=10).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit())
                {
                    return Err(ValidationError::new("imdb_id", "must look like tt0133093"));
                }
                Some(format!("tt{digits:0>7}"))
            }
        };
        let tmdb_id = bounded("tmdb_id", self.tmdb_id, 1, i64::from(u32::MAX))?;
        let tvdb_id = bounded("tvdb_id", self.tvdb_id, 1, i64::from(u32::MAX))?;

        let categories = match &self.categories {
            None => kind.default_categories(),
            Some(list) if list.is_empty() => {
                return Err(ValidationError::new(
                    "categories",
                    "must not be empty (leave it out for the default)",
                ));
            }
            Some(list) => {
                let mut cats = Vec::with_capacity(list.len());
                for &c in list {
                    if !(1..=999_999).contains(&c) {
                        return Err(ValidationError::new(
                            "categories",
                            "each must be a Newznab category number such as 2000 or 5040",
                        ));
                    }
                    if !cats.contains(&(c as u32)) {
                        cats.push(c as u32);
                    }
                }
                cats
            }
        };

        let aliases = aliases(title, &self.aliases)?;
        let filters = self.filters.validate()?;

        Ok(ValidItem {
            title: title.to_owned(),
            kind,
            year,
            from_season,
            from_episode,
            only_season,
            from_date,
            imdb_id,
            tmdb_id,
            tvdb_id,
            categories,
            enabled: self.enabled.unwrap_or(true),
            aliases,
            filters,
        })
    }
}

/// The aliases trimmed, checked like the title, without repeats of the title or of each other.
fn aliases(title: &str, raw: &[String]) -> Result<Vec<String>, ValidationError> {
    if raw.len() > MAX_ALIASES {
        return Err(ValidationError::new(
            "aliases",
            format!("at most {MAX_ALIASES} alternative titles"),
        ));
    }
    let mut keys = vec![crate::normalize::normalize_title(title)];
    let mut out = Vec::with_capacity(raw.len());
    for alias in raw {
        let alias = alias.trim();
        if alias.is_empty() {
            continue;
        }
        if alias.chars().count() > MAX_TITLE_CHARS {
            return Err(ValidationError::new(
                "aliases",
                format!("{alias:?}: each must be at most {MAX_TITLE_CHARS} characters"),
            ));
        }
        if let Some(rule) = hidden_character_rule(alias) {
            return Err(ValidationError::new(
                "aliases",
                format!("{alias:?}: {rule}"),
            ));
        }
        let key = crate::normalize::normalize_title(alias);
        if key.is_empty() {
            return Err(ValidationError::new(
                "aliases",
                format!("{alias:?} has no letters or digits to compare"),
            ));
        }
        if !keys.contains(&key) {
            keys.push(key);
            out.push(alias.to_owned());
        }
    }
    Ok(out)
}

/// Whether `c` is a character a title must not contain: a control character (`\0`, tab, newline, escape, ...)
/// or a bidirectional embedding, override or isolate (U+202A..U+202E, U+2066..U+2069), which reorders the text
/// shown after it and could make a title, a log line or a chat message read as something else. Titles are
/// refused rather than silently stripped, so what is stored is exactly what the user typed; untrusted text
/// (release titles from indexers) is cleaned with the same test where it is shown.
pub fn is_hidden_character(c: char) -> bool {
    c.is_control()
        || ('\u{202A}'..='\u{202E}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// The rule broken by the first hidden character of `text`, naming it and where it is.
fn hidden_character_rule(text: &str) -> Option<String> {
    let (at, c) = text
        .chars()
        .enumerate()
        .find(|&(_, c)| is_hidden_character(c))?;
    Some(format!(
        "must not contain control or text-direction characters (found U+{:04X} at character {}): retype the title without it",
        u32::from(c),
        at + 1
    ))
}

fn bounded(
    field: &'static str,
    value: Option<i64>,
    min: i64,
    max: i64,
) -> Result<Option<u32>, ValidationError> {
    match value {
        None => Ok(None),
        Some(v) if (min..=max).contains(&v) => Ok(Some(v as u32)),
        Some(_) => Err(ValidationError::new(
            field,
            format!("must be between {min} and {max}"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(title: &str, kind: ItemKind) -> ItemSpec {
        ItemSpec {
            title: title.into(),
            kind: Some(kind),
            ..Default::default()
        }
    }

    #[test]
    fn a_movie_gets_the_movie_category_by_default() {
        let item = spec("Dune", ItemKind::Movie).validate().unwrap();
        assert_eq!(item.categories, vec![2000]);
        assert!(item.enabled);
    }

    #[test]
    fn blank_title_names_the_field() {
        let err = spec("   ", ItemKind::Movie).validate().unwrap_err();
        assert_eq!(err.field, "title");
    }

    #[test]
    fn control_characters_and_huge_titles_are_refused() {
        assert_eq!(
            spec("a\tb", ItemKind::Movie).validate().unwrap_err().field,
            "title"
        );
        assert_eq!(
            spec(&"x".repeat(10_000), ItemKind::Movie)
                .validate()
                .unwrap_err()
                .field,
            "title"
        );
    }

    #[test]
    fn escape_nul_and_direction_overrides_are_refused_naming_the_character() {
        for (title, code, at) in [
            ("Dune\u{0}", "U+0000", 5),
            ("\u{1b}[31mDune", "U+001B", 1),
            ("Dune \u{202e}owT traP", "U+202E", 6),
            ("Dune \u{2066}x", "U+2066", 6),
        ] {
            let err = spec(title, ItemKind::Movie).validate().unwrap_err();
            assert_eq!(err.field, "title", "{title:?}");
            assert!(
                err.rule.contains(code) && err.rule.contains(&format!("at character {at}")),
                "{title:?}: {err}"
            );
        }
        let s = ItemSpec {
            aliases: vec!["Le \u{202e}Prestige".into()],
            ..spec("The Prestige", ItemKind::Movie)
        };
        assert_eq!(s.validate().unwrap_err().field, "aliases");
        // Letters of right-to-left scripts and the plain marks are fine: only overrides and isolates are refused.
        let s = spec("\u{5d3}\u{5d5}\u{5e0}\u{5d4} \u{200f}2", ItemKind::Movie);
        assert!(s.validate().is_ok());
    }

    #[test]
    fn an_import_entry_of_the_wrong_type_names_its_index_and_field() {
        let mut entries: Vec<serde_json::Value> = (0..1000)
            .map(|i| serde_json::json!({"title": format!("Movie {i}"), "kind": "movie"}))
            .collect();
        entries[612] = serde_json::json!({"title": "Broken", "kind": "movie", "year": "nineteen"});
        let err = parse_import(&serde_json::to_string(&entries).unwrap()).unwrap_err();
        let ImportError::Entry { index, error, .. } = &err else {
            panic!("{err}")
        };
        assert_eq!((*index, error.field), (612, "year"), "{err}");
        assert!(err.to_string().contains("nothing was imported"), "{err}");

        entries[612] = serde_json::json!(42);
        let err = parse_import(&serde_json::to_string(&entries).unwrap()).unwrap_err();
        assert!(
            matches!(&err, ImportError::Entry { index: 612, error, .. } if error.field == "entry"),
            "{err}"
        );
        entries[612] = serde_json::json!({"title": "X", "kind": "movie", "yeer": 2000});
        let err = parse_import(&serde_json::to_string(&entries).unwrap()).unwrap_err();
        assert!(err.to_string().contains("unknown field `yeer`"), "{err}");
    }

    #[test]
    fn absurd_years_are_refused() {
        for y in [-1, 0, 1800, 99_999] {
            let s = ItemSpec {
                year: Some(y),
                ..spec("Dune", ItemKind::Movie)
            };
            assert_eq!(s.validate().unwrap_err().field, "year", "year {y}");
        }
    }

    #[test]
    fn imdb_ids_are_normalized_and_checked() {
        let s = ItemSpec {
            imdb_id: Some("133093".into()),
            ..spec("The Matrix", ItemKind::Movie)
        };
        assert_eq!(s.validate().unwrap().imdb_id.as_deref(), Some("tt0133093"));
        let s = ItemSpec {
            imdb_id: Some("tt12ab".into()),
            ..spec("The Matrix", ItemKind::Movie)
        };
        assert_eq!(s.validate().unwrap_err().field, "imdb_id");
    }

    #[test]
    fn from_episode_needs_a_season_and_a_series() {
        let s = ItemSpec {
            from_episode: Some(3),
            ..spec("Severance", ItemKind::Series)
        };
        assert_eq!(s.validate().unwrap_err().field, "from_episode");
        let s = ItemSpec {
            from_season: Some(2),
            ..spec("Dune", ItemKind::Movie)
        };
        assert_eq!(s.validate().unwrap_err().field, "from_season");
    }

    #[test]
    fn one_season_and_a_from_date_are_for_series_and_checked() {
        let s = ItemSpec {
            only_season: Some(2),
            from_season: Some(1),
            ..spec("Severance", ItemKind::Series)
        };
        assert_eq!(s.validate().unwrap_err().field, "only_season");
        let s = ItemSpec {
            only_season: Some(2),
            ..spec("Dune", ItemKind::Movie)
        };
        assert_eq!(s.validate().unwrap_err().field, "only_season");
        let s = ItemSpec {
            from_date: Some("2024-13-01".into()),
            ..spec("The Daily Show", ItemKind::Series)
        };
        assert_eq!(s.validate().unwrap_err().field, "from_date");
        let s = ItemSpec {
            from_date: Some(" 2024-03-15 ".into()),
            only_season: Some(29),
            ..spec("The Daily Show", ItemKind::Series)
        };
        let valid = s.validate().unwrap();
        assert_eq!(
            (valid.from_date.as_deref(), valid.only_season),
            (Some("2024-03-15"), Some(29))
        );
    }

    #[test]
    fn import_is_all_or_nothing_and_names_the_bad_entry() {
        let json =
            r#"[{"title":"Dune","kind":"movie"},{"title":"Bad","kind":"movie","year":99999}]"#;
        match parse_import(json) {
            Err(ImportError::Entry {
                index,
                title,
                error,
            }) => {
                assert_eq!(index, 1);
                assert_eq!(title, "Bad");
                assert_eq!(error.field, "year");
            }
            other => panic!("expected an entry error, got {other:?}"),
        }
    }

    #[test]
    fn aliases_are_trimmed_and_repeats_of_the_title_dropped() {
        let s = ItemSpec {
            aliases: vec![" Le Prestige ".into(), "the prestige".into(), "".into()],
            ..spec("The Prestige", ItemKind::Movie)
        };
        assert_eq!(s.validate().unwrap().aliases, vec!["Le Prestige"]);
        let s = ItemSpec {
            aliases: vec!["!!!".into()],
            ..spec("The Prestige", ItemKind::Movie)
        };
        assert_eq!(s.validate().unwrap_err().field, "aliases");
    }

    #[test]
    fn a_bad_filter_in_an_import_names_the_entry_and_the_field() {
        let json = r#"[{"title":"Dune","kind":"movie","filters":{"must_contain":["/[/"]}}]"#;
        let err = parse_import(json).unwrap_err();
        assert!(err.to_string().contains("filters.must_contain"), "{err}");
        let err =
            parse_import(r#"[{"title":"Dune","kind":"movie","filters":{"min_res":"1080p"}}]"#)
                .unwrap_err();
        assert!(err.to_string().contains("min_res"), "{err}");
    }

    #[test]
    fn unknown_fields_in_an_import_are_refused() {
        let err = parse_import(r#"[{"title":"Dune","kind":"movie","yaer":2021}]"#).unwrap_err();
        assert!(err.to_string().contains("yaer"), "{err}");
    }

    #[test]
    fn export_round_trips_through_import() {
        let item = WatchlistItem {
            id: 7,
            title: "Severance".into(),
            kind: ItemKind::Series,
            year: Some(2022),
            from_season: Some(2),
            from_episode: Some(1),
            only_season: None,
            from_date: None,
            imdb_id: Some("tt11280740".into()),
            tmdb_id: None,
            tvdb_id: Some(371980),
            categories: vec![5000],
            enabled: false,
            muted: true,
            aliases: vec!["Séparation".into()],
            filters: ItemFilters {
                min_resolution: Some(crate::filters::Resolution::R1080p),
                must_not_contain: vec!["/\\bHC\\b/".into()],
                ..Default::default()
            },
        };
        let json = serde_json::to_string(&vec![item.to_spec()]).unwrap();
        let back = parse_import(&json).unwrap();
        assert_eq!(back[0].aliases, item.aliases);
        assert_eq!(back[0].filters, item.filters);
        assert_eq!(back[0].title, "Severance");
        assert_eq!(back[0].from_season, Some(2));
        assert_eq!(back[0].tvdb_id, Some(371980));
        assert!(!back[0].enabled);
    }
}
