import { registerPersonalData } from '@samverkan/core';

// Which answers a person gave from mail links is part of the record (like the audit
// trail): exported, and kept on erasure pointing at the pseudonymised person. The
// answer itself holds no personal data (counts and choices; names stay in the domain).
registerPersonalData({
  area: 'mail-actions',
  exportSql: `
    SELECT u.action, u.subject_type AS "subjectType", u.subject_id AS "subjectId", u.state, u.answer, u.at
      FROM mail_link_use u
     WHERE u.person_id = :personId
     ORDER BY u.at`,
});
