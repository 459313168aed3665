import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HealthApp } from './HealthApp';
import '../shared/hall.css';
import './health.css';

const root = document.getElementById('root');
if (!root) throw new Error('health.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <HealthApp />
  </StrictMode>,
);
