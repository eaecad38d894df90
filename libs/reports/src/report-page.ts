import { Locale } from '@samverkan/core';
import { SafeHtml, fill, formatDate, formatDateTime, html } from '@samverkan/mail';
import type { ItemChange } from './diff';
import type { Rag } from './rag';
import { Milestone, TimelineRow, renderTimeline } from './report-chart';
import type { ReportSnapshot } from './report-snapshot';
import { KIND_LABEL, RAG_LABEL, STATUS_LABEL, T, label } from './report-texts';
import { STACK_BELOW, STACKED_TABLE_CSS, stackTables } from './stacked-tables';
import type { StatusReport } from './status-report.entity';

/** Renders one extra section of the snapshot (deliverables, meetings…) for the page. */
export type SectionRenderer = (snapshot: ReportSnapshot, locale: Locale) => SafeHtml;
const extraRenderers = new Map<string, SectionRenderer>();
/** Areas whose section lands later register how it reads on the page. */
export function registerSectionRenderer(name: string, render: SectionRenderer): void {
  extraRenderers.set(name, render);
}
/** Rows for the timeline chart from extra sections (deliverables and milestones). */
export type TimelineSource = (snapshot: ReportSnapshot) => TimelineRow[];
const timelineSources: TimelineSource[] = [];
export function registerTimelineSource(source: TimelineSource): void {
  timelineSources.push(source);
}

export function ragBadge(rag: Rag, locale: Locale): SafeHtml {
  return html`<span class="rag rag-${rag}">${RAG_LABEL[rag][locale]}</span>`;
}

const num = (n: number) => html`<td class="num">${n}</td>`;
const date = (d: string | null, locale: Locale) => (d ? formatDate(d, locale) : '–');

export interface ReportPageInput {
  report: StatusReport;
  snapshot: ReportSnapshot;
  locale: Locale;
  timeZone: string;
}

/**
 * What the report pages add to the page frame's CSS: stacked tables and the chart's narrow drawing below 40em.
 * The composition table (13 columns) is set a little smaller: with Swedish headers ("Kvarsittande",
 * "Andel kvinnor") it was 71 px wider than a 1280 px window, and a browser hyphenates few of them.
 */
export const REPORT_PAGE_CSS = `${STACKED_TABLE_CSS}
table.many-columns { font-size: .875em; }
table.many-columns th, table.many-columns td { padding: .3em .45em; }
.chart-narrow { display: none; }
@media (max-width: ${STACK_BELOW}) { .chart-wide { display: none; } .chart-narrow { display: block; } }`;

/**
 * The body of `/reports/<id>`: semantic sections, tables with headers (stacked
 * on a phone), the chart with its text alternative.
 */
export function renderReportBody(input: ReportPageInput): SafeHtml {
  return new SafeHtml(stackTables(reportBody(input).value));
}

