import { INestApplicationContext } from '@nestjs/common';
import { TestApp, startTestAppWithLinks } from '../harness/test-app';
import { signedInPerson, TestPerson } from '../harness/factories';
import { createDeliverable, DeliverableWorld, deliverableWorld, inDays, setStatus } from '../harness/deliverable-fixtures';
import { ok } from '../harness/structure-fixtures';
import { startTestWorker } from '../harness/test-worker';
import { createMeeting, GroupFixture, groupWithMembers, mailsTo } from '../harness/meeting-fixtures';
import { MailBrowser, actionLinks, heading } from '../harness/mail-browser';
import { NotificationSweep, ReminderEngine } from '@samverkan/notifications';

/** One header of a raw message, unfolded. */
function headerOf(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}

/** A meeting `hours` from now, two hours long (UTC instants). */
function inHours(hours: number) {
  const start = new Date(Date.now() + hours * 3_600_000);
  start.setUTCSeconds(0, 0);
  return { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 2 * 3_600_000).toISOString() };
}

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/**
 * Issue 17, the backend of a member's own pages: what a named reviewer, an
 * invitee and a member may read and do through GraphQL and HTTP.
 */
describe('issue 17: the member pages’ backend', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let w: DeliverableWorld;

  beforeAll(async () => {
    t = await startTestAppWithLinks();
    worker = await startTestWorker(t);
    w = await deliverableWorld(t);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  const upload = async (deliverableId: string, token: string, filename: string): Promise<string> => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), filename);
    const response = await t.http(`/deliverables/${deliverableId}/versions`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  const download = (versionId: string, token: string) => t.http(`/deliverables/versions/${versionId}/file`, { headers: { authorization: `Bearer ${token}` } });

  describe('a named reviewer without any other role', () => {
    let expert: TestPerson;
    let stranger: TestPerson;
    let roundId: string;
    let reviewedVersion: string;
    let otherVersion: string;

    beforeAll(async () => {
      expert = await signedInPerson(t, { fullName: 'Ella Extern', locale: 'en' });
      stranger = await signedInPerson(t);
      const d = await createDeliverable(t, w.secretariat.token, { commissionId: w.commissionId, workingGroupId: w.groupId, responsiblePersonId: w.member.id });
      await setStatus(t, w.secretariat.token, d.id, 'IN_PROGRESS');
      otherVersion = await upload(d.id, w.secretariat.token, 'Draft 1.pdf');
      reviewedVersion = await upload(d.id, w.secretariat.token, 'Draft 2.pdf');
      const opened = await ok(t, w.secretariat.token, `mutation($input: OpenReviewRoundInput!) { openReviewRound(input: $input) { id } }`, {
        input: { versionId: reviewedVersion, deadline: inDays(5), reviewerIds: [expert.id] },
      });
      roundId = opened.openReviewRound.id;
    });

    it('reads the round and downloads the version under review; not the other versions, and a stranger nothing', async () => {
      const round = await ok(t, expert.token, `query($id: ID!) { reviewRound(id: $id) { id version { id filename downloadPath } deliverable { id title } reviewers { person { id } } } }`, { id: roundId });
      expect(round.reviewRound.version).toMatchObject({ id: reviewedVersion, filename: 'Draft 2.pdf' });
      const file = await download(reviewedVersion, expert.token);
      expect(file.status).toBe(200);
      expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);

      expect((await download(otherVersion, expert.token)).status).toBe(404);
      expect((await download(reviewedVersion, stranger.token)).status).toBe(404);
      const strangers = await t.gql(`query($id: ID!) { reviewRound(id: $id) { id } }`, { id: roundId }, { token: stranger.token });
      expect(strangers.errors?.[0].extensions.code).toBe('NOT_FOUND');
      // Nothing else of the commission opens to the reviewer.
      const commission = await t.gql(`query($id: ID!) { commission(id: $id) { id } }`, { id: w.commissionId }, { token: expert.token });
      expect(commission.errors?.[0].extensions.code).toBe('NOT_FOUND');
    });

    it('answers, and reads their own earlier answers and the secretariat’s responses to them', async () => {
      await ok(t, expert.token, `mutation($input: AnswerReviewInput!) { answerReview(input: $input) { id } }`, {
        input: { roundId, verdict: 'REQUEST_CHANGES', summary: 'Section 3 needs work.', comments: [{ anchorKind: 'SECTION', anchor: '3.1', body: 'Too vague.', proposedWording: 'Capacity grows by 20 %.' }] },
      });
      const before = await ok(t, w.secretariat.token, `query($id: ID!) { reviewRound(id: $id) { comments { id } } }`, { id: roundId });
      await ok(t, w.secretariat.token, `mutation($input: RespondToCommentInput!) { respondToReviewComment(input: $input) { id } }`, {
        input: { commentId: before.reviewRound.comments[0].id, decision: 'PARTLY', response: 'We take the figure, not the wording.' },
      });
      const mine = await ok(t, expert.token, `query($id: ID!) { reviewRound(id: $id) { answers { verdict summary person { id } } comments { anchor body proposedWording response decision reviewer { id } } } }`, { id: roundId });
      expect(mine.reviewRound.answers).toEqual([{ verdict: 'REQUEST_CHANGES', summary: 'Section 3 needs work.', person: { id: expert.id } }]);
      expect(mine.reviewRound.comments).toEqual([
        { anchor: '3.1', body: 'Too vague.', proposedWording: 'Capacity grows by 20 %.', response: 'We take the figure, not the wording.', decision: 'PARTLY', reviewer: { id: expert.id } },
      ]);
    });
  });

  describe('meetings: the seat’s substitute, and conflicts of interest declared before the meeting', () => {
    let g: GroupFixture;
    let meetingId: string;
    let itemIds: string[];

    beforeAll(async () => {
      g = await groupWithMembers(t);
      const created = await createMeeting(t, g.secretariat.token, {
        workingGroupId: g.groupId,
        title: 'Tilskud 2031',
        agenda: [{ title: 'Ansøgninger', durationMinutes: 30 }, { title: 'Eventuelt', durationMinutes: 10 }],
        ...inHours(48),
      });
      meetingId = created.createMeeting.meeting.id;
      itemIds = created.createMeeting.meeting.agenda.map((item: { id: string }) => item.id);
    });

    const MY_SEAT = `query($id: ID!) { meeting(id: $id) { myInvitation { seatSubstitute { id fullName } } invitations { personId seatSubstitute { id } } } }`;

    it('offers the invitee the seat’s substitute by name, shows it to the secretariat, and to nobody else', async () => {
      const mine = await ok(t, g.members[0].token, MY_SEAT, { id: meetingId });
      expect(mine.meeting.myInvitation.seatSubstitute).toEqual({ id: g.substitute.id, fullName: 'Sune Suppleant' });
      // Another member sees the list of invitations, but not whose substitute is whom.
      const other = await ok(t, g.members[1].token, MY_SEAT, { id: meetingId });
      expect(other.meeting.myInvitation.seatSubstitute).toBeNull();
      expect(other.meeting.invitations.find((i: { personId: string }) => i.personId === g.members[0].id).seatSubstitute).toBeNull();
      const secretariat = await ok(t, g.secretariat.token, MY_SEAT, { id: meetingId });
      expect(secretariat.meeting.invitations.find((i: { personId: string }) => i.personId === g.members[0].id).seatSubstitute).toEqual({ id: g.substitute.id });
      // "X attends for me": the answer names nobody and the seat's substitute is the one who comes.
      const answered = await ok(t, g.members[0].token, `mutation($id: ID!) { rsvp(meetingId: $id, input: { answer: SUBSTITUTE }) { rsvp substitute { id } } }`, { id: meetingId });
      expect(answered.rsvp).toEqual({ rsvp: 'SUBSTITUTE', substitute: { id: g.substitute.id } });
    });

    it('lets an invitee declare, change and withdraw a conflict of interest on an agenda item; the secretariat and chair see all, others their own', async () => {
      const DECLARE = `mutation($input: DeclareConflictOfInterestInput!) { declareConflictOfInterest(input: $input) { id agendaItemId reason person { id } } }`;
      const declared = await ok(t, g.members[1].token, DECLARE, { input: { agendaItemId: itemIds[0], reason: 'Jeg sidder i bestyrelsen for en ansøger.' } });
      expect(declared.declareConflictOfInterest).toMatchObject({ agendaItemId: itemIds[0], person: { id: g.members[1].id } });
      const changed = await ok(t, g.members[1].token, DECLARE, { input: { agendaItemId: itemIds[0], reason: 'Min ægtefælle er ansøger.' } });
      expect(changed.declareConflictOfInterest.id).toBe(declared.declareConflictOfInterest.id);
      await ok(t, g.members[2].token, DECLARE, { input: { agendaItemId: itemIds[1], reason: 'Conflict on any other business.' } });

      const LIST = `query($id: ID!) { meeting(id: $id) { declaredConflicts { agendaItemId reason person { id } } } }`;
      const all = (await ok(t, g.secretariat.token, LIST, { id: meetingId })).meeting.declaredConflicts;
      expect(all).toEqual([
        { agendaItemId: itemIds[0], reason: 'Min ægtefælle er ansøger.', person: { id: g.members[1].id } },
        { agendaItemId: itemIds[1], reason: 'Conflict on any other business.', person: { id: g.members[2].id } },
      ]);
      expect((await ok(t, g.chair.token, LIST, { id: meetingId })).meeting.declaredConflicts).toHaveLength(2);
      expect((await ok(t, g.members[1].token, LIST, { id: meetingId })).meeting.declaredConflicts).toEqual([all[0]]);
      expect((await ok(t, g.members[0].token, LIST, { id: meetingId })).meeting.declaredConflicts).toEqual([]);

      const withdrawn = await ok(t, g.members[2].token, `mutation($id: ID!) { withdrawConflictOfInterest(agendaItemId: $id) }`, { id: itemIds[1] });
      expect(withdrawn.withdrawConflictOfInterest).toBe(true);
      expect((await ok(t, g.secretariat.token, LIST, { id: meetingId })).meeting.declaredConflicts).toHaveLength(1);

      // Bad input and the wrong people get typed errors.
      const blank = await t.gql(DECLARE, { input: { agendaItemId: itemIds[0], reason: '   ' } }, { token: g.members[0].token });
      expect(blank.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      const stranger = await signedInPerson(t);
      const strangers = await t.gql(DECLARE, { input: { agendaItemId: itemIds[0], reason: 'x' } }, { token: stranger.token });
      expect(strangers.errors?.[0].extensions.code).toBe('NOT_FOUND');
      const notInvited = await t.gql(DECLARE, { input: { agendaItemId: itemIds[0], reason: 'x' } }, { token: g.secretariat.token });
      expect(notInvited.errors?.[0].extensions.code).toBe('FORBIDDEN');
    });

    it('takes no declaration once the meeting has started', async () => {
      const started = await createMeeting(t, g.secretariat.token, { workingGroupId: g.groupId, title: 'I gang', agenda: [{ title: 'Punkt', durationMinutes: 10 }], ...inHours(-0.5) });
      const late = await t.gql(`mutation($input: DeclareConflictOfInterestInput!) { declareConflictOfInterest(input: $input) { id } }`, {
        input: { agendaItemId: started.createMeeting.meeting.agenda[0].id, reason: 'Too late.' },
      }, { token: g.members[1].token });
      expect(late.errors?.[0].extensions.code).toBe('CONFLICT');
    });

    it('sends reminders a person may turn off with List-Unsubscribe (RFC 8058); one POST opts out without signing in; the footer links to /settings', async () => {
      await createMeeting(t, g.secretariat.token, { workingGroupId: g.groupId, title: 'Snart møde', ...inHours(12) });
      await t.app.get(ReminderEngine).run();
      await worker.get(NotificationSweep).sweep();
      const person = g.members[2];
      const [reminder] = await mailsTo(t, person.email, /^Reminder: Snart møde/);
      // Read from the raw message (mailparser folds List-* headers into one object).
      expect(headerOf(reminder.raw, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
      const url = /^<(https?:\/\/[^>]+)>$/.exec(headerOf(reminder.raw, 'List-Unsubscribe') ?? '')?.[1];
      expect(url).toMatch(new RegExp(`^${t.url}/mail-actions/unsubscribe/`));
      expect(reminder.parsed.html).toContain(`href="${t.url}/settings"`);
      expect(reminder.parsed.text).toContain(`${t.url}/settings`);

      // A GET only shows what would happen.
      const browser = new MailBrowser();
      const shown = await browser.get(url!);
      expect(shown.status).toBe(200);
      expect(shown.html).toContain('Upcoming meeting');
      const PREFS = `{ myNotificationPreferences { optedOutKinds } }`;
      expect((await ok(t, person.token, PREFS)).myNotificationPreferences.optedOutKinds).toEqual([]);

      // The mail client's one-click POST: no cookie, no CSRF token, no Origin.
      const posted = await fetch(url!, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
      expect(posted.status).toBe(200);
      expect((await ok(t, person.token, PREFS)).myNotificationPreferences.optedOutKinds).toEqual(['meeting.upcoming']);
      // Posting again changes nothing; a forged or bent link changes nothing either.
      expect((await fetch(url!, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' })).status).toBe(200);
      const bent = url!.slice(0, -3) + (url!.endsWith('AAA') ? 'BBB' : 'AAA');
      expect((await fetch(bent, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' })).status).toBe(400);
      expect((await fetch(url!, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'something=else' })).status).toBe(400);

      // A mail a person may not opt out of carries no List-Unsubscribe (the meeting invitation).
      const invitation = (await mailsTo(t, person.email, /Tilskud 2031/)).find((m) => m.parsed.attachments.some((a) => a.contentType.startsWith('text/calendar')));
      expect(invitation).toBeDefined();
      expect(headerOf(invitation!.raw, 'List-Unsubscribe')).toBeUndefined();
      expect(invitation!.parsed.html).toContain(`href="${t.url}/settings"`);
    });
  });

  describe('date polls', () => {
    it('mail their invitation to the group’s members with a signed link; the invitee votes without signing in and the answers show in GraphQL', async () => {
      const g = await groupWithMembers(t);
      const options = [inHours(24 * 20), inHours(24 * 21)];
      const created = await ok(t, g.secretariat.token, `mutation($input: CreateDatePollInput!) { createDatePoll(input: $input) { id } }`, {
        input: { workingGroupId: g.groupId, title: 'Høringsmøde', timeZone: 'Europe/Copenhagen', place: 'Slotsholmsgade 10', options },
      });
      const pollId = created.createDatePoll.id;
      const cleo = g.members[2];
      const [mail] = await mailsTo(t, cleo.email, /^When suits you\? Høringsmøde/);
      expect(mail.parsed.html).toContain(`href="${t.url}/date-polls/${pollId}"`);
      expect(mail.parsed.html).toContain(`href="${t.url}/settings"`);
      // The chair and every member are asked; the secretariat and the substitute are not.
      for (const person of [g.chair, ...g.members]) await mailsTo(t, person.email, /Høringsmøde/);
      expect(t.smtp.to(g.secretariat.email).filter((m) => /Høringsmøde/.test(m.parsed.subject ?? ''))).toEqual([]);
      expect(t.smtp.to(g.substitute.email).filter((m) => /Høringsmøde/.test(m.parsed.subject ?? ''))).toEqual([]);

      const [vote] = actionLinks(mail);
      const browser = new MailBrowser();
      const form = await browser.get(vote.url);
      expect(form.status).toBe(200);
      expect(heading(form.html)).toBe('When suits you? Høringsmøde');
      // Nothing chosen for the second option: the page says which, and nothing is stored.
      const incomplete = await browser.submit(vote.url, form, { option1: 'yes' });
      expect(incomplete.status).toBe(400);
      const done = await browser.submit(vote.url, form, { option1: 'yes', option2: 'if_need_be' });
      expect(done.status).toBe(200);

      const POLL = `query($id: ID!) { datePoll(id: $id) { options { yes ifNeedBe no option { id } } myAnswers { optionId answer } } }`;
      const poll = (await ok(t, cleo.token, POLL, { id: pollId })).datePoll;
      expect(poll.options.map((o: { yes: number; ifNeedBe: number; no: number }) => [o.yes, o.ifNeedBe, o.no])).toEqual([[1, 0, 0], [0, 1, 0]]);
      expect(poll.myAnswers).toEqual([
        { optionId: poll.options[0].option.id, answer: 'YES' },
        { optionId: poll.options[1].option.id, answer: 'IF_NEED_BE' },
      ]);
      expect((await ok(t, g.members[0].token, POLL, { id: pollId })).datePoll.myAnswers).toEqual([]);

      // Once a time is chosen the link takes no more answers.
      await ok(t, g.secretariat.token, `mutation($p: ID!, $o: ID!) { chooseDatePollOption(pollId: $p, optionId: $o) { meeting { id } } }`, { p: pollId, o: poll.options[0].option.id });
      expect((await new MailBrowser().get(vote.url)).status).toBe(409);
    });
  });

  describe('settings over GraphQL', () => {
    it('changes my language and time zone, reminder delivery and opt-outs, my calendar address, and gives me my personal data', async () => {
      const me = await signedInPerson(t, { fullName: 'Sara Settings', locale: 'sv', timeZone: 'Europe/Stockholm' });
      const other = await signedInPerson(t);
      const UPDATE = `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { locale timeZone } }`;

      expect((await ok(t, me.token, UPDATE, { input: { id: me.id, locale: 'en', timeZone: 'America/New_York' } })).updatePerson).toEqual({ locale: 'en', timeZone: 'America/New_York' });
      expect((await ok(t, me.token, `{ me { person { locale timeZone } } }`)).me.person).toEqual({ locale: 'en', timeZone: 'America/New_York' });
      expect((await t.gql(UPDATE, { input: { id: me.id, timeZone: 'Mars/Olympus' } }, { token: me.token })).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect((await t.gql(UPDATE, { input: { id: other.id, locale: 'da' } }, { token: me.token })).errors?.[0].extensions.code).toBe('FORBIDDEN');

      const PREFS = `mutation($input: UpdateNotificationPreferencesInput!) { updateMyNotificationPreferences(input: $input) { delivery optedOutKinds kinds { kind label optOutAllowed optedOut } } }`;
      const prefs = (await ok(t, me.token, PREFS, { input: { delivery: 'WEEKLY', optedOutKinds: ['meeting.upcoming'] } })).updateMyNotificationPreferences;
      expect(prefs).toMatchObject({ delivery: 'WEEKLY', optedOutKinds: ['meeting.upcoming'] });
      expect(prefs.kinds.find((k: { kind: string }) => k.kind === 'meeting.upcoming')).toEqual({ kind: 'meeting.upcoming', label: 'Upcoming meeting', optOutAllowed: true, optedOut: true });
      // A reminder that may not be turned off (answering an invitation) stays on.
      const refused = await t.gql(PREFS, { input: { optedOutKinds: ['meeting.rsvp-missing'] } }, { token: me.token });
      expect(refused.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');

      const FEED = `{ myCalendarFeed { active createdAt } }`;
      expect((await ok(t, me.token, FEED)).myCalendarFeed).toEqual({ active: false, createdAt: null });
      const { createCalendarFeed: feed } = await ok(t, me.token, `mutation { createCalendarFeed { url } }`);
      expect((await ok(t, me.token, FEED)).myCalendarFeed.active).toBe(true);
      const subscribed = await fetch(feed.url);
      expect(subscribed.status).toBe(200);
      expect(subscribed.headers.get('content-type')).toMatch(/^text\/calendar/);
      expect((await ok(t, me.token, `mutation { revokeCalendarFeed }`)).revokeCalendarFeed).toBe(true);
      expect((await ok(t, me.token, FEED)).myCalendarFeed.active).toBe(false);
      expect((await fetch(feed.url)).status).toBe(404);

      const exported = JSON.parse((await ok(t, me.token, `query($id: ID!) { personalDataExport(personId: $id) }`, { id: me.id })).personalDataExport);
      expect(JSON.stringify(exported)).toContain(me.email);
      expect((await t.gql(`query($id: ID!) { personalDataExport(personId: $id) }`, { id: other.id }, { token: me.token })).errors?.[0].extensions.code).toBe('FORBIDDEN');
    });
  });
});
