import { ChatClientProvider, ChatRoomProvider, usePresenceListener } from '@ably/chat/react';
import { MemberList } from './member-list.js';
import type { SideProps } from './our-side.js';
import type { Probe } from './probe.js';

/** Side B: `@ably/chat/react`'s `usePresenceListener()` feeding the same list. */
export function AblyChatSide({ client, room, options, probe }: SideProps) {
  return (
    <ChatClientProvider client={client}>
      <ChatRoomProvider name={room} options={options}>
        <AblyChatList probe={probe} />
      </ChatRoomProvider>
    </ChatClientProvider>
  );
}

function AblyChatList({ probe }: { probe: Probe }) {
  const { presenceData } = usePresenceListener();
  return <MemberList members={presenceData} probe={probe} />;
}
