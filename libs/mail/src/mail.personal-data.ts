import { registerPersonalData } from '@samverkan/core';

// Mail sent to the person (by person, or by address): listed in the export,
// with where a copy of it is kept. On erasure unsent mail is cancelled and the
// address, name and content of every such mail are removed (the row stays, so
// the commission's mail log still counts what went out). What goes beyond the
// rows — the person named in mail to others, the .eml files of the file
// transport — is MailErasure's (mail-erasure.service.ts), called by the
// privacy area in the same erasure.
registerPersonalData({
  area: 'mail',
  exportSql: `
    SELECT m.created_at AS "createdAt", m.to_address AS "toAddress", m.subject, m.template, m.status, m.sent_at AS "sentAt",
           CASE WHEN m.status = 'sent'
                THEN 'Delivered to your mailbox; Samverkan keeps this row (and, without an SMTP server, a copy as DATA_DIR/mail/' || m.id || '.eml) until erasure.'
                ELSE 'Not sent; Samverkan keeps this row until erasure.' END AS "keptWhere"
      FROM mail_outbox m
     WHERE m.person_id = :personId OR lower(m.to_address) = (SELECT lower(p.email) FROM person p WHERE p.id = :personId)
     ORDER BY m.created_at`,
  eraseSql: [
    `UPDATE mail_outbox
        SET status = CASE WHEN status IN ('pending', 'sending') THEN 'cancelled' ELSE status END,
            lease_until = NULL,
            to_address = 'erased@erased.invalid', to_name = NULL, subject = '-', html = '', text_body = '', attachments = '[]'::jsonb, calendar = NULL
      WHERE person_id = :personId OR lower(to_address) = (SELECT lower(p.email) FROM person p WHERE p.id = :personId)`,
  ],
});
