//! Builds realistic `ReleaseResource` JSON (reference notes §2) so tests state only what they care about.
//!
//! The builder produces what real Prowlarr would send: numeric ids that are 0 when unknown, `sortTitle`,
//! `fileName`, ages, an always-present `indexerFlags`, parent categories carrying their `subCategories`, and
//! download/magnet links that are Prowlarr proxy links embedding the API key (which is why `build_for` exists:
//! a client that logs those URLs leaks the key, and tests can catch that).

use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{Map, Value, json};

use super::FakeProwlarr;

/// Placeholder origin used by [`ReleaseBuilder::build`], Prowlarr's default address.
const PLACEHOLDER_HOST: &str = "http://localhost:9696";
/// Placeholder key used by [`ReleaseBuilder::build`]; `build_for` uses the fake's real key.
const PLACEHOLDER_KEY: &str = "APIKEY-PLACEHOLDER";
const GIB: i64 = 1024 * 1024 * 1024;

/// A parent category: id, name, and its children's ids and short names.
type CategoryFamily = (i64, &'static str, &'static [(i64, &'static str)]);

/// Standard Newznab categories (Prowlarr's `NewznabStandardCategory`).
const CATEGORIES: &[CategoryFamily] = &[
    (0, "Other", &[(10, "Misc"), (20, "Hashed")]),
    (
        1000,
        "Console",
        &[
            (1010, "NDS"),
            (1020, "PSP"),
            (1030, "Wii"),
            (1040, "XBox"),
            (1050, "XBox 360"),
            (1060, "Wiiware"),
            (1070, "XBox 360 DLC"),
            (1080, "PS3"),
            (1090, "Other"),
            (1110, "3DS"),
            (1120, "PS Vita"),
            (1130, "WiiU"),
            (1140, "XBox One"),
            (1180, "PS4"),
        ],
    ),
    (
        2000,
        "Movies",
        &[
            (2010, "Foreign"),
            (2020, "Other"),
            (2030, "SD"),
            (2040, "HD"),
            (2045, "UHD"),
            (2050, "BluRay"),
            (2060, "3D"),
            (2070, "DVD"),
            (2080, "WEB-DL"),
            (2090, "x265"),
        ],
    ),
    (
        3000,
        "Audio",
        &[
            (3010, "MP3"),
            (3020, "Video"),
            (3030, "Audiobook"),
            (3040, "Lossless"),
            (3050, "Other"),
            (3060, "Foreign"),
        ],
    ),
    (
        4000,
        "PC",
        &[
            (4010, "0day"),
            (4020, "ISO"),
            (4030, "Mac"),
            (4040, "Mobile-Other"),
            (4050, "Games"),
            (4060, "Mobile-iOS"),
            (4070, "Mobile-Android"),
        ],
    ),
    (
        5000,
        "TV",
        &[
            (5010, "WEB-DL"),
            (5020, "Foreign"),
            (5030, "SD"),
            (5040, "HD"),
            (5045, "UHD"),
            (5050, "Other"),
            (5060, "Sport"),
            (5070, "Anime"),
            (5080, "Documentary"),
            (5090, "x265"),
        ],
    ),
    (
        6000,
        "XXX",
        &[
            (6010, "DVD"),
            (6020, "WMV"),
            (6030, "XviD"),
            (6040, "x264"),
            (6045, "UHD"),
            (6050, "Pack"),
            (6060, "ImageSet"),
            (6070, "Other"),
            (6080, "SD"),
            (6090, "WEB-DL"),
        ],
    ),
    (
        7000,
        "Books",
        &[
            (7010, "Mags"),
            (7020, "EBook"),
            (7030, "Comics"),
            (7040, "Technical"),
            (7050, "Other"),
            (7060, "Foreign"),
        ],
    ),
    (8000, "Other", &[(8010, "Misc"), (8020, "Hashed")]),
];

/// An `IndexerCategory` object as Prowlarr serializes it: a parent carries its full `subCategories`, a child
/// has `[]`, and a custom id (≥ 100000) has no name.
pub(crate) fn category_json(id: i64) -> Value {
    for (parent, name, children) in CATEGORIES {
        if *parent == id {
            let subs: Vec<Value> = children
                .iter()
                .map(|(cid, cname)| {
                    json!({"id": cid, "name": format!("{name}/{cname}"), "subCategories": []})
                })
                .collect();
            return json!({"id": id, "name": name, "subCategories": subs});
        }
        if let Some((_, cname)) = children.iter().find(|(cid, _)| *cid == id) {
            return json!({"id": id, "name": format!("{name}/{cname}"), "subCategories": []});
        }
    }
    json!({"id": id, "subCategories": []})
}

/// The standard category tree, as `GET /api/v1/indexer/categories` and indexer capabilities return it.
pub(crate) fn category_tree() -> Value {
    Value::Array(
        CATEGORIES
            .iter()
            .filter(|(id, _, _)| *id != 0)
            .map(|(id, _, _)| category_json(*id))
            .collect(),
    )
}

/// Prowlarr's `sortTitle`: lowercase words, punctuation and the words a/an/the/and/or/of removed.
pub(crate) fn sort_title(title: &str) -> String {
    super::search::words(title)
        .into_iter()
        .filter(|w| !matches!(w.as_str(), "a" | "an" | "the" | "and" | "or" | "of"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// FNV-1a: a stable hash so default guids and info hashes are the same on every run.
fn fnv1a(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// True when the title has an `SxxEyy`/`Sxx` word, which is how the builder guesses TV versus movie.
fn looks_like_episode(title: &str) -> bool {
    super::search::words(title).iter().any(|w| {
        let Some(rest) = w.strip_prefix('s') else {
            return false;
        };
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        (1..=4).contains(&digits) && (rest.len() == digits || rest[digits..].starts_with('e'))
    })
}

/// Formats a date the way Prowlarr does: UTC, `yyyy-MM-ddTHH:mm:ssZ`, no fractions.
pub(crate) fn prowlarr_date(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Builder for a realistic `ReleaseResource` JSON object.
#[derive(Debug, Clone)]
pub struct ReleaseBuilder {
    title: String,
    guid: Option<String>,
    indexer_id: i64,
    indexer: String,
    size: i64,
    seeders: i64,
    usenet: bool,
    categories: Option<Vec<i64>>,
    published: DateTime<Utc>,
    info_url: Option<Option<String>>,
    poster_url: Option<String>,
    imdb_id: i64,
    tmdb_id: i64,
    tvdb_id: i64,
    indexer_flags: Vec<String>,
}

impl ReleaseBuilder {
    /// A torrent on indexer 1 "FakeIndexer": 1 GiB, 10 seeders, published now, category 5000 when the title
    /// has an `SxxEyy` word and 2000 otherwise.
    pub fn new(title: &str) -> Self {
        ReleaseBuilder {
            title: title.to_string(),
            guid: None,
            indexer_id: 1,
            indexer: "FakeIndexer".to_string(),
            size: GIB,
            seeders: 10,
            usenet: false,
            categories: None,
            published: Utc::now(),
            info_url: None,
            poster_url: None,
            imdb_id: 0,
            tmdb_id: 0,
            tvdb_id: 0,
            indexer_flags: Vec::new(),
        }
    }

    pub fn guid(mut self, g: &str) -> Self {
        self.guid = Some(g.to_string());
        self
    }

    pub fn indexer(mut self, id: i64, name: &str) -> Self {
        self.indexer_id = id;
        self.indexer = name.to_string();
        self
    }

    pub fn size(mut self, bytes: i64) -> Self {
        self.size = bytes;
        self
    }

    pub fn seeders(mut self, n: i64) -> Self {
        self.seeders = n;
        self
    }

    /// A Usenet release: no seeders/leechers, no magnet or info hash, `.nzb` file name.
    pub fn usenet(mut self) -> Self {
        self.usenet = true;
        self
    }

    pub fn categories(mut self, ids: &[i64]) -> Self {
        self.categories = Some(ids.to_vec());
        self
    }

    pub fn published(mut self, at: DateTime<Utc>) -> Self {
        self.published = at;
        self
    }

    pub fn info_url(mut self, u: &str) -> Self {
        self.info_url = Some(Some(u.to_string()));
        self
    }

    /// Omits `infoUrl`, as for indexers that give none.
    pub fn no_info_url(mut self) -> Self {
        self.info_url = Some(None);
        self
    }

    pub fn poster_url(mut self, u: &str) -> Self {
        self.poster_url = Some(u.to_string());
        self
    }

    /// The numeric IMDb id (`133093`, not `"tt0133093"`), as Prowlarr sends it.
    pub fn imdb_id(mut self, n: i64) -> Self {
        self.imdb_id = n;
        self
    }

    pub fn tmdb_id(mut self, n: i64) -> Self {
        self.tmdb_id = n;
        self
    }

    pub fn tvdb_id(mut self, n: i64) -> Self {
        self.tvdb_id = n;
        self
    }

    /// Adds an indexer flag such as `freeleech` or `internal`.
    pub fn flag(mut self, flag: &str) -> Self {
        self.indexer_flags.push(flag.to_string());
        self
    }

    /// The release with placeholder proxy links (`http://localhost:9696`, key `APIKEY-PLACEHOLDER`).
    pub fn build(self) -> Value {
        self.build_with(PLACEHOLDER_HOST, PLACEHOLDER_KEY)
    }

    /// The release with proxy links pointing at `fake` and embedding its real API key, like real Prowlarr.
    pub fn build_for(self, fake: &FakeProwlarr) -> Value {
        let url = fake.url();
        let key = fake.shared.api_key.clone();
        self.build_with(&url, &key)
    }

    fn build_with(self, host: &str, api_key: &str) -> Value {
        let hash = fnv1a(&format!("{}|{}", self.indexer_id, self.title));
        let guid = self.guid.clone().unwrap_or_else(|| {
            if self.usenet {
                format!("https://nzb.example/details/{hash:016x}")
            } else {
                format!("https://tracker.example/torrents/{}", hash % 10_000_000)
            }
        });
        let categories = self.categories.clone().unwrap_or_else(|| {
            if looks_like_episode(&self.title) {
                vec![5000]
            } else {
                vec![2000]
            }
        });
        let now = Utc::now();
        let minutes = (now - self.published).num_seconds() as f64 / 60.0;
        // The link is opaque data-protected bytes in real Prowlarr; any base64url-looking token will do.
        let link = format!("{hash:016x}{:016x}", fnv1a(&guid));
        let proxy = format!(
            "{host}/{}/download?apikey={}&link={link}&file={}",
            self.indexer_id,
            crate::percent_encode(api_key),
            crate::percent_encode(&self.title)
        );

        let mut m = Map::new();
        m.insert("guid".into(), json!(guid));
        m.insert("age".into(), json!((now - self.published).num_days()));
        m.insert(
            "ageHours".into(),
            json!((minutes / 60.0 * 100.0).round() / 100.0),
        );
        m.insert(
            "ageMinutes".into(),
            json!((minutes * 100.0).round() / 100.0),
        );
        m.insert("size".into(), json!(self.size));
        m.insert("grabs".into(), json!(hash % 500));
        m.insert("indexerId".into(), json!(self.indexer_id));
        m.insert("indexer".into(), json!(self.indexer));
        m.insert("title".into(), json!(self.title));
        m.insert("sortTitle".into(), json!(sort_title(&self.title)));
        m.insert("imdbId".into(), json!(self.imdb_id));
        m.insert("tmdbId".into(), json!(self.tmdb_id));
        m.insert("tvdbId".into(), json!(self.tvdb_id));
        m.insert("tvMazeId".into(), json!(0));
        m.insert("publishDate".into(), json!(prowlarr_date(self.published)));
        match &self.info_url {
            Some(Some(u)) => {
                m.insert("infoUrl".into(), json!(u));
            }
            Some(None) => {}
            None => {
                let default = if guid.starts_with("http") {
                    guid.clone()
                } else {
                    format!("https://tracker.example/details/{}", hash % 10_000_000)
                };
                m.insert("infoUrl".into(), json!(default));
            }
        }
        if let Some(p) = &self.poster_url {
            m.insert("posterUrl".into(), json!(p));
        }
        m.insert("downloadUrl".into(), json!(proxy));
        m.insert("indexerFlags".into(), json!(self.indexer_flags));
        m.insert(
            "categories".into(),
            Value::Array(categories.iter().map(|c| category_json(*c)).collect()),
        );
        if self.usenet {
            m.insert("protocol".into(), json!("usenet"));
            m.insert("fileName".into(), json!(format!("{}.nzb", self.title)));
        } else {
            let info_hash = format!(
                "{:016x}{:016x}{:08x}",
                hash,
                fnv1a(&guid),
                fnv1a(&self.title) as u32
            );
            m.insert("magnetUrl".into(), json!(proxy));
            m.insert("infoHash".into(), json!(info_hash));
            m.insert("seeders".into(), json!(self.seeders));
            m.insert("leechers".into(), json!(hash % 7));
            m.insert("protocol".into(), json!("torrent"));
            m.insert("fileName".into(), json!(format!("{}.torrent", self.title)));
        }
        Value::Object(m)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn sort_title_drops_articles_and_punctuation() {
        assert_eq!(
            sort_title("The.Matrix.1999.1080p.BluRay.x264-GROUP"),
            "matrix 1999 1080p bluray x264 group"
        );
    }

    #[test]
    fn episode_titles_default_to_tv_and_others_to_movies() {
        let tv = ReleaseBuilder::new("Severance.S02E01.1080p.WEB-DL-NTb").build();
        assert_eq!(tv["categories"][0]["id"], 5000);
        let movie = ReleaseBuilder::new("Dune.Part.Two.2024.2160p.WEB-DL-FLUX").build();
        assert_eq!(movie["categories"][0]["id"], 2000);
        assert_eq!(
            movie["categories"][0]["subCategories"][3]["name"],
            "Movies/HD"
        );
    }

    #[test]
    fn usenet_release_has_no_torrent_fields() {
        let r = ReleaseBuilder::new("Show.S01E01.720p-GRP").usenet().build();
        assert_eq!(r["protocol"], "usenet");
        assert!(r.get("seeders").is_none());
        assert!(r.get("magnetUrl").is_none());
        assert_eq!(r["fileName"], "Show.S01E01.720p-GRP.nzb");
        assert_eq!(r["indexerFlags"], json!([]));
    }

    #[test]
    fn placeholder_links_carry_the_placeholder_key() {
        let r = ReleaseBuilder::new("X.2020.1080p-G").build();
        let url = r["downloadUrl"].as_str().unwrap();
        assert!(url.starts_with("http://localhost:9696/1/download?apikey=APIKEY-PLACEHOLDER&"));
        assert_eq!(r["magnetUrl"], r["downloadUrl"]);
    }

    #[test]
    fn custom_categories_have_no_name() {
        assert_eq!(
            category_json(100_012),
            json!({"id": 100012, "subCategories": []})
        );
    }

    #[test]
    fn dates_have_no_fractions() {
        let at = DateTime::parse_from_rfc3339("2026-03-30T18:12:00.123Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(prowlarr_date(at), "2026-03-30T18:12:00Z");
    }
}
