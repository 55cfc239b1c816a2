//! What an item wants of a release beyond being of it: resolution, source, codec, size, seeders, protocol,
//! words, language, indexers. The vocabulary the user picks from, and the rules a filter set must follow.
//!
//! The form is the same in the JSON import/export format, the UI's item form and the store (a JSON column):
//! every field is optional and an absent one does not filter. [`ItemFilters::validate`] checks a set and
//! names the field that breaks a rule (`filters.must_contain`); the matcher compiles a valid set once per
//! item (`matcher::filter`), never per release.
//!
//! Names are read leniently (`ts`, `Telesync`, `TELESYNC` are one source; `x265`, `hevc`, `h265` one codec) and
//! written back in one canonical spelling, so an export is stable.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::validation::ValidationError;

/// Resolution classes, lowest first. `480p` stands for everything at or below standard definition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Resolution {
    R480p,
    R576p,
    R720p,
    R1080p,
    R1440p,
    R2160p,
}

impl Resolution {
    pub const ALL: [Resolution; 6] = [
        Resolution::R480p,
        Resolution::R576p,
        Resolution::R720p,
        Resolution::R1080p,
        Resolution::R1440p,
        Resolution::R2160p,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Resolution::R480p => "480p",
            Resolution::R576p => "576p",
            Resolution::R720p => "720p",
            Resolution::R1080p => "1080p",
            Resolution::R1440p => "1440p",
            Resolution::R2160p => "2160p",
        }
    }

    /// The class of a resolution as the parser writes it (`1080p`, `1080i`, `4k`, `540p`); `None` when the
    /// name gives none or something unreadable.
    pub fn of_parsed(parsed: &str) -> Option<Resolution> {
        let lower = parsed.trim().to_ascii_lowercase();
        if lower == "4k" || lower == "uhd" {
            return Some(Resolution::R2160p);
        }
        let lines: u32 = lower
            .trim_end_matches(['p', 'i'])
            .parse()
            .ok()
            .filter(|_| lower.ends_with(['p', 'i']))?;
        Some(match lines {
            0..=480 => Resolution::R480p,
            481..=576 => Resolution::R576p,
            577..=720 => Resolution::R720p,
            721..=1080 => Resolution::R1080p,
            1081..=1440 => Resolution::R1440p,
            _ => Resolution::R2160p,
        })
    }
}

impl FromStr for Resolution {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.trim().to_ascii_lowercase();
        let found = match lower.as_str() {
            "4k" | "uhd" => Some(Resolution::R2160p),
            "sd" => Some(Resolution::R480p),
            _ => Resolution::ALL
                .into_iter()
                .find(|r| r.as_str() == lower || r.as_str().trim_end_matches('p') == lower),
        };
        found.ok_or_else(|| {
            format!("{s:?} is not a resolution: use one of 480p, 576p, 720p, 1080p, 1440p, 2160p")
        })
    }
}

/// Where a release comes from, in the classes people choose between (Sonarr's and autobrr's). Pre-release
/// sources (cam, telesync, telecine, screener) are refused unless an item's `sources` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Source {
    Cam,
    Telesync,
    Telecine,
    Screener,
    Dvd,
    Hdtv,
    WebRip,
    WebDl,
    BluRay,
    Remux,
}

impl Source {
    pub const ALL: [Source; 10] = [
        Source::Cam,
        Source::Telesync,
        Source::Telecine,
        Source::Screener,
        Source::Dvd,
        Source::Hdtv,
        Source::WebRip,
        Source::WebDl,
        Source::BluRay,
        Source::Remux,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Source::Cam => "CAM",
            Source::Telesync => "TELESYNC",
            Source::Telecine => "TELECINE",
            Source::Screener => "SCREENER",
            Source::Dvd => "DVD",
            Source::Hdtv => "HDTV",
            Source::WebRip => "WEBRip",
            Source::WebDl => "WEB-DL",
            Source::BluRay => "BluRay",
            Source::Remux => "Remux",
        }
    }

    /// Recorded in a cinema or leaked before release: refused unless asked for.
    pub fn is_pre_release(self) -> bool {
        matches!(
            self,
            Source::Cam | Source::Telesync | Source::Telecine | Source::Screener
        )
    }

    /// The class of a source as the parser names it (`BluRay REMUX`, `BDRip`, `WEB`, `PDTV`...).
    pub fn of_parsed(parsed: &str) -> Option<Source> {
        Some(match parsed {
            "CAM" => Source::Cam,
            "TeleSync" => Source::Telesync,
            "TeleCine" => Source::Telecine,
            "SCR" | "R5" => Source::Screener,
            "DVD" | "DVDRip" => Source::Dvd,
            "HDTV" | "PDTV" | "DSR" | "SATRip" | "TVRip" | "PPVRip" => Source::Hdtv,
            "WEBRip" | "HDRip" => Source::WebRip,
            "WEB-DL" | "WEB" => Source::WebDl,
            "BluRay" | "BDRip" | "BRRip" | "UHDRip" => Source::BluRay,
            "BluRay REMUX" => Source::Remux,
            _ => return None,
        })
    }
}

