import { headers } from 'next/headers'

// Lists the request headers a page sees through headers(), one <dt>/<dd> pair each, in order.
export default async function Page() {
  const list = await headers()
  return (
    <dl>
      {[...list].map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}
