import { INestApplicationContext } from '@nestjs/common';
import { TestApp, startTestApp } from '../harness/test-app';
import { createDeliverable, DeliverableWorld, deliverableWorld, inDays, setStatus } from '../harness/deliverable-fixtures';
import { signedInPerson, TestPerson } from '../harness/factories';
import { allocation, ok, organisation } from '../harness/structure-fixtures';
import { startTestWorker } from '../harness/test-worker';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** Issue 19: the secretariat follows a review round — who answered, a remind button that sends once per press, the page's own fields. */
describe('review rounds: following a round and reminding the reviewers who have not answered', () => {
  let t: TestApp;
  let w: DeliverableWorld;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    t = await startTestApp();
    worker = await startTestWorker(t);
    w = await deliverableWorld(t);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  const upload = async (deliverableId: string, token: string) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), 'utkast.pdf');
    const response = await t.http(`/deliverables/${deliverableId}/versions`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
    return ((await response.json()) as { id: string }).id;
  };
  const openRound = async (world: DeliverableWorld, reviewerIds: string[]) => {
    const d = await createDeliverable(t, world.secretariat.token, { commissionId: world.commissionId, workingGroupId: world.groupId, title: 'Kompetensbehov i life science' });
    await setStatus(t, world.secretariat.token, d.id, 'IN_PROGRESS');
    const versionId = await upload(d.id, world.secretariat.token);
    const opened = await ok(t, world.secretariat.token, `mutation($input: OpenReviewRoundInput!) { openReviewRound(input: $input) { id remindersSent } }`, {
      input: { versionId, deadline: inDays(10), reviewerIds },
    });
    return opened.openReviewRound.id as string;
  };
  const remind = (roundId: string, reminder: number, token = w.secretariat.token) =>
    t.gql(`mutation($input: RemindReviewersInput!) { remindReviewers(input: $input) { id remindersSent lastRemindedAt reviewers { personId reminderCount remindedAt } } }`, { input: { roundId, reminder } }, { token, headers: { 'accept-language': 'en' } });
  const reminderMails = (roundId: string) => t.db.query(`SELECT dedupe_key, to_address FROM mail_outbox WHERE dedupe_key LIKE $1 ORDER BY dedupe_key`, [`review-reminder:${roundId}:%`]) as Promise<{ dedupe_key: string; to_address: string }[]>;

  it('reminds only the reviewers who have not answered, once per press, and records it on the round, the reviewer and the audit trail', async () => {
    const roundId = await openRound(w, [w.member.id, w.member2.id]);
    await ok(t, w.member2.token, `mutation($input: AnswerReviewInput!) { answerReview(input: $input) { id } }`, { input: { roundId, verdict: 'APPROVE' } });

    // Only the secretariat reminds; a reviewer may not, a stranger does not see the round.
    expect((await remind(roundId, 1, w.member.token)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await remind(roundId, 1, w.outsider.token)).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await remind(roundId, 0)).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');

    // A double press: both requests carry reminder 1, one mail goes out.
    const [first, second] = await Promise.all([remind(roundId, 1), remind(roundId, 1)]);
    expect(first.errors).toBeUndefined();
    expect(second.errors).toBeUndefined();
    expect(first.data!.remindReviewers.remindersSent).toBe(1);
    expect(second.data!.remindReviewers.remindersSent).toBe(1);
    const reviewers = Object.fromEntries(first.data!.remindReviewers.reviewers.map((r: { personId: string }) => [r.personId, r]));
    expect(reviewers[w.member.id]).toMatchObject({ reminderCount: 1, remindedAt: expect.any(String) });
    expect(reviewers[w.member2.id]).toMatchObject({ reminderCount: 0, remindedAt: null });
    expect(await reminderMails(roundId)).toEqual([{ dedupe_key: `review-reminder:${roundId}:1:${w.member.id}`, to_address: w.member.email }]);

    // The reminder is the invitation again, marked as one, in the reviewer's language (Danish), with fresh answer buttons.
    await t.smtp.waitFor(() => t.smtp.to(w.member.email).some((m) => m.parsed.subject?.startsWith('Påmindelse:')));
    const mail = t.smtp.to(w.member.email).find((m) => m.parsed.subject?.startsWith('Påmindelse:'))!;
    expect(mail.parsed.subject).toMatch(/^Påmindelse: Høring: Kompetensbehov i life science \(version 1\) senest /);
    expect(mail.parsed.text).toContain('Sekretariatet minder dig om');
    expect(mail.parsed.text).toContain(`/review-rounds/${roundId}`);
    expect(t.smtp.to(w.member2.email).filter((m) => m.parsed.subject?.startsWith('Reminder:'))).toEqual([]);

    // A page that had not seen the first reminder says so instead of sending a third.
    const stale = await remind(roundId, 3);
    expect(stale.errors?.[0].extensions.code).toBe('CONFLICT');
    expect(stale.errors?.[0].message).toBe('The page did not show the latest reminders (1 sent). Reload the page and try again.');
    // The next press sends the second reminder.
    expect((await remind(roundId, 2)).data?.remindReviewers.remindersSent).toBe(2);
    expect((await reminderMails(roundId)).map((m) => m.dedupe_key)).toEqual([`review-reminder:${roundId}:1:${w.member.id}`, `review-reminder:${roundId}:2:${w.member.id}`]);
    const trail = await t.db.query(`SELECT action, changes FROM audit_event WHERE entity = 'review_round' AND entity_id = $1 AND action = 'remind' ORDER BY id`, [roundId]);
    expect(trail).toHaveLength(2);

    // Everyone answered: nobody to remind. Closed: the round says so.
    await ok(t, w.member.token, `mutation($input: AnswerReviewInput!) { answerReview(input: $input) { id } }`, { input: { roundId, verdict: 'COMMENT', comments: [{ body: 'Se avsnit 2.' }] } });
    const nobody = await remind(roundId, 3);
    expect(nobody.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' }, message: 'Every reviewer has answered (or has no email address): nobody to remind.' });
    await ok(t, w.secretariat.token, `mutation($input: CloseReviewRoundInput!) { closeReviewRound(input: $input) { status } }`, { input: { roundId, outcome: 'INCONCLUSIVE' } });
    expect((await remind(roundId, 3)).errors?.[0].extensions.code).toBe('CONFLICT');
    // A late repeat of an earlier press still answers with the round, sending nothing.
    expect((await remind(roundId, 2)).data?.remindReviewers.remindersSent).toBe(2);
    expect(await reminderMails(roundId)).toHaveLength(2);
  });

  it('tells the page whether the signed-in person runs the round, and refuses to open one without a deadline or reviewers at the field', async () => {
    const roundId = await openRound(w, [w.member.id]);
    const may = async (person: TestPerson) => (await ok(t, person.token, `query($id: ID!) { reviewRound(id: $id) { mayManage } }`, { id: roundId })).reviewRound.mayManage;
    expect(await may(w.secretariat)).toBe(true);
    expect(await may(w.member)).toBe(false);
    expect(await may(w.commissioner)).toBe(false);

    const d = await createDeliverable(t, w.secretariat.token, { commissionId: w.commissionId, workingGroupId: w.groupId });
    await setStatus(t, w.secretariat.token, d.id, 'IN_PROGRESS');
    const versionId = await upload(d.id, w.secretariat.token);
    const open = (input: Record<string, unknown>) => t.gql(`mutation($input: OpenReviewRoundInput!) { openReviewRound(input: $input) { id } }`, { input: { versionId, deadline: inDays(5), reviewerIds: [w.member.id], ...input } }, { token: w.secretariat.token });
    expect((await open({ deadline: '2020-01-01' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'deadline' } });
    expect((await open({ reviewerIds: [] })).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('issues the same number of SQL statements for the follow page of a round with 2 reviewers and with 8', async () => {
    const small = await deliverableWorld(t, w.admin);
    const large = await deliverableWorld(t, w.admin);
    const extra: TestPerson[] = [];
    for (let i = 0; i < 6; i++) {
      const org = await organisation(t, large.secretariat.token, { name: `Region ${i} ${large.commissionId.slice(0, 4)}` });
      const person = await signedInPerson(t, { fullName: `Reviewer ${i}` });
      const allocationId = await allocation(t, large.secretariat.token, large.groupId, org, 1);
      await ok(t, large.secretariat.token, `mutation($input: AppointInput!) { appoint(input: $input) { id } }`, { input: { allocationId, personId: person.id, startsOn: '2024-01-01' } });
      extra.push(person);
    }
    const smallRound = await openRound(small, [small.member.id, small.member2.id]);
    const largeRound = await openRound(large, [large.member.id, large.member2.id, ...extra.map((p) => p.id)]);
    const answerAll = async (roundId: string, people: TestPerson[]) => {
      for (const p of people.slice(1)) {
        await ok(t, p.token, `mutation($input: AnswerReviewInput!) { answerReview(input: $input) { id } }`, {
          input: { roundId, verdict: 'REQUEST_CHANGES', summary: 'Se kommentarer', comments: [{ anchorKind: 'SECTION', anchor: '2', body: 'Otydligt.' }, { body: 'Bra.' }] },
        });
      }
    };
    await answerAll(smallRound, [small.member, small.member2]);
    await answerAll(largeRound, [large.member, large.member2, ...extra]);
    await remind(smallRound, 1, small.secretariat.token);
    await remind(largeRound, 1, large.secretariat.token);
    const query = `query($id: ID!) { reviewRound(id: $id) { id status deadline message mayManage remindersSent lastRemindedAt commentMatrixPath
      deliverable { id title } version { number filename downloadPath }
      reviewers { personId answered reminderCount remindedAt person { id fullName } organisation { id name } }
      nonResponders { id fullName }
      answers { id personId verdict verdictLabel summary answeredAt person { fullName } }
      comments { id number anchorKind anchor body proposedWording response decision decisionLabel reviewer { fullName } organisation { name } } } }`;
    const two = await t.gql(query, { id: smallRound }, { token: small.secretariat.token });
    const eight = await t.gql(query, { id: largeRound }, { token: large.secretariat.token });
    expect(two.errors).toBeUndefined();
    expect(eight.errors).toBeUndefined();
    expect(eight.data!.reviewRound.reviewers).toHaveLength(8);
    expect(eight.data!.reviewRound.comments).toHaveLength(14);
    expect(eight.data!.reviewRound.nonResponders).toHaveLength(1);
    if (process.env.PRINT_STATEMENTS) process.stderr.write(`statements: ${two.extensions?.sqlStatements} / ${eight.extensions?.sqlStatements}\n`);
    expect(eight.extensions?.sqlStatements).toBe(two.extensions?.sqlStatements);
  });
});

