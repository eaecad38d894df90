'use strict';
// The floor of the web application's two busiest views: a minimal node:http
// handler around one hand-written SQL statement per page that builds the whole
// answer as JSON inside PostgreSQL (bench/lib/pages.js). No framework, no auth
// (the reader is a parameter), no validation beyond the ids' shape.
//   GET /mypage?person=<id>&from=<instant>      My page of a member
//   GET /overview?id=<commission>&person=<id>   the commission overview
// Env: DATABASE_URL, PORT, POOL_SIZE.

const http = require('node:http');
const { Pool } = require('pg');
const { MYPAGE_FLOOR_SQL, OVERVIEW_FLOOR_SQL } = require('../lib/pages');

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE || 10) });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function statement(url) {
  const person = url.searchParams.get('person');
  if (!person || !UUID.test(person)) return null;
  if (url.pathname === '/mypage') {
    const from = new Date(url.searchParams.get('from') || Date.now());
    return Number.isNaN(from.getTime()) ? null : { name: 'mypage', text: MYPAGE_FLOOR_SQL, values: [person, from.toISOString()] };
  }
  if (url.pathname === '/overview') {
    const id = url.searchParams.get('id');
    return id && UUID.test(id) ? { name: 'overview', text: OVERVIEW_FLOOR_SQL, values: [id, person] } : null;
  }
  return null;
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname === '/health') return res.end('ok');
  const query = statement(url);
  if (!query) {
    res.statusCode = 404;
    return res.end();
  }
  try {
    const { rows } = await pool.query(query);
    res.setHeader('content-type', 'application/json');
    res.end(rows[0].body);
  } catch (error) {
    res.statusCode = 500;
    res.end(JSON.stringify({ errors: [{ message: error.message }] }));
  }
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.({ ready: true }));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
