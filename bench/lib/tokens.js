'use strict';
// Access tokens for the bench logins (made by bench:data with a session each),
// signed with the secret the API runs with in the benchmark. Hand-written HS256
// (node:crypto) rather than jose: the bench scripts stay plain CommonJS, and
// the API verifies them with jose exactly as it verifies its own.

const crypto = require('node:crypto');

const b64 = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** An API access token (Bearer), or with `audience: 'samverkan-browser'` the web application's session cookie. */
function signAccessToken({ personId, accountId, sessionId }, secret, ttlSeconds = 86_400, audience = 'samverkan-api') {
  const now = Math.floor(Date.now() / 1000);
  const head = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ acc: accountId, sid: sessionId, sub: personId, iss: 'samverkan', aud: audience, iat: now, exp: now + ttlSeconds })}`;
  return `${head}.${crypto.createHmac('sha256', secret).update(head).digest('base64url')}`;
}

/** Every commission with the token of its bench secretariat member, in commission order (1 = the big one, 2 = the one-group one). */
async function benchLogins(client, secret) {
  const { rows } = await client.query(`
    SELECT c AS n, bench.id('commission', c) AS commission_id, bench.id('person', 3 * c - 2) AS person_id,
           bench.id('account', c) AS account_id, bench.id('session', c) AS session_id
      FROM generate_series(1, (SELECT (value->>'commissions')::int FROM bench.meta WHERE key = 'counts')) c ORDER BY c`);
  const { rows: [admin] } = await client.query(`
    SELECT a.person_id, a.id AS account_id, bench.id('session', 0) AS session_id FROM account a WHERE a.id = bench.id('account', 0)`);
  // My page's readers (bench:data since My page joined the benchmark): each with how many seats they hold
  // today and meetings they are invited to, so a reader with few and one with many can be compared.
  const { rows: [{ present }] } = await client.query(`SELECT to_regclass('bench.member') IS NOT NULL AS present`);
  const { rows: memberRows } = present
    ? await client.query(`
        SELECT m.k, bench.id('person', m.i) AS person_id, bench.id('member-account', m.i) AS account_id, bench.id('member-session', m.i) AS session_id,
               (SELECT count(*) FROM appointment a WHERE a.person_id = bench.id('person', m.i) AND (a.ends_on IS NULL OR a.ends_on >= current_date))::int AS seats,
               (SELECT count(*) FROM invitation i WHERE i.person_id = bench.id('person', m.i))::int AS invitations
          FROM bench.member m ORDER BY m.k`)
    : { rows: [] };
  return {
    members: memberRows.map((r) => ({
      n: Number(r.k),
      personId: r.person_id,
      seats: r.seats,
      invitations: r.invitations,
      token: signAccessToken({ personId: r.person_id, accountId: r.account_id, sessionId: r.session_id }, secret),
      browserToken: signAccessToken({ personId: r.person_id, accountId: r.account_id, sessionId: r.session_id }, secret, 86_400, 'samverkan-browser'),
    })),
    commissions: rows.map((r) => ({
      n: r.n,
      id: r.commission_id,
      personId: r.person_id,
      token: signAccessToken({ personId: r.person_id, accountId: r.account_id, sessionId: r.session_id }, secret),
    })),
    adminToken: signAccessToken({ personId: admin.person_id, accountId: admin.account_id, sessionId: admin.session_id }, secret),
  };
}

module.exports = { signAccessToken, benchLogins };
