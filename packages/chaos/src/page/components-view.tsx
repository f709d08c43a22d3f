import { OnlineList, ViewerCount } from '@presence-kit/react-ui';
import type { CSSProperties } from 'react';

/** Tall enough that the virtualized list mounts every row of the run (about 30 people at 44 px). */
const ALL_ROWS: CSSProperties = { ['--pk-online-list-height' as string]: '4000px' };

/**
 * The kit's components as an app would drop them in: the online list (one row per person) and two viewer counts
 * (people, and connections from occupancy). The driver reads the names and numbers they show.
 */
export function ComponentsView() {
  return (
    <section aria-label="components">
      <p>
        <ViewerCount metric="people" label="here" data-chaos-count="people" />
        <ViewerCount metric="connections" label="watching" data-chaos-count="connections" />
      </p>
      <div style={ALL_ROWS}>
        <OnlineList />
      </div>
    </section>
  );
}
