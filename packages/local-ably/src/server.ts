import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer } from 'ws';
import { Authenticator } from './auth/authenticator.js';
import { Capability } from './auth/capability.js';
import { KeyStore } from './auth/keys.js';
import { TokenExpiry } from './auth/token-expiry.js';
import { TokenIssuer } from './auth/token-request.js';
import { LocalTokenVerifier } from './auth/token-verifier.js';
import { ChannelRegistry } from './channels/channel-registry.js';
import { ChannelService } from './channels/channel-service.js';
import { MessageHistory } from './channels/message-history.js';
import { MessageService } from './channels/message-service.js';
import { ChatMessages } from './chat/chat-messages.js';
import { FaultController } from './faults.js';
import { Inspector } from './inspection/inspector.js';
import { OccupancyNotifier } from './occupancy/occupancy-notifier.js';
import { type LocalAblyOptions, type ResolvedOptions, resolveOptions } from './options.js';
import { OriginGuard } from './origin-guard.js';
import { PresenceHistory } from './presence/presence-history.js';
import { PresenceService } from './presence/presence-service.js';
import { Action } from './protocol/actions.js';
import { AblyError, ErrorCode } from './protocol/errors.js';
import type { ProtocolMessage } from './protocol/types.js';
import type { Connection } from './realtime/connection.js';
import { connectionDetails, handleSocket, maxFrameSize } from './realtime/connection-handler.js';
import { ConnectionRegistry } from './realtime/connection-registry.js';
import type { DispatchServices } from './realtime/dispatcher.js';
import { refuseUpgrade } from './realtime/refuse-upgrade.js';
import { createHttpHandler } from './rest/http-handler.js';
import { Router } from './rest/router.js';
import { adminRoutes } from './rest/routes/admin-routes.js';
import { batchPresenceRoute } from './rest/routes/batch-presence.js';
import { channelEnumerationRoute } from './rest/routes/channel-enumeration.js';
import { chatMessageRoutes } from './rest/routes/chat-messages.js';
import { channelStatusRoute, chatOccupancyRoute } from './rest/routes/occupancy.js';
import { presenceRoute } from './rest/routes/presence.js';
import { presenceHistoryRoute } from './rest/routes/presence-history.js';
import { requestTokenRoute } from './rest/routes/request-token.js';
import { timeRoute } from './rest/routes/time.js';
import { SimulationManager } from './simulation/simulation-manager.js';

/** `ably` ClientOptions that point the real SDK at this server. */
export interface LocalAblyClientOptions {
  key: string;
  endpoint: string;
  port: number;
  tls: false;
  clientId?: string;
}

/** A running local-ably server. */
export interface LocalAbly {
  readonly host: string;
  readonly port: number;
  /** `http://host:port`, for REST and the admin API. */
  readonly url: string;
  /** The first configured key, `keyName:secret`. */
  readonly key: string;
  readonly options: ResolvedOptions;
  /** ClientOptions for `new Ably.Realtime(...)` / `new Ably.Rest(...)`; add `clientId` for presence. */
  clientOptions(clientId?: string): LocalAblyClientOptions;
  /** Network faults on demand, including a restart that keeps or loses state. */
  readonly faults: FaultController;
  /** Sends AUTH to a connection, as the server does before its token expires: the SDK renews in band. */
  requestReauth(connectionId: string): void;
  /** Simulated presence members (many, churning) in rooms and channels. */
  readonly simulation: SimulationManager;
  /** Read-only views of rooms, channels, connections and members, for tests and a developer panel. */
  readonly inspect: Inspector;
  /** Counts of live state, for tests and the developer panel. */
  stats(): { connections: number; channels: number; members: number };
  close(): Promise<void>;
}

/**
 * Starts local-ably: one port serving Ably's realtime protocol (WebSocket) and REST endpoints, bound to loopback.
 * It is for development and tests; production apps use Ably itself.
 *
 * @example
 * const server = await startLocalAbly({ port: 0, presenceLeaveDelayMs: 200 });
 * const realtime = new Ably.Realtime(server.clientOptions('alice'));
 * // ...
 * await server.close();
 */
