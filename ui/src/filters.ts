/**
 * An item's filters on the client: the vocabulary the form offers and the rules a filter set must follow,
 * mirroring `ItemFilters` and `ItemFilters::validate` in crates/engine/src/filters.rs.
 *
 * The engine is the authority (it reads names leniently and compiles `/regex/` with Rust's `regex` crate,
 * whose syntax differs from JavaScript's in corners); these checks catch the common mistakes next to their
 * input before a round trip. Errors are keyed by the engine's field names (`filters.must_contain`), so a
 * server error lands on the same input as the client's.
 */

import type { ItemFilters } from "./types";

export const RESOLUTIONS = ["480p", "576p", "720p", "1080p", "1440p", "2160p"] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export const SOURCES = [
  "CAM",
  "TELESYNC",
  "TELECINE",
  "SCREENER",
  "DVD",
  "HDTV",
  "WEBRip",
  "WEB-DL",
  "BluRay",
  "Remux",
] as const;
export type Source = (typeof SOURCES)[number];
/** Refused unless an item names them in `sources`. */
export const PRE_RELEASE_SOURCES: readonly Source[] = ["CAM", "TELESYNC", "TELECINE", "SCREENER"];
/** What an absent `sources` allows: the form checks exactly these by default. */
export const DEFAULT_SOURCES: readonly Source[] = SOURCES.filter((s) => !PRE_RELEASE_SOURCES.includes(s));

export const CODECS = ["h264", "h265", "av1", "xvid", "mpeg2"] as const;
export type Codec = (typeof CODECS)[number];

export const PROTOCOLS = ["torrent", "usenet"] as const;
export type Protocol = (typeof PROTOCOLS)[number];

/** Largest size bound: 10 TiB in MiB. */
export const MAX_SIZE_MB = 10 * 1024 * 1024;
export const MAX_SEEDERS = 1_000_000;
export const MAX_TERMS = 50;
export const MAX_TERM_CHARS = 200;

/** The languages release names tell, with their ISO 639-1 codes ("" when there is none), as the engine lists them. */
const LANGUAGES: ReadonlyArray<[string, string]> = [
  ["english", "en"], ["japanese", "ja"], ["korean", "ko"], ["chinese", "zh"], ["taiwanese", ""],
  ["french", "fr"], ["spanish", "es"], ["latino", ""], ["portuguese", "pt"], ["italian", "it"],
  ["greek", "el"], ["german", "de"], ["russian", "ru"], ["ukrainian", "uk"], ["lithuanian", "lt"],
  ["latvian", "lv"], ["estonian", "et"], ["polish", "pl"], ["czech", "cs"], ["slovakian", "sk"],
  ["hungarian", "hu"], ["romanian", "ro"], ["bulgarian", "bg"], ["serbian", "sr"], ["croatian", "hr"],
  ["slovenian", "sl"], ["dutch", "nl"], ["danish", "da"], ["finnish", "fi"], ["swedish", "sv"],
  ["norwegian", "no"], ["arabic", "ar"], ["turkish", "tr"], ["vietnamese", "vi"], ["indonesian", "id"],
  ["thai", "th"], ["malay", "ms"], ["hebrew", "he"], ["persian", "fa"], ["hindi", "hi"],
  ["tamil", "ta"], ["telugu", "te"],
];

/** The engine's name for a language given by name or ISO 639-1 code, case-insensitively. */
export function languageName(raw: string): string | null {
  let key = raw.trim().toLowerCase();
  if (key === "nb" || key === "bokmal") key = "no";
  if (key === "flemish") key = "dutch";
  const found = LANGUAGES.find(([name, code]) => name === key || (code !== "" && code === key));
  return found ? found[0] : null;
}

