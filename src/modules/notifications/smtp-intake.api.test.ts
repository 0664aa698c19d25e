import net from 'node:net';
import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { startTestTandem } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';

describe.each(await testDatabases())('Tandem’s SMTP listener on $name', (database) => {
  it('listens when configured, refuses what it cannot take, and stops with Tandem', async () => {
    const t = await startTestTandem(database, {
      env: { TANDEM_SMTP_LISTEN_PORT: '0', TANDEM_MAIL_DOMAIN: 'alerts.tandem.test', HOST: '127.0.0.1' },
    });
    const port = t.tandem.services.paging.notifications.smtpListenerPort?.() ?? null;
    expect(port).toBeGreaterThan(0);
    const send = (to: string) =>
      nodemailer
        .createTransport({ host: '127.0.0.1', port: port!, secure: false, ignoreTLS: true })
        .sendMail({ from: 'monitor@example.com', to, subject: 'Disk full', text: 'db-1' });
    await expect(send('ops@example.com')).rejects.toMatchObject({
      responseCode: 550,
      response: expect.stringContaining('Relaying denied'),
    });
    // No integration has this address: the alerts module says so, and the sender hears it.
    await expect(send('nobody-here@alerts.tandem.test')).rejects.toMatchObject({ responseCode: 550 });
    await t.close();
    const refused = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port!, '127.0.0.1');
      socket.on('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.on('error', () => resolve(true));
    });
    expect(refused).toBe(true);
  });
});
