'use strict';
// A local SMTP sink for the mail benchmark, in its own process so that neither
// sender shares an event loop with it. It accepts every message, keeps only a
// count (no parsing: both senders pay the same) and answers GET /count on PORT.
// Env: PORT (HTTP), SMTP_PORT.

const http = require('node:http');
const { SMTPServer } = require('smtp-server');

let count = 0;
let bytes = 0;
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
    });
  },
});
smtp.listen(Number(process.env.SMTP_PORT), '127.0.0.1');
http
  .createServer((req, res) => {
    if (req.url === '/reset') {
      count = 0;
      bytes = 0;
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ count, bytes }));
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
