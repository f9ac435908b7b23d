import { InvalidArgumentError } from 'commander';

/** A commander parser for an integer ≥ 1. */
export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('must be a positive integer');
  return n;
}

/** A commander parser for a comma-separated list of integers ≥ 0 (`200,50`). */
export function intList(value: string): number[] {
  const items = value.split(',').map((item) => Number(item.trim()));
  if (items.length === 0 || items.some((n) => !Number.isInteger(n) || n < 0))
    throw new InvalidArgumentError('must be comma-separated integers >= 0, e.g. 200,50');
  return items;
}
