//! Behaviour of the matcher on real release names.

// Tests may unwrap: a panic is how a test fails.
#![allow(clippy::unwrap_used)]

use super::parse::{SLOW_RESOLUTION, build_parser};
use super::*;
use crate::model::{ItemKind, WatchlistItem};
use crate::normalize::capped;

fn item(id: i64, title: &str, kind: ItemKind, year: Option<u16>) -> WatchlistItem {
    WatchlistItem {
        year,
        ..WatchlistItem::new(id, title, kind)
    }
}

fn movie(title: &str, year: Option<u16>) -> WatchlistItem {
    item(1, title, ItemKind::Movie, year)
}

fn series(title: &str) -> WatchlistItem {
    item(1, title, ItemKind::Series, None)
}

fn series_from(title: &str, season: u32, episode: Option<u32>) -> WatchlistItem {
    WatchlistItem {
        from_season: Some(season),
        from_episode: episode,
        ..series(title)
    }
}

fn is_release_of(item: &WatchlistItem, name: &str) -> bool {
    let parsed = parse(name);
    let alone = matches(item, &parsed);
    // The index and the single-item check agree when the watchlist holds only this item.
    assert_eq!(
        Matcher::new(std::slice::from_ref(item)).matching_items(&parsed),
        if alone { vec![item.id] } else { vec![] }
    );
    alone
}

// --- normalization ---

#[test]
fn normalization_strips_accents_of_latin_letters() {
    assert_eq!(normalize_title("Mise à Sac"), normalize_title("Mise a Sac"));
    assert_eq!(normalize_title("Amélie"), "amelie");
    assert_eq!(normalize_title("Pokémon"), normalize_title("POKEMON"));
    assert_eq!(normalize_title("Straße"), "strasse");
}

#[test]
fn normalization_reads_ampersand_as_and() {
    assert_eq!(
        normalize_title("A Very Harold & Kumar 3D Christmas"),
        "a very harold and kumar 3d christmas"
    );
    assert_eq!(
        normalize_title("Vita & Virginia"),
        normalize_title("Vita and Virginia")
    );
    assert_eq!(
        normalize_title("Foo's &amp; Bars"),
        normalize_title("Foos and Bars")
    );
}

#[test]
fn normalization_drops_apostrophes_and_breaks_words_at_punctuation() {
    assert_eq!(
        normalize_title("The Director’s Notebook"),
        "the directors notebook"
    );
    assert_eq!(
        normalize_title("Wolf's Spirit"),
        normalize_title("Wolfs Spirit")
    );
    assert_eq!(
        normalize_title("Star Wars: Episode IV"),
        "star wars episode iv"
    );
    assert_eq!(normalize_title("Shang-Chi"), normalize_title("Shang Chi"));
    assert_eq!(normalize_title("  Some   Title.  "), "some title");
}

#[test]
fn normalization_joins_runs_of_single_letters() {
    assert_eq!(
        normalize_title("Marvels Agents of S.H.I.E.L.D"),
        "marvels agents of shield"
    );
    assert_eq!(
        normalize_title("Marvels Agents of S H I E L D"),
        "marvels agents of shield"
    );
    // A lone single letter stays a word.
    assert_eq!(normalize_title("A Bout Portant"), "a bout portant");
}

#[test]
fn normalization_keeps_a_leading_the_and_other_scripts() {
    assert_ne!(normalize_title("The Insider"), normalize_title("Insider"));
    assert_ne!(normalize_title("アニメ"), normalize_title("Anime"));
    assert_eq!(normalize_title("アニメ"), "アニメ");
    assert_eq!(normalize_title("Дюна"), "дюна");
}

#[test]
fn release_key_ignores_separators_case_and_file_extension() {
    let a = release_key("The.Rum.Diary.2011.1080p.BluRay.DTS.x264-D-Z0N3");
    assert_eq!(
        a,
        release_key("the rum diary 2011 1080p bluray dts x264-D-Z0N3.mkv")
    );
    assert_ne!(
        a,
        release_key("The.Rum.Diary.2011.720p.BluRay.DTS.x264-D-Z0N3")
    );
}

// --- parsing ---

#[test]
fn an_episode_a_season_pack_and_a_movie_are_told_apart() {
    let episode = parse("Severance.S02E03.Who.Is.Alive.1080p.ATVP.WEB-DL.DDP5.1.H.264-NTb");
    assert_eq!(
        (episode.title.as_str(), episode.kind),
        ("Severance", ReleaseKind::Episode)
    );
    assert_eq!((episode.season, episode.episode), (Some(2), Some(3)));
    assert_eq!(episode.resolution.as_deref(), Some("1080p"));
    assert_eq!(episode.source.as_deref(), Some("WEB-DL"));
    assert_eq!(episode.group.as_deref(), Some("NTb"));

    let pack = parse("The Bear S03 COMPLETE 720p HULU WEBRip x264-GalaxyTV");
    assert_eq!(
        (pack.title.as_str(), pack.kind, pack.seasons.as_slice()),
        ("The Bear", ReleaseKind::SeasonPack, &[3][..])
    );

    let film = parse("Oppenheimer (2023) [1080p] [BluRay] [5.1] [YTS.MX]");
    assert_eq!(
        (film.title.as_str(), film.year, film.kind),
        ("Oppenheimer", Some(2023), ReleaseKind::Movie)
    );
}

