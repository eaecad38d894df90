import { useState } from 'react';

export interface Pager {
  /** The cursor of the page shown: null for the first. */
  after: string | null;
  hasPrevious: boolean;
  next(cursor: string | null | undefined): void;
  previous(): void;
  /** Back to the first page (a new filter, a new item at the top). */
  reset(): void;
}

/** Cursors of one paged list (Relay connection): the first page is null; "next" pushes the end cursor, "previous" pops it. */
export function usePager(): Pager {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return {
    after: cursors[cursors.length - 1],
    hasPrevious: cursors.length > 1,
    next: (cursor) => setCursors((all) => [...all, cursor ?? null]),
    previous: () => setCursors((all) => all.slice(0, -1)),
    reset: () => setCursors([null]),
  };
}

/**
 * The buttons under a paged list, newest first: `newer` goes back a page, `older` on to the
 * connection's next page; nothing when the list fits one page.
 */
export function PagerButtons({ pager, pageInfo, newer, older }: { pager: Pager; pageInfo: { hasNextPage: boolean; endCursor?: string | null }; newer: string; older: string }) {
  if (!pager.hasPrevious && !pageInfo.hasNextPage) return null;
  return (
    <p className="reg-pager">
      {pager.hasPrevious && (
        <button type="button" className="secondary-button" onClick={pager.previous}>
          {newer}
        </button>
      )}
      {pageInfo.hasNextPage && (
        <button type="button" className="secondary-button" onClick={() => pager.next(pageInfo.endCursor)}>
          {older}
        </button>
      )}
    </p>
  );
}
