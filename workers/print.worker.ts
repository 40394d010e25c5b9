// The print worker: layout, encoding and canvas text off the main thread, so a 1,000-label batch streams
// to the transport without blocking the page.
import { expose } from 'comlink';
import { createPrintApi } from '../src/lib/print/canvas/print-api';

expose(createPrintApi());