#[test]
fn multi_episode_ranges_list_every_episode() {
    let p = parse("Star.Wars.Andor.S02E01-E03.1080p.DSNP.WEB-DL");
    assert_eq!((p.season, p.episode), (Some(2), Some(1)));
    assert_eq!(p.episodes, vec![1, 2, 3]);
    let p = parse("Show.S01E01E02.720p.HDTV.x264-GRP");
    assert_eq!(p.episodes, vec![1, 2]);
    let p = parse("Game of Thrones Season 1-8 Complete 1080p BluRay x265");
    assert_eq!((p.kind, p.seasons.len()), (ReleaseKind::SeasonPack, 8));
}

#[test]
fn episode_notations_the_parser_misses_are_rewritten() {
    let p = parse("La casa del dragón 2×7");
    assert_eq!(
        (p.title.as_str(), p.season, p.episode),
        ("La casa del dragón", Some(2), Some(7))
    );
    let p = parse("Show Name 1 x 03 HDTV");
    assert_eq!((p.season, p.episode), (Some(1), Some(3)));
    let p = parse("Dexter Saison VII FRENCH.BDRip.XviD-MiND");
    assert_eq!(
        (p.title.as_str(), p.season, p.kind),
        ("Dexter", Some(7), ReleaseKind::SeasonPack)
    );
    let p = parse("Show.Name.July.30.2021.1080p.WEB-DL.x264-GRP");
    assert_eq!(
        (p.title.as_str(), p.date.as_deref(), p.kind),
        ("Show Name", Some("2021-07-30"), ReleaseKind::Episode)
    );
    let p = parse("the.mentalist.501.hdtv-lol");
    assert_eq!(
        (p.title.as_str(), p.season, p.episode),
        ("the mentalist", Some(5), Some(1))
    );
    let p = parse("Greys.Anatomy.S07D1.NTSC.DVDR-ToF");
    assert_eq!(
        (p.title.as_str(), p.kind, p.season),
        ("Greys Anatomy", ReleaseKind::SeasonPack, Some(7))
    );
}

#[test]
fn a_transport_stream_extension_is_not_a_telesync() {
    let p = parse("Game of Thrones S03E06 1080i HDTV DD5.1 MPEG2-TrollHD.ts");
    assert_eq!(
        (p.title.as_str(), p.source.as_deref(), p.episode),
        ("Game of Thrones", Some("HDTV"), Some(6))
    );
    assert_eq!(
        parse("Some.Movie.2019.720p.TS.x264-GRP").source.as_deref(),
        Some("TeleSync")
    );
    assert_eq!(
        parse("Some.Movie.2019.TS").source.as_deref(),
        Some("TeleSync")
    );
}

#[test]
fn a_number_that_names_a_film_is_not_an_episode() {
    for name in [
        "Room.237.2012.1080p.BluRay",
        "Room.237.1080p.BluRay",
        "Blade.Runner.2049.2017.2160p.UHD.BluRay",
    ] {
        assert_eq!(parse(name).kind, ReleaseKind::Movie, "{name}");
    }
    assert_eq!(
        parse("Movie.Name.2013.1080-x264-Ox").kind,
        ReleaseKind::Movie
    );
    assert_eq!(
        parse("Chuck Berry The Very Best Of Chuck Berry(2010)[320 Kbps]").kind,
        ReleaseKind::Movie
    );
}

#[test]
fn a_film_named_by_a_year_keeps_its_title_without_a_year_of_its_own() {
    for (name, title) in [
        ("1917.720p.BluRay.x264-SPARKS", "1917"),
        ("2012.BluRay.1080p.DTS.x264-CHD", "2012"),
    ] {
        let p = parse(name);
        assert_eq!((p.title.as_str(), p.year), (title, None), "{name}");
    }
    let p = parse("1917.2019.2160p.UHD.BluRay.x265-TERMiNAL");
    assert_eq!((p.title.as_str(), p.year), ("1917", Some(2019)));
    assert!(is_release_of(
        &movie("1917", Some(2019)),
        "1917.720p.BluRay.x264-SPARKS"
    ));
    // A show named by a year: the parser took the tags after it for the title.
    let p = parse("1883.S01.COMPLETE.1080p.PMTP.WEB-DL.DDP5.1.H.264-NTb");
    assert_eq!(
        (p.title.as_str(), p.year, p.kind),
        ("1883", None, ReleaseKind::SeasonPack)
    );
    assert!(is_release_of(
        &series("1883"),
        "1883.S01E03.1080p.WEB.h264-GGEZ"
    ));
    // A name with a title keeps its year, also when the title starts with another one.
    assert_eq!(parse("Heat.1995.1080p.BluRay").year, Some(1995));
    let p = parse("2001.A.Space.Odyssey.1968.1080p.BluRay.x264");
    assert_eq!(
        (p.title.as_str(), p.year),
        ("2001 A Space Odyssey", Some(1968))
    );
    let p = parse("2011.Le.Havre.FRENCH.DVD9.PAL");
    assert_eq!((p.title.as_str(), p.year), ("Le Havre", Some(2011)));
}

