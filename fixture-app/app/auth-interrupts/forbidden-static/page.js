import { forbidden } from 'next/navigation'

/** A page without Dynamic APIs that calls forbidden(). */
export default function Page() {
  forbidden()
}
