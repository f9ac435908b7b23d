import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GtrError } from '@gtr/domain';
import { RUNTIME, type Runtime } from '@gtr/server';
import { type AuthenticatedRequest } from './auth-context';
import { IS_PUBLIC } from './public.decorator';

/** Every route but the public ones needs `Authorization: Bearer <api key>`. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    if (!header) {
      throw new GtrError('E_AUTH', 'Missing API key: send the header "Authorization: Bearer <key>".');
    }
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new GtrError('E_AUTH', 'Malformed Authorization header: expected "Bearer <key>".');
    const identity = await this.runtime.repositories.apiKeys.authenticate(match[1]);
    if (!identity) throw new GtrError('E_AUTH', 'Invalid or revoked API key.');
    request.auth = identity;
    return true;
  }
}
