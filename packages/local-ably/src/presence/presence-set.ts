import { PresenceAction } from '../protocol/actions.js';

/** One member of a channel's presence set: a clientId on a connection. */
export interface Member {
  readonly key: string;
  readonly id: string;
  readonly clientId: string;
  readonly connectionId: string;
  readonly timestamp: number;
  readonly data?: unknown;
  readonly encoding?: string;
  readonly extras?: unknown;
}

/** What a presence request asks for, after the server has filled in id, clientId and timestamp. */
export interface PresenceChange {
  action: number;
  id: string;
  clientId: string;
  connectionId: string;
  timestamp: number;
  data?: unknown;
  encoding?: string;
  extras?: unknown;
  /** The id the client put on an ENTER, present when the SDK re-enters after a resume. */
  reentryId?: string;
}

/** The event to broadcast for a change, or undefined when nothing visible changed. */
export interface PresenceEvent {
  action: number;
  member: Member;
}

export function memberKey(clientId: string, connectionId: string): string {
  return `${clientId}:${connectionId}`;
}

/**
 * A channel's presence set with Ably's server-side rules: ENTER of a present member is an UPDATE unless it is a
 * re-entry after a resume that is not newer than what the server has (a no-op); UPDATE of an absent member is an ENTER; LEAVE of an absent member is a no-op.
 */
export class PresenceSet {
  private readonly members = new Map<string, Member>();
  private readonly byConnection = new Map<string, Set<string>>();
  /** Id of the LEAVE that removed a member, by connectionId then clientId, so a stale re-entry cannot revive it. */
  private readonly departed = new Map<string, Map<string, string>>();

  get size(): number {
    return this.members.size;
  }

  values(): IterableIterator<Member> {
    return this.members.values();
  }

  get(clientId: string, connectionId: string): Member | undefined {
    return this.members.get(memberKey(clientId, connectionId));
  }

  apply(change: PresenceChange): PresenceEvent | undefined {
    const key = memberKey(change.clientId, change.connectionId);
    const existing = this.members.get(key);
    if (change.action === PresenceAction.LEAVE) {
      if (!existing) return undefined;
      this.delete(existing);
      this.recordDeparture(change);
      const hasData = change.data !== undefined;
      return {
        action: PresenceAction.LEAVE,
        member: {
          ...toMember(key, change),
          data: hasData ? change.data : existing.data,
          encoding: hasData ? change.encoding : existing.encoding,
        },
      };
    }
    if (change.action === PresenceAction.ENTER) {
      const latestId = existing ? existing.id : this.departed.get(change.connectionId)?.get(change.clientId);
      if (isStaleReentry(change.reentryId, latestId)) return undefined;
    }
    const member = toMember(key, change);
    this.members.set(key, member);
    this.forgetDeparture(change);
    let keys = this.byConnection.get(change.connectionId);
    if (!keys) {
      keys = new Set();
      this.byConnection.set(change.connectionId, keys);
    }
    keys.add(key);
    return { action: existing ? PresenceAction.UPDATE : PresenceAction.ENTER, member };
  }

  /** Removes every member a connection entered and returns them, for synthesized LEAVEs. */
  removeConnection(connectionId: string): Member[] {
    this.departed.delete(connectionId);
    const keys = this.byConnection.get(connectionId);
    if (!keys) return [];
    const removed: Member[] = [];
    for (const key of keys) {
      const member = this.members.get(key);
      if (member) {
        removed.push(member);
        this.members.delete(key);
      }
    }
    this.byConnection.delete(connectionId);
    return removed;
  }

  /** Removes members regardless of connection (used by simulated members). */
  remove(member: Member): boolean {
    if (this.members.get(member.key) !== member) return false;
    this.delete(member);
    return true;
  }

  private recordDeparture(change: PresenceChange): void {
    let byClient = this.departed.get(change.connectionId);
    if (!byClient) {
      byClient = new Map();
      this.departed.set(change.connectionId, byClient);
    }
    byClient.set(change.clientId, change.id);
  }

  private forgetDeparture(change: PresenceChange): void {
    const byClient = this.departed.get(change.connectionId);
    if (byClient?.delete(change.clientId) && byClient.size === 0) this.departed.delete(change.connectionId);
  }

  private delete(member: Member): void {
    this.members.delete(member.key);
    const keys = this.byConnection.get(member.connectionId);
    keys?.delete(member.key);
    if (keys && keys.size === 0) this.byConnection.delete(member.connectionId);
  }
}

/**
 * Whether an ENTER carrying `reentryId` (the SDK only sets an id when it re-enters after a reattach) re-asserts the
 * member's latest state (`currentId`: its present id, or the id of the LEAVE that removed it) or an older one from the
 * same connection. ably-js re-enters from its own record of its members, which misses any update or leave whose echo
 * was lost in a drop (local-ably does not replay); applying that re-entry would revert the member to stale data or
 * bring back a member that left, so it is acknowledged and ignored.
 */
function isStaleReentry(reentryId: string | undefined, currentId: string | undefined): boolean {
  if (reentryId === undefined || currentId === undefined) return false;
  if (reentryId === currentId) return true;
  const reentry = parseMessageId(reentryId);
  const current = parseMessageId(currentId);
  if (!reentry || !current || reentry.connectionId !== current.connectionId) return false;
  return reentry.serial < current.serial || (reentry.serial === current.serial && reentry.index <= current.index);
}

/** Splits a `connectionId:msgSerial:index` presence id; undefined for ids of any other shape. */
function parseMessageId(id: string): { connectionId: string; serial: number; index: number } | undefined {
  const match = /^([^:]+):(\d+):(\d+)$/.exec(id);
  if (!match) return undefined;
  return { connectionId: match[1] ?? '', serial: Number(match[2]), index: Number(match[3]) };
}

function toMember(key: string, change: PresenceChange): Member {
  return {
    key,
    id: change.id,
    clientId: change.clientId,
    connectionId: change.connectionId,
    timestamp: change.timestamp,
    data: change.data,
    encoding: change.encoding,
    extras: change.extras,
  };
}
