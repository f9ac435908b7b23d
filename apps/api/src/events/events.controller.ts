import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Request, type Response } from 'express';
import { z } from 'zod';
import { type RunEvent, parseOrThrow } from '@gtr/domain';
import { runEventsChannel } from '@gtr/queue';
import { RUNTIME, type Runtime } from '@gtr/server';
import { Auth, type AuthContext } from '../auth/auth-context';

const HEARTBEAT_MS = 15_000;
const eventsQuerySchema = z.object({ runId: z.uuid().optional(), batchId: z.uuid().optional() }).strict();

/** Live run changes of the caller's tenant as Server-Sent Events. */
@ApiTags('events')
@ApiBearerAuth()
@Controller('v1/events')
export class EventsController {
  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  @Get()
  @ApiOperation({ summary: 'Stream run.updated events (text/event-stream)' })
  async stream(
    @Auth() auth: AuthContext,
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const filter = parseOrThrow(eventsQuerySchema, query, 'query');
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write(': connected\n\n');
    const unsubscribe = await this.runtime.events.subscribe(runEventsChannel(auth.tenantId), (message) => {
      const event = message as RunEvent;
      if (filter.runId && event.runId !== filter.runId) return;
      if (filter.batchId && event.batchId !== filter.batchId) return;
      res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    req.on('close', () => {
      clearInterval(heartbeat);
      void unsubscribe();
    });
  }
}
