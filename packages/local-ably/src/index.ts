import type { FaultController as FaultControllerClass } from './faults.js';
import type { Inspector as InspectorClass } from './inspection/inspector.js';
import type { SimulationManager as SimulationManagerClass } from './simulation/simulation-manager.js';

export type { CapabilitySpec } from './auth/capability.js';
export {
  type CreateTokenRequestOptions,
  createTokenRequest,
  type SignedTokenRequest,
} from './auth/create-token-request.js';
export { type CreateJwtOptions, createJwt } from './auth/jwt.js';
export type { TokenDetails } from './auth/token-request.js';
export { chatChannelName } from './channels/chat-room.js';
export type { DropOptions, RestartOptions } from './faults.js';
export type { ChannelSummary, ConnectionSummary, MemberList, MemberSummary } from './inspection/inspector.js';
export type { OccupancyMetrics } from './occupancy/metrics.js';
export type { LocalAblyOptions, Logger } from './options.js';
export { DEV_KEY } from './options.js';
export type { ErrorInfo } from './protocol/errors.js';
export { AblyError, ErrorCode } from './protocol/errors.js';
export type { LocalAbly, LocalAblyClientOptions } from './server.js';
export { startLocalAbly } from './server.js';
export type { SimulatedMemberData } from './simulation/profiles.js';
export type { SimulationEventCounts } from './simulation/room-simulation.js';
export type { SimulationOptions, SimulationStatus, SimulationTarget } from './simulation/simulation-manager.js';

// The three controllers are classes inside the server, but users only ever get instances (`server.faults`,
// `server.inspect`, `server.simulation`). Exported as type aliases, not `export type { Class }`: bundled declarations
// turn a type-only re-export of a class back into a value export, and Node has no such value to import.

/**
 * Network failures on demand: `server.faults`.
 *
 * @example
 * server.faults.drop(connectionId); // the SDK resumes; observers see no presence change
 */
export type FaultController = FaultControllerClass;

/**
 * Read-only views of the server's live state: `server.inspect`.
 *
 * @example
 * const [lobby] = server.inspect.rooms(); // channels backing chat rooms, with their member counts
 */
export type Inspector = InspectorClass;

/**
 * Simulated presence members per channel: `server.simulation`.
 *
 * @example
 * server.simulation.start({ room: 'lobby' }, { count: 1_000, churnPerSecond: 10 });
 */
export type SimulationManager = SimulationManagerClass;