#[test]
fn fansub_releases_number_episodes_after_the_title() {
    let p = parse("[SubsPlease] Sousou no Frieren - 26 (1080p) [F9E8A2A5].mkv");
    assert_eq!(
        (p.title.as_str(), p.episode, p.kind),
        ("Sousou no Frieren", Some(26), ReleaseKind::Episode)
    );
    let p = parse("[ISLAND]One_Piece_679_[VOSTFR]_[V1]_[8bit]_[720p]_[EB7838FC]");
    assert_eq!(
        (p.title.as_str(), p.episode, p.kind),
        ("One Piece", Some(679), ReleaseKind::Episode)
    );
    let p = parse("[EveTaku] Kyouso Giga ONA v2 [540p][128BAC43]");
    assert_eq!(
        (p.title.as_str(), p.kind, p.special),
        ("Kyouso Giga", ReleaseKind::Episode, true)
    );
}

#[test]
fn tags_left_in_the_title_are_cut_but_title_words_stay() {
    assert_eq!(
        parse("Die.Schluempfe.2.German.DL.1080p.BluRay.x264-EXQUiSiTE").title,
        "Die Schluempfe 2"
    );
    assert_eq!(
        parse("Hardwired.STV.NFOFiX.FRENCH.DVDRiP.XviD-SURViVAL").title,
        "Hardwired"
    );
    assert_eq!(
        parse("Alien.Director.Cut.Ita.Eng.VP9.Opus.AlphaBot").title,
        "Alien"
    );
    assert_eq!(
        parse("The Lord of the Rings The Fellowship of the Ring THEATRICAL EDITION (2001) [1080p]")
            .title,
        "The Lord of the Rings The Fellowship of the Ring"
    );
    // Title-case language names end real titles.
    assert_eq!(
        parse("The.Good.German.2006.1080p.BluRay").title,
        "The Good German"
    );
    assert_eq!(
        parse("French.Maid.Services.720p").title,
        "French Maid Services"
    );
    // A title is never cut down to nothing.
    assert_eq!(parse("xXx.2002.1080p.BluRay").title, "xXx");
}

#[test]
fn leading_site_names_and_codec_tags_are_not_the_title() {
    let p = parse("www.TamilBlasters.vip - Shang-Chi (2021) 720p BDRip x264");
    assert_eq!((p.title.as_str(), p.year), ("Shang-Chi", Some(2021)));
    assert_eq!(
        parse("h265 - HEVC Riddick Unrated Director Cut French 1080p DTS").title,
        "Riddick"
    );
    assert_eq!(
        parse("HD 720p: Some series.S03E16.Title.Three").title,
        "Some series"
    );
}

#[test]
fn whole_show_packs_are_season_packs_but_full_discs_of_films_are_films() {
    let p = parse("Breaking.Bad.COMPLETE.1080p.BluRay.x264-GRP");
    assert_eq!(
        (p.title.as_str(), p.kind, p.complete),
        ("Breaking Bad", ReleaseKind::SeasonPack, true)
    );
    let p = parse("The.Wire.COMPLETE.SERIES.2002.720p.BluRay-GRP");
    assert_eq!(p.kind, ReleaseKind::SeasonPack);
    let p = parse("Pacific.Rim.3D.2013.COMPLETE.BLURAY-PCH");
    assert_eq!(
        (p.title.as_str(), p.kind),
        ("Pacific Rim", ReleaseKind::Movie)
    );
}

#[test]
fn named_specials_are_episodes() {
    let p = parse("Doctor_Who_2013_Christmas_Special.The_Time_of_The_Doctor.HD");
    assert_eq!(
        (p.title.as_str(), p.kind, p.special),
        ("Doctor Who", ReleaseKind::Episode, true)
    );
    // Inside the title, the words name a film.
    let p = parse("The.Star.Wars.Holiday.Special.1978.DVDRip.x264");
    assert_eq!(
        (p.title.as_str(), p.kind),
        ("The Star Wars Holiday Special", ReleaseKind::Movie)
    );
}

