import { INestApplicationContext } from '@nestjs/common';
import { NotificationDelivery, NotificationSweep, ReminderEngine } from '@samverkan/notifications';
import type { TestApp } from './test-app';
import { createPerson } from './factories';
import { createDeliverable, deliverableWorld, DeliverableWorld, inDays, setStatus } from './deliverable-fixtures';
import { createMeeting, GroupFixture, groupWithMembers } from './meeting-fixtures';
import { allocation, ok } from './structure-fixtures';
import { eventually } from './test-worker';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

function inHours(hours: number) {
  const start = new Date(Date.now() + hours * 3_600_000);
  start.setUTCSeconds(0, 0);
  return { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 2 * 3_600_000).toISOString() };
}

/** The mail kinds (outbox templates) {@link sendEveryKindOfMail} makes the system send. */
export const EVERY_TEMPLATE = ['meeting', 'reminder', 'digest', 'date-poll.invitation', 'nomination-request', 'review-invitation', 'report.delivery'];

export interface EveryMailWorld {
  /** A group with a chair, members Anna (sv), Bo (da, daily digest), Cleo (en) and substitute Sune. */
  g: GroupFixture;
  /** A commission with deliverables, a review round (reviewer member2) and a status report to its commissioner. */
  w: DeliverableWorld;
  /** The organisation's contact the nomination request went to (no account). */
  contact: { id: string; email: string };
  /** The guest who registered for the open event (no account). */
  guestEmail: string;
  meetingId: string;
  cancelledMeetingId: string;
  eventId: string;
  pastMeetingId: string;
  minutesId: string;
  pollId: string;
  nominationRequestId: string;
  deliverableId: string;
  versionId: string;
  reviewRoundId: string;
  reportId: string;
}

/**
 * Makes the system send one mail of every kind, over two small worlds (the
 * fixtures the mail suites use): meeting invitations, an update, a substitute's
 * notice, a cancellation, a registration confirmation, minutes for approval, a
 * date poll invitation, a nomination request, a vacancy notice, a review
 * invitation, a status report, reminders sent at once and a daily digest. Needs
 * an app started with PUBLIC_URL at its own address and SEAT_VACANCY_GRACE_DAYS=0
 * (startTestAppWithLinks), and a worker. Resolves once every mail is in `t.smtp`.
 */
