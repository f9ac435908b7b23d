import { type ValueTransformer } from 'typeorm';

/**
 * Maps `numeric` and `bigint` columns, which `pg` returns as strings to keep precision,
 * to JS numbers. Token counts and dollar costs stay far below 2^53, so nothing is lost.
 */
export const numericTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null | undefined) =>
    value === null || value === undefined ? null : Number(value),
};
