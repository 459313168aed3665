import { describe, expect, it } from 'vitest';
import { labelGeometrySchema, lockerLabelSchema } from '../../../common/contract/lockerLabel';
import type { LockerLabel } from '../../../common/contract/lockerLabel';
import { maskText } from '../../../common/domain/personalData';
import { InvalidLockerLabelError, buildLockerLabel, parseLockerLabel } from './labelModel';
import type { LockerLabelInput } from './labelModel';
import { renderLockerLabelHtml } from './labelHtml';
import { renderLockerLabelZpl } from './zpl';

const input: LockerLabelInput = {
  caseNumber: 'KM.5410.123.2025',
  depositId: 'DEP-7K3M9QX2WZ',
  compartmentSize: 'medium',
  siteName: 'Urzędomat ul. Focha',
  depositDate: '2025-09-01',
  lastPickupDay: '2025-09-15',
  resident: { firstName: 'Łucja', lastName: 'Żak' },
};

/** A valid PESEL (checksum and date right): what must never reach a label. */
const PESEL = '44051401359';

function issuesOf(action: () => unknown): { path: string; message: string }[] {
  try {
    action();
  } catch (error) {
    if (error instanceof InvalidLockerLabelError) return error.issues;
    throw error;
  }
  throw new Error('expected the label to be refused');
}

describe('buildLockerLabel', () => {
  it('keeps only the resident’s initials and marks an original as such', () => {
    const label = buildLockerLabel(input);

    expect(label).toEqual({
      caseNumber: 'KM.5410.123.2025',
      depositId: 'DEP-7K3M9QX2WZ',
      compartmentSize: 'medium',
      siteName: 'Urzędomat ul. Focha',
      depositDate: '2025-09-01',
      lastPickupDay: '2025-09-15',
      residentInitials: 'Ł.Ż.',
      duplicate: false,
    });
    expect(JSON.stringify(label)).not.toMatch(/Łucja|Żak/);
  });

  it('marks a reprint', () => {
    expect(buildLockerLabel({ ...input, duplicate: true }).duplicate).toBe(true);
  });

  it('prints an initial the font lacks without its accent, and leaves out one it cannot print', () => {
    expect(
      buildLockerLabel({ ...input, resident: { firstName: 'Ğül', lastName: 'Ůhel' } })
        .residentInitials,
    ).toBe('G.Ů.');
    expect(
      buildLockerLabel({ ...input, resident: { firstName: 'Жанна', lastName: 'Nowak' } })
        .residentInitials,
    ).toBe('N.');
  });

  it('refuses a resident with no name to take initials from', () => {
    const issues = issuesOf(() =>
      buildLockerLabel({ ...input, resident: { firstName: ' ', lastName: '' } }),
    );

    expect(issues).toEqual([
      { path: 'residentInitials', message: 'must be initials such as J.K.' },
    ]);
  });

  it('normalises the site name (spaces, composed letters)', () => {
    const decomposed = 'Urze\u0328domat ul. Focha  ';

    expect(buildLockerLabel({ ...input, siteName: decomposed }).siteName).toBe(
      'Urzędomat ul. Focha',
    );
  });
});

describe('the label schema keeps personal data off the label', () => {
  const valid: LockerLabel = buildLockerLabel(input);

  it.each(['pesel', 'firstName', 'lastName', 'fullName', 'pickupCode', 'phone'])(
    'refuses an extra field %s',
    (field) => {
      const issues = issuesOf(() => parseLockerLabel({ ...valid, [field]: PESEL }));

      expect(issues).toHaveLength(1);
      expect(issues[0]?.message).toContain(field);
    },
  );

  it.each([
    ['caseNumber', PESEL],
    ['caseNumber', `K${PESEL}.5410.1.2025`],
    ['depositId', `DEP-${PESEL}`],
    ['siteName', `Urzędomat ${PESEL}`],
    ['siteName', 'Urzędomat 440-514-013-59'],
    ['siteName', 'Urzędomat jan.kowalski@example.pl'],
    ['residentInitials', PESEL],
    ['residentInitials', 'Jan Kowalski'],
    ['depositDate', PESEL],
    ['lastPickupDay', PESEL],
  ])('refuses personal data in %s (%s)', (field, value) => {
    const issues = issuesOf(() => parseLockerLabel({ ...valid, [field]: value }));

    expect(issues.map((issue) => issue.path)).toContain(field);
    // The error names the field and what is wrong, never the value itself.
    expect(JSON.stringify(issues)).not.toContain(PESEL);
  });

  it('lets no PESEL-looking string through any field into the ZPL or the HTML', () => {
    for (const field of Object.keys(valid)) {
      const attempt = { ...valid, [field]: `${PESEL}` };
      const accepted = lockerLabelSchema.safeParse(attempt);
      if (!accepted.success) continue;
      const zpl = renderLockerLabelZpl(accepted.data);
      expect(maskText(zpl)).toBe(zpl);
      expect(renderLockerLabelHtml(accepted.data)).not.toContain(PESEL);
    }
  });

  it('refuses characters the label cannot print, naming them', () => {
    const issues = issuesOf(() => parseLockerLabel({ ...valid, siteName: 'Urzędomat ☎ Focha\\' }));

    expect(issues).toEqual([
      { path: 'siteName', message: 'holds characters a label cannot print: "☎", "\\\\"' },
    ]);
  });

  it('refuses a last pickup day before the deposit date', () => {
    const issues = issuesOf(() =>
      parseLockerLabel({ ...valid, depositDate: '2025-09-15', lastPickupDay: '2025-09-14' }),
    );

    expect(issues).toEqual([
      { path: 'lastPickupDay', message: 'the last pickup day cannot come before the deposit date' },
    ]);
  });

  it('refuses a case number not in the register’s form, and an unknown size', () => {
    const issues = issuesOf(() =>
      parseLockerLabel({ ...valid, caseNumber: 'km.5410.0123.2025', compartmentSize: 'huge' }),
    );

    expect(issues.map((issue) => issue.path)).toEqual(['caseNumber', 'compartmentSize']);
  });

  it('says every problem at once, in one message', () => {
    const error = (() => {
      try {
        parseLockerLabel({ ...valid, depositId: 'X', siteName: '' });
      } catch (caught) {
        return caught;
      }
    })();

    expect(error).toBeInstanceOf(InvalidLockerLabelError);
    expect((error as Error).message).toMatch(
      /^The locker label cannot be printed: depositId: .*; siteName: /,
    );
  });
});

describe('the label geometry schema', () => {
  it('takes the stock sizes and the Zebra resolutions', () => {
    expect(labelGeometrySchema.safeParse({ widthMm: 100, heightMm: 150, dpi: 300 }).success).toBe(
      true,
    );
    expect(labelGeometrySchema.safeParse({ widthMm: 100, heightMm: 150, dpi: 200 }).success).toBe(
      false,
    );
    expect(labelGeometrySchema.safeParse({ widthMm: 30, heightMm: 150, dpi: 203 }).success).toBe(
      false,
    );
    expect(
      labelGeometrySchema.safeParse({ widthMm: 100, heightMm: 150, dpi: 203, dpmm: 8 }).success,
    ).toBe(false);
  });
});
