// The retailer import page.
// Chinese first; the English must have the same keys and shapes (`satisfies`).
import { countOf } from '../../../shared/plural.js';

export const importPageZh = {
  importPage: {
    title: '批量导入零售户',
    intro: '上传 Excel（.xlsx）或 CSV 文件，按客户编码新增或更新零售户。文件中任何一行有错误时，整个文件都不会导入。',
    template: '下载导入模板',
    drop: '点击或拖拽文件到此处上传',
    dropHint: '支持 .xlsx、.csv（UTF-8 或 GBK 编码，Excel 另存的 CSV 均可），单个文件不超过 20 MB',
    uploading: '正在导入…',
    success: (c: number, u: number, t: number) => `导入成功：新增 ${c} 户，更新 ${u} 户，共处理 ${t} 行`,
    unchanged: (n: number) => `${n} 户与档案一致，未改动`,
    ignoredColumns: (cols: string) => `未识别、已忽略的列：${cols}`,
    rejectedTitle: '导入被拒绝',
    rejectedCount: (n: number) => `共 ${n} 处错误`,
    row: '行号',
    column: '列',
    value: '值',
    problem: '问题',
    wrongType: '请选择 .xlsx 或 .csv 文件',
  },
};

export const importPageEn = {
  importPage: {
    title: 'Import retailers',
    intro: 'Upload an Excel (.xlsx) or CSV file to create or update retailers by customer code. If any row has an error, nothing from the file is imported.',
    template: 'Download the template',
    drop: 'Click or drag a file here to upload',
    dropHint: '.xlsx or .csv (UTF-8 or GBK, as Excel saves it), up to 20 MB',
    uploading: 'Importing…',
    success: (c: number, u: number, t: number) => `Imported: ${c} created, ${u} updated, ${countOf(t, 'row')} in all`,
    unchanged: (n: number) => `${n} already matched their files and were left as they were`,
    ignoredColumns: (cols: string) => `Columns not recognised and ignored: ${cols}`,
    rejectedTitle: 'Import rejected',
    rejectedCount: (n: number) => `${n} problem${n === 1 ? '' : 's'}`,
    row: 'Row',
    column: 'Column',
    value: 'Value',
    problem: 'Problem',
    wrongType: 'Choose an .xlsx or .csv file',
  },
} satisfies typeof importPageZh;
