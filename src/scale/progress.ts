/**
 * A progress line on stderr for long runs: done/total, percent, time left and the current file.
 * Only on a terminal (never when stderr is a pipe or file), only once a run has lasted
 * SHOW_AFTER_MS (short runs print nothing), redrawn at most 10 times a second, and cleared
 * before anything else is written to the terminal and at the end.
 */
export const SHOW_AFTER_MS = 400;

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(s: string): unknown;
}

export class Progress {
  private done = 0;
  private readonly started: number;
  private lastDraw = 0;
  private shown = false;
  private current = '';

  constructor(
    private readonly total: number,
    private readonly stream: ProgressStream,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  /** A Progress when `enabled` and `stream` is a terminal; else undefined (draws nothing). */
  static forStream(total: number, stream: ProgressStream, enabled: boolean): Progress | undefined {
    return enabled && stream.isTTY && total > 1 ? new Progress(total, stream) : undefined;
  }

  /** `file` is being linted. */
  start(file: string): void {
    this.current = file;
    this.draw(false);
  }

  /** One more file is done. */
  tick(file?: string): void {
    this.done++;
    if (file) this.current = file;
    this.draw(false);
  }

  /** The line as it is drawn (for tests). */
  line(width: number): string {
    const elapsed = this.now() - this.started;
    const pct = this.total ? Math.floor((100 * this.done) / this.total) : 100;
    const left = this.done ? ((elapsed / this.done) * (this.total - this.done)) / 1000 : NaN;
    const eta = Number.isFinite(left) ? `${formatSeconds(left)} left` : '';
    const barWidth = 20;
    const fill = Math.round((barWidth * this.done) / Math.max(1, this.total));
    const head = `[${'#'.repeat(fill)}${'-'.repeat(barWidth - fill)}] ${this.done}/${this.total} ${pct}%${eta ? ` ${eta}` : ''}`;
    const room = width - head.length - 2;
    if (room < 8) return head.slice(0, Math.max(0, width - 1));
    const file = this.current.length > room ? `…${this.current.slice(this.current.length - room + 1)}` : this.current;
    return `${head}  ${file}`;
  }

  private draw(force: boolean): void {
    const t = this.now();
    if (!force && (t - this.started < SHOW_AFTER_MS || t - this.lastDraw < 100)) return;
    this.lastDraw = t;
    this.shown = true;
    this.stream.write(`\r\u001b[K${this.line((this.stream.columns ?? 80) - 1)}`);
  }

  /** Removes the line (before other output to the terminal); the next tick draws it again. */
  clear(): void {
    if (!this.shown) return;
    this.stream.write('\r\u001b[K');
    this.shown = false;
  }

  /** Ends the run: removes the line for good. */
  end(): void {
    this.clear();
    this.lastDraw = Number.POSITIVE_INFINITY;
  }
}

function formatSeconds(s: number): string {
  if (s < 60) return `${Math.ceil(s)}s`;
  const m = Math.floor(s / 60);
  return `${m}m${String(Math.ceil(s % 60)).padStart(2, '0')}s`;
}
