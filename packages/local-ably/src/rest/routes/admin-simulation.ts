import { AblyError, ErrorCode } from '../../protocol/errors.js';
import {
  MAX_SIMULATED_MEMBERS,
  type SimulationManager,
  type SimulationOptions,
  type SimulationTarget,
} from '../../simulation/simulation-manager.js';
import type { RestRequest, Route } from '../router.js';
import { ADMIN_PREFIX, AdminBody } from './admin-body.js';

const SHAPE = `{"count": <1 to ${MAX_SIMULATED_MEMBERS}>, "churnPerSecond"?: <events per second>, "seed"?: <integer>, "batchSize"?: <1 to 1000>}`;

/** Start and stop simulated members in a chat room or on a plain channel, and list what runs. */
export function adminSimulationRoutes(simulation: SimulationManager): Route[] {
  const routes: Route[] = [
    {
      method: 'GET',
      path: `${ADMIN_PREFIX}/simulations`,
      auth: 'local',
      handle: () => ({ body: simulation.list() }),
    },
  ];
  const targets: Array<[string, (request: RestRequest) => SimulationTarget]> = [
    ['rooms/:room', ({ params }) => ({ room: params.room ?? '' })],
    ['channels/:channel', ({ params }) => ({ channel: params.channel ?? '' })],
  ];
  for (const [path, target] of targets) {
    routes.push(
      {
        method: 'POST',
        path: `${ADMIN_PREFIX}/${path}/simulation`,
        auth: 'local',
        handle: (request) => {
          const fields = new AdminBody(request.body, SHAPE);
          const options: SimulationOptions = { count: fields.number('count', { min: 1, max: MAX_SIMULATED_MEMBERS }) };
          const churnPerSecond = fields.optionalNumber('churnPerSecond', { integer: false, max: 10_000 });
          const seed = fields.optionalNumber('seed', { max: 0xffffffff });
          const batchSize = fields.optionalNumber('batchSize', { min: 1, max: 1_000 });
          if (churnPerSecond !== undefined) options.churnPerSecond = churnPerSecond;
          if (seed !== undefined) options.seed = seed;
          if (batchSize !== undefined) options.batchSize = batchSize;
          return { status: 201, body: simulation.start(target(request), options) };
        },
      },
      {
        method: 'GET',
        path: `${ADMIN_PREFIX}/${path}/simulation`,
        auth: 'local',
        handle: (request) => ({ body: simulation.get(target(request)) ?? notRunning(target(request)) }),
      },
      {
        method: 'DELETE',
        path: `${ADMIN_PREFIX}/${path}/simulation`,
        auth: 'local',
        handle: (request) => ({ body: simulation.stop(target(request)) ?? notRunning(target(request)) }),
      },
    );
  }
  return routes;
}

function notRunning(target: SimulationTarget): never {
  const where = 'room' in target ? `room "${target.room}"` : `channel "${target.channel}"`;
  throw new AblyError(
    ErrorCode.NotFound,
    404,
    `No simulation is running in ${where}; start one with POST ${ADMIN_PREFIX}/${'room' in target ? 'rooms' : 'channels'}/<name>/simulation ${SHAPE}`,
  );
}
