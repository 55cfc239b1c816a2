//! The repairs around parse-torrent-title 2.0.6: what it gets wrong, fixed by class, not by name.
//!
//! [`pre_clean`] rewrites the release name before parsing, where a notation the parser does not know can be
//! turned into one it does (`2×07` → `2x07`, `Saison VII` → `Season 7`, `July.30.2021` → `2021.07.30`) or
//! where something in front of the title hides it (site names, leading codec tags). [`post_clean`] fixes the
//! parsed title: the parser ends the title at the first thing it recognizes, so tags it does not know
//! (`STV`, `NFOFiX`, `German.DL`, `THEATRICAL EDITION`, `COMPLETE`) stay at the end of the title; they are cut
//! from the end, one at a time, never down to nothing.
//!
//! Every rule is a class of names seen in the wild; none names a particular release.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::{Captures, Regex, RegexSet};

/// Compiles one of this module's constant patterns. They are fixed in the source and every one of them runs
/// in the unit tests, so a broken pattern fails the tests, never a user.
#[allow(clippy::expect_used)]
pub(super) fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("constant pattern compiles")
}

/// The set only decides which rewrites to try, so it may match more than they do, never less: it uses
/// ASCII word boundaries, which its DFA handles without falling back to a slower engine, and the
/// patterns put no `\b` next to a non-ASCII letter, where the two kinds of boundary differ.
#[allow(clippy::expect_used)]
fn re_set(patterns: &[&str]) -> RegexSet {
    let patterns = patterns.iter().map(|p| p.replace(r"\b", r"(?-u:\b)"));
    RegexSet::new(patterns).expect("constant patterns compile")
}

/// `www.site.vip - Title`, `site.org - Title`: the parser finds the site but then misreads the rest
/// (`Shang-Chi` became `Shang`). Bare domains need a torrent-site TLD, so `Show.Name.US - S01E01` stays.
static SITE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:www\.[\w-]+(?:\.[\w-]+)+|[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|vip|info|io|to|cc|ws|xyz|club|biz|ru|lol|pw|rs|ag|sx|mx|gg|re))\s+-\s+",
    )
});

/// Codec or resolution tags in front of the title (`h265 - HEVC Title`, `HD 720p: Title`).
static LEADING_TECH: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:(?:[hx]\.?26[45]|hevc|avc|xvid|\d{3,4}[pi]|[48]k|u?hd|fhd)(?:\s*[-:]\s*|[\s._]+))+",
    )
});

