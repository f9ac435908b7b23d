import { createEventBus } from './create-event-bus';

describe('createEventBus', () => {
  it('requires a prefix', () => {
    expect(() => createEventBus({ prefix: '' })).toThrow('prefix');
  });
});
