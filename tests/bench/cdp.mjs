// Heap figures for `npm run bench`, read over the Chrome DevTools Protocol.
//
// Main page: a page CDP session (HeapProfiler.collectGarbage, then Performance.getMetrics JSHeapUsedSize).
// Dedicated worker: Playwright gives no CDP session for workers, and its browser-level session cannot address
// flattened child sessions. So we attach to the page target in the (older, still supported) non-flattened
// mode, turn on auto-attach there, and talk to the worker through nested Target.sendMessageToTarget
// envelopes; answers come back as nested Target.receivedMessageFromTarget events. Runtime.getHeapUsage on
// that session is the worker isolate's own heap (separate from the page's isolate).

export class HeapProbe {
  /** @param {import('playwright-core').Browser} browser @param {import('playwright-core').Page} page */
  static async open(browser, page) {
    const probe = new HeapProbe();
    probe.page = page;
    probe.pageCdp = await page.context().newCDPSession(page);
    await probe.pageCdp.send('Performance.enable');
    const { targetInfo } = await probe.pageCdp.send('Target.getTargetInfo');
    probe.browserCdp = await browser.newBrowserCDPSession();
    probe.browserCdp.on('Target.receivedMessageFromTarget', (ev) => probe.#onMessage(ev.sessionId, ev.message));
    const { sessionId } = await probe.browserCdp.send('Target.attachToTarget', { targetId: targetInfo.targetId, flatten: false });
    probe.pageSession = sessionId;
    await probe.#send([sessionId], 'Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    return probe;
  }

  #id = 0;
  #pending = new Map();
  /** Child targets of the page (workers, service worker) by session id. */
  children = new Map();

  #onMessage(sessionId, text) {
    const m = JSON.parse(text);
    if (m.method === 'Target.receivedMessageFromTarget') return this.#onMessage(m.params.sessionId, m.params.message);
    if (m.id !== undefined) {
      const key = `${sessionId}:${m.id}`;
      const p = this.#pending.get(key);
      if (!p) return;
      this.#pending.delete(key);
      if (m.error) p.reject(new Error(`${p.method}: ${m.error.message}`));
      else p.resolve(m.result);
      return;
    }
    if (m.method === 'Target.attachedToTarget') this.children.set(m.params.sessionId, { ...m.params.targetInfo, at: Date.now() });
    if (m.method === 'Target.detachedFromTarget') this.children.delete(m.params.sessionId);
  }

  /** Sends `method` to the innermost session of `path` (outermost first), wrapping it once per hop. */
  #send(path, method, params = {}, timeoutMs = 60_000) {
    const id = ++this.#id;
    let message = { id, method, params };
    for (let i = path.length - 1; i >= 1; i--) {
      message = { id: ++this.#id, method: 'Target.sendMessageToTarget', params: { sessionId: path[i], message: JSON.stringify(message) } };
    }
    return new Promise((resolve, reject) => {
      const key = `${path[path.length - 1]}:${id}`;
      const timer = setTimeout(() => {
        this.#pending.delete(key);
        reject(new Error(`${method} on ${path.join('/')} timed out`));
      }, timeoutMs);
      this.#pending.set(key, {
        method,
        resolve: (v) => (clearTimeout(timer), resolve(v)),
        reject: (e) => (clearTimeout(timer), reject(e))
      });
      this.browserCdp.send('Target.sendMessageToTarget', { sessionId: path[0], message: JSON.stringify(message) }).catch((e) => {
        this.#pending.delete(key);
        clearTimeout(timer);
        reject(e);
      });
    });
  }

  /** The session of the page's station worker (the newest one, e.g. after a reload), waiting for it to attach. */
  async workerSession(timeoutMs = 20_000) {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const workers = [...this.children].filter(([, t]) => t.type === 'worker').sort((a, b) => b[1].at - a[1].at);
      const station = workers.find(([, t]) => /station/.test(t.url) || t.title === 'packdesk-station') ?? workers[0];
      if (station) return { sessionId: station[0], url: station[1].url };
      if (Date.now() > until) throw new Error('no dedicated worker attached to the page');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async gcPage() {
    await this.pageCdp.send('HeapProfiler.collectGarbage');
  }

  async pageHeap() {
    const { metrics } = await this.pageCdp.send('Performance.getMetrics');
    const get = (n) => metrics.find((m) => m.name === n)?.value ?? null;
    return { used: get('JSHeapUsedSize'), total: get('JSHeapTotalSize') };
  }

  async gcWorker() {
    const w = await this.workerSession();
    await this.#send([this.pageSession, w.sessionId], 'HeapProfiler.collectGarbage', {}, 120_000);
  }

  async workerHeap() {
    const w = await this.workerSession();
    const r = await this.#send([this.pageSession, w.sessionId], 'Runtime.getHeapUsage');
    return { used: r.usedSize, total: r.totalSize, embedder: r.embedderHeapUsedSize ?? null, url: w.url };
  }

  /** Starts the V8 sampling profiler in the station worker (`intervalUs` between samples). */
  async startWorkerProfile(intervalUs = 500) {
    const w = await this.workerSession();
    const path = [this.pageSession, w.sessionId];
    await this.#send(path, 'Profiler.enable');
    await this.#send(path, 'Profiler.setSamplingInterval', { interval: intervalUs });
    await this.#send(path, 'Profiler.start');
  }

  /** Stops the worker profiler; returns the CPU profile (Profiler.Profile: nodes, samples, timeDeltas). */
  async stopWorkerProfile() {
    const w = await this.workerSession();
    const { profile } = await this.#send([this.pageSession, w.sessionId], 'Profiler.stop', {}, 120_000);
    return profile;
  }

  async close() {
    await this.browserCdp.send('Target.detachFromTarget', { sessionId: this.pageSession }).catch(() => {});
    await this.browserCdp.detach().catch(() => {});
    await this.pageCdp.detach().catch(() => {});
  }
}
