import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { simpleParser } from 'mailparser';
import { TestApp, startTestApp } from '../harness/test-app';
import { eventually, startTestWorker } from '../harness/test-worker';
import { GroupFixture, Worker, createMeeting, groupWithMembers } from '../harness/meeting-fixtures';
import { ok } from '../harness/structure-fixtures';

// Issue 16, item 10: after erasePerson, the default file transport's .eml files no longer hold the person.

interface MailFile {
  id: string;
  raw: string;
  /** Raw text plus every decoded part: headers, text, HTML, attachments (the calendar body part among them). */
  everything: string;
  to: string;
  messageId: string;
}

async function readMailFiles(dir: string): Promise<MailFile[]> {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir).filter((name) => name.endsWith('.eml'));
  return Promise.all(
    files.map(async (name) => {
      const raw = readFileSync(path.join(dir, name), 'utf8');
      const parsed = await simpleParser(raw);
      const headers = [...parsed.headers.entries()].map(([key, value]) => `${key}: ${JSON.stringify(value)}`).join('\n');
      const everything = [raw, headers, parsed.text ?? '', String(parsed.html || ''), ...parsed.attachments.map((a) => a.content.toString('utf8'))].join('\n').toLowerCase();
      const to = (Array.isArray(parsed.to) ? parsed.to[0] : parsed.to)?.value[0]?.address ?? '';
      return { id: name.replace(/\.eml$/, ''), raw, everything, to: to.toLowerCase(), messageId: parsed.messageId ?? '' };
    }),
  );
}

describe('erasure reaches the mail files (issue 16, item 10)', () => {
  let t: TestApp;
  let worker: Worker;
  let g: GroupFixture;
  let mailDir: string;

  beforeAll(async () => {
    // No SMTP server: mail goes to .eml files under DATA_DIR/mail, as with `npm start` out of the box.
    t = await startTestApp({ SMTP_URL: '' });
    worker = await startTestWorker(t);
    g = await groupWithMembers(t);
    mailDir = path.join(t.config.DATA_DIR, 'mail');
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('removes the erased person’s mail files and their name and address from the files of mail to others', async () => {
    const start = DateTime.now().plus({ days: 20 }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
    const { createMeeting: created } = await createMeeting(t, g.secretariat.token, {
      workingGroupId: g.groupId,
      startsAt: start.toUTC().toISO(),
      endsAt: start.plus({ hours: 2 }).toUTC().toISO(),
    });
    const invited = [g.chair, ...g.members, g.substitute];
    const before = await eventually(async () => {
      const files = await readMailFiles(mailDir);
      return invited.every((p) => files.some((f) => f.to === p.email)) && files;
    }, 20_000, 'the invitations as .eml files');

    const anna = { ...g.members[0], name: 'Anna Andersson' };
    const [{ full_name: organizerName }] = await t.db.query(`SELECT full_name FROM person WHERE id = $1`, [g.secretariat.id]);
    const organizer = { ...g.secretariat, name: organizerName as string };
    // Before: Anna's own invitation names her; every invitation names the organizer (ORGANIZER in the calendar).
    const annasFile = before.find((f) => f.to === anna.email)!;
    expect(annasFile.everything).toContain(anna.name.toLowerCase());
    expect(annasFile.everything).toContain(anna.email);
    const othersFiles = before.filter((f) => f.to !== anna.email);
    expect(othersFiles).toHaveLength(4);
    for (const file of othersFiles) expect(file.everything).toContain(organizer.email);
    for (const file of before) expect(file.everything).toContain(organizer.name.toLowerCase());

    // Anna is erased by her secretariat; the organizer (the secretariat person) by an administrator.
    await ok(t, g.secretariat.token, `mutation($p: ID!) { erasePerson(input: { personId: $p, reason: "Request by the person" }) { id } }`, { p: anna.id });
    await ok(t, g.admin.token, `mutation($p: ID!) { erasePerson(input: { personId: $p, reason: "Left the agency" }) { id } }`, { p: organizer.id });

    const after = await readMailFiles(mailDir);
    // Anna's own mail file is gone; the others' files are still there, same Message-ID, still to their recipients.
    expect(after.map((f) => f.id).sort()).toEqual(othersFiles.map((f) => f.id).sort());
    for (const file of after) {
      const earlier = othersFiles.find((f) => f.id === file.id)!;
      expect(file.messageId).toBe(earlier.messageId);
      expect(file.to).toBe(earlier.to);
      expect(file.everything).toContain(file.to);
      // Neither erased person is in any file, in any encoding: raw, headers, text, HTML or calendar.
      for (const person of [anna, organizer]) {
        expect(file.everything).not.toContain(person.email);
        expect(file.everything).not.toContain(person.name.toLowerCase());
      }
      expect(file.everything).toContain('erased@erased.invalid');
    }
    // The rows say the same: nothing in the outbox names them.
    const [{ text }] = await t.db.query(`SELECT lower(string_agg(concat_ws(' ', to_address, to_name, subject, html, text_body, attachments::text, calendar::text), ' ')) AS text FROM mail_outbox`);
    for (const person of [anna, organizer]) {
      expect(text).not.toContain(person.email);
      expect(text).not.toContain(person.name.toLowerCase());
    }
    // The meeting itself is untouched.
    const meeting = await ok(t, g.admin.token, `query($id: ID!) { meeting(id: $id) { invitations { person { id } } } }`, { id: created.meeting.id });
    expect(meeting.meeting.invitations).toHaveLength(5);
  });

  it('says in the export what mail is kept where', async () => {
    const start = DateTime.now().plus({ days: 25 }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
    await createMeeting(t, g.admin.token, { workingGroupId: g.groupId, startsAt: start.toUTC().toISO(), endsAt: start.plus({ hours: 2 }).toUTC().toISO() });
    const bo = g.members[1];
    await eventually(async () => (await t.db.query(`SELECT 1 FROM mail_outbox WHERE person_id = $1 AND status = 'sent'`, [bo.id])).length > 0, 20_000, 'Bo’s invitation sent');
    const exported = JSON.parse((await ok(t, bo.token, `query($p: ID!) { personalDataExport(personId: $p) }`, { p: bo.id })).personalDataExport);
    const sent = exported.data.mail.find((m: { status: string }) => m.status === 'sent');
    expect(sent.keptWhere).toMatch(/DATA_DIR\/mail\/[0-9a-f-]{36}\.eml/);
  });
});
