import { isPrintableLabelCharacter, lockerLabelSchema } from '../../../common/contract/lockerLabel';
import type { CompartmentSize, LockerLabel } from '../../../common/contract/lockerLabel';
import type { PayloadIssue } from '../../../common/contract/ipcError';
import { initials } from '../../../common/domain/personalData';

export type {
  CompartmentSize,
  DepositId,
  LabelGeometry,
  LockerLabel,
} from '../../../common/contract/lockerLabel';

/**
 * The compartment size as the locker desk reads it across the room: one large letter and the
 * Polish word. The label is always Polish (it goes into a Polish locker), whatever the UI's
 * language.
 */
export const compartmentSizeMarks: Readonly<
  Record<CompartmentSize, { letter: 'S' | 'M' | 'L'; word: string }>
> = {
  small: { letter: 'S', word: 'MAŁA' },
  medium: { letter: 'M', word: 'ŚREDNIA' },
  large: { letter: 'L', word: 'DUŻA' },
};

/** What a deposit knows when its label is made: the resident's name goes in, only initials out. */
export type LockerLabelInput = Omit<LockerLabel, 'residentInitials' | 'duplicate'> & {
  resident: { firstName: string; lastName: string };
  /** A reprint of a label already printed; false when left out. */
  duplicate?: boolean;
};

/** A label that cannot be printed, with each field's problem (never the field's value). */
export class InvalidLockerLabelError extends Error {
  readonly issues: PayloadIssue[];

  constructor(issues: PayloadIssue[]) {
    super(
      `The locker label cannot be printed: ${issues
        .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
        .join('; ')}`,
    );
    this.name = 'InvalidLockerLabelError';
    this.issues = issues;
  }
}

/** Checks a label from anywhere (a deposit row, an IPC payload); throws with every problem. */
export function parseLockerLabel(value: unknown): LockerLabel {
  const result = lockerLabelSchema.safeParse(value);
  if (result.success) return result.data;
  throw new InvalidLockerLabelError(
    result.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
    })),
  );
}

/**
 * An initial the label's font cannot print (`Ğ` of `Ğül`) loses its accent (`G`); a letter
 * with no printable base (`Ж`) is left out rather than printed as an empty box.
 */
function printableInitials(text: string): string {
  return Array.from(text.matchAll(/(\p{L})\./gu), (match) => match[1] ?? '')
    .map((letter) =>
      isPrintableLabelCharacter(letter)
        ? letter
        : letter.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC'),
    )
    .filter((letter) => letter.length === 1 && isPrintableLabelCharacter(letter))
    .map((letter) => `${letter}.`)
    .join('');
}

/** The label of a deposit: the resident's name becomes initials here and goes no further. */
export function buildLockerLabel(input: LockerLabelInput): LockerLabel {
  const { resident, duplicate = false, ...rest } = input;
  return parseLockerLabel({
    ...rest,
    residentInitials: printableInitials(initials(resident.firstName, resident.lastName)),
    duplicate,
  });
}
