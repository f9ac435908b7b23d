export * from './lib/config-variable';
export * from './lib/config-schema';
export * from './lib/load-config';
export * from './lib/credentials-file';
export * from './lib/client-config';