export async function sendEveryKindOfMail(t: TestApp, worker: INestApplicationContext): Promise<EveryMailWorld> {
  const g = await groupWithMembers(t);
  const w = await deliverableWorld(t);
  const [anna, bo] = g.members;
  // Bo reads his reminders as a daily digest.
  await ok(t, bo.token, `mutation { updateMyNotificationPreferences(input: { delivery: DAILY }) { delivery } }`);

  // Meetings: invitation (and the substitute's notice), update, stand-in, cancellation; reminders owed tomorrow.
  const soon = await createMeeting(t, g.secretariat.token, { workingGroupId: g.groupId, title: 'Link meeting', agenda: [{ title: 'Item', durationMinutes: 10 }], ...inHours(12) });
  const meetingId: string = soon.createMeeting.meeting.id;
  await ok(t, g.secretariat.token, `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { meeting { id } } }`, { input: { id: meetingId, place: 'Room 2' } });
  await ok(t, anna.token, `mutation($id: ID!) { rsvp(meetingId: $id, input: { answer: SUBSTITUTE }) { rsvp } }`, { id: meetingId });
  const doomed = await createMeeting(t, g.secretariat.token, { workingGroupId: g.groupId, title: 'Doomed meeting', ...inHours(24 * 30) });
  const cancelledMeetingId: string = doomed.createMeeting.meeting.id;
  await ok(t, g.secretariat.token, `mutation($id: ID!) { cancelMeeting(id: $id) { id } }`, { id: cancelledMeetingId });

  // An open event: a registration confirmation with its cancel link.
  const event = await createMeeting(t, g.secretariat.token, { workingGroupId: g.groupId, title: 'Open event', kind: 'WEBINAR', isOpen: true, capacity: 10, ...inHours(24 * 40) });
  const eventId: string = event.createMeeting.meeting.id;
  const guestEmail = 'guest.person@example.test';
  const registered = await t.gql(`mutation($input: RegisterForEventInput!) { registerForEvent(input: $input) { status } }`, {
    input: { meetingId: eventId, fullName: 'Guest Person', email: guestEmail },
  });
  if (registered.errors) throw new Error(JSON.stringify(registered.errors));

  // Minutes sent for approval: the adjuster's request (a reminder with a button).
  const past = await createMeeting(t, g.secretariat.token, { workingGroupId: g.groupId, title: 'Past meeting', ...inHours(-5) });
  const pastMeetingId: string = past.createMeeting.meeting.id;
  const minutes = await ok(t, g.secretariat.token, `mutation($input: SaveMinutesInput!) { saveMinutes(input: $input) { id } }`, {
    input: { meetingId: pastMeetingId, body: 'We met.', decisions: [{ text: 'Adopted.' }] },
  });
  const minutesId: string = minutes.saveMinutes.id;
  await ok(t, g.secretariat.token, `mutation($input: SendMinutesForApprovalInput!) { sendMinutesForApproval(input: $input) { id } }`, {
    input: { minutesId, adjusterIds: [g.members[2].id] },
  });

  // A date poll's invitation.
  const poll = await ok(t, g.secretariat.token, `mutation($input: CreateDatePollInput!) { createDatePoll(input: $input) { id } }`, {
    input: { workingGroupId: g.groupId, title: 'Link poll', timeZone: 'Europe/Stockholm', options: [inHours(24 * 50)] },
  });
  const pollId: string = poll.createDatePoll.id;

  // A nomination request to an organisation's contact, and a vacant seat (the vacancy notice to the secretariat).
  const contact = await createPerson(t.db, { locale: 'en', account: false });
  const org = await ok(t, g.secretariat.token, `query($id: ID!) { workingGroup(id: $id) { allocations { organisation { id } } } }`, { id: g.groupId });
  const orgId = org.workingGroup.allocations[0].organisation.id;
  await allocation(t, g.secretariat.token, g.groupId, orgId, 1);
  const requested = await allocation(t, g.secretariat.token, g.groupId, orgId, 1);
  const nomination = await ok(t, g.secretariat.token, `mutation($input: RequestNominationInput!) { requestNomination(input: $input) { id } }`, {
    input: { allocationId: requested, contactPersonId: contact.id, deadline: inDays(14), message: 'A name, please.' },
  });
  const nominationRequestId: string = nomination.requestNomination.id;

  // A review round (the invitation with its answer buttons and download) and a deliverable due tomorrow.
  const d = await createDeliverable(t, w.secretariat.token, { commissionId: w.commissionId, workingGroupId: w.groupId, responsiblePersonId: w.member.id, dueOn: inDays(1) });
  await setStatus(t, w.secretariat.token, d.id, 'IN_PROGRESS');
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), 'Draft.pdf');
  const uploaded = await t.http(`/deliverables/${d.id}/versions`, { method: 'POST', body: form, headers: { authorization: `Bearer ${w.secretariat.token}` } });
  const version = (await uploaded.json()) as { id: string };
  const round = await ok(t, w.secretariat.token, `mutation($input: OpenReviewRoundInput!) { openReviewRound(input: $input) { id } }`, {
    input: { versionId: version.id, deadline: inDays(1), reviewerIds: [w.member2.id] },
  });

  // A status report to the commissioners.
  const report = await ok(t, w.secretariat.token, `mutation($input: CompileStatusReportInput!) { compileStatusReport(input: $input) { id } }`, {
    input: { commissionId: w.commissionId, period: '2024-Q2', notifyCommissioners: true },
  });

  // Reminders: owed now, sent at once or (Bo) in tomorrow's digest.
  await t.app.get(ReminderEngine).run();
  // Reminders fall due at 08:00 in the reader's zone; the tests are about their links, not their hour: all are due now.
  await t.db.query(`UPDATE notification SET due_at = now() - interval '1 minute' WHERE status = 'owed' AND due_at > now()`);
  await worker.get(NotificationSweep).sweep();
  await t.app.get(NotificationDelivery).digest(bo.id, new Date(Date.now() + 86_400_000));

  const sentTemplates = async () => ((await t.db.query(`SELECT DISTINCT template FROM mail_outbox WHERE status = 'sent' ORDER BY template`)) as { template: string }[]).map((k) => k.template);
  await eventually(
    async () => {
      const [row]: { pending: number }[] = await t.db.query(`SELECT count(*)::int AS pending FROM mail_outbox WHERE status IN ('pending', 'sending')`);
      return row.pending === 0 && (await sentTemplates()).length >= EVERY_TEMPLATE.length;
    },
    30_000,
    'every kind of mail sent',
  );
  await eventually(async () => t.smtp.mails.length >= (await t.db.query(`SELECT count(*)::int AS n FROM mail_outbox WHERE status = 'sent'`))[0].n, 15_000, 'every mail received');
  return {
    g,
    w,
    contact,
    guestEmail,
    meetingId,
    cancelledMeetingId,
    eventId,
    pastMeetingId,
    minutesId,
    pollId,
    nominationRequestId,
    deliverableId: d.id,
    versionId: version.id,
    reviewRoundId: round.openReviewRound.id,
    reportId: report.compileStatusReport.id,
  };
}
