import { registerPersonalData } from '@samverkan/core';

// What a person was responsible for and what they answered in review rounds:
// the record of the commission's work, exported and kept on erasure.
registerPersonalData({
  area: 'deliverables',
  exportSql: `
    SELECT 'responsible' AS kind, d.title AS deliverable, d.due_on::text AS date, NULL::text AS verdict, NULL::text AS comment
      FROM deliverable d WHERE d.responsible_person_id = :personId
    UNION ALL
    SELECT 'review-answer', d.title, a.answered_at::date::text, a.verdict, a.summary
      FROM review_answer a JOIN review_round r ON r.id = a.round_id JOIN deliverable d ON d.id = r.deliverable_id
     WHERE a.person_id = :personId
    UNION ALL
    SELECT 'review-comment', d.title, c.created_at::date::text, NULL, c.body
      FROM review_comment c JOIN review_round r ON r.id = c.round_id JOIN deliverable d ON d.id = r.deliverable_id
     WHERE c.person_id = :personId`,
});
