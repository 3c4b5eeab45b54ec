/** Errors of reading a .docx 绩效文本 (UserError codes DOCX_*), with Chinese messages naming the file and what to do. */
import { UserError } from '../../../shared/errors';

export type DocxErrorCode =
  | 'DOCX_READ_FAILED' | 'DOCX_EMPTY_FILE' | 'DOCX_LEGACY_DOC' | 'DOCX_ENCRYPTED' | 'DOCX_NOT_WORD' | 'DOCX_IS_XLSX'
  | 'DOCX_CORRUPT' | 'DOCX_TOO_LARGE' | 'DOCX_ZIP_BOMB' | 'DOCX_XML_DTD' | 'DOCX_PARSE_TIMEOUT' | 'DOCX_PARSE_FAILED';

const MESSAGES: Record<DocxErrorCode, (file: string, detail: string) => string> = {
  DOCX_READ_FAILED: (f, d) => `无法读取文件“${f}”${d ? `（${d}）` : ''}：请确认文件存在、未被其他程序占用，且有读取权限`,
  DOCX_EMPTY_FILE: (f) => `文件“${f}”是空文件（0 字节）：请确认文件已完整保存或下载后再导入`,
  DOCX_LEGACY_DOC: (f) => `“${f}”是旧版 Word 97-2003 文档（.doc），无法直接读取：请在 Word 或 WPS 中打开，请另存为 .docx（“Word 文档”）后再导入`,
  DOCX_ENCRYPTED: (f) => `文件“${f}”已加密：请在 Word/WPS 中取消密码后另存为 .docx 再导入`,
  DOCX_NOT_WORD: (f, d) => `文件“${f}”不是 Word 文档（.docx）${d ? `：${d}` : ''}`,
  DOCX_IS_XLSX: (f) => `文件“${f}”是 Excel 工作簿而不是 Word 文档：请按 Excel 文件导入（扩展名应为 .xlsx）`,
  DOCX_CORRUPT: (f, d) => `文件“${f}”已损坏，无法作为 .docx 读取${d ? `（${d}）` : ''}：请在 Word/WPS 中打开并重新保存后再导入`,
  DOCX_TOO_LARGE: (f, d) => `文件“${f}”太大，无法导入（${d}）`,
  DOCX_ZIP_BOMB: (f, d) => `文件“${f}”的压缩内容异常（${d}），为安全起见不予读取`,
  DOCX_XML_DTD: (f) => `文件“${f}”含有文档类型声明（DTD），为安全起见不予读取：请在 Word/WPS 中另存为 .docx 后再导入`,
  DOCX_PARSE_TIMEOUT: (f, d) => `读取“${f}”超时（超过 ${d} 秒）：文件可能过大或已损坏`,
  DOCX_PARSE_FAILED: (f, d) => `读取“${f}”失败${d ? `（${d}）` : ''}：请在 Word/WPS 中打开并重新保存后再导入`,
};

/** A UserError with the code's Chinese message. */
export function docxError(code: DocxErrorCode, fileName: string, detail = ''): UserError {
  return new UserError(code, MESSAGES[code](fileName, detail));
}
