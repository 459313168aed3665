import { z } from 'zod';

/**
 * Error codes that any channel may answer with, whatever its domain: they come from the
 * transport and the dispatcher, not from a service.
 */
export const transportErrorCodes = [
  'invalid-payload',
  'unknown-channel',
  'forbidden-sender',
  'unavailable',
  'internal',
] as const;
export type TransportErrorCode = (typeof transportErrorCodes)[number];

/** One problem found in a payload: where (a dotted path such as `counter.number`) and what. */
export const payloadIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
});
export type PayloadIssue = z.infer<typeof payloadIssueSchema>;

/** The error schema of a channel: the transport's codes plus the channel's own. */
export function ipcErrorSchema<const Codes extends readonly string[]>(codes: Codes) {
  const all = [...transportErrorCodes, ...codes] as [string, ...string[]];
  return z.object({
    code: z.enum(all) as unknown as z.ZodType<TransportErrorCode | Codes[number]>,
    message: z.string(),
    issues: z.array(payloadIssueSchema).optional(),
  });
}

export type IpcError<Code extends string = string> = {
  code: TransportErrorCode | Code;
  message: string;
  issues?: PayloadIssue[];
};

/** Every answer crosses the boundary as a result, never as a thrown exception. */
export type IpcResult<Value, Code extends string = string> =
  { ok: true; value: Value } | { ok: false; error: IpcError<Code> };

/**
 * Turns zod's issues into paths a person can read: `counter.number`, `items[2].name`. Zod
 * reports unknown keys once, at the object holding them; whoever looks for a typo needs the path
 * of each unknown field itself (`site.nmae`), so those are split out.
 */
export function issuesFromZod(error: z.ZodError): PayloadIssue[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          path: formatIssuePath([...issue.path, key]),
          message: 'Unknown field (check its spelling; it is not one of the accepted fields)',
        }))
      : [{ path: formatIssuePath(issue.path), message: issue.message }],
  );
}

export function formatIssuePath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text === '' ? String(part) : `.${String(part)}`;
  }
  return text === '' ? '(root)' : text;
}

/** A one-line summary of payload issues, for error messages and logs. */
export function describeIssues(issues: readonly PayloadIssue[]): string {
  return issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
}
