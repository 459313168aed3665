import { referenceEntitySchemas } from '../../common/contract/central/reference';
import type { ReferenceWrite } from '../reference/referenceFeed';
import { demoCaseTypes } from './demoCaseTypes';
import { demoCategories, demoCounters, demoDepartments, demoSites } from './demoOrganisation';

/**
 * The demo reference data as feed writes, what is pointed at before what points at it, each
 * document passed through its schema (a broken seed stops the start, it is not stored).
 */
export function demoReferenceWrites(): ReferenceWrite[] {
  const writes: ReferenceWrite[] = [
    ...demoSites.map((data) => ({ entity: 'site' as const, id: data.id, data })),
    ...demoDepartments.map((data) => ({ entity: 'department' as const, id: data.id, data })),
    ...demoCategories.map((data) => ({ entity: 'category' as const, id: data.id, data })),
    ...demoCounters.map((data) => ({ entity: 'counter' as const, id: data.id, data })),
    ...demoCaseTypes.map((data) => ({ entity: 'caseType' as const, id: data.id, data })),
  ];
  return writes.map(
    (write) =>
      ({
        ...write,
        data: referenceEntitySchemas[write.entity].parse(write.data),
      }) as ReferenceWrite,
  );
}
