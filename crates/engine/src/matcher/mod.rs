//! Release-name parsing and the decision "is this release of this watchlist item".
//!
//! # Parser
//! Names are parsed by `parse-torrent-title` 2.0.6 (pinned exactly: it is young on the registry). Of the
//! crates measured in the corpus README it reads the most names right on names no crate was tuned on
//! (78.6 % match-critical accuracy against 69.4 % for `hunch` and 54.1 % for `torrent-name-parser`), it is
//! maintained, and it exposes its handler list (`create_parser`), so a missing tag can be taught to it
//! instead of patched around. Its known weak spots are repaired by class in [`clean`]: a pre-clean of the
//! name (site prefixes, `2×07` / `1 x 03`, `Saison VII`, month-first dates, glued numbers) and a post-clean
//! of the title (tags it leaves at the end of the title: languages written as tags, editions, `STV`,
//! `COMPLETE`...). Names are cut to [`MAX_PARSE_CHARS`] characters first: the parser's worst case is
//! superlinear, and no real release name is that long. Its patterns compile on first use (~90 ms), so
//! [`warm_up`] is called at start.
//!
//! # What a release is
//! - **Episode**: it has an episode number (`S02E05`, `2x05`, `S01E01-E03`, an anime `- 05`), an air date
//!   (`2024.03.15`), or is a special (`Christmas Special`, an anime `OVA`); `[Group] Title 679` (a fansub
//!   release with a bare number after the title) is episode 679.
//! - **SeasonPack**: a season without an episode (`S02`, `S01-S03`, `Season 2`), or a whole-show pack
//!   (`COMPLETE`, `INTEGRALE`, `Complete Series`) when it has no year or says "series"/"seasons": a film
//!   with a year and `COMPLETE` (`Title.2013.COMPLETE.BLURAY`, a full disc) stays a film.
//! - **Movie**: everything else.
//!
//! # Normalization ([`normalize_title`])
//! Two titles are the same when their normalized forms are equal:
//! - case is folded; accents on Latin letters are stripped (`Mise à Sac` = `Mise a Sac`) with `deunicode`;
//!   letters of other scripts are kept as they are, because transliteration is lossy and would make
//!   `アニメ` equal `Anime`;
//! - apostrophes vanish inside words (`The Director’s Notebook` = `The Directors Notebook`);
//! - `&` is the word `and` (`Harold & Kumar` = `Harold and Kumar`), also when written `&amp;`;
//! - every other punctuation is a word break, so `Shang-Chi` = `Shang Chi` and `Star Wars: Episode IV` =
//!   `Star Wars Episode IV`; runs of single letters join (`S.H.I.E.L.D` = `SHIELD`);
//! - a leading "The" is **kept**: "The Insider" and "Insider" are different titles, and treating them as
//!   one would let decoys in.
//!
//! # Matching
//! A **movie** item matches a Movie release with the same title, when the years agree or either is unknown.
//! A **series** item matches an Episode or SeasonPack with the same title that is at or after its "from"
//! point (no year check: a year in a show's release name is often an air year). With `from_season = S`
//! and `from_episode = E`:
//! - an episode of season > S matches, of season < S does not; in season S it matches when one of its
//!   episodes is ≥ E (so `S02E02-E04` matches from S02E03), or always when E is not set;
//! - a season pack matches when one of its seasons is ≥ S: the pack of season S itself contains the wanted
//!   episodes even when E is set; a whole-show pack always matches;
//! - an episode without a season (absolute anime numbering) counts as season 1; a dated episode or a named
//!   special cannot be placed and matches.
//!
//! A movie release never matches a series item and the reverse. Items are looked up by normalized title in
//! a hash map, never scanned. The title a release is looked up under is not fixed: see [`candidates`] for
//! the readings tried (the whole title first, then without a bracketed alternative title, before ` - `,
//! without a country, without a trailing episode number), stopping at the first reading some item
//! admits, so the most specific reading wins.
//!
//! [`quality_score`] ranks releases of one item, best first; [`release_key`] recognizes the same release
//! listed by two indexers.

mod candidates;
mod clean;
mod normalize;
mod quality;

use std::collections::HashMap;
use std::sync::LazyLock;

