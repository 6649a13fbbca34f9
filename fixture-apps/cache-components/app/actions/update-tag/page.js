import { updateTag } from 'next/cache'
import { headers } from 'next/headers'

/** Calls updateTag for `tag-<key>` (the tag of lib/stamps.js taggedStamp), the key from the `x-action-key` header. */
async function update() {
  'use server'
  updateTag(`tag-${(await headers()).get('x-action-key')}`)
}

/** A form whose action calls updateTag. */
export default function Page() {
  return (
    <main>
      <form action={update}>
        <button type="submit">Update the tag</button>
      </form>
    </main>
  )
}
