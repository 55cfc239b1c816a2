/**
 * Client-side checks of the item form, mirroring `ItemSpec::validate` in crates/engine/src/model.rs (the
 * filters' rules live in `filters.ts`).
 *
 * The server stays the authority (its `validation` errors are shown next to the field they name); these
 * checks exist so the user sees every problem at once, next to its field, before a round trip. Unlike the
 * server, which stops at the first broken rule, this reports one message per field.
 */

import {
  emptyFilterValues,
  FILTER_KEYS,
  parseFilterForm,
  type FilterField,
  type FilterFormValues,
} from "./filters";
import type { ItemKind, ItemSpec } from "./types";

export const MAX_TITLE_CHARS = 200;
export const MAX_ALIASES = 20;
export const MIN_YEAR = 1870;

/** How a series is followed; each mode shows only its own inputs. */
export const TRACKING_MODES = ["everything", "from_episode", "only_season", "from_date"] as const;
export type TrackingMode = (typeof TRACKING_MODES)[number];

/** The item's own fields, in the order the form shows them. */
export const BASE_FIELDS = [
  "title",
  "kind",
  "year",
  "imdb_id",
  "aliases",
  "from_season",
  "from_episode",
  "only_season",
  "from_date",
] as const;
export type BaseField = (typeof BASE_FIELDS)[number];

/**
 * Every input that can carry an error, named as in `ItemSpec` and as the server names them in
 * `IpcError.field` (`filters.must_contain` for a filter).
 */
export const ITEM_FIELDS: ReadonlyArray<BaseField | FilterField> = [
  ...BASE_FIELDS,
  ...FILTER_KEYS.map((key): FilterField => `filters.${key}`),
];
export type ItemField = BaseField | FilterField;
export type FieldErrors = Partial<Record<ItemField, string>>;

/** What the form's inputs hold, as typed. */
export type ItemFormValues = Record<BaseField, string> & {
  tracking: TrackingMode | "";
  filters: FilterFormValues;
};

/** Values of an empty form: a new item, every filter at its default. */
export function emptyFormValues(): ItemFormValues {
  return {
    title: "",
    kind: "",
    year: "",
    imdb_id: "",
    aliases: "",
    tracking: "from_episode",
    from_season: "",
    from_episode: "",
    only_season: "",
    from_date: "",
    filters: emptyFilterValues(),
  };
}

export function isItemField(name: string | null): name is ItemField {
  return (ITEM_FIELDS as readonly string[]).includes(name ?? "");
}

export function maxYear(now: Date): number {
  return now.getUTCFullYear() + 5;
}

