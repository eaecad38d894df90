import type { EntityManager } from 'typeorm';
import { Translated, interpolate } from '@samverkan/core';
import { formatDate } from '@samverkan/mail';
import { registerMailAction } from '@samverkan/mail-actions';
import { AnswerReviewInput, ReviewCommentInput } from './deliverable.inputs';
import { AnchorKind } from './review-comment.entity';
import { ReviewRoundStatus } from './review.entity';
import { ReviewVerdict } from './review-answer.entity';
import { REVIEW_ANSWER_ACTION, REVIEW_BUTTON_LABELS } from './review-invitation.template';
import { ReviewsService } from './reviews.service';
import { VERDICT_LABELS } from './deliverables.messages';

/** How many comments an answer from the mail carried, for the mail log. */
const REVIEW_COUNT = {
  one: { sv: '{count} synpunkt', da: '{count} kommentar', en: '{count} comment' },
  other: { sv: '{count} synpunkter', da: '{count} kommentarer', en: '{count} comments' },
} satisfies Record<string, Translated>;

/** What a named reviewer sees of a review round on the answer page. */
export interface ReviewRoundSubject {
  roundId: string;
  status: ReviewRoundStatus;
  deadline: string;
  message: string | null;
  versionId: string;
  versionNumber: number;
  filename: string;
  deliverableTitle: string;
  commissionTitle: string;
  commissionId: string;
  /** Whether the person is a named reviewer of the round. */
  named: boolean;
}

async function loadReviewRound(manager: EntityManager, roundId: string, personId: string): Promise<ReviewRoundSubject | undefined> {
  const [row] = await manager.query(
    `SELECT r.id AS "roundId", r.status, r.deadline::text AS deadline, r.message, r.version_id AS "versionId", v.number AS "versionNumber",
            v.filename, d.title AS "deliverableTitle", c.title AS "commissionTitle", c.id AS "commissionId",
            (rr.person_id IS NOT NULL) AS named
       FROM review_round r
       JOIN document_version v ON v.id = r.version_id
       JOIN deliverable d ON d.id = r.deliverable_id
       JOIN commission c ON c.id = d.commission_id
       LEFT JOIN review_reviewer rr ON rr.round_id = r.id AND rr.person_id = $2
      WHERE r.id = $1`,
    [roundId, personId],
  );
  return row;
}

const TEXTS = {
  title: { sv: 'Granska: {title} (version {version})', da: 'Høring: {title} (version {version})', en: 'Review: {title} (version {version})' },
  asked: {
    sv: 'Du är utsedd att granska {title} (version {version}, {filename}) inom {commission}. Svara senast {date}.',
    da: 'Du er udpeget til at give høringssvar på {title} (version {version}, {filename}) i {commission}. Svar senest {date}.',
    en: 'You are named to review {title} (version {version}, {filename}) in {commission}. Please answer by {date}.',
  },
  message: { sv: 'Meddelande från sekretariatet: {message}', da: 'Besked fra sekretariatet: {message}', en: 'Message from the secretariat: {message}' },
  verdict: { sv: 'Ditt svar', da: 'Dit svar', en: 'Your answer' },
  summary: { sv: 'Sammanfattning (valfritt)', da: 'Sammenfatning (valgfrit)', en: 'Summary (optional)' },
  comment: { sv: 'Synpunkt', da: 'Kommentar', en: 'Comment' },
  anchorKind: { sv: 'Var i dokumentet?', da: 'Hvor i dokumentet?', en: 'Where in the document?' },
  anchor: { sv: 'Avsnitt, sida eller rad', da: 'Afsnit, side eller linje', en: 'Section, page or line' },
  anchorHint: { sv: 'Till exempel 3.2, 12 eller 140–152.', da: 'For eksempel 3.2, 12 eller 140–152.', en: 'For example 3.2, 12 or 140–152.' },
  body: { sv: 'Din synpunkt', da: 'Din kommentar', en: 'Your comment' },
  proposedWording: { sv: 'Förslag till formulering (valfritt)', da: 'Forslag til formulering (valgfrit)', en: 'Proposed wording (optional)' },
  submit: { sv: 'Skicka svaret', da: 'Send svaret', en: 'Send the answer' },
  done: {
    sv: 'Sekretariatet har fått ditt svar. Länken kan inte användas igen; kontakta sekretariatet om du vill lägga till något.',
    da: 'Sekretariatet har modtaget dit svar. Linket kan ikke bruges igen; kontakt sekretariatet, hvis du vil tilføje noget.',
    en: 'The secretariat has received your answer. The link cannot be used again; contact the secretariat if you want to add something.',
  },
  label: { sv: 'Granskningssvar', da: 'Høringssvar', en: 'Review answer' },
} satisfies Record<string, Translated>;

