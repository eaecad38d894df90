import { createHmac } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { SignJWT, decodeJwt } from 'jose';
import { TestApp, startTestAppWithLinks } from '../harness/test-app';
import { createPerson, signedInPerson } from '../harness/factories';
import { allocation, commission, CommissionFixture, group, ok, organisation } from '../harness/structure-fixtures';
import { startTestWorker } from '../harness/test-worker';
import { MailBrowser, actionLinks, heading, mailTo } from '../harness/mail-browser';

const REQUESTS = `query($id: ID!) { workingGroup(id: $id) { allocations { id nominationRequests { id status deadline
  nominations { id compliesWithGenderRule genderRuleReason candidates { fullName } } } } } }`;

describe('actions from the mail (signed links and their pages)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let c: CommissionFixture;

  beforeAll(async () => {
    t = await startTestAppWithLinks();
    worker = await startTestWorker(t);
    c = await commission(t);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  /** A group with one allocation under the gender rule, and a nomination request mailed to a Danish contact. */
  async function requestedNomination(options: { genderPair?: boolean; locale?: string; seats?: number } = {}) {
    const suffix = Math.random().toString(36).slice(2, 7);
    const groupId = await group(t, c.secretariat.token, c.commissionId, { name: `Arbejdsgruppe ${suffix}` });
    const organisationName = `Lægeforeningen ${suffix}`;
    const orgId = await organisation(t, c.secretariat.token, { name: organisationName });
    const allocationId = await allocation(t, c.secretariat.token, groupId, orgId, options.seats ?? 1, { requiresGenderPair: options.genderPair ?? true });
    const contact = await createPerson(t.db, { fullName: 'Karen Holm', locale: options.locale ?? 'da', timeZone: 'Europe/Copenhagen', account: false });
    const data = await ok(t, c.secretariat.token, `mutation($input: RequestNominationInput!) { requestNomination(input: $input) { id } }`, {
      input: { allocationId, contactPersonId: contact.id, deadline: '2030-03-01', message: 'Vi ser gerne en praktiserende læge.' },
    });
    return { groupId, allocationId, contact, organisationName, requestId: data.requestNomination.id as string };
  }

  async function requestsOf(groupId: string) {
    return (await ok(t, c.secretariat.token, REQUESTS, { id: groupId })).workingGroup.allocations[0].nominationRequests;
  }

  describe('nomination reply', () => {
    it('mails the contact a Nominate button; GET shows the form and changes nothing; POST nominates as submitNomination does', async () => {
      const { groupId, contact, requestId } = await requestedNomination();
      const mail = await mailTo(t.smtp, contact.email, /Indstil til/);
      expect(mail.parsed.subject).toContain('1. marts 2030');
      const [button] = actionLinks(mail);
      expect(button.label).toBe('Indstil');
      expect(mail.parsed.text).toContain(button.url);
      // The secretariat sees the mail in its commission's mail log.
      const [{ commission_id }] = await t.db.query(`SELECT commission_id FROM mail_outbox WHERE dedupe_key = $1`, [`nomination-request:${requestId}`]);
      expect(commission_id).toBe(c.commissionId);

      const browser = new MailBrowser();
      const form = await browser.get(button.url);
      expect(form.status).toBe(200);
      expect(form.html).toContain('<html lang="da">');
      expect(heading(form.html)).toMatch(/^Indstilling til Arbejdsgruppe/);
      expect(form.html).toContain('Vi ser gerne en praktiserende læge.');
      expect(form.html).toContain('Du svarer som Karen Holm.');
      expect(form.headers.get('cache-control')).toBe('no-store');
      expect(form.headers.get('referrer-policy')).toBe('same-origin');
      expect(form.headers.get('content-security-policy')).toContain("default-src 'none'");
      // A second GET (a mail scanner, a preview) changes nothing either.
      expect((await browser.get(button.url)).status).toBe(200);
      expect((await requestsOf(groupId))[0]).toMatchObject({ status: 'SENT', nominations: [] });

      // One woman, no man and no reason: the gender rule refuses it, in Danish, and nothing is written.
      const refused = await browser.submit(button.url, form, { c1_name: 'Anne Lund', c1_email: 'anne@laeger.dk', c1_gender: 'woman' });
      expect(refused.status).toBe(400);
      expect(refused.html).toContain('Indstillingen skal omfatte lige mange kvinder og mænd (1 af hver)');
      expect(refused.html).toContain('value="Anne Lund"');
      expect((await requestsOf(groupId))[0].nominations).toEqual([]);

      // A bad address is shown at its field, with the field's label.
      const badEmail = await browser.submit(button.url, refused, { c1_name: 'Anne Lund', c1_email: 'not-an-address', c1_gender: 'woman', c2_name: 'Peter Dahl', c2_gender: 'man' });
      expect(badEmail.status).toBe(400);
      expect(badEmail.html).toMatch(/<a href="#f-c1_email">Kontrollér feltet E-mailadresse\.<\/a>/);
      expect(badEmail.html).toContain('aria-invalid="true"');

      const done = await browser.submit(button.url, form, { c1_name: 'Anne Lund', c1_email: 'anne@laeger.dk', c1_gender: 'woman', c2_name: 'Peter Dahl', c2_gender: 'man' });
      expect(done.status).toBe(200);
      expect(heading(done.html)).toBe('Tak, dit svar er registreret');

      const [request] = await requestsOf(groupId);
      expect(request.status).toBe('ANSWERED');
      expect(request.nominations).toHaveLength(1);
      expect(request.nominations[0]).toMatchObject({ compliesWithGenderRule: true, genderRuleReason: null, candidates: [{ fullName: 'Anne Lund' }, { fullName: 'Peter Dahl' }] });

      // The secretariat sees who answered from the mail…
      const answers = await ok(t, c.secretariat.token, `query($id: ID!) { mailAnswers(commissionId: $id, first: 50) { edges { node { action actionLabel subjectId person { id fullName } answerJson answerText } } } }`, { id: c.commissionId });
      const answer = answers.mailAnswers.edges.map((e: any) => e.node).find((n: any) => n.subjectId === requestId);
      expect(answer).toMatchObject({ action: 'nomination.reply', actionLabel: 'Nominering', person: { id: contact.id, fullName: 'Karen Holm' } });
      expect(JSON.parse(answer.answerJson)).toEqual({ candidates: 2, reasonGiven: false });
      expect(answer.answerText).toMatch(/^2 (kandidater|candidates)$/);
      // …and the audit trail marks the change as made from a mail link, by the contact.
      const trail = await ok(t, c.admin.token, `query($id: String!) { auditTrail(entity: "nomination", entityId: $id) { action actorPersonId origin } }`, { id: request.nominations[0].id });
      expect(trail.auditTrail).toEqual([{ action: 'submit', actorPersonId: contact.id, origin: `mail-link:nomination.reply:${decodeJwt(tokenOf(button.url)).jti}` }]);

      // Replayed: the link was single-use; a GET and a POST both get a clear page and change nothing.
      const replay = await browser.get(button.url);
      expect(replay.status).toBe(409);
      expect(heading(replay.html)).toBe('Du har allerede svaret');
      const again = await browser.post(button.url, { _csrf: hiddenCsrf(form.html), c1_name: 'Someone Else', c1_gender: 'man', reason: 'x' });
      expect(again.status).toBe(409);
      expect((await requestsOf(groupId))[0].nominations).toHaveLength(1);
    });

    it('takes a reason where the gender rule is not met, and records it', async () => {
      const { groupId, contact } = await requestedNomination({ locale: 'en' });
      const [button] = actionLinks(await mailTo(t.smtp, contact.email, /Nominate for/));
      expect(button.label).toBe('Nominate');
      const browser = new MailBrowser();
      const form = await browser.get(button.url);
      expect(form.html).toContain('<html lang="en">');
      const done = await browser.submit(button.url, form, { c1_name: 'Mette Berg', c1_gender: 'woman', reason: 'Only one specialist in the field.' });
      expect(done.status).toBe(200);
      expect((await requestsOf(groupId))[0].nominations[0]).toMatchObject({ compliesWithGenderRule: false, genderRuleReason: 'Only one specialist in the field.' });
    });

    it('links a person already in the register by address, showing the organisation nothing it did not type (issue 16)', async () => {
      const { groupId, contact } = await requestedNomination({ locale: 'en' });
      const known = await createPerson(t.db, { fullName: 'Dr. Registered Holm-Name', email: 'Known.Member@Example.org', gender: 'man', account: false });
      const [button] = actionLinks(await mailTo(t.smtp, contact.email, /Nominate for/));
      const browser = new MailBrowser();
      const form = await browser.get(button.url);
      // The same address twice (another case) is one person proposed twice: refused at the form, nothing written.
      const twice = await browser.submit(button.url, form, {
        c1_name: 'Mette Berg', c1_email: 'known.member@example.org', c1_gender: 'woman', c2_name: 'M. Berg', c2_email: 'KNOWN.member@example.org', c2_gender: 'man',
      });
      expect(twice.status).toBe(400);
      expect(twice.html).toContain('Candidate 2 is the same person as a candidate above.');
      expect(twice.html).not.toContain('Registered');
      expect((await requestsOf(groupId))[0]).toMatchObject({ status: 'SENT', nominations: [] });
      // The organisation types its own name and gender for the person; the register keeps its own.
      const done = await browser.submit(button.url, twice, { c1_name: 'Mette Berg', c1_email: 'known.member@example.org', c1_gender: 'woman', c2_name: 'Peter Dahl', c2_email: '', c2_gender: 'man' });
      expect(done.status).toBe(200);
      expect(heading(done.html)).toBe('Thank you, your answer is recorded');
      expect(done.html).not.toContain('Registered');
      expect(done.html).not.toContain('Known.Member');
      const [request] = await requestsOf(groupId);
      expect(request.status).toBe('ANSWERED');
      // The gender rule counted the genders the organisation gave (a woman and a man), not the register's.
      expect(request.nominations[0]).toMatchObject({ compliesWithGenderRule: true, candidates: [{ fullName: 'Dr. Registered Holm-Name' }, { fullName: 'Peter Dahl' }] });
      const people = await t.db.query(`SELECT id, full_name, gender FROM person WHERE lower(email) = 'known.member@example.org'`);
      expect(people).toEqual([{ id: known.id, full_name: 'Dr. Registered Holm-Name', gender: 'man' }]);
      const [candidate] = await t.db.query(`SELECT gender FROM nomination_candidate WHERE person_id = $1`, [known.id]);
      expect(candidate.gender).toBe('woman');
    });

    it('links a person already in the register when the secretariat records a nomination in GraphQL (issue 16)', async () => {
      const { groupId, requestId } = await requestedNomination({ genderPair: false });
      const known = await createPerson(t.db, { fullName: 'Anders Registreret', email: 'anders.registreret@example.dk', account: false });
      const submit = (candidates: Record<string, unknown>[]) =>
        t.gql(`mutation($input: SubmitNominationInput!) { submitNomination(input: $input) { id candidates { id fullName } } }`, { input: { requestId, candidates } }, { token: c.secretariat.token });
      const twice = await submit([{ personId: known.id }, { fullName: 'Anders R.', email: 'ANDERS.registreret@example.dk' }]);
      expect(twice.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect((await requestsOf(groupId))[0]).toMatchObject({ status: 'SENT', nominations: [] });
      const linked = await submit([{ fullName: 'Anders R.', email: 'Anders.Registreret@example.dk' }]);
      expect(linked.errors).toBeUndefined();
      expect(linked.data!.submitNomination.candidates).toEqual([{ id: known.id, fullName: 'Anders Registreret' }]);
      const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM person WHERE lower(email) = 'anders.registreret@example.dk'`);
      expect(count).toBe(1);
    });

    it('applies a concurrent double submit once', async () => {
      const { groupId, contact, requestId } = await requestedNomination({ genderPair: false, locale: 'sv' });
      const [button] = actionLinks(await mailTo(t.smtp, contact.email, /Nominera till/));
      const browser = new MailBrowser();
      const form = await browser.get(button.url);
      expect(form.html).not.toContain('c1_gender');
      const results = await Promise.all(Array.from({ length: 6 }, (_, i) => browser.submit(button.url, form, { c1_name: `Namn ${i}` })));
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
      const [request] = await requestsOf(groupId);
      expect(request.nominations).toHaveLength(1);
      const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM mail_link_use WHERE subject_id = $1`, [requestId]);
      expect(count).toBe(1);
    });

    it('refuses a POST without the page’s CSRF cookie or from another site, and changes nothing', async () => {
      const { groupId, contact } = await requestedNomination({ genderPair: false, locale: 'sv' });
      const [button] = actionLinks(await mailTo(t.smtp, contact.email, /Nominera till/));
      const browser = new MailBrowser();
      const form = await browser.get(button.url);
      const csrf = hiddenCsrf(form.html);

      const crossSite = await browser.post(button.url, { _csrf: csrf, c1_name: 'Eva' }, { origin: 'https://evil.example' });
      expect(crossSite.status).toBe(403);
      expect(heading(crossSite.html)).toBe('Formuläret kunde inte skickas');
      const stranger = new MailBrowser();
      const noCookie = await stranger.post(button.url, { _csrf: csrf, c1_name: 'Eva' });
      expect(noCookie.status).toBe(403);
      const noToken = await browser.post(button.url, { c1_name: 'Eva' });
      expect(noToken.status).toBe(403);
      expect((await requestsOf(groupId))[0]).toMatchObject({ status: 'SENT', nominations: [] });

      expect((await browser.submit(button.url, form, { c1_name: 'Eva' })).status).toBe(200);
    });

    it('gives altered, foreign, expired, revoked and closed links a clear page in the person’s language, changing nothing', async () => {
      const { groupId, contact, requestId } = await requestedNomination();
      const [button] = actionLinks(await mailTo(t.smtp, contact.email, /Indstil til/));
      const token = tokenOf(button.url);
      const browser = new MailBrowser();

      // Altered: another subject id in the payload breaks the signature.
      const [header, payload, signature] = token.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      const altered = `${header}.${Buffer.from(JSON.stringify({ ...claims, sid: crypto.randomUUID() })).toString('base64url')}.${signature}`;
      const alteredPage = await browser.get(`${t.url}/mail-actions/${altered}`);
      expect(alteredPage.status).toBe(400);
      expect(alteredPage.html).toContain('<html lang="da">');
      expect(heading(alteredPage.html)).toBe('Linket virker ikke');
      expect((await browser.post(`${t.url}/mail-actions/${altered}`, { c1_name: 'X' })).status).toBe(400);

      // Foreign: a JWT of ours made for another purpose (an access token), and one signed by someone else.
      const access = await browser.get(`${t.url}/mail-actions/${c.secretariat.token}`);
      expect(access.status).toBe(400);
      const otherKey = createHmac('sha256', 'someone-elses-secret-of-at-least-32-chars').update('x').digest();
      const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(otherKey);
      const forgedPage = await browser.get(`${t.url}/mail-actions/${forged}`);
      expect(forgedPage.status).toBe(400);
      expect(heading(forgedPage.html)).toBe('Linket virker ikke');
      expect((await browser.get(`${t.url}/mail-actions/not-a-token`)).status).toBe(400);

      // Revoked: the subject changed after the mail (a new deadline; no mutation moves it yet, so SQL does).
      await t.db.query(`UPDATE nomination_request SET deadline = '2030-04-01' WHERE id = $1`, [requestId]);
      const revoked = await browser.get(button.url);
      expect(revoked.status).toBe(410);
      expect(heading(revoked.html)).toBe('Linket gælder ikke længere');
      await t.db.query(`UPDATE nomination_request SET deadline = '2030-03-01' WHERE id = $1`, [requestId]);
      expect((await browser.get(button.url)).status).toBe(200);

      // The person's language as it is now: she switched to Swedish after the mail.
      await t.db.query(`UPDATE person SET locale = 'sv' WHERE id = $1`, [contact.id]);
      expect((await browser.get(button.url)).html).toContain('<html lang="sv">');

      // Closed: the secretariat recorded the nomination itself through the API.
      await ok(t, c.secretariat.token, `mutation($input: SubmitNominationInput!) { submitNomination(input: $input) { id } }`, {
        input: { requestId, candidates: [{ fullName: 'Ib Holm', gender: 'MAN' }], genderRuleReason: 'Telefonisk aftale' },
      });
      const closed = await browser.get(button.url);
      expect(closed.status).toBe(409);
      expect(heading(closed.html)).toBe('Det går inte längre att svara');
      expect((await requestsOf(groupId))[0].nominations).toHaveLength(1);
    });

    it('refuses an expired link with the date it expired', async () => {
      const realNow = Date.now();
      // The request (and its mail and link) made 15 days ago: the default lifetime is 14 days.
      jest.useFakeTimers({ now: realNow - 15 * 86_400_000, advanceTimers: true, doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'] });
      let made: Awaited<ReturnType<typeof requestedNomination>>;
      try {
        made = await requestedNomination({ locale: 'en', genderPair: false });
      } finally {
        jest.useRealTimers();
      }
      const [button] = actionLinks(await mailTo(t.smtp, made.contact.email, /Nominate for/));
      const browser = new MailBrowser();
      const page = await browser.get(button.url);
      expect(page.status).toBe(410);
      expect(heading(page.html)).toBe('The link has expired');
      const expiry = new Date((decodeJwt(tokenOf(button.url)).exp as number) * 1000);
      expect(expiry.getTime()).toBeLessThan(realNow);
      expect(page.html).toContain(String(expiry.getUTCFullYear()));
      expect((await browser.post(button.url, { c1_name: 'Late' })).status).toBe(410);
      expect((await requestsOf(made.groupId))[0]).toMatchObject({ status: 'SENT', nominations: [] });
    });
  });

  describe('vacancy notice', () => {
    it('mails the nominating organisation’s contact when a principal’s term is ended, with a Nominate link that works', async () => {
      const { groupId, allocationId, contact, requestId, organisationName } = await requestedNomination({ genderPair: false, locale: 'da' });
      await mailTo(t.smtp, contact.email, /Indstil til/);
      await ok(t, c.secretariat.token, `mutation($input: SubmitNominationInput!) { submitNomination(input: $input) { id } }`, {
        input: { requestId, candidates: [{ fullName: 'Jens Berg' }] },
      });
      const member = await createPerson(t.db, { fullName: 'Jens Berg', account: false });
      const appointed = await ok(t, c.secretariat.token, `mutation($input: AppointInput!) { appoint(input: $input) { id } }`, {
        input: { allocationId, personId: member.id, startsOn: '2024-01-01' },
      });
      await ok(t, c.secretariat.token, `mutation($input: EndAppointmentInput!) { endAppointment(input: $input) { id endsOn } }`, {
        input: { appointmentId: appointed.appoint.id, endsOn: '2029-06-30', reason: 'Fratræder' },
      });
      const notice = await mailTo(t.smtp, contact.email, /Ledig plads/);
      expect(notice.parsed.text).toContain(`Pladsen ${organisationName} 1 i Arbejdsgruppe`);
      expect(notice.parsed.text).toContain('1. juli 2029');
      const [button] = actionLinks(notice);
      expect(button.label).toBe('Indstil');

      const requests = await requestsOf(groupId);
      expect(requests.map((r: any) => r.status)).toEqual(['SENT', 'ANSWERED']);
      expect(requests[0].deadline).toBe('2029-07-31');
      const browser = new MailBrowser();
      const done = await browser.submit(button.url, await browser.get(button.url), { c1_name: 'Sofie Kragh', c1_email: 'sofie@laeger.dk' });
      expect(done.status).toBe(200);
      const after = await requestsOf(groupId);
      expect(after[0]).toMatchObject({ status: 'ANSWERED', nominations: [{ candidates: [{ fullName: 'Sofie Kragh' }] }] });

      // Ending the same term again with the same date writes no second notice.
      await ok(t, c.secretariat.token, `mutation($input: EndAppointmentInput!) { endAppointment(input: $input) { id } }`, {
        input: { appointmentId: appointed.appoint.id, endsOn: '2029-06-30', reason: 'Fratræder (rettet)' },
      });
      const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM mail_outbox WHERE dedupe_key LIKE $1`, [`seat.vacancy:${appointed.appoint.id}:%`]);
      expect(count).toBe(1);
    });
  });

  describe('the secretariat’s list of answers', () => {
    it('is for the secretariat only, and costs the same statements for 2 and 12 answers', async () => {
      const other = await commission(t, c.admin);
      const answer = async (n: number) => {
        for (let i = 0; i < n; i++) {
          const groupId = await group(t, other.secretariat.token, other.commissionId);
          const orgId = await organisation(t, other.secretariat.token);
          const allocationId = await allocation(t, other.secretariat.token, groupId, orgId, 1);
          const contact = await createPerson(t.db, { account: false });
          await ok(t, other.secretariat.token, `mutation($input: RequestNominationInput!) { requestNomination(input: $input) { id } }`, { input: { allocationId, contactPersonId: contact.id, deadline: '2030-01-01' } });
          const [button] = actionLinks(await mailTo(t.smtp, contact.email, /Nominera till/));
          const browser = new MailBrowser();
          expect((await browser.submit(button.url, await browser.get(button.url), { c1_name: `Kandidat ${i}` })).status).toBe(200);
        }
      };
      const query = `query($id: ID!) { mailAnswers(commissionId: $id, first: 50) { totalCount edges { node { action actionLabel at answerJson person { fullName } } } } }`;
      await answer(2);
      const small = await t.gql(query, { id: other.commissionId }, { token: other.secretariat.token });
      expect(small.data?.mailAnswers.totalCount).toBe(2);
      await answer(10);
      const large = await t.gql(query, { id: other.commissionId }, { token: other.secretariat.token });
      expect(large.data?.mailAnswers.totalCount).toBe(12);
      expect(large.extensions?.sqlStatements).toBe(small.extensions?.sqlStatements);

      const outsider = await signedInPerson(t);
      expect((await t.gql(query, { id: other.commissionId }, { token: outsider.token })).errors?.[0].extensions.code).toBe('NOT_FOUND');
      expect((await t.gql(query, { id: other.commissionId })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    });
  });
});

function tokenOf(url: string): string {
  return new URL(url).pathname.split('/').pop()!;
}

function hiddenCsrf(html: string): string {
  return /name="_csrf" value="([^"]+)"/.exec(html)![1];
}
