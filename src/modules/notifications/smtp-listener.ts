import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { Logger } from '../../platform/log/logger.ts';
import type { EmailIntake, InboundAlertEmail } from '../integrations/module.ts';

export interface SmtpListenerOptions {
  readonly port: number;
  readonly host: string;
  /** Only mail to `…@<domain>` is taken; anything else would make Tandem a relay. */
  readonly mailDomain: string;
  readonly intake: () => EmailIntake;
  readonly log: Logger;
  readonly now: () => Date;
}

export interface SmtpListener {
  readonly port: number;
  close(): Promise<void>;
}

/** Alert e-mails are text; a larger message is refused before it is stored or parsed. */
export const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

/** A message Tandem refuses, with the SMTP code the sender sees. */
function refused(message: string, code = 550): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

/**
 * Tandem's SMTP listener for e-mail integrations: no authentication (the address is the
 * integration's secret), no relaying, a size limit. Each message is parsed and handed to the
 * alerts module; a message it refuses is answered 550 with the reason, so the sender knows.
 */
export async function startSmtpListener(options: SmtpListenerOptions): Promise<SmtpListener> {
  const domain = options.mailDomain.toLowerCase();
  const log = options.log.child({ component: 'smtp-listener' });
  const server = new SMTPServer({
    name: domain,
    banner: 'Tandem alert intake',
    authOptional: true,
    // No certificate is configured, so no STARTTLS to offer; put a TLS-terminating relay in
    // front to take mail over TLS.
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    onRcptTo(address, _session, callback) {
      const at = address.address.lastIndexOf('@');
      const recipientDomain = address.address.slice(at + 1).toLowerCase();
      if (at < 1 || recipientDomain !== domain)
        return callback(refused(`Relaying denied: Tandem takes mail for @${domain} only`));
      callback();
    },
    onData(stream, session, callback) {
      receive(stream, session)
        .then(() => callback())
        .catch((error: Error & { responseCode?: number }) => {
          if (!error.responseCode) log.error({ err: error }, 'Could not take an inbound e-mail');
          callback(error.responseCode ? error : refused('Could not take the message; try again later', 451));
        });
    },
  });

  async function receive(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<void> {
    const parsed = await simpleParser(stream);
    if (stream.sizeExceeded) throw refused(`Message larger than ${MAX_MESSAGE_BYTES} bytes`, 552);
    const message: InboundAlertEmail = {
      to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
      from: session.envelope.mailFrom
        ? session.envelope.mailFrom.address
        : (parsed.from?.value[0]?.address ?? ''),
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
      messageId: parsed.messageId ?? null,
      receivedAt: options.now(),
    };
    const answer = await options.intake().receiveEmail(message);
    if (!answer.accepted) throw refused(answer.reason ?? 'Refused by the integration');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => log.error({ err: error }, 'SMTP listener error'));
  const port = (server.server.address() as AddressInfo).port;
  log.info({ port }, 'SMTP listener for e-mail integrations is up');
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
