//! Ranking releases of one item "best first": resolution, then source.

use super::ParsedRelease;

/// Higher is better. Resolution dominates (a 1080p WEBRip beats a 720p BluRay); the source breaks ties.
/// Seeders are not known here: the caller adds them on a smaller scale.
pub fn quality_score(parsed: &ParsedRelease) -> i64 {
    resolution_rank(parsed.resolution.as_deref()) * 1000
        + source_rank(parsed.source.as_deref()) * 10
        + i64::from(parsed.proper || parsed.repack)
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
        Some("WEB-DL") => 10,
        Some("UHDRip" | "BDRip" | "BRRip") => 9,
        Some("WEBRip") => 8,
        Some("HDRip") => 7,
        Some("HDTV") => 6,
        Some("DVD" | "DVDRip") => 5,
        Some("PPVRip" | "SATRip" | "TVRip") => 4,
        Some("R5" | "SCR") => 2,
        Some("TeleCine" | "TeleSync") => 1,
        Some("CAM") => 0,
        // Unknown or unlabeled: below every real rip, above the pre-release ones.
        _ => 3,
    }
}
