import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, createReadStream, createWriteStream, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { Client } from 'pg';
import tar from 'tar-stream';
import { DEMO_LOGINS, DEMO_PASSWORD, SeedsModule, SeederService } from '@samverkan/seeds';
import { TestApp, startTestApp } from '../harness/test-app';
import { login } from '../harness/factories';
import { withDatabase } from '../harness/template';
import { spawnGroup } from '../harness/process-groups';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const services = require('../../scripts/lib/services');

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist', 'apps', 'cli', 'src', 'main.js');

/** Runs the built command line (as npm run backup / restore do) with only the given settings. */
function cli(args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  const base = { ...process.env };
  for (const key of ['DATABASE_URL', 'DATA_DIR', 'REDIS_URL', 'SMTP_URL']) delete base[key];
  return new Promise((resolve) => {
    const child = spawnGroup(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'], label: `cli ${args[0]} (backup test)` });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code: code ?? -1, out }));
  });
}

/** A data folder the postgres system user can reach (the embedded server runs as it when we are root). */
function freshDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'samverkan-restore-'));
  chmodSync(dir, 0o755);
  return dir;
}

/** Rewrites an archive entry by entry (to damage one file, or to change the manifest). */
async function rewrite(from: string, to: string, change: (name: string, body: Buffer) => Buffer): Promise<void> {
  const extract = tar.extract();
  const pack = tar.pack();
  extract.on('entry', (header, stream, next) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      const body = change(header.name, Buffer.concat(chunks));
      pack.entry({ ...header, size: body.length }, body, next);
    });
  });
  extract.on('finish', () => pack.finalize());
  await Promise.all([pipeline(createReadStream(from), createGunzip(), extract), pipeline(pack, createGzip(), createWriteStream(to))]);
}

async function readManifest(file: string): Promise<{ tables: { name: string; rows: number }[]; schemaVersion: string }> {
  let manifest = '';
  const extract = tar.extract();
  extract.on('entry', (header, stream, next) => {
    stream.on('data', (c: Buffer) => {
      if (header.name === 'manifest.json') manifest += c.toString();
    });
    stream.on('end', next);
  });
  await pipeline(createReadStream(file), createGunzip(), extract);
  return JSON.parse(manifest);
}