export const FILTER_KEYS = [
  "min_resolution",
  "max_resolution",
  "sources",
  "codecs",
  "min_size_mb",
  "max_size_mb",
  "min_seeders",
  "protocol",
  "must_contain",
  "must_not_contain",
  "languages",
  "indexers",
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
/** A filter as the engine names it in errors and in the form: `filters.min_resolution`. */
export type FilterField = `filters.${FilterKey}`;
export type FilterErrors = Partial<Record<FilterField, string>>;

/** The user's words for a rule the matcher names (`TryResult.rule`, `rejected.rule`). */
export const RULE_LABELS: Readonly<Record<string, string>> = {
  title: "title",
  year: "year",
  kind: "kind",
  from_season: "from season",
  only_season: "one season",
  from_date: "from date",
  min_resolution: "minimum resolution",
  max_resolution: "maximum resolution",
  sources: "sources",
  codecs: "codecs",
  min_size_mb: "minimum size",
  max_size_mb: "maximum size",
  min_seeders: "minimum seeders",
  protocol: "protocol",
  must_contain: "must contain",
  must_not_contain: "must not contain",
  languages: "languages",
  indexers: "indexers",
};

/** Whether a matcher rule is one of the item's filters (the release is of the item, a filter refused it). */
export function isFilterRule(rule: string | null | undefined): boolean {
  return (FILTER_KEYS as readonly string[]).includes(rule ?? "");
}

/** A rule as shown to the user: `minimum resolution (min_resolution)`. */
export function ruleLabel(rule: string): string {
  const label = RULE_LABELS[rule];
  return label === undefined || label === rule ? rule : `${label} (${rule})`;
}

/** What the filter inputs hold, as typed. */
export interface FilterFormValues {
  min_resolution: string;
  max_resolution: string;
  /** The checked boxes. */
  sources: string[];
  codecs: string[];
  min_size_mb: string;
  max_size_mb: string;
  min_seeders: string;
  protocol: string;
  must_contain: string;
  must_not_contain: string;
  languages: string;
  indexers: string;
}

export function emptyFilterValues(): FilterFormValues {
  return {
    min_resolution: "",
    max_resolution: "",
    sources: [...DEFAULT_SOURCES],
    codecs: [...CODECS],
    min_size_mb: "",
    max_size_mb: "",
    min_seeders: "",
    protocol: "",
    must_contain: "",
    must_not_contain: "",
    languages: "",
    indexers: "",
  };
}

/** The inputs that show a stored filter set (the inverse of `parseFilterForm`). */
export function filterValues(filters: ItemFilters | undefined): FilterFormValues {
  const values = emptyFilterValues();
  if (filters === undefined) return values;
  const num = (n: number | undefined): string => (n === undefined ? "" : String(n));
  return {
    min_resolution: filters.min_resolution ?? "",
    max_resolution: filters.max_resolution ?? "",
    sources: filters.sources && filters.sources.length > 0 ? [...filters.sources] : values.sources,
    codecs: filters.codecs && filters.codecs.length > 0 ? [...filters.codecs] : values.codecs,
    min_size_mb: num(filters.min_size_mb),
    max_size_mb: num(filters.max_size_mb),
    min_seeders: num(filters.min_seeders),
    protocol: filters.protocol ?? "",
    must_contain: (filters.must_contain ?? []).join(", "),
    must_not_contain: (filters.must_not_contain ?? []).join(", "),
    languages: (filters.languages ?? []).join(", "),
    indexers: (filters.indexers ?? []).map(String).join(", "),
  };
}

/**
 * Splits a comma-separated list of words and `/regex/` entries. A regex may itself hold commas
 * (`/x{1,3}/`): an entry starting with `/` runs to the first `/` that is followed by a comma or the end.
 */
export function splitTerms(raw: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < raw.length) {
    while (i < raw.length && /[\s,]/.test(raw[i] ?? "")) i += 1;
    if (i >= raw.length) break;
    let end = -1;
    if (raw[i] === "/") {
      for (let j = i + 1; j < raw.length; j += 1) {
        if (raw[j] === "/" && /^\s*(,|$)/.test(raw.slice(j + 1))) {
          end = j + 1;
          break;
        }
      }
    }
    if (end === -1) {
      const comma = raw.indexOf(",", i);
      end = comma === -1 ? raw.length : comma;
    }
    const term = raw.slice(i, end).trim();
    if (term !== "") out.push(term);
    i = end + 1;
  }
  return out;
}

