import { Locale, Translated } from '@samverkan/core';
import { formatDate, html } from '@samverkan/mail';
import { DateTime } from 'luxon';
import { Attendance } from '../invitations/invitation.entity';
import { MinutesStatus } from './minutes.entity';
import type { MinutesPageData } from './minutes.service';

const T = {
  minutes: { sv: 'Protokoll', da: 'Referat', en: 'Minutes' },
  draft: { sv: 'Utkast – inte justerat', da: 'Udkast – ikke godkendt', en: 'Draft – not approved' },
  inApproval: { sv: 'Skickat för justering – inte justerat', da: 'Sendt til godkendelse – ikke godkendt', en: 'Sent for approval – not yet approved' },
  approvedOn: { sv: 'Justerat', da: 'Godkendt', en: 'Approved' },
  when: { sv: 'Tid', da: 'Tid', en: 'When' },
  where: { sv: 'Plats', da: 'Sted', en: 'Where' },
  group: { sv: 'Grupp', da: 'Gruppe', en: 'Group' },
  attendance: { sv: 'Närvaro', da: 'Deltagere', en: 'Attendance' },
  name: { sv: 'Namn', da: 'Navn', en: 'Name' },
  status: { sv: 'Närvaro', da: 'Fremmøde', en: 'Status' },
  agenda: { sv: 'Dagordning och anteckningar', da: 'Dagsorden og noter', en: 'Agenda and notes' },
  decisions: { sv: 'Beslut', da: 'Beslutninger', en: 'Decisions' },
  decision: { sv: 'Beslut', da: 'Beslutning', en: 'Decision' },
  actionItems: { sv: 'Åtgärdspunkter', da: 'Opfølgningspunkter', en: 'Action items' },
  assignee: { sv: 'Ansvarig', da: 'Ansvarlig', en: 'Assignee' },
  due: { sv: 'Klart senast', da: 'Frist', en: 'Due' },
  conflict: { sv: 'Jäv anmält', da: 'Inhabilitet anmeldt', en: 'Conflict of interest declared' },
  leftRoom: { sv: 'deltog inte i behandlingen', da: 'deltog ikke i behandlingen', en: 'took no part in the item' },
  adjusters: { sv: 'Justering', da: 'Godkendelse', en: 'Approval' },
  notYet: { sv: 'ännu inte justerat', da: 'endnu ikke godkendt', en: 'not yet approved' },
  substitutedBy: { sv: 'ersatt av {name}', da: 'stedfortræder: {name}', en: 'substituted by {name}' },
  none: { sv: 'Inga', da: 'Ingen', en: 'None' },
} satisfies Record<string, Translated>;

const ATTENDANCE: Record<Attendance | 'unknown', Translated> = {
  present: { sv: 'Närvarande', da: 'Til stede', en: 'Present' },
  absent: { sv: 'Frånvarande', da: 'Fraværende', en: 'Absent' },
  apologies: { sv: 'Anmält förhinder', da: 'Afbud', en: 'Apologies' },
  substituted: { sv: 'Ersatt', da: 'Stedfortræder', en: 'Substituted' },
  unknown: { sv: 'Ej noterat', da: 'Ikke noteret', en: 'Not recorded' },
};

const TAGS: Record<Locale, string> = { sv: 'sv-SE', da: 'da-DK', en: 'en-GB' };

/**
 * The minutes as one accessible, printable page (the browser's "print to
 * PDF" gives the PDF): landmarks, a real table with headers for the
 * attendance list, headings in order, and print CSS. Times are in the meeting's zone.
 */
