'use strict';
// A local SMTP sink for the mail benchmark, in its own process so that neither
// sender shares an event loop with it. It accepts every message, keeps only a
// count (no parsing: both senders pay the same) and answers GET /count on PORT;
// GET /wait?count=N answers once N messages are in (or after 10 s, with the count
// so far), so a sender's process does not spend CPU polling while it is measured.
// Env: PORT (HTTP), SMTP_PORT.

const http = require('node:http');
const { SMTPServer } = require('smtp-server');

let count = 0;
let bytes = 0;
/** Long polls waiting for a count: { count, answer }. */
let waiting = [];
const answer = (res) => {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ count, bytes }));
};
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  size: 20 * 1024 * 1024,
  onData(stream, _session, callback) {
    stream.on('data', (chunk) => (bytes += chunk.length));
    stream.on('end', () => {
      count += 1;
      callback();
      if (waiting.length > 0 && waiting.some((w) => w.count <= count)) {
        const due = waiting.filter((w) => w.count <= count);
        waiting = waiting.filter((w) => w.count > count);
        for (const w of due) {
          clearTimeout(w.timer);
          answer(w.res);
        }
      }
    });
  },
});
smtp.listen(Number(process.env.SMTP_PORT), '127.0.0.1');
http
  .createServer((req, res) => {
    const url = new URL(req.url, 'http://sink');
    if (url.pathname === '/reset') {
      count = 0;
      bytes = 0;
    }
    const want = Number(url.searchParams.get('count'));
    if (url.pathname === '/wait' && want > count) {
      const entry = { count: want, res };
      entry.timer = setTimeout(() => {
        waiting = waiting.filter((w) => w !== entry);
        answer(res);
      }, 10_000);
      waiting.push(entry);
      return;
    }
    answer(res);
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