async function tableFingerprints(url: string): Promise<Record<string, { rows: number; md5: string }>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(`SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
    const result: Record<string, { rows: number; md5: string }> = {};
    for (const { name } of tables) {
      const { rows: [row] } = await client.query(`SELECT count(*)::int AS rows, coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '') AS md5 FROM ${name} t`);
      result[name] = row;
    }
    return result;
  } finally {
    await client.end();
  }
}

async function queryAll(url: string, sql: string): Promise<Record<string, unknown>[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('backup and restore (npm run backup / npm run restore)', () => {
  let t: TestApp;
  let admin: string;
  let archive: string;
  const work = mkdtempSync(path.join(tmpdir(), 'samverkan-backup-'));
  const cleanup: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    t = await startTestApp({}, [SeedsModule]);
    await t.app.get(SeederService).seed({ ifEmpty: true });
    admin = await login(t, DEMO_LOGINS.find((l) => l.role === 'admin')!.email, DEMO_PASSWORD);
    const ids = ((await t.db.query(`SELECT id FROM deliverable ORDER BY title, id LIMIT 2`)) as { id: string }[]).map((d) => d.id);
    // Three versions on one deliverable, the same bytes again on another (stored once).
    const texts = ['Utkast 1\n', 'Utkast 2 — med ändringar\n', `Slutversion ${randomBytes(8).toString('hex')}\n`];
    for (const [deliverableId, text] of [[ids[0], texts[0]], [ids[0], texts[1]], [ids[0], texts[2]], [ids[1], texts[0]]]) {
      const form = new FormData();
      form.append('file', new Blob([text], { type: 'text/plain' }), 'rapport.txt');
      const response = await t.http(`/deliverables/${deliverableId}/versions`, { method: 'POST', body: form, headers: { authorization: `Bearer ${admin}` } });
      expect(response.status).toBe(201);
    }
    archive = path.join(work, 'samverkan.tar.gz');
    const made = await cli(['backup', '--out', archive], { DATABASE_URL: t.config.DATABASE_URL, DATA_DIR: t.config.DATA_DIR });
    expect(made.out).toMatch(/Backup written: .*samverkan\.tar\.gz .*documents; schema \w+/);
    expect(made.code).toBe(0);
    process.stderr.write(made.out);
  }, 180_000);

  afterAll(async () => {
    for (const step of cleanup.reverse()) await step().catch(() => undefined);
    await t?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('restores into a fresh data folder (embedded PostgreSQL) that boots with every row, document and audit row equal', async () => {
    const fresh = freshDataDir();
    cleanup.push(async () => rmSync(fresh, { recursive: true, force: true }));
    const restored = await cli(['restore', archive], { DATA_DIR: fresh });
    expect(restored.out).toMatch(/Restored \d+ tables \(\d+ rows\) and \d+ documents/);
    expect(restored.code).toBe(0);

    // Start it as npm start would: the embedded server on that folder, and the API over it.
    const pg = await services.startPostgres({ dataDir: fresh, port: await services.freePort(), log: () => undefined });
    cleanup.push(() => pg.stop());
    const booted = await startTestApp({ DATABASE_URL: pg.url, DATA_DIR: fresh });
    cleanup.push(() => booted.close());

    const before = await tableFingerprints(t.config.DATABASE_URL);
    const after = await tableFingerprints(pg.url);
    expect(Object.keys(before).length).toBeGreaterThan(40);
    expect(after).toEqual(before);
    const audit = `SELECT * FROM audit_event ORDER BY id`;
    const auditBefore = await queryAll(t.config.DATABASE_URL, audit);
    expect(auditBefore.length).toBeGreaterThan(0);
    expect(await queryAll(pg.url, audit)).toEqual(auditBefore);

    // Every version downloads from the restored system with the content its row names; logins work.
    const token = await login(booted, DEMO_LOGINS.find((l) => l.role === 'admin')!.email, DEMO_PASSWORD);
    const versions = (await queryAll(pg.url, `SELECT id, content_hash FROM document_version ORDER BY id`)) as { id: string; content_hash: string }[];
    expect(versions.length).toBeGreaterThanOrEqual(5);
    for (const v of versions) {
      const response = await booted.http(`/deliverables/versions/${v.id}/file`, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(200);
      expect(createHash('sha256').update(Buffer.from(await response.arrayBuffer())).digest('hex')).toBe(v.content_hash);
    }
    // The restored system writes again: a new version gets the next number.
    const [{ deliverable_id, last }] = (await queryAll(pg.url, `SELECT deliverable_id, max(number) AS last FROM document_version GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`)) as { deliverable_id: string; last: number }[];
    const form = new FormData();
    form.append('file', new Blob(['Efter återställning\n'], { type: 'text/plain' }), 'ny.txt');
    const added = await booted.http(`/deliverables/${deliverable_id}/versions`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
    expect(added.status).toBe(201);
    expect(((await added.json()) as { number: number }).number).toBe(last + 1);

    // npm run backup on the embedded default finds the running server (postmaster.pid, postgres.password)…
    const running = await cli(['backup', '--out', path.join(work, 'running.tar.gz')], { DATA_DIR: fresh });
    expect(running.out).toContain('the embedded PostgreSQL running on port');
    expect(running.code).toBe(0);
    // …and starts a stopped one for the backup, and stops it again.
    await booted.close();
    await pg.stop();
    const stopped = await cli(['backup', '--out', path.join(work, 'stopped.tar.gz')], { DATA_DIR: fresh });
    expect(stopped.out).toContain('(started for this command)');
    expect(stopped.code).toBe(0);
    const rowsOf = (m: { tables: { name: string; rows: number }[] }) => Object.fromEntries(m.tables.map((x) => [x.name, x.rows]));
    const first = rowsOf(await readManifest(archive));
    const last3 = rowsOf(await readManifest(path.join(work, 'stopped.tar.gz')));
    expect(last3.document_version).toBe(first.document_version + 1);
    expect(Object.keys(last3).sort()).toEqual(Object.keys(first).sort());
  }, 240_000);

  it('restores into an empty managed database (DATABASE_URL), and refuses one that is not empty', async () => {
    const adminUrl = process.env.SAMVERKAN_TEST_ADMIN_URL!;
    const name = `restore_${process.pid}_${randomBytes(3).toString('hex')}`;
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE template0`);
    await admin.end();
    const url = withDatabase(adminUrl, name);
    cleanup.push(async () => {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    });
    const dataDir = freshDataDir();
    cleanup.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const restored = await cli(['restore', archive], { DATABASE_URL: url, DATA_DIR: dataDir });
    expect(restored.code).toBe(0);
    expect(await tableFingerprints(url)).toEqual(await tableFingerprints(t.config.DATABASE_URL));
    expect(existsSync(path.join(dataDir, 'postgres'))).toBe(false);

    const otherDir = freshDataDir();
    const intoFull = await cli(['restore', archive], { DATABASE_URL: url, DATA_DIR: otherDir });
    expect(intoFull.code).not.toBe(0);
    expect(intoFull.out).toContain('is not empty: restore into a new, empty database');
    rmSync(otherDir, { recursive: true, force: true });
  }, 180_000);

  it('refuses a damaged archive, a file that does not match its checksum, and a newer schema, touching nothing', async () => {
    const refused = async (file: string, pattern: RegExp) => {
      const dataDir = freshDataDir();
      try {
        const r = await cli(['restore', file], { DATA_DIR: dataDir });
        expect(r.out).toMatch(pattern);
        expect(r.code).not.toBe(0);
        expect(r.out).not.toMatch(/\n\s+at /); // a message, not a stack
        expect(readdirSync(dataDir)).toEqual([]); // no cluster made, no documents, no staging left
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    };
    // Bytes flipped in the middle of the compressed file.
    const flipped = path.join(work, 'flipped.tar.gz');
    const bytes = readFileSync(archive);
    for (let i = 0; i < 16; i += 1) bytes[Math.floor(bytes.length / 2) + i] ^= 0xff;
    writeFileSync(flipped, bytes);
    await refused(flipped, /is damaged/);
    // Cut short.
    const cut = path.join(work, 'cut.tar.gz');
    writeFileSync(cut, readFileSync(archive).subarray(0, Math.floor(bytes.length * 0.6)));
    await refused(cut, /is damaged/);
    // One row changed inside an intact archive: the manifest's checksum catches it.
    const tampered = path.join(work, 'tampered.tar.gz');
    await rewrite(archive, tampered, (name, body) => (name === 'database/public.audit_event.copy' ? Buffer.from(body.toString().replace(/upload/, 'uplOad')) : body));
    await refused(tampered, /is damaged \(checksum mismatch in database\/public\.audit_event\.copy\)/);
    // A backup from a newer Samverkan.
    const newer = path.join(work, 'newer.tar.gz');
    await rewrite(archive, newer, (name, body) => {
      if (name !== 'manifest.json') return body;
      return Buffer.from(JSON.stringify({ ...JSON.parse(body.toString()), schemaVersion: 'FutureThing9999999999999' }));
    });
    await refused(newer, /schema \(FutureThing9999999999999\) is newer than this Samverkan's/);
    await refused(path.join(work, 'no-such.tar.gz'), /There is no archive at/);
  }, 180_000);
});