/// How a source or codec name is looked up: letters and digits only, lower case (`WEB-DL` = `webdl`).
fn vocabulary_key(s: &str) -> String {
    s.chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase()
}

impl FromStr for Source {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let key = vocabulary_key(s);
        Ok(match key.as_str() {
            "cam" | "hdcam" | "camrip" => Source::Cam,
            "ts" | "telesync" | "hdts" => Source::Telesync,
            "tc" | "telecine" => Source::Telecine,
            "scr" | "screener" | "dvdscr" | "r5" => Source::Screener,
            "dvd" | "dvdrip" => Source::Dvd,
            "hdtv" | "tv" | "pdtv" => Source::Hdtv,
            "webrip" => Source::WebRip,
            "webdl" | "web" => Source::WebDl,
            "bluray" | "bdrip" | "brrip" => Source::BluRay,
            "remux" | "blurayremux" => Source::Remux,
            _ => {
                return Err(format!(
                    "{s:?} is not a source: use CAM, TELESYNC, TELECINE, SCREENER, DVD, HDTV, WEBRip, WEB-DL, BluRay or Remux"
                ));
            }
        })
    }
}

/// Video codecs, as families: `x264`, `h264` and `AVC` are one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Codec {
    H264,
    H265,
    Av1,
    Xvid,
    Mpeg2,
}

impl Codec {
    pub fn as_str(self) -> &'static str {
        match self {
            Codec::H264 => "h264",
            Codec::H265 => "h265",
            Codec::Av1 => "av1",
            Codec::Xvid => "xvid",
            Codec::Mpeg2 => "mpeg2",
        }
    }

    /// The family of a codec as the parser writes it (`x265`, `h264`, `hevc`, `avc`, `xvid`, `divx`).
    pub fn of_parsed(parsed: &str) -> Option<Codec> {
        parsed.parse().ok()
    }
}

impl FromStr for Codec {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let key = vocabulary_key(s);
        Ok(match key.as_str() {
            "h264" | "x264" | "avc" => Codec::H264,
            "h265" | "x265" | "hevc" | "hevc10" => Codec::H265,
            "av1" => Codec::Av1,
            "xvid" | "divx" | "dvix" => Codec::Xvid,
            "mpeg2" => Codec::Mpeg2,
            _ => {
                return Err(format!(
                    "{s:?} is not a codec: use h264 (x264, AVC), h265 (x265, HEVC), av1, xvid or mpeg2"
                ));
            }
        })
    }
}

/// Torrent or Usenet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Protocol {
    Torrent,
    Usenet,
}

impl Protocol {
    pub fn as_str(self) -> &'static str {
        match self {
            Protocol::Torrent => "torrent",
            Protocol::Usenet => "usenet",
        }
    }
}

impl FromStr for Protocol {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "torrent" => Ok(Protocol::Torrent),
            "usenet" | "nzb" => Ok(Protocol::Usenet),
            _ => Err(format!("{s:?} is not a protocol: use torrent or usenet")),
        }
    }
}

/// An indexer as the user names it: Prowlarr's numeric id (the search itself is then restricted to it) or
/// its display name (matched on results, case-insensitively).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum IndexerRef {
    Id(i64),
    Name(String),
}

impl fmt::Display for IndexerRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IndexerRef::Id(id) => write!(f, "#{id}"),
            IndexerRef::Name(name) => f.write_str(name),
        }
    }
}

impl FromStr for IndexerRef {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        if s.is_empty() {
            return Err("an indexer must be an id or a name, not blank".to_owned());
        }
        Ok(match s.parse::<i64>() {
            Ok(id) => IndexerRef::Id(id),
            Err(_) => IndexerRef::Name(s.to_owned()),
        })
    }
}

