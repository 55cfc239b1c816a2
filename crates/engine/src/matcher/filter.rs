//! An item's filters, compiled once per item and run on the releases that are of it.
//!
//! Filters come after the title: a release must first be of the item (title, year, kind, series position),
//! and only then is it asked for its quality. That keeps the hot path (thousands of names against the whole
//! watchlist) free of filter work for every release that is not of an item, and it lets the history say
//! "Dune (2021), but a CAM" rather than nothing at all.
//!
//! Some facts are not in the name (size, seeders, protocol, indexer): they come with the search result as
//! [`ReleaseInfo`]. Where one is unknown (a name typed into "Try a release name", `nightwatcherd match`),
//! the filter that needs it is not applied rather than failed: it cannot be judged.

use regex::Regex;

use super::{ParsedRelease, ReleaseKind};
use crate::filters::{
    Codec, IndexerRef, ItemFilters, Protocol, Resolution, Source, Term, compile_pattern,
};

/// What a search result says about a release besides its name.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ReleaseInfo<'a> {
    /// The release name as listed, for `must_contain` / `must_not_contain`.
    pub name: &'a str,
    /// Bytes.
    pub size: Option<i64>,
    pub seeders: Option<i64>,
    /// `torrent`, `usenet`, or unknown.
    pub protocol: Option<Protocol>,
    pub indexer_id: Option<i64>,
    pub indexer: Option<&'a str>,
}

impl<'a> ReleaseInfo<'a> {
    /// A release known only by its name.
    pub fn name_only(name: &'a str) -> Self {
        ReleaseInfo {
            name,
            ..Default::default()
        }
    }
}

/// A filter that refused a release: the field (as in [`ItemFilters`]) and why, in the user's words.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Rejection {
    pub rule: &'static str,
    pub reason: String,
}

impl Rejection {
    fn new(rule: &'static str, reason: impl Into<String>) -> Self {
        Rejection {
            rule,
            reason: reason.into(),
        }
    }
}

/// One `must_contain` / `must_not_contain` entry, ready to run.
#[derive(Debug, Clone)]
enum Needle {
    /// Normalized words with a space on each side, looked for in the normalized name.
    Phrase {
        padded: String,
        shown: String,
    },
    Pattern(Regex),
}

impl Needle {
    fn compile(raw: &str) -> Option<Needle> {
        match Term::of(raw) {
            Term::Pattern(p) => compile_pattern(p).ok().map(Needle::Pattern),
            Term::Phrase(p) => Some(Needle::Phrase {
                padded: format!(" {} ", words(p).trim()),
                shown: p.to_owned(),
            }),
        }
    }

    fn found(&self, name: &str, padded_name: &str) -> bool {
        match self {
            Needle::Phrase { padded, .. } => padded_name.contains(padded.as_str()),
            Needle::Pattern(re) => re.is_match(name),
        }
    }

    fn shown(&self) -> String {
        match self {
            Needle::Phrase { shown, .. } => format!("{shown:?}"),
            Needle::Pattern(re) => format!("/{}/", re.as_str()),
        }
    }
}

