import { Injectable, Module } from '@nestjs/common';
import { DiscoveryModule, NestFactory } from '@nestjs/core';
import { ConfigModule, JobHandler, JobOutcome, QueueModule, assertOneHandlerPerJob } from '@samverkan/core';
import { JobRunner } from './job-runner.service';

@Injectable()
class SomeHandlers {
  @JobHandler('mail.send')
  send(): Promise<JobOutcome> {
    return Promise.resolve({ status: 'done' });
  }

  @JobHandler('notifications.sweep')
  sweep(): Promise<JobOutcome> {
    return Promise.resolve({ status: 'done' });
  }
}

@Injectable()
class DoubleSender {
  @JobHandler('mail.send')
  alsoSend(): Promise<JobOutcome> {
    return Promise.resolve({ status: 'done' });
  }
}

async function boot(providers: unknown[]) {
  @Module({
    imports: [ConfigModule.forRoot({ LOG_LEVEL: 'silent', REDIS_URL: 'redis://127.0.0.1:1' }), DiscoveryModule, QueueModule],
    providers: [JobRunner, ...(providers as never[])],
  })
  class TestWorkerModule {}
  const app = await NestFactory.createApplicationContext(TestWorkerModule, { logger: false, abortOnError: false });
  await app.close();
}

describe('job registry check at worker boot', () => {
  it('stops the boot naming every job without a handler', async () => {
    await expect(boot([SomeHandlers])).rejects.toThrow(
      /The worker cannot start: job "notifications.deliver" has no @JobHandler; job "notifications.digest" has no @JobHandler/,
    );
  });

  it('stops the boot when a job has two handlers, naming both', async () => {
    await expect(boot([SomeHandlers, DoubleSender])).rejects.toThrow(/job "mail.send" has 2 handlers \(SomeHandlers.send, DoubleSender.alsoSend\)/);
  });

  it('refuses a handler for a job that is not in the registry', () => {
    expect(() => assertOneHandlerPerJob([{ job: 'mail.send', owner: 'A.send' }, { job: 'mail.bogus', owner: 'B.bogus' }], ['mail.send'])).toThrow(
      /B.bogus handles "mail.bogus", which is not in the queue registry/,
    );
    expect(() => assertOneHandlerPerJob([{ job: 'mail.send', owner: 'A.send' }], ['mail.send'])).not.toThrow();
  });
});
