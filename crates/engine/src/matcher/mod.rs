//! Release-name parsing and the decision "is this release of this watchlist item".
//!
//! # Parser
//! Names are parsed by `parse-torrent-title` 2.0.6 (pinned exactly: it is young on the registry). Of the
//! crates measured in the corpus README it reads the most names right on names no crate was tuned on
//! (78.6 % match-critical accuracy against 69.4 % for `hunch` and 54.1 % for `torrent-name-parser`), it is
//! maintained, and it exposes its handler list (`create_parser`), so a missing tag can be taught to it
//! instead of patched around. Its known weak spots are repaired by class in `clean.rs`: a pre-clean of the
//! name (site prefixes, `2×07` / `1 x 03`, `Saison VII`, month-first dates, glued numbers) and a post-clean
//! of the title (tags it leaves at the end of the title: languages written as tags, editions, `STV`,
//! `COMPLETE`...). Names are cut to [`MAX_PARSE_CHARS`] characters first: the parser's worst case is
//! superlinear, and no real release name is that long. Its patterns compile on first use (~90 ms), so
//! [`warm_up`] is called at start, and the service lets them go after each check ([`release_parser`]).
//! The workspace builds it with two speed-ups that change nothing it parses (its literal prefilter holds each
//! literal once; its field maps hash with FxHash): `vendor/parse-torrent-title/PATCHED.md`.
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
//!   an item's title with German umlauts is also looked up with them written `ae`/`oe`/`ue` (`Fack ju
//!   Göhte` = `Fack.Ju.Goehte`);
//!   letters of other scripts are kept as they are, because transliteration is lossy and would make
//!   `アニメ` equal `Anime`;
//! - apostrophes vanish inside words (`The Director’s Notebook` = `The Directors Notebook`);
//!   an item's title with an apostrophe is also looked up with it read as a word break, as release names
//!   write French elisions (`Anatomie d'une chute` = `Anatomie.d.une.chute`);
//! - `&` is the word `and` (`Harold & Kumar` = `Harold and Kumar`), also when written `&amp;`;
//! - every other punctuation is a word break, so `Shang-Chi` = `Shang Chi` and `Star Wars: Episode IV` =
//!   `Star Wars Episode IV`; runs of single letters join (`S.H.I.E.L.D` = `SHIELD`);
//! - a leading "The" is **kept**: "The Insider" and "Insider" are different titles, and treating them as
//!   one would let decoys in.
//!
//! # Matching
//! A **movie** item matches a Movie release with the same title, when the years agree or either is unknown.
//! A title read only up to a spaced dash (`Mission: Impossible - Fallout (2018)` read as `Mission:
//! Impossible`) is the exception: what was cut may name another film of a series, so both years must
//! agree, or neither be known. A show's title is not cut at a spaced dash followed by letters only when the
//! release has a season (`Law & Order - Organized Crime - S04E01` is the spin-off; see `candidates.rs`).
//! A **series** item matches an Episode or SeasonPack with the same title that it follows (no year check: a
//! year in a show's release name is often an air year). A series follows everything, one season
//! (`only_season = S`: its episodes and the packs that contain it, a whole-show pack included), or from a
//! point on. A daily show's episode is placed by its air date when the item has a `from_date`. With
//! `from_season = S` and `from_episode = E`:
//! - an episode of season > S matches, of season < S does not; in season S it matches when one of its
//!   episodes is ≥ E (so `S02E02-E04` matches from S02E03), or always when E is not set;
//! - a season pack matches when one of its seasons is ≥ S: the pack of season S itself contains the wanted
//!   episodes even when E is set; a whole-show pack always matches;
//! - an episode without a season (absolute anime numbering) counts as season 1; a dated episode or a named
//!   special cannot be placed and matches.
//!
//! A movie release never matches a series item and the reverse. Items are looked up by normalized title in
//! a hash map, never scanned. The title a release is looked up under is not fixed: see `candidates.rs` for
//! the readings tried (the whole title first, then without a bracketed alternative title, before ` - `,
//! without a country, without a trailing episode number), stopping at the first reading some item
//! admits, so the most specific reading wins.
//!
//! [`quality_score`] and [`rank`] order releases of one item, best first (resolution, source, seeders,
//! newer); [`release_key`] recognizes the same release listed by two indexers.
//!
//! # Aliases and filters
//! An item's aliases are more keys for it in the index: a reading equal to any of them names the item.
//! Its filters (see [`crate::filters`]) are asked only once a release is of the item, in `filter.rs`,
//! compiled once per item ([`ItemMatcher`], [`Matcher`]); a release that fails one is still a match, refused
//! with the rule and the reason ([`Verdict`], [`ItemJudgement`]), so the history can say why it was not
//! notified.

