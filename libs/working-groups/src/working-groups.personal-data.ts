import { registerPersonalData } from '@samverkan/core';

// Chairing a group is part of the public record: exported, kept on erasure.
registerPersonalData({
  area: 'working-groups',
  exportSql: `
    SELECT c.title AS commission, g.name AS "workingGroup", 'chair' AS role
      FROM working_group g JOIN commission c ON c.id = g.commission_id
     WHERE g.chair_person_id = :personId ORDER BY c.title, g.name`,
});
