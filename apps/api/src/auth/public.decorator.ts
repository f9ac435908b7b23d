import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'gtr:public';

/** Marks a route that needs no API key (health, metrics, docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
