export type { CapabilitySpec } from './auth/capability.js';
export {
  type CreateTokenRequestOptions,
  createTokenRequest,
  type SignedTokenRequest,
} from './auth/create-token-request.js';
export { type CreateJwtOptions, createJwt } from './auth/jwt.js';
export type { TokenDetails } from './auth/token-request.js';
export { chatChannelName } from './channels/chat-room.js';
export type { DropOptions, FaultController, RestartOptions } from './faults.js';
export type {
  ChannelSummary,
  ConnectionSummary,
  Inspector,
  MemberList,
  MemberSummary,
} from './inspection/inspector.js';
export type { OccupancyMetrics } from './occupancy/metrics.js';
export type { LocalAblyOptions, Logger } from './options.js';
export { DEV_KEY } from './options.js';
export type { ErrorInfo } from './protocol/errors.js';
export { AblyError, ErrorCode } from './protocol/errors.js';
export type { LocalAbly, LocalAblyClientOptions } from './server.js';
export { startLocalAbly } from './server.js';
export type { SimulatedMemberData } from './simulation/profiles.js';
export type { SimulationEventCounts } from './simulation/room-simulation.js';
export type {
  SimulationManager,
  SimulationOptions,
  SimulationStatus,
  SimulationTarget,
} from './simulation/simulation-manager.js';
