import { Writable } from 'node:stream';
import pino from 'pino';
import { chooseLogFormat, prettyLogStream } from './log-format';
import { parseConfig } from './config.schema';

describe('LOG_FORMAT', () => {
  const choose = (env: Record<string, string>, tty: boolean) => chooseLogFormat(parseConfig(env), tty);

  it('auto: readable on a terminal, JSON when piped, JSON in production even on a terminal', () => {
    expect(choose({}, true)).toBe('pretty');
    expect(choose({}, false)).toBe('json');
    expect(choose({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }, true)).toBe('json');
    expect(choose({ NODE_ENV: 'test' }, true)).toBe('pretty');
  });

  it('auto: a child of `npm start` on a terminal (SAMVERKAN_LOG_TERMINAL=1) writes readable lines into its pipe', () => {
    expect(choose({ SAMVERKAN_LOG_TERMINAL: '1' }, false)).toBe('pretty');
    expect(choose({ SAMVERKAN_LOG_TERMINAL: '1', NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }, false)).toBe('json');
  });

  it('obeys json and pretty whatever the output is', () => {
    expect(choose({ LOG_FORMAT: 'json' }, true)).toBe('json');
    expect(choose({ LOG_FORMAT: 'pretty' }, false)).toBe('pretty');
    expect(choose({ LOG_FORMAT: 'pretty', NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }, false)).toBe('pretty');
  });

  it('refuses another value, naming the variable', () => {
    expect(() => parseConfig({ LOG_FORMAT: 'yaml' })).toThrow(/LOG_FORMAT="yaml"/);
  });

  it('pretty: one line per entry with the level and the message, without the request object', async () => {
    let text = '';
    const sink = new Writable({ write: (chunk, _enc, done) => ((text += String(chunk)), done()) });
    const logger = pino({ level: 'info' }, prettyLogStream(false, sink));
    logger.warn({ req: { method: 'POST', url: '/graphql' }, errorCodes: ['BAD_USER_INPUT'] }, 'POST /graphql CreateMeeting 200 12 ms BAD_USER_INPUT');
    logger.info({ context: 'NestApplication' }, 'Nest application successfully started');
    await new Promise((resolve) => setImmediate(resolve));
    const lines = text.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/WARN.*POST \/graphql CreateMeeting 200 12 ms BAD_USER_INPUT$/);
    expect(lines[0]).not.toMatch(/"url"|errorCodes/);
    expect(lines[1]).toMatch(/INFO.*NestApplication: Nest application successfully started$/);
  });
});
