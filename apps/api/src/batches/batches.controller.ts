import { unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Req,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Request, type Response } from 'express';
import { BatchesRepository } from '@gtr/data';
import {
  type BatchView,
  type CreateBatchResult,
  GtrError,
  type Page,
  type RetryFailedResult,
  type RunView,
  batchFormFieldsSchema,
  batchSubmissionSchema,
  createBatchRequestSchema,
  parseOrThrow,
} from '@gtr/domain';
import { formatResults } from '@gtr/task-files';
import { Auth, type AuthContext } from '../auth/auth-context';
import {
  batchIdSchema,
  batchResultsQuerySchema,
  batchRunsQuerySchema,
  listBatchesQuerySchema,
} from './batch-queries';
import { toBatchRowResult } from './to-batch-row-result';
import { type UploadedTaskFile } from './uploaded-task-file';
import { CancelBatchUseCase } from './use-cases/cancel-batch.use-case';
import { type CreateBatchCommand, CreateBatchUseCase } from './use-cases/create-batch.use-case';
import { PauseBatchUseCase } from './use-cases/pause-batch.use-case';
import { RetryFailedBatchUseCase } from './use-cases/retry-failed-batch.use-case';

/** Largest task file an upload may be; it is streamed to disk, never held in memory. */
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

const upload = FileInterceptor('file', {
  dest: join(tmpdir(), 'gtr-uploads'),
  limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 20, fieldSize: 64 * 1024 },
});

@ApiTags('batches')
@ApiBearerAuth()
@Controller('v1/batches')
export class BatchesController {
  constructor(
    private readonly createBatch: CreateBatchUseCase,
    private readonly cancelBatch: CancelBatchUseCase,
    private readonly retryFailed: RetryFailedBatchUseCase,
    private readonly pauseBatch: PauseBatchUseCase,
    @Inject(BatchesRepository) private readonly batches: BatchesRepository,
  ) {}

  @Post()
  @UseInterceptors(upload)
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiOperation({ summary: 'Create a batch from JSON rows or an uploaded CSV/JSONL file (field `file`)' })
  async create(
    @Auth() auth: AuthContext,
    @Req() req: Request,
    @Body() body: unknown,
    @UploadedFile() file: UploadedTaskFile | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CreateBatchResult> {
    try {
      const command = this.commandOf(auth.tenantId, req, body, file, idempotencyKey || undefined);
      const { result, created } = await this.createBatch.execute(command);
      res.status(created ? 201 : 200);
      if (!created) res.setHeader('Idempotent-Replayed', 'true');
      return result;
    } finally {
      if (file) await unlink(file.path).catch(() => undefined);
    }
  }

  @Get()
  @ApiOperation({ summary: 'List batches, newest first, with cursor pagination' })
  list(@Auth() auth: AuthContext, @Query() query: Record<string, unknown>): Promise<Page<BatchView>> {
    return this.batches.list(auth.tenantId, parseOrThrow(listBatchesQuerySchema, query, 'query'));
  }

  @Get(':id')
  @ApiOperation({ summary: 'A batch with its progress' })
  async get(@Auth() auth: AuthContext, @Param('id') id: string): Promise<BatchView> {
    const batchId = parseOrThrow(batchIdSchema, id, 'batch id');
    const batch = await this.batches.find(auth.tenantId, batchId);
    if (!batch) throw notFound(batchId);
    return batch;
  }

  @Get(':id/runs')
  @ApiOperation({ summary: 'The runs of a batch in input order, by status, with cursor pagination' })
  async runs(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
  ): Promise<Page<RunView>> {
    const batchId = parseOrThrow(batchIdSchema, id, 'batch id');
    const page = await this.batches.runs(
      auth.tenantId,
      batchId,
      parseOrThrow(batchRunsQuerySchema, query, 'query'),
    );
    if (!page) throw notFound(batchId);
    return page;
  }

  @Get(':id/results')
  @ApiOperation({ summary: 'The results file: one JSONL line or CSV record per input row, in input order' })
  async results(
    @Auth() auth: AuthContext,
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const batchId = parseOrThrow(batchIdSchema, id, 'batch id');
    const { format, status } = parseOrThrow(batchResultsQuerySchema, query, 'query');
    if (!(await this.batches.find(auth.tenantId, batchId))) throw notFound(batchId);
    res.status(200);
    res.type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="batch-${batchId}.${format}"`);
    const rows = this.batches.resultsInOrder(auth.tenantId, batchId, status);
    await pipeline(Readable.from(formatResults(mapResults(rows), format)), res);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel every unfinished run of a batch' })
  cancel(@Auth() auth: AuthContext, @Param('id') id: string): Promise<BatchView> {
    return this.cancelBatch.execute({
      tenantId: auth.tenantId,
      batchId: parseOrThrow(batchIdSchema, id, 'batch id'),
    });
  }

  @Post(':id/pause')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pause a batch: no new run starts (calls in flight finish) until it is resumed' })
  pause(@Auth() auth: AuthContext, @Param('id') id: string): Promise<BatchView> {
    return this.pauseBatch.pause({
      tenantId: auth.tenantId,
      batchId: parseOrThrow(batchIdSchema, id, 'batch id'),
    });
  }

  @Post(':id/resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resume a paused batch: its waiting runs are queued again' })
  resume(@Auth() auth: AuthContext, @Param('id') id: string): Promise<BatchView> {
    return this.pauseBatch.resume({
      tenantId: auth.tenantId,
      batchId: parseOrThrow(batchIdSchema, id, 'batch id'),
    });
  }

  @Post(':id/retry-failed')
  @HttpCode(200)
  @ApiOperation({ summary: 'Queue the failed runs of a batch again, with fresh attempts' })
  retry(@Auth() auth: AuthContext, @Param('id') id: string): Promise<RetryFailedResult> {
    return this.retryFailed.execute({
      tenantId: auth.tenantId,
      batchId: parseOrThrow(batchIdSchema, id, 'batch id'),
    });
  }

  private commandOf(
    tenantId: string,
    req: Request,
    body: unknown,
    file: UploadedTaskFile | undefined,
    idempotencyKey: string | undefined,
  ): CreateBatchCommand {
    if (req.is('multipart/form-data')) {
      if (!file) {
        throw new GtrError('E_VALIDATION', 'Invalid request: file is missing', [
          { field: 'file', message: 'is required: a CSV or JSONL task file' },
        ]);
      }
      const fields = parseOrThrow(batchFormFieldsSchema, { ...(body as object) }, 'form');
      const submission = parseOrThrow(batchSubmissionSchema, fields, 'form');
      return { tenantId, submission, source: file.path, fileName: file.originalname, idempotencyKey };
    }
    const { rows, ...submission } = parseOrThrow(createBatchRequestSchema, body ?? {}, 'request');
    return { tenantId, submission, source: jsonlOf(rows), format: 'jsonl', idempotencyKey };
  }
}

function notFound(batchId: string): GtrError {
  return new GtrError('E_NOT_FOUND', `Batch ${batchId} not found.`);
}

/** JSON rows as the lines of a JSONL task file, so they are checked exactly as an upload is. */
function* jsonlOf(rows: readonly Record<string, unknown>[]): Generator<string> {
  for (const row of rows) yield `${JSON.stringify(row)}\n`;
}

async function* mapResults(rows: AsyncIterable<Parameters<typeof toBatchRowResult>[0]>) {
  for await (const row of rows) yield toBatchRowResult(row);
}
