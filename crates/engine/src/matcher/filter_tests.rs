//! Each filter and alias on real-looking release names.

#![allow(clippy::unwrap_used)]

use super::*;
use crate::filters::{Codec, IndexerRef, ItemFilters, Protocol, Resolution, Source};
use crate::model::{ItemKind, WatchlistItem};

fn movie_with(title: &str, year: u16, filters: ItemFilters) -> WatchlistItem {
    WatchlistItem {
        year: Some(year),
        filters,
        ..WatchlistItem::new(1, title, ItemKind::Movie)
    }
}

fn series_with(title: &str, filters: ItemFilters) -> WatchlistItem {
    WatchlistItem {
        filters,
        ..WatchlistItem::new(1, title, ItemKind::Series)
    }
}

/// The verdict for a release known by name only.
fn judge(item: &WatchlistItem, name: &str) -> Verdict {
    ItemMatcher::new(item).judge(&parse(name), &ReleaseInfo::name_only(name))
}

fn judge_with(item: &WatchlistItem, info: ReleaseInfo<'_>) -> Verdict {
    ItemMatcher::new(item).judge(&parse(info.name), &info)
}

fn refused_by(v: &Verdict) -> Option<&'static str> {
    assert!(v.matches, "should be of the item: {}", v.reason);
    (!v.accepted).then_some(v.rule).flatten()
}

#[test]
fn cams_and_telesyncs_are_refused_by_default_but_kept_as_of_the_item() {
    let item = movie_with("Dune Part Two", 2024, ItemFilters::default());
    for name in [
        "Dune.Part.Two.2024.HDCAM.x264-SUNSCREEN",
        "Dune Part Two (2024) 1080p TELESYNC x264 AAC-HushRips",
        "Dune.Part.Two.2024.HDTS.1080p.x264-YTS",
        "Dune.Part.Two.2024.DVDSCR.XviD-EVO",
    ] {
        let v = judge(&item, name);
        assert_eq!(refused_by(&v), Some("sources"), "{name}: {}", v.reason);
    }
    let v = judge(
        &item,
        "Dune.Part.Two.2024.1080p.WEB-DL.DDP5.1.Atmos.H.264-FLUX",
    );
    assert!(v.accepted, "{}", v.reason);
}

#[test]
fn a_cam_passes_when_the_item_asks_for_it() {
    let item = movie_with(
        "Dune Part Two",
        2024,
        ItemFilters {
            sources: vec![Source::Cam, Source::WebDl],
            ..Default::default()
        },
    );
    assert!(judge(&item, "Dune.Part.Two.2024.HDCAM.x264-SUNSCREEN").accepted);
    let v = judge(&item, "Dune.Part.Two.2024.1080p.BluRay.x264-GROUP");
    assert_eq!(refused_by(&v), Some("sources"));
    assert!(v.reason.contains("BluRay"), "{}", v.reason);
}

#[test]
fn remux_and_bluray_are_different_sources() {
    let item = movie_with(
        "Oppenheimer",
        2023,
        ItemFilters {
            sources: vec![Source::Remux],
            ..Default::default()
        },
    );
    assert!(
        judge(
            &item,
            "Oppenheimer.2023.2160p.UHD.BluRay.REMUX.HDR.HEVC.Atmos-FGT"
        )
        .accepted
    );
    assert_eq!(
        refused_by(&judge(&item, "Oppenheimer.2023.1080p.BluRay.x264-SPARKS")),
        Some("sources")
    );
    assert_eq!(
        refused_by(&judge(&item, "Oppenheimer.2023.1080p")),
        Some("sources"),
        "a name without a source cannot prove it is a remux"
    );
}

#[test]
fn resolution_bounds() {
    let item = series_with(
        "Severance",
        ItemFilters {
            min_resolution: Some(Resolution::R1080p),
            max_resolution: Some(Resolution::R1080p),
            ..Default::default()
        },
    );
    assert!(judge(&item, "Severance.S02E03.1080p.ATVP.WEB-DL.DDP5.1.H.264-NTb").accepted);
    let low = judge(&item, "Severance.S02E03.720p.WEB.h264-GRP");
    assert_eq!(refused_by(&low), Some("min_resolution"));
    assert!(low.reason.contains("720p is below 1080p"), "{}", low.reason);
    assert_eq!(
        refused_by(&judge(
            &item,
            "Severance.S02E03.2160p.ATVP.WEB-DL.DDP5.1.DV.H.265-NTb"
        )),
        Some("max_resolution")
    );
    assert_eq!(
        refused_by(&judge(&item, "Severance.S02E03.HDTV.x264-LOL")),
        Some("min_resolution"),
        "no resolution tag reads as SD"
    );
}

