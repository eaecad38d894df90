import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { ARCHIVE_FORMAT, ARCHIVE_FORMAT_VERSION, BackupError, PackInput, writeArchive } from './archive';
import { connect, dumpDatabase, openDatabase, repoRoot } from './database';

export interface BackupOptions {
  env: NodeJS.ProcessEnv;
  /** A file (…tar.gz) or a folder to write into; default DATA_DIR/backups. */
  out?: string;
  log(line: string): void;
}

/** The data folder as npm start uses it: DATA_DIR, else .data in the Samverkan folder. */
export function dataDirOf(env: NodeJS.ProcessEnv): string {
  return env.DATA_DIR ? path.resolve(env.DATA_DIR) : path.join(repoRoot(), '.data');
}

/** Where a document's content lives (LocalDocumentStorage's layout). */
export function documentPath(dataDir: string, hash: string): string {
  return path.join(dataDir, 'documents', hash.slice(0, 2), hash.slice(2, 4), hash);
}

function appVersion(): string {
  return (JSON.parse(readFileSync(path.join(repoRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

async function targetFile(out: string | undefined, dataDir: string, createdAt: Date): Promise<string> {
  const name = `samverkan-${createdAt.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}.tar.gz`;
  if (!out) return path.join(dataDir, 'backups', name);
  const resolved = path.resolve(out);
  const info = await stat(resolved).catch(() => undefined);
  if (info?.isDirectory() || out.endsWith('/')) return path.join(resolved, name);
  if (info) throw new BackupError(`${resolved} already exists: name a new file or a folder.`);
  return resolved;
}

/**
 * npm run backup [-- --out <file or folder>]: one archive with every table of
 * the database in use (one consistent snapshot), the document files its rows
 * name, and a manifest (schema version, app version, sha-256 per file).
 * Returns the archive's path.
 */
export async function runBackup(options: BackupOptions): Promise<string> {
  const { env, log } = options;
  const dataDir = dataDirOf(env);
  const createdAt = new Date();
  const target = await targetFile(options.out, dataDir, createdAt);
  const staging = path.join(path.dirname(target), `.samverkan-backup-${process.pid}-${randomBytes(4).toString('hex')}`);
  await mkdir(path.join(staging, 'database'), { recursive: true, mode: 0o700 });
  const database = await openDatabase(env, dataDir, false, log);
  try {
    log(`Backing up ${database.where} and the documents in ${path.join(dataDir, 'documents')}`);
    const client = await connect(database.url, 'samverkan-backup');
    let snapshot;
    try {
      snapshot = await dumpDatabase(client, staging);
    } finally {
      await client.end().catch(() => undefined);
    }
    const inputs: PackInput[] = snapshot.tables.map((t) => ({ name: t.file, source: path.join(staging, t.file) }));
    const documents: { hash: string; size: number }[] = [];
    for (const hash of snapshot.documents) {
      const source = documentPath(dataDir, hash);
      if (!existsSync(source)) {
        throw new BackupError(`Document ${hash} is named by a document version but missing from ${path.join(dataDir, 'documents')}: is DATA_DIR the folder the API uses?`);
      }
      documents.push({ hash, size: (await stat(source)).size });
      inputs.push({ name: `documents/${hash}`, source, expectSha256: hash });
    }
    const size = await writeArchive(target, inputs, {
      format: ARCHIVE_FORMAT,
      formatVersion: ARCHIVE_FORMAT_VERSION,
      createdAt: createdAt.toISOString(),
      appVersion: appVersion(),
      schemaVersion: snapshot.schemaVersion,
      postgresVersion: snapshot.postgresVersion,
      source: database.source,
      tables: snapshot.tables,
      sequences: snapshot.sequences,
      documents,
    });
    const rows = snapshot.tables.reduce((sum, t) => sum + t.rows, 0);
    log(
      `Backup written: ${target} (${(size / 1024 / 1024).toFixed(1)} MB; ${snapshot.tables.length} tables, ${rows} rows, ${documents.length} documents; schema ${snapshot.schemaVersion})`,
    );
    return target;
  } finally {
    await database.close().catch((error: Error) => log(`Stopping PostgreSQL: ${error.message}`));
    await rm(staging, { recursive: true, force: true });
  }
}
