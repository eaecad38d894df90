import { INestApplicationContext } from '@nestjs/common';
import { DateTime } from 'luxon';
import { decodeJwt } from 'jose';
import { NotificationSweep } from '@samverkan/notifications';
import { TestApp, startTestAppWithLinks } from '../harness/test-app';
import { ok } from '../harness/structure-fixtures';
import { startTestWorker } from '../harness/test-worker';
import { GroupFixture, createMeeting, groupWithMembers, mailsTo } from '../harness/meeting-fixtures';
import { createDeliverable, DeliverableWorld, deliverableWorld, inDays, setStatus } from '../harness/deliverable-fixtures';
import { MailBrowser, PageResponse, actionLinks, heading, mailTo } from '../harness/mail-browser';

/** 10:00–12:00 Copenhagen time, `days` days from now. */
function slot(days: number, hour = 10) {
  const start = DateTime.now().setZone('Europe/Copenhagen').plus({ days }).set({ hour, minute: 0, second: 0, millisecond: 0 });
  return { startsAt: start.toUTC().toISO(), endsAt: start.plus({ hours: 2 }).toUTC().toISO() };
}

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const INVITATIONS = `query($id: ID!) { meeting(id: $id) { sequence invitations { id rsvp substituteName substitute { fullName } person { id } } } }`;
const MAIL_ANSWERS = `query($id: ID!) { mailAnswers(commissionId: $id, first: 50) { edges { node { action actionLabel subjectId person { id } answerJson answerText } } } }`;

function tokenOf(url: string): string {
  return new URL(url).pathname.split('/').pop()!;
}

function hiddenCsrf(html: string): string {
  return /name="_csrf" value="([^"]+)"/.exec(html)![1];
}

/** Whether the radio `name` with `value` is preselected on the page. */
function checked(page: PageResponse, name: string, value: string): boolean {
  return new RegExp(`name="${name}" value="${value}" checked`).test(page.html);
}

