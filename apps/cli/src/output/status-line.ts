import { type OutputStream } from '../cli-deps';
import { formatDuration } from './format-values';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const CLEAR_LINE = '\r\x1b[2K';

/**
 * A one-line spinner with elapsed time, redrawn in place. Does nothing unless the stream is a
 * terminal, so piped or redirected stderr stays clean.
 */
export class StatusLine {
  private text = '';
  private frame = 0;
  private startedAt = 0;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly stream: OutputStream,
    private readonly now: () => number = Date.now,
  ) {}

  get enabled(): boolean {
    return this.stream.isTTY === true;
  }

  start(text: string): void {
    if (!this.enabled) return;
    this.text = text;
    this.startedAt = this.now();
    this.render();
    this.timer = setInterval(() => this.render(), 100);
    this.timer.unref?.();
  }

  update(text: string): void {
    this.text = text;
    if (this.timer) this.render();
  }

  /** Clears the line. */
  stop(): void {
    if (!this.timer) return;
    clearInterval(this.timer);
    this.timer = undefined;
    this.stream.write(CLEAR_LINE);
  }

  private render(): void {
    const frame = FRAMES[this.frame++ % FRAMES.length];
    const elapsed = this.now() - this.startedAt;
    const clock = elapsed < 60_000 ? `${(elapsed / 1000).toFixed(1)}s` : formatDuration(elapsed);
    this.stream.write(`${CLEAR_LINE}${frame} ${this.text} ${clock}`);
  }
}
