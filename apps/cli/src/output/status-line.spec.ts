import { MemoryStream } from '../../test/cli-harness';
import { StatusLine } from './status-line';

describe('StatusLine', () => {
  it('draws, redraws in place with elapsed time, and clears the line at the end on a terminal', () => {
    const stream = new MemoryStream(true);
    let now = 1000;
    const line = new StatusLine(stream, () => now);

    line.start('7f1c2d3e waiting');
    now = 3500;
    line.update('7f1c2d3e running');
    now = 125_000;
    line.update('7f1c2d3e running (attempt 2)');
    line.stop();
    line.stop();

    expect(stream.chunks).toEqual([
      '\r\x1b[2K⠋ 7f1c2d3e waiting 0.0s',
      '\r\x1b[2K⠙ 7f1c2d3e running 2.5s',
      '\r\x1b[2K⠹ 7f1c2d3e running (attempt 2) 2m 04s',
      '\r\x1b[2K',
    ]);
  });

  it('redraws on its own while nothing changes', async () => {
    const stream = new MemoryStream(true);
    const line = new StatusLine(stream);
    line.start('waiting');
    await new Promise((resolve) => setTimeout(resolve, 250));
    line.stop();
    expect(stream.chunks.length).toBeGreaterThanOrEqual(3);
  });

  it('writes nothing when the stream is not a terminal', () => {
    const stream = new MemoryStream(false);
    const line = new StatusLine(stream);
    line.start('waiting');
    line.update('running');
    line.stop();
    expect(stream.chunks).toEqual([]);
  });
});
