import { Recipient, defineMailTemplate, fill, formatDate, formatDateTime, html, layout, textFooter } from '@samverkan/mail';
import { RAG_LABEL, T } from './report-texts';
import type { ReportSummary } from './report-snapshot';

export interface ReportMailProps {
  commissionTitle: string;
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  compiledAt: string;
  kind: 'scheduled' | 'on_demand';
  summary: ReportSummary;
  url: string;
}

/** The delivery mail to a commissioner: the summary (RAG counts, overdue items) and the link, in their language and time zone. */
export const reportMailTemplate = defineMailTemplate<ReportMailProps>('report.delivery', (props, recipient: Recipient) => {
  const { locale, timeZone } = recipient;
  const period = `${props.periodKey} (${formatDate(props.periodStart, locale)} – ${formatDate(props.periodEnd, locale)})`;
  const subject = fill(T.mailSubject, locale, { period: props.periodKey, title: props.commissionTitle }).text;
  const hello = recipient.name ? fill(T.greeting, locale, { name: recipient.name }) : undefined;
  const intro = fill(T.mailIntro, locale, { title: props.commissionTitle, period });
  const overall = `${T.overall[locale]}: ${RAG_LABEL[props.summary.rag][locale]}`;
  const groups = fill(T.mailRagLine, locale, { ...props.summary.groups });
  const deliverables = fill(T.mailDeliverablesLine, locale, { ...props.summary.deliverables });
  const compiled = `${T.compiledAt[locale]}: ${formatDateTime(props.compiledAt, locale, timeZone)}`;
  const overdueHead = props.summary.overdueCount > 0 ? fill(T.mailOverdue, locale, { count: props.summary.overdueCount }) : undefined;
  const overdueLines = props.summary.overdue.map((item) => `${item.title} (${T.dueOn[locale]} ${formatDate(item.dueOn, locale)})`);
  const lines = [
    hello?.text,
    intro.text,
    props.kind === 'on_demand' ? T.onDemandNote[locale] : undefined,
    props.summary.isEmpty ? T.emptyPeriod[locale] : undefined,
    overall,
    groups.text,
    deliverables.text,
    overdueHead ? [overdueHead.text, ...overdueLines.map((line) => `- ${line}`)].join('\n') : T.noOverdue[locale],
    compiled,
    `${T.readReport[locale]}: ${props.url}`,
  ].filter(Boolean);
  const body = html`${hello ? html`<p>${hello.html}</p>` : ''}
<p>${intro.html}</p>
${props.kind === 'on_demand' ? html`<p>${T.onDemandNote[locale]}</p>` : ''}
${props.summary.isEmpty ? html`<p>${T.emptyPeriod[locale]}</p>` : ''}
<p><strong>${overall}</strong></p>
<ul><li>${groups.html}</li><li>${deliverables.html}</li></ul>
${overdueHead ? html`<p>${overdueHead.html}</p><ul>${overdueLines.map((line) => html`<li>${line}</li>`)}</ul>` : html`<p>${T.noOverdue[locale]}</p>`}
<p>${compiled}</p>
<p><a href="${props.url}">${T.readReport[locale]}</a></p>`;
  return { subject, html: layout(recipient, subject, body), text: lines.join('\n\n') + textFooter(recipient) };
});
