import fs from 'node:fs';
import path from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
};

export type StaticFile = { body: Buffer; contentType: string };

/**
 * Reads a file of the built renderer for a URL path. Anything that would leave the root (`..`,
 * an absolute path, a link out) is answered as missing: the host serves the app and nothing else
 * of the disk.
 */
export function readStaticFile(root: string, urlPath: string): StaticFile | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const resolved = path.resolve(root, relative);
  const rootWithSep = path.resolve(root) + path.sep;
  if (!resolved.startsWith(rootWithSep)) return null;
  let real: string;
  try {
    real = fs.realpathSync(resolved);
  } catch {
    return null;
  }
  if (!real.startsWith(fs.realpathSync(root) + path.sep)) return null;
  if (!fs.statSync(real).isFile()) return null;
  return {
    body: fs.readFileSync(real),
    contentType: contentTypes[path.extname(real).toLowerCase()] ?? 'application/octet-stream',
  };
}
