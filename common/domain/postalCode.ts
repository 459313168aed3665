/** A Polish postal code: two digits, a dash, three digits (`00-950`). */
const POSTAL_CODE = /^\d{2}-\d{3}$/;

export function isPostalCode(value: string): boolean {
  return POSTAL_CODE.test(value);
}

/**
 * What a clerk typed, put in shape when it is unambiguous: `00950` and `00 950` become
 * `00-950`. Anything else comes back as typed (trimmed), for validation to name.
 */
export function normalizePostalCode(value: string): string {
  const trimmed = value.trim();
  const digits = /^(\d{2})[\s-]?(\d{3})$/.exec(trimmed);
  return digits ? `${digits[1]}-${digits[2]}` : trimmed;
}
