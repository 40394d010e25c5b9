// The print queue's public surface: the queue, its journal port and in-memory journal, the reprint rule's
// types, pause reasons with their seller-facing zh/en text, and the in-memory transport for tests and demos.
export { PrintQueue, type PrintQueueOptions, type StatusCheck, type QueueState, type QueueSnapshot, type JobView, type EnqueueResult } from './print-queue';
export { MemoryJournal, type PrintJournal, type PrintJob, type JournalEntry, type JobState, type JobBytes, type DocumentKind } from './journal';
export { type JobTarget, type ReprintRefusal } from './reprint-guard';
export { PAUSE_TEXT, type PauseCode, type PauseInfo } from './pause-reasons';
export { checkStatus } from './status-check';
export { MemoryTransport } from './memory-transport';
