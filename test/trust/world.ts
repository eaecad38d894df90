import { randomUUID } from 'node:crypto';
import type { TestApp } from '../harness/test-app';
import { TestPerson, createPerson, login, signedInPerson } from '../harness/factories';
import { allocation, appoint, commission, group, ok, organisation } from '../harness/structure-fixtures';

/**
 * Everyone who can knock on the API: no one, an admin, each role of commission A, the
 * same roles of commission B, and two people whose seat in A's group gives no access
 * today (see libs/access): a member whose term ended and whose seat has a successor,
 * and a successor whose term has not started (the seat's holder sits on until then).
 * Both have an account; they must fare exactly as strangers to A.
 */
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
  'formerMember',
  'incomingMember',
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
  /** A's former member (term ended, successor sitting) and incoming member (term starts in a year). */
  formerMember: TestPerson;
  incomingMember: TestPerson;
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

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * Two seats of a fresh allocation in A's group (holdover allowed, the default): on one
 * the former member's term ended a month ago and a successor started the day after;
 * on the other the holder's term ended ten days ago (they hold over) and the incoming
 * member starts in a year.
 */
async function seatsChangingHands(t: TestApp, a: CommissionWorld): Promise<{ formerMember: TestPerson; incomingMember: TestPerson }> {
  const token = a.people.secretariat.token;
  const allocationId = await allocation(t, token, a.groupId, a.organisationId, 2);
  const seated = async (input: Record<string, unknown>): Promise<string> => {
    const result = await appoint(t, token, { allocationId, kind: 'PRINCIPAL', ...input });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    const [row] = await t.db.query(`SELECT seat_id FROM appointment WHERE id = $1`, [result.data!.appoint.id]);
    return row.seat_id;
  };
  const former = await createPerson(t.db);
  const firstSeat = await seated({ personId: former.id, startsOn: day(-400), endsOn: day(-30) });
  await seated({ seatId: firstSeat, allocationId: undefined, personId: (await createPerson(t.db, { account: false })).id, startsOn: day(-29) });
  const holder = await createPerson(t.db, { account: false });
  const secondSeat = await seated({ personId: holder.id, startsOn: day(-400), endsOn: day(-10) });
  const incoming = await createPerson(t.db);
  // A year ahead: beyond the matrix's meetings (at most 320 days out), which invite whoever sits
  // on their day — an incoming member is invited to (and sees) the meetings of their own term.
  await seated({ seatId: secondSeat, allocationId: undefined, personId: incoming.id, startsOn: day(365) });
  return {
    formerMember: { ...former, token: await login(t, former.email) },
    incomingMember: { ...incoming, token: await login(t, incoming.email) },
  };
}

export async function buildWorld(t: TestApp): Promise<World> {
  const admin = await signedInPerson(t, { isAdmin: true });
  const a = await buildCommission(t, admin);
  const b = await buildCommission(t, admin);
  const { formerMember, incomingMember } = await seatsChangingHands(t, a);
  const strategy = await ok(t, a.people.secretariat.token, `mutation($input: CreateStrategyInput!) { createStrategy(input: $input) { id } }`, {
    input: { title: 'Matrix strategy', priorityAreas: [{ number: 1, title: 'Area', goals: [{ code: '1.1', text: 'Goal' }] }] },
  });
  const personOf = (actor: Actor): TestPerson | undefined => {
    if (actor === 'anonymous') return undefined;
    if (actor === 'admin') return admin;
    if (actor === 'formerMember') return formerMember;
    if (actor === 'incomingMember') return incomingMember;
    if (actor.startsWith('other')) return b.people[(actor.slice(5, 6).toLowerCase() + actor.slice(6)) as Role];
    return a.people[actor as Role];
  };
  return {
    t,
    admin,
    a,
    b,
    strategyId: strategy.createStrategy.id,
    formerMember,
    incomingMember,
    personOf,
    tokenOf: (actor) => personOf(actor)?.token,
    unique: (prefix) => `${prefix} ${randomUUID().slice(0, 8)}`,
  };
}
