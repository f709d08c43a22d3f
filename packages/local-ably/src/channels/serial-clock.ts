/**
 * Issues every serial on the server: channelSerials (ATTACHED, broadcasts) and message serials share one clock, so
 * they compare as strings the way Ably's do. @ably/chat passes a channel's attachSerial back as `fromSerial` for
 * history before a subscription, and that only works if "attached before this message" is `attachSerial < serial`.
 * Format `<ms, 14 digits>-<sequence, 9 digits>@<epoch>`; the epoch changes when the server forgets its state.
 */
export class SerialClock {
  private lastMs = 0;
  private sequence = 0;

  constructor(private epoch: string) {}

  next(): string {
    // Never behind the last serial, even if the wall clock steps back.
    this.lastMs = Math.max(Date.now(), this.lastMs);
    this.sequence++;
    return `${String(this.lastMs).padStart(14, '0')}-${String(this.sequence).padStart(9, '0')}@${this.epoch}`;
  }

  /** The millisecond time a serial from this clock was issued at (0 for anything else). */
  static timeOf(serial: string): number {
    const match = /^(\d{14})-/.exec(serial);
    return match ? Number(match[1]) : 0;
  }

  reset(epoch: string): void {
    this.epoch = epoch;
  }
}
