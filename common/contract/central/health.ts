import { z } from 'zod';

/** GET /api/v1/health: the central server answers when it is up and its store is reachable. */
export const centralHealthSchema = z.object({
  status: z.literal('ok'),
  service: z.literal('okienko-central'),
  version: z.string(),
  store: z.enum(['sqlite', 'postgres']),
  demoData: z.boolean(),
  time: z.iso.datetime(),
});
export type CentralHealth = z.infer<typeof centralHealthSchema>;

export const CENTRAL_HEALTH_PATH = '/api/v1/health';
