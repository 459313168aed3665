/**
 * Structural masking of what goes into a log line (RODO): a name or an address cannot be told
 * from other text by its shape, so it is masked by where it sits instead. Every value under one
 * of these keys, at any depth of a logged object, is replaced whole; an applicant, a
 * representative, a registration or a mutation's payload goes as one `[masked]`, whatever it
 * holds. Secrets are here too: a token or a password has no business in a log either.
 *
 * Keys compare case-insensitively. `name` is not among them: in this app it names a case type,
 * a category or a site; a person's name is always `firstName`/`lastName` or inside an applicant.
 */
const personalKeys = [
  // a person
  'pesel',
  'firstName',
  'lastName',
  'surname',
  'fullName',
  'givenName',
  'familyName',
  'displayName',
  'documentNumber',
  'identity',
  'birthDate',
  'applicant',
  'representative',
  'resident',
  'person',
  'personalData',
  // where they live and how to reach them
  'street',
  'address',
  'addressLine',
  'postalCode',
  'zipCode',
  'city',
  'phone',
  'phoneNumber',
  'mobile',
  'email',
  'emailAddress',
  // whole records and free text that may hold any of the above
  'registration',
  'draft',
  'payload',
  'notes',
  'fields',
  'body',
  // secrets
  'password',
  'token',
  'workstationToken',
  'authorization',
  'cookie',
  'x-okienko-workstation',
] as const;

const personalKeySet = new Set(personalKeys.map((key) => key.toLowerCase()));

export const MASKED_VALUE = '[masked]';

/** How deep a logged object is followed; deeper parts are replaced (a log line is not a dump). */
const MAX_DEPTH = 8;

export function isPersonalFieldName(key: string): boolean {
  return personalKeySet.has(key.toLowerCase());
}

/**
 * A copy of `value` with every personal field masked. Plain objects and arrays are followed;
 * anything else (an Error, a Date, a Buffer) is left for its serializer, whose text output the
 * logger masks by pattern. `null` stays `null`: "no representative" is not personal data.
 */
export function maskPersonalFields<T>(value: T): T {
  return maskValue(value, 0, new WeakSet()) as T;
}

function maskValue(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    if (seen.has(value)) return '[circular]';
    if (depth >= MAX_DEPTH) return '[deep]';
    seen.add(value);
    const masked = value.map((item: unknown) => maskValue(item, depth + 1, seen));
    seen.delete(value);
    return masked;
  }
  if (!isPlainObject(value)) return value;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[deep]';
  seen.add(value);
  const masked: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    masked[key] =
      isPersonalFieldName(key) && item !== null && item !== undefined
        ? MASKED_VALUE
        : maskValue(item, depth + 1, seen);
  }
  seen.delete(value);
  return masked;
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