use parse_torrent_title::transformers::value;
use parse_torrent_title::{Handler, Options, Position, Regex};
use serde::Serialize;

use crate::model::{ItemKind, WatchlistItem};
use candidates::{Cut, Reading, readings};

pub use normalize::{normalize_title, release_key};
pub use quality::quality_score;

/// Release names are cut to this many characters before parsing.
pub const MAX_PARSE_CHARS: usize = 512;

/// What a release contains, as far as its name tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ReleaseKind {
    #[default]
    Movie,
    Episode,
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

/// The default parser, taught the TV sources it lacks: unknown, they stayed in the title
/// (`FooBar.7.PDTV-FlexGet` → "FooBar 7 PDTV-FlexGet").
static PARSER: LazyLock<parse_torrent_title::Parser> = LazyLock::new(|| {
    let mut parser = parse_torrent_title::create_parser();
    let sources = [(r"\b(?:PDTV|SDTV)\b", "PDTV"), (r"\bDSR(?:ip)?\b", "DSR")];
    for (pattern, name) in sources {
        let handler = Handler::regex("source", Regex::lazy(pattern, "i"))
            .transform(value(name))
            .options(Options::new().remove(true));
        // The default parser always has "source" handlers; without them the default parse still works.
        let _ = parser.insert_handler(Position::after("source"), handler);
    }
    parser
});

/// Compiles the parser's patterns now rather than on the first release (~90 ms).
pub fn warm_up() {
    let _ = parse("Warm.Up.S01E01.Saison.II.July.30.2021.1080p.WEB-DL.x264-GRP");
}

/// The first [`MAX_PARSE_CHARS`] characters of `s`, cut at a character boundary.
fn capped(s: &str) -> &str {
    match s.char_indices().nth(MAX_PARSE_CHARS) {
        Some((end, _)) => &s[..end],
        None => s,
    }
}

/// Parses a release name (cut to [`MAX_PARSE_CHARS`] characters first).
pub fn parse(release_title: &str) -> ParsedRelease {
    let name = capped(release_title);
    let cleaned = clean::pre_clean(name);
    let p = PARSER.parse(&cleaned);

    let numbers = |v: Option<&[i64]>| -> Vec<u32> {
        v.unwrap_or_default().iter().filter_map(|&n| u32::try_from(n).ok()).collect()
    };
    let mut seasons = numbers(p.seasons());
    let mut episodes = numbers(p.episodes());
    let year = match p.year() {
        Some(parse_torrent_title::Value::Int(y)) => u16::try_from(*y).ok(),
        // A range such as "2010-2012": its first year.
        Some(parse_torrent_title::Value::Str(range)) => range.get(..4).and_then(|y| y.parse().ok()),
        _ => None,
    };
    let date = p.date().map(str::to_owned);
    let context = clean::Context {
        first_episode: episodes.first().copied(),
        has_year: year.is_some(),
        unnumbered: seasons.is_empty() && episodes.is_empty() && date.is_none(),
        fansub: cleaned.starts_with(['[', '【']),
    };
    let title = clean::post_clean(p.title(), context);
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
    let special = title.anime_special || (episodes.is_empty() && clean::is_special_episode(&cleaned));
    let complete = p.complete().unwrap_or(false) || title.complete;
    let kind = if !episodes.is_empty() || date.is_some() || special {
        ReleaseKind::Episode
    } else if !seasons.is_empty() || (complete && (year.is_none() || clean::names_a_series(&cleaned))) {
        ReleaseKind::SeasonPack
    } else {
        ReleaseKind::Movie
    };
    let raw_title = if title.title == p.title() { String::new() } else { p.title().to_owned() };
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
        proper: p.proper().unwrap_or(false),
        repack: p.repack().unwrap_or(false),
        complete,
        special,
        kind,
    }
}

/// Whether `parsed` is a release of `item`, judging this one item alone: true when any reading of the
/// release title (see [`candidates`]) is the item's title and the item's rules admit it. [`Matcher`] also
/// prefers a more specific reading that another item on the watchlist has.
pub fn matches(item: &WatchlistItem, parsed: &ParsedRelease) -> bool {
    let key = normalize_title(&item.title);
    let rule = Rule::of(item);
    !key.is_empty() && readings(parsed).iter().any(|r| r.key == key && rule.admits(&Facts::of(parsed, r)))
}

