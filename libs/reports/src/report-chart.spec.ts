import { renderTimeline, timelineDomain, TimelineInput } from './report-chart';

/** A commission that started in 2019 and whose deliverables all fall in 2025 (issue 19). */
const input: TimelineInput = {
  id: 't',
  title: 'Tidslinje',
  description: 'Tidslinje',
  rows: [
    { label: 'Uppdraget', start: null, due: '2025-12-31', doneOn: null, rag: 'on_track' },
    { label: 'Kartläggning av nätverk', start: '2025-02-01', due: '2025-05-15', doneOn: '2025-05-10', rag: 'on_track' },
    { label: 'Delrapport', start: '2025-03-01', due: '2025-09-30', doneOn: null, rag: 'at_risk' },
  ],
  milestones: [
    { date: '2019-11-01', label: 'Start', kind: 'start' },
    { date: '2025-06-30', label: 'Rapportdag', kind: 'report' },
    { date: '2025-12-31', label: 'Frist', kind: 'deadline' },
  ],
  period: { start: '2025-04-01', end: '2025-06-30' },
  locale: 'sv',
};

const fontSize = (svg: string) => Number(/font-size="(\d+)"/.exec(svg)![1]);
const viewWidth = (svg: string) => Number(/viewBox="0 0 (\d+) /.exec(svg)![1]);

describe('renderTimeline', () => {
  it('spans the items\' dates, not the commission\'s start years back', () => {
    const { from, to } = timelineDomain(input);
    expect(from.toISODate()).toBe('2025-02-01');
    expect(to.toISODate()).toBe('2025-12-31');
    const svg = renderTimeline(input, 'narrow');
    expect(svg).not.toContain('Start 2019-11-01');
    expect(svg).toContain('Frist 2025-12-31');
  });

  it('draws text on a phone at 11 px or more (the narrow drawing at 340 px wide)', () => {
    const narrow = renderTimeline(input, 'narrow');
    expect((fontSize(narrow) * 340) / viewWidth(narrow)).toBeGreaterThanOrEqual(11);
    // The wide drawing at the same width would be about 5 px: why the page has two.
    const wide = renderTimeline(input, 'wide');
    expect((fontSize(wide) * 340) / viewWidth(wide)).toBeLessThan(6);
  });

  it('keeps every axis label inside the drawing and clear of the one before (the last one ends at its tick)', () => {
    for (const layout of ['wide', 'narrow'] as const) {
      const svg = renderTimeline(input, layout);
      const width = viewWidth(svg);
      const labels = [...svg.matchAll(/<text x="([\d.]+)" y="\d+" fill="#1b1b1b"( text-anchor="end")?>([A-Za-zåäö]{3,4}\.? \d\d|\d{4})<\/text>/g)];
      expect(labels.length).toBeGreaterThan(2);
      let previousRight = -Infinity;
      for (const [, x, end, text] of labels) {
        const left = end ? Number(x) - text.length * 7.5 : Number(x);
        const right = end ? Number(x) : Number(x) + text.length * 7.5;
        expect({ layout, text, inside: left >= 0 && right <= width, clearOfThePrevious: left > previousRight }).toEqual({ layout, text, inside: true, clearOfThePrevious: true });
        previousRight = right;
      }
    }
  });
});