mod candidates;
mod clean;
mod filter;
mod parse;
mod quality;

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use serde::Serialize;

use crate::model::{ItemKind, WatchlistItem};
use candidates::{Cut, Reading, find_reading};

pub use crate::normalize::{MAX_PARSE_CHARS, normalize_title, release_key};
pub use filter::{CompiledFilters, Rejection, ReleaseInfo};
pub use parse::{ParsedRelease, ReleaseKind, parse, release_parser};
pub use quality::{Rank, quality_score, rank};

/// Whether `parsed` is a release of `item`, judging this one item alone: true when a reading of the release
/// title (see the module docs) is the item's title or one of its aliases and the item's rules admit it.
/// Filters are not asked (see [`ItemMatcher::judge`]). [`Matcher`] in addition prefers a more specific
/// reading when another item on the watchlist has it.
pub fn matches(item: &WatchlistItem, parsed: &ParsedRelease) -> bool {
    ItemMatcher::new(item).is_release_of(parsed)
}

/// One item, ready to judge many releases: its title keys and its rules, filters compiled once.
#[derive(Debug, Clone)]
pub struct ItemMatcher {
    keys: Vec<String>,
    rule: Rule,
    title: String,
}

impl ItemMatcher {
    pub fn new(item: &WatchlistItem) -> Self {
        ItemMatcher {
            keys: title_keys(item),
            rule: Rule::of(item),
            title: item.title.clone(),
        }
    }

    /// Whether the release is of the item (title, year, kind, series position), filters aside.
    pub fn is_release_of(&self, parsed: &ParsedRelease) -> bool {
        !self.keys.is_empty()
            && find_reading(parsed, |r| {
                (self.keys.contains(&r.key) && self.rule.admits(&Facts::of(parsed, r)))
                    .then_some(())
            })
            .is_some()
    }

    /// Whether the release is of the item and passes its filters, and why: the first reading of the
    /// release's title that names the item decides whether it is of the item; then the filters are asked.
    pub fn judge(&self, parsed: &ParsedRelease, info: &ReleaseInfo<'_>) -> Verdict {
        if self.keys.is_empty() {
            return Verdict::miss(
                "title",
                "the item's title has no letters or digits to compare".to_owned(),
            );
        }
        let mut rejection = None;
        let accepted = find_reading(parsed, |reading| {
            if !self.keys.contains(&reading.key) {
                return None;
            }
            let facts = Facts::of(parsed, reading);
            match self.rule.judge(&facts) {
                Ok(reason) => Some((reason, facts.episode_key())),
                Err(refusal) => {
                    rejection.get_or_insert(refusal);
                    None
                }
            }
        });
        match accepted {
            Some((reason, episode)) => match self.rule.filters.check(parsed, info) {
                Ok(()) => Verdict {
                    matches: true,
                    accepted: true,
                    rule: None,
                    reason,
                    episode,
                },
                Err(r) => Verdict {
                    matches: true,
                    accepted: false,
                    rule: Some(r.rule),
                    reason: format!("{reason}; refused by {}: {}", r.rule, r.reason),
                    episode,
                },
            },
            None => match rejection {
                Some((rule, reason)) => Verdict::miss(rule, reason),
                None => Verdict::miss(
                    "title",
                    format!(
                        "the release's title reads {:?}, not {:?}",
                        parsed.title, self.title
                    ),
                ),
            },
        }
    }
}

/// Compiles the parser's and the matcher's patterns now rather than on the first release (~90 ms).
pub fn warm_up() {
    let parsed = parse(
        "www.site.com - [Grp] Warm.Up (Alt) - S01E01.Saison.II.July.30.2021.1080p.WEB-DL.x264-GRP",
    );
    let _ = find_reading(&parsed, |_| None::<()>);
}

