import { FAULT_KINDS, type FaultKind } from './fault-kind';
import { type FaultCounts, type FaultRates } from '../options/mock-llm-options';
import { type PromptMarker } from './prompt-markers';
import { type RandomSource } from './random-source';

/** What {@link pickFault} needs to know about one chat completion. */
export interface FaultContext {
  marker: PromptMarker | null;
  /** How many times this exact prompt has been received, this request included. */
  promptSeen: number;
  failNext: FaultCounts;
  faults: FaultRates;
  random: RandomSource;
}

/** The chosen fault, and the `failNext` counts left after choosing it. */
export interface FaultDecision {
  fault: FaultKind | null;
  failNext: FaultCounts;
}

/**
 * Chooses the fault of one chat completion: a prompt marker wins, then the `failNext` counts
 * (consuming one), then each probability in {@link FAULT_KINDS} order.
 */
export function pickFault(context: FaultContext): FaultDecision {
  const { marker, failNext } = context;
  if (marker && (marker.times === null || context.promptSeen <= marker.times)) {
    return { fault: marker.fault, failNext };
  }
  const queued = FAULT_KINDS.find((kind) => (failNext[kind] ?? 0) > 0);
  if (queued) {
    return { fault: queued, failNext: { ...failNext, [queued]: (failNext[queued] ?? 0) - 1 } };
  }
  const drawn = FAULT_KINDS.find((kind) => {
    const rate = context.faults[kind] ?? 0;
    return rate > 0 && context.random() < rate;
  });
  return { fault: drawn ?? null, failNext };
}
