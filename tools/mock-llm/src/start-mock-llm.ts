import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { applyConfigPatch } from './options/apply-config-patch';
import { parseConfigPatch } from './options/config-patch-schema';
import { DEFAULT_CONFIG } from './options/default-config';
import { type MockLlmConfig, type MockLlmConfigPatch, type MockLlmOptions } from './options/mock-llm-options';
import { createRequestHandler } from './server/request-handler';
import { MockLlmState } from './server/mock-llm-state';
import { type DuplicatePrompt, type MockLlmStats } from './stats/mock-llm-stats';

/** A running mock. */
export interface MockLlm {
  /** The OpenAI base URL, e.g. `http://127.0.0.1:41234/v1`. */
  readonly url: string;
  readonly port: number;
  /** Changes the behaviour at run time; throws on an invalid value. Returns the new behaviour. */
  configure(patch: MockLlmConfigPatch): MockLlmConfig;
  /** The behaviour in force (with `failNext` counts as consumed so far). */
  config(): MockLlmConfig;
  stats(): MockLlmStats;
  /** Prompts received more than once, most repeated first. */
  duplicates(): DuplicatePrompt[];
  /**
   * Clears stats, remembered prompts and rate-limit windows; with `{ options: true }` also
   * restores the options the mock started with.
   */
  reset(options?: { options?: boolean }): void;
  /** Stops listening and drops every open connection, hung requests included. */
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function baseUrl(host: string, port: number): string {
  const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const hostPart = reachable.includes(':') ? `[${reachable}]` : reachable;
  return `http://${hostPart}:${port}/v1`;
}

/**
 * Starts an OpenAI-compatible fake on `options.port` (default: a free port) and
 * `options.host` (default 127.0.0.1). Throws on an invalid option.
 */
export async function startMockLlm(options: MockLlmOptions = {}): Promise<MockLlm> {
  const { port = 0, host = '127.0.0.1', clock, ...patch } = options;
  const state = new MockLlmState(applyConfigPatch({ ...DEFAULT_CONFIG }, parseConfigPatch(patch)), clock);
  const server = createServer(createRequestHandler(state));
  server.keepAliveTimeout = 5_000;
  const boundPort = await listen(server, port, host);
  let closing: Promise<void> | null = null;
  return {
    url: baseUrl(host, boundPort),
    port: boundPort,
    configure: (change) => state.configure(change),
    config: () => structuredClone(state.config),
    stats: () => state.stats.snapshot(),
    duplicates: () => state.stats.duplicates(),
    reset: (resetOptions) => state.reset(resetOptions?.options === true),
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
