import { DateTime } from 'luxon';
import { escapeHtml } from '@samverkan/mail';
import type { Rag } from './rag';

export interface TimelineRow {
  label: string;
  /** Where the bar starts; null: at the start of the axis. */
  start: string | null;
  due: string;
  /** The day it was completed, if it was. */
  doneOn: string | null;
  rag: Rag;
}

export interface Milestone {
  date: string;
  label: string;
  kind: 'start' | 'deadline' | 'moved' | 'report';
}

export interface TimelineInput {
  id: string;
  title: string;
  description: string;
  rows: TimelineRow[];
  milestones: Milestone[];
  /** The reporting period, shaded. */
  period: { start: string; end: string };
  locale: 'sv' | 'da' | 'en';
}

/** Fill colours with at least 3:1 contrast against white (WCAG 1.4.11); the tables carry the same facts as text. */
export const RAG_COLOUR: Record<Rag, string> = { on_track: '#1a7f37', at_risk: '#9a6700', late: '#c62828', no_data: '#6e7781' };

/**
 * Two drawings of the same chart: `wide` (labels left of the bars, 880 units) and
 * `narrow` (each label above its bar, milestones listed on their own lines, 360
 * units), which the page shows below 40em. Drawn at a phone's width (~340 px),
 * the wide one shrank its 12-unit text to about 5 px; the narrow one keeps it at
 * 11 px or more (13 units at a scale of about 0.95).
 */
interface Layout {
  width: number;
  /** Where the axis starts (the label column's width, or a margin). */
  left: number;
  right: number;
  row: number;
  fontSize: number;
  /** The longest row label, in characters. */
  labelChars: number;
  /** Pixels per character of a label, roughly (for placing tick labels). */
  charWidth: number;
}

const LAYOUTS: Record<'wide' | 'narrow', Layout> = {
  wide: { width: 880, left: 260, right: 20, row: 24, fontSize: 12, labelChars: 40, charWidth: 7 },
  narrow: { width: 360, left: 8, right: 12, row: 40, fontSize: 13, labelChars: 48, charWidth: 7.5 },
};

/** Tick steps in months; the first whose ticks stay this far apart is used. */
const STEPS = [1, 2, 3, 6, 12, 24, 60];
const MIN_TICK_GAP = 64;

const day = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

/**
 * The days the axis spans: the rows' own dates (start, due, done) and the
 * reporting period, not the milestones (issue 19: the commission's start, years
 * back, left every item in the last sliver). A bar that began before the axis is
 * drawn from its start; a milestone outside it is left out (the tables have it).
 */
export function timelineDomain(input: Pick<TimelineInput, 'rows' | 'period'>): { from: DateTime; to: DateTime } {
  const dates = [...input.rows.flatMap((r) => [r.start, r.due, r.doneOn]), input.period.start, input.period.end].filter((d): d is string => Boolean(d)).sort();
  const from = day(dates[0]).startOf('month');
  let to = day(dates[dates.length - 1]).endOf('month');
  if (to.diff(from, 'days').days < 60) to = from.plus({ months: 2 }).endOf('month');
  return { from, to };
}

/**
 * A timeline of deliverables and milestones against deadlines, rendered on the
 * server as SVG (no external service, no script). `role="img"` with a title and
 * a description; the page's tables are the full text alternative.
 */
