import { windowKindSchema, type WindowKind } from '../../common/contract';

/** Which window this page is: `#/counter` (the default) or `#/supervisor`. */
export function windowFromHash(hash: string): WindowKind {
  const parsed = windowKindSchema.safeParse(hash.replace(/^#\/?/, '').split(/[/?]/)[0]);
  return parsed.success ? parsed.data : 'counter';
}
