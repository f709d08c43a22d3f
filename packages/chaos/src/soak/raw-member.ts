import WebSocket from 'ws';

/** Ably protocol actions this client uses (Ably's realtime protocol, JSON format). */
const A = {
  ACK: 1,
  NACK: 2,
  CONNECTED: 4,
  DISCONNECTED: 6,
  CLOSE: 7,
  ERROR: 9,
  ATTACH: 10,
  ATTACHED: 11,
  PRESENCE: 14,
};
const ENTER = 2;
const LEAVE = 3;
const UPDATE = 4;
/** Frames whose content this client needs; the rest (presence fan-out, SYNC, occupancy) are only counted. */
const WANTED = new Set([A.ACK, A.NACK, A.CONNECTED, A.DISCONNECTED, A.ERROR, A.ATTACHED]);
const ACTION_KEY = Buffer.from('"action":');

export interface RawMemberOptions {
  port: number;
  key: string;
  clientId: string;
  channel: string;
  /**
   * Receive every presence event (the default modes, as a plain `attach()`), or only be a member: PRESENCE, PUBLISH
   * and SUBSCRIBE without PRESENCE_SUBSCRIBE, as a big room's viewers that show a count rather than a list would.
   */
  subscribe: boolean;
}

/** Channel mode bits (Ably protocol): a member that does not receive presence events. */
const MEMBER_ONLY_MODES = 0x10000 | 0x20000 | 0x40000;

/**
 * A soak member on a bare Ably-protocol WebSocket: it connects, attaches (receiving every presence event, or only
 * being a member), enters, updates and leaves, drops and resumes. It reads only the frames it needs and counts the
 * rest without parsing them, so 2,000 of them cost the client process little while the server does the full work of
 * a connection (for a subscriber: encode once, send to every socket).
 */
export class RawMember {
  connectionId: string | undefined;
  present = false;
  /** Frames received, all kinds. */
  frames = 0;
  nacks = 0;
  /** Times the server closed this socket (it had not asked to go), e.g. as silent when the client process lagged. */
  cutByServer = 0;
  /** Called when the server cuts the socket. */
  onCut: (() => void) | undefined;
  private ws: WebSocket | undefined;
  private connectionKey: string | undefined;
  private msgSerial = 0;
  private waiters: Array<{ match: (frame: Frame) => boolean; resolve: (frame: Frame) => void }> = [];

  constructor(private readonly options: RawMemberOptions) {}

  get clientId(): string {
    return this.options.clientId;
  }

  get isOpen(): boolean {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  /** Connects (resuming the previous connection when asked and possible) and attaches the channel. */
  async connect(resume = false): Promise<void> {
    this.ws?.terminate();
    const query = new URLSearchParams({
      key: this.options.key,
      clientId: this.options.clientId,
      format: 'json',
      v: '6',
      heartbeats: 'false',
    });
    if (resume && this.connectionKey) query.set('resume', this.connectionKey);
    const ws = new WebSocket(`ws://127.0.0.1:${this.options.port}/?${query}`);
    this.ws = ws;
    ws.on('message', (data: Buffer) => this.onFrame(data));
    ws.on('error', () => {});
    ws.on('close', () => {
      if (this.ws !== ws) return;
      this.ws = undefined;
      this.cutByServer++;
      // The server cut us (we did not): resume, as an SDK would.
      this.onCut?.();
    });
    const connected = await this.until((frame) => frame.action === A.CONNECTED || frame.action === A.ERROR, 60_000);
    if (connected.action !== A.CONNECTED)
      throw new Error(`${this.clientId}: connect failed ${JSON.stringify(connected)}`);
    const resumed = connected.connectionId === this.connectionId;
    this.connectionId = connected.connectionId as string;
    this.connectionKey = connected.connectionKey as string;
    // A failed resume is a new connection: the old one's member leaves after the server's leave delay.
    if (!resumed) this.present = false;
    const attached = this.until(
      (frame) => frame.action === A.ATTACHED && frame.channel === this.options.channel,
      60_000,
    );
    this.send({
      action: A.ATTACH,
      channel: this.options.channel,
      ...(this.options.subscribe ? {} : { flags: MEMBER_ONLY_MODES }),
    });
    await attached;
  }

  enter(data: unknown): void {
    this.present = true;
    this.presence(ENTER, data);
  }

  update(data: unknown): void {
    this.presence(UPDATE, data);
  }

  leave(): void {
    this.present = false;
    this.presence(LEAVE, undefined);
  }

  /** Cuts the socket abruptly (no CLOSE): the server keeps the connection resumable and its member for a while. */
  drop(): void {
    this.ws?.terminate();
    this.ws = undefined;
  }

  /** Closes cleanly (CLOSE): the server discards the connection and its member leaves at once. */
  close(): void {
    if (this.isOpen) this.send({ action: A.CLOSE });
    const ws = this.ws;
    this.ws = undefined;
    this.present = false;
    this.connectionKey = undefined;
    setTimeout(() => ws?.terminate(), 200).unref();
  }

  private presence(action: number, data: unknown): void {
    if (!this.isOpen) return;
    const item: Record<string, unknown> = { action };
    if (data !== undefined) Object.assign(item, { data: JSON.stringify(data), encoding: 'json' });
    this.send({ action: A.PRESENCE, channel: this.options.channel, msgSerial: this.msgSerial++, presence: [item] });
  }

  private send(frame: unknown): void {
    this.ws?.send(JSON.stringify(frame));
  }

  private onFrame(data: Buffer): void {
    this.frames++;
    const action = peekAction(data);
    if (action !== undefined && !WANTED.has(action)) return;
    const frame = JSON.parse(data.toString('utf8')) as Frame;
    if (frame.action === A.NACK) this.nacks++;
    for (const waiter of [...this.waiters]) {
      if (waiter.match(frame)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(frame);
      }
    }
  }

  private until(match: (frame: Frame) => boolean, timeoutMs: number): Promise<Frame> {
    return new Promise((resolve, reject) => {
      const waiter = {
        match,
        resolve: (frame: Frame) => {
          clearTimeout(timer);
          resolve(frame);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`${this.clientId}: no answer from the server within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }
}

type Frame = Record<string, unknown> & { action?: number };

/** The frame's action, read from its first bytes without parsing the JSON; undefined when it is not up front. */
function peekAction(data: Buffer): number | undefined {
  const at = data.subarray(0, 24).indexOf(ACTION_KEY);
  if (at < 0) return undefined;
  let value = 0;
  let digits = 0;
  for (let i = at + ACTION_KEY.length; i < data.length; i++) {
    const c = data[i] ?? 0;
    if (c < 48 || c > 57) break;
    value = value * 10 + (c - 48);
    digits++;
  }
  return digits > 0 ? value : undefined;
}
