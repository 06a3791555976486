// Prepares a fresh Dropcart for the tus benchmark: the admin signs in and creates a pool, a user
// signs up and is admitted to it. Prints {"token": <the user's access token>, "pool": <pool id>}.
// Usage: node dropcart-setup.mjs BASE_URL ADMIN_PASSWORD
const [base, adminPassword] = process.argv.slice(2);

async function call(method, path, body, token) {
  const res = await fetch(new URL(path, base), {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

const admin = (await call('PUT', 'api/auth/login/admin', { password: adminPassword })).access_token;
const user = await call('POST', 'api/auth/signup', { username: 'bench-client', password: 'bench-client-password' });
const pool = (await call('POST', 'api/pools', { name: 'bench' }, admin)).id;
await call('POST', `api/pools/${pool}/members`, { username: 'bench-client' }, admin);
console.log(JSON.stringify({ token: user.access_token, pool }));
