// Strings of pick lists and packing slips in a print batch, in 简体中文 and English (the English keys must equal the Chinese ones).

export const zh = {
  'documents.title': '打印单据'
} as const;

export const en: Record<keyof typeof zh, string> = {
  'documents.title': 'Documents'
};
