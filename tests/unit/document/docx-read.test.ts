/** shared/docx: Word table grids (gridSpan / vMerge → merges), table grouping, the narrative by headings. */
import { describe, expect, it } from 'vitest';
import { docxTableGrid, docxToRawWorkbook, readDepartmentNarrative, readDutyTable, type DocxBlock, type DocxCell, type DocxTable } from '../../../shared/docx';

const c = (text: string, gridSpan = 1, vMerge: DocxCell['vMerge'] = null): DocxCell => ({ text, gridSpan, vMerge });
const para = (text: string, pageBreak = false): DocxBlock => ({ kind: 'paragraph', text, style: '', ...(pageBreak ? { pageBreak } : {}) });

describe('Word tables as grids', () => {
  it('gridSpan becomes a colspan, vMerge restart/continue a rowspan', () => {
    const table: DocxTable = { kind: 'table', rows: [
      [c('预算规模及资金用途', 1, 'restart'), c('预算数'), c('67.54', 2)],
      [c('', 1, 'continue'), c('用于支付村干部工资', 3)],
    ] };
    const grid = docxTableGrid(table);
    expect(grid.colCount).toBe(4);
    expect(grid.merges).toEqual([
      { row: 0, col: 0, rowspan: 2, colspan: 1 },
      { row: 0, col: 2, rowspan: 1, colspan: 2 },
      { row: 1, col: 1, rowspan: 1, colspan: 3 },
    ]);
    expect(grid.rows[1][0]).toBeNull();
    expect(grid.rows[1][1]).toEqual({ value: '用于支付村干部工资' });
  });

  it('a title paragraph heads its table; tables split only by empty paragraphs share a sheet; a page break separates', () => {
    const t = (text: string): DocxTable => ({ kind: 'table', rows: [[c(text), c('x')]] });
    const raw = docxToRawWorkbook([
      para('1.官厅镇村干部工资绩效目标表'), t('项目编码'), para(''), t('一级指标'),
      para('', true), t('项目编码'), para('预算项目绩效目标'), t('项目名称'),
    ]);
    expect(raw.sheets.map((s) => s.name)).toEqual(['第1个表格', '第3个表格', '第4个表格']);
    expect(raw.sheets[0].rows.map((r) => r[0]?.value)).toEqual(['1.官厅镇村干部工资绩效目标表', '项目编码', '一级指标']);
    expect(raw.sheets[0].merges).toEqual([{ row: 0, col: 0, rowspan: 1, colspan: 2 }]);
    expect(raw.sheets[2].rows.map((r) => r[0]?.value)).toEqual(['项目名称']);
  });
});

describe('family F from the document', () => {
  it('sections by their last heading (the 目录 lines come first), up to 第二部分', () => {
    const blocks = [
      para('一、总体绩效目标\t1'), para('一、总体绩效目标'), para('二、分项绩效目标'), para('三、工作保障措施'),
      para('第一部分'), para('一、总体绩效目标'), para('1.保障运转。'), para(' '), para('2.完成任务。'),
      para('二、分项绩效目标：'), para('1.防火宣传。'), para('三、工作保障措施'), para('1.加强宣传。'), para('第二部分'), para('预算项目绩效目标'),
    ];
    expect(readDepartmentNarrative(blocks)).toEqual({
      overallGoal: '1.保障运转。\n2.完成任务。', itemGoalsText: '1.防火宣传。', itemGoals: null, safeguards: '1.加强宣传。',
    });
    expect(readDepartmentNarrative([para('第二部分')])).toBeNull();
  });

  it('a duty table without merges groups rows by repeated duty and task text', () => {
    const table: DocxTable = { kind: 'table', rows: [
      [c('部门职责'), c('工作任务'), c('绩效指标'), c('指标值')],
      [c('保障运转'), c('政府运行'), c('保障人数'), c('≥45人')],
      [c('保障运转'), c('政府运行'), c('保障率'), c('100%')],
      [c('保障运转'), c('党委运行'), c('会议次数'), c('≥24次')],
      [c('防火防汛'), c('防火宣传'), c('宣传次数'), c('>=12次')],
    ] };
    const duties = readDutyTable(table);
    expect(duties.map((d) => [d.duty, d.tasks.map((t) => [t.task, t.indicators.map((i) => i.name)])])).toEqual([
      ['保障运转', [['政府运行', ['保障人数', '保障率']], ['党委运行', ['会议次数']]]],
      ['防火防汛', [['防火宣传', ['宣传次数']]]],
    ]);
    expect(duties[1].tasks[0].indicators[0].value).toMatchObject({ raw: '>=12次', operator: '≥', number: 12, unit: '次' });
  });
});
