//! Ranking releases of one item "best first": one explicit order, used wherever releases are listed.
//!
//! The order is resolution, then source, then seeders, then the newer release:
//! - [`quality_score`] is the first two, read from the name, and is stored with each match. Two releases with
//!   the same score are "the same quality" (a REPACK of a 1080p WEB-DL is the same quality as the original);
//! - [`rank`] adds what the search result says (seeders, publication time) and orders releases best first.

use std::cmp::Ordering;

use super::ParsedRelease;

/// Higher is better. Resolution dominates (a 1080p WEBRip beats a 720p BluRay); the source breaks ties.
/// PROPER and REPACK do not change it: they fix a release, they do not make it a better quality.
pub fn quality_score(parsed: &ParsedRelease) -> i64 {
    resolution_rank(parsed.resolution.as_deref()) * 100 + source_rank(parsed.source.as_deref())
}

/// What orders two releases of one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Rank {
    /// [`quality_score`].
    pub quality: i64,
    /// Torrents only; Usenet releases and unknown counts rank below any known count.
    pub seeders: Option<i64>,
    /// Unix seconds.
    pub published_at: Option<i64>,
}

/// `Less` when `a` is the better release, so sorting with it lists the best first: higher quality, then more
/// seeders, then newer.
pub fn rank(a: &Rank, b: &Rank) -> Ordering {
    b.quality
        .cmp(&a.quality)
        .then_with(|| b.seeders.unwrap_or(-1).cmp(&a.seeders.unwrap_or(-1)))
        .then_with(|| b.published_at.cmp(&a.published_at))
}

fn resolution_rank(resolution: Option<&str>) -> i64 {
    match resolution.map(str::to_ascii_lowercase).as_deref() {
        Some("4k" | "2160p") => 6,
        Some("1440p") => 5,
        Some("1080p" | "1080i") => 4,
        Some("720p") => 3,
        Some("576p" | "480p" | "540p") => 2,
        Some(_) => 1,
        None => 0,
    }
}

fn source_rank(source: Option<&str>) -> i64 {
    match source {
        Some("BluRay REMUX") => 12,
        Some("BluRay") => 11,
        Some("WEB-DL" | "WEB") => 10,
        Some("UHDRip" | "BDRip" | "BRRip") => 9,
        Some("WEBRip") => 8,
        Some("HDRip") => 7,
        Some("HDTV" | "PDTV" | "DSR") => 6,
        Some("DVD" | "DVDRip") => 5,
        Some("PPVRip" | "SATRip" | "TVRip") => 4,
        Some("R5" | "SCR") => 2,
        Some("TeleCine" | "TeleSync") => 1,
        Some("CAM") => 0,
        // Unknown or unlabeled: below every real rip, above the pre-release ones.
        _ => 3,
    }
}
