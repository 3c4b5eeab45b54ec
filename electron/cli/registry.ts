/**
 * The list of `jxmb` subcommands: name, Chinese help lines and a loader per command. Help and
 * dispatch read this list only, so `jxmb --help` loads no command module and each command loads
 * its own dependencies (exceljs, playwright-core, docx…) when it runs. Each `<name>.command.ts`
 * takes its help lines from here (`commandInfo`), so they are written once.
 */
import type { CliCommand } from './types';

/** Help lines of one subcommand. */
export type CommandInfo = Pick<CliCommand, 'name' | 'summary' | 'usage'>;

const LIBRARY_USAGE = 'jxmb library build <文件或文件夹…> -o <library.json> | jxmb library suggest <文字> [--level2 <二级>] [--json] [--library <文件>]';

const INFO = {
  inspect: { summary: '查看项目文件或 Excel 工作簿：表数、版式、指标数与导入警告', usage: 'jxmb inspect <file.xlsx|file.jxmb> [--json] [--family <版式>]' },
  import: { summary: '将 Excel 工作簿导入为项目文件 (.jxmb)', usage: 'jxmb import <in.xlsx> -o <out.jxmb> [--family <版式>]' },
  export: {
    summary: '按官方版式导出 Excel 工作簿（每表一个工作表，或 --stacked 全部放在一个工作表）',
    usage: 'jxmb export <in.jxmb|in.xlsx> -o <out.xlsx> [--family <版式>] [--stacked]',
  },
  fill: { summary: '回填：把项目写回原工作簿（或 --template 指定的模板）的副本，只改表格区域', usage: 'jxmb fill <project.jxmb|in.xlsx> -o <out.xlsx> [--template <模板.xlsx>]' },
  validate: {
    summary: '离线校验项目文件或 Excel 工作簿（可指定文件夹），列出错误、警告和提示',
    usage: 'jxmb validate <文件或文件夹>... [--json] [--min-severity error|warning|info] [--settings <校验设置.json>] [--library builtin|<指标库.json>]',
  },
  pdf: {
    summary: '按官方版式打印为 PDF（A4，每张表另起一页，跨页重复表头，页脚“第 N 页 共 M 页”）',
    usage: 'jxmb pdf <in.jxmb|in.xlsx> -o <out.pdf> [--tables 1,3-5] [--hide-empty-slots] [--signature] [--no-page-numbers] [--browser <浏览器路径>] [--family <版式>]',
  },
  library: { summary: '指标库：从以往的项目文件生成指标库（build），或按名称、拼音首字母查找指标（suggest）', usage: LIBRARY_USAGE },
  doc: {
    summary: '生成部门预算绩效文本（封面、带页码的目录、第一部分部门整体绩效目标、第二部分各项目绩效目标表），导出为 PDF 或 Word (.docx)',
    usage: 'jxmb doc <in.jxmb|in.xlsx|in.docx> -o <out.pdf|out.docx> [--title 标题] [--compiler 编制单位行] [--reviewer 审核单位行] [--browser <浏览器路径>] [--family <版式>]',
  },
} as const;

/** Name of a subcommand. */
export type CommandName = keyof typeof INFO;

/** Help lines of the subcommand `name`. */
export function commandInfo(name: CommandName): CommandInfo {
  return { name, ...INFO[name] };
}

/** Loads the module of one subcommand (only when that command runs). */
const LOADERS: Record<CommandName, () => Promise<CliCommand>> = {
  inspect: async () => (await import('./inspect.command')).inspectCommand,
  import: async () => (await import('./import.command')).importCommand,
  export: async () => (await import('./export.command')).exportCommand,
  fill: async () => (await import('./fill.command')).fillCommand,
  validate: async () => (await import('./validate.command')).validateCommand,
  pdf: async () => (await import('./pdf.command')).pdfCommand,
  library: async () => (await import('./library.command')).libraryCommand,
  doc: async () => (await import('./doc.command')).docCommand,
};

/** A subcommand before its module is loaded. */
export interface CommandEntry extends CommandInfo {
  readonly load: () => Promise<CliCommand>;
  /** The command reads a workbook or project file (its parse child is worth starting early). */
  readonly readsInput: boolean;
}

/** Every subcommand of `jxmb`, in help order. */
export function commandEntries(): readonly CommandEntry[] {
  return (Object.keys(INFO) as CommandName[]).map((name) => ({ ...commandInfo(name), load: LOADERS[name], readsInput: name !== 'library' }));
}