#[test]
fn the_parser_learned_pdtv_and_dsr_sources() {
    let p = parse("FooBar.7.PDTV-FlexGet");
    assert_eq!(
        (p.title.as_str(), p.source.as_deref()),
        ("FooBar 7", Some("PDTV"))
    );
    assert_eq!(
        parse("Show.S01E01.DSR.XviD-GRP").source.as_deref(),
        Some("DSR")
    );
}

#[test]
fn an_audio_channel_layout_is_not_an_episode() {
    let p = parse(
        "Breaking Bad (2008) Season 1-5 S01-S05 (1080p BluRay x265 HEVC 10bit AAC 5.1 Silence)",
    );
    assert_eq!(
        (p.kind, p.episodes.as_slice()),
        (ReleaseKind::SeasonPack, &[][..])
    );
}

#[test]
fn the_faster_resolution_handler_reads_what_the_default_one_reads() {
    let names = [
        "Movie.2019.2160p.UHD.BluRay.1080p.x265",
        "Movie 4K 1080p HDR",
        "Movie.4k.HDR.720p.WEB",
        "Show.S01E01.2160p+1080p.WEB",
        "Movie.1080p.2160p.WEB",
        "Movie.2160p.HDR.WEB-DL",
        "Dune.Part.Two.2024.1080p.WEB-DL.DDP5.1.Atmos.H.264-FLUX",
    ];
    let default = parse_torrent_title::create_parser();
    let ours = build_parser();
    for name in names {
        assert_eq!(
            ours.parse(name).resolution(),
            default.parse(name).resolution(),
            "{name}"
        );
        assert_eq!(
            ours.parse(name).title(),
            default.parse(name).title(),
            "{name}"
        );
    }
    assert!(
        ours.handlers()
            .iter()
            .all(|h| h.regex().is_none_or(|r| r.source() != SLOW_RESOLUTION))
    );
}

#[test]
fn a_huge_name_is_capped_before_parsing() {
    let huge = format!("Some.Movie.2019.{}.1080p", "x".repeat(10_000));
    let p = parse(&huge);
    assert!(p.title.chars().count() <= MAX_PARSE_CHARS);
    assert_eq!(capped(&huge).chars().count(), MAX_PARSE_CHARS);
    // Multi-byte characters are cut at a character boundary.
    let accents = "é".repeat(10_000);
    assert_eq!(capped(&accents).chars().count(), MAX_PARSE_CHARS);
    assert!(parse(&accents).title.chars().count() <= MAX_PARSE_CHARS);
    assert!(release_key(&huge).len() <= MAX_PARSE_CHARS);
}

#[test]
fn serializes_snake_case_without_empty_fields() {
    let json = serde_json::to_value(parse("The.Bear.S03E01.1080p.WEB.h264-ETHEL")).unwrap();
    assert_eq!(json["title"], "The Bear");
    assert_eq!(json["season"], 3);
    assert_eq!(json["episodes"], serde_json::json!([1]));
    assert_eq!(json["kind"], "episode");
    for absent in [
        "year",
        "raw_title",
        "date",
        "proper",
        "repack",
        "complete",
        "special",
    ] {
        assert!(
            json.get(absent).is_none(),
            "{absent} should be left out: {json}"
        );
    }
    let pack = serde_json::to_value(parse("Chernobyl.S01.1080p.BluRay.x264-GRP")).unwrap();
    assert_eq!(pack["kind"], "seasonpack");
    assert!(pack.get("episodes").is_none());
}

// --- matching movies ---

#[test]
fn movie_years_must_agree_when_both_are_known() {
    let dune = movie("Dune", Some(2021));
    assert!(is_release_of(&dune, "Dune.2021.2160p.UHD.BluRay.x265-GRP"));
    assert!(!is_release_of(&dune, "Dune.1984.1080p.BluRay.x264-GRP"));
    // One side unknown is fine.
    assert!(is_release_of(&dune, "Dune.1080p.WEB-DL.x264-GRP"));
    assert!(is_release_of(
        &movie("Dune", None),
        "Dune.1984.1080p.BluRay.x264-GRP"
    ));
}

#[test]
fn a_longer_title_sharing_a_prefix_does_not_match() {
    let dune = movie("Dune", None);
    assert!(!is_release_of(
        &dune,
        "Dune.Part.Two.2024.1080p.WEB-DL.DDP5.1.Atmos.H.264-FLUX"
    ));
    assert!(!is_release_of(
        &movie("F1", None),
        "F1.The.Movie.2025.1080p.AMZN.WEB-DL.DDP5.1.Atmos.H.264-BYNDR"
    ));
    assert!(!is_release_of(
        &movie("The Rum Diary", None),
        "The.Rum.Diary.Returns.2011.1080p.BluRay"
    ));
    assert!(!is_release_of(
        &movie("Insider", Some(1999)),
        "The.Insider.1999.1080p.BluRay"
    ));
}

