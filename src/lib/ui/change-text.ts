// How one register change reads in the history and conflict lists ("挂起", "添加标签 易碎", "备注 → …").
// Values come from other stations and are untrusted: they are returned as plain text, never markup.
import type { I18n } from './i18n.svelte';

export function fieldLabel(i18n: I18n, field: string): string {
  if (field.startsWith('tag:')) return i18n.t('field.tags');
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
    default:
      return field;
  }
}

export function valueText(i18n: I18n, field: string, value: unknown): string {
  if (field.startsWith('tag:')) return `${value === true ? i18n.t('field.tagAdded') : i18n.t('field.tagRemoved')} ${field.slice(4)}`;
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
