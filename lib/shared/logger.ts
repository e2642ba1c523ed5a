/**
 * Structured JSON logs, one line per event, for Simple Log Service to index.
 *
 * Every line carries the invocation's correlation fields (FC request id, correlation id, function,
 * trigger) so one query follows a push end to end, and passes through `redact()` so no token,
 * secret or signature can reach the log store whatever a caller hands in.
 */
import { redact } from '#lib/shared/redact.ts';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Fields that every line of one invocation carries. */
export interface LogContext {
  requestId?: string;
  correlationId?: string;
  function?: string;
  trigger?: string;
  [key: string]: unknown;
}

export type LogSink = (line: string) => void;

/** A logger bound to one invocation's context. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** A logger whose lines also carry `fields`. */
  child(fields: LogContext): Logger;
}

/** Writes to stdout, which FC ships to the function's logstore. */
export const stdoutSink: LogSink = (line) => {
  process.stdout.write(`${line}\n`);
};

/**
 * A JSON-lines logger.
 * @example createLogger({ function: 'http-push' }).info('push sent', { resultCode: 'OK' })
 */
export function createLogger(
  context: LogContext,
  level: LogLevel = 'info',
  sink: LogSink = stdoutSink,
): Logger {
  const write = (lineLevel: LogLevel, message: string, fields?: Record<string, unknown>) => {
    if (RANK[lineLevel] < RANK[level]) return;
    const entry = {
      time: new Date().toISOString(),
      level: lineLevel,
      message,
      ...context,
      ...fields,
    };
    sink(JSON.stringify(redact(entry)));
  };
  return {
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
    child: (fields) => createLogger({ ...context, ...fields }, level, sink),
  };
}
