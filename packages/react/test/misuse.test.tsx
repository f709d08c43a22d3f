import { screen } from '@testing-library/react';
import * as Ably from 'ably';
import { describe, expect, it, vi } from 'vitest';
import { PresenceKitError, PresenceKitErrorCode } from '../src/errors.js';
import { useOccupancy } from '../src/hooks/use-occupancy.js';
import { usePresence } from '../src/hooks/use-presence.js';
import { usePresenceListener } from '../src/hooks/use-presence-listener.js';
import { PresenceRoom } from '../src/provider/presence-room.js';
import { startKit } from './support/render-with-kit.js';

function errorOf(run: () => unknown): PresenceKitError {
  // React logs render errors; keep the output clean and still see the thrown error.
  const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PresenceKitError);
    return error as PresenceKitError;
  } finally {
    consoleError.mockRestore();
  }
  throw new Error('expected a PresenceKitError');
}

function Listener() {
  usePresenceListener();
  return null;
}

function Occupancy() {
  useOccupancy();
  return null;
}

function Empty() {
  usePresence({ room: '' });
  return null;
}

/** The same hook with a valid room: proves the provider the helper renders is not what throws. */
function Valid() {
  usePresence({ room: 'valid', enterOnMount: false });
  return <p>valid room rendered</p>;
}

describe('misuse throws at once, naming the hook and what it needs', () => {
  it('a hook outside <PresenceKitProvider>', async () => {
    const kit = await startKit();
    const error = errorOf(() => kit.renderWithKit(<Listener />, {}));
    expect(error.code).toBe(PresenceKitErrorCode.MissingProvider);
    expect(error.message).toContain('usePresenceListener must be used within <PresenceKitProvider>');
  });

  it('<PresenceRoom> outside <PresenceKitProvider>', async () => {
    const kit = await startKit();
    const error = errorOf(() => kit.renderWithKit(<PresenceRoom name="x" />, {}));
    expect(error.code).toBe(PresenceKitErrorCode.MissingProvider);
    expect(error.message).toContain('<PresenceRoom>');
  });

  it('a room hook with no <PresenceRoom> and no room name', async () => {
    const kit = await startKit();
    const error = errorOf(() => kit.renderWithKit(<Occupancy />, { client: kit.chat('a') }));
    expect(error.code).toBe(PresenceKitErrorCode.MissingRoom);
    expect(error.message).toMatch(/useOccupancy needs a room.*<PresenceRoom name=/);
  });

  it('an empty room name', async () => {
    const kit = await startKit();
    const error = errorOf(() => kit.renderWithKit(<Empty />, { client: kit.chat('a') }));
    expect(error.code).toBe(PresenceKitErrorCode.InvalidArgument);
    expect(error.message).toBe('usePresence was given an empty room name; pass a non-empty string.');
    // The same helper, provider and client render the same hook with a real room name: the error came from the
    // empty name, not from the helper or the provider.
    kit.renderWithKit(<Valid />, { client: kit.chat('a') });
    expect(screen.getByText('valid room rendered')).toBeTruthy();
  });

  it('kit errors are Ably ErrorInfo with codes in the 104xxx range', async () => {
    const kit = await startKit();
    const error = errorOf(() => kit.renderWithKit(<Listener />, {}));
    expect(error).toBeInstanceOf(Ably.ErrorInfo);
    expect(error).toMatchObject({ code: 104000, statusCode: 400, name: 'PresenceKitError' });
    expect(PresenceKitErrorCode).toMatchObject({
      MissingProvider: 104000,
      MissingRoom: 104001,
      InvalidArgument: 104002,
    });
  });
});
