import {
  type ChatClient,
  ChatMessageAction,
  type ChatMessageEvent,
  type MessageReactionSummaryEvent,
  MessageReactionType,
} from '@ably/chat';
import type * as Ably from 'ably';
import { describe, expect, it } from 'vitest';
import { createJwt } from '../src/index.js';
import { eventually, type Harness, startHarness } from './support/harness.js';

const KEY = 'app.chat:chat-secret';

type Auth = 'key' | 'token';
type Protocol = 'json' | 'msgpack';

/** A ChatClient over the given protocol, authenticated with the key or with a JWT from an authCallback. */
function chatClient(h: Harness, clientId: string, auth: Auth, protocol: Protocol): ChatClient {
  const options: Partial<Ably.ClientOptions> = { useBinaryProtocol: protocol === 'msgpack' };
  if (auth === 'token') {
    options.key = undefined;
    options.authCallback = (_params, callback) => callback(null, createJwt({ key: KEY, clientId }));
  }
  return h.chat(clientId, { key: KEY, ...options });
}

describe.each([
  ['key', 'json'],
  ['key', 'msgpack'],
  ['token', 'json'],
  ['token', 'msgpack'],
] as const)('Chat REST messages through the real ChatClient (%s auth, %s)', (auth, protocol) => {
  it('sends, updates and deletes; subscribers see each with action, serial, version and timestamps', async () => {
    const h = await startHarness({ keys: [KEY] });
    const alice = await h.room(chatClient(h, 'alice', auth, protocol), 'lobby');
    const bob = await h.room(chatClient(h, 'bob', auth, protocol), 'lobby');
    const seen: ChatMessageEvent[] = [];
    bob.messages.subscribe((event) => seen.push(event));

    const sent = await alice.messages.send({ text: 'hello', metadata: { mood: 'happy' }, headers: { lang: 'en' } });
    expect(sent).toMatchObject({ text: 'hello', clientId: 'alice', action: ChatMessageAction.MessageCreate });
    expect(sent.version.serial).toBe(sent.serial);
    await eventually(() => expect(seen).toHaveLength(1));
    const created = seen[0]?.message;
    expect(created).toMatchObject({
      serial: sent.serial,
      text: 'hello',
      clientId: 'alice',
      metadata: { mood: 'happy' },
      headers: { lang: 'en' },
      action: ChatMessageAction.MessageCreate,
    });
    expect(created?.timestamp.getTime()).toBe(sent.timestamp.getTime());

    const updated = await alice.messages.update(sent.serial, { text: 'hello, world' }, { description: 'typo' });
    expect(updated).toMatchObject({
      serial: sent.serial,
      text: 'hello, world',
      action: ChatMessageAction.MessageUpdate,
    });
    expect(updated.version.serial > sent.serial).toBe(true);
    expect(updated.version).toMatchObject({ clientId: 'alice', description: 'typo' });
    expect(updated.timestamp.getTime()).toBe(sent.timestamp.getTime());

    const deleted = await alice.messages.delete(sent.serial);
    expect(deleted).toMatchObject({ serial: sent.serial, action: ChatMessageAction.MessageDelete, text: '' });

    await eventually(() =>
      expect(seen.map((event) => event.type)).toEqual(['message.created', 'message.updated', 'message.deleted']),
    );
    const [, update, deletion] = seen.map((event) => event.message);
    expect(update).toMatchObject({
      serial: sent.serial,
      text: 'hello, world',
      version: { serial: updated.version.serial },
    });
    expect(update?.version.timestamp.getTime()).toBe(updated.version.timestamp.getTime());
    expect(deletion).toMatchObject({ serial: sent.serial, action: ChatMessageAction.MessageDelete });
    // The SDK's own merge: the deletion is the newest version.
    expect(created?.with(update as never).with(deletion as never).action).toBe(ChatMessageAction.MessageDelete);
    expect((await alice.messages.get(sent.serial)).action).toBe(ChatMessageAction.MessageDelete);
  });

  it('pages history both ways, and historyBeforeSubscribe() sees only earlier messages', async () => {
    const h = await startHarness({ keys: [KEY] });
    const alice = await h.room(chatClient(h, 'alice', auth, protocol), 'history');
    for (let index = 0; index < 5; index++) await alice.messages.send({ text: `m${index}` });
    const subscription = alice.messages.subscribe(() => {});
    await alice.messages.send({ text: 'after-subscribe' });

    const newest = await alice.messages.history({ limit: 2 });
    expect(newest.items.map((m) => m.text)).toEqual(['after-subscribe', 'm4']);
    expect(newest.hasNext()).toBe(true);
    const second = await newest.next();
    expect(second?.items.map((m) => m.text)).toEqual(['m3', 'm2']);
    const third = await second?.next();
    const fourth = await third?.next();
    expect(third?.items.map((m) => m.text)).toEqual(['m1', 'm0']);
    expect(third?.hasNext()).toBe(false);
    expect(fourth ?? null).toBeNull();

    const oldest = await alice.messages.history({ limit: 4, orderBy: 'oldestFirst' as never });
    expect(oldest.items.map((m) => m.text)).toEqual(['m0', 'm1', 'm2', 'm3']);
    expect((await oldest.next())?.items.map((m) => m.text)).toEqual(['m4', 'after-subscribe']);

    const before = await subscription.historyBeforeSubscribe({ limit: 10 });
    expect(before.items.map((m) => m.text)).toEqual(['m4', 'm3', 'm2', 'm1', 'm0']);
  });
});

