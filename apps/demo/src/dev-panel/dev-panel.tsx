import type * as Ably from 'ably';
import { useEffect, useId, useMemo, useState } from 'react';
import { AdminApi, type SimulationStatus } from './admin-api.js';

const CROWD_SIZES = [100, 1_000, 10_000] as const;
const CHURN_RATES = [0, 5, 20, 100] as const;

export interface DevPanelProps {
  adminUrl: string;
  room: string;
  realtime: Ably.Realtime;
}

/**
 * Only against local-ably: add or remove a simulated crowd in this room, and cut my own connection to watch the kit
 * recover. Uses local-ably's loopback admin API; it never exists against Ably.
 */
export function DevPanel({ adminUrl, room, realtime }: DevPanelProps) {
  const id = useId();
  const api = useMemo(() => new AdminApi(adminUrl), [adminUrl]);
  const [size, setSize] = useState<number>(1_000);
  const [rate, setRate] = useState<number>(5);
  const [crowd, setCrowd] = useState<SimulationStatus | undefined>();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'info' | 'error'; text: string } | undefined>();

  useEffect(() => {
    let live = true;
    const refresh = () =>
      api.crowd(room).then(
        (status) => live && setCrowd(status),
        () => {},
      );
    refresh();
    const timer = setInterval(refresh, 2_000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [api, room]);

  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    try {
      setMessage({ tone: 'info', text: await action() });
    } catch (error) {
      setMessage({ tone: 'error', text: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const addCrowd = () =>
    run(async () => {
      const status = await api.startCrowd(room, size, rate);
      setCrowd(status);
      return `${status.count.toLocaleString()} simulated viewers are joining${rate ? `, ${rate} changes a second` : ''}.`;
    });
  const removeCrowd = () =>
    run(async () => {
      const status = await api.stopCrowd(room);
      setCrowd(undefined);
      return status ? 'The simulated crowd is leaving.' : 'There was no simulated crowd in this room.';
    });
  const drop = (loseState: boolean) =>
    run(async () => {
      const connectionId = realtime.connection.id;
      if (!connectionId) throw new Error('Not connected yet: wait for the connection, then drop it.');
      await api.drop(connectionId, loseState);
      return loseState
        ? 'Connection cut and its session forgotten: the SDK re-enters on a new connection. The old one stays listed ' +
            'as a second device until the presence leave delay ends (15 s on Ably), then leaves.'
        : 'Connection cut: the SDK resumes it and the list catches up.';
    });

  return (
    <section className="panel dev-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        Developer panel <span className="tag">local-ably only</span>
      </h2>
      <fieldset className="dev-row">
        <legend>Simulated crowd</legend>
        <div className="segmented" role="radiogroup" aria-label="Crowd size">
          {CROWD_SIZES.map((value) => (
            <label key={value}>
              <input type="radio" name={`${id}-size`} checked={size === value} onChange={() => setSize(value)} />
              <span>{value.toLocaleString()}</span>
            </label>
          ))}
        </div>
        <label className="inline-field">
          Changes per second{' '}
          <select value={rate} onChange={(event) => setRate(Number(event.target.value))}>
            {CHURN_RATES.map((value) => (
              <option key={value} value={value}>
                {value === 0 ? 'none' : value}
              </option>
            ))}
          </select>
        </label>
        <div className="dev-actions">
          <button type="button" className="button" disabled={busy} onClick={addCrowd}>
            Add crowd
          </button>
          <button type="button" className="button" disabled={busy || !crowd} onClick={removeCrowd}>
            Remove crowd
          </button>
        </div>
        <p className="muted" data-testid="crowd-status">
          {crowd
            ? `${crowd.present.toLocaleString()} of ${crowd.count.toLocaleString()} simulated viewers present, ${crowd.churnPerSecond} changes/s`
            : 'No simulated crowd in this room.'}
        </p>
      </fieldset>
      <fieldset className="dev-row">
        <legend>Faults</legend>
        <div className="dev-actions">
          <button type="button" className="button" disabled={busy} onClick={() => drop(false)}>
            Drop my connection
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => drop(true)}>
            Drop and lose the session
          </button>
        </div>
      </fieldset>
      {message && (
        <p className={message.tone === 'error' ? 'field-error' : 'muted'} role="status">
          {message.text}
        </p>
      )}
    </section>
  );
}
