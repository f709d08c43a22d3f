import { createJwt } from '@presence-kit/local-ably';
import { act, screen, waitFor } from '@testing-library/react';
import * as Ably from 'ably';
import { describe, expect, it } from 'vitest';
import { PresenceKitError, PresenceKitErrorCode } from '../../src/errors.js';
import { useOccupancy } from '../../src/hooks/use-occupancy.js';
import { type UsePresenceResult, usePresence } from '../../src/hooks/use-presence.js';
import { useRoomStatus } from '../../src/hooks/use-room-status.js';
import { PresenceRoom } from '../../src/provider/presence-room.js';
import type { OccupancyMetrics } from '../../src/store/types.js';
import { eventually, startKit } from '../support/render-with-kit.js';

const WAIT = { timeout: 5_000 };

function Joiner({ expose }: { expose: (result: UsePresenceResult) => void }) {
  const result = usePresence({ data: { name: 'M' } });
  expose(result);
  const { status, error } = useRoomStatus();
  return (
    <p>
      {status}:{error?.code ?? '-'}:{result.error?.code ?? '-'}
    </p>
  );
}

function DataHolder({
  data,
  expose,
}: {
  data: Record<string, unknown>;
  expose: (result: UsePresenceResult<Record<string, unknown>>) => void;
}) {
  const result = usePresence<Record<string, unknown>>({ data });
  expose(result);
  return <p>{result.error ? `error:${result.error.code}` : result.isPresent ? 'present' : 'absent'}</p>;
}

function Count({ metric }: { metric: keyof OccupancyMetrics }) {
  const value = useOccupancy({ select: (o) => o[metric] });
  const { hasOccupancy } = useRoomStatus();
  return <p>{hasOccupancy ? `${metric}=${value}` : 'loading'}</p>;
}

function Ready({ seen }: { seen: string[] }) {
  const { isSynced, hasOccupancy, status } = useRoomStatus();
  const line = `${status}:${isSynced}:${hasOccupancy}`;
  if (seen.at(-1) !== line) seen.push(line);
  return <p>{line}</p>;
}

describe('failure paths', () => {
  it('rejects pending presence calls when the room cannot be attached, and shows the error', async () => {
    const kit = await startKit();
    // A token that may use another room only: attaching "secret" fails with 40160.
    const token = createJwt({ key: kit.server.key, clientId: 'mallory', capability: { lobby: ['*'] } });
    const client = kit.chat('mallory', { key: undefined, token });
    let result: UsePresenceResult | undefined;
    kit.renderWithKit(
      <PresenceRoom name="secret">
        <Joiner expose={(r) => (result = r)} />
      </PresenceRoom>,
      { client },
    );
    // The enter that was waiting for the attach fails with the kit's code and the SDK's cause.
    await waitFor(() => expect(screen.getByText(/^failed:40160:104003$/)).toBeTruthy(), WAIT);
    const later = await act(() =>
      result!.update({ name: 'again' }).then(
        () => 'resolved',
        (error: unknown) => error,
      ),
    );
    expect(later).toBeInstanceOf(PresenceKitError);
    expect(later).toBeInstanceOf(Ably.ErrorInfo);
    expect(later).toMatchObject({ code: PresenceKitErrorCode.RoomUnavailable, cause: { code: 40160 } });
    expect((later as Error).message).toMatch(/capability/);
    expect(kit.server.stats().members).toBe(0);
  });

  it('rejects data that is not a JSON object with 104004, sends nothing, and keeps the last good data', async () => {
    const kit = await startKit();
    const observer = await kit.room(kit.chat('observer'), 'data');
    const events: string[] = [];
    observer.presence.subscribe((event) => events.push(`${event.type}:${JSON.stringify(event.member.data)}`));
    let result: UsePresenceResult<Record<string, unknown>> | undefined;
    const expose = (r: UsePresenceResult<Record<string, unknown>>) => {
      result = r;
    };
    const view = kit.renderWithKit(
      <PresenceRoom name="data">
        <DataHolder data={{ ok: true }} expose={expose} />
      </PresenceRoom>,
      { client: kit.chat('alice') },
    );
    await waitFor(() => expect(screen.getByText('present')).toBeTruthy(), WAIT);
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    view.rerenderWithKit(
      <PresenceRoom name="data">
        <DataHolder data={cyclic} expose={expose} />
      </PresenceRoom>,
    );
    await waitFor(() => expect(screen.getByText('error:104004')).toBeTruthy(), WAIT);
    expect(result?.error?.message).toMatch(/cycle/);
    const rejected = await act(() =>
      result!.update({ when: BigInt(1) } as unknown as Record<string, unknown>).catch((error: unknown) => error),
    );
    expect(rejected).toMatchObject({ code: 104004 });
    await eventually(() => expect(events).toEqual(['enter:{"ok":true}']));
    expect((await observer.presence.get()).map((member) => member.data)).toEqual([{ ok: true }]);
  });

  it('polls occupancy when the room has occupancy events off, and applies a new selector at once', async () => {
    const kit = await startKit();
    const other = await kit.room(kit.chat('bob'), 'polled');
    await other.presence.enter();
    const view = kit.renderWithKit(
      <PresenceRoom name="polled">
        <Count metric="connections" />
      </PresenceRoom>,
      { client: kit.chat('alice') },
    );
    expect(screen.getByText('loading')).toBeTruthy();
    await waitFor(() => expect(screen.getByText('connections=2')).toBeTruthy(), WAIT);
    view.rerenderWithKit(
      <PresenceRoom name="polled">
        <Count metric="presenceMembers" />
      </PresenceRoom>,
    );
    // The new selector reads the same polled metrics in the same render: no stale value, no new request needed.
    expect(screen.getByText('presenceMembers=1')).toBeTruthy();
  });

  it('reports readiness: not synced and no occupancy before attaching, both once the server answered', async () => {
    const kit = await startKit();
    const seen: string[] = [];
    kit.renderWithKit(
      <PresenceRoom name="ready" options={{ occupancy: { enableEvents: true } }}>
        <Ready seen={seen} />
      </PresenceRoom>,
      { client: kit.chat('alice') },
    );
    await waitFor(() => expect(screen.getByText('attached:true:true')).toBeTruthy(), WAIT);
    expect(seen[0]).toBe('initialized:false:false');
  });
});
