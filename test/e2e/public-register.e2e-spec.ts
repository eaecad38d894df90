import { TestApp, startTestApp } from '../harness/test-app';
import { TestPerson, createPerson, signedInPerson } from '../harness/factories';
import { CommissionFixture, allocation, appoint, commission, group, ok, organisation } from '../harness/structure-fixtures';
import { scaled } from '../harness/progress';

/**
 * Issue 18: the commissioner's overview (the reports' own RAG, late and vacant,
 * compiled live) and the public register with its feeds (only what the
 * secretariat published; nothing before it chooses).
 */
const date = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const OVERVIEW = `query($id: ID!) { commissionOverview(commissionId: $id) {
  commissionId title asOf rag reportingDeadline seats filled holdover vacant
  groups { id name rag seats filled holdover vacant }
  goals { id code rag }
  nextDeadlines { deliverableId title dueOn rag }
  overdue { key kind deliverableId title dueOn daysOverdue }
  vacancies { groupId groupName organisation vacant seats }
  lastReport { id periodKey url }
  sinceLastReport { hasPrevious new { key kind title } changed { key changes } completed { key } newlyLate { key } }
} }`;

const REGISTER = `query($id: ID!) { publicRegister(commissionId: $id) {
  commissionId title referenceNumber status startsOn updatedAt
  mandate { description commissioningBody leadOrganisation partners objectives { letter text } reportingDeadline }
  groups { id name parentId seats { organisation seats members } }
  deliverables { id title kind status dueOn deliveredOn groupName url }
  events { id title kind startsAt endsAt timeZone place capacity placesLeft waitlistOpen }
} }`;

const SET = `mutation($input: SetCommissionPublicationInput!) { setCommissionPublication(input: $input) {
  published mandate groups organisations memberNames deliverables openEvents url allDeliverables { id chosen } } }`;

async function deliverable(t: TestApp, token: string, commissionId: string, fields: Record<string, unknown>): Promise<string> {
  const data = await ok(t, token, `mutation($input: CreateDeliverableInput!) { createDeliverable(input: $input) { id } }`, {
    input: { commissionId, kind: 'REPORT', dueOn: date(60), goalIds: [], objectiveIds: [], ...fields },
  });
  return data.createDeliverable.id;
}

async function deliver(t: TestApp, token: string, id: string, url: string) {
  await ok(t, token, `mutation($input: UpdateDeliverableInput!) { updateDeliverable(input: $input) { id } }`, { input: { id, publishedUrl: url } });
  for (const status of ['IN_PROGRESS', 'IN_REVIEW', 'APPROVED', 'DELIVERED']) {
    await ok(t, token, `mutation($input: ChangeDeliverableStatusInput!) { changeDeliverableStatus(input: $input) { status } }`, { input: { deliverableId: id, status } });
  }
}

/** Moves a deliverable's due date into the past, with the deadline change the database insists on. */
async function makeLate(t: TestApp, id: string, days: number) {
  await t.db.transaction(async (m) => {
    await m.query(`INSERT INTO deliverable_deadline_change (deliverable_id, old_due_on, new_due_on, reason) SELECT id, due_on, current_date - $2::int, 'Test: late' FROM deliverable WHERE id = $1`, [id, days]);
    await m.query(`UPDATE deliverable SET due_on = current_date - $2::int WHERE id = $1`, [id, days]);
  });
}

/** A commission with `groups` groups, each with an organisation's 3 seats (one filled) and a deliverable. */
async function commissionWithGroups(t: TestApp, admin: TestPerson, groups: number) {
  const c = await commission(t, admin);
  const org = await organisation(t, c.secretariat.token, { name: `Region ${c.commissionId.slice(0, 8)}` });
  for (let i = 0; i < groups; i++) {
    const g = await group(t, c.secretariat.token, c.commissionId, { name: `Gruppe ${i + 1}` });
    const a = await allocation(t, c.secretariat.token, g, org, 3);
    const person = await createPerson(t.db, { account: false, fullName: `Medlem ${groups}-${i}` });
    expect((await appoint(t, c.secretariat.token, { allocationId: a, personId: person.id, startsOn: '2022-01-01' })).errors).toBeUndefined();
    await deliverable(t, c.secretariat.token, c.commissionId, { workingGroupId: g, title: `Leverance ${i + 1}` });
  }
  return c;
}

