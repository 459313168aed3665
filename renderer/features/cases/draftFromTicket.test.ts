import { describe, expect, it } from 'vitest';
import { caseDraftDataSchema, draftConditions } from '../../../common/contract';
import { draftFromTicket } from './draftFromTicket';
import { identityCardCaseType } from './testCaseType';

const TICKET_ID = '3f1c2b9e-8a41-4c7e-9d2a-5b6f7e8d9c0a';

describe('draftFromTicket', () => {
  it('links the draft to the ticket, and nothing else without a checklist', () => {
    const draft = caseDraftDataSchema.parse(
      draftFromTicket({ id: TICKET_ID, number: 'A017', checklist: null }, [identityCardCaseType]),
    );
    expect(draft.ticket).toEqual({ ticketId: TICKET_ID, number: 'A017' });
    expect(draft.caseTypeId).toBeNull();
    expect(draft.documents).toEqual({});
  });

  it('takes the case type and document states the Resident Assistant checked', () => {
    const draft = caseDraftDataSchema.parse(
      draftFromTicket(
        {
          id: TICKET_ID,
          number: 'A017',
          checklist: {
            caseTypeId: 'dowod-osobisty',
            documents: [
              { documentId: 'fotografia', state: 'present' },
              { documentId: 'akt-slubu', state: 'missing' },
              { documentId: 'pelnomocnictwo', state: 'present' },
              { documentId: 'gone-from-reference', state: 'present' },
            ],
          },
        },
        [identityCardCaseType],
      ),
    );
    expect(draft.caseTypeId).toBe('dowod-osobisty');
    expect(draft.documents).toEqual({
      fotografia: 'present',
      'akt-slubu': 'missing',
      pelnomocnictwo: 'present',
    });
    // A checked conditional document means its condition held; the power of attorney's
    // condition comes from the representative section.
    expect(draft.conditions).toEqual(['zmiana-nazwiska']);
    expect(draft.representative.acting).toBe(true);
    expect([...draftConditions(draft)].sort()).toEqual(['pelnomocnik', 'zmiana-nazwiska']);
  });

  it('keeps the checklist as it is while the case type is not in the cache', () => {
    const draft = caseDraftDataSchema.parse(
      draftFromTicket(
        {
          id: TICKET_ID,
          number: 'B002',
          checklist: {
            caseTypeId: 'dowod-osobisty',
            documents: [{ documentId: 'fotografia', state: 'missing' }],
          },
        },
        [],
      ),
    );
    expect(draft.caseTypeId).toBe('dowod-osobisty');
    expect(draft.documents).toEqual({ fotografia: 'missing' });
    expect(draft.representative.acting).toBe(false);
  });
});
