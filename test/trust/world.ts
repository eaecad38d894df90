import { randomUUID } from 'node:crypto';
import type { TestApp } from '../harness/test-app';
import { TestPerson, createPerson, login, signedInPerson } from '../harness/factories';
import { allocation, appoint, commission, group, ok, organisation } from '../harness/structure-fixtures';

/** Everyone who can knock on the API: no one, an admin, each role of commission A, and the same roles of commission B. */
export const ACTORS = [
  'anonymous',
  'admin',
  'secretariat',
  'chair',
  'member',
  'commissioner',
  'observer',
  'otherSecretariat',
  'otherChair',
  'otherMember',
  'otherCommissioner',
  'otherObserver',
] as const;
export type Actor = (typeof ACTORS)[number];
export type Role = 'secretariat' | 'chair' | 'member' | 'commissioner' | 'observer';

export interface CommissionWorld {
  commissionId: string;
  groupId: string;
  organisationId: string;
  allocationId: string;
  appointmentId: string;
  people: Record<Role, TestPerson>;
}

/** Two commissions, each with one person per role, and an administrator. */
export interface World {
  t: TestApp;
  admin: TestPerson;
  a: CommissionWorld;
  b: CommissionWorld;
  strategyId: string;
  tokenOf(actor: Actor): string | undefined;
  personOf(actor: Actor): TestPerson | undefined;
  /** A fresh name, so creating things twice never collides. */
  unique(prefix: string): string;
}

async function buildCommission(t: TestApp, admin: TestPerson): Promise<CommissionWorld> {
  const c = await commission(t, admin);
  const chair = await signedInPerson(t);
  const member = await createPerson(t.db);
  const commissioner = await createPerson(t.db);
  const observer = await createPerson(t.db);
  const organisationId = await organisation(t, admin.token);
  const groupId = await group(t, c.secretariat.token, c.commissionId, { chairPersonId: chair.id });
  const allocationId = await allocation(t, c.secretariat.token, groupId, organisationId, 3);
  const appointed = await appoint(t, c.secretariat.token, { allocationId, personId: member.id, kind: 'PRINCIPAL' });
  if (appointed.errors) throw new Error(JSON.stringify(appointed.errors));
  for (const [person, role] of [
    [commissioner, 'COMMISSIONER'],
    [observer, 'OBSERVER'],
  ] as const) {
    await ok(t, c.secretariat.token, `mutation($input: CommissionRoleInput!) { assignCommissionRole(input: $input) { role } }`, {
      input: { commissionId: c.commissionId, personId: person.id, role },
    });
  }
  const signIn = async (person: { id: string; email: string }) => ({ ...person, token: await login(t, person.email) });
  return {
    commissionId: c.commissionId,
    groupId,
    organisationId,
    allocationId,
    appointmentId: appointed.data!.appoint.id,
    people: {
      secretariat: c.secretariat,
      chair,
      member: await signIn(member),
      commissioner: await signIn(commissioner),
      observer: await signIn(observer),
    },
  };
}

export async function buildWorld(t: TestApp): Promise<World> {
  const admin = await signedInPerson(t, { isAdmin: true });
  const a = await buildCommission(t, admin);
  const b = await buildCommission(t, admin);
  const strategy = await ok(t, a.people.secretariat.token, `mutation($input: CreateStrategyInput!) { createStrategy(input: $input) { id } }`, {
    input: { title: 'Matrix strategy', priorityAreas: [{ number: 1, title: 'Area', goals: [{ code: '1.1', text: 'Goal' }] }] },
  });
  const personOf = (actor: Actor): TestPerson | undefined => {
    if (actor === 'anonymous') return undefined;
    if (actor === 'admin') return admin;
    if (actor.startsWith('other')) return b.people[(actor.slice(5, 6).toLowerCase() + actor.slice(6)) as Role];
    return a.people[actor as Role];
  };
  return {
    t,
    admin,
    a,
    b,
    strategyId: strategy.createStrategy.id,
    personOf,
    tokenOf: (actor) => personOf(actor)?.token,
    unique: (prefix) => `${prefix} ${randomUUID().slice(0, 8)}`,
  };
}
