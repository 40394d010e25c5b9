// Every message the import library gives a person (a file it cannot read, a rejected row, a warning about a
// file), in 简体中文 and English. The library records a message as a key plus parameters (`ImportText`), so
// the UI can show it in the station's language and the Chinese sentence kept in `message`/`reason` stays
// exactly what it was. Parameters are data (file names, cell values, header names) except a few terms
// (`what`, `kind`, `level`) that are looked up in TERMS; a parameter may itself be a message (nested), and
// a list is joined the way each language writes lists.

export type ImportLang = 'zh' | 'en';
export type ImportParam = string | number | readonly string[] | ImportText;
export type ImportParams = Readonly<Record<string, ImportParam>>;

export interface ImportText {
  key: string;
  params: ImportParams;
}

const REEXPORT = {
  zh: '请回到平台重新导出原始文件直接导入；不要用 Excel 打开后再保存（如需查看，用 Excel「数据→从文本/CSV」并把该列设为文本）。',
  en: 'Export the file from the platform again and import it as it is; do not open and save it in Excel first (to look at it, use Excel\'s Data → From Text/CSV and set that column to Text).'
};

/** Words that appear inside messages as parameters. */
export const TERMS: Record<string, { zh: string; en: string }> = {
  orderNo: { zh: '订单号', en: 'order number' },
  skuCode: { zh: '商品编码', en: 'SKU code' },
  barcode: { zh: '条码', en: 'barcode' },
  trackingNo: { zh: '运单号', en: 'tracking number' },
  platformSku: { zh: '平台商品编号', en: 'platform SKU id' },
  outerSku: { zh: '商家编码', en: 'seller SKU code' },
  pdf: { zh: 'PDF', en: 'a PDF' },
  png: { zh: 'PNG 图片', en: 'a PNG image' },
  jpeg: { zh: 'JPEG 图片', en: 'a JPEG image' },
  gif: { zh: 'GIF 图片', en: 'a GIF image' },
  gzip: { zh: 'GZIP 压缩包', en: 'a GZIP archive' },
  rar: { zh: 'RAR 压缩包', en: 'a RAR archive' },
  '7z': { zh: '7z 压缩包', en: 'a 7z archive' },
  binary: { zh: '二进制数据', en: 'binary data' },
  province: { zh: '省', en: 'province' },
  city: { zh: '市', en: 'city' },
  district: { zh: '区/县', en: 'district' },
  cancelledStatus: { zh: '已取消', en: 'cancelled' }
};

const TERM_PARAMS = new Set(['what', 'kind', 'level', 'status']);

