#!/usr/bin/env python3
"""Writes items.json, releases.txt and truth.json of the held-out set from the lists below.

Each release is written with the keys of the items it is *of* (the intended title, kind and year, read by a
person); decoys list none. Run from this directory: `python3 make.py`.
"""

import json

# key: (title, kind, year or None)
ITEMS = {
    # movies
    "br2049": ("Blade Runner 2049", "movie", 2017),
    "br": ("Blade Runner", "movie", 1982),
    "m1917": ("1917", "movie", 2019),
    "dune21": ("Dune", "movie", 2021),
    "dune84": ("Dune", "movie", 1984),
    "dune2": ("Dune: Part Two", "movie", 2024),
    "mi7": ("Mission: Impossible - Dead Reckoning Part One", "movie", 2023),
    "spiderverse": ("Spider-Man: Across the Spider-Verse", "movie", 2023),
    "amelie": ("Amélie", "movie", 2001),
    "crouching": ("Crouching Tiger, Hidden Dragon", "movie", 2000),
    "pans": ("Pan's Labyrinth", "movie", 2006),
    "ff6": ("Fast & Furious 6", "movie", 2013),
    "ff": ("Fast & Furious", "movie", 2009),
    "se7en": ("Se7en", "movie", 1995),
    "oppen": ("Oppenheimer", "movie", 2023),
    "parasite": ("Parasite", "movie", 2019),
    "matrix": ("The Matrix", "movie", 1999),
    "eeaao": ("Everything Everywhere All at Once", "movie", 2022),
    "spirited": ("Spirited Away", "movie", 2001),
    "leon": ("Léon: The Professional", "movie", 1994),
    "lotr1": ("The Lord of the Rings: The Fellowship of the Ring", "movie", 2001),
    "topgun2": ("Top Gun: Maverick", "movie", 2022),
    "walle": ("WALL-E", "movie", 2008),
    "madmax": ("Mad Max: Fury Road", "movie", 2015),
    "knives": ("Knives Out", "movie", 2019),
    "diehard": ("Die Hard", "movie", 1988),
    "cloverfield": ("10 Cloverfield Lane", "movie", 2016),
    "jump21": ("21 Jump Street", "movie", 2012),
    "dasboot": ("Das Boot", "movie", 1981),
    "intouch": ("Intouchables", "movie", 2011),
    "anatomie": ("Anatomie d'une chute", "movie", 2023),
    "oldboy": ("Oldboy", "movie", 2003),
    "ghost": ("Ghostbusters", "movie", 1984),
    "yourname": ("Kimi no Na wa", "movie", 2016),
    "poorthings": ("Poor Things", "movie", 2023),
    "inception": ("Inception", "movie", None),
    "oceans11": ("Ocean's Eleven", "movie", 2001),
    "mrsmith05": ("Mr. & Mrs. Smith", "movie", 2005),
    # series
    "sev": ("Severance", "series", None),
    "tlou": ("The Last of Us", "series", None),
    "hotd": ("House of the Dragon", "series", None),
    "shogun": ("Shōgun", "series", 2024),
    "dailyshow": ("The Daily Show", "series", None),
    "lwt": ("Last Week Tonight with John Oliver", "series", None),
    "snl": ("Saturday Night Live", "series", None),
    "frieren": ("Sousou no Frieren", "series", None),
    "jjk": ("Jujutsu Kaisen", "series", None),
    "kny": ("Kimetsu no Yaiba", "series", None),
    "csm": ("Chainsaw Man", "series", None),
    "spyfam": ("Spy x Family", "series", None),
    "casa": ("La Casa de Papel", "series", None),
    "dark": ("Dark", "series", None),
    "lupin": ("Lupin", "series", None),
    "narcos": ("Narcos", "series", None),
    "boys": ("The Boys", "series", None),
    "n911": ("9-1-1", "series", None),
    "s24": ("24", "series", None),
    "bear": ("The Bear", "series", None),
    "omitb": ("Only Murders in the Building", "series", None),
    "lo": ("Law & Order", "series", None),
    "svu": ("Law & Order: Special Victims Unit", "series", None),
    "snw": ("Star Trek: Strange New Worlds", "series", None),
    "mando": ("The Mandalorian", "series", None),
    "witcher": ("The Witcher", "series", None),
    "bluey": ("Bluey", "series", None),
    "lasso": ("Ted Lasso", "series", None),
    "succession": ("Succession", "series", None),
    "squid": ("Squid Game", "series", None),
    "sololev": ("Solo Leveling", "series", None),
    "sunny": ("It's Always Sunny in Philadelphia", "series", None),
    "mrsmith24": ("Mr. & Mrs. Smith", "series", 2024),
    "babylon": ("Babylon Berlin", "series", None),
    "conan": ("Detective Conan", "series", None),
    # round 2
    "killbill1": ("Kill Bill: Vol. 1", "movie", 2003),
    "killbill2": ("Kill Bill: Vol. 2", "movie", 2004),
    "hp7a": ("Harry Potter and the Deathly Hallows: Part 1", "movie", 2010),
    "m3gan": ("M3GAN", "movie", 2022),
    "tenthings": ("10 Things I Hate About You", "movie", 1999),
    "m300": ("300", "movie", 2006),
    "us": ("Us", "movie", 2019),
    "it": ("It", "movie", 2017),
    "fackju": ("Fack ju Göhte", "movie", 2013),
    "turkisch": ("Türkisch für Anfänger", "movie", 2012),
    "imwesten": ("Im Westen nichts Neues", "movie", 2022),
    "district9": ("District 9", "movie", 2009),
    "apollo13": ("Apollo 13", "movie", 1995),
    "godzillakong": ("Godzilla vs. Kong", "movie", 2021),
    "xmendofp": ("X-Men: Days of Future Past", "movie", 2014),
    "s1923": ("1923", "series", None),
    "swat": ("S.W.A.T.", "series", None),
    "station19": ("Station 19", "series", None),
    "catch22": ("Catch-22", "series", None),
    "mash": ("M*A*S*H", "series", None),
    "b99": ("Brooklyn Nine-Nine", "series", None),
    "moneyheist": ("Money Heist", "series", None),
    "parasitekr": ("Gisaengchung", "movie", 2019),
    "mi1": ("Mission: Impossible", "movie", None),
    "spiderman": ("Spider-Man", "movie", 2002),
}

