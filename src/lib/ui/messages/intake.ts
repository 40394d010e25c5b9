// Strings of import extras: SKU-mapping suggestions, catalog warehouse, large files, in 简体中文 and English (the English keys must equal the Chinese ones).

export const zh = {
  'intake.title': '导入',
  'intake.suggestion': '建议 {score}%',
  'intake.why.outer-id': '编码相同',
  'intake.why.barcode': '条码相同',
  'intake.why.title-spec': '标题和规格相似',
  'intake.noSuggestion': '无建议',
  'intake.accepted': '已确认',
  'intake.acceptAbove': '接受所有 ≥',
  'intake.acceptAboveButton': '接受 {n} 个建议',
  'intake.keys': 'Enter 确认本行并到下一行 · ↑↓ 切换行 · 输入编码或名称可改选',
  'intake.saveN': '保存 {n} 个配对',
  'intake.more': '再显示 {n} 行',
  'intake.shown': '共 {n} 个未配对商品',
  'intake.warehouse': '期初库存计入',
  'intake.suggestedCol': '建议依据'
} as const;

export const en: Record<keyof typeof zh, string> = {
  'intake.title': 'Import',
  'intake.suggestion': 'Suggested {score}%',
  'intake.why.outer-id': 'same code',
  'intake.why.barcode': 'same barcode',
  'intake.why.title-spec': 'similar title and spec',
  'intake.noSuggestion': 'No suggestion',
  'intake.accepted': 'Confirmed',
  'intake.acceptAbove': 'Accept all ≥',
  'intake.acceptAboveButton': 'Accept suggestions ({n})',
  'intake.keys': 'Enter confirms the row and moves on · ↑↓ move between rows · type a code or name to choose another',
  'intake.saveN': 'Save mappings ({n})',
  'intake.more': 'Show {n} more',
  'intake.shown': '{n} unmapped items',
  'intake.warehouse': 'Opening stock goes to',
  'intake.suggestedCol': 'Why'
};
