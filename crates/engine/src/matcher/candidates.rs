//! The readings of a parsed title the matcher tries, most specific first.
//!
//! A release name does not say where its title ends. `Star Wars: Episode IV - A New Hope (2004)` may be
//! the film "Star Wars: Episode IV - A New Hope" or "Star Wars: Episode IV"; `Le Prestige (The Prestige)`
//! carries its English title in parentheses; `The Office (US)` a country; `One Piece 679` an absolute
//! episode number. Rather than guess once, the matcher tries readings from the whole title down to its
//! shortest plausible part, and stops at the first reading some watchlist item admits. So a longer title
//! on the watchlist always wins over a shorter one ("Dune Part Two" never falls back to "Dune" while
//! anything matches the longer reading, and never falls back at all: there is no separator to cut at).

use std::sync::LazyLock;

use regex::Regex;

use super::clean::re;
use super::{ParsedRelease, ReleaseKind};
use crate::normalize::normalize_title;

/// One reading: a normalized title, and whether the cut turned a trailing number into the episode number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub key: String,
    pub episode: Option<Cut>,
    /// The title was cut before a spaced dash (`Mission: Impossible - Fallout` read as `Mission: Impossible`):
    /// what was left off may be a subtitle naming another film of a series, so the matcher asks for more.
    pub before_dash: bool,
}

/// What a number cut off the end of the title means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cut {
    /// `Show Name 13`, `One Piece 679`: the release is that (absolute) episode.
    Episode(u32),
    /// A number range left before an episode code (`Show 313-315 s16e03-05`): only the title is shortened.
    TitleOnly,
}

/// `(alternative title)`, `[tag]`, `{tag}` inside the title.
static BRACKETS: LazyLock<Regex> = LazyLock::new(|| re(r"\s*[(\[{][^)\]}]*[)\]}]"));

/// Where a title splits into main title and the rest: ` - `, `.-.`, `--`, ` aka `, ` / `, ` | `.
static SEPARATOR: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\s+-+\s+|[ .]-[ .]|--|\s+aka\s+|\s+/\s+|\s*\|\s*"));

/// A country written after a show's title (`The Office US`, `Shameless UK`), in capitals only: `This Is Us`.
static COUNTRY: LazyLock<Regex> = LazyLock::new(|| re(r"[ ._](?:US|UK|AU|NZ|CA)$"));

/// An episode code the parser left inside the title (`Show Name 1x01 ep`): the title ends before it.
static EPISODE_CODE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)[ .]+(?:S\d{1,2}E\d{1,3}|\d{1,2}x\d{2,3})\b"));

/// A lower-case group name glued in front (`ulshd-the.right.stuff`).
static GLUED_PREFIX: LazyLock<Regex> = LazyLock::new(|| re(r"^[a-z0-9]{2,}-([a-z].*)$"));

/// Offers the readings of `parsed` to `f`, most specific first and each once, until `f` returns something.
/// Lazy because most releases match, or miss, on their first reading.
pub fn find_reading<T>(
    parsed: &ParsedRelease,
    mut f: impl FnMut(&Reading) -> Option<T>,
) -> Option<T> {
    let mut tried: Vec<String> = Vec::with_capacity(8);
    let mut offer = |text: &str, before_dash: bool, tried: &mut Vec<String>| -> Option<T> {
        let key = normalize_title(text);
        if key.is_empty() || tried.contains(&key) {
            return None;
        }
        let found = f(&Reading {
            key: key.clone(),
            episode: None,
            before_dash,
        });
        tried.push(key);
        found
    };
    for base in [parsed.raw_title.as_str(), parsed.title.as_str()] {
        if let Some(found) = offer(base, false, &mut tried) {
            return Some(found);
        }
    }
    for base in [parsed.raw_title.as_str(), parsed.title.as_str()] {
        for (text, before_dash) in variants(base, parsed) {
            if let Some(found) = offer(&text, before_dash, &mut tried) {
                return Some(found);
            }
        }
    }
    let whole = tried.clone();
    for key in &whole {
        for cut in number_cuts(key, parsed) {
            if !tried.contains(&cut.key) {
                if let Some(found) = f(&cut) {
                    return Some(found);
                }
                tried.push(cut.key);
            }
        }
    }
    None
}

