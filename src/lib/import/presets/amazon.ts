// Amazon Seller Central → Reports → Unshipped Orders (_GET_FLAT_FILE_ACTIONABLE_ORDER_DATA_): tab-separated
// UTF-8 text, one row per order item. Headers confirmed against several public readers: order-id,
// order-item-id, purchase-date, payments-date, reporting-date, promise-date, days-past-promise, buyer-email,
// buyer-name, buyer-phone-number, sku, product-name, quantity-purchased, quantity-shipped, quantity-to-ship,
// ship-service-level, recipient-name, ship-address-1..3, ship-city, ship-state, ship-postal-code, ship-country
// (ship-phone-number in some marketplaces). The report has no prices: lines and amounts import as 0.
// quantity-purchased is used as the line quantity (quantity-to-ship is lower only for partly shipped items).
import { col, type Preset } from './types';

export const AMAZON: Preset = {
  id: 'amazon',
  platform: 'amazon',
  label: 'Amazon 未发货订单报告 (Unshipped Orders)',
  role: 'full',
  international: true,
  typicalEncoding: 'UTF-8 (tab-separated)',
  source: 'confirmed: column lists in several public Amazon actionable-order readers',
  columns: [
    col('orderNo', 'order-id'),
    col('subOrderNo', 'order-item-id'),
    col('createdAt', 'purchase-date'),
    col('paidAt', 'payments-date'),
    col('buyer', ['buyer-name', 'buyer-email']),
    col('phone', 'ship-phone-number'),
    col('phone', 'buyer-phone-number'),
    col('outerSku', 'sku'),
    col('title', 'product-name'),
    col('qty', 'quantity-purchased'),
    col('recipientName', 'recipient-name'),
    col('detail', 'ship-address-1'),
    col('detail', 'ship-address-2'),
    col('detail', 'ship-address-3'),
    col('city', 'ship-city'),
    col('province', 'ship-state'),
    col('postcode', 'ship-postal-code'),
    col('country', 'ship-country')
  ],
  signature: ['order-id', 'order-item-id', 'purchase-date', 'payments-date', 'sku', 'product-name', 'quantity-purchased', 'quantity-to-ship', 'recipient-name', 'ship-address-1']
};
