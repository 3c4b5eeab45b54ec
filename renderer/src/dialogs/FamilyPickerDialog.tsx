/** The 版式 picker of 新建, 新建表 and 更改版式: the project's learned layouts first, then families A–E. */
import { useState } from 'react';
import { FAMILIES } from '../../../shared/families';
import { FAMILY_IDS, type FamilyId } from '../../../shared/model/types';
import type { LearnedChoice } from './dialog-types';
import { Modal } from './Modal';

type Choice = FamilyId | `like:${number}`;

/** Choose the 版式 of a new table: the project's learned layouts (自定义版式) first, then families A–E. */
export function FamilyPickerDialog({ title, learned = [], onAnswer }: { title: string; learned?: readonly LearnedChoice[]; onAnswer: (f: Choice | null) => void }) {
  const [choice, setChoice] = useState<Choice>(learned.length > 0 ? `like:${learned[0].tableIndex}` : 'nx-2024');
  return (
    <Modal
      title={title} testId="dialog-family" onEscape={() => onAnswer(null)}
      buttons={<>
        <button className="primary" data-autofocus onClick={() => onAnswer(choice)}>确定</button>
        <button onClick={() => onAnswer(null)}>取消</button>
      </>}
    >
      <div className="family-list" role="radiogroup" aria-label="版式">
        {learned.map((l) => {
          const id: Choice = `like:${l.tableIndex}`;
          return (
            <label key={id} className={`family-option${choice === id ? ' selected' : ''}`} data-testid="family-learned">
              <input type="radio" name="family" value={id} checked={choice === id} onChange={() => setChoice(id)} />
              <span className="family-letter">自</span>
              <span className="family-name">{l.name}</span>
              <span className="family-region">本项目导入的版式</span>
            </label>
          );
        })}
        {FAMILY_IDS.map((id) => {
          const f = FAMILIES[id];
          return (
            <label key={id} className={`family-option${choice === id ? ' selected' : ''}`}>
              <input type="radio" name="family" value={id} checked={choice === id} onChange={() => setChoice(id)} />
              <span className="family-letter">{f.letter}</span>
              <span className="family-name">{f.displayName}</span>
              <span className="family-region">{f.region}{f.department ? ' · 部门整体' : ' · 项目支出'}</span>
            </label>
          );
        })}
      </div>
    </Modal>
  );
}
