import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { TasksRepository } from '@gtr/data';
import {
  GtrError,
  type Page,
  type TaskTestResult,
  type TaskView,
  createTaskSchema,
  getTaskQuerySchema,
  listTaskVersionsQuerySchema,
  listTasksQuerySchema,
  parseOrThrow,
  testTaskSchema,
  updateTaskSchema,
} from '@gtr/domain';
import { Auth, type AuthContext } from '../auth/auth-context';
import { findTaskOrThrow } from './find-task-or-throw';
import { taskNameParam } from './task-name-param';
import { CreateTaskUseCase } from './use-cases/create-task.use-case';
import { DeleteTaskUseCase } from './use-cases/delete-task.use-case';
import { TestTaskUseCase } from './use-cases/test-task.use-case';
import { UpdateTaskUseCase } from './use-cases/update-task.use-case';

const bodySchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as object;

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('v1/tasks')
export class TasksController {
  constructor(
    private readonly tasks: TasksRepository,
    private readonly createTask: CreateTaskUseCase,
    private readonly updateTask: UpdateTaskUseCase,
    private readonly deleteTask: DeleteTaskUseCase,
    private readonly testTask: TestTaskUseCase,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Create a task (version 1): a messages template with {{variables}} and its settings',
  })
  @ApiBody({ schema: bodySchema(createTaskSchema) })
  create(@Auth() auth: AuthContext, @Body() body: unknown): Promise<TaskView> {
    return this.createTask.execute({ tenantId: auth.tenantId, body });
  }

  @Get()
  @ApiOperation({
    summary: 'List tasks (latest versions) by name, optionally by tag, with cursor pagination',
  })
  list(@Auth() auth: AuthContext, @Query() query: Record<string, unknown>): Promise<Page<TaskView>> {
    const { tag, limit, cursor } = parseOrThrow(listTasksQuerySchema, query, 'query');
    return this.tasks.list(auth.tenantId, { tags: tag, limit, cursor });
  }

  @Get(':name')
  @ApiOperation({ summary: 'A task: its latest version, or ?version=N' })
  get(
    @Auth() auth: AuthContext,
    @Param('name') name: string,
    @Query() query: Record<string, unknown>,
  ): Promise<TaskView> {
    const { version } = parseOrThrow(getTaskQuerySchema, query, 'query');
    return findTaskOrThrow(this.tasks, auth.tenantId, taskNameParam(name), version);
  }

  @Patch(':name')
  @ApiOperation({ summary: 'Change a task: the fields to change become a new version' })
  @ApiBody({ schema: bodySchema(updateTaskSchema) })
  update(@Auth() auth: AuthContext, @Param('name') name: string, @Body() body: unknown): Promise<TaskView> {
    return this.updateTask.execute({ tenantId: auth.tenantId, name: taskNameParam(name), body });
  }

  @Delete(':name')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a task (its versions stay for the runs that used them; the name becomes free)',
  })
  async delete(@Auth() auth: AuthContext, @Param('name') name: string): Promise<void> {
    await this.deleteTask.execute({ tenantId: auth.tenantId, name: taskNameParam(name) });
  }

  @Get(':name/versions')
  @ApiOperation({ summary: "A task's versions, newest first, with cursor pagination" })
  async versions(
    @Auth() auth: AuthContext,
    @Param('name') name: string,
    @Query() query: Record<string, unknown>,
  ): Promise<Page<TaskView>> {
    const taskName = taskNameParam(name);
    const page = await this.tasks.listVersions(
      auth.tenantId,
      taskName,
      parseOrThrow(listTaskVersionsQuerySchema, query, 'query'),
    );
    if (!page) throw new GtrError('E_NOT_FOUND', `Task "${taskName}" not found.`);
    return page;
  }

  @Post(':name/test')
  @ApiOperation({
    summary: 'Render a task with { input } and run it: returns the rendered messages and the run',
  })
  @ApiBody({ schema: bodySchema(testTaskSchema) })
  test(
    @Auth() auth: AuthContext,
    @Param('name') name: string,
    @Body() body: unknown,
  ): Promise<TaskTestResult> {
    return this.testTask.execute({ tenantId: auth.tenantId, name: taskNameParam(name), body });
  }
}
