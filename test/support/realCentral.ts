import { ensureWorkstation } from '../../server/auth/workstations';
import { startCentralServer } from '../../server/startCentralServer';
import { openCentralStore, type CentralStore } from '../../server/store/openCentralStore';

/**
 * The real central server, in this process, on a SQLite file, for the workstation's integration
 * tests. `stop()` and `start()` take it down and bring it back on the same file and port, as an
 * outage would. Its store is at hand so a test can check what the server holds.
 */
export async function startRealCentral(options: { file: string; demoData?: boolean }) {
  let port = 0;
  let running: { store: CentralStore; close(): Promise<void> } | null = null;

  async function start(): Promise<void> {
    if (running) return;
    const store = await openCentralStore({ kind: 'sqlite', file: options.file });
    try {
      const server = await startCentralServer({
        host: '127.0.0.1',
        port,
        version: 'integration-test',
        store,
        demoData: options.demoData ?? true,
        // The demo users' hashes at a low cost: the test is about sync, not about scrypt.
        passwordCost: { N: 2 ** 10, r: 8, p: 1 },
      });
      port = Number(new URL(server.url).port);
      running = {
        store,
        close: async () => {
          await server.close();
          await store.close();
        },
      };
    } catch (error) {
      await store.close();
      throw error;
    }
  }

  function store(): CentralStore {
    if (!running) throw new Error('the central server is stopped');
    return running.store;
  }

  await start();
  return {
    url: () => `http://127.0.0.1:${port}`,
    start,
    async stop(): Promise<void> {
      const closing = running;
      running = null;
      await closing?.close();
    },
    /** Registers (or takes over) a counter PC and returns its workstation token. */
    async registerWorkstation(siteId: string, counterNumber: number): Promise<string> {
      const { token } = await ensureWorkstation(store(), {
        id: `it-${siteId}-${counterNumber}`,
        siteId,
        counterNumber,
      });
      return token;
    },
    /** The ids of the manual visits the server keeps, each as many times as it keeps it. */
    async manualVisitIds(): Promise<string[]> {
      const rows = await store().db.selectFrom('manual_visits').select('id').execute();
      return rows.map((row) => row.id);
    },
    /** The ids of the cases the server has registered, each as many times as it keeps it. */
    async caseIds(): Promise<string[]> {
      const rows = await store().db.selectFrom('cases').select('id').execute();
      return rows.map((row) => row.id);
    },
    /** Every mutation id the server has answered, with its answer. */
    async mutationAnswers(): Promise<{ id: string; status: string; reason: string | null }[]> {
      return store().db.selectFrom('sync_mutations').select(['id', 'status', 'reason']).execute();
    },
  };
}

export type RealCentral = Awaited<ReturnType<typeof startRealCentral>>;
