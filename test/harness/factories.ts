import { randomUUID } from 'node:crypto';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import type { TestApp } from './test-app';

export const TEST_PASSWORD = 'correct-horse-battery';
let passwordHash: Promise<string> | undefined;

export interface TestPerson {
  id: string;
  email: string;
  token: string;
}

/** Inserts a person (and an account) straight into the database. */
export async function createPerson(
  db: DataSource,
  fields: { fullName?: string; email?: string; locale?: string; timeZone?: string; gender?: string | null; affiliationId?: string; isAdmin?: boolean; account?: boolean } = {},
): Promise<{ id: string; email: string }> {
  const email = fields.email ?? `person-${randomUUID().slice(0, 8)}@example.test`;
  const [person] = await db.query(
    `INSERT INTO person (full_name, email, locale, time_zone, gender, affiliation_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [fields.fullName ?? `Test ${email.split('@')[0]}`, email, fields.locale ?? 'sv', fields.timeZone ?? 'Europe/Stockholm', fields.gender ?? null, fields.affiliationId ?? null],
  );
  if (fields.account !== false) {
    passwordHash ??= argon2.hash(TEST_PASSWORD, { type: argon2.argon2id });
    await db.query(`INSERT INTO account (person_id, email, password_hash, is_admin) VALUES ($1, $2, $3, $4)`, [
      person.id,
      email,
      await passwordHash,
      fields.isAdmin ?? false,
    ]);
  }
  return { id: person.id, email };
}

/** Creates a person with an account and signs them in through the API. */
export async function signedInPerson(t: TestApp, fields: Parameters<typeof createPerson>[1] = {}): Promise<TestPerson> {
  const person = await createPerson(t.db, fields);
  return { ...person, token: await login(t, person.email) };
}

export async function login(t: TestApp, email: string, password = TEST_PASSWORD): Promise<string> {
  const result = await t.gql<{ login: { accessToken: string } }>(
    `mutation Login($input: LoginInput!) { login(input: $input) { accessToken } }`,
    { input: { email, password } },
  );
  if (!result.data?.login) throw new Error(`login failed: ${JSON.stringify(result.errors)}`);
  return result.data.login.accessToken;
}
