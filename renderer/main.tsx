import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import './global.css';
import { startTheme } from './theme/theme.js';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

startTheme();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
