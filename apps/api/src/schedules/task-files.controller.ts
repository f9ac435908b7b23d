import { unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { TaskFilesRepository } from '@gtr/data';
import { GtrError, type TaskFileView, parseOrThrow, taskFileFormFieldsSchema } from '@gtr/domain';
import { Auth, type AuthContext } from '../auth/auth-context';
import { UploadTaskFileUseCase } from './use-cases/upload-task-file.use-case';

/** Largest task file an upload may be, as for batches; it is streamed to disk, never held in memory. */
const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

const upload = FileInterceptor('file', {
  dest: join(tmpdir(), 'gtr-uploads'),
  limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, fieldSize: 1024 },
});

const idSchema = z.object({ id: z.uuid('must be a task file id') });
const listQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }).strict();

/** The part of multer's file record the upload reads (disk storage). */
interface UploadedFileRecord {
  path: string;
  originalname: string;
  size: number;
}

@ApiTags('schedules')
@ApiBearerAuth()
@Controller('v1/task-files')
export class TaskFilesController {
  constructor(
    private readonly files: TaskFilesRepository,
    private readonly uploadTaskFile: UploadTaskFileUseCase,
  ) {}

  @Post()
  @UseInterceptors(upload)
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary:
      'Store a CSV/JSONL task file (field `file`, optional `task`) for batch schedules; every row is checked first',
  })
  async create(
    @Auth() auth: AuthContext,
    @Body() body: unknown,
    @UploadedFile() file: UploadedFileRecord | undefined,
  ): Promise<TaskFileView> {
    try {
      if (!file) {
        throw new GtrError('E_VALIDATION', 'Invalid request: file is missing', [
          { field: 'file', message: 'is required: a CSV or JSONL task file (multipart field "file")' },
        ]);
      }
      const fields = parseOrThrow(taskFileFormFieldsSchema, { ...(body as object) }, 'form');
      return await this.uploadTaskFile.execute({
        tenantId: auth.tenantId,
        path: file.path,
        fileName: file.originalname,
        bytes: file.size,
        task: fields.task,
      });
    } finally {
      if (file) await unlink(file.path).catch(() => undefined);
    }
  }

  @Get()
  @ApiOperation({ summary: 'The newest stored task files' })
  async list(
    @Auth() auth: AuthContext,
    @Query() query: Record<string, unknown>,
  ): Promise<{ data: TaskFileView[] }> {
    const { limit } = parseOrThrow(listQuerySchema, query, 'query');
    return { data: await this.files.list(auth.tenantId, limit) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'A stored task file' })
  async get(@Auth() auth: AuthContext, @Param('id') id: string): Promise<TaskFileView> {
    const file = await this.files.find(auth.tenantId, idOf(id));
    if (!file) throw notFound(id);
    return file;
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a stored task file; refused while a schedule runs it' })
  async remove(@Auth() auth: AuthContext, @Param('id') id: string): Promise<void> {
    const result = await this.files.delete(auth.tenantId, idOf(id));
    if (!result) throw notFound(id);
    if (!result.deleted) {
      const names = result.usedBy.map((name) => `"${name}"`).join(', ');
      throw new GtrError(
        'E_CONFLICT',
        `Task file ${id} is run by schedule ${names}; delete or change the schedule first.`,
      );
    }
  }
}

function idOf(id: string): string {
  return parseOrThrow(idSchema, { id }, 'task file id').id;
}

function notFound(id: string): GtrError {
  return new GtrError('E_NOT_FOUND', `No task file ${id}.`);
}
