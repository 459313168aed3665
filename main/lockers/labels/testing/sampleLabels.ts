import type { LockerLabel } from '../../../../common/contract/lockerLabel';
import { buildLockerLabel } from '../labelModel';

/** Labels the tests print: an ordinary one, long Polish ones, and one too long to fit whole. */
export const ordinaryLabel: LockerLabel = buildLockerLabel({
  caseNumber: 'KM.5410.123.2025',
  depositId: 'DEP-7K3M9QX2WZ',
  compartmentSize: 'medium',
  siteName: 'Urzędomat ul. Focha',
  depositDate: '2025-09-01',
  lastPickupDay: '2025-09-15',
  resident: { firstName: 'Łucja', lastName: 'Żak' },
});

export const longPolishLabel: LockerLabel = buildLockerLabel({
  caseNumber: 'USC-ŚRÓDMIEŚCIE-PÓŁNOC.5360.12345.2025',
  depositId: 'DEP-ZZZZZZZZZZ',
  compartmentSize: 'small',
  siteName: 'Urzędomat – Wydział Spraw Obywatelskich, Zażółć gęślą jaźń ĄĆĘŁŃÓŚŹŻ',
  depositDate: '2025-12-29',
  lastPickupDay: '2026-01-12',
  resident: { firstName: 'Żaneta', lastName: 'Ćwikła-Śliwińska' },
});

/** Wider than the label at every font the layout may choose: it must end in an ellipsis. */
export const overlongLabel: LockerLabel = buildLockerLabel({
  caseNumber: 'WAB-ŚĆŻŹĄĘŁŃÓ-ZAŻÓŁĆGĘŚLĄJAŹŃ-MWMWMWMW.6740.12345678.2025',
  depositId: 'DEP-0123456789',
  compartmentSize: 'large',
  siteName: 'ŚĆŻŹĄĘŁŃÓ '.repeat(8).trim(),
  depositDate: '2025-02-28',
  lastPickupDay: '2025-03-14',
  resident: { firstName: 'Ólafur', lastName: 'Ąbc' },
});

export const sampleLabels = { ordinaryLabel, longPolishLabel, overlongLabel } as const;
