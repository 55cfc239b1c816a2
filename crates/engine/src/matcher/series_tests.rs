//! Series tracking rules and episode identity on real-looking release names.

#![allow(clippy::unwrap_used)]

use super::*;
use crate::model::{ItemKind, WatchlistItem};

fn show(title: &str) -> WatchlistItem {
    WatchlistItem::new(1, title, ItemKind::Series)
}

fn verdict(item: &WatchlistItem, name: &str) -> Verdict {
    ItemMatcher::new(item).judge(&parse(name), &ReleaseInfo::name_only(name))
}

fn follows(item: &WatchlistItem, name: &str) -> bool {
    let v = verdict(item, name);
    assert_eq!(v.accepted, v.matches, "no filter is set: {}", v.reason);
    v.matches
}

#[test]
fn everything_is_followed_by_default() {
    let item = show("Severance");
    for name in [
        "Severance.S01E01.Good.News.About.Hell.1080p.ATVP.WEB-DL.DDP5.1.H.264-NTb",
        "Severance.S02E10.2160p.ATVP.WEB-DL.DDP5.1.DV.H.265-NTb",
        "Severance.S01.1080p.ATVP.WEB-DL.DDP5.1.H.264-NTb",
        "Severance.Complete.Series.1080p.WEB-DL-GRP",
    ] {
        assert!(follows(&item, name), "{name}");
    }
}

#[test]
fn from_an_episode_on_takes_later_episodes_and_packs_that_contain_them() {
    let item = WatchlistItem {
        from_season: Some(2),
        from_episode: Some(3),
        ..show("The Last of Us")
    };
    assert!(!follows(&item, "The.Last.of.Us.S01E09.1080p.WEB.h264-GRP"));
    assert!(!follows(&item, "The.Last.of.Us.S02E02.1080p.WEB.h264-GRP"));
    assert!(follows(&item, "The.Last.of.Us.S02E03.1080p.WEB.h264-GRP"));
    assert!(follows(
        &item,
        "The.Last.of.Us.S02E02-E04.1080p.WEB.h264-GRP"
    ));
    assert!(follows(&item, "The.Last.of.Us.S03E01.720p.HDTV.x264-GRP"));
    assert!(follows(
        &item,
        "The.Last.of.Us.S02.1080p.AMZN.WEB-DL.DDP5.1.H.264-NTb"
    ));
    assert!(!follows(
        &item,
        "The.Last.of.Us.S01.1080p.AMZN.WEB-DL.DDP5.1.H.264-NTb"
    ));
    let v = verdict(&item, "The.Last.of.Us.S02E01.1080p.WEB.h264-GRP");
    assert_eq!(v.rule, Some("from_season"));
}

#[test]
fn one_season_takes_its_episodes_and_the_packs_that_contain_it() {
    let item = WatchlistItem {
        only_season: Some(2),
        ..show("The Bear")
    };
    assert!(follows(
        &item,
        "The.Bear.S02E01.Beef.1080p.HULU.WEB-DL.DDP5.1.H.264-NTb"
    ));
    assert!(follows(
        &item,
        "The Bear S02 COMPLETE 720p HULU WEBRip x264-GalaxyTV"
    ));
    assert!(follows(&item, "The.Bear.S01-S03.1080p.WEB-DL-GRP"));
    assert!(follows(&item, "The.Bear.Complete.Series.1080p.WEB-DL-GRP"));
    let v = verdict(&item, "The.Bear.S03E01.1080p.WEB.h264-GRP");
    assert_eq!((v.matches, v.rule), (false, Some("only_season")));
    assert!(v.reason.contains("S03"), "{}", v.reason);
    assert!(!follows(
        &item,
        "The Bear S01 COMPLETE 720p HULU WEBRip x264-GalaxyTV"
    ));
}

#[test]
fn a_daily_show_is_placed_by_its_air_date() {
    let item = WatchlistItem {
        from_date: Some("2024-03-01".into()),
        ..show("The Daily Show")
    };
    let v = verdict(
        &item,
        "The.Daily.Show.2024.03.15.Guest.Name.1080p.WEB.h264-EDITH",
    );
    assert!(v.accepted, "{}", v.reason);
    assert_eq!(v.episode.as_deref(), Some("2024-03-15"));
    let v = verdict(
        &item,
        "The.Daily.Show.2024.02.28.Guest.Name.720p.WEB.h264-EDITH",
    );
    assert_eq!((v.matches, v.rule), (false, Some("from_date")));
    // Month-first dates are rewritten before parsing.
    assert!(follows(
        &item,
        "The.Daily.Show.March.18.2024.1080p.WEB.h264-EDITH"
    ));
    // Without a from_date every dated episode is followed.
    assert!(follows(
        &show("The Daily Show"),
        "The.Daily.Show.2019.01.07.720p.WEB.x264-TBS"
    ));
}

#[test]
fn absolute_anime_numbers_are_episodes_of_season_one() {
    let item = WatchlistItem {
        from_season: Some(1),
        from_episode: Some(1100),
        ..show("One Piece")
    };
    let v = verdict(
        &item,
        "[SubsPlease] One Piece - 1110 (1080p) [6F1C3B5E].mkv",
    );
    assert!(v.accepted, "{}", v.reason);
    assert_eq!(v.episode.as_deref(), Some("E1110"));
    assert!(!follows(
        &item,
        "[SubsPlease] One Piece - 1085 (1080p) [0A1B2C3D].mkv"
    ));
}

#[test]
fn an_episode_has_one_identity_whatever_its_name() {
    let item = show("Severance");
    let key = |name: &str| verdict(&item, name).episode;
    let e = Some("S02E05".to_owned());
    assert_eq!(
        key("Severance.S02E05.1080p.ATVP.WEB-DL.DDP5.1.H.264-NTb"),
        e
    );
    assert_eq!(key("Severance.S02E05.REPACK.1080p.WEB.h264-ETHEL"), e);
    assert_eq!(key("Severance 2x05 720p HDTV"), e);
    assert_eq!(
        key("Severance.S02E01-E03.1080p.WEB.h264-GRP").as_deref(),
        Some("S02E01-E03")
    );
    assert_eq!(
        key("Severance.S02.1080p.WEB.h264-GRP").as_deref(),
        Some("S02")
    );
    assert_eq!(
        verdict(
            &WatchlistItem {
                year: Some(1995),
                ..WatchlistItem::new(2, "Heat", ItemKind::Movie)
            },
            "Heat.1995.1080p.BluRay.x264-GRP"
        )
        .episode
        .as_deref(),
        Some("movie")
    );
}