/// An index over watchlist items by normalized title. Build it once per check; it holds no references.
/// It does not look at `enabled`: give it the items to match.
#[derive(Debug, Clone, Default)]
pub struct Matcher {
    index: HashMap<String, Vec<Rule>>,
}

impl Matcher {
    pub fn new(items: &[WatchlistItem]) -> Self {
        let mut index: HashMap<String, Vec<Rule>> = HashMap::with_capacity(items.len());
        for item in items {
            let key = normalize_title(&item.title);
            if !key.is_empty() {
                index.entry(key).or_default().push(Rule::of(item));
            }
        }
        Matcher { index }
    }

    /// Ids of the items `parsed` is a release of, ascending: those of the most specific reading of its title
    /// that some item admits.
    pub fn matching_items(&self, parsed: &ParsedRelease) -> Vec<i64> {
        if self.index.is_empty() {
            return Vec::new();
        }
        for reading in readings(parsed) {
            let Some(rules) = self.index.get(&reading.key) else {
                continue;
            };
            let facts = Facts::of(parsed, &reading);
            let mut ids: Vec<i64> = rules.iter().filter(|rule| rule.admits(&facts)).map(|rule| rule.id).collect();
            if !ids.is_empty() {
                ids.sort_unstable();
                ids.dedup();
                return ids;
            }
        }
        Vec::new()
    }
}

/// What an item requires of a release, copied out of the item so the index owns it.
#[derive(Debug, Clone)]
struct Rule {
    id: i64,
    kind: ItemKind,
    year: Option<u16>,
    from_season: Option<u32>,
    from_episode: Option<u32>,
}

/// What one reading of a release says about it.
struct Facts<'a> {
    kind: ReleaseKind,
    year: Option<u16>,
    seasons: &'a [u32],
    episodes: Vec<u32>,
    /// Dated, special or whole-show: there is no season number to place it by.
    unplaced: bool,
}

impl<'a> Facts<'a> {
    fn of(parsed: &'a ParsedRelease, reading: &Reading) -> Self {
        match reading.episode {
            Some(Cut::Episode(n)) => {
                Facts { kind: ReleaseKind::Episode, year: None, seasons: &[], episodes: vec![n], unplaced: false }
            }
            Some(Cut::TitleOnly) | None => Facts {
                kind: parsed.kind,
                year: parsed.year,
                seasons: &parsed.seasons,
                episodes: parsed.episodes.clone(),
                unplaced: parsed.special
                    || parsed.date.is_some()
                    || (parsed.seasons.is_empty() && parsed.episodes.is_empty()),
            },
        }
    }
}

impl Rule {
    fn of(item: &WatchlistItem) -> Self {
        Rule {
            id: item.id,
            kind: item.kind,
            year: item.year,
            from_season: item.from_season,
            from_episode: item.from_episode,
        }
    }

    fn admits(&self, release: &Facts<'_>) -> bool {
        match (self.kind, release.kind) {
            (ItemKind::Movie, ReleaseKind::Movie) => match (self.year, release.year) {
                (Some(wanted), Some(found)) => wanted == found,
                _ => true,
            },
            (ItemKind::Series, ReleaseKind::Episode | ReleaseKind::SeasonPack) => self.at_or_after_from(release),
            _ => false,
        }
    }

    fn at_or_after_from(&self, release: &Facts<'_>) -> bool {
        let Some(from_season) = self.from_season else {
            return true;
        };
        if release.unplaced {
            return true;
        }
        if release.kind == ReleaseKind::SeasonPack {
            return release.seasons.iter().any(|&s| s >= from_season);
        }
        // Absolute numbering has no season: it counts as season 1.
        let season = release.seasons.first().copied().unwrap_or(1);
        match season.cmp(&from_season) {
            std::cmp::Ordering::Greater => true,
            std::cmp::Ordering::Less => false,
            std::cmp::Ordering::Equal => match self.from_episode {
                None => true,
                Some(from_episode) => release.episodes.iter().any(|&e| e >= from_episode),
            },
        }
    }
}
