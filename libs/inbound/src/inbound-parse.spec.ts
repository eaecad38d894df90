import { autoReplyReason, parseDeliveryStatus, readCalendar, readMail } from './inbound-parse';
import { messageIdOf } from './inbound-store.service';

const crlf = (text: string) => Buffer.from(text.replace(/\r?\n/g, '\r\n'));

describe('reading inbound mail', () => {
  it('reads the per-recipient status of a DSN: 5.x.x hard, 4.x.x and delayed soft, delivered no bounce', () => {
    const body = `Reporting-MTA: dns; mx.example.org\n\nFinal-Recipient: rfc822; A@Example.org\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 user unknown\n\nFinal-Recipient: rfc822;b@example.org\nAction: delayed\nStatus: 4.4.1\n\nFinal-Recipient: rfc822; c@example.org\nAction: delivered\nStatus: 2.0.0\n`;
    expect(parseDeliveryStatus(body)).toEqual([
      expect.objectContaining({ recipient: 'a@example.org', kind: 'hard', status: '5.1.1', reason: '5.1.1 550 5.1.1 user unknown' }),
      expect.objectContaining({ recipient: 'b@example.org', kind: 'soft', status: '4.4.1' }),
    ]);
  });

  it('knows auto-replies by RFC 3834 and the usual headers, and a person’s mail by their absence', () => {
    const headers = (h: Record<string, string>) => (name: string) => h[name] ?? null;
    expect(autoReplyReason(headers({ 'auto-submitted': 'auto-replied' }))).toMatch(/Auto-Submitted/);
    expect(autoReplyReason(headers({ 'auto-submitted': 'no' }))).toBeNull();
    expect(autoReplyReason(headers({ 'x-autoreply': 'yes' }))).toBe('x-autoreply');
    expect(autoReplyReason(headers({ precedence: 'bulk' }))).toBe('Precedence: bulk');
    expect(autoReplyReason(headers({}))).toBeNull();
  });

  it('reads a REPLY’s attendee, PARTSTAT, DELEGATED-TO and SEQUENCE, and ignores a REQUEST', () => {
    const reply = `BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:meeting-1@samverkan\r\nSEQUENCE:3\r\nATTENDEE;PARTSTAT=DELEGATED;DELEGATED-TO="mailto:Sub@Example.org":mailto:Anna@Example.org\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
    expect(readCalendar(reply)).toMatchObject({ method: 'REPLY', uid: 'meeting-1@samverkan', sequence: 3, attendeeEmail: 'anna@example.org', partstat: 'DELEGATED', delegatedTo: 'sub@example.org' });
    expect(readCalendar(reply.replace('METHOD:REPLY', 'METHOD:REQUEST'))).toBeNull();
    const problems: string[] = [];
    expect(readCalendar('BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:y\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n', problems)).toBeNull();
    expect(problems).toEqual(['more than one event in a calendar answer']);
  });

  it('never throws on garbage, and takes a mail of ours come back for a loop', async () => {
    expect((await readMail(Buffer.from([0, 255, 13, 10, 13, 10, 1, 2, 3]))).kind).toBe('other');
    expect((await readMail(crlf('X-Samverkan-Ref: invite:1\nAuto-Submitted: auto-generated\nSubject: x\n\nx\n'))).kind).toBe('loop');
    expect((await readMail(crlf('Subject: Out of office: back Monday\n\nx\n'))).kind).toBe('auto-reply');
  });

  it('finds the Message-ID in the header block only', () => {
    expect(messageIdOf(crlf('Subject: a\nMessage-ID:\n <abc@example.org>\n\nMessage-ID: <body@example.org>\n'))).toBe('<abc@example.org>');
    expect(messageIdOf(crlf('Subject: a\n\nMessage-ID: <body@example.org>\n'))).toBeNull();
  });
});
