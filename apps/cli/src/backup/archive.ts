import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, readFileSync } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import tar from 'tar-stream';

/**
 * The backup archive: one gzip-compressed tar holding
 *   database/<schema>.<table>.copy   each table in COPY text format
 *   documents/<sha-256>              each stored document, named by its content hash
 *   manifest.json                    last: what is inside, with sha-256 and size per file
 * The manifest comes last because the checksums are known only once the rest is
 * written; restore reads the whole archive (checking every file) before it touches anything.
 */
export const ARCHIVE_FORMAT = 'samverkan-backup';
export const ARCHIVE_FORMAT_VERSION = 1;

export interface TableEntry {
  schema: string;
  name: string;
  /** Columns in COPY order (generated columns are left out: PostgreSQL computes them again). */
  columns: string[];
  rows: number;
  file: string;
}

export interface SequenceEntry {
  schema: string;
  name: string;
  lastValue: string;
  isCalled: boolean;
}

export interface Manifest {
  format: typeof ARCHIVE_FORMAT;
  formatVersion: number;
  createdAt: string;
  appVersion: string;
  /** The name of the last migration the database had run. */
  schemaVersion: string;
  postgresVersion: string;
  source: 'embedded' | 'external';
  tables: TableEntry[];
  sequences: SequenceEntry[];
  documents: { hash: string; size: number }[];
  /** Every other file in the archive with its sha-256 and size. */
  files: Record<string, { sha256: string; size: number }>;
}

/** An error the command line prints as it is (no stack): a refusal or a damaged archive. */
export class BackupError extends Error {
  override name = 'BackupError';
}

const HASH = /^[0-9a-f]{64}$/;
const TABLE_FILE = /^database\/[A-Za-z0-9_$.-]+\.copy$/;

/** Whether a name may appear in an archive (no absolute paths, no "..", nothing unexpected). */
export function allowedEntry(name: string): boolean {
  if (name === 'manifest.json') return true;
  if (name.startsWith('documents/')) return HASH.test(name.slice('documents/'.length));
  return TABLE_FILE.test(name) && !name.includes('..');
}

/** A pass-through that counts bytes and lines and hashes what flows by. */
export class Digest extends Transform {
  private readonly hash = createHash('sha256');
  size = 0;
  lines = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) this.lines += 1;
    done(null, chunk);
  }

  sha256(): string {
    return this.hash.digest('hex');
  }
}

