import { hydrateRoot } from 'react-dom/client';
import { App, browserAdapter } from './App.js';

hydrateRoot(document.getElementById('root')!, <App adapter={browserAdapter()} />);
