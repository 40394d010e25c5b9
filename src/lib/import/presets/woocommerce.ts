// WooCommerce has no built-in order CSV export; this is the default column set of the most used plugin
// (Advanced Order Export For WooCommerce), one row per product. Confirmed against several public readers:
// Order Number, Order Status, Order Date, Customer Note, First Name (Shipping), Last Name (Shipping),
// Address 1&2 (Shipping), City (Shipping), State Code (Shipping), Postcode (Shipping), Country Code (Shipping),
// Phone (Billing), Email (Billing), SKU, Item Name, Quantity, Item Cost, Order Shipping Amount,
// Cart Discount Amount, Order Subtotal Amount, Order Total Amount, Order Refund Amount.
// Assumed: Paid Date, Phone (Shipping), State Name (Shipping). The domain has no `woocommerce` platform, so
// these orders are `generic` (say the shop with the `shopId` option).
import { col, type Preset } from './types';

export const WOOCOMMERCE: Preset = {
  id: 'woocommerce',
  platform: 'generic',
  label: 'WooCommerce (Advanced Order Export)',
  role: 'full',
  international: true,
  typicalEncoding: 'UTF-8',
  source: 'confirmed: default columns of Advanced Order Export For WooCommerce as read by public code; assumed: Paid Date, Phone (Shipping)',
  columns: [
    col('orderNo', ['Order Number', 'Order ID']),
    col('status', 'Order Status'),
    col('createdAt', 'Order Date'),
    col('paidAt', 'Paid Date', false),
    col('buyerMessage', 'Customer Note'),
    col('buyer', 'Email (Billing)'),
    col('phone', 'Phone (Shipping)', false),
    col('phone', 'Phone (Billing)'),
    col('recipientName', 'First Name (Shipping)'),
    col('recipientName', 'Last Name (Shipping)'),
    col('detail', ['Address 1&2 (Shipping)', 'Address 1 (Shipping)']),
    col('city', 'City (Shipping)'),
    col('province', 'State Name (Shipping)', false),
    col('province', 'State Code (Shipping)'),
    col('postcode', 'Postcode (Shipping)'),
    col('country', 'Country Code (Shipping)'),
    col('outerSku', 'SKU'),
    col('title', 'Item Name'),
    col('qty', ['Quantity', 'Quantity (- Refund)']),
    col('price', 'Item Cost'),
    col('shippingFee', 'Order Shipping Amount'),
    col('discount', 'Cart Discount Amount'),
    col('goodsTotal', 'Order Subtotal Amount'),
    col('paid', 'Order Total Amount'),
    col('refundAmount', 'Order Refund Amount')
  ],
  signature: ['Order Number', 'Order Status', 'Order Date', 'First Name (Shipping)', 'Address 1&2 (Shipping)', 'City (Shipping)', 'Item Name', 'Quantity', 'Item Cost', 'Order Total Amount']
};