/** fsync of a file or folder by path. */
export async function fsyncPath(target: string): Promise<void> {
  const handle = await open(target, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export interface PackInput {
  /** Name in the archive. */
  name: string;
  /** File on disk. */
  source: string;
  /** When set, the content must hash to this (a document named by its hash). */
  expectSha256?: string;
}

/**
 * Writes the archive to `target`: first to `<target>.partial`, fsynced, then
 * renamed, so a crash or a full disk never leaves a half archive under the final name.
 * The manifest's `files` is completed here with the checksum of every input.
 */
export async function writeArchive(target: string, inputs: PackInput[], manifest: Omit<Manifest, 'files'> & { files?: Manifest['files'] }): Promise<number> {
  const partial = `${target}.partial`;
  await mkdir(path.dirname(target), { recursive: true });
  const pack = tar.pack();
  const gzip = createGzip({ level: 6 });
  const out = createWriteStream(partial, { flags: 'w', mode: 0o600 });
  const written = pipeline(pack, gzip, out);
  const files: Manifest['files'] = { ...(manifest.files ?? {}) };
  try {
    for (const input of inputs) {
      const info = await stat(input.source);
      const digest = new Digest();
      await new Promise<void>((resolve, reject) => {
        const entry = pack.entry({ name: input.name, size: info.size, mode: 0o600, mtime: info.mtime }, (error) => (error ? reject(error) : resolve()));
        pipeline(createReadStream(input.source), digest, entry).catch(reject);
      });
      if (digest.size !== info.size) throw new BackupError(`${input.source} changed while it was being archived`);
      const sha256 = digest.sha256();
      if (input.expectSha256 && sha256 !== input.expectSha256) {
        throw new BackupError(`the stored document ${input.source} does not hash to its name (${sha256}): the document store is damaged`);
      }
      files[input.name] = { sha256, size: info.size };
    }
    const body = Buffer.from(`${JSON.stringify({ ...manifest, files }, null, 2)}\n`);
    await new Promise<void>((resolve, reject) => pack.entry({ name: 'manifest.json', size: body.length, mode: 0o600, mtime: new Date(manifest.createdAt) }, body, (error) => (error ? reject(error) : resolve())));
    pack.finalize();
    await written;
    await fsyncPath(partial);
    await rename(partial, target);
    await fsyncPath(path.dirname(target));
    return (await stat(target)).size;
  } catch (error) {
    pack.destroy();
    await written.catch(() => undefined);
    await rm(partial, { force: true });
    throw error;
  }
}

/**
 * Reads the whole archive into `staging` (which must not exist), checking the
 * names, then every file against the manifest. Throws BackupError("… damaged …")
 * on any mismatch; returns the manifest. Nothing outside `staging` is written.
 */
export async function extractArchive(archive: string, staging: string): Promise<Manifest> {
  if (!existsSync(archive)) throw new BackupError(`There is no archive at ${archive}.`);
  await mkdir(staging, { recursive: false, mode: 0o700 });
  const seen: Manifest['files'] = {};
  const extract = tar.extract();
  const damaged = (why: string) => new BackupError(`The archive ${archive} is damaged (${why}); nothing was restored.`);
  extract.on('entry', (header, stream, next) => {
    const fail = (error: Error) => {
      stream.resume();
      next(error);
    };
    if (header.type !== 'file' || !allowedEntry(header.name)) return fail(damaged(`unexpected entry "${header.name}"`));
    if (seen[header.name]) return fail(damaged(`"${header.name}" appears twice`));
    const target = path.join(staging, header.name);
    const digest = new Digest();
    mkdir(path.dirname(target), { recursive: true })
      .then(() => pipeline(stream, digest, createWriteStream(target, { flags: 'wx', mode: 0o600 })))
      .then(() => {
        seen[header.name] = { sha256: digest.sha256(), size: digest.size };
        next();
      }, fail);
  });
  try {
    await pipeline(createReadStream(archive), createGunzip(), extract);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw damaged((error as Error).message);
  }
  if (!seen['manifest.json']) throw damaged('it has no manifest.json; it may be cut short');
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(staging, 'manifest.json'), 'utf8')) as Manifest;
  } catch (error) {
    throw damaged(`manifest.json is not readable: ${(error as Error).message}`);
  }
  if (manifest.format !== ARCHIVE_FORMAT) throw new BackupError(`${archive} is not a Samverkan backup (no "${ARCHIVE_FORMAT}" manifest).`);
  if (manifest.formatVersion > ARCHIVE_FORMAT_VERSION) {
    throw new BackupError(`${archive} was written in backup format ${manifest.formatVersion}; this Samverkan reads format ${ARCHIVE_FORMAT_VERSION}. Restore it with the Samverkan version that wrote it (${manifest.appVersion}) or a newer one.`);
  }
  for (const [name, expected] of Object.entries(manifest.files ?? {})) {
    const got = seen[name];
    if (!got) throw damaged(`${name} is missing`);
    if (got.size !== expected.size || got.sha256 !== expected.sha256) throw damaged(`checksum mismatch in ${name}`);
  }
  for (const name of Object.keys(seen)) {
    if (name !== 'manifest.json' && !manifest.files?.[name]) throw damaged(`${name} is not in the manifest`);
  }
  for (const table of manifest.tables ?? []) if (!manifest.files[table.file]) throw damaged(`the data of ${table.schema}.${table.name} is missing`);
  for (const doc of manifest.documents ?? []) {
    const file = manifest.files[`documents/${doc.hash}`];
    if (!file || file.sha256 !== doc.hash) throw damaged(`document ${doc.hash} is missing or does not match its hash`);
  }
  return manifest;
}
