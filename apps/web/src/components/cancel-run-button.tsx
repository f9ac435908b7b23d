'use client';

import { useFormStatus } from 'react-dom';

function SubmitButton() {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className="button button--danger" disabled={pending}>
      {pending ? 'Cancelling…' : 'Cancel run'}
    </button>
  );
}

/** A form posting to the bound cancel action, after the operator confirms. */
export function CancelRunButton({ action }: { action: () => Promise<void> }) {
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm('Cancel this run?')) event.preventDefault();
      }}
    >
      <SubmitButton />
    </form>
  );
}
