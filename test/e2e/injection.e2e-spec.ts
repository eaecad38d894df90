import { GraphQLSchemaHost } from '@nestjs/graphql';
import { SeedsModule } from '@samverkan/seeds';
import { TestApp, startTestApp } from '../harness/test-app';
import { ok, organisation } from '../harness/structure-fixtures';
import { RequestGenerator, operationsOf } from '../fuzz/generator';
import { judge } from '../fuzz/oracle';
import { Rng } from '../fuzz/rng';
import { send, shorten } from '../fuzz/runner';
import { World, buildWorld } from '../fuzz/world';
import { scaled } from '../harness/progress';

/** Quotes, comment starters, placeholders and backslashes: each would break a query built by concatenation. */
const PAYLOADS = [
  (m: string) => `${m} O'Brien "q" '; DROP TABLE person;-- $1 \\ \\\\ %_`,
  (m: string) => `${m}'); DELETE FROM person WHERE ('1'='1`,
  (m: string) => `${m}\\'; SELECT pg_sleep(0);-- $$ $1::text E'\\x41' /* */ \`x\``,
];

const decodeHtml = (s: string) =>
  s.replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16))).replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('injection', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_FAILURES_PER_ADDRESS: '1000000' }, [SeedsModule]);
    world = await buildWorld(t);
  }, scaled(120_000));
  afterAll(() => t?.close());

  it('SQL: quotes, ;-- and $1 through every String and ID input of every operation change no table and read back byte-identical', async () => {
    const tablesBefore: { table_name: string }[] = await t.db.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`);
    const [{ people: peopleBefore }] = await t.db.query(`SELECT count(*)::int AS people FROM person`);
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const generator = new RequestGenerator(schema, world.pools);
    const sent = new Map<string, string>();
    const failures: string[] = [];
    let requests = 0;
    let accepted = 0;
    for (const operation of operationsOf(schema)) {
      const paths = generator.textLeaves(operation);
      for (const [p, leafPath] of paths.entries()) {
        for (const [k, payload] of PAYLOADS.entries()) {
          const marker = `inj${requests.toString(36).padStart(4, '0')}x`;
          const value = payload(marker);
          const rng = Rng.forRequest(7, requests);
          const request = generator.requestWith(rng, operation, leafPath, value);
          const actor = world.actors[(p + k) % world.actors.length];
          const { status, text } = await send(t, request, actor.token);
          requests++;
          sent.set(marker, value);
          const verdict = judge(status, text);
          if (verdict.internal || verdict.untyped) failures.push(`${operation.field} ${leafPath.join('.')}: ${verdict.untyped} ${shorten(text, 300)}`);
          if (!verdict.codes.length) accepted++;
          if (verdict.unauthenticated) await world.relogin(actor).catch(() => undefined);
        }
      }
    }
    expect(failures).toEqual([]);

    // No table dropped, no person deleted.
    expect(await t.db.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`)).toEqual(tablesBefore);
    const [{ people }] = await t.db.query(`SELECT count(*)::int AS people FROM person`);
    expect(people).toBeGreaterThanOrEqual(peopleBefore);

    // Every stored copy of a payload (text columns, strings inside jsonb, mail bodies after HTML escaping) is the payload exactly.
    const columns: { table_name: string; column_name: string; data_type: string }[] = await t.db.query(
      `SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
        WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.data_type IN ('text', 'character varying', 'jsonb', 'ARRAY')`,
    );
    const stored = new Set<string>();
    const altered: string[] = [];
    for (const { table_name, column_name, data_type } of columns) {
      const rows: { v: unknown }[] = await t.db.query(`SELECT "${column_name}" AS v FROM "${table_name}" WHERE "${column_name}"::text LIKE '%inj%'`);
      const strings = (v: unknown): string[] => (typeof v === 'string' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : []);
      for (const row of rows) {
        for (const s of strings(row.v)) {
          for (const [, marker] of s.matchAll(/(inj[0-9a-z]{4}x)/g)) {
            const value = sent.get(marker);
            if (!value) continue;
            if (s.includes(value) || decodeHtml(s).includes(value)) stored.add(`${marker} ${table_name}.${column_name}`);
            else altered.push(`${table_name}.${column_name} (${data_type}): sent ${JSON.stringify(value)}, stored ${JSON.stringify(shorten(s, 200))}`);
          }
        }
      }
    }
    process.stdout.write(`injection: requests ${requests}, accepted ${accepted}, payload copies stored ${stored.size}, altered ${altered.length}\n`);
    expect(altered).toEqual([]);
    // Not vacuous: many payloads got through validation into the database.
    expect(stored.size).toBeGreaterThan(50);
  }, scaled(240_000));

  it('CSV: a stakeholder organisation named =HYPERLINK(...) is text in the export, not a formula', async () => {
    const admin = world.actors[0];
    const secretariat = world.actors[2];
    const [{ commission_id: commissionId }] = await t.db.query(
      `SELECT commission_id FROM commission_role WHERE person_id = $1 AND role = 'secretariat' LIMIT 1`,
      [secretariat.personId],
    );
    const evil = '=HYPERLINK("http://evil","click")';
    const orgId = await organisation(t, admin.token, { name: evil });
    const plus = await organisation(t, admin.token, { name: '+SUM(1,2)' });
    const at = await organisation(t, admin.token, { name: '@cmd' });
    for (const id of [orgId, plus, at]) {
      await ok(t, secretariat.token, `mutation($input: RecordEngagementInput!) { recordStakeholderEngagement(input: $input) { id } }`, {
        input: { commissionId, organisationId: id, how: 'DIALOGUE' },
      });
    }
    const response = await t.http(`/commissions/${commissionId}/stakeholders.csv`, { headers: { authorization: `Bearer ${secretariat.token}` } });
    expect(response.status).toBe(200);
    const lines = (await response.text()).split('\r\n');
    expect(lines).toContain(`"'=HYPERLINK(""http://evil"",""click"")",agency,DK,,dialogue,0`);
    expect(lines).toContain(`"'+SUM(1,2)",agency,DK,,dialogue,0`);
    expect(lines).toContain(`'@cmd,agency,DK,,dialogue,0`);
    expect(lines.some((line) => /^"?[=+\-@]/.test(line))).toBe(false);
  });
});
