import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { printsAutomatically, siteFromSearch } from '../shared/siteFromLocation';
import { KioskApp } from './KioskApp';
import '../shared/hall.css';
import './kiosk.css';

// A long press on a touch screen opens the browser's menu; on a kiosk it only gets in the way.
document.addEventListener('contextmenu', (event) => event.preventDefault());

const root = document.getElementById('root');
if (!root) throw new Error('kiosk.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <KioskApp
      siteId={siteFromSearch(window.location.search)}
      autoPrint={printsAutomatically(window.location.search)}
    />
  </StrictMode>,
);
