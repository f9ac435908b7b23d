import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Response } from 'express';
import { z } from 'zod';
import {
  type Page,
  type RunDetailView,
  type RunView,
  GtrError,
  listRunsQuerySchema,
  parseOrThrow,
  runRequestSchema,
} from '@gtr/domain';
import { Inject } from '@nestjs/common';
import { RUNTIME, type Runtime } from '@gtr/server';
import { Auth, type AuthContext } from '../auth/auth-context';
import { CancelRunUseCase } from './use-cases/cancel-run.use-case';
import { CreateRunUseCase } from './use-cases/create-run.use-case';

const runIdSchema = z.uuid({ message: 'must be a run id (UUID)' });

@ApiTags('runs')
@ApiBearerAuth()
@Controller('v1/runs')
export class RunsController {
  constructor(
    private readonly createRun: CreateRunUseCase,
    private readonly cancelRun: CancelRunUseCase,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a run from a prompt, messages, or a task rendered with input' })
  @ApiBody({ schema: z.toJSONSchema(runRequestSchema, { io: 'input', unrepresentable: 'any' }) as object })
  async create(
    @Auth() auth: AuthContext,
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RunView> {
    const { run, created } = await this.createRun.execute({ tenantId: auth.tenantId, body, idempotencyKey });
    res.status(created ? 201 : 200);
    if (!created) res.setHeader('Idempotent-Replayed', 'true');
    return run;
  }

  @Get()
  @ApiOperation({ summary: 'List runs, newest first, with cursor pagination' })
  list(@Auth() auth: AuthContext, @Query() query: Record<string, unknown>): Promise<Page<RunView>> {
    const parsed = parseOrThrow(listRunsQuerySchema, query, 'query');
    return this.runtime.repositories.runs.list(auth.tenantId, parsed);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A run with its attempts' })
  async get(@Auth() auth: AuthContext, @Param('id') id: string): Promise<RunDetailView> {
    const runId = parseOrThrow(runIdSchema, id, 'run id');
    const run = await this.runtime.repositories.runs.findDetail(auth.tenantId, runId);
    if (!run) throw new GtrError('E_NOT_FOUND', `Run ${runId} not found.`);
    return run;
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a run that has not finished' })
  cancel(@Auth() auth: AuthContext, @Param('id') id: string): Promise<RunView> {
    return this.cancelRun.execute({
      tenantId: auth.tenantId,
      runId: parseOrThrow(runIdSchema, id, 'run id'),
    });
  }
}
