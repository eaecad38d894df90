import { registerPersonalData } from '@samverkan/core';

// Mail sent to the person: listed in the export; on erasure unsent mail is
// cancelled and the address, name and content of every mail are removed (the
// row stays, so the commission's mail log still counts what went out).
registerPersonalData({
  area: 'mail',
  exportSql: `
    SELECT m.created_at AS "createdAt", m.to_address AS "toAddress", m.subject, m.template, m.status, m.sent_at AS "sentAt"
      FROM mail_outbox m WHERE m.person_id = :personId ORDER BY m.created_at`,
  eraseSql: [
    `UPDATE mail_outbox
        SET status = CASE WHEN status IN ('pending', 'sending') THEN 'cancelled' ELSE status END,
            lease_until = NULL,
            to_address = 'erased@erased.invalid', to_name = NULL, subject = '-', html = '', text_body = '', attachments = '[]'::jsonb
      WHERE person_id = :personId`,
  ],
});
