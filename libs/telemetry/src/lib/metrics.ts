import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The Prometheus metrics of one process (api or worker), served at `/metrics`. */
export class Metrics {
  readonly registry = new Registry();

  readonly runsFinished = new Counter({
    name: 'gtr_runs_finished_total',
    help: 'Runs that reached a final status, by status and error code.',
    labelNames: ['status', 'error_code', 'provider'] as const,
    registers: [this.registry],
  });

  readonly providerCalls = new Counter({
    name: 'gtr_provider_calls_total',
    help: 'Provider calls (attempts), by provider and outcome code (ok or an E_* code).',
    labelNames: ['provider', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly providerLatency = new Histogram({
    name: 'gtr_provider_call_seconds',
    help: 'Latency of provider calls.',
    labelNames: ['provider'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60],
    registers: [this.registry],
  });

  readonly tokens = new Counter({
    name: 'gtr_tokens_total',
    help: 'Tokens used, by provider, model and kind (prompt or completion).',
    labelNames: ['provider', 'model', 'kind'] as const,
    registers: [this.registry],
  });

  readonly httpRequests = new Histogram({
    name: 'gtr_http_request_seconds',
    help: 'HTTP requests served by the api, by method, route and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
    registers: [this.registry],
  });

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
  }

  contentType(): string {
    return this.registry.contentType;
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }
}