export function renderMinutesPage(data: MinutesPageData, locale: Locale): string {
  const { meeting, minutes } = data;
  const name = (id: string | null) => (id ? (data.names.get(id) ?? '—') : '—');
  const start = DateTime.fromJSDate(meeting.startsAt).setZone(meeting.timeZone).setLocale(TAGS[locale]);
  const end = DateTime.fromJSDate(meeting.endsAt).setZone(meeting.timeZone).setLocale(TAGS[locale]);
  const when = `${start.toLocaleString({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })} ${start.toFormat('HH:mm')}–${end.toFormat('HH:mm')} (${meeting.timeZone})`;
  const title = `${T.minutes[locale]}: ${meeting.title}`;
  const state =
    minutes.status === MinutesStatus.APPROVED
      ? `${T.approvedOn[locale]} ${formatDate(DateTime.fromJSDate(minutes.approvedAt!).setZone(meeting.timeZone).toISODate()!, locale)}`
      : minutes.status === MinutesStatus.IN_APPROVAL
        ? T.inApproval[locale]
        : T.draft[locale];
  const attendanceRows = data.invitations.map((i) => {
    const status = ATTENDANCE[i.attendance ?? 'unknown'][locale];
    const by = i.attendance === Attendance.SUBSTITUTED ? ` (${T.substitutedBy[locale].replace('{name}', i.substitutedByName ?? name(i.substitutedByPersonId))})` : '';
    return html`<tr><td>${name(i.personId)}</td><td>${status}${by}</td></tr>`;
  });
  const items = data.agenda.map((item) => {
    const note = data.notes.find((n) => n.agendaItemId === item.id);
    const conflicts = data.conflicts.filter((c) => c.agendaItemId === item.id);
    const decisions = data.decisions.filter((d) => d.agendaItemId === item.id);
    return html`<section aria-labelledby="item-${item.id}">
<h3 id="item-${item.id}">§ ${item.position}. ${item.title}</h3>
${conflicts.map((c) => html`<p class="conflict"><strong>${T.conflict[locale]}:</strong> ${name(c.personId)} – ${c.reason}${c.leftRoom ? ` (${T.leftRoom[locale]})` : ''}</p>`)}
${note ? note.text.split(/\n{2,}/).map((para) => html`<p>${para}</p>`) : ''}
${decisions.map((d) => html`<p class="decision"><strong>${T.decision[locale]} ${d.number}:</strong> ${d.text}</p>`)}
</section>`;
  });
  const unlinked = data.decisions.filter((d) => !d.agendaItemId);
  const body = html`<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
  body { font-family: system-ui, sans-serif; line-height: 1.5; color: #1b1b1b; max-width: 48em; margin: 0 auto; padding: 1em; }
  h1 { font-size: 1.6em; } h2 { font-size: 1.3em; margin-top: 1.5em; border-bottom: 1px solid #999; } h3 { font-size: 1.1em; }
  table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 0.3em 0.5em; border-bottom: 1px solid #ccc; }
  .state { font-weight: bold; padding: 0.3em 0.6em; border: 2px solid #1b1b1b; display: inline-block; }
  .conflict { border-left: 4px solid #8a4b00; padding-left: 0.6em; }
  .decision { border-left: 4px solid #1d4f91; padding-left: 0.6em; }
  a { color: #1d4f91; }
  @media print {
    body { max-width: none; padding: 0; font-size: 11pt; color: #000; }
    .no-print { display: none; }
    h2, h3 { break-after: avoid; } section, tr { break-inside: avoid; }
    @page { size: A4; margin: 2cm; }
  }
</style>
</head>
<body>
<header>
<h1>${title}</h1>
<p class="state">${state}</p>
<dl>
<dt>${T.when[locale]}</dt><dd>${when}</dd>
${meeting.place ? html`<dt>${T.where[locale]}</dt><dd>${meeting.place}</dd>` : ''}
${data.groupName ? html`<dt>${T.group[locale]}</dt><dd>${data.groupName}</dd>` : ''}
</dl>
</header>
<main>
<section aria-labelledby="attendance">
<h2 id="attendance">${T.attendance[locale]}</h2>
<table><thead><tr><th scope="col">${T.name[locale]}</th><th scope="col">${T.status[locale]}</th></tr></thead>
<tbody>${attendanceRows}</tbody></table>
</section>
<section aria-labelledby="agenda">
<h2 id="agenda">${T.agenda[locale]}</h2>
${minutes.body ? minutes.body.split(/\n{2,}/).map((para) => html`<p>${para}</p>`) : ''}
${items}
${unlinked.length ? html`<h3>${T.decisions[locale]}</h3>${unlinked.map((d) => html`<p class="decision"><strong>${T.decision[locale]} ${d.number}:</strong> ${d.text}</p>`)}` : ''}
</section>
<section aria-labelledby="actions">
<h2 id="actions">${T.actionItems[locale]}</h2>
${
  data.actionItems.length
    ? html`<table><thead><tr><th scope="col">#</th><th scope="col">${T.actionItems[locale]}</th><th scope="col">${T.assignee[locale]}</th><th scope="col">${T.due[locale]}</th></tr></thead><tbody>${data.actionItems.map(
        (a, index) => html`<tr><td>${index + 1}</td><td>${a.title}</td><td>${name(a.assigneePersonId)}</td><td>${a.dueOn ? formatDate(a.dueOn, locale) : '—'}</td></tr>`,
      )}</tbody></table>`
    : html`<p>${T.none[locale]}</p>`
}
</section>
<section aria-labelledby="approval">
<h2 id="approval">${T.adjusters[locale]}</h2>
<ul>${data.adjusters.map((a) => html`<li>${name(a.personId)}: ${a.approvedAt ? formatDate(DateTime.fromJSDate(a.approvedAt).setZone(meeting.timeZone).toISODate()!, locale) : T.notYet[locale]}</li>`)}</ul>
</section>
</main>
</body>
</html>`;
  return body.value;
}
