import { parseArgs } from 'node:util';
import { systemClock } from '../../main/app/clock';
import { openDatabase } from '../../main/db';
import { createSilentLogger } from '../../main/logging/logger';
import { createCentralClient } from '../../main/sync/centralClient';
import { createSyncEngine } from '../../main/sync/syncEngine';

// A counter PC's sync in a process of its own, for the test that kills it in the middle of a
// push: it opens the PC's database, runs one sync round and says when it is done.
// `node pushWorker.mjs --db FILE --url CENTRAL_URL --token WORKSTATION_TOKEN`

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    url: { type: 'string' },
    token: { type: 'string' },
  },
});
if (!values.db || !values.url || !values.token) {
  console.error('usage: pushWorker --db FILE --url CENTRAL_URL --token WORKSTATION_TOKEN');
  process.exit(2);
}
const token = values.token;
const { db } = openDatabase(values.db);
const engine = createSyncEngine({
  db,
  client: createCentralClient({
    baseUrl: values.url,
    fetchFn: fetch,
    clock: systemClock,
    workstationToken: () => token,
  }),
  clock: systemClock,
  logger: createSilentLogger(),
  publish: () => {},
});
console.log('okienko-worker:syncing');
const status = await engine.syncNow();
db.close();
console.log(`okienko-worker:done ${JSON.stringify(status)}`);
