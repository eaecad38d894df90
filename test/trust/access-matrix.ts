import { randomUUID } from 'node:crypto';
import { createPerson, login, signedInPerson } from '../harness/factories';
import { allocation, appoint, ok } from '../harness/structure-fixtures';
import { UnsubscribeLinkService } from '@samverkan/notifications';
import { ACTORS, Actor, World } from './world';

/**
 * Who may do what: every GraphQL query and mutation and every HTTP route, for
 * every actor. `npm test` runs each cell against the running app
 * (test/e2e/access-matrix.e2e-spec.ts); an operation missing here fails that
 * test, so nothing new ships without someone deciding who may use it.
 *
 * Outcomes: 'ok' (no error), or the error code the actor must get.
 * NOT_FOUND where even the existence of another commission's data is secret.
 */
export type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';
export type Expectations = Record<Actor, Outcome>;

const A_ROLES: Actor[] = ['secretariat', 'chair', 'member', 'commissioner', 'observer'];

function expect(anonymous: Outcome, admin: Outcome, a: Partial<Record<Actor, Outcome>>, rest: Outcome): Expectations {
  const result = { anonymous, admin } as Expectations;
  for (const actor of ACTORS) if (!(actor in result)) result[actor] = a[actor] ?? rest;
  return result;
}

/** The usual rules, by what the operation touches. */
export const policy = {
  /** Anyone, signed in or not. */
  public: (): Expectations => expect('ok', 'ok', {}, 'ok'),
  /** Anyone signed in; what they see is filtered to their own commissions. */
  authenticated: (): Expectations => expect('UNAUTHENTICATED', 'ok', {}, 'ok'),
  admin: (): Expectations => expect('UNAUTHENTICATED', 'ok', {}, 'FORBIDDEN'),
  /** The secretariat of commission A (and admins); A's other roles are refused, B's do not learn A exists. */
  manage: (): Expectations => expect('UNAUTHENTICATED', 'ok', { secretariat: 'ok', chair: 'FORBIDDEN', member: 'FORBIDDEN', commissioner: 'FORBIDDEN', observer: 'FORBIDDEN' }, 'NOT_FOUND'),
  /** Schedule meetings of A's group: the secretariat of A and the group's chair (libs/access `GroupAction`). */
  schedule: (): Expectations => expect('UNAUTHENTICATED', 'ok', { secretariat: 'ok', chair: 'ok', member: 'FORBIDDEN', commissioner: 'FORBIDDEN', observer: 'FORBIDDEN' }, 'NOT_FOUND'),
  /** Secretariat and commissioners of A. */
  oversee: (): Expectations => expect('UNAUTHENTICATED', 'ok', { secretariat: 'ok', chair: 'FORBIDDEN', member: 'FORBIDDEN', commissioner: 'ok', observer: 'FORBIDDEN' }, 'NOT_FOUND'),
  /** Every role of A. */
  read: (): Expectations => expect('UNAUTHENTICATED', 'ok', Object.fromEntries(A_ROLES.map((r) => [r, 'ok'])), 'NOT_FOUND'),
  /** Any secretariat (shared registers: organisations, people, strategies). */
  anySecretariat: (): Expectations => expect('UNAUTHENTICATED', 'ok', { secretariat: 'ok', otherSecretariat: 'ok' }, 'FORBIDDEN'),
  custom: (anonymous: Outcome, admin: Outcome, others: Partial<Record<Actor, Outcome>>, rest: Outcome): Expectations => expect(anonymous, admin, others, rest),
};

export interface Call {
  query: string;
  variables?: Record<string, unknown>;
  /** Another token of the same actor, for calls that end the session they run in. */
  token?: string;
}

export interface MatrixEntry {
  expected: Expectations;
  /** Builds the request for one actor; may first create what the call needs, so each cell stands alone. */
  call: (w: World, actor: Actor) => Call | Promise<Call>;
}

const date = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A fresh allocation with free seats in A's group (made by A's secretariat). */
async function freshAllocation(w: World): Promise<string> {
  return allocation(w.t, w.a.people.secretariat.token, w.a.groupId, w.a.organisationId, 2);
}

/** A fresh appointment in A's group. */
async function freshAppointment(w: World): Promise<string> {
  const person = await createPerson(w.t.db, { account: false });
  const result = await appoint(w.t, w.a.people.secretariat.token, { allocationId: await freshAllocation(w), personId: person.id, kind: 'PRINCIPAL' });
  return result.data!.appoint.id;
}

/** A nomination request for a fresh allocation in A. */
async function freshNominationRequest(w: World): Promise<string> {
  const data = await ok(w.t, w.a.people.secretariat.token, `mutation($input: RequestNominationInput!) { requestNomination(input: $input) { id } }`, {
    input: { allocationId: await freshAllocation(w), deadline: date(30) },
  });
  return data.requestNomination.id;
}

/** A mail of commission A in the outbox. */
async function commissionMail(w: World): Promise<string> {
  const id = randomUUID();
  const [row] = await w.t.db.query(
    `INSERT INTO mail_outbox (id, dedupe_key, template, commission_id, to_address, locale, subject, html, text_body, message_id, status, sent_at)
     VALUES ($1, $2, 'matrix', $3, 'someone@example.test', 'sv', 'Matrix', '<p>x</p>', 'x', $4, 'sent', now()) RETURNING id`,
    [id, `matrix:${randomUUID()}`, w.a.commissionId, `<${id}@samverkan.local>`],
  );
  return row.id;
}

/** A fresh deliverable of A's group (planned, due in two months). */
export async function freshDeliverable(w: World): Promise<string> {
  const data = await ok(w.t, w.a.people.secretariat.token, `mutation($input: CreateDeliverableInput!) { createDeliverable(input: $input) { id } }`, {
    input: { commissionId: w.a.commissionId, workingGroupId: w.a.groupId, title: w.unique('Deliverable'), kind: 'REPORT', dueOn: date(60), goalIds: [], objectiveIds: [] },
  });
  return data.createDeliverable.id;
}

/** A first version (a small PDF) of a fresh deliverable. */
async function freshVersion(w: World): Promise<{ deliverableId: string; versionId: string }> {
  const deliverableId = await freshDeliverable(w);
  const form = new FormData();
  form.append('file', new Blob(['%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'], { type: 'application/pdf' }), 'draft.pdf');
  const response = await w.t.http(`/deliverables/${deliverableId}/versions`, { method: 'POST', body: form, headers: { authorization: `Bearer ${w.a.people.secretariat.token}` } });
  if (response.status !== 201) throw new Error(`upload failed: ${response.status} ${await response.text()}`);
  return { deliverableId, versionId: ((await response.json()) as { id: string }).id };
}

/** A version of a fresh deliverable that is in progress (so a review round may open on it). */
async function freshInProgressVersion(w: World): Promise<{ deliverableId: string; versionId: string }> {
  const version = await freshVersion(w);
  await ok(w.t, w.a.people.secretariat.token, `mutation($input: ChangeDeliverableStatusInput!) { changeDeliverableStatus(input: $input) { status } }`, {
    input: { deliverableId: version.deliverableId, status: 'IN_PROGRESS' },
  });
  return version;
}

/** An open review round on a fresh version, with A's member as the named reviewer. */
async function freshRound(w: World): Promise<string> {
  const { versionId } = await freshInProgressVersion(w);
  const data = await ok(w.t, w.a.people.secretariat.token, `mutation($input: OpenReviewRoundInput!) { openReviewRound(input: $input) { id } }`, {
    input: { versionId, deadline: date(14), reviewerIds: [w.a.people.member.id] },
  });
  return data.openReviewRound.id;
}

/** A comment by A's member in a fresh round. */
async function freshComment(w: World): Promise<{ roundId: string; commentId: string }> {
  const roundId = await freshRound(w);
  await ok(w.t, w.a.people.member.token, `mutation($input: AnswerReviewInput!) { answerReview(input: $input) { id } }`, {
    input: { roundId, verdict: 'COMMENT', comments: [{ anchorKind: 'SECTION', anchor: '2.1', body: 'Clarify the target group.' }] },
  });
  const [comment] = await w.t.db.query(`SELECT id FROM review_comment WHERE round_id = $1`, [roundId]);
  return { roundId, commentId: comment.id };
}

const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

/** A fresh meeting of A's group (members and chair invited), some weeks ahead at a random hour so meetings rarely overlap. */
export async function freshMeeting(w: World, fields: Record<string, unknown> = {}): Promise<string> {
  const start = 24 * (20 + Math.floor(Math.random() * 300)) + Math.floor(Math.random() * 10);
  const data = await ok(w.t, w.a.people.secretariat.token, `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { meeting { id } } }`, {
    input: {
      workingGroupId: w.a.groupId, title: w.unique('Meeting'), kind: 'MEETING', startsAt: hours(start), endsAt: hours(start + 2), timeZone: 'Europe/Stockholm',
      place: 'Rosenbad', agenda: [], guestIds: [], inviteMembers: true, isOpen: false, waitlistOpen: false, ...fields,
    },
  });
  return data.createMeeting.meeting.id;
}

