import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import handsontableCss from 'handsontable/styles/handsontable.min.css?inline';
import 'handsontable/styles/ht-theme-main.min.css';
import './styles/app.css';
import './styles/grid.css';
import { App } from './App';
import { installGridCellCss } from './styles/grid-cell-css';
import { installHandsontableCss } from './styles/handsontable-css';

installHandsontableCss(handsontableCss);
installGridCellCss();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
