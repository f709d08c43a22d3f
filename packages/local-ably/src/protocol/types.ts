import type { ErrorInfo } from './errors.js';

/** A presence message as it travels on the wire (both directions). */
export interface WirePresenceMessage {
  id?: string;
  action: number;
  clientId?: string;
  connectionId?: string;
  timestamp?: number;
  data?: unknown;
  encoding?: string;
  extras?: unknown;
}

/** A channel message as it travels on the wire. */
export interface WireMessage {
  id?: string;
  name?: string;
  /** Ably's message action (0 create, 1 update, 2 delete, 4 summary). */
  action?: number;
  /** Set on messages Ably can update (chat messages). */
  serial?: string;
  version?: Record<string, unknown>;
  annotations?: Record<string, unknown>;
  clientId?: string;
  connectionId?: string;
  timestamp?: number;
  data?: unknown;
  encoding?: string;
  extras?: unknown;
}

export interface ConnectionDetails {
  clientId?: string;
  connectionKey: string;
  maxMessageSize: number;
  maxFrameSize: number;
  maxInboundRate: number;
  maxOutboundRate: number;
  connectionStateTtl: number;
  maxIdleInterval: number;
  serverId: string;
  siteCode?: string;
}

/** A ProtocolMessage; every field but `action` is optional on the wire. */
export interface ProtocolMessage {
  action: number;
  id?: string;
  channel?: string;
  channelSerial?: string;
  connectionId?: string;
  connectionKey?: string;
  connectionDetails?: ConnectionDetails;
  msgSerial?: number;
  count?: number;
  flags?: number;
  params?: Record<string, string>;
  timestamp?: number;
  error?: ErrorInfo;
  presence?: WirePresenceMessage[];
  messages?: WireMessage[];
  /** ANNOTATION frames (message reactions, for subscribers with ANNOTATION_SUBSCRIBE). */
  annotations?: Array<Record<string, unknown>>;
  auth?: { accessToken?: string };
}
