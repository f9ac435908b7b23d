import { type z } from 'zod';

/** One environment variable: its schema, what it is for, and whether its value is secret. */
export interface ConfigVariable<S extends z.ZodType = z.ZodType> {
  schema: S;
  description: string;
  /** Secret values are never logged or shown; `redactConfig` masks them. */
  sensitive?: boolean;
}

export function variable<S extends z.ZodType>(
  schema: S,
  description: string,
  sensitive = false,
): ConfigVariable<S> {
  return { schema, description, sensitive };
}
