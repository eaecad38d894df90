import { Translated } from '@samverkan/core';
import { defineMailTemplate, fill, formatDate, html, layout, textFooter } from '@samverkan/mail';
import { mailButtons } from '@samverkan/mail-actions';

/** The mail action of a review answer (registered in deliverables.mail-actions.ts; named here so the service needs no import of it). */
export const REVIEW_ANSWER_ACTION = 'review.answer';

export type ReviewButtonVerdict = 'approve' | 'request_changes' | 'comment';

/** The verdicts a review invitation offers as buttons, and the same words on the page behind them. */
export const REVIEW_BUTTON_LABELS: Record<ReviewButtonVerdict, Translated> = {
  approve: { sv: 'Godkänn', da: 'Godkend', en: 'Approve' },
  request_changes: { sv: 'Begär ändringar', da: 'Ønsk ændringer', en: 'Request changes' },
  comment: { sv: 'Lämna synpunkter', da: 'Kommentér', en: 'Comment' },
};
const BUTTON_NOTE: Translated = {
  sv: 'Knapparna öppnar en sida där du bekräftar ditt svar och kan skriva en synpunkt; du behöver inte logga in. Länken gäller bara för dig och ett svar.',
  da: 'Knapperne åbner en side, hvor du bekræfter dit svar og kan skrive en kommentar; du skal ikke logge ind. Linket gælder kun for dig og ét svar.',
  en: 'The buttons open a page where you confirm your answer and can write a comment; no sign-in needed. The link is for you and one answer only.',
};

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
  /** One-click answers: one signed single-use link, a verdict preselected per button. */
  answerButtons?: { verdict: ReviewButtonVerdict; url: string }[];
  /** A reminder the secretariat sent from the round's page to a reviewer who has not answered. */
  reminder?: boolean;
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
const REMINDER_SUBJECT: Translated = { sv: 'Påminnelse: {subject}', da: 'Påmindelse: {subject}', en: 'Reminder: {subject}' };
const REMINDER_INTRO: Translated = {
  sv: 'Sekretariatet påminner dig: vi har ännu inte fått ditt svar.',
  da: 'Sekretariatet minder dig om, at vi endnu ikke har modtaget dit høringssvar.',
  en: 'A reminder from the secretariat: we have not had your answer yet.',
};
const OPEN: Translated = { sv: 'Öppna granskningen', da: 'Åbn høringen', en: 'Open the review' };
const DOWNLOAD: Translated = { sv: 'Hämta dokumentet', da: 'Hent dokumentet', en: 'Download the document' };
const FROM_SECRETARIAT: Translated = { sv: 'Meddelande från sekretariatet:', da: 'Besked fra sekretariatet:', en: 'Message from the secretariat:' };

/** The invitation a named reviewer gets when a review round opens. */
export const reviewInvitationTemplate = defineMailTemplate<ReviewInvitationProps>('review-invitation', (props, recipient) => {
  const { locale } = recipient;
  const params = { title: props.deliverableTitle, version: props.versionNumber, date: formatDate(props.deadline, locale), commission: props.commissionTitle };
  const plainSubject = fill(SUBJECT, locale, params).text;
  const subject = props.reminder ? fill(REMINDER_SUBJECT, locale, { subject: plainSubject }).text : plainSubject;
  const intro = fill(INTRO, locale, params);
  const buttons = props.answerButtons?.length ? mailButtons(props.answerButtons.map((b) => ({ label: REVIEW_BUTTON_LABELS[b.verdict][locale], url: b.url }))) : undefined;
  const body = html`${props.reminder ? html`<p><strong>${REMINDER_INTRO[locale]}</strong></p>` : ''}<p>${intro.html}</p>
${props.message ? html`<p>${FROM_SECRETARIAT[locale]}</p><blockquote>${props.message}</blockquote>` : ''}
${buttons ? html`${buttons.html}<p style="font-size: 0.9em; color: #4a4a4a;">${BUTTON_NOTE[locale]}</p>` : ''}
<p><a href="${props.url}">${OPEN[locale]}</a> · <a href="${props.downloadUrl}">${DOWNLOAD[locale]} (${props.filename})</a></p>`;
  const text =
    [props.reminder ? REMINDER_INTRO[locale] : undefined, intro.text, props.message ? `${FROM_SECRETARIAT[locale]}\n${props.message}` : undefined, buttons ? `${buttons.text}\n\n${BUTTON_NOTE[locale]}` : undefined, `${OPEN[locale]}: ${props.url}`, `${DOWNLOAD[locale]} (${props.filename}): ${props.downloadUrl}`]
      .filter(Boolean)
      .join('\n\n') + textFooter(recipient);
  return { subject, html: layout(recipient, subject, body), text };
});
