import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useMemberKeys } from '../../src/hooks/use-member-keys.js';
import { useOthers } from '../../src/hooks/use-others.js';
import { usePerson } from '../../src/hooks/use-person.js';
import { usePersonIds } from '../../src/hooks/use-person-ids.js';
import { usePresence } from '../../src/hooks/use-presence.js';
import { PresenceRoom } from '../../src/provider/presence-room.js';
import { createManualFrameScheduler } from '../../src/store/frame-scheduler.js';
import type { Person } from '../../src/store/types.js';
import { createRenderCounter, eventually, startKit } from '../support/render-with-kit.js';

const WAIT = { timeout: 5_000 };

interface Profile {
  name: string;
}

type RenderCounter = ReturnType<typeof createRenderCounter>;
const nameOf = (person: Person<Profile> | undefined) => person?.latest.data?.name;

function DeviceRow({ clientId }: { clientId: string }) {
  const person = usePerson<Profile>({ clientId });
  return (
    <li>
      {person?.latest.data?.name}×{person?.connections.length}
    </li>
  );
}

/** Alice's view: she is present, lists everyone by person id, and records others and the key lists. */
function PeopleList({
  seen,
}: {
  seen: { others?: readonly Person<Profile>[]; ids?: readonly string[]; keys?: readonly string[] };
}) {
  usePresence({ data: { name: 'Alice' } });
  seen.others = useOthers<Profile>();
  seen.ids = usePersonIds({ others: true });
  seen.keys = useMemberKeys();
  return (
    <ul>
      {usePersonIds().map((id) => (
        <DeviceRow key={id} clientId={id} />
      ))}
    </ul>
  );
}

function NameRow({ clientId, renders }: { clientId: string; renders: RenderCounter }) {
  renders.bump(clientId);
  return <li>{usePerson({ clientId, select: nameOf })}</li>;
}

function NameList({
  history,
  renders,
}: {
  history: { ids: readonly string[]; keys: readonly string[] }[];
  renders: RenderCounter;
}) {
  const ids = usePersonIds();
  history.push({ ids, keys: useMemberKeys() });
  return (
    <ul>
      {ids.map((id) => (
        <NameRow key={id} clientId={id} renders={renders} />
      ))}
    </ul>
  );
}

function Others({ seen }: { seen: (readonly Person<Profile>[])[] }) {
  seen.push(useOthers<Profile>());
  return null;
}

function Me({ name, seen }: { name: string; seen: (readonly Person<Profile>[])[] }) {
  usePresence({ data: { name } });
  seen.push(useOthers<Profile>());
  return <p>{usePerson({ clientId: 'alice', select: nameOf })}</p>;
}

describe('others and identity-stable id lists', () => {
  it('counts a user with two tabs once, leaves me out of others, and keys rows without duplicates', async () => {
    const kit = await startKit();
    // Bob has two tabs (two connections); Carol one.
    for (const [clientId, name] of [
      ['bob', 'Bob'],
      ['bob', 'Bob'],
      ['carol', 'Carol'],
    ] as const) {
      const room = await kit.room(kit.chat(clientId), 'ids');
      await room.presence.enter({ name });
    }
    const seen: { others?: readonly Person<Profile>[]; ids?: readonly string[]; keys?: readonly string[] } = {};
    const errors: unknown[] = [];
    const originalError = console.error;
    console.error = (...args: unknown[]) => {
      errors.push(args);
      originalError(...args);
    };
    try {
      kit.renderWithKit(
        <PresenceRoom name="ids">
          <PeopleList seen={seen} />
        </PresenceRoom>,
        { client: kit.chat('alice') },
      );
      await waitFor(() => expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toHaveLength(3), WAIT);
    } finally {
      console.error = originalError;
    }
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Bob×2', 'Carol×1', 'Alice×1']);
    // React warns on duplicate keys; there must be none.
    expect(errors.filter((args) => String(args).includes('same key'))).toEqual([]);
    expect(seen.others?.map((person) => person.clientId)).toEqual(['bob', 'carol']);
    expect(seen.ids).toEqual(['bob', 'carol']);
    expect(seen.keys).toHaveLength(4);
    expect(new Set(seen.keys).size).toBe(4);
  });

  it('keeps the id lists and others identical across data updates, and re-renders only the changed row', async () => {
    const kit = await startKit();
    const frames = createManualFrameScheduler();
    const bobRoom = await kit.room(kit.chat('bob'), 'stable');
    await bobRoom.presence.enter({ name: 'Bob' });
    const carolRoom = await kit.room(kit.chat('carol'), 'stable');
    await carolRoom.presence.enter({ name: 'Carol' });
    const history: { ids: readonly string[]; keys: readonly string[] }[] = [];
    const othersSeen: (readonly Person<Profile>[])[] = [];
    const renders = createRenderCounter();
    kit.renderWithKit(
      <PresenceRoom name="stable">
        <NameList history={history} renders={renders} />
        <Others seen={othersSeen} />
      </PresenceRoom>,
      { client: kit.chat('alice'), scheduler: frames.schedule },
    );
    await eventually(() => {
      frames.flush();
      expect(screen.queryAllByRole('listitem').map((li) => li.textContent)).toEqual(['Bob', 'Carol']);
    });
    const before = history.at(-1)!;
    const othersBefore = othersSeen.at(-1)!;
    const carolRenders = renders.get('carol');
    const listRenders = history.length;

    await bobRoom.presence.update({ name: 'Robert' });
    await eventually(() => {
      frames.flush();
      expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Robert', 'Carol']);
    });
    // An update changes no id list: the list component did not re-render, and Carol's row did not either.
    expect(history.length).toBe(listRenders);
    expect(renders.get('carol')).toBe(carolRenders);
    expect(history.at(-1)!.ids).toBe(before.ids);
    expect(history.at(-1)!.keys).toBe(before.keys);

    await carolRoom.presence.leave();
    await eventually(() => {
      frames.flush();
      expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Robert']);
    });
    const after = history.at(-1)!;
    expect(after.ids).toEqual(['bob']);
    expect(after.keys).toHaveLength(1);
    const othersAfter = othersSeen.at(-1)!;
    expect(othersAfter.map((person) => person.clientId)).toEqual(['bob']);
    // Bob's person object is new since his update; Carol's leave alone would have kept it.
    expect(othersAfter[0]).not.toBe(othersBefore[0]);
    expect(othersAfter[0]?.latest.data).toEqual({ name: 'Robert' });
  });

  it('keeps others identical when only my own presence changes', async () => {
    const kit = await startKit();
    const frames = createManualFrameScheduler();
    await (await kit.room(kit.chat('bob'), 'mine')).presence.enter({ name: 'Bob' });
    const seen: (readonly Person<Profile>[])[] = [];
    const view = kit.renderWithKit(
      <PresenceRoom name="mine">
        <Me name="A1" seen={seen} />
      </PresenceRoom>,
      { client: kit.chat('alice'), scheduler: frames.schedule },
    );
    await eventually(() => {
      frames.flush();
      expect(screen.getByText('A1')).toBeTruthy();
      expect(seen.at(-1)).toHaveLength(1);
    });
    const others = seen.at(-1);
    view.rerenderWithKit(
      <PresenceRoom name="mine">
        <Me name="A2" seen={seen} />
      </PresenceRoom>,
    );
    await eventually(() => {
      frames.flush();
      expect(screen.getByText('A2')).toBeTruthy();
    });
    expect(seen.at(-1)).toBe(others);
  });
});
