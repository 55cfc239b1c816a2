import { describe, expect, it } from "vitest";
import { emptyFormValues, parseItemForm, validateSpec, type ItemFormValues } from "../src/validation";
import type { ItemSpec } from "../src/types";

const now = new Date("2025-06-15T12:00:00Z");

function spec(partial: Partial<ItemSpec>): ItemSpec {
  return { title: "The Matrix", kind: "movie", ...partial };
}

function form(partial: Partial<ItemFormValues>): ItemFormValues {
  return { ...emptyFormValues(), title: "Severance", kind: "series", ...partial };
}

describe("validateSpec mirrors the server's rules", () => {
  it("accepts a complete valid series", () => {
    expect(
      validateSpec(
        { title: "Severance", kind: "series", year: 2022, from_season: 2, from_episode: 3, imdb_id: "tt11280740" },
        now,
      ),
    ).toEqual({});
  });

  it("title is required and must not be blank", () => {
    expect(validateSpec(spec({ title: "" }), now).title).toMatch(/required/);
    expect(validateSpec(spec({ title: "   " }), now).title).toMatch(/required/);
  });

  it("title is at most 200 characters, counted as characters not UTF-16 units", () => {
    expect(validateSpec(spec({ title: "a".repeat(200) }), now).title).toBeUndefined();
    expect(validateSpec(spec({ title: "a".repeat(201) }), now).title).toMatch(/at most 200/);
    expect(validateSpec(spec({ title: "🎬".repeat(200) }), now).title).toBeUndefined();
  });

  it("title must not contain a text-direction override", () => {
    expect(validateSpec(spec({ title: "Dune \u202Eowt trap" }), now).title).toMatch(/text-direction/);
    expect(validateSpec(spec({ title: "Dune \u2066x" }), now).title).toMatch(/text-direction/);
    // Right-to-left letters themselves are fine.
    expect(validateSpec(spec({ title: "שטיסל" }), now).title).toBeUndefined();
  });

  it("title must not contain control characters", () => {
    expect(validateSpec(spec({ title: "The\tMatrix" }), now).title).toMatch(/control characters/);
    expect(validateSpec(spec({ title: "The\u0085Matrix" }), now).title).toMatch(/control characters/);
  });

  it("kind is required", () => {
    expect(validateSpec(spec({ kind: null }), now).kind).toMatch(/required/);
  });

  it("year is between 1870 and five years from now", () => {
    expect(validateSpec(spec({ year: 1870 }), now).year).toBeUndefined();
    expect(validateSpec(spec({ year: 2030 }), now).year).toBeUndefined();
    expect(validateSpec(spec({ year: 1869 }), now).year).toBe("Year must be between 1870 and 2030");
    expect(validateSpec(spec({ year: 2031 }), now).year).toBe("Year must be between 1870 and 2030");
  });

  it("from_season is 0..9999", () => {
    const series = { kind: "series" as const };
    expect(validateSpec(spec({ ...series, from_season: 0 }), now).from_season).toBeUndefined();
    expect(validateSpec(spec({ ...series, from_season: 9999 }), now).from_season).toBeUndefined();
    expect(validateSpec(spec({ ...series, from_season: -1 }), now).from_season).toMatch(/0 and 9999/);
    expect(validateSpec(spec({ ...series, from_season: 10000 }), now).from_season).toMatch(/0 and 9999/);
  });

  it("from_episode is 1..99999 and needs from_season", () => {
    const series = { kind: "series" as const, from_season: 1 };
    expect(validateSpec(spec({ ...series, from_episode: 1 }), now).from_episode).toBeUndefined();
    expect(validateSpec(spec({ ...series, from_episode: 99999 }), now).from_episode).toBeUndefined();
    expect(validateSpec(spec({ ...series, from_episode: 0 }), now).from_episode).toMatch(/1 and 99999/);
    expect(validateSpec(spec({ ...series, from_episode: 100000 }), now).from_episode).toMatch(/1 and 99999/);
    expect(validateSpec(spec({ kind: "series", from_episode: 3 }), now).from_episode).toMatch(/needs from season/);
  });

  it("season and episode are for series only", () => {
    expect(validateSpec(spec({ kind: "movie", from_season: 1 }), now).from_season).toMatch(/series only/);
    expect(validateSpec(spec({ kind: "movie", from_episode: 1 }), now).from_episode).toMatch(/series only/);
  });

  it("an IMDb id looks like tt0133093 (digits alone are accepted, as on the server)", () => {
    expect(validateSpec(spec({ imdb_id: "tt0133093" }), now).imdb_id).toBeUndefined();
    expect(validateSpec(spec({ imdb_id: "0133093" }), now).imdb_id).toBeUndefined();
    expect(validateSpec(spec({ imdb_id: "tt12ab" }), now).imdb_id).toMatch(/tt0133093/);
    expect(validateSpec(spec({ imdb_id: "tt" }), now).imdb_id).toMatch(/tt0133093/);
    expect(validateSpec(spec({ imdb_id: "tt12345678901" }), now).imdb_id).toMatch(/tt0133093/);
  });

  it("reports every broken field at once", () => {
    const errors = validateSpec({ title: "", kind: null, year: 1500, imdb_id: "x" }, now);
    expect(Object.keys(errors).sort()).toEqual(["imdb_id", "kind", "title", "year"]);
  });
});

describe("parseItemForm", () => {
  it("turns the inputs into a spec with numbers and nulls", () => {
    const { spec: parsed, errors } = parseItemForm(
      form({ title: "  Severance ", year: "2022", from_season: "2", from_episode: "3", imdb_id: " tt11280740 " }),
      now,
    );
    expect(errors).toEqual({});
    expect(parsed).toEqual({
      title: "Severance",
      kind: "series",
      year: 2022,
      from_season: 2,
      from_episode: 3,
      imdb_id: "tt11280740",
    });
  });

  it("refuses numbers that are not whole numbers", () => {
    const { errors } = parseItemForm(form({ year: "20x2", from_season: "1.5" }), now);
    expect(errors.year).toBe("Year must be a whole number");
    expect(errors.from_season).toBe("Season must be a whole number");
  });

  it("drops the season and episode of a movie, whose inputs are hidden", () => {
    const { spec: parsed, errors } = parseItemForm(form({ kind: "movie", from_season: "2", from_episode: "x" }), now);
    expect(errors).toEqual({});
    expect(parsed.from_season).toBeNull();
    expect(parsed.from_episode).toBeNull();
  });

  it("an unknown kind is no kind", () => {
    const { spec: parsed, errors } = parseItemForm(form({ kind: "" }), now);
    expect(parsed.kind).toBeNull();
    expect(errors.kind).toMatch(/required/);
  });
});
