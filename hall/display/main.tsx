import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { siteFromSearch } from '../shared/siteFromLocation';
import { DisplayApp } from './DisplayApp';
import '../shared/hall.css';
import './display.css';

const root = document.getElementById('root');
if (!root) throw new Error('display.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <DisplayApp siteId={siteFromSearch(window.location.search)} />
  </StrictMode>,
);
