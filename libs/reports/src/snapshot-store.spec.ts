import { expandSnapshot, packSnapshot } from './snapshot-store';
import type { ReportSnapshot } from './report-snapshot';

/** What format 1 stored: the snapshot through JSON. */
const asStoredV1 = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('report snapshot store (format 2)', () => {
  const snapshot = {
    version: 1,
    commissionId: 'c1',
    sectionsIncluded: ['mandate', 'composition'],
    sections: {
      mandate: { title: 'Kommission', decidedOn: new Date('2022-01-01T00:00:00Z'), amendments: [] },
      composition: {
        groups: [
          { id: 'g1', name: 'Hälsodata', parentId: null, seats: 4, shareWomen: 0.5, chair: undefined },
          { id: 'g2', name: 'Etik', parentId: 'g1', seats: 2, shareWomen: null, chair: undefined },
        ],
        goals: [{ id: 'x', groupIds: ['g1', 'g2'], text: 'a' }],
      },
      odd: [
        { a: 1, b: 'x' },
        { b: 'y', a: 2 },
        { a: 3 },
        [1, 'two', null],
        'plain',
        NaN,
        undefined,
      ],
      mixed: [{ n: 1, v: 'x' }, { n: 2, v: 3 }, { n: 3, v: { deep: ['k', 'k'] } }],
      dollars: [{ $t: ['forged'], $r: [[1]] }, { $t: ['forged'], $r: [[2]] }],
      lone: { $a: [0], $o: 'x', fine: 'yes' },
      control: ['\u0001', '\u0001', ''],
    },
    items: [
      { key: 'deliverable:1', kind: 'deliverable', title: 'Kartläggning', status: 'planned', rag: 'late', dueOn: '2022-02-15', done: false },
      { key: 'group:g1', kind: 'group', title: 'Hälsodata', status: 'active', rag: 'on_track', dueOn: null, done: false },
    ],
    diff: {
      hasPrevious: true,
      previousReportId: null,
      new: [],
      changed: [
        { key: 'deliverable:1', kind: 'deliverable', title: 'Kartläggning', changes: ['rag: on_track → late'] },
        { key: 'group:g1', kind: 'group', title: 'Hälsodata', changes: ['rag: on_track → late', 'status: planned → active'] },
      ],
      completed: [],
      newlyLate: [],
    },
  } as unknown as ReportSnapshot;

  it('gives back exactly what format 1 stored, markers and odd values included', () => {
    const stored = asStoredV1(packSnapshot(snapshot));
    expect(stored.version).toBe(2);
    expect(expandSnapshot(stored)).toStrictEqual(asStoredV1(snapshot));
  });

  it('keeps each shared string once and is smaller than format 1', () => {
    const packed = packSnapshot(snapshot);
    expect(packed.strings.filter((s) => s === 'Kartläggning')).toHaveLength(1);
    expect(packed.strings.filter((s) => s === 'rag: on_track → late')).toHaveLength(1);
    // A report's bulk: rows of the same fields whose titles recur in the items and the diff.
    const items = Array.from({ length: 50 }, (_, i) => ({ key: `deliverable:${i}`, kind: 'deliverable', title: `Delrapport ${i} från arbetsgruppen`, status: 'planned', rag: 'late', dueOn: '2022-02-15', done: false }));
    const large = { ...snapshot, items, diff: { ...snapshot.diff, changed: items.map((i) => ({ key: i.key, kind: i.kind, title: i.title, changes: ['rag: on_track → late'] })) } } as ReportSnapshot;
    expect(JSON.stringify(packSnapshot(large)).length).toBeLessThan(JSON.stringify(large).length * 0.5);
    expect(expandSnapshot(asStoredV1(packSnapshot(large)))).toStrictEqual(asStoredV1(large));
  });

  it('reads a format 1 row as it is', () => {
    const v1 = asStoredV1(snapshot);
    expect(expandSnapshot(v1)).toBe(v1);
  });
});