/// Lower-case letters and digits, every other character a space, with a space on each side: word
/// boundaries become plain substring tests (`" hdr "` is in `" movie 2160p hdr x265 "`).
fn words(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push(' ');
    for c in s.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

/// An item's filters, compiled.
#[derive(Debug, Clone, Default)]
pub struct CompiledFilters {
    filters: ItemFilters,
    must_contain: Vec<Needle>,
    must_not_contain: Vec<Needle>,
    /// Nothing but the default: pre-release sources refused.
    only_default: bool,
}

const MIB: f64 = 1024.0 * 1024.0;

impl CompiledFilters {
    /// Compiles a validated set. A pattern that does not compile (only possible for a set that skipped
    /// validation) is left out rather than failing the item.
    pub fn new(filters: &ItemFilters) -> Self {
        CompiledFilters {
            must_contain: filters
                .must_contain
                .iter()
                .filter_map(|t| Needle::compile(t))
                .collect(),
            must_not_contain: filters
                .must_not_contain
                .iter()
                .filter_map(|t| Needle::compile(t))
                .collect(),
            only_default: filters.is_empty(),
            filters: filters.clone(),
        }
    }

    /// `Ok` when the release passes every filter, else the first one it fails.
    pub fn check(&self, parsed: &ParsedRelease, info: &ReleaseInfo<'_>) -> Result<(), Rejection> {
        let source = parsed.source.as_deref().and_then(Source::of_parsed);
        if self.only_default {
            return default_sources(source);
        }
        let f = &self.filters;
        if let (Some(wanted), Some(found)) = (f.protocol, info.protocol)
            && wanted != found
        {
            return Err(Rejection::new(
                "protocol",
                format!(
                    "a {} release, and the item wants {}",
                    found.as_str(),
                    wanted.as_str()
                ),
            ));
        }
        self.check_indexer(info)?;
        if f.sources.is_empty() {
            default_sources(source)?;
        } else {
            match source {
                Some(s) if f.sources.contains(&s) => {}
                Some(s) => {
                    return Err(Rejection::new(
                        "sources",
                        format!(
                            "source {} is not among {}",
                            s.as_str(),
                            list(&f.sources, |s| s.as_str())
                        ),
                    ));
                }
                None => {
                    return Err(Rejection::new(
                        "sources",
                        format!(
                            "the name gives no source, and the item wants {}",
                            list(&f.sources, |s| s.as_str())
                        ),
                    ));
                }
            }
        }
        self.check_resolution(parsed)?;
        if !f.codecs.is_empty() {
            match parsed.codec.as_deref().and_then(Codec::of_parsed) {
                Some(c) if f.codecs.contains(&c) => {}
                found => {
                    let what = found.map_or("the name gives no codec".to_owned(), |c| {
                        format!("codec {}", c.as_str())
                    });
                    return Err(Rejection::new(
                        "codecs",
                        format!(
                            "{what}, and the item wants {}",
                            list(&f.codecs, |c| c.as_str())
                        ),
                    ));
                }
            }
        }
        self.check_languages(parsed)?;
        self.check_size(parsed, info)?;
        if let (Some(min), Some(Protocol::Torrent), Some(seeders)) =
            (f.min_seeders, info.protocol, info.seeders)
            && seeders < i64::from(min)
        {
            return Err(Rejection::new(
                "min_seeders",
                format!("{seeders} seeders, fewer than {min}"),
            ));
        }
        self.check_words(info.name)
    }

    fn check_indexer(&self, info: &ReleaseInfo<'_>) -> Result<(), Rejection> {
        let wanted = &self.filters.indexers;
        if wanted.is_empty() || (info.indexer_id.is_none() && info.indexer.is_none()) {
            return Ok(());
        }
        let listed = wanted.iter().any(|w| match w {
            IndexerRef::Id(id) => info.indexer_id == Some(*id),
            IndexerRef::Name(name) => info
                .indexer
                .is_some_and(|i| i.trim().eq_ignore_ascii_case(name.trim())),
        });
        if listed {
            return Ok(());
        }
        let found = match (info.indexer, info.indexer_id) {
            (Some(name), _) => name.to_owned(),
            (None, Some(id)) => format!("#{id}"),
            (None, None) => "an unknown indexer".to_owned(),
        };
        Err(Rejection::new(
            "indexers",
            format!(
                "found on {found}, and the item uses only {}",
                wanted
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ))
    }

    fn check_resolution(&self, parsed: &ParsedRelease) -> Result<(), Rejection> {
        let (min, max) = (self.filters.min_resolution, self.filters.max_resolution);
        if min.is_none() && max.is_none() {
            return Ok(());
        }
        let Some(found) = parsed.resolution.as_deref().and_then(Resolution::of_parsed) else {
            // Releases without a resolution tag are, in practice, standard definition.
            return match min {
                Some(min) if min > Resolution::R480p => Err(Rejection::new(
                    "min_resolution",
                    format!(
                        "the name gives no resolution (usually SD), and the item wants at least {}",
                        min.as_str()
                    ),
                )),
                _ => Ok(()),
            };
        };
        if let Some(min) = min
            && found < min
        {
            return Err(Rejection::new(
                "min_resolution",
                format!("{} is below {}", found.as_str(), min.as_str()),
            ));
        }
        if let Some(max) = max
            && found > max
        {
            return Err(Rejection::new(
                "max_resolution",
                format!("{} is above {}", found.as_str(), max.as_str()),
            ));
        }
        Ok(())
    }

    fn check_languages(&self, parsed: &ParsedRelease) -> Result<(), Rejection> {
        let wanted = &self.filters.languages;
        if wanted.is_empty() {
            return Ok(());
        }
        let audio: Vec<&str> = parsed
            .languages
            .iter()
            .map(String::as_str)
            .filter(|l| *l != "multi subs")
            .collect();
        if audio
            .iter()
            .any(|l| l.starts_with("multi") || l.starts_with("dual"))
        {
            return Ok(());
        }
        // Scene releases tag only languages other than English.
        let found: Vec<&str> = if audio.is_empty() {
            vec!["english"]
        } else {
            audio
        };
        if found.iter().any(|l| wanted.iter().any(|w| w == l)) {
            return Ok(());
        }
        Err(Rejection::new(
            "languages",
            format!(
                "language {}, and the item wants {}",
                found.join(", "),
                wanted.join(", ")
            ),
        ))
    }

    fn check_size(&self, parsed: &ParsedRelease, info: &ReleaseInfo<'_>) -> Result<(), Rejection> {
        let (min, max) = (self.filters.min_size_mb, self.filters.max_size_mb);
        let Some(bytes) = info.size.filter(|&b| b > 0) else {
            return Ok(());
        };
        if min.is_none() && max.is_none() {
            return Ok(());
        }
        // Per file for a movie, per episode for a series; a pack whose episodes are not named cannot be judged.
        let (count, unit) = match parsed.kind {
            ReleaseKind::Movie => (1, "the file"),
            ReleaseKind::Episode => (parsed.episodes.len().max(1), "an episode"),
            ReleaseKind::SeasonPack if !parsed.episodes.is_empty() => {
                (parsed.episodes.len(), "an episode")
            }
            ReleaseKind::SeasonPack => return Ok(()),
        };
        let per_mb = bytes as f64 / MIB / count as f64;
        if let Some(min) = min
            && per_mb < min as f64
        {
            return Err(Rejection::new(
                "min_size_mb",
                format!("{per_mb:.0} MiB for {unit}, below {min} MiB"),
            ));
        }
        if let Some(max) = max
            && per_mb > max as f64
        {
            return Err(Rejection::new(
                "max_size_mb",
                format!("{per_mb:.0} MiB for {unit}, above {max} MiB"),
            ));
        }
        Ok(())
    }

    fn check_words(&self, name: &str) -> Result<(), Rejection> {
        // An empty name is a release known by its parse alone: its words cannot be judged.
        if name.is_empty() || (self.must_contain.is_empty() && self.must_not_contain.is_empty()) {
            return Ok(());
        }
        let padded = words(name);
        if let Some(n) = self
            .must_not_contain
            .iter()
            .find(|n| n.found(name, &padded))
        {
            return Err(Rejection::new(
                "must_not_contain",
                format!("the name contains {}", n.shown()),
            ));
        }
        if !self.must_contain.is_empty()
            && !self.must_contain.iter().any(|n| n.found(name, &padded))
        {
            return Err(Rejection::new(
                "must_contain",
                format!(
                    "the name contains none of {}",
                    self.must_contain
                        .iter()
                        .map(Needle::shown)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        }
        Ok(())
    }
}

fn default_sources(source: Option<Source>) -> Result<(), Rejection> {
    match source {
        Some(s) if s.is_pre_release() => Err(Rejection::new(
            "sources",
            format!(
                "a {} (pre-release copy): refused unless the item's sources allow it",
                s.as_str()
            ),
        )),
        _ => Ok(()),
    }
}

fn list<T>(items: &[T], name: fn(&T) -> &'static str) -> String {
    items.iter().map(name).collect::<Vec<_>>().join(", ")
}
