// How one register change reads in the history and conflict lists ("挂起", "添加标签 易碎", "备注 → …").
// Values come from other stations and are untrusted: they are returned as plain text, never markup.
import type { I18n } from './i18n.svelte';

const DOCUMENT_KINDS = ['label', 'packing-slip', 'pick-list'] as const;

export function fieldLabel(i18n: I18n, field: string): string {
  if (field.startsWith('tag:')) return i18n.t('field.tags');
  if (field.startsWith('printed:')) {
    const kind = DOCUMENT_KINDS.find((k) => k === field.slice(8));
    return `${i18n.t('field.printed')} · ${kind ? i18n.t(`documents.kind.${kind}`) : field.slice(8)}`;
  }
  switch (field) {
    case 'memo':
      return i18n.t('field.memo');
    case 'hold':
      return i18n.t('field.hold');
    case 'priority':
      return i18n.t('field.priority');
    case 'tags':
      return i18n.t('field.tags');
    case 'status':
      return i18n.t('field.status');
    case 'tracking':
      return i18n.t('field.tracking');
    default:
      return field;
  }
}

export function valueText(i18n: I18n, field: string, value: unknown): string {
  if (field.startsWith('tag:')) return `${value === true ? i18n.t('field.tagAdded') : i18n.t('field.tagRemoved')} ${field.slice(4)}`;
  // A station's running count of prints of this document.
  if (field.startsWith('printed:') && typeof value === 'number') return `×${value}`;
  if (field === 'tracking' && value && typeof value === 'object') {
    const v = value as { courierId?: string; trackingNo?: string };
    return v.trackingNo ? `${v.courierId ?? ''} ${v.trackingNo}`.trim() : `(${i18n.t('detail.none')})`;
  }
  switch (field) {
    case 'hold':
      return value === true ? i18n.t('detail.hold') : i18n.t('detail.release');
    case 'status':
      return i18n.status(String(value));
    case 'memo':
      return value === '' ? `(${i18n.t('detail.none')})` : `“${String(value)}”`;
    default:
      if (Array.isArray(value)) return value.join(', ');
      if (typeof value === 'string' || typeof value === 'number') return String(value);
      return JSON.stringify(value);
  }
}