/// A rewrite of the name: a pattern and what each match becomes.
struct Rewrite {
    pattern: &'static str,
    replace: fn(&Captures<'_>) -> String,
}

/// The rewrites, in the order they apply. Each says which class of names it repairs.
const REWRITES: &[Rewrite] = &[
    // Audio bitrates and frame rates: their numbers were read as episodes or left in the title.
    Rewrite {
        pattern: r"(?i)\b\d{2,4}\s?kbps\b|\b\d{2,3}(?:[.,]\d{1,3})?\s?fps\b",
        replace: |_| " ".to_owned(),
    },
    // `EAC360`, `AC351`: an audio codec glued to its channel count, whose digits were read as an episode.
    Rewrite {
        pattern: r"(?i)\b(E-?AC-?3|AC-?3)\d{2,3}\b",
        replace: |c| c[1].to_owned(),
    },
    // `AAC 5.1`: the parser reads a channel layout after a space as episode 5; glued (`AAC5.1`) it knows it.
    Rewrite {
        pattern: r"(?i)\b(AAC|E?-?AC-?3|DDP?|DD\+|DTS(?:-?HD)?(?:[ .-]?MA)?|TrueHD|FLAC|Opus|L?PCM|Atmos)\s([1-7]\.[01])\b",
        replace: |c| format!("{}{}", &c[1], &c[2]),
    },
    // `Title-x09-Extra`: a bonus number between dashes; the part after it is the bonus's own title. It
    // becomes `--`, a separator the parser keeps in the title and the matcher splits at (a spaced dash would
    // make the parser read a number after it as an episode).
    Rewrite {
        pattern: r"(?i)-x\d{1,2}-",
        replace: |_| "--".to_owned(),
    },
    // `2×07` (multiplication sign), `1 x 03` (spaced) and `Ep 2x03`: the parser only knows `2x07`.
    Rewrite {
        pattern: r"(?i)\b(?:ep\.?\s*)?(\d{1,2})(?:\s*×\s*|\sx\s)(\d{1,3})\b|\bep\.?\s*(\d{1,2}x\d{1,3})\b",
        replace: |c| match c.get(3) {
            Some(code) => code.as_str().to_owned(),
            None => format!("{}x{}", &c[1], &c[2]),
        },
    },
    // `[Cap.102]`, `[Cap.102_104]`: Spanish releases write season and episode as one number.
    Rewrite {
        pattern: r"(?i)\bCap[ .]?(\d{1,2})(\d{2})(?:[_ ]\d{1,2}(\d{2}))?\b",
        replace: |c| match c.get(3) {
            Some(last) => format!("S{:0>2}E{}-E{}", &c[1], &c[2], last.as_str()),
            None => format!("S{:0>2}E{}", &c[1], &c[2]),
        },
    },
    // The word "episode" in languages the parser does not know, or with an accent it does not expect.
    Rewrite {
        pattern: r"(?i)(?:(?:\be|é)pisode|\b(?:episodul|epizoda|epizod|odcinek|aflevering|jakso|avsnitt))[ .]+(\d{1,4})\b",
        replace: |c| format!("Episode {}", &c[1]),
    },
    // `S07D1`, `S07D1-3&5`: DVD discs of a season, i.e. part of a season pack.
    Rewrite {
        pattern: r"(?i)\bS(\d{1,2})D\d{1,2}(?:-\d{1,2})?(?:&\d{1,2})*\b",
        replace: |c| format!("S{}", &c[1]),
    },
    // `1xAll`: all episodes of season 1.
    Rewrite {
        pattern: r"(?i)\b(\d{1,2})xAll\b",
        replace: |c| format!("S{}", &c[1]),
    },
    // `シーズン2` (season 2) and `2期` (second season), which the parser does not read.
    Rewrite {
        pattern: r"シーズン\s*(\d{1,2})|(\d{1,2})期",
        replace: |c| {
            format!(
                " S{} ",
                c.get(1).or_else(|| c.get(2)).map_or("", |m| m.as_str())
            )
        },
    },
    // A season word followed by a roman numeral or a number word (`Saison VII`, `Season Two`).
    Rewrite {
        pattern: r"(?i)\b(?:season|saison|temporada|staffel|stagione)[ ._-]+([ivx]{1,5}|one|two|three|four|five|six|seven|eight|nine|ten|un|une|deux|trois|quatre|cinq|sept|huit|neuf|dix)\b",
        replace: |c| number_word(&c[1]).map_or_else(|| c[0].to_owned(), |n| format!("Season {n}")),
    },
    // `July.30.2021`, `Jul 30th, 2021`: month-first dates, which the parser reads as title and year.
    Rewrite {
        pattern: r"(?i)\b(january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|september|sept|sep|october|oct|november|nov|december|dec)[ ._-](\d{1,2})(?:st|nd|rd|th)?[ ._,-]+((?:19|20)\d{2})\b",
        replace: |c| {
            let day: u32 = c[2].parse().unwrap_or(0);
            if (1..=31).contains(&day) {
                format!("{}.{:02}.{day:02}", &c[3], month_number(&c[1]))
            } else {
                c[0].to_owned()
            }
        },
    },
    // `Title.101.HDTV`, `Title.2014.208.HDTV`: season and episode written as one 3–4 digit number. Only
    // before a TV source or a codec, so that `Room.237.1080p` stays a title; never a year or a resolution
    // written without its `p` (`Title.2013.1080-x264`).
    Rewrite {
        pattern: r"(?i)((?:[a-z]|\b(?:19|20)\d{2})[ ._])(\d{1,2})(\d{2})((?:[ ._]\d{3,4}p)?[ ._-](?:hdtv|pdtv|sdtv|dsr|tvrip|x26[45]|h\.?26[45]|xvid)\b)",
        replace: |c| {
            let (season, episode) = (&c[2], &c[3]);
            let year_like =
                season.len() == 2 && (season.starts_with("19") || season.starts_with("20"));
            let resolution = matches!(
                (season, episode),
                ("4", "80") | ("5", "76") | ("7", "20") | ("10", "80") | ("21", "60")
            );
            if year_like || resolution || episode == "00" {
                c[0].to_owned()
            } else {
                format!("{}S{season:0>2}E{episode}{}", &c[1], &c[4])
            }
        },
    },
];

/// The rewrite patterns compiled, with a set of all of them: one pass over the name tells which apply,
/// and most names need none.
static COMPILED_REWRITES: LazyLock<(RegexSet, Vec<Regex>)> = LazyLock::new(|| {
    let patterns: Vec<&str> = REWRITES.iter().map(|r| r.pattern).collect();
    (re_set(&patterns), patterns.iter().map(|p| re(p)).collect())
});

/// Rewrites notations the parser misreads into ones it reads. Returns the name unchanged when nothing applies.
pub fn pre_clean(name: &str) -> Cow<'_, str> {
    let name = without_transport_stream_extension(name);
    // The parser reads `_` as a space too; doing it first lets the patterns below see word boundaries.
    let mut s: Cow<'_, str> = if name.contains('_') {
        Cow::Owned(name.replace('_', " "))
    } else {
        Cow::Borrowed(name)
    };
    if let Some(m) = SITE_PREFIX.find(&s)
        && m.end() < s.len()
    {
        s = Cow::Owned(s[m.end()..].to_owned());
    }
    if let Some(m) = LEADING_TECH.find(&s)
        && m.end() < s.len()
        && m.as_str().bytes().any(|b| b.is_ascii_digit())
    {
        s = Cow::Owned(s[m.end()..].to_owned());
    }
    let (set, regexes) = &*COMPILED_REWRITES;
    // A rewrite does not create text another one rewrites, so the set is asked once, before any of them.
    for index in set.matches(&s).iter() {
        let (Some(rewrite), Some(regex)) = (REWRITES.get(index), regexes.get(index)) else {
            continue;
        };
        s = Cow::Owned(
            regex
                .replace_all(&s, |c: &Captures<'_>| (rewrite.replace)(c))
                .into_owned(),
        );
    }
    s
}

