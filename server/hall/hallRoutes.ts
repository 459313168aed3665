import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Where the hall's pages are served: `/hall/kiosk.html?site=…`, `/hall/display.html?site=…`. */
export const HALL_PREFIX = '/hall';

/** The two pages Vite builds into the hall folder (vite.hall.config.ts). */
export const HALL_PAGES = ['kiosk', 'display'] as const;
export type HallPage = (typeof HALL_PAGES)[number];

/** The IT team's workstation health page, beside the hall's pages (vite.hall.config.ts). */
export const HEALTH_PAGE = 'admin/health.html';

/**
 * The pages load their own script and stylesheet and talk to this server's API, nothing else:
 * no inline script or style, no other origin, no frames (a kiosk must not be framed by a
 * stranger's page), no forms posted anywhere. The chime is made with the Web Audio API, so no
 * media is loaded at all; `media-src 'self'` stays for a future sound file of our own.
 */
export const HALL_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The built pages beside the server's bundle: `out/server/main.js` and `out/main/*.js` both
 * have `out/hall` one folder up. Run from source (tests), this would be the `hall/` sources:
 * the entry points and tests pass `hallDir` themselves.
 */
export const hallDirBesideBundle = (): string => path.resolve(import.meta.dirname, '..', 'hall');

export type HallRoutesOptions = {
  /** The folder Vite built the pages into (`out/hall`). */
  hallDir: string;
};

const SITE_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;

const NOT_BUILT =
  'Strony sali (kiosk i tablica wywołań) nie zostały zbudowane: uruchom `npm run build`.\n' +
  'The hall pages (kiosk and display board) are not built: run `npm run build`.\n';
const NOT_FOUND =
  'Nie ma takiej strony. Kiosk: /hall/kiosk.html?site=<id>, tablica: /hall/display.html?site=<id>.\n' +
  'No such page. Kiosk: /hall/kiosk.html?site=<id>, display board: /hall/display.html?site=<id>.\n';

function securityHeaders(reply: FastifyReply): FastifyReply {
  return reply.headers({
    'content-security-policy': HALL_CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
}

function plainText(reply: FastifyReply, status: number, text: string) {
  return securityHeaders(reply).code(status).type('text/plain; charset=utf-8').send(text);
}

/**
 * The hall's kiosk and display board pages (built by `vite.hall.config.ts` into `hallDir`),
 * public like the API routes they call. Register with `{ prefix: HALL_PREFIX }`. Only the two
 * pages and Vite's `assets/` are served; @fastify/static refuses `..`, encoded separators and
 * other non-canonical paths, so nothing outside the folder leaves the server. Pages that were
 * not built answer a 404 that says so, and a build made while the server runs is picked up.
 */
export async function hallRoutes(app: FastifyInstance, options: HallRoutesOptions): Promise<void> {
  const root = path.resolve(options.hallDir);
  await app.register(fastifyStatic, {
    root,
    serve: false,
    // Vite names each asset by its content hash, and the pages are sent with no-cache below.
    cacheControl: false,
    dotfiles: 'deny',
    index: false,
    suppressWarning: true,
  });

  // Public like the kiosk and display API routes; pages, not API: left out of the OpenAPI document.
  const route = { config: { access: 'public' as const }, schema: { hide: true } };

  app.setNotFoundHandler((_request, reply) => plainText(reply, 404, NOT_FOUND));

  for (const page of HALL_PAGES) {
    const file = `${page}.html`;
    app.get(`/${file}`, route, (_request, reply) => {
      if (!fs.existsSync(path.join(root, file))) return plainText(reply, 404, NOT_BUILT);
      // A kiosk or a display runs for weeks: it must fetch a new build's page on its next load.
      return securityHeaders(reply).header('cache-control', 'no-cache').sendFile(file);
    });
    // The short form for setting up a kiosk PC: /hall/kiosk/slaska → /hall/kiosk.html?site=slaska.
    app.get<{ Params: { siteId: string } }>(`/${page}/:siteId`, route, (request, reply) => {
      const { siteId } = request.params;
      if (!SITE_ID.test(siteId)) return plainText(reply, 404, NOT_FOUND);
      return securityHeaders(reply).redirect(`../${file}?site=${encodeURIComponent(siteId)}`);
    });
  }

  // The IT team's health page (docs/health.md): the page is public, its data needs an admin's login.
  app.get(`/${HEALTH_PAGE}`, route, (_request, reply) => {
    if (!fs.existsSync(path.join(root, HEALTH_PAGE))) return plainText(reply, 404, NOT_BUILT);
    return securityHeaders(reply).header('cache-control', 'no-cache').sendFile(HEALTH_PAGE);
  });

  app.get<{ Params: { '*': string } }>('/assets/*', route, (request, reply) =>
    securityHeaders(reply)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .sendFile(`assets/${request.params['*']}`),
  );
}