/// Shorter readings of one title: without brackets, before a separator, without a country or a glued prefix,
/// before an episode code. Each says whether it was cut before a spaced dash.
fn variants(base: &str, parsed: &ParsedRelease) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = Vec::new();
    if base.is_empty() {
        return out;
    }
    let unbracketed = BRACKETS.replace_all(base, "");
    out.push((unbracketed.to_string(), false));
    let seasoned = !parsed.seasons.is_empty();
    for text in [base, &unbracketed] {
        if let Some((first, before_dash)) = main_title(text, seasoned) {
            out.push((first.to_owned(), before_dash));
            out.push((COUNTRY.replace(first, "").into_owned(), before_dash));
        }
        out.push((COUNTRY.replace(text, "").into_owned(), false));
    }
    if let Some(c) = GLUED_PREFIX.captures(&unbracketed) {
        out.push((c[1].to_owned(), false));
    }
    if let Some(m) = EPISODE_CODE.find(base) {
        out.push((base[..m.start()].to_owned(), false));
    }
    out
}

/// The title before its first separator, if it has one and may be cut there, and whether the separator is a
/// spaced dash.
///
/// `Law & Order - Organized Crime - S04E01 - Ladies' Night`, `9-1-1 - Lone Star - S05E01`: renamers write
/// the colon of a spin-off's title (`Law & Order: Organized Crime`) as a spaced dash, so in a release with
/// a season, letters after a spaced dash are the rest of the show's own title, and cutting there would file
/// the spin-off under its parent show. What follows the dash is left off only when it holds a number (a
/// season word, `Show Name - Tem 1`; episode numbers, `Show Name - 313-315 - s16e03-05`). Anime arcs
/// (`Kimetsu no Yaiba - Hashira Geiko-hen - 08`) have no season and dated shows no season either, so they
/// are still cut; so is every title at `aka`, ` / ` or ` | `.
fn main_title(text: &str, seasoned: bool) -> Option<(&str, bool)> {
    let separator = SEPARATOR.find(text)?;
    let spaced_dash = separator
        .as_str()
        .starts_with(|c: char| c.is_whitespace() || c == '.')
        && separator.as_str().contains('-');
    let rest = &text[separator.end()..];
    if seasoned && spaced_dash && !rest.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let first = &text[..separator.start()];
    (!first.is_empty()).then_some((first, spaced_dash))
}

/// Readings that end the title before a bare number, longest first.
fn number_cuts(key: &str, parsed: &ParsedRelease) -> Vec<Reading> {
    let words: Vec<&str> = key.split(' ').collect();
    let mut cuts = Vec::new();
    // A movie with a year is a movie: only a release without one may be an episode in disguise.
    let may_be_episode = parsed.kind == ReleaseKind::Movie && parsed.year.is_none();
    let has_episode = parsed.kind == ReleaseKind::Episode;
    for i in (1..words.len()).rev() {
        let word = words[i];
        let rest = &words[i + 1..];
        let cut = if let Some(n) = bare_number(word) {
            let digits = word.bytes().take_while(u8::is_ascii_digit).count();
            if may_be_episode && (digits >= 2 || rest.iter().all(|w| is_version(w))) {
                Some(Cut::Episode(n))
            } else if has_episode && digits >= 3 {
                Some(Cut::TitleOnly)
            } else {
                None
            }
        } else {
            None
        };
        if let Some(cut) = cut {
            cuts.push(Reading {
                key: words[..i].join(" "),
                episode: Some(cut),
                before_dash: false,
            });
        }
    }
    cuts
}

/// `13`, `679`, `07v4`: a number of at most four digits that is not a year, with an optional version.
fn bare_number(word: &str) -> Option<u32> {
    let digits = word.split('v').next().unwrap_or(word);
    if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if word.len() > digits.len() && !is_version(&word[digits.len()..]) {
        return None;
    }
    if digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20")) {
        return None;
    }
    digits.parse().ok()
}

fn is_version(word: &str) -> bool {
    word.len() >= 2 && word.starts_with('v') && word[1..].bytes().all(|b| b.is_ascii_digit())
}
