'use strict';
// The floor: a minimal node:http handler around one hand-written SQL statement
// that builds the whole dashboard as JSON inside PostgreSQL. No framework, no
// auth, no validation beyond the id's shape: the least any server could do.
// Env: DATABASE_URL, PORT, POOL_SIZE.

const http = require('node:http');
const { Pool } = require('pg');
const { FLOOR_SQL } = require('../lib/dashboard');

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE || 10) });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname === '/health') return res.end('ok');
  const id = url.searchParams.get('id');
  const from = new Date(url.searchParams.get('from') || Date.now());
  if (url.pathname !== '/dashboard' || !id || !UUID.test(id) || Number.isNaN(from.getTime())) {
    res.statusCode = 404;
    return res.end();
  }
  try {
    const { rows } = await pool.query({ name: 'dashboard', text: FLOOR_SQL, values: [id, from.toISOString()] });
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
