import { INestApplicationContext, Type } from '@nestjs/common';
import { createWorker } from '../../apps/worker/src/bootstrap';
import { scaled } from './progress';
import type { TestApp } from './test-app';

/**
 * Boots a real worker (BullMQ processors, sweep scheduler) in this process over
 * the test app's database, Redis prefix and SMTP sink, with short timings.
 */
export async function startTestWorker(t: TestApp, overrides: Record<string, string> = {}, extraModules: Type[] = []): Promise<INestApplicationContext> {
  const worker = await createWorker(
    {
      ...t.config,
      MAIL_RETRY_BASE_SECONDS: '0.2',
      MAIL_RETRY_MAX_SECONDS: '1',
      MAIL_LEASE_SECONDS: '5',
      SWEEP_INTERVAL_SECONDS: '3600',
      LOG_LEVEL: process.env.TEST_WORKER_LOG_LEVEL ?? 'silent',
      ...overrides,
    },
    extraModules,
  );
  await worker.init();
  return worker;
}

/**
 * Polls until `check` returns a truthy value. There is nothing to watch for
 * progress here, so the limit is scaled by how loaded the machine is
 * (progress.ts `scaled`): a busy machine is slow, not wrong.
 */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const limitMs = scaled(timeoutMs);
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${Math.round(limitMs / 1000)} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
