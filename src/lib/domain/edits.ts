// What a person may change on an order at this stage, and which register writes each change becomes.
// One rule set for every station implementation, so the in-memory station and the real engine agree.
import type { Courier, Order } from './schemas';
import type { OrderRow } from './order-row';
import { canAdvance, canHold, STATUSES, type Status } from './status';
import { tagField } from './registers';

export type OrderEdit =
  | { orderId: string; field: 'memo'; value: string }
  | { orderId: string; field: 'hold'; value: boolean }
  | { orderId: string; field: 'priority'; value: number }
  | { orderId: string; field: 'tags'; value: string[] }
  | { orderId: string; field: 'status'; value: string }
  /** A tracking number typed or scanned from a pre-printed waybill (empty number: remove it). */
  | { orderId: string; field: 'tracking'; value: { courierId: string; trackingNo: string } };

/** A refused edit: the message says which order and why, for a banner. */
export class EditRefused extends Error {
  override name = 'EditRefused';
}

export interface RegisterWrite {
  /** Order id, or the shipment id for status. */
  entity: string;
  field: string;
  value: unknown;
}

export const MEMO_MAX = 500;

/** The writes that carry out `edit` on an order whose current state is `row`; throws EditRefused when not allowed. */
export function planEdit(opts: { edit: OrderEdit; order: Order; row: OrderRow; couriers?: ReadonlyMap<string, Courier> }): RegisterWrite[] {
  const { edit: e, order, row } = opts;
  const state = { status: row.status, held: row.held, exception: false, cancelled: order.refund === 'refunded' };
  switch (e.field) {
    case 'memo':
      return [{ entity: order.id, field: 'memo', value: String(e.value).slice(0, MEMO_MAX) }];
    case 'hold':
      if (e.value && !canHold(state)) throw new EditRefused(`order ${order.orderNo} can no longer be held (${row.display})`);
      return [{ entity: order.id, field: 'hold', value: !!e.value }];
    case 'priority':
      return [{ entity: order.id, field: 'priority', value: Math.max(0, Math.min(3, Math.round(Number(e.value) || 0))) }];
    case 'tags': {
      const want = new Set(e.value.map((t) => t.trim()).filter(Boolean));
      return [
        ...[...want].filter((t) => !row.tags.includes(t)).map((t) => ({ entity: order.id, field: tagField(t), value: true })),
        ...row.tags.filter((t) => !want.has(t)).map((t) => ({ entity: order.id, field: tagField(t), value: false }))
      ];
    }
    case 'tracking': {
      const trackingNo = e.value.trackingNo.replace(/\s+/g, '').toUpperCase();
      const courierId = e.value.courierId;
      if (row.status === 'shipped') throw new EditRefused(`order ${order.orderNo} has shipped: its tracking number can no longer change`);
      if (trackingNo) {
        const courier = opts.couriers?.get(courierId);
        if (!courier) throw new EditRefused(`choose the courier for tracking number ${trackingNo}`);
        if (!/^[A-Z0-9-]{6,40}$/.test(trackingNo)) throw new EditRefused(`"${trackingNo}" is not a tracking number (letters and digits, 6–40 characters)`);
        if (courier.trackingPattern && !new RegExp(courier.trackingPattern).test(trackingNo))
          throw new EditRefused(`${trackingNo} does not look like a ${courier.nameEn || courier.name} tracking number`);
      }
      return [{ entity: order.id, field: 'tracking', value: { courierId: trackingNo ? courierId : '', trackingNo } }];
    }
    case 'status': {
      const to = e.value as Status;
      if (!STATUSES.includes(to)) throw new EditRefused(`unknown status ${e.value}`);
      const ok = canAdvance(state, to);
      if (!ok.ok) throw new EditRefused(`order ${order.orderNo} cannot move to ${to}: ${ok.reason}`);
      return [{ entity: row.shipmentId, field: 'status', value: to }];
    }
  }
}
