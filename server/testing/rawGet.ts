import http from 'node:http';

/**
 * GET of a path exactly as written, over a socket to a listening server on the loopback:
 * `inject` and HTTP clients normalize `..` first, so a traversal attempt only arrives this way
 * (tests of the static-file routes).
 */
export function rawGet(port: number, rawPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path: rawPath }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    request.on('error', reject);
  });
}
