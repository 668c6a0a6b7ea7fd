import { describe, expect, it } from 'vitest';
import { Progress, SHOW_AFTER_MS } from '../../src/scale/progress.js';

function terminal(isTTY = true) {
  const writes: string[] = [];
  return { stream: { isTTY, columns: 80, write: (s: string) => writes.push(s) }, writes };
}

describe('progress line', () => {
  it('is only made for a terminal, when enabled, for more than one file', () => {
    expect(Progress.forStream(10, terminal(false).stream, true)).toBeUndefined();
    expect(Progress.forStream(10, terminal().stream, false)).toBeUndefined();
    expect(Progress.forStream(1, terminal().stream, true)).toBeUndefined();
    expect(Progress.forStream(10, terminal().stream, true)).toBeInstanceOf(Progress);
  });

  it('stays silent for short runs, then shows done/total, time left and the file, and clears itself', () => {
    let now = 1000;
    const { stream, writes } = terminal();
    const p = new Progress(4, stream, () => now);
    p.tick('a.html');
    expect(writes).toEqual([]);
    now += SHOW_AFTER_MS + 100; // 500 ms per file so far
    p.tick('templates/b.html');
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatch(/^\r\u001b\[K\[#{10}-{10}\] 2\/4 50% 1s left {2}templates\/b\.html$/);
    now += 50;
    p.tick('c.html'); // redrawn at most every 100 ms
    expect(writes).toHaveLength(1);
    p.clear();
    expect(writes[1]).toBe('\r\u001b[K');
    p.end();
    now += 1000;
    p.tick('d.html');
    expect(writes).toHaveLength(2);
  });

  it('fits the line to the terminal, keeping the end of a long path', () => {
    const p = new Progress(3, terminal().stream, () => 0);
    p.tick(`deep/${'x'.repeat(100)}/mail.html`);
    const line = p.line(60);
    expect(line.length).toBeLessThanOrEqual(60);
    expect(line).toMatch(/…x+\/mail\.html$/);
  });
});
