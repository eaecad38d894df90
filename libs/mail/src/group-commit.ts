import DataLoader from 'dataloader';

/**
 * A DataLoader that batches like a database's group commit: while one batch is
 * in flight, every call waits and joins the next one; when none is, the calls
 * of the current turn of the event loop go together. The claims of the batch
 * jobs running in one worker go together, and the mark-sent writes of the
 * mails accepted while the previous write was in flight (bench/README.md, mail).
 * DataLoader does the collecting and the per-key answers; the waiting for the
 * batch in flight is the part it leaves to its `batchScheduleFn`.
 */
export function groupCommitLoader<K, V>(batch: (keys: readonly K[]) => Promise<V[]>, maxBatchSize = 100): DataLoader<K, V> {
  let inFlight: Promise<unknown> = Promise.resolve();
  return new DataLoader<K, V>(
    (keys) => {
      const running = batch(keys);
      inFlight = running.catch(() => undefined);
      return running;
    },
    {
      cache: false,
      maxBatchSize,
      batchScheduleFn: (dispatch) => {
        void inFlight.then(() => setImmediate(dispatch));
      },
    },
  );
}
