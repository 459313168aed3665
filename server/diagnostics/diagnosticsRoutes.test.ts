import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  diagnosticsListSchema,
  diagnosticsPaths,
  diagnosticsReceiptSchema,
} from '../../common/contract/diagnostics';
import type { CentralApp } from '../http/centralContext';
import {
  buildTestServer,
  loginAs,
  manualClock,
  openTestStore,
  storeKinds,
  workstationHeaders,
  type TestStore,
} from '../testing/testStores';

const archive = Buffer.from(zipSync({ 'manifest.json': strToU8('{"format":1}') }));

describe.each(storeKinds)('diagnostics archives, on %s', (kind) => {
  let test: TestStore;
  let app: CentralApp;
  let pc: { 'x-okienko-workstation': string };

  beforeAll(async () => {
    test = await openTestStore(kind);
    app = await buildTestServer(test.store, { clock: manualClock('2026-11-28T10:00:00.000Z') });
    pc = await workstationHeaders(test.store, 'pc-slaska-3', 'slaska', 3);
  });
  afterAll(async () => {
    await app.close();
    await test.dispose();
  });

  it('takes a zip from a workstation, lists it to an admin and gives the same bytes back', async () => {
    const posted = await app.inject({
      method: 'POST',
      url: diagnosticsPaths.upload,
      headers: { ...pc, 'content-type': 'application/zip' },
      payload: archive,
    });
    expect(posted.statusCode, posted.body).toBe(200);
    const receipt = diagnosticsReceiptSchema.parse(posted.json());
    expect(receipt).toMatchObject({
      receivedAt: '2026-11-28T10:00:00.000Z',
      sizeBytes: archive.length,
    });

    const admin = await loginAs(app, 'admin');
    const list = diagnosticsListSchema.parse(
      (await app.inject({ method: 'GET', url: diagnosticsPaths.list, headers: admin })).json(),
    );
    expect(list.diagnostics).toContainEqual({
      ...receipt,
      workstationId: 'pc-slaska-3',
      siteId: 'slaska',
      counterNumber: 3,
    });

    const download = await app.inject({
      method: 'GET',
      url: diagnosticsPaths.download(receipt.id),
      headers: admin,
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/zip');
    expect(download.headers['content-disposition']).toContain('diagnostyka-pc-slaska-3-');
    expect(Object.keys(unzipSync(new Uint8Array(download.rawPayload)))).toEqual(['manifest.json']);
  });

  it('refuses an upload without a workstation token, and one that is not a zip', async () => {
    const anonymous = await app.inject({
      method: 'POST',
      url: diagnosticsPaths.upload,
      headers: { 'content-type': 'application/zip' },
      payload: archive,
    });
    expect(anonymous.statusCode).toBe(401);
    const clerk = await loginAs(app, 'urzednik1');
    const asClerk = await app.inject({
      method: 'POST',
      url: diagnosticsPaths.upload,
      headers: { ...clerk, 'content-type': 'application/zip' },
      payload: archive,
    });
    // A user cannot stand in for the PC: the archive belongs to a workstation.
    expect(asClerk.statusCode).toBe(403);
    const notZip = await app.inject({
      method: 'POST',
      url: diagnosticsPaths.upload,
      headers: { ...pc, 'content-type': 'application/zip' },
      payload: Buffer.from('hello'),
    });
    expect(notZip.statusCode).toBe(400);
  });

  it('takes an archive above the API’s usual 5 MB, and refuses one over 20 MB with 413', async () => {
    const big = Buffer.alloc(6 * 1024 * 1024);
    archive.copy(big);
    const accepted = await app.inject({
      method: 'POST',
      url: diagnosticsPaths.upload,
      headers: { ...pc, 'content-type': 'application/zip' },
      payload: big,
    });
    expect(accepted.statusCode).toBe(200);

    const response = await app.inject({
      method: 'POST',
      url: diagnosticsPaths.upload,
      headers: { ...pc, 'content-type': 'application/zip' },
      payload: Buffer.alloc(20 * 1024 * 1024 + 1, 0x50),
    });
    expect(response.statusCode).toBe(413);
  });

  it('lets only an admin list or download', async () => {
    const clerk = await loginAs(app, 'kierownik');
    const list = await app.inject({ method: 'GET', url: diagnosticsPaths.list, headers: clerk });
    expect(list.statusCode).toBe(403);
    const byPc = await app.inject({ method: 'GET', url: diagnosticsPaths.list, headers: pc });
    expect(byPc.statusCode).toBe(401);
  });
});