impl Serialize for IndexerRef {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            IndexerRef::Id(id) => s.serialize_i64(*id),
            IndexerRef::Name(name) => s.serialize_str(name),
        }
    }
}

impl<'de> Deserialize<'de> for IndexerRef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Id(i64),
            Name(String),
        }
        match Raw::deserialize(d)? {
            Raw::Id(id) => Ok(IndexerRef::Id(id)),
            Raw::Name(name) => name.parse().map_err(serde::de::Error::custom),
        }
    }
}

/// Serde through `FromStr` / `as_str`, so names are read leniently and written canonically.
macro_rules! serde_by_name {
    ($($t:ty),*) => {$(
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                String::deserialize(d)?.parse().map_err(serde::de::Error::custom)
            }
        }
    )*};
}
serde_by_name!(Resolution, Source, Codec);

/// An item's filters. JSON (all optional):
/// `{"min_resolution": "1080p", "max_resolution": "2160p", "sources": ["WEB-DL", "BluRay"], "codecs": ["h265"],
///   "min_size_mb": 500, "max_size_mb": 8000, "min_seeders": 5, "protocol": "torrent",
///   "must_contain": ["HDR", "/\\bDV\\b/"], "must_not_contain": ["HDCAM"], "languages": ["english", "french"],
///   "indexers": [3, "ExampleTracker"]}`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemFilters {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_resolution: Option<Resolution>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_resolution: Option<Resolution>,
    /// Allowed sources. Absent: every source except CAM, TELESYNC, TELECINE and SCREENER.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// Allowed codecs. Absent: any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub codecs: Vec<Codec>,
    /// Size bounds in MiB, per file for a movie, per episode for a series (a pack is divided by its episode
    /// count when the name gives it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_size_mb: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_size_mb: Option<u64>,
    /// Torrents with fewer seeders are refused; Usenet releases have none and are not affected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_seeders: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protocol: Option<Protocol>,
    /// The name must contain at least one of these: a word or phrase (case-insensitive, whole words, `.` `_`
    /// `-` count as spaces) or a `/regular expression/` (case-insensitive).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub must_contain: Vec<String>,
    /// The name must contain none of these (same forms as `must_contain`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub must_not_contain: Vec<String>,
    /// Wanted audio languages, as lower-case English names (`english`, `french`; ISO 639-1 codes such as
    /// `fr` are accepted and written as names). A name without a language tag counts as English (scene
    /// releases tag only other languages); a `MULTi` / dual-audio release passes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    /// Indexers to use: Prowlarr ids (the search is restricted to them) or names; results from others are
    /// refused.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indexers: Vec<IndexerRef>,
}

/// Largest size bound: 10 TiB in MiB. Anything above is a typo.
const MAX_SIZE_MB: u64 = 10 * 1024 * 1024;
/// Longest word or pattern; a longer one is pasted junk.
const MAX_TERM_CHARS: usize = 200;
/// Most terms in one list.
const MAX_TERMS: usize = 50;

