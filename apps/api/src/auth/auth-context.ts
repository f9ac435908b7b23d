import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { type Request } from 'express';

/** Who is calling: set by {@link ApiKeyGuard} on every authenticated request. */
export interface AuthContext {
  tenantId: string;
  keyId: string;
  scopes: string[];
}

export type AuthenticatedRequest = Request & { auth?: AuthContext };

/** Injects the caller's {@link AuthContext} into a handler parameter. */
export const Auth = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthContext => {
  const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.auth) throw new Error('Auth used on a public route');
  return request.auth;
});
