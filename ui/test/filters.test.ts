import { describe, expect, it } from "vitest";
import {
  DEFAULT_SOURCES,
  emptyFilterValues,
  filterValues,
  languageName,
  parseFilterForm,
  splitTerms,
  type FilterFormValues,
} from "../src/filters";

function values(partial: Partial<FilterFormValues>): FilterFormValues {
  return { ...emptyFilterValues(), ...partial };
}

describe("filter inputs become the spec's filters", () => {
  it("an untouched section sends no filter at all", () => {
    expect(parseFilterForm(emptyFilterValues())).toEqual({ filters: {}, errors: {} });
  });

  it("the default sources are every source but the pre-release ones", () => {
    expect(DEFAULT_SOURCES).toEqual(["DVD", "HDTV", "WEBRip", "WEB-DL", "BluRay", "Remux"]);
  });

  it("checking a pre-release source or unchecking a codec sends the list that is checked", () => {
    const { filters } = parseFilterForm(values({ sources: ["CAM", ...DEFAULT_SOURCES], codecs: ["h265", "av1"] }));
    expect(filters.sources).toEqual(["CAM", ...DEFAULT_SOURCES]);
    expect(filters.codecs).toEqual(["h265", "av1"]);
  });

  it("reads every kind of input", () => {
    const { filters, errors } = parseFilterForm(
      values({
        min_resolution: "1080p",
        max_resolution: "2160p",
        sources: ["WEB-DL", "BluRay"],
        min_size_mb: "500",
        max_size_mb: "8000",
        min_seeders: "5",
        protocol: "torrent",
        must_contain: "HDR, /\\bDV\\b/",
        must_not_contain: "HDCAM",
        languages: "English, fr",
        indexers: "3, ExampleTracker",
      }),
    );
    expect(errors).toEqual({});
    expect(filters).toEqual({
      min_resolution: "1080p",
      max_resolution: "2160p",
      sources: ["WEB-DL", "BluRay"],
      min_size_mb: 500,
      max_size_mb: 8000,
      min_seeders: 5,
      protocol: "torrent",
      must_contain: ["HDR", "/\\bDV\\b/"],
      must_not_contain: ["HDCAM"],
      languages: ["english", "french"],
      indexers: [3, "ExampleTracker"],
    });
  });

  it("filterValues shows a stored set the way parseFilterForm reads it back", () => {
    const stored = {
      min_resolution: "720p" as const,
      sources: ["TELESYNC", "WEB-DL"],
      codecs: ["h264"],
      max_size_mb: 4000,
      must_contain: ["/x{1,3}/", "HDR"],
      languages: ["german"],
      indexers: [7, "Other"],
    };
    expect(parseFilterForm(filterValues(stored))).toEqual({ filters: stored, errors: {} });
  });
});

describe("word lists", () => {
  it("split on commas, except inside a /regex/", () => {
    expect(splitTerms("HDR,  DV ,, /a{1,3}/, /x,y/")).toEqual(["HDR", "DV", "/a{1,3}/", "/x,y/"]);
    expect(splitTerms("  ")).toEqual([]);
    expect(splitTerms("/unclosed, word")).toEqual(["/unclosed", "word"]);
  });
});

describe("filter rules mirror ItemFilters::validate", () => {
  it("the maximum resolution must not be below the minimum", () => {
    const { errors } = parseFilterForm(values({ min_resolution: "2160p", max_resolution: "720p" }));
    expect(errors["filters.max_resolution"]).toMatch(/below the minimum resolution \(2160p\)/);
  });

  it("sizes and seeders are whole numbers from 0, and min is not above max", () => {
    expect(parseFilterForm(values({ min_size_mb: "-1" })).errors["filters.min_size_mb"]).toMatch(/between 0 and/);
    expect(parseFilterForm(values({ max_size_mb: "1.5" })).errors["filters.max_size_mb"]).toMatch(/whole number/);
    expect(parseFilterForm(values({ max_size_mb: "99999999" })).errors["filters.max_size_mb"]).toMatch(/10 TiB/);
    expect(parseFilterForm(values({ min_seeders: "2000000" })).errors["filters.min_seeders"]).toMatch(/1000000/);
    const { errors } = parseFilterForm(values({ min_size_mb: "5000", max_size_mb: "100" }));
    expect(errors["filters.max_size_mb"]).toMatch(/below the minimum size \(5000\)/);
  });

  it("a /regex/ must compile, and a word must have letters or digits", () => {
    const bad = parseFilterForm(values({ must_not_contain: "/(unclosed/" })).errors["filters.must_not_contain"];
    expect(bad).toMatch(/^\/\(unclosed\/ is not a valid regular expression/);
    expect(parseFilterForm(values({ must_contain: "//" })).errors["filters.must_contain"]).toMatch(/empty regular/);
    expect(parseFilterForm(values({ must_contain: "!!!" })).errors["filters.must_contain"]).toMatch(/no letters/);
  });

  it("Rust-only regex syntax is left for the engine to judge", () => {
    expect(parseFilterForm(values({ must_contain: "/(?i)remux/, /(?P<g>x)/" })).errors).toEqual({});
  });

  it("languages are names or ISO codes the engine knows", () => {
    expect(languageName("FR")).toBe("french");
    expect(languageName("nb")).toBe("norwegian");
    expect(languageName("Klingon")).toBeNull();
    expect(parseFilterForm(values({ languages: "english, Klingon" })).errors["filters.languages"]).toMatch(
      /"Klingon" is not a language/,
    );
  });

  it("an indexer id is positive", () => {
    expect(parseFilterForm(values({ indexers: "0" })).errors["filters.indexers"]).toMatch(/positive/);
    expect(parseFilterForm(values({ indexers: "-3, Tracker" })).errors["filters.indexers"]).toMatch(/positive/);
  });

  it("at least one source and one codec must stay checked", () => {
    const { errors } = parseFilterForm(values({ sources: [], codecs: [] }));
    expect(errors["filters.sources"]).toMatch(/at least one source/);
    expect(errors["filters.codecs"]).toMatch(/at least one codec/);
  });
});
