import type { CaseType } from '../../../common/contract/central/reference';

/** A case type like the demo's identity card, for the cases feature's tests. */
export const identityCardCaseType: CaseType = {
  id: 'dowod-osobisty',
  name: 'Wydanie dowodu osobistego',
  departmentId: 'so',
  categoryIds: ['a'],
  jrwa: '5340',
  documents: [
    {
      id: 'fotografia',
      name: 'Fotografia',
      whereToGet: 'Zakład fotograficzny',
      condition: null,
      feeGrosze: 0,
    },
    {
      id: 'pelnomocnictwo',
      name: 'Pełnomocnictwo',
      whereToGet: 'Sporządza mocodawca',
      condition: { id: 'pelnomocnik', label: 'Działa pełnomocnik' },
      feeGrosze: 1700,
    },
    {
      id: 'akt-slubu',
      name: 'Odpis aktu małżeństwa',
      whereToGet: 'Urząd stanu cywilnego',
      condition: { id: 'zmiana-nazwiska', label: 'Zmiana nazwiska' },
      feeGrosze: 0,
    },
  ],
  feeGrosze: 3000,
  exemptions: [{ id: 'ubostwo', name: 'Ubóstwo', basis: 'art. 1' }],
  lockerPickup: true,
  deadlineDays: 30,
  formFields: [
    { id: 'powod', label: 'Powód', kind: 'choice', required: true, choices: ['utrata', 'zmiana'] },
  ],
  demo: true,
};
