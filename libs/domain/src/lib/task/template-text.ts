import { z } from 'zod';
import { templateSyntaxProblem } from '../template/parse-template';

/** Text with `{{ variable }}` placeholders; a syntax error is an issue on the field itself. */
export const templateTextSchema = z
  .string()
  .min(1, 'must not be empty')
  .superRefine((text, ctx) => {
    const problem = templateSyntaxProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** One message of a messages template. */
export const templateMessageSchema = z.object({
  role: z.enum(['system', 'user', 'assistant']),
  content: templateTextSchema,
});
