import { describe, expect, it } from 'vitest';
import { memberKey, type PresenceChange, PresenceSet } from '../../src/presence/presence-set.js';
import { memberToWire } from '../../src/presence/presence-wire.js';
import { PresenceAction } from '../../src/protocol/actions.js';

const { ENTER, UPDATE, LEAVE, PRESENT } = PresenceAction;

/** A change from `clientId` on `connectionId`, with an id of Ably's `connectionId:msgSerial:index` shape. */
function change(action: number, clientId: string, connectionId: string, extra: Partial<PresenceChange> = {}) {
  return { action, id: `${connectionId}:0:0`, clientId, connectionId, timestamp: 1_000, ...extra };
}

describe('PresenceSet: the server-side presence rules', () => {
  it('keys a member by clientId and connectionId', () => {
    expect(memberKey('alice', 'c1')).toBe('alice:c1');
  });

  it('an ENTER of a new member is an ENTER event, and the member is held with every field', () => {
    const set = new PresenceSet();
    const event = set.apply(change(ENTER, 'alice', 'c1', { data: 'd', encoding: 'json', extras: { x: 1 } }));
    const member = {
      key: 'alice:c1',
      id: 'c1:0:0',
      clientId: 'alice',
      connectionId: 'c1',
      timestamp: 1_000,
      data: 'd',
      encoding: 'json',
      extras: { x: 1 },
    };
    expect(event).toEqual({ action: ENTER, member });
    expect(set.size).toBe(1);
    expect(set.get('alice', 'c1')).toEqual(member);
    expect(set.get('alice', 'c2')).toBeUndefined();
    expect([...set.values()]).toEqual([member]);
  });

  it('an ENTER or UPDATE of a present member is an UPDATE; an UPDATE of an absent member is an ENTER', () => {
    const set = new PresenceSet();
    expect(set.apply(change(UPDATE, 'alice', 'c1', { data: 1 }))?.action).toBe(ENTER);
    expect(set.apply(change(ENTER, 'alice', 'c1', { id: 'c1:1:0', data: 2 }))?.action).toBe(UPDATE);
    expect(set.apply(change(UPDATE, 'alice', 'c1', { id: 'c1:2:0', data: 3 }))?.action).toBe(UPDATE);
    expect(set.get('alice', 'c1')?.data).toBe(3);
    expect(set.size).toBe(1);
  });

  it('the same clientId on two connections is two members', () => {
    const set = new PresenceSet();
    set.apply(change(ENTER, 'alice', 'c1'));
    expect(set.apply(change(ENTER, 'alice', 'c2'))?.action).toBe(ENTER);
    expect(set.size).toBe(2);
  });

  it('a LEAVE of an absent member changes nothing', () => {
    const set = new PresenceSet();
    set.apply(change(ENTER, 'bob', 'c1'));
    expect(set.apply(change(LEAVE, 'alice', 'c1'))).toBeUndefined();
    expect(set.size).toBe(1);
  });

  it('a LEAVE removes the member and carries its last data unless the LEAVE has data of its own', () => {
    const set = new PresenceSet();
    set.apply(change(ENTER, 'alice', 'c1', { data: 'kept', encoding: 'utf8' }));
    const leave = set.apply(change(LEAVE, 'alice', 'c1', { id: 'c1:1:0', timestamp: 2_000 }));
    expect(leave).toEqual({
      action: LEAVE,
      member: {
        key: 'alice:c1',
        id: 'c1:1:0',
        clientId: 'alice',
        connectionId: 'c1',
        timestamp: 2_000,
        data: 'kept',
        encoding: 'utf8',
        extras: undefined,
      },
    });
    expect(set.size).toBe(0);
    expect(set.get('alice', 'c1')).toBeUndefined();

    set.apply(change(ENTER, 'alice', 'c1', { id: 'c1:2:0', data: 'old', encoding: 'utf8' }));
    const own = set.apply(change(LEAVE, 'alice', 'c1', { id: 'c1:3:0', data: 'bye', encoding: undefined }));
    expect(own?.member.data).toBe('bye');
    expect(own?.member.encoding).toBeUndefined();
  });

  it('removeConnection removes every member of that connection only, and forgets the connection', () => {
    const set = new PresenceSet();
    set.apply(change(ENTER, 'alice', 'c1'));
    set.apply(change(ENTER, 'bob', 'c1'));
    set.apply(change(ENTER, 'carol', 'c2'));
    expect(
      set
        .removeConnection('c1')
        .map((member) => member.clientId)
        .sort(),
    ).toEqual(['alice', 'bob']);
    expect([...set.values()].map((member) => member.clientId)).toEqual(['carol']);
    expect(set.removeConnection('c1')).toEqual([]);
    expect(set.removeConnection('unknown')).toEqual([]);
  });

  it('a member that left is not removed again with its connection, and one that re-entered is', () => {
    const set = new PresenceSet();
    set.apply(change(ENTER, 'alice', 'c1'));
    set.apply(change(ENTER, 'bob', 'c1'));
    set.apply(change(LEAVE, 'alice', 'c1', { id: 'c1:1:0' }));
    expect(set.removeConnection('c1').map((member) => member.clientId)).toEqual(['bob']);

    set.apply(change(ENTER, 'dave', 'c3'));
    set.apply(change(LEAVE, 'dave', 'c3', { id: 'c3:1:0' }));
    set.apply(change(ENTER, 'dave', 'c3', { id: 'c3:2:0' }));
    expect(set.removeConnection('c3').map((member) => member.clientId)).toEqual(['dave']);
    expect(set.size).toBe(0);
  });

  it('remove() takes out exactly that member object, and nothing when it was replaced', () => {
    const set = new PresenceSet();
    const first = set.apply(change(ENTER, 'sim', 'c1'))!.member;
    const second = set.apply(change(UPDATE, 'sim', 'c1', { id: 'c1:1:0' }))!.member;
    expect(set.remove(first)).toBe(false);
    expect(set.size).toBe(1);
    expect(set.remove(second)).toBe(true);
    expect(set.size).toBe(0);
    expect(set.remove(second)).toBe(false);
    // The connection no longer holds it: removing the connection finds nothing.
    expect(set.removeConnection('c1')).toEqual([]);
  });

  it('remove() keeps the connection’s other members', () => {
    const set = new PresenceSet();
    const a = set.apply(change(ENTER, 'a', 'c1'))!.member;
    set.apply(change(ENTER, 'b', 'c1'));
    set.remove(a);
    expect(set.removeConnection('c1').map((member) => member.clientId)).toEqual(['b']);
  });
});