# release name: item keys it is of ("" = a decoy, of no item)
RELEASES = """
Blade.Runner.2049.2017.1080p.BluRay.x264-SPARKS[rarbg] | br2049
Blade Runner 2049 (2017) [2160p] [4K] [BluRay] [5.1] [YTS.MX] | br2049
Blade.Runner.2049.1080p.WEB-DL.DD5.1.H264-FGT | br2049
Blade.Runner.2049.2017.German.DL.1080p.BluRay.x264-DETAiLS | br2049
Blade.Runner.2049.2017.MULTi.2160p.UHD.BluRay.x265-QTZ | br2049
Blade.Runner.1982.The.Final.Cut.1080p.BluRay.x264-AMIABLE | br
Blade Runner (1982) Final Cut 720p BrRip x264 - YIFY | br
Blade.Runner.1982.REMASTERED.2160p.UHD.BluRay.x265-TERMiNAL | br
1917.2019.1080p.BluRay.x264-SPARKS | m1917
1917 (2019) [1080p] [BluRay] [5.1] [YTS.MX] | m1917
1917.2019.2160p.UHD.BluRay.x265.10bit.HDR.TrueHD.7.1.Atmos-TERMiNAL | m1917
1917.2019.German.DL.720p.BluRay.x264-DETAiLS | m1917
1917.1080p.WEB-DL.DD5.1.H264-FGT | m1917
Dune.2021.1080p.WEBRip.x264-RARBG | dune21
Dune.2021.German.DL.2160p.UHD.BluRay.HDR.x265-NIMA | dune21
Dune (2021) [2160p] [4K] [WEB] [5.1] [YTS.MX] | dune21
Dune.2021.PROPER.1080p.WEB.H264-NAISU | dune21
Dune.1984.EXTENDED.1080p.BluRay.x264-HD4U | dune84
Dune 1984 REMASTERED 720p BluRay DTS x264-CtrlHD | dune84
Dune.1080p.BluRay.x264-OFT | dune21 dune84
Dune.Part.Two.2024.2160p.WEB-DL.DDP5.1.Atmos.DV.HDR.H.265-FLUX | dune2
Dune: Part Two (2024) [1080p] [WEBRip] [5.1] [YTS.MX] | dune2
Dune.Part.Two.2024.MULTi.1080p.WEB.H264-FW | dune2
Dune Part Two 2024 1080p AMZN WEB-DL DDP5 1 Atmos H 264-FLUX | dune2
Mission.Impossible.Dead.Reckoning.Part.One.2023.1080p.WEB.H264-PRIMETiME | mi7
Mission Impossible - Dead Reckoning Part One (2023) [1080p] [WEBRip] [5.1] [YTS.MX] | mi7
Mission.Impossible.Dead.Reckoning.Part.One.2023.iNTERNAL.2160p.WEB.H265-DEFLATE | mi7
Spider-Man.Across.the.Spider-Verse.2023.1080p.WEBRip.x264-RARBG | spiderverse
Spider Man Across The Spider Verse 2023 2160p AMZN WEB-DL DDP5 1 Atmos H 265-FLUX | spiderverse
Spider-Man: Across the Spider-Verse (2023) [720p] [WEBRip] [YTS.MX] | spiderverse
Spider-Man.Across.the.Spider-Verse.2023.German.DL.EAC3.1080p.AMZN.WEB.H264-ZeroTwo | spiderverse
Amelie.2001.FRENCH.1080p.BluRay.x264-LOST | amelie
Amélie (2001) 1080p BluRay AAC 5.1 FRENCH | amelie
Amelie.2001.REMASTERED.1080p.BluRay.x264-USURY | amelie
Crouching.Tiger.Hidden.Dragon.2000.REMASTERED.CHINESE.1080p.BluRay.x264-KiNGS | crouching
Crouching Tiger, Hidden Dragon (2000) [1080p] [BluRay] [YTS.AM] | crouching
Crouching.Tiger.Hidden.Dragon.2000.720p.BluRay.DTS.x264-CtrlHD | crouching
Pans.Labyrinth.2006.1080p.BluRay.x264-CiNEFiLE | pans
Pan's Labyrinth (2006) [720p] [BluRay] [YTS.MX] | pans
Pans.Labyrinth.2006.SPANISH.2160p.UHD.BluRay.x265-WhiteRhino | pans
Fast.and.Furious.6.2013.EXTENDED.1080p.BluRay.x264-SPARKS | ff6
Fast & Furious 6 (2013) 1080p BrRip x264 - YIFY | ff6
Fast.And.Furious.6.2013.German.DL.1080p.BluRay.x264-EXQUiSiTE | ff6
Fast.and.Furious.2009.1080p.BluRay.x264-HD1080 | ff
Fast & Furious (2009) [720p] [BluRay] [YTS.MX] | ff
Se7en.1995.REMASTERED.1080p.BluRay.x264-AMIABLE | se7en
Se7en (1995) [2160p] [4K] [BluRay] [5.1] [YTS.MX] | se7en
Se7en.1995.German.DL.1080p.BluRay.AVC-UNTAVCHED | se7en
Oppenheimer.2023.IMAX.2160p.UHD.BluRay.x265-SURCODE | oppen
Oppenheimer 2023 1080p BluRay DDP5.1 x265 10bit-GalaxyRG265 | oppen
Oppenheimer.2023.iNTERNAL.1080p.BluRay.x264-HDEX | oppen
Oppenheimer.2023.MULTi.VFF.2160p.UHD.BluRay.x265-QTZ | oppen
Oppenheimer.2023.German.DL.1080p.BluRay.x264-DETAiLS | oppen
Parasite.2019.KOREAN.1080p.BluRay.x264-WiKi | parasite
Parasite (2019) [BluRay] [1080p] [YTS.AM] | parasite
Parasite.2019.BLACK.AND.WHITE.1080p.BluRay.x264-USURY | parasite
Parasite.2019.German.DL.720p.BluRay.x264-ROCKEFELLER | parasite
The.Matrix.1999.REMASTERED.1080p.BluRay.x264-AMIABLE | matrix
The Matrix 1999 2160p UHD BluRay x265 10bit HDR TrueHD 7.1 Atmos-DON | matrix
The Matrix (1999) [1080p] [BluRay] [YTS.MX] | matrix
The_Matrix_1999_720p_BluRay_x264 | matrix
Everything.Everywhere.All.at.Once.2022.1080p.WEB-DL.DDP5.1.H.264-EVO | eeaao
Everything Everywhere All At Once (2022) [2160p] [4K] [WEB] [5.1] [YTS.MX] | eeaao
Everything.Everywhere.All.At.Once.2022.MULTi.1080p.BluRay.x264-Ulysse | eeaao
Spirited.Away.2001.JAPANESE.1080p.BluRay.x264.DTS-FGT | spirited
Spirited Away (2001) [1080p] [BluRay] [5.1] [YTS.MX] | spirited
Spirited.Away.2001.REPACK.720p.BluRay.x264-DON | spirited
Leon.The.Professional.1994.EXTENDED.1080p.BluRay.x264-SiNNERS | leon
Léon The Professional (1994) Extended 1080p BrRip x264 - YIFY | leon
Leon.The.Professional.1994.Theatrical.Cut.2160p.UHD.BluRay.x265-B0MBARDiERS | leon
The.Lord.of.the.Rings.The.Fellowship.of.the.Ring.2001.EXTENDED.1080p.BluRay.x264-FLAME | lotr1
The Lord of the Rings: The Fellowship of the Ring (2001) Extended 2160p UHD BluRay x265 | lotr1
The.Lord.Of.The.Rings.The.Fellowship.Of.The.Ring.2001.German.DL.1080p.BluRay.x264-SAiNT | lotr1
Top.Gun.Maverick.2022.1080p.WEBRip.x264-RARBG | topgun2
Top Gun: Maverick (2022) IMAX 2160p WEB-DL DDP5.1 Atmos x265 | topgun2
Top.Gun.Maverick.2022.IMAX.German.DL.2160p.WEB.H265-WAYNE | topgun2
WALL-E.2008.1080p.BluRay.x264-CiNEFiLE | walle
WALL E 2008 720p BluRay DTS x264-ESiR | walle
Wall-E (2008) [1080p] [YTS.AG] | walle
Mad.Max.Fury.Road.2015.1080p.BluRay.x264-SPARKS | madmax
Mad.Max.Fury.Road.2015.BLACK.AND.CHROME.EDITION.1080p.BluRay.x264-GUACAMOLE | madmax
Mad Max: Fury Road (2015) [2160p] [4K] [BluRay] [7.1] [YTS.MX] | madmax
Knives.Out.2019.1080p.BluRay.x264-SPARKS | knives
Knives Out (2019) [720p] [BluRay] [YTS.MX] | knives
Knives.Out.2019.MULTi.1080p.BluRay.x264-LOST | knives
Die.Hard.1988.REMASTERED.1080p.BluRay.x264-DEPTH | diehard
Die Hard 1988 2160p UHD BluRay x265-B0MBARDiERS | diehard
Die_Hard_1988_720p_BluRay_x264-SiNNERS | diehard
10.Cloverfield.Lane.2016.1080p.BluRay.x264-SPARKS | cloverfield
10 Cloverfield Lane (2016) [1080p] [YTS.AG] | cloverfield
10.Cloverfield.Lane.2016.German.DL.AC3.720p.BluRay.x264-COiNCiDENCE | cloverfield
21.Jump.Street.2012.1080p.BluRay.x264-SPARKS | jump21
21 Jump Street 2012 720p BRRip XviD AC3-RARBG | jump21
21.Jump.Street.2012.UNRATED.1080p.BluRay.x264-GECKOS | jump21
Das.Boot.1981.Directors.Cut.GERMAN.1080p.BluRay.x264-DETAiLS | dasboot
Das Boot (1981) German DTS 1080p BluRay x264 | dasboot
Das.Boot.1981.Theatrical.Cut.720p.BluRay.x264-CLASSiC | dasboot
Intouchables.2011.FRENCH.1080p.BluRay.x264-LOST | intouch
Intouchables.AKA.The.Intouchables.2011.720p.BluRay.x264-AMIABLE | intouch
Intouchables (2011) 1080p BluRay FR DTS x264 | intouch
Anatomie.d.une.chute.2023.FRENCH.1080p.WEB.H264-FW | anatomie
Anatomie d'une chute (2023) 1080p WEB-DL x264 AAC FR | anatomie
Anatomie.D.Une.Chute.2023.MULTi.2160p.UHD.BluRay.x265-QTZ | anatomie
Oldboy.2003.KOREAN.1080p.BluRay.x264-REGRET | oldboy
Oldboy (2003) [1080p] [BluRay] [YTS.MX] | oldboy
Oldboy.2003.REMASTERED.2160p.UHD.BluRay.x265-WhiteRhino | oldboy
Ghostbusters.1984.REMASTERED.1080p.BluRay.x264-DEPTH | ghost
Ghostbusters (1984) [2160p] [4K] [BluRay] [5.1] [YTS.MX] | ghost
Ghostbusters.1984.German.DL.1080p.BluRay.x264-DETAiLS | ghost
Kimi.no.Na.wa.2016.JAPANESE.1080p.BluRay.x264-WiKi | yourname
Kimi no Na wa (2016) [BDRip 1920x1080 x264 FLAC] | yourname
[Beatrice-Raws] Kimi no Na wa. 2016 [BDRip 1920x1080 x264 FLAC] | yourname
Poor.Things.2023.1080p.WEB.H264-SPARKS | poorthings
Poor Things 2023 SPANiSH 1080p WEB-DL x264 | poorthings
Poor.Things.2023.2160p.DSNP.WEB-DL.DDP5.1.Atmos.DV.HDR.H.265-FLUX | poorthings
Inception.2010.1080p.BluRay.x264-REFiNED | inception
Inception (2010) [2160p] [4K] [BluRay] [5.1] [YTS.MX] | inception
Inception.2010.German.DL.1080p.BluRay.x264-iMPERiUM | inception
Oceans.Eleven.2001.1080p.BluRay.x264-SiNNERS | oceans11
Ocean's Eleven (2001) 720p BrRip x264 - YIFY | oceans11
Oceans.Eleven.2001.REMASTERED.2160p.UHD.BluRay.x265-B0MBARDiERS | oceans11
Mr.and.Mrs.Smith.2005.DC.1080p.BluRay.x264-SiNNERS | mrsmith05
Mr. & Mrs. Smith (2005) 1080p BrRip x264 - YIFY | mrsmith05
Mr.And.Mrs.Smith.2005.UNRATED.720p.BluRay.x264-CtrlHD | mrsmith05
Severance.S02E05.1080p.ATVP.WEB-DL.DDP5.1.H.264-NTb | sev
Severance S02E10 Cold Harbor 2160p ATVP WEB-DL DDP5 1 Atmos DV HDR H 265-FLUX | sev
Severance.S01.COMPLETE.1080p.ATVP.WEB-DL.DDP5.1.H.264-NTb | sev
Severance.Season.2.Complete.720p.ATVP.WEBRip.x264-GalaxyTV | sev
severance.s02e03.720p.web.h264-successfulcrab | sev
Severance.S02E01.German.DL.1080p.WEB.h264-WvF | sev
The.Last.of.Us.S02E01.1080p.WEB.H264-SuccessfulCrab[eztv.re] | tlou
The Last of Us S01E01 When You're Lost in the Darkness 1080p HMAX WEB-DL DDP5 1 Atmos H 264-SMURF | tlou
The_Last_of_Us_S01E09_720p_HMAX_WEB-DL | tlou
The.Last.of.Us.S01E01E02.1080p.BluRay.x264-BROADCAST | tlou
The Last of Us - S02E07 - Convergence [1080p] | tlou
The.Last.of.Us.S01.COMPLETE.2160p.BluRay.x265-BROADCAST | tlou
House.of.the.Dragon.S02E08.2160p.MAX.WEB-DL.x265.10bit.HDR.DDP5.1.Atmos-FLUX | hotd
House of the Dragon - S01E10 - The Black Queen [1080p] | hotd
www.Torrenting.com   -    House.of.the.Dragon.S02E01.1080p.WEB.h264-ETHEL | hotd
[ www.Speed.cd ] -House.of.the.Dragon.S02E03.720p.WEB.x265-MiNX | hotd
House.of.the.Dragon.S01.1080p.BluRay.x264-BROADCAST | hotd
House.of.the.Dragon.S02E04.REPACK.1080p.WEB.H264-SuccessfulCrab | hotd
Shogun.2024.S01E05.1080p.DSNP.WEB-DL.DDP5.1.H.264-NTb | shogun
Shōgun.S01E10.A.Dream.of.a.Dream.2160p.DSNP.WEB-DL.DDP5.1.DV.HDR.H.265-FLUX | shogun
Shogun (2024) S01 1080p DSNP WEB-DL x265 10bit | shogun
Shogun.2024.S01E03.German.DL.720p.WEB.h264-WvF | shogun
The.Daily.Show.2024.05.17.Jon.Stewart.720p.WEB.h264-EDITH | dailyshow
The Daily Show - 2024-06-03 - Jordan Klepper [1080p] | dailyshow
The.Daily.Show.2024.03.11.Ronny.Chieng.1080p.WEB.h264-EDITH[eztv.re] | dailyshow
The.Daily.Show.S29E45.720p.WEB.h264-EDITH | dailyshow
Last.Week.Tonight.with.John.Oliver.S11E14.720p.WEB.h264-EDITH[eztv.re] | lwt
Last.Week.Tonight.With.John.Oliver.2024.05.19.1080p.WEB.h264-EDITH | lwt
Last Week Tonight with John Oliver S10E25 1080p AMZN WEB-DL DDP2 0 H 264-NTb | lwt
Saturday.Night.Live.2024.05.18.Jake.Gyllenhaal.720p.WEB.h264-EDITH | snl
Saturday Night Live S49E21 1080p WEB h264-EDITH | snl
Saturday.Night.Live.S50E01.Nate.Bargatze.1080p.WEB.h264-EDITH | snl
[SubsPlease] Sousou no Frieren - 07 (1080p) [F02B9CB3].mkv | frieren
[Erai-raws] Sousou no Frieren - 28 [1080p][Multiple Subtitle][ENG][POR-BR] | frieren
Sousou.no.Frieren.S01E15.1080p.CR.WEB-DL.AAC2.0.H.264-VARYG | frieren
[Judas] Sousou no Frieren - S01E01 [1080p][HEVC x265 10bit][Multi-Subs] | frieren
[EMBER] Sousou no Frieren (2023) (Season 1) [1080p] [Dual Audio HEVC WEBRip] | frieren
[SubsPlease] Jujutsu Kaisen - 47 (1080p) [5B2F3A11] | jjk
Jujutsu.Kaisen.S02E23.1080p.NF.WEB-DL.AAC2.0.H.264-VARYG | jjk
[ASW] Jujutsu Kaisen - 41 [1080p HEVC][1F0B5E4A] | jjk
Jujutsu Kaisen S02 1080p Dual Audio WEBRip 10 bits AAC x265-EMBER | jjk
[SubsPlease] Kimetsu no Yaiba - Hashira Geiko-hen - 08 (1080p) [F1A2B3C4] | kny
Kimetsu.no.Yaiba.S04E08.1080p.WEB.H264-SKYANiME | kny
[Erai-raws] Kimetsu no Yaiba - Katanakaji no Sato-hen - 11 END [1080p][Multiple Subtitle] | kny
[Erai-raws] Chainsaw Man - 12 END [1080p][Multiple Subtitle] | csm
Chainsaw.Man.S01E05.1080p.CR.WEB-DL.AAC2.0.H.264-VARYG | csm
[SubsPlease] Chainsaw Man - 03 (720p) [7D6E2C11] | csm
[SubsPlease] Spy x Family S2 - 12 (1080p) [A1B2C3D4] | spyfam
Spy.x.Family.S02E05.1080p.WEB.H264-SKYANiME | spyfam
[Erai-raws] Spy x Family Season 2 - 03 [1080p][Multiple Subtitle] | spyfam
[SubsPlease] Spy x Family - 25 (1080p) [9F8E7D6C] | spyfam
La.Casa.De.Papel.S05E10.SPANISH.1080p.NF.WEB-DL.DDP5.1.x264-NTb | casa
La Casa De Papel S03 COMPLETE 720p NF WEBRip x264-GalaxyTV | casa
La.casa.de.papel.3x05.SPANISH.720p.WEB-DL | casa
La Casa De Papel - Temporada 5 [HDTV 720p][Cap.510][AC3 5.1 Castellano] | casa
Dark.S03E08.GERMAN.DL.720p.WEB.x264-WvF | dark
Dark.S01.COMPLETE.GERMAN.DL.1080p.NF.WEBRip.x264-TVARCHiV | dark
Dark.2017.S02E01.1080p.NF.WEB-DL.DDP5.1.x264-NTG | dark
Dark (2017) Season 3 S03 (1080p NF WEB-DL x265 HEVC 10bit EAC3 5.1 German) | dark
Lupin.2021.S03E01.MULTi.1080p.WEB.H264-FW | lupin
Lupin S02 COMPLETE 720p NF WEBRip x264-GalaxyTV | lupin
Lupin.S01E05.FRENCH.1080p.NF.WEB-DL.DDP5.1.x264-NTb | lupin
Narcos.S03E01.1080p.NF.WEBRip.DD5.1.x264-NTb | narcos
Narcos.1x05.720p.NF.WEBRip.x264 | narcos
Narcos.S01-S03.COMPLETE.1080p.NF.WEB-DL.DDP5.1.x264 | narcos
The.Boys.S04E08.1080p.WEB.H264-SuccessfulCrab | boys
The Boys S04E01 720p WEB x265-MiNX [eztv] | boys
The.Boys.2019.S01.COMPLETE.1080p.AMZN.WEB-DL.DDP5.1.H.264-NTb | boys
The.Boys.S03E06.German.DL.1080p.WEB.x264-WvF | boys
9-1-1.S07E05.1080p.HULU.WEB-DL.DDP5.1.H.264-NTb | n911
9-1-1 S07E10 720p HDTV x264-SYNCOPY | n911
9-1-1.S06.COMPLETE.720p.HULU.WEBRip.x264-GalaxyTV | n911
24.S05E01.720p.BluRay.x264-DEMAND | s24
24 Season 8 COMPLETE 1080p BluRay x264 | s24
24.S01E01.12.00.A.M.-1.00.A.M.720p.BluRay.x264 | s24
The.Bear.S03E01.1080p.HULU.WEB-DL.DDP5.1.H.264-NTb | bear
The Bear S02 1080p DSNP WEB-DL DDP5 1 H 264-NTb | bear
The.Bear.S03E05.REPACK.1080p.WEB.h264-ETHEL | bear
The_Bear_S01E01_System_1080p_HULU_WEB-DL | bear
Only.Murders.in.the.Building.S04E03.1080p.WEB.h264-ETHEL | omitb
Only Murders in the Building - S03E08 - The Show Must [720p] | omitb
Only.Murders.In.The.Building.S02.COMPLETE.720p.HULU.WEBRip.x264-GalaxyTV | omitb
Law.and.Order.S23E05.720p.HDTV.x264-SYNCOPY | lo
Law & Order S22E01 1080p WEB H264-GGEZ | lo
Law.and.Order.S23E09.PROPER.1080p.WEB.h264-ETHEL | lo
Law.and.Order.Special.Victims.Unit.S25E09.1080p.WEB.h264-ETHEL | svu
Law & Order: Special Victims Unit S24E01 720p HDTV x264-SYNCOPY | svu
Law.and.Order.Special.Victims.Unit.S26E03.720p.HDTV.x264-SYNCOPY[eztv.re] | svu
Star.Trek.Strange.New.Worlds.S02E09.1080p.WEB.H264-SuccessfulCrab | snw
Star Trek: Strange New Worlds - S01E01 - Strange New Worlds [1080p] | snw
Star.Trek.Strange.New.Worlds.S03E01.iNTERNAL.720p.WEB.x264-BAE | snw
The.Mandalorian.S03E08.2160p.DSNP.WEB-DL.DDP5.1.Atmos.DV.H.265-FLUX | mando
The Mandalorian 2x08 Chapter 16 The Rescue 1080p DSNP WEB-DL | mando
The.Mandalorian.S02.COMPLETE.1080p.DSNP.WEB-DL.DDP5.1.H.264 | mando
The.Witcher.S03E05.1080p.NF.WEB-DL.DDP5.1.Atmos.H.264-FLUX | witcher
The Witcher S01 1080p NF WEBRip DDP5.1 x265-NTb | witcher
The.Witcher.S02E01.German.DL.1080p.WEB.x264-WvF | witcher
Bluey.2018.S03E45.1080p.WEB.h264-DOLORES | bluey
Bluey S02E01 Dance Mode 720p DSNP WEB-DL | bluey
Bluey.S01.COMPLETE.1080p.WEB-DL.AAC2.0.H.264 | bluey
Ted.Lasso.S03E12.1080p.ATVP.WEB-DL.DDP5.1.H.264-NTb | lasso
Ted Lasso 3x01 720p ATVP WEBRip x264 | lasso
Ted.Lasso.S02E03.PROPER.720p.WEB.h264-GGEZ | lasso
Ted Lasso Season 1-3 Complete 1080p ATVP WEB-DL | lasso
Succession.S04E10.With.Open.Eyes.1080p.AMZN.WEB-DL.DDP5.1.H.264-NTb | succession
Succession S04 COMPLETE 1080p HMAX WEBRip x265-HiQVE | succession
Succession.S03E09.720p.HDTV.x264-SYNCOPY | succession
Squid.Game.S02E01.KOREAN.1080p.NF.WEB-DL.DDP5.1.x264-FLUX | squid
Squid Game S01 MULTi 1080p NF WEB-DL x264 | squid
Squid.Game.S02E07.German.DL.1080p.WEB.h264-WvF | squid
[SubsPlease] Solo Leveling - 12 (1080p) [D5A9E8B1] | sololev
Solo.Leveling.S02E01.1080p.CR.WEB-DL.AAC2.0.H.264-VARYG | sololev
[Erai-raws] Solo Leveling Season 2 - Arise from the Shadow - 05 [1080p][Multiple Subtitle] | sololev
Its.Always.Sunny.in.Philadelphia.S16E08.1080p.WEB.H264-CAKES | sunny
It's Always Sunny in Philadelphia S15E01 720p HDTV x264-SYNCOPY | sunny
Its.Always.Sunny.in.Philadelphia.S01-S15.COMPLETE.720p.WEBRip | sunny
Mr.and.Mrs.Smith.2024.S01E01.1080p.AMZN.WEB-DL.DDP5.1.H.264-FLUX | mrsmith24
Mr. & Mrs. Smith S01 COMPLETE 720p AMZN WEBRip x264-GalaxyTV | mrsmith24
Mr.and.Mrs.Smith.S01E05.German.DL.1080p.WEB.h264-WvF | mrsmith24
Babylon.Berlin.S04E12.German.DL.1080p.WEB.h264-TVARCHiV | babylon
Babylon Berlin S03 COMPLETE 720p NF WEBRip x264-GalaxyTV | babylon
Babylon.Berlin.S01E01.GERMAN.720p.HDTV.x264-ACED | babylon
[Erai-raws] Detective Conan - 1120 [1080p][Multiple Subtitle] | conan
Detective Conan - 1119 [720p] | conan
[SubsPlease] Detective Conan - 1125v2 (1080p) [3A4B5C6D] | conan
Detective.Conan.S01E01.720p.WEB.x264-TWiLiGHT | conan
Blade.Runner.2049.2017.HDR.2160p.WEB.H265-HONOR | br2049
Oppenheimer (2023) 1080p BluRay x264 [Dual Audio] [Hindi DD5.1 + English DD5.1] - MSubs | oppen
www.1TamilMV.ws - House of the Dragon (2024) S02 EP (01-08) - HQ HDRip - 1080p - [Tam + Tel + Hin + Eng] | hotd
www.UIndex.org    -    The Bear S03E07 1080p WEB h264-ETHEL | bear
[ OxTorrent.com ] Dune.Part.Two.2024.TRUEFRENCH.1080p.WEB.H264-FW | dune2
The.Bear.S03E02.Next.1080p.HULU.WEB-DL.DDP5.1.H.264-NTb[TGx] | bear
Severance - S02E04 - Woe's Hollow (1080p ATVP WEB-DL x265 Ghost) | sev
Severance (2022) S02E06 (1080p ATVP WEB-DL x265 10bit EAC3 5.1 Silence) | sev
The Last of Us (2023) S02E03 (1080p MAX WEB-DL x265 10bit EAC3 5.1 Ghost) [QxR] | tlou
Shōgun (2024) - S01E01 - Anjin (1080p DSNP WEB-DL x265 Silence) | shogun
[Anime Time] Spy x Family - 01 [1080p HEVC 10bit x265][AAC][Multi Sub] | spyfam
[Erai-raws] Solo Leveling - 01 ~ 12 [1080p][Multiple Subtitle] | sololev
[SubsPlease] Chainsaw Man (01-12) (1080p) [Batch] | csm
The.Daily.Show.2024.05.20.Josh.Johnson.1080p.WEB.h264-EDITH | dailyshow
Saturday Night Live - 2024-05-11 - Dua Lipa [720p] | snl
The Daily Show 2024 05 16 1080p WEB h264-EDITH | dailyshow
Law.and.Order.S23E07.Freedom.of.Expression.1080p.AMZN.WEB-DL.DDP5.1.H.264-NTb | lo
Spy.x.Family.S02.1080p.CR.WEB-DL.AAC2.0.H.264-VARYG | spyfam
Ocean's.Eleven.2001.1080p.BluRay.x264-HDMI | oceans11
Pan's.Labyrinth.2006.1080p.BluRay.x264-HDMI | pans
Its.Always.Sunny.in.Philadelphia.S16E03.720p.HDTV.x264-SYNCOPY | sunny
Mission Impossible Dead Reckoning Part One 2023 1080p WEBRip x265-KONTRAST | mi7
Knives.Out.2019.iNTERNAL.720p.BluRay.x264-EwDp | knives
Parasite.2019.REPACK.1080p.BluRay.x264-WiKi | parasite
1917 (2019) 1080p BluRay x264 Dual Audio [Hindi DD5.1 + English DD5.1] ESub | m1917
The.Witcher.S03.Vol.2.1080p.NF.WEB-DL.DDP5.1.Atmos.H.264-FLUX | witcher
Squid.Game.2021.S01E01.Red.Light.Green.Light.1080p.NF.WEB-DL.DDP5.1.x264 | squid
Bluey.S03E49.The.Sign.720p.WEB.h264-DOLORES | bluey
Succession.S02E10.This.Is.Not.for.Tears.720p.AMZN.WEB-DL.DDP5.1.H.264-NTb | succession
Dark S03E01 Deja-vu 1080p NF WEB-DL DDP5 1 x264-NTb | dark
Narcos S02 1080p NF WEBRip DD5.1 x264-NTb | narcos
Ted Lasso - 1x01 - Pilot [720p] | lasso
The.Mandalorian.S01E01.Chapter.1.1080p.DSNP.WEB-DL.DDP5.1.H.264-NTb | mando
9-1-1.S07E01.German.DL.720p.WEB.h264-WvF | n911
Kimetsu.no.Yaiba.2019.S01E19.1080p.BluRay.x264-WiKi | kny
La.Casa.de.Papel.Temporada.2.Completa.SPANISH.720p.NF.WEB-DL | casa
Babylon.Berlin.S04.COMPLETE.GERMAN.DL.1080p.WEB.h264-TVARCHiV | babylon
Mr.and.Mrs.Smith.2024.S01.1080p.AMZN.WEB-DL.DDP5.1.H.264-FLUX | mrsmith24
Dune.2021.IMAX.1080p.WEB-DL.DDP5.1.Atmos.H.264-EVO | dune21
Top.Gun.Maverick.2022.REPACK.1080p.WEB-DL.DDP5.1.H.264-EVO | topgun2
The.Last.of.Us.S02E05.Feel.Her.Love.2160p.MAX.WEB-DL.DDP5.1.Atmos.DV.HDR.H.265-FLUX | tlou
Only.Murders.in.the.Building.S04E10.1080p.DSNP.WEB-DL.DDP5.1.H.264-NTb | omitb
The.Boys.S04E03.We'll.Keep.the.Red.Flag.Flying.Here.1080p.AMZN.WEB-DL | boys
House.Of.The.Dragon.S01E05.We.Light.The.Way.720p.HMAX.WEB-DL | hotd
Everything.Everywhere.All.at.Once.2022.German.DL.1080p.WEB.h264-SAUERKRAUT | eeaao
Spirited.Away.2001.MULTi.1080p.BluRay.x264-LOST | spirited
Intouchables.2011.German.DL.1080p.BluRay.x264-DETAiLS | intouch
Detective Conan - 1121 (1080p) [Erai-raws] | conan
[SubsPlease] Sousou no Frieren - 17 (720p) [A7B8C9D0] | frieren
Crouching.Tiger.Hidden.Dragon.2000.MULTi.1080p.BluRay.x264-ULYSSE | crouching
The.Last.of.Us.S01.E03.1080p.HMAX.WEB-DL.DDP5.1.H.264-NTb | tlou
The Last of Us Season 1 Episode 3 Long Long Time 1080p | tlou
Severance.S02.E01-E10.1080p.ATVP.WEB-DL.DDP5.1.H.264-NTb | sev
Narcos - Temporada 3 [HDTV][Cap.301][Español Castellano] | narcos
Dark.S01E01.ITA.ENG.1080p.NF.WEB-DL.DDP5.1.H.264-MeM.GP | dark
Ted.Lasso.S03E01.ITA.ENG.1080p.ATVP.WEB-DL.DDP5.1.H.264-MeM.GP | lasso
The.Bear.S02E01.VOSTFR.1080p.WEB.H264-FW | bear
Severance.S02E01.MULTi.1080p.WEB.H264-FW | sev
The.Witcher.S03E01.PL.1080p.NF.WEB-DL.DDP5.1.x264-FOX | witcher
Amelie.FRENCH.1080p.BluRay.x264-LOST | amelie
Spirited.Away.JAPANESE.1080p.BluRay.x264-WiKi | spirited
Das.Boot.1981.DC.GERMAN.1080p.BluRay.x264-DETAiLS | dasboot
Knives.Out.2019.HYBRID.2160p.UHD.BluRay.x265-TERMiNAL | knives
[Erai-raws] Jujutsu Kaisen 2nd Season - 05 [1080p][Multiple Subtitle] | jjk
[DKB] Jujutsu Kaisen - S02E01 - 25 [1080p][HEVC x265 10bit][Multi-Subs] | jjk
The.Daily.Show.2024-05-17.Jon.Stewart.1080p.WEB.h264-EDITH | dailyshow
Blade.Runner.2049.2017.1080p.BluRay.x264-SPARKS-[PublicHD] | br2049
Oppenheimer.2023.1080p.WEB.H264-Obfuscated | oppen
Mad Max Fury Road (2015) (1080p BluRay x265 HEVC 10bit AAC 7.1 Tigole) | madmax
Se7en.aka.Seven.1995.1080p.BluRay.x264-CiNEFiLE | se7en
The Matrix [1999] [1080p] [BluRay] | matrix
The.Matrix.1999.1080p.BluRay.x264.DTS-WiKi.mkv | matrix
9.1.1.S07E05.720p.HDTV.x264-SYNCOPY | n911
The Bear (2022) - S03E01 - Tomorrow (1080p HULU WEB-DL x265 Silence) | bear
Law & Order - Special Victims Unit - S25E01 - Fractured [1080p] | svu
Star Trek - Strange New Worlds - S02E01 - The Broken Circle [1080p] | snw
Дюна / Dune (2021) BDRip 1080p | Лицензия | dune21
Оппенгеймер / Oppenheimer (2023) WEB-DL 1080p | D | oppen
Сёгун / Shogun [S01] (2024) WEB-DL 1080p | shogun
[HDTime] Dune 2021 1080p BluRay x264 | dune21
[Torrent9.info] Oppenheimer.2023.FRENCH.1080p.WEB.H264 | oppen
Dune Part Two 2024 1080p WEB-DL H264 [Hindi DD5.1 + English DD5.1] ESub | dune2
Squid Game (2021) Season 1 S01 (1080p NF WEB-DL x265 HEVC 10bit EAC3 5.1 Korean - Silence) | squid
Ghostbusters.1080p.BluRay.x264-OFT | ghost
Top.Gun.Maverick.2160p.WEB-DL.DDP5.1.Atmos.DV.H.265-FLUX | topgun2
Poor.Things.SPANiSH.1080p.WEB-DL.x264 | poorthings
Chainsaw.Man.S01.1080p.CR.WEB-DL.AAC2.0.H.264-VARYG | csm
[SubsPlease] Kimetsu no Yaiba - Hashira Geiko-hen (01-08) (1080p) [Batch] | kny
Shogun.S01E04.The.Eightfold.Fence.1080p.DSNP.WEB-DL.DDP5.1.H.264-NTb | shogun
Last.Week.Tonight.With.John.Oliver.S11.1080p.WEB.h264 | lwt
The.Boys.S04.COMPLETE.720p.AMZN.WEBRip.x264-GalaxyTV[TGx] | boys
Succession (2018) S01-S04 (1080p BluRay x265 HEVC 10bit AAC 5.1 Silence) [QxR] | succession
House.of.the.Dragon.S02E06.Smallfolk.1080p.AMZN.WEB-DL.DDP5.1.H.264-NTb | hotd
Lupin.Part.3.MULTi.1080p.NF.WEB-DL | lupin
Kill.Bill.Vol.1.2003.1080p.BluRay.x264-HD1080 | killbill1
Kill Bill Vol 1 (2003) [1080p] [BluRay] [YTS.MX] | killbill1
Kill.Bill.Vol.2.2004.1080p.BluRay.x264-HD1080 | killbill2
Kill Bill: Vol. 2 (2004) 720p BrRip x264 - YIFY | killbill2
Harry.Potter.and.the.Deathly.Hallows.Part.1.2010.1080p.BluRay.x264-EbP | hp7a
Harry Potter and the Deathly Hallows Part 1 (2010) [1080p] [YTS.AG] | hp7a
Harry.Potter.and.the.Deathly.Hallows.Part.2.2011.1080p.BluRay.x264-EbP |
M3GAN.2022.UNRATED.1080p.WEB.H264-NAISU | m3gan
M3GAN (2022) [2160p] [4K] [WEB] [5.1] [YTS.MX] | m3gan
M3GAN.2.0.2025.1080p.WEB.H264-SPARKS |
10.Things.I.Hate.About.You.1999.1080p.BluRay.x264-CiNEFiLE | tenthings
10 Things I Hate About You (1999) [720p] [BluRay] [YTS.MX] | tenthings
300.2006.1080p.BluRay.x264-HDEX | m300
300 (2006) [1080p] [BluRay] [YTS.AG] | m300
300.Rise.of.an.Empire.2014.1080p.BluRay.x264-SPARKS |
Us.2019.1080p.BluRay.x264-SPARKS | us
Us (2019) [2160p] [4K] [BluRay] [5.1] [YTS.MX] | us
It.2017.1080p.BluRay.x264-SPARKS | it
It (2017) [1080p] [BluRay] [5.1] [YTS.MX] | it
It.Chapter.Two.2019.1080p.WEB-DL.DD5.1.H264-FGT |
It.1990.S01E01.720p.BluRay |
It.Follows.2014.1080p.BluRay.x264-SPARKS |
Fack.Ju.Goehte.2013.German.1080p.BluRay.x264-DETAiLS | fackju
Fack Ju Göhte (2013) German 720p BluRay | fackju
Fack.Ju.Goehte.2.2015.German.1080p.BluRay.x264-DETAiLS |
Tuerkisch.fuer.Anfaenger.2012.German.1080p.BluRay.x264-DETAiLS | turkisch
Türkisch für Anfänger 2012 German DL 1080p BluRay | turkisch
Im.Westen.nichts.Neues.2022.GERMAN.DL.1080p.WEB.x264-WvF | imwesten
Im Westen nichts Neues (2022) German DL 2160p NF WEB-DL | imwesten
District.9.2009.1080p.BluRay.x264-HDEX | district9
District.9.720p.BluRay.x264-SiNNERS | district9
District 9 (2009) [1080p] [YTS.AG] | district9
Apollo.13.1995.REMASTERED.1080p.BluRay.x264-AMIABLE | apollo13
Apollo.13.720p.BrRip.x264-YIFY | apollo13
Godzilla.vs.Kong.2021.1080p.WEBRip.x264-RARBG | godzillakong
Godzilla vs. Kong (2021) [2160p] [4K] [WEB] [5.1] [YTS.MX] | godzillakong
Godzilla.x.Kong.The.New.Empire.2024.1080p.WEB.H264-SPARKS |
X-Men.Days.of.Future.Past.2014.Rogue.Cut.1080p.BluRay.x264-SPARKS | xmendofp
X Men Days of Future Past (2014) 1080p BrRip x264 - YIFY | xmendofp
X-Men.Apocalypse.2016.1080p.BluRay.x264-SPARKS |
1923.S02E01.1080p.AMZN.WEB-DL.DDP5.1.H.264-FLUX | s1923
1923 S01E08 720p WEB h264-ETHEL | s1923
1923.S01.COMPLETE.1080p.AMZN.WEB-DL | s1923
1883.S01E01.1080p.AMZN.WEB-DL.DDP5.1.H.264-FLUX |
S.W.A.T.2017.S07E05.1080p.WEB.h264-ETHEL | swat
SWAT.2017.S07E05.720p.HDTV.x264-SYNCOPY | swat
S.W.A.T. S06E01 1080p AMZN WEB-DL | swat
S.W.A.T.2003.1080p.BluRay.x264 |
Station.19.S07E01.1080p.WEB.h264-ETHEL | station19
Station 19 S06E18 720p HDTV x264-SYNCOPY | station19
Catch-22.S01E01.1080p.HULU.WEB-DL.DDP5.1.H.264-NTb | catch22
Catch 22 S01 COMPLETE 720p HULU WEBRip | catch22
Catch-22.1970.1080p.BluRay.x264 |
M.A.S.H.S01E01.Pilot.720p.BluRay.x264 | mash
MASH.S11E16.Goodbye.Farewell.and.Amen.1080p.WEB-DL | mash
M*A*S*H S03 COMPLETE 1080p DSNP WEB-DL | mash
MASH.1970.1080p.BluRay.x264-AMIABLE |
Brooklyn.Nine-Nine.S08E10.1080p.WEB.H264-GGEZ | b99
Brooklyn Nine Nine S07 COMPLETE 720p WEBRip | b99
Money.Heist.AKA.La.Casa.De.Papel.S01E01.1080p.NF.WEB-DL | moneyheist
La.Casa.De.Papel.AKA.Money.Heist.S04.COMPLETE.720p.NF.WEBRip | casa
Money.Heist.S05E01.1080p.NF.WEB-DL.DDP5.1.x264-NTb | moneyheist
Бумажный дом / La Casa de Papel [S01] (2017) WEB-DL 1080p | casa
[桜都字幕组] 葬送的芙莉莲 / Sousou no Frieren [07][1080p][简繁内封] | frieren
[LoliHouse] Sousou no Frieren / 葬送のフリーレン - 07 [WebRip 1080p HEVC-10bit AAC] | frieren
Gisaengchung (Parasite) 2019 1080p BluRay | parasitekr
Parasite (Gisaengchung) 2019 1080p BluRay KOREAN | parasite
Gisaengchung.2019.KOREAN.1080p.BluRay.x264-REGRET | parasitekr
Mission.Impossible.1996.1080p.BluRay.x264-AMIABLE | mi1
Mission: Impossible (1996) [1080p] [BluRay] [YTS.MX] | mi1
Spider-Man.2002.1080p.BluRay.x264-HDEX | spiderman
Spider-Man (2002) [2160p] [4K] [BluRay] [5.1] [YTS.MX] | spiderman
Spider.Man.1080p.BluRay.x264-OFT | spiderman
The.Daily.Show.17th.May.2024.Jon.Stewart.720p.WEB.h264 | dailyshow
Last Week Tonight with John Oliver - May 19, 2024 [1080p] | lwt
Babylon.Berlin.Staffel.4.German.DL.1080p.WEB.x264-TVARCHiV | babylon
Lupin.Saison.3.FRENCH.1080p.NF.WEB-DL.DDP5.1.x264 | lupin
Squid.Game.Stagione.2.ITA.KOR.1080p.NF.WEB-DL | squid
Solo Leveling - 12 [1080p] [Dual Audio] | sololev
[Erai-raws] Jujutsu Kaisen - 01 ~ 24 [1080p][Multiple Subtitle] | jjk
THE.LAST.OF.US.S01E05.1080p.WEB.H264-CAKES | tlou
THE BEAR S03E01 720p HULU WEBRip x264 | bear
The Bear [2022] S03E01 1080p WEB-DL | bear
Succession.The.Complete.Series.1080p.BluRay.x264-GalaxyTV | succession
Narcos.The.Complete.Series.720p.NF.WEBRip.x264 | narcos
Ted.Lasso.Complete.Series.S01-S03.1080p.ATVP.WEB-DL | lasso
Shogun.Episode.5.1080p.DSNP.WEB-DL | shogun
Dark.Staffel.2.Folge.3.German.1080p.NF.WEB-DL | dark
# decoys
Mission: Impossible - Ghost Protocol (2011) [1080p] [BluRay] [YTS.MX] |
Mission Impossible - Rogue Nation (2015) 720p BrRip x264 - YIFY |
Mission: Impossible - Fallout (2018) 2160p UHD BluRay x265 |
Spider-Man - Into the Spider-Verse [1080p] [BluRay] |
Spider-Man - No Way Home (2021) 1080p WEB-DL |
Inception - The Cobol Job (2010) 720p WEB-DL |
Law & Order - Organized Crime - S04E01 - Ladies' Night [1080p] |
The Witcher - Blood Origin - S01E01 - The Long Night [1080p] |
Narcos - Mexico - S01E01 - Camelot [1080p] |
9-1-1 - Lone Star - S05E01 - Hell Bent [720p] |
The Boys Presents - Diabolical - S01E01 - Laser Baby's Day Out [1080p] |
Star Trek - Discovery - S05E01 - Red Directive [1080p] |
Law & Order - Toronto - Criminal Intent - S01E01 [720p] |
Dune - Prophecy - S01E01 - The Hidden Hand [1080p] |
Star Trek - Lower Decks - S05E01 [1080p] |
The Last of Us - Making Of - 2023 1080p |
Spider-Man - Into the Spider-Verse (2018) 1080p BluRay |
Mission Impossible - Fallout (2018) 1080p BluRay |
Blade Runner 2049 - Black Out 2022 (2017) 1080p |
Top Gun (1986) [1080p] [BluRay] [YTS.MX] |
The.Matrix.Revolutions.2003.1080p.BluRay.x264-AMIABLE |
Dune.2000.Frank.Herberts.Dune.S01E01.720p |
Parasite.in.Love.2021.JAPANESE.1080p.WEB |
Oldboy.2013.UNRATED.German.DL.1080p.BluRay.x264 |
Knives.Out.2.2022.1080p.NF.WEB-DL |
Severance.2006.German.DL.720p.BluRay.x264 |
Blade.Runner.Black.Lotus.S01E01.1080p.CR.WEB-DL.AAC2.0.H.264-VARYG |
Dune.Prophecy.S01E01.1080p.WEB.H264-SuccessfulCrab |
Dune.Prophecy.S01.COMPLETE.2160p.MAX.WEB-DL.x265 |
Fast.X.2023.1080p.WEB.H264-SPARKS |
Fast.and.Furious.Presents.Hobbs.and.Shaw.2019.1080p.BluRay.x264-SPARKS |
Fast.Five.2011.EXTENDED.1080p.BluRay.x264-SPARKS |
2.Fast.2.Furious.2003.1080p.BluRay.x264-SPARKS |
The.Fast.and.the.Furious.2001.1080p.BluRay.x264-SPARKS |
Furious.7.2015.EXTENDED.1080p.BluRay.x264-SPARKS |
The.Matrix.Reloaded.2003.1080p.BluRay.x264-AMIABLE |
The.Matrix.Resurrections.2021.1080p.WEB.H264-NAISU |
The.Animatrix.2003.1080p.BluRay.x264-PSYCHD |
To.End.All.War.Oppenheimer.and.the.Atomic.Bomb.2023.1080p.WEB.h264-EDITH |
Parasite.1982.1080p.BluRay.x264-GUACAMOLE |
Oldboy.2013.1080p.BluRay.x264-SPARKS |
Ghostbusters.2016.EXTENDED.1080p.BluRay.x264-DRONES |
Ghostbusters.Afterlife.2021.1080p.WEB.H264-NAISU |
Ghostbusters.Frozen.Empire.2024.1080p.WEB.H264-SPARKS |
Ghostbusters.II.1989.1080p.BluRay.x264-DEPTH |
Die.Hard.2.1990.1080p.BluRay.x264-DEPTH |
Die.Hard.With.A.Vengeance.1995.1080p.BluRay.x264-DEPTH |
A.Good.Day.to.Die.Hard.2013.EXTENDED.1080p.BluRay.x264-SPARKS |
Live.Free.or.Die.Hard.2007.UNRATED.1080p.BluRay.x264-DEPTH |
22.Jump.Street.2014.1080p.BluRay.x264-SPARKS |
Cloverfield.2008.1080p.BluRay.x264-SEPTiC |
The.Cloverfield.Paradox.2018.1080p.WEB.H264-STRiFE |
Top.Gun.1986.REMASTERED.1080p.BluRay.x264-SPARKS |
Glass.Onion.A.Knives.Out.Mystery.2022.1080p.WEB.H264-NAISU |
Mad.Max.1979.1080p.BluRay.x264-AMIABLE |
Furiosa.A.Mad.Max.Saga.2024.1080p.WEB.H264-SPARKS |
Mad.Max.Beyond.Thunderdome.1985.1080p.BluRay.x264-AMIABLE |
Spider-Man.Into.the.Spider-Verse.2018.1080p.BluRay.x264-SPARKS |
Mission.Impossible.Fallout.2018.1080p.BluRay.x264-SPARKS |
Mission.Impossible.The.Final.Reckoning.2025.1080p.WEB.H264-SPARKS |
The.Lord.of.the.Rings.The.Two.Towers.2002.EXTENDED.1080p.BluRay.x264-FLAME |
The.Lord.of.the.Rings.The.Rings.of.Power.S02E01.1080p.WEB.H264-SuccessfulCrab |
A.Knight.of.the.Seven.Kingdoms.S01E01.1080p.WEB.H264-SuccessfulCrab |
The.Last.Kingdom.S05E01.1080p.NF.WEB-DL.DDP5.1.x264-NTb |
Severance.2006.1080p.BluRay.x264-HD1080 |
Shogun.Assassin.1980.1080p.BluRay.x264-CiNEFiLE |
The.Daily.Show.With.Trevor.Noah.2019.03.05.Guest.720p.WEB.x264-TBS |
Jujutsu.Kaisen.0.2021.1080p.BluRay.x264-WiKi |
Chainsaw.Man.The.Movie.Reze.Arc.2025.1080p.WEB.H264-SKYANiME |
Demon.Slayer.Kimetsu.no.Yaiba.The.Movie.Mugen.Train.2020.1080p.BluRay.x264-WiKi |
Spy.x.Family.Code.White.2023.1080p.BluRay.x264-WiKi |
Money.Heist.Korea.Joint.Economic.Area.S01E01.1080p.NF.WEB-DL |
Dark.Matter.2024.S01E01.1080p.ATVP.WEB-DL.DDP5.1.H.264-NTb |
Dark.Winds.S02E01.1080p.AMZN.WEB-DL.DDP5.1.H.264-NTb |
Dark.Desire.S01E01.SPANISH.1080p.NF.WEB-DL |
[Erai-raws] Lupin III - Part 6 - 01 [1080p][Multiple Subtitle] |
Lupin.the.3rd.The.First.2019.1080p.BluRay.x264-WiKi |
Narcos.Mexico.S03E01.1080p.NF.WEB-DL.DDP5.1.x264-NTb |
The.Boys.Presents.Diabolical.S01E01.1080p.AMZN.WEB-DL |
Gen.V.S01E01.1080p.WEB.H264-SuccessfulCrab |
The.Boys.in.the.Band.2020.1080p.NF.WEB-DL.DDP5.1.x264-NTb |
9-1-1.Lone.Star.S05E01.1080p.HULU.WEB-DL.DDP5.1.H.264-NTb |
24.Live.Another.Day.S01E01.720p.HDTV.x264-KILLERS |
24.Legacy.S01E01.720p.HDTV.x264-AVS |
The.Bear.1988.1080p.BluRay.x264-AMIABLE |
Law.and.Order.Organized.Crime.S04E01.1080p.WEB.h264-ETHEL |
Law.and.Order.Toronto.Criminal.Intent.S01E01.720p.HDTV.x264-CROOKS |
Star.Trek.Discovery.S05E01.1080p.WEB.H264-SuccessfulCrab |
The.Witcher.Blood.Origin.S01E01.1080p.NF.WEB-DL |
The.Witcher.Nightmare.of.the.Wolf.2021.1080p.NF.WEB-DL |
Ted.2012.UNRATED.1080p.BluRay.x264-SPARKS |
Ted.S01E01.1080p.PCOK.WEB-DL.DDP5.1.H.264-FLUX |
Squid.Game.The.Challenge.S01E01.1080p.NF.WEB-DL |
Solo.Leveling.ReAwakening.2024.1080p.WEB.H264-SKYANiME |
Oceans.Twelve.2004.1080p.BluRay.x264-SiNNERS |
Oceans.Eleven.1960.1080p.BluRay.x264-CiNEFiLE |
Oceans.8.2018.1080p.BluRay.x264-SPARKS |
Mr.and.Mrs.Smith.1941.1080p.BluRay.x264-CiNEFiLE |
Babylon.5.S01E01.1080p.WEB-DL |
Babylon.2022.1080p.WEB.H264-SPARKS |
Spirited.Away.Live.On.Stage.2022.1080p.WEB.H264-SKYANiME |
Detective.Conan.The.Million-dollar.Pentagram.2024.1080p.BluRay.x264-WiKi |
Inception.The.Cobol.Job.2010.1080p.BluRay.x264-REFiNED |
Das.Boot.2018.S04E01.GERMAN.1080p.WEB.h264-WvF |
Kimi.no.Suizou.wo.Tabetai.2018.1080p.BluRay.x264-WiKi |
Amelie.From.Montmartre.2022.1080p.WEB.H264 |
Blade.Runner.Black.Out.2022.2017.1080p.WEB.H264-HONOR |
"""


def main():
    keys = list(ITEMS)
    items = []
    for key in keys:
        title, kind, year = ITEMS[key]
        item = {"title": title, "kind": kind}
        if year is not None:
            item["year"] = year
        items.append(item)
    names, truth = [], {}
    for line in RELEASES.strip().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _, targets = line.rpartition(" | ") if " | " in line else (line[:-2], "", "")
        name = name.strip()
        if line.rstrip().endswith("|"):
            name, targets = line.rstrip()[:-1].strip(), ""
        assert name not in truth, name
        names.append(name)
        truth[name] = [keys.index(t) for t in targets.split()]
    with open("items.json", "w") as f:
        f.write(json.dumps(items, indent=0, ensure_ascii=False))
    with open("releases.txt", "w") as f:
        f.write("\n".join(names) + "\n")
    with open("truth.json", "w") as f:
        f.write(json.dumps(truth, indent=0, ensure_ascii=False))
    decoys = sum(1 for v in truth.values() if not v)
    print(f"{len(items)} items, {len(names)} releases ({decoys} decoys), {sum(map(len, truth.values()))} pairs")


if __name__ == "__main__":
    main()
