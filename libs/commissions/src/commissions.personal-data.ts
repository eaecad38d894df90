import { registerPersonalData } from '@samverkan/core';

// Roles in commissions are part of the public record: exported, kept on erasure.
registerPersonalData({
  area: 'commission-roles',
  exportSql: `
    SELECT c.title AS commission, r.role, r.created_at AS "since"
      FROM commission_role r JOIN commission c ON c.id = r.commission_id
     WHERE r.person_id = :personId ORDER BY c.title, r.role`,
});
