import { Translated } from '@samverkan/core';

/**
 * What a reminder mail shows; a rule's SQL builds it as `props` (jsonb).
 * `date` is a calendar date (YYYY-MM-DD), `at` a moment (ISO, rendered in the
 * reader's time zone), `path` a link inside the app ("/deliverables/…").
 */
export interface ReminderProps {
  title: string;
  date?: string;
  at?: string;
  days?: number;
  path?: string;
  /** The commission the reminder is about: the mail then shows in its secretariat's mail log. */
  commissionId?: string;
}

/**
 * A kind of reminder, owned by the area whose tables it reads. The area
 * registers it from its own folder (e.g. `libs/deliverables/src/deliverable.reminders.ts`):
 *
 * ```ts
 * registerReminderRule({
 *   kind: 'deliverable.due',
 *   label: { sv: 'Leverans snart', da: 'Leverance snart', en: 'Deliverable due soon' },
 *   optOutAllowed: true,
 *   subject: { sv: 'Påminnelse: {title} ska vara klar {date}', … },
 *   line: { sv: '{title} ska vara klar {date} (om {days} dagar).', … },
 *   owedSql: `
 *     SELECT d.responsible_person_id AS person_id, 'deliverable' AS subject_type, d.id AS subject_id,
 *            ((d.due_on - o.days) + time '08:00') AT TIME ZONE p.time_zone AS due_at,
 *            'deliverable.due:' || d.id || ':' || d.due_on || ':' || o.days || ':' || p.id AS dedupe_key,
 *            jsonb_build_object('title', d.title, 'date', d.due_on, 'days', o.days) AS props
 *       FROM deliverable d
 *       JOIN person p ON p.id = d.responsible_person_id
 *      CROSS JOIN (VALUES (14), (7), (1)) AS o(days)
 *      WHERE d.status NOT IN ('done', 'cancelled')
 *        AND d.due_on BETWEEN (:from)::date AND (:until)::date + 14`,
 * });
 * ```
 *
 * The engine runs `owedSql` as a set (no loop in Node): rows not yet in the
 * notification table are inserted (ON CONFLICT (dedupe_key) DO NOTHING), and
 * owed rows of this kind whose dedupe key the query no longer returns are
 * cancelled. Put the due moment (or the subject's date) into the dedupe key:
 * moving a deadline then cancels the old reminders and owes new ones, and
 * completing the subject (it drops out of the query) cancels them. The engine
 * relies on it: for one dedupe key the due moment may move by less than a day
 * (a person's time zone), never more.
 * `:from` and `:until` bound the due moments the sweep looks at; filter
 * candidates by indexed columns with them so the query stays index-driven.
 */
export interface ReminderRule {
  kind: string;
  /** What the person sees in their preferences. */
  label: Translated;
  /** Whether a person may turn this reminder off. */
  optOutAllowed: boolean;
  /** Subject line of a single reminder mail; {title}, {date}, {at}, {days}. */
  subject: Translated;
  /** The sentence in the mail (and the line in a digest); same placeholders. */
  line: Translated;
  /**
   * A SELECT of person_id, subject_type, subject_id, due_at, dedupe_key, props.
   * Put the commission's id in `props.commissionId` so the mail shows in that
   * commission's mail log for the secretariat.
   * Leave it out for a kind its area writes itself (NotificationService.owe),
   * such as "you were appointed": the engine then neither adds nor cancels rows of it.
   */
  owedSql?: string;
  /**
   * Buttons for a reminder that asks for an answer: a mail action registered
   * by the subject's area (libs/mail-actions, e.g. "minutes.approve"), one
   * signed link for the reader and the notification's subject, made in the
   * transaction that writes the mail. None when the reader can no longer act.
   */
  action?: { name: string; buttons: { label: Translated; prefill?: Record<string, string> }[] };
}

const rules = new Map<string, ReminderRule>();

export function registerReminderRule(rule: ReminderRule): void {
  if (!/^[a-z][a-z0-9_.-]{0,99}$/.test(rule.kind)) throw new Error(`Reminder kind "${rule.kind}" must be lower-case letters, digits, . _ -`);
  const existing = rules.get(rule.kind);
  if (existing && existing.owedSql !== rule.owedSql) throw new Error(`Reminder kind ${rule.kind} is registered twice with different SQL`);
  rules.set(rule.kind, rule);
}

export function reminderRules(): ReminderRule[] {
  return [...rules.values()];
}

/** The rules the engine computes (those with SQL). */
export function computedReminderRules(): (ReminderRule & { owedSql: string })[] {
  return [...rules.values()].filter((rule): rule is ReminderRule & { owedSql: string } => typeof rule.owedSql === 'string');
}

export function reminderRule(kind: string): ReminderRule | undefined {
  return rules.get(kind);
}

/** For tests that register a rule of their own. */
export function unregisterReminderRule(kind: string): void {
  rules.delete(kind);
}

/** Replaces :from and :until with the engine's bind parameters $1 and $2. */
export function bindRuleSql(sql: string): string {
  return sql.replace(/(?<!:):(from|until)\b/g, (_, name: string) => (name === 'from' ? '$1::timestamptz' : '$2::timestamptz'));
}
