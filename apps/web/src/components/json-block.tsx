import { prettyJson } from '../lib/pretty-json';

export function JsonBlock({ value, empty }: { value: unknown; empty: string }) {
  const text = prettyJson(value);
  return text === null ? <p className="empty">{empty}</p> : <pre className="code">{text}</pre>;
}
