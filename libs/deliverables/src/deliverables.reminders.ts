import { registerReminderRule } from '@samverkan/notifications';
import { REVIEW_ANSWER_ACTION, REVIEW_BUTTON_LABELS } from './review-invitation.template';
import { mailPathSql } from '@samverkan/mail';

/**
 * Reminders owed from the deliverables area, each one set-based query. The
 * dedupe keys hold the date they are about (due date, review deadline), so a
 * moved date cancels the old reminders and owes new ones; a deliverable
 * delivered or cancelled, or a review answered or closed, drops out of the
 * query and its owed reminders are cancelled.
 */

// Due in 14, 7 and 1 days: to the responsible person, or the secretariat when nobody is.
registerReminderRule({
  kind: 'deliverable.due',
  label: { sv: 'Leverans snart', da: 'Leverance snart', en: 'Deliverable due soon' },
  optOutAllowed: true,
  subject: {
    sv: 'Påminnelse: {title} ska vara klar {date}',
    da: 'Påmindelse: {title} skal være færdig {date}',
    en: 'Reminder: {title} is due on {date}',
  },
  line: {
    sv: '{title} ska vara klar {date} ({when}).',
    da: '{title} skal være færdig {date} ({when}).',
    en: '{title} is due on {date} ({when}).',
  },
  owedSql: `
    SELECT r.person_id, 'deliverable' AS subject_type, d.id AS subject_id,
           ((d.due_on - o.days) + time '08:00') AT TIME ZONE p.time_zone AS due_at,
           'deliverable.due:' || d.id || ':' || d.due_on || ':' || o.days || ':' || r.person_id AS dedupe_key,
           jsonb_build_object('title', d.title, 'date', d.due_on, 'days', o.days, 'path', ${mailPathSql('deliverable', 'd.id')}, 'commissionId', d.commission_id) AS props
      FROM deliverable d
      CROSS JOIN (VALUES (14), (7), (1)) AS o(days)
      JOIN LATERAL (
        SELECT d.responsible_person_id AS person_id WHERE d.responsible_person_id IS NOT NULL
        UNION ALL
        SELECT cr.person_id FROM commission_role cr
         WHERE d.responsible_person_id IS NULL AND cr.commission_id = d.commission_id AND cr.role = 'secretariat'
      ) r ON true
      JOIN person p ON p.id = r.person_id
     WHERE d.status NOT IN ('delivered', 'cancelled')
       AND d.due_on BETWEEN (:from)::date AND (:until)::date + 14`,
});

// Overdue: the day after the due date, to the responsible person and the secretariat.
registerReminderRule({
  kind: 'deliverable.overdue',
  label: { sv: 'Leverans försenad', da: 'Leverance forsinket', en: 'Deliverable overdue' },
  optOutAllowed: false,
  subject: {
    sv: 'Försenad: {title} skulle ha varit klar {date}',
    da: 'Forsinket: {title} skulle have været færdig {date}',
    en: 'Overdue: {title} was due on {date}',
  },
  line: {
    sv: '{title} skulle ha varit klar {date} och är ännu inte levererad. Leverera, eller flytta datumet med ett skäl.',
    da: '{title} skulle have været færdig {date} og er endnu ikke leveret. Lever, eller flyt datoen med en begrundelse.',
    en: '{title} was due on {date} and has not been delivered. Deliver it, or move the date with a reason.',
  },
  owedSql: `
    SELECT r.person_id, 'deliverable' AS subject_type, d.id AS subject_id,
           ((d.due_on + 1) + time '08:00') AT TIME ZONE p.time_zone AS due_at,
           'deliverable.overdue:' || d.id || ':' || d.due_on || ':' || r.person_id AS dedupe_key,
           jsonb_build_object('title', d.title, 'date', d.due_on, 'path', ${mailPathSql('deliverable', 'd.id')}, 'commissionId', d.commission_id) AS props
      FROM deliverable d
      JOIN LATERAL (
        SELECT d.responsible_person_id AS person_id WHERE d.responsible_person_id IS NOT NULL
        UNION
        SELECT cr.person_id FROM commission_role cr WHERE cr.commission_id = d.commission_id AND cr.role = 'secretariat'
      ) r ON true
      JOIN person p ON p.id = r.person_id
     WHERE d.status NOT IN ('delivered', 'cancelled')
       AND d.due_on BETWEEN (:from)::date - 1 AND (:until)::date`,
});

// A review not answered: three days before its deadline and on the day, to each named reviewer who has not answered.
registerReminderRule({
  kind: 'review.unanswered',
  // The same answers as the invitation's buttons (a fresh single-use link: only non-responders are reminded).
  action: {
    name: REVIEW_ANSWER_ACTION,
    buttons: (['approve', 'request_changes', 'comment'] as const).map((verdict) => ({ label: REVIEW_BUTTON_LABELS[verdict], prefill: { verdict } })),
  },
  label: { sv: 'Granskning inte besvarad', da: 'Høringssvar mangler', en: 'Review not answered' },
  optOutAllowed: false,
  subject: {
    sv: 'Granska {title} senast {date}',
    da: 'Giv høringssvar på {title} senest {date}',
    en: 'Review {title} by {date}',
  },
  line: {
    sv: 'Ditt svar på granskningen av {title} ska vara inne senast {date}.',
    da: 'Dit høringssvar på {title} skal være modtaget senest {date}.',
    en: 'Your review of {title} is due by {date}.',
  },
  owedSql: `
    SELECT rr.person_id, 'review_round' AS subject_type, r.id AS subject_id,
           ((r.deadline - o.days) + time '08:00') AT TIME ZONE p.time_zone AS due_at,
           'review.unanswered:' || r.id || ':' || r.deadline || ':' || o.days || ':' || rr.person_id AS dedupe_key,
           jsonb_build_object('title', d.title || ' (v' || v.number || ')', 'date', r.deadline, 'days', o.days,
                              'path', ${mailPathSql('reviewRound', 'r.id')}, 'commissionId', d.commission_id) AS props
      FROM review_round r
      CROSS JOIN (VALUES (3), (0)) AS o(days)
      JOIN deliverable d ON d.id = r.deliverable_id
      JOIN document_version v ON v.id = r.version_id
      JOIN review_reviewer rr ON rr.round_id = r.id
      JOIN person p ON p.id = rr.person_id
     WHERE r.status = 'open'
       AND NOT EXISTS (SELECT 1 FROM review_answer a WHERE a.round_id = r.id AND a.person_id = rr.person_id)
       AND r.deadline BETWEEN (:from)::date AND (:until)::date + 3`,
});