/// `...-TrollHD.ts`: the file name of an MPEG transport stream. The parser reads the `ts` extension as the
/// TELESYNC tag, which outranks the real source (`HDTV`) and would get the release refused as a pre-release
/// copy. Only a lower-case extension right after a `-GROUP` is one: `Movie.2019.TS` is the tag.
fn without_transport_stream_extension(name: &str) -> &str {
    for extension in [".ts", ".m2ts"] {
        if let Some(stem) = name.strip_suffix(extension)
            && stem
                .rsplit(['.', ' '])
                .next()
                .is_some_and(|last| last.contains('-'))
        {
            return stem;
        }
    }
    name
}

fn number_word(word: &str) -> Option<u32> {
    let word = word.to_ascii_lowercase();
    let n = match word.as_str() {
        "one" | "un" | "une" => 1,
        "two" | "deux" => 2,
        "three" | "trois" => 3,
        "four" | "quatre" => 4,
        "five" | "cinq" => 5,
        "six" => 6,
        "seven" | "sept" => 7,
        "eight" | "huit" => 8,
        "nine" | "neuf" => 9,
        "ten" | "dix" => 10,
        roman => return roman_numeral(roman),
    };
    Some(n)
}

fn roman_numeral(s: &str) -> Option<u32> {
    let mut total = 0;
    let mut previous = 0;
    for c in s.chars().rev() {
        let value = match c {
            'i' => 1,
            'v' => 5,
            'x' => 10,
            _ => return None,
        };
        if value < previous {
            total -= value;
        } else {
            total += value;
            previous = value;
        }
    }
    (total > 0).then_some(total)
}

fn month_number(name: &str) -> u32 {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let prefix = name.get(..3).unwrap_or(name).to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|m| *m == prefix)
        .map_or(0, |i| i as u32 + 1)
}

/// What [`post_clean`] made of a parsed title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CleanTitle {
    pub title: String,
    /// A `COMPLETE` / `INTEGRALE` / `Coffret` tag was cut from the title: the release is a whole-show pack.
    pub complete: bool,
    /// `S00` or `S00E05` left in the title (the parser drops season 0): season 0 and its episode.
    pub season_zero: Option<Option<u32>>,
    /// `01 - Title` with no episode found elsewhere (the number in front), or `[Group] Title 679` (the bare
    /// number after the title of a fansub release).
    pub bare_episode: Option<u32>,
    /// `Title OVA 2`, `Title ONA v2`: an anime special, an episode even without a number.
    pub anime_special: bool,
}

/// What [`post_clean`] needs to know about the rest of the parse.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context {
    pub first_episode: Option<u32>,
    pub has_year: bool,
    /// No season, episode or date was found: the title may still hold an episode number.
    pub unnumbered: bool,
    /// The name starts with a `[Group]` tag, as fansub releases do, which number episodes without a season.
    pub fansub: bool,
}

