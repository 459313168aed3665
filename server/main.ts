import path from 'node:path';
import { PRODUCTION_SCRYPT_COST, createPasswordHasher } from './auth/passwordHashing';
import { systemClock } from './clock';
import { ensureInitialAdmin } from './seed/initialAdmin';
import { startCentralServer } from './startCentralServer';
import { openCentralStore } from './store/openCentralStore';
import { storeConfigFromEnv } from './store/storeConfig';

// The standalone central server (a city hall's own machine): `node out/server/main.js`.
//   HOST, PORT               where it listens (default 127.0.0.1:8420)
//   DATABASE_URL             postgres://… for PostgreSQL, or a SQLite file path
//                            (default ./okienko-central.sqlite); DATABASE_SCHEMA for a schema
//   DEMO_DATA=1              seed the demo data (and the demo users, password "demo") when empty
//   INITIAL_ADMIN_PASSWORD   creates the user `admin` with it when no user exists yet
//   TRUST_PROXY=1            behind a reverse proxy (client address from X-Forwarded-For)
//   RELEASES_DIR             the app's release files, served at /updates/<channel>/ (docs/updates.md)
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? '8420');
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a whole number from 0 to 65535, not "${process.env.PORT}".`);
  process.exit(2);
}

let storeConfig;
try {
  storeConfig = storeConfigFromEnv(process.env, path.resolve('okienko-central.sqlite'));
} catch (error) {
  console.error(`DATABASE_URL or DATABASE_SCHEMA is not valid: ${String(error)}`);
  process.exit(2);
}

const store = await openCentralStore(storeConfig);
const server = await startCentralServer({
  host,
  port,
  version: process.env.OKIENKO_VERSION ?? '0.1.0',
  store,
  demoData: process.env.DEMO_DATA === '1',
  trustProxy: process.env.TRUST_PROXY === '1',
  logger: true,
  // This file runs as out/server/main.js: the hall's kiosk and display pages are in out/hall.
  hallDir: path.resolve(import.meta.dirname, '../hall'),
  releasesDir: process.env.RELEASES_DIR ? path.resolve(process.env.RELEASES_DIR) : null,
});
// After the demo seed: with DEMO_DATA=1 the demo users exist and this changes nothing.
const initialAdminPassword = process.env.INITIAL_ADMIN_PASSWORD;
if (initialAdminPassword) {
  const created = await ensureInitialAdmin(store, initialAdminPassword, {
    passwords: createPasswordHasher(PRODUCTION_SCRYPT_COST),
    clock: systemClock,
  });
  if (created) console.log('created the user "admin" with INITIAL_ADMIN_PASSWORD');
}
console.log(`okienko-central listening at ${server.url} (store: ${storeConfig.kind})`);
console.log(
  `  hall pages: ${server.url}/hall/kiosk.html?site=<id>, ${server.url}/hall/display.html?site=<id>`,
);
if (process.env.RELEASES_DIR) {
  console.log(`  app updates: ${server.url}/updates/<channel>/latest.yml (docs/updates.md)`);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(
    signal,
    () =>
      void server
        .close()
        .then(() => store.close())
        .then(() => process.exit(0)),
  );
}
