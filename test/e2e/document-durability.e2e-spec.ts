import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { DocumentsService } from '@samverkan/deliverables';
import { OutboxService } from '@samverkan/mail';
import { reminderTemplate } from '@samverkan/notifications';
import { TestApp, freePort, startTestApp } from '../harness/test-app';
import { createPerson } from '../harness/factories';
import { createDeliverable, deliverableWorld, DeliverableWorld } from '../harness/deliverable-fixtures';
import { eventually, startTestWorker } from '../harness/test-worker';
import { GroupChild, spawnGroup } from '../harness/process-groups';

const ROOT = path.resolve(__dirname, '../..');

/** Every file under a folder, as paths relative to it. */
function filesUnder(dir: string): string[] {
  const walk = (d: string): string[] => {
    try {
      return readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.relative(dir, path.join(d, e.name))]));
    } catch {
      return [];
    }
  };
  return walk(dir);
}

const documentFile = (dataDir: string, hash: string) => path.join(dataDir, 'documents', hash.slice(0, 2), hash.slice(2, 4), hash);

async function upload(baseUrl: string, token: string, deliverableId: string, bytes: Buffer, filename = 'rapport.txt') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'text/plain' }), filename);
  return fetch(`${baseUrl}/deliverables/${deliverableId}/versions`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' } });
}

describe('documents are as safe as rows', () => {
  let t: TestApp;
  let w: DeliverableWorld;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    t = await startTestApp();
    w = await deliverableWorld(t);
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('an API killed between writing the file and committing its row leaves no row, only an orphan file that the hourly sweep removes', async () => {
    const d = await createDeliverable(t, w.secretariat.token, { commissionId: w.commissionId, workingGroupId: w.groupId });
    const kept = Buffer.from('Version 1, kept\n');
    expect((await upload(t.url, w.secretariat.token, d.id, kept)).status).toBe(201);

    // The built API as its own process, told (test-only hook) to SIGKILL itself right after the file is durably in place.
    const port = await freePort();
    const env: Record<string, string> = { ...(process.env as Record<string, string>), ...t.config, PORT: String(port), LOG_LEVEL: 'warn', SAMVERKAN_TEST_CRASH_AFTER_DOCUMENT_WRITE: '1' };
    const api: GroupChild = spawnGroup(process.execPath, [path.join(ROOT, 'dist/apps/api/src/main.js')], { env, stdio: 'ignore', label: 'api (crash after document write)' });
    const exited = new Promise<string | number | null>((resolve) => api.on('exit', (code, signal) => resolve(signal ?? code)));
    try {
      await eventually(() => fetch(`http://127.0.0.1:${port}/health/ready`).then((r) => r.ok, () => false), 60_000, 'the API process to be ready');
      const lost = Buffer.from(`Version 2, lost in the crash ${randomBytes(6).toString('hex')}\n`);
      const hash = createHash('sha256').update(lost).digest('hex');
      const answer = await upload(`http://127.0.0.1:${port}`, w.secretariat.token, d.id, lost).then(
        (r) => r.status,
        (error: Error) => error.message,
      );
      expect(answer).toMatch(/fetch failed|socket|terminated/i); // the process died mid-request
      expect(await exited).toBe('SIGKILL');

      // The file reached its place; its row never committed.
      expect(existsSync(documentFile(t.config.DATA_DIR, hash))).toBe(true);
      expect(await t.db.query(`SELECT 1 FROM document_version WHERE content_hash = $1`, [hash])).toHaveLength(0);
      expect(await t.db.query(`SELECT number FROM document_version WHERE deliverable_id = $1`, [d.id])).toEqual([{ number: 1 }]);
      // No row anywhere without its file.
      const rows = (await t.db.query(`SELECT DISTINCT content_hash FROM document_version`)) as { content_hash: string }[];
      for (const row of rows) expect(existsSync(documentFile(t.config.DATA_DIR, row.content_hash))).toBe(true);

      // A write cut short earlier left a temporary file; neither is an hour old yet, so the sweep keeps both (an upload may be under way).
      const leftover = `${documentFile(t.config.DATA_DIR, hash)}.${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}.tmp`;
      writeFileSync(leftover, 'half a docu');
      expect(await t.app.get(DocumentsService).sweepOrphans()).toEqual([]);
      expect(existsSync(documentFile(t.config.DATA_DIR, hash))).toBe(true);
      expect(existsSync(leftover)).toBe(true);

      // An hour later the hourly sweep (run at worker start too) removes the orphan and the leftover, and nothing in use.
      const past = new Date(Date.now() - 2 * 3_600_000);
      utimesSync(documentFile(t.config.DATA_DIR, hash), past, past);
      utimesSync(leftover, past, past);
      const keptFile = documentFile(t.config.DATA_DIR, createHash('sha256').update(kept).digest('hex'));
      utimesSync(keptFile, past, past);
      worker = await startTestWorker(t);
      await eventually(async () => !existsSync(documentFile(t.config.DATA_DIR, hash)) && !existsSync(leftover), 30_000, 'the sweep to remove the orphan');
      expect(existsSync(keptFile)).toBe(true);
      const download = await t.http(`/deliverables/versions/${(await t.db.query(`SELECT id FROM document_version WHERE deliverable_id = $1`, [d.id]))[0].id}/file`, { headers: { authorization: `Bearer ${w.secretariat.token}` } });
      expect(Buffer.from(await download.arrayBuffer()).equals(kept)).toBe(true);
    } finally {
      if (api.exitCode === null && api.signalCode === null) api.kill('SIGKILL');
      await worker?.close();
      worker = undefined;
    }
  }, 180_000);
});

