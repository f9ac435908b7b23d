import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GtrError } from '@gtr/domain';
import { RUNTIME, type Runtime } from '@gtr/server';
import { Auth, type AuthContext } from '../auth/auth-context';

export interface MeView {
  tenantId: string;
  tenantName: string;
  keyId: string;
  scopes: string[];
}

@ApiTags('identity')
@ApiBearerAuth()
@Controller('v1/me')
export class MeController {
  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  @Get()
  @ApiOperation({ summary: 'The tenant and key of the caller' })
  async me(@Auth() auth: AuthContext): Promise<MeView> {
    const tenant = await this.runtime.repositories.tenants.findById(auth.tenantId);
    if (!tenant) throw new GtrError('E_AUTH', 'The tenant of this key no longer exists.');
    return { tenantId: tenant.id, tenantName: tenant.name, keyId: auth.keyId, scopes: auth.scopes };
  }
}
