import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { AppConfig, dataSourceOptions } from '@samverkan/core';

/**
 * The entities describe tables and columns; checks, partial and expression
 * indexes, exclusion constraints, triggers and SQL defaults are written by hand in
 * the migrations and are invisible to TypeORM's metadata. Statements that would
 * drop or re-default them are not a difference to carry: they are left out.
 */
const HAND_WRITTEN = /\bDROP CONSTRAINT\b|^DROP INDEX\b|\bALTER COLUMN "[^"]+" (SET|DROP) DEFAULT\b/;

export interface SchemaDiff {
  up: string[];
  down: string[];
}

/**
 * What TypeORM would change to make the migrated schema match the entities:
 * runs every migration into a scratch database on the same server, compares it
 * with the entity metadata (the same comparison `typeorm migration:generate`
 * makes), and drops the scratch database again. Our migrations are the source
 * of truth; this finds an entity change that no migration carries yet.
 */
export async function schemaDiff(config: AppConfig, entities: DataSourceOptions['entities']): Promise<SchemaDiff> {
  const scratch = `samverkan_diff_${process.pid}_${Date.now()}`;
  const serverUrl = new URL(config.DATABASE_URL);
  const admin = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${scratch}`);
    const dataSource = new DataSource({
      ...dataSourceOptions({ ...config, DATABASE_URL: withDatabase(serverUrl, scratch) }, 'samverkan-schema-diff'),
      entities,
      logging: ['error'],
    });
    await dataSource.initialize();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
      // TypeORM reads generated-column expressions from its own metadata table; our
      // migrations do not keep one, so the scratch database gets one filled from the catalog.
      await dataSource.query(
        `CREATE TABLE IF NOT EXISTS typeorm_metadata (type varchar NOT NULL, database varchar, schema varchar, "table" varchar, name varchar, value text)`,
      );
      await dataSource.query(
        `INSERT INTO typeorm_metadata (type, database, schema, "table", name, value)
         SELECT 'GENERATED_COLUMN', current_database(), table_schema, table_name, column_name, generation_expression
           FROM information_schema.columns WHERE is_generated = 'ALWAYS' AND table_schema = 'public'`,
      );
      const sql = await dataSource.driver.createSchemaBuilder().log();
      const pairs = sql.upQueries.map((up, i) => ({ up: up.query, down: sql.downQueries[i]?.query ?? '' }));
      const kept = pairs.filter((pair) => !HAND_WRITTEN.test(pair.up));
      return { up: kept.map((pair) => pair.up), down: kept.map((pair) => pair.down).reverse() };
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

/** Writes the diff as a new migration file and returns its path and class name. */
export function writeMigration(folder: string, name: string, diff: SchemaDiff, now = Date.now()): { file: string; className: string } {
  const className = `${name}${now}`;
  const file = path.join(folder, `${now}-${name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}.ts`);
  const lines = (queries: string[]) => queries.map((q) => `    await q.query(${JSON.stringify(q)});`).join('\n');
  writeFileSync(
    file,
    `import { MigrationInterface, QueryRunner } from 'typeorm';

/** Generated from the entity diff by \`npm run migration:generate -- ${name}\`; review before committing. */
export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(q: QueryRunner): Promise<void> {
${lines(diff.up)}
  }

  async down(q: QueryRunner): Promise<void> {
${lines(diff.down)}
  }
}
`,
  );
  return { file, className };
}

function withDatabase(url: URL, database: string): string {
  const copy = new URL(url.toString());
  copy.pathname = `/${database}`;
  return copy.toString();
}
