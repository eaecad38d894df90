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

const WIDTH = 880;
const LABEL = 260;
const RIGHT = 20;
const TOP = 54;
const ROW = 24;

const day = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

/**
 * A timeline of deliverables and milestones against deadlines, rendered on the
 * server as SVG (no external service, no script). `role="img"` with a title and
 * a description; the page's tables are the full text alternative.
 */
export function renderTimeline(input: TimelineInput): string {
  const dates = [
    ...input.rows.flatMap((r) => [r.start, r.due, r.doneOn]),
    ...input.milestones.map((m) => m.date),
    input.period.start,
    input.period.end,
  ].filter((d): d is string => Boolean(d));
  const sorted = dates.sort();
  let from = day(sorted[0] ?? input.period.start).startOf('month');
  let to = day(sorted[sorted.length - 1] ?? input.period.end).endOf('month');
  if (to.diff(from, 'days').days < 60) to = from.plus({ months: 2 }).endOf('month');
  const span = Math.max(1, to.diff(from, 'days').days);
  const x = (iso: string) => LABEL + ((day(iso).diff(from, 'days').days / span) * (WIDTH - LABEL - RIGHT));
  const rowsHeight = Math.max(1, input.rows.length) * ROW;
  const height = TOP + rowsHeight + 40;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" id="${input.id}" role="img" aria-labelledby="${input.id}-title ${input.id}-desc" viewBox="0 0 ${WIDTH} ${height}" width="100%" preserveAspectRatio="xMinYMin meet" font-family="system-ui, sans-serif" font-size="12">`,
    `<title id="${input.id}-title">${escapeHtml(input.title)}</title>`,
    `<desc id="${input.id}-desc">${escapeHtml(input.description)}</desc>`,
    `<rect x="0" y="0" width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
  );
  // The reporting period, shaded.
  const ps = Math.max(LABEL, x(input.period.start));
  const pe = Math.min(WIDTH - RIGHT, x(input.period.end));
  if (pe > ps) out.push(`<rect x="${ps.toFixed(1)}" y="${TOP - 8}" width="${(pe - ps).toFixed(1)}" height="${rowsHeight + 8}" fill="#e8eef7"/>`);
  // Axis ticks: months, or quarters / years for longer spans.
  const months = Math.ceil(to.diff(from, 'months').months);
  const step = months <= 12 ? 1 : months <= 36 ? 3 : 12;
  for (let tick = from.startOf(step === 12 ? 'year' : 'month'); tick <= to; tick = tick.plus({ months: step })) {
    if (tick < from) continue;
    const tx = x(tick.toISODate()!);
    out.push(`<line x1="${tx.toFixed(1)}" y1="${TOP - 8}" x2="${tx.toFixed(1)}" y2="${TOP + rowsHeight}" stroke="#d0d7de" stroke-width="1"/>`);
    out.push(`<text x="${(tx + 2).toFixed(1)}" y="${TOP + rowsHeight + 14}" fill="#1b1b1b">${escapeHtml(tick.setLocale(input.locale).toFormat(step === 12 ? 'yyyy' : 'LLL yy'))}</text>`);
  }
  // Milestones: vertical lines with their label at the top, staggered.
  input.milestones.forEach((m, i) => {
    const mx = x(m.date);
    const colour = m.kind === 'deadline' ? '#c62828' : m.kind === 'moved' ? '#9a6700' : m.kind === 'report' ? '#0b57d0' : '#1b1b1b';
    const dash = m.kind === 'moved' ? ' stroke-dasharray="4 3"' : '';
    out.push(`<line x1="${mx.toFixed(1)}" y1="${TOP - 10 - (i % 2) * 14}" x2="${mx.toFixed(1)}" y2="${TOP + rowsHeight}" stroke="${colour}" stroke-width="2"${dash}/>`);
    const anchor = mx > WIDTH - 140 ? 'end' : 'start';
    out.push(`<text x="${(mx + (anchor === 'end' ? -3 : 3)).toFixed(1)}" y="${TOP - 14 - (i % 2) * 14}" fill="#1b1b1b" text-anchor="${anchor}">${escapeHtml(`${m.label} ${m.date}`)}</text>`);
  });
  // Rows: a bar up to the due date in the RAG colour, a diamond at the due date, a tick when done.
  input.rows.forEach((r, i) => {
    const y = TOP + i * ROW;
    const label = r.label.length > 40 ? `${r.label.slice(0, 39)}…` : r.label;
    out.push(`<text x="4" y="${y + 15}" fill="#1b1b1b">${escapeHtml(label)}</text>`);
    const bx = r.start ? Math.max(LABEL, x(r.start)) : LABEL;
    const dx = x(r.due);
    out.push(`<rect x="${bx.toFixed(1)}" y="${y + 6}" width="${Math.max(2, dx - bx).toFixed(1)}" height="10" rx="2" fill="${RAG_COLOUR[r.rag]}"/>`);
    out.push(`<path d="M ${dx.toFixed(1)} ${y + 4} l 7 7 l -7 7 l -7 -7 z" fill="#1b1b1b"/>`);
    if (r.doneOn) {
      const cx = x(r.doneOn);
      out.push(`<circle cx="${cx.toFixed(1)}" cy="${y + 11}" r="5" fill="#ffffff" stroke="#1a7f37" stroke-width="3"/>`);
    }
  });
  out.push('</svg>');
  return out.join('\n');
}
