import { ErrorCode, Locale, Translated, registerConstraintErrors, registerMessages } from '@samverkan/core';
import { DeliverableKind, DeliverableStatus } from './deliverable.entity';
import { DeliverableHealth } from './deliverable-health';
import { CommentDecision } from './review-comment.entity';
import { ReviewVerdict } from './review-answer.entity';

registerMessages({
  'documents.oneFile': {
    sv: '{field}: skicka exakt en fil, i fältet "file".',
    da: '{field}: send præcis én fil, i feltet "file".',
    en: '{field}: send exactly one file, in the field "file".',
  },
  'documents.unreadableUpload': {
    sv: '{field}: uppladdningen gick inte att läsa som multipart/form-data.',
    da: '{field}: uploaden kunne ikke læses som multipart/form-data.',
    en: '{field}: the upload could not be read as multipart/form-data.',
  },
  'deliverables.transition': {
    sv: 'Status kan inte ändras från {from} till {to}. Tillåtna: {allowed}.',
    da: 'Status kan ikke ændres fra {from} til {to}. Tilladte: {allowed}.',
    en: 'The status cannot change from {from} to {to}. Allowed: {allowed}.',
  },
  'deliverables.sameDueDate': {
    sv: 'Det nya datumet är detsamma som det nuvarande.',
    da: 'Den nye dato er den samme som den nuværende.',
    en: 'The new date is the same as the current one.',
  },
  'deliverables.deadlineNeedsReason': {
    sv: 'Ett ändrat leveransdatum kräver ett skäl.',
    da: 'En ændret leverancedato kræver en begrundelse.',
    en: 'A changed due date needs a reason.',
  },
  'deliverables.closed': {
    sv: 'Leveransen är {status} och kan inte ändras så.',
    da: 'Leverancen er {status} og kan ikke ændres sådan.',
    en: 'The deliverable is {status} and cannot be changed that way.',
  },
  'deliverables.groupElsewhere': {
    sv: 'Arbetsgruppen hör till ett annat uppdrag.',
    da: 'Arbejdsgruppen hører til en anden opgave.',
    en: 'The working group belongs to another commission.',
  },
  'deliverables.goalOfOtherStrategy': {
    sv: 'Målet hör inte till uppdragets strategi.',
    da: 'Målet hører ikke til opgavens strategi.',
    en: 'The goal does not belong to the commission’s strategy.',
  },
  'deliverables.fileTooLarge': {
    sv: 'Filen är för stor (högst {max}).',
    da: 'Filen er for stor (højst {max}).',
    en: 'The file is too large (at most {max}).',
  },
  'deliverables.fileType': {
    sv: 'Filtypen är inte tillåten. Tillåtna: PDF, Word, Excel, PowerPoint, OpenDocument, text, CSV, PNG och JPEG.',
    da: 'Filtypen er ikke tilladt. Tilladte: PDF, Word, Excel, PowerPoint, OpenDocument, tekst, CSV, PNG og JPEG.',
    en: 'This type of file is not allowed. Allowed: PDF, Word, Excel, PowerPoint, OpenDocument, text, CSV, PNG and JPEG.',
  },
  'deliverables.fileMissing': {
    sv: 'Ingen fil skickades (fältet "file").',
    da: 'Der blev ikke sendt nogen fil (feltet "file").',
    en: 'No file was sent (field "file").',
  },
  'deliverables.fileMissingInStorage': {
    sv: 'Filens innehåll saknas i lagringen.',
    da: 'Filens indhold mangler i lageret.',
    en: 'The file’s content is missing from storage.',
  },
  'reviews.roundClosed': {
    sv: 'Granskningsomgången är stängd.',
    da: 'Høringsrunden er lukket.',
    en: 'The review round is closed.',
  },
  'reviews.roundOpen': {
    sv: 'Det finns redan en öppen granskningsomgång för leveransen.',
    da: 'Der er allerede en åben høringsrunde for leverancen.',
    en: 'The deliverable already has an open review round.',
  },
  'reviews.notNamed': {
    sv: 'Du är inte utsedd att granska i den här omgången.',
    da: 'Du er ikke udpeget til at give høringssvar i denne runde.',
    en: 'You are not named as a reviewer in this round.',
  },
  'reviews.needsReviewers': {
    sv: 'Ange minst en granskare.',
    da: 'Angiv mindst én høringspart.',
    en: 'Name at least one reviewer.',
  },
  'reviews.statusForRound': {
    sv: 'En granskning kan bara öppnas när leveransen pågår eller granskas (nu: {status}).',
    da: 'En høring kan kun åbnes, når leverancen er i gang eller i høring (nu: {status}).',
    en: 'A review can only be opened while the deliverable is in progress or in review (now: {status}).',
  },
  'reviews.deadlinePast': {
    sv: 'Svarsdatumet har redan passerat.',
    da: 'Svarfristen er allerede overskredet.',
    en: 'The deadline has already passed.',
  },
  'reviews.anchorNeeded': {
    sv: 'En kommentar om avsnitt, sida eller rad behöver ange var.',
    da: 'En kommentar til afsnit, side eller linje skal angive hvor.',
    en: 'A comment on a section, page or line must say where.',
  },
  'reviews.reminderStale': {
    sv: 'Sidan visade inte de senaste påminnelserna ({sent} skickade). Läs in sidan igen och försök på nytt.',
    da: 'Siden viste ikke de seneste påmindelser ({sent} sendt). Indlæs siden igen, og prøv igen.',
    en: 'The page did not show the latest reminders ({sent} sent). Reload the page and try again.',
  },
  'reviews.nobodyToRemind': {
    sv: 'Alla granskare har svarat (eller saknar e-postadress): ingen att påminna.',
    da: 'Alle høringsparter har svaret (eller mangler e-mailadresse): ingen at minde.',
    en: 'Every reviewer has answered (or has no email address): nobody to remind.',
  },
  'reviews.decisionNeedsResponse': {
    sv: 'Ett beslut om en synpunkt kräver ett svar.',
    da: 'En beslutning om en kommentar kræver et svar.',
    en: 'A decision on a comment needs a response.',
  },
});

