import type { FaultController } from '../../faults.js';
import type { Route } from '../router.js';
import { ADMIN_PREFIX, AdminBody } from './admin-body.js';

const MAX_FAULT_MS = 10 * 60_000;

/** `POST /local-ably/faults/*`: drop, stall, delay, refuse and restart, as in `LocalAbly.faults`. */
export function adminFaultRoutes(faults: FaultController): Route[] {
  return [
    {
      method: 'POST',
      path: `${ADMIN_PREFIX}/faults/drop`,
      auth: 'local',
      handle: ({ body }) => {
        const fields = new AdminBody(
          body,
          '{"connectionId": "<id from GET /local-ably/connections>", "loseState"?: true}',
        );
        const connectionId = fields.string('connectionId');
        const loseState = fields.optionalBoolean('loseState') ?? false;
        faults.drop(connectionId, { loseState });
        return { body: { fault: 'drop', connectionId, loseState } };
      },
    },
    {
      method: 'POST',
      path: `${ADMIN_PREFIX}/faults/stall`,
      auth: 'local',
      handle: ({ body }) => {
        const fields = new AdminBody(body, '{"connectionId": "<id from GET /local-ably/connections>"}');
        const connectionId = fields.string('connectionId');
        faults.stall(connectionId);
        return { body: { fault: 'stall', connectionId } };
      },
    },
    {
      method: 'POST',
      path: `${ADMIN_PREFIX}/faults/delay`,
      auth: 'local',
      handle: ({ body }) => {
        const fields = new AdminBody(body, '{"connectionId": "<id>", "ms": <milliseconds, 0 to stop>}');
        const connectionId = fields.string('connectionId');
        const ms = fields.number('ms', { max: MAX_FAULT_MS });
        faults.delay(connectionId, ms);
        return { body: { fault: 'delay', connectionId, ms } };
      },
    },
    {
      method: 'POST',
      path: `${ADMIN_PREFIX}/faults/refuse`,
      auth: 'local',
      handle: ({ body }) => {
        const fields = new AdminBody(body, '{"ms": <milliseconds to refuse new connections>}');
        const ms = fields.number('ms', { max: MAX_FAULT_MS });
        faults.refuseConnections(ms);
        return { body: { fault: 'refuse', ms } };
      },
    },
    {
      method: 'POST',
      path: `${ADMIN_PREFIX}/faults/restart`,
      auth: 'local',
      handle: ({ body }) => {
        const fields = new AdminBody(body, '{"keepState": true | false, "downMs"?: <milliseconds>}');
        const keepState = fields.boolean('keepState');
        const downMs = fields.optionalNumber('downMs', { max: MAX_FAULT_MS });
        faults.restart({ keepState, ...(downMs !== undefined ? { downMs } : {}) });
        return { body: { fault: 'restart', keepState } };
      },
    },
  ];
}
