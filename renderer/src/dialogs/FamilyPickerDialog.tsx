import { useState } from 'react';
import { FAMILIES } from '../../../shared/families';
import { FAMILY_IDS, type FamilyId } from '../../../shared/model/types';
import { Modal } from './Modal';

/** Choose the 版式 of a new table (families A–E with their region). */
export function FamilyPickerDialog({ title, onAnswer }: { title: string; onAnswer: (f: FamilyId | null) => void }) {
  const [choice, setChoice] = useState<FamilyId>('nx-2024');
  return (
    <Modal
      title={title} testId="dialog-family" onEscape={() => onAnswer(null)}
      buttons={<>
        <button className="primary" data-autofocus onClick={() => onAnswer(choice)}>确定</button>
        <button onClick={() => onAnswer(null)}>取消</button>
      </>}
    >
      <div className="family-list" role="radiogroup" aria-label="版式">
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
