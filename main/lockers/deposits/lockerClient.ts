import {
  lockerPaths,
  readyCasesResponseSchema,
  type ReadyCasesResponse,
} from '../../../common/contract/central/lockers';
import type { Clock } from '../../app/clock';
import type { FetchFn } from '../../central/centralHealthCheck';
import { createCentralHttp, type CentralResult } from '../../sync/centralHttp';

/** The locker desk's one request to the central server: the ready cases and the site's deposits. */
export function createLockerClient(options: {
  baseUrl: string;
  fetchFn: FetchFn;
  clock: Clock;
  workstationToken: () => string | null;
  timeoutMs?: number;
}) {
  const request = createCentralHttp(options);
  const timeoutMs = options.timeoutMs ?? 15_000;
  return {
    readyCases(siteId: string, sessionToken: string): Promise<CentralResult<ReadyCasesResponse>> {
      return request(readyCasesResponseSchema, {
        method: 'GET',
        path: lockerPaths.readyCases(siteId),
        sessionToken,
        timeoutMs,
      });
    },
  };
}

export type LockerClient = ReturnType<typeof createLockerClient>;
