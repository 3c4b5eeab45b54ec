import { registerLanguageDictionary, zhCN } from 'handsontable/i18n';
import { registerAllModules } from 'handsontable/registry';

let done = false;

/** Registers Handsontable's modules and the Simplified Chinese dictionary once. */
export function registerHandsontable(): void {
  if (done) return;
  done = true;
  registerAllModules();
  registerLanguageDictionary(zhCN);
}
