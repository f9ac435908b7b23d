import { type AttemptView } from '@gtr/domain';
import { formatDuration } from '../lib/format-duration';
import { formatTokens } from '../lib/format-tokens';
import { formatUtc } from '../lib/format-utc';

export function AttemptsTable({ attempts }: { attempts: AttemptView[] }) {
  if (attempts.length === 0) return <p className="empty">No provider call yet.</p>;
  return (
    <table className="table">
      <thead>
        <tr>
          <th className="num">#</th>
          <th>Started (UTC)</th>
          <th className="num">Latency</th>
          <th className="num">HTTP</th>
          <th>Error</th>
          <th className="num">Rate-limit wait</th>
          <th className="num">Tokens</th>
          <th>Provider request</th>
        </tr>
      </thead>
      <tbody>
        {attempts.map((attempt) => (
          <tr key={attempt.number}>
            <td className="num">{attempt.number}</td>
            <td className="mono small">{formatUtc(attempt.startedAt, true)}</td>
            <td className="num">{formatDuration(attempt.latencyMs)}</td>
            <td className="num">{attempt.httpStatus ?? '—'}</td>
            <td>
              {attempt.errorCode ? (
                <>
                  <code>{attempt.errorCode}</code>
                  {attempt.errorMessage ? <span className="muted"> {attempt.errorMessage}</span> : null}
                </>
              ) : null}
            </td>
            <td className="num">
              {attempt.rateLimitWaitMs > 0 ? formatDuration(attempt.rateLimitWaitMs) : '—'}
            </td>
            <td className="num">{formatTokens(attempt.usage?.totalTokens)}</td>
            <td className="mono small">{attempt.providerRequestId ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
