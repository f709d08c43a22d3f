import type { IncomingMessage } from 'node:http';
import type { RawData, WebSocket } from 'ws';
import type { Authenticator, Credentials } from '../auth/authenticator.js';
import type { Principal } from '../auth/principal.js';
import type { ResolvedOptions } from '../options.js';
import { Action } from '../protocol/actions.js';
import { decodeFrame, parseFormat } from '../protocol/codec.js';
import { AblyError, ErrorCode } from '../protocol/errors.js';
import { assertPlainData } from '../protocol/plain-data.js';
import type { ConnectionDetails, ProtocolMessage } from '../protocol/types.js';
import { validateInbound } from '../protocol/validate.js';
import type { Connection } from './connection.js';
import type { ConnectionRegistry } from './connection-registry.js';
import { type DispatchServices, dispatch, reject } from './dispatcher.js';
import { Transport } from './transport.js';

const SERVER_ID = 'local-ably';

export interface ConnectionHandlerDeps {
  options: ResolvedOptions;
  authenticator: Authenticator;
  connections: ConnectionRegistry;
  services: DispatchServices;
  /** Called when a principal with an expiry is bound to a connection (token expiry timers live with the token code). */
  onPrincipal?(connection: Connection): void;
}

/** Takes a freshly upgraded WebSocket through authentication, resume and CONNECTED, then feeds it frames. */
export function handleSocket(deps: ConnectionHandlerDeps, socket: WebSocket, request: IncomingMessage): void {
  const query = new URL(request.url ?? '/', 'http://local-ably').searchParams;
  const format = parseFormat(query.get('format'));
  let connection: Connection | undefined;
  const transport = new Transport(socket, {
    format: format ?? 'json',
    heartbeats: query.get('heartbeats') === 'true',
    keepAliveIntervalMs: deps.options.keepAliveIntervalMs,
    maxBufferedBytes: deps.options.maxBufferedBytes,
    idleTimeoutMs: deps.options.maxIdleIntervalMs + deps.options.idleGraceMs,
    onFailure: (reason) => {
      const who = connection
        ? `connection ${connection.id} (clientId ${connection.clientId ?? 'none'})`
        : 'a connection';
      deps.options.logger.warn(`local-ably: dropped ${who}: ${reason}`);
      if (connection) connection.lastFailure = reason;
    },
  });
  socket.on('error', () => {});
  try {
    if (!format)
      throw new AblyError(
        ErrorCode.BadRequest,
        400,
        `Unsupported format "${query.get('format')}"; use json or msgpack`,
      );
    checkVersion(query.get('v'));
    const principal = deps.authenticator.authenticate(credentialsFrom(query), query.get('clientId') ?? undefined);
    connection = connect(deps, principal, query, transport);
  } catch (error) {
    transport.end({ action: Action.ERROR, error: AblyError.from(error).toErrorInfo() });
    return;
  }
  const live = connection;
  socket.on('message', (raw, isBinary) => onFrame(deps, live, transport, raw, isBinary));
  socket.on('close', () => {
    if (live.transport === transport) deps.connections.dropped(live);
  });
}

function connect(
  deps: ConnectionHandlerDeps,
  principal: Principal,
  query: URLSearchParams,
  transport: Transport,
): Connection {
  const resumeKey = query.get('resume') ?? query.get('recover') ?? undefined;
  const previous = resumeKey ? deps.connections.findByKey(resumeKey) : undefined;
  let connection: Connection;
  let error: ProtocolMessage['error'];
  if (
    previous &&
    previous.principal.clientId === principal.clientId &&
    previous.principal.keyName === principal.keyName
  ) {
    connection = previous;
    const stale = connection.transport;
    connection.transport = undefined;
    stale?.terminate();
    deps.connections.resumed(connection);
    connection.principal = principal;
  } else {
    connection = deps.connections.create(principal, query.get('echo') !== 'false');
    if (resumeKey) {
      error = {
        code: ErrorCode.ConnectionRecoveryFailed,
        statusCode: 400,
        message: 'Unable to recover connection: the connection key is unknown or has expired',
      };
    }
  }
  connection.transport = transport;
  const connectionKey = deps.connections.issueKey(connection);
  const message: ProtocolMessage = {
    action: Action.CONNECTED,
    connectionId: connection.id,
    connectionKey,
    connectionDetails: connectionDetails(deps.options, connection, connectionKey),
  };
  if (error) message.error = error;
  transport.send(message);
  deps.onPrincipal?.(connection);
  return connection;
}

export function connectionDetails(
  options: ResolvedOptions,
  connection: Connection,
  connectionKey: string,
): ConnectionDetails {
  const details: ConnectionDetails = {
    connectionKey,
    maxMessageSize: options.maxMessageSize,
    maxFrameSize: maxFrameSize(options),
    maxInboundRate: 250,
    maxOutboundRate: 100,
    connectionStateTtl: options.connectionStateTtlMs,
    maxIdleInterval: options.maxIdleIntervalMs,
    serverId: SERVER_ID,
    siteCode: 'local',
  };
  if (connection.clientId !== undefined) details.clientId = connection.clientId;
  return details;
}

export function maxFrameSize(options: ResolvedOptions): number {
  return options.maxMessageSize * 8;
}

function onFrame(
  deps: ConnectionHandlerDeps,
  connection: Connection,
  transport: Transport,
  raw: RawData,
  isBinary: boolean,
): void {
  if (connection.transport !== transport) return;
  const bytes = Buffer.isBuffer(raw) ? raw : Array.isArray(raw) ? Buffer.concat(raw) : Buffer.from(raw);
  let frame: unknown;
  try {
    if (bytes.length > maxFrameSize(deps.options)) {
      throw new AblyError(
        ErrorCode.MaxMessageLengthExceeded,
        400,
        `Frame is ${bytes.length} bytes; the limit is ${maxFrameSize(deps.options)} bytes`,
      );
    }
    frame = decodeFrame(bytes, isBinary, transport.format);
    assertPlainData(frame);
    dispatch(deps.services, connection, validateInbound(frame));
  } catch (error) {
    const fatal = reject(connection, frame, AblyError.from(error));
    if (fatal) deps.connections.discard(connection);
  }
}

function credentialsFrom(query: URLSearchParams): Credentials {
  const key = query.get('key');
  if (key) return { kind: 'key', key };
  const token = query.get('access_token') ?? query.get('accessToken');
  if (token) return { kind: 'token', token };
  throw new AblyError(ErrorCode.InvalidCredentials, 401, 'No credentials: connect with a key or an access_token');
}

function checkVersion(version: string | null): void {
  if (version === null) return;
  const number = Number(version);
  if (!Number.isInteger(number) || number < 2 || number > 6) {
    throw new AblyError(
      ErrorCode.UnsupportedProtocolVersion,
      400,
      `Unsupported protocol version "${version}"; local-ably speaks versions 2 to 6`,
    );
  }
}
