import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { DataSource, MigrationInterface } from 'typeorm';
import { dataSourceOptions, parseConfig } from '@samverkan/core';
import { migrations } from '../../../../prisma-free-schema/migrations';
import { BackupError, Manifest, extractArchive, fsyncPath } from './archive';
import { dataDirOf, documentPath } from './backup';
import { connect, emptyAgain, isEmptyDatabase, loadDatabase, openDatabase } from './database';

export interface RestoreOptions {
  env: NodeJS.ProcessEnv;
  archive: string;
  log(line: string): void;
}

/** The names of the code's migrations, in order. */
export function migrationNames(): string[] {
  return migrations.map((m) => (new (m as new () => MigrationInterface)().name ?? m.name) as string);
}

const timestampOf = (name: string) => Number(/(\d{13})$/.exec(name)?.[1] ?? NaN);

/**
 * The code's migrations up to and including the archive's schema version.
 * Refuses an archive from a newer schema (or one this code does not know).
 */
export function migrationsUpTo(schemaVersion: string): number {
  const names = migrationNames();
  const index = names.indexOf(schemaVersion);
  if (index >= 0) return index + 1;
  const latest = names[names.length - 1];
  if (timestampOf(schemaVersion) > timestampOf(latest)) {
    throw new BackupError(
      `The archive's database schema (${schemaVersion}) is newer than this Samverkan's (${latest}): restore it with the version that wrote it, or upgrade Samverkan first. Nothing was restored.`,
    );
  }
  throw new BackupError(`The archive's database schema (${schemaVersion}) is not one this Samverkan knows (its last is ${latest}). Nothing was restored.`);
}

function isEmptyFolder(folder: string): boolean {
  try {
    return readdirSync(folder).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}

async function migrate(url: string, env: NodeJS.ProcessEnv, count: number | undefined): Promise<void> {
  const config = parseConfig({ ...env, DATABASE_URL: url });
  const list = count === undefined ? migrations : migrations.slice(0, count);
  const dataSource = await new DataSource({ ...dataSourceOptions(config, 'samverkan-restore'), migrations: list, logging: ['error'] }).initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

/**
 * npm run restore -- <archive>: checks the whole archive first (every
 * checksum, the schema version against this code), then brings it back into
 * an empty database (DATABASE_URL, or the embedded PostgreSQL of an empty
 * DATA_DIR, created here) and an empty DATA_DIR/documents. The schema is made
 * by the migrations up to the archive's version, the rows are loaded, then
 * any newer migrations of this code run.
 */
export async function runRestore(options: RestoreOptions): Promise<Manifest> {
  const { env, log } = options;
  const archive = path.resolve(options.archive);
  const dataDir = dataDirOf(env);
  const documents = path.join(dataDir, 'documents');
  await mkdir(dataDir, { recursive: true });
  const staging = path.join(dataDir, `.restore-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    log(`Checking ${archive}`);
    const manifest = await extractArchive(archive, staging);
    const count = migrationsUpTo(manifest.schemaVersion);
    if (!isEmptyFolder(documents)) throw new BackupError(`${documents} is not empty: restore into an empty data folder (set DATA_DIR), or move it away first.`);
    const database = await openDatabase(env, dataDir, true, log);
    try {
      const client = await connect(database.url, 'samverkan-restore');
      try {
        if (!(await isEmptyDatabase(client))) {
          throw new BackupError(`The database (${database.where}) is not empty: restore into a new, empty database (or an empty DATA_DIR). Nothing was restored.`);
        }
        log(`Restoring the backup of ${manifest.createdAt} (Samverkan ${manifest.appVersion}, schema ${manifest.schemaVersion}) into ${database.where}`);
        try {
          await migrate(database.url, env, count);
          await loadDatabase(client, staging, manifest.tables, manifest.sequences);
          await migrate(database.url, env, undefined);
        } catch (error) {
          await emptyAgain(client).catch((cleanup: Error) => log(`Could not empty the database again: ${cleanup.message}`));
          throw error;
        }
      } finally {
        await client.end().catch(() => undefined);
      }
    } finally {
      await database.close().catch((error: Error) => log(`Stopping PostgreSQL: ${error.message}`));
    }
    for (const doc of manifest.documents) {
      const target = documentPath(dataDir, doc.hash);
      await mkdir(path.dirname(target), { recursive: true });
      await rename(path.join(staging, 'documents', doc.hash), target);
      await fsyncPath(target);
      await fsyncPath(path.dirname(target));
    }
    const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    log(`Restored ${manifest.tables.length} tables (${rows} rows) and ${manifest.documents.length} documents into ${dataDir}.`);
    return manifest;
  } finally {
    if (existsSync(staging)) await rm(staging, { recursive: true, force: true });
  }
}
