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
 * A channel's presence set with Ably's server-side rules: ENTER of a present member is an UPDATE unless it is the
 * same-id re-entry after a resume (a no-op); UPDATE of an absent member is an ENTER; LEAVE of an absent member is a no-op.
 */
export class PresenceSet {
  private readonly members = new Map<string, Member>();
  private readonly byConnection = new Map<string, Set<string>>();

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
    if (existing && change.action === PresenceAction.ENTER && change.reentryId === existing.id) return undefined;
    const member = toMember(key, change);
    this.members.set(key, member);
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

  private delete(member: Member): void {
    this.members.delete(member.key);
    const keys = this.byConnection.get(member.connectionId);
    keys?.delete(member.key);
    if (keys && keys.size === 0) this.byConnection.delete(member.connectionId);
  }
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
