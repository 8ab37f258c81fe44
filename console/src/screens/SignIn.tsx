import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { asEnvelope, login } from '../api';
import { useConsole, useSession } from '../context';
import { ErrorSummary, FieldError, fieldProps } from '../errors';
import { SubmitButton } from '../write';

export function SignInScreen() {
  const { session, authUrl } = useConsole();
  const { notice } = useSession();
  const [token, setToken] = useState('');
  const [tokenProblem, setTokenProblem] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useMutation({
    mutationFn: async () => {
      if (!authUrl) throw new Error('No Auth Service is configured (CONSOLE_AUTH_URL)');
      const { accessToken, refreshToken } = await login(authUrl, email, password);
      const problem = session.signIn(accessToken, refreshToken);
      if (problem) throw new Error(problem);
    },
  });
  const envelope = signIn.error ? asEnvelope(signIn.error) : null;
  return (
    <section className="sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in to the CRMS Console</h1>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {authUrl && (
        <form
          className="card"
          aria-labelledby="login-title"
          onSubmit={(e) => {
            e.preventDefault();
            signIn.mutate();
          }}
        >
          <h2 id="login-title">With your platform account</h2>
          <div className="field">
            <label htmlFor="login-email">E-mail</label>
            <input id="login-email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required {...fieldProps('login', 'email', envelope)} />
            <FieldError form="login" field="email" envelope={envelope} />
          </div>
          <div className="field">
            <label htmlFor="login-password">Password</label>
            <input
              id="login-password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
              {...fieldProps('login', 'password', envelope)}
            />
            <FieldError form="login" field="password" envelope={envelope} />
          </div>
          <SubmitButton pending={signIn.isPending}>Sign in</SubmitButton>
          <ErrorSummary error={signIn.error} fields={['email', 'password']} />
        </form>
      )}
      <form
        className="card"
        aria-labelledby="token-title"
        onSubmit={(e) => {
          e.preventDefault();
          setTokenProblem(session.signIn(token));
        }}
      >
        <h2 id="token-title">With an access token</h2>
        <p className="muted">
          Paste an administrator's access token (in development, the one <code>make -s token</code> prints in the CRMS checkout). It
          is kept in this browser's open console tabs only, until you sign out or close them.
        </p>
        <div className="field">
          <label htmlFor="token-value">Access token</label>
          <textarea
            id="token-value"
            rows={4}
            value={token}
            onChange={(e) => setToken(e.target.value)}
            required
            spellCheck={false}
            {...(tokenProblem ? { 'aria-invalid': true, 'aria-describedby': 'token-problem' } : {})}
          />
          {tokenProblem && (
            <p className="field-error" id="token-problem">
              {tokenProblem}
            </p>
          )}
        </div>
        <button type="submit" className="primary">
          Use this token
        </button>
      </form>
    </section>
  );
}
