/**
 * ZVT over TCP (port 20007) has no DLE framing, no CRC and no ACK/NAK bytes: APDUs follow each
 * other bare, delimited only by their length fields. This splits a byte stream into them.
 * A length field that lies cannot be detected here (TCP has no markers to resync on), so the
 * buffer is bounded by the largest APDU and the session drops the connection when a message
 * stalls.
 */
import { apduTotalLength } from './apdu';
import { concatBytes } from './bytes';

export class ApduStreamDecoder {
  private pending: Uint8Array = new Uint8Array();

  /** Feeds the next bytes; returns every APDU they completed (each a fresh copy). */
  push(chunk: Uint8Array): Uint8Array[] {
    this.pending = this.pending.length === 0 ? chunk.slice() : concatBytes([this.pending, chunk]);
    const apdus: Uint8Array[] = [];
    let offset = 0;
    for (;;) {
      const total = apduTotalLength(this.pending, offset);
      if (total === null || this.pending.length - offset < total) break;
      apdus.push(this.pending.slice(offset, offset + total));
      offset += total;
    }
    this.pending = this.pending.slice(offset);
    return apdus;
  }

  /** Bytes of an APDU that has started but not finished (0 when idle). */
  get pendingBytes(): number {
    return this.pending.length;
  }

  reset(): void {
    this.pending = new Uint8Array();
  }
}
