import { z } from 'zod';
import { defineChannel, defineEvent } from './defineChannel';
import { workstationConfigSchema } from './workstationConfig';

export const windowKindSchema = z.enum(['counter', 'supervisor']);
export type WindowKind = z.infer<typeof windowKindSchema>;

export const hostKindSchema = z.enum(['electron', 'browser']);

export const centralStatusSchema = z.object({
  mode: z.enum(['embedded', 'remote']),
  url: z.string().nullable(),
  /** null until the first check has finished. */
  reachable: z.boolean().nullable(),
  checkedAt: z.iso.datetime().nullable(),
  problem: z.string().nullable(),
});
export type CentralStatus = z.infer<typeof centralStatusSchema>;

export const appInfoSchema = z.object({
  appName: z.string(),
  appVersion: z.string(),
  /** The SQLite schema version (`PRAGMA user_version`) of this PC's database. */
  schemaVersion: z.int().nonnegative(),
  host: hostKindSchema,
  dataDir: z.string(),
  config: workstationConfigSchema,
  central: centralStatusSchema,
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const readinessStepSchema = z.enum([
  'database-ready',
  'central-reachable',
  'central-unreachable',
  'window-loaded',
]);
export type ReadinessStep = z.infer<typeof readinessStepSchema>;

export const readinessEventSchema = z.object({
  step: readinessStepSchema,
  at: z.iso.datetime(),
  detail: z.string().optional(),
});
export type ReadinessEvent = z.infer<typeof readinessEventSchema>;

const noPayload = z.object({}).strict();

export const appChannels = {
  'app:info': defineChannel({
    summary:
      'The app version, the database schema version, the workstation config and the central status.',
    request: noPayload,
    response: appInfoSchema,
  }),
  'app:windowLoaded': defineChannel({
    summary: 'A window reports that it has rendered; main records it as a readiness event.',
    request: z.object({ window: windowKindSchema }).strict(),
    response: z.object({ recorded: z.literal(true) }),
  }),
  'app:openWindow': defineChannel({
    summary:
      'Open another window (e.g. the supervisor window). A host without windows of its own answers opened=false with the route to open.',
    request: z.object({ window: windowKindSchema }).strict(),
    response: z.object({ opened: z.boolean(), route: z.string() }),
    errorCodes: ['forbidden-window'],
  }),
} as const;

export const appEvents = {
  'app:readiness': defineEvent({
    summary:
      'A start-up step has completed: database ready, central reachable or not, window loaded.',
    payload: readinessEventSchema,
  }),
  'central:statusChanged': defineEvent({
    summary: 'The central server became reachable or unreachable.',
    payload: centralStatusSchema,
  }),
} as const;
