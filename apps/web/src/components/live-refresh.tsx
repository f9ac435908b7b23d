'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { throttle } from '../lib/throttle';

const REFRESH_EVERY_MS = 1000;

/** Which events to follow (none: every run of the tenant) and an optional fallback poll. */
export interface LiveRefreshProps {
  runId?: string;
  /** Only runs of this batch. */
  batchId?: string;
  /**
   * Also refresh this often, whatever the stream says: a batch's ETA and throughput move
   * between run events, and a paused batch sends none.
   */
  pollMs?: number;
}

/**
 * Listens to run events through the dashboard's own `/api/events` and re-renders the server
 * components when a run changes, at most once a second.
 */
export function LiveRefresh({ runId, batchId, pollMs }: LiveRefreshProps) {
  const router = useRouter();
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    const filter = new URLSearchParams();
    if (runId) filter.set('runId', runId);
    if (batchId) filter.set('batchId', batchId);
    const query = filter.toString();
    const source = new EventSource(query ? `/api/events?${query}` : '/api/events');
    const refresh = throttle(() => router.refresh(), REFRESH_EVERY_MS);
    const poll = pollMs ? setInterval(refresh, pollMs) : null;
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
      if (poll) clearInterval(poll);
      refresh.cancel();
      source.close();
    };
  }, [router, runId, batchId, pollMs]);

  return (
    <span className={connected ? 'live live--on' : 'live'} title="Updates as runs change">
      {connected ? 'Live' : 'Connecting…'}
    </span>
  );
}
