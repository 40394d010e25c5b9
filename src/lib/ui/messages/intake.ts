// Strings of import extras: SKU-mapping suggestions, catalog warehouse, large files, in 简体中文 and English (the English keys must equal the Chinese ones).

export const zh = {
  'intake.title': '导入'
} as const;

export const en: Record<keyof typeof zh, string> = {
  'intake.title': 'Import'
};