function reportBody({ report, snapshot, locale, timeZone }: ReportPageInput): SafeHtml {
  const s = snapshot.sections;
  const m = s.mandate;
  const c = s.composition;
  const groupName = new Map(c.groups.map((g) => [g.id, g.name]));
  const kindLabel = report.kind === 'on_demand' ? T.on_demand[locale] : T.scheduled[locale];

  const summary = html`<section aria-labelledby="h-summary">
<h2 id="h-summary">${T.summary[locale]}</h2>
<p>${T.overall[locale]}: ${ragBadge(snapshot.rollup.commission, locale)}</p>
${snapshot.isEmpty ? html`<p class="note">${T.emptyPeriod[locale]}</p>` : ''}
<table>
<caption>${T.rollup[locale]}</caption>
<thead><tr><th scope="col">${T.what[locale]}</th>${(['on_track', 'at_risk', 'late', 'no_data'] as Rag[]).map((r) => html`<th scope="col" class="num">${RAG_LABEL[r][locale]}</th>`)}</tr></thead>
<tbody>
<tr><th scope="row">${T.composition[locale]}</th>${(['on_track', 'at_risk', 'late', 'no_data'] as Rag[]).map((r) => num(report.summary.groups[r]))}</tr>
<tr><th scope="row">${T.goals[locale]}</th>${(['on_track', 'at_risk', 'late', 'no_data'] as Rag[]).map((r) => num(report.summary.goals[r]))}</tr>
<tr><th scope="row">${KIND_LABEL.deliverable[locale]}</th>${(['on_track', 'at_risk', 'late', 'no_data'] as Rag[]).map((r) => num(report.summary.deliverables[r]))}</tr>
</tbody>
</table>
<p>${T.overdue[locale]}: ${report.summary.overdueCount}. ${T.seats[locale]}: ${report.summary.seats}, ${T.filled[locale].toLowerCase()}: ${report.summary.filled}, ${T.holdover[locale].toLowerCase()}: ${report.summary.holdover ?? report.summary.seats - report.summary.filled - report.summary.vacant}, ${T.vacant[locale].toLowerCase()}: ${report.summary.vacant}.</p>
</section>`;

  const mandate = html`<section aria-labelledby="h-mandate">
<h2 id="h-mandate">${T.mandate[locale]}</h2>
<dl class="facts">
<dt>${T.commissioningBody[locale]}</dt><dd>${m.commissioningBody}</dd>
<dt>${T.leadOrganisation[locale]}</dt><dd>${m.leadOrganisation}</dd>
${m.partners.length ? html`<dt>${T.partners[locale]}</dt><dd>${m.partners.join(', ')}</dd>` : ''}
${m.referenceNumber ? html`<dt>${T.referenceNumber[locale]}</dt><dd>${m.referenceNumber}</dd>` : ''}
<dt>${T.startsOn[locale]}</dt><dd>${date(m.startsOn, locale)}</dd>
<dt>${T.reportingDeadline[locale]}</dt><dd>${date(m.reportingDeadline, locale)}</dd>
<dt>${T.status[locale]}</dt><dd>${label(STATUS_LABEL, m.status, locale)}</dd>
</dl>
${m.objectives.length ? html`<h3>${T.objectives[locale]}</h3><ul>${m.objectives.map((o) => html`<li>${o.letter}) ${o.text}${o.withdrawn ? html` (${T.withdrawn[locale]})` : ''}</li>`)}</ul>` : ''}
<h3>${T.deadlineHistory[locale]}</h3>
${m.amendments.length === 0 ? html`<p>${T.noChanges[locale]}</p>` : html`<table>
<caption>${T.deadlineHistory[locale]}</caption>
<thead><tr><th scope="col">${T.decidedOn[locale]}</th><th scope="col">${T.reason[locale]}</th><th scope="col">${T.previousDeadline[locale]}</th><th scope="col">${T.newDeadline[locale]}</th></tr></thead>
<tbody>${m.amendments.map((a) => html`<tr><th scope="row">${date(a.decidedOn, locale)}${a.inPeriod ? html` (${T.inPeriod[locale]})` : ''}</th><td>${a.reason ?? ''}${a.referenceNumber ? html` (${a.referenceNumber})` : ''}</td><td>${date(a.previousDeadline, locale)}</td><td>${date(a.newDeadline, locale)}</td></tr>`)}</tbody>
</table>`}
</section>`;

  const milestones: Milestone[] = [{ date: m.startsOn, label: T.start[locale], kind: 'start' }];
  for (const a of m.amendments) if (a.newDeadline && a.previousDeadline) milestones.push({ date: a.previousDeadline, label: T.deadlineMoved[locale], kind: 'moved' });
  if (m.reportingDeadline) milestones.push({ date: m.reportingDeadline, label: T.deadline[locale], kind: 'deadline' });
  milestones.push({ date: snapshot.asOf, label: T.today[locale], kind: 'report' });
  const rows: TimelineRow[] = [];
  if (m.reportingDeadline) {
    const mandateItem = snapshot.items.find((i) => i.kind === 'mandate');
    // No start: the mandate runs from before the axis, which spans the items' dates (issue 19).
    rows.push({ label: m.title, start: null, due: m.reportingDeadline, doneOn: null, rag: mandateItem?.rag ?? 'no_data' });
  }
  for (const source of timelineSources) rows.push(...source(snapshot));
  const chartInput = { id: 'timeline', title: `${T.timeline[locale]}: ${m.title}`, description: T.timelineDesc[locale], rows, milestones, period: { start: snapshot.periodStart, end: snapshot.periodEnd }, locale };
  // One drawing for wide screens, one for phones; the page's CSS shows one of them (the other is hidden from everyone).
  const timeline = html`<section aria-labelledby="h-timeline">
<h2 id="h-timeline">${T.timeline[locale]}</h2>
<figure>
<div class="chart-wide">${new SafeHtml(renderTimeline(chartInput, 'wide'))}</div>
<div class="chart-narrow">${new SafeHtml(renderTimeline({ ...chartInput, id: 'timeline-narrow' }, 'narrow'))}</div>
<figcaption>${T.timelineDesc[locale]}</figcaption>
</figure>
</section>`;

  const composition = html`<section aria-labelledby="h-composition">
<h2 id="h-composition">${T.composition[locale]}</h2>
${c.groups.length === 0 ? html`<p>${T.noGroups[locale]}</p>` : html`<table class="many-columns">
<caption>${T.composition[locale]}</caption>
<thead><tr><th scope="col">${T.group[locale]}</th><th scope="col">${T.status[locale]}</th><th scope="col">RAG</th><th scope="col">${T.chair[locale]}</th><th scope="col" class="num">${T.seats[locale]}</th><th scope="col" class="num">${T.filled[locale]}</th><th scope="col" class="num">${T.holdover[locale]}</th><th scope="col" class="num">${T.vacant[locale]}</th><th scope="col" class="num">${T.women[locale]}</th><th scope="col" class="num">${T.men[locale]}</th><th scope="col" class="num">${T.otherGender[locale]}</th><th scope="col" class="num">${T.notStated[locale]}</th><th scope="col" class="num">${T.shareWomen[locale]}</th></tr></thead>
<tbody>${c.groups.map((g) => html`<tr><th scope="row">${g.name}${g.parentId ? html` <small>(${groupName.get(g.parentId) ?? ''})</small>` : ''}</th><td>${label(STATUS_LABEL, g.status, locale)}</td><td>${ragBadge(snapshot.rollup.groups[g.id] ?? 'no_data', locale)}</td><td>${g.chair ?? '–'}</td>${num(g.seats)}${num(g.filled)}${num(g.holdover)}${num(g.vacant)}${num(g.women)}${num(g.men)}${num(g.other)}${num(g.notStated)}<td class="num">${g.shareWomen === null ? '–' : `${Math.round(g.shareWomen * 100)} %`}</td></tr>`)}</tbody>
<tfoot><tr><th scope="row">${c.totals.groups}</th><td></td><td></td><td></td>${num(c.totals.seats)}${num(c.totals.filled)}${num(c.totals.holdover)}${num(c.totals.vacant)}${num(c.totals.women)}${num(c.totals.men)}${num(c.totals.other)}${num(c.totals.notStated)}<td class="num">${c.totals.shareWomen === null ? '–' : `${Math.round(c.totals.shareWomen * 100)} %`}</td></tr></tfoot>
</table>
<table>
<caption>${T.seats[locale]}: ${T.organisation[locale]}</caption>
<thead><tr><th scope="col">${T.group[locale]}</th><th scope="col">${T.organisation[locale]}</th><th scope="col" class="num">${T.seats[locale]}</th><th scope="col" class="num">${T.filled[locale]}</th><th scope="col" class="num">${T.holdover[locale]}</th><th scope="col" class="num">${T.vacant[locale]}</th></tr></thead>
<tbody>${c.groups.flatMap((g) => g.allocations.map((a) => html`<tr><td>${g.name}</td><th scope="row">${a.organisation}</th>${num(a.seats)}${num(a.filled)}${num(a.holdover)}${num(a.vacant)}</tr>`))}</tbody>
</table>`}
</section>`;

  const goals = c.goals.length === 0 ? '' : html`<section aria-labelledby="h-goals">
<h2 id="h-goals">${T.goals[locale]}</h2>
<table>
<caption>${T.goals[locale]}</caption>
<thead><tr><th scope="col">${T.goal[locale]}</th><th scope="col">${T.what[locale]}</th><th scope="col">${T.pursuedBy[locale]}</th><th scope="col">RAG</th></tr></thead>
<tbody>${c.goals.map((g) => html`<tr><th scope="row">${g.code}</th><td>${g.text}</td><td>${g.groupIds.map((id) => groupName.get(id) ?? '').join(', ')}</td><td>${ragBadge(snapshot.rollup.goals[g.id] ?? 'no_data', locale)}</td></tr>`)}</tbody>
</table>
</section>`;

  const extras = snapshot.sectionsIncluded.filter((name) => extraRenderers.has(name)).map((name) => extraRenderers.get(name)!(snapshot, locale));

  const overdue = html`<section aria-labelledby="h-overdue">
<h2 id="h-overdue">${T.overdue[locale]}</h2>
${snapshot.overdue.length === 0 ? html`<p>${T.noOverdue[locale]}</p>` : html`<table>
<caption>${T.overdue[locale]}</caption>
<thead><tr><th scope="col">${T.item[locale]}</th><th scope="col">${T.kind[locale]}</th><th scope="col">${T.group[locale]}</th><th scope="col">${T.dueOn[locale]}</th><th scope="col" class="num">${T.daysOverdue[locale]}</th></tr></thead>
<tbody>${snapshot.overdue.map((o) => html`<tr><th scope="row">${o.title}</th><td>${label(KIND_LABEL, o.kind, locale)}</td><td>${o.groupName ?? '–'}</td><td>${date(o.dueOn, locale)}</td>${num(o.daysOverdue)}</tr>`)}</tbody>
</table>`}
</section>`;

  const diffTable = (title: string, id: string, entries: ItemChange[]) => html`<h3 id="${id}">${title} (${entries.length})</h3>
${entries.length === 0 ? html`<p>${T.nothingChanged[locale]}</p>` : html`<table aria-labelledby="${id}">
<thead><tr><th scope="col">${T.item[locale]}</th><th scope="col">${T.kind[locale]}</th><th scope="col">${T.what[locale]}</th></tr></thead>
<tbody>${entries.map((e) => html`<tr><th scope="row">${e.title}</th><td>${label(KIND_LABEL, e.kind, locale)}</td><td>${e.changes.join('; ') || '–'}</td></tr>`)}</tbody>
</table>`}`;
  const d = snapshot.diff;
  const changes = html`<section aria-labelledby="h-changes">
<h2 id="h-changes">${T.changes[locale]}</h2>
${!d.hasPrevious ? html`<p>${T.firstReport[locale]}</p>` : html`${diffTable(T.new[locale], 'h-diff-new', d.new)}${diffTable(T.changed[locale], 'h-diff-changed', d.changed)}${diffTable(T.completed[locale], 'h-diff-completed', d.completed)}${diffTable(T.newlyLate[locale], 'h-diff-late', d.newlyLate)}`}
</section>`;

  const rule = html`<section aria-labelledby="h-rule"><h2 id="h-rule">${T.ragRule[locale]}</h2><p>${T.ragRuleText[locale]}</p></section>`;
  const downloads = html`<section aria-labelledby="h-downloads" class="no-print"><h2 id="h-downloads">${T.downloads[locale]}</h2>
<ul><li><a href="/reports/${report.id}/report.json" type="application/json">JSON</a></li><li><a href="/reports/${report.id}/report.csv" type="text/csv">CSV</a></li>
<li><a href="/commissions/${report.commissionId}/status-reports">${T.allReports[locale]}</a></li></ul></section>`;

  return html`<h1>${T.statusReport[locale]}: ${m.title}</h1>
<dl class="facts">
<dt>${T.period[locale]}</dt><dd>${report.periodKey} (${date(report.periodStart, locale)} – ${date(report.periodEnd, locale)})</dd>
<dt>${T.asOf[locale]}</dt><dd>${date(report.asOf, locale)}</dd>
<dt>${T.kind[locale]}</dt><dd>${kindLabel}</dd>
<dt>${T.compiledAt[locale]}</dt><dd>${formatDateTime(report.compiledAt, locale, timeZone)}</dd>
</dl>
${report.kind === 'on_demand' ? html`<p class="note">${T.onDemandNote[locale]}</p>` : ''}
${summary}
${mandate}
${timeline}
${composition}
${goals}
${extras}
${overdue}
${changes}
${rule}
${downloads}`;
}

