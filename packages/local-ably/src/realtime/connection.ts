import type { Principal } from '../auth/principal.js';
import type { Attachment } from '../channels/attachment.js';
import type { OutboundFrame } from '../protocol/frame.js';
import type { ProtocolMessage } from '../protocol/types.js';
import type { Transport } from './transport.js';

export type ConnectionState = 'connected' | 'dropped' | 'closed';

/**
 * A realtime connection. It outlives its transport: after an abrupt drop it waits, resumable, for
 * `connectionStateTtl`, and its presence members wait `presenceLeaveDelay` before they leave.
 */
export class Connection {
  state: ConnectionState = 'connected';
  transport: Transport | undefined;
  /** Every connectionKey ever issued to this connection; ably-js may resume with any of them. */
  readonly keys = new Set<string>();
  /** Attachments by channel name. */
  readonly attachments = new Map<string, Attachment>();
  /** Highest msgSerial processed; resent serials at or below it are ACKed again without being applied. */
  lastMsgSerial = -1;
  leaveTimer: NodeJS.Timeout | undefined;
  ttlTimer: NodeJS.Timeout | undefined;
  droppedAt: number | undefined;
  /** Why the server last cut this connection's transport itself (slow reader, silent peer), for the inspector. */
  lastFailure: string | undefined;
  readonly createdAt = Date.now();

  constructor(
    readonly id: string,
    public principal: Principal,
    public echoMessages: boolean,
  ) {}

  get clientId(): string | undefined {
    return this.principal.clientId;
  }

  send(message: ProtocolMessage | OutboundFrame): void {
    this.transport?.send(message);
  }

  clearTimers(): void {
    if (this.leaveTimer) clearTimeout(this.leaveTimer);
    if (this.ttlTimer) clearTimeout(this.ttlTimer);
    this.leaveTimer = undefined;
    this.ttlTimer = undefined;
  }
}
