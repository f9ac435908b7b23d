import { type ProviderBatchRun } from '@gtr/data';
import { batchLine, splitIntoChunks } from './jsonl-chunks';

function run(id: string, model = 'gpt-4o-mini', content = 'hi'): ProviderBatchRun {
  return {
    runId: id,
    tenantId: 't',
    batchId: 'b',
    provider: 'openai',
    model,
    messages: [{ role: 'user', content }],
    params: { temperature: 0, maxTokens: 5 },
    outputSchema: null,
  };
}

describe('batchLine', () => {
  it('is one JSONL line whose custom_id is the run id and body the chat request', () => {
    const line = batchLine(run('r1'));
    expect(line.endsWith('\n')).toBe(true);
    expect(JSON.parse(line)).toEqual({
      custom_id: 'r1',
      method: 'POST',
      url: '/v1/chat/completions',
      body: {
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'hi' }],
        temperature: 0,
        max_tokens: 5,
      },
    });
  });
});

describe('splitIntoChunks', () => {
  const lineBytes = Buffer.byteLength(batchLine(run('r1')));

  it('splits at the request limit, one model per file, in run order', () => {
    const runs = [run('r1'), run('r2', 'gpt-4o'), run('r3'), run('r4'), run('r5', 'gpt-4o')];
    expect(splitIntoChunks(runs, { maxRequests: 2, maxBytes: 1_000_000 })).toEqual([
      { provider: 'openai', model: 'gpt-4o-mini', runIds: ['r1', 'r3'] },
      { provider: 'openai', model: 'gpt-4o', runIds: ['r2', 'r5'] },
      { provider: 'openai', model: 'gpt-4o-mini', runIds: ['r4'] },
    ]);
  });

  it('splits at the byte limit, and gives a line larger than it a file of its own', () => {
    const runs = [run('r1'), run('r2'), run('r3'), run('r4', 'gpt-4o-mini', 'x'.repeat(500)), run('r5')];
    const chunks = splitIntoChunks(runs, { maxRequests: 100, maxBytes: lineBytes * 2 });
    expect(chunks.map((chunk) => chunk.runIds)).toEqual([['r1', 'r2'], ['r3'], ['r4'], ['r5']]);
  });

  it('makes no file of no runs', () => {
    expect(splitIntoChunks([], { maxRequests: 1, maxBytes: 1 })).toEqual([]);
  });
});
