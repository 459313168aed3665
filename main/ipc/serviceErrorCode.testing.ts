import { ServiceError } from './serviceError';

/** The code of the ServiceError an action throws, for tests; null when it does not throw. */
export function serviceErrorCodeOf(action: () => unknown): string | null {
  try {
    action();
    return null;
  } catch (error) {
    return error instanceof ServiceError ? error.code : String(error);
  }
}
