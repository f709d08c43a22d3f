import {
  shallow,
  useOccupancy,
  useOthers,
  usePeople,
  usePresenceListener,
  useRoomStatus,
  useSelf,
} from '@presence-kit/react';
import { dataText } from '../observer-view.js';

/**
 * What a user of the page sees, rendered by the kit's hooks: every member (connection) with its data, every person
 * with their connection count, the others, self, occupancy and readiness. The driver reads it back from the DOM.
 * Presence data is rendered as text only (it comes from other users).
 */
export function RoomView() {
  const members = usePresenceListener();
  const people = usePeople({
    select: (list) => list.map((p) => `${p.clientId}=${p.connections.length}`),
    isEqual: shallow,
  });
  const others = useOthers({ select: (list) => list.map((p) => p.clientId), isEqual: shallow });
  const self = useSelf();
  const occupancy = useOccupancy();
  const { status, isSynced, hasOccupancy } = useRoomStatus();
  return (
    <section data-room-status={status} data-synced={String(isSynced)}>
      <h2>Here now</h2>
      <ul aria-label="members">
        {members.map((m) => (
          <li key={m.key} data-client-id={m.clientId} data-connection-id={m.connectionId} data-data={dataText(m.data)}>
            {m.clientId}
          </li>
        ))}
      </ul>
      <ul aria-label="people">
        {people.map((entry) => (
          <li key={entry} data-person={entry}>
            {entry}
          </li>
        ))}
      </ul>
      <ul aria-label="others">
        {others.map((clientId) => (
          <li key={clientId} data-other={clientId}>
            {clientId}
          </li>
        ))}
      </ul>
      <p data-self={self ? self.key : ''}>{self ? `me: ${self.clientId}` : 'not present'}</p>
      <output aria-live="polite" data-occupancy={hasOccupancy ? JSON.stringify(occupancy) : ''}>
        {occupancy.connections} watching
      </output>
    </section>
  );
}
