/**
 * How numbers and times read in the UI. Pure functions over an injected "now", so tests do not depend on
 * the clock or the machine's time zone beyond what they set up themselves.
 */

const UNITS = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];

/** 1536 → "1.5 KiB"; indexers report sizes in bytes, and binary units are what download clients show. */
export function formatSize(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return "–";
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return `${bytes} B`;
  const digits = value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${UNITS[unit]}`;
}

/** How long ago a unix-seconds instant was: "just now", "5 min", "3 h", "2 d". */
export function formatAge(unixSeconds: number | null | undefined, now: Date): string {
  if (unixSeconds === null || unixSeconds === undefined) return "–";
  const seconds = Math.max(0, Math.floor(now.getTime() / 1000 - unixSeconds));
  if (seconds < 60) return "just now";
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  const days = Math.floor(hours / 24);
  if (days < 365) return `${days} d`;
  return `${Math.floor(days / 365)} y`;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** A wall-clock time in local time: "14:05" today, "2025-11-24 14:05" on another day. */
export function formatClock(unixSeconds: number | null | undefined, now: Date): string {
  if (unixSeconds === null || unixSeconds === undefined) return "–";
  const t = new Date(unixSeconds * 1000);
  const time = `${pad(t.getHours())}:${pad(t.getMinutes())}`;
  const sameDay =
    t.getFullYear() === now.getFullYear() && t.getMonth() === now.getMonth() && t.getDate() === now.getDate();
  return sameDay ? time : `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())} ${time}`;
}

/** "1 item", "2 items". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** True for the only links the app will open: absolute http(s) URLs. */
export function isWebUrl(url: string | null | undefined): url is string {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:";
  } catch {
    return false;
  }
}

/** A span of milliseconds: "850 ms", "4.2 s", "2 min 5 s". */
export function formatMillis(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "–";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  const rest = seconds % 60;
  return rest === 0 ? `${Math.floor(seconds / 60)} min` : `${Math.floor(seconds / 60)} min ${rest} s`;
}

/** Bytes in MiB with one decimal, the unit `ps` and system monitors show memory in: "42.5 MiB". */
export function formatMiB(bytes: number): string {
  return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
}
