import { type RateLimitE2eOptions } from './e2e-options';

/** The mock's limits of one setup, and which of them binds. */
export interface LimitSetup {
  binding: 'requests' | 'tokens';
  rpm: number;
  tpm: number | null;
}

/**
 * Requests bound: `--rpm`, no TPM. Tokens bound: `--tpm`, with an RPM four times what the
 * tokens allow (each row costs its prompt plus `max_tokens`), so only the tokens bind.
 */
export function limitSetups(options: RateLimitE2eOptions, tokensPerRow: number): LimitSetup[] {
  return [
    { binding: 'requests', rpm: options.rpm, tpm: null },
    { binding: 'tokens', rpm: Math.ceil((options.tpm / tokensPerRow) * 4), tpm: options.tpm },
  ];
}

export function describeLimit(setup: LimitSetup): string {
  return setup.binding === 'requests' ? `${setup.rpm} RPM` : `${setup.tpm} TPM (RPM ${setup.rpm})`;
}