#[test]
fn codecs_are_families() {
    let item = movie_with(
        "Heat",
        1995,
        ItemFilters {
            codecs: vec![Codec::H265],
            ..Default::default()
        },
    );
    assert!(judge(&item, "Heat.1995.2160p.UHD.BluRay.x265-GRP").accepted);
    assert!(judge(&item, "Heat.1995.1080p.BluRay.HEVC.DTS-GRP").accepted);
    assert_eq!(
        refused_by(&judge(&item, "Heat.1995.1080p.BluRay.x264-GRP")),
        Some("codecs")
    );
}

#[test]
fn size_is_per_file_for_movies_and_per_episode_for_series() {
    const MIB: i64 = 1024 * 1024;
    let bounds = ItemFilters {
        min_size_mb: Some(500),
        max_size_mb: Some(4000),
        ..Default::default()
    };
    let movie = movie_with("Heat", 1995, bounds.clone());
    let name = "Heat.1995.1080p.BluRay.x264-GRP";
    let sized = |bytes| ReleaseInfo {
        size: Some(bytes),
        ..ReleaseInfo::name_only(name)
    };
    assert!(judge_with(&movie, sized(3000 * MIB)).accepted);
    assert_eq!(
        refused_by(&judge_with(&movie, sized(9000 * MIB))),
        Some("max_size_mb")
    );
    assert_eq!(
        refused_by(&judge_with(&movie, sized(300 * MIB))),
        Some("min_size_mb")
    );

    let show = series_with("Andor", bounds);
    // Three episodes in 6 GiB: 2 GiB each, within the bounds.
    let triple = ReleaseInfo {
        size: Some(6000 * MIB),
        ..ReleaseInfo::name_only("Star.Wars.Andor.S02E01-E03.1080p.DSNP.WEB-DL-GRP")
    };
    let show = WatchlistItem {
        title: "Star Wars Andor".into(),
        ..show
    };
    assert!(judge_with(&show, triple).accepted);
    // A season pack without episode numbers cannot be divided: not judged on size.
    let pack = ReleaseInfo {
        size: Some(40_000 * MIB),
        ..ReleaseInfo::name_only("Star.Wars.Andor.S01.1080p.DSNP.WEB-DL-GRP")
    };
    assert!(judge_with(&show, pack).accepted);
    // A name alone has no size: the bounds are not applied.
    assert!(judge(&show, "Star.Wars.Andor.S02E04.1080p.DSNP.WEB-DL-GRP").accepted);
}

#[test]
fn seeders_count_for_torrents_only() {
    let item = movie_with(
        "Heat",
        1995,
        ItemFilters {
            min_seeders: Some(5),
            ..Default::default()
        },
    );
    let name = "Heat.1995.1080p.BluRay.x264-GRP";
    let with = |protocol, seeders| ReleaseInfo {
        protocol: Some(protocol),
        seeders,
        ..ReleaseInfo::name_only(name)
    };
    assert_eq!(
        refused_by(&judge_with(&item, with(Protocol::Torrent, Some(2)))),
        Some("min_seeders")
    );
    assert!(judge_with(&item, with(Protocol::Torrent, Some(40))).accepted);
    assert!(judge_with(&item, with(Protocol::Usenet, None)).accepted);
}

#[test]
fn protocol_and_indexers() {
    let item = movie_with(
        "Heat",
        1995,
        ItemFilters {
            protocol: Some(Protocol::Usenet),
            indexers: vec![IndexerRef::Id(7), IndexerRef::Name("NZBgeek".into())],
            ..Default::default()
        },
    );
    let name = "Heat.1995.1080p.BluRay.x264-GRP";
    let at = |protocol, id, indexer| ReleaseInfo {
        protocol: Some(protocol),
        indexer_id: Some(id),
        indexer: Some(indexer),
        ..ReleaseInfo::name_only(name)
    };
    assert!(judge_with(&item, at(Protocol::Usenet, 7, "ExampleNZB")).accepted);
    assert!(judge_with(&item, at(Protocol::Usenet, 9, "nzbgeek")).accepted);
    assert_eq!(
        refused_by(&judge_with(&item, at(Protocol::Torrent, 7, "ExampleNZB"))),
        Some("protocol")
    );
    let other = judge_with(&item, at(Protocol::Usenet, 3, "Other"));
    assert_eq!(refused_by(&other), Some("indexers"));
    assert!(other.reason.contains("Other"), "{}", other.reason);
}

