import { type ChatMessage } from '@gtr/domain';

/** Messages as `[role]` headers, each followed by its content, separated by blank lines. */
export function formatMessages(messages: readonly ChatMessage[]): string {
  return messages.map((message) => `[${message.role}]\n${message.content.replace(/\n+$/, '')}\n`).join('\n');
}
