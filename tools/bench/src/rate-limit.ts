import { parseBenchOptions } from './rate-limit/bench-options';
import { describeSetup, formatTable } from './rate-limit/print-results';
import { runScenario } from './rate-limit/run-scenario';
import { scenarios } from './rate-limit/scenario';
import { type ScenarioOutcome } from './rate-limit/scenario-outcome';

/*
 * Benchmark of the shared rate limiter: throughput as a share of the binding limit and share of
 * 429 answers, with limits configured, learned from headers, and without limiter. Prints
 * numbers; asserts nothing. `npx nx run bench:rate-limit -- --seconds 10`
 */
async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2));
  console.log(describeSetup(options));
  const outcomes: ScenarioOutcome[] = [];
  for (const scenario of scenarios(options)) {
    const outcome = await runScenario(scenario, options);
    outcomes.push(outcome);
    console.log(
      `  done: ${scenario.binding} / ${scenario.driver}, ${scenario.requests} requests in ${(outcome.wallMs / 1000).toFixed(1)} s`,
    );
  }
  console.log(`\n${formatTable(outcomes)}`);
  console.log(
    '\nthroughput: binding unit (requests, or tokens as the mock charges them) per second from start to last answer, over the limit; steady: between first and last answer',
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
