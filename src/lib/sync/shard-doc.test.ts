import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ShardDoc } from './shard-doc';
import { makeOrder } from '../domain/test-factories';

const connect = (a: Y.Doc, b: Y.Doc) => {
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, u, 'remote'));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, u, 'remote'));
};

describe('order shard document', () => {
  it('reads an order replaced on another station fresh, not from its parse cache', () => {
    const a = new ShardDoc('s', new Y.Doc());
    const b = new ShardDoc('s', new Y.Doc());
    connect(a.doc, b.doc);
    const order = makeOrder({ sellerMemo: 'first' });
    a.putOrders({ orders: [order], origin: 'local' });
    expect(b.order(order.id)?.sellerMemo).toBe('first');
    b.putOrders({ orders: [{ ...order, sellerMemo: 'second' }], origin: 'local' });
    expect(a.order(order.id)?.sellerMemo).toBe('second');
  });

  it('reports the orders each transaction touched, from order data and from registers', () => {
    const a = new ShardDoc('s', new Y.Doc());
    const seen: string[][] = [];
    a.onChanged((ids) => seen.push([...ids]));
    const o = makeOrder();
    a.putOrders({ orders: [o], origin: 'local' });
    a.write({ entity: `s:${o.id}`, field: 'status', station: 'st-1', entry: { v: 'ready', at: 1, by: 'u' }, origin: 'local' });
    expect(seen).toEqual([[o.id], [o.id]]);
    expect(a.registersOf(o.id).get('status')?.[0]).toMatchObject({ v: 'ready', station: 'st-1' });
    expect(a.historyOf(o.id)).toHaveLength(1);
  });

  it('keeps a shipment once made: storing the same order again does not replace it', () => {
    const a = new ShardDoc('s', new Y.Doc());
    const o = makeOrder();
    const first = { id: `s:${o.id}`, parts: [{ orderId: o.id, lineNo: 1, qty: 1 }], warehouseId: 'wh-hz', expectedWeight: 100, mergedFrom: [] };
    a.putOrders({ orders: [o], shipments: [first], origin: 'local' });
    a.putOrders({ orders: [o], shipments: [{ ...first, warehouseId: 'wh-gz' }], origin: 'local' });
    expect(a.shipment(first.id)?.warehouseId).toBe('wh-hz');
  });
});
