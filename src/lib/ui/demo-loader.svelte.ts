// Loading demo orders: the chosen size, the live progress the engine reports, and how long it took.
// It keeps running when its dialog is closed; the workspace reloads catalog, facets and rows at the end.
import type { DemoSize, Progress } from '../app/station-api';
import type { Workspace } from './workspace.svelte';

export class DemoLoader {
  open = $state(false);
  size = $state<DemoSize>(10000);
  running = $state(false);
  progress = $state.raw<Progress | null>(null);
  result = $state.raw<{ orders: number; ms: number } | null>(null);

  constructor(private ws: Workspace) {}

  show(): void {
    if (!this.running) this.result = null;
    this.open = true;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.result = null;
    this.progress = { phase: 'generate', done: 0, total: this.size };
    const ok = await this.ws.run(async () => {
      this.result = await this.ws.api.loadDemo(this.size, 1, (p) => {
        this.progress = p;
      });
    });
    this.running = false;
    if (ok) await this.ws.reloadAll();
  }
}
