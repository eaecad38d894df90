import { randomUUID } from 'node:crypto';
import type { TestApp } from './test-app';
import { signedInPerson, TestPerson } from './factories';

/** Runs a GraphQL operation and fails the test with the errors if there are any. */
export async function ok<T = Record<string, any>>(t: TestApp, token: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await t.gql<T>(query, variables, { token });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data as T;
}

export async function organisation(t: TestApp, token: string, fields: Record<string, unknown> = {}): Promise<string> {
  const data = await ok(t, token, `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`, {
    input: { name: `Org ${randomUUID().slice(0, 8)}`, kind: 'AGENCY', country: 'DK', ...fields },
  });
  return data.createOrganisation.id;
}

export interface CommissionFixture {
  admin: TestPerson;
  secretariat: TestPerson;
  commissionId: string;
  leadId: string;
}

/** A commission set up by an admin, with a secretariat person who manages it. */
export async function commission(t: TestApp, admin?: TestPerson): Promise<CommissionFixture> {
  admin ??= await signedInPerson(t, { isAdmin: true });
  const secretariat = await signedInPerson(t);
  const leadId = await organisation(t, admin.token);
  const bodyId = await organisation(t, admin.token, { kind: 'MINISTRY' });
  const data = await ok(t, admin.token, `mutation($input: CreateCommissionInput!) { createCommission(input: $input) { id } }`, {
    input: {
      title: `Commission ${randomUUID().slice(0, 6)}`,
      kind: 'GOVERNMENT_ASSIGNMENT',
      commissioningBodyId: bodyId,
      leadOrganisationId: leadId,
      startsOn: '2021-11-01',
      reportingDeadline: '2023-02-28',
      objectives: [{ letter: 'a', text: 'Map the need' }, { letter: 'b', text: 'Propose programmes' }],
      secretariatIds: [secretariat.id],
    },
  });
  return { admin, secretariat, commissionId: data.createCommission.id, leadId };
}

export async function group(t: TestApp, token: string, commissionId: string, fields: Record<string, unknown> = {}): Promise<string> {
  const data = await ok(t, token, `mutation($input: CreateWorkingGroupInput!) { createWorkingGroup(input: $input) { id } }`, {
    input: { commissionId, name: `Group ${randomUUID().slice(0, 6)}`, status: 'ACTIVE', ...fields },
  });
  return data.createWorkingGroup.id;
}

export async function allocation(t: TestApp, token: string, workingGroupId: string, organisationId: string, seatCount: number, fields: Record<string, unknown> = {}): Promise<string> {
  const data = await ok(t, token, `mutation($input: CreateSeatAllocationInput!) { createSeatAllocation(input: $input) { id } }`, {
    input: { workingGroupId, organisationId, seatCount, ...fields },
  });
  return data.createSeatAllocation.id;
}

export async function appoint(t: TestApp, token: string, input: Record<string, unknown>) {
  return t.gql(`mutation($input: AppointInput!) { appoint(input: $input) { id termNumber endsOn } }`, { input: { startsOn: '2024-01-01', ...input } }, { token });
}
