// Loaded with `node --import` into a process a test starts (a browser host, a central server):
// its clock reads OKIENKO_TEST_CLOCK_START at the moment it starts, then runs at the wall
// clock's pace. The queue engine issues tickets only in service hours, so an end-to-end test
// that takes a ticket at the kiosk runs "on a weekday morning" whatever the hour it runs at.
// Timers and timeouts are unaffected (they use the monotonic clock).
const start = process.env.OKIENKO_TEST_CLOCK_START;

if (start) {
  const target = Date.parse(start);
  if (Number.isNaN(target)) {
    throw new Error(`OKIENKO_TEST_CLOCK_START is not an ISO instant: "${start}"`);
  }
  const RealDate = Date;
  const offset = target - RealDate.now();
  const shiftedNow = () => RealDate.now() + offset;
  globalThis.Date = new Proxy(RealDate, {
    construct(date, args: unknown[], newTarget) {
      return Reflect.construct(date, args.length === 0 ? [shiftedNow()] : args, newTarget) as Date;
    },
    apply() {
      // `Date()` called without `new` answers the current time as a string.
      return new RealDate(shiftedNow()).toString();
    },
    get(date, property, receiver) {
      if (property === 'now') return shiftedNow;
      return Reflect.get(date, property, receiver) as unknown;
    },
  });
}

export {};
