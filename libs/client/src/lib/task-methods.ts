import {
  type CreateTaskRequest,
  type Page,
  type TaskTestResult,
  type TaskView,
  type UpdateTaskRequest,
} from '@gtr/domain';
import { type HttpTransport } from './http-transport';
import { type ListTaskVersionsParams, type ListTasksParams } from './list-tasks-params';
import { type RequestOptions } from './request-options';
import { type TestTaskOptions } from './test-task-options';

/** The task methods of `GtrClient` (docs/api.md, Tasks; docs/tasks.md). Tasks are addressed by name. */
export interface TaskMethods {
  /** `POST /v1/tasks`: creates a task as version 1; `E_CONFLICT` when the name is taken. */
  createTask(body: CreateTaskRequest, options?: RequestOptions): Promise<TaskView>;
  /** `GET /v1/tasks`: one page of tasks (their latest versions), by name. */
  listTasks(params?: ListTasksParams, options?: RequestOptions): Promise<Page<TaskView>>;
  /** `GET /v1/tasks/:name`: the latest version, or `version`. */
  getTask(name: string, version?: number, options?: RequestOptions): Promise<TaskView>;
  /** `PATCH /v1/tasks/:name`: the fields to change; resolves with the new version. */
  updateTask(name: string, patch: UpdateTaskRequest, options?: RequestOptions): Promise<TaskView>;
  /** `DELETE /v1/tasks/:name`: the task disappears and its name is free again. */
  deleteTask(name: string, options?: RequestOptions): Promise<void>;
  /** `GET /v1/tasks/:name/versions`: one page of versions, newest first. */
  listTaskVersions(
    name: string,
    params?: ListTaskVersionsParams,
    options?: RequestOptions,
  ): Promise<Page<TaskView>>;
  /**
   * `POST /v1/tasks/:name/test`: renders the task with `input` and runs it; resolves with the
   * rendered messages and the (queued) run. `E_INPUT` names each missing `input.<variable>`.
   */
  testTask(name: string, input: Record<string, unknown>, options?: TestTaskOptions): Promise<TaskTestResult>;
}

/** The task methods on a transport. */
export function taskMethods(http: HttpTransport): TaskMethods {
  const path = (name: string, action = ''): string => `/v1/tasks/${encodeURIComponent(name)}${action}`;
  return {
    createTask: (body, opts) => http.json({ method: 'POST', path: '/v1/tasks', body, signal: opts?.signal }),
    listTasks: (params = {}, opts) =>
      http.json({
        method: 'GET',
        path: '/v1/tasks',
        query: { tag: params.tag, limit: params.limit, cursor: params.cursor },
        signal: opts?.signal,
      }),
    getTask: (name, version, opts) =>
      http.json({ method: 'GET', path: path(name), query: { version }, signal: opts?.signal }),
    updateTask: (name, patch, opts) =>
      http.json({ method: 'PATCH', path: path(name), body: patch, signal: opts?.signal }),
    deleteTask: (name, opts) => http.empty({ method: 'DELETE', path: path(name), signal: opts?.signal }),
    listTaskVersions: (name, params = {}, opts) =>
      http.json({
        method: 'GET',
        path: path(name, '/versions'),
        query: { limit: params.limit, cursor: params.cursor },
        signal: opts?.signal,
      }),
    testTask: (name, input, opts = {}) => {
      const { signal, ...overrides } = opts;
      return http.json({ method: 'POST', path: path(name, '/test'), body: { ...overrides, input }, signal });
    },
  };
}