/// One `must_contain` / `must_not_contain` entry: a plain phrase, or the pattern inside `/.../`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term<'a> {
    Phrase(&'a str),
    Pattern(&'a str),
}

impl<'a> Term<'a> {
    pub fn of(raw: &'a str) -> Term<'a> {
        let t = raw.trim();
        match t.strip_prefix('/').and_then(|r| r.strip_suffix('/')) {
            Some(pattern) if t.len() >= 2 => Term::Pattern(pattern),
            _ => Term::Phrase(t),
        }
    }
}

/// Compiles a `/.../` pattern the way the matcher runs it: case-insensitive, with a size limit so a pasted
/// monster cannot eat memory.
pub fn compile_pattern(pattern: &str) -> Result<regex::Regex, regex::Error> {
    regex::RegexBuilder::new(pattern)
        .case_insensitive(true)
        .size_limit(1 << 20)
        .build()
}

impl ItemFilters {
    pub fn is_empty(&self) -> bool {
        *self == ItemFilters::default()
    }

    /// The set with its lists trimmed and deduplicated, or the field that breaks a rule.
    pub fn validate(&self) -> Result<ItemFilters, ValidationError> {
        if let (Some(min), Some(max)) = (self.min_resolution, self.max_resolution)
            && min > max
        {
            return Err(ValidationError::new(
                "filters.max_resolution",
                format!("must not be below min_resolution ({})", min.as_str()),
            ));
        }
        for (field, value) in [
            ("filters.min_size_mb", self.min_size_mb),
            ("filters.max_size_mb", self.max_size_mb),
        ] {
            if value.is_some_and(|v| v > MAX_SIZE_MB) {
                return Err(ValidationError::new(
                    field,
                    format!("must be at most {MAX_SIZE_MB} (10 TiB)"),
                ));
            }
        }
        if let (Some(min), Some(max)) = (self.min_size_mb, self.max_size_mb)
            && min > max
        {
            return Err(ValidationError::new(
                "filters.max_size_mb",
                format!("must not be below min_size_mb ({min})"),
            ));
        }
        if self.min_seeders.is_some_and(|s| s > 1_000_000) {
            return Err(ValidationError::new(
                "filters.min_seeders",
                "must be at most 1000000",
            ));
        }
        let must_contain = terms("filters.must_contain", &self.must_contain)?;
        let must_not_contain = terms("filters.must_not_contain", &self.must_not_contain)?;
        let mut languages: Vec<String> = Vec::new();
        for raw in &self.languages {
            let Some(name) = language_name(raw) else {
                return Err(ValidationError::new(
                    "filters.languages",
                    format!(
                        "{raw:?} is not a language the release names tell: use a name such as english, french, \
                         german, spanish, latino, italian, japanese (or its ISO 639-1 code: en, fr, de...)"
                    ),
                ));
            };
            if !languages.iter().any(|l| l == name) {
                languages.push(name.to_owned());
            }
        }
        if self
            .indexers
            .iter()
            .any(|i| matches!(i, IndexerRef::Id(id) if *id <= 0))
        {
            return Err(ValidationError::new(
                "filters.indexers",
                "an indexer id must be a positive number (Prowlarr's id), or give its name",
            ));
        }
        Ok(ItemFilters {
            sources: dedup(&self.sources),
            codecs: dedup(&self.codecs),
            must_contain,
            must_not_contain,
            languages,
            indexers: dedup(&self.indexers),
            ..self.clone()
        })
    }

    /// Prowlarr ids to restrict the search to: only when every listed indexer is given by id (a name can only
    /// be checked on the results, so the search must not leave its indexer out).
    pub fn search_indexer_ids(&self) -> Vec<i32> {
        self.search_indexer_ids_with(&IndexerNames::default())
    }

    /// Prowlarr ids to restrict the search to, names resolved through Prowlarr's indexer list: only when every
    /// listed indexer is an id or a name Prowlarr knows; otherwise none (every indexer is searched, and the
    /// filter refuses the results from the others).
    pub fn search_indexer_ids_with(&self, names: &IndexerNames) -> Vec<i32> {
        let mut ids = Vec::new();
        for indexer in &self.indexers {
            match indexer {
                IndexerRef::Id(id) => match i32::try_from(*id) {
                    Ok(id) => ids.push(id),
                    Err(_) => return Vec::new(),
                },
                IndexerRef::Name(name) => match names.ids(name) {
                    [] => return Vec::new(),
                    found => ids.extend_from_slice(found),
                },
            }
        }
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// Whether an indexer is named rather than given by id (its id must then be looked up to narrow a search).
    pub fn names_an_indexer(&self) -> bool {
        self.indexers
            .iter()
            .any(|i| matches!(i, IndexerRef::Name(_)))
    }
}

/// Prowlarr's indexers by name (compared as the filter compares them: trimmed, ASCII case ignored).
#[derive(Debug, Clone, Default)]
pub struct IndexerNames(std::collections::HashMap<String, Vec<i32>>);

impl IndexerNames {
    pub fn new<'a>(indexers: impl IntoIterator<Item = (i32, &'a str)>) -> Self {
        let mut map: std::collections::HashMap<String, Vec<i32>> = std::collections::HashMap::new();
        for (id, name) in indexers {
            map.entry(name.trim().to_ascii_lowercase())
                .or_default()
                .push(id);
        }
        IndexerNames(map)
    }

    /// The ids of the indexers called `name` (none when Prowlarr has no such indexer).
    pub fn ids(&self, name: &str) -> &[i32] {
        self.0
            .get(&name.trim().to_ascii_lowercase())
            .map_or(&[], Vec::as_slice)
    }
}

/// The languages release names tell (as the parser names them), with their ISO 639-1 codes.
const LANGUAGES: [(&str, &str); 42] = [
    ("english", "en"),
    ("japanese", "ja"),
    ("korean", "ko"),
    ("chinese", "zh"),
    ("taiwanese", ""),
    ("french", "fr"),
    ("spanish", "es"),
    ("latino", ""),
    ("portuguese", "pt"),
    ("italian", "it"),
    ("greek", "el"),
    ("german", "de"),
    ("russian", "ru"),
    ("ukrainian", "uk"),
    ("lithuanian", "lt"),
    ("latvian", "lv"),
    ("estonian", "et"),
    ("polish", "pl"),
    ("czech", "cs"),
    ("slovakian", "sk"),
    ("hungarian", "hu"),
    ("romanian", "ro"),
    ("bulgarian", "bg"),
    ("serbian", "sr"),
    ("croatian", "hr"),
    ("slovenian", "sl"),
    ("dutch", "nl"),
    ("danish", "da"),
    ("finnish", "fi"),
    ("swedish", "sv"),
    ("norwegian", "no"),
    ("arabic", "ar"),
    ("turkish", "tr"),
    ("vietnamese", "vi"),
    ("indonesian", "id"),
    ("thai", "th"),
    ("malay", "ms"),
    ("hebrew", "he"),
    ("persian", "fa"),
    ("hindi", "hi"),
    ("tamil", "ta"),
    ("telugu", "te"),
];

/// The parser's name for a language given by name or ISO 639-1 code, case-insensitively.
fn language_name(raw: &str) -> Option<&'static str> {
    let key = raw.trim().to_ascii_lowercase();
    let key = match key.as_str() {
        "nb" | "bokmal" => "no",
        "flemish" => "dutch",
        other => other,
    };
    LANGUAGES
        .iter()
        .find(|(name, code)| *name == key || (!code.is_empty() && *code == key))
        .map(|(name, _)| *name)
}

