import { CreatedInitialSchema1795632609461 } from './1795632609461-CreatedInitialSchema';
import { AddedResponseCache1795634658025 } from './1795634658025-AddedResponseCache';
import { AddedTaskVersionSnapshots1795634688108 } from './1795634688108-AddedTaskVersionSnapshots';
import { AddedScheduleFires1795634690867 } from './1795634690867-AddedScheduleFires';
import { AddedBatchRowIds1795640000000 } from './1795640000000-AddedBatchRowIds';
import { AddedTaskFiles1795650000000 } from './1795650000000-AddedTaskFiles';
import { AddedProviderBatches1795660000000 } from './1795660000000-AddedProviderBatches';

/** Every migration, oldest first. */
export const ALL_MIGRATIONS = [
  CreatedInitialSchema1795632609461,
  AddedResponseCache1795634658025,
  AddedTaskVersionSnapshots1795634688108,
  AddedScheduleFires1795634690867,
  AddedBatchRowIds1795640000000,
  AddedTaskFiles1795650000000,
  AddedProviderBatches1795660000000,
];
