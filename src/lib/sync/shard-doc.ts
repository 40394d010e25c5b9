// One order shard as a Yjs document, with no I/O attached. Platform data is immutable once imported, so each
// order is stored as one JSON string: Yjs decodes a string as a single value (measured ~5x faster than an
// object of nested values) and the order is parsed only when something reads it. Everything people change
// is a per-station register entry, and every change is also appended to the shard's history log.
import type { ImportText } from '../import/messages';
import * as Y from 'yjs';
import type { Order, Shipment } from '../domain/schemas';
import { parseRegisterKey, registerKey, type RegisterEntry, type StationEntry } from '../domain/registers';
import type { OrderRegisters } from '../domain/order-row';

/** An import finding on one order, as the import library reports it. */
export interface ImportFlag {
  kind: string;
  /** In Chinese; `text` (when the import gave one) says it in any language. */
  detail: string;
  text?: ImportText;
  file?: string;
  row?: number;
}

export interface LogEntry {
  entity: string;
  field: string;
  value: unknown;
  station: string;
  user: string;
  at: number;
}

/** Registers may be written against a shipment id (`s:<orderId>`) or an order id; both belong to the order. */
export const orderOfEntity = (entity: string): string => (entity.startsWith('s:') ? entity.slice(2) : entity);

// Per shard; a flush of a whole shard parses through it once, so a small cache only serves repeated reads.
const PARSED_CACHE = 256;

export class ShardDoc {
  readonly orders: Y.Map<string>;
  /** Import findings per order (unresolved address, unmapped SKU, …), replaced by each import of the order. */
  readonly flags: Y.Map<ImportFlag[]>;
  /** Shipments by id, stored once when made; merges and splits add new ones and link, never overwrite. */
  readonly shipments: Y.Map<Shipment>;
  readonly registers: Y.Map<RegisterEntry>;
  readonly log: Y.Array<LogEntry>;
  /** order id -> register keys, kept current by an observer so reading one order's registers is cheap. */
  private regKeys = new Map<string, Set<string>>();
  /** Recently parsed or written orders (bounded), so a projection right after a write parses nothing. */
  private parsed = new Map<string, Order>();

  constructor(
    readonly name: string,
    readonly doc: Y.Doc
  ) {
    this.orders = doc.getMap('orders');
    this.shipments = doc.getMap('shipments');
    this.flags = doc.getMap('flags');
    this.registers = doc.getMap('registers');
    this.log = doc.getArray('log');
    for (const key of this.registers.keys()) this.indexKey(key);
    this.registers.observe((e) => {
      for (const key of e.keysChanged) {
        if (this.registers.has(key)) this.indexKey(key);
      }
    });
  }

  private indexKey(key: string): void {
    const k = parseRegisterKey(key);
    if (!k) return;
    const id = orderOfEntity(k.entity);
    let set = this.regKeys.get(id);
    if (!set) this.regKeys.set(id, (set = new Set()));
    set.add(key);
  }

  /** Stores orders (replacing platform data) and their shipments when the shard has none of that id yet. */
  putOrders(opts: { orders: Order[]; shipments?: Shipment[]; flags?: Record<string, ImportFlag[]>; origin: unknown }): void {
    this.doc.transact(() => {
      for (const [id, list] of Object.entries(opts.flags ?? {})) {
        if (list.length) this.flags.set(id, list);
        else if (this.flags.has(id)) this.flags.delete(id);
      }
      for (const o of opts.orders) {
        this.orders.set(o.id, JSON.stringify(o));
        this.remember(o);
      }
      for (const s of opts.shipments ?? []) if (!this.shipments.has(s.id)) this.shipments.set(s.id, s);
    }, opts.origin);
  }

  flagsOf(id: string): ImportFlag[] {
    return this.flags.get(id) ?? [];
  }

  shipment(id: string): Shipment | undefined {
    return this.shipments.get(id);
  }

  order(id: string): Order | undefined {
    const text = this.orders.get(id);
    if (text === undefined) return undefined;
    const cached = this.parsed.get(id);
    if (cached && this.parsedFrom.get(id) === text) return cached;
    const order = JSON.parse(text) as Order;
    this.remember(order, text);
    return order;
  }

  private parsedFrom = new Map<string, string>();

  private remember(order: Order, text?: string): void {
    if (this.parsed.size >= PARSED_CACHE) {
      const oldest = this.parsed.keys().next().value as string;
      this.parsed.delete(oldest);
      this.parsedFrom.delete(oldest);
    }
    this.parsed.set(order.id, order);
    this.parsedFrom.set(order.id, text ?? this.orders.get(order.id) ?? '');
  }

  /** Registers of one order grouped by field, each with the station that wrote it. */
  registersOf(orderIdValue: string): OrderRegisters {
    const out: OrderRegisters = new Map();
    for (const key of this.regKeys.get(orderIdValue) ?? []) {
      const k = parseRegisterKey(key)!;
      const e = this.registers.get(key);
      if (!e) continue;
      const list = out.get(k.field) ?? [];
      list.push({ ...e, station: k.station });
      out.set(k.field, list);
    }
    return out;
  }

  write(opts: { entity: string; field: string; station: string; entry: RegisterEntry; origin: unknown }): void {
    const { entity, field, station, entry } = opts;
    this.doc.transact(() => {
      this.registers.set(registerKey(entity, field, station), entry);
      this.log.push([{ entity, field, value: entry.v, station, user: entry.by, at: entry.at }]);
    }, opts.origin);
  }

  historyOf(orderIdValue: string): LogEntry[] {
    const out: LogEntry[] = [];
    for (const e of this.log) if (orderOfEntity(e.entity) === orderIdValue) out.push(e);
    return out.sort((a, b) => a.at - b.at || (a.station < b.station ? -1 : 1));
  }

  /** Calls back once per transaction (local or remote) with the order ids it touched. */
  onChanged(listener: (ids: Set<string>, origin: unknown) => void): () => void {
    const handler = (tr: Y.Transaction) => {
      const ids = new Set<string>();
      for (const k of tr.changed.get(this.orders as Y.AbstractType<any>) ?? []) if (k) ids.add(k);
      for (const k of tr.changed.get(this.flags as Y.AbstractType<any>) ?? []) if (k) ids.add(k);
      for (const k of tr.changed.get(this.registers as Y.AbstractType<any>) ?? []) {
        const p = k ? parseRegisterKey(k) : null;
        if (p) ids.add(orderOfEntity(p.entity));
      }
      if (ids.size) listener(ids, tr.origin);
    };
    this.doc.on('afterTransaction', handler);
    return () => this.doc.off('afterTransaction', handler);
  }

  allOrderIds(): string[] {
    return [...this.orders.keys()];
  }
}

export type { StationEntry };
