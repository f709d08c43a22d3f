import type { OccupancyMetrics } from '@presence-kit/local-ably';
import type { PresenceIntent } from './chaos-client.js';
import { dataText, type ObserverView, type ViewMember } from './observer-view.js';
import type { ServerTruth } from './server-truth.js';

/** Kinds of disagreement. All but `unsettled` count as something lost when they outlast the quiet timeout. */
export type DisagreementKind = 'unsettled' | 'lost' | 'ghost' | 'doubled' | 'stale' | 'occupancy' | 'self';

export interface Disagreement {
  kind: DisagreementKind;
  detail: string;
}

/** One client as the check sees it at one moment. */
export interface ClientState {
  clientId: string;
  intent: PresenceIntent;
  connectionId: string | undefined;
  connection: string;
  room: string;
  idle: boolean;
  view: ObserverView;
}

const key = (m: Pick<ViewMember, 'clientId' | 'connectionId'>) => `${m.clientId}:${m.connectionId}`;

const OCCUPANCY_FIELDS: ReadonlyArray<keyof OccupancyMetrics> = [
  'connections',
  'publishers',
  'subscribers',
  'presenceConnections',
  'presenceMembers',
  'presenceSubscribers',
  'objectPublishers',
  'objectSubscribers',
];

/**
 * Everything that must hold once the run is quiet: every client connected and attached with nothing in flight; the
 * server holds exactly the intended members (one per present client, on its current connection, with its latest
 * data) and no connection waiting out a drop; and every observer shows exactly the server's members, people, others,
 * self and occupancy, with nobody twice.
 */
export function disagreements(truth: ServerTruth, clients: readonly ClientState[]): Disagreement[] {
  const out: Disagreement[] = [];
  const add = (kind: DisagreementKind, detail: string) => out.push({ kind, detail });

  for (const client of clients) {
    if (client.connection !== 'connected' || client.room !== 'attached') {
      add('unsettled', `${client.clientId} is ${client.connection}/${client.room}`);
    }
    if (!client.idle) add('unsettled', `${client.clientId} has presence in flight`);
  }
  const current = new Set(clients.map((c) => c.connectionId));
  // A dropped connection nobody resumed waits out its state TTL (counted in occupancy, which the observers must show
  // too); its members must be gone after the leave delay, which the member checks below see. A *live* connection that
  // is no client's current one is a half-open peer the server has not cut yet: not quiet.
  for (const connection of truth.connections) {
    if (connection.state === 'connected' && !current.has(connection.id)) {
      add('unsettled', `server still has a live old connection ${connection.id}`);
    }
  }

  // The server against the clients' intents.
  const serverByClient = new Map<string, ViewMember[]>();
  for (const member of truth.members) {
    serverByClient.set(member.clientId, [...(serverByClient.get(member.clientId) ?? []), member]);
  }
  for (const client of clients) {
    const held = serverByClient.get(client.clientId) ?? [];
    serverByClient.delete(client.clientId);
    if (!client.intent.present) {
      for (const member of held) add('ghost', `server holds ${key(member)} although ${client.clientId} left`);
      continue;
    }
    if (held.length === 0) add('lost', `server lost ${client.clientId}, who wants to be present`);
    if (held.length > 1) add('doubled', `server holds ${client.clientId} ${held.length} times`);
    for (const member of held) {
      if (member.connectionId !== client.connectionId)
        add('ghost', `server holds ${key(member)} from an old connection`);
      else if (member.data !== dataText(client.intent.data)) {
        add('stale', `server has ${client.clientId}'s data ${member.data}, wanted ${dataText(client.intent.data)}`);
      }
    }
  }
  for (const [clientId] of serverByClient) add('ghost', `server holds ${clientId}, who is no chaos client`);

  // Every observer against the server.
  const serverKeys = new Map(truth.members.map((m) => [key(m), m]));
  const serverPeople = [...new Set(truth.members.map((m) => m.clientId))].sort();
  for (const client of clients) {
    const { view } = client;
    const who = `${client.clientId} (observer)`;
    if (!view.isSynced) add('unsettled', `${who} has not synced`);
    const shown = new Map<string, ViewMember>();
    for (const member of view.members) {
      if (shown.has(key(member))) add('doubled', `${who} shows ${key(member)} twice`);
      shown.set(key(member), member);
      const held = serverKeys.get(key(member));
      if (!held) add('ghost', `${who} shows ${key(member)}, which the server does not hold`);
      else if (held.data !== member.data)
        add('stale', `${who} shows ${key(member)} with ${member.data}, server ${held.data}`);
    }
    for (const k of serverKeys.keys()) if (!shown.has(k)) add('lost', `${who} misses ${k}`);
    if (new Set(view.people).size !== view.people.length) add('doubled', `${who} lists a person twice`);
    if ([...view.people].sort().join() !== serverPeople.join()) {
      add('lost', `${who} shows people [${[...view.people].sort()}], server [${serverPeople}]`);
    }
    for (const person of serverPeople) {
      const expected = truth.members.filter((m) => m.clientId === person).length;
      const counted = view.connectionsPerPerson[person] ?? 0;
      if (counted !== expected)
        add('doubled', `${who} counts ${counted} connections for ${person}, server ${expected}`);
    }
    const expectedOthers = serverPeople.filter((p) => p !== client.clientId);
    if ([...view.others].sort().join() !== expectedOthers.join()) add('self', `${who} shows others [${view.others}]`);
    const expectedSelf =
      client.intent.present && client.connectionId ? [`${client.clientId}:${client.connectionId}`] : [];
    if (serverKeys.has(expectedSelf[0] ?? '') || expectedSelf.length === 0) {
      if (view.self.join() !== expectedSelf.join())
        add('self', `${who} shows self [${view.self}], wanted [${expectedSelf}]`);
    }
    if (view.components) {
      const listed = [...view.components.onlineList].sort();
      if (listed.join() !== serverPeople.join())
        add('lost', `${who}'s <OnlineList> shows [${listed}], server [${serverPeople}]`);
      if (view.components.peopleCount !== serverPeople.length) {
        add(
          'lost',
          `${who}'s <ViewerCount people> shows ${view.components.peopleCount}, server ${serverPeople.length}`,
        );
      }
      if (view.components.connectionsCount !== truth.occupancy?.connections) {
        add(
          'occupancy',
          `${who}'s <ViewerCount connections> shows ${view.components.connectionsCount}, server ${truth.occupancy?.connections}`,
        );
      }
    }
    const wrong = OCCUPANCY_FIELDS.filter((field) => view.occupancy?.[field] !== truth.occupancy?.[field]);
    if (wrong.length > 0) {
      add(
        'occupancy',
        `${who} shows ${wrong.map((f) => `${f}=${view.occupancy?.[f]}`).join(' ')}, server ${wrong.map((f) => `${f}=${truth.occupancy?.[f]}`).join(' ')}`,
      );
    }
  }
  return out;
}