// Unicode "Cc" (C0, DEL, C1), the same set as Rust's `char::is_control`.
// Control characters, and the bidirectional embeddings, overrides and isolates that can make a title display as
// something else (U+202A..U+202E, U+2066..U+2069): the engine refuses the same set (`model.rs`).
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/** Whether `YYYY-MM-DD` names a real day (chrono's `%Y-%m-%d`). */
export function isDay(raw: string): boolean {
  const m = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$/.exec(raw);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Checks a spec's values against the server's rules (filters aside: see `parseFilterForm`). */
export function validateSpec(spec: ItemSpec, now: Date = new Date()): FieldErrors {
  const errors: FieldErrors = {};
  const title = spec.title.trim();
  if (title === "") errors.title = "Title is required and must not be blank";
  else if ([...title].length > MAX_TITLE_CHARS) errors.title = `Title must be at most ${MAX_TITLE_CHARS} characters`;
  else if (CONTROL.test(title)) errors.title = "Title must not contain control characters (tabs, newlines, ...) or text-direction overrides";

  if (spec.kind !== "movie" && spec.kind !== "series") errors.kind = "Kind is required: movie or series";

  const top = maxYear(now);
  if (spec.year !== null && spec.year !== undefined && (spec.year < MIN_YEAR || spec.year > top)) {
    errors.year = `Year must be between ${MIN_YEAR} and ${top}`;
  }

  const season = spec.from_season ?? null;
  const episode = spec.from_episode ?? null;
  const only = spec.only_season ?? null;
  const fromDate = spec.from_date?.trim() || null;
  if (spec.kind === "movie") {
    const setField = (
      [
        ["from_season", season],
        ["from_episode", episode],
        ["only_season", only],
        ["from_date", fromDate],
      ] as const
    ).find(([, value]) => value !== null);
    if (setField) errors[setField[0]] = "Applies to series only, not to movies";
  } else {
    if (season !== null && (season < 0 || season > 9999)) errors.from_season = "Season must be between 0 and 9999";
    if (episode !== null && (episode < 1 || episode > 99999)) {
      errors.from_episode = "Episode must be between 1 and 99999";
    } else if (episode !== null && season === null) {
      errors.from_episode = "From episode needs from season as well";
    }
    if (only !== null && (only < 0 || only > 9999)) errors.only_season = "Season must be between 0 and 9999";
    else if (only !== null && season !== null) {
      errors.only_season = "One season cannot be combined with from season and from episode";
    }
    if (fromDate !== null && !isDay(fromDate)) {
      errors.from_date = "Must be a day written YYYY-MM-DD, such as 2024-03-15";
    }
  }

  const imdb = spec.imdb_id?.trim() ?? "";
  if (imdb !== "") {
    const digits = imdb.startsWith("tt") ? imdb.slice(2) : imdb;
    if (!/^[0-9]{1,10}$/.test(digits)) errors.imdb_id = "IMDb id must look like tt0133093";
  }

  const aliases = spec.aliases ?? [];
  if (aliases.length > MAX_ALIASES) errors.aliases = `At most ${MAX_ALIASES} alternative titles`;
  else {
    for (const alias of aliases) {
      if ([...alias].length > MAX_TITLE_CHARS || CONTROL.test(alias)) {
        errors.aliases = `"${alias}": each must be at most ${MAX_TITLE_CHARS} characters, without control characters`;
        break;
      }
      if (!/[\p{L}\p{N}]/u.test(alias)) {
        errors.aliases = `"${alias}" has no letters or digits to compare`;
        break;
      }
    }
  }
  return errors;
}

type NumberField = "year" | "from_season" | "from_episode" | "only_season";
const NUMBER_LABELS: Record<NumberField, string> = {
  year: "Year",
  from_season: "Season",
  from_episode: "Episode",
  only_season: "Season",
};

/** The alternative titles in the "Also known as" box: one a line, blank lines and repeats dropped. */
export function splitAliases(raw: string): string[] {
  const out: string[] = [];
  for (const line of raw.split(/\r?\n/)) {
    const alias = line.trim();
    if (alias !== "" && !out.includes(alias)) out.push(alias);
  }
  return out;
}

/**
 * Turns what the form holds into a spec, with a message for each field that breaks a rule. The fields the
 * form always had are sent as null when empty; the newer ones (`only_season`, `from_date`, `aliases`,
 * `filters` and each filter) are left out, since the engine refuses null for a list.
 */
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
  // A movie has no series tracking, and a series shows only the inputs of its tracking mode: values left in
  // hidden inputs are dropped instead of refused.
  const mode = kind === "series" ? values.tracking || "everything" : null;
  const from_season = mode === "from_episode" ? number("from_season") : null;
  const from_episode = mode === "from_episode" ? number("from_episode") : null;
  const imdb = values.imdb_id.trim();
  const spec: ItemSpec = {
    title: values.title.trim(),
    kind,
    year,
    from_season,
    from_episode,
    imdb_id: imdb === "" ? null : imdb,
  };
  if (mode === "only_season") {
    const only = number("only_season");
    if (only !== null) spec.only_season = only;
  }
  if (mode === "from_date" && values.from_date.trim() !== "") spec.from_date = values.from_date.trim();
  const aliases = splitAliases(values.aliases);
  if (aliases.length > 0) spec.aliases = aliases;
  const { filters, errors: filterErrors } = parseFilterForm(values.filters);
  if (Object.keys(filters).length > 0) spec.filters = filters;

  const ruleErrors: FieldErrors = { ...validateSpec(spec, now), ...filterErrors };
  for (const field of ITEM_FIELDS) {
    const message = errors[field] ?? ruleErrors[field];
    if (message !== undefined) errors[field] = message;
  }
  return { spec, errors };
}
