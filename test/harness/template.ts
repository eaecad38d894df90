import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { migrations } from '../../prisma-free-schema/migrations';

/**
 * Builds (once per set of migration files) a template database by running the
 * real migrations, never `synchronize`. Test files clone it in milliseconds.
 */
export async function migrateTemplate(adminUrl: string, root: string): Promise<string> {
  const dir = path.join(root, 'prisma-free-schema', 'migrations');
  const hash = createHash('sha256');
  for (const file of fs.readdirSync(dir).sort()) hash.update(file).update(fs.readFileSync(path.join(dir, file)));
  const name = `samverkan_template_${hash.digest('hex').slice(0, 12)}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    // Older templates, and databases of test files, chaos and benchmark runs that were interrupted.
    const stale = await admin.query(
      `SELECT datname FROM pg_database WHERE (datname LIKE 'samverkan\\_template\\_%' AND datname <> $1) OR datname LIKE 't\\_%' OR datname LIKE 'chaos\\_%' OR datname LIKE 'bench\\_ci\\_%'`,
      [name],
    );
    for (const row of stale.rows) {
      await admin.query(`ALTER DATABASE "${row.datname}" WITH IS_TEMPLATE false`).catch(() => undefined);
      await admin.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
    }
    if (exists.rowCount) return name;
    const building = `${name}_building`;
    await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${building}"`);
    const dataSource = new DataSource({ type: 'postgres', url: withDatabase(adminUrl, building), migrations, migrationsTableName: 'schema_migration' });
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    await dataSource.destroy();
    await admin.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
    await admin.query(`ALTER DATABASE "${name}" WITH IS_TEMPLATE true`);
    return name;
  } finally {
    await admin.end();
  }
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
