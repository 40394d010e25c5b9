// Strings of the template designer, in 简体中文 and English (the English keys must equal the Chinese ones).

export const zh = {
  'designer.title': '模板设计'
} as const;

export const en: Record<keyof typeof zh, string> = {
  'designer.title': 'Template designer'
};
