import { type ChatMessage } from './chat-request';
import { messageText } from './message-text';

/**
 * The mock's token count of a text: about four characters a token, at least one. Close
 * enough to a real tokenizer for limits and usage to behave realistically.
 */
export function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

/** The prompt tokens of a request: the text of every message, counted as one text. */
export function estimatePromptTokens(messages: ChatMessage[]): number {
  const characters = messages.reduce((sum, message) => sum + messageText(message).length, 0);
  return Math.max(1, Math.ceil(characters / 4));
}
