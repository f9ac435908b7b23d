import { type LimitWindow } from '../options/mock-llm-options';
import { type RateLimitDimension, type RateLimitRejection, type RateLimitState } from './rate-limit-state';

/** The limits in force for one {@link SlidingWindowLimiter.admit} call. */
export interface RateLimits {
  rpm: number | null;
  tpm: number | null;
  window: LimitWindow;
}

interface Entry {
  at: number;
  tokens: number;
}

interface Window {
  name: 'minute' | 'second';
  ms: number;
  requests: number | null;
  tokens: number | null;
}

const MINUTE_MS = 60_000;
const SECOND_MS = 1000;

function perSecond(perMinute: number | null): number | null {
  return perMinute === null ? null : Math.max(1, Math.floor(perMinute / 60));
}

/**
 * Request and token limits over sliding windows of admitted requests. Limits are per minute;
 * with the `second` window each second also holds at most a 60th of them, as OpenAI may
 * enforce. Headers always describe the one-minute view, so a quantised 429 can come while
 * `remaining` is still positive, as it does with OpenAI.
 */
export class SlidingWindowLimiter {
  private entries: Entry[] = [];

  /** Admits a request of `tokens` tokens at `now`, or says which limit it exceeds. */
  admit(now: number, tokens: number, limits: RateLimits): RateLimitState {
    this.entries = this.entries.filter((entry) => now - entry.at < MINUTE_MS);
    const windows: Window[] = [{ name: 'minute', ms: MINUTE_MS, requests: limits.rpm, tokens: limits.tpm }];
    if (limits.window === 'second') {
      windows.unshift({
        name: 'second',
        ms: SECOND_MS,
        requests: perSecond(limits.rpm),
        tokens: perSecond(limits.tpm),
      });
    }
    const rejections = windows.flatMap((window) => this.violations(now, tokens, window));
    const rejection = rejections.length === 0 ? null : this.pickRejection(rejections);
    if (rejection === null && (limits.rpm !== null || limits.tpm !== null)) {
      this.entries.push({ at: now, tokens });
    }
    return {
      requests: limits.rpm === null ? null : this.dimension(now, limits.rpm, () => 1),
      tokens: limits.tpm === null ? null : this.dimension(now, limits.tpm, (entry) => entry.tokens),
      rejection,
    };
  }

  /** Forgets every admitted request. */
  reset(): void {
    this.entries = [];
  }

  private violations(now: number, tokens: number, window: Window): RateLimitRejection[] {
    const inWindow = this.entries.filter((entry) => now - entry.at < window.ms);
    const found: RateLimitRejection[] = [];
    if (window.requests !== null && inWindow.length + 1 > window.requests) {
      const oldest = inWindow[inWindow.length - window.requests];
      found.push({
        dimension: 'requests',
        window: window.name,
        limit: window.requests,
        used: inWindow.length,
        requested: 1,
        retryAfterMs: oldest.at + window.ms - now,
      });
    }
    if (window.tokens !== null) {
      const used = inWindow.reduce((sum, entry) => sum + entry.tokens, 0);
      if (used + tokens > window.tokens) {
        found.push({
          dimension: 'tokens',
          window: window.name,
          limit: window.tokens,
          used,
          requested: tokens,
          retryAfterMs: this.tokenWait(now, tokens, used, window.tokens, inWindow, window.ms),
        });
      }
    }
    return found;
  }

  private tokenWait(
    now: number,
    tokens: number,
    used: number,
    limit: number,
    inWindow: Entry[],
    ms: number,
  ): number {
    let left = used;
    const freeing = inWindow.find((entry) => {
      left -= entry.tokens;
      return left + tokens <= limit;
    });
    // A request larger than the whole limit never fits; a full window is the honest answer.
    return freeing ? freeing.at + ms - now : ms;
  }

  private pickRejection(rejections: RateLimitRejection[]): RateLimitRejection {
    // Report the first limit hit (requests before tokens, narrow window first) but make the
    // client wait until every violated limit has room again.
    const wait = Math.max(...rejections.map((rejection) => rejection.retryAfterMs));
    return { ...rejections[0], retryAfterMs: Math.max(1, wait) };
  }

  private dimension(now: number, limit: number, weight: (entry: Entry) => number): RateLimitDimension {
    const used = this.entries.reduce((sum, entry) => sum + weight(entry), 0);
    const newest = this.entries[this.entries.length - 1];
    return {
      limit,
      remaining: Math.max(0, limit - used),
      resetMs: newest && used > 0 ? newest.at + MINUTE_MS - now : 0,
    };
  }
}
