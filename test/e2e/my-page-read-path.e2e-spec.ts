import { DEMO_PASSWORD, SeedsModule, SeederService } from '@samverkan/seeds';
import { login } from '../harness/factories';
import { scaled } from '../harness/progress';
import { TestApp, startTestApp } from '../harness/test-app';

// The benchmark's own My page operation (read from apps/web/src/me/my-page.operations.ts) and its single-statement floor.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const bench = require('../../bench/lib/pages.js') as {
  MYPAGE_QUERY: string;
  MYPAGE_FLOOR_SQL: string;
  normaliseMyPage(kind: string, body: unknown): any;
};

const LISTS = {
  reviewsWaiting: 'reviewRoundId deliverableId deliverableTitle deadline versionNumber',
  minutesToApprove: 'minutesId meetingId meetingTitle meetingStartsAt sentForApprovalAt',
  actionItems: 'id title dueOn status meetingId meetingTitle',
  datePollsToAnswer: 'id title timeZone firstOptionAt workingGroupName',
  nominationRequests: 'id organisationName workingGroupId workingGroupName seatsRequested deadline status',
  seats: 'appointmentId kind workingGroupId workingGroupName organisationName seatNumber termNumber startsOn endsOn principalName',
};
const NODE = 'id title startsAt timeZone status place onlineUrl';
const EXTRAS = 'workingGroup { id name } myInvitation { id rsvp seatId seatSubstitute { id displayName } }';

/**
 * My page's read path (issue 20): the page's one GraphQL request costs the same
 * few statements for a member with one seat and one with six (the session with
 * the reader's roles and person; `me`'s lists together; the next meetings with
 * their groups and the reader's invitations), answers as the benchmark's floor
 * does, and answers exactly as each list and each meeting's fields did when read
 * one by one (timestamps included, byte for byte).
 */
