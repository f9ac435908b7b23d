import { abortReason } from '../async/abort-reason';
import { type LoadSignal } from './load-signal';

/** Options of {@link ConcurrencyController}. */
export interface ConcurrencyOptions {
  /** Most calls in flight per key (the configured concurrency). */
  max: number;
  /** Fewest calls in flight a key is ever cut to (default 1): calls always make progress. */
  min?: number;
  /** Starting limit of a key (default `max`). */
  initial?: number;
  /** Factor the limit is multiplied by on overload, in (0, 1) (default 0.5). */
  decreaseFactor?: number;
  /** Called whenever a key's limit (the whole number of slots) changes, e.g. for a gauge. */
  onLimitChange?: (key: string, limit: number) => void;
}

/** A slot for one call; see {@link ConcurrencyController.acquire}. */
export interface ConcurrencyPermit {
  /** Frees the slot and reports how the call went. Later calls are ignored. */
  release(signal: LoadSignal): void;
}

interface Waiter {
  grant: (permit: ConcurrencyPermit) => void;
}

interface KeyState {
  /** Allowed calls in flight; fractional, so that additive increase can grow it by 1/window. */
  window: number;
  inFlight: number;
  /** Bumped on every decrease: overloads of calls started before it are the same storm. */
  epoch: number;
  waiters: Waiter[];
}

/**
 * Adaptive concurrency per provider key, by additive increase / multiplicative decrease (as TCP's
 * congestion window). An overload (429, 5xx, timeout) cuts the key's limit by `decreaseFactor`,
 * once per storm: overloads of calls that started before the last cut are the same storm and
 * are ignored. Each success adds 1/limit, so the limit grows by about one per round of calls
 * until `max`. The limit never goes below `min` and calls are only ever delayed, never
 * refused: there is no circuit breaker, so healthy requests always go through.
 */
export class ConcurrencyController {
  private readonly keys = new Map<string, KeyState>();
  private readonly max: number;
  private readonly min: number;
  private readonly initial: number;
  private readonly decreaseFactor: number;

  constructor(private readonly options: ConcurrencyOptions) {
    this.max = options.max;
    this.min = options.min ?? 1;
    this.initial = options.initial ?? options.max;
    this.decreaseFactor = options.decreaseFactor ?? 0.5;
    if (!Number.isInteger(this.max) || this.max < 1)
      throw new RangeError('Concurrency max must be an integer >= 1');
    if (!Number.isInteger(this.min) || this.min < 1 || this.min > this.max) {
      throw new RangeError('Concurrency min must be an integer in [1, max]');
    }
    if (!Number.isInteger(this.initial) || this.initial < this.min || this.initial > this.max) {
      throw new RangeError('Concurrency initial must be an integer in [min, max]');
    }
    if (!(this.decreaseFactor > 0 && this.decreaseFactor < 1)) {
      throw new RangeError('Concurrency decreaseFactor must be in (0, 1)');
    }
  }

  /**
   * Resolves with a permit once `key` has a free slot (FIFO). Rejects with the signal's reason
   * if `signal` aborts first. Release the permit when the call ends, whatever happened.
   */
  acquire(key: string, signal?: AbortSignal): Promise<ConcurrencyPermit> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    const state = this.stateOf(key);
    if (state.waiters.length === 0 && state.inFlight < Math.floor(state.window)) {
      return Promise.resolve(this.grant(key, state));
    }
    return new Promise<ConcurrencyPermit>((resolve, reject) => {
      const onAbort = () => {
        state.waiters.splice(state.waiters.indexOf(waiter), 1);
        reject(abortReason(signal as AbortSignal));
      };
      const waiter: Waiter = {
        grant: (permit) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(permit);
        },
      };
      state.waiters.push(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** The number of calls `key` may have in flight now. */
  limit(key: string): number {
    return Math.floor(this.keys.get(key)?.window ?? this.initial);
  }

  /** Calls of `key` in flight now. */
  inFlight(key: string): number {
    return this.keys.get(key)?.inFlight ?? 0;
  }

  /** Calls of `key` waiting for a slot. */
  waiting(key: string): number {
    return this.keys.get(key)?.waiters.length ?? 0;
  }

  private grant(key: string, state: KeyState): ConcurrencyPermit {
    state.inFlight += 1;
    const epoch = state.epoch;
    let released = false;
    return {
      release: (signal) => {
        if (released) return;
        released = true;
        state.inFlight -= 1;
        this.observe(key, state, signal, epoch);
        this.wakeWaiters(key, state);
      },
    };
  }

  private observe(key: string, state: KeyState, signal: LoadSignal, epoch: number): void {
    const before = Math.floor(state.window);
    if (signal === 'success') {
      state.window = Math.min(this.max, state.window + 1 / state.window);
    } else if (signal === 'overload' && epoch === state.epoch) {
      state.window = Math.max(this.min, state.window * this.decreaseFactor);
      state.epoch += 1;
    }
    const after = Math.floor(state.window);
    if (after !== before) this.options.onLimitChange?.(key, after);
  }

  private wakeWaiters(key: string, state: KeyState): void {
    while (state.waiters.length > 0 && state.inFlight < Math.floor(state.window)) {
      const waiter = state.waiters.shift() as Waiter;
      waiter.grant(this.grant(key, state));
    }
  }

  private stateOf(key: string): KeyState {
    let state = this.keys.get(key);
    if (!state) {
      state = { window: this.initial, inFlight: 0, epoch: 0, waiters: [] };
      this.keys.set(key, state);
    }
    return state;
  }
}
