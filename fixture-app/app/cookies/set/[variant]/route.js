import { cookies } from 'next/headers'

// Each variant makes one documented kind of cookies() call; GET /cookies/set/<variant>.
const variants = {
  'name-value': (store) => store.set('name', 'lee'),
  'object-form': (store) => store.set({ name: 'name', value: 'lee', httpOnly: true, path: '/' }),
  secure: (store) => store.set('name', 'lee', { secure: true }),
  'http-only': (store) => store.set('name', 'lee', { httpOnly: true }),
  path: (store) => store.set('name', 'lee', { path: '/docs' }),
  domain: (store) => store.set('name', 'lee', { domain: 'example.com' }),
  'max-age': (store) => store.set('name', 'lee', { maxAge: 3600 }),
  'expires-date': (store) => store.set('name', 'lee', { expires: new Date('2030-01-02T03:04:05Z') }),
  'expires-number': (store) => store.set('name', 'lee', { expires: Date.now() + 60_000 }),
  'same-site-lax': (store) => store.set('name', 'lee', { sameSite: 'lax' }),
  'same-site-strict': (store) => store.set('name', 'lee', { sameSite: 'strict' }),
  'same-site-none': (store) => store.set('name', 'lee', { sameSite: 'none', secure: true }),
  'same-site-true': (store) => store.set('name', 'lee', { sameSite: true }),
  'same-site-false': (store) => store.set('name', 'lee', { sameSite: false }),
  'priority-low': (store) => store.set('name', 'lee', { priority: 'low' }),
  'priority-medium': (store) => store.set('name', 'lee', { priority: 'medium' }),
  'priority-high': (store) => store.set('name', 'lee', { priority: 'high' }),
  partitioned: (store) => store.set('name', 'lee', { partitioned: true, secure: true }),
  'all-options': (store) =>
    store.set('name', 'lee', {
      partitioned: true,
      priority: 'high',
      sameSite: 'strict',
      httpOnly: true,
      secure: true,
      maxAge: 60,
      expires: new Date('2030-01-02T03:04:05Z'),
      domain: 'example.com',
      path: '/docs',
    }),
  several: (store) => {
    store.set('a', '1')
    store.set('b', '2')
    store.set('c', '3')
  },
  'same-name-twice': (store) => {
    store.set('name', 'first')
    store.set('name', 'second')
  },
  'needs-encoding': (store) => store.set('name', 'a b;c,d"é=%'),
  'delete-by-name': (store) => store.delete('name'),
  'delete-object': (store) => store.delete({ name: 'name', path: '/docs', domain: 'example.com' }),
  'set-empty-value': (store) => store.set('name', ''),
  'max-age-zero': (store) => store.set('name', 'value', { maxAge: 0 }),
  clear: (store) => store.clear(),
}

export async function GET(request, { params }) {
  const { variant } = await params
  const store = await cookies()
  variants[variant](store)
  return Response.json({ variant })
}
