// Summarises a Chromium trace written by `npm run bench -- --trace` (the scroll phase): how busy each renderer
// thread was, and for every main-thread task over 50 ms its wall time, its own CPU time (a task with far less
// CPU than wall time was waiting for a core, not working) and what it spent the time on.
import { readFileSync } from 'node:fs';

const TOP = new Set(['RunTask', 'ThreadControllerImpl::RunTask', 'ThreadPool_RunTask']);

export function summariseTrace(path) {
  const raw = JSON.parse(readFileSync(path, 'utf8'));
  const events = raw.traceEvents ?? raw;
  const names = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  const byThread = new Map();
  let t0 = Infinity;
  let t1 = 0;
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur) continue;
    const k = `${e.pid}:${e.tid}`;
    let list = byThread.get(k);
    if (!list) byThread.set(k, (list = []));
    list.push(e);
    t0 = Math.min(t0, e.ts);
    t1 = Math.max(t1, e.ts + e.dur);
  }
  const threads = [];
  for (const [k, list] of byThread) {
    const top = list.filter((e) => TOP.has(e.name));
    const busy = top.reduce((s, e) => s + e.dur, 0);
    if (busy > 100_000) threads.push({ thread: names.get(k) ?? k, busyS: Math.round(busy / 1e4) / 100 });
  }
  threads.sort((a, b) => b.busyS - a.busyS);
  const mainKey = [...names].find(([, n]) => n === 'CrRendererMain')?.[0];
  const main = byThread.get(mainKey) ?? [];
  const longTasks = main
    .filter((e) => TOP.has(e.name) && e.dur > 50_000)
    .map((t) => {
      const inside = new Map();
      for (const e of main) {
        if (e === t || e.ts < t.ts || e.ts + e.dur > t.ts + t.dur) continue;
        inside.set(e.name, (inside.get(e.name) ?? 0) + e.dur);
      }
      return {
        wallMs: Math.round(t.dur / 100) / 10,
        cpuMs: t.tdur === undefined ? null : Math.round(t.tdur / 100) / 10,
        top: [...inside]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 6)
          .map(([n, d]) => `${n} ${Math.round(d / 1000)}ms`)
          .join(', ')
      };
    });
  return { spanS: Math.round((t1 - t0) / 1e4) / 100, threads, longTasks };
}