export async function startLocalAbly(options: LocalAblyOptions = {}): Promise<LocalAbly> {
  const resolved = resolveOptions(options);
  const keys = new KeyStore(resolved.keys);
  const keyCapability = (keyName: string): Capability => {
    const spec = resolved.keyCapabilities[keyName];
    return spec ? new Capability(spec) : Capability.full();
  };
  const authenticator = new Authenticator(keys, new LocalTokenVerifier(keys, keyCapability), keyCapability);
  const tokenIssuer = new TokenIssuer(keys, keyCapability);
  const tokenExpiry = new TokenExpiry();
  const channels = new ChannelRegistry(randomBytes(4).toString('hex'));
  const occupancy = new OccupancyNotifier(channels, resolved.occupancyDebounceMs);
  const presenceHistory = new PresenceHistory({
    eventsPerChannel: resolved.presenceHistoryLimit,
    channels: resolved.presenceHistoryChannels,
  });
  const messageHistory = new MessageHistory({
    messagesPerChannel: resolved.messageHistoryLimit,
    channels: resolved.messageHistoryChannels,
    bytes: resolved.messageHistoryBytes,
  });
  const presence = new PresenceService(channels, occupancy, resolved.maxMessageSize, presenceHistory);
  const channelService = new ChannelService(channels, presence, occupancy, resolved.syncPageSize, messageHistory);
  const connections = new ConnectionRegistry(channelService, resolved);
  const messages = new MessageService(channels, resolved.maxMessageSize, messageHistory);
  const chatMessages = new ChatMessages(channels, messageHistory, resolved.maxMessageSize);
  const simulation = new SimulationManager({ channels, presence, occupancy });
  // A restart that loses state forgets what a real server keeps in memory. The sockets are cut before this runs, and
  // the new channelSerial epoch means no channel can look continuous to a client.
  const faults = new FaultController(connections, () => {
    simulation.reset();
    connections.reset();
    channels.reset(randomBytes(4).toString('hex'));
    presenceHistory.clear();
    messageHistory.clear();
    chatMessages.clear();
  });
  const inspector = new Inspector(channels, connections, simulation);

  const services: DispatchServices = {
    connections,
    channels: channelService,
    presence,
    messages,
    reauthorize: (connection, message) => {
      try {
        reauthorize(resolved, authenticator, connection, message);
      } catch (error) {
        const info = AblyError.from(error).toErrorInfo();
        if (!isTokenError(info.code)) throw error;
        // A bad token in AUTH (e.g. an already-expired one) is the same as expiry: the SDK renews and resumes, so
        // keep the connection (DISCONNECTED, not a fatal ERROR) and its members.
        connection.transport?.end({ action: Action.DISCONNECTED, error: info });
        return;
      }
      tokenExpiry.track(connection);
      channelService.enforceCapability(connection);
    },
  };

  const router = new Router().add(
    timeRoute,
    requestTokenRoute(tokenIssuer),
    chatOccupancyRoute(channels),
    channelStatusRoute(channels),
    ...chatMessageRoutes(chatMessages),
  );
  router.add(
    presenceRoute(channels),
    presenceHistoryRoute(presenceHistory),
    batchPresenceRoute(channels),
    channelEnumerationRoute(channels),
  );
  router.add(...adminRoutes({ inspector, faults, simulation }));
  const origins = new OriginGuard(resolved.allowedOrigins, resolved.logger);
  const server = createServer(createHttpHandler(router, authenticator, origins));
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxFrameSize(resolved) * 4 });
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('upgrade', (request, socket, head) => {
    const path = new URL(request.url ?? '/', 'http://local-ably').pathname;
    if (path !== '/' || faults.refusing) {
      socket.destroy();
      return;
    }
    // Refused before the upgrade: browsers apply no CORS to WebSockets, so this is the only check a page meets.
    const refusal = origins.refusal(request.headers.origin);
    if (refusal) {
      refuseUpgrade(socket, 403, refusal);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      handleSocket(
        { options: resolved, authenticator, connections, services, onPrincipal: (c) => tokenExpiry.track(c) },
        ws,
        request,
      );
    });
  });

  await listen(server, resolved.port, resolved.host);
  const port = (server.address() as AddressInfo).port;
  const host = resolved.host;
  const firstKey = resolved.keys[0] ?? '';

  return {
    host,
    port,
    url: `http://${host}:${port}`,
    key: firstKey,
    options: resolved,
    faults,
    requestReauth: (connectionId) => {
      const connection = connections.get(connectionId);
      if (!connection)
        throw new AblyError(ErrorCode.NotFound, 404, `No connection "${connectionId}" on this local-ably server`);
      tokenExpiry.requestReauth(connection);
    },
    simulation,
    inspect: inspector,
    clientOptions: (clientId) => ({
      key: firstKey,
      endpoint: host,
      port,
      tls: false,
      ...(clientId ? { clientId } : {}),
    }),
    stats: () => {
      let members = 0;
      for (const channel of channels.values()) members += channel.presence.size;
      return { connections: connections.size, channels: channels.size, members };
    },
    close: async () => {
      simulation.close();
      for (const connection of [...connections.values()]) {
        connection.transport?.terminate();
        connections.discard(connection);
      }
      for (const channel of channels.values()) clearTimeout(channel.occupancyTimer);
      wss.close();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Ably's token error range: the SDK answers these by renewing its token rather than failing. */
function isTokenError(code: number): boolean {
  return code >= 40140 && code < 40150;
}

function reauthorize(
  options: ResolvedOptions,
  authenticator: Authenticator,
  connection: Connection,
  message: ProtocolMessage,
): void {
  const token = message.auth?.accessToken;
  if (!token) throw new AblyError(ErrorCode.BadRequest, 400, 'AUTH needs auth.accessToken');
  const principal = authenticator.authenticate({ kind: 'token', token }, undefined);
  if (principal.clientId !== connection.clientId && principal.clientId !== '*') {
    throw new AblyError(
      ErrorCode.IncompatibleCredentials,
      401,
      `Incompatible credentials: the new token is for clientId "${principal.clientId}", the connection is "${connection.clientId}"`,
    );
  }
  connection.principal =
    principal.clientId === '*' && connection.clientId !== undefined && connection.clientId !== '*'
      ? { ...principal, clientId: connection.clientId, wildcard: true }
      : { ...principal, clientId: connection.clientId };
  const [key] = [...connection.keys].slice(-1);
  connection.send({
    action: Action.CONNECTED,
    connectionId: connection.id,
    connectionKey: key,
    connectionDetails: connectionDetails(options, connection, key ?? ''),
  });
}
