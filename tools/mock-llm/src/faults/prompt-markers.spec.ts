import { findPromptMarker, stripPromptMarkers } from './prompt-markers';

describe('prompt markers', () => {
  it.each([
    ['x [[fail:500]]', { fault: 'error500', times: null }],
    ['[[fail:503]] x', { fault: 'error503', times: null }],
    ['[[fail:429]]', { fault: 'rateLimit', times: null }],
    ['[[fail:quota]]', { fault: 'quota', times: null }],
    ['[[fail:context]]', { fault: 'contextLength', times: null }],
    ['[[fail:filter]]', { fault: 'contentFilter', times: null }],
    ['[[fail:malformed]]', { fault: 'malformed', times: null }],
    ['[[fail:hang]]', { fault: 'hang', times: null }],
    ['[[fail:once:500]]', { fault: 'error500', times: 1 }],
    ['[[FAIL:ONCE:Filter]]', { fault: 'contentFilter', times: 1 }],
    ['[[fail:3x:503]]', { fault: 'error503', times: 3 }],
    ['[[fail:nope]] then [[fail:hang]]', { fault: 'hang', times: null }],
  ])('%s', (text, expected) => {
    expect(findPromptMarker(text)).toEqual(expected);
  });

  it('finds nothing in plain text or unknown markers', () => {
    expect(findPromptMarker('Say hello')).toBeNull();
    expect(findPromptMarker('[[fail:teapot]]')).toBeNull();
    expect(findPromptMarker('[fail:500]')).toBeNull();
  });

  it('strips every marker and the space it leaves', () => {
    expect(stripPromptMarkers('Say  hi [[fail:once:500]] there [[fail:x]]')).toBe('Say hi there');
  });
});