fn dedup<T: Clone + PartialEq>(list: &[T]) -> Vec<T> {
    let mut out: Vec<T> = Vec::with_capacity(list.len());
    for v in list {
        if !out.contains(v) {
            out.push(v.clone());
        }
    }
    out
}

fn terms(field: &'static str, list: &[String]) -> Result<Vec<String>, ValidationError> {
    if list.len() > MAX_TERMS {
        return Err(ValidationError::new(
            field,
            format!("at most {MAX_TERMS} entries"),
        ));
    }
    let mut out: Vec<String> = Vec::with_capacity(list.len());
    for raw in list {
        let t = raw.trim();
        if t.is_empty() {
            continue;
        }
        if t.chars().count() > MAX_TERM_CHARS || t.chars().any(char::is_control) {
            return Err(ValidationError::new(
                field,
                format!(
                    "{t:?}: each entry must be at most {MAX_TERM_CHARS} characters, without control characters"
                ),
            ));
        }
        match Term::of(t) {
            Term::Pattern("") => {
                return Err(ValidationError::new(
                    field,
                    "\"//\" is an empty regular expression",
                ));
            }
            Term::Pattern(p) => {
                if let Err(e) = compile_pattern(p) {
                    return Err(ValidationError::new(
                        field,
                        format!("/{p}/ is not a valid regular expression: {e}"),
                    ));
                }
            }
            Term::Phrase(p) => {
                if !p.chars().any(char::is_alphanumeric) {
                    return Err(ValidationError::new(
                        field,
                        format!("{p:?} has no letters or digits to look for"),
                    ));
                }
            }
        }
        if !out.iter().any(|o| o == t) {
            out.push(t.to_owned());
        }
    }
    Ok(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn names_are_read_leniently_and_written_canonically() {
        let f: ItemFilters = serde_json::from_str(
            r#"{"min_resolution":"1080","sources":["web-dl","bdrip","ts"],"codecs":["x265","HEVC"],"indexers":[3,"7","Tracker"]}"#,
        )
        .unwrap();
        let f = f.validate().unwrap();
        assert_eq!(f.min_resolution, Some(Resolution::R1080p));
        assert_eq!(
            f.sources,
            vec![Source::WebDl, Source::BluRay, Source::Telesync]
        );
        assert_eq!(f.codecs, vec![Codec::H265]);
        assert_eq!(
            f.indexers,
            vec![
                IndexerRef::Id(3),
                IndexerRef::Id(7),
                IndexerRef::Name("Tracker".into())
            ]
        );
        assert_eq!(
            serde_json::to_string(&f).unwrap(),
            r#"{"min_resolution":"1080p","sources":["WEB-DL","BluRay","TELESYNC"],"codecs":["h265"],"indexers":[3,7,"Tracker"]}"#
        );
    }

    #[test]
    fn an_unknown_source_names_the_choices() {
        let err = serde_json::from_str::<ItemFilters>(r#"{"sources":["VHS"]}"#).unwrap_err();
        assert!(err.to_string().contains("WEB-DL"), "{err}");
    }

    #[test]
    fn a_bad_regex_names_the_field_and_the_error() {
        let f = ItemFilters {
            must_not_contain: vec!["/(unclosed/".into()],
            ..Default::default()
        };
        let err = f.validate().unwrap_err();
        assert_eq!(err.field, "filters.must_not_contain");
        assert!(err.rule.contains("/(unclosed/"), "{}", err.rule);
        assert!(err.rule.contains("unclosed group"), "{}", err.rule);
    }

    #[test]
    fn bounds_must_be_in_order() {
        let f = ItemFilters {
            min_resolution: Some(Resolution::R2160p),
            max_resolution: Some(Resolution::R720p),
            ..Default::default()
        };
        assert_eq!(f.validate().unwrap_err().field, "filters.max_resolution");
        let f = ItemFilters {
            min_size_mb: Some(5000),
            max_size_mb: Some(100),
            ..Default::default()
        };
        assert_eq!(f.validate().unwrap_err().field, "filters.max_size_mb");
    }

    #[test]
    fn languages_are_names_and_codes_become_names() {
        let f = ItemFilters {
            languages: vec!["FR".into(), "French".into(), "de".into()],
            ..Default::default()
        };
        assert_eq!(f.validate().unwrap().languages, vec!["french", "german"]);
        let f = ItemFilters {
            languages: vec!["Klingon".into()],
            ..Default::default()
        };
        assert_eq!(f.validate().unwrap_err().field, "filters.languages");
    }

    #[test]
    fn the_search_is_restricted_only_when_every_indexer_is_an_id() {
        let f = ItemFilters {
            indexers: vec![IndexerRef::Id(3), IndexerRef::Id(5)],
            ..Default::default()
        };
        assert_eq!(f.search_indexer_ids(), vec![3, 5]);
        let f = ItemFilters {
            indexers: vec![IndexerRef::Id(3), IndexerRef::Name("Other".into())],
            ..Default::default()
        };
        assert!(f.search_indexer_ids().is_empty());
    }

    #[test]
    fn named_indexers_restrict_the_search_once_prowlarr_says_their_ids() {
        let names = IndexerNames::new([(3, "Chosen"), (4, "Elsewhere"), (9, " chosen ")]);
        let f = ItemFilters {
            indexers: vec![IndexerRef::Id(5), IndexerRef::Name("CHOSEN".into())],
            ..Default::default()
        };
        assert!(f.names_an_indexer());
        assert_eq!(f.search_indexer_ids_with(&names), vec![3, 5, 9]);
        // A name Prowlarr does not know: every indexer is searched, the filter judges the results.
        let f = ItemFilters {
            indexers: vec![
                IndexerRef::Name("Chosen".into()),
                IndexerRef::Name("Gone".into()),
            ],
            ..Default::default()
        };
        assert!(f.search_indexer_ids_with(&names).is_empty());
        assert!(!ItemFilters::default().names_an_indexer());
        assert!(
            ItemFilters::default()
                .search_indexer_ids_with(&names)
                .is_empty()
        );
    }

    #[test]
    fn parsed_names_fall_into_classes() {
        assert_eq!(Resolution::of_parsed("4k"), Some(Resolution::R2160p));
        assert_eq!(Resolution::of_parsed("1080i"), Some(Resolution::R1080p));
        assert_eq!(Resolution::of_parsed("540p"), Some(Resolution::R576p));
        assert_eq!(Source::of_parsed("BluRay REMUX"), Some(Source::Remux));
        assert_eq!(Source::of_parsed("TeleSync"), Some(Source::Telesync));
        assert_eq!(Codec::of_parsed("x264"), Some(Codec::H264));
    }
}
