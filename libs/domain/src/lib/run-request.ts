import { z } from 'zod';
import { runCacheSchema } from './run-cache';

/** Largest prompt (sum of all message contents) a run accepts, in characters. */
export const MAX_PROMPT_CHARS = 1_000_000;

export const chatMessageSchema = z.object({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string().min(1, 'must not be empty'),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

/** Sampling parameters. Absent means "provider default"; 0 is a value and stays 0. */
export const runParamsSchema = z
  .object({
    temperature: z.number().min(0).max(2),
    maxTokens: z.number().int().min(1).max(1_000_000),
    topP: z.number().min(0).max(1),
    seed: z.number().int(),
    stop: z.union([z.string().min(1), z.array(z.string().min(1)).min(1).max(4)]),
    presencePenalty: z.number().min(-2).max(2),
    frequencyPenalty: z.number().min(-2).max(2),
  })
  .partial()
  .strict();
export type RunParams = z.infer<typeof runParamsSchema>;

const common = {
  provider: z.string().min(1).max(64).optional(),
  model: z.string().min(1).max(200).optional(),
  params: runParamsSchema.optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  idempotencyKey: z.string().min(1).max(200).optional(),
  /** Opt-in to the response cache; absent: the run neither reads nor writes it. */
  cache: runCacheSchema.optional(),
};

/**
 * `POST /v1/runs` body (ad-hoc form): either `prompt` (one user message, optional `system`)
 * or `messages`.
 */
export const createRunSchema = z
  .object({
    prompt: z.string().min(1, 'must not be empty').optional(),
    system: z.string().min(1, 'must not be empty').optional(),
    messages: z.array(chatMessageSchema).min(1, 'must hold at least one message').max(1000).optional(),
    ...common,
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.prompt === undefined && body.messages === undefined) {
      ctx.addIssue({ code: 'custom', path: ['prompt'], message: 'is required (or give messages)' });
    }
    if (body.prompt !== undefined && body.messages !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['messages'], message: 'cannot be combined with prompt' });
    }
    if (body.system !== undefined && body.messages !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['system'],
        message: 'cannot be combined with messages; add a system message instead',
      });
    }
    const size =
      (body.prompt?.length ?? 0) +
      (body.system?.length ?? 0) +
      (body.messages ?? []).reduce((n, m) => n + m.content.length, 0);
    if (size > MAX_PROMPT_CHARS) {
      ctx.addIssue({
        code: 'custom',
        path: [body.messages ? 'messages' : 'prompt'],
        message: `is ${size} characters; the limit is ${MAX_PROMPT_CHARS}`,
      });
    }
  });
export type CreateRunRequest = z.infer<typeof createRunSchema>;

/** The messages a run sends, from either form of the request. */
export function messagesOf(body: CreateRunRequest): ChatMessage[] {
  if (body.messages) return body.messages;
  const messages: ChatMessage[] = [];
  if (body.system) messages.push({ role: 'system', content: body.system });
  messages.push({ role: 'user', content: body.prompt ?? '' });
  return messages;
}
