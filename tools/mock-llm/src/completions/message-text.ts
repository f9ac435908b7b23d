import { type ChatMessage } from './chat-request';

/** The text of a message: its string content, or its text parts joined by newlines. */
export function messageText(message: ChatMessage | undefined): string {
  const content = message?.content;
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .filter((part) => typeof part?.text === 'string')
    .map((part) => part.text)
    .join('\n');
}

/** The text of the last `user` message, or '' when there is none. */
export function lastUserText(messages: ChatMessage[]): string {
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    if (messages[index].role === 'user') return messageText(messages[index]);
  }
  return '';
}

/** All user messages' text, where prompt markers are looked for. */
export function userTexts(messages: ChatMessage[]): string {
  return messages
    .filter((message) => message.role === 'user')
    .map(messageText)
    .join('\n');
}
