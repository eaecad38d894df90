import { DataSource } from 'typeorm';
import { DEMO_LOGINS, DEMO_PASSWORD, SeederService } from '@samverkan/seeds';
import type { TestApp } from '../harness/test-app';
import { TEST_PASSWORD, createPerson, login } from '../harness/factories';
import { allocation, appoint, commission, group, organisation } from '../harness/structure-fixtures';
import type { IdPools } from './generator';

export interface Actor {
  name: string;
  personId: string;
  email: string;
  password: string;
  token: string;
}

export interface World {
  actors: Actor[];
  pools: IdPools;
  /** Re-reads the ids from the database (mutations of the run add rows). */
  refresh(): Promise<IdPools>;
  /** Signs the actor in again when a fuzzed logout or password change ended its session. */
  relogin(actor: Actor): Promise<void>;
}

/** Tables whose ids no GraphQL argument takes; their rows would only be noise in the pools. */
const NOT_ADDRESSABLE = new Set(['session', 'login_attempt', 'migrations', 'account']);

/**
 * A small world: the four seed situations with their demo logins (so whatever
 * the other areas add to the seed is fuzzed with real ids too) and one commission
 * built with the structure fixtures. The fuzzing actors are the demo admin, the
 * demo secretariat of the NGC commission and the fixture commission's secretariat.
 * The app must be started with SeedsModule.
 */
export async function buildWorld(t: TestApp): Promise<World> {
  await t.app.get(SeederService).seed({ ifEmpty: true });
  const fixture = await commission(t);
  const groupId = await group(t, fixture.secretariat.token, fixture.commissionId);
  const orgId = await organisation(t, fixture.secretariat.token);
  const allocationId = await allocation(t, fixture.secretariat.token, groupId, orgId, 3, { requiresGenderPair: true });
  const member = await createPerson(t.db, { account: false });
  await appoint(t, fixture.secretariat.token, { allocationId, personId: member.id });

  const demo = async (role: string): Promise<Actor> => {
    const entry = DEMO_LOGINS.find((l) => l.role === role)!;
    const [{ person_id }] = await t.db.query(`SELECT person_id FROM account WHERE lower(email) = lower($1)`, [entry.email]);
    return { name: `demo ${role}`, personId: person_id, email: entry.email, password: DEMO_PASSWORD, token: await login(t, entry.email, DEMO_PASSWORD) };
  };
  const actors: Actor[] = [
    await demo('admin'),
    await demo('secretariat'),
    { name: 'fixture secretariat', personId: fixture.secretariat.id, email: fixture.secretariat.email, password: TEST_PASSWORD, token: fixture.secretariat.token },
  ];
  const actorIds = new Set(actors.map((a) => a.personId).concat(fixture.admin.id));
  const world: World = {
    actors,
    pools: await loadPools(t.db, actorIds),
    async refresh() {
      world.pools = await loadPools(t.db, actorIds);
      return world.pools;
    },
    async relogin(actor) {
      actor.token = await login(t, actor.email, actor.password);
    },
  };
  return world;
}

/**
 * Up to 25 ids of every table with a uuid `id`, keyed by the table name without
 * underscores (`seat_allocation` → `seatallocation`). The actors are left out so
 * a fuzzed erasure or e-mail change cannot take away the fuzzer's own logins.
 */
export async function loadPools(db: DataSource, exclude: Set<string>): Promise<IdPools> {
  const tables: { table_name: string }[] = await db.query(
    `SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema = 'public' AND c.column_name = 'id' AND c.data_type = 'uuid' AND t.table_type = 'BASE TABLE'
      ORDER BY c.table_name`,
  );
  const pools: IdPools = {};
  for (const { table_name } of tables) {
    if (NOT_ADDRESSABLE.has(table_name)) continue;
    const rows: { id: string }[] = await db.query(`SELECT id::text AS id FROM "${table_name}" LIMIT 40`);
    pools[table_name.replace(/_/g, '')] = rows.map((r) => r.id).filter((id) => !exclude.has(id)).slice(0, 25);
  }
  return pools;
}
