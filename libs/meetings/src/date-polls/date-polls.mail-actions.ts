import type { EntityManager } from 'typeorm';
import { Locale, Translated, interpolate } from '@samverkan/core';
import { formatDateTime } from '@samverkan/mail';
import { registerMailAction } from '@samverkan/mail-actions';
import { PollAnswer } from './date-poll-answer.entity';
import { DATE_POLL_VOTE_ACTION } from './date-poll-mail.template';
import { AnswerDatePollInput, PollVoteInput } from './date-poll.inputs';
import { DatePollsService } from './date-polls.service';

/** What an invitee sees of a date poll on the vote page (times in their own time zone). */
export interface DatePollVoteSubject {
  pollId: string;
  title: string;
  status: string;
  commissionId: string;
  place: string | null;
  timeZone: string;
  /** Whether the person is among those the poll asks. */
  invited: boolean;
  options: { id: string; startsAt: string; endsAt: string; answer: PollAnswer | null }[];
}

const POLL_TEXTS = {
  title: { sv: 'När passar det? {title}', da: 'Hvornår passer det? {title}', en: 'When suits you? {title}' },
  intro: {
    sv: 'Svara för varje förslag om du kan komma. Du kan ändra ditt svar med samma länk tills tiden är bestämd.',
    da: 'Svar for hvert forslag, om du kan komme. Du kan ændre dit svar med det samme link, indtil tidspunktet er fastlagt.',
    en: 'For each option, answer whether you can come. You can change your answer with the same link until the time is chosen.',
  },
  where: { sv: 'Plats: {place}', da: 'Sted: {place}', en: 'Where: {place}' },
  option: { sv: '{from} – {until}', da: '{from} – {until}', en: '{from} – {until}' },
  optionAnswer: { sv: 'förslag {n}: {answer}', da: 'forslag {n}: {answer}', en: 'option {n}: {answer}' },
  submit: { sv: 'Skicka svaren', da: 'Send svarene', en: 'Send the answers' },
  done: {
    sv: 'Tack! Sekretariatet ser dina svar och väljer den tid som passar flest.',
    da: 'Tak! Sekretariatet kan se dine svar og vælger det tidspunkt, der passer flest.',
    en: 'Thank you. The secretariat can see your answers and chooses the time that suits most.',
  },
  label: { sv: 'Svar på tidsförslag', da: 'Svar på tidsforslag', en: 'Date poll answer' },
} satisfies Record<string, Translated>;

const POLL_ANSWER_LABELS: Record<PollAnswer, Translated> = {
  [PollAnswer.YES]: { sv: 'Ja', da: 'Ja', en: 'Yes' },
  [PollAnswer.IF_NEED_BE]: { sv: 'Om det behövs', da: 'Om nødvendigt', en: 'If need be' },
  [PollAnswer.NO]: { sv: 'Nej', da: 'Nej', en: 'No' },
};

async function loadPollSubject(manager: EntityManager, pollId: string, personId: string): Promise<DatePollVoteSubject | undefined> {
  const [row] = await manager.query(
    `SELECT dp.id AS "pollId", dp.title, dp.status, dp.commission_id AS "commissionId", dp.place, coalesce(p.time_zone, dp.time_zone) AS "timeZone",
            EXISTS (SELECT 1 FROM date_poll_invitee i WHERE i.poll_id = dp.id AND i.person_id = $2) AS invited,
            (SELECT coalesce(json_agg(json_build_object('id', o.id, 'startsAt', o.starts_at, 'endsAt', o.ends_at, 'answer', a.answer) ORDER BY o.starts_at, o.id), '[]')
               FROM date_poll_option o LEFT JOIN date_poll_answer a ON a.option_id = o.id AND a.person_id = $2
              WHERE o.poll_id = dp.id) AS options
       FROM date_poll dp LEFT JOIN person p ON p.id = $2
      WHERE dp.id = $1`,
    [pollId, personId],
  );
  return row;
}

/**
 * An invitee answers a date poll from the mail, as `answerDatePoll` does. Not
 * single use (answers may change until a time is chosen); choosing a time
 * closes the poll, and the page says so.
 */
export const datePollVote = registerMailAction<DatePollVoteSubject, AnswerDatePollInput, DatePollsService>({
  name: DATE_POLL_VOTE_ACTION,
  subjectType: 'date_poll',
  singleUse: false,
  async load(manager, pollId, personId) {
    const subject = await loadPollSubject(manager, pollId, personId);
    if (!subject) return undefined;
    return {
      subject,
      // The options are fixed once the poll is made: the link stays valid while it is open.
      version: subject.pollId,
      commissionId: subject.commissionId,
      entitled: subject.invited,
      open: subject.status === 'open',
    };
  },
  title: (s, locale) => interpolate(POLL_TEXTS.title[locale], { title: s.title }),
  intro: (s, locale) => [POLL_TEXTS.intro[locale], ...(s.place ? [interpolate(POLL_TEXTS.where[locale], { place: s.place })] : [])],
  fields: (s) =>
    s.options.map((option, index) => ({
      kind: 'radio' as const,
      name: `option${index + 1}`,
      label: Object.fromEntries(
        (['sv', 'da', 'en'] as Locale[]).map((l) => [l, interpolate(POLL_TEXTS.option[l], { from: formatDateTime(option.startsAt, l, s.timeZone), until: formatDateTime(option.endsAt, l, s.timeZone) })]),
      ) as Translated,
      required: true,
      options: [PollAnswer.YES, PollAnswer.IF_NEED_BE, PollAnswer.NO].map((value) => ({ value, label: POLL_ANSWER_LABELS[value] })),
    })),
  submit: POLL_TEXTS.submit,
  done: POLL_TEXTS.done,
  label: POLL_TEXTS.label,
  inputType: AnswerDatePollInput,
  parse(form, s, pollId) {
    const votes = s.options.map((option, index) => Object.assign(new PollVoteInput(), { optionId: option.id, answer: (form[`option${index + 1}`] ?? '') as PollAnswer }));
    return {
      input: Object.assign(new AnswerDatePollInput(), { pollId, votes }),
      // "votes.1.answer" is the field of the second option.
      fieldOf: (path) => {
        const match = /^votes\.(\d+)\.answer$/.exec(path);
        return match ? `option${Number(match[1]) + 1}` : undefined;
      },
    };
  },
  service: () => DatePollsService,
  perform: (polls, ctx, input) => polls.answer(ctx, input),
  summarize: (input) => ({ answers: input.votes.map((v) => v.answer) }),
  // The answers in the options' order: "Option 1: Yes, option 2: No".
  describe: (summary, locale) =>
    (Array.isArray(summary.answers) ? (summary.answers as PollAnswer[]) : [])
      .map((answer, index) => interpolate(POLL_TEXTS.optionAnswer[locale], { n: index + 1, answer: POLL_ANSWER_LABELS[answer]?.[locale] ?? answer }))
      .join(', '),
});
