import {
  type CreateScheduleBody,
  type Page,
  type ScheduleFireView,
  type ScheduleNextFiresView,
  type ScheduleView,
  type TaskFileView,
  type UpdateScheduleBody,
} from '@gtr/domain';
import { type BatchUploadFile } from './batch-methods';
import { type HttpTransport } from './http-transport';
import { type RequestOptions } from './request-options';
import { type SchedulePageParams } from './schedule-page-params';

/** The schedule methods of `GtrClient` (docs/api.md, Schedules). Schedules are addressed by name. */
export interface ScheduleMethods {
  /** `POST /v1/schedules`; `E_CONFLICT` when the name is taken. */
  createSchedule(body: CreateScheduleBody, options?: RequestOptions): Promise<ScheduleView>;
  /** `GET /v1/schedules`: one page, by name. */
  listSchedules(params?: SchedulePageParams, options?: RequestOptions): Promise<Page<ScheduleView>>;
  /** `GET /v1/schedules/:name`. */
  getSchedule(name: string, options?: RequestOptions): Promise<ScheduleView>;
  /** `PATCH /v1/schedules/:name`: changes the given fields. */
  updateSchedule(name: string, body: UpdateScheduleBody, options?: RequestOptions): Promise<ScheduleView>;
  /** `DELETE /v1/schedules/:name`: the schedule and its history (its runs stay). */
  deleteSchedule(name: string, options?: RequestOptions): Promise<void>;
  /** `POST /v1/schedules/:name/enable`: resumes from the next fire time after now. */
  enableSchedule(name: string, options?: RequestOptions): Promise<ScheduleView>;
  /** `POST /v1/schedules/:name/disable`. */
  disableSchedule(name: string, options?: RequestOptions): Promise<ScheduleView>;
  /** `GET /v1/schedules/:name/next`: the coming `count` (API default 5) fire times. */
  nextScheduleFires(
    name: string,
    params?: { count?: number },
    options?: RequestOptions,
  ): Promise<ScheduleNextFiresView>;
  /** `GET /v1/schedules/:name/history`: handled fire times, newest first. */
  scheduleHistory(
    name: string,
    params?: SchedulePageParams,
    options?: RequestOptions,
  ): Promise<Page<ScheduleFireView>>;
  /**
   * `POST /v1/task-files`: stores a CSV or JSONL task file for batch schedules, every row checked
   * (against `task`'s variables when given); `E_VALIDATION` naming rows and fields otherwise.
   */
  uploadTaskFile(
    file: BatchUploadFile,
    fields: { fileName: string; task?: string },
    options?: RequestOptions,
  ): Promise<TaskFileView>;
  /** `DELETE /v1/task-files/:id`; `E_CONFLICT` while a schedule runs it. */
  deleteTaskFile(id: string, options?: RequestOptions): Promise<void>;
}

/** The schedule methods on a transport. */
export function scheduleMethods(http: HttpTransport): ScheduleMethods {
  const path = (name: string, action = ''): string => `/v1/schedules/${encodeURIComponent(name)}${action}`;
  return {
    createSchedule: (body, opts) =>
      http.json({ method: 'POST', path: '/v1/schedules', body, signal: opts?.signal }),
    listSchedules: (params = {}, opts) =>
      http.json({
        method: 'GET',
        path: '/v1/schedules',
        query: { limit: params.limit, cursor: params.cursor },
        signal: opts?.signal,
      }),
    getSchedule: (name, opts) => http.json({ method: 'GET', path: path(name), signal: opts?.signal }),
    updateSchedule: (name, body, opts) =>
      http.json({ method: 'PATCH', path: path(name), body, signal: opts?.signal }),
    deleteSchedule: async (name, opts) => {
      await http.send({ method: 'DELETE', path: path(name), signal: opts?.signal });
    },
    enableSchedule: (name, opts) =>
      http.json({ method: 'POST', path: path(name, '/enable'), signal: opts?.signal }),
    disableSchedule: (name, opts) =>
      http.json({ method: 'POST', path: path(name, '/disable'), signal: opts?.signal }),
    nextScheduleFires: (name, params = {}, opts) =>
      http.json({
        method: 'GET',
        path: path(name, '/next'),
        query: { count: params.count },
        signal: opts?.signal,
      }),
    uploadTaskFile: async (file, fields, opts) => {
      const form = new FormData();
      if (fields.task !== undefined) form.append('task', fields.task);
      form.append('file', file instanceof Blob ? file : await blobOf(file), fields.fileName);
      return http.json({ method: 'POST', path: '/v1/task-files', form, signal: opts?.signal, timeoutMs: 0 });
    },
    deleteTaskFile: async (id, opts) => {
      await http.send({
        method: 'DELETE',
        path: `/v1/task-files/${encodeURIComponent(id)}`,
        signal: opts?.signal,
      });
    },
    scheduleHistory: (name, params = {}, opts) =>
      http.json({
        method: 'GET',
        path: path(name, '/history'),
        query: { limit: params.limit, cursor: params.cursor },
        signal: opts?.signal,
      }),
  };
}

async function blobOf(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<Blob> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return new Blob(parts as BlobPart[]);
}
