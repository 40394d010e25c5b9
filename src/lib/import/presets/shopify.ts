// Shopify admin → Orders → Export (orders_export.csv, UTF-8): one row per line item; the first row of an order
// carries the order fields, its other rows leave them blank, all share Name (#1001). Headers confirmed against
// Shopify's help page (订单导出 CSV 结构) and many public importers (Name, Email, Financial Status, Paid at,
// Fulfillment Status, ..., Lineitem quantity, Lineitem name, Lineitem price, Lineitem sku, Shipping Name,
// Shipping Street, Shipping Address1/2, Shipping City, Shipping Zip, Shipping Province, Shipping Country,
// Shipping Phone, Notes, Cancelled at, ... Shipping Province Name in newer exports). Times carry an offset
// ("2024-01-15 10:00:00 -0500"). Total includes taxes, so paid may exceed goods + shipping - discount.
import { col, type Preset } from './types';

export const SHOPIFY: Preset = {
  id: 'shopify',
  platform: 'shopify',
  label: 'Shopify orders_export.csv',
  role: 'full',
  international: true,
  typicalEncoding: 'UTF-8',
  source: 'confirmed: Shopify help centre column table and public importers',
  columns: [
    col('orderNo', 'Name'),
    col('buyer', ['Email', 'Billing Name']),
    col('status', 'Fulfillment Status'),
    col('payStatus', 'Financial Status'),
    col('cancelled', 'Cancelled at'),
    col('paidAt', 'Paid at'),
    col('createdAt', 'Created at'),
    col('shippingFee', 'Shipping'),
    col('discount', 'Discount Amount'),
    col('paid', 'Total'),
    col('refundAmount', 'Refunded Amount'),
    col('title', 'Lineitem name'),
    col('qty', 'Lineitem quantity'),
    col('price', 'Lineitem price'),
    col('outerSku', 'Lineitem sku'),
    col('recipientName', 'Shipping Name'),
    col('detail', ['Shipping Street', 'Shipping Address1']),
    col('city', 'Shipping City'),
    col('province', ['Shipping Province Name', 'Shipping Province']),
    col('postcode', 'Shipping Zip'),
    col('country', 'Shipping Country'),
    col('phone', 'Shipping Phone'),
    col('phone', 'Phone'),
    col('phone', 'Billing Phone'),
    col('buyerMessage', 'Notes')
  ],
  signature: ['Name', 'Email', 'Financial Status', 'Fulfillment Status', 'Lineitem quantity', 'Lineitem name', 'Lineitem price', 'Lineitem sku', 'Shipping Name', 'Shipping Zip']
};
