import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { until } from './server-process.ts';

/** A real SMTP server on 127.0.0.1 that keeps every message it receives, parsed. */
export interface MailCatcher {
  /** `smtp://127.0.0.1:<port>`, for TANDEM_SMTP_URL. */
  readonly url: string;
  readonly messages: readonly ReceivedMail[];
  /** Waits for the first message matching `match` (default: any). */
  waitFor(match?: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

export interface ReceivedMail {
  /** Envelope recipients (RCPT TO). */
  readonly to: readonly string[];
  readonly from: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly parsed: ParsedMail;
}

/** Starts an SMTP server (no TLS, no auth: a local test relay) on a free port. */
export async function startMailCatcher(): Promise<MailCatcher> {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          messages.push({
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            parsed,
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.server.address();
      typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'));
    });
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitFor: (match = () => true, timeoutMs = 15_000) =>
      until(
        'an e-mail',
        async () => messages.find(match),
        timeoutMs,
        () =>
          `received so far:\n${messages.map((m) => `  to ${m.to.join(', ')}: ${m.subject}`).join('\n') || '  nothing'}`,
        50,
      ),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
