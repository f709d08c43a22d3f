// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ledgerFor, RoomLedger } from '../../src/provider/room-ledger.js';
import { createFakeClient } from './support/fake-client.js';

describe('RoomLedger: sharing rooms with other users of the client', () => {
  it('the kit alone: acquire gets the room, letGo releases it', async () => {
    const fake = createFakeClient();
    const ledger = new RoomLedger(fake.client.rooms);
    const room = await ledger.acquire('a', undefined);
    expect(room).toBe(fake.rooms.get('a')!.room);
    expect(await ledger.letGo('a')).toBe(true);
    expect(fake.log).toEqual(['get a', 'release a']);
  });

  it('letting go of a room the kit never held does nothing', async () => {
    const fake = createFakeClient();
    const ledger = new RoomLedger(fake.client.rooms);
    expect(await ledger.letGo('nope')).toBe(false);
    expect(fake.log).toEqual([]);
  });

  it('a room someone got before the ledger existed is never released by the kit', async () => {
    const fake = createFakeClient();
    await fake.client.rooms.get('a');
    const ledger = new RoomLedger(fake.client.rooms);
    await ledger.acquire('a', undefined);
    expect(await ledger.letGo('a')).toBe(false);
    expect(fake.log).toEqual(['get a', 'get a']);
    // The other holder's own release still works, and reaches the client.
    await fake.client.rooms.release('a');
    expect(fake.log.at(-1)).toBe('release a');
  });

  it("someone else's get after the kit's: the kit only lets go; their release then releases", async () => {
    const fake = createFakeClient();
    const ledger = new RoomLedger(fake.client.rooms);
    await ledger.acquire('a', undefined);
    await fake.client.rooms.get('a');
    expect(await ledger.letGo('a')).toBe(false);
    expect(fake.log).toEqual(['get a', 'get a']);
    await fake.client.rooms.release('a');
    expect(fake.log).toEqual(['get a', 'get a', 'release a']);
  });

  it("someone else's release while the kit holds the room is deferred until the kit lets go", async () => {
    const fake = createFakeClient();
    const ledger = new RoomLedger(fake.client.rooms);
    await fake.client.rooms.get('a');
    await ledger.acquire('a', undefined);
    await fake.client.rooms.release('a');
    expect(fake.log).toEqual(['get a', 'get a']); // deferred
    expect(await ledger.letGo('a')).toBe(true);
    expect(fake.log).toEqual(['get a', 'get a', 'release a']);
  });

  it('a deferred release is cancelled when the other holder gets the room again', async () => {
    const fake = createFakeClient();
    const ledger = new RoomLedger(fake.client.rooms);
    await ledger.acquire('a', undefined);
    await fake.client.rooms.get('a');
    await fake.client.rooms.release('a');
    await fake.client.rooms.get('a');
    expect(await ledger.letGo('a')).toBe(false);
    expect(fake.log.filter((entry) => entry.startsWith('release'))).toEqual([]);
  });

  it('the kit re-acquiring a room whose release it deferred does not count the room as held by others', async () => {
    const fake = createFakeClient();
    const ledger = new RoomLedger(fake.client.rooms);
    await ledger.acquire('a', undefined);
    await fake.client.rooms.get('a');
    await fake.client.rooms.release('a');
    await ledger.acquire('a', undefined); // e.g. a remount; the room still exists
    expect(await ledger.letGo('a')).toBe(true);
    expect(fake.log.at(-1)).toBe('release a');
  });

  it('a release of a room the kit does not hold goes straight through and forgets the room', async () => {
    const fake = createFakeClient();
    const ledger = new RoomLedger(fake.client.rooms);
    await fake.client.rooms.get('b');
    await fake.client.rooms.release('b');
    expect(fake.log).toEqual(['get b', 'release b']);
    await ledger.acquire('b', undefined);
    expect(await ledger.letGo('b')).toBe(true);
  });

  it('a release of a room the ledger never saw (got before it existed) goes straight to the client', async () => {
    const fake = createFakeClient();
    await fake.client.rooms.get('c');
    new RoomLedger(fake.client.rooms);
    await fake.client.rooms.release('c');
    expect(fake.log).toEqual(['get c', 'release c']);
  });

  it('passes room options through to the client', async () => {
    const fake = createFakeClient();
    const ledger = new RoomLedger(fake.client.rooms);
    const options = { occupancy: { enableEvents: true } };
    await ledger.acquire('a', options);
    expect(fake.options.get('a')).toBe(options);
    await fake.client.rooms.get('b', options);
    expect(fake.options.get('b')).toBe(options);
  });

  it('a client without a room count is treated as having created the room', async () => {
    const fake = createFakeClient();
    Object.defineProperty(fake.client.rooms, 'count', { get: () => undefined });
    const ledger = new RoomLedger(fake.client.rooms);
    await ledger.acquire('a', undefined);
    expect(await ledger.letGo('a')).toBe(true);
  });

  it('ledgerFor gives one ledger per client, wrapping its rooms once', async () => {
    const fake = createFakeClient();
    const ledger = ledgerFor(fake.client);
    const wrappedGet = fake.client.rooms.get;
    expect(ledgerFor(fake.client)).toBe(ledger);
    expect(fake.client.rooms.get).toBe(wrappedGet);
    expect(ledgerFor(createFakeClient().client)).not.toBe(ledger);
  });
});
