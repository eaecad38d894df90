import { registerPersonalData } from '@samverkan/core';

// Invitations, answers, attendance, approvals and poll answers are the record of
// the commission's meetings: exported, kept on erasure. Calendar feed tokens are
// the person's own key to their calendar: exported (without the secret) and
// removed on erasure.
registerPersonalData({
  area: 'meetings',
  exportSql: `
    SELECT 'invitation' AS kind, m.title AS meeting, m.starts_at AS "at", i.rsvp AS answer, i.attendance AS detail
      FROM invitation i JOIN meeting m ON m.id = i.meeting_id WHERE i.person_id = :personId
    UNION ALL
    SELECT 'minutes-adjuster', m.title, m.starts_at, CASE WHEN a.approved_at IS NULL THEN 'pending' ELSE 'approved' END, a.approved_at::text
      FROM minutes_adjuster a JOIN minutes mi ON mi.id = a.minutes_id JOIN meeting m ON m.id = mi.meeting_id WHERE a.person_id = :personId
    UNION ALL
    SELECT 'action-item', m.title, ai.due_on::timestamptz, ai.status, ai.title
      FROM action_item ai JOIN meeting m ON m.id = ai.meeting_id WHERE ai.assignee_person_id = :personId
    UNION ALL
    SELECT 'conflict-of-interest', m.title, m.starts_at, NULL, c.reason
      FROM conflict_of_interest c JOIN agenda_item ag ON ag.id = c.agenda_item_id JOIN meeting m ON m.id = ag.meeting_id WHERE c.person_id = :personId
    UNION ALL
    SELECT 'declared-conflict-of-interest', m.title, m.starts_at, NULL, d.reason
      FROM interest_declaration d JOIN agenda_item ag ON ag.id = d.agenda_item_id JOIN meeting m ON m.id = ag.meeting_id WHERE d.person_id = :personId
    UNION ALL
    SELECT 'date-poll-answer', p.title, o.starts_at, a.answer, NULL
      FROM date_poll_answer a JOIN date_poll_option o ON o.id = a.option_id JOIN date_poll p ON p.id = o.poll_id WHERE a.person_id = :personId
    UNION ALL
    SELECT 'calendar-feed', NULL, t.created_at, CASE WHEN t.revoked_at IS NULL THEN 'active' ELSE 'revoked' END, NULL
      FROM calendar_feed_token t WHERE t.person_id = :personId`,
  eraseSql: [`DELETE FROM calendar_feed_token WHERE person_id = :personId`],
});
