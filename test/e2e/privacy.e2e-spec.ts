import { OutboxService } from '@samverkan/mail';
import { ReminderEngine, reminderTemplate } from '@samverkan/notifications';
import { TestApp, startTestApp } from '../harness/test-app';
import { TEST_PASSWORD, createPerson, login } from '../harness/factories';
import { allocation, appoint, commission, group, ok, organisation } from '../harness/structure-fixtures';

// GDPR: a person's access request (export) and erasure that keeps the public record.
describe('personal data: export and erasure', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('exports everything about a person, then erases contact data while appointments and the audit trail keep the id', async () => {
    const c = await commission(t);
    const stranger = await commission(t);
    const orgId = await organisation(t, c.admin.token);
    const groupId = await group(t, c.secretariat.token, c.commissionId);
    const allocationId = await allocation(t, c.secretariat.token, groupId, orgId, 2);
    const name = 'Ingrid Fältskog';
    const member = await createPerson(t.db, { fullName: name, gender: 'woman', locale: 'sv' });
    const appointed = await appoint(t, c.secretariat.token, { allocationId, personId: member.id });
    expect(appointed.errors).toBeUndefined();
    // The secretariat corrects the title: the audit trail quotes the person.
    await ok(t, c.secretariat.token, `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { id } }`, {
      input: { id: member.id, title: 'Enhetschef' },
    });
    const token = await login(t, member.email);
    await ok(t, token, `mutation { updateMyNotificationPreferences(input: { delivery: WEEKLY }) { delivery } }`);
    await t.db.transaction((manager) =>
      t.app.get(OutboxService).enqueue(manager, {
        template: reminderTemplate,
        props: { kind: 'appointment.term-ending', title: 'Arbetsgruppen', date: '2026-12-31' },
        recipient: { personId: member.id, address: member.email, name, locale: 'sv', timeZone: 'Europe/Stockholm' },
        dedupeKey: `privacy:${member.id}`,
        commissionId: c.commissionId,
      }),
    );

    // Access request: the person themselves gets it all.
    const exported = JSON.parse((await ok(t, token, `query($p: ID!) { personalDataExport(personId: $p) }`, { p: member.id })).personalDataExport);
    expect(exported.personId).toBe(member.id);
    expect(exported.data.person[0]).toMatchObject({ fullName: name, email: member.email, gender: 'woman', title: 'Enhetschef' });
    expect(exported.data.account[0].email).toBe(member.email);
    expect(exported.data.account[0].sessions.length).toBeGreaterThanOrEqual(1);
    expect(exported.data.seats).toContainEqual(expect.objectContaining({ kind: 'appointment', organisation: expect.any(String), startsOn: '2024-01-01' }));
    expect(exported.data.notifications).toContainEqual(expect.objectContaining({ kind: 'preference', detail: 'weekly' }));
    expect(exported.data.mail).toContainEqual(expect.objectContaining({ toAddress: member.email }));
    expect(exported.data.audit.some((e: { action: string }) => e.action === 'update')).toBe(true);
    // Their secretariat may too; another commission's secretariat may not.
    await ok(t, c.secretariat.token, `query($p: ID!) { personalDataExport(personId: $p) }`, { p: member.id });
    const foreign = await t.gql(`query($p: ID!) { personalDataExport(personId: $p) }`, { p: member.id }, { token: stranger.secretariat.token });
    expect(foreign.errors?.[0].extensions.code).toBe('FORBIDDEN');

    // Nobody erases themselves; another commission's secretariat cannot either.
    const self = await t.gql(`mutation($p: ID!) { erasePerson(input: { personId: $p, reason: "asked" }) { id } }`, { p: member.id }, { token });
    expect(self.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const foreignErase = await t.gql(`mutation($p: ID!) { erasePerson(input: { personId: $p, reason: "asked" }) { id } }`, { p: member.id }, { token: stranger.secretariat.token });
    expect(foreignErase.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await t.db.query(`SELECT erased_at FROM person WHERE id = $1`, [member.id]))[0].erased_at).toBeNull();

    const erased = await ok(
      t,
      c.secretariat.token,
      `mutation($p: ID!) { erasePerson(input: { personId: $p, reason: "Request by the person, 2026-11-23" }) { id fullName displayName email erasedAt } }`,
      { p: member.id },
    );
    expect(erased.erasePerson).toMatchObject({ id: member.id, fullName: 'Erased person', email: null, erasedAt: expect.any(String) });
    expect(erased.erasePerson.displayName).toBe(`Raderad person ${member.id.slice(0, 8)}`);

    // Gone: contact data, login, sessions, preferences, owed reminders, mail content.
    const [person] = await t.db.query(`SELECT full_name, email, title, gender FROM person WHERE id = $1`, [member.id]);
    expect(person).toEqual({ full_name: 'Erased person', email: null, title: null, gender: null });
    expect(await t.db.query(`SELECT 1 FROM account WHERE person_id = $1`, [member.id])).toHaveLength(0);
    expect(await t.db.query(`SELECT 1 FROM notification_preference WHERE person_id = $1`, [member.id])).toHaveLength(0);
    expect(await t.db.query(`SELECT 1 FROM notification WHERE person_id = $1`, [member.id])).toHaveLength(0);
    const mails = await t.db.query(`SELECT to_address, subject, html, status FROM mail_outbox WHERE person_id = $1`, [member.id]);
    expect(mails).toEqual([{ to_address: 'erased@erased.invalid', subject: '-', html: '', status: expect.stringMatching(/cancelled|sent|failed/) }]);
    const oldToken = await t.gql(`{ me { isAdmin } }`, {}, { token });
    expect(oldToken.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const relogin = await t.gql(`mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { accessToken } }`, { e: member.email, p: TEST_PASSWORD });
    expect(relogin.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const everything = (await t.db.query(`SELECT string_agg(changes::text, ' ') AS text FROM audit_event`))[0].text as string;
    expect(everything).not.toContain(member.email);
    expect(everything).not.toContain(name);

    // Kept: the appointment (the public record) under the pseudonym, and the audit trail with the erasure and its reason.
    const seats = await ok(t, c.secretariat.token, `query($id: ID!) { workingGroup(id: $id) { allocations { seats { currentAppointment { person { id displayName } } } } } }`, { id: groupId });
    expect(seats.workingGroup.allocations[0].seats[0].currentAppointment.person).toEqual({ id: member.id, displayName: `Raderad person ${member.id.slice(0, 8)}` });
    const trail = await ok(t, c.admin.token, `query($id: String!) { auditTrail(entity: "person", entityId: $id) { action actorPersonId changes { field before after } } }`, { id: member.id });
    const actions = trail.auditTrail.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['update', 'export-personal-data', 'erase']));
    const erasure = trail.auditTrail.find((e: { action: string }) => e.action === 'erase');
    expect(erasure.actorPersonId).toBe(c.secretariat.id);
    expect(JSON.stringify(erasure.changes)).toContain('Request by the person, 2026-11-23');

    // Once is enough; the trail is still append-only outside an erasure.
    const again = await t.gql(`mutation($p: ID!) { erasePerson(input: { personId: $p, reason: "again" }) { id } }`, { p: member.id }, { token: c.secretariat.token });
    expect(again.errors?.[0].extensions.code).toBe('CONFLICT');
    await expect(t.db.query(`UPDATE audit_event SET changes = '{}'::jsonb`)).rejects.toThrow(/immutable/);
  });

  it('owes an erased person no reminders any more', async () => {
    const c = await commission(t);
    const orgId = await organisation(t, c.admin.token);
    const groupId = await group(t, c.secretariat.token, c.commissionId);
    const allocationId = await allocation(t, c.secretariat.token, groupId, orgId, 1);
    const member = await createPerson(t.db);
    const soon = new Date(Date.now() + 35 * 86_400_000).toISOString().slice(0, 10);
    await appoint(t, c.secretariat.token, { allocationId, personId: member.id, endsOn: soon });
    await ok(t, c.secretariat.token, `mutation($p: ID!) { erasePerson(input: { personId: $p, reason: "left the public service" }) { id } }`, { p: member.id });
    await t.app.get(ReminderEngine).run();
    expect(await t.db.query(`SELECT 1 FROM notification WHERE person_id = $1`, [member.id])).toHaveLength(0);
    // The secretariat is still told that the (pseudonymised) member's term ends.
    expect(await t.db.query(`SELECT 1 FROM notification WHERE person_id = $1 AND kind = 'appointment.term-ending'`, [c.secretariat.id])).toHaveLength(1);
  });
});
