import {
  enrolmentPaths,
  enrolResponseSchema,
  workstationSettingsSchema,
  type EnrolResponse,
  type WorkstationSettings,
} from '../../common/contract/central/enrolment';
import type { EnrolmentErrorCode } from '../../common/contract/enrolment';
import type { Clock } from '../app/clock';
import type { FetchFn } from '../central/centralHealthCheck';
import { createCentralHttp, type CentralResult } from '../sync/centralHttp';

const TIMEOUT_MS = 10_000;

export type EnrolFailure = { code: EnrolmentErrorCode; message: string };

/** POST /api/v1/enrol at the address typed on the first-start screen. */
export async function enrolAtCentral(input: {
  centralUrl: string;
  code: string;
  machineLabel: string;
  fetchFn: FetchFn;
  clock: Clock;
}): Promise<{ ok: true; value: EnrolResponse } | { ok: false; failure: EnrolFailure }> {
  const http = createCentralHttp({
    baseUrl: input.centralUrl,
    fetchFn: input.fetchFn,
    clock: input.clock,
    workstationToken: () => null,
  });
  const result = await http(enrolResponseSchema, {
    method: 'POST',
    path: enrolmentPaths.enrol,
    body: { code: input.code, machineLabel: input.machineLabel },
    timeoutMs: TIMEOUT_MS,
  });
  if (result.ok) return result;
  const failure = result.failure;
  switch (failure.kind) {
    case 'unreachable':
      return { ok: false, failure: { code: 'central-unreachable', message: failure.message } };
    case 'rate-limited':
      return { ok: false, failure: { code: 'too-many-attempts', message: failure.message } };
    case 'rejected':
      if (
        failure.code === 'enrolment-code-unknown' ||
        failure.code === 'enrolment-code-used' ||
        failure.code === 'enrolment-code-expired'
      ) {
        return { ok: false, failure: { code: failure.code, message: failure.message } };
      }
      // A malformed code (400) is as good as an unknown one to the person typing it.
      if (failure.code === 'invalid-request') {
        return { ok: false, failure: { code: 'enrolment-code-unknown', message: failure.message } };
      }
      return { ok: false, failure: { code: 'central-refused', message: failure.message } };
    case 'unauthorized':
      return { ok: false, failure: { code: 'central-refused', message: failure.message } };
  }
}

/** GET /api/v1/workstation/settings with this PC's token. */
export function fetchCentralSettings(input: {
  centralUrl: string;
  token: string;
  fetchFn: FetchFn;
  clock: Clock;
  timeoutMs?: number;
}): Promise<CentralResult<WorkstationSettings>> {
  const http = createCentralHttp({
    baseUrl: input.centralUrl,
    fetchFn: input.fetchFn,
    clock: input.clock,
    workstationToken: () => input.token,
  });
  return http(workstationSettingsSchema, {
    method: 'GET',
    path: enrolmentPaths.workstationSettings,
    timeoutMs: input.timeoutMs ?? TIMEOUT_MS,
  });
}
