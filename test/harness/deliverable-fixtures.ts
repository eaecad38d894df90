import { randomUUID } from 'node:crypto';
import type { TestApp } from './test-app';
import { signedInPerson, TestPerson } from './factories';
import { allocation, group, ok, organisation } from './structure-fixtures';

export interface DeliverableWorld {
  admin: TestPerson;
  secretariat: TestPerson;
  commissioner: TestPerson;
  observer: TestPerson;
  /** Holds a seat in groupId for orgA. */
  member: TestPerson;
  /** Holds a seat in groupId for orgB. */
  member2: TestPerson;
  /** Holds a seat in otherGroupId. */
  outsider: TestPerson;
  commissionId: string;
  groupId: string;
  otherGroupId: string;
  orgA: string;
  orgB: string;
  goals: Record<string, string>;
  objectives: Record<string, string>;
}

/**
 * A commission under a strategy (goals 2.2 and 4.4) with objectives a–c, two
 * groups, seat holders from two organisations in the first group and one in the
 * second, a commissioner and an observer.
 */
export async function deliverableWorld(t: TestApp, admin?: TestPerson): Promise<DeliverableWorld> {
  admin ??= await signedInPerson(t, { isAdmin: true });
  const tag = randomUUID().slice(0, 6);
  const strategy = await ok(t, admin.token, `mutation($input: CreateStrategyInput!) { createStrategy(input: $input) { id } }`, {
    input: {
      title: `Strategy ${tag}`,
      priorityAreas: [
        { number: 2, title: 'Health data', goals: [{ code: '2.2', text: 'More use of health data' }] },
        { number: 4, title: 'Care', goals: [{ code: '4.4', text: 'Precision medicine' }] },
      ],
    },
  });
  const strategyId = strategy.createStrategy.id;
  const secretariat = await signedInPerson(t, { locale: 'sv' });
  const commissioner = await signedInPerson(t, { locale: 'en' });
  const observer = await signedInPerson(t);
  const lead = await organisation(t, admin.token);
  const body = await organisation(t, admin.token, { kind: 'MINISTRY' });
  const created = await ok(t, admin.token, `mutation($input: CreateCommissionInput!) { createCommission(input: $input) { id objectives { id letter } } }`, {
    input: {
      title: `Commission ${tag}`,
      kind: 'GOVERNMENT_ASSIGNMENT',
      commissioningBodyId: body,
      leadOrganisationId: lead,
      strategyId,
      startsOn: '2021-11-01',
      reportingDeadline: '2030-02-28',
      objectives: [
        { letter: 'a', text: 'Map the need' },
        { letter: 'b', text: 'Map existing education' },
        { letter: 'c', text: 'Propose programmes' },
      ],
      secretariatIds: [secretariat.id],
      commissionerIds: [commissioner.id],
    },
  });
  const commissionId = created.createCommission.id;
  await ok(t, admin.token, `mutation($input: CommissionRoleInput!) { assignCommissionRole(input: $input) { id } }`, { input: { commissionId, personId: observer.id, role: 'OBSERVER' } });
  const groupId = await group(t, secretariat.token, commissionId);
  const otherGroupId = await group(t, secretariat.token, commissionId);
  const orgA = await organisation(t, secretariat.token, { name: `Region Midtjylland ${tag}`, kind: 'REGION' });
  const orgB = await organisation(t, secretariat.token, { name: `Lægeforeningen ${tag}`, kind: 'PROFESSIONAL_BODY' });
  const member = await signedInPerson(t, { locale: 'da', timeZone: 'Europe/Copenhagen', fullName: `Hanne Member ${tag}` });
  const member2 = await signedInPerson(t, { locale: 'en', fullName: `Bo Member ${tag}` });
  const outsider = await signedInPerson(t);
  const seat = async (groupIdOf: string, org: string, personId: string) => {
    const allocationId = await allocation(t, secretariat.token, groupIdOf, org, 1);
    await ok(t, secretariat.token, `mutation($input: AppointInput!) { appoint(input: $input) { id } }`, { input: { allocationId, personId, startsOn: '2024-01-01' } });
  };
  await seat(groupId, orgA, member.id);
  await seat(groupId, orgB, member2.id);
  await seat(otherGroupId, orgA, outsider.id);
  const goals = Object.fromEntries(
    (await t.db.query(`SELECT id, code FROM goal WHERE strategy_id = $1`, [strategyId])).map((g: { id: string; code: string }) => [g.code, g.id]),
  );
  const objectives = Object.fromEntries(created.createCommission.objectives.map((o: { id: string; letter: string }) => [o.letter, o.id]));
  return { admin, secretariat, commissioner, observer, member, member2, outsider, commissionId, groupId, otherGroupId, orgA, orgB, goals, objectives };
}

/** A date `days` from today (UTC calendar), YYYY-MM-DD. */
export function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

export const DELIVERABLE_FIELDS = `id title kind dueOn status health allowedTransitions deliveredOn statusLabel
  workingGroup { id } responsiblePerson { id } goals { code } objectives { letter }`;

export async function createDeliverable(t: TestApp, token: string, input: Record<string, unknown>): Promise<Record<string, any>> {
  const data = await ok(t, token, `mutation($input: CreateDeliverableInput!) { createDeliverable(input: $input) { ${DELIVERABLE_FIELDS} } }`, {
    input: { title: `Deliverable ${randomUUID().slice(0, 6)}`, kind: 'REPORT', dueOn: inDays(60), ...input },
  });
  return data.createDeliverable;
}

export async function setStatus(t: TestApp, token: string, deliverableId: string, ...statuses: string[]): Promise<void> {
  for (const status of statuses) {
    await ok(t, token, `mutation($input: ChangeDeliverableStatusInput!) { changeDeliverableStatus(input: $input) { status } }`, { input: { deliverableId, status } });
  }
}
