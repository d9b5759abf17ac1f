import pino from 'pino';

/** The server's logger. Log ids and counts only: officer names are personal data. */
export type Logger = pino.Logger;

export function createLogger(level: string = 'info'): Logger {
  return pino({ level, base: { service: 'patrolplan-api' } });
}
