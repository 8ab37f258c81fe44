import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { configuredAuthUrl, consoleClient, renewToken } from './api';
import { Session } from './session';
import './styles.css';

const session = new Session();
const crms = consoleClient(session);
const authUrl = configuredAuthUrl();
if (authUrl) session.setRenew((refreshToken) => renewToken(authUrl, refreshToken));
const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App crms={crms} session={session} authUrl={authUrl} />
  </StrictMode>,
);
