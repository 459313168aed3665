import { useWatch, type Control } from 'react-hook-form';
import { draftConditions, type CaseDraftData } from '../../../common/contract';

/**
 * The conditions that hold for the draft as typed now (the ticked ones and, while someone acts
 * for the applicant, the representative's): what the checklist and the fee follow.
 */
export function useDraftConditions(control: Control<CaseDraftData>): Set<string> {
  const conditions = useWatch({ control, name: 'conditions' });
  const acting = useWatch({ control, name: 'representative.acting' });
  return draftConditions({ conditions, representative: { acting } } as CaseDraftData);
}
