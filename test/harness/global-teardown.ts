export default async function globalTeardown(): Promise<void> {
  const g = globalThis as unknown as Record<string, { stop(): Promise<void> } | undefined>;
  await g.__SAMVERKAN_REDIS__?.stop();
  await g.__SAMVERKAN_PG__?.stop();
}
