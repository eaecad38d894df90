import { Translated } from '@samverkan/core';
import { defineMailTemplate, fill, html, layout, textFooter } from '@samverkan/mail';
import { ReminderMailProps, greeting, reminderButtons, reminderParams, reminderTexts } from './reminder.template';

export interface DigestMailProps {
  delivery: 'daily' | 'weekly';
  items: ReminderMailProps[];
}

const SUBJECT: Record<DigestMailProps['delivery'], Translated> = {
  daily: { sv: 'Dagens påminnelser från Samverkan ({count})', da: 'Dagens påmindelser fra Samverkan ({count})', en: 'Your daily reminders from Samverkan ({count})' },
  weekly: { sv: 'Veckans påminnelser från Samverkan ({count})', da: 'Ugens påmindelser fra Samverkan ({count})', en: 'Your weekly reminders from Samverkan ({count})' },
};
const INTRO: Translated = {
  sv: 'Här är det som väntar på dig:',
  da: 'Her er det, der venter på dig:',
  en: 'Here is what is waiting for you:',
};

/** One mail listing everything owed to a person at their digest hour. */
export const digestTemplate = defineMailTemplate<DigestMailProps>('digest', (props, recipient) => {
  const { locale } = recipient;
  const subject = fill(SUBJECT[props.delivery], locale, { count: props.items.length }).text;
  const lines = props.items.map((item) => ({ line: fill(reminderTexts(item.kind).line, locale, reminderParams(item, recipient)), url: item.url, buttons: reminderButtons(item, locale) }));
  const hello = greeting(locale, recipient.name);
  const body = html`${hello ? html`<p>${hello.html}</p>` : ''}
<p>${INTRO[locale]}</p>
<ul>
${lines.map(({ line, url, buttons }) => html`<li>${url ? html`<a href="${url}">${line.html}</a>` : line.html}${buttons ? buttons.html : ''}</li>\n`)}</ul>`;
  const text =
    [hello?.text, INTRO[locale], lines.map(({ line, url, buttons }) => `- ${line.text}${url ? `\n  ${url}` : ''}${buttons ? `\n  ${buttons.text.replace(/\n/g, '\n  ')}` : ''}`).join('\n')].filter(Boolean).join('\n\n') +
    textFooter(recipient);
  return { subject, html: layout(recipient, subject, body), text };
});
