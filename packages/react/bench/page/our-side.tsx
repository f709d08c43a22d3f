import type { ChatClient, RoomOptions } from '@ably/chat';
import { memo, useLayoutEffect } from 'react';
import {
  type Person,
  PresenceKitProvider,
  PresenceRoom,
  usePerson,
  usePersonIds,
  usePresenceListener,
} from '../../src/index.js';
import type { OurList } from './bench-api.js';
import { MemberList, MemberRow } from './member-list.js';
import type { Probe } from './probe.js';

/** What both React sides get: the chat client, the room and its options, and the probe. */
export interface SideProps {
  client: ChatClient;
  room: string;
  options: RoomOptions;
  probe: Probe;
}

/** Side A: `@presence-kit/react`'s `usePresenceListener()` feeding a list. */
export function OurSide({ client, room, options, probe, list }: SideProps & { list: OurList }) {
  return (
    <PresenceKitProvider client={client}>
      <PresenceRoom name={room} options={options}>
        {list === 'plain' ? <PlainList probe={probe} /> : <SelectiveList probe={probe} />}
      </PresenceRoom>
    </PresenceKitProvider>
  );
}

/** The exact list side B renders, fed the whole member array. */
function PlainList({ probe }: { probe: Probe }) {
  const members = usePresenceListener();
  return <MemberList members={members} probe={probe} />;
}

/** A person's latest connection: bench members have one connection each, so this is their only member. */
const selectLatest = (person: Person | undefined) => person?.latest;

/**
 * The kit's pattern for long lists: the list re-renders only when who is present changes (`usePersonIds`, a new
 * array only then); each row reads its own person, so an update re-renders one row.
 */
function SelectiveList({ probe }: { probe: Probe }) {
  const clientIds = usePersonIds();
  useLayoutEffect(() => probe.setCount(clientIds.length), [clientIds, probe]);
  return (
    <ul className="members">
      {clientIds.map((clientId) => (
        <SelectiveRow key={clientId} clientId={clientId} probe={probe} />
      ))}
    </ul>
  );
}

const SelectiveRow = memo(function SelectiveRow({ clientId, probe }: { clientId: string; probe: Probe }) {
  const member = usePerson({ clientId, select: selectLatest });
  useLayoutEffect(() => {
    if (member) probe.observe([member]);
  }, [member, probe]);
  return member ? <MemberRow member={member} /> : null;
});