describe('My page read path', () => {
  jest.setTimeout(scaled(120_000));
  let t: TestApp;
  let readers: { personId: string; email: string; token: string }[];
  const from = new Date(Date.now() - 86_400_000).toISOString();

  beforeAll(async () => {
    t = await startTestApp({}, [SeedsModule]);
    await t.app.get(SeederService).seed({ ifEmpty: true });
    // The demo member: five more seats (substitute on the first seat of five other allocations), and on
    // their principal seat a substitute, whom their invitations to the coming meetings name.
    const member = (await t.db.query(`SELECT person_id FROM account WHERE email = 'member@demo.samverkan.test'`))[0].person_id as string;
    const [seat] = await t.db.query(
      `SELECT a.seat_id, sa.working_group_id FROM appointment a JOIN seat s ON s.id = a.seat_id JOIN seat_allocation sa ON sa.id = s.allocation_id
        WHERE a.person_id = $1 AND a.kind = 'principal' AND a.starts_on <= current_date AND (a.ends_on IS NULL OR a.ends_on >= current_date) LIMIT 1`,
      [member],
    );
    await t.db.query(
      `INSERT INTO appointment (seat_id, person_id, kind, starts_on)
       SELECT DISTINCT ON (s.allocation_id) s.id, $1, 'substitute', current_date - 1
         FROM seat s JOIN seat_allocation sa ON sa.id = s.allocation_id
        WHERE s.id <> $2 AND s.retired_at IS NULL AND NOT EXISTS (SELECT 1 FROM appointment a WHERE a.seat_id = s.id AND a.kind = 'substitute')
          AND EXISTS (SELECT 1 FROM appointment a WHERE a.seat_id = s.id AND a.kind = 'principal' AND a.person_id <> $1)
        ORDER BY s.allocation_id, s.number LIMIT 5`,
      [member, seat.seat_id],
    );
    await t.db.query(
      `INSERT INTO appointment (seat_id, person_id, kind, starts_on)
       SELECT $1, p.id, 'substitute', current_date - 1 FROM person p
        WHERE p.id <> $2 AND p.erased_at IS NULL AND NOT EXISTS (SELECT 1 FROM appointment a WHERE a.seat_id = $1 AND a.kind = 'substitute' AND a.person_id = p.id)
        ORDER BY p.full_name LIMIT 1`,
      [seat.seat_id, member],
    );
    await t.db.query(
      `INSERT INTO meeting (commission_id, working_group_id, title, starts_at, ends_at, time_zone)
       SELECT g.commission_id, g.id, 'Möte ' || n, now() + n * interval '2 days', now() + n * interval '2 days' + interval '2 hours', 'Europe/Stockholm'
         FROM working_group g, generate_series(1, 3) n WHERE g.id = $1`,
      [seat.working_group_id],
    );
    await t.db.query(
      `INSERT INTO invitation (meeting_id, person_id, seat_id)
       SELECT m.id, $1, $2 FROM meeting m WHERE m.working_group_id = $3 AND m.ends_at >= now()
           AND NOT EXISTS (SELECT 1 FROM invitation i WHERE i.meeting_id = m.id AND i.person_id = $1)`,
      [member, seat.seat_id, seat.working_group_id],
    );
    // Minutes of the first of them for the member to approve as adjuster, and a nomination request whose contact they are.
    await t.db.query(
      `WITH mi AS (
         INSERT INTO minutes (meeting_id, status, sent_for_approval_at)
         SELECT m.id, 'in_approval', now() - interval '1 day' FROM meeting m WHERE m.working_group_id = $2 AND m.title = 'Möte 1' RETURNING id)
       INSERT INTO minutes_adjuster (minutes_id, person_id) SELECT id, $1 FROM mi`,
      [member, seat.working_group_id],
    );
    await t.db.query(
      `INSERT INTO nomination_request (allocation_id, organisation_id, contact_person_id, seats_requested, deadline)
       SELECT sa.id, sa.organisation_id, $1, 2, current_date + 14 FROM seat_allocation sa WHERE sa.working_group_id = $2 ORDER BY sa.id LIMIT 1`,
      [member, seat.working_group_id],
    );
    const accounts: { person_id: string; email: string }[] = await t.db.query(`SELECT person_id, email FROM account WHERE disabled_at IS NULL ORDER BY email`);
    readers = [];
    for (const a of accounts) readers.push({ personId: a.person_id, email: a.email, token: await login(t, a.email, DEMO_PASSWORD) });
  }, scaled(180_000));
  afterAll(() => t?.close());

  async function myPage(token: string) {
    const response = await t.gql<any>(bench.MYPAGE_QUERY, { from }, { token });
    expect(response.errors).toBeUndefined();
    return response;
  }

  it('costs the same statements, at most 4, for every reader: one seat or six, lists empty or not', async () => {
    const counts = new Map<string, number>();
    let seats = new Set<number>();
    for (const reader of readers) {
      const response = await myPage(reader.token);
      counts.set(reader.email, response.extensions?.sqlStatements as number);
      seats = seats.add(response.data.me.seats.length);
    }
    // Readers with no seat and with several, and the same count for all.
    expect(Math.min(...seats)).toBe(0);
    expect(Math.max(...seats)).toBeGreaterThanOrEqual(6);
    expect(new Set(counts.values()).size).toBe(1);
    expect([...counts.values()][0]).toBeLessThanOrEqual(4);
  });

  it('answers as the single-statement floor does', async () => {
    for (const reader of readers) {
      const [{ body }] = await t.db.query(bench.MYPAGE_FLOOR_SQL, [reader.personId, from]);
      expect(bench.normaliseMyPage('ours', await myPage(reader.token))).toEqual(bench.normaliseMyPage('floor', JSON.parse(body)));
    }
  });

  it('answers exactly as each list and each meeting did when read on its own', async () => {
    let listed = 0;
    let substitutes = 0;
    const nonEmpty = new Set<string>();
    for (const reader of readers) {
      const all = await t.gql<any>(`query($from: DateTime!) { me { ${Object.entries(LISTS).map(([list, fields]) => `${list} { ${fields} }`).join(' ')} } meetingList(from: $from, first: 10) { totalCount edges { node { ${NODE} ${EXTRAS} } } } }`, { from }, { token: reader.token });
      expect(all.errors).toBeUndefined();
      // Each list alone is its own statement, as before; the rows through JSON must not differ from them.
      for (const [list, fields] of Object.entries(LISTS)) {
        const alone = await t.gql<any>(`{ me { ${list} { ${fields} } } }`, {}, { token: reader.token });
        expect(alone.errors).toBeUndefined();
        expect(JSON.stringify(all.data.me[list])).toBe(JSON.stringify(alone.data.me[list]));
        if (alone.data.me[list].length) nonEmpty.add(list);
      }
      // The page without its groups and invitations (the list's own statement), and each meeting's through their loaders.
      const page = await t.gql<any>(`query($from: DateTime!) { meetingList(from: $from, first: 10) { totalCount edges { node { ${NODE} } } } }`, { from }, { token: reader.token });
      const ids: string[] = page.data.meetingList.edges.map((e: { node: { id: string } }) => e.node.id);
      const extras = ids.length
        ? (await t.gql<any>(`{ ${ids.map((id, i) => `m${i}: meeting(id: "${id}") { ${EXTRAS} }`).join(' ')} }`, {}, { token: reader.token })).data
        : {};
      const before = { totalCount: page.data.meetingList.totalCount, edges: page.data.meetingList.edges.map((e: any, i: number) => ({ node: { ...e.node, ...extras[`m${i}`] } })) };
      expect(JSON.stringify(all.data.meetingList)).toBe(JSON.stringify(before));
      listed += ids.length;
      substitutes += before.edges.filter((e: any) => e.node.myInvitation?.seatSubstitute).length;
    }
    // The data gives every path something to do.
    expect(listed).toBeGreaterThan(0);
    expect(substitutes).toBeGreaterThan(0);
    expect([...nonEmpty].sort()).toEqual(Object.keys(LISTS).sort());
  });
});