/// `03-Title`, `01 - Title`, `003-004. Title`: an episode number in front of the title.
static LEADING_EPISODE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(\d{1,4})(?:-\d{1,4})?(?:\s*-\s*|\.\s+)"));

/// `S00` / `S00E05` in the title: the parser treats season 0 as absent and leaves the code in the title.
static SEASON_ZERO: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)(?:^|[ ._-])S00(?:E(\d{1,3}))?\b"));

/// Release tags the parser does not know, which therefore stay at the end of the title.
static TRAILING_TAG: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i)(?:^|[ ._+\-])(?:",
        r"stv|nfofix|read[ ._]?nfo|internal|limited|festival|doku|docu|subbed|dubbed|hardsubs?|softsubs?",
        r"|dl|multi|multisubs?|vo|vf|vff|vfq|vfi|vost|vostfr|truefrench|subfrench|fastsub|hdlight|mhd|3d",
        r"|h?sbs|half[ ._-]?(?:sbs|ou)|vr(?:[ ._]?(?:180|360))?(?:[ ._]?lr)?|(?:br|bd|dvd|web|hd|dl)(?:rip)?mux",
        r"|\d{1,2}cd|complete|l'?int[eé]grale|int[eé]grale|coffret|rerip",
        r"|(?:theatrical|extended|unrated|uncut|directors?|director'?s|collectors?|collector'?s|special|ultimate",
        r"|anniversary|remastered|imax|alternative|alternate)[ ._-]+(?:edition|cut|version)",
        r"|unrated|uncut|extended|remastered|imax|open[ ._-]?matte|l'",
        r")[ ._+\-]*$",
    ))
});

/// Tags that are also ordinary words in other cases (`Pen Pal`, `Où`, `Keeping It Real`): cut only when
/// written in capitals in a title that is not all capitals.
static TRAILING_SHOUTED_TAG: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:^|[ ._+\-])(?:PAL|NTSC|SECAM|XXX|WS|FS|OAR|LR|H?OU|REAL)[ ._+\-]*$"));

/// Languages left at the end of the title. Cut only when written as a tag (`GERMAN`, `iTALiAN`) or
/// when a tag after them was cut (`German.DL`): in title case they end real titles (`The Good German`).
static TRAILING_LANGUAGE: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?:^|[ ._+\-])(?i:(english|french|german|swissgerman|italian|spanish|castellano|latino|portuguese",
        r"|russian|ukrainian|dutch|flemish|danish|swedish|norwegian|finnish|nordic|polish|czech|hungarian",
        r"|turkish|greek|hindi|tamil|telugu|japanese|korean|chinese|arabic|hebrew|ita|eng|fre|fra|ger|deu",
        r"|spa|esp|rus|jpn|kor|chi|dual|vostfr|subs?))[ ._+\-]*$",
    ))
});

static COMPLETE_TAG: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)complete|int[eé]grale|coffret"));

/// Cuts what the parser left of the release name around the title; see the module docs.
pub fn post_clean(title: &str, cx: Context) -> CleanTitle {
    let (first_episode, has_year) = (cx.first_episode, cx.has_year);
    let mut title = title.trim();
    let mut bare_episode = None;
    if let Some(c) = LEADING_EPISODE.captures(title)
        && c[0].len() < title.len()
    {
        let number = c[1].parse::<u32>().ok();
        if first_episode.is_some() && first_episode == number {
            title = &title[c[0].len()..];
        } else if first_episode.is_none() && !has_year && c[0].contains(" - ") {
            // Only the spaced-dash form: `2 - Fast 2 Furious`-like titles are rarer than anime episodes.
            bare_episode = number;
            title = &title[c[0].len()..];
        }
    }

    let mut season_zero = None;
    if let Some(c) = SEASON_ZERO.captures(title)
        && let Some(whole) = c.get(0)
        && whole.start() > 0
    {
        season_zero = Some(c.get(1).and_then(|e| e.as_str().parse().ok()));
        title = &title[..whole.start()];
    }

    let all_caps = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(is_shouted);
    let mut complete = false;
    let mut cut_a_tag = false;
    loop {
        if let Some(m) = TRAILING_TAG.find(title)
            && has_title_left(&title[..m.start()])
        {
            complete |= COMPLETE_TAG.is_match(m.as_str());
            cut_a_tag = true;
            title = &title[..m.start()];
            continue;
        }
        if !all_caps
            && let Some(m) = TRAILING_SHOUTED_TAG.find(title)
            && has_title_left(&title[..m.start()])
        {
            cut_a_tag = true;
            title = &title[..m.start()];
            continue;
        }
        if let Some(c) = TRAILING_LANGUAGE.captures(title)
            && let (Some(whole), Some(word)) = (c.get(0), c.get(1))
            && has_title_left(&title[..whole.start()])
            && (cut_a_tag || (is_shouted(word.as_str()) && !all_caps))
        {
            cut_a_tag = true;
            title = &title[..whole.start()];
            continue;
        }
        break;
    }
    let mut anime_special = false;
    if cx.unnumbered
        && bare_episode.is_none()
        && let Some(c) = ANIME_SPECIAL.captures(title)
        && let Some(whole) = c.get(0)
        && has_title_left(&title[..whole.start()])
    {
        anime_special = true;
        bare_episode = c.get(1).and_then(|n| n.as_str().parse().ok());
        title = &title[..whole.start()];
    } else if cx.unnumbered
        && cx.fansub
        && !has_year
        && bare_episode.is_none()
        && let Some(c) = TRAILING_NUMBER.captures(title)
        && let Some(whole) = c.get(0)
        && has_title_left(&title[..whole.start()])
        && !is_year(&c[1])
    {
        bare_episode = c[1].parse().ok();
        title = &title[..whole.start()];
    }
    let title = title.trim_end_matches([' ', '.', '-', '_', '+']).to_owned();
    CleanTitle {
        title,
        complete,
        season_zero,
        bare_episode,
        anime_special,
    }
}