describe('Chat REST messages: reactions, claims and errors', () => {
  it('message reactions: summaries reach subscribers; raw reactions reach rooms that asked', async () => {
    const h = await startHarness({ keys: [KEY] });
    const alice = await h.room(chatClient(h, 'alice', 'key', 'msgpack'), 'reactions');
    const bob = await h.room(chatClient(h, 'bob', 'token', 'json'), 'reactions', {
      messages: { rawMessageReactions: true },
    });
    const summaries: MessageReactionSummaryEvent[] = [];
    const raw: string[] = [];
    alice.messages.reactions.subscribe((event) => summaries.push(event));
    bob.messages.reactions.subscribeRaw((event) =>
      raw.push(`${event.type}:${event.reaction.name}:${event.reaction.clientId}`),
    );
    const message = await alice.messages.send({ text: 'vote' });

    await alice.messages.reactions.send(message.serial, { name: '👍' });
    await bob.messages.reactions.send(message.serial, { name: '👍' });
    await bob.messages.reactions.send(message.serial, { name: 'a', type: MessageReactionType.Multiple, count: 3 });
    await bob.messages.reactions.send(message.serial, { name: 'x', type: MessageReactionType.Unique });
    await bob.messages.reactions.send(message.serial, { name: 'y', type: MessageReactionType.Unique });
    await eventually(() => expect(summaries).toHaveLength(5));
    const last = summaries[4]?.reactions;
    expect(last?.distinct['👍']).toMatchObject({ total: 2, clientIds: ['alice', 'bob'] });
    expect(last?.multiple.a).toMatchObject({ total: 3, clientIds: { bob: 3 } });
    expect(Object.keys(last?.unique ?? {})).toEqual(['y']);

    await alice.messages.reactions.delete(message.serial, { name: '👍' });
    await eventually(() =>
      expect(summaries[5]?.reactions.distinct['👍']).toMatchObject({ total: 1, clientIds: ['bob'] }),
    );
    await eventually(() => expect(raw).toContain('reaction.delete:👍:alice'));
    expect(raw.slice(0, 2)).toEqual(['reaction.create:👍:alice', 'reaction.create:👍:bob']);
    const mine = await bob.messages.reactions.clientReactions(message.serial);
    expect(Object.keys(mine.distinct)).toEqual(['👍']);
    expect((await alice.messages.get(message.serial)).reactions.multiple.a?.total).toBe(3);
  });

  it('JWT user claims reach other clients as userClaim on messages and presence; clients cannot forge them', async () => {
    const h = await startHarness({ keys: [KEY] });
    const token = (clientId: string, claims: Record<string, string>) =>
      h.chat(clientId, { key: undefined, token: createJwt({ key: KEY, clientId, claims }) });
    const mod = await h.room(token('mod', { 'ably.room.stage': 'moderator', 'ably.room.*': 'member' }), 'stage');
    const fan = await h.room(token('fan', { 'ably.room.*': 'member' }), 'stage');
    const plain = await h.room(h.chat('plain', { key: KEY }), 'stage');
    const messages: Array<string | undefined> = [];
    const presence: Array<string | undefined> = [];
    plain.messages.subscribe((event) => messages.push(event.message.userClaim));
    plain.presence.subscribe((event) => presence.push(event.member.userClaim));

    const sent = await mod.messages.send({ text: 'hi' });
    expect(sent.userClaim).toBe('moderator');
    await fan.messages.send({ text: 'hey' });
    await plain.messages.send({ text: 'no claim' });
    await mod.presence.enter();
    await fan.presence.enter();
    await eventually(() => expect(messages).toEqual(['moderator', 'member', undefined]));
    await eventually(() => expect(presence).toEqual(['moderator', 'member']));
    expect((await plain.presence.get()).map((m) => m.userClaim).sort()).toEqual(['member', 'moderator']);
    expect((await plain.messages.history({ limit: 5 })).items.map((m) => m.userClaim)).toEqual([
      undefined,
      'member',
      'moderator',
    ]);
    // Room reactions and typing are realtime publishes: they carry the claim too.
    const reactionClaims: Array<string | undefined> = [];
    const typingClaims: Array<string | undefined> = [];
    plain.reactions.subscribe((event) => reactionClaims.push(event.reaction.userClaim));
    plain.typing.subscribe((event) => typingClaims.push(event.change.userClaim));
    await mod.reactions.send({ name: 'like' });
    await fan.typing.keystroke();
    await eventually(() => expect(reactionClaims).toEqual(['moderator']));
    await eventually(() => expect(typingClaims).toEqual(['member']));
    // A client that sends its own userClaim in extras gets it dropped.
    const forger = h.realtime('forger', { key: KEY });
    const channel = forger.channels.get('stage::$chat');
    await channel.presence.enter(undefined);
    await channel.presence.update({ x: 1 });
    await forger.channels
      .get('stage::$chat')
      .publish({ name: 'chat.message', data: { text: 'forged' }, extras: { userClaim: 'admin' } });
    await eventually(() => expect(messages).toHaveLength(4));
    expect(messages[3]).toBeUndefined();
  });

  it('keeps every version of a message, and an idempotencyKey makes a retried send publish once', async () => {
    const h = await startHarness({ keys: [KEY] });
    const room = await h.room(chatClient(h, 'alice', 'key', 'json'), 'versions');
    const seen: string[] = [];
    room.messages.subscribe((event) => seen.push(`${event.type}:${event.message.text}`));
    const sent = await room.messages.send({ text: 'v1' });
    await room.messages.update(sent.serial, { text: 'v2' });
    await room.messages.update(sent.serial, { text: 'v3' });
    const versions = await room.messages.getVersions(sent.serial);
    expect(versions.items.map((message) => [message.action, message.text])).toEqual([
      [ChatMessageAction.MessageCreate, 'v1'],
      [ChatMessageAction.MessageUpdate, 'v2'],
      [ChatMessageAction.MessageUpdate, 'v3'],
    ]);
    const rest = h.rest({ key: KEY, clientId: 'alice', useBinaryProtocol: false });
    const send = () =>
      rest.request('POST', '/chat/v4/rooms/versions/messages', 4, { idempotencyKey: 'retry-1' }, { text: 'once' });
    const [first, retry] = [await send(), await send()];
    expect(first.statusCode).toBe(201);
    expect(retry.items[0]).toEqual(first.items[0]);
    await eventually(() =>
      expect(seen).toEqual(['message.created:v1', 'message.updated:v2', 'message.updated:v3', 'message.created:once']),
    );
    expect((await room.messages.history({ limit: 10 })).items.map((message) => message.text)).toEqual(['once', 'v3']);
  });

  it('answers bad requests with Ably codes: unknown serial 40400, bad body 40003, no clientId 40012, capability 40160', async () => {
    const h = await startHarness({ keys: [KEY] });
    const room = await h.room(h.chat('alice', { key: KEY }), 'errors');
    const codeOf = (promise: Promise<unknown>) =>
      promise.then(
        () => undefined,
        (error: Ably.ErrorInfo) => error.code,
      );
    expect(await codeOf(room.messages.get('01726585978590-000000001@nope'))).toBe(40400);
    expect(await codeOf(room.messages.update('nope', { text: 'x' }))).toBe(40400);
    expect(await codeOf(room.messages.send({ text: 5 as never }))).toBe(40003);
    const sent = await room.messages.send({ text: 'mine' });
    const reader = await h.room(
      h.chat('reader', {
        key: undefined,
        token: createJwt({ key: KEY, clientId: 'reader', capability: { '*': ['subscribe', 'history'] } }),
      }),
      'errors',
    );
    expect(await codeOf(reader.messages.send({ text: 'x' }))).toBe(40160);
    expect(await codeOf(reader.messages.delete(sent.serial))).toBe(40160);
    const own = await h.room(
      h.chat('bob', {
        key: undefined,
        token: createJwt({
          key: KEY,
          clientId: 'bob',
          capability: { '*': ['publish', 'subscribe', 'message-update-own'] },
        }),
      }),
      'errors',
    );
    expect(await codeOf(own.messages.update(sent.serial, { text: 'not yours' }))).toBe(40160);
    const bobs = await own.messages.send({ text: 'bob' });
    expect((await own.messages.update(bobs.serial, { text: 'edited' })).text).toBe('edited');
    const anonymous = h.rest({ key: KEY });
    const response = await anonymous.request('POST', '/chat/v4/rooms/errors/messages', 4, {}, { text: 'x' });
    expect(response.errorCode).toBe(40012);
  });
});
