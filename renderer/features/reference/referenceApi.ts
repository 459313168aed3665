import type {
  ReferenceEntity,
  ReferenceEntityKind,
} from '../../../common/contract/central/reference';
import type { ReferenceList } from '../../../common/contract';
import { clerkApi } from '../../app/clerkApi';

/**
 * The city hall's reference data as this PC has cached it (`reference:list`): category and case
 * type names, the site's counters. Read from SQLite in main, so it works with the server down.
 */
export const referenceApi = clerkApi.injectEndpoints({
  endpoints: (builder) => ({
    referenceList: builder.query<ReferenceList['items'], ReferenceEntityKind>({
      query: (entity) => ({ channel: 'reference:list', payload: { entity } }),
      transformResponse: (value: ReferenceList) => value.items,
    }),
  }),
});

/** The cached entities of one kind, typed by the kind. */
export function useReferenceList<K extends ReferenceEntityKind>(
  entity: K,
): ReferenceEntity[K][] | undefined {
  const { data } = referenceApi.useReferenceListQuery(entity);
  return data as ReferenceEntity[K][] | undefined;
}
