import { type Logger, pino } from 'pino';
import type { LogLevel } from '../config/config.ts';

export type { Logger };

/** Path segments that are credentials: webhook integration keys, e-mail action links, calendar feeds. */
const SECRET_IN_PATH = /^(\/integrations\/[^/]+\/|\/actions\/|\/feeds\/)[^/?#]+/;

/** The request path with any secret segment replaced, so keys never reach the logs. */
export function loggableUrl(url: string): string {
  return url.replace(SECRET_IN_PATH, '$1[redacted]');
}

interface LoggedRequest {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/** One logger for the process; modules take a child with their own bindings. */
export function createLogger(level: LogLevel): Logger {
  return pino({
    level,
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'password', '*.password'],
      remove: true,
    },
    serializers: {
      req: (req: LoggedRequest) => ({
        method: req.method,
        url: loggableUrl(req.url ?? ''),
        host: req.host,
        remoteAddress: req.ip,
        remotePort: req.socket?.remotePort,
      }),
    },
  });
}
