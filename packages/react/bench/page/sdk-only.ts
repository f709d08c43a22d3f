import type { ChatClient, RoomOptions } from '@ably/chat';
import type { Probe } from './probe.js';

/**
 * The baseline: attach the room, read the members once, then hand every presence event's member to the probe.
 * No React and no DOM, so its main-thread time is what the SDKs themselves cost for the burst.
 */
export async function mountSdkOnly(
  client: ChatClient,
  name: string,
  options: RoomOptions,
  probe: Probe,
): Promise<void> {
  const room = await client.rooms.get(name, options);
  room.presence.subscribe((event) => probe.observe([event.member]));
  await room.attach();
  const members = await room.presence.get({ waitForSync: true });
  probe.members = members.length;
  probe.observe(members);
  probe.commits++;
}
