import { describe, expect, it } from 'vitest';
import {
  applicableDocuments,
  checklistConditions,
  missingDocuments,
  type ChecklistDocument,
} from './caseChecklist';

const proxy = { id: 'pelnomocnik', label: 'Działa pełnomocnik' };
const imported = { id: 'sprowadzony', label: 'Pojazd sprowadzony z zagranicy' };

const document = (
  id: string,
  condition: ChecklistDocument['condition'] = null,
): ChecklistDocument => ({ id, name: id, whereToGet: '', condition, feeGrosze: 0 });

const documents = [
  document('dowod-wlasnosci'),
  document('pelnomocnictwo', proxy),
  document('akcyza', imported),
  document('badanie-techniczne', imported),
  document('dowod-tozsamosci'),
];
const ids = (list: readonly ChecklistDocument[]) => list.map((item) => item.id);

describe('checklistConditions', () => {
  it('lists each condition once, in the order the documents name them', () => {
    expect(checklistConditions(documents)).toEqual([proxy, imported]);
  });

  it('is empty for a case type without conditional documents', () => {
    expect(checklistConditions([document('a'), document('b')])).toEqual([]);
  });
});

describe('applicableDocuments', () => {
  it('keeps the unconditional documents, in order, while no condition holds', () => {
    expect(ids(applicableDocuments(documents, []))).toEqual([
      'dowod-wlasnosci',
      'dowod-tozsamosci',
    ]);
  });

  it('adds every document of a condition that holds, given as a list or a set', () => {
    const expected = ['dowod-wlasnosci', 'akcyza', 'badanie-techniczne', 'dowod-tozsamosci'];
    expect(ids(applicableDocuments(documents, ['sprowadzony']))).toEqual(expected);
    expect(ids(applicableDocuments(documents, new Set(['sprowadzony'])))).toEqual(expected);
    expect(ids(applicableDocuments(documents, ['sprowadzony', 'pelnomocnik']))).toEqual(
      ids(documents),
    );
  });

  it('ignores a condition no document depends on', () => {
    expect(ids(applicableDocuments(documents, ['inny-warunek']))).toEqual([
      'dowod-wlasnosci',
      'dowod-tozsamosci',
    ]);
  });
});

describe('missingDocuments', () => {
  it('lists the applicable documents neither present nor marked not needed, unticked ones included', () => {
    const missing = missingDocuments(documents, ['pelnomocnik'], {
      'dowod-wlasnosci': 'present',
      pelnomocnictwo: 'missing',
      'dowod-tozsamosci': undefined,
    });
    expect(ids(missing)).toEqual(['pelnomocnictwo', 'dowod-tozsamosci']);
  });

  it('does not ask for a conditional document whose condition does not hold, whatever its mark', () => {
    expect(
      ids(
        missingDocuments(documents, [], {
          'dowod-wlasnosci': 'present',
          'dowod-tozsamosci': 'not-needed',
          akcyza: 'missing',
        }),
      ),
    ).toEqual([]);
  });
});
