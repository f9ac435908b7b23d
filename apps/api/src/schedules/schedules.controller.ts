import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { SchedulesRepository } from '@gtr/data';
import {
  GtrError,
  type Page,
  type ScheduleFireView,
  type ScheduleNextFiresView,
  type ScheduleView,
  createScheduleSchema,
  formatInTimeZone,
  listSchedulesQuerySchema,
  nextFiresQuerySchema,
  parseOrThrow,
  scheduleHistoryQuerySchema,
  scheduleNameSchema,
  timingOfView,
  updateScheduleSchema,
} from '@gtr/domain';
import { previewFires } from '@gtr/engine';
import { Auth, type AuthContext } from '../auth/auth-context';
import { CreateScheduleUseCase } from './use-cases/create-schedule.use-case';
import { DeleteScheduleUseCase } from './use-cases/delete-schedule.use-case';
import { SetScheduleEnabledUseCase } from './use-cases/set-schedule-enabled.use-case';
import { UpdateScheduleUseCase } from './use-cases/update-schedule.use-case';

const bodySchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as object;

@ApiTags('schedules')
@ApiBearerAuth()
@Controller('v1/schedules')
export class SchedulesController {
  constructor(
    private readonly schedules: SchedulesRepository,
    private readonly createSchedule: CreateScheduleUseCase,
    private readonly updateSchedule: UpdateScheduleUseCase,
    private readonly setEnabled: SetScheduleEnabledUseCase,
    private readonly deleteSchedule: DeleteScheduleUseCase,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Create a schedule: a cron expression (in a time zone) or an interval that starts runs',
  })
  @ApiBody({ schema: bodySchema(createScheduleSchema) })
  create(@Auth() auth: AuthContext, @Body() body: unknown): Promise<ScheduleView> {
    return this.createSchedule.execute({ tenantId: auth.tenantId, body });
  }

  @Get()
  @ApiOperation({ summary: 'List schedules by name, with cursor pagination' })
  list(@Auth() auth: AuthContext, @Query() query: Record<string, unknown>): Promise<Page<ScheduleView>> {
    return this.schedules.list(auth.tenantId, parseOrThrow(listSchedulesQuerySchema, query, 'query'));
  }

  @Get(':name')
  @ApiOperation({ summary: 'A schedule' })
  async get(@Auth() auth: AuthContext, @Param('name') name: string): Promise<ScheduleView> {
    return this.mustFind(auth.tenantId, nameOf(name));
  }

  @Patch(':name')
  @ApiOperation({
    summary: 'Change a schedule; a new timing or enabling starts its fire times afresh from now',
  })
  @ApiBody({ schema: bodySchema(updateScheduleSchema) })
  update(
    @Auth() auth: AuthContext,
    @Param('name') name: string,
    @Body() body: unknown,
  ): Promise<ScheduleView> {
    return this.updateSchedule.execute({ tenantId: auth.tenantId, name: nameOf(name), body });
  }

  @Delete(':name')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a schedule and its history (its runs stay)' })
  async remove(@Auth() auth: AuthContext, @Param('name') name: string): Promise<void> {
    await this.deleteSchedule.execute({ tenantId: auth.tenantId, name: nameOf(name) });
  }

  @Post(':name/enable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resume a schedule from its next fire time after now' })
  enable(@Auth() auth: AuthContext, @Param('name') name: string): Promise<ScheduleView> {
    return this.setEnabled.execute({ tenantId: auth.tenantId, name: nameOf(name), enabled: true });
  }

  @Post(':name/disable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pause a schedule' })
  disable(@Auth() auth: AuthContext, @Param('name') name: string): Promise<ScheduleView> {
    return this.setEnabled.execute({ tenantId: auth.tenantId, name: nameOf(name), enabled: false });
  }

  @Get(':name/next')
  @ApiOperation({ summary: 'The coming fire times, in UTC and in the schedule time zone' })
  async next(
    @Auth() auth: AuthContext,
    @Param('name') name: string,
    @Query() query: Record<string, unknown>,
  ): Promise<ScheduleNextFiresView> {
    const { count } = parseOrThrow(nextFiresQuerySchema, query, 'query');
    const schedule = await this.mustFind(auth.tenantId, nameOf(name));
    const fires = previewFires(timingOfView(schedule), new Date(), count);
    return {
      name: schedule.name,
      timezone: schedule.timezone,
      enabled: schedule.enabled,
      fires: fires.map((fire) => ({
        utc: fire.toISOString(),
        local: formatInTimeZone(fire, schedule.timezone),
      })),
    };
  }

  @Get(':name/history')
  @ApiOperation({
    summary: 'Handled fire times, newest first: the run each created, or why it was skipped or failed',
  })
  async history(
    @Auth() auth: AuthContext,
    @Param('name') name: string,
    @Query() query: Record<string, unknown>,
  ): Promise<Page<ScheduleFireView>> {
    const options = parseOrThrow(scheduleHistoryQuerySchema, query, 'query');
    const page = await this.schedules.history(auth.tenantId, nameOf(name), options);
    if (!page) throw notFound(name);
    return page;
  }

  private async mustFind(tenantId: string, name: string): Promise<ScheduleView> {
    const schedule = await this.schedules.find(tenantId, name);
    if (!schedule) throw notFound(name);
    return schedule;
  }
}

const nameParamSchema = z.object({ name: scheduleNameSchema });

function nameOf(name: string): string {
  return parseOrThrow(nameParamSchema, { name }, 'schedule name').name;
}

function notFound(name: string): GtrError {
  return new GtrError('E_NOT_FOUND', `No schedule named "${name}".`);
}
