import { readdirSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { DOCUMENT_STORAGE, DocumentStorage, DocumentsService } from '@samverkan/deliverables';
import { ReminderEngine } from '@samverkan/notifications';
import { TestApp, startTestApp } from '../harness/test-app';
import { createDeliverable, DeliverableWorld, deliverableWorld, inDays, setStatus } from '../harness/deliverable-fixtures';
import { ok } from '../harness/structure-fixtures';
import { eventually, startTestWorker } from '../harness/test-worker';
import { QueueService } from '@samverkan/core';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const LIMIT = 100_000;

describe('deliverables: document versions, review rounds, comment matrix', () => {
  let t: TestApp;
  let w: DeliverableWorld;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    t = await startTestApp({ DOCUMENT_MAX_BYTES: String(LIMIT) });
    worker = await startTestWorker(t);
    w = await deliverableWorld(t);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  const upload = async (deliverableId: string, bytes: Buffer, filename: string, token: string | undefined, type = 'application/octet-stream') => {
    const form = new FormData();
    form.append('note', 'Utkast till remiss');
    form.append('file', new Blob([new Uint8Array(bytes)], { type }), filename);
    const response = await t.http(`/deliverables/${deliverableId}/versions`, { method: 'POST', body: form, headers: { 'accept-language': 'en', ...(token ? { authorization: `Bearer ${token}` } : {}) } });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };
  const storedFiles = () => {
    const root = path.join(t.config.DATA_DIR, 'documents');
    const walk = (dir: string): string[] => {
      try {
        return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [e.name]));
      } catch {
        return [];
      }
    };
    return walk(root);
  };
  const versionRows = async (deliverableId: string) => (await t.db.query(`SELECT number, media_type, content_hash FROM document_version WHERE deliverable_id = $1 ORDER BY number`, [deliverableId])) as Record<string, any>[];

  it('stores numbered versions by content hash, with the media type read from the content, and downloads them only for those who may see them', async () => {
    const d = await createDeliverable(t, w.secretariat.token, { commissionId: w.commissionId, workingGroupId: w.groupId, responsiblePersonId: w.member.id });
    // The header says text/plain; the content says PDF.
    const first = await upload(d.id, PDF, 'Rapport utkast 1.pdf', w.secretariat.token, 'text/plain');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ number: 1, mediaType: 'application/pdf', sizeBytes: PDF.length, filename: 'Rapport utkast 1.pdf', note: 'Utkast till remiss' });
    // The responsible person may upload too; the same bytes are stored once.
    const second = await upload(d.id, PDF, 'Rapport utkast 2.pdf', w.member.token);
    expect(second.body).toMatchObject({ number: 2, contentHash: first.body.contentHash });
    const csv = Buffer.from('Nr;Synpunkt\n1;Bra\n', 'utf8');
    const third = await upload(d.id, csv, 'matris.csv', w.secretariat.token, 'application/pdf');
    expect(third.body).toMatchObject({ number: 3, mediaType: 'text/csv' });
    expect(storedFiles().sort()).toEqual([first.body.contentHash, third.body.contentHash].sort());
    // Members of other groups may not upload or download; strangers get 401/404.
    expect((await upload(d.id, PDF, 'x.pdf', w.outsider.token)).status).toBe(404);
    expect((await upload(d.id, PDF, 'x.pdf', w.member2.token)).status).toBe(403);
    expect((await upload(d.id, PDF, 'x.pdf', undefined)).status).toBe(401);

    const download = await t.http(`/deliverables/versions/${first.body.id}/file`, { headers: { authorization: `Bearer ${w.member2.token}` } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toContain(`filename*=UTF-8''Rapport%20utkast%201.pdf`);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true);
    expect((await t.http(`/deliverables/versions/${first.body.id}/file`, { headers: { authorization: `Bearer ${w.outsider.token}` } })).status).toBe(404);
    expect((await t.http(`/deliverables/versions/${first.body.id}/file`)).status).toBe(401);
    const listed = await ok(t, w.member.token, `query($id: ID!) { deliverable(id: $id) { versions { number mediaType downloadPath uploadedBy { id } } } }`, { id: d.id });
    expect(listed.deliverable.versions).toEqual([
      { number: 1, mediaType: 'application/pdf', downloadPath: `/deliverables/versions/${first.body.id}/file`, uploadedBy: { id: w.secretariat.id } },
      { number: 2, mediaType: 'application/pdf', downloadPath: `/deliverables/versions/${second.body.id}/file`, uploadedBy: { id: w.member.id } },
      { number: 3, mediaType: 'text/csv', downloadPath: `/deliverables/versions/${third.body.id}/file`, uploadedBy: { id: w.secretariat.id } },
    ]);
  });

  it('refuses an upload over the limit or of a forbidden type with a typed error, leaving no row and no file', async () => {
    const d = await createDeliverable(t, w.secretariat.token, { commissionId: w.commissionId, workingGroupId: w.groupId });
    const before = storedFiles();
    const tooLarge = await upload(d.id, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(LIMIT, 0x41)]), 'big.pdf', w.secretariat.token, 'application/pdf');
    expect(tooLarge).toEqual({ status: 400, body: { code: 'BAD_USER_INPUT', message: 'The file is too large (at most 98 kB).' } });
    const exe = await upload(d.id, Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]), 'report.pdf', w.secretariat.token, 'application/pdf');
    expect(exe).toEqual({ status: 400, body: { code: 'BAD_USER_INPUT', message: expect.stringContaining('not allowed') } });
    const html = await upload(d.id, Buffer.from('<!doctype html><script>alert(1)</script>'), 'report.txt', w.secretariat.token, 'text/plain');
    expect(html.status).toBe(400);
    const zip = await upload(d.id, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100)]), 'archive.docx', w.secretariat.token);
    expect(zip.status).toBe(400);
    const none = await t.http(`/deliverables/${d.id}/versions`, { method: 'POST', headers: { authorization: `Bearer ${w.secretariat.token}`, 'content-type': 'application/json' }, body: '{}' });
    expect(none.status).toBe(400);
    expect(await versionRows(d.id)).toEqual([]);
    expect(storedFiles()).toEqual(before);
    const trail = await t.db.query(`SELECT count(*)::int AS count FROM audit_event WHERE entity = 'document_version' AND changes::text LIKE $1`, [`%${d.id}%`]);
    expect(trail[0].count).toBe(0);
  });

  it('removes stored content no version refers to, and keeps what is referenced', async () => {
    const storage = t.app.get<DocumentStorage>(DOCUMENT_STORAGE);
    const orphan = 'f'.repeat(64);
    await storage.put(orphan, Buffer.from('left behind by a crash'));
    const kept = storedFiles().filter((f) => f !== orphan);
    expect(kept.length).toBeGreaterThan(0);
    const removed = await t.app.get(DocumentsService).sweepOrphans(0);
    expect(removed).toEqual([orphan]);
    expect(storedFiles().sort()).toEqual(kept.sort());
  });

  it('has the worker sweep orphaned files on its own (hourly job), leaving young ones alone', async () => {
    const storage = t.app.get<DocumentStorage>(DOCUMENT_STORAGE);
    const old = 'e'.repeat(64);
    const young = 'd'.repeat(64);
    await storage.put(old, Buffer.from('left behind long ago'));
    await storage.put(young, Buffer.from('an upload in progress'));
    const oldPath = path.join(t.config.DATA_DIR, 'documents', old.slice(0, 2), old.slice(2, 4), old);
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    utimesSync(oldPath, twoHoursAgo, twoHoursAgo);
    await t.app.get(QueueService).add('documents.sweep-orphans', [{ jobId: `sweep-${Date.now()}`, data: {} }]);
    await eventually(async () => !storedFiles().includes(old), 15_000, 'the old orphan removed');
    expect(storedFiles()).toContain(young);
  });

  describe('a review round', () => {
    let deliverableId: string;
    let versionId: string;
    let roundId: string;

    beforeAll(async () => {
      deliverableId = (await createDeliverable(t, w.secretariat.token, { commissionId: w.commissionId, workingGroupId: w.groupId, title: 'Rapport om kompetensbehov' })).id;
      versionId = (await upload(deliverableId, PDF, 'rapport.pdf', w.secretariat.token)).body.id;
    });

    it('suggests the seat holders of the member organisations, opens with named reviewers and invites them by mail', async () => {
      const suggested = await ok(t, w.secretariat.token, `query($id: ID!) { deliverable(id: $id) { suggestedReviewers { person { id } organisation { id } } } }`, { id: deliverableId });
      expect(new Set(suggested.deliverable.suggestedReviewers.map((s: { person: { id: string }; organisation: { id: string } }) => `${s.person.id}/${s.organisation.id}`))).toEqual(
        new Set([`${w.member.id}/${w.orgA}`, `${w.member2.id}/${w.orgB}`]),
      );
      const open = (input: Record<string, unknown>, token = w.secretariat.token) =>
        t.gql(`mutation($input: OpenReviewRoundInput!) { openReviewRound(input: $input) { id status deadline deliverable { status } reviewers { person { id } organisation { id } answered } } }`, { input: { versionId, deadline: inDays(2), reviewerIds: [w.member.id, w.member2.id], message: 'Synpunkter senast på fredag, tack.', ...input } }, { token });
      // Only while in progress or in review.
      expect((await open({})).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      await setStatus(t, w.secretariat.token, deliverableId, 'IN_PROGRESS');
      expect((await open({}, w.member.token)).errors?.[0].extensions.code).toBe('FORBIDDEN');
      expect((await open({ deadline: '2020-01-01' })).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      const opened = await open({});
      expect(opened.errors).toBeUndefined();
      roundId = opened.data!.openReviewRound.id;
      expect(opened.data!.openReviewRound).toMatchObject({ status: 'OPEN', deadline: inDays(2), deliverable: { status: 'IN_REVIEW' } });
      expect(opened.data!.openReviewRound.reviewers).toEqual(
        expect.arrayContaining([
          { person: { id: w.member.id }, organisation: { id: w.orgA }, answered: false },
          { person: { id: w.member2.id }, organisation: { id: w.orgB }, answered: false },
        ]),
      );
      expect((await open({})).errors?.[0].extensions.code).toBe('CONFLICT');

      // Each reviewer gets the invitation in their language (member: Danish, member2: English).
      await t.smtp.waitFor(() => t.smtp.to(w.member.email).length > 0 && t.smtp.to(w.member2.email).length > 0);
      const [da] = t.smtp.to(w.member.email);
      const [en] = t.smtp.to(w.member2.email);
      expect(da.parsed.subject).toContain('Høring: Rapport om kompetensbehov (version 1)');
      expect(en.parsed.subject).toContain('Please review: Rapport om kompetensbehov (version 1)');
      expect(en.parsed.text).toContain('Synpunkter senast på fredag, tack.');
      expect(en.parsed.text).toContain(`/deliverables/versions/${versionId}/file`);
      const [row] = await t.db.query(`SELECT commission_id FROM mail_outbox WHERE dedupe_key = $1`, [`review-invite:${roundId}:${w.member.id}`]);
      expect(row.commission_id).toBe(w.commissionId);
    });

    it('takes answers only from named reviewers, anchored and with proposed wording, and lists and reminds the rest', async () => {
      const answer = (input: Record<string, unknown>, token: string) =>
        t.gql(`mutation($input: AnswerReviewInput!) { answerReview(input: $input) { verdict verdictLabel person { id } } }`, { input: { roundId, ...input } }, { token, headers: { 'accept-language': 'da' } });
      const outsider = await answer({ verdict: 'APPROVE' }, w.outsider.token);
      expect(outsider.errors?.[0].extensions.code).toBe('NOT_FOUND');
      const notNamed = await answer({ verdict: 'APPROVE' }, w.secretariat.token);
      expect(notNamed.errors?.[0].extensions.code).toBe('FORBIDDEN');
      const noAnchor = await answer({ verdict: 'COMMENT', comments: [{ anchorKind: 'PAGE', body: 'Otydligt' }] }, w.member.token);
      expect(noAnchor.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      const given = await answer(
        {
          verdict: 'REQUEST_CHANGES',
          summary: 'Regionerne savner økonomien.',
          comments: [
            { anchorKind: 'SECTION', anchor: '3.2', body: 'Kapaciteten i regionerne er undervurderet.', proposedWording: 'Kapaciteten skal øges med 20 %.' },
            { anchorKind: 'PAGE', anchor: '12', body: '=cmd|" /C calc"!A0' },
            { body: '+ generelt: god rapport' },
          ],
        },
        w.member.token,
      );
      expect(given.errors).toBeUndefined();
      expect(given.data!.answerReview).toEqual({ verdict: 'REQUEST_CHANGES', verdictLabel: 'ønsker ændringer', person: { id: w.member.id } });

      const round = await ok(t, w.secretariat.token, `query($id: ID!) { reviewRound(id: $id) { nonResponders { id } reviewers { person { id } answered } comments { number anchorKind anchor body proposedWording organisation { id } reviewer { id } } } }`, { id: roundId });
      expect(round.reviewRound.nonResponders).toEqual([{ id: w.member2.id }]);
      expect(round.reviewRound.comments.map((c: Record<string, unknown>) => [c.number, c.anchorKind, c.anchor])).toEqual([
        [1, 'SECTION', '3.2'],
        [2, 'PAGE', '12'],
        [3, 'GENERAL', null],
      ]);
      expect(round.reviewRound.comments[0]).toMatchObject({ proposedWording: 'Kapaciteten skal øges med 20 %.', organisation: { id: w.orgA }, reviewer: { id: w.member.id } });

      // Reminders: the 3-day one (fell due yesterday) and the deadline-day one, only to the reviewer who has not answered.
      await t.app.get(ReminderEngine).run();
      const reminded = await t.db.query(`SELECT person_id, dedupe_key FROM notification WHERE kind = 'review.unanswered' AND subject_id = $1 AND status <> 'cancelled' ORDER BY dedupe_key`, [roundId]);
      expect(reminded.map((r: { person_id: string }) => r.person_id)).toEqual([w.member2.id, w.member2.id]);
      expect(reminded.map((r: { dedupe_key: string }) => r.dedupe_key.split(':')[3])).toEqual(['0', '3']);

      // Every named reviewer sees the whole matrix, answered or not.
      const member2View = await ok(t, w.member2.token, `query($id: ID!) { reviewRound(id: $id) { comments { number } } }`, { id: roundId });
      expect(member2View.reviewRound.comments).toHaveLength(3);
    });

    it('records the secretariat’s responses, exports the matrix as XLSX and CSV, and closes with an outcome', async () => {
      const comments = await ok(t, w.secretariat.token, `query($id: ID!) { reviewRound(id: $id) { comments { id number } } }`, { id: roundId });
      const ids = comments.reviewRound.comments.map((c: { id: string }) => c.id);
      const respond = (commentId: string, response: string, decision: string, token = w.secretariat.token) =>
        t.gql(`mutation($input: RespondToCommentInput!) { respondToReviewComment(input: $input) { response decision decisionLabel } }`, { input: { commentId, response, decision } }, { token });
      expect((await respond(ids[0], 'Ändrat i avsnitt 3.2.', 'PARTLY')).data?.respondToReviewComment).toEqual({ response: 'Ändrat i avsnitt 3.2.', decision: 'PARTLY', decisionLabel: 'delvis beaktad' });
      expect((await respond(ids[1], '-1 ingen ändring', 'REJECTED')).errors).toBeUndefined();
      expect((await respond(ids[2], 'x', 'ACCEPTED', w.member.token)).errors?.[0].extensions.code).toBe('FORBIDDEN');
      expect((await respond(ids[2], 'x', 'MAYBE')).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');

      const xlsx = await t.http(`/review-rounds/${roundId}/comment-matrix.xlsx`, { headers: { authorization: `Bearer ${w.secretariat.token}`, 'accept-language': 'sv' } });
      expect(xlsx.status).toBe(200);
      expect(xlsx.headers.get('content-type')).toContain('spreadsheetml.sheet');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
      const sheet = book.getWorksheet('Synpunktsmatris')!;
      const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
      expect(values(1)).toEqual(['Nr', 'Organisation', 'Granskare', 'Avsnitt/sida/rad', 'Synpunkt', 'Förslag till formulering', 'Sekretariatets svar', 'Beslut']);
      const [orgA] = await t.db.query(`SELECT name FROM organisation WHERE id = $1`, [w.orgA]);
      const [member] = await t.db.query(`SELECT full_name FROM person WHERE id = $1`, [w.member.id]);
      expect(values(2)).toEqual([1, orgA.name, member.full_name, 'Avsnitt 3.2', 'Kapaciteten i regionerne er undervurderet.', 'Kapaciteten skal øges med 20 %.', 'Ändrat i avsnitt 3.2.', 'delvis beaktad']);
      expect(values(3).slice(3, 5)).toEqual(['Sida 12', '=cmd|" /C calc"!A0']);
      expect(sheet.getRow(3).getCell(5).type).toBe(ExcelJS.ValueType.String);
      expect(sheet.rowCount).toBe(4);

      const csv = await t.http(`/review-rounds/${roundId}/comment-matrix.csv`, { headers: { authorization: `Bearer ${w.secretariat.token}`, 'accept-language': 'en' } });
      expect(csv.status).toBe(200);
      const lines = (await csv.text()).replace(/^\ufeff/, '').trim().split('\r\n');
      expect(lines[0]).toBe('No.,Organisation,Reviewer,Section/page/line,Comment,Proposed wording,Secretariat’s response,Decision');
      expect(lines[2]).toBe(`2,${orgA.name},${member.full_name},Page 12,"'=cmd|"" /C calc""!A0",,'-1 ingen ändring,rejected`);
      expect(lines[3]).toBe(`3,${orgA.name},${member.full_name},General,'+ generelt: god rapport,,,`);
      // Reviewers answer in the round but do not take the matrix away; commissioners read it (they see every deliverable).
      expect((await t.http(`/review-rounds/${roundId}/comment-matrix.csv`, { headers: { authorization: `Bearer ${w.member.token}` } })).status).toBe(403);
      expect((await t.http(`/review-rounds/${roundId}/comment-matrix.xlsx`, { headers: { authorization: `Bearer ${w.commissioner.token}` } })).status).toBe(200);

      const close = (outcome: string, token = w.secretariat.token) =>
        t.gql(`mutation($input: CloseReviewRoundInput!) { closeReviewRound(input: $input) { status outcome closedAt deliverable { status } } }`, { input: { roundId, outcome, note: 'Omarbetas' } }, { token });
      expect((await close('APPROVED', w.member.token)).errors?.[0].extensions.code).toBe('FORBIDDEN');
      const closed = await close('CHANGES_REQUESTED');
      expect(closed.data?.closeReviewRound).toMatchObject({ status: 'CLOSED', outcome: 'CHANGES_REQUESTED', deliverable: { status: 'IN_PROGRESS' } });
      expect((await close('APPROVED')).errors?.[0].extensions.code).toBe('CONFLICT');

      // Too late: a named reviewer's answer after the round closed is refused, and nothing is stored.
      const late = await t.gql(`mutation($input: AnswerReviewInput!) { answerReview(input: $input) { verdict } }`, { input: { roundId, verdict: 'APPROVE', comments: [{ body: 'sent' }] } }, { token: w.member2.token });
      expect(late.errors?.[0].extensions.code).toBe('CONFLICT');
      expect((await t.db.query(`SELECT count(*)::int AS count FROM review_answer WHERE round_id = $1`, [roundId]))[0].count).toBe(1);
      expect((await t.db.query(`SELECT count(*)::int AS count FROM review_comment WHERE round_id = $1`, [roundId]))[0].count).toBe(3);
      // The database refuses it too, and the reminders of the closed round are cancelled.
      await expect(t.db.query(`INSERT INTO review_answer (round_id, person_id, verdict) VALUES ($1, $2, 'approve')`, [roundId, w.member2.id])).rejects.toThrow(/closed/);
      await t.app.get(ReminderEngine).run();
      const owed = await t.db.query(`SELECT count(*)::int AS count FROM notification WHERE kind = 'review.unanswered' AND subject_id = $1 AND status = 'owed'`, [roundId]);
      expect(owed[0].count).toBe(0);
      // A responded comment can still be answered after closing; the audit trail has every step.
      expect((await respond(ids[2], 'Tack!', 'ACCEPTED')).errors).toBeUndefined();
      const trail = await t.db.query(`SELECT action FROM audit_event WHERE entity = 'review_round' AND entity_id = $1 ORDER BY id`, [roundId]);
      expect(trail.map((e: { action: string }) => e.action)).toEqual(['open', 'answer', 'close']);
    });

    it('approves in a second round on a new version, moving the deliverable to approved', async () => {
      const v2 = (await upload(deliverableId, Buffer.concat([PDF, Buffer.from('% v2\n')]), 'rapport v2.pdf', w.secretariat.token)).body;
      expect(v2.number).toBe(2);
      const opened = await ok(t, w.secretariat.token, `mutation($input: OpenReviewRoundInput!) { openReviewRound(input: $input) { id version { number } } }`, { input: { versionId: v2.id, deadline: inDays(5), reviewerIds: [w.member2.id] } });
      expect(opened.openReviewRound.version.number).toBe(2);
      await ok(t, w.member2.token, `mutation($input: AnswerReviewInput!) { answerReview(input: $input) { verdict } }`, { input: { roundId: opened.openReviewRound.id, verdict: 'APPROVE' } });
      const closed = await ok(t, w.secretariat.token, `mutation($input: CloseReviewRoundInput!) { closeReviewRound(input: $input) { deliverable { status allowedTransitions reviewRounds { outcome } } } }`, { input: { roundId: opened.openReviewRound.id, outcome: 'APPROVED' } });
      expect(closed.closeReviewRound.deliverable).toEqual({ status: 'APPROVED', allowedTransitions: ['IN_PROGRESS', 'DELIVERED', 'CANCELLED'], reviewRounds: [{ outcome: 'CHANGES_REQUESTED' }, { outcome: 'APPROVED' }] });
    });
  });
});
