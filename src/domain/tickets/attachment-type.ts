/**
 * Which files a ticket accepts, decided from what the uploader claims and the file's first
 * bytes. Pure: the caller reads the bytes; nothing here touches a disk or a request.
 */

/** The largest attachment, in bytes (10 MiB). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** How many leading bytes `checkAttachmentType` looks at (the text check reads them all). */
export const SNIFF_BYTES = 8192;

/** What the first bytes must look like: a magic number, or text (no NUL bytes). */
type Signature = 'png' | 'jpeg' | 'gif' | 'webp' | 'pdf' | 'zip' | 'ole' | 'text';

interface Accepted {
  readonly signature: Signature;
  readonly extensions: readonly string[];
}

// SVG and HTML are left out on purpose: both can carry script, and a browser that opens one
// runs it. Logs, CSV and other text are served back as text with nosniff.
const ACCEPTED: Readonly<Record<string, Accepted>> = {
  'image/png': { signature: 'png', extensions: ['png'] },
  'image/jpeg': { signature: 'jpeg', extensions: ['jpg', 'jpeg'] },
  'image/gif': { signature: 'gif', extensions: ['gif'] },
  'image/webp': { signature: 'webp', extensions: ['webp'] },
  'application/pdf': { signature: 'pdf', extensions: ['pdf'] },
  'application/zip': { signature: 'zip', extensions: ['zip'] },
  'text/plain': { signature: 'text', extensions: ['txt', 'log', 'out', 'err'] },
  'text/csv': { signature: 'text', extensions: ['csv'] },
  'text/markdown': { signature: 'text', extensions: ['md'] },
  'application/json': { signature: 'text', extensions: ['json'] },
  'application/msword': { signature: 'ole', extensions: ['doc'] },
  'application/vnd.ms-excel': { signature: 'ole', extensions: ['xls'] },
  'application/vnd.ms-powerpoint': { signature: 'ole', extensions: ['ppt'] },
  'application/vnd.ms-outlook': { signature: 'ole', extensions: ['msg'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    signature: 'zip',
    extensions: ['docx'],
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    signature: 'zip',
    extensions: ['xlsx'],
  },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': {
    signature: 'zip',
    extensions: ['pptx'],
  },
  'application/vnd.oasis.opendocument.text': { signature: 'zip', extensions: ['odt'] },
  'application/vnd.oasis.opendocument.spreadsheet': { signature: 'zip', extensions: ['ods'] },
  'application/vnd.oasis.opendocument.presentation': { signature: 'zip', extensions: ['odp'] },
};

/** Names browsers and tools use for the same types. */
const ALIASES: Readonly<Record<string, string>> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'application/x-zip-compressed': 'application/zip',
  'application/x-zip': 'application/zip',
  'application/csv': 'text/csv',
  'text/comma-separated-values': 'text/csv',
  'text/x-log': 'text/plain',
  'text/x-markdown': 'text/markdown',
};

/** What a client sends when it does not know: then the file name's extension decides. */
const UNKNOWN = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

export type TypeCheck =
  | { readonly ok: true; readonly contentType: string }
  | { readonly ok: false; readonly reason: string };

/** The media types a ticket accepts, for documentation and error messages. */
export const ACCEPTED_TYPES: readonly string[] = Object.keys(ACCEPTED);

/**
 * The media type to store and serve the file as, or why it is refused: the claimed type (or,
 * when the client did not know, the extension's) must be on the allowlist, and the first bytes
 * must match it — a "PNG" that is not one is refused.
 */
export function checkAttachmentType(claimed: string, fileName: string, head: Uint8Array): TypeCheck {
  const type = claimedType(claimed, fileName);
  const accepted = type === undefined ? undefined : ACCEPTED[type];
  if (type === undefined || accepted === undefined) {
    return { ok: false, reason: `Files of type ${claimed || 'unknown'} cannot be attached.` };
  }
  if (!matches(accepted.signature, head)) {
    return { ok: false, reason: `The file’s content is not ${kindOf(type, accepted.signature)}.` };
  }
  return { ok: true, contentType: type };
}

function claimedType(claimed: string, fileName: string): string | undefined {
  const bare = claimed.split(';')[0]!.trim().toLowerCase();
  if (!UNKNOWN.has(bare)) return ALIASES[bare] ?? bare;
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (!extension) return undefined;
  return Object.entries(ACCEPTED).find(([, a]) => a.extensions.includes(extension))?.[0];
}

function kindOf(type: string, signature: Signature): string {
  return signature === 'text' ? 'text' : signature === 'ole' || signature === 'zip' ? `a ${type} file` : type;
}

const startsWith = (head: Uint8Array, bytes: readonly number[], at = 0) =>
  head.length >= at + bytes.length && bytes.every((b, i) => head[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

function matches(signature: Signature, head: Uint8Array): boolean {
  switch (signature) {
    case 'png':
      return startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'jpeg':
      return startsWith(head, [0xff, 0xd8, 0xff]);
    case 'gif':
      return startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'));
    case 'webp':
      return startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8);
    case 'pdf':
      return startsWith(head, ascii('%PDF-'));
    case 'zip':
      // A local file header, or the end record of an empty archive.
      return startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06]);
    case 'ole':
      return startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    case 'text':
      return isText(head);
  }
}

/**
 * Text has no NUL bytes — except UTF-16, which Windows tools (PowerShell's `>` among them)
 * write logs in; its byte-order mark says so.
 */
function isText(head: Uint8Array): boolean {
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return true;
  return !head.includes(0);
}

// Bidirectional overrides can make "invoice‮fdp.exe" display as "invoiceexe.pdf".
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069<>:"/\\|?*]/g;
const MAX_NAME_LENGTH = 200;

/**
 * The uploader's file name made safe to show and to put in a Content-Disposition header:
 * no directories, no control or bidi characters, no characters Windows refuses, at most 200
 * characters with the extension kept. Never used as a name on disk.
 */
export function sanitiseFileName(name: string): string {
  const base = name.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .replace(UNSAFE_CHARACTERS, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const chars = [...cleaned];
  if (chars.length === 0) return 'attachment';
  if (chars.length <= MAX_NAME_LENGTH) return cleaned;
  const extension = /\.[^.]{1,10}$/.exec(cleaned)?.[0] ?? '';
  return chars.slice(0, MAX_NAME_LENGTH - extension.length).join('') + extension;
}
