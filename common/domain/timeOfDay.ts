/** A wall-clock time `HH:MM` (24-hour, zero-padded), as timetables and tickets use it. */
export type TimeOfDay = string;

const timeOfDayPattern = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isTimeOfDay(text: string): boolean {
  return timeOfDayPattern.test(text);
}

/** Minutes since midnight; throws on anything but `HH:MM`, which is a programming error. */
export function minutesOfDay(time: TimeOfDay): number {
  if (!isTimeOfDay(time)) throw new RangeError(`Not an HH:MM time: ${JSON.stringify(time)}`);
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}
