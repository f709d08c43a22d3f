// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { EMPTY_IDS, EMPTY_MEMBERS, EMPTY_PEOPLE } from '../../src/store/empty-snapshots.js';
import { clientIdOfKey, MemberIndex } from '../../src/store/member-index.js';
import { memberKey, toMember } from '../../src/store/member-set.js';
import { member } from './support/fake-room.js';

const m = (clientId: string, connectionId: string, data?: unknown, at = 1_000) =>
  toMember(member(clientId, connectionId, data, at));

describe('MemberIndex', () => {
  it('starts empty, with the frozen empty lists, and not dirty', () => {
    const index = new MemberIndex();
    expect(index.size).toBe(0);
    expect(index.dirty).toBe(false);
    const published = index.publish();
    expect(published.members).toBe(EMPTY_MEMBERS);
    expect(published.people).toBe(EMPTY_PEOPLE);
    expect(published.memberKeys).toBe(EMPTY_IDS);
    expect(published.personIds).toBe(EMPTY_IDS);
    expect(published.peopleByClientId.size).toBe(0);
  });

  it('put adds, reports a change, and marks dirty until publish', () => {
    const index = new MemberIndex();
    expect(index.put(m('a', 'c1'))).toBe(true);
    expect(index.dirty).toBe(true);
    expect(index.size).toBe(1);
    expect(index.get('a:c1')?.clientId).toBe('a');
    const published = index.publish();
    expect(index.dirty).toBe(false);
    expect(published.members.map((x) => x.key)).toEqual(['a:c1']);
    expect(Object.isFrozen(published.members)).toBe(true);
    expect(Object.isFrozen(published.people)).toBe(true);
    expect(Object.isFrozen(published.memberKeys)).toBe(true);
    expect(index.publish()).toBe(published); // nothing changed since
  });

  it('a put with equal contents is no change and keeps the old object', () => {
    const index = new MemberIndex();
    const first = m('a', 'c1', { x: [1, { y: 2 }] });
    index.put(first);
    index.publish();
    expect(index.put(m('a', 'c1', { x: [1, { y: 2 }] }))).toBe(false);
    expect(index.dirty).toBe(false);
    expect(index.get('a:c1')).toBe(first);
  });

  it('each field of a member counts as a change: data, time, user claim, extras', () => {
    const index = new MemberIndex();
    index.put(m('a', 'c1', { v: 1 }));
    expect(index.put(m('a', 'c1', { v: 2 }))).toBe(true);
    expect(index.put(m('a', 'c1', { v: 2 }, 2_000))).toBe(true);
    expect(index.put(toMember({ ...member('a', 'c1', { v: 2 }, 2_000), userClaim: 'admin' }))).toBe(true);
    expect(index.put(toMember({ ...member('a', 'c1', { v: 2 }, 2_000), userClaim: 'admin', extras: { e: 1 } }))).toBe(
      true,
    );
    expect(index.put(toMember({ ...member('a', 'c1', { v: 2 }, 2_000), userClaim: 'admin', extras: { e: 1 } }))).toBe(
      false,
    );
  });

  it('groups connections into people, in entry order, with the most recently changed as latest', () => {
    const index = new MemberIndex();
    index.put(m('a', 'c1', { tab: 1 }, 1_000));
    index.put(m('b', 'c2', undefined, 1_500));
    index.put(m('a', 'c3', { tab: 2 }, 3_000));
    index.put(m('a', 'c4', { tab: 3 }, 2_000));
    const { people, personIds, peopleByClientId, memberKeys } = index.publish();
    expect(personIds).toEqual(['a', 'b']);
    expect(memberKeys).toEqual(['a:c1', 'b:c2', 'a:c3', 'a:c4']);
    const a = people[0]!;
    expect(a.connections.map((x) => x.connectionId)).toEqual(['c1', 'c3', 'c4']);
    expect(a.latest.connectionId).toBe('c3');
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a.connections)).toBe(true);
    expect(peopleByClientId.get('a')).toBe(a);
    expect(peopleByClientId.get('b')).toBe(people[1]);
  });

  it('latest is the first connection when times tie', () => {
    const index = new MemberIndex();
    index.put(m('a', 'c1', { n: 1 }, 1_000));
    index.put(m('a', 'c2', { n: 2 }, 1_000));
    expect(index.publish().people[0]!.latest.connectionId).toBe('c1');
  });

  it('rebuilds only the people that changed; others keep their identity', () => {
    const index = new MemberIndex();
    index.put(m('a', 'c1'));
    index.put(m('b', 'c2'));
    const first = index.publish();
    index.put(m('a', 'c1', { v: 2 }, 2_000));
    const second = index.publish();
    expect(second.people[0]).not.toBe(first.people[0]);
    expect(second.people[1]).toBe(first.people[1]);
    expect(second.members[1]).toBe(first.members[1]);
    expect(second.members).not.toBe(first.members);
    expect(second.memberKeys).toBe(first.memberKeys);
    expect(second.personIds).toBe(first.personIds);
  });

  it('remove drops the member and, with its last connection, the person', () => {
    const index = new MemberIndex();
    index.put(m('a', 'c1'));
    index.put(m('a', 'c2'));
    index.put(m('b', 'c3'));
    index.publish();
    expect(index.remove('a:c1')).toBe(true);
    let published = index.publish();
    expect(published.people[0]!.connections.map((x) => x.key)).toEqual(['a:c2']);
    expect(published.personIds).toEqual(['a', 'b']);
    expect(index.remove('a:c2')).toBe(true);
    published = index.publish();
    expect(published.personIds).toEqual(['b']);
    expect(published.peopleByClientId.has('a')).toBe(false);
    expect(index.remove('a:c2')).toBe(false);
    expect(index.dirty).toBe(false);
    expect(index.get('a:c2')).toBeUndefined();
  });

  it('a leave and re-enter of the same key gives new key lists only when the order changed', () => {
    const index = new MemberIndex();
    index.put(m('a', 'c1'));
    index.put(m('b', 'c2'));
    const first = index.publish();
    index.remove('a:c1');
    index.put(m('a', 'c1', undefined, 2_000));
    const second = index.publish();
    expect(second.memberKeys).toEqual(['b:c2', 'a:c1']);
    expect(second.memberKeys).not.toBe(first.memberKeys);
    // Within one publish the person never left, so they keep their place among people.
    expect(second.personIds).toBe(first.personIds);
    index.remove('a:c1');
    index.publish();
    index.put(m('a', 'c1', undefined, 2_500));
    expect(index.publish().personIds).toEqual(['b', 'a']);
    // Removing and adding back a member that is last keeps the same order: same arrays.
    const before = index.publish();
    index.remove('a:c1');
    index.put(m('a', 'c1', undefined, 3_000));
    const third = index.publish();
    expect(third.memberKeys).toBe(before.memberKeys);
    expect(third.personIds).toBe(before.personIds);
  });

  it('a new member of the same size set (one left, one came) gives a new key list', () => {
    const index = new MemberIndex();
    index.put(m('a', 'c1'));
    index.put(m('b', 'c2'));
    const first = index.publish();
    index.remove('b:c2');
    index.put(m('c', 'c3'));
    const second = index.publish();
    expect(second.memberKeys).toEqual(['a:c1', 'c:c3']);
    expect(second.personIds).toEqual(['a', 'c']);
    expect(second.memberKeys).not.toBe(first.memberKeys);
  });

  it('clear removes everyone and publishes the frozen empty lists', () => {
    const index = new MemberIndex();
    index.put(m('a', 'c1'));
    index.put(m('b', 'c2'));
    index.publish();
    index.clear();
    expect(index.size).toBe(0);
    expect([...index.keys()]).toEqual([]);
    const published = index.publish();
    expect(published.members).toBe(EMPTY_MEMBERS);
    expect(published.people).toBe(EMPTY_PEOPLE);
    expect(published.memberKeys).toBe(EMPTY_IDS);
    expect(published.personIds).toBe(EMPTY_IDS);
  });
});

describe('member keys and conversion', () => {
  it('a key is clientId:connectionId, and the clientId is everything before the last colon', () => {
    expect(memberKey('a', 'c1')).toBe('a:c1');
    expect(clientIdOfKey('user:with:colons:conn')).toBe('user:with:colons');
    expect(clientIdOfKey('no-colon')).toBe('no-colon');
    expect(clientIdOfKey(':c')).toBe('');
  });

  it('toMember freezes a copy and fills a missing clientId or connectionId with empty strings', () => {
    const converted = toMember({
      ...member('a', 'c1', { v: 1 }),
      clientId: undefined,
      connectionId: undefined,
      userClaim: 'u',
      extras: { x: 1 },
    } as never);
    expect(converted).toEqual({
      key: ':',
      clientId: '',
      connectionId: '',
      data: { v: 1 },
      extras: { x: 1 },
      updatedAt: new Date(1_000),
      userClaim: 'u',
    });
    expect(Object.isFrozen(converted)).toBe(true);
  });
});
