import { revalidateTag } from 'next/cache'
import { headers } from 'next/headers'

/** As the cacheTag doc's action: revalidateTag('tag-<key>') with one argument, the key from the `x-action-key` header. */
async function revalidate() {
  'use server'
  revalidateTag(`tag-${(await headers()).get('x-action-key')}`)
}

/** A form whose action calls revalidateTag. */
export default function Page() {
  return (
    <main>
      <form action={revalidate}>
        <button type="submit">Revalidate the tag</button>
      </form>
    </main>
  )
}
