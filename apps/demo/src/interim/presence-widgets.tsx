// Stand-ins for @presence-kit/react-ui's components until that package lands on this branch (issue #8).
// They use the hooks directly and render presence data as text only.
import { useOccupancy, usePeople } from '@presence-kit/react';
import { useActiveRoomsQuery } from '@presence-kit/react/query';
import type { DemoPresence } from '../identity/demo-presence.js';

const safeAvatar = (url: string | undefined) => (url && /^(https?:|blob:|data:image\/)/i.test(url) ? url : undefined);

export function ViewerCount() {
  const connections = useOccupancy({ select: (o) => o.connections });
  return (
    <output className="viewer-count" aria-live="polite">
      <strong>{connections.toLocaleString()}</strong> watching
    </output>
  );
}

export function AvatarStack({ max = 5 }: { max?: number }) {
  const people = usePeople<DemoPresence>();
  const shown = people.slice(0, max);
  return (
    <ul className="avatar-stack" aria-label={`${people.length} people here`}>
      {shown.map((person) => {
        const data = person.latest.data;
        const src = safeAvatar(data?.avatarUrl);
        return (
          <li key={person.clientId} title={data?.name ?? person.clientId}>
            {src ? (
              <img src={src} alt={data?.name ?? ''} width={32} height={32} />
            ) : (
              <span>{(data?.name ?? '?').slice(0, 2)}</span>
            )}
          </li>
        );
      })}
      {people.length > max && <li>+{people.length - max}</li>}
    </ul>
  );
}

export function OnlineList() {
  const people = usePeople<DemoPresence>();
  return (
    <ul className="online-list" aria-label="Online">
      {people.slice(0, 200).map((person) => (
        <li key={person.clientId}>
          <span>{person.latest.data?.name ?? person.clientId}</span> <small>{person.latest.data?.status}</small>
        </li>
      ))}
    </ul>
  );
}

export function StatusPicker({
  value,
  onChange,
  statuses,
}: {
  value: string;
  onChange(status: string): void;
  statuses: readonly string[];
}) {
  return (
    <label className="status-picker">
      My status{' '}
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        {statuses.map((status) => (
          <option key={status}>{status}</option>
        ))}
      </select>
    </label>
  );
}

export function ActiveRooms({ onSelect }: { onSelect(room: string): void }) {
  const query = useActiveRoomsQuery({ refetchInterval: 5_000 });
  const rooms = query.data?.pages.flatMap((page) => page.rooms) ?? [];
  return (
    <ul className="active-rooms">
      {rooms.map((room) => (
        <li key={room.room}>
          <button type="button" onClick={() => onSelect(room.room)}>
            {room.room}
          </button>{' '}
          {room.metrics.connections}
        </li>
      ))}
    </ul>
  );
}
