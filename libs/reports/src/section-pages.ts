import { Locale } from '@samverkan/core';
import { formatDate, formatDateTime, html } from '@samverkan/mail';
import { ragBadge, registerSectionRenderer, registerTimelineSource } from './report-page';
import type { ReportSnapshot } from './report-snapshot';
import { STATUS_LABEL, T, label } from './report-texts';
import type { DeliverablesSection } from './sections/deliverables.section';
import type { MeetingRow, MeetingsSection } from './sections/meetings.section';

const date = (d: string | null, locale: Locale) => (d ? formatDate(d, locale) : '–');

registerSectionRenderer('deliverables', (snapshot: ReportSnapshot, locale: Locale) => {
  const s = snapshot.sections.deliverables as DeliverablesSection;
  return html`<section aria-labelledby="h-deliverables">
<h2 id="h-deliverables">${T.deliverables[locale]}</h2>
${s.deliverables.length === 0 ? html`<p>${T.noDeliverables[locale]}</p>` : html`<table>
<caption>${T.deliverables[locale]}</caption>
<thead><tr><th scope="col">${T.deliverables[locale]}</th><th scope="col">${T.group[locale]}</th><th scope="col">${T.responsible[locale]}</th><th scope="col">${T.status[locale]}</th><th scope="col">${T.dueOn[locale]}</th><th scope="col">${T.deliveredOn[locale]}</th><th scope="col">RAG</th></tr></thead>
<tbody>${s.deliverables.map((d) => html`<tr><th scope="row">${d.title}</th><td>${d.groupName ?? '–'}</td><td>${d.responsible ?? '–'}</td><td>${label(STATUS_LABEL, d.status, locale)}</td><td>${date(d.dueOn, locale)}</td><td>${date(d.deliveredOn, locale)}</td><td>${ragBadge(d.rag, locale)}</td></tr>`)}</tbody>
</table>`}
${s.deadlineMoves.length === 0 ? '' : html`<table>
<caption>${T.deadlineMoves[locale]}</caption>
<thead><tr><th scope="col">${T.deliverables[locale]}</th><th scope="col">${T.previousDeadline[locale]}</th><th scope="col">${T.newDeadline[locale]}</th><th scope="col">${T.reason[locale]}</th><th scope="col">${T.decidedOn[locale]}</th></tr></thead>
<tbody>${s.deadlineMoves.map((m) => html`<tr><th scope="row">${m.title}</th><td>${date(m.oldDueOn, locale)}</td><td>${date(m.newDueOn, locale)}</td><td>${m.reason}</td><td>${date(m.changedOn, locale)}</td></tr>`)}</tbody>
</table>`}
</section>`;
});

registerTimelineSource((snapshot) => {
  const s = snapshot.sections.deliverables as DeliverablesSection | undefined;
  if (!s) return [];
  return s.deliverables
    .filter((d) => d.status !== 'cancelled')
    .map((d) => ({ label: d.title, start: d.createdOn, due: d.dueOn, doneOn: d.deliveredOn, rag: d.rag }));
});

function meetingTable(caption: string, id: string, rows: MeetingRow[], locale: Locale) {
  return html`<h3 id="${id}">${caption}</h3>
${rows.length === 0 ? html`<p>${T.noMeetings[locale]}</p>` : html`<table aria-labelledby="${id}">
<thead><tr><th scope="col">${T.meeting[locale]}</th><th scope="col">${T.group[locale]}</th><th scope="col">${T.date[locale]}</th><th scope="col">${T.status[locale]}</th></tr></thead>
<tbody>${rows.map((m) => html`<tr><th scope="row">${m.title}</th><td>${m.groupName ?? '–'}</td><td>${formatDateTime(m.startsAt, locale, m.timeZone)}</td><td>${label(STATUS_LABEL, m.status, locale)}</td></tr>`)}</tbody>
</table>`}`;
}

registerSectionRenderer('meetings', (snapshot: ReportSnapshot, locale: Locale) => {
  const s = snapshot.sections.meetings as MeetingsSection;
  return html`<section aria-labelledby="h-meetings">
<h2 id="h-meetings">${T.meetings[locale]}</h2>
${meetingTable(T.meetingsHeld[locale], 'h-meetings-held', s.held, locale)}
${meetingTable(T.meetingsPlanned[locale], 'h-meetings-planned', s.planned, locale)}
<h3 id="h-decisions">${T.decisions[locale]}</h3>
${s.decisions.length === 0 ? html`<p>${T.noDecisions[locale]}</p>` : html`<table aria-labelledby="h-decisions">
<thead><tr><th scope="col">${T.meeting[locale]}</th><th scope="col" class="num">${T.decisionNumber[locale]}</th><th scope="col">${T.decisions[locale]}</th></tr></thead>
<tbody>${s.decisions.map((d) => html`<tr><th scope="row">${d.meetingTitle} (${date(d.onDate, locale)})</th><td class="num">${d.number}</td><td>${d.text}</td></tr>`)}</tbody>
</table>`}
<h3 id="h-actions">${T.openActionItems[locale]}</h3>
${s.openActionItems.length === 0 ? html`<p>${T.noActionItems[locale]}</p>` : html`<table aria-labelledby="h-actions">
<thead><tr><th scope="col">${T.item[locale]}</th><th scope="col">${T.assignee[locale]}</th><th scope="col">${T.group[locale]}</th><th scope="col">${T.dueOn[locale]}</th><th scope="col">${T.status[locale]}</th><th scope="col">${T.overdue[locale]}</th></tr></thead>
<tbody>${s.openActionItems.map((a) => html`<tr><th scope="row">${a.title}</th><td>${a.assignee ?? '–'}</td><td>${a.groupName ?? '–'}</td><td>${date(a.dueOn, locale)}</td><td>${label(STATUS_LABEL, a.status, locale)}</td><td>${a.overdue ? T.yes[locale] : ''}</td></tr>`)}</tbody>
</table>`}
</section>`;
});
