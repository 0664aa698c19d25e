import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../platform/log/logger.ts';
import type { InboundAlertEmail } from '../integrations/module.ts';
import { type SmtpListener, startSmtpListener } from './smtp-listener.ts';

describe('the SMTP listener for e-mail integrations', () => {
  const received: InboundAlertEmail[] = [];
  let listener: SmtpListener;
  const send = (to: string, subject = 'Disk full on db-1') =>
    nodemailer
      .createTransport({ host: '127.0.0.1', port: listener.port, secure: false, ignoreTLS: true })
      .sendMail({
        from: 'monitor@example.com',
        to,
        subject,
        text: 'db-1 /var is at 98%',
        messageId: '<m1@example.com>',
      });

  beforeAll(async () => {
    listener = await startSmtpListener({
      port: 0,
      host: '127.0.0.1',
      mailDomain: 'alerts.tandem.test',
      log: createLogger('silent'),
      now: () => new Date('2026-12-02T08:00:00Z'),
      intake: () => ({
        async receiveEmail(message) {
          if (message.to.some((to) => to.startsWith('unknown')))
            return { accepted: false, reason: 'No such integration address' };
          received.push(message);
          return { accepted: true };
        },
      }),
    });
  });
  afterAll(() => listener?.close());

  it('hands a message for its domain to the alerts intake', async () => {
    await send('int-abc@alerts.tandem.test');
    expect(received).toEqual([
      {
        to: ['int-abc@alerts.tandem.test'],
        from: 'monitor@example.com',
        subject: 'Disk full on db-1',
        text: 'db-1 /var is at 98%\n',
        messageId: '<m1@example.com>',
        receivedAt: new Date('2026-12-02T08:00:00Z'),
      },
    ]);
  });

  it('refuses to relay mail for other domains', async () => {
    await expect(send('someone@example.com')).rejects.toMatchObject({ responseCode: 550 });
  });

  it('answers a refused message with 550 and the reason', async () => {
    await expect(send('unknown@alerts.tandem.test')).rejects.toMatchObject({
      responseCode: 550,
      response: expect.stringContaining('No such integration address'),
    });
  });
});
