import { type Scenario } from './scenario';
import { type Completed } from './worker-messages';

/** What one scenario measured. */
export interface ScenarioOutcome {
  scenario: Scenario;
  completed: Completed[];
  failed: number;
  /** Chat completions the mock answered 200 and 429. */
  answered: { ok: number; rateLimited: number };
  /** From `go` to the last completion. */
  wallMs: number;
  startedAt: number;
  limiterWaitMs: number;
}

/** The numbers printed for one scenario. */
export interface ScenarioSummary {
  /** Achieved rate of the binding unit over the wall time, as a share of its limit. */
  throughputShare: number;
  /** The same between the first and the last completion (without start-up and the last latency). */
  steadyShare: number;
  /** 429 answers among all answers. */
  rateLimitedShare: number;
  meanLimiterWaitMs: number;
}

/** Reduces a scenario's raw measurements to shares of the binding limit. */
export function summarize(outcome: ScenarioOutcome): ScenarioSummary {
  const { scenario, completed } = outcome;
  const perMinute = scenario.binding === 'requests' ? scenario.rpm : (scenario.tpm ?? 0);
  const unitsOf = (done: Completed[]) =>
    done.reduce((sum, c) => sum + (scenario.binding === 'requests' ? 1 : c.tokens), 0);
  const limitPerMs = perMinute / 60_000;
  const times = completed.map((c) => c.at).sort((a, b) => a - b);
  const byTime = [...completed].sort((a, b) => a.at - b.at);
  const steadySpan = times.length > 1 ? times[times.length - 1] - times[0] : 0;
  const answers = outcome.answered.ok + outcome.answered.rateLimited;
  return {
    throughputShare: outcome.wallMs > 0 ? unitsOf(completed) / outcome.wallMs / limitPerMs : 0,
    // The first completion's units were admitted before the span began.
    steadyShare: steadySpan > 0 ? unitsOf(byTime.slice(1)) / steadySpan / limitPerMs : 0,
    rateLimitedShare: answers > 0 ? outcome.answered.rateLimited / answers : 0,
    meanLimiterWaitMs: completed.length > 0 ? outcome.limiterWaitMs / completed.length : 0,
  };
}
