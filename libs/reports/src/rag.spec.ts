import { compositionSignal, countByRag, mandateSignal, rollUp } from './rag';
import { diffItems, TrackedItem } from './diff';
import { parsePeriodKey, periodContaining } from './period';

describe('the RAG roll-up rule', () => {
  it('takes the worst signal, and says no data when there is none', () => {
    expect(rollUp([])).toBe('no_data');
    expect(rollUp(['no_data', 'on_track'])).toBe('on_track');
    expect(rollUp(['on_track', 'at_risk', 'on_track'])).toBe('at_risk');
    expect(rollUp(['on_track', 'late', 'at_risk'])).toBe('late');
  });

  it('puts an active group with more than half its seats vacant at risk (a seat held over is not vacant)', () => {
    expect(compositionSignal({ status: 'active', seats: 5, vacant: 3 })).toBe('at_risk');
    expect(compositionSignal({ status: 'active', seats: 4, vacant: 2 })).toBe('on_track');
    expect(compositionSignal({ status: 'forming', seats: 4, vacant: 4 })).toBeUndefined();
    expect(compositionSignal({ status: 'active', seats: 0, vacant: 0 })).toBeUndefined();
  });

  it('makes a passed deadline without a final report late', () => {
    expect(mandateSignal({ reportingDeadline: '2023-02-28', status: 'active' }, '2023-03-01')).toBe('late');
    expect(mandateSignal({ reportingDeadline: '2023-02-28', status: 'reported' }, '2023-03-01')).toBe('on_track');
    expect(mandateSignal({ reportingDeadline: '2023-02-28', status: 'active' }, '2023-02-28')).toBe('on_track');
    expect(mandateSignal({ reportingDeadline: null, status: 'active' }, '2023-02-28')).toBeUndefined();
  });

  it('counts by RAG', () => {
    expect(countByRag(['late', 'late', 'on_track'])).toEqual({ late: 2, on_track: 1, at_risk: 0, no_data: 0 });
  });
});

describe('the diff against the previous report', () => {
  const item = (key: string, fields: Partial<TrackedItem> = {}): TrackedItem => ({ key, kind: 'deliverable', title: key, status: 'draft', rag: 'on_track', dueOn: '2025-06-30', done: false, ...fields });

  it('lists new, changed, completed and newly late items, each once', () => {
    const before = [item('a'), item('b'), item('c'), item('d'), item('e', { rag: 'late' })];
    const after = [
      item('a'),
      item('b', { status: 'in_review' }),
      item('c', { status: 'approved', done: true }),
      item('d', { rag: 'late' }),
      item('e', { rag: 'late', dueOn: '2025-07-31' }),
      item('f'),
    ];
    const diff = diffItems(before, after, 'prev');
    expect(diff.hasPrevious).toBe(true);
    expect(diff.new.map((e) => e.key)).toEqual(['f']);
    expect(diff.changed.map((e) => e.key)).toEqual(['b', 'e']);
    expect(diff.changed[0].changes).toEqual(['status: draft → in_review']);
    expect(diff.completed.map((e) => e.key)).toEqual(['c']);
    expect(diff.newlyLate.map((e) => e.key)).toEqual(['d']);
  });

  it('has nothing to compare for a first report', () => {
    const diff = diffItems(undefined, [item('a')]);
    expect(diff).toMatchObject({ hasPrevious: false, new: [], changed: [], completed: [], newlyLate: [] });
  });
});

describe('report periods', () => {
  it('reads every kind of key and refuses anything else', () => {
    expect(parsePeriodKey('2025-02')).toMatchObject({ cadence: 'monthly', start: '2025-02-01', end: '2025-02-28' });
    expect(parsePeriodKey('2024-Q1')).toMatchObject({ cadence: 'quarterly', start: '2024-01-01', end: '2024-03-31' });
    expect(parsePeriodKey('2024-H2')).toMatchObject({ cadence: 'half_yearly', start: '2024-07-01', end: '2024-12-31' });
    expect(parsePeriodKey('2024')).toMatchObject({ cadence: 'yearly', start: '2024-01-01', end: '2024-12-31' });
    expect(parsePeriodKey('2024-01-15..2024-02-29')).toMatchObject({ cadence: 'custom', start: '2024-01-15', end: '2024-02-29' });
    for (const bad of ['2024-13', '2024-Q5', '2024-H3', '24', '2024-02-30..2024-03-01', '2024-03-01..2024-02-01', 'x', '']) expect(parsePeriodKey(bad)).toBeUndefined();
  });

  it('finds the period containing a day', () => {
    expect(periodContaining('quarterly', '2025-05-17').key).toBe('2025-Q2');
    expect(periodContaining('half_yearly', '2025-07-01').key).toBe('2025-H2');
    expect(periodContaining('monthly', '2025-12-31').key).toBe('2025-12');
    expect(periodContaining('yearly', '2025-01-01').key).toBe('2025');
  });
});
