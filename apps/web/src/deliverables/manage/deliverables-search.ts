/** The deliverables page's address (router.tsx reads it eagerly; the page itself loads when opened). */
export const HEALTHS = ['ON_TRACK', 'AT_RISK', 'LATE'] as const;
export type Health = (typeof HEALTHS)[number];

/** The page's address holds its filters and view, so a filtered board can be shared and reloaded. */
export interface DeliverablesSearch {
  group?: string;
  goal?: string;
  person?: string;
  health?: Health;
  view?: 'list' | 'board';
}

/** Only well-formed values: an id, a health, the board view; anything else is left out. */
export function deliverablesSearch(search: Record<string, unknown>): DeliverablesSearch {
  const id = (value: unknown) => (typeof value === 'string' && /^[0-9a-f-]{36}$/i.test(value) ? value : undefined);
  return {
    group: id(search.group),
    goal: id(search.goal),
    person: id(search.person),
    health: HEALTHS.includes(search.health as Health) ? (search.health as Health) : undefined,
    view: search.view === 'board' ? 'board' : undefined,
  };
}
