import 'reflect-metadata';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { ConfigError, dataSourceOptions, parseConfig } from '@samverkan/core';

/**
 * Samverkan's command line: database migrations, schema snapshots, demo data.
 *   migrate            run pending migrations
 *   migrate:revert     revert the last migration
 *   seed [--if-empty]  load the four seed situations and demo logins
 *   schema:diff [--check]        what the entities have that no migration made (exit 1 with --check)
 *   migration:generate <Name>    write that difference as a new migration
 *   backup [--out <file|folder>] one archive: every table, the documents, a manifest (docs/backup.md)
 *   restore <archive>            into an empty database / data folder; refuses a damaged archive or a newer schema
 */
async function main(argv: string[]): Promise<void> {
  const [command, ...flags] = argv;
  const config = parseConfig(process.env);
  switch (command) {
    case 'migrate':
    case 'migrate:revert': {
      const dataSource = await new DataSource({ ...dataSourceOptions(config, 'samverkan-cli'), logging: ['error'] }).initialize();
      try {
        if (command === 'migrate') {
          const applied = await dataSource.runMigrations({ transaction: 'each' });
          say(applied.length ? `Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}` : 'The database schema is up to date.');
        } else {
          await dataSource.undoLastMigration({ transaction: 'each' });
          say('Reverted the last migration.');
        }
      } finally {
        await dataSource.destroy();
      }
      return;
    }
    case 'seed': {
      const { runSeed } = await import('./seed.js');
      await runSeed(flags.includes('--if-empty'));
      return;
    }
    case 'schema:diff':
    case 'migration:generate': {
      const { schemaDiff, writeMigration } = await import('./schema-diff.js');
      const root = path.resolve(__dirname, '../../..');
      const diff = await schemaDiff(config, [path.join(root, 'libs/*/src/**/*.entity.js')]);
      if (command === 'schema:diff') {
        say(diff.up.length ? diff.up.map((q) => `${q};`).join('\n') : 'The entities match the migrations.');
        if (diff.up.length && flags.includes('--check')) process.exitCode = 1;
        return;
      }
      const name = flags[0];
      if (!/^[A-Z][A-Za-z0-9]+$/.test(name ?? '')) throw new UsageError('Usage: migration:generate <Name> (PascalCase, e.g. AddMeetingRoom)');
      if (!diff.up.length) return say('The entities match the migrations: nothing to generate.');
      const folder = path.resolve(root, '../prisma-free-schema/migrations');
      const { file, className } = writeMigration(folder, name, diff);
      say(`Wrote ${path.relative(process.cwd(), file)} (${diff.up.length} statement(s)); review it and add ${className} to prisma-free-schema/migrations/index.ts`);
      return;
    }
    case 'backup': {
      const { runBackup } = await import('./backup/backup.js');
      const at = flags.indexOf('--out');
      if (at >= 0 && !flags[at + 1]) throw new UsageError('Usage: backup [--out <file.tar.gz or folder>]');
      await runBackup({ env: process.env, out: at >= 0 ? flags[at + 1] : undefined, log: say });
      return;
    }
    case 'restore': {
      const { runRestore } = await import('./backup/restore.js');
      if (flags.length !== 1) throw new UsageError('Usage: npm run restore -- <archive.tar.gz>');
      await runRestore({ env: process.env, archive: flags[0], log: say });
      return;
    }
    default:
      throw new UsageError(`Unknown command "${command ?? ''}". Use: migrate | migrate:revert | seed [--if-empty] | schema:diff [--check] | migration:generate <Name> | backup [--out <path>] | restore <archive>`);
  }
}

class UsageError extends Error {}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof UsageError || (error instanceof Error && error.name === 'BackupError')) {
      process.stderr.write(`${error.message}\n`);
    } else {
      const code = (error as { code?: string }).code;
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(code === 'ECONNREFUSED' ? `Cannot reach PostgreSQL at DATABASE_URL: ${message}. Is it running?\n` : `Failed: ${message}\n`);
    }
    process.exit(1);
  },
);
