import type { FaultController } from '../../faults.js';
import type { Inspector } from '../../inspection/inspector.js';
import type { SimulationManager } from '../../simulation/simulation-manager.js';
import type { Route } from '../router.js';
import { adminFaultRoutes } from './admin-faults.js';
import { adminInspectionRoutes } from './admin-inspection.js';
import { adminSimulationRoutes } from './admin-simulation.js';

export interface AdminServices {
  inspector: Inspector;
  faults: FaultController;
  simulation: SimulationManager;
}

/** The loopback-only admin API under `/local-ably/...`: inspection, faults and simulated members. */
export function adminRoutes(services: AdminServices): Route[] {
  return [
    ...adminInspectionRoutes(services.inspector),
    ...adminFaultRoutes(services.faults),
    ...adminSimulationRoutes(services.simulation),
  ];
}
