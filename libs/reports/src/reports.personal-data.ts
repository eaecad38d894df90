import { registerPersonalData } from '@samverkan/core';

// Which report pages a person opened: exported, and removed on erasure. Reports
// themselves are the commission's record (a compiler's id stays, like an audit event).
registerPersonalData({
  area: 'reports',
  exportSql: `
    SELECT r.report_id AS "reportId", sr.period_key AS "periodKey", r.as_commissioner AS "asCommissioner",
           r.first_opened_at AS "firstOpenedAt", r.last_opened_at AS "lastOpenedAt", r.open_count AS "openCount"
      FROM status_report_read r JOIN status_report sr ON sr.id = r.report_id
     WHERE r.person_id = :personId`,
  eraseSql: [`DELETE FROM status_report_read WHERE person_id = :personId`],
});
