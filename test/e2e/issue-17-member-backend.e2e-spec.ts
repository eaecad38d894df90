import { INestApplicationContext } from '@nestjs/common';
import { TestApp, startTestAppWithLinks } from '../harness/test-app';
import { signedInPerson, TestPerson } from '../harness/factories';
import { createDeliverable, DeliverableWorld, deliverableWorld, inDays, setStatus } from '../harness/deliverable-fixtures';
import { ok } from '../harness/structure-fixtures';
import { startTestWorker } from '../harness/test-worker';

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
});
