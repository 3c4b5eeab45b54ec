import { UserError } from '../../../shared/errors';

/** Stable codes of the errors reading an xlsx can raise (UserError.code). */
export type XlsxErrorCode =
  | 'XLSX_READ_FAILED'
  | 'XLSX_EMPTY_FILE'
  | 'XLSX_ENCRYPTED'
  | 'XLSX_LEGACY_XLS'
  | 'XLSX_WPS_ET'
  | 'XLSX_HTML_AS_XLS'
  | 'XLSX_XML_2003'
  | 'XLSX_XLSB'
  | 'XLSX_ODS'
  | 'XLSX_JXMB_AS_XLSX'
  | 'XLSX_NOT_SPREADSHEET'
  | 'XLSX_UNKNOWN_FORMAT'
  | 'XLSX_CORRUPT'
  | 'XLSX_DUPLICATE_PART'
  | 'XLSX_TOO_LARGE'
  | 'XLSX_ZIP_BOMB'
  | 'XLSX_XML_DTD'
  | 'XLSX_PARSE_TIMEOUT'
  | 'XLSX_PARSE_OUT_OF_MEMORY'
  | 'XLSX_PARSE_FAILED';

const SAVE_AS = '请在 Excel 或 WPS 中打开，另存为“Excel 工作簿 (.xlsx)”后再导入';

const MESSAGES: Record<XlsxErrorCode, (file: string, detail: string) => string> = {
  XLSX_READ_FAILED: (f, d) => `无法读取文件“${f}”${d ? `（${d}）` : ''}：请确认文件存在、未被其他程序占用，且有读取权限`,
  XLSX_EMPTY_FILE: (f) => `文件“${f}”是空文件（0 字节）：请确认文件已完整保存或下载后再导入`,
  XLSX_ENCRYPTED: (f) => `文件“${f}”已加密：请在 Excel/WPS 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后另存为 .xlsx 再导入`,
  XLSX_LEGACY_XLS: (f) => `文件“${f}”是旧版 Excel 97-2003 (.xls) 文件，但其内容无法读取（文件可能已损坏或使用了过旧的版本）：${SAVE_AS}`,
  XLSX_WPS_ET: (f) => `文件“${f}”是 WPS 表格 (.et) 格式，本软件无法读取其内容：请在 WPS 中打开，选择“文件 → 另存为 → Excel 工作簿 (*.xlsx)”后再导入`,
  XLSX_HTML_AS_XLS: (f) => `文件“${f}”其实是网页 (HTML/MHT) 文件，只是扩展名为 .xls（常见于系统导出），其中没有可读取的表格：${SAVE_AS}`,
  XLSX_XML_2003: (f) => `文件“${f}”是 Excel 2003 XML 表格，但其内容无法读取（文件可能已损坏）：${SAVE_AS}`,
  XLSX_XLSB: (f) => `文件“${f}”是 Excel 二进制工作簿 (.xlsb)，但其内容无法读取（文件可能已损坏）：${SAVE_AS}`,
  XLSX_ODS: (f) => `文件“${f}”是 OpenDocument 表格 (.ods)，但其内容无法读取（文件可能已损坏）：请在 WPS/LibreOffice/Excel 中打开，另存为 .xlsx 后再导入`,
  XLSX_JXMB_AS_XLSX: (f) => `文件“${f}”是本软件的项目文件 (.jxmb)，不是 Excel 表格：请用“打开项目”打开它`,
  XLSX_NOT_SPREADSHEET: (f, d) => `文件“${f}”不是 Excel 表格${d ? `（看起来是${d}）` : ''}：请选择 Excel 或 WPS 表格文件（.xlsx、.xls、.et、.ods 等）`,
  XLSX_UNKNOWN_FORMAT: (f) => `无法识别文件“${f}”的格式，它不是本软件能读取的表格：请在 Excel 或 WPS 中确认能打开，并另存为 .xlsx 后再导入`,
  XLSX_CORRUPT: (f, d) => `文件“${f}”已损坏或不完整${d ? `（${d}）` : ''}：请重新下载或从原处再复制一份，或在 Excel/WPS 中打开修复后另存为 .xlsx`,
  XLSX_DUPLICATE_PART: (f, d) => `文件“${f}”中的部件 ${d} 出现了两次，无法确定哪一份是正确的，已拒绝导入：请在 Excel 或 WPS 中打开该文件，另存为新的 .xlsx 后再导入`,
  XLSX_TOO_LARGE: (f, d) => `文件“${f}”过大，超出导入限制${d ? `（${d}）` : ''}：请删除无关的工作表、图片后另存再导入`,
  XLSX_ZIP_BOMB: (f, d) => `文件“${f}”的压缩内容异常（${d}），可能是恶意构造的文件，已拒绝导入：请向发送方索取原始文件，或在 Excel/WPS 中打开后另存为 .xlsx 再导入`,
  XLSX_XML_DTD: (f, d) => `文件“${f}”的部件 ${d} 含有 DOCTYPE/ENTITY 声明，正常的 Excel 文件不会有，已拒绝导入（可能是恶意构造的文件）：请在 Excel/WPS 中打开后另存为 .xlsx 再导入`,
  XLSX_PARSE_TIMEOUT: (f, d) => `读取文件“${f}”超时（超过 ${d} 秒），已停止：文件可能过大或结构异常，请在 Excel/WPS 中打开后另存为 .xlsx 再试`,
  XLSX_PARSE_OUT_OF_MEMORY: (f) => `读取文件“${f}”时内存不足，已停止：文件过大或结构过于复杂，请删除无关的工作表后另存为 .xlsx 再试`,
  XLSX_PARSE_FAILED: (f, d) => `无法解析文件“${f}”${d ? `（${d}）` : ''}：请在 Excel/WPS 中打开后另存为 .xlsx 再导入`,
};

/** A UserError with the Chinese message for `code`, naming the file; `detail` adds specifics. */
export function xlsxError(code: XlsxErrorCode, fileName: string, detail = ''): UserError {
  return new UserError(code, MESSAGES[code](fileName, detail));
}

/** Human-readable size in MB for messages. */
export function mb(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}
