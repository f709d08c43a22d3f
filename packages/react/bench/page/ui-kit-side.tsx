import { ChatClientProvider, ChatRoomProvider, usePresenceListener } from '@ably/chat/react';
import { AvatarProvider, ParticipantList } from '@ably/chat-react-ui-kit';
import { useLayoutEffect } from 'react';
import type { SideProps } from './our-side.js';
import type { Probe } from './probe.js';

/** Nobody types in the bench; a module constant so the list never sees a new Set. */
const NOBODY_TYPING = new Set<string>();
const POSITION = { top: 0, left: 320 };
const ignoreToggle = () => {};

/**
 * Side C: `@ably/chat-react-ui-kit`'s `<ParticipantList/>` fed by `@ably/chat/react`'s `usePresenceListener()`, as its
 * own documentation wires it, inside the `<AvatarProvider>` its rows need (default options). Its rows show a clientId,
 * an avatar and a status, not the member's data, so the probe reads `presenceData` in a layout effect after each
 * commit: the same one pass per commit B's list makes.
 */
export function UiKitSide({ client, room, options, probe }: SideProps) {
  return (
    <ChatClientProvider client={client}>
      <ChatRoomProvider name={room} options={options}>
        <AvatarProvider>
          <UiKitList probe={probe} />
        </AvatarProvider>
      </ChatRoomProvider>
    </ChatClientProvider>
  );
}

function UiKitList({ probe }: { probe: Probe }) {
  const { presenceData } = usePresenceListener();
  useLayoutEffect(() => probe.onCommit(presenceData), [presenceData, probe]);
  return (
    <ParticipantList
      presenceData={presenceData}
      currentClientId="bench-viewer"
      currentlyTyping={NOBODY_TYPING}
      onToggle={ignoreToggle}
      position={POSITION}
    />
  );
}
