/**
 * Which frames may be sent again after a silent T3 (no ACK, no NAK): the peer may have
 * received the first one, so only frames whose second arrival changes nothing qualify
 * (docs/payment-terminal.md §2.1, §8). Above all a payment, refund or reversal command is
 * never repeated after a silence: the terminal may be charging the card already.
 */
const SAFE_COMMANDS = new Set([
  0x8000, // 80 00 positive acknowledgement
  0x0501, // status enquiry
  0x0620, // repeat receipt
  0x06b0, // abort request
]);

/** Messages a terminal sends (results, statuses, receipts): the app drops a repeated one. */
const TERMINAL_CLASSES = new Set([0x04]);
const TERMINAL_COMMANDS = new Set([0x060f, 0x061e, 0x06d1, 0x06d3]);

export function isRepeatSafe(apdu: Uint8Array): boolean {
  if (apdu.length < 2) return false;
  const cls = apdu[0]!;
  const command = (cls << 8) | apdu[1]!;
  if (cls === 0x84) return true; // 84 xx negative acknowledgement
  return SAFE_COMMANDS.has(command) || TERMINAL_CLASSES.has(cls) || TERMINAL_COMMANDS.has(command);
}