describe('PresenceSet: re-entries after a resume', () => {
  it('an ENTER without a re-entry id always applies', () => {
    const set = new PresenceSet();
    set.apply(change(ENTER, 'alice', 'c1', { id: 'c1:5:0' }));
    expect(set.apply(change(ENTER, 'alice', 'c1', { id: 'c1:6:0', data: 'new' }))?.action).toBe(UPDATE);
  });

  it('a re-entry with the present member’s own id is a no-op', () => {
    const set = new PresenceSet();
    set.apply(change(ENTER, 'alice', 'c1', { id: 'c1:5:0', data: 'current' }));
    expect(set.apply(change(ENTER, 'alice', 'c1', { id: 'c1:9:0', reentryId: 'c1:5:0', data: 'x' }))).toBeUndefined();
    expect(set.get('alice', 'c1')?.data).toBe('current');
  });

  it('a re-entry older than the member’s state is ignored: earlier serial, or same serial and lower or equal index', () => {
    const set = new PresenceSet();
    set.apply(change(ENTER, 'alice', 'c1', { id: 'c1:5:2', data: 'current' }));
    for (const reentryId of ['c1:4:9', 'c1:5:1']) {
      expect(set.apply(change(ENTER, 'alice', 'c1', { id: 'c1:9:0', reentryId, data: 'stale' }))).toBeUndefined();
    }
    expect(set.get('alice', 'c1')?.data).toBe('current');
  });

  it('a re-entry newer than the member’s state applies: later serial, or same serial and higher index', () => {
    for (const reentryId of ['c1:6:0', 'c1:5:3']) {
      const set = new PresenceSet();
      set.apply(change(ENTER, 'alice', 'c1', { id: 'c1:5:2', data: 'current' }));
      expect(set.apply(change(ENTER, 'alice', 'c1', { id: 'c1:9:0', reentryId, data: 'newer' }))?.action).toBe(UPDATE);
      expect(set.get('alice', 'c1')?.data).toBe('newer');
    }
  });

  it('serials and indexes of several digits compare as numbers', () => {
    for (const [current, reentryId] of [
      ['c1:15:0', 'c1:12:0'],
      ['c1:5:15', 'c1:5:12'],
      ['c1:15:0', 'c1:9:0'],
    ] as const) {
      const set = new PresenceSet();
      set.apply(change(ENTER, 'alice', 'c1', { id: current }));
      expect(set.apply(change(ENTER, 'alice', 'c1', { id: 'c1:99:0', reentryId })), reentryId).toBeUndefined();
    }
  });

  it('a re-entry with exactly the member’s id is a no-op even when the id is not of the usual shape', () => {
    const set = new PresenceSet();
    set.apply(change(ENTER, 'sim', 'c1', { id: 'simulated-7' }));
    expect(set.apply(change(ENTER, 'sim', 'c1', { id: 'c1:1:0', reentryId: 'simulated-7' }))).toBeUndefined();
  });

  it('an UPDATE is never treated as a re-entry', () => {
    const set = new PresenceSet();
    set.apply(change(ENTER, 'alice', 'c1', { id: 'c1:5:0' }));
    expect(set.apply(change(UPDATE, 'alice', 'c1', { id: 'c1:6:0', reentryId: 'c1:5:0', data: 'u' }))?.action).toBe(
      UPDATE,
    );
  });

  it('the departures of several clients of one connection are all remembered', () => {
    const set = new PresenceSet();
    set.apply(change(ENTER, 'alice', 'c1', { id: 'c1:1:0' }));
    set.apply(change(ENTER, 'bob', 'c1', { id: 'c1:1:1' }));
    set.apply(change(LEAVE, 'alice', 'c1', { id: 'c1:2:0' }));
    set.apply(change(LEAVE, 'bob', 'c1', { id: 'c1:2:1' }));
    expect(set.apply(change(ENTER, 'alice', 'c1', { id: 'c1:9:0', reentryId: 'c1:1:0' }))).toBeUndefined();
    expect(set.apply(change(ENTER, 'bob', 'c1', { id: 'c1:9:1', reentryId: 'c1:1:1' }))).toBeUndefined();
    expect(set.size).toBe(0);
  });

  it('a re-entry from another connection, or with ids of another shape, applies', () => {
    for (const [current, reentryId] of [
      ['c1:5:0', 'c0:1:0'],
      ['c1:5:0', 'not-an-id'],
      ['c1:5:0', 'c1:5'],
      ['c1:x:0', 'c1:1:0'],
      ['!leave-1:0:0', 'c1:1:0'],
      ['c1:5:0', 'x:c1:1:0'],
      ['c1:5:0', 'c1:1:0:9'],
    ] as const) {
      const set = new PresenceSet();
      set.apply(change(ENTER, 'alice', 'c1', { id: current }));
      expect(set.apply(change(ENTER, 'alice', 'c1', { id: 'c1:9:0', reentryId }))?.action, reentryId).toBe(UPDATE);
    }
  });

  it('a stale re-entry cannot bring back a member that left; a newer one can, once', () => {
    const set = new PresenceSet();
    set.apply(change(ENTER, 'alice', 'c1', { id: 'c1:1:0' }));
    set.apply(change(LEAVE, 'alice', 'c1', { id: 'c1:3:0' }));
    expect(set.apply(change(ENTER, 'alice', 'c1', { id: 'c1:9:0', reentryId: 'c1:1:0' }))).toBeUndefined();
    expect(set.apply(change(ENTER, 'alice', 'c1', { id: 'c1:9:0', reentryId: 'c1:3:0' }))).toBeUndefined();
    expect(set.size).toBe(0);
    expect(set.apply(change(ENTER, 'alice', 'c1', { id: 'c1:9:0', reentryId: 'c1:4:0' }))?.action).toBe(ENTER);
    expect(set.size).toBe(1);
  });

  it('the departure record is per clientId and is forgotten on a re-enter, so only the latest leave counts', () => {
    const set = new PresenceSet();
    set.apply(change(ENTER, 'alice', 'c1', { id: 'c1:1:0' }));
    set.apply(change(ENTER, 'bob', 'c1', { id: 'c1:1:1' }));
    set.apply(change(LEAVE, 'alice', 'c1', { id: 'c1:3:0' }));
    // carol never was on c1: no departure of hers is recorded, so her re-entry with an old id applies.
    expect(set.apply(change(ENTER, 'carol', 'c1', { id: 'c1:4:0', reentryId: 'c1:0:0' }))?.action).toBe(ENTER);
    // alice re-enters plainly: her leave is forgotten, and her present id (c1:5:0) is what counts now.
    set.apply(change(ENTER, 'alice', 'c1', { id: 'c1:5:0' }));
    set.apply(change(LEAVE, 'alice', 'c1', { id: 'c1:6:0' }));
    expect(set.apply(change(ENTER, 'alice', 'c1', { id: 'c1:9:0', reentryId: 'c1:5:0' }))).toBeUndefined();
    expect(set.apply(change(ENTER, 'alice', 'c1', { id: 'c1:9:0', reentryId: 'c1:7:0' }))?.action).toBe(ENTER);
  });

  it('a departure is forgotten when its connection is removed', () => {
    const set = new PresenceSet();
    set.apply(change(ENTER, 'alice', 'c1', { id: 'c1:1:0' }));
    set.apply(change(LEAVE, 'alice', 'c1', { id: 'c1:3:0' }));
    set.removeConnection('c1');
    expect(set.apply(change(ENTER, 'alice', 'c1', { id: 'c1:9:0', reentryId: 'c1:1:0' }))?.action).toBe(ENTER);
  });

  it('forgetting one client’s departure keeps the others of that connection', () => {
    const set = new PresenceSet();
    set.apply(change(ENTER, 'alice', 'c1', { id: 'c1:1:0' }));
    set.apply(change(ENTER, 'bob', 'c1', { id: 'c1:1:1' }));
    set.apply(change(LEAVE, 'alice', 'c1', { id: 'c1:2:0' }));
    set.apply(change(LEAVE, 'bob', 'c1', { id: 'c1:2:1' }));
    set.apply(change(ENTER, 'alice', 'c1', { id: 'c1:3:0' }));
    expect(set.apply(change(ENTER, 'bob', 'c1', { id: 'c1:9:0', reentryId: 'c1:1:1' }))).toBeUndefined();
  });
});

describe('memberToWire', () => {
  it('writes the action and the member’s fields, leaving out absent optional ones', () => {
    const member = { key: 'a:c', id: 'c:0:0', clientId: 'a', connectionId: 'c', timestamp: 5 };
    expect(memberToWire(member, PRESENT)).toStrictEqual({
      id: 'c:0:0',
      action: PRESENT,
      clientId: 'a',
      connectionId: 'c',
      timestamp: 5,
    });
    expect(memberToWire({ ...member, data: 0, encoding: 'json', extras: { e: 1 } }, LEAVE)).toStrictEqual({
      id: 'c:0:0',
      action: LEAVE,
      clientId: 'a',
      connectionId: 'c',
      timestamp: 5,
      data: 0,
      encoding: 'json',
      extras: { e: 1 },
    });
  });
});
