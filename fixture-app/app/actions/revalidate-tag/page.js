import { revalidateTag } from 'next/cache'
import { headers } from 'next/headers'

/** Revalidates the tag `tag-<key>` of the `x-action-key` request header (fetch-cache/tagged tags its fetch so). */
async function revalidateKey() {
  'use server'
  revalidateTag(`tag-${(await headers()).get('x-action-key')}`)
}

/** A form whose action revalidates the tag of the key the request names. */
export default function Page() {
  return (
    <main>
      <form action={revalidateKey}>
        <button type="submit">Revalidate the tag</button>
      </form>
    </main>
  )
}