describe('more actions from the mail: RSVP, minutes approval, review answers', () => {
  let t: TestApp;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    t = await startTestAppWithLinks();
    worker = await startTestWorker(t);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  describe('RSVP from the meeting invitation', () => {
    let g: GroupFixture;
    beforeAll(async () => {
      g = await groupWithMembers(t);
    });

    const invitationOf = async (meetingId: string, personId: string) =>
      (await ok(t, g.secretariat.token, INVITATIONS, { id: meetingId })).meeting.invitations.find((i: { person: { id: string } }) => i.person.id === personId);

    it('puts four answers in the invitation; GET changes nothing; POST answers as rsvp does, and may be repeated', async () => {
      const { createMeeting: created } = await createMeeting(t, g.secretariat.token, { workingGroupId: g.groupId, title: 'Møde om kortlægning', place: 'NGC, Ole Maaløes Vej 3', ...slot(30) });
      const meetingId = created.meeting.id;
      const bo = g.members[1];
      const [mail] = await mailsTo(t, bo.email, /^Invitation: Møde om kortlægning/);
      const buttons = actionLinks(mail);
      expect(buttons.map((b) => b.label)).toEqual(['Jeg kommer', 'Jeg kommer ikke', 'Måske', 'Min suppleant kommer']);
      // One link behind the four buttons; each preselects its answer.
      expect(new Set(buttons.map((b) => tokenOf(b.url))).size).toBe(1);
      expect(buttons.map((b) => new URL(b.url).searchParams.get('answer'))).toEqual(['yes', 'no', 'maybe', 'substitute']);
      expect(mail.parsed.text).toContain(buttons[0].url);
      // The substitute is informed, not asked: no buttons.
      const [informed] = await mailsTo(t, g.substitute.email, /Møde om kortlægning/);
      expect(actionLinks(informed)).toEqual([]);

      const browser = new MailBrowser();
      const form = await browser.get(buttons[1].url);
      expect(form.status).toBe(200);
      expect(form.html).toContain('<html lang="da">');
      expect(heading(form.html)).toBe('Svar: Møde om kortlægning');
      expect(form.html).toContain('Sted: NGC, Ole Maaløes Vej 3');
      expect(form.html).toContain('Dit svar indtil nu: ikke svaret.');
      expect(checked(form, 'answer', 'no')).toBe(true);
      expect(checked(form, 'answer', 'yes')).toBe(false);
      expect((await invitationOf(meetingId, bo.id)).rsvp).toBe('PENDING');

      const no = await browser.submit(buttons[1].url, form, { answer: 'no' });
      expect(no.status).toBe(200);
      expect(heading(no.html)).toBe('Tak, dit svar er registreret');
      const invitation = await invitationOf(meetingId, bo.id);
      expect(invitation.rsvp).toBe('NO');

      // Not single use: the same link changes the answer.
      const again = await browser.get(buttons[2].url);
      expect(again.status).toBe(200);
      expect(again.html).toContain('Dit svar indtil nu: kommer ikke.');
      expect((await browser.submit(buttons[2].url, again, { answer: 'maybe' })).status).toBe(200);
      expect((await invitationOf(meetingId, bo.id)).rsvp).toBe('MAYBE');

      // Audited as the invitee, from the mail link; the secretariat sees both answers.
      const trail = await ok(t, g.admin.token, `query($id: String!) { auditTrail(entity: "invitation", entityId: $id) { action actorPersonId origin } }`, { id: invitation.id });
      const origin = `mail-link:meeting.rsvp:${decodeJwt(tokenOf(buttons[0].url)).jti}`;
      expect(trail.auditTrail).toEqual([
        { action: 'rsvp', actorPersonId: bo.id, origin },
        { action: 'rsvp', actorPersonId: bo.id, origin },
      ]);
      const answers = (await ok(t, g.secretariat.token, MAIL_ANSWERS, { id: g.commissionId })).mailAnswers.edges.map((e: any) => e.node).filter((n: any) => n.subjectId === meetingId);
      expect(answers.map((a: any) => [a.action, a.person.id, JSON.parse(a.answerJson)])).toEqual([
        ['meeting.rsvp', bo.id, { answer: 'maybe', substituteNamed: false }],
        ['meeting.rsvp', bo.id, { answer: 'no', substituteNamed: false }],
      ]);
      expect(answers[0].actionLabel).toBe('Svar på mötesinbjudan');
      // What the mail log shows: the answer in the secretariat's language.
      expect(answers.map((a: any) => a.answerText)).toEqual(['Kanske', 'Kommer inte']);
    });

    it('takes "my substitute attends" with the seat’s substitute or a named one, validated as rsvp validates', async () => {
      const { createMeeting: created } = await createMeeting(t, g.secretariat.token, { workingGroupId: g.groupId, title: 'Möte om utbildning', ...slot(31) });
      const meetingId = created.meeting.id;
      const anna = g.members[0];
      const cleo = g.members[2];

      // Anna's seat has a substitute: the page names him, and an empty name means he comes.
      const annaButtons = actionLinks((await mailsTo(t, anna.email, /^Inbjudan: Möte om utbildning/))[0]);
      expect(annaButtons[3].label).toBe('Min ersättare kommer');
      const browser = new MailBrowser();
      const annaForm = await browser.get(annaButtons[3].url);
      expect(annaForm.html).toContain('<html lang="sv">');
      expect(annaForm.html).toContain('Lämna tomt om platsens ersättare Sune Suppleant kommer.');
      expect(checked(annaForm, 'answer', 'substitute')).toBe(true);
      expect((await browser.submit(annaButtons[3].url, annaForm, { answer: 'substitute' })).status).toBe(200);
      expect(await invitationOf(meetingId, anna.id)).toMatchObject({ rsvp: 'SUBSTITUTE', substitute: { fullName: 'Sune Suppleant' }, substituteName: null });

      // Cleo's seat has none: without a name the service refuses it on the form, in English, and nothing is written.
      const cleoButtons = actionLinks((await mailsTo(t, cleo.email, /^Invitation: Möte om utbildning/))[0]);
      expect(cleoButtons.map((b) => b.label)).toEqual(['I will attend', 'I will not attend', 'Maybe', 'My substitute attends']);
      const cleoForm = await browser.get(cleoButtons[3].url);
      const refused = await browser.submit(cleoButtons[3].url, cleoForm, { answer: 'substitute', substituteName: '  ' });
      expect(refused.status).toBe(400);
      expect(refused.html).toContain('class="error-summary"');
      expect((await invitationOf(meetingId, cleo.id)).rsvp).toBe('PENDING');
      // No answer chosen: shown at the field.
      const none = await browser.submit(cleoButtons[3].url, cleoForm, {});
      expect(none.status).toBe(400);
      expect(none.html).toContain('<a href="#f-answer">Check the field Your answer.</a>');
      // "pending" is not an answer, whatever is posted.
      expect((await browser.submit(cleoButtons[3].url, cleoForm, { answer: 'pending' })).status).toBe(400);
      expect((await invitationOf(meetingId, cleo.id)).rsvp).toBe('PENDING');

      const named = await browser.submit(cleoButtons[3].url, cleoForm, { answer: 'substitute', substituteName: 'Dorte Dahl' });
      expect(named.status).toBe(200);
      expect(await invitationOf(meetingId, cleo.id)).toMatchObject({ rsvp: 'SUBSTITUTE', substituteName: 'Dorte Dahl' });
    });

    it('stops working when the time or place changes (the SEQUENCE grows) and when the meeting is cancelled; altered and foreign links change nothing', async () => {
      const { createMeeting: created } = await createMeeting(t, g.secretariat.token, { workingGroupId: g.groupId, title: 'Møde om budget', place: 'Lokale 1', ...slot(32) });
      const meetingId = created.meeting.id;
      const bo = g.members[1];
      const [first] = actionLinks((await mailsTo(t, bo.email, /^Invitation: Møde om budget/))[0]);
      const browser = new MailBrowser();
      const form = await browser.get(first.url);
      expect(form.status).toBe(200);

      // Altered (the link made out to another person) and foreign (another person's link used on another meeting): refused, nothing written.
      const [header, payload, signature] = tokenOf(first.url).split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      const asAnna = `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: g.members[0].id })).toString('base64url')}.${signature}`;
      const altered = await browser.post(`${t.url}/mail-actions/${asAnna}`, { _csrf: hiddenCsrf(form.html), answer: 'yes' });
      expect(altered.status).toBe(400);
      expect(heading(altered.html)).toBe('Linket virker ikke');
      expect((await invitationOf(meetingId, g.members[0].id)).rsvp).toBe('PENDING');

      // The place changes: SEQUENCE 1, everyone is asked again, the old link is refused, GET and POST.
      await ok(t, g.secretariat.token, `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { meeting { sequence } } }`, { input: { id: meetingId, place: 'Lokale 2' } });
      const stale = await browser.get(first.url);
      expect(stale.status).toBe(410);
      expect(heading(stale.html)).toBe('Linket gælder ikke længere');
      expect((await browser.post(first.url, { _csrf: hiddenCsrf(form.html), answer: 'yes' })).status).toBe(410);
      expect((await invitationOf(meetingId, bo.id)).rsvp).toBe('PENDING');

      // The update mail carries a new link that works.
      const [update] = await mailsTo(t, bo.email, /^Ændret: Møde om budget/);
      const fresh = actionLinks(update);
      expect(fresh).toHaveLength(4);
      expect(tokenOf(fresh[0].url)).not.toBe(tokenOf(first.url));
      const freshForm = await browser.get(fresh[0].url);
      expect(freshForm.html).toContain('Sted: Lokale 2');
      expect((await browser.submit(fresh[0].url, freshForm, { answer: 'yes' })).status).toBe(200);
      expect((await invitationOf(meetingId, bo.id)).rsvp).toBe('YES');

      // Cancelled: the link stops working; the cancellation carries no buttons.
      await ok(t, g.secretariat.token, `mutation($id: ID!) { cancelMeeting(id: $id) { status } }`, { id: meetingId });
      const cancelled = await browser.get(fresh[0].url);
      expect(cancelled.status).toBe(410);
      expect((await browser.post(fresh[0].url, { _csrf: hiddenCsrf(freshForm.html), answer: 'no' })).status).toBe(410);
      expect((await invitationOf(meetingId, bo.id)).rsvp).toBe('YES');
      const [cancelMail] = await mailsTo(t, bo.email, /^Aflyst: Møde om budget/);
      expect(actionLinks(cancelMail)).toEqual([]);
    });

    it('refuses an expired link', async () => {
      const realNow = Date.now();
      jest.useFakeTimers({ now: realNow - 15 * 86_400_000, advanceTimers: true, doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'] });
      let meetingId: string;
      try {
        meetingId = (await createMeeting(t, g.secretariat.token, { workingGroupId: g.groupId, title: 'Old invitation', ...slot(40) })).createMeeting.meeting.id;
      } finally {
        jest.useRealTimers();
      }
      const cleo = g.members[2];
      const [button] = actionLinks((await mailsTo(t, cleo.email, /^Invitation: Old invitation/))[0]);
      const browser = new MailBrowser();
      const page = await browser.get(button.url);
      expect(page.status).toBe(410);
      expect(heading(page.html)).toBe('The link has expired');
      expect((await browser.post(button.url, { answer: 'yes' })).status).toBe(410);
      expect((await invitationOf(meetingId, cleo.id)).rsvp).toBe('PENDING');
    });
  });

  describe('minutes approval by an adjuster', () => {
    let g: GroupFixture;
    beforeAll(async () => {
      g = await groupWithMembers(t);
    });

    it('the approval request carries "Approve the minutes"; once per link; closed when approved through the API', async () => {
      const { createMeeting: created } = await createMeeting(t, g.secretariat.token, { workingGroupId: g.groupId, title: 'Møde i marts', ...slot(-3) });
      const meetingId = created.meeting.id;
      const saved = await ok(t, g.secretariat.token, `mutation($input: SaveMinutesInput!) { saveMinutes(input: $input) { id } }`, {
        input: { meetingId, body: 'Mødet blev åbnet kl. 10.', decisions: [{ text: 'Kortlægningen godkendes.' }], notes: [], actionItems: [], conflictsOfInterest: [] },
      });
      const minutesId = saved.saveMinutes.id;
      await ok(t, g.secretariat.token, `mutation($input: SendMinutesForApprovalInput!) { sendMinutesForApproval(input: $input) { status } }`, {
        input: { minutesId, adjusterIds: [g.chair.id, g.members[0].id] },
      });
      await worker.get(NotificationSweep).sweep();
      const chairMail = await mailTo(t.smtp, g.chair.email, /Referat til godkendelse: Møde i marts/);
      const annaMail = await mailTo(t.smtp, g.members[0].email, /Protokoll att justera: Møde i marts/);
      const [button] = actionLinks(chairMail);
      expect(actionLinks(chairMail).map((b) => b.label)).toEqual(['Godkend referatet']);
      expect(chairMail.parsed.text).toContain(button.url);
      const [annaButton] = actionLinks(annaMail);
      expect(annaButton.label).toBe('Justera protokollet');
      // Not an adjuster: not asked.
      expect(t.smtp.to(g.members[2].email).filter((m) => /Minutes to approve/.test(m.parsed.subject ?? ''))).toEqual([]);

      const read = `query($id: ID!) { meeting(id: $id) { minutes { status adjusters { person { id } approvedAt } } } }`;
      const approvedAt = async (personId: string) =>
        (await ok(t, g.secretariat.token, read, { id: meetingId })).meeting.minutes.adjusters.find((a: { person: { id: string } }) => a.person.id === personId).approvedAt;

      const browser = new MailBrowser();
      const form = await browser.get(button.url);
      expect(form.status).toBe(200);
      expect(form.html).toContain('<html lang="da">');
      expect(heading(form.html)).toBe('Godkend referatet: Møde i marts');
      expect(form.html).toContain('Beslutning 1: Kortlægningen godkendes.');
      expect(await approvedAt(g.chair.id)).toBeNull();

      const done = await browser.submit(button.url, form, {});
      expect(done.status).toBe(200);
      expect(heading(done.html)).toBe('Tak, dit svar er registreret');
      expect(await approvedAt(g.chair.id)).not.toBeNull();
      expect((await ok(t, g.secretariat.token, read, { id: meetingId })).meeting.minutes.status).toBe('IN_APPROVAL');
      const trail = await ok(t, g.admin.token, `query($id: String!) { auditTrail(entity: "minutes", entityId: $id) { action actorPersonId origin } }`, { id: minutesId });
      expect(trail.auditTrail.filter((e: { action: string }) => e.action === 'approve')).toEqual([
        { action: 'approve', actorPersonId: g.chair.id, origin: `mail-link:minutes.approve:${decodeJwt(tokenOf(button.url)).jti}` },
      ]);

      // Replayed: single use.
      const replay = await browser.get(button.url);
      expect(replay.status).toBe(409);
      expect(heading(replay.html)).toBe('Du har allerede svaret');
      expect((await browser.post(button.url, { _csrf: hiddenCsrf(form.html) })).status).toBe(409);

      // Foreign: Anna's link in the chair's browser, made out to a non-adjuster: the signature breaks.
      const annaForm = await browser.get(annaButton.url);
      expect(annaForm.status).toBe(200);
      const [header, payload, signature] = tokenOf(annaButton.url).split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: g.members[2].id })).toString('base64url')}.${signature}`;
      expect((await browser.post(`${t.url}/mail-actions/${forged}`, { _csrf: hiddenCsrf(annaForm.html) })).status).toBe(400);

      // Anna approves through the API instead: the minutes are approved, and her link is closed.
      expect((await ok(t, g.members[0].token, `mutation($id: ID!) { approveMinutes(minutesId: $id) { status } }`, { id: minutesId })).approveMinutes.status).toBe('APPROVED');
      const closed = await browser.get(annaButton.url);
      expect(closed.status).toBe(409);
      expect(heading(closed.html)).toBe('Det går inte längre att svara');
      expect((await browser.post(annaButton.url, { _csrf: hiddenCsrf(annaForm.html) })).status).toBe(409);
    });
  });

  describe('review answers from the review-round invitation', () => {
    let w: DeliverableWorld;
    beforeAll(async () => {
      w = await deliverableWorld(t);
    });

    async function openRound(title: string): Promise<string> {
      const d = await createDeliverable(t, w.secretariat.token, { commissionId: w.commissionId, workingGroupId: w.groupId, title });
      await setStatus(t, w.secretariat.token, d.id, 'IN_PROGRESS');
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), 'rapport.pdf');
      const uploaded = await t.http(`/deliverables/${d.id}/versions`, { method: 'POST', body: form, headers: { authorization: `Bearer ${w.secretariat.token}` } });
      expect(uploaded.status).toBe(201);
      const versionId = ((await uploaded.json()) as { id: string }).id;
      const opened = await ok(t, w.secretariat.token, `mutation($input: OpenReviewRoundInput!) { openReviewRound(input: $input) { id } }`, {
        input: { versionId, deadline: inDays(10), reviewerIds: [w.member.id, w.member2.id] },
      });
      return opened.openReviewRound.id;
    }

    const ROUND = `query($id: ID!) { reviewRound(id: $id) { status answers { verdict summary person { id } } comments { anchorKind anchor body proposedWording reviewer { id } } } }`;

    it('approve, request changes or comment with an anchored comment; single use; validated as answerReview; audited', async () => {
      const roundId = await openRound('Rapport om data');
      const mail = await mailTo(t.smtp, w.member.email, /^Høring: Rapport om data/);
      const buttons = actionLinks(mail);
      expect(buttons.map((b) => b.label)).toEqual(['Godkend', 'Ønsk ændringer', 'Kommentér']);
      expect(new Set(buttons.map((b) => tokenOf(b.url))).size).toBe(1);

      const browser = new MailBrowser();
      const form = await browser.get(buttons[1].url);
      expect(form.status).toBe(200);
      expect(form.html).toContain('<html lang="da">');
      expect(heading(form.html)).toBe('Høring: Rapport om data (version 1)');
      expect(checked(form, 'verdict', 'request_changes')).toBe(true);
      expect((await ok(t, w.secretariat.token, ROUND, { id: roundId })).reviewRound.answers).toEqual([]);

      // A page anchor without the page: refused as answerReview refuses it, on the form, nothing written.
      const noAnchor = await browser.submit(buttons[1].url, form, { verdict: 'request_changes', anchorKind: 'page', body: 'Tabellen er uklar.' });
      expect(noAnchor.status).toBe(400);
      expect(noAnchor.html).toContain('class="error-summary"');
      expect(noAnchor.html).toContain('Tabellen er uklar.');
      // An anchor without a text: shown at the text's field.
      const noText = await browser.submit(buttons[1].url, form, { verdict: 'request_changes', anchorKind: 'section', anchor: '3.2' });
      expect(noText.status).toBe(400);
      expect(noText.html).toContain('<a href="#f-body">Kontrollér feltet Din kommentar.</a>');
      expect((await ok(t, w.secretariat.token, ROUND, { id: roundId })).reviewRound.answers).toEqual([]);

      const done = await browser.submit(buttons[1].url, form, {
        verdict: 'request_changes',
        summary: 'Regionerne savner økonomien.',
        anchorKind: 'section',
        anchor: '3.2',
        body: 'Kapaciteten er undervurderet.',
        proposedWording: 'Kapaciteten skal øges med 20 %.',
      });
      expect(done.status).toBe(200);
      const round = (await ok(t, w.secretariat.token, ROUND, { id: roundId })).reviewRound;
      expect(round.answers).toEqual([{ verdict: 'REQUEST_CHANGES', summary: 'Regionerne savner økonomien.', person: { id: w.member.id } }]);
      expect(round.comments).toEqual([{ anchorKind: 'SECTION', anchor: '3.2', body: 'Kapaciteten er undervurderet.', proposedWording: 'Kapaciteten skal øges med 20 %.', reviewer: { id: w.member.id } }]);

      const trail = await ok(t, w.admin.token, `query($id: String!) { auditTrail(entity: "review_round", entityId: $id) { action actorPersonId origin } }`, { id: roundId });
      expect(trail.auditTrail.filter((e: { action: string }) => e.action === 'answer')).toEqual([
        { action: 'answer', actorPersonId: w.member.id, origin: `mail-link:review.answer:${decodeJwt(tokenOf(buttons[0].url)).jti}` },
      ]);
      const answers = (await ok(t, w.secretariat.token, MAIL_ANSWERS, { id: w.commissionId })).mailAnswers.edges.map((e: any) => e.node).filter((n: any) => n.subjectId === roundId);
      expect(answers.map((a: any) => [a.action, a.actionLabel, a.person.id, JSON.parse(a.answerJson)])).toEqual([
        ['review.answer', 'Granskningssvar', w.member.id, { verdict: 'request_changes', comments: 1 }],
      ]);
      expect(answers[0].answerText).toBe('Begär ändringar, 1 synpunkt');

      // Another button of the same mail is the same link: used.
      const replay = await browser.get(buttons[0].url);
      expect(replay.status).toBe(409);
      expect((await browser.post(buttons[0].url, { _csrf: hiddenCsrf(form.html), verdict: 'approve' })).status).toBe(409);
      expect((await ok(t, w.secretariat.token, ROUND, { id: roundId })).reviewRound.answers).toHaveLength(1);
    });

    it('a plain approval from the English mail; refused after the round closed', async () => {
      const roundId = await openRound('Report on skills');
      const [approve] = actionLinks(await mailTo(t.smtp, w.member2.email, /^Please review: Report on skills/));
      expect(approve.label).toBe('Approve');
      const browser = new MailBrowser();
      const form = await browser.get(approve.url);
      expect(form.html).toContain('<html lang="en">');
      expect(checked(form, 'verdict', 'approve')).toBe(true);
      expect((await browser.submit(approve.url, form, { verdict: 'approve' })).status).toBe(200);
      expect((await ok(t, w.secretariat.token, ROUND, { id: roundId })).reviewRound).toMatchObject({ answers: [{ verdict: 'APPROVE', summary: null, person: { id: w.member2.id } }], comments: [] });

      // The Danish reviewer's link, once the secretariat closed the round.
      const [danish] = actionLinks(await mailTo(t.smtp, w.member.email, /^Høring: Report on skills/));
      const danishForm = await browser.get(danish.url);
      expect(danishForm.status).toBe(200);
      await ok(t, w.secretariat.token, `mutation($input: CloseReviewRoundInput!) { closeReviewRound(input: $input) { status } }`, { input: { roundId, outcome: 'APPROVED' } });
      const closed = await browser.get(danish.url);
      expect(closed.status).toBe(409);
      expect(heading(closed.html)).toBe('Det er ikke længere muligt at svare');
      expect((await browser.submit(danish.url, danishForm, { verdict: 'comment', body: 'For sent' })).status).toBe(409);
      expect((await ok(t, w.secretariat.token, ROUND, { id: roundId })).reviewRound.answers).toHaveLength(1);
    });
  });
});
