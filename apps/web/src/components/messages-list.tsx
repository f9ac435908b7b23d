import { type ChatMessage } from '@gtr/domain';

export function MessagesList({ messages }: { messages: ChatMessage[] }) {
  return (
    <ol className="messages">
      {messages.map((message, index) => (
        <li key={index} className={`message message--${message.role}`}>
          <div className="message__role">{message.role}</div>
          <pre className="message__content">{message.content}</pre>
        </li>
      ))}
    </ol>
  );
}
