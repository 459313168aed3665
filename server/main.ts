import { startCentralServer } from './startCentralServer';

// The standalone central server (a city hall's own machine): `node out/server/main.js`.
// HOST and PORT say where it listens; the store is chosen in the sync API's issue.
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? '8420');
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a whole number from 0 to 65535, not "${process.env.PORT}".`);
  process.exit(2);
}
const server = await startCentralServer({
  host,
  port,
  version: process.env.OKIENKO_VERSION ?? '0.1.0',
  store: 'sqlite',
  demoData: true,
  logger: true,
});
console.log(`okienko-central listening at ${server.url}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void server.close().then(() => process.exit(0)));
}
