import { useEffect, useSyncExternalStore } from 'react';
import type { WindowKind } from '../../common/contract';
import { CounterWindow } from '../features/counter/CounterWindow';
import { EnrolmentGate } from '../features/enrolment/EnrolmentGate';
import { SupervisorWindow } from '../features/supervisor/SupervisorWindow';
import { useWindowLoadedMutation } from './clerkApi';
import { windowFromHash } from './route';

function subscribeToHash(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function App() {
  const kind = useSyncExternalStore(subscribeToHash, () => windowFromHash(window.location.hash));
  useReportLoaded(kind);
  return (
    <EnrolmentGate>
      {kind === 'supervisor' ? <SupervisorWindow /> : <CounterWindow />}
    </EnrolmentGate>
  );
}

/** Tells main this window has rendered (a readiness step that tests wait for). */
function useReportLoaded(kind: WindowKind): void {
  const [windowLoaded] = useWindowLoadedMutation();
  useEffect(() => {
    void windowLoaded(kind);
  }, [kind, windowLoaded]);
}
