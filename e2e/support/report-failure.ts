import fs from 'node:fs';
import { afterEach, beforeEach, inject } from 'vitest';

// When a browser test fails, print what the server logged while it ran: the refusals and errors (status >= 400,
// level >= warn), so a failure on CI says what the server answered and not only what the page did not show.
let from = 0;
const size = () => (fs.existsSync(inject('serverLog')) ? fs.statSync(inject('serverLog')).size : 0);

beforeEach(() => {
  from = size();
});

afterEach((ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  const fd = fs.openSync(inject('serverLog'), 'r');
  const buf = Buffer.alloc(size() - from);
  fs.readSync(fd, buf, 0, buf.length, from);
  fs.closeSync(fd);
  const lines = buf.toString('utf8').split('\n').filter((line) => {
    try {
      const entry = JSON.parse(line) as { level?: number; res?: { statusCode?: number } };
      return (entry.level ?? 0) >= 40 || (entry.res?.statusCode ?? 0) >= 400;
    } catch {
      return line.trim() !== '';
    }
  });
  console.error(`server log during “${ctx.task.name}” (refusals and errors):\n${lines.slice(-40).join('\n') || '(none)'}`);
});