const ANCHOR_LABELS: Record<AnchorKind, Translated> = {
  [AnchorKind.GENERAL]: { sv: 'Hela dokumentet', da: 'Hele dokumentet', en: 'The whole document' },
  [AnchorKind.SECTION]: { sv: 'Avsnitt', da: 'Afsnit', en: 'Section' },
  [AnchorKind.PAGE]: { sv: 'Sida', da: 'Side', en: 'Page' },
  [AnchorKind.LINE]: { sv: 'Rad', da: 'Linje', en: 'Line' },
};

/** Form field of each validation path of AnswerReviewInput. */
const FIELD_OF: Record<string, string> = {
  verdict: 'verdict',
  summary: 'summary',
  'comments.0.anchorKind': 'anchorKind',
  'comments.0.anchor': 'anchor',
  'comments.0.body': 'body',
  'comments.0.proposedWording': 'proposedWording',
};

/**
 * A named reviewer answers a review round from the invitation, as
 * `answerReview` does: approve, request changes or comment, with one anchored
 * comment. Single use; refused once the round is closed.
 */
export const reviewAnswer = registerMailAction<ReviewRoundSubject, AnswerReviewInput, ReviewsService>({
  name: REVIEW_ANSWER_ACTION,
  subjectType: 'review_round',
  singleUse: true,
  async load(manager, roundId, personId) {
    const subject = await loadReviewRound(manager, roundId, personId);
    if (!subject) return undefined;
    return {
      subject,
      // Another version or deadline makes the invitation stale; removal from the round revokes it.
      version: `${subject.versionId}|${subject.deadline}`,
      commissionId: subject.commissionId,
      entitled: subject.named,
      open: subject.status === ReviewRoundStatus.OPEN,
    };
  },
  title: (s, locale) => interpolate(TEXTS.title[locale], { title: s.deliverableTitle, version: s.versionNumber }),
  intro: (s, locale) => [
    interpolate(TEXTS.asked[locale], { title: s.deliverableTitle, version: s.versionNumber, filename: s.filename, commission: s.commissionTitle, date: formatDate(s.deadline, locale) }),
    ...(s.message ? [interpolate(TEXTS.message[locale], { message: s.message })] : []),
  ],
  fields: () => [
    {
      kind: 'radio',
      name: 'verdict',
      label: TEXTS.verdict,
      required: true,
      options: (['approve', 'request_changes', 'comment'] as const).map((value) => ({ value, label: REVIEW_BUTTON_LABELS[value] })),
    },
    { kind: 'textarea', name: 'summary', label: TEXTS.summary, maxLength: 10000 },
    {
      kind: 'group',
      legend: TEXTS.comment,
      fields: [
        { kind: 'radio', name: 'anchorKind', label: TEXTS.anchorKind, options: Object.values(AnchorKind).map((value) => ({ value, label: ANCHOR_LABELS[value] })) },
        { kind: 'text', name: 'anchor', label: TEXTS.anchor, hint: TEXTS.anchorHint, maxLength: 200 },
        { kind: 'textarea', name: 'body', label: TEXTS.body, maxLength: 20000 },
        { kind: 'textarea', name: 'proposedWording', label: TEXTS.proposedWording, maxLength: 20000 },
      ],
    },
  ],
  submit: TEXTS.submit,
  done: TEXTS.done,
  label: TEXTS.label,
  prefill: ['verdict'],
  inputType: AnswerReviewInput,
  parse(form, _s, roundId) {
    const value = (name: string) => form[name]?.trim() || undefined;
    const anchor = value('anchor');
    const body = value('body');
    const proposedWording = value('proposedWording');
    const comments: ReviewCommentInput[] = [];
    // One comment when anything of it was written (a missing text then shows at its field).
    if (anchor || body || proposedWording) {
      const anchorKind = (value('anchorKind') ?? (anchor ? AnchorKind.SECTION : AnchorKind.GENERAL)) as AnchorKind;
      comments.push(Object.assign(new ReviewCommentInput(), { anchorKind, anchor, body: body ?? '', proposedWording }));
    }
    return {
      input: Object.assign(new AnswerReviewInput(), { roundId, verdict: (form.verdict ?? '') as ReviewVerdict, summary: value('summary'), comments }),
      fieldOf: (path) => FIELD_OF[path],
    };
  },
  service: () => ReviewsService,
  perform: (reviews, ctx, input) => reviews.answer(ctx, input.roundId, { verdict: input.verdict, summary: input.summary, comments: input.comments }),
  summarize: (input) => ({ verdict: input.verdict, comments: input.comments.length }),
  describe(summary, locale) {
    const verdict = VERDICT_LABELS[summary.verdict as ReviewVerdict]?.[locale] ?? String(summary.verdict ?? '');
    const count = Number(summary.comments ?? 0);
    return `${verdict.charAt(0).toUpperCase()}${verdict.slice(1)}, ${interpolate(REVIEW_COUNT[count === 1 ? 'one' : 'other'][locale], { count })}`;
  },
});
