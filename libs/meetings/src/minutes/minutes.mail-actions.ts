import { IsUUID } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { Translated, interpolate } from '@samverkan/core';
import { formatDateTime } from '@samverkan/mail';
import { registerMailAction } from '@samverkan/mail-actions';
import { MINUTES_APPROVAL_ACTION } from '../meeting-mail.templates';
import { MinutesStatus } from './minutes.entity';
import { MinutesService } from './minutes.service';

/** What an adjuster sees of the minutes before approving them. */
export interface MinutesApprovalSubject {
  minutesId: string;
  status: MinutesStatus;
  sentForApprovalAt: Date | null;
  body: string;
  title: string;
  startsAt: Date;
  timeZone: string;
  commissionId: string;
  /** Null when the person is not (or no longer) an adjuster. */
  adjuster: boolean;
  approvedAt: Date | null;
  decisions: { number: number; text: string }[];
}

/** The input of the approval: the minutes (the GraphQL mutation takes the same id, validated as a UUID). */
export class MinutesApprovalInput {
  @IsUUID()
  minutesId: string;
}

const MINUTES_TEXTS = {
  title: { sv: 'Justera protokollet: {title}', da: 'Godkend referatet: {title}', en: 'Approve the minutes: {title}' },
  asked: {
    sv: 'Du är justerare av protokollet från {title} ({at}). Läs det och justera det om det stämmer; annars kontaktar du sekretariatet.',
    da: 'Du skal godkende referatet fra {title} ({at}). Læs det, og godkend det, hvis det er korrekt; ellers kontakter du sekretariatet.',
    en: 'You are an adjuster of the minutes of {title} ({at}). Read them and approve them if they are right; otherwise contact the secretariat.',
  },
  decision: { sv: 'Beslut {number}: {text}', da: 'Beslutning {number}: {text}', en: 'Decision {number}: {text}' },
  noDecisions: { sv: 'Protokollet innehåller inga beslut.', da: 'Referatet indeholder ingen beslutninger.', en: 'The minutes record no decisions.' },
  submit: { sv: 'Justera protokollet', da: 'Godkend referatet', en: 'Approve the minutes' },
  approved: { sv: 'Justerat', da: 'Godkendt', en: 'Approved' },
  done: {
    sv: 'Din justering är registrerad. Protokollet fastställs när alla justerare har justerat.',
    da: 'Din godkendelse er registreret. Referatet er endeligt, når alle har godkendt det.',
    en: 'Your approval is recorded. The minutes are final once every adjuster has approved them.',
  },
  label: { sv: 'Justering av protokoll', da: 'Godkendelse af referat', en: 'Minutes approval' },
} satisfies Record<string, Translated>;

/** The mail button's label (the approval request and its reminders). */
export const APPROVE_MINUTES_BUTTON: Translated = MINUTES_TEXTS.submit;

async function loadMinutesSubject(manager: EntityManager, minutesId: string, personId: string): Promise<MinutesApprovalSubject | undefined> {
  const [row] = await manager.query(
    `SELECT mi.id AS "minutesId", mi.status, mi.sent_for_approval_at AS "sentForApprovalAt", mi.body, m.title, m.starts_at AS "startsAt",
            coalesce(p.time_zone, m.time_zone) AS "timeZone", m.commission_id AS "commissionId",
            (a.person_id IS NOT NULL) AS adjuster, a.approved_at AS "approvedAt",
            (SELECT coalesce(json_agg(json_build_object('number', d.number, 'text', d.text) ORDER BY d.number), '[]') FROM decision d WHERE d.minutes_id = mi.id) AS decisions
       FROM minutes mi
       JOIN meeting m ON m.id = mi.meeting_id
       LEFT JOIN minutes_adjuster a ON a.minutes_id = mi.id AND a.person_id = $2
       LEFT JOIN person p ON p.id = $2
      WHERE mi.id = $1`,
    [minutesId, personId],
  );
  return row;
}

/** An adjuster approves the minutes from the mail, as `approveMinutes` does; once. */
export const minutesApproval = registerMailAction<MinutesApprovalSubject, MinutesApprovalInput, MinutesService>({
  name: MINUTES_APPROVAL_ACTION,
  subjectType: 'minutes',
  singleUse: true,
  async load(manager, minutesId, personId) {
    const subject = await loadMinutesSubject(manager, minutesId, personId);
    if (!subject) return undefined;
    return {
      subject,
      // Sent for approval again (a new round of adjusting): the earlier mail is stale.
      version: subject.sentForApprovalAt ? new Date(subject.sentForApprovalAt).toISOString() : 'draft',
      commissionId: subject.commissionId,
      entitled: subject.adjuster,
      open: subject.status === MinutesStatus.IN_APPROVAL && !subject.approvedAt,
    };
  },
  title: (s, locale) => interpolate(MINUTES_TEXTS.title[locale], { title: s.title }),
  intro(s, locale) {
    const at = formatDateTime(new Date(s.startsAt), locale, s.timeZone);
    return [
      interpolate(MINUTES_TEXTS.asked[locale], { title: s.title, at }),
      ...(s.body.trim() ? [s.body.trim()] : []),
      ...(s.decisions.length ? s.decisions.map((d) => interpolate(MINUTES_TEXTS.decision[locale], d)) : [MINUTES_TEXTS.noDecisions[locale]]),
    ];
  },
  fields: () => [],
  submit: MINUTES_TEXTS.submit,
  done: MINUTES_TEXTS.done,
  label: MINUTES_TEXTS.label,
  inputType: MinutesApprovalInput,
  parse: (_form, _s, minutesId) => ({ input: Object.assign(new MinutesApprovalInput(), { minutesId }) }),
  service: () => MinutesService,
  perform: (minutes, ctx, input) => minutes.approve(ctx, input.minutesId),
  summarize: () => ({ approved: true }),
  describe: (_summary, locale) => MINUTES_TEXTS.approved[locale],
});
