/**
 * What an area holds about a person, for the GDPR export and erasure. Each area
 * registers its part from its own folder (`<area>.personal-data.ts`), next to the
 * tables it owns; the privacy area runs them all.
 *
 * - `exportSql`: a SELECT of the rows about the person (`:personId`), one JSON
 *   object per row; the export lists them under `area`.
 * - `eraseSql`: statements run inside the erasure transaction (`:personId`) that
 *   remove contact data, preferences, tokens and sessions. The public record
 *   (appointments, minutes, decisions, audit events) stays and keeps pointing at
 *   the person's id; the person row itself is pseudonymised by the privacy area.
 */
export interface PersonalDataPart {
  area: string;
  exportSql: string;
  eraseSql?: string[];
}

const parts = new Map<string, PersonalDataPart>();

export function registerPersonalData(part: PersonalDataPart): void {
  if (!/^[a-z][a-z0-9_.-]{0,60}$/.test(part.area)) throw new Error(`Personal data area "${part.area}" must be lower-case letters, digits, . _ -`);
  const existing = parts.get(part.area);
  if (existing && existing.exportSql !== part.exportSql) throw new Error(`Personal data area ${part.area} is registered twice`);
  parts.set(part.area, part);
}

export function personalDataParts(): PersonalDataPart[] {
  return [...parts.values()].sort((a, b) => a.area.localeCompare(b.area));
}

/** Binds `:personId` as $1 (the only parameter these statements take). */
export function bindPersonId(sql: string): string {
  return sql.replace(/:personId\b/g, '$1');
}
