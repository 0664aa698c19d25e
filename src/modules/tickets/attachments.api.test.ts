import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestTandem, type TestTandem } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { MAX_ATTACHMENT_BYTES } from '../../domain/tickets/attachment-type.ts';

/** A browser-shaped multipart form with one file. */
function form(fileName: string, contentType: string, content: Buffer) {
  const boundary = `----tandem${randomBytes(8).toString('hex')}`;
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
    `Content-Type: ${contentType}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(2048)]);

describe.each(await testDatabases())('ticket attachments on $name', (database) => {
  let t: TestTandem;
  let tom: Client;
  let harborline: string;
  let ticketId: string;
  const url = (ticket: string, engagement = harborline) =>
    `/api/v1/engagements/${engagement}/tickets/${ticket}/attachments`;
  const upload = (client: Client, target: string, file: ReturnType<typeof form>) =>
    client.request({ method: 'POST', url: target, ...file });
  const storedFiles = () => {
    const folder = path.join(t.dataDir, 'attachments', harborline);
    return fs.existsSync(folder) ? fs.readdirSync(folder) : [];
  };

  beforeAll(async () => {
    t = await startTestTandem(database);
    harborline = t.engagements.harborline ?? '';
    tom = await t.as('tom.eriksen@harborline.example');
    const created = await tom.post(`/api/v1/engagements/${harborline}/tickets`, { title: 'Printer jams' });
    ticketId = created.json().id;
  });
  afterAll(() => t?.close());

  it('gives back exactly the uploaded bytes, as an attachment that browsers will not sniff', async () => {
    const uploaded = await upload(tom, url(ticketId), form('Scan März.png', 'image/png', PNG));
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const attachment = uploaded.json();
    expect(attachment).toMatchObject({
      ticketId,
      fileName: 'Scan März.png',
      contentType: 'image/png',
      size: PNG.length,
      sha256: createHash('sha256').update(PNG).digest('hex'),
      uploadedByName: 'Tom Eriksen',
    });

    const listed = await tom.get(url(ticketId));
    expect(listed.json().items.map((a: { id: string }) => a.id)).toEqual([attachment.id]);

    const download = await tom.get(`${url(ticketId)}/${attachment.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PNG)).toBe(true);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Scan M_rz.png"; filename*=UTF-8''Scan%20M%C3%A4rz.png`,
    );
  });

  it('stores the file under the data folder by a generated name, never the uploader’s', async () => {
    const uploaded = await upload(
      tom,
      url(ticketId),
      form('../../evil.txt', 'text/plain', Buffer.from('hi\n')),
    );
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const { id, fileName } = uploaded.json();
    expect(fileName).toBe('evil.txt');
    const onDisk = path.join(t.dataDir, 'attachments', harborline, id);
    expect(fs.readFileSync(onDisk, 'utf8')).toBe('hi\n');
    expect(storedFiles()).toContain(id);
    expect(storedFiles().some((name) => name.includes('evil'))).toBe(false);
  });

  it('records the upload on the ticket’s timeline for both parties', async () => {
    const sam = await t.as('sam.patel@northwind.example');
    const activity = (await sam.get(`/api/v1/engagements/${harborline}/tickets/${ticketId}/activity`)).json();
    const attached = activity.items.filter((e: { kind: string }) => e.kind === 'attached');
    expect(attached.length).toBeGreaterThanOrEqual(1);
    expect(attached[0]).toMatchObject({ party: 'internal', visibility: 'shared' });
    expect(attached[0].data).toMatchObject({ fileName: 'Scan März.png' });
  });

  it('refuses a file over 10 MiB with 413 and keeps nothing of it', async () => {
    const before = storedFiles();
    const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 'a');
    const response = await upload(tom, url(ticketId), form('huge.log', 'text/plain', big));
    expect(response.statusCode, response.body).toBe(413);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(storedFiles()).toEqual(before);
  });

  it('refuses a "PNG" that is not one, and types that are not accepted, with 415', async () => {
    const fake = await upload(
      tom,
      url(ticketId),
      form('cat.png', 'image/png', Buffer.from('<script>x</script>')),
    );
    expect(fake.statusCode, fake.body).toBe(415);
    expect(fake.json().detail).toMatch(/not image\/png/);
    const html = await upload(tom, url(ticketId), form('page.html', 'text/html', Buffer.from('<p>hi</p>')));
    expect(html.statusCode).toBe(415);
    const json = await tom.post(url(ticketId), { file: 'x' });
    expect(json.statusCode).toBe(415);
  });

  it('leaves every other route refusing multipart bodies', async () => {
    const comment = await upload(
      tom,
      `/api/v1/engagements/${harborline}/tickets/${ticketId}/comments`,
      form('a.txt', 'text/plain', Buffer.from('hello')),
    );
    expect(comment.statusCode).toBe(415);
  });

  it('answers 404 for a ticket of another engagement, wherever it is asked for', async () => {
    const admin = await t.as('admin@northwind.example');
    const maplegrove = t.engagements.maplegrove ?? '';
    const theirs = (await admin.post(`/api/v1/engagements/${maplegrove}/tickets`, { title: 'Clinic' })).json()
      .id;
    const inOurs = await upload(tom, url(theirs), form('a.txt', 'text/plain', Buffer.from('x')));
    expect(inOurs.statusCode).toBe(404);
    const inTheirs = await upload(
      tom,
      url(theirs, maplegrove),
      form('a.txt', 'text/plain', Buffer.from('x')),
    );
    expect(inTheirs.statusCode).toBe(404);
    expect((await tom.get(url(theirs))).statusCode).toBe(404);
  });

  it('lets a requester attach to their own ticket and not to anyone else’s', async () => {
    const nina = await t.as('nina.kowalski@harborline.example');
    const own = (await nina.post(`/api/v1/engagements/${harborline}/tickets`, { title: 'My laptop' })).json()
      .id;
    const mine = await upload(nina, url(own), form('error.txt', 'text/plain', Buffer.from('BSOD 0x7B')));
    expect(mine.statusCode, mine.body).toBe(201);
    const others = await upload(nina, url(ticketId), form('error.txt', 'text/plain', Buffer.from('x')));
    expect(others.statusCode).toBe(404);
    expect((await nina.get(url(ticketId))).statusCode).toBe(404);
  });

  it('lets a read-only member download but not upload', async () => {
    const george = await t.as('george.white@harborline.example');
    expect((await george.get(url(ticketId))).statusCode).toBe(200);
    const attempt = await upload(george, url(ticketId), form('a.txt', 'text/plain', Buffer.from('x')));
    expect(attempt.statusCode).toBe(403);
  });
});
