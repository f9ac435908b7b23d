import { type ScheduleView } from '@gtr/domain';

export function scheduleFixture(overrides: Partial<ScheduleView> = {}): ScheduleView {
  return {
    id: '5c4e0000-0000-4000-8000-000000000001',
    name: 'nightly',
    cron: '30 2 * * *',
    every: null,
    timezone: 'Europe/Berlin',
    target: { type: 'task', task: 'summarize', input: { topic: 'news' } },
    enabled: true,
    overlapPolicy: 'skip',
    missedPolicy: 'skip',
    lastFireAt: null,
    nextFireAt: '2025-01-02T01:30:00.000Z',
    createdAt: '2025-01-01T12:00:00.000Z',
    updatedAt: '2025-01-01T12:00:00.000Z',
    ...overrides,
  };
}
