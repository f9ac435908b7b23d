import {
  batchFormFieldsSchema,
  batchSubmissionSchema,
  createBatchRequestSchema,
} from './create-batch-request';

describe('batch request schemas', () => {
  it('accepts JSON rows with settings and refuses a version without a task', () => {
    expect(
      createBatchRequestSchema.parse({
        rows: [{ prompt: 'a' }],
        options: { skipInvalid: true, priority: 5 },
      }),
    ).toEqual({
      rows: [{ prompt: 'a' }],
      options: { skipInvalid: true, priority: 5 },
    });
    const noTask = createBatchRequestSchema.safeParse({ version: 2, rows: [{}] });
    expect(noTask.success).toBe(false);
    expect(noTask.error?.issues[0].path).toEqual(['task']);
    expect(createBatchRequestSchema.safeParse({ rows: [] }).success).toBe(false);
    expect(createBatchRequestSchema.safeParse({ rows: [{}], extra: 1 }).success).toBe(false);
  });

  it('reads form fields as text into a submission', () => {
    const fields = batchFormFieldsSchema.parse({
      task: 'greet',
      version: '2',
      params: '{"temperature":0}',
      skipInvalid: 'true',
      priority: '7',
      concurrency: '32',
      mode: 'queue',
      provider: 'dry-run',
    });
    expect(batchSubmissionSchema.parse(fields)).toEqual({
      task: 'greet',
      version: 2,
      provider: 'dry-run',
      params: { temperature: 0 },
      options: { skipInvalid: true, priority: 7, concurrency: 32, mode: 'queue' },
    });
    expect(batchFormFieldsSchema.parse({ name: 'n' })).toEqual({ name: 'n' });
    expect(batchFormFieldsSchema.safeParse({ params: '{' }).error?.issues[0].path).toEqual(['params']);
    expect(batchFormFieldsSchema.safeParse({ priority: 'high' }).error?.issues[0].path).toEqual(['priority']);
    expect(batchSubmissionSchema.safeParse({ options: { priority: 1000 } }).success).toBe(false);
    for (const concurrency of [0, 1001, 1.5]) {
      expect(batchSubmissionSchema.safeParse({ options: { concurrency } }).error?.issues[0].path).toEqual([
        'options',
        'concurrency',
      ]);
    }
    expect(batchSubmissionSchema.safeParse({ options: { mode: 'turbo' } }).error?.issues[0].path).toEqual([
      'options',
      'mode',
    ]);
  });
});
