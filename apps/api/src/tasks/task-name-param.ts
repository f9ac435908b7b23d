import { z } from 'zod';
import { parseOrThrow, taskNameSchema } from '@gtr/domain';

const paramSchema = z.object({ name: taskNameSchema });

/** The `:name` of a task route. @throws GtrError `E_VALIDATION` (field `name`) for a malformed name. */
export function taskNameParam(name: string): string {
  return parseOrThrow(paramSchema, { name }, 'task name').name;
}
