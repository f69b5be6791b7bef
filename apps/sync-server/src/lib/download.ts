// Files users uploaded are served back as downloads, never as pages or scripts of our origin; the
// name a download is saved under, in any script.
import { asciiFileName } from '@rollcall/shared';

// Types a browser may show inline without running anything; everything else is a plain download.
const SAFE_TYPES = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'text/plain',
  'text/csv',
]);

export const safeContentType = (declared: string) => {
  const base = declared.split(';')[0]!.trim().toLowerCase();
  if (!SAFE_TYPES.has(base)) return 'application/octet-stream';
  return base.startsWith('text/') ? `${base}; charset=utf-8` : base;
};

/** RFC 6266: an ASCII fallback name plus the exact name in UTF-8 (RFC 8187). */
export function attachmentDisposition(name: string): string {
  const ascii = asciiFileName(name);
  const exact = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16)}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${exact}`;
}
