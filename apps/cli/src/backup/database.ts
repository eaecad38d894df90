import { createReadStream, createWriteStream, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { BackupError, Digest, SequenceEntry, TableEntry, fsyncPath } from './archive';

/** The repository root (holds package.json and scripts/), from the source tree or from dist/. */
export function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (existsSync(path.join(dir, 'scripts', 'lib', 'services.js')) && existsSync(path.join(dir, 'package.json'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`cannot find the Samverkan folder above ${__dirname}`);
    dir = up;
  }
}

export interface Database {
  url: string;
  source: 'embedded' | 'external';
  /** For messages: where it is, without the password. */
  where: string;
  /** Stops the embedded server if this command started it. */
  close(): Promise<void>;
}

interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * The database to back up or restore into: DATABASE_URL when set (a managed
 * PostgreSQL), else the embedded server of `npm start` in DATA_DIR/postgres —
 * used as it runs when it runs (its port is in postmaster.pid, its password in
 * DATA_DIR/postgres.password), otherwise started for the command and stopped after.
 * `create`: a data folder without a cluster gets a new one (restore); otherwise that is an error.
 */
export async function openDatabase(env: NodeJS.ProcessEnv, dataDir: string, create: boolean, log: (line: string) => void): Promise<Database> {
  if (env.DATABASE_URL) {
    const url = new URL(env.DATABASE_URL);
    return { url: env.DATABASE_URL, source: 'external', where: `${url.hostname}:${url.port || 5432}${url.pathname}`, close: async () => undefined };
  }
  const pgDir = path.join(dataDir, 'postgres');
  const hasCluster = existsSync(path.join(pgDir, 'PG_VERSION'));
  if (!hasCluster && !create) {
    throw new BackupError(`There is no embedded PostgreSQL in ${pgDir} (and DATABASE_URL is not set): set DATA_DIR to the folder npm start uses, or DATABASE_URL to the database to back up.`);
  }
  const running = hasCluster ? runningPort(pgDir) : undefined;
  if (running) {
    const password = readFileSync(path.join(dataDir, 'postgres.password'), 'utf8').trim();
    return {
      url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${running}/samverkan`,
      source: 'embedded',
      where: `the embedded PostgreSQL running on port ${running} (${pgDir})`,
      close: async () => undefined,
    };
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const services = require(path.join(repoRoot(), 'scripts', 'lib', 'services.js'));
  const server = (await services.startPostgres({ dataDir, port: await services.freePort(), log })) as EmbeddedServer;
  return { url: server.url, source: 'embedded', where: `the embedded PostgreSQL in ${pgDir} (started for this command)`, close: () => server.stop() };
}

/** The port of a live postmaster on pgDir, from its postmaster.pid. */
function runningPort(pgDir: string): number | undefined {
  let lines: string[];
  try {
    lines = readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !port) return undefined;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return undefined;
  }
  const comm = (() => {
    try {
      return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    } catch {
      return 'postgres';
    }
  })();
  return comm.startsWith('postgres') ? port : undefined;
}

/** A connection of its own, without the app's statement timeout (a large table's COPY takes what it takes). */
export async function connect(url: string, applicationName: string): Promise<Client> {
  const client = new Client({ connectionString: url, application_name: applicationName, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ECONNREFUSED') throw new BackupError(`Cannot reach PostgreSQL (${(error as Error).message}): is it running?`);
    throw error;
  }
  return client;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const qualified = (schema: string, name: string) => `${ident(schema)}.${ident(name)}`;

const USER_SCHEMAS = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'`;

/** Ordinary tables of the application's schemas, with their stored (non-generated) columns. */
export async function listTables(client: Client): Promise<{ schema: string; name: string; columns: string[] }[]> {
  const { rows } = await client.query<{ schema: string; name: string; columns: string[] }>(
    `SELECT n.nspname AS schema, c.relname AS name,
            array_agg(a.attname::text ORDER BY a.attnum) AS columns
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      WHERE c.relkind = 'r' AND ${USER_SCHEMAS}
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
      GROUP BY n.nspname, c.relname
      ORDER BY n.nspname, c.relname`,
  );
  return rows;
}

async function listSequences(client: Client): Promise<{ schema: string; name: string }[]> {
  const { rows } = await client.query<{ schema: string; name: string }>(
    `SELECT n.nspname AS schema, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'S' AND ${USER_SCHEMAS} ORDER BY 1, 2`,
  );
  return rows;
}

export interface Snapshot {
  schemaVersion: string;
  postgresVersion: string;
  tables: TableEntry[];
  sequences: SequenceEntry[];
  documents: string[];
}

/**
 * Copies every table into `folder` (database/<schema>.<table>.copy, COPY text
 * format) from one REPEATABLE READ snapshot, so rows, sequences and the list
 * of documents they name are all of the same moment.
 */
export async function dumpDatabase(client: Client, folder: string): Promise<Snapshot> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const [{ name: schemaVersion } = { name: '' }] = (await client.query<{ name: string }>(`SELECT name FROM schema_migration ORDER BY timestamp DESC, id DESC LIMIT 1`).catch(() => ({ rows: [] }))).rows;
    if (!schemaVersion) throw new BackupError('The database has no schema_migration rows: it is not a Samverkan database (run npm run migrate first).');
    const { rows: [{ server_version: postgresVersion }] } = await client.query<{ server_version: string }>('SHOW server_version');
    const tables: TableEntry[] = [];
    for (const table of await listTables(client)) {
      const file = `database/${table.schema}.${table.name}.copy`;
      const digest = new Digest();
      const columns = table.columns.map(ident).join(', ');
      const target = path.join(folder, file);
      await pipeline(client.query(copyTo(`COPY ${qualified(table.schema, table.name)} (${columns}) TO STDOUT`)), digest, createWriteStream(target, { flags: 'wx', mode: 0o600 }));
      await fsyncPath(target);
      tables.push({ ...table, rows: digest.lines, file });
    }
    const sequences: SequenceEntry[] = [];
    for (const seq of await listSequences(client)) {
      const { rows: [row] } = await client.query<{ last_value: string; is_called: boolean }>(`SELECT last_value::text AS last_value, is_called FROM ${qualified(seq.schema, seq.name)}`);
      sequences.push({ ...seq, lastValue: row.last_value, isCalled: row.is_called });
    }
    const { rows: docs } = await client.query<{ hash: string }>(`SELECT DISTINCT content_hash AS hash FROM document_version ORDER BY 1`);
    return { schemaVersion, postgresVersion, tables, sequences, documents: docs.map((d) => d.hash) };
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
  }
}

/** True when the database holds no tables of its own (a freshly created one). */
export async function isEmptyDatabase(client: Client): Promise<boolean> {
  const { rows } = await client.query(`SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND ${USER_SCHEMAS} LIMIT 1`);
  return rows.length === 0;
}

/**
 * Loads the archive's tables into a database whose schema the migrations have
 * just made, in one transaction: rows the migrations inserted are replaced by
 * the archive's, triggers and foreign-key checks are off while loading
 * (session_replication_role = replica: the rows were consistent when dumped),
 * sequences are set, and every table's row count is checked.
 */
export async function loadDatabase(client: Client, folder: string, tables: TableEntry[], sequences: SequenceEntry[]): Promise<void> {
  const present = new Set((await listTables(client)).map((t) => `${t.schema}.${t.name}`));
  const wanted = new Set(tables.map((t) => `${t.schema}.${t.name}`));
  const missing = [...wanted].filter((t) => !present.has(t));
  const extra = [...present].filter((t) => !wanted.has(t));
  if (missing.length || extra.length) {
    throw new BackupError(`The migrations made a schema that does not match the archive (missing: ${missing.join(', ') || 'none'}; not in the archive: ${extra.join(', ') || 'none'}).`);
  }
  await client.query('BEGIN');
  try {
    try {
      await client.query(`SET LOCAL session_replication_role = replica`);
    } catch (error) {
      throw new BackupError(
        `Restore needs a role that may set session_replication_role (a superuser, or the provider's admin role such as rds_superuser or azure_pg_admin): ${(error as Error).message}`,
      );
    }
    if (tables.length) await client.query(`TRUNCATE ${tables.map((t) => qualified(t.schema, t.name)).join(', ')}`);
    for (const table of tables) {
      const columns = table.columns.map(ident).join(', ');
      await pipeline(createReadStream(path.join(folder, table.file)), client.query(copyFrom(`COPY ${qualified(table.schema, table.name)} (${columns}) FROM STDIN`)));
    }
    for (const seq of sequences) {
      await client.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [qualified(seq.schema, seq.name), seq.lastValue, seq.isCalled]);
    }
    for (const table of tables) {
      const { rows: [{ count }] } = await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${qualified(table.schema, table.name)}`);
      if (count !== table.rows) throw new BackupError(`${table.schema}.${table.name} holds ${count} rows after loading, the archive ${table.rows}.`);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * Undoes the schema a failed restore made in a database that was empty when it
 * started, so the restore can simply be run again.
 */
export async function emptyAgain(client: Client): Promise<void> {
  const { rows } = await client.query<{ schema: string }>(
    `SELECT n.nspname AS schema FROM pg_namespace n WHERE ${USER_SCHEMAS} AND n.nspname <> 'public'
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = n.oid AND d.deptype = 'e')`,
  );
  for (const { schema } of rows) await client.query(`DROP SCHEMA ${ident(schema)} CASCADE`);
  await client.query(`DROP SCHEMA IF EXISTS public CASCADE`);
  await client.query(`CREATE SCHEMA public`);
  await client.query(`GRANT USAGE ON SCHEMA public TO PUBLIC`);
}
