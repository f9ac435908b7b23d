import { BatchStore } from '../batch-api/batch-store';
import { type FaultKind } from '../faults/fault-kind';
import { pickFault } from '../faults/pick-fault';
import { type PromptMarker } from '../faults/prompt-markers';
import { createRandomSource, type RandomSource } from '../faults/random-source';
import { SlidingWindowLimiter } from '../limits/sliding-window-limiter';
import { applyConfigPatch } from '../options/apply-config-patch';
import { parseConfigPatch } from '../options/config-patch-schema';
import { type MockLlmConfig, type MockLlmConfigPatch } from '../options/mock-llm-options';
import { StatsRecorder } from '../stats/stats-recorder';

/** Everything a running mock remembers: its behaviour, counters, limit windows and dice. */
export class MockLlmState {
  readonly stats = new StatsRecorder();
  readonly limiter = new SlidingWindowLimiter();
  /** Files and batches of the Batch API. */
  readonly batchApi = new BatchStore();
  private current: MockLlmConfig;
  private random: RandomSource;

  constructor(
    private readonly initial: MockLlmConfig,
    /** The clock of the rate-limit windows, in milliseconds. */
    readonly now: () => number = () => performance.now(),
  ) {
    this.current = initial;
    this.random = createRandomSource(initial.seed);
  }

  /** The behaviour in force. */
  get config(): MockLlmConfig {
    return this.current;
  }

  /** Validates and applies a behaviour change; throws an Error naming a bad field. */
  configure(patch: MockLlmConfigPatch): MockLlmConfig {
    const checked = parseConfigPatch(patch);
    this.current = applyConfigPatch(this.current, checked);
    if (checked.seed !== undefined) this.random = createRandomSource(this.current.seed);
    return this.current;
  }

  /**
   * Clears the counters, the remembered prompts (so `once` markers fail again), the
   * limit windows and the Batch API's files and batches, and restarts the seeded dice; with `restoreOptions`, also goes back to
   * the behaviour the mock started with.
   */
  reset(restoreOptions = false): void {
    if (restoreOptions) this.current = this.initial;
    this.stats.reset();
    this.limiter.reset();
    this.batchApi.clear();
    this.random = createRandomSource(this.current.seed);
  }

  /** Chooses the fault of one chat completion and consumes a `failNext` count if used. */
  takeFault(marker: PromptMarker | null, promptSeen: number): FaultKind | null {
    const decision = pickFault({
      marker,
      promptSeen,
      failNext: this.current.failNext,
      faults: this.current.faults,
      random: this.random,
    });
    if (decision.failNext !== this.current.failNext) {
      this.current = { ...this.current, failNext: decision.failNext };
    }
    return decision.fault;
  }

  /** This request's latency: `latencyMs` ± a uniform `jitterMs`, never negative. */
  latency(): number {
    const { latencyMs, jitterMs } = this.current;
    const jitter = jitterMs === 0 ? 0 : (this.random() * 2 - 1) * jitterMs;
    return Math.max(0, Math.round(latencyMs + jitter));
  }
}