/// `1917.1080p.WEB-DL`, `1923.S01.COMPLETE.1080p`: a film or show named by a year, released without a year of
/// its own. The parser takes the title for the release's year and leaves no title, or, in a name that starts
/// with that year, takes the season code and the tags after it for the title (`S01 COMPLETE AMZ`). Then the
/// year is the title and the release's year is unknown. Returns the title and year to use instead, or `None`
/// when the parser's reading stands (`1917.2019.1080p`; `2009.Title.Name.DVD9`, a title after the year).
pub fn year_as_title(name: &str, title: &str, year: Option<u16>) -> Option<(String, Option<u16>)> {
    let year = year?;
    let leads_with_year = name.get(..4).is_some_and(|digits| {
        digits.parse() == Ok(year) && name[4..].starts_with([' ', '.', '_', '-'])
    });
    let replace = !has_title_left(title) || (leads_with_year && starts_with_season_code(title));
    replace.then(|| (year.to_string(), None))
}

/// `S01 COMPLETE`, `s2.720p`: a season code, not a title word.
fn starts_with_season_code(title: &str) -> bool {
    let Some(rest) = title.strip_prefix(['S', 's']) else {
        return false;
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    (1..=2).contains(&digits) && !rest[digits..].starts_with(|c: char| c.is_alphanumeric())
}

/// `OVA`, `ONA 2`, `OAD v2` at the end of the title, in capitals as the anime scene writes them.
static ANIME_SPECIAL: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:^|[ ._-])(?:OVA|ONA|OAD|OAV)s?(?:[ ._-]*(\d{1,3}))?(?:[ ._-]*v\d)?$"));

/// A bare number, with an optional version (`07v2`), at the end of the title.
static TRAILING_NUMBER: LazyLock<Regex> = LazyLock::new(|| re(r"[ ._-]+(\d{1,4})(?:v\d)?$"));

fn is_year(digits: &str) -> bool {
    digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20"))
}

fn has_title_left(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

/// Written as a tag: at least two capitals and no more lower-case letters than capitals (`GERMAN`, `iTALiAN`).
fn is_shouted(word: &str) -> bool {
    let upper = word.chars().filter(char::is_ascii_uppercase).count();
    let lower = word.chars().filter(char::is_ascii_lowercase).count();
    upper >= 2 && upper >= lower
}

/// `Christmas Special`, `50th Anniversary Special`: a one-off episode of a show, not a film.
static SPECIAL_EPISODE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:christmas|xmas|holiday|halloween|easter|new[ ._]years?|anniversary|reunion)[ ._-]+special\b",
    )
});

pub fn is_special_episode(name: &str) -> bool {
    SPECIAL_EPISODE.is_match(name)
}

/// Words that make a `COMPLETE` release a whole-show pack even when it has a year.
static SERIES_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:series|mini[ ._-]?series|seasons|saisons|temporadas|staffeln|int[eé]grale|coffret|box[ ._-]?set)\b",
    )
});

pub fn names_a_series(name: &str) -> bool {
    SERIES_WORDS.is_match(name)
}