const M = {
  no_files: { zh: '没有选择文件。', en: 'No file was chosen.' },
  empty_file: { zh: '文件「{file}」是空的（0 字节）。', en: 'The file "{file}" is empty (0 bytes).' },
  empty_text: { zh: '文件「{file}」没有任何内容（只有空白或 BOM）。', en: 'The file "{file}" has no content (only blanks or a BOM).' },
  zip_corrupt: {
    zh: '文件「{file}」是损坏的 ZIP/XLSX 压缩包，无法读取（{cause}）；请重新从平台导出，或先解压再导入里面的文件。',
    en: 'The file "{file}" is a damaged ZIP/XLSX archive and cannot be read ({cause}); export it from the platform again, or unzip it and import the file inside.'
  },
  workbook_not_text: { zh: '文件「{file}」其实是 Excel 工作簿，不是文本文件；请按工作簿读取。', en: 'The file "{file}" is an Excel workbook, not a text file; read it as a workbook.' },
  zip_archive: {
    zh: '文件「{file}」是一个 ZIP 压缩包（可能是改了扩展名），请先解压，再导入里面的 CSV 或 Excel 文件。',
    en: 'The file "{file}" is a ZIP archive (perhaps renamed). Unzip it first, then import the CSV or Excel file inside.'
  },
  binary_file: {
    zh: '文件「{file}」不是文本表格，看起来是{kind}；请导入平台导出的 CSV、TXT 或 Excel 文件。',
    en: 'The file "{file}" is not a table of text; it looks like {kind}. Import the CSV, TXT or Excel file the platform exported.'
  },
  file_too_large: {
    zh: '文件「{file}」有 {sizeMb} MB，超过了 {maxMb} MB 的上限，没有读取，也没有保存任何数据；请在平台按日期分几次导出（例如每次导出一周），再分别导入。',
    en: 'The file "{file}" is {sizeMb} MB, over the {maxMb} MB limit: it was not read and nothing was stored. Export it from the platform in several parts by date range (for example one week at a time) and import each part.'
  },
  no_header: { zh: '文件「{file}」里找不到表头行。', en: 'The file "{file}" has no header row.' },
  file_unreadable: { zh: '文件「{file}」：{detail}', en: 'The file "{file}": {detail}' },
  workbook_locked: {
    zh: '工作簿「{file}」设置了密码，无法读取；请在 Excel 里取消密码后另存再导入。',
    en: 'The workbook "{file}" is password-protected and cannot be read; remove the password in Excel, save it and import again.'
  },
  workbook_unreadable: {
    zh: '工作簿「{file}」无法读取（{cause}）；文件可能已损坏，请重新从平台导出。',
    en: 'The workbook "{file}" cannot be read ({cause}); it may be damaged. Export it from the platform again.'
  },
  sheet_missing: { zh: '工作簿「{file}」里没有工作表「{sheet}」（有：{sheets}）。', en: 'The workbook "{file}" has no sheet "{sheet}" (it has: {sheets}).' },
  unknown_format: {
    zh: '无法识别文件「{file}」的格式。{near}{garbled}请在列映射页面指定每一列的含义。',
    en: 'The format of "{file}" is not one Packdesk knows. {near}{garbled}Say what each column means on the column-mapping screen.'
  },
  unknown_format_near: { zh: '最接近「{preset}」，但缺少：{missing}。', en: 'Closest is "{preset}", but it lacks: {missing}. ' },
  unknown_format_garbled: {
    zh: '文件按 {encoding} 解码时有乱码，可以换一种编码再试；',
    en: 'Decoded as {encoding} it shows garbled characters: try another encoding. '
  },
  missing_order_column: {
    zh: '文件「{file}」缺少订单号列（{expected}），无法导入。',
    en: 'The file "{file}" has no order-number column ({expected}) and cannot be imported.'
  },
  missing_sku_column: {
    zh: '文件「{file}」缺少商品编码列（{expected}），无法导入商品。',
    en: 'The file "{file}" has no SKU-code column ({expected}); no SKUs can be imported from it.'
  },
  // Table warnings and damaged rows.
  header_unterminated: {
    zh: '表头（第 {line} 行）的引号没有闭合，文件无法按表格读取。',
    en: 'A quote in the header (line {line}) is never closed, so the file cannot be read as a table.'
  },
  unterminated_quote: {
    zh: '第 {row} 行（文件第 {line} 行起）的引号没有闭合，文件可能被截断；这一行没有导入。',
    en: 'Row {row} (from line {line} of the file) has a quote that is never closed; the file may be cut off. This row was not imported.'
  },
  truncated_row: {
    zh: '最后一行（第 {row} 行）只有 {n} 列，表头有 {width} 列，文件可能被截断；这一行没有导入。',
    en: 'The last row (row {row}) has only {n} columns where the header has {width}; the file may be cut off. This row was not imported.'
  },
  long_row: {
    zh: '第 {row} 行有 {n} 列，比表头多 {extra} 列（可能有未加引号的分隔符）；这一行没有导入。',
    en: 'Row {row} has {n} columns, {extra} more than the header (perhaps an unquoted separator). This row was not imported.'
  },
  short_row: { zh: '第 {row} 行只有 {n} 列，缺的列按空白处理。', en: 'Row {row} has only {n} columns; the missing ones are read as blank.' },
  stray_quote: { zh: '第 {row} 行的引号后面还有文字，已按原样保留。', en: 'Row {row} has text after a closing quote; it was kept as it is.' },
  duplicate_header: {
    zh: '表头「{header}」出现了 {n} 次（{cols} 列），只使用第一次出现的那一列。',
    en: 'The header "{header}" appears {n} times (columns {cols}); only the first of them is used.'
  },
  duplicate_header_used: {
    zh: '表头「{header}」出现了 {n} 次（{cols} 列），只使用第一次出现的那一列。（这一列参与导入，请确认第一列是正确的那一列）',
    en: 'The header "{header}" appears {n} times (columns {cols}); only the first of them is used. (This column is imported: check that the first one is the right one.)'
  },
  empty_header: { zh: '{cols} 列没有表头，这些列被忽略。', en: 'Columns {cols} have no header and are ignored.' },
  content_mismatch: {
    zh: '文件「{file}」的扩展名是文本，但内容是 Excel 工作簿，已按工作簿读取。',
    en: 'The file "{file}" is named as text but holds an Excel workbook; it was read as a workbook.'
  },
  decoding_override: {
    zh: '有 {n} 个字符无法按 {encoding} 解码，所选编码可能不对。',
    en: '{n} characters cannot be decoded as {encoding}: the chosen encoding may be wrong.'
  },
  decoding_damaged: {
    zh: '有 {n} 个字符无法按 {encoding} 解码，文件可能已损坏或被截断。',
    en: '{n} characters cannot be decoded as {encoding}: the file may be damaged or cut off.'
  },
  merged_cells: {
    zh: '工作表「{sheet}」有 {n} 处合并单元格（如 {cells}），已按每个合并区域左上角的值填满。',
    en: 'The sheet "{sheet}" has {n} merged areas (such as {cells}); each was filled with its top-left value.'
  },
  header_not_first_row: { zh: '表头在第 {row} 行，前面 {skipped} 行（标题）已跳过。', en: 'The header is on row {row}; the {skipped} title rows above it were skipped.' },
  extra_cells: { zh: '第 {row} 行在表头以外的 {col} 列还有内容，已忽略。', en: 'Row {row} has content in column {col}, beyond the header; it was ignored.' },
  // Cell values.
  id_missing: { zh: '{what}为空。', en: 'The {what} is empty.' },
  id_scientific: {
    zh: '{what}「{value}」被 Excel 变成了科学计数法，后面的数字已经丢失，无法还原。' + REEXPORT.zh,
    en: 'Excel turned the {what} "{value}" into scientific notation; its last digits are lost and cannot be recovered. ' + REEXPORT.en
  },
  id_rounded: {
    zh: '{what}「{value}」第 15 位以后全是 0，像是被 Excel 按 15 位有效数字截断过（Excel 只保留数字的前 15 位），原{what}已经丢失。' + REEXPORT.zh,
    en: 'The {what} "{value}" is all zeros after the 15th digit, as Excel leaves a number it cut to 15 significant digits; the real {what} is lost. ' + REEXPORT.en
  },
  phone_scientific: {
    zh: '电话「{value}」被 Excel 变成了科学计数法，号码已经丢失。' + REEXPORT.zh,
    en: 'Excel turned the phone number "{value}" into scientific notation; the number is lost. ' + REEXPORT.en
  },
  amount_scientific: { zh: '金额「{value}」是科学计数法，无法确定原值。', en: 'The amount "{value}" is in scientific notation; its real value is unknown.' },
  amount_invalid: { zh: '金额「{value}」不是数字。', en: 'The amount "{value}" is not a number.' },
  amount_negative: { zh: '金额「{value}」是负数。', en: 'The amount "{value}" is negative.' },
  amount_too_large: { zh: '金额「{value}」太大。', en: 'The amount "{value}" is too large.' },
  qty_invalid: { zh: '数量「{value}」不是正整数。', en: 'The quantity "{value}" is not a positive whole number.' },
  qty_zero: { zh: '数量「{value}」必须大于 0。', en: 'The quantity "{value}" must be more than 0.' },
  qty_too_large: { zh: '数量「{value}」太大。', en: 'The quantity "{value}" is too large.' },
  date_unreadable: { zh: '时间「{value}」看不懂。', en: 'The time "{value}" cannot be read.' },
  date_format: {
    zh: '时间「{value}」看不懂（应为 2025-11-20 21:30:00 这样的格式）。',
    en: 'The time "{value}" cannot be read (write it like 2025-11-20 21:30:00).'
  },
  date_invalid: { zh: '时间「{value}」不是有效的日期。', en: 'The time "{value}" is not a real date.' },
  // Orders.
  order_no_missing: { zh: '订单号为空。', en: 'The order number is empty.' },
  order_incomplete: {
    zh: '同一订单（{orderNo}）的其他行有错误，整单没有导入。',
    en: 'Another row of the same order ({orderNo}) has an error, so the whole order was not imported.'
  },
  order_head_missing_items: {
    zh: '只有宝贝报表里有这个订单，缺少收件人和地址；请把同一时间段的订单报表一起导入。',
    en: 'This order is only in the item report, without recipient or address; import the order report of the same period with it.'
  },
  order_head_missing: { zh: '这个订单没有订单信息行。', en: 'This order has no order row.' },
  paid_at_missing: { zh: '付款时间为空，无法确定订单时间。', en: 'The paid time is empty, so the order has no time.' },
  recipient_missing: { zh: '收件人姓名为空。', en: 'The recipient name is empty.' },
  address_missing: { zh: '收货地址为空。', en: 'The delivery address is empty.' },
  qty_missing: { zh: '数量为空。', en: 'The quantity is empty.' },
  schema: { zh: '订单数据不完整：{detail}', en: 'The order data is incomplete: {detail}' },
  unpaid: { zh: '未付款（{status}），不导入。', en: 'Not paid ({status}): not imported.' },
  shipped: { zh: '已发货（{status}），不导入。', en: 'Already shipped ({status}): not imported.' },
  closed_unpaid: { zh: '订单已关闭且未付款（{status}），不导入。', en: 'Closed and never paid ({status}): not imported.' },
  // Catalog rows.
  weight_invalid: { zh: '重量「{value}」不是数字。', en: 'The weight "{value}" is not a number.' },
  stock_invalid: { zh: '库存「{value}」不是整数。', en: 'The stock "{value}" is not a whole number.' },
  duplicate_sku: { zh: '商品编码「{value}」与第 {row} 行重复，这一行没有导入。', en: 'The SKU code "{value}" repeats row {row}; this row was not imported.' },
  sku_schema: { zh: '商品数据不完整：{detail}', en: 'The SKU data is incomplete: {detail}' },
  // Findings on imported orders (flags shown in the detail panel and the preview).
  flag_duplicate_source: { zh: '这个订单也出现在「{other}」，已使用「{used}」的数据。', en: 'This order is also in "{other}"; the data from "{used}" was used.' },
  flag_recipient_hidden: { zh: '平台导出文件不含收件人姓名/电话（隐私保护），需通过平台电子面单打印。', en: 'The export has no recipient name/phone (privacy protection): print through the platform\'s e-waybill.' },
  flag_phone_masked: { zh: '电话「{phone}」是打码号码，按原样保留。', en: 'The phone "{phone}" is masked; kept as it is.' },
  flag_phone_privacy_ext: { zh: '电话「{phone}」是带分机号的隐私号，按原样保留。', en: 'The phone "{phone}" is a privacy number with an extension; kept as it is.' },
  flag_phone_missing: { zh: '没有收件人电话。', en: 'No recipient phone.' },
  flag_address_unresolved: { zh: '地址的{level}无法识别：「{address}」，请人工核对。', en: 'The {level} of the address cannot be recognised: "{address}". Please check it.' },
  flag_lines_from_summary: { zh: '没有宝贝报表中的商品行，按订单报表的宝贝标题和总数量生成了一行，请核对商品。', en: 'No item rows from the item report: one line was made from the order report\'s title and total quantity. Please check the items.' },
  flag_sku_unmapped: { zh: '商品未配对：{items}', en: 'Items not mapped to a SKU: {items}' },
  flag_id_doubtful: { zh: '{what}「{value}」第 15 位以后是 0，可能被 Excel 截断过，请核对。', en: 'The {what} "{value}" ends in zeros after digit 15: Excel may have cut it. Please check.' },
  flag_courier_unknown: { zh: '快递公司「{courier}」不在快递表中，只保留了运单号。', en: 'The courier "{courier}" is not in the courier table; only the tracking number was kept.' },
  // Column mapping.
  mapping_order_no: { zh: '需要指定订单号列。', en: 'Choose the order-number column.' },
  mapping_recipient: { zh: '需要指定收件人列。', en: 'Choose the recipient column.' },
  mapping_qty: { zh: '需要指定数量列。', en: 'Choose the quantity column.' },
  mapping_address: { zh: '需要指定完整地址列，或省/市/区/详细地址列。', en: 'Choose the full-address column, or the province/city/district/address columns.' },
  mapping_time: { zh: '需要指定付款时间或下单时间列。', en: 'Choose the paid-time or order-time column.' }
} as const satisfies Record<string, { zh: string; en: string }>;