#[test]
fn a_movie_never_matches_a_series_and_the_reverse() {
    assert!(!is_release_of(&series("Dune"), "Dune.2021.1080p.WEB-DL"));
    assert!(!is_release_of(
        &movie("Severance", None),
        "Severance.S02E03.1080p.WEB-DL"
    ));
    assert!(!is_release_of(
        &movie("Chernobyl", None),
        "Chernobyl.S01.1080p.BluRay"
    ));
    assert!(!is_release_of(
        &movie("Breaking Bad", None),
        "Breaking.Bad.COMPLETE.1080p.BluRay.x264-GRP"
    ));
}

#[test]
fn accents_punctuation_and_ampersands_do_not_stop_a_match() {
    assert!(is_release_of(
        &movie("The Director’s Notebook", Some(2006)),
        "The.Directors.Notebook.2006.720p.BluRay"
    ));
    assert!(is_release_of(
        &movie("Mise à Sac", Some(1967)),
        "Mise.a.Sac.1967.DVDRip.XviD"
    ));
    assert!(is_release_of(
        &movie("Vita & Virginia", Some(2018)),
        "Vita.and.Virginia.2018.1080p.WEB-DL"
    ));
    assert!(is_release_of(
        &series("Marvels Agents of S.H.I.E.L.D"),
        "Marvels.Agents.of.S.H.I.E.L.D.S07E13.1080p.WEB"
    ));
}

#[test]
fn an_alternative_title_or_subtitle_is_tried_after_the_whole_title() {
    assert!(is_release_of(
        &movie("Le Prestige", None),
        "[XCT].Le.Prestige.(The.Prestige).DVDRip.[x264.HP.He-Aac]"
    ));
    assert!(is_release_of(
        &movie("Star Wars: Episode IV", Some(2004)),
        "Star Wars: Episode IV - A New Hope (2004) Special Edition"
    ));
    // The step-up from a tag cut: the parser's own title is tried first.
    assert!(is_release_of(
        &movie("Step Up 3D", Some(2010)),
        "Step.Up.3D.2010.1080p.BluRay.x264"
    ));
    assert!(is_release_of(
        &movie("Pacific Rim", Some(2013)),
        "Pacific.Rim.3D.2013.COMPLETE.BLURAY-PCH"
    ));
}

#[test]
fn a_spin_off_written_with_dashes_is_not_its_parent_show() {
    // Renamers write the colon of `NCIS: Los Angeles` as a spaced dash.
    for (parent, name) in [
        (
            "NCIS",
            "NCIS - Los Angeles - S14E21 - New Beginnings (1) [1080p WEB-DL]",
        ),
        (
            "The Walking Dead",
            "The Walking Dead - Daryl Dixon - S02E01 - La Gentillesse des Etrangers [1080p]",
        ),
        (
            "Law & Order",
            "Law & Order - Criminal Intent - S10E08 - Icarus [720p HDTV]",
        ),
        ("CSI", "CSI - Miami - S05 [DVDRip]"),
    ] {
        assert!(!is_release_of(&series(parent), name), "{name}");
    }
    assert!(is_release_of(
        &series("NCIS: Los Angeles"),
        "NCIS - Los Angeles - S14E21 - New Beginnings (1) [1080p WEB-DL]"
    ));
    // Without a season (an anime arc) the part after the dash is still left off.
    assert!(is_release_of(
        &series("Bleach"),
        "[SubsPlease] Bleach - Sennen Kessen-hen - 14 (1080p) [A1B2C3D4]"
    ));
}

#[test]
fn an_apostrophe_written_as_a_separator_still_matches() {
    assert!(is_release_of(
        &movie("L'Arnacoeur", Some(2010)),
        "L.Arnacoeur.2010.FRENCH.720p.BluRay.x264-LOST"
    ));
    assert!(is_release_of(
        &movie("Qu'est-ce qu'on a fait au Bon Dieu?", Some(2014)),
        "Qu.est.ce.qu.on.a.fait.au.Bon.Dieu.2014.FRENCH.1080p.BluRay.x264"
    ));
    // The joined reading still matches, and a title without an apostrophe gets no second key.
    assert!(is_release_of(
        &movie("L'Arnacoeur", Some(2010)),
        "LArnacoeur.2010.720p.BluRay"
    ));
    assert!(!is_release_of(
        &movie("Pans Labyrinth", Some(2006)),
        "Pan.s.Labyrinth.2006.1080p.BluRay"
    ));
}

