// The station worker: holds the engine (documents, storage, sync) off the main thread.
import { expose } from 'comlink';
import { createBrowserEngine } from '../src/lib/app/browser-engine';

expose(createBrowserEngine(self));
