import type { TadaDocumentNode } from 'gql.tada';
import { useCallback, useEffect, useRef, useState } from 'react';
import { RequestFailed, request } from './client';

export type QueryState<T> = { status: 'loading' } | { status: 'done'; data: T } | { status: 'failed'; error: RequestFailed };

/**
 * Runs one query when the page opens (and again on `reload`): a page's data comes in one
 * request. A reload keeps the page on screen while it asks again, so a form's "saved"
 * notice and the focus stay where they are; other variables show the loading state.
 */
export function useQuery<Result, Variables>(document: TadaDocumentNode<Result, Variables>, variables: Variables): QueryState<Result> & { reload(): void } {
  const [state, setState] = useState<QueryState<Result>>({ status: 'loading' });
  const [round, setRound] = useState(0);
  const key = JSON.stringify(variables);
  const shown = useRef<string | null>(null);
  useEffect(() => {
    let live = true;
    if (shown.current !== key) setState({ status: 'loading' });
    request(document, JSON.parse(key) as Variables).then(
      (data) => {
        if (!live) return;
        shown.current = key;
        setState({ status: 'done', data });
      },
      (error: unknown) => live && setState({ status: 'failed', error: error instanceof RequestFailed ? error : new RequestFailed('other') }),
    );
    return () => {
      live = false;
    };
  }, [document, key, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { ...state, reload };
}