#[test]
fn german_umlauts_written_with_an_e_still_match() {
    let kokowaah = movie("Kokowääh", Some(2011));
    for name in [
        "Kokowaeaeh.2011.GERMAN.1080p.BluRay.x264-DETAiLS",
        "Kokowaah.2011.German.720p.BluRay",
        "Kokowääh (2011) German 1080p BluRay",
    ] {
        assert!(is_release_of(&kokowaah, name), "{name}");
    }
    assert!(is_release_of(
        &movie("Männerherzen", Some(2009)),
        "Maennerherzen.2009.GERMAN.720p.BluRay.x264-SiGHT"
    ));
    assert!(!is_release_of(
        &movie("Männerherzen", Some(2009)),
        "Maennerherzen.und.die.ganz.ganz.grosse.Liebe.2011.GERMAN.720p.BluRay"
    ));
}

#[test]
fn a_subtitle_after_a_dash_needs_both_years_or_neither() {
    // A film of a series against the series' first film: one year alone cannot tell them apart.
    assert!(!is_release_of(
        &movie("Pirates of the Caribbean", None),
        "Pirates of the Caribbean - Dead Man's Chest (2006) [1080p] [YTS.MX]"
    ));
    assert!(!is_release_of(
        &movie("Transformers", Some(2007)),
        "Transformers - Revenge of the Fallen [1080p] [BluRay]"
    ));
    assert!(is_release_of(
        &movie("Pirates of the Caribbean: Dead Man's Chest", None),
        "Pirates of the Caribbean - Dead Man's Chest (2006) [1080p] [YTS.MX]"
    ));
    // Both years agree, or there are none: the part before the dash is the title.
    assert!(is_release_of(
        &movie("Transformers", Some(2007)),
        "Transformers - The Movie (2007) 720p BrRip x264"
    ));
    assert!(is_release_of(
        &movie("Le Prestige", None),
        "Le Prestige - The Prestige DVDRip XviD"
    ));
}

#[test]
fn the_watchlist_prefers_the_most_specific_title() {
    let items = [
        item(1, "Star Wars: Episode IV", ItemKind::Movie, None),
        item(
            2,
            "Star Wars: Episode IV - A New Hope",
            ItemKind::Movie,
            None,
        ),
    ];
    let matcher = Matcher::new(&items);
    assert_eq!(
        matcher.matching_items(&parse("Star Wars: Episode IV - A New Hope (2004) 1080p")),
        vec![2]
    );
    assert_eq!(
        matcher.matching_items(&parse("Star.Wars.Episode.IV.1080p.BluRay")),
        vec![1]
    );
}

#[test]
fn matching_items_lists_every_admitted_item_in_ascending_order() {
    let items = [
        item(9, "Movie Name", ItemKind::Movie, Some(2020)),
        item(3, "Movie Name", ItemKind::Movie, None),
        item(5, "Movie Name", ItemKind::Movie, Some(2013)),
        item(4, "Movie Name", ItemKind::Series, None),
        item(7, "Other Name", ItemKind::Movie, None),
    ];
    let matcher = Matcher::new(&items);
    assert_eq!(
        matcher.matching_items(&parse("Movie.Name.1080p.WEB-DL")),
        vec![3, 5, 9]
    );
    assert_eq!(
        matcher.matching_items(&parse("Movie.Name.2020.1080p.WEB-DL")),
        vec![3, 9]
    );
    assert_eq!(
        matcher.matching_items(&parse("Movie.Name.S01E01.1080p.WEB-DL")),
        vec![4]
    );
    assert_eq!(
        matcher.matching_items(&parse("Unrelated.2020.1080p")),
        Vec::<i64>::new()
    );
}

#[test]
fn an_empty_title_matches_nothing() {
    let items = [
        item(1, "   ", ItemKind::Movie, None),
        item(2, "アニメ", ItemKind::Series, None),
    ];
    let matcher = Matcher::new(&items);
    assert_eq!(
        matcher.matching_items(&parse("1080p.x264-GRP")),
        Vec::<i64>::new()
    );
    assert_eq!(
        matcher.matching_items(&parse("庆余年 第二季 第3集")),
        Vec::<i64>::new()
    );
    assert!(!matches(&items[0], &parse("")));
}

// --- matching series ---

#[test]
fn a_series_matches_episodes_and_packs_without_a_from_point() {
    let show = series("The Office");
    assert!(is_release_of(&show, "The.Office.US.S05E14.720p.WEB-DL"));
    assert!(is_release_of(
        &show,
        "The.Office.(US).1x03.Health.Care.HDTV.XviD-LOL"
    ));
    assert!(is_release_of(&show, "The Office S01 1080p BluRay"));
    // A country in title case is part of a title.
    assert!(!is_release_of(
        &series("This Is"),
        "This.Is.Us.S01E01.1080p.WEB"
    ));
}

