'use client';

import { useActionState } from 'react';
import { useFormStatus } from 'react-dom';
import { type BatchAction, type BatchActionState } from '../lib/batch-actions';
import { ApiProblemPanel } from './api-problem-panel';

const LABELS: Record<BatchAction, { idle: string; pending: string; className: string }> = {
  pause: { idle: 'Pause', pending: 'Pausing…', className: 'button' },
  resume: { idle: 'Resume', pending: 'Resuming…', className: 'button button--primary' },
  cancel: { idle: 'Cancel batch', pending: 'Cancelling…', className: 'button button--danger' },
  'retry-failed': { idle: 'Retry failed', pending: 'Retrying…', className: 'button' },
};

function ActionButton({ action }: { action: BatchAction }) {
  const { pending, data } = useFormStatus();
  const label = LABELS[action];
  const mine = pending && data?.get('action') === action;
  return (
    <button type="submit" name="action" value={action} className={label.className} disabled={pending}>
      {mine ? label.pending : label.idle}
    </button>
  );
}

/** The batch's action buttons (only those that apply) and the outcome of the last one. */
export function BatchActionsForm({
  actions,
  action,
}: {
  actions: BatchAction[];
  action: (previous: BatchActionState, form: FormData) => Promise<BatchActionState>;
}) {
  const [state, formAction] = useActionState(action, { problem: null, notice: null });
  return (
    <div className="batch-actions">
      {actions.length > 0 ? (
        <form
          action={formAction}
          className="batch-actions__buttons"
          onSubmit={(event) => {
            const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
            if (
              submitter?.value === 'cancel' &&
              !window.confirm('Cancel every unfinished run of this batch?')
            ) {
              event.preventDefault();
            }
          }}
        >
          {actions.map((name) => (
            <ActionButton key={name} action={name} />
          ))}
        </form>
      ) : null}
      {state.problem ? <ApiProblemPanel problem={state.problem} /> : null}
      {state.notice ? (
        <p className="form-notice" role="status">
          {state.notice}
        </p>
      ) : null}
    </div>
  );
}
