import { useLayoutEffect, useState } from 'react';
import { OnlineList } from '../../../react-ui/src/index.js';
import { PresenceKitProvider, PresenceRoom, usePresenceListener } from '../../src/index.js';
import type { SideProps } from './our-side.js';
import type { Probe } from './probe.js';

/** Hands `<OnlineList/>` in from outside, so the 10,000-member bench can time its mount alone (see `showList`). */
export const onlineListControl = { show: (_visible: boolean) => {} };

/**
 * Side A as a user writes it: `<OnlineList/>` from `@presence-kit/react-ui`, virtualized in its fixed-height viewport
 * (24rem, its default). Off-screen rows are never rendered, so the probe cannot read versions from the rows; a headless
 * sibling reads the room's members once per commit instead, the same one pass per commit side B's probe makes.
 */
export function OnlineListSide({
  client,
  room,
  options,
  probe,
  initiallyShown = true,
}: SideProps & { initiallyShown?: boolean }) {
  const [shown, setShown] = useState(initiallyShown);
  onlineListControl.show = setShown;
  return (
    <PresenceKitProvider client={client}>
      <PresenceRoom name={room} options={options}>
        <ProbeFeed probe={probe} />
        {shown ? <OnlineList /> : null}
      </PresenceRoom>
    </PresenceKitProvider>
  );
}

function ProbeFeed({ probe }: { probe: Probe }) {
  const members = usePresenceListener();
  useLayoutEffect(() => probe.onCommit(members), [members, probe]);
  return null;
}