#[test]
fn episodes_before_the_from_point_do_not_match() {
    let show = series_from("Severance", 2, Some(3));
    assert!(is_release_of(&show, "Severance.S02E05.1080p.WEB-DL"));
    assert!(is_release_of(&show, "Severance.S02E03.1080p.WEB-DL"));
    assert!(!is_release_of(&show, "Severance.S02E02.1080p.WEB-DL"));
    assert!(!is_release_of(&show, "Severance.S01E09.1080p.WEB-DL"));
    assert!(is_release_of(&show, "Severance.S03E01.1080p.WEB-DL"));
}

#[test]
fn a_multi_episode_release_matches_when_one_of_its_episodes_is_wanted() {
    let show = series_from("Severance", 2, Some(3));
    assert!(is_release_of(&show, "Severance.S02E02-E04.1080p.WEB-DL"));
    assert!(!is_release_of(&show, "Severance.S02E01-E02.1080p.WEB-DL"));
}

#[test]
fn a_season_pack_matches_from_its_season_on() {
    let show = series_from("Severance", 2, Some(3));
    assert!(
        is_release_of(&show, "Severance.S02.1080p.WEB-DL"),
        "the pack of the from season holds the wanted episodes"
    );
    assert!(is_release_of(&show, "Severance.S03.1080p.WEB-DL"));
    assert!(!is_release_of(&show, "Severance.S01.1080p.WEB-DL"));
    assert!(is_release_of(&show, "Severance.S01-S03.1080p.BluRay"));
    assert!(is_release_of(
        &show,
        "Severance.COMPLETE.SERIES.1080p.BluRay"
    ));
}

#[test]
fn a_from_season_alone_starts_at_its_first_episode() {
    let show = series_from("Severance", 2, None);
    assert!(is_release_of(&show, "Severance.S02E01.1080p.WEB-DL"));
    assert!(!is_release_of(&show, "Severance.S01E09.1080p.WEB-DL"));
}

#[test]
fn dated_episodes_and_specials_pass_any_from_point() {
    let show = series_from("The Daily Show", 29, Some(40));
    assert!(is_release_of(
        &show,
        "The.Daily.Show.2024.03.15.Guest.Name.720p.WEB.h264-EDITH"
    ));
    assert!(is_release_of(
        &series_from("Doctor Who", 14, None),
        "Doctor.Who.2023.Christmas.Special.1080p.WEB"
    ));
}

#[test]
fn a_trailing_number_is_read_as_an_episode_only_for_a_series() {
    let items = [
        item(1, "Show Name", ItemKind::Series, None),
        item(2, "Show Name", ItemKind::Movie, None),
    ];
    let matcher = Matcher::new(&items);
    assert_eq!(
        matcher.matching_items(&parse("[Group Name] Show Name 13")),
        vec![1]
    );
    assert_eq!(
        matcher.matching_items(&parse("Show Name 445 VOSTFR par Fansub")),
        vec![1]
    );
    // A film with a year is a film: `Bad Santa 2` is not episode 2 of "Bad Santa".
    assert!(!is_release_of(
        &series("Bad Santa"),
        "Bad.Santa.2.2016.1080p.BluRay"
    ));
    // The longer title wins when it is on the watchlist.
    let items = [
        item(1, "FooBar", ItemKind::Series, None),
        item(2, "FooBar 7", ItemKind::Movie, None),
    ];
    assert_eq!(
        Matcher::new(&items).matching_items(&parse("FooBar.7.PDTV-FlexGet")),
        vec![2]
    );
}

#[test]
fn absolute_episode_numbers_count_as_season_one() {
    assert!(is_release_of(
        &series_from("One Piece", 1, Some(600)),
        "[ISLAND]One_Piece_679_[VOSTFR]_[720p]"
    ));
    assert!(!is_release_of(
        &series_from("One Piece", 1, Some(700)),
        "[ISLAND]One_Piece_679_[VOSTFR]_[720p]"
    ));
}

// --- quality ---

#[test]
fn quality_ranks_resolution_first_then_source() {
    let ranked = [
        "Movie.2020.2160p.WEBRip.x265-GRP",
        "Movie.2020.1080p.BluRay.REMUX.AVC-GRP",
        "Movie.2020.1080p.BluRay.x264-GRP",
        "Movie.2020.1080p.WEB-DL.x264-GRP",
        "Movie.2020.1080p.WEBRip.x264-GRP",
        "Movie.2020.1080p.HDTV.x264-GRP",
        "Movie.2020.1080p.CAM.x264-GRP",
        "Movie.2020.720p.BluRay.x264-GRP",
        "Movie.2020.DVDRip.XviD-GRP",
    ];
    let scores: Vec<i64> = ranked
        .iter()
        .map(|name| quality_score(&parse(name)))
        .collect();
    for (pair, names) in scores.windows(2).zip(ranked.windows(2)) {
        assert!(
            pair[0] > pair[1],
            "{} ({}) should rank above {} ({})",
            names[0],
            pair[0],
            names[1],
            pair[1]
        );
    }
}

