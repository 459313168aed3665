/**
 * The Content-Security-Policy of every window: nothing by default, then only what the app needs
 * from its own origin. `connect` names the extra addresses the page may talk to (the browser
 * host's WebSocket); the Electron windows need none, their IPC does not go through the network.
 */
export function contentSecurityPolicy(connect: readonly string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "media-src 'self' data:",
    `connect-src 'self'${connect.map((source) => ` ${source}`).join('')}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
