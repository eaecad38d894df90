import { registerPersonalData } from '@samverkan/core';

// Mail received from or about the person (a calendar answer, an auto-reply, a
// bounce of mail to them): listed in the export with what came of it. On
// erasure the raw source, the addresses and the subject go; the row stays
// (kind and result), so the secretariat's counts stay right.
registerPersonalData({
  area: 'inbound-mail',
  exportSql: `
    SELECT i.received_at AS "receivedAt", i.sender, i.subject, i.kind, i.result, i.size_bytes AS "sizeBytes",
           CASE WHEN i.raw IS NOT NULL THEN 'Samverkan keeps the mail as received until INBOUND_RAW_RETENTION_DAYS have passed, then only this row.'
                ELSE 'Samverkan keeps only this row, not the mail itself.' END AS "keptWhere"
      FROM inbound_mail i
     WHERE i.person_id = :personId OR i.sender = (SELECT lower(p.email) FROM person p WHERE p.id = :personId)
     ORDER BY i.received_at`,
  eraseSql: [
    `UPDATE inbound_mail
        SET raw = NULL, raw_purged_at = coalesce(raw_purged_at, now()), sender = NULL, subject = NULL, envelope_from = NULL, envelope_to = '{}',
            rate_key = 'erased', message_id = NULL, detail = '{}'::jsonb
      WHERE person_id = :personId OR sender = (SELECT lower(p.email) FROM person p WHERE p.id = :personId)`,
    `DELETE FROM mail_address_flag WHERE address = (SELECT lower(p.email) FROM person p WHERE p.id = :personId)`,
  ],
});