#[test]
fn words_and_patterns() {
    let item = movie_with(
        "Dune Part Two",
        2024,
        ItemFilters {
            must_contain: vec!["HDR".into(), "/\\bDV\\b|dolby.?vision/".into()],
            must_not_contain: vec!["hardcoded subs".into(), "/\\bHC\\b/".into()],
            ..Default::default()
        },
    );
    assert!(
        judge(
            &item,
            "Dune.Part.Two.2024.2160p.WEB-DL.DDP5.1.Atmos.HDR.H.265-FLUX"
        )
        .accepted
    );
    assert!(judge(&item, "Dune.Part.Two.2024.2160p.WEB-DL.DV.H.265-FLUX").accepted);
    // "HDR10" is not the word "HDR", and no pattern matches.
    let v = judge(
        &item,
        "Dune.Part.Two.2024.2160p.WEB-DL.HDR10Plus.H.265-FLUX",
    );
    assert_eq!(refused_by(&v), Some("must_contain"));
    let v = judge(&item, "Dune.Part.Two.2024.2160p.HC.WEB-DL.HDR.H.265-FLUX");
    assert_eq!(refused_by(&v), Some("must_not_contain"));
    assert!(v.reason.contains("HC"), "{}", v.reason);
    let v = judge(
        &item,
        "Dune.Part.Two.2024.2160p.WEB-DL.HDR.Hardcoded.Subs.H.265-FLUX",
    );
    assert_eq!(refused_by(&v), Some("must_not_contain"));
}

#[test]
fn languages_untagged_names_count_as_english() {
    let french = movie_with(
        "The Prestige",
        2006,
        ItemFilters {
            languages: vec!["french".into()],
            ..Default::default()
        },
    );
    let french = WatchlistItem {
        aliases: vec!["Le Prestige".into()],
        ..french
    };
    assert!(judge(&french, "Le.Prestige.2006.FRENCH.1080p.BluRay.x264-LOST").accepted);
    assert!(judge(&french, "The.Prestige.2006.MULTi.1080p.BluRay.x264-FtLi").accepted);
    let v = judge(&french, "The.Prestige.2006.1080p.BluRay.x264-SPARKS");
    assert_eq!(refused_by(&v), Some("languages"));
    assert!(v.reason.contains("english"), "{}", v.reason);
    let english = movie_with(
        "The Prestige",
        2006,
        ItemFilters {
            languages: vec!["english".into()],
            ..Default::default()
        },
    );
    assert!(judge(&english, "The.Prestige.2006.1080p.BluRay.x264-SPARKS").accepted);
    assert_eq!(
        refused_by(&judge(
            &english,
            "The.Prestige.2006.GERMAN.DL.1080p.BluRay.x264-DETAiLS"
        )),
        Some("languages")
    );
}

#[test]
fn any_alias_matches_and_the_index_knows_it() {
    let item = WatchlistItem {
        year: Some(2006),
        aliases: vec!["Le Prestige".into()],
        ..WatchlistItem::new(4, "The Prestige", ItemKind::Movie)
    };
    let decoy = WatchlistItem {
        year: Some(2006),
        ..WatchlistItem::new(5, "Prestige", ItemKind::Movie)
    };
    let matcher = Matcher::new(&[item.clone(), decoy]);
    for name in [
        "Le.Prestige.2006.FRENCH.720p.BluRay.x264-LOST",
        "The.Prestige.2006.1080p.BluRay.x264-SPARKS",
    ] {
        assert_eq!(matcher.matching_items(&parse(name)), vec![4], "{name}");
        assert!(matches(&item, &parse(name)), "{name}");
    }
    assert_eq!(
        matcher.matching_items(&parse("Prestige.2006.1080p.WEB-DL-GRP")),
        vec![5]
    );
    assert!(!matches(&item, &parse("Le.Prestige.1978.DVDRip")));
}

#[test]
fn the_index_reports_what_each_item_filters_refuse() {
    let picky = movie_with(
        "Heat",
        1995,
        ItemFilters {
            min_resolution: Some(Resolution::R2160p),
            ..Default::default()
        },
    );
    let easy = WatchlistItem {
        id: 2,
        ..movie_with("Heat", 1995, ItemFilters::default())
    };
    let name = "Heat.1995.1080p.BluRay.x264-GRP";
    let judged = Matcher::new(&[picky, easy]).judge(&parse(name), &ReleaseInfo::name_only(name));
    assert_eq!(judged.len(), 2);
    assert_eq!(
        judged[0].rejected.as_ref().map(|r| r.rule),
        Some("min_resolution")
    );
    assert_eq!(judged[1].rejected, None);
}

#[test]
fn a_title_mismatch_is_not_a_filter_refusal() {
    let item = movie_with("Dune", 2021, ItemFilters::default());
    let v = judge(&item, "Dune.1984.1080p.BluRay.x264-OLD");
    assert!(!v.matches && !v.accepted);
    assert_eq!(v.rule, Some("year"));
    let v = judge(&item, "Dune.Part.Two.2024.1080p.WEB-DL-GRP");
    assert_eq!(v.rule, Some("title"));
}
