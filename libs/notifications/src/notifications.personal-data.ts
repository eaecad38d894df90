import { registerPersonalData } from '@samverkan/core';

// Reminders owed to the person and how they want them: removed on erasure.
registerPersonalData({
  area: 'notifications',
  exportSql: `
    SELECT 'preference' AS kind, np.delivery::text AS detail, NULL::timestamptz AS "dueAt", NULL::text AS status, to_jsonb(np.opted_out_kinds) AS extra
      FROM notification_preference np WHERE np.person_id = :personId
    UNION ALL
    SELECT n.kind, n.props->>'title', n.due_at, n.status, NULL::jsonb
      FROM notification n WHERE n.person_id = :personId`,
  eraseSql: [`DELETE FROM notification WHERE person_id = :personId`, `DELETE FROM notification_preference WHERE person_id = :personId`],
});