/** The one agenda item of a fresh meeting of A's group. */
async function freshAgendaItem(w: World): Promise<string> {
  const meetingId = await freshMeeting(w, { agenda: [{ title: 'Grants', durationMinutes: 20 }] });
  const [item] = await w.t.db.query(`SELECT id FROM agenda_item WHERE meeting_id = $1`, [meetingId]);
  return item.id;
}

/** Draft minutes of a fresh meeting. */
async function freshMinutes(w: World): Promise<{ meetingId: string; minutesId: string }> {
  const meetingId = await freshMeeting(w);
  const data = await ok(w.t, w.a.people.secretariat.token, `mutation($input: SaveMinutesInput!) { saveMinutes(input: $input) { id } }`, {
    input: { meetingId, body: 'The group met.', decisions: [{ text: 'To adopt the plan.' }], actionItems: [{ title: 'Write the memo', assigneePersonId: w.a.people.member.id }], notes: [], conflictsOfInterest: [] },
  });
  return { meetingId, minutesId: data.saveMinutes.id };
}

/** Minutes of a fresh meeting sent to A's member for approval (justering). */
async function freshMinutesInApproval(w: World): Promise<string> {
  const { minutesId } = await freshMinutes(w);
  await ok(w.t, w.a.people.secretariat.token, `mutation($input: SendMinutesForApprovalInput!) { sendMinutesForApproval(input: $input) { id } }`, {
    input: { minutesId, adjusterIds: [w.a.people.member.id] },
  });
  return minutesId;
}

/** A date poll of A's group with two options. */
async function freshPoll(w: World): Promise<{ pollId: string; optionIds: string[] }> {
  const start = 24 * (20 + Math.floor(Math.random() * 300));
  const data = await ok(w.t, w.a.people.secretariat.token, `mutation($input: CreateDatePollInput!) { createDatePoll(input: $input) { id options { option { id } } } }`, {
    input: {
      workingGroupId: w.a.groupId, title: w.unique('Poll'), kind: 'MEETING', timeZone: 'Europe/Stockholm',
      options: [{ startsAt: hours(start), endsAt: hours(start + 2) }, { startsAt: hours(start + 24), endsAt: hours(start + 26) }],
    },
  });
  return { pollId: data.createDatePoll.id, optionIds: data.createDatePoll.options.map((o: { option: { id: string } }) => o.option.id) };
}

/** An open webinar of A with room for many. */
async function freshOpenEvent(w: World): Promise<string> {
  return freshMeeting(w, { workingGroupId: undefined, commissionId: w.a.commissionId, kind: 'WEBINAR', isOpen: true, capacity: 500, inviteMembers: false, waitlistOpen: true });
}

/** A registration for a fresh open event, and the secret from its confirmation mail. */
/** One open event of A made once per world (its registration page and registrant list read it; each row its own cells). */
const openEvents = new WeakMap<World, Promise<string>>();
export function anOpenEvent(w: World): Promise<string> {
  let id = openEvents.get(w);
  if (!id) {
    id = freshOpenEvent(w);
    openEvents.set(w, id);
  }
  return id;
}

async function freshRegistrationToken(w: World): Promise<string> {
  const meetingId = await freshOpenEvent(w);
  const email = `guest-${randomUUID().slice(0, 8)}@example.test`;
  await ok(w.t, w.a.people.secretariat.token, `mutation($input: RegisterForEventInput!) { registerForEvent(input: $input) { status } }`, {
    input: { meetingId, fullName: 'Guest Person', email },
  });
  const [mail] = await w.t.db.query(`SELECT text_body FROM mail_outbox WHERE to_address = $1`, [email]);
  return /token=([A-Za-z0-9_-]+)/.exec(mail.text_body)![1];
}

/** The person's calendar feed token (made by the person). */
async function feedToken(w: World): Promise<string> {
  const data = await ok(w.t, w.a.people.member.token, `mutation { createCalendarFeed { url } }`);
  return /calendar\/([^/]+)\/feed\.ics/.exec(data.createCalendarFeed.url)![1];
}

const page = `pageInfo { hasNextPage }`;

/** One status report of commission A (compiled once per world by A's secretariat). */
const reports = new WeakMap<World, Promise<string>>();
function aReport(w: World): Promise<string> {
  let id = reports.get(w);
  if (!id) {
    id = ok(w.t, w.a.people.secretariat.token, `mutation($c: ID!) { compileStatusReport(input: { commissionId: $c, period: "2022-Q1" }) { id } }`, { c: w.a.commissionId }).then((d) => d.compileStatusReport.id as string);
    reports.set(w, id);
  }
  return id;
}

/** Every part of A published (what the register's cells read). */
function publishInput(w: World) {
  return { commissionId: w.a.commissionId, published: true, mandate: true, groups: true, organisations: true, memberNames: false, deliverables: 'ALL_DELIVERED', chosenDeliverableIds: [], openEvents: true };
}

/** A's register published once per world by A's secretariat. */
const published = new WeakMap<World, Promise<unknown>>();
function publishA(w: World): Promise<unknown> {
  let done = published.get(w);
  if (!done) {
    done = ok(w.t, w.a.people.secretariat.token, `mutation($input: SetCommissionPublicationInput!) { setCommissionPublication(input: $input) { published } }`, { input: publishInput(w) });
    published.set(w, done);
  }
  return done;
}