/**
 * A full disk, for real: DATA_DIR on a 512 kB tmpfs (the test machines run as
 * root, where mount works).
 */
describe('a full disk', () => {
  let t: TestApp;
  let w: DeliverableWorld;
  let worker: INestApplicationContext | undefined;
  const mountPoint = mkdtempSync(path.join(tmpdir(), 'samverkan-full-'));
  let mounted = false;

  beforeAll(async () => {
    const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=512k,mode=0755', 'tmpfs', mountPoint], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`this test needs a small tmpfs (run as root): mount said ${r.stderr || r.error?.message}`);
    mounted = true;
    mkdirSync(path.join(mountPoint, 'mail'));
    // SMTP_URL empty: mail goes to .eml files under DATA_DIR/mail, on the small disk too.
    t = await startTestApp({ DATA_DIR: mountPoint, SMTP_URL: '', MAIL_MAX_ATTEMPTS: '100' });
    w = await deliverableWorld(t);
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    if (mounted) spawnSync('umount', [mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  it('an upload that does not fit is STORAGE_FULL (HTTP 507), stores no row and no part of a file; one that fits is stored', async () => {
    const d = await createDeliverable(t, w.secretariat.token, { commissionId: w.commissionId, workingGroupId: w.groupId });
    const big = Buffer.from('Ett stort betänkande.\n'.repeat(40_000)); // ~880 kB
    const auditBefore = Number((await t.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE entity = 'document_version'`))[0].n);
    const response = await upload(t.url, w.secretariat.token, d.id, big);
    expect(response.status).toBe(507);
    expect(await response.json()).toEqual({ code: 'STORAGE_FULL', message: 'The server has no room to store this right now. Nothing was saved; try again later.' });
    expect(await t.db.query(`SELECT 1 FROM document_version WHERE deliverable_id = $1`, [d.id])).toHaveLength(0);
    expect(Number((await t.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE entity = 'document_version'`))[0].n)).toBe(auditBefore);
    expect(filesUnder(path.join(mountPoint, 'documents'))).toEqual([]);

    const small = Buffer.from('Sammanfattning\n'.repeat(100));
    const stored = await upload(t.url, w.secretariat.token, d.id, small);
    expect(stored.status).toBe(201);
    expect(filesUnder(path.join(mountPoint, 'documents'))).toEqual([path.join(...[0, 2].map((i) => createHash('sha256').update(small).digest('hex').slice(i, i + 2)), createHash('sha256').update(small).digest('hex'))]);
  }, 60_000);

  it('a mail that cannot be written as .eml fails that attempt and is sent on a later one, never leaving a half file', async () => {
    // Fill the disk to the last byte.
    const filler = path.join(mountPoint, 'filler');
    try {
      writeFileSync(filler, Buffer.alloc(1024 * 1024));
    } catch (error) {
      expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
    }
    const person = await createPerson(t.db, { locale: 'en' });
    const outbox = t.app.get(OutboxService);
    const { id } = await t.db.transaction((manager) =>
      outbox.enqueue(manager, {
        template: reminderTemplate,
        props: { kind: 'test.deadline', title: 'Budget '.repeat(200), date: '2031-06-30' },
        recipient: { personId: person.id, address: person.email, name: 'Anna', locale: 'en', timeZone: 'Europe/Stockholm' },
        dedupeKey: `enospc:${person.id}`,
      }),
    );
    worker = await startTestWorker(t, { MAIL_MAX_ATTEMPTS: '100', MAIL_RETRY_BASE_SECONDS: '0.5', MAIL_RETRY_MAX_SECONDS: '1' });
    await outbox.dispatch([id]);
    const failed = await eventually(
      async () => ((await t.db.query(`SELECT status, attempts, last_error FROM mail_outbox WHERE id = $1`, [id])) as Record<string, any>[]).find((r) => r.attempts >= 1 && r.last_error),
      30_000,
      'a failed attempt',
    );
    expect(failed.last_error).toMatch(/ENOSPC/);
    expect(['pending', 'sending']).toContain(failed.status);
    expect(filesUnder(path.join(mountPoint, 'mail'))).toEqual([]); // no .eml, no temporary file

    rmSync(filler);
    const sent = await eventually(
      async () => ((await t.db.query(`SELECT status, attempts, message_id FROM mail_outbox WHERE id = $1`, [id])) as Record<string, any>[]).find((r) => r.status === 'sent'),
      30_000,
      'the retried mail to be sent',
    );
    expect(sent.attempts).toBeGreaterThanOrEqual(2);
    expect(filesUnder(path.join(mountPoint, 'mail'))).toEqual([`${id}.eml`]);
    expect(readFileSync(path.join(mountPoint, 'mail', `${id}.eml`), 'utf8')).toContain(sent.message_id.replace(/^<|>$/g, ''));
  }, 90_000);
});
