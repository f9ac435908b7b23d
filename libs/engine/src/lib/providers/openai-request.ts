import { type ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import { type CompletionRequest } from '../provider/provider';

/**
 * Models that reject `max_tokens` and want `max_completion_tokens` (reasoning models: the
 * o-series and gpt-5 family), optionally behind a router prefix such as `openai/`. Other models
 * get `max_tokens`, which every OpenAI-compatible server understands.
 */
const MAX_COMPLETION_TOKENS_MODELS = /^(?:[\w.-]+\/)?(?:o\d|gpt-5)/;

/** Whether `model` takes its output limit as `max_completion_tokens`. */
export function usesMaxCompletionTokens(model: string): boolean {
  return MAX_COMPLETION_TOKENS_MODELS.test(model);
}

/**
 * The Chat Completions body for a request. Only parameters the request sets are sent, so the
 * provider's defaults apply to the rest; 0 is sent as 0.
 */
export function toChatCompletionBody(req: CompletionRequest): ChatCompletionCreateParamsNonStreaming {
  const p = req.params;
  const body: ChatCompletionCreateParamsNonStreaming = {
    model: req.model,
    messages: req.messages.map((m) => ({ role: m.role, content: m.content })),
  };
  if (p.temperature !== undefined) body.temperature = p.temperature;
  if (p.maxTokens !== undefined) {
    if (usesMaxCompletionTokens(req.model)) body.max_completion_tokens = p.maxTokens;
    else body.max_tokens = p.maxTokens;
  }
  if (p.topP !== undefined) body.top_p = p.topP;
  if (p.seed !== undefined) body.seed = p.seed;
  if (p.stop !== undefined) body.stop = p.stop;
  if (p.presencePenalty !== undefined) body.presence_penalty = p.presencePenalty;
  if (p.frequencyPenalty !== undefined) body.frequency_penalty = p.frequencyPenalty;
  if (req.outputSchema) {
    body.response_format = {
      type: 'json_schema',
      json_schema: { name: 'output', schema: req.outputSchema, strict: true },
    };
  }
  return body;
}
