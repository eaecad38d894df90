import * as nodeIcal from 'node-ical';
import { ERASED_ADDRESS, ERASED_TEXT, foldIcal, mentionRedactor } from './mail-erasure.service';

describe('mentionRedactor', () => {
  const redactor = mentionRedactor({ fullName: "Åsa O'Brien-Lindqvist, docent", email: 'Asa.OBrien@Example.TEST' })!;

  it('finds the name as text, HTML and iCalendar write it, and the address in any case', () => {
    expect(redactor.searchTerms).toEqual(
      expect.arrayContaining(['asa.obrien@example.test', "åsa o'brien-lindqvist, docent", 'åsa o&#39;brien-lindqvist, docent', "åsa o'brien-lindqvist\\, docent"]),
    );
    expect(redactor.text("Hej Åsa O'Brien-Lindqvist, docent <asa.obrien@example.test>")).toBe(`Hej ${ERASED_TEXT} <${ERASED_ADDRESS}>`);
    expect(redactor.html('<p>Åsa O&#39;Brien-Lindqvist, docent</p>')).toBe('<p>[erased]</p>');
  });

  it('redacts a name folded across calendar lines and folds the result again within 75 octets', () => {
    const line = `ORGANIZER;CN="Åsa O'Brien-Lindqvist, docent":mailto:asa.obrien@example.test`;
    const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:x@samverkan', 'DTSTAMP:20260101T000000Z', 'DTSTART:20270101T100000Z', line, `SUMMARY:Möte med Åsa O'Brien-Lindqvist\\, docent och flera andra deltagare i arbetsgruppen`, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
    const folded = foldIcal(ics);
    expect(folded).not.toContain('asa.obrien@example.test');
    const redacted = redactor.calendar(folded);
    expect(redacted.toLowerCase()).not.toContain('asa.obrien');
    expect(redacted).not.toContain('Lindqvist');
    for (const physical of redacted.split('\r\n')) expect(Buffer.byteLength(physical)).toBeLessThanOrEqual(75);
    const event = Object.values(nodeIcal.sync.parseICS(redacted)).find((entry) => entry?.type === 'VEVENT') as nodeIcal.VEvent;
    expect((event.organizer as unknown as { val: string }).val).toBe(`mailto:${ERASED_ADDRESS}`);
    expect(event.summary).toBe('Möte med [erased] och flera andra deltagare i arbetsgruppen');
  });

  it('does nothing for a name too short to search and no address', () => {
    expect(mentionRedactor({ fullName: 'Bo', email: null })).toBeNull();
  });
});
