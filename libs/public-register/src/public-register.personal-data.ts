import { registerPersonalData } from '@samverkan/core';

// Who chose what a commission publishes is the commission's record (like an audit
// event): exported, kept on erasure. The register itself shows no contact data.
registerPersonalData({
  area: 'public-register',
  exportSql: `
    SELECT c.title AS commission, p.updated_at AS "changedAt"
      FROM commission_publication p JOIN commission c ON c.id = p.commission_id
     WHERE p.updated_by = :personId
    UNION ALL
    SELECT d.title, dp.published_at
      FROM deliverable_publication dp JOIN deliverable d ON d.id = dp.deliverable_id
     WHERE dp.published_by = :personId`,
});
