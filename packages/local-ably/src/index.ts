export type { DropOptions, FaultController } from './faults.js';
export type { OccupancyMetrics } from './occupancy/metrics.js';
export type { LocalAblyOptions, Logger } from './options.js';
export { DEV_KEY } from './options.js';
export type { ErrorInfo } from './protocol/errors.js';
export { AblyError, ErrorCode } from './protocol/errors.js';
export type { LocalAbly, LocalAblyClientOptions } from './server.js';
export { startLocalAbly } from './server.js';