export const GRAPHQL_MATRIX: Record<string, MatrixEntry> = {
  // ------------------------------------------------------------------ accounts
  login: {
    expected: policy.public(),
    call: (w, actor) => ({
      query: `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`,
      variables: { input: { email: (w.personOf(actor) ?? w.a.people.member).email, password: 'correct-horse-battery' } },
    }),
  },
  refreshSession: {
    expected: policy.public(),
    call: async (w, actor) => {
      const email = (w.personOf(actor) ?? w.a.people.member).email;
      const data = await w.t.gql(`mutation($input: LoginInput!) { login(input: $input) { refreshToken } }`, { input: { email, password: 'correct-horse-battery' } });
      return { query: `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }`, variables: { t: data.data!.login.refreshToken } };
    },
  },
  logout: {
    expected: policy.authenticated(),
    // Signs out a fresh session of the actor (not the token the matrix uses).
    call: async (w, actor) => {
      const person = w.personOf(actor);
      return { query: `mutation { logout(everywhere: false) }`, token: person ? await login(w.t, person.email) : undefined };
    },
  },
  // The web application's sign-in and sign-out set and clear the session cookie, and only for a
  // request from this origin: the matrix calls from elsewhere (no Origin), so everyone is refused
  // (test/e2e/web-app.e2e-spec.ts signs in from the app itself).
  signInBrowser: {
    expected: policy.custom('FORBIDDEN', 'FORBIDDEN', {}, 'FORBIDDEN'),
    call: (w, actor) => ({
      query: `mutation($input: LoginInput!) { signInBrowser(input: $input) { isAdmin } }`,
      variables: { input: { email: (w.personOf(actor) ?? w.a.people.member).email, password: 'correct-horse-battery' } },
    }),
  },
  signOutBrowser: {
    expected: policy.custom('FORBIDDEN', 'FORBIDDEN', {}, 'FORBIDDEN'),
    call: () => ({ query: `mutation { signOutBrowser(everywhere: false) }` }),
  },
  changePassword: {
    expected: policy.authenticated(),
    // Changing a password signs out the person's other sessions, which would pull the
    // matrix's own tokens away: a fresh signed-in person stands in for each signed-in actor.
    call: async (w, actor) => ({
      query: `mutation { changePassword(input: { currentPassword: "correct-horse-battery", newPassword: "correct-horse-battery-2" }) }`,
      token: actor === 'anonymous' ? undefined : (await signedInPerson(w.t)).token,
    }),
  },
  createAccount: {
    expected: policy.admin(),
    call: async (w) => {
      const person = await createPerson(w.t.db, { account: false });
      return {
        query: `mutation($input: CreateAccountInput!) { createAccount(input: $input) { isAdmin } }`,
        variables: { input: { personId: person.id, email: person.email, password: 'a-long-enough-password', isAdmin: false } },
      };
    },
  },
  me: { expected: policy.authenticated(), call: () => ({ query: `{ me { isAdmin } }` }) },

  // ------------------------------------------------------------------ people, organisations, strategies
  person: { expected: policy.authenticated(), call: (w) => ({ query: `query($id: ID!) { person(id: $id) { displayName } }`, variables: { id: w.a.people.member.id } }) },
  people: { expected: policy.anySecretariat(), call: () => ({ query: `{ people(first: 5) { ${page} } }` }) },
  createPerson: {
    expected: policy.anySecretariat(),
    call: (w) => ({ query: `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`, variables: { input: { fullName: w.unique('Matrix Person') } } }),
  },
  updatePerson: {
    // The person themselves, their secretariat, admins.
    expected: policy.custom('UNAUTHENTICATED', 'ok', { secretariat: 'ok', member: 'ok' }, 'FORBIDDEN'),
    call: (w) => ({ query: `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { id } }`, variables: { input: { id: w.a.people.member.id, title: 'Utredare' } } }),
  },
  timeServed: { expected: policy.authenticated(), call: (w) => ({ query: `query($id: ID!) { timeServed(personId: $id) { days } }`, variables: { id: w.a.people.member.id } }) },
  organisation: { expected: policy.authenticated(), call: (w) => ({ query: `query($id: ID!) { organisation(id: $id) { name } }`, variables: { id: w.a.organisationId } }) },
  organisations: { expected: policy.authenticated(), call: () => ({ query: `{ organisations(first: 5) { ${page} } }` }) },
  createOrganisation: {
    expected: policy.anySecretariat(),
    call: (w) => ({ query: `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`, variables: { input: { name: w.unique('Matrix Org'), kind: 'AGENCY', country: 'SE' } } }),
  },
  updateOrganisation: {
    expected: policy.anySecretariat(),
    call: (w) => ({ query: `mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { id } }`, variables: { input: { id: w.a.organisationId, shortName: 'MO' } } }),
  },
  regions: { expected: policy.public(), call: () => ({ query: `{ regions(country: "SE") { code name } }` }) },
  mergePeople: {
    // Administrators, and a secretariat for people who take part only in its commissions:
    // the duplicate holds a seat in A, so B's secretariat may not merge it.
    expected: policy.custom('UNAUTHENTICATED', 'ok', { secretariat: 'ok' }, 'FORBIDDEN'),
    call: async (w) => {
      const keep = await createPerson(w.t.db, { account: false });
      const duplicate = await createPerson(w.t.db, { account: false });
      await appoint(w.t, w.a.people.secretariat.token, { allocationId: await freshAllocation(w), personId: duplicate.id, kind: 'PRINCIPAL' });
      return {
        query: `mutation($input: MergePeopleInput!) { mergePeople(input: $input) { id } }`,
        variables: { input: { keepPersonId: keep.id, mergePersonId: duplicate.id } },
      };
    },
  },
  strategies: { expected: policy.authenticated(), call: () => ({ query: `{ strategies { id } }` }) },
  strategy: { expected: policy.authenticated(), call: (w) => ({ query: `query($id: ID!) { strategy(id: $id) { title } }`, variables: { id: w.strategyId } }) },
  goal: { expected: policy.authenticated(), call: (w) => ({ query: `query($id: ID!) { goal(strategyId: $id, code: "1.1") { text } }`, variables: { id: w.strategyId } }) },
  createStrategy: {
    expected: policy.anySecretariat(),
    call: (w) => ({ query: `mutation($input: CreateStrategyInput!) { createStrategy(input: $input) { id } }`, variables: { input: { title: w.unique('Strategy'), priorityAreas: [] } } }),
  },
  addGoal: {
    expected: policy.anySecretariat(),
    call: async (w) => {
      const data = await ok(w.t, w.admin.token, `mutation($input: CreateStrategyInput!) { createStrategy(input: $input) { id } }`, {
        input: { title: w.unique('Strategy'), priorityAreas: [{ number: 1, title: 'Area', goals: [] }] },
      });
      return { query: `mutation($input: AddGoalInput!) { addGoal(input: $input) { id } }`, variables: { input: { strategyId: data.createStrategy.id, code: '1.2', text: 'More' } } };
    },
  },

  mayEditStrategies: { expected: policy.authenticated(), call: () => ({ query: `{ mayEditStrategies }` }) },
  addPriorityArea: {
    expected: policy.anySecretariat(),
    call: async (w) => {
      const data = await ok(w.t, w.admin.token, `mutation($input: CreateStrategyInput!) { createStrategy(input: $input) { id } }`, { input: { title: w.unique('Strategy'), priorityAreas: [] } });
      return { query: `mutation($input: AddPriorityAreaInput!) { addPriorityArea(input: $input) { id } }`, variables: { input: { strategyId: data.createStrategy.id, number: 1, title: 'Area' } } };
    },
  },
  updatePriorityArea: {
    expected: policy.anySecretariat(),
    call: async (w) => {
      const data = await ok(w.t, w.admin.token, `mutation($input: CreateStrategyInput!) { createStrategy(input: $input) { priorityAreas { id } } }`, {
        input: { title: w.unique('Strategy'), priorityAreas: [{ number: 1, title: 'Area', goals: [] }] },
      });
      return { query: `mutation($input: UpdatePriorityAreaInput!) { updatePriorityArea(input: $input) { id } }`, variables: { input: { id: data.createStrategy.priorityAreas[0].id, title: 'Renamed' } } };
    },
  },
  updateGoal: {
    expected: policy.anySecretariat(),
    call: async (w) => {
      const data = await ok(w.t, w.admin.token, `mutation($input: CreateStrategyInput!) { createStrategy(input: $input) { priorityAreas { goals { id } } } }`, {
        input: { title: w.unique('Strategy'), priorityAreas: [{ number: 1, title: 'Area', goals: [{ code: '1.1', text: 'Goal' }] }] },
      });
      return { query: `mutation($input: UpdateGoalInput!) { updateGoal(input: $input) { id } }`, variables: { input: { id: data.createStrategy.priorityAreas[0].goals[0].id, text: 'Reworded' } } };
    },
  },

  // ------------------------------------------------------------------ commissions
  mayCreateCommission: { expected: policy.authenticated(), call: () => ({ query: `{ mayCreateCommission }` }) },
  commission: { expected: policy.read(), call: (w) => ({ query: `query($id: ID!) { commission(id: $id) { title } }`, variables: { id: w.a.commissionId } }) },
  commissionList: { expected: policy.authenticated(), call: () => ({ query: `{ commissionList(first: 5) { ${page} } }` }) },
  createCommission: {
    expected: policy.anySecretariat(),
    call: (w) => ({
      query: `mutation($input: CreateCommissionInput!) { createCommission(input: $input) { id } }`,
      variables: {
        input: {
          title: w.unique('Commission'),
          kind: 'INQUIRY',
          commissioningBodyId: w.a.organisationId,
          leadOrganisationId: w.a.organisationId,
          startsOn: '2025-01-01',
          reportingDeadline: '2026-12-31',
          objectives: [{ letter: 'a', text: 'Investigate' }],
          secretariatIds: [],
        },
      },
    }),
  },
  updateCommission: {
    expected: policy.manage(),
    call: (w) => ({ query: `mutation($input: UpdateCommissionInput!) { updateCommission(input: $input) { id } }`, variables: { input: { id: w.a.commissionId, description: 'Updated' } } }),
  },
  amendMandate: {
    expected: policy.manage(),
    call: (w) => ({
      query: `mutation($input: AmendMandateInput!) { amendMandate(input: $input) { id } }`,
      variables: { input: { commissionId: w.a.commissionId, decidedOn: '2025-06-01', reason: 'Tilläggsdirektiv', newDeadline: date(400 + Math.floor(Math.random() * 300)), addObjectives: [], withdrawObjectives: [] } },
    }),
  },
  assignCommissionRole: {
    expected: policy.manage(),
    call: async (w) => {
      const person = await createPerson(w.t.db, { account: false });
      return {
        query: `mutation($input: CommissionRoleInput!) { assignCommissionRole(input: $input) { role } }`,
        variables: { input: { commissionId: w.a.commissionId, personId: person.id, role: 'OBSERVER' } },
      };
    },
  },
  removeCommissionRole: {
    expected: policy.manage(),
    call: async (w) => {
      const person = await createPerson(w.t.db, { account: false });
      const input = { commissionId: w.a.commissionId, personId: person.id, role: 'OBSERVER' };
      await ok(w.t, w.a.people.secretariat.token, `mutation($input: CommissionRoleInput!) { assignCommissionRole(input: $input) { role } }`, { input });
      return { query: `mutation($input: CommissionRoleInput!) { removeCommissionRole(input: $input) }`, variables: { input } };
    },
  },
  recordStakeholderEngagement: {
    expected: policy.manage(),
    call: async (w) => {
      const org = await ok(w.t, w.admin.token, `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`, {
        input: { name: w.unique('Stakeholder'), kind: 'ASSOCIATION', country: 'SE' },
      });
      return {
        query: `mutation($input: RecordEngagementInput!) { recordStakeholderEngagement(input: $input) { id } }`,
        variables: { input: { commissionId: w.a.commissionId, organisationId: org.createOrganisation.id, how: 'DIALOGUE' } },
      };
    },
  },

  // ------------------------------------------------------------------ working groups and seats
  workingGroup: { expected: policy.read(), call: (w) => ({ query: `query($id: ID!) { workingGroup(id: $id) { name } }`, variables: { id: w.a.groupId } }) },
  myWorkingGroups: { expected: policy.authenticated(), call: () => ({ query: `{ myWorkingGroups { id } }` }) },
  createWorkingGroup: {
    expected: policy.manage(),
    call: (w) => ({
      query: `mutation($input: CreateWorkingGroupInput!) { createWorkingGroup(input: $input) { id } }`,
      variables: { input: { commissionId: w.a.commissionId, name: w.unique('Group'), status: 'ACTIVE' } },
    }),
  },
  updateWorkingGroup: {
    expected: policy.manage(),
    call: (w) => ({ query: `mutation($input: UpdateWorkingGroupInput!) { updateWorkingGroup(input: $input) { id } }`, variables: { input: { id: w.a.groupId, purpose: 'Updated' } } }),
  },
  createSeatAllocation: {
    expected: policy.manage(),
    call: (w) => ({
      query: `mutation($input: CreateSeatAllocationInput!) { createSeatAllocation(input: $input) { id } }`,
      variables: { input: { workingGroupId: w.a.groupId, organisationId: w.a.organisationId, seatCount: 1 } },
    }),
  },
  changeSeatCount: {
    expected: policy.manage(),
    call: async (w) => ({ query: `mutation($input: ChangeSeatCountInput!) { changeSeatCount(input: $input) { id } }`, variables: { input: { allocationId: await freshAllocation(w), seatCount: 3 } } }),
  },
  appoint: {
    expected: policy.manage(),
    call: async (w) => {
      const person = await createPerson(w.t.db, { account: false });
      return {
        query: `mutation($input: AppointInput!) { appoint(input: $input) { id } }`,
        variables: { input: { allocationId: await freshAllocation(w), personId: person.id, kind: 'PRINCIPAL', startsOn: '2025-01-01' } },
      };
    },
  },
  endAppointment: {
    expected: policy.manage(),
    call: async (w) => ({
      query: `mutation($input: EndAppointmentInput!) { endAppointment(input: $input) { id } }`,
      variables: { input: { appointmentId: await freshAppointment(w), endsOn: date(1), reason: 'Left the agency' } },
    }),
  },
  seatAllocation: {
    expected: policy.read(),
    call: async (w) => ({ query: `query($id: ID!) { seatAllocation(id: $id) { id seatCount } }`, variables: { id: await freshAllocation(w) } }),
  },
  remindNominationRequest: {
    expected: policy.manage(),
    call: async (w) => {
      const contact = await createPerson(w.t.db, { account: false });
      const data = await ok(w.t, w.a.people.secretariat.token, `mutation($input: RequestNominationInput!) { requestNomination(input: $input) { id } }`, {
        input: { allocationId: await freshAllocation(w), deadline: date(30), contactPersonId: contact.id },
      });
      return { query: `mutation($id: ID!) { remindNominationRequest(id: $id) { id } }`, variables: { id: data.requestNomination.id } };
    },
  },
  requestNomination: {
    expected: policy.manage(),
    call: async (w) => ({
      query: `mutation($input: RequestNominationInput!) { requestNomination(input: $input) { id } }`,
      variables: { input: { allocationId: await freshAllocation(w), deadline: date(30) } },
    }),
  },
  // A request without a contact (the contact's own reading and answering: web-member-pages.e2e-spec.ts).
  nominationRequest: {
    expected: policy.manage(),
    call: async (w) => ({ query: `query($id: ID!) { nominationRequest(id: $id) { id allocation { requiresGenderPair } } }`, variables: { id: await freshNominationRequest(w) } }),
  },
  submitNomination: {
    expected: policy.manage(),
    call: async (w) => ({
      query: `mutation($input: SubmitNominationInput!) { submitNomination(input: $input) { id } }`,
      variables: { input: { requestId: await freshNominationRequest(w), candidates: [{ fullName: w.unique('Candidate'), gender: 'WOMAN' }], genderRuleReason: 'One seat only' } },
    }),
  },

  // ------------------------------------------------------------------ notifications and mail
  myNotificationPreferences: { expected: policy.authenticated(), call: () => ({ query: `{ myNotificationPreferences { delivery } }` }) },
  updateMyNotificationPreferences: {
    expected: policy.authenticated(),
    call: () => ({ query: `mutation { updateMyNotificationPreferences(input: { delivery: IMMEDIATE }) { delivery } }` }),
  },
  mailLog: {
    // One's own mail, or an admin.
    expected: policy.custom('UNAUTHENTICATED', 'ok', { member: 'ok' }, 'NOT_FOUND'),
    call: (w) => ({ query: `query($p: ID!) { mailLog(personId: $p, first: 5) { ${page} } }`, variables: { p: w.a.people.member.id } }),
  },
  mailAnswers: { expected: policy.manage(), call: (w) => ({ query: `query($c: ID!) { mailAnswers(commissionId: $c, first: 5) { ${page} } }`, variables: { c: w.a.commissionId } }) },
  commissionMailLog: { expected: policy.manage(), call: (w) => ({ query: `query($c: ID!) { commissionMailLog(commissionId: $c, first: 5) { ${page} } }`, variables: { c: w.a.commissionId } }) },
  inboundMailLog: { expected: policy.manage(), call: (w) => ({ query: `query($c: ID!) { inboundMailLog(commissionId: $c, first: 5) { ${page} } }`, variables: { c: w.a.commissionId } }) },
  mailAddressFlags: { expected: policy.manage(), call: (w) => ({ query: `query($c: ID!) { mailAddressFlags(commissionId: $c, first: 5) { ${page} } }`, variables: { c: w.a.commissionId } }) },
  skippedReminders: {
    // One's own reminders, or an admin (as mailLog).
    expected: policy.custom('UNAUTHENTICATED', 'ok', { member: 'ok' }, 'NOT_FOUND'),
    call: (w) => ({ query: `query($p: ID!) { skippedReminders(personId: $p, first: 5) { ${page} } }`, variables: { p: w.a.people.member.id } }),
  },
  commissionSkippedReminders: {
    expected: policy.manage(),
    call: (w) => ({ query: `query($c: ID!) { commissionSkippedReminders(commissionId: $c, first: 5) { ${page} } }`, variables: { c: w.a.commissionId } }),
  },
  failedMails: { expected: policy.admin(), call: () => ({ query: `{ failedMails(first: 5) { ${page} } }` }) },
  resendMail: { expected: policy.manage(), call: async (w) => ({ query: `mutation($id: ID!) { resendMail(id: $id) { status } }`, variables: { id: await commissionMail(w) } }) },

  // ------------------------------------------------------------------ trust
  auditTrail: { expected: policy.admin(), call: (w) => ({ query: `query($id: String!) { auditTrail(entity: "commission", entityId: $id) { action } }`, variables: { id: w.a.commissionId } }) },
  commissionAuditTrail: {
    expected: policy.manage(),
    call: (w) => ({ query: `query($c: ID!) { commissionAuditTrail(commissionId: $c, first: 5) { ${page} } }`, variables: { c: w.a.commissionId } }),
  },
  enumLabels: { expected: policy.public(), call: () => ({ query: `{ enumLabels(enums: ["Gender"]) { label } }` }) },
  personalDataExport: {
    // The person, their secretariat, admins.
    expected: policy.custom('UNAUTHENTICATED', 'ok', { secretariat: 'ok', member: 'ok' }, 'FORBIDDEN'),
    call: (w) => ({ query: `query($p: ID!) { personalDataExport(personId: $p) }`, variables: { p: w.a.people.member.id } }),
  },
  // ------------------------------------------------------------------ reports
  statusReport: {
    expected: policy.oversee(),
    call: async (w) => ({ query: `query($id: ID!) { statusReport(id: $id) { id openedBy { personId } } }`, variables: { id: await aReport(w) } }),
  },
  statusReports: {
    expected: policy.oversee(),
    call: (w) => ({ query: `query($c: ID!) { statusReports(commissionId: $c) { totalCount ${page} } }`, variables: { c: w.a.commissionId } }),
  },
  compileStatusReport: {
    expected: policy.manage(),
    call: (w) => ({ query: `mutation($c: ID!) { compileStatusReport(input: { commissionId: $c, period: "2022-Q1" }) { id } }`, variables: { c: w.a.commissionId } }),
  },
  customReportPeriods: {
    expected: policy.oversee(),
    call: (w) => ({ query: `query($c: ID!) { customReportPeriods(commissionId: $c) { id startsOn endsOn } }`, variables: { c: w.a.commissionId } }),
  },
  setCustomReportPeriods: {
    expected: policy.manage(),
    call: (w) => ({ query: `mutation($c: ID!) { setCustomReportPeriods(input: { commissionId: $c, periods: [] }) { id } }`, variables: { c: w.a.commissionId } }),
  },
  // The commissioner's home (issue 18): those who oversee the commission.
  commissionOverview: {
    expected: policy.oversee(),
    call: (w) => ({ query: `query($c: ID!) { commissionOverview(commissionId: $c) { rag groups { id rag } } }`, variables: { c: w.a.commissionId } }),
  },

  // ------------------------------------------------------------------ public register (issue 18)
  // Anyone reads a published register (A is published by its secretariat first); only the secretariat chooses.
  publicRegister: {
    expected: policy.public(),
    call: async (w) => {
      await publishA(w);
      return { query: `query($c: ID!) { publicRegister(commissionId: $c) { title groups { name } deliverables { id } events { id } } }`, variables: { c: w.a.commissionId } };
    },
  },
  commissionPublication: {
    expected: policy.manage(),
    call: (w) => ({ query: `query($c: ID!) { commissionPublication(commissionId: $c) { published allDeliverables { id } } }`, variables: { c: w.a.commissionId } }),
  },
  setCommissionPublication: {
    expected: policy.manage(),
    call: (w) => ({ query: `mutation($input: SetCommissionPublicationInput!) { setCommissionPublication(input: $input) { published } }`, variables: { input: publishInput(w) } }),
  },
  erasePerson: {
    // Their secretariat or an admin; never oneself (the member erasing someone else is FORBIDDEN too).
    expected: policy.custom('UNAUTHENTICATED', 'ok', { secretariat: 'ok' }, 'FORBIDDEN'),
    call: async (w) => {
      const person = await createPerson(w.t.db, { account: false });
      await appoint(w.t, w.a.people.secretariat.token, { allocationId: await freshAllocation(w), personId: person.id, kind: 'PRINCIPAL' });
      return { query: `mutation($p: ID!) { erasePerson(input: { personId: $p, reason: "Request by the person" }) { id } }`, variables: { p: person.id } };
    },
  },
  // ------------------------------------------------------------------ deliverables and review rounds
  // A planned deliverable of A's group: the group's chair and members see it, and the
  // commissioners (their reports list every deliverable); observers only see delivered ones
  // (NOT_FOUND), B does not learn it exists. Those who see it but may not change it get FORBIDDEN.
  deliverable: {
    expected: policy.custom('UNAUTHENTICATED', 'ok', { secretariat: 'ok', chair: 'ok', member: 'ok', commissioner: 'ok' }, 'NOT_FOUND'),
    call: async (w) => ({ query: `query($id: ID!) { deliverable(id: $id) { title } }`, variables: { id: await freshDeliverable(w) } }),
  },
  deliverables: { expected: policy.read(), call: (w) => ({ query: `query($c: ID!) { deliverables(filter: { commissionId: $c }, first: 5) { ${page} } }`, variables: { c: w.a.commissionId } }) },
  createDeliverable: {
    expected: policy.manage(),
    call: (w) => ({
      query: `mutation($input: CreateDeliverableInput!) { createDeliverable(input: $input) { id } }`,
      variables: { input: { commissionId: w.a.commissionId, title: w.unique('Deliverable'), kind: 'MEMO', dueOn: date(30), goalIds: [], objectiveIds: [] } },
    }),
  },
  updateDeliverable: {
    expected: policy.custom('UNAUTHENTICATED', 'ok', { secretariat: 'ok', chair: 'FORBIDDEN', member: 'FORBIDDEN', commissioner: 'FORBIDDEN' }, 'NOT_FOUND'),
    call: async (w) => ({ query: `mutation($input: UpdateDeliverableInput!) { updateDeliverable(input: $input) { id } }`, variables: { input: { id: await freshDeliverable(w), title: 'Renamed' } } }),
  },
  changeDeliverableStatus: {
    expected: policy.custom('UNAUTHENTICATED', 'ok', { secretariat: 'ok', chair: 'FORBIDDEN', member: 'FORBIDDEN', commissioner: 'FORBIDDEN' }, 'NOT_FOUND'),
    call: async (w) => ({
      query: `mutation($input: ChangeDeliverableStatusInput!) { changeDeliverableStatus(input: $input) { status } }`,
      variables: { input: { deliverableId: await freshDeliverable(w), status: 'IN_PROGRESS' } },
    }),
  },
  changeDeliverableDeadline: {
    expected: policy.custom('UNAUTHENTICATED', 'ok', { secretariat: 'ok', chair: 'FORBIDDEN', member: 'FORBIDDEN', commissioner: 'FORBIDDEN' }, 'NOT_FOUND'),
    call: async (w) => ({
      query: `mutation($input: ChangeDeliverableDeadlineInput!) { changeDeliverableDeadline(input: $input) { dueOn } }`,
      variables: { input: { deliverableId: await freshDeliverable(w), newDueOn: date(90), reason: 'The ministry asked for more time' } },
    }),
  },
  reviewRound: {
    expected: policy.custom('UNAUTHENTICATED', 'ok', { secretariat: 'ok', chair: 'ok', member: 'ok', commissioner: 'ok' }, 'NOT_FOUND'),
    call: async (w) => ({ query: `query($id: ID!) { reviewRound(id: $id) { status } }`, variables: { id: await freshRound(w) } }),
  },
  openReviewRound: {
    expected: policy.custom('UNAUTHENTICATED', 'ok', { secretariat: 'ok', chair: 'FORBIDDEN', member: 'FORBIDDEN', commissioner: 'FORBIDDEN' }, 'NOT_FOUND'),
    call: async (w) => {
      const { versionId } = await freshInProgressVersion(w);
      return {
        query: `mutation($input: OpenReviewRoundInput!) { openReviewRound(input: $input) { id } }`,
        variables: { input: { versionId, deadline: date(14), reviewerIds: [w.a.people.member.id] } },
      };
    },
  },
  answerReview: {
    // Only the reviewers named in the round (A's member); those who cannot see a deliverable in review do not learn of the round.
    expected: policy.custom('UNAUTHENTICATED', 'FORBIDDEN', { secretariat: 'FORBIDDEN', chair: 'FORBIDDEN', member: 'ok', commissioner: 'FORBIDDEN' }, 'NOT_FOUND'),
    call: async (w) => ({
      query: `mutation($input: AnswerReviewInput!) { answerReview(input: $input) { id } }`,
      variables: { input: { roundId: await freshRound(w), verdict: 'APPROVE', comments: [] } },
    }),
  },
  closeReviewRound: {
    expected: policy.custom('UNAUTHENTICATED', 'ok', { secretariat: 'ok', chair: 'FORBIDDEN', member: 'FORBIDDEN', commissioner: 'FORBIDDEN' }, 'NOT_FOUND'),
    call: async (w) => ({ query: `mutation($input: CloseReviewRoundInput!) { closeReviewRound(input: $input) { status } }`, variables: { input: { roundId: await freshRound(w), outcome: 'INCONCLUSIVE' } } }),
  },
  remindReviewers: {
    // The round names A's member, who has not answered: the secretariat's press reminds them.
    expected: policy.custom('UNAUTHENTICATED', 'ok', { secretariat: 'ok', chair: 'FORBIDDEN', member: 'FORBIDDEN', commissioner: 'FORBIDDEN' }, 'NOT_FOUND'),
    call: async (w) => ({ query: `mutation($input: RemindReviewersInput!) { remindReviewers(input: $input) { remindersSent } }`, variables: { input: { roundId: await freshRound(w), reminder: 1 } } }),
  },
  respondToReviewComment: {
    expected: policy.custom('UNAUTHENTICATED', 'ok', { secretariat: 'ok', chair: 'FORBIDDEN', member: 'FORBIDDEN', commissioner: 'FORBIDDEN' }, 'NOT_FOUND'),
    call: async (w) => ({
      query: `mutation($input: RespondToCommentInput!) { respondToReviewComment(input: $input) { id } }`,
      variables: { input: { commentId: (await freshComment(w)).commentId, response: 'Clarified in 2.1.', decision: 'ACCEPTED' } },
    }),
  },
  // ------------------------------------------------------------------ meetings
  // A meeting of A's group: everyone in A sees it (invited or not); B does not learn of it.
  meeting: { expected: policy.read(), call: async (w) => ({ query: `query($id: ID!) { meeting(id: $id) { title } }`, variables: { id: await freshMeeting(w) } }) },
  meetingList: { expected: policy.read(), call: (w) => ({ query: `query($c: ID!) { meetingList(commissionId: $c, first: 5) { ${page} } }`, variables: { c: w.a.commissionId } }) },
  createMeeting: {
    expected: policy.schedule(),
    call: (w) => {
      const start = 24 * (400 + Math.floor(Math.random() * 300));
      return {
        query: `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { meeting { id } } }`,
        variables: { input: { workingGroupId: w.a.groupId, title: w.unique('Meeting'), kind: 'WORKSHOP', startsAt: hours(start), endsAt: hours(start + 3), timeZone: 'Europe/Copenhagen', agenda: [], guestIds: [], inviteMembers: false, isOpen: false, waitlistOpen: false } },
      };
    },
  },
  updateMeeting: {
    expected: policy.schedule(),
    call: async (w) => ({ query: `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { meeting { id } } }`, variables: { input: { id: await freshMeeting(w), place: 'Christiansborg' } } }),
  },
  cancelMeeting: { expected: policy.schedule(), call: async (w) => ({ query: `mutation($id: ID!) { cancelMeeting(id: $id) { status } }`, variables: { id: await freshMeeting(w) } }) },
  setAgenda: {
    expected: policy.schedule(),
    call: async (w) => ({
      query: `mutation($input: SetAgendaInput!) { setAgenda(input: $input) { id } }`,
      variables: { input: { meetingId: await freshMeeting(w), items: [{ title: 'Opening', durationMinutes: 10, decisionExpected: false }] } },
    }),
  },
  inviteToMeeting: {
    expected: policy.manage(),
    call: async (w) => {
      const guest = await createPerson(w.t.db, { account: false });
      return { query: `mutation($m: ID!, $p: [ID!]!) { inviteToMeeting(meetingId: $m, personIds: $p) { id } }`, variables: { m: await freshMeeting(w), p: [guest.id] } };
    },
  },
  rsvp: {
    // Only invitees answer: A's chair and member; A's others are refused, B does not learn of the meeting.
    expected: policy.custom('UNAUTHENTICATED', 'FORBIDDEN', { secretariat: 'FORBIDDEN', chair: 'ok', member: 'ok', commissioner: 'FORBIDDEN', observer: 'FORBIDDEN' }, 'NOT_FOUND'),
    call: async (w) => ({ query: `mutation($m: ID!) { rsvp(meetingId: $m, input: { answer: YES }) { rsvp } }`, variables: { m: await freshMeeting(w) } }),
  },
  // Conflicts of interest (jäv) declared before the meeting: like an RSVP, by invitees only.
  declareConflictOfInterest: {
    expected: policy.custom('UNAUTHENTICATED', 'FORBIDDEN', { secretariat: 'FORBIDDEN', chair: 'ok', member: 'ok', commissioner: 'FORBIDDEN', observer: 'FORBIDDEN' }, 'NOT_FOUND'),
    call: async (w) => ({
      query: `mutation($input: DeclareConflictOfInterestInput!) { declareConflictOfInterest(input: $input) { id } }`,
      variables: { input: { agendaItemId: await freshAgendaItem(w), reason: 'I sit on the applicant’s board.' } },
    }),
  },
  withdrawConflictOfInterest: {
    expected: policy.custom('UNAUTHENTICATED', 'FORBIDDEN', { secretariat: 'FORBIDDEN', chair: 'ok', member: 'ok', commissioner: 'FORBIDDEN', observer: 'FORBIDDEN' }, 'NOT_FOUND'),
    call: async (w) => ({ query: `mutation($id: ID!) { withdrawConflictOfInterest(agendaItemId: $id) }`, variables: { id: await freshAgendaItem(w) } }),
  },
  recordAttendance: {
    expected: policy.manage(),
    call: async (w) => ({
      query: `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }`,
      // Attendance is kept once a meeting has begun: one that started an hour ago.
      variables: { input: { meetingId: await freshMeeting(w, { startsAt: hours(-1), endsAt: hours(1) }), entries: [{ personId: w.a.people.member.id, attendance: 'PRESENT' }] } },
    }),
  },
  personDoubleBookings: {
    // The person, their secretariat, admins.
    expected: policy.custom('UNAUTHENTICATED', 'ok', { secretariat: 'ok', member: 'ok' }, 'FORBIDDEN'),
    call: (w) => ({ query: `query($p: ID!) { personDoubleBookings(personId: $p) { __typename } }`, variables: { p: w.a.people.member.id } }),
  },
  saveMinutes: {
    expected: policy.manage(),
    call: async (w) => ({
      query: `mutation($input: SaveMinutesInput!) { saveMinutes(input: $input) { id } }`,
      variables: { input: { meetingId: await freshMeeting(w), body: 'Minutes', decisions: [], actionItems: [], notes: [], conflictsOfInterest: [] } },
    }),
  },
  sendMinutesForApproval: {
    expected: policy.manage(),
    call: async (w) => ({
      query: `mutation($input: SendMinutesForApprovalInput!) { sendMinutesForApproval(input: $input) { status } }`,
      variables: { input: { minutesId: (await freshMinutes(w)).minutesId, adjusterIds: [w.a.people.member.id] } },
    }),
  },
  approveMinutes: {
    // Only the named adjuster (A's member).
    expected: policy.custom('UNAUTHENTICATED', 'FORBIDDEN', { secretariat: 'FORBIDDEN', chair: 'FORBIDDEN', member: 'ok', commissioner: 'FORBIDDEN', observer: 'FORBIDDEN' }, 'NOT_FOUND'),
    call: async (w) => ({ query: `mutation($id: ID!) { approveMinutes(minutesId: $id) { status } }`, variables: { id: await freshMinutesInApproval(w) } }),
  },
  setActionItemStatus: {
    // The secretariat or the assignee (A's member).
    expected: policy.custom('UNAUTHENTICATED', 'ok', { secretariat: 'ok', chair: 'FORBIDDEN', member: 'ok', commissioner: 'FORBIDDEN', observer: 'FORBIDDEN' }, 'NOT_FOUND'),
    call: async (w) => {
      const { minutesId } = await freshMinutes(w);
      const [item] = await w.t.db.query(`SELECT id FROM action_item WHERE minutes_id = $1`, [minutesId]);
      return { query: `mutation($input: UpdateActionItemInput!) { setActionItemStatus(input: $input) { status } }`, variables: { input: { id: item.id, status: 'DONE' } } };
    },
  },
  datePoll: { expected: policy.read(), call: async (w) => ({ query: `query($id: ID!) { datePoll(id: $id) { title } }`, variables: { id: (await freshPoll(w)).pollId } }) },
  createDatePoll: {
    expected: policy.schedule(),
    call: (w) => ({
      query: `mutation($input: CreateDatePollInput!) { createDatePoll(input: $input) { id } }`,
      variables: { input: { workingGroupId: w.a.groupId, title: w.unique('Poll'), kind: 'MEETING', timeZone: 'Europe/Stockholm', options: [{ startsAt: hours(24 * 500), endsAt: hours(24 * 500 + 2) }] } },
    }),
  },
  answerDatePoll: {
    // Anyone of commission A may give their availability; B does not learn of the poll.
    expected: policy.read(),
    call: async (w) => {
      const { pollId, optionIds } = await freshPoll(w);
      return { query: `mutation($input: AnswerDatePollInput!) { answerDatePoll(input: $input) { id } }`, variables: { input: { pollId, votes: [{ optionId: optionIds[0], answer: 'YES' }] } } };
    },
  },
  datePollAnswers: {
    // The answers grid: who may choose (A's secretariat, the group's chair); A's others are refused, B does not learn of the poll.
    expected: policy.schedule(),
    call: async (w) => ({ query: `query($id: ID!) { datePollAnswers(id: $id) { personId answers { answer } } }`, variables: { id: (await freshPoll(w)).pollId } }),
  },
  remindMeetingInvitees: {
    expected: policy.schedule(),
    call: async (w) => ({ query: `mutation($id: ID!) { remindMeetingInvitees(meetingId: $id) { unanswered sent } }`, variables: { id: await freshMeeting(w) } }),
  },
  reorderAgenda: {
    expected: policy.schedule(),
    call: async (w) => {
      const id = await freshMeeting(w, { agenda: [{ title: 'Opening', durationMinutes: 5 }, { title: 'Grants', durationMinutes: 20 }] });
      const items: { id: string }[] = await w.t.db.query(`SELECT id FROM agenda_item WHERE meeting_id = $1 ORDER BY position`, [id]);
      const seen = items.map((i) => i.id);
      return { query: `mutation($input: ReorderAgendaInput!) { reorderAgenda(input: $input) { id position } }`, variables: { id, input: { meetingId: id, itemIds: [...seen].reverse(), seenItemIds: seen } } };
    },
  },
  updateAgendaItem: {
    expected: policy.schedule(),
    call: async (w) => {
      const id = await freshMeeting(w, { agenda: [{ title: 'Opening', durationMinutes: 5 }] });
      const [item]: { id: string }[] = await w.t.db.query(`SELECT id FROM agenda_item WHERE meeting_id = $1`, [id]);
      return { query: `mutation($input: UpdateAgendaItemInput!) { updateAgendaItem(input: $input) { id title } }`, variables: { id, input: { id: item.id, item: { title: 'Opening and agenda', durationMinutes: 10 } } } };
    },
  },
  chooseDatePollOption: {
    expected: policy.schedule(),
    call: async (w) => {
      const { pollId, optionIds } = await freshPoll(w);
      return { query: `mutation($p: ID!, $o: ID!) { chooseDatePollOption(pollId: $p, optionId: $o) { meeting { id } } }`, variables: { p: pollId, o: optionIds[1] } };
    },
  },
  registerForEvent: {
    // Open events take registrations from anyone, signed in or not.
    expected: policy.public(),
    call: async (w) => ({
      query: `mutation($input: RegisterForEventInput!) { registerForEvent(input: $input) { status } }`,
      variables: { input: { meetingId: await freshOpenEvent(w), fullName: 'Guest', email: `guest-${randomUUID().slice(0, 8)}@example.test` } },
    }),
  },
  openEvent: {
    // An open event's registration page: anyone, signed in or not (registering is, too).
    expected: policy.public(),
    call: async (w) => ({ query: `query($id: ID!) { openEvent(meetingId: $id) { title placesLeft } }`, variables: { id: await anOpenEvent(w) } }),
  },
  cancelRegistration: {
    // The secret from the confirmation mail is the proof, whoever holds it.
    expected: policy.public(),
    call: async (w) => ({ query: `mutation($t: String!) { cancelRegistration(token: $t) { status } }`, variables: { t: await freshRegistrationToken(w) } }),
  },
  createCalendarFeed: { expected: policy.authenticated(), call: () => ({ query: `mutation { createCalendarFeed { url } }` }) },
  myCalendarFeed: { expected: policy.authenticated(), call: () => ({ query: `{ myCalendarFeed { active } }` }) },
  revokeCalendarFeed: { expected: policy.authenticated(), call: () => ({ query: `mutation { revokeCalendarFeed }` }) },
};

