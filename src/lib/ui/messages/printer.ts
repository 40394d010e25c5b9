// Strings of printer settings, the test page, system print and setup help, in 简体中文 and English (the English keys must equal the Chinese ones).

export const zh = {
  'printer.title': '打印机设置'
} as const;

export const en: Record<keyof typeof zh, string> = {
  'printer.title': 'Printer settings'
};
