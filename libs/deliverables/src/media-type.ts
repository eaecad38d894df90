/**
 * Which kinds of document may be uploaded, found by reading the bytes (the
 * type a browser puts in the upload header is not trusted).
 *
 * Hand-written rather than taken from `file-type`: that package is no direct
 * dependency (only Nest's), is ESM-only, and cannot tell plain text or CSV from
 * anything else, nor decide the allow-list; the few signatures we accept fit
 * in this file.
 */
export const ALLOWED_MEDIA_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'text/plain',
  'text/csv',
  'text/markdown',
  'image/png',
  'image/jpeg',
] as const;

/**
 * The file name endings of the accepted kinds, for the upload page's early check
 * (the content still decides on the server: a renamed program is refused).
 */
export const UPLOAD_EXTENSIONS = ['pdf', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp', 'doc', 'xls', 'ppt', 'txt', 'csv', 'md', 'png', 'jpg', 'jpeg'] as const;

export type AllowedMediaType = (typeof ALLOWED_MEDIA_TYPES)[number];

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function extensionOf(filename: string): string {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(filename);
  return match ? match[1].toLowerCase() : '';
}

/** The media type of an upload by its content, or undefined when it is not one we accept. */
export function sniffMediaType(bytes: Buffer, filename: string): AllowedMediaType | undefined {
  if (bytes.length === 0) return undefined;
  const ext = extensionOf(filename);
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.subarray(0, 8).equals(PNG)) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 4).equals(ZIP)) return sniffZip(bytes);
  if (bytes.subarray(0, 8).equals(OLE)) {
    // Legacy Office files share one container format; the extension tells which.
    return ({ doc: 'application/msword', xls: 'application/vnd.ms-excel', ppt: 'application/vnd.ms-powerpoint' } as const)[ext as 'doc'];
  }
  return sniffText(bytes, ext);
}

function sniffZip(bytes: Buffer): AllowedMediaType | undefined {
  // OpenDocument: the first entry is an uncompressed "mimetype" file.
  const head = bytes.subarray(0, 200).toString('latin1');
  const odf = /^PK\x03\x04[\s\S]{26}mimetype(application\/vnd\.oasis\.opendocument\.(?:text|spreadsheet|presentation))/.exec(head);
  if (odf) return odf[1] as AllowedMediaType;
  // Office Open XML: the entry names sit uncompressed in the local headers and the central directory.
  if (bytes.indexOf('[Content_Types].xml', 0, 'latin1') < 0) return undefined;
  if (bytes.indexOf('word/document.xml', 0, 'latin1') >= 0) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  if (bytes.indexOf('xl/workbook.xml', 0, 'latin1') >= 0) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if (bytes.indexOf('ppt/presentation.xml', 0, 'latin1') >= 0) return 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
  return undefined;
}

function sniffText(bytes: Buffer, ext: string): AllowedMediaType | undefined {
  if (bytes.includes(0)) return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, Math.min(bytes.length, 1 << 20)));
  } catch {
    // A cut in the middle of a character at the 1 MB mark is fine; anything else is not text.
    if (bytes.length <= 1 << 20) return undefined;
    text = bytes.subarray(0, 1 << 20).toString('utf8');
  }
  // Markup that a browser would run (HTML, SVG, XML) is no plain text document.
  if (/^\uFEFF?\s*<(?:!doctype|html|svg|\?xml|script)/i.test(text)) return undefined;
  if (ext === 'csv') return 'text/csv';
  if (ext === 'md') return 'text/markdown';
  return 'text/plain';
}

/** A file name safe to store and to send back in Content-Disposition. */
export function cleanFilename(name: string | undefined): string {
  // eslint-disable-next-line no-control-regex
  const base = (name ?? '').split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return (base || 'document').slice(-255);
}