/** One HTTP request of the matrix. */
export interface RouteRequest {
  path: string;
  method?: string;
  body?: FormData | URLSearchParams;
}

/** Every HTTP route outside GraphQL, by method and Express path. */
export interface RouteEntry {
  expected: Expectations;
  request: (w: World) => RouteRequest | Promise<RouteRequest>;
}

/** A real mail link of commission A: a nomination request mailed to a contact; the link is read from the outbox. */
async function mailActionPath(w: World): Promise<string> {
  const contact = await createPerson(w.t.db, { account: false });
  const data = await ok(w.t, w.a.people.secretariat.token, `mutation($input: RequestNominationInput!) { requestNomination(input: $input) { id } }`, {
    input: { allocationId: await freshAllocation(w), contactPersonId: contact.id, deadline: date(30) },
  });
  const [mail] = await w.t.db.query(`SELECT html FROM mail_outbox WHERE dedupe_key = $1`, [`nomination-request:${data.requestNomination.id}`]);
  return /href="https?:\/\/[^/"]+(\/mail-actions\/[^"?]+)/.exec(mail.html)![1];
}

/** A real opt-out link of A's member, as the reminder mails carry it. */
async function unsubscribePath(w: World): Promise<string> {
  const url = await w.t.app.get(UnsubscribeLinkService).url(w.a.people.member.id, ['meeting.upcoming'], 'en');
  return new URL(url).pathname;
}

const HTTP_OK = policy.public();

export const ROUTE_MATRIX: Record<string, RouteEntry> = {
  'GET /health/live': { expected: HTTP_OK, request: () => ({ path: '/health/live' }) },
  'GET /health/ready': { expected: HTTP_OK, request: () => ({ path: '/health/ready' }) },
  'GET /graphiql': { expected: HTTP_OK, request: () => ({ path: '/graphiql' }) },
  'GET /graphiql/assets/:name': { expected: HTTP_OK, request: () => ({ path: '/graphiql/assets/start.js' }) },
  'GET /metrics': { expected: HTTP_OK, request: () => ({ path: '/metrics' }) },
  // The seat grid: as the grid page, the secretariat and the commissioners.
  'GET /working-groups/:id/seats.csv': { expected: policy.oversee(), request: (w) => ({ path: `/working-groups/${w.a.groupId}/seats.csv` }) },
  'GET /commissions/:id/stakeholders.csv': { expected: policy.oversee(), request: (w) => ({ path: `/commissions/${w.a.commissionId}/stakeholders.csv` }) },
  'POST /deliverables/:id/versions': {
    expected: policy.custom('UNAUTHENTICATED', 'ok', { secretariat: 'ok', chair: 'FORBIDDEN', member: 'FORBIDDEN', commissioner: 'FORBIDDEN' }, 'NOT_FOUND'),
    request: async (w) => {
      const body = new FormData();
      body.append('file', new Blob(['%PDF-1.4\n%%EOF\n'], { type: 'application/pdf' }), 'v.pdf');
      return { path: `/deliverables/${await freshDeliverable(w)}/versions`, method: 'POST', body };
    },
  },
  'GET /deliverables/versions/:versionId/file': {
    expected: policy.custom('UNAUTHENTICATED', 'ok', { secretariat: 'ok', chair: 'ok', member: 'ok', commissioner: 'ok' }, 'NOT_FOUND'),
    request: async (w) => ({ path: `/deliverables/versions/${(await freshVersion(w)).versionId}/file` }),
  },
  'GET /commissions/:id/deliverables.csv': { expected: policy.read(), request: (w) => ({ path: `/commissions/${w.a.commissionId}/deliverables.csv` }) },
  'GET /commissions/:id/deliverables.json': { expected: policy.read(), request: (w) => ({ path: `/commissions/${w.a.commissionId}/deliverables.json` }) },
  // The consolidated comment matrix: the secretariat's working document, read by the commissioners too.
  'GET /review-rounds/:id/comment-matrix.xlsx': {
    expected: policy.custom('UNAUTHENTICATED', 'ok', { secretariat: 'ok', chair: 'FORBIDDEN', member: 'FORBIDDEN', commissioner: 'ok' }, 'NOT_FOUND'),
    request: async (w) => ({ path: `/review-rounds/${await freshRound(w)}/comment-matrix.xlsx` }),
  },
  'GET /review-rounds/:id/comment-matrix.csv': {
    expected: policy.custom('UNAUTHENTICATED', 'ok', { secretariat: 'ok', chair: 'FORBIDDEN', member: 'FORBIDDEN', commissioner: 'ok' }, 'NOT_FOUND'),
    request: async (w) => ({ path: `/review-rounds/${await freshRound(w)}/comment-matrix.csv` }),
  },
  'GET /mail-actions/assets/page.css': { expected: HTTP_OK, request: () => ({ path: '/mail-actions/assets/page.css' }) },
  // The link, not a session, says who may answer: any bearer (or none) sees the page…
  'GET /mail-actions/:token': { expected: HTTP_OK, request: async (w) => ({ path: await mailActionPath(w) }) },
  // …and a POST without the page's form token and cookie is refused for everyone.
  'POST /mail-actions/:token': { expected: policy.custom('FORBIDDEN', 'FORBIDDEN', {}, 'FORBIDDEN'), request: async (w) => ({ path: await mailActionPath(w), method: 'POST' }) },
  // One-click opt-out (RFC 8058): the signed link is the proof; the GET only shows, the POST opts out, for whoever sends it.
  'GET /mail-actions/unsubscribe/:token': { expected: HTTP_OK, request: async (w) => ({ path: await unsubscribePath(w) }) },
  'POST /mail-actions/unsubscribe/:token': {
    expected: HTTP_OK,
    request: async (w) => ({ path: await unsubscribePath(w), method: 'POST', body: new URLSearchParams({ 'List-Unsubscribe': 'One-Click' }) }),
  },
  // The meeting page's "add to calendar": whoever may read the meeting.
  'GET /meetings/:id/event.ics': { expected: policy.read(), request: async (w) => ({ path: `/meetings/${await freshMeeting(w)}/event.ics` }) },
  'GET /meetings/:id/minutes': {
    // Draft minutes: the secretariat and the adjusters only.
    expected: policy.custom('UNAUTHENTICATED', 'ok', { secretariat: 'ok', member: 'ok', chair: 'NOT_FOUND' }, 'NOT_FOUND'),
    request: async (w) => {
      const minutesId = await freshMinutesInApproval(w);
      const [row] = await w.t.db.query(`SELECT meeting_id FROM minutes WHERE id = $1`, [minutesId]);
      return { path: `/meetings/${row.meeting_id}/minutes` };
    },
  },
  // Feeds: the secret token in the address is the proof; a bearer token adds nothing.
  'GET /calendar/:token/feed.ics': { expected: HTTP_OK, request: async (w) => ({ path: `/calendar/${await feedToken(w)}/feed.ics` }) },
  'GET /calendar/:token/groups/:groupId/feed.ics': { expected: HTTP_OK, request: async (w) => ({ path: `/calendar/${await feedToken(w)}/groups/${w.a.groupId}/feed.ics` }) },
  // The registrant list of an open event: its secretariat (as Meeting.registrations).
  'GET /meetings/:id/registrations.csv': { expected: policy.manage(), request: async (w) => ({ path: `/meetings/${await anOpenEvent(w)}/registrations.csv` }) },
  'GET /registrations/cancel': { expected: HTTP_OK, request: async (w) => ({ path: `/registrations/cancel?token=${await freshRegistrationToken(w)}` }) },
  // The secret from the confirmation mail, posted from that page, cancels; whoever posts it.
  'POST /registrations/cancel': {
    expected: HTTP_OK,
    request: async (w) => ({ path: `/registrations/cancel`, method: 'POST', body: new URLSearchParams({ token: await freshRegistrationToken(w) }) }),
  },
  'ALL /admin/queues': { expected: policy.admin(), request: () => ({ path: '/admin/queues' }) },
  'ALL /admin/queues/{*path}': { expected: policy.admin(), request: () => ({ path: '/admin/queues/api/queues' }) },
  // Browser sign-in: the form is public; posting it (or signing out) without the form's CSRF token is refused for everyone.
  'GET /login': { expected: HTTP_OK, request: () => ({ path: '/login' }) },
  'POST /login': { expected: policy.custom('FORBIDDEN', 'FORBIDDEN', {}, 'FORBIDDEN'), request: () => ({ path: '/login', method: 'POST' }) },
  'POST /logout': { expected: policy.custom('FORBIDDEN', 'FORBIDDEN', {}, 'FORBIDDEN'), request: () => ({ path: '/logout', method: 'POST' }) },
  'GET /reports/:id': { expected: policy.oversee(), request: async (w) => ({ path: `/reports/${await aReport(w)}` }) },
  'GET /reports/:id/report.json': { expected: policy.oversee(), request: async (w) => ({ path: `/reports/${await aReport(w)}/report.json` }) },
  'GET /reports/:id/report.csv': { expected: policy.oversee(), request: async (w) => ({ path: `/reports/${await aReport(w)}/report.csv` }) },
  'GET /commissions/:id/reports': { expected: policy.oversee(), request: (w) => ({ path: `/commissions/${w.a.commissionId}/reports` }) },
  // The public register's feeds: anyone, once the secretariat has published it.
  'GET /public/commissions/:id/feed.json': { expected: HTTP_OK, request: async (w) => (await publishA(w), { path: `/public/commissions/${w.a.commissionId}/feed.json` }) },
  'GET /public/commissions/:id/feed.atom': { expected: HTTP_OK, request: async (w) => (await publishA(w), { path: `/public/commissions/${w.a.commissionId}/feed.atom` }) },
};

/** The HTTP status that stands for each outcome. */
export const STATUS_OF: Record<Outcome, number[]> = { ok: [200, 201], UNAUTHENTICATED: [401], FORBIDDEN: [403], NOT_FOUND: [404] };

// ------------------------------------------------------------------ one rule per role on every path

/** What an actor reads on one path: the ids shown, or 'refused' (who may use a path is the matrix's business above). */
export type PathView = string[] | 'refused';

/** Things of commission A that the paths of a check are read over, made once per check. */
export interface SameViewFixture {
  /** Deliverables made for the check, one per visibility case. */
  deliverableIds: string[];
  /** A status report of A compiled after them (the current quarter, as of today). */
  reportId: string;
}

/**
 * The same question asked on several paths: each actor must get the same ids on every
 * path it may use. `npm test` runs each for every actor (test/e2e/access-matrix.e2e-spec.ts).
 */
export interface SameViewCheck {
  setup: (w: World) => Promise<SameViewFixture>;
  paths: Record<string, (w: World, actor: Actor, f: SameViewFixture) => Promise<PathView>>;
  /** The single read: which of the fixture's things the actor reads one by one; must be exactly those of them the paths show. */
  readOneByOne: (w: World, actor: Actor, f: SameViewFixture) => Promise<string[]>;
}

async function graphqlIds(w: World, actor: Actor, query: string, variables: Record<string, unknown>, pick: (data: any) => { ids: string[]; next?: string | null }): Promise<PathView> {
  const ids: string[] = [];
  let after: string | null | undefined = null;
  do {
    const response = await w.t.gql(query, { ...variables, after }, { token: w.tokenOf(actor) });
    if (response.errors?.length) return 'refused';
    const page = pick(response.data);
    ids.push(...page.ids);
    after = page.next;
  } while (after);
  return ids;
}

async function httpJson(w: World, actor: Actor, path: string): Promise<any | 'refused'> {
  const token = w.tokenOf(actor);
  const response = await w.t.http(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (response.status !== 200) {
    await response.arrayBuffer();
    return 'refused';
  }
  return response.json();
}

function currentQuarter(): string {
  const now = new Date();
  return `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
}

/** One deliverable of A per visibility case: its group's planned one, a commission-wide one, one of a group the member does not sit in, a delivered one and a late one. */
async function deliverablesOfEveryKind(w: World): Promise<SameViewFixture> {
  const token = w.a.people.secretariat.token;
  const create = async (fields: Record<string, unknown>) =>
    (await ok(w.t, token, `mutation($input: CreateDeliverableInput!) { createDeliverable(input: $input) { id } }`, {
      input: { commissionId: w.a.commissionId, title: w.unique('Same view'), kind: 'MEMO', dueOn: date(60), goalIds: [], objectiveIds: [], ...fields },
    })).createDeliverable.id as string;
  const otherGroup = (await ok(w.t, token, `mutation($input: CreateWorkingGroupInput!) { createWorkingGroup(input: $input) { id } }`, {
    input: { commissionId: w.a.commissionId, name: w.unique('Other group'), status: 'ACTIVE' },
  })).createWorkingGroup.id;
  const planned = await create({ workingGroupId: w.a.groupId });
  const commissionWide = await create({ dueOn: date(45) });
  const elsewhere = await create({ workingGroupId: otherGroup });
  const delivered = await create({ workingGroupId: otherGroup });
  for (const status of ['IN_PROGRESS', 'IN_REVIEW', 'APPROVED', 'DELIVERED']) {
    await ok(w.t, token, `mutation($input: ChangeDeliverableStatusInput!) { changeDeliverableStatus(input: $input) { status } }`, { input: { deliverableId: delivered, status } });
  }
  // Late: its due date passed five days ago (written directly, with the deadline change the database insists on).
  const late = await create({ workingGroupId: otherGroup });
  await w.t.db.transaction(async (manager) => {
    await manager.query(`INSERT INTO deliverable_deadline_change (deliverable_id, old_due_on, new_due_on, reason) SELECT id, due_on, current_date - 5, 'Matrix: late' FROM deliverable WHERE id = $1`, [late]);
    await manager.query(`UPDATE deliverable SET due_on = current_date - 5 WHERE id = $1`, [late]);
  });
  const report = await ok(w.t, token, `mutation($c: ID!, $p: String!) { compileStatusReport(input: { commissionId: $c, period: $p }) { id } }`, { c: w.a.commissionId, p: currentQuarter() });
  return { deliverableIds: [planned, commissionWide, elsewhere, delivered, late], reportId: report.compileStatusReport.id };
}

export const SAME_VIEW_MATRIX: Record<string, SameViewCheck> = {
  // A's deliverables: the list, the exports and the status report show a role the same ones,
  // and a single read finds exactly those of them (NOT_FOUND for the rest).
  'deliverables of a commission': {
    setup: deliverablesOfEveryKind,
    paths: {
      'deliverables (GraphQL list)': (w, actor) =>
        graphqlIds(
          w,
          actor,
          `query($c: ID!, $after: String) { deliverables(filter: { commissionId: $c }, first: 50, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
          { c: w.a.commissionId },
          (data) => ({
            ids: data.deliverables.edges.map((e: { node: { id: string } }) => e.node.id),
            next: data.deliverables.pageInfo.hasNextPage ? data.deliverables.pageInfo.endCursor : null,
          }),
        ),
      'GET /commissions/:id/deliverables.json': async (w, actor) => {
        const body = await httpJson(w, actor, `/commissions/${w.a.commissionId}/deliverables.json`);
        return body === 'refused' ? body : body.deliverables.map((d: { id: string }) => d.id);
      },
      'GET /reports/:id/report.json': async (w, actor, f) => {
        const body = await httpJson(w, actor, `/reports/${f.reportId}/report.json`);
        return body === 'refused' ? body : body.snapshot.sections.deliverables.deliverables.map((d: { id: string }) => d.id);
      },
    },
    readOneByOne: deliverablesReadOneByOne,
  },
};

/** Which of the fixture's deliverables the actor reads with `deliverable(id)`. */
async function deliverablesReadOneByOne(w: World, actor: Actor, f: SameViewFixture): Promise<string[]> {
  const seen: string[] = [];
  for (const id of f.deliverableIds) {
    const response = await w.t.gql(`query($id: ID!) { deliverable(id: $id) { id } }`, { id }, { token: w.tokenOf(actor) });
    if (!response.errors?.length) seen.push(id);
  }
  return seen;
}