/// The normalized title and aliases of an item, each once; empty ones left out. A title that release names
/// also spell another way has those keys too (`Anatomie d'une chute` is also `anatomie d une chute`, as
/// `Anatomie.d.une.chute` reads; `Fack ju Göhte` also `fack ju goehte`): see [`crate::normalize::alternative_keys`].
fn title_keys(item: &WatchlistItem) -> Vec<String> {
    let mut keys: Vec<String> = Vec::with_capacity(1 + item.aliases.len());
    for title in std::iter::once(&item.title).chain(&item.aliases) {
        let others = crate::normalize::alternative_keys(title);
        for key in std::iter::once(normalize_title(title)).chain(others) {
            if !key.is_empty() && !keys.contains(&key) {
                keys.push(key);
            }
        }
    }
    keys
}

/// An index over watchlist items by normalized title and alias. Build it once per check; it holds no
/// references. It does not look at `enabled`: give it the items to match.
#[derive(Debug, Clone, Default)]
pub struct Matcher {
    rules: Vec<Rule>,
    /// Normalized title → indexes into `rules`.
    index: HashMap<String, Vec<usize>>,
}

/// What a filter made of a release that is of an item: `rejected` is `None` when it passes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemJudgement {
    pub item_id: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rejected: Option<Rejection>,
}

impl Matcher {
    pub fn new(items: &[WatchlistItem]) -> Self {
        let mut index: HashMap<String, Vec<usize>> = HashMap::with_capacity(items.len());
        let mut rules = Vec::with_capacity(items.len());
        for item in items {
            let keys = title_keys(item);
            if keys.is_empty() {
                continue;
            }
            for key in keys {
                index.entry(key).or_default().push(rules.len());
            }
            rules.push(Rule::of(item));
        }
        Matcher { rules, index }
    }

    /// Ids of the items `parsed` is a release of, ascending: those of the most specific reading of its title
    /// that some item admits. Filters are not asked: see [`Matcher::judge`].
    pub fn matching_items(&self, parsed: &ParsedRelease) -> Vec<i64> {
        self.admitting_rules(parsed)
            .into_iter()
            .map(|i| self.rules[i].id)
            .collect()
    }

    /// The items `parsed` is a release of ([`Matcher::matching_items`]), each with what its filters say.
    pub fn judge(&self, parsed: &ParsedRelease, info: &ReleaseInfo<'_>) -> Vec<ItemJudgement> {
        self.admitting_rules(parsed)
            .into_iter()
            .map(|i| {
                let rule = &self.rules[i];
                ItemJudgement {
                    item_id: rule.id,
                    rejected: rule.filters.check(parsed, info).err(),
                }
            })
            .collect()
    }

    /// Indexes of the rules admitting the most specific reading, in ascending item id, each once.
    fn admitting_rules(&self, parsed: &ParsedRelease) -> Vec<usize> {
        if self.index.is_empty() {
            return Vec::new();
        }
        find_reading(parsed, |reading| {
            let candidates = self.index.get(&reading.key)?;
            let facts = Facts::of(parsed, reading);
            let mut found: Vec<usize> = candidates
                .iter()
                .copied()
                .filter(|&i| self.rules[i].admits(&facts))
                .collect();
            found.sort_unstable_by_key(|&i| self.rules[i].id);
            found.dedup();
            (!found.is_empty()).then_some(found)
        })
        .unwrap_or_default()
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
    only_season: Option<u32>,
    from_date: Option<String>,
    filters: Arc<CompiledFilters>,
}

/// What one reading of a release says about it.
struct Facts<'a> {
    kind: ReleaseKind,
    year: Option<u16>,
    seasons: &'a [u32],
    episodes: Cow<'a, [u32]>,
    /// A daily show's air date, `YYYY-MM-DD`.
    date: Option<&'a str>,
    /// Dated, special or whole-show: there is no season number to place it by.
    unplaced: bool,
    /// The reading ends before a spaced dash in the release's title (see [`Reading::before_dash`]).
    before_dash: bool,
}

impl<'a> Facts<'a> {
    fn of(parsed: &'a ParsedRelease, reading: &Reading) -> Self {
        match reading.episode {
            Some(Cut::Episode(n)) => {
                let episodes = Cow::Owned(vec![n]);
                Facts {
                    kind: ReleaseKind::Episode,
                    year: None,
                    seasons: &[],
                    episodes,
                    date: None,
                    unplaced: false,
                    before_dash: reading.before_dash,
                }
            }
            Some(Cut::TitleOnly) | None => Facts {
                kind: parsed.kind,
                year: parsed.year,
                seasons: &parsed.seasons,
                episodes: Cow::Borrowed(&parsed.episodes),
                date: parsed.date.as_deref(),
                unplaced: parsed.special
                    || parsed.date.is_some()
                    || (parsed.seasons.is_empty() && parsed.episodes.is_empty()),
                before_dash: reading.before_dash,
            },
        }
    }
}

