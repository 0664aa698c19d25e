import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAttachmentType, sanitiseFileName } from './attachment-type.ts';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const PDF = new TextEncoder().encode('%PDF-1.7\n');
const ZIP = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]);
const text = (s: string) => new TextEncoder().encode(s);

describe('which files a ticket accepts', () => {
  it('accepts an allowlisted type whose bytes match it', () => {
    expect(checkAttachmentType('image/png', 'screen.png', PNG)).toEqual({
      ok: true,
      contentType: 'image/png',
    });
    expect(checkAttachmentType('application/pdf', 'a.pdf', PDF)).toMatchObject({ ok: true });
    expect(
      checkAttachmentType(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'inventory.xlsx',
        ZIP,
      ),
    ).toMatchObject({ ok: true });
    expect(checkAttachmentType('text/csv; charset=utf-8', 'a.csv', text('a,b\n1,2\n'))).toEqual({
      ok: true,
      contentType: 'text/csv',
    });
  });

  it('refuses a claimed image that is not one', () => {
    expect(checkAttachmentType('image/png', 'x.png', text('<script>alert(1)</script>'))).toMatchObject({
      ok: false,
    });
    expect(checkAttachmentType('image/jpeg', 'x.jpg', PNG)).toMatchObject({ ok: false });
  });

  it('refuses types that can carry script, and binaries posing as text', () => {
    expect(checkAttachmentType('image/svg+xml', 'x.svg', text('<svg/>'))).toMatchObject({ ok: false });
    expect(checkAttachmentType('text/html', 'x.html', text('<p>'))).toMatchObject({ ok: false });
    expect(checkAttachmentType('application/x-msdownload', 'x.exe', text('MZ'))).toMatchObject({ ok: false });
    expect(checkAttachmentType('text/plain', 'x.txt', PNG)).toMatchObject({ ok: false });
  });

  it('takes the type from the extension when the client does not know it', () => {
    expect(checkAttachmentType('application/octet-stream', 'server.log', text('boot ok\n'))).toEqual({
      ok: true,
      contentType: 'text/plain',
    });
    expect(checkAttachmentType('application/octet-stream', 'tool.exe', text('MZ'))).toMatchObject({
      ok: false,
    });
  });

  it('accepts UTF-16 logs by their byte-order mark', () => {
    expect(checkAttachmentType('text/plain', 'ps.log', Uint8Array.from([0xff, 0xfe, 0x41, 0]))).toMatchObject(
      {
        ok: true,
      },
    );
  });
});

describe('file names shown for attachments', () => {
  it('drops directories, control and bidi characters', () => {
    expect(sanitiseFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitiseFileName('C:\\Users\\me\\report.pdf')).toBe('report.pdf');
    expect(sanitiseFileName('invoice\u202efdp.exe')).toBe('invoice_fdp.exe');
    expect(sanitiseFileName('a\r\nb.txt')).toBe('a__b.txt');
    expect(sanitiseFileName('...')).toBe('attachment');
  });

  it('keeps names people write, in any script', () => {
    expect(sanitiseFileName('Überweisung März.pdf')).toBe('Überweisung März.pdf');
    expect(sanitiseFileName('日本語 ログ.txt')).toBe('日本語 ログ.txt');
  });

  it('always returns a short, single-segment, control-free name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (name) => {
        const safe = sanitiseFileName(name);
        expect(safe.length).toBeGreaterThan(0);
        expect([...safe].length).toBeLessThanOrEqual(200);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting their absence
        expect(safe).not.toMatch(/[\u0000-\u001f\u007f/\\"]/);
      }),
    );
  });
});
