import type { CompartmentSize } from '../../../common/contract/lockerLabel';

/** The compartment sizes in the order the clerk picks them: key 1, 2, 3. */
export const COMPARTMENT_SIZES: readonly CompartmentSize[] = ['small', 'medium', 'large'];

/** The size a digit key picks (`1` small, `2` medium, `3` large); null for any other key. */
export function sizeForKey(key: string): CompartmentSize | null {
  const index = ['1', '2', '3'].indexOf(key);
  return index === -1 ? null : (COMPARTMENT_SIZES[index] ?? null);
}
