import type { TadaDocumentNode } from 'gql.tada';
import { useCallback, useEffect, useState } from 'react';
import { RequestFailed, request } from './client';

export type QueryState<T> = { status: 'loading' } | { status: 'done'; data: T } | { status: 'failed'; error: RequestFailed };

/** Runs one query when the page opens (and again on `reload`): a page's data comes in one request. */
export function useQuery<Result, Variables>(document: TadaDocumentNode<Result, Variables>, variables: Variables): QueryState<Result> & { reload(): void } {
  const [state, setState] = useState<QueryState<Result>>({ status: 'loading' });
  const [round, setRound] = useState(0);
  const key = JSON.stringify(variables);
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    request(document, JSON.parse(key) as Variables).then(
      (data) => live && setState({ status: 'done', data }),
      (error: unknown) => live && setState({ status: 'failed', error: error instanceof RequestFailed ? error : new RequestFailed('other') }),
    );
    return () => {
      live = false;
    };
  }, [document, key, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { ...state, reload };
}
