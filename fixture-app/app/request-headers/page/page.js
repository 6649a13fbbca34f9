import { headers } from 'next/headers'

// Lists the request headers a page sees through headers(), one <dt>/<dd> pair each, in order;
// then, for each `name` search parameter, that header's value (or `absent`) in <li id="probe-NAME">.
export default async function Page({ searchParams }) {
  const list = await headers()
  const { name = [] } = await searchParams
  return (
    <>
      <dl>
        {[...list].map(([key, value]) => (
          <div key={key}>
            <dt>{key}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <ul>
        {[].concat(name).map((key) => (
          <li key={key} id={`probe-${key}`}>
            {list.get(key) ?? 'absent'}
          </li>
        ))}
      </ul>
    </>
  )
}
