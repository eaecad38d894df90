import { INestApplicationContext } from '@nestjs/common';
import { NotificationDelivery, NotificationSweep, ReminderEngine } from '@samverkan/notifications';
import { MAIL_ROUTES, mailRouteOf } from '@samverkan/mail';
import { TestApp, startTestAppWithLinks } from '../harness/test-app';
import { createPerson } from '../harness/factories';
import { createDeliverable, deliverableWorld, inDays, setStatus } from '../harness/deliverable-fixtures';
import { createMeeting, groupWithMembers } from '../harness/meeting-fixtures';
import { allocation, ok } from '../harness/structure-fixtures';
import { eventually, startTestWorker } from '../harness/test-worker';
import { MailLink, ownLinks, unroutedLinks } from '../harness/mail-links';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

function inHours(hours: number) {
  const start = new Date(Date.now() + hours * 3_600_000);
  start.setUTCSeconds(0, 0);
  return { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 2 * 3_600_000).toISOString() };
}

/**
 * Issue 17: every link in every kind of mail leads to a page the web app serves
 * or a route the server answers (libs/mail/src/links.ts). This file makes the
 * system send one of each kind, collects every link to our host from the
 * mailbox, and checks each against the route list; the web app's browser
 * tests open the same routes (test/harness/mail-links.ts collects them).
 */