export function renderTimeline(input: TimelineInput, layoutName: 'wide' | 'narrow' = 'wide'): string {
  const L = LAYOUTS[layoutName];
  const narrow = layoutName === 'narrow';
  const { from, to } = timelineDomain(input);
  const span = Math.max(1, to.diff(from, 'days').days);
  const plot = L.width - L.left - L.right;
  const x = (iso: string) => L.left + (day(iso).diff(from, 'days').days / span) * plot;
  const inside = (iso: string) => day(iso) >= from && day(iso) <= to;
  const milestones = input.milestones.filter((m) => inside(m.date));
  // Wide: milestone labels staggered on two lines above the rows; narrow: one line each.
  const top = narrow ? 14 + milestones.length * 17 + 8 : 54;
  const rowsHeight = Math.max(1, input.rows.length) * L.row;
  const height = top + rowsHeight + 40;
  const text = (tx: number, ty: number, value: string, anchor: 'start' | 'end' = 'start') =>
    `<text x="${tx.toFixed(1)}" y="${ty}" fill="#1b1b1b"${anchor === 'end' ? ' text-anchor="end"' : ''}>${escapeHtml(value)}</text>`;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" id="${input.id}" role="img" aria-labelledby="${input.id}-title ${input.id}-desc" viewBox="0 0 ${L.width} ${height}" width="100%" preserveAspectRatio="xMinYMin meet" font-family="system-ui, sans-serif" font-size="${L.fontSize}">`,
    `<title id="${input.id}-title">${escapeHtml(input.title)}</title>`,
    `<desc id="${input.id}-desc">${escapeHtml(input.description)}</desc>`,
    `<rect x="0" y="0" width="${L.width}" height="${height}" fill="#ffffff"/>`,
  );
  // The reporting period, shaded.
  const ps = Math.max(L.left, x(input.period.start));
  const pe = Math.min(L.width - L.right, x(input.period.end));
  if (pe > ps) out.push(`<rect x="${ps.toFixed(1)}" y="${top - 8}" width="${(pe - ps).toFixed(1)}" height="${rowsHeight + 8}" fill="#e8eef7"/>`);
  // Axis ticks: the smallest step of months whose labels do not run into each other.
  const months = Math.max(1, Math.ceil(to.diff(from, 'months').months));
  const step = STEPS.find((s) => (plot * s) / months >= MIN_TICK_GAP) ?? STEPS[STEPS.length - 1];
  const yearly = step >= 12;
  const first = yearly ? from.startOf('year') : from.startOf('month').minus({ months: (from.month - 1) % step });
  let labelsEnd = -Infinity;
  for (let tick = first; tick <= to; tick = tick.plus({ months: step })) {
    if (tick < from) continue;
    const tx = x(tick.toISODate()!);
    const label = tick.setLocale(input.locale).toFormat(yearly ? 'yyyy' : 'LLL yy');
    out.push(`<line x1="${tx.toFixed(1)}" y1="${top - 8}" x2="${tx.toFixed(1)}" y2="${top + rowsHeight}" stroke="#d0d7de" stroke-width="1"/>`);
    // The last label ends at its tick when it would run off the right edge (it was clipped),
    // and is left out (its line stays) when it would then run into the label before it.
    const width = label.length * L.charWidth;
    const fits = tx + 2 + width <= L.width;
    const left = fits ? tx + 2 : tx - 2 - width;
    if (left < labelsEnd + 4) continue;
    labelsEnd = left + width;
    out.push(text(fits ? tx + 2 : tx - 2, top + rowsHeight + 16, label, fits ? 'start' : 'end'));
  }
  // Milestones: vertical lines with their label at the top.
  milestones.forEach((m, i) => {
    const mx = x(m.date);
    const colour = m.kind === 'deadline' ? '#c62828' : m.kind === 'moved' ? '#9a6700' : m.kind === 'report' ? '#0b57d0' : '#1b1b1b';
    const dash = m.kind === 'moved' ? ' stroke-dasharray="4 3"' : '';
    const label = `${m.label} ${m.date}`;
    const ly = narrow ? 14 + i * 17 : top - 14 - (i % 2) * 14;
    const anchor = narrow ? (mx + label.length * L.charWidth > L.width ? 'end' : 'start') : mx > L.width - 140 ? 'end' : 'start';
    out.push(`<line x1="${mx.toFixed(1)}" y1="${ly + 4}" x2="${mx.toFixed(1)}" y2="${top + rowsHeight}" stroke="${colour}" stroke-width="2"${dash}/>`);
    out.push(text(mx + (anchor === 'end' ? -3 : 3), ly, label, anchor));
  });
  // Rows: a bar up to the due date in the RAG colour, a diamond at the due date, a ring when done.
  input.rows.forEach((r, i) => {
    const y = top + i * L.row;
    const label = r.label.length > L.labelChars ? `${r.label.slice(0, L.labelChars - 1)}…` : r.label;
    // Narrow: the label on its own line above the bar.
    const barY = narrow ? y + 20 : y + 6;
    out.push(text(4, narrow ? y + 14 : y + 15, label));
    const bx = r.start ? Math.max(L.left, x(r.start)) : L.left;
    const dx = x(r.due);
    out.push(`<rect x="${bx.toFixed(1)}" y="${barY}" width="${Math.max(2, dx - bx).toFixed(1)}" height="10" rx="2" fill="${RAG_COLOUR[r.rag]}"/>`);
    out.push(`<path d="M ${dx.toFixed(1)} ${barY - 2} l 7 7 l -7 7 l -7 -7 z" fill="#1b1b1b"/>`);
    if (r.doneOn) {
      const cx = x(r.doneOn);
      out.push(`<circle cx="${cx.toFixed(1)}" cy="${barY + 5}" r="5" fill="#ffffff" stroke="#1a7f37" stroke-width="3"/>`);
    }
  });
  out.push('</svg>');
  return out.join('\n');
}
