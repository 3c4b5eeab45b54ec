import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'handsontable/styles/handsontable.min.css';
import 'handsontable/styles/ht-theme-main.min.css';
import './styles/app.css';
import './styles/grid.css';
import { App } from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