impl Facts<'_> {
    /// What the release is of, the same however it is named, so that each episode is news once:
    /// `S02E05` (`S02E05-E07` for several), `2024-03-15` for a daily show, `E0679` for an absolute number,
    /// `S02` / `S01-S03` / `complete` for packs, `movie` for a film. `None` for what cannot be placed (a
    /// named special without a number): such a release is its own news.
    fn episode_key(&self) -> Option<String> {
        let span = |first: u32, last: u32, f: fn(u32) -> String| {
            if first == last {
                f(first)
            } else {
                format!("{}-{}", f(first), f(last))
            }
        };
        match self.kind {
            ReleaseKind::Movie => Some("movie".to_owned()),
            ReleaseKind::SeasonPack => match (self.seasons.first(), self.seasons.last()) {
                (Some(&a), Some(&b)) => Some(span(a, b, |s| format!("S{s:02}"))),
                _ => Some("complete".to_owned()),
            },
            ReleaseKind::Episode => {
                if let Some(date) = self.date {
                    return Some(date.to_owned());
                }
                let (first, last) = (self.episodes.first()?, self.episodes.last()?);
                Some(match self.seasons.first() {
                    Some(season) => format!(
                        "S{season:02}{}",
                        span(*first, *last, |e| format!("E{e:02}"))
                    ),
                    None => span(*first, *last, |e| format!("E{e:04}")),
                })
            }
        }
    }
}

