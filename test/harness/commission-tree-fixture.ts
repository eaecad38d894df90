import { createPerson } from './factories';
import { CommissionFixture, organisation } from './structure-fixtures';
import type { TestApp } from './test-app';

/**
 * A commission's structure in bulk, for the read-path tests (dashboard, overview): `groups`
 * working groups named "Group 001"…, eight allocations each of 1–4 seats, principals from
 * twelve people in every seat but the fourth of each allocation — current terms, terms that
 * ended ten days ago (held over where the group allows it: every other group) and terms that
 * begin in a month. With `concludedEvery`, every n-th group is concluded. Returns the twelve people.
 */
export async function fillCommissionTree(t: TestApp, fixture: CommissionFixture, groups: number, options: { concludedEvery?: number } = {}): Promise<string[]> {
  const org = await organisation(t, fixture.admin.token);
  const people: string[] = [];
  for (let i = 0; i < 12; i++) people.push((await createPerson(t.db, { account: false })).id);
  await t.db.query(
    `INSERT INTO working_group (commission_id, name, status, holdover_allowed)
     SELECT $1, 'Group ' || lpad(g::text, 3, '0'), CASE WHEN $3::int > 0 AND g % $3::int = 0 THEN 'concluded' ELSE 'active' END, g % 2 = 0 FROM generate_series(1, $2) g`,
    [fixture.commissionId, groups, options.concludedEvery ?? 0],
  );
  await t.db.query(
    `INSERT INTO seat_allocation (working_group_id, organisation_id, nominating_organisation_id, seat_count)
     SELECT g.id, $2, $2, 1 + (n % 4) FROM working_group g CROSS JOIN generate_series(0, 7) n WHERE g.commission_id = $1`,
    [fixture.commissionId, org],
  );
  await t.db.query(
    `INSERT INTO appointment (seat_id, person_id, kind, starts_on, ends_on)
     SELECT s.id, ($2::uuid[])[1 + (row_number() OVER (ORDER BY s.id)) % 12], 'principal',
            CASE WHEN s.number = 3 THEN current_date + 30 ELSE current_date - 400 END,
            CASE WHEN s.number = 2 THEN current_date - 10 ELSE NULL END
       FROM seat s JOIN seat_allocation sa ON sa.id = s.allocation_id JOIN working_group g ON g.id = sa.working_group_id
      WHERE g.commission_id = $1 AND s.number <> 4`,
    [fixture.commissionId, people],
  );
  return people;
}
