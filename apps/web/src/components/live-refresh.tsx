'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { throttle } from '../lib/throttle';

const REFRESH_EVERY_MS = 1000;

/**
 * Listens to run events through the dashboard's own `/api/events` and re-renders the server
 * components when a run changes, at most once a second.
 */
export function LiveRefresh({ runId }: { runId?: string }) {
  const router = useRouter();
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    const url = runId ? `/api/events?runId=${encodeURIComponent(runId)}` : '/api/events';
    const source = new EventSource(url);
    const refresh = throttle(() => router.refresh(), REFRESH_EVERY_MS);
    let dropped = false;
    source.addEventListener('run.updated', refresh);
    // The key stopped working: re-render so the page sends the browser to sign in.
    source.addEventListener('session.expired', () => {
      source.close();
      router.refresh();
    });
    source.onopen = () => {
      setConnected(true);
      // Events sent while the stream was down are lost; catch up once.
      if (dropped) refresh();
      dropped = false;
    };
    source.onerror = () => {
      setConnected(false);
      dropped = true;
    };
    return () => {
      refresh.cancel();
      source.close();
    };
  }, [router, runId]);

  return (
    <span className={connected ? 'live live--on' : 'live'} title="Updates as runs change">
      {connected ? 'Live' : 'Connecting…'}
    </span>
  );
}