/// Why a rule refused: the rule's name (`year`, `kind`, `from_season`) and the reason.
type Refusal = (&'static str, String);

impl Rule {
    fn of(item: &WatchlistItem) -> Self {
        Rule {
            id: item.id,
            kind: item.kind,
            year: item.year,
            from_season: item.from_season,
            from_episode: item.from_episode,
            only_season: item.only_season,
            from_date: item.from_date.clone(),
            filters: Arc::new(CompiledFilters::new(&item.filters)),
        }
    }

    fn admits(&self, release: &Facts<'_>) -> bool {
        self.judge(release).is_ok()
    }

    /// Why the release is of this item (`Ok`) or which rule rejects it (`Err`), in the user's words.
    fn judge(&self, release: &Facts<'_>) -> Result<String, Refusal> {
        match (self.kind, release.kind) {
            (ItemKind::Movie, ReleaseKind::Movie) => match (self.year, release.year) {
                (Some(wanted), Some(found)) if wanted == found => {
                    Ok(format!("same title, same year ({found})"))
                }
                (Some(wanted), Some(found)) => Err((
                    "year",
                    format!("same title, but the release is from {found}, not {wanted}"),
                )),
                // `Mission: Impossible - Fallout (2018)` against `Mission: Impossible` with no year, or
                // `Spider-Man - Into the Spider-Verse` with none against `Spider-Man (2002)`: what follows the
                // dash names another film of the series as often as an alternative title, and one year alone
                // cannot tell. Names with no year at all (`Site - Performer - Scene`) are not films of a
                // series: their name is what comes before the dash.
                (wanted, found) if release.before_dash && (wanted.is_some() || found.is_some()) => Err((
                    "year",
                    "the release's title only starts with the item's, before a ` - `; without both years \
                     to agree, the rest may name another film"
                        .to_owned(),
                )),
                (Some(_), None) => Ok("same title; the release gives no year".to_owned()),
                (None, _) => Ok("same title; the item has no year to compare".to_owned()),
            },
            (ItemKind::Series, ReleaseKind::Episode | ReleaseKind::SeasonPack) => {
                self.at_or_after_from(release)
            }
            (ItemKind::Movie, _) => Err((
                "kind",
                "same title, but the release is an episode or season pack and the item is a movie"
                    .to_owned(),
            )),
            (ItemKind::Series, _) => Err((
                "kind",
                "same title, but the release is a movie and the item is a series".to_owned(),
            )),
        }
    }

    /// Whether the episode or pack is one the item follows: a daily show's date against `from_date`, then
    /// the season against `only_season` or `from_season`/`from_episode`.
    fn at_or_after_from(&self, release: &Facts<'_>) -> Result<String, Refusal> {
        if let (Some(from), Some(date)) = (self.from_date.as_deref(), release.date) {
            // Both are `YYYY-MM-DD`: text order is date order.
            if date < from {
                return Err((
                    "from_date",
                    format!("same title, but it aired {date}, before {from}"),
                ));
            }
            return Ok(format!("same title; aired {date}, on or after {from}"));
        }
        if let Some(only) = self.only_season {
            return self.in_season(release, only);
        }
        let Some(from_season) = self.from_season else {
            return Ok("same title; every episode is wanted".to_owned());
        };
        let from = match self.from_episode {
            Some(e) => format!("S{from_season:02}E{e:02}"),
            None => format!("S{from_season:02}"),
        };
        if release.unplaced {
            return Ok(format!(
                "same title; the release has no season number to compare with {from}"
            ));
        }
        if release.kind == ReleaseKind::SeasonPack {
            return if release.seasons.iter().any(|&s| s >= from_season) {
                Ok(format!(
                    "same title; a season pack with episodes at or after {from}"
                ))
            } else {
                Err((
                    "from_season",
                    format!("same title, but the season pack is before {from}"),
                ))
            };
        }
        // Absolute numbering has no season: it counts as season 1.
        let season = release.seasons.first().copied().unwrap_or(1);
        let at_or_after = match season.cmp(&from_season) {
            std::cmp::Ordering::Greater => true,
            std::cmp::Ordering::Less => false,
            std::cmp::Ordering::Equal => match self.from_episode {
                None => true,
                Some(from_episode) => release.episodes.iter().any(|&e| e >= from_episode),
            },
        };
        let episode = release
            .episodes
            .first()
            .map(|e| format!("E{e:02}"))
            .unwrap_or_default();
        if at_or_after {
            Ok(format!(
                "same title; S{season:02}{episode} is at or after {from}"
            ))
        } else {
            Err((
                "from_season",
                format!("same title, but S{season:02}{episode} is before {from}"),
            ))
        }
    }

    /// `only_season`: episodes of that season, and packs that contain it (a whole-show pack does).
    fn in_season(&self, release: &Facts<'_>, only: u32) -> Result<String, Refusal> {
        let wanted = format!("S{only:02}");
        let whole_show = release.kind == ReleaseKind::SeasonPack && release.seasons.is_empty();
        if whole_show {
            return Ok(format!("same title; a whole-show pack contains {wanted}"));
        }
        if release.unplaced {
            return Ok(format!(
                "same title; the release has no season number to compare with {wanted}"
            ));
        }
        // Absolute numbering has no season: it counts as season 1.
        let seasons: &[u32] = if release.seasons.is_empty() {
            &[1]
        } else {
            release.seasons
        };
        let what = if release.kind == ReleaseKind::SeasonPack {
            "the season pack"
        } else {
            "the episode"
        };
        if seasons.contains(&only) {
            Ok(format!("same title; {what} is of {wanted}"))
        } else {
            let found: Vec<String> = seasons.iter().map(|s| format!("S{s:02}")).collect();
            Err((
                "only_season",
                format!(
                    "same title, but {what} is of {}, and only {wanted} is followed",
                    found.join("-")
                ),
            ))
        }
    }
}

/// Whether a release is of an item, whether it passes the item's filters, and why: what "Try a release name"
/// and `match --explain` show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    /// The release is of the item (title or alias, year, kind, series position).
    pub matches: bool,
    /// It is of the item and passes its filters: it would be notified.
    pub accepted: bool,
    /// The rule that refused it: `title`, `year`, `kind`, `from_season`, or a filter's field name
    /// (`min_resolution`, `sources`, `must_not_contain`...). `None` when accepted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<&'static str>,
    pub reason: String,
    /// What the release is of, whatever its name (see `Facts::episode_key`): `S02E05`, `2024-03-15`,
    /// `E0679`, `S02`, `movie`. `None` when it is not of the item or cannot be placed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub episode: Option<String>,
}

impl Verdict {
    fn miss(rule: &'static str, reason: String) -> Self {
        Verdict {
            matches: false,
            accepted: false,
            rule: Some(rule),
            reason,
            episode: None,
        }
    }
}

/// [`ItemMatcher::judge`] for one item and a release known by its name alone.
pub fn explain(item: &WatchlistItem, parsed: &ParsedRelease) -> Verdict {
    ItemMatcher::new(item).judge(parsed, &ReleaseInfo::default())
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod filter_tests;

#[cfg(test)]
mod series_tests;
