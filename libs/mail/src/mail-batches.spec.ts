import { batchJobId, mailBatchSize, mailJobConcurrency, mailSendJobs, sendJobId } from './mail-batches';

const row = (n: number, attempts = 0) => ({ id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, attempts });

describe('mail batches', () => {
  it('cuts owed rows into jobs of the batch size, in order, carrying row ids only', () => {
    const rows = Array.from({ length: 7 }, (_, i) => row(i));
    const jobs = mailSendJobs(rows, 3);
    expect(jobs.map((job) => job.data)).toEqual([
      { ids: [rows[0].id, rows[1].id, rows[2].id] },
      { ids: [rows[3].id, rows[4].id, rows[5].id] },
      { id: rows[6].id },
    ]);
    // A batch of one keeps the one-row id a delayed retry also uses, so the two are one job.
    expect(jobs[2].jobId).toBe(sendJobId(rows[6].id, 1));
    expect(new Set(jobs.map((job) => job.jobId)).size).toBe(3);
    for (const job of jobs) expect(job.jobId).not.toMatch(/:/);
  });

  it('names a batch by its rows and their attempts: the same batch again is the same job, a next attempt is a new one', () => {
    const batch = [row(1), row(2, 2), row(3)];
    expect(batchJobId(batch)).toBe(batchJobId([batch[2], batch[0], batch[1]]));
    expect(mailSendJobs(batch, 25)[0].jobId).toBe(mailSendJobs([...batch].reverse(), 25)[0].jobId);
    expect(batchJobId(batch)).not.toBe(batchJobId([row(1), row(2, 3), row(3)]));
    expect(batchJobId(batch)).not.toBe(batchJobId([row(1), row(2, 2)]));
  });

  it('keeps at least two batches in flight within MAIL_SEND_CONCURRENCY', () => {
    expect(mailBatchSize({ MAIL_BATCH_SIZE: 25, MAIL_SEND_CONCURRENCY: 50 })).toBe(25);
    expect(mailJobConcurrency({ MAIL_BATCH_SIZE: 25, MAIL_SEND_CONCURRENCY: 50 })).toBe(2);
    expect(mailBatchSize({ MAIL_BATCH_SIZE: 25, MAIL_SEND_CONCURRENCY: 4 })).toBe(2);
    expect(mailJobConcurrency({ MAIL_BATCH_SIZE: 25, MAIL_SEND_CONCURRENCY: 4 })).toBe(2);
    expect(mailBatchSize({ MAIL_BATCH_SIZE: 10, MAIL_SEND_CONCURRENCY: 200 })).toBe(10);
    expect(mailJobConcurrency({ MAIL_BATCH_SIZE: 10, MAIL_SEND_CONCURRENCY: 200 })).toBe(20);
    expect(mailBatchSize({ MAIL_BATCH_SIZE: 25, MAIL_SEND_CONCURRENCY: 1 })).toBe(1);
    expect(mailJobConcurrency({ MAIL_BATCH_SIZE: 25, MAIL_SEND_CONCURRENCY: 1 })).toBe(1);
  });
});
