/**
 * What a schedule does when a fire time comes while its previous run has not finished:
 * `skip` the new fire, `allow` both to run, or `cancel_previous` and start the new one.
 */
export const SCHEDULE_OVERLAP_POLICIES = ['skip', 'allow', 'cancel_previous'] as const;
export type ScheduleOverlapPolicy = (typeof SCHEDULE_OVERLAP_POLICIES)[number];

/**
 * What a schedule does about fire times that passed while no scheduler was running:
 * `skip` them (only a fire that is at most a short grace late still runs), or `run_once`
 * for all of them together.
 */
export const SCHEDULE_MISSED_POLICIES = ['skip', 'run_once'] as const;
export type ScheduleMissedPolicy = (typeof SCHEDULE_MISSED_POLICIES)[number];

/** What became of one fire time: a run was created, or it was skipped or failed (see its reason). */
export const SCHEDULE_FIRE_STATUSES = ['created', 'skipped', 'failed'] as const;
export type ScheduleFireStatus = (typeof SCHEDULE_FIRE_STATUSES)[number];
