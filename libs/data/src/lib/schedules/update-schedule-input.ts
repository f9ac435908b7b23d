import { type CreateScheduleInput } from './create-schedule-input';

/**
 * Fields of a schedule to change; absent ones stay. Whoever changes the timing or enables the
 * schedule also sets `nextFireAt` (null while disabled).
 */
export type UpdateScheduleInput = Partial<Omit<CreateScheduleInput, 'name'>>;
