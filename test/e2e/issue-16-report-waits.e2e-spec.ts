import { Client } from 'pg';
import { TestApp, startTestApp } from '../harness/test-app';
import { commission, group, ok } from '../harness/structure-fixtures';

/**
 * Issue 16, item 13: `compileStatusReport` took 3.5 s of wall clock while its own
 * compileMs said 112 ms. The request must not wait on anyone else's work: here the
 * worker is (as far as PostgreSQL can tell) compiling the same commission's owed
 * periods, holding its per-commission lock. Shown by structure, not by a clock: the
 * mutation answers while the lock is held, and no backend ever waits for that lock.
 */
describe('issue 16: an on-demand report does not wait on the worker', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('answers while the scheduled compiler holds the commission lock', async () => {
    const c = await commission(t);
    for (const name of ['A', 'B', 'C', 'D']) await group(t, c.admin.token, c.commissionId, { name: `Group ${name}` });
    const worker = new Client({ connectionString: t.config.DATABASE_URL });
    await worker.connect();
    try {
      await worker.query('BEGIN');
      await worker.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`status_report:${c.commissionId}`]);

      const mutation = ok(t, c.secretariat.token, `mutation($c: ID!) { compileStatusReport(input: { commissionId: $c, period: "2022-Q1", notifyCommissioners: true }) { id compileMs } }`, { c: c.commissionId }).then(
        (data) => ({ answered: data.compileStatusReport }),
      );
      // Resolves as soon as some backend queues behind the lock we hold.
      let polling = true;
      const waiting = (async () => {
        while (polling) {
          const [{ n }] = (await t.db.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`)) as { n: number }[];
          if (n > 0) return { waitedOnLock: true };
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        return { waitedOnLock: false };
      })();
      const first = await Promise.race([mutation, waiting]);
      polling = false;
      expect(first).toMatchObject({ answered: { id: expect.any(String) } });
      expect(await waiting).toEqual({ waitedOnLock: false });
    } finally {
      await worker.query('ROLLBACK').catch(() => undefined);
      await worker.end();
    }
  });
});
