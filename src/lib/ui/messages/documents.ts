// Strings of pick lists and packing slips in a print batch, in 简体中文 and English (the English keys must equal the Chinese ones).

export const zh = {
  'documents.title': '打印单据',
  'documents.document': '单据',
  'documents.template': '模板',
  'documents.output': '输出到',
  'documents.kind.label': '面单',
  'documents.kind.packing-slip': '装箱单',
  'documents.kind.pick-list': '拣货单',
  'documents.perShipment': '每单一张',
  'documents.perBatch': '整批一张',
  'documents.output.printer': '打印机',
  'documents.output.system': '系统打印',
  'documents.systemHint': '系统打印：通过电脑的打印对话框，可用任何装了驱动的打印机，或“另存为 PDF”。',
  'documents.none': '请至少选择一种单据。',
  'documents.connectOrSystem': '请先连接打印机，或把单据改为“系统打印”。',
  'documents.system.rendering': '系统打印：正在生成 {done}/{total}',
  'documents.system.printing': '系统打印：已打开打印对话框（{pages} 页）',
  'documents.system.done': '系统打印：{pages} 页已交给打印对话框',
  'documents.system.failed': '系统打印失败：{message}',
  'documents.reprintNeeded': '{n} 份单据已经打印过，再次打印需要填写原因：',
  'documents.printed': '打印次数',
  'documents.never': '—'
} as const;

export const en: Record<keyof typeof zh, string> = {
  'documents.title': 'Documents',
  'documents.document': 'Document',
  'documents.template': 'Template',
  'documents.output': 'Print to',
  'documents.kind.label': 'Label',
  'documents.kind.packing-slip': 'Packing slip',
  'documents.kind.pick-list': 'Pick list',
  'documents.perShipment': 'one per order',
  'documents.perBatch': 'one per batch',
  'documents.output.printer': 'Printer',
  'documents.output.system': 'System print',
  'documents.systemHint': 'System print: the computer’s print dialog, for any printer with a driver, or “Save as PDF”.',
  'documents.none': 'Choose at least one document.',
  'documents.connectOrSystem': 'Connect a printer first, or send the documents to System print.',
  'documents.system.rendering': 'System print: drawing {done} of {total}',
  'documents.system.printing': 'System print: print dialog open ({pages} pages)',
  'documents.system.done': 'System print: {pages} pages handed to the print dialog',
  'documents.system.failed': 'System print failed: {message}',
  'documents.reprintNeeded': '{n} documents were printed before; printing them again needs a reason:',
  'documents.printed': 'Printed',
  'documents.never': '—'
};
