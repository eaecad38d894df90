/** Groups rows by a key, answering in the order of `keys` (for to-many DataLoaders). */
export function groupByKeys<K, T>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): T[][] {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  return keys.map((key) => groups.get(key) ?? []);
}

/** Picks one row per key, in the order of `keys` (for to-one DataLoaders). */
export function oneByKeys<K, T>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): (T | undefined)[] {
  const byKey = new Map<K, T>();
  for (const row of rows) byKey.set(keyOf(row), row);
  return keys.map((key) => byKey.get(key));
}

/** The fields of a partial update that were given (undefined means "leave as it is"). */
export function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