describe('issue 17: every link in every mail leads to a known route', () => {
  let t: TestApp;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    // No grace for vacant seats, so the vacancy notice is owed at once.
    t = await startTestAppWithLinks({ SEAT_VACANCY_GRACE_DAYS: '0' });
    worker = await startTestWorker(t);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('sends every kind of mail, and no link in any of them leads to an unknown path', async () => {
    // One of each kind of mail, over two worlds: longer than the default minute on a busy machine.
    const g = await groupWithMembers(t);
    const w = await deliverableWorld(t);
    const [anna, bo] = g.members;
    // Bo reads his reminders as a daily digest.
    await ok(t, bo.token, `mutation { updateMyNotificationPreferences(input: { delivery: DAILY }) { delivery } }`);

    // Meetings: invitation (and the substitute's notice), update, stand-in, cancellation; reminders owed tomorrow.
    const soon = await createMeeting(t, g.secretariat.token, { workingGroupId: g.groupId, title: 'Link meeting', agenda: [{ title: 'Item', durationMinutes: 10 }], ...inHours(12) });
    const meetingId = soon.createMeeting.meeting.id;
    await ok(t, g.secretariat.token, `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { meeting { id } } }`, { input: { id: meetingId, place: 'Room 2' } });
    await ok(t, anna.token, `mutation($id: ID!) { rsvp(meetingId: $id, input: { answer: SUBSTITUTE }) { rsvp } }`, { id: meetingId });
    const doomed = await createMeeting(t, g.secretariat.token, { workingGroupId: g.groupId, title: 'Doomed meeting', ...inHours(24 * 30) });
    await ok(t, g.secretariat.token, `mutation($id: ID!) { cancelMeeting(id: $id) { id } }`, { id: doomed.createMeeting.meeting.id });

    // An open event: a registration confirmation with its cancel link.
    const event = await createMeeting(t, g.secretariat.token, { workingGroupId: g.groupId, title: 'Open event', kind: 'WEBINAR', isOpen: true, capacity: 10, ...inHours(24 * 40) });
    const registered = await t.gql(`mutation($input: RegisterForEventInput!) { registerForEvent(input: $input) { status } }`, {
      input: { meetingId: event.createMeeting.meeting.id, fullName: 'Guest Person', email: 'guest.person@example.test' },
    });
    expect(registered.errors).toBeUndefined();

    // Minutes sent for approval: the adjuster's request (a reminder with a button).
    const past = await createMeeting(t, g.secretariat.token, { workingGroupId: g.groupId, title: 'Past meeting', ...inHours(-5) });
    const minutes = await ok(t, g.secretariat.token, `mutation($input: SaveMinutesInput!) { saveMinutes(input: $input) { id } }`, {
      input: { meetingId: past.createMeeting.meeting.id, body: 'We met.', decisions: [{ text: 'Adopted.' }] },
    });
    await ok(t, g.secretariat.token, `mutation($input: SendMinutesForApprovalInput!) { sendMinutesForApproval(input: $input) { id } }`, {
      input: { minutesId: minutes.saveMinutes.id, adjusterIds: [g.members[2].id] },
    });

    // A date poll's invitation.
    await ok(t, g.secretariat.token, `mutation($input: CreateDatePollInput!) { createDatePoll(input: $input) { id } }`, {
      input: { workingGroupId: g.groupId, title: 'Link poll', timeZone: 'Europe/Stockholm', options: [inHours(24 * 50)] },
    });

    // A nomination request to an organisation's contact, and a vacant seat (the vacancy notice to the secretariat).
    const contact = await createPerson(t.db, { locale: 'en', account: false });
    const org = await ok(t, g.secretariat.token, `query($id: ID!) { workingGroup(id: $id) { allocations { organisation { id } } } }`, { id: g.groupId });
    const orgId = org.workingGroup.allocations[0].organisation.id;
    await allocation(t, g.secretariat.token, g.groupId, orgId, 1);
    const requested = await allocation(t, g.secretariat.token, g.groupId, orgId, 1);
    await ok(t, g.secretariat.token, `mutation($input: RequestNominationInput!) { requestNomination(input: $input) { id } }`, {
      input: { allocationId: requested, contactPersonId: contact.id, deadline: inDays(14), message: 'A name, please.' },
    });

    // A review round (the invitation with its answer buttons and download) and a deliverable due tomorrow.
    const d = await createDeliverable(t, w.secretariat.token, { commissionId: w.commissionId, workingGroupId: w.groupId, responsiblePersonId: w.member.id, dueOn: inDays(1) });
    await setStatus(t, w.secretariat.token, d.id, 'IN_PROGRESS');
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), 'Draft.pdf');
    const uploaded = await t.http(`/deliverables/${d.id}/versions`, { method: 'POST', body: form, headers: { authorization: `Bearer ${w.secretariat.token}` } });
    const version = (await uploaded.json()) as { id: string };
    await ok(t, w.secretariat.token, `mutation($input: OpenReviewRoundInput!) { openReviewRound(input: $input) { id } }`, {
      input: { versionId: version.id, deadline: inDays(1), reviewerIds: [w.member2.id] },
    });

    // A status report to the commissioners.
    await ok(t, w.secretariat.token, `mutation($input: CompileStatusReportInput!) { compileStatusReport(input: $input) { id } }`, { input: { commissionId: w.commissionId, period: '2024-Q2', notifyCommissioners: true } });

    // Reminders: owed now, sent at once or (Bo) in tomorrow's digest.
    await t.app.get(ReminderEngine).run();
    // Reminders fall due at 08:00 in the reader's zone; this test is about their links, not their hour: all are due now.
    await t.db.query(`UPDATE notification SET due_at = now() - interval '1 minute' WHERE status = 'owed' AND due_at > now()`);
    await worker.get(NotificationSweep).sweep();
    await t.app.get(NotificationDelivery).digest(bo.id, new Date(Date.now() + 86_400_000));

    const templates = ['meeting', 'reminder', 'digest', 'date-poll.invitation', 'nomination-request', 'review-invitation', 'report.delivery'];
    const sentTemplates = async () => ((await t.db.query(`SELECT DISTINCT template FROM mail_outbox WHERE status = 'sent' ORDER BY template`)) as { template: string }[]).map((k) => k.template);
    await eventually(async () => {
      const [row]: { pending: number }[] = await t.db.query(`SELECT count(*)::int AS pending FROM mail_outbox WHERE status IN ('pending', 'sending')`);
      return row.pending === 0 && (await sentTemplates()).length >= templates.length;
    }, 30_000, 'every kind of mail sent').catch(() => undefined);
    expect(await sentTemplates()).toEqual([...templates].sort());
    await eventually(async () => t.smtp.mails.length >= (await t.db.query(`SELECT count(*)::int AS n FROM mail_outbox WHERE status = 'sent'`))[0].n, 15_000, 'every mail received');

    const links: MailLink[] = t.smtp.mails.flatMap((mail) => ownLinks(mail, t.url));
    // Every kind of mail names our host, and every link leads to a known route.
    expect(unroutedLinks(links)).toEqual([]);
    const routes = new Set(links.map((link) => mailRouteOf(link.path)!.name));
    for (const name of ['settings', 'meeting', 'meetingMinutes', 'deliverable', 'documentFile', 'reviewRound', 'workingGroup', 'datePoll', 'report', 'mailAction', 'unsubscribe', 'registrationCancel']) {
      expect({ route: name, linked: routes.has(name) }).toEqual({ route: name, linked: true });
    }
    // Every mail has the footer's link to the settings.
    for (const mail of t.smtp.mails) expect({ subject: mail.parsed.subject, settings: ownLinks(mail, t.url).some((l) => l.path === '/settings') }).toEqual({ subject: mail.parsed.subject, settings: true });
    // The web app's pages are the ones the issue names.
    expect(MAIL_ROUTES.filter((r) => r.servedBy === 'web').map((r) => r.name).sort()).toEqual(['commission', 'datePoll', 'deliverable', 'home', 'meeting', 'nominationRequest', 'reviewRound', 'settings', 'workingGroup']);
  }, 300_000);
});