/** The body of `/commissions/<id>/reports`. */
export function renderReportList(title: string, reports: StatusReport[], locale: Locale, timeZone: string): SafeHtml {
  const heading = fill(T.reportsFor, locale, { title }).html;
  return new SafeHtml(stackTables(html`<h1>${heading}</h1>
${reports.length === 0 ? html`<p>${T.noReports[locale]}</p>` : html`<table>
<caption>${T.reports[locale]}</caption>
<thead><tr><th scope="col">${T.period[locale]}</th><th scope="col">${T.kind[locale]}</th><th scope="col">${T.overall[locale]}</th><th scope="col" class="num">${T.overdue[locale]}</th><th scope="col">${T.compiledAt[locale]}</th></tr></thead>
<tbody>${reports.map((r) => html`<tr><th scope="row"><a href="/reports/${r.id}?lang=${locale}">${r.periodKey}</a>${r.isEmpty ? html` <small>(${T.emptyPeriod[locale].split('.')[0]})</small>` : ''}</th><td>${r.kind === 'on_demand' ? T.on_demand[locale] : T.scheduled[locale]}</td><td>${ragBadge(r.rag as Rag, locale)}</td>${num(r.summary.overdueCount)}<td>${formatDateTime(r.compiledAt, locale, timeZone)}</td></tr>`)}</tbody>
</table>`}`.value));
}