#[test]
fn a_proper_is_the_same_quality() {
    let plain = quality_score(&parse("Show.S01E01.1080p.WEB-DL.x264-GRP"));
    let proper = quality_score(&parse("Show.S01E01.PROPER.1080p.WEB-DL.x264-GRP"));
    assert_eq!(proper, plain);
}

#[test]
fn releases_rank_by_quality_then_seeders_then_newer() {
    let r = |quality, seeders, published_at| Rank {
        quality,
        seeders,
        published_at,
    };
    let mut releases = vec![
        r(410, Some(5), Some(100)),
        r(410, Some(50), Some(50)),
        r(611, None, Some(10)),
        r(410, Some(5), Some(200)),
        r(410, None, Some(300)),
    ];
    releases.sort_by(rank);
    assert_eq!(
        releases,
        vec![
            r(611, None, Some(10)),
            r(410, Some(50), Some(50)),
            r(410, Some(5), Some(200)),
            r(410, Some(5), Some(100)),
            r(410, None, Some(300)),
        ]
    );
}

#[test]
fn explain_says_which_rule_decided() {
    let v = explain(
        &movie("Dune", Some(2021)),
        &parse("Dune.1984.1080p.BluRay.x264-OLD"),
    );
    assert!(!v.matches);
    assert!(
        v.reason.contains("1984") && v.reason.contains("2021"),
        "{}",
        v.reason
    );

    let v = explain(
        &movie("Dune", Some(2021)),
        &parse("Dune.Part.Two.2024.1080p.WEB-DL-GRP"),
    );
    assert!(!v.matches);
    assert!(v.reason.contains("not \"Dune\""), "{}", v.reason);

    let v = explain(
        &series_from("Severance", 2, Some(3)),
        &parse("Severance.S02E01.1080p.WEB.h264-GRP"),
    );
    assert!(!v.matches);
    assert!(v.reason.contains("S02E01 is before S02E03"), "{}", v.reason);

    let v = explain(
        &series("Severance"),
        &parse("Severance.2022.1080p.WEB.h264-GRP"),
    );
    assert!(!v.matches);
    assert!(v.reason.contains("movie"), "{}", v.reason);

    let v = explain(
        &movie("Dune", Some(2021)),
        &parse("Dune.2021.2160p.WEB-DL.x265-GRP"),
    );
    assert!(v.matches);
    assert!(v.reason.contains("same year (2021)"), "{}", v.reason);
}

#[test]
fn explain_and_matches_always_agree() {
    let items = [
        movie("Dune", Some(2021)),
        movie("Dune Part Two", None),
        series("Severance"),
        series_from("The Last of Us", 2, Some(3)),
    ];
    let names = [
        "Dune.2021.1080p.WEB-DL.H264-GRP",
        "Dune.Part.Two.2024.2160p.WEB-DL.DDP5.1.Atmos.H.265-FLUX",
        "Severance.S02E01.1080p.WEB.h264-GRP",
        "Severance.S01.COMPLETE.1080p.WEB-DL-GRP",
        "The.Last.of.Us.S02E02.1080p.WEB.h264-GRP",
        "The.Last.of.Us.S02E03.1080p.WEB.h264-GRP",
        "The.Last.of.Us.S03.1080p.WEB.h264-GRP",
        "Dune.1984.720p.BluRay",
    ];
    for item in &items {
        for name in names {
            let parsed = parse(name);
            assert_eq!(
                explain(item, &parsed).matches,
                matches(item, &parsed),
                "{} vs {name}",
                item.title
            );
        }
    }
}

#[test]
fn a_released_parser_is_built_again_and_reads_names_the_same() {
    let names = [
        "Dune.Part.Two.2024.2160p.WEB-DL.DDP5.1.Atmos.DV.HDR.H.265-FLUX",
        "The.Office.US.S05E14.Lecture.Circuit.Part.1.720p.NF.WEB-DL.DDP5.1.x264-NTb",
        "[SubsPlease] Frieren - 12 (1080p) [E1A2B3C4].mkv",
        "FooBar.7.PDTV-FlexGet",
    ];
    let before: Vec<ParsedRelease> = names.iter().map(|n| parse(n)).collect();
    let kept = super::parse::parser();
    release_parser();
    let rebuilt = super::parse::parser();
    assert!(
        !std::sync::Arc::ptr_eq(&kept, &rebuilt),
        "release_parser let go of the parser, so a new one was built"
    );
    let after: Vec<ParsedRelease> = names.iter().map(|n| parse(n)).collect();
    assert_eq!(before, after);
    assert_eq!(
        after[3].source.as_deref(),
        Some("PDTV"),
        "the added sources survive a rebuild"
    );
}
