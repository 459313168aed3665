import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Where the app's release files are served: `/updates/<channel>/latest.yml` and the files it names. */
export const UPDATES_PREFIX = '/updates';

/** A channel is one folder of RELEASES_DIR (`latest`, `pilot`): lowercase, no dots. */
const CHANNEL = /^[a-z0-9][a-z0-9-]{0,31}$/;
/**
 * A file the feed may name: letters, digits, `.`, `_`, `-` (electron-builder.yml names the
 * artifacts without spaces), never starting with a dot, so `..` and hidden files are out.
 */
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/**
 * What electron-updater's `generic` provider reads, by extension: the feeds (`latest.yml` for
 * the Windows installer, `latest-linux.yml` for the AppImage), the artifacts and their
 * blockmaps (used for the differential download). Anything else in the folder is not served.
 */
export const RELEASE_FILE_TYPES: Readonly<Record<string, string>> = {
  '.yml': 'text/yaml; charset=utf-8',
  '.exe': 'application/vnd.microsoft.portable-executable',
  '.AppImage': 'application/vnd.appimage',
  '.deb': 'application/vnd.debian.binary-package',
  '.blockmap': 'application/octet-stream',
};

const NO_RELEASES =
  'Ten serwer nie publikuje wydań aplikacji (RELEASES_DIR nie jest ustawione).\n' +
  'This server publishes no app releases (RELEASES_DIR is not set).\n';
const NOT_FOUND =
  'Nie ma takiego pliku wydania. Kanał: /updates/<kanał>/latest.yml.\n' +
  'No such release file. A channel: /updates/<channel>/latest.yml.\n';

export type UpdateFeedOptions = {
  /** The folder with one subfolder per channel (`<dir>/latest/latest.yml`); null: none published. */
  releasesDir: string | null;
};

function plainText(reply: FastifyReply, status: number, text: string) {
  return reply
    .code(status)
    .header('x-content-type-options', 'nosniff')
    .type('text/plain; charset=utf-8')
    .send(text);
}

/**
 * The release files of `npm run dist`, copied by the city's IT into `releasesDir/<channel>/`,
 * served where electron-updater's generic provider looks (docs/updates.md). Public: an
 * installer is no secret, and a PC must be able to update before it can log in. ETag,
 * Last-Modified and Range come from @fastify/static (the differential download asks for byte
 * ranges); the feed is sent with no-cache so a new release is seen at the next check. Register
 * with `{ prefix: UPDATES_PREFIX }`.
 */
export async function updateFeedRoutes(
  app: FastifyInstance,
  options: UpdateFeedOptions,
): Promise<void> {
  const route = { config: { access: 'public' as const }, schema: { hide: true } };
  const releasesDir = options.releasesDir;
  if (releasesDir === null) {
    app.get('/*', route, (_request, reply) => plainText(reply, 404, NO_RELEASES));
    return;
  }
  await app.register(fastifyStatic, {
    root: path.resolve(releasesDir),
    serve: false,
    dotfiles: 'deny',
    index: false,
    cacheControl: false,
    acceptRanges: true,
    etag: true,
    lastModified: true,
    suppressWarning: true,
    // After the static server's own guess by extension (which knows no .AppImage, and calls an
    // .exe octet-stream): the types above, the same on every platform.
    setHeaders: (staticReply, filePath) => {
      const type = RELEASE_FILE_TYPES[path.extname(filePath)];
      if (type !== undefined) staticReply.header('content-type', type);
    },
  });
  app.setNotFoundHandler((_request, reply) => plainText(reply, 404, NOT_FOUND));

  app.get<{ Params: { channel: string; file: string } }>(
    '/:channel/:file',
    route,
    (request, reply) => {
      const { channel, file } = request.params;
      const type = RELEASE_FILE_TYPES[path.extname(file)];
      if (!CHANNEL.test(channel) || !FILE_NAME.test(file) || type === undefined) {
        return plainText(reply, 404, NOT_FOUND);
      }
      return reply
        .header('x-content-type-options', 'nosniff')
        .header(
          'cache-control',
          // A new release replaces the feed under the same name; artifacts carry their version.
          file.endsWith('.yml') ? 'no-cache' : 'public, max-age=86400',
        )
        .sendFile(`${channel}/${file}`);
    },
  );
}
