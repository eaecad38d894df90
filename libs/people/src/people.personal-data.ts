import { registerPersonalData } from '@samverkan/core';

// The person row itself; the privacy area pseudonymises it on erasure.
registerPersonalData({
  area: 'person',
  exportSql: `
    SELECT p.id, p.full_name AS "fullName", p.email, p.title, o.name AS affiliation, p.locale, p.time_zone AS "timeZone",
           p.gender, p.created_at AS "createdAt", p.updated_at AS "updatedAt", p.erased_at AS "erasedAt"
      FROM person p LEFT JOIN organisation o ON o.id = p.affiliation_id
     WHERE p.id = :personId`,
});
