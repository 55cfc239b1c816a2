//! Parsing a release name into a [`ParsedRelease`]: `parse-torrent-title` with the repairs of `clean.rs`, and
//! what kind of release it is (see the [module docs](super) for the parser choice and the kinds).

use std::sync::{Arc, Mutex, PoisonError};

use parse_torrent_title::transformers::value;
use parse_torrent_title::{Handler, Options, Position, Regex, Target};
use serde::Serialize;

use super::clean;
use crate::normalize::capped;

/// What a release contains, as far as its name tells. Serializes as `movie`, `episode`, `seasonpack`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ReleaseKind {
    /// No season, episode, date or special marker.
    #[default]
    Movie,
    /// One or more episodes, a dated episode or a special.
    Episode,
    /// One or more whole seasons, or a whole show (`seasons` empty, `complete` set).
    SeasonPack,
}

/// What [`parse`] read from a release name. Serializes with snake_case names, leaving out empty fields.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ParsedRelease {
    /// The title, cleaned of the tags the parser left in it.
    pub title: String,
    /// The parser's own title when the cleaning changed it; the matcher tries it first.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub raw_title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    /// The first season of `seasons`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub season: Option<u32>,
    /// The first episode of `episodes`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub episode: Option<u32>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub seasons: Vec<u32>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub episodes: Vec<u32>,
    /// Air date of a daily show's episode, `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolution: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub codec: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Language tags as the parser reads them: ISO 639-1 codes, `multi audio`, `dual audio`, `multi subs`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    #[serde(skip_serializing_if = "is_false")]
    pub proper: bool,
    #[serde(skip_serializing_if = "is_false")]
    pub repack: bool,
    /// A whole season or show (`COMPLETE`, `INTEGRALE`).
    #[serde(skip_serializing_if = "is_false")]
    pub complete: bool,
    /// A special episode (`Christmas Special`, an anime `OVA`).
    #[serde(skip_serializing_if = "is_false")]
    pub special: bool,
    pub kind: ReleaseKind,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// The parser, built on first use and kept until [`release_parser`].
static PARSER: Mutex<Option<Arc<parse_torrent_title::Parser>>> = Mutex::new(None);

/// The parser in use, built now if it was released (or never built).
pub(super) fn parser() -> Arc<parse_torrent_title::Parser> {
    let mut slot = PARSER.lock().unwrap_or_else(PoisonError::into_inner);
    Arc::clone(slot.get_or_insert_with(|| Arc::new(build_parser())))
}

/// Lets go of the parser's compiled patterns and match caches (~10 MiB); the next [`parse`] builds them again
/// (~90 ms). The service calls it after each check: between checks, 15 minutes by default, the parser is idle.
/// A parse in progress keeps the parser it started with.
pub fn release_parser() {
    PARSER.lock().unwrap_or_else(PoisonError::into_inner).take();
}

/// The default parser with two changes.
///
/// Its handlers are made here, not copied from the crate's own default parser (`create_parser`), whose patterns
/// live in a static once compiled: these are freed with the parser.
///
/// It is taught the TV sources it lacks: unknown, they stayed in the title (`FooBar.7.PDTV-FlexGet` →
/// "FooBar 7 PDTV-FlexGet").
///
/// And its costliest handler is replaced by an equivalent one. `(?<=\b(?:4k|2160p)\b.*)...(480|720|1080)p`
/// (a lower resolution after a 4k one) runs its unbounded look-behind at every position of every name with
/// a `1080p` in it, about a fifth of all parsing time. Written with the look-behind after the resolution, it
/// is only tried where a resolution matched, and matches the same text.
pub(super) fn build_parser() -> parse_torrent_title::Parser {
    let mut parser = parse_torrent_title::Parser::new();
    parse_torrent_title::add_defaults(&mut parser, &[]);
    // Before its last resort, which reads a `XviD` codec as the source.
    let codec_as_source = parser
        .handlers()
        .into_iter()
        .find(|h| h.name == "source" && h.regex().is_some_and(|r| r.source().contains("XviD")))
        .and_then(|h| isize::try_from(h.index).ok());
    let sources = [(r"\b(?:PDTV|SDTV)\b", "PDTV"), (r"\bDSR(?:ip)?\b", "DSR")];
    for (pattern, name) in sources {
        let handler = Handler::regex("source", Regex::lazy(pattern, "i"))
            .transform(value(name))
            .options(Options::new().remove(true));
        let position = match codec_as_source {
            Some(index) => Position::before(Target::new("source", index)),
            None => Position::after("source"),
        };
        // The default parser has "source" handlers; should a version lack them, parsing works without these.
        let _ = parser.insert_handler(position, handler);
    }
    replace_slow_resolution_handler(&mut parser);
    parser
}

