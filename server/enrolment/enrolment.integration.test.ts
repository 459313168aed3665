import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../common/contract/central/apiError';
import {
  createEnrolmentResponseSchema,
  enrolmentPaths,
  enrolResponseSchema,
  workstationSettingsSchema,
  type CreateEnrolmentRequest,
} from '../../common/contract/central/enrolment';
import type { CentralApp } from '../http/centralContext';
import {
  buildTestServer,
  loginAs,
  manualClock,
  openTestStore,
  storeKinds,
  type TestStore,
} from '../testing/testStores';

const pc: CreateEnrolmentRequest = {
  id: 'pc-slaska-4',
  siteId: 'slaska',
  counterNumber: 4,
  terminal: { kind: 'usb-hid', vendorId: 0x1234, productId: 0x0042 },
  printer: { kind: 'tcp', host: '10.1.2.3', port: 9100 },
};

describe.each(storeKinds)('enrolment on %s', (kind) => {
  let test: TestStore;
  let app: CentralApp;
  let admin: { authorization: string };
  let clock: ReturnType<typeof manualClock>;

  const issue = async (body: CreateEnrolmentRequest = pc) => {
    const response = await app.inject({
      method: 'POST',
      url: enrolmentPaths.adminEnrolments,
      headers: admin,
      payload: body,
    });
    expect(response.statusCode, response.body).toBe(201);
    return createEnrolmentResponseSchema.parse(response.json());
  };
  const enrol = (code: string, remoteAddress = '10.0.0.7') =>
    app.inject({
      method: 'POST',
      url: enrolmentPaths.enrol,
      payload: { code, machineLabel: 'UM-SLASKA-04' },
      remoteAddress,
    });
  const errorCode = (response: { json(): unknown }) =>
    apiErrorSchema.parse(response.json()).error.code;
  const settingsWith = (token: string) =>
    app.inject({
      method: 'GET',
      url: enrolmentPaths.workstationSettings,
      headers: { 'x-okienko-workstation': token },
    });

  beforeEach(async () => {
    clock = manualClock();
    test = await openTestStore(kind);
    app = await buildTestServer(test.store, { clock });
    admin = await loginAs(app, 'admin');
  });
  afterEach(async () => {
    await app.close();
    await test.dispose();
  });

  it('trades a valid code, typed loosely, for the identity, a working token and the settings', async () => {
    const issued = await issue();
    expect(issued.code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(issued.reEnrolment).toBe(false);

    const response = await enrol(` ${issued.code.toLowerCase().replaceAll('-', ' ')} `);
    expect(response.statusCode, response.body).toBe(200);
    const enrolled = enrolResponseSchema.parse(response.json());
    expect(enrolled.settings.workstation).toEqual({
      id: 'pc-slaska-4',
      siteId: 'slaska',
      counterNumber: 4,
    });
    expect(enrolled.settings.printer).toEqual(pc.printer);
    expect(enrolled.settings.terminal).toEqual(pc.terminal);

    const settings = await settingsWith(enrolled.token);
    expect(settings.statusCode).toBe(200);
    expect(workstationSettingsSchema.parse(settings.json()).workstation.id).toBe('pc-slaska-4');
  });

  it('refuses a used code, and the second PC gets no token', async () => {
    const issued = await issue();
    expect((await enrol(issued.code)).statusCode).toBe(200);
    const again = await enrol(issued.code);
    expect(again.statusCode).toBe(409);
    expect(errorCode(again)).toBe('enrolment-code-used');
  });

  it('refuses an expired code after 24 hours', async () => {
    const issued = await issue();
    clock.advance(24 * 60 * 60 * 1000);
    const late = await enrol(issued.code);
    expect(late.statusCode).toBe(409);
    expect(errorCode(late)).toBe('enrolment-code-expired');
  });

  it('refuses an unknown code and a malformed one', async () => {
    const unknown = await enrol('K7QP-2MXD-9HTR');
    expect(unknown.statusCode).toBe(404);
    expect(errorCode(unknown)).toBe('enrolment-code-unknown');
    const malformed = await enrol('hello');
    expect(malformed.statusCode).toBe(400);
  });

  it('makes a re-issued code replace the older one, and the old token stop at enrolment', async () => {
    const first = await issue();
    const firstToken = enrolResponseSchema.parse((await enrol(first.code)).json()).token;
    const second = await issue({ ...pc, counterNumber: 5 });
    expect(second.reEnrolment).toBe(true);
    // Until the new code is used the PC keeps working, and sees its new counter.
    const before = await settingsWith(firstToken);
    expect(workstationSettingsSchema.parse(before.json()).workstation.counterNumber).toBe(5);

    const third = await issue({ ...pc, counterNumber: 5 });
    expect(errorCode(await enrol(second.code))).toBe('enrolment-code-unknown');
    expect((await enrol(third.code)).statusCode).toBe(200);
    expect((await settingsWith(firstToken)).statusCode).toBe(401);
  });

  it('limits refused enrolments per address, like logins', async () => {
    for (let i = 0; i < 10; i += 1) expect((await enrol('AAAA-AAAA-AAAA')).statusCode).toBe(404);
    const blocked = await enrol('AAAA-AAAA-AAAA');
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not blocked, and the window passes.
    expect((await enrol('AAAA-AAAA-AAAA', '10.0.0.8')).statusCode).toBe(404);
    clock.advance(15 * 60 * 1000 + 1000);
    expect((await enrol('AAAA-AAAA-AAAA')).statusCode).toBe(404);
  });

  it('serves changed settings to the PC, and only to a workstation', async () => {
    const issued = await issue();
    const token = enrolResponseSchema.parse((await enrol(issued.code)).json()).token;
    const put = await app.inject({
      method: 'PUT',
      url: enrolmentPaths.adminSettingsOf('pc-slaska-4'),
      headers: admin,
      payload: { terminal: { kind: 'simulator' }, printer: { kind: 'system' } },
    });
    expect(put.statusCode, put.body).toBe(200);
    const settings = workstationSettingsSchema.parse((await settingsWith(token)).json());
    expect(settings.printer).toEqual({ kind: 'system' });
    expect(settings.terminal).toEqual({ kind: 'simulator' });

    const asUser = await app.inject({
      method: 'GET',
      url: enrolmentPaths.workstationSettings,
      headers: admin,
    });
    expect(asUser.statusCode).toBe(403);
    const asClerk = await app.inject({
      method: 'POST',
      url: enrolmentPaths.adminEnrolments,
      headers: await loginAs(app, 'urzednik1'),
      payload: pc,
    });
    expect(asClerk.statusCode).toBe(403);
  });

  it('revokes a workstation: its token and its unused code stop working', async () => {
    const issued = await issue();
    const token = enrolResponseSchema.parse((await enrol(issued.code)).json()).token;
    const next = await issue();
    const revoke = await app.inject({
      method: 'POST',
      url: enrolmentPaths.adminRevokeOf('pc-slaska-4'),
      headers: admin,
    });
    expect(revoke.statusCode, revoke.body).toBe(200);
    expect(revoke.json()).toMatchObject({ revokedCodes: 1 });
    expect((await settingsWith(token)).statusCode).toBe(401);
    expect(errorCode(await enrol(next.code))).toBe('enrolment-code-unknown');
  });
});
