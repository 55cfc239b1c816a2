/**
 * Client-side checks of the item form, mirroring `ItemSpec::validate` in crates/engine/src/model.rs.
 *
 * The server stays the authority (its `validation` errors are shown next to the field they name); these
 * checks exist so the user sees every problem at once, next to its field, before a round trip. Unlike the
 * server, which stops at the first broken rule, this reports one message per field.
 */

import type { ItemKind, ItemSpec } from "./types";

export const MAX_TITLE_CHARS = 200;
export const MIN_YEAR = 1870;

/** The fields of the item form, named as in `ItemSpec` and as the server names them in `IpcError.field`. */
export const ITEM_FIELDS = ["title", "kind", "year", "from_season", "from_episode", "imdb_id"] as const;
export type ItemField = (typeof ITEM_FIELDS)[number];
export type FieldErrors = Partial<Record<ItemField, string>>;

/** What the form's inputs hold, as typed. */
export type ItemFormValues = Record<ItemField, string>;

export function isItemField(name: string | null): name is ItemField {
  return (ITEM_FIELDS as readonly string[]).includes(name ?? "");
}

export function maxYear(now: Date): number {
  return now.getUTCFullYear() + 5;
}

// Unicode "Cc" (C0, DEL, C1), the same set as Rust's `char::is_control`.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;

/** Checks a spec's values against the server's rules. */
export function validateSpec(spec: ItemSpec, now: Date = new Date()): FieldErrors {
  const errors: FieldErrors = {};
  const title = spec.title.trim();
  if (title === "") errors.title = "Title is required and must not be blank";
  else if ([...title].length > MAX_TITLE_CHARS) errors.title = `Title must be at most ${MAX_TITLE_CHARS} characters`;
  else if (CONTROL.test(title)) errors.title = "Title must not contain control characters (tabs, newlines, ...)";

  if (spec.kind !== "movie" && spec.kind !== "series") errors.kind = "Kind is required: movie or series";

  const top = maxYear(now);
  if (spec.year !== null && spec.year !== undefined && (spec.year < MIN_YEAR || spec.year > top)) {
    errors.year = `Year must be between ${MIN_YEAR} and ${top}`;
  }

  const season = spec.from_season ?? null;
  const episode = spec.from_episode ?? null;
  if (spec.kind === "movie" && (season !== null || episode !== null)) {
    errors[season !== null ? "from_season" : "from_episode"] = "Applies to series only, not to movies";
  } else {
    if (season !== null && (season < 0 || season > 9999)) errors.from_season = "Season must be between 0 and 9999";
    if (episode !== null && (episode < 1 || episode > 99999)) {
      errors.from_episode = "Episode must be between 1 and 99999";
    } else if (episode !== null && season === null) {
      errors.from_episode = "From episode needs from season as well";
    }
  }

  const imdb = spec.imdb_id?.trim() ?? "";
  if (imdb !== "") {
    const digits = imdb.startsWith("tt") ? imdb.slice(2) : imdb;
    if (!/^[0-9]{1,10}$/.test(digits)) errors.imdb_id = "IMDb id must look like tt0133093";
  }
  return errors;
}

type NumberField = "year" | "from_season" | "from_episode";
const NUMBER_LABELS: Record<NumberField, string> = {
  year: "Year",
  from_season: "Season",
  from_episode: "Episode",
};

/** Turns what the form holds into a spec, with a message for each field that breaks a rule. */
export function parseItemForm(
  values: ItemFormValues,
  now: Date = new Date(),
): { spec: ItemSpec; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const kind: ItemKind | null = values.kind === "movie" || values.kind === "series" ? values.kind : null;
  const number = (field: NumberField): number | null => {
    const raw = values[field].trim();
    if (raw === "") return null;
    if (!/^-?[0-9]+$/.test(raw)) {
      errors[field] = `${NUMBER_LABELS[field]} must be a whole number`;
      return null;
    }
    return Number(raw);
  };
  const year = number("year");
  // A movie has no season or episode; the form hides those inputs for movies, so their stale values are
  // dropped instead of refused.
  const from_season = kind === "movie" ? null : number("from_season");
  const from_episode = kind === "movie" ? null : number("from_episode");
  const imdb = values.imdb_id.trim();
  const spec: ItemSpec = {
    title: values.title.trim(),
    kind,
    year,
    from_season,
    from_episode,
    imdb_id: imdb === "" ? null : imdb,
  };
  const ruleErrors = validateSpec(spec, now);
  for (const field of ITEM_FIELDS) {
    const message = errors[field] ?? ruleErrors[field];
    if (message !== undefined) errors[field] = message;
  }
  return { spec, errors };
}
