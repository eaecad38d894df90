import 'reflect-metadata';
import { ConfigError } from '@samverkan/core';
import { MailTransport } from '@samverkan/mail';
import { InboundImapPoller, InboundSmtpServer } from '@samverkan/inbound';
import { createWorker } from './bootstrap';

async function main(): Promise<void> {
  process.env.SAMVERKAN_PROCESS = 'worker';
  const app = await createWorker();
  // SIGTERM/SIGINT: stop taking jobs, let running ones finish, close connections.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  process.stdout.write(`Samverkan worker running (pid ${process.pid}); mail goes to ${app.get(MailTransport).describe()}\n`);
  // npm start picks this line up for its summary (scripts/start.js).
  const inbound = app.get(InboundSmtpServer).describe() ?? app.get(InboundImapPoller).describe();
  process.stdout.write(`Inbound mail: ${inbound ?? 'off (INBOUND_MAIL=off: invitations ask for answers by their buttons)'}\n`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`The worker could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
