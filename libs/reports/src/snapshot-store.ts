import type { ReportSnapshot } from './report-snapshot';

/**
 * How a report's snapshot is stored (issue 16 follow-up: "stored once").
 *
 * Format 1 (reports compiled before this change) is the snapshot itself, as JSON.
 * It repeats a lot: every row of a list spells out its field names; a deliverable's
 * title is written in its section row, its tracked item, its overdue entry and its
 * diff entry; group names, statuses and "rag: on_track → at_risk" recur hundreds of
 * times. Format 2 stores the same snapshot with each shared part once:
 *
 * - a list of objects with the same fields becomes a table, `{ "$t": [field names],
 *   "$s": [columns holding strings], "$r": [[values], …] }`;
 * - every string of a string column, and of a list of strings (`{ "$a": [indices] }`),
 *   is kept once in `strings` and referred to by its index;
 * - an object with a field of its own starting with `$` is wrapped as `{ "$o": … }`,
 *   so no data can pass for one of these markers.
 *
 * `expandSnapshot` gives back exactly what format 1 held (what `JSON.stringify` of
 * the compiled snapshot wrote), so pages, CSV and JSON render the same from either;
 * rows of both formats stay readable side by side, and nothing is migrated.
 */
export interface StoredSnapshotV2 {
  version: 2;
  strings: string[];
  body: unknown;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The compact form to store (format 2). */
export function packSnapshot(snapshot: ReportSnapshot): StoredSnapshotV2 {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const intern = (value: string): number => {
    let i = index.get(value);
    if (i === undefined) {
      i = strings.length;
      strings.push(value);
      index.set(value, i);
    }
    return i;
  };

  const pack = (value: unknown): Json => {
    if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
    if (typeof value === 'number') return Number.isFinite(value) ? value : null;
    if (value instanceof Date) return value.toISOString();
    if (Array.isArray(value)) return packArray(value);
    if (typeof value === 'object') {
      const entries = presentEntries(value as Record<string, unknown>);
      const out: { [key: string]: Json } = {};
      for (const [key, v] of entries) out[key] = pack(v);
      return entries.some(([key]) => key.startsWith('$')) ? { $o: out } : out;
    }
    return null; // undefined, functions: what JSON.stringify leaves out of an array
  };

  const packArray = (list: unknown[]): Json => {
    if (list.length > 0 && list.every((v) => typeof v === 'string')) return { $a: (list as string[]).map(intern) };
    const rows = list.every(isPlainObject) ? (list as Record<string, unknown>[]).map(presentEntries) : null;
    if (!rows || rows.length < 2) return list.map(pack);
    const fields = rows[0].map(([key]) => key);
    const same = rows.every((row) => row.length === fields.length && row.every(([key], i) => key === fields[i]));
    if (!same) return list.map(pack);
    const stringColumns = fields
      .map((_, column) => column)
      .filter((column) => rows.every((row) => row[column][1] === null || typeof row[column][1] === 'string') && rows.some((row) => typeof row[column][1] === 'string'));
    const isString = new Set(stringColumns);
    return {
      $t: fields,
      $s: stringColumns,
      $r: rows.map((row) => row.map(([, v], column) => (isString.has(column) ? (v === null ? null : intern(v as string)) : pack(v)))),
    };
  };

  const body = pack(snapshot);
  return { version: 2, strings, body };
}

/** The snapshot as compiled, from a stored row of either format. */
export function expandSnapshot(stored: unknown): ReportSnapshot {
  const row = stored as { version?: number } | null;
  if (!row || row.version !== 2) return stored as ReportSnapshot;
  const { strings, body } = stored as StoredSnapshotV2;
  const text = (i: number | null): string | null => (i === null ? null : strings[i]);

  const expand = (value: Json): unknown => {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map(expand);
    if ('$a' in value) return (value.$a as number[]).map(text);
    if ('$t' in value) {
      const fields = value.$t as string[];
      const isString = new Set(value.$s as number[]);
      return (value.$r as Json[][]).map((row) => {
        const out: Record<string, unknown> = {};
        fields.forEach((field, column) => {
          out[field] = isString.has(column) ? text(row[column] as number | null) : expand(row[column]);
        });
        return out;
      });
    }
    const plain = '$o' in value ? (value.$o as { [key: string]: Json }) : value;
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(plain)) out[key] = expand(v);
    return out;
  };

  return expand(body as Json) as ReportSnapshot;
}

function isPlainObject(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);
}

/** The fields JSON keeps: those whose value is not undefined (nor a function). */
function presentEntries(value: Record<string, unknown>): [string, unknown][] {
  return Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function');
}