describe('commissioner overview and public register', () => {
  jest.setTimeout(scaled(120_000));
  let t: TestApp;
  let c: CommissionFixture;
  let commissioner: TestPerson;
  let member: TestPerson;
  let outsider: TestPerson;
  let groupA: string;
  let groupB: string;
  let late: string;
  let soon: string;
  let delivered: string;
  let unpublished: string;
  let eventId: string;
  const memberName = 'Mette Frederiksen-Holm';
  const memberEmail = 'mette.holm@region.example.test';

  beforeAll(async () => {
    t = await startTestApp();
    c = await commission(t);
    commissioner = await signedInPerson(t, { fullName: 'Karen Kommissær' });
    await ok(t, c.admin.token, `mutation($input: CommissionRoleInput!) { assignCommissionRole(input: $input) { id } }`, { input: { commissionId: c.commissionId, personId: commissioner.id, role: 'COMMISSIONER' } });
    outsider = await signedInPerson(t);
    const org = await organisation(t, c.secretariat.token, { name: 'Region Hovedstaden' });
    groupA = await group(t, c.secretariat.token, c.commissionId, { name: 'Genomdata' });
    groupB = await group(t, c.secretariat.token, c.commissionId, { name: 'Etik' });
    const a = await allocation(t, c.secretariat.token, groupA, org, 1);
    await allocation(t, c.secretariat.token, groupB, org, 4);
    member = await signedInPerson(t, { fullName: memberName, email: memberEmail });
    expect((await appoint(t, c.secretariat.token, { allocationId: a, personId: member.id, startsOn: '2022-01-01' })).errors).toBeUndefined();
    late = await deliverable(t, c.secretariat.token, c.commissionId, { workingGroupId: groupA, title: 'Kortlægning af registre' });
    await makeLate(t, late, 5);
    soon = await deliverable(t, c.secretariat.token, c.commissionId, { workingGroupId: groupA, title: 'Anbefalinger', dueOn: date(10) });
    delivered = await deliverable(t, c.secretariat.token, c.commissionId, { workingGroupId: groupB, title: 'Etisk ramme', dueOn: date(20) });
    await deliver(t, c.secretariat.token, delivered, 'https://example.test/etisk-ramme.pdf');
    unpublished = await deliverable(t, c.secretariat.token, c.commissionId, { title: 'Internt notat om budget', dueOn: date(30) });
    const starts = new Date(Date.now() + 20 * 86_400_000);
    const created = await ok(t, c.secretariat.token, `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { meeting { id } } }`, {
      input: { commissionId: c.commissionId, kind: 'WEBINAR', title: 'Webinar om genomdata', startsAt: starts.toISOString(), endsAt: new Date(starts.getTime() + 3_600_000).toISOString(),
        timeZone: 'Europe/Copenhagen', place: 'Online', agenda: [], guestIds: [], inviteMembers: false, isOpen: true, capacity: 100, waitlistOpen: true },
    });
    eventId = created.createMeeting.meeting.id;
  }, scaled(120_000));
  afterAll(() => t?.close());

  it('shows the commissioner the commission at a glance, by the same rules as a status report', async () => {
    const before = (await ok(t, commissioner.token, OVERVIEW, { id: c.commissionId })).commissionOverview;
    expect(before.lastReport).toBeNull();
    expect(before.sinceLastReport.hasPrevious).toBe(false);
    // Genomdata: a late deliverable makes it late; Etik: 4 vacant seats of 4 puts it at risk.
    const byName = Object.fromEntries(before.groups.map((g: { name: string }) => [g.name, g]));
    expect(byName.Genomdata).toMatchObject({ rag: 'LATE', seats: 1, filled: 1, vacant: 0 });
    expect(byName.Etik).toMatchObject({ rag: 'AT_RISK', seats: 4, filled: 0, vacant: 4 });
    expect(before.rag).toBe('LATE');
    expect(before.overdue).toEqual([expect.objectContaining({ kind: 'deliverable', deliverableId: late, title: 'Kortlægning af registre', daysOverdue: 5 })]);
    expect(before.nextDeadlines.map((d: { deliverableId: string }) => d.deliverableId)).toEqual([soon, unpublished]);
    expect(before.vacancies).toEqual([{ groupId: groupB, groupName: 'Etik', organisation: 'Region Hovedstaden', vacant: 4, seats: 4 }]);
    expect({ seats: before.seats, filled: before.filled, vacant: before.vacant }).toEqual({ seats: 5, filled: 1, vacant: 4 });
    // A report compiled now agrees with the overview's figures.
    const report = (await ok(t, c.secretariat.token, `mutation($c: ID!) { compileStatusReport(input: { commissionId: $c, period: "2022-Q1" }) { id } }`, { c: c.commissionId })).compileStatusReport;
    const now = (await ok(t, c.secretariat.token, `mutation($c: ID!) { compileStatusReport(input: { commissionId: $c }) { id rag summary { seats filled vacant overdue } } }`, { c: c.commissionId })).compileStatusReport;
    const after = (await ok(t, commissioner.token, OVERVIEW, { id: c.commissionId })).commissionOverview;
    expect(now.rag).toBe(after.rag);
    expect(now.summary).toEqual({ seats: after.seats, filled: after.filled, vacant: after.vacant, overdue: after.overdue.length });
    expect(after.lastReport.id).toBe(now.id);
    expect(after.lastReport.id).not.toBe(report.id);
    expect(after.sinceLastReport).toMatchObject({ hasPrevious: true, new: [], changed: [], completed: [], newlyLate: [] });
    // What changes after the report shows as changed since it.
    const g3 = await group(t, c.secretariat.token, c.commissionId, { name: 'Sekventering' });
    const changed = (await ok(t, commissioner.token, OVERVIEW, { id: c.commissionId })).commissionOverview;
    expect(changed.sinceLastReport.new).toEqual([{ key: `group:${g3}`, kind: 'group', title: 'Sekventering' }]);
  });

  it('is for the commissioners and the secretariat only', async () => {
    expect((await t.gql(OVERVIEW, { id: c.commissionId }, { token: member.token })).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await t.gql(OVERVIEW, { id: c.commissionId }, { token: outsider.token })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await t.gql(OVERVIEW, { id: c.commissionId })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(OVERVIEW, { id: c.commissionId }, { token: c.secretariat.token })).errors).toBeUndefined();
  });

  it('counts the same SQL statements for an overview of 1 and of 8 groups', async () => {
    const one = await commissionWithGroups(t, c.admin, 1);
    const eight = await commissionWithGroups(t, c.admin, 8);
    const small = await t.gql(OVERVIEW, { id: one.commissionId }, { token: c.admin.token });
    const large = await t.gql(OVERVIEW, { id: eight.commissionId }, { token: c.admin.token });
    expect(large.errors).toBeUndefined();
    expect(large.data!.commissionOverview.groups).toHaveLength(8);
    expect(large.extensions?.sqlStatements).toBe(small.extensions?.sqlStatements);
    // The public register likewise, with every part published.
    for (const x of [one, eight]) {
      await ok(t, c.admin.token, SET, { input: { commissionId: x.commissionId, published: true, mandate: true, groups: true, organisations: true, memberNames: true, deliverables: 'CHOSEN', chosenDeliverableIds: [], openEvents: true } });
    }
    const publicSmall = await t.gql(REGISTER, { id: one.commissionId });
    const publicLarge = await t.gql(REGISTER, { id: eight.commissionId });
    expect(publicLarge.data!.publicRegister.groups).toHaveLength(8);
    expect(publicLarge.data!.publicRegister.groups[7].seats[0].members).toEqual(['Medlem 8-7']);
    expect(publicLarge.extensions?.sqlStatements).toBe(publicSmall.extensions?.sqlStatements);
  });

  it('publishes nothing until the secretariat chooses, then exactly what it chose', async () => {
    // Not chosen: the page, the JSON and the Atom are NOT_FOUND, as for a commission that does not exist.
    expect((await t.gql(REGISTER, { id: c.commissionId })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await t.http(`/public/commissions/${c.commissionId}/feed.json`)).status).toBe(404);
    expect((await t.http(`/public/commissions/${c.commissionId}/feed.atom`)).status).toBe(404);
    const settings = (await ok(t, c.secretariat.token, `query($id: ID!) { commissionPublication(commissionId: $id) { published updatedAt allDeliverables { id title chosen } url } }`, { id: c.commissionId })).commissionPublication;
    expect(settings).toMatchObject({ published: false, updatedAt: null, url: `/public/commissions/${c.commissionId}` });
    expect(settings.allDeliverables).toHaveLength(4);
    // Only the secretariat chooses.
    const input = { commissionId: c.commissionId, published: true, mandate: true, groups: true, organisations: true, memberNames: false, deliverables: 'CHOSEN', chosenDeliverableIds: [delivered], openEvents: true };
    expect((await t.gql(SET, { input }, { token: commissioner.token })).errors?.[0].extensions.code).toBe('FORBIDDEN');
    // Names need organisations; a deliverable of another commission is refused at its field.
    const names = await t.gql(SET, { input: { ...input, organisations: false, memberNames: true } }, { token: c.secretariat.token });
    expect(names.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'memberNames' } });
    const other = await commissionWithGroups(t, c.admin, 1);
    const foreign = (await ok(t, c.admin.token, `query($id: ID!) { commissionPublication(commissionId: $id) { allDeliverables { id } } }`, { id: other.commissionId })).commissionPublication.allDeliverables[0].id;
    const wrong = await t.gql(SET, { input: { ...input, chosenDeliverableIds: [foreign] } }, { token: c.secretariat.token });
    expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'chosenDeliverableIds' } });
    const set = (await ok(t, c.secretariat.token, SET, { input })).setCommissionPublication;
    expect(set.allDeliverables.filter((d: { chosen: boolean }) => d.chosen).map((d: { id: string }) => d.id)).toEqual([delivered]);

    const register = (await ok(t, '', REGISTER, { id: c.commissionId })).publicRegister;
    expect(register.mandate).toMatchObject({ objectives: [{ letter: 'a', text: 'Map the need' }, { letter: 'b', text: 'Propose programmes' }], reportingDeadline: '2023-02-28' });
    expect(register.groups.map((g: { name: string }) => g.name)).toEqual(['Etik', 'Genomdata', 'Sekventering']);
    const genom = register.groups.find((g: { name: string }) => g.name === 'Genomdata');
    expect(genom.seats).toEqual([{ organisation: 'Region Hovedstaden', seats: 1, members: null }]);
    expect(register.deliverables).toEqual([expect.objectContaining({ id: delivered, title: 'Etisk ramme', status: 'delivered', url: 'https://example.test/etisk-ramme.pdf' })]);
    expect(register.events).toEqual([expect.objectContaining({ id: eventId, title: 'Webinar om genomdata', capacity: 100, placesLeft: 100 })]);

    // Nothing else leaks: not the unpublished deliverable, not the member's name, never an e-mail — in GraphQL, JSON or Atom.
    const json = await (await t.http(`/public/commissions/${c.commissionId}/feed.json?lang=da`)).text();
    const atomResponse = await t.http(`/public/commissions/${c.commissionId}/feed.atom?lang=da`);
    expect(atomResponse.headers.get('content-type')).toContain('application/atom+xml');
    const atom = await atomResponse.text();
    for (const [name, body] of [['graphql', JSON.stringify(register)], ['json', json], ['atom', atom]]) {
      for (const secret of ['Internt notat om budget', 'Kortlægning af registre', 'Anbefalinger', memberName, memberEmail, '@example.test', unpublished]) {
        expect({ name, leaks: body.includes(secret) ? secret : null }).toEqual({ name, leaks: null });
      }
    }
    const feed = JSON.parse(json);
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items.map((i: { id: string }) => i.id).sort()).toEqual([`urn:uuid:${delivered}`, `urn:uuid:${eventId}`, ...register.groups.map((g: { id: string }) => `urn:uuid:${g.id}`)].sort());
    expect(feed._register.deliverables.map((d: { id: string }) => d.id)).toEqual([delivered]);
    expect(atom).toContain('<entry>');
    expect(atom).toContain('<title>Leverance: Etisk ramme</title>');
    expect(atom).toContain('href="https://example.test/etisk-ramme.pdf"');

    // Names published: the member's name appears by their organisation's seat, their e-mail still nowhere.
    await ok(t, c.secretariat.token, SET, { input: { ...input, memberNames: true, deliverables: 'ALL_DELIVERED', chosenDeliverableIds: [] } });
    const named = (await ok(t, '', REGISTER, { id: c.commissionId })).publicRegister;
    expect(named.groups.find((g: { name: string }) => g.name === 'Genomdata').seats[0].members).toEqual([memberName]);
    expect(named.deliverables.map((d: { id: string }) => d.id)).toEqual([delivered]);
    const atomNamed = await (await t.http(`/public/commissions/${c.commissionId}/feed.atom`)).text();
    expect(atomNamed).toContain(memberName);
    expect(atomNamed).not.toContain(memberEmail);

    // Unpublished again: gone.
    await ok(t, c.secretariat.token, SET, { input: { ...input, published: false } });
    expect((await t.gql(REGISTER, { id: c.commissionId })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await t.http(`/public/commissions/${c.commissionId}/feed.atom`)).status).toBe(404);
    await ok(t, c.secretariat.token, SET, { input });
  });
});
