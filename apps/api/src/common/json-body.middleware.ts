import express, { type RequestHandler } from 'express';
import { GtrError } from '@gtr/domain';

/** Largest request body; prompts themselves are capped lower, with an error naming the field. */
export const BODY_LIMIT = '4mb';

/**
 * The JSON body parser, with its failures turned into domain errors so they reach the one
 * exception filter with a code and the field: `(body)`.
 */
export function jsonBody(): RequestHandler {
  const parse = express.json({ limit: BODY_LIMIT });
  return (req, res, next) =>
    parse(req, res, (error?: unknown) => {
      if (!error) return next();
      const type = (error as { type?: string }).type;
      if (type === 'entity.too.large') {
        return next(
          new GtrError('E_TOO_LARGE', `The request body is larger than ${BODY_LIMIT}.`, [
            { field: '(body)', message: `is larger than ${BODY_LIMIT}` },
          ]),
        );
      }
      if (type === 'entity.parse.failed') {
        return next(
          new GtrError('E_VALIDATION', 'The request body is not valid JSON.', [
            { field: '(body)', message: 'is not valid JSON' },
          ]),
        );
      }
      return next(
        new GtrError('E_INPUT', 'The request body could not be read.', [
          { field: '(body)', message: 'is unreadable' },
        ]),
      );
    });
}
