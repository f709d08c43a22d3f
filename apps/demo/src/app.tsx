import { useCallback, useEffect, useState } from 'react';
import { useAblyConfig } from './config/use-ably-config.js';
import { browserClientId } from './identity/client-id.js';
import { type JoinDetails, joinLinkSearch, type LinkParse, parseJoinLink } from './identity/join-details.js';
import { JoinForm } from './join/join-form.js';
import { LiveEvent } from './live/live-event.js';

type View = { kind: 'join'; link: LinkParse } | { kind: 'live'; details: JoinDetails };

function viewFromLocation(): View {
  const link = parseJoinLink(window.location.search);
  return link.kind === 'join' ? { kind: 'live', details: link.details } : { kind: 'join', link };
}

/** The join form, or the live-event page for the room in the URL (`?room=&name=` skips the form). */
export function App() {
  const config = useAblyConfig();
  const [clientId] = useState(browserClientId);
  const [view, setView] = useState<View>(viewFromLocation);
  const [lastDetails, setLastDetails] = useState<JoinDetails | undefined>();

  useEffect(() => {
    const onPopState = () => setView(viewFromLocation());
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const join = useCallback((details: JoinDetails) => {
    window.history.pushState(null, '', joinLinkSearch(details));
    setLastDetails(details);
    setView({ kind: 'live', details });
  }, []);

  const leave = useCallback(() => {
    window.history.pushState(null, '', window.location.pathname);
    setView({ kind: 'join', link: { kind: 'none' } });
  }, []);

  if (config.status === 'loading') {
    return (
      <main className="join" aria-busy="true">
        <p className="muted">Connecting to the app server…</p>
      </main>
    );
  }
  if (config.status === 'error') {
    return (
      <main className="join">
        <div className="notice notice-error" role="alert">
          <p>{config.message}</p>
        </div>
      </main>
    );
  }
  if (view.kind === 'join') {
    const initial = view.link.kind === 'invalid' ? { ...lastDetails, ...view.link.draft } : lastDetails;
    return (
      <JoinForm initial={initial} linkProblems={view.link.kind === 'invalid' ? view.link.problems : []} onJoin={join} />
    );
  }
  // A link carries no avatar: keep the one chosen in this tab when the room and name match.
  const details =
    lastDetails && lastDetails.name === view.details.name
      ? { ...view.details, avatarUrl: lastDetails.avatarUrl }
      : view.details;
  return (
    <LiveEvent
      // A token is limited to one room, so another room means another connection.
      key={`${clientId}:${details.room}`}
      config={config.config}
      clientId={clientId}
      details={details}
      onLeave={leave}
      onSwitchRoom={(room) => join({ ...details, room })}
    />
  );
}
