// In-page instrumentation for `npm run bench`, installed with context.addInitScript before any app code runs.
// Plain script (no imports): everything hangs off window.__bench. All times are performance.now() values of
// this document, i.e. milliseconds since its navigation started (timeOrigin).
(() => {
  if (window.__bench) return;
  const bench = (window.__bench = {
    longtasks: [],
    firstRowAt: null,
    firstRowPaintAt: null,
    indexLoadingSeenAt: null,
    indexLoadingGoneAt: null
  });

  // Main-thread long tasks (> 50 ms), the whole life of the document.
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    bench.longtaskSupported = true;
  } catch {
    bench.longtaskSupported = false;
  }

  /** Long tasks that overlap [from, to] (performance.now() times). */
  bench.longTasksBetween = (from, to) => {
    const hits = bench.longtasks.filter((t) => t.start + t.duration >= from && t.start <= to);
    return {
      count: hits.length,
      maxMs: hits.reduce((m, t) => Math.max(m, t.duration), 0),
      totalMs: hits.reduce((s, t) => s + t.duration, 0),
      over100: hits.filter((t) => t.duration > 100).length
    };
  };

  // First order row in the DOM after navigation (cold start), the frame after it, and the "indexing"
  // notice coming and going. One observer on the document from the very start; it stops once all is seen.
  const startup = new MutationObserver(() => {
    if (bench.firstRowAt === null && document.querySelector('[data-testid="order-row"]')) {
      bench.firstRowAt = performance.now();
      requestAnimationFrame(() => (bench.firstRowPaintAt = performance.now()));
    }
    const loading = document.querySelector('[data-testid="index-loading"]');
    if (loading && bench.indexLoadingSeenAt === null) bench.indexLoadingSeenAt = performance.now();
    if (!loading && bench.indexLoadingSeenAt !== null && bench.indexLoadingGoneAt === null) bench.indexLoadingGoneAt = performance.now();
    if (bench.firstRowAt !== null && (bench.indexLoadingGoneAt !== null || performance.now() > 120_000)) startup.disconnect();
  });
  startup.observe(document, { childList: true, subtree: true });

  /** Resolves with performance.now() once `selector` matches (checked on every DOM mutation). */
  bench.whenPresent = (selector, timeoutMs = 600_000) =>
    new Promise((resolve, reject) => {
      if (document.querySelector(selector)) return resolve(performance.now());
      const obs = new MutationObserver(() => {
        if (document.querySelector(selector)) {
          obs.disconnect();
          clearTimeout(timer);
          resolve(performance.now());
        }
      });
      const timer = setTimeout(() => {
        obs.disconnect();
        reject(new Error(`${selector} did not appear within ${timeoutMs} ms`));
      }, timeoutMs);
      obs.observe(document.body, { childList: true, subtree: true });
    });

  // ---- list update latency
  // arm() marks the rows now in the list as stale and listens (capture phase) for the next input event
  // the benchmark sends through Playwright. A query change makes the list drop its rows (placeholders) and
  // render new row elements when the engine answers, so the first non-stale row (or a fresh "no orders"
  // notice) means the list shows the new result. start = the input event's timeStamp; done = the DOM
  // mutation that brought the new rows; paint = the next animation frame after that.
  const INPUT_EVENTS = ['pointerdown', 'mousedown', 'keydown', 'beforeinput', 'input', 'change'];
  bench.arm = (timeoutMs = 15_000) => {
    for (const el of document.querySelectorAll('[data-testid="order-row"], [data-testid="order-empty"]')) el.__benchStale = true;
    const state = { start: null, done: null, paint: null, count: null, total: null, timedOut: false };
    const onInput = (e) => {
      if (state.start === null) state.start = e.timeStamp;
    };
    for (const t of INPUT_EVENTS) window.addEventListener(t, onInput, { capture: true });
    const cleanup = () => {
      for (const t of INPUT_EVENTS) window.removeEventListener(t, onInput, { capture: true });
    };
    bench.armed = new Promise((resolve) => {
      const check = () => {
        if (state.start === null || state.done !== null) return;
        const fresh = [...document.querySelectorAll('[data-testid="order-row"], [data-testid="order-empty"]')].some((el) => !el.__benchStale);
        if (!fresh) return;
        state.done = performance.now();
        const countEl = document.querySelector('[data-testid="order-count"]');
        state.count = countEl ? countEl.textContent.trim() : null;
        state.total = countEl ? Number(countEl.getAttribute('data-total')) : null;
        obs.disconnect();
        clearTimeout(timer);
        cleanup();
        requestAnimationFrame(() => {
          state.paint = performance.now();
          resolve(state);
        });
      };
      const obs = new MutationObserver(check);
      obs.observe(document.body, { childList: true, subtree: true, characterData: true });
      const timer = setTimeout(() => {
        obs.disconnect();
        cleanup();
        state.timedOut = true;
        resolve(state);
      }, timeoutMs);
    });
    return true;
  };

  // ---- import (the Import page, driven by setInputFiles and a click on import-confirm)
  // watchImport(expectTotal) starts watching; every mark is the performance.now() of the DOM mutation that
  // first showed it, with the next animation frame in paints[]. dropAt = timeStamp of the file input's change
  // event (what setInputFiles / a real drop delivers); confirmAt = timeStamp of the click on import-confirm.
  // Marks: progress (import-progress shown), progressNumbers (first "n / total" from the worker), counts
  // (import-counts), sampleRow (first previewed order), done (import-done), total (order-count data-total =
  // expectTotal after the confirm). Also a requestAnimationFrame loop (frame gaps) and 100 ms progress samples.
  bench.watchImport = (expectTotal) => {
    bench.imp?.stop?.();
    const w = (bench.imp = { dropAt: null, confirmAt: null, files: null, marks: {}, paints: {}, progress: [], frames: { n: 0, max: 0, over50: 0, over100: 0 } });
    const mark = (k) => {
      if (w.marks[k] !== undefined) return;
      w.marks[k] = performance.now();
      requestAnimationFrame(() => (w.paints[k] = performance.now()));
    };
    const onChange = (e) => {
      const t = e.target;
      if (w.dropAt === null && t?.matches?.('[data-testid="import-file-input"]')) {
        w.dropAt = e.timeStamp;
        w.files = [...(t.files ?? [])].map((f) => ({ name: f.name, size: f.size }));
      }
    };
    const onClick = (e) => {
      if (w.confirmAt === null && e.target?.closest?.('[data-testid="import-confirm"]')) w.confirmAt = e.timeStamp;
    };
    document.addEventListener('change', onChange, { capture: true });
    document.addEventListener('click', onClick, { capture: true });
    const check = () => {
      if (w.dropAt === null) return;
      const q = (s) => document.querySelector(s);
      const prog = q('[data-testid="import-progress"]');
      if (prog) {
        mark('progress');
        if (/\d\s*\/\s*\d/.test(prog.textContent)) mark('progressNumbers');
      }
      if (q('[data-testid="import-counts"]')) mark('counts');
      if (q('[data-testid="import-sample-row"]')) mark('sampleRow');
      if (q('[data-testid="import-error"]')) {
        mark('error');
        w.error = q('[data-testid="import-error"]').textContent.trim();
      }
      if (w.confirmAt !== null) {
        if (q('[data-testid="import-done"]')) {
          mark('done');
          w.doneText = q('[data-testid="import-done"]').textContent.trim();
        }
        const c = q('[data-testid="order-count"]');
        if (c && Number(c.getAttribute('data-total')) === expectTotal) mark('total');
      }
    };
    const obs = new MutationObserver(check);
    obs.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['data-total'] });
    let running = true;
    let last = performance.now();
    const frame = (now) => {
      if (!running) return;
      if (w.dropAt !== null) {
        const gap = now - last;
        w.frames.n++;
        w.frames.max = Math.max(w.frames.max, gap);
        if (gap > 50) w.frames.over50++;
        if (gap > 100) w.frames.over100++;
      }
      last = now;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    const timer = setInterval(() => {
      const el = document.querySelector('[data-testid="import-progress"]');
      if (el && w.dropAt !== null) w.progress.push({ t: performance.now(), text: el.textContent.replace(/\s+/g, ' ').trim() });
    }, 100);
    w.stop = () => {
      running = false;
      obs.disconnect();
      clearInterval(timer);
      document.removeEventListener('change', onChange, { capture: true });
      document.removeEventListener('click', onClick, { capture: true });
      const { stop, ...data } = w;
      return data;
    };
    return true;
  };
  /** Resolves with performance.now() once bench.imp has mark `k` (or rejects with the import error / timeout). */
  bench.whenImportMark = (k, timeoutMs = 600_000) =>
    new Promise((resolve, reject) => {
      const t0 = performance.now();
      const poll = () => {
        const w = bench.imp;
        if (w.marks[k] !== undefined) return resolve(w.marks[k]);
        if (w.marks.error !== undefined) return reject(new Error(`import error shown: ${w.error}`));
        if (performance.now() - t0 > timeoutMs) return reject(new Error(`import: "${k}" not seen within ${timeoutMs} ms`));
        setTimeout(poll, 50); // only when the bench moves on; the marks themselves come from the MutationObserver
      };
      poll();
    });

  // ---- export (the list's export menu): clickAt = timeStamp of the click on a [data-testid^="export-"] menu
  // item; fileAt = the DOM mutation that added the <a download> the app clicks to save the file.
  bench.watchExport = () => {
    const w = (bench.exp = { clickAt: null, fileAt: null, name: null });
    const onClick = (e) => {
      const b = e.target?.closest?.('[data-testid^="export-"]');
      if (b && b.getAttribute('data-testid') !== 'export-open' && w.clickAt === null) w.clickAt = e.timeStamp;
    };
    document.addEventListener('click', onClick, { capture: true });
    const obs = new MutationObserver((records) => {
      for (const r of records)
        for (const n of r.addedNodes)
          if (n.nodeName === 'A' && n.hasAttribute('download') && w.fileAt === null) {
            w.fileAt = performance.now();
            w.name = n.getAttribute('download');
          }
    });
    obs.observe(document.body, { childList: true });
    w.stop = () => {
      obs.disconnect();
      document.removeEventListener('click', onClick, { capture: true });
      const { stop, ...data } = w;
      return data;
    };
    return true;
  };

  // ---- scrolling
  /** Scrolls the order list down by `stepPx` per animation frame until `rows` rows have passed (or the end). */
  bench.scrollList = async (rows, rowPx, stepPx) => {
    const el = document.querySelector('[data-testid="order-list"]');
    if (!el) throw new Error('no [data-testid=order-list]');
    el.scrollTop = 0;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const target = Math.min(rows * rowPx, el.scrollHeight - el.clientHeight);
    const start = performance.now();
    let last = start;
    let frames = 0;
    let maxFrameMs = 0;
    let slowFrames = 0;
    let blankFrames = 0;
    while (el.scrollTop < target - 1) {
      el.scrollTop = Math.min(target, el.scrollTop + stepPx);
      const now = await new Promise((r) => requestAnimationFrame(r));
      frames++;
      const gap = now - last;
      last = now;
      maxFrameMs = Math.max(maxFrameMs, gap);
      if (gap > 50) slowFrames++;
      // Rows not yet fetched are drawn as placeholders: count frames that show any in the viewport.
      const box = el.getBoundingClientRect();
      for (const p of el.querySelectorAll('.placeholder')) {
        const r = p.getBoundingClientRect();
        if (r.bottom > box.top && r.top < box.bottom) {
          blankFrames++;
          break;
        }
      }
      if (performance.now() - start > 120_000) break;
    }
    const end = performance.now();
    return { start, end, frames, maxFrameMs, slowFrames, blankFrames, scrolledRows: Math.round(el.scrollTop / rowPx), targetRows: Math.round(target / rowPx) };
  };
})();
