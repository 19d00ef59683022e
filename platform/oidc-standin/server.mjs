// A real OpenID Connect provider on loopback for the staff sign-in tests (docs/decisions/0035):
// panva's oidc-provider with one static client, test accounts whose groups and email_verified
// the tests choose, and a minimal sign-in form of its own (no devInteractions).
//
//   node platform/oidc-standin/server.mjs --port 9400 --redirect-uri http://127.0.0.1:8000/accounts/oidc/staff/login/callback/
//
// Accounts come from --accounts FILE (JSON {id: {password, email, email_verified, name, groups}})
// or the built-in ones below. PUT /_standin/accounts/<id> with a JSON body replaces one, so a
// test can take a group away between two sign-ins. Never expose this outside loopback.
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import Provider from 'oidc-provider';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: '9400' },
    'redirect-uri': { type: 'string', multiple: true, default: [] },
    'client-id': { type: 'string', default: 'yhdessa' },
    'client-secret': { type: 'string', default: 'standin-secret' },
    accounts: { type: 'string' },
  },
});

const accounts = args.accounts
  ? JSON.parse(readFileSync(args.accounts, 'utf8'))
  : {
      'virkailija': {
        password: 'standin-password',
        email: 'virkailija@tampere.example',
        email_verified: true,
        name: 'Veera Virkailija',
        groups: ['yhdessa-moderaattorit-tesoma'],
      },
    };

const issuer = `http://127.0.0.1:${args.port}`;
const provider = new Provider(issuer, {
  clients: [
    {
      client_id: args['client-id'],
      client_secret: args['client-secret'],
      redirect_uris: args['redirect-uri'],
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'given_name', 'family_name', 'preferred_username'],
    groups: ['groups'],
  },
  scopes: ['openid', 'email', 'profile', 'groups'],
  features: { devInteractions: { enabled: false } },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  pkce: { required: () => true },
  cookies: { keys: ['standin-cookie-key-not-secret'] },
  async findAccount(ctx, id) {
    if (!accounts[id]) return undefined;
    return {
      accountId: id,
      async claims() {
        const { password, ...claims } = accounts[id];
        return { sub: id, preferred_username: id, ...claims };
      },
    };
  },
});

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(res, uid, error = '') {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>City sign-in</title></head>
<body><main><h1>City sign-in (test identity provider)</h1>
${error ? `<p role="alert">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login">
<p><label>Username <input name="login" autocomplete="username" required></label></p>
<p><label>Password <input name="password" type="password" autocomplete="current-password" required></label></p>
<p><button type="submit">Sign in</button></p>
</form></main></body></html>`);
}

async function body(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

// The consent of a first-party client, given at once: a city's own IdP does the same for its
// registered applications (admin consent).
async function grantConsent(req, res, details) {
  const { prompt, params, session, grantId } = details;
  const grant = grantId
    ? await provider.Grant.find(grantId)
    : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
  if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
  if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(prompt.details.missingResourceScopes || {})) {
    grant.addResourceScope(indicator, scopes.join(' '));
  }
  await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, {
    mergeWithLastSubmission: true,
  });
}

async function interaction(req, res, url) {
  const [, , uid, action] = url.pathname.split('/');
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) throw new Error('interaction mismatch');
  if (details.prompt.name === 'consent') return grantConsent(req, res, details);
  if (req.method === 'POST' && action === 'login') {
    const form = new URLSearchParams(await body(req));
    const account = accounts[form.get('login')];
    if (!account || account.password !== form.get('password')) {
      return page(res, uid, 'Wrong username or password.');
    }
    return provider.interactionFinished(req, res, { login: { accountId: form.get('login') } }, {
      mergeWithLastSubmission: false,
    });
  }
  return page(res, uid);
}

const callback = provider.callback();
http
  .createServer(async (req, res) => {
    const url = new URL(req.url, issuer);
    try {
      if (url.pathname.startsWith('/interaction/')) return await interaction(req, res, url);
      if (url.pathname.startsWith('/_standin/accounts/') && req.method === 'PUT') {
        accounts[decodeURIComponent(url.pathname.split('/')[3])] = JSON.parse(await body(req));
        res.writeHead(204);
        return res.end();
      }
      return callback(req, res);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`stand-in error: ${error.message}\n`);
    }
  })
  .listen(Number(args.port), '127.0.0.1', () => {
    console.log(`oidc stand-in listening on ${issuer}`);
  });
