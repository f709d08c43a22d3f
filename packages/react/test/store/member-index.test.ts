// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { EMPTY_IDS, EMPTY_PEOPLE } from '../../src/store/empty-snapshots.js';
import { clientIdOfKey, MemberIndex } from '../../src/store/member-index.js';
import { memberKey, toMember } from '../../src/store/member-set.js';
import { member } from './support/fake-room.js';

const m = (clientId: string, connectionId: string, data?: unknown, at = 1_000) =>
  toMember(member(clientId, connectionId, data, at));

describe('MemberIndex', () => {
  it('starts empty, with the frozen empty lists', () => {
    const index = new MemberIndex();
    const published = index.publish();
    expect(published.people).toBe(EMPTY_PEOPLE);
    expect(published.personIds).toBe(EMPTY_IDS);
    expect(published.peopleByClientId.size).toBe(0);
    expect(published.peopleByClientId.get('a')).toBeUndefined();
    expect(index.publish()).toBe(published);
  });

  it('put adds a person; publish freezes what it returns and returns it again while nothing changed', () => {
    const index = new MemberIndex();
    index.put(m('a', 'c1'));
    const published = index.publish();
    expect(published.personIds).toEqual(['a']);
    expect(published.people[0]!.connections.map((x) => x.key)).toEqual(['a:c1']);
    expect(Object.isFrozen(published.people)).toBe(true);
    expect(Object.isFrozen(published.personIds)).toBe(true);
    expect(index.publish()).toBe(published); // nothing changed since
  });

  it.each([
    [
      'put one at a time',
      (index: MemberIndex, members: ReturnType<typeof m>[]) => {
        for (const x of members) index.put(x);
      },
    ],
    ['build at once', (index: MemberIndex, members: ReturnType<typeof m>[]) => index.build(members)],
  ])('groups connections into people, in entry order, with the most recently changed as latest (%s)', (_, fill) => {
    const index = new MemberIndex();
    fill(index, [
      m('a', 'c1', { tab: 1 }, 1_000),
      m('b', 'c2', undefined, 1_500),
      m('a', 'c3', { tab: 2 }, 3_000),
      m('a', 'c4', { tab: 3 }, 2_000),
      m('c', 'c5'),
    ]);
    const { people, personIds, peopleByClientId } = index.publish();
    expect(personIds).toEqual(['a', 'b', 'c']);
    const a = people[0]!;
    expect(a.connections.map((x) => x.connectionId)).toEqual(['c1', 'c3', 'c4']);
    expect(a.latest.connectionId).toBe('c3');
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a.connections)).toBe(true);
    expect(Object.isFrozen(people)).toBe(true);
    expect(peopleByClientId.get('a')).toBe(a);
    expect(peopleByClientId.get('b')).toBe(people[1]);
    expect(peopleByClientId.get('c')).toBe(people[2]);
    expect(peopleByClientId.size).toBe(3);
    expect([...peopleByClientId.keys()]).toEqual(['a', 'b', 'c']);
  });

  it('latest is the first connection when times tie', () => {
    const index = new MemberIndex();
    index.put(m('a', 'c1', { n: 1 }, 1_000));
    index.put(m('a', 'c2', { n: 2 }, 1_000));
    expect(index.publish().people[0]!.latest.connectionId).toBe('c1');
  });

  it('rebuilds only the people that changed; others keep their identity, and the id list its reference', () => {
    const index = new MemberIndex();
    index.build([m('a', 'c1'), m('b', 'c2'), m('c', 'c3')]);
    const first = index.publish();
    index.put(m('b', 'c2', { v: 2 }, 2_000));
    const second = index.publish();
    expect(second.people[0]).toBe(first.people[0]);
    expect(second.people[1]).not.toBe(first.people[1]);
    expect(second.people[1]!.latest.data).toEqual({ v: 2 });
    expect(second.people[2]).toBe(first.people[2]);
    expect(second.people).not.toBe(first.people);
    expect(second.personIds).toBe(first.personIds);
    expect(second.peopleByClientId.get('b')).toBe(second.people[1]);
  });

  it('a published peopleByClientId never changes what it answers, however the index moves on', () => {
    const index = new MemberIndex();
    index.build([m('a', 'c1'), m('b', 'c2')]);
    const first = index.publish();
    const a1 = first.people[0]!;
    const b1 = first.people[1]!;
    index.put(m('a', 'c1', { v: 2 }, 2_000));
    const second = index.publish();
    index.remove(m('b', 'c2'));
    index.put(m('c', 'c3'));
    const third = index.publish();
    index.put(m('a', 'c1', { v: 3 }, 3_000));
    const fourth = index.publish();

    expect(first.peopleByClientId.get('a')).toBe(a1);
    expect(first.peopleByClientId.get('b')).toBe(b1);
    expect(first.peopleByClientId.has('c')).toBe(false);
    expect([...first.peopleByClientId.values()]).toEqual([a1, b1]);
    expect(second.peopleByClientId.get('a')).toBe(second.people[0]);
    expect(second.peopleByClientId.get('a')).not.toBe(a1);
    expect(second.peopleByClientId.get('b')).toBe(b1);
    expect(third.peopleByClientId.has('b')).toBe(false);
    expect(third.peopleByClientId.get('a')).toBe(second.people[0]);
    expect(third.peopleByClientId.get('c')).toBe(third.people[1]);
    expect(fourth.peopleByClientId.get('a')!.latest.data).toEqual({ v: 3 });
    expect(third.personIds).toEqual(['a', 'c']);
    expect(fourth.personIds).toBe(third.personIds);
    const seen: string[] = [];
    third.peopleByClientId.forEach((person, clientId, map) => {
      expect(map.get(clientId)).toBe(person);
      seen.push(clientId);
    });
    expect(seen).toEqual(['a', 'c']);
    expect(new Map(third.peopleByClientId)).toEqual(new Map([...third.people].map((p) => [p.clientId, p])));
  });

  it('remove drops the member and, with its last connection, the person', () => {
    const index = new MemberIndex();
    index.put(m('a', 'c1'));
    index.put(m('a', 'c2'));
    index.put(m('b', 'c3'));
    const first = index.publish();
    index.remove(m('a', 'c1'));
    let published = index.publish();
    expect(published.people[0]!.connections.map((x) => x.key)).toEqual(['a:c2']);
    expect(published.personIds).toBe(first.personIds);
    index.remove(m('a', 'c2'));
    published = index.publish();
    expect(published.personIds).toEqual(['b']);
    expect(published.peopleByClientId.has('a')).toBe(false);
    // Removing someone who is not there changes nothing.
    index.remove(m('a', 'c2'));
    expect(index.publish()).toBe(published);
  });

  it('a person who leaves and comes back within one publish keeps their place; across publishes goes last', () => {
    const index = new MemberIndex();
    index.put(m('a', 'c1'));
    index.put(m('b', 'c2'));
    const first = index.publish();
    index.remove(m('a', 'c1'));
    index.put(m('a', 'c1', undefined, 2_000));
    const second = index.publish();
    expect(second.personIds).toBe(first.personIds);
    index.remove(m('a', 'c1'));
    index.publish();
    index.put(m('a', 'c1', undefined, 2_500));
    const third = index.publish();
    expect(third.personIds).toEqual(['b', 'a']);
    // Places were rebuilt after the leave: an update lands on the right person.
    index.put(m('b', 'c2', { v: 1 }, 3_000));
    const fourth = index.publish();
    expect(fourth.people.map((p) => p.latest.data)).toEqual([{ v: 1 }, undefined]);
    expect(fourth.people[1]).toBe(third.people[1]);
  });

  it('someone who arrives while others update is appended, and later updates find everyone', () => {
    const index = new MemberIndex();
    index.build([m('a', 'c1'), m('b', 'c2')]);
    const first = index.publish();
    index.put(m('c', 'c3'));
    index.put(m('a', 'c1', { v: 1 }, 2_000));
    const second = index.publish();
    expect(second.personIds).toEqual(['a', 'b', 'c']);
    expect(second.personIds).not.toBe(first.personIds);
    expect(second.people[1]).toBe(first.people[1]);
    index.put(m('c', 'c3', { v: 2 }, 3_000));
    const third = index.publish();
    expect(third.people[2]!.latest.data).toEqual({ v: 2 });
    expect(third.peopleByClientId.get('c')).toBe(third.people[2]);
  });

  it('after everyone left, newcomers are not seen by the versions published before', () => {
    const index = new MemberIndex();
    index.build([m('a', 'c1')]);
    const first = index.publish();
    index.remove(m('a', 'c1'));
    const empty = index.publish();
    expect(empty.people).toBe(EMPTY_PEOPLE);
    expect(empty.personIds).toBe(EMPTY_IDS);
    index.build([m('b', 'c2')]);
    const later = index.publish();
    expect(later.personIds).toEqual(['b']);
    expect(first.peopleByClientId.get('b')).toBeUndefined();
    expect(first.peopleByClientId.get('a')).toBe(first.people[0]);
    expect(empty.peopleByClientId.get('b')).toBeUndefined();
  });

  it('clear forgets everyone and publishes the frozen empty lists; earlier versions keep their answers', () => {
    const index = new MemberIndex();
    index.put(m('a', 'c1'));
    index.put(m('b', 'c2'));
    const before = index.publish();
    index.clear();
    const published = index.publish();
    expect(published.people).toBe(EMPTY_PEOPLE);
    expect(published.personIds).toBe(EMPTY_IDS);
    index.put(m('c', 'c3'));
    expect(index.publish().personIds).toEqual(['c']);
    expect(before.peopleByClientId.get('a')).toBe(before.people[0]);
    expect(before.peopleByClientId.get('c')).toBeUndefined();
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