registerConstraintErrors({
  deliverable_status_transition: { code: ErrorCode.BAD_USER_INPUT, messageKey: 'common.invalidInput' },
  deliverable_deadline_change_required: { code: ErrorCode.BAD_USER_INPUT, messageKey: 'deliverables.deadlineNeedsReason' },
  deliverable_deadline_change_moves: { code: ErrorCode.BAD_USER_INPUT, messageKey: 'deliverables.sameDueDate' },
  deliverable_goal_of_strategy: { code: ErrorCode.BAD_USER_INPUT, messageKey: 'deliverables.goalOfOtherStrategy' },
  review_round_closed: { code: ErrorCode.CONFLICT, messageKey: 'reviews.roundClosed' },
  review_round_one_open: { code: ErrorCode.CONFLICT, messageKey: 'reviews.roundOpen' },
});

/** Labels of the enums, for exports, mail and clients that show them. */
export const STATUS_LABELS: Record<DeliverableStatus, Translated> = {
  planned: { sv: 'planerad', da: 'planlagt', en: 'planned' },
  in_progress: { sv: 'pågår', da: 'i gang', en: 'in progress' },
  in_review: { sv: 'på granskning', da: 'i høring', en: 'in review' },
  approved: { sv: 'godkänd', da: 'godkendt', en: 'approved' },
  delivered: { sv: 'levererad', da: 'leveret', en: 'delivered' },
  cancelled: { sv: 'avbruten', da: 'annulleret', en: 'cancelled' },
};

export const KIND_LABELS: Record<DeliverableKind, Translated> = {
  report: { sv: 'rapport', da: 'rapport', en: 'report' },
  interim_report: { sv: 'delrapport', da: 'delrapport', en: 'interim report' },
  final_report: { sv: 'slutrapport', da: 'slutrapport', en: 'final report' },
  memo: { sv: 'promemoria', da: 'notat', en: 'memo' },
  proposal: { sv: 'förslag', da: 'forslag', en: 'proposal' },
  dataset: { sv: 'datamängd', da: 'datasæt', en: 'dataset' },
  event: { sv: 'evenemang', da: 'arrangement', en: 'event' },
};

export const HEALTH_LABELS: Record<DeliverableHealth, Translated> = {
  on_track: { sv: 'enligt plan', da: 'efter planen', en: 'on track' },
  at_risk: { sv: 'i riskzonen', da: 'i risiko', en: 'at risk' },
  late: { sv: 'försenad', da: 'forsinket', en: 'late' },
};

export const VERDICT_LABELS: Record<ReviewVerdict, Translated> = {
  approve: { sv: 'godkänner', da: 'godkender', en: 'approves' },
  request_changes: { sv: 'begär ändringar', da: 'ønsker ændringer', en: 'requests changes' },
  comment: { sv: 'lämnar synpunkter', da: 'kommenterer', en: 'comments' },
};

export const DECISION_LABELS: Record<CommentDecision, Translated> = {
  accepted: { sv: 'beaktad', da: 'imødekommet', en: 'accepted' },
  partly: { sv: 'delvis beaktad', da: 'delvist imødekommet', en: 'partly accepted' },
  rejected: { sv: 'ej beaktad', da: 'ikke imødekommet', en: 'rejected' },
};

export function label(labels: Record<string, Translated>, value: string | null | undefined, locale: Locale): string {
  return value ? (labels[value]?.[locale] ?? value) : '';
}
