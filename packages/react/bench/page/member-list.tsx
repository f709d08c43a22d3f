import { memo, useLayoutEffect } from 'react';
import type { Probe } from './probe.js';

/** The fields both SDKs' members share, and all the list reads. */
export interface ListMember {
  readonly clientId: string;
  readonly connectionId: string;
  readonly data: unknown;
}

/** The members to show and the probe to report each commit to. */
export interface MemberListProps {
  members: readonly ListMember[];
  probe: Probe;
}

/**
 * The list both sides render, unchanged between them: one memoized row per member, keyed by clientId and
 * connectionId. A row re-renders only when its member object changes, which is the usual way to write such a list.
 */
export function MemberList({ members, probe }: MemberListProps) {
  // A layout effect runs after React has written this commit to the DOM and before the browser paints it.
  useLayoutEffect(() => probe.onCommit(members), [members, probe]);
  return (
    <ul className="members">
      {members.map((member) => (
        <Row key={`${member.clientId}:${member.connectionId}`} member={member} />
      ))}
    </ul>
  );
}

/** One member's row, shared by every list in the bench. */
export function MemberRow({ member }: { member: ListMember }) {
  const data = member.data as { v?: number } | undefined;
  return (
    <li data-version={data?.v}>
      {member.clientId} v{data?.v}
    </li>
  );
}

const Row = memo(MemberRow);