pub(super) const SLOW_RESOLUTION: &str = r"(?<=\b(?:4k|2160p)\b.*)(?<!\+)\b(480|720|1080)p\b";
const FAST_RESOLUTION: &str =
    r"(?<!\+)\b(480|720|1080)p\b(?<=\b(?:4k|2160p)\b.*\b(?:480|720|1080)p)";

fn replace_slow_resolution_handler(parser: &mut parse_torrent_title::Parser) {
    let slow = parser
        .handlers()
        .into_iter()
        .find(|h| h.regex().is_some_and(|r| r.source() == SLOW_RESOLUTION));
    let Some(slow) = slow else {
        return;
    };
    let Ok(index) = isize::try_from(slow.index) else {
        return;
    };
    let options = slow.options().cloned().unwrap_or_default();
    let fast = Handler::regex(slow.name.clone(), Regex::lazy(FAST_RESOLUTION, "i"))
        .transform(value("$1p"))
        .options(options);
    if parser
        .insert_handler(
            Position::before(Target::new(slow.name.as_str(), index)),
            fast,
        )
        .is_ok()
    {
        parser.remove_handlers_where(|h| h.regex().is_some_and(|r| r.source() == SLOW_RESOLUTION));
    }
}

/// Parses a release name (cut to [`crate::normalize::MAX_PARSE_CHARS`] characters first).
pub fn parse(release_title: &str) -> ParsedRelease {
    let name = capped(release_title);
    let cleaned = clean::pre_clean(name);
    let p = parser().parse(&cleaned);

    let numbers = |v: Option<&[i64]>| -> Vec<u32> {
        v.unwrap_or_default()
            .iter()
            .filter_map(|&n| u32::try_from(n).ok())
            .collect()
    };
    let mut seasons = numbers(p.seasons());
    let mut episodes = numbers(p.episodes());
    let year = match p.year() {
        Some(parse_torrent_title::Value::Int(y)) => u16::try_from(*y).ok(),
        // A range such as "2010-2012": its first year.
        Some(parse_torrent_title::Value::Str(range)) => range.get(..4).and_then(|y| y.parse().ok()),
        _ => None,
    };
    // A dated name (`2024.05.17.Show`) starts with its air date, not a title.
    let year_title = p
        .date()
        .is_none()
        .then(|| clean::year_as_title(&cleaned, p.title(), year))
        .flatten();
    let (parser_title, year) = match &year_title {
        Some((title, year)) => (title.as_str(), *year),
        None => (p.title(), year),
    };
    let date = p.date().map(str::to_owned);
    let context = clean::Context {
        first_episode: episodes.first().copied(),
        has_year: year.is_some(),
        unnumbered: seasons.is_empty() && episodes.is_empty() && date.is_none(),
        fansub: cleaned.starts_with(['[', '【']),
    };
    let title = clean::post_clean(parser_title, context);
    if episodes.is_empty() {
        episodes.extend(title.bare_episode);
    }
    if seasons.is_empty()
        && let Some(episode) = title.season_zero
    {
        seasons.push(0);
        if episodes.is_empty() {
            episodes.extend(episode);
        }
    }
    // `Christmas Special` after the title; inside it (`The Star Wars Holiday Special`) it is the film's name.
    let special = title.anime_special
        || (episodes.is_empty()
            && clean::is_special_episode(&cleaned)
            && !clean::is_special_episode(&title.title));
    let complete = p.complete().unwrap_or(false) || title.complete;
    let kind = if !episodes.is_empty() || date.is_some() || special {
        ReleaseKind::Episode
    } else if !seasons.is_empty()
        || (complete && (year.is_none() || clean::names_a_series(&cleaned)))
    {
        ReleaseKind::SeasonPack
    } else {
        ReleaseKind::Movie
    };
    let raw_title = if title.title == parser_title {
        String::new()
    } else {
        parser_title.to_owned()
    };
    ParsedRelease {
        title: title.title,
        raw_title,
        year,
        season: seasons.first().copied(),
        episode: episodes.first().copied(),
        seasons,
        episodes,
        date,
        resolution: p.resolution().map(str::to_owned),
        source: p.source().map(str::to_owned),
        codec: p.codec().map(str::to_owned),
        group: p.group().map(str::to_owned),
        languages: p.languages().map(<[String]>::to_vec).unwrap_or_default(),
        proper: p.proper().unwrap_or(false),
        repack: p.repack().unwrap_or(false),
        complete,
        special,
        kind,
    }
}
