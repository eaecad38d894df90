import { Translated } from '@samverkan/core';
import { defineMailTemplate, fill, formatDate, html, layout, textFooter } from '@samverkan/mail';

export interface ReviewInvitationProps {
  deliverableTitle: string;
  commissionTitle: string;
  versionNumber: number;
  filename: string;
  deadline: string;
  message: string | null;
  /** Absolute link to the round. */
  url: string;
  /** Absolute link to the document version. */
  downloadUrl: string;
}

const SUBJECT: Translated = {
  sv: 'Granska: {title} (version {version}) senast {date}',
  da: 'Høring: {title} (version {version}) senest {date}',
  en: 'Please review: {title} (version {version}) by {date}',
};
const INTRO: Translated = {
  sv: 'Du är utsedd att granska {title} inom {commission}. Svara senast {date}: godkänn, begär ändringar eller lämna synpunkter, gärna med avsnitt, sida eller rad och ett förslag till formulering.',
  da: 'Du er udpeget til at give høringssvar på {title} i {commission}. Svar senest {date}: godkend, ønsk ændringer eller kommentér, gerne med afsnit, side eller linje og et forslag til formulering.',
  en: 'You are named to review {title} in {commission}. Answer by {date}: approve, request changes or comment, ideally with a section, page or line and a proposed wording.',
};
const OPEN: Translated = { sv: 'Öppna granskningen', da: 'Åbn høringen', en: 'Open the review' };
const DOWNLOAD: Translated = { sv: 'Hämta dokumentet', da: 'Hent dokumentet', en: 'Download the document' };
const FROM_SECRETARIAT: Translated = { sv: 'Meddelande från sekretariatet:', da: 'Besked fra sekretariatet:', en: 'Message from the secretariat:' };

/** The invitation a named reviewer gets when a review round opens. */
export const reviewInvitationTemplate = defineMailTemplate<ReviewInvitationProps>('review-invitation', (props, recipient) => {
  const { locale } = recipient;
  const params = { title: props.deliverableTitle, version: props.versionNumber, date: formatDate(props.deadline, locale), commission: props.commissionTitle };
  const subject = fill(SUBJECT, locale, params).text;
  const intro = fill(INTRO, locale, params);
  const body = html`<p>${intro.html}</p>
${props.message ? html`<p>${FROM_SECRETARIAT[locale]}</p><blockquote>${props.message}</blockquote>` : ''}
<p><a href="${props.url}">${OPEN[locale]}</a> · <a href="${props.downloadUrl}">${DOWNLOAD[locale]} (${props.filename})</a></p>`;
  const text =
    [intro.text, props.message ? `${FROM_SECRETARIAT[locale]}\n${props.message}` : undefined, `${OPEN[locale]}: ${props.url}`, `${DOWNLOAD[locale]} (${props.filename}): ${props.downloadUrl}`]
      .filter(Boolean)
      .join('\n\n') + textFooter(locale);
  return { subject, html: layout(locale, subject, body), text };
});