export type ImportMessageKey = keyof typeof M;
export const IMPORT_MESSAGES: Record<ImportMessageKey, { zh: string; en: string }> = M;

export const msg = (key: ImportMessageKey, params: ImportParams = {}): ImportText => ({ key, params });

const isText = (v: ImportParam): v is ImportText => typeof v === 'object' && !Array.isArray(v) && v !== null && 'key' in v;

/** A message in one language; an unknown key falls back to the key itself (never throws: it is for display). */
export function formatImport(t: ImportText, lang: ImportLang = 'zh'): string {
  const entry = (IMPORT_MESSAGES as Record<string, { zh: string; en: string }>)[t.key];
  if (!entry) return t.key;
  return entry[lang].replace(/\{(\w+)\}/g, (all, name: string) => {
    const v = t.params[name];
    if (v === undefined) return all;
    if (isText(v)) return formatImport(v, lang);
    if (Array.isArray(v)) return (v as readonly string[]).join(lang === 'zh' ? '、' : ', ');
    if (TERM_PARAMS.has(name) && typeof v === 'string' && TERMS[v]) return TERMS[v][lang];
    return String(v);
  });
}

/** The Chinese sentence, for the fields (`message`, `reason`) that have always held one. */
export const zh = (key: ImportMessageKey, params: ImportParams = {}): string => formatImport({ key, params }, 'zh');

/** A rejected or skipped row's reason: the Chinese sentence and the message for any language. */
export const reasonOf = (key: ImportMessageKey, params: ImportParams = {}): { reason: string; text: ImportText } => ({ reason: zh(key, params), text: msg(key, params) });
