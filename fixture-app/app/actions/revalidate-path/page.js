import { revalidatePath } from 'next/cache'

/** Revalidates this page's path. */
async function revalidateThisPage() {
  'use server'
  revalidatePath('/actions/revalidate-path')
}

/** A prerendered page showing when it was rendered, with a form whose action revalidates it. */
export default function Page() {
  return (
    <main>
      <p id="now">{Date.now()}</p>
      <form action={revalidateThisPage}>
        <button type="submit">Revalidate this page</button>
      </form>
    </main>
  )
}
