import type { DestinationStream } from 'pino';
import pretty from 'pino-pretty';
import type { AppConfig } from './config.schema';

export type LogFormat = 'json' | 'pretty';

/**
 * How a process writes its logs. LOG_FORMAT=json or pretty is obeyed; `auto`
 * (the default) is JSON in production and whenever the output goes to a file or
 * a pipe (a log collector reads it), and readable lines on a terminal. `npm start`
 * pipes its children's output through its own, so it tells them with
 * SAMVERKAN_LOG_TERMINAL=1 that the lines end up on a terminal after all.
 */
export function chooseLogFormat(config: Pick<AppConfig, 'LOG_FORMAT' | 'NODE_ENV' | 'SAMVERKAN_LOG_TERMINAL'>, stdoutIsTTY: boolean): LogFormat {
  if (config.LOG_FORMAT !== 'auto') return config.LOG_FORMAT;
  if (config.NODE_ENV === 'production') return 'json';
  return stdoutIsTTY || config.SAMVERKAN_LOG_TERMINAL ? 'pretty' : 'json';
}

/**
 * One readable line per log entry (time, level in colour, message), written
 * synchronously in this process (no transport thread, so nothing is lost when the
 * process stops). Request lines carry everything in their message already.
 */
export function prettyLogStream(colorize = !process.env.NO_COLOR, destination?: NodeJS.WritableStream): DestinationStream {
  return pretty({
    colorize,
    ...(destination ? { destination } : {}),
    singleLine: true,
    sync: true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,req,res,responseTime,context,operationName,errorCodes',
    messageFormat: '{if context}{context}: {end}{msg}',
  });
}

/** The destination of a process's logs for its LOG_FORMAT: undefined means pino's JSON on stdout. */
export function logStream(config: Pick<AppConfig, 'LOG_FORMAT' | 'NODE_ENV' | 'SAMVERKAN_LOG_TERMINAL'>): DestinationStream | undefined {
  return chooseLogFormat(config, !!process.stdout.isTTY) === 'pretty' ? prettyLogStream() : undefined;
}
