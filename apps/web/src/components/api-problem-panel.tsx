import { type ApiProblem } from '../lib/describe-api-error';

export function ApiProblemPanel({ problem }: { problem: ApiProblem }) {
  return (
    <div className="callout callout--danger" role="alert">
      <code>{problem.code}</code> {problem.message}
    </div>
  );
}
