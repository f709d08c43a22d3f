import type { ChatClient, Room } from '@ably/chat';
import { useEffect, useId, useRef, useState } from 'react';
import type { LiveConnection } from './connect.js';

const NAMES = [
  'Ada Lovelace',
  'Alan Turing',
  'Grace Hopper',
  'Katherine Johnson',
  'Linus Torvalds',
  'Margaret Hamilton',
];
const STATUSES = ['online', 'away', 'busy'];

interface Member {
  clientId: string;
  name: string;
  status: string;
  chat: ChatClient;
  room: Room;
}

/**
 * Controls for a live story: in-browser members (each a real ChatClient on its own connection) to add, remove and
 * re-status, and a crowd of simulated members that local-ably keeps in the room.
 */
export function MemberPanel({
  live,
  room,
  simulatedMembers,
  churnPerSecond,
}: {
  live: LiveConnection;
  room: string;
  simulatedMembers: number;
  churnPerSecond: number;
}) {
  const [members, setMembers] = useState<Member[]>([]);
  const [busy, setBusy] = useState(false);
  const [crowd, setCrowd] = useState<string>('');
  const counter = useRef(0);
  const membersRef = useRef(members);
  membersRef.current = members;
  const headingId = useId();

  // Close every in-browser member when the story unmounts.
  useEffect(
    () => () => {
      for (const member of membersRef.current) member.chat.realtime.close();
    },
    [],
  );

  // The crowd follows the story's controls; local-ably replaces a running simulation when the count changes.
  useEffect(() => {
    if (!live.adminUrl) return;
    const url = `${live.adminUrl}/rooms/${encodeURIComponent(room)}/simulation`;
    if (simulatedMembers <= 0) {
      void fetch(url, { method: 'DELETE' }).catch(() => {});
      setCrowd('');
      return;
    }
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ count: simulatedMembers, churnPerSecond }),
    }).then(
      (response) => setCrowd(response.ok ? `${simulatedMembers} simulated` : `simulation failed (${response.status})`),
      () => setCrowd('simulation failed'),
    );
    return () => void fetch(url, { method: 'DELETE' }).catch(() => {});
  }, [live.adminUrl, room, simulatedMembers, churnPerSecond]);

  async function add() {
    setBusy(true);
    try {
      const index = counter.current++;
      const name = `${NAMES[index % NAMES.length]}${index >= NAMES.length ? ` ${Math.floor(index / NAMES.length) + 1}` : ''}`;
      const clientId = `member-${index}-${Math.random().toString(36).slice(2, 6)}`;
      const chat = live.chat(clientId);
      const joined = await chat.rooms.get(room);
      await joined.attach();
      await joined.presence.enter({ name, status: 'online' });
      setMembers((list) => [...list, { clientId, name, status: 'online', chat, room: joined }]);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    const last = members.at(-1);
    if (!last) return;
    setMembers((list) => list.slice(0, -1));
    await last.room.presence.leave().catch(() => {});
    last.chat.realtime.close();
  }

  async function setStatus(member: Member, status: string) {
    setMembers((list) => list.map((item) => (item === member ? { ...item, status } : item)));
    await member.room.presence.update({ name: member.name, status });
  }

  return (
    <section className="pk-live__panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Simulated members</h2>
      <p className="pk-live__via">
        Connected to {live.via}. Room <code>{room}</code>. {crowd}
      </p>
      <div className="pk-live__buttons">
        <button type="button" className="pk-button" onClick={add} disabled={busy}>
          Add member
        </button>
        <button type="button" className="pk-button" onClick={remove} disabled={members.length === 0}>
          Remove member
        </button>
      </div>
      <ul className="pk-live__members">
        {members.map((member) => (
          <li key={member.clientId}>
            <label>
              {member.name}{' '}
              <select value={member.status} onChange={(event) => void setStatus(member, event.target.value)}>
                {STATUSES.map((status) => (
                  <option key={status}>{status}</option>
                ))}
              </select>
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}
