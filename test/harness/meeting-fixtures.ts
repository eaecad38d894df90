import { INestApplicationContext } from '@nestjs/common';
import * as nodeIcal from 'node-ical';
import type { ReceivedMail } from './smtp-sink';
import type { TestApp } from './test-app';
import { signedInPerson, TestPerson } from './factories';
import { allocation, commission, CommissionFixture, group, ok, organisation } from './structure-fixtures';

export interface GroupFixture extends CommissionFixture {
  groupId: string;
  chair: TestPerson;
  members: TestPerson[];
  substitute: TestPerson;
}

/**
 * A commission with one active group: a chair, three principal members (on
 * seats 1–3 of one allocation, in three languages and zones) and a substitute on seat 1.
 */
export async function groupWithMembers(t: TestApp, admin?: TestPerson): Promise<GroupFixture> {
  const c = await commission(t, admin);
  const chair = await signedInPerson(t, { fullName: 'Karen Formand', locale: 'da', timeZone: 'Europe/Copenhagen' });
  const groupId = await group(t, c.secretariat.token, c.commissionId, { chairPersonId: chair.id, quorumShare: 0.5 });
  const org = await organisation(t, c.secretariat.token);
  const allocationId = await allocation(t, c.secretariat.token, groupId, org, 3);
  const members = [
    await signedInPerson(t, { fullName: 'Anna Andersson', locale: 'sv', timeZone: 'Europe/Stockholm' }),
    await signedInPerson(t, { fullName: 'Bo Bentsen', locale: 'da', timeZone: 'Europe/Copenhagen' }),
    await signedInPerson(t, { fullName: 'Cleo Clarke', locale: 'en', timeZone: 'Europe/London' }),
  ];
  const seats = await ok(t, c.secretariat.token, `query($id: ID!) { workingGroup(id: $id) { allocations { seats { id number } } } }`, { id: groupId });
  const seatIds: string[] = seats.workingGroup.allocations[0].seats.map((s: { id: string }) => s.id);
  for (const [index, member] of members.entries()) {
    await ok(t, c.secretariat.token, `mutation($input: AppointInput!) { appoint(input: $input) { id } }`, {
      input: { seatId: seatIds[index], personId: member.id, startsOn: '2020-01-01' },
    });
  }
  const substitute = await signedInPerson(t, { fullName: 'Sune Suppleant', locale: 'sv', timeZone: 'Europe/Stockholm' });
  await ok(t, c.secretariat.token, `mutation($input: AppointInput!) { appoint(input: $input) { id } }`, {
    input: { seatId: seatIds[0], personId: substitute.id, kind: 'SUBSTITUTE', startsOn: '2020-01-01' },
  });
  void allocationId;
  return { ...c, groupId, chair, members, substitute };
}

export const CREATE_MEETING = `mutation($input: CreateMeetingInput!) {
  createMeeting(input: $input) {
    meeting { id sequence status icalUid agendaMinutes lengthMinutes agendaOverrunMinutes agenda { id position title durationMinutes } }
    doubleBookings { personId personName otherMeetingId otherTitle otherStartsAt }
  }
}`;

export async function createMeeting(t: TestApp, token: string, input: Record<string, unknown>) {
  return ok(t, token, CREATE_MEETING, { input: { title: 'Arbejdsgruppemøde', timeZone: 'Europe/Copenhagen', ...input } });
}

/** The .ics attachment of a received mail, parsed by node-ical (an independent parser). */
export function icsOf(mail: ReceivedMail): { text: string; parsed: nodeIcal.CalendarResponse; event: nodeIcal.VEvent } {
  const attachment = mail.parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  if (!attachment) throw new Error(`no text/calendar attachment in "${mail.parsed.subject}"`);
  const text = attachment.content.toString('utf8');
  const parsed = nodeIcal.sync.parseICS(text);
  const event = Object.values(parsed).find((entry) => entry?.type === 'VEVENT') as nodeIcal.VEvent;
  return { text, parsed, event };
}

export function eventsOf(text: string): nodeIcal.VEvent[] {
  return Object.values(nodeIcal.sync.parseICS(text)).filter((entry) => entry?.type === 'VEVENT') as nodeIcal.VEvent[];
}

/** Mails to one address whose subject matches, waiting until `count` arrived. */
export async function mailsTo(t: TestApp, address: string, subject: RegExp, count = 1): Promise<ReceivedMail[]> {
  await t.smtp.waitFor((mails) => mails.filter((m) => m.envelopeTo.includes(address.toLowerCase()) && subject.test(m.parsed.subject ?? '')).length >= count, 20_000);
  return t.smtp.to(address).filter((m) => subject.test(m.parsed.subject ?? ''));
}

export type Worker = INestApplicationContext;

/**
 * Saves the minutes of a meeting and has them approved (sent to `adjuster`, who
 * approves), through the API. Reports and the next meeting's agenda take decisions
 * and action items from approved minutes only.
 */
export async function approvedMinutes(t: TestApp, token: string, adjuster: TestPerson, input: Record<string, unknown>): Promise<string> {
  const saved = await ok(t, token, `mutation($input: SaveMinutesInput!) { saveMinutes(input: $input) { id } }`, { input });
  const minutesId: string = saved.saveMinutes.id;
  await ok(t, token, `mutation($input: SendMinutesForApprovalInput!) { sendMinutesForApproval(input: $input) { id } }`, { input: { minutesId, adjusterIds: [adjuster.id] } });
  await ok(t, adjuster.token, `mutation($id: ID!) { approveMinutes(minutesId: $id) { id } }`, { id: minutesId });
  return minutesId;
}
