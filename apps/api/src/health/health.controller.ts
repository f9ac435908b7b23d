import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { type Response } from 'express';
import { RUNTIME, type Runtime, type Readiness, checkReadiness } from '@gtr/server';
import { Public } from '../auth/public.decorator';

@ApiExcludeController()
@Public()
@Controller()
export class HealthController {
  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  @Get('health/live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('health/ready')
  async ready(@Res({ passthrough: true }) res: Response): Promise<Readiness> {
    const readiness = await checkReadiness(this.runtime);
    res.status(readiness.status === 'ok' ? 200 : 503);
    return readiness;
  }

  @Get('metrics')
  async metrics(@Res() res: Response): Promise<void> {
    res.setHeader('Content-Type', this.runtime.metrics.contentType());
    res.send(await this.runtime.metrics.render());
  }
}
