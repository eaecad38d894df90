import { registerPersonalData } from '@samverkan/core';

// The login, its sessions and failed attempts: all of it goes on erasure.
registerPersonalData({
  area: 'account',
  exportSql: `
    SELECT a.email, a.is_admin AS "isAdmin", a.created_at AS "createdAt", a.disabled_at AS "disabledAt",
           coalesce((SELECT jsonb_agg(jsonb_build_object('createdAt', s.created_at, 'lastUsedAt', s.last_used_at, 'expiresAt', s.expires_at,
                                                         'revokedAt', s.revoked_at, 'ip', s.ip, 'userAgent', s.user_agent) ORDER BY s.created_at)
                       FROM session s WHERE s.account_id = a.id), '[]'::jsonb) AS sessions,
           coalesce((SELECT jsonb_agg(jsonb_build_object('at', l.attempted_at, 'ip', l.ip, 'succeeded', l.succeeded) ORDER BY l.attempted_at)
                       FROM login_attempt l WHERE lower(l.email) = lower(a.email)), '[]'::jsonb) AS "loginAttempts"
      FROM account a WHERE a.person_id = :personId`,
  eraseSql: [
    `DELETE FROM login_attempt WHERE lower(email) IN (
       SELECT lower(email) FROM account WHERE person_id = :personId
       UNION SELECT lower(email) FROM person WHERE id = :personId AND email IS NOT NULL)`,
    // Sessions go with the account (ON DELETE CASCADE): every device is signed out.
    `DELETE FROM account WHERE person_id = :personId`,
  ],
});
