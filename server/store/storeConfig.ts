import { z } from 'zod';

/**
 * Where the central server keeps its data: a SQLite file (the embedded default, a single PC, a
 * demo, the tests) or PostgreSQL (a real city hall, several server processes sharing it).
 */
export const storeConfigSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sqlite'), file: z.string().min(1) }),
  z.object({
    kind: z.literal('postgres'),
    url: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// address'),
    /** A schema of its own (tests, several cities on one server); created when missing. */
    schema: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/)
      .optional(),
    poolSize: z.int().min(1).max(200).optional(),
  }),
]);
export type StoreConfig = z.infer<typeof storeConfigSchema>;
export type StoreDialect = StoreConfig['kind'];

/** DATABASE_URL (postgres://…) or a SQLite file path, as the standalone server is started. */
export function storeConfigFromEnv(env: NodeJS.ProcessEnv, defaultSqliteFile: string): StoreConfig {
  const url = env.DATABASE_URL;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    return storeConfigSchema.parse({
      kind: 'postgres',
      url,
      schema: env.DATABASE_SCHEMA || undefined,
    });
  }
  return { kind: 'sqlite', file: url?.replace(/^sqlite:(\/\/)?/, '') || defaultSqliteFile };
}
