// The UI's handle on the station engine: starts the worker, wraps it with comlink so callbacks cross the
// thread boundary, and forwards the browser's online/offline state (the worker's own view of it can lag).
import { wrap, proxy, transfer, type Remote } from 'comlink';
import type { StationApi } from './station-api';
import type { StationEngine } from './station-engine';

let station: StationApi | undefined;

export function connectStation(): StationApi {
  if (station) return station;
  const worker = new Worker(new URL('../../../workers/station.worker.ts', import.meta.url), { type: 'module', name: 'packdesk-station' });
  const remote = wrap<StationEngine>(worker) as Remote<StationEngine>;
  const tell = () => void remote.setOnline(navigator.onLine);
  addEventListener('online', tell);
  addEventListener('offline', tell);
  tell();
  station = {
    open: () => remote.open(),
    configure: (c) => remote.configure(c),
    query: (q, o, l) => remote.query(q, o, l),
    facets: () => remote.facets(),
    catalog: () => remote.catalog(),
    order: (id) => remote.order(id),
    edit: (e) => remote.edit(e),
    loadDemo: (size, seed, onProgress) => remote.loadDemo(size, seed, proxy(onProgress)),
    syncState: () => remote.syncState(),
    previewImport: (files, opts, onProgress) =>
      remote.previewImport(
        transfer(files, files.map((f) => f.bytes.buffer as ArrayBuffer)),
        opts,
        proxy(onProgress)
      ),
    commitImport: (id, onProgress) => remote.commitImport(id, proxy(onProgress)),
    saveImportPreset: (p) => remote.saveImportPreset(p),
    templates: () => remote.templates(),
    saveTemplate: (t) => remote.saveTemplate(t),
    deleteTemplate: (id) => remote.deleteTemplate(id),
    rejectedReport: (id) => remote.rejectedReport(id),
    exportOrders: (q, format) => remote.exportOrders(q, format),
    backup: () => remote.backup(),
    unmappedSkus: () => remote.unmappedSkus(),
    importCatalog: (file, wh) => remote.importCatalog(transfer(file, [file.bytes.buffer as ArrayBuffer]), wh),
    mapSkus: (m) => remote.mapSkus(m),
    printContexts: (q, limit) => remote.printContexts(q, limit),
    journalPrint: (entry, covers) => remote.journalPrint(entry, covers),
    printedCounts: (docs) => remote.printedCounts(docs),
    restoreBackup: (bytes) => remote.restoreBackup(transfer(bytes, [bytes.buffer as ArrayBuffer])),
    lastBackupAt: () => remote.lastBackupAt(),
    printers: () => remote.printers(),
    savePrinter: (p) => remote.savePrinter(p),
    deletePrinter: (id) => remote.deletePrinter(id),
    setDefaultPrinter: (id) => remote.setDefaultPrinter(id),
    exportBulkShip: (q, platform) => remote.exportBulkShip(q, platform),
    subscribe: (listener) => remote.subscribe(proxy(listener))
  };
  (globalThis as { __packdesk?: unknown }).__packdesk = { remote };
  return station;
}