/** A comma-separated list of plain names (languages, indexers). */
export function splitList(raw: string): string[] {
  return raw
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

// Unicode "Cc", as Rust's `char::is_control`.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;

/**
 * Compiles a pattern with JavaScript's RegExp after rewriting the Rust-only syntax that JavaScript lacks
 * (a leading `(?i)` flag group, `(?P<name>`), so a pattern the engine accepts is not refused here. Returns
 * the error message, or null when it compiles.
 */
export function patternError(pattern: string): string | null {
  const js = pattern.replace(/^\(\?[a-zA-Z]+\)/, "").replace(/\(\?P</g, "(?<");
  try {
    new RegExp(js, "i");
    return null;
  } catch (e) {
    return e instanceof Error ? e.message.replace(/^Invalid regular expression: /, "") : String(e);
  }
}

/** The problem with one `must_contain` / `must_not_contain` list, or null. */
export function termsError(terms: string[]): string | null {
  if (terms.length > MAX_TERMS) return `At most ${MAX_TERMS} entries`;
  for (const t of terms) {
    if ([...t].length > MAX_TERM_CHARS || CONTROL.test(t)) {
      return `"${t}": each entry must be at most ${MAX_TERM_CHARS} characters, without control characters`;
    }
    if (t.length >= 2 && t.startsWith("/") && t.endsWith("/")) {
      const pattern = t.slice(1, -1);
      if (pattern === "") return '"//" is an empty regular expression';
      const error = patternError(pattern);
      if (error !== null) return `/${pattern}/ is not a valid regular expression: ${error}`;
    } else if (!/[\p{L}\p{N}]/u.test(t)) {
      return `"${t}" has no letters or digits to look for`;
    }
  }
  return null;
}

type SizeKey = "min_size_mb" | "max_size_mb" | "min_seeders";
const SIZE_LABELS: Record<SizeKey, string> = {
  min_size_mb: "Minimum size",
  max_size_mb: "Maximum size",
  min_seeders: "Minimum seeders",
};
const SIZE_MAX: Record<SizeKey, number> = {
  min_size_mb: MAX_SIZE_MB,
  max_size_mb: MAX_SIZE_MB,
  min_seeders: MAX_SEEDERS,
};

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/**
 * Turns the filter inputs into the `filters` object of a spec, leaving out every filter that is not set (so
 * an untouched section sends nothing), with a message for each input that breaks a rule.
 */
export function parseFilterForm(values: FilterFormValues): { filters: ItemFilters; errors: FilterErrors } {
  const errors: FilterErrors = {};
  const filters: ItemFilters = {};

  const resolution = (raw: string): Resolution | undefined =>
    (RESOLUTIONS as readonly string[]).includes(raw) ? (raw as Resolution) : undefined;
  const min = resolution(values.min_resolution);
  const max = resolution(values.max_resolution);
  if (min) filters.min_resolution = min;
  if (max) filters.max_resolution = max;
  if (min && max && RESOLUTIONS.indexOf(min) > RESOLUTIONS.indexOf(max)) {
    errors["filters.max_resolution"] = `Must not be below the minimum resolution (${min})`;
  }

  const sources = SOURCES.filter((s) => values.sources.includes(s));
  if (sources.length === 0) {
    errors["filters.sources"] = "Check at least one source";
  } else if (!sameSet(sources, DEFAULT_SOURCES)) {
    filters.sources = sources;
  }
  const codecs = CODECS.filter((c) => values.codecs.includes(c));
  if (codecs.length === 0) {
    errors["filters.codecs"] = "Check at least one codec";
  } else if (codecs.length < CODECS.length) {
    filters.codecs = codecs;
  }

  for (const key of ["min_size_mb", "max_size_mb", "min_seeders"] as const) {
    const raw = values[key].trim();
    if (raw === "") continue;
    const top = SIZE_MAX[key];
    if (!/^-?[0-9]+$/.test(raw)) errors[`filters.${key}`] = `${SIZE_LABELS[key]} must be a whole number`;
    else if (Number(raw) < 0 || Number(raw) > top) {
      errors[`filters.${key}`] = `${SIZE_LABELS[key]} must be between 0 and ${top}${top === MAX_SIZE_MB ? " (10 TiB)" : ""}`;
    } else filters[key] = Number(raw);
  }
  if (
    filters.min_size_mb !== undefined &&
    filters.max_size_mb !== undefined &&
    filters.min_size_mb > filters.max_size_mb
  ) {
    errors["filters.max_size_mb"] = `Must not be below the minimum size (${filters.min_size_mb})`;
  }

  if ((PROTOCOLS as readonly string[]).includes(values.protocol)) filters.protocol = values.protocol as Protocol;

  for (const key of ["must_contain", "must_not_contain"] as const) {
    const terms = [...new Set(splitTerms(values[key]))];
    const error = termsError(terms);
    if (error !== null) errors[`filters.${key}`] = error;
    if (terms.length > 0) filters[key] = terms;
  }

  const languages: string[] = [];
  for (const raw of splitList(values.languages)) {
    const name = languageName(raw);
    if (name === null) {
      errors["filters.languages"] =
        `"${raw}" is not a language release names tell: use a name such as english, french, german, spanish, ` +
        "latino, italian, japanese (or its code: en, fr, de...)";
      break;
    }
    if (!languages.includes(name)) languages.push(name);
  }
  if (languages.length > 0) filters.languages = languages;

  const indexers: Array<number | string> = [];
  for (const raw of splitList(values.indexers)) {
    const ref = /^[+-]?[0-9]+$/.test(raw) ? Number(raw) : raw;
    if (typeof ref === "number" && ref <= 0) {
      errors["filters.indexers"] = "An indexer id must be a positive number (Prowlarr's id), or give its name";
    }
    if (!indexers.includes(ref)) indexers.push(ref);
  }
  if (indexers.length > 0) filters.indexers = indexers;

  return { filters, errors };
}

/** How many filters a set has, for the collapsed section's summary. */
export function countFilters(filters: ItemFilters | undefined): number {
  if (filters === undefined) return 0;
  return Object.values(filters).filter((v) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0))
    .length;
}
